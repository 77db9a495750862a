#pragma once

// The orders table as staff handle it: it says when a mouse button goes down and up (so the rows
// can hold still under the pointer meanwhile), hands typed text to the search field instead of
// jumping to a row by its first column, and lets Tab move on to the next control. In a window too
// narrow for every column's text it squeezes the columns that can lose letters (they elide),
// never the status, number or total, so the table does not scroll sideways.
#include <QHash>
#include <QList>
#include <QTableView>

namespace hearth {

class OrdersTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrdersTableView)

public:
    explicit OrdersTableView(QWidget *parent = nullptr);

    void keyboardSearch(const QString &search) override;

    // The width a column's longest text needs, and how far it may be squeezed when the view is
    // narrow (equal: never). The stretch column takes what is left, at least `minimum`.
    void setColumnWidths(int column, int preferred, int minimum);
    void setStretchColumn(int column, int minimum);
    // What every column wants: the view is narrower than this when columns are squeezed.
    int preferredWidth() const;

signals:
    void pointerHeldChanged(bool held);
    void textTyped(const QString &text);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Widths
    {
        int preferred = 0;
        int minimum = 0;
    };

    void setPointerHeld(bool held);
    void fitColumns();

    bool m_pointerHeld = false;
    QHash<int, Widths> m_widths;
    QList<int> m_squeezeOrder; // first squeezed first
    int m_stretchColumn = -1;
    int m_stretchMinimum = 0;
};

} // namespace hearth
