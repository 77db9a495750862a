#include "ui/mainwindow.h"

#include "core/logging.h"
#include "models/connectionstatus.h"
#include "models/ordersfilterproxy.h"
#include "models/ordersmodel.h"
#include "sync/orderactions.h"
#include "ui/connectionstatusbar.h"
#include "ui/diagnosticspanel.h"

#include <QAction>
#include <QCheckBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

namespace hearth {

namespace {

constexpr int failureMessageMs = 10000;

QString advanceLabel(OrderStatus next)
{
    switch (next) {
    case OrderStatus::Acknowledged: return MainWindow::tr("Acknowledge");
    case OrderStatus::Preparing: return MainWindow::tr("Start preparing");
    case OrderStatus::Ready: return MainWindow::tr("Mark ready");
    case OrderStatus::Completed: return MainWindow::tr("Complete");
    case OrderStatus::New:
    case OrderStatus::Cancelled: break;
    }
    return MainWindow::tr("Move on");
}

} // namespace

MainWindow::MainWindow(OrdersModel *orders, OrderActions *actions, ConnectionStatus *status,
                       DiagnosticsModel *diagnostics, QWidget *parent)
    : QMainWindow(parent),
      m_orders(orders),
      m_actions(actions),
      m_proxy(new OrdersFilterProxy(this)),
      m_view(new QTableView(this)),
      m_connectionBar(new ConnectionStatusBar(status, this)),
      m_diagnostics(diagnostics)
{
    setObjectName(QStringLiteral("mainWindow"));
    resize(1100, 640);
    m_proxy->setSourceModel(m_orders);
    m_proxy->setOpenOnly(true);

    m_view->setObjectName(QStringLiteral("ordersView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(OrdersModel::ReceivedColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(OrdersModel::ItemsColumn, QHeaderView::Stretch);
    m_view->setAccessibleName(tr("Orders"));

    buildToolBar();
    buildPages();
    statusBar()->addPermanentWidget(m_connectionBar, 1);
    m_unsavedLabel = new QLabel(this);
    m_unsavedLabel->setObjectName(QStringLiteral("unsavedChanges"));
    m_unsavedLabel->setTextFormat(Qt::RichText);
    m_unsavedLabel->hide();
    connect(m_unsavedLabel, &QLabel::linkActivated, this, [this] { showPage(Page::Widgets); });
    statusBar()->addPermanentWidget(m_unsavedLabel);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_orders, &QAbstractItemModel::dataChanged, this, &MainWindow::updateActions);
    connect(m_orders, &QAbstractItemModel::modelReset, this, &MainWindow::updateActions);
    connect(m_orders, &OrdersModel::unacknowledgedCountChanged, this, &MainWindow::updateTitle);
    connect(m_actions, &OrderActions::busyChanged, this, &MainWindow::updateActions);
    connect(m_actions, &OrderActions::actionFailed, this, &MainWindow::showActionFailure);
    connect(m_connectionBar, &ConnectionStatusBar::diagnosticsRequested, this, &MainWindow::showDiagnostics);
    updateActions();
    updateTitle();
}

void MainWindow::buildPages()
{
    m_pageList = new QListWidget(this);
    m_pageList->setObjectName(QStringLiteral("pageList"));
    m_pageList->setAccessibleName(tr("Pages"));
    m_pageList->addItem(tr("Orders"));
    m_pageList->addItem(tr("Widgets"));
    m_pageList->item(0)->setToolTip(tr("Live orders (Ctrl+1)"));
    m_pageList->item(1)->setToolTip(tr("The website's booking and ordering widgets (Ctrl+2)"));
    m_pageList->setFixedWidth(m_pageList->fontMetrics().horizontalAdvance(tr("Widgets")) * 2 + 40);
    m_pageList->setFrameShape(QFrame::NoFrame);
    // A quiet sidebar: the window's colour, roomy rows, the current page highlighted.
    m_pageList->setStyleSheet(QStringLiteral(
        "QListWidget#pageList { background: palette(window); border-right: 1px solid palette(mid); }"
        "QListWidget#pageList::item { padding: 8px 10px; }"));

    // Until the owner of the widgets' client hands its page over, say what the page is for.
    auto *placeholder = new QLabel(tr("Widgets are not available for this backend."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    m_widgetsPage = placeholder;

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->addWidget(m_view);
    m_pages->addWidget(m_widgetsPage);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_pageList);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    connect(m_pageList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_pages->setCurrentIndex(row);
        // The orders' tools would only get in the way elsewhere (and their shortcuts must not fire).
        m_ordersToolBar->setVisible(row == static_cast<int>(Page::Orders));
        qCInfo(lcUi) << "page:" << (row == static_cast<int>(Page::Orders) ? "orders" : "widgets");
        emit pageChanged(static_cast<Page>(row));
    });
    m_pageList->setCurrentRow(0);

    const struct { Page page; QKeySequence keys; const char *name; } shortcuts[] = {
        {Page::Orders, QKeySequence(Qt::CTRL | Qt::Key_1), "showOrdersPage"},
        {Page::Widgets, QKeySequence(Qt::CTRL | Qt::Key_2), "showWidgetsPage"},
    };
    for (const auto &shortcut : shortcuts) {
        auto *action = new QAction(this);
        action->setObjectName(QLatin1StringView(shortcut.name));
        action->setShortcut(shortcut.keys);
        action->setShortcutContext(Qt::WindowShortcut);
        const Page page = shortcut.page;
        connect(action, &QAction::triggered, this, [this, page] { showPage(page); });
        addAction(action);
    }
}

void MainWindow::setWidgetsPage(QWidget *page)
{
    const bool showing = currentPage() == Page::Widgets;
    m_pages->removeWidget(m_widgetsPage);
    m_widgetsPage->deleteLater();
    m_widgetsPage = page;
    page->setParent(this);
    m_pages->insertWidget(static_cast<int>(Page::Widgets), page);
    if (showing)
        m_pages->setCurrentWidget(page);
}

void MainWindow::showPage(Page page)
{
    m_pageList->setCurrentRow(static_cast<int>(page));
    // Keyboard users land in the page, not on the list they did not touch.
    m_pages->currentWidget()->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::setUnsavedChanges(int count)
{
    // Spelled out for English without a translation loaded ("%n change(s)" would show as is).
    const QString text = count == 1 ? tr("1 unsaved change") : tr("%1 unsaved changes").arg(count);
    m_unsavedLabel->setText(QStringLiteral("<a href=\"widgets\" style=\"color:#b26a00\">%1</a>").arg(text.toHtmlEscaped()));
    m_unsavedLabel->setAccessibleName(text);
    m_unsavedLabel->setToolTip(tr("Widget edits waiting to reach the server; they are kept on this PC until then"));
    m_unsavedLabel->setVisible(count > 0);
}

QString MainWindow::unsavedChangesText() const
{
    return m_unsavedLabel->isVisibleTo(this) ? m_unsavedLabel->accessibleName() : QString();
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(m_pageList->currentRow());
}

void MainWindow::buildToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Orders"));
    m_ordersToolBar = toolBar;
    toolBar->setObjectName(QStringLiteral("ordersToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_acknowledgeAction = toolBar->addAction(tr("Acknowledge"), this, &MainWindow::acknowledgeSelected);
    m_acknowledgeAction->setObjectName(QStringLiteral("acknowledgeAction"));
    m_acknowledgeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_acknowledgeAction->setToolTip(tr("Tell the kitchen and the customer the order has been seen (Ctrl+K)"));
    m_advanceAction = toolBar->addAction(tr("Move on"), this, &MainWindow::advanceSelected);
    m_advanceAction->setObjectName(QStringLiteral("advanceAction"));
    m_advanceAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_cancelAction = toolBar->addAction(tr("Cancel order…"), this, &MainWindow::cancelSelected);
    m_cancelAction->setObjectName(QStringLiteral("cancelAction"));
    toolBar->addSeparator();

    m_search = new QLineEdit(toolBar);
    m_search->setObjectName(QStringLiteral("orderSearch"));
    m_search->setPlaceholderText(tr("Search number, customer or item"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(320);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &OrdersFilterProxy::setSearchText);
    toolBar->addWidget(m_search);

    m_openOnly = new QCheckBox(tr("Open orders only"), toolBar);
    m_openOnly->setObjectName(QStringLiteral("openOnly"));
    m_openOnly->setChecked(m_proxy->openOnly());
    connect(m_openOnly, &QCheckBox::toggled, m_proxy, &OrdersFilterProxy::setOpenOnly);
    toolBar->addWidget(m_openOnly);
}

void MainWindow::setRestaurantName(const QString &name)
{
    m_restaurantName = name;
    updateTitle();
}

void MainWindow::setOrderActionsAvailable(bool available)
{
    m_actionsAvailable = available;
    for (QAction *action : {m_acknowledgeAction, m_advanceAction, m_cancelAction})
        action->setVisible(available);
    updateActions();
}

void MainWindow::updateTitle()
{
    const int unacknowledged = m_orders->unacknowledgedCount();
    const QString place = m_restaurantName.isEmpty() ? tr("Hearth") : tr("Hearth — %1").arg(m_restaurantName);
    setWindowTitle(unacknowledged > 0 ? tr("%1 (%n new)", "window title", unacknowledged).arg(place) : place);
}

const Order *MainWindow::selectedOrder() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    return m_orders->orderById(rows.first().data(OrdersModel::OrderIdRole).toString());
}

void MainWindow::updateActions()
{
    const Order *order = selectedOrder();
    const bool actionable = m_actionsAvailable && order && order->isOpen() && !m_actions->isBusy(order->id);
    m_acknowledgeAction->setEnabled(actionable && !order->isAcknowledged());

    const std::optional<OrderStatus> next = order ? nextStatus(order->status) : std::nullopt;
    m_advanceAction->setEnabled(actionable && next.has_value() && next != OrderStatus::Acknowledged);
    m_advanceAction->setText(next && next != OrderStatus::Acknowledged ? advanceLabel(*next) : tr("Move on"));
    m_cancelAction->setEnabled(actionable);
}

void MainWindow::acknowledgeSelected()
{
    if (const Order *order = selectedOrder())
        m_actions->acknowledge(order->id);
}

void MainWindow::advanceSelected()
{
    const Order *order = selectedOrder();
    if (!order)
        return;
    if (const std::optional<OrderStatus> next = nextStatus(order->status))
        m_actions->moveTo(order->id, *next);
}

void MainWindow::cancelSelected()
{
    const Order *order = selectedOrder();
    if (!order)
        return;
    const QString id = order->id;
    const auto answer = QMessageBox::question(
        this, tr("Cancel order"),
        tr("Cancel order #%1 for %2? The customer will be told.").arg(order->number).arg(order->customerName),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes)
        m_actions->moveTo(id, OrderStatus::Cancelled);
}

void MainWindow::showActionFailure(const QString &orderId, const QString &message)
{
    const Order *order = m_orders->orderById(orderId);
    statusBar()->showMessage(order ? tr("Order #%1: %2").arg(order->number).arg(message) : message,
                             failureMessageMs);
}

void MainWindow::showDiagnostics()
{
    if (!m_diagnosticsPanel)
        m_diagnosticsPanel = new DiagnosticsPanel(m_diagnostics, this);
    m_diagnosticsPanel->show();
    m_diagnosticsPanel->raise();
}

} // namespace hearth
