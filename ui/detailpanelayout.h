#pragma once

// Keeps the orders table readable whatever the window's width: the detail pane sits beside the
// table while there is room for every column's text and the pane, and below the table when
// there is not (an 800×600 window), so neither is squeezed to a sliver nor the table made to
// scroll sideways. The pane may also be dragged shut; it comes back when the splitter is dragged.
#include <QObject>

#include <functional>

class QSplitter;

namespace hearth {

class DetailPaneLayout final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailPaneLayout)

public:
    // `tableWidth`: what the table needs to show every column whole; `paneWidth`: the least the
    // pane is readable at beside it. The splitter's first widget is the table, its second the pane.
    DetailPaneLayout(QSplitter *splitter, std::function<int()> tableWidth, int paneWidth);

    void update();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QSplitter *m_splitter;
    std::function<int()> m_tableWidth;
    int m_paneWidth;
};

} // namespace hearth
