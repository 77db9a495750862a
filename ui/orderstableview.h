#pragma once

// The orders table as staff handle it: it says when a mouse button goes down and up (so the rows
// can hold still under the pointer meanwhile), hands typed text to the search field instead of
// jumping to a row by its first column, and lets Tab move on to the next control.
#include <QTableView>

namespace hearth {

class OrdersTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrdersTableView)

public:
    explicit OrdersTableView(QWidget *parent = nullptr);

    void keyboardSearch(const QString &search) override;

signals:
    void pointerHeldChanged(bool held);
    void textTyped(const QString &text);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void setPointerHeld(bool held);

    bool m_pointerHeld = false;
};

} // namespace hearth
