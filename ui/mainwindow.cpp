#include "ui/mainwindow.h"

#include "core/logging.h"
#include "models/connectionstatus.h"
#include "models/diagnosticsmodel.h"
#include "models/orderagesproxy.h"
#include "models/ordernotesproxy.h"
#include "models/orderproblemsproxy.h"
#include "models/ordersfilterproxy.h"
#include "models/ordersmodel.h"
#include "models/unavailableitemsproxy.h"
#include "models/orderspagesettings.h"
#include "models/recallwindow.h"
#include "sync/orderactions.h"
#include "ui/attentionnotifier.h"
#include "ui/connectionstatusbar.h"
#include "ui/detailpanelayout.h"
#include "ui/diagnosticspanel.h"
#include "ui/mainmenu.h"
#include "ui/viewappearance.h"
#include "ui/emptystatelabel.h"
#include "ui/messagebar.h"
#include "ui/orderdetailpane.h"
#include "ui/orderselectionkeeper.h"
#include "ui/ordersfilterbar.h"
#include "ui/orderstableview.h"
#include "ui/ticketprinter.h"
#include "ui/viewcsvwriter.h"

#include <algorithm>

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QStandardPaths>
#include <QGuiApplication>
#include <QComboBox>
#include <QFontMetrics>
#include <QHeaderView>
#include <QLocale>
#include <QItemSelectionModel>
#include <QHBoxLayout>
#include <QVBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTime>
#include <QToolBar>

namespace hearth {

namespace {

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
      m_problems(new OrderProblemsProxy(orders, this)),
      m_ages(new OrderAgesProxy(&m_serverClock, this)),
      m_proxy(new OrdersFilterProxy(this)),
      m_view(new OrdersTableView(this)),
      m_connectionBar(new ConnectionStatusBar(status, this)),
      m_diagnostics(diagnostics),
      m_recall(new RecallWindow([this] { return m_serverClock.now(); }, this))
{
    connect(m_recall, &RecallWindow::changed, this, &MainWindow::updateActions);
    setObjectName(QStringLiteral("mainWindow"));
    resize(1100, 640);
    auto *notes = new OrderNotesProxy(this);
    notes->setSourceModel(m_problems);
    m_ages->setSourceModel(notes);
    m_unavailable = new UnavailableItemsProxy(orders, this);
    m_unavailable->setSourceModel(m_ages);
    m_proxy->setSourceModel(m_unavailable);
    m_proxy->setOpenOnly(true);

    m_view->setObjectName(QStringLiteral("ordersView"));
    new OrderSelectionKeeper(m_view, m_proxy); // sets the model
    connect(m_view, &OrdersTableView::pointerHeldChanged, m_proxy, &OrdersFilterProxy::setHeld);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(OrdersModel::ReceivedColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    sizeColumns();
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
    connect(m_actions, &OrderActions::busyChanged, this, [this](const QString &orderId, bool busy) {
        if (busy)
            m_problems->clearProblem(orderId); // tried again: the old failure is no longer the news
    });
    connect(m_actions, &OrderActions::actionFailed, this, &MainWindow::showActionFailure);
    connect(m_actions, &OrderActions::queueChanged, this, &MainWindow::showQueued);
    connect(m_connectionBar, &ConnectionStatusBar::diagnosticsRequested, this, &MainWindow::showDiagnostics);
    buildMenus();
    updateActions();
    updateTitle();
}

void MainWindow::sizeColumns()
{
    // Fixed widths from the longest text each column can hold: sized to the rows on screen,
    // columns changed width while scrolling, and "Completed" was cut to "Comple…".
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(OrdersModel::ItemsColumn, QHeaderView::Stretch);
    header->setStretchLastSection(false);
    QFont bold = m_view->font(); // rows that need attention are bold
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    // One letter beside the cell margins: two letters on each of six columns took the Items
    // column's room ("3× Las…" at 1100 px with the detail pane open).
    const int padding = metrics.horizontalAdvance(u'M') + 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1);
    const int sortIndicator = metrics.height() + 4;
    // `squeezed`: the text the column keeps in a window too narrow for every column (it elides
    // the rest); none: the column is never squeezed (status, number, total must read whole).
    const auto widest = [&](int column, const QStringList &texts, const QString &squeezed = {}) {
        int width = metrics.horizontalAdvance(m_orders->headerData(column, Qt::Horizontal).toString()) + sortIndicator;
        for (const QString &text : texts)
            width = qMax(width, metrics.horizontalAdvance(text));
        const int least = squeezed.isEmpty() ? width : metrics.horizontalAdvance(squeezed + u'…');
        m_view->setColumnWidths(column, width + padding, least + padding);
    };
    QStringList statuses;
    for (OrderStatus status : {OrderStatus::New, OrderStatus::Acknowledged, OrderStatus::Preparing,
                               OrderStatus::Ready, OrderStatus::Completed, OrderStatus::Cancelled})
        statuses << statusDisplayName(status); // "… — failed" elides: the red row and tooltip say it
    widest(OrdersModel::NumberColumn, {tr("#%1").arg(99999)});
    widest(OrdersModel::StatusColumn, statuses);
    // Squeezed in this order: the customer's name, the time beside the age, the type.
    widest(OrdersModel::CustomerColumn, {QStringLiteral("Maximilian Mu")}, QStringLiteral("Maxi")); // longer names elide
    widest(OrdersModel::ReceivedColumn, {OrderAgesProxy::tr("%1 · %2", "age, time received")
                                             .arg(OrderAgesProxy::ageText(2 * 3600 + 59 * 60),
                                                  QLocale().toString(QTime(22, 58), QLocale::ShortFormat))},
           OrderAgesProxy::ageText(2 * 3600 + 59 * 60));
    widest(OrdersModel::TypeColumn, {typeDisplayName(OrderType::Pickup), typeDisplayName(OrderType::Delivery),
                                     typeDisplayName(OrderType::DineIn)}, typeDisplayName(OrderType::Pickup).left(4));
    widest(OrdersModel::TotalColumn, {formatCents(999999)});
    m_view->setStretchColumn(OrdersModel::ItemsColumn, metrics.horizontalAdvance(QStringLiteral("2× Margherita")) + padding);
    header->setMinimumSectionSize(metrics.horizontalAdvance(QStringLiteral("MMMM")));
}

void MainWindow::buildPages()
{
    m_pageList = new QListWidget(this);
    m_pageList->setObjectName(QStringLiteral("pageList"));
    m_pageList->setAccessibleName(tr("Pages"));
    m_pageList->addItem(tr("Orders"));
    m_pageList->addItem(tr("Widgets"));
    m_pageList->addItem(tr("Inventory"));
    m_pageList->addItem(tr("Analytics"));
    m_pageList->item(0)->setToolTip(tr("Live orders (Ctrl+1)"));
    m_pageList->item(1)->setToolTip(tr("The website's booking and ordering widgets (Ctrl+2)"));
    m_pageList->item(2)->setToolTip(tr("Stock, low-stock alerts and menu availability (Ctrl+3)"));
    m_pageList->item(3)->setToolTip(tr("What guests do with the website's widgets (Ctrl+4, managers)"));
    m_pageList->item(3)->setHidden(true); // until a manager signs in
    // As wide as the longest page name and its padding: every pixel more is taken from the orders.
    const QFontMetrics listMetrics = m_pageList->fontMetrics();
    m_pageList->setFixedWidth(qMax(qMax(listMetrics.horizontalAdvance(tr("Orders")), listMetrics.horizontalAdvance(tr("Widgets"))),
                                   qMax(listMetrics.horizontalAdvance(tr("Inventory")), listMetrics.horizontalAdvance(tr("Analytics"))))
                              + 2 * 10 + listMetrics.horizontalAdvance(QStringLiteral("MM")));
    m_pageList->setFrameShape(QFrame::NoFrame);
    // A quiet sidebar: the window's colour, roomy rows, the current page highlighted.
    m_pageList->setStyleSheet(QStringLiteral(
        "QListWidget#pageList { background: palette(window); border-right: 1px solid palette(mid); }"
        "QListWidget#pageList::item { padding: 8px 10px; }"));

    // Until the owner of the widgets' client hands its page over, say what the page is for.
    auto *placeholder = new QLabel(tr("Widgets are not available for this backend."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    m_widgetsPage = placeholder;
    auto *inventoryPlaceholder = new QLabel(tr("Inventory is not available for this backend."), this);
    inventoryPlaceholder->setAlignment(Qt::AlignCenter);
    m_inventoryPage = inventoryPlaceholder;
    auto *analyticsPlaceholder = new QLabel(tr("Analytics are not available for this backend."), this);
    analyticsPlaceholder->setAlignment(Qt::AlignCenter);
    m_analyticsPage = analyticsPlaceholder;

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    // The orders page: what went wrong above the table, until read.
    m_messageBar = new MessageBar(this);
    connect(m_messageBar, &MessageBar::dismissed, m_problems, &OrderProblemsProxy::clearAll);
    auto *ordersPage = new QWidget(this);
    ordersPage->setObjectName(QStringLiteral("ordersPage"));
    auto *ordersLayout = new QVBoxLayout(ordersPage);
    ordersLayout->setContentsMargins(0, 0, 0, 0);
    ordersLayout->setSpacing(0);
    ordersLayout->addWidget(m_messageBar);
    m_filterBar = new OrdersFilterBar(m_orders, m_proxy, ordersPage);
    ordersLayout->addWidget(m_filterBar);
    new EmptyStateLabel(m_view, m_proxy);
    m_detail = new OrderDetailPane(m_orders, this);
    auto *splitter = new QSplitter(Qt::Horizontal, ordersPage);
    splitter->setObjectName(QStringLiteral("ordersSplitter"));
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    m_detail->setMinimumWidth(160);
    m_detail->setClock([this] { return m_serverClock.now(); });
    splitter->setSizes({1000, 200}); // the table first: the pane is for the one order in hand
    m_paneLayout = new DetailPaneLayout(splitter, [this] { return m_view->preferredWidth(); }, 200);
    ordersLayout->addWidget(splitter, 1);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, m_detail, [this] {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        m_detail->showOrder(rows.isEmpty() ? QString() : rows.first().data(OrdersModel::OrderIdRole).toString());
    });
    ordersPage->setFocusProxy(m_view);
    m_pages->addWidget(ordersPage);

    auto *find = new QAction(tr("Search orders"), ordersPage);
    find->setObjectName(QStringLiteral("findAction"));
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WindowShortcut); // only while the orders page is shown
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    ordersPage->addAction(find);
    connect(m_view, &OrdersTableView::textTyped, this, [this](const QString &text) {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->end(false);
        m_search->insert(text);
    });
    m_pages->addWidget(m_widgetsPage);
    m_pages->addWidget(m_inventoryPage);
    m_pages->addWidget(m_analyticsPage);

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
        static const char *const names[] = {"orders", "widgets", "inventory", "analytics"};
        qCInfo(lcUi) << "page:" << names[std::clamp(row, 0, 3)];
        emit pageChanged(static_cast<Page>(row));
    });
    m_pageList->setCurrentRow(0);
    setOrdersTabOrder();

    const struct { Page page; QKeySequence keys; const char *name; } shortcuts[] = {
        {Page::Orders, QKeySequence(Qt::CTRL | Qt::Key_1), "showOrdersPage"},
        {Page::Widgets, QKeySequence(Qt::CTRL | Qt::Key_2), "showWidgetsPage"},
        {Page::Inventory, QKeySequence(Qt::CTRL | Qt::Key_3), "showInventoryPage"},
        {Page::Analytics, QKeySequence(Qt::CTRL | Qt::Key_4), "showAnalyticsPage"},
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

void MainWindow::setOrdersTabOrder()
{
    // The table, its detail, what went wrong, the toolbar from left to right, then the pages. The toolbar's
    // buttons take no focus by default: a keyboard-only user could never reach them.
    QList<QWidget *> chain{m_view, m_detail->findChild<QWidget *>(QStringLiteral("orderDetailPhone")),
                           m_detail->findChild<QWidget *>(QStringLiteral("orderDetailText")),
                           m_messageBar->findChild<QWidget *>(QStringLiteral("dismissMessages"))};
    const struct { QAction *action; const char *name; } buttons[] = {
        {m_acknowledgeAction, "acknowledgeButton"}, {m_advanceAction, "advanceButton"}, {m_cancelAction, "cancelButton"},
        {m_recallAction, "recallButton"}, {m_reopenAction, "reopenButton"}};
    for (const auto &button : buttons) {
        if (QWidget *widget = m_ordersToolBar->widgetForAction(button.action)) {
            widget->setObjectName(QLatin1StringView(button.name));
            widget->setFocusPolicy(Qt::TabFocus);
            chain.append(widget);
        }
    }
    chain << m_search << m_openOnly << m_filterBar->statusFilter() << m_filterBar->typeFilter() << m_pageList;
    for (qsizetype i = 1; i < chain.size(); ++i)
        QWidget::setTabOrder(chain.at(i - 1), chain.at(i));
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

void MainWindow::setInventoryPage(QWidget *page)
{
    const bool showing = currentPage() == Page::Inventory;
    m_pages->removeWidget(m_inventoryPage);
    m_inventoryPage->deleteLater();
    m_inventoryPage = page;
    page->setParent(this);
    m_pages->insertWidget(static_cast<int>(Page::Inventory), page);
    if (showing)
        m_pages->setCurrentWidget(page);
}

void MainWindow::setAnalyticsPage(QWidget *page)
{
    const bool showing = currentPage() == Page::Analytics;
    m_pages->removeWidget(m_analyticsPage);
    m_analyticsPage->deleteLater();
    m_analyticsPage = page;
    page->setParent(this);
    m_pages->insertWidget(static_cast<int>(Page::Analytics), page);
    if (showing)
        m_pages->setCurrentWidget(page);
}

void MainWindow::setAnalyticsVisible(bool visible)
{
    m_pageList->item(static_cast<int>(Page::Analytics))->setHidden(!visible);
    if (!visible && currentPage() == Page::Analytics)
        showPage(Page::Orders);
}

void MainWindow::showPage(Page page)
{
    // Staff have no Analytics page (the server would refuse its figures anyway).
    if (page == Page::Analytics && m_pageList->item(static_cast<int>(Page::Analytics))->isHidden())
        return;
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

QTableView *MainWindow::ordersView() const
{
    return m_view;
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
    m_recallAction = toolBar->addAction(tr("Recall"), this, &MainWindow::recallLast);
    m_recallAction->setObjectName(QStringLiteral("recallAction"));
    m_recallAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    m_recallAction->setToolTip(tr("Undo the last status change made here, within two minutes (Ctrl+Z)"));
    m_reopenAction = toolBar->addAction(tr("Reopen"), this, &MainWindow::reopenSelected);
    m_reopenAction->setObjectName(QStringLiteral("reopenAction"));
    m_reopenAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_reopenAction->setToolTip(tr("Bring a completed order back to Ready (Ctrl+R)"));
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
    for (QAction *action : {m_acknowledgeAction, m_advanceAction, m_cancelAction, m_recallAction, m_reopenAction})
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
    // Actions queued offline count: the buttons offer what comes after them.
    const std::optional<OrderStatus> expected = order ? m_actions->expectedStatus(*order) : std::nullopt;
    // value_or rather than *expected: GCC -O2 calls the guarded dereference maybe-uninitialized.
    const OrderStatus status = expected.value_or(OrderStatus::Cancelled);
    const bool idle = m_actionsAvailable && order && expected.has_value() && !m_actions->isBusy(order->id);
    const bool actionable = idle && !isFinal(status);
    m_acknowledgeAction->setEnabled(actionable && status == OrderStatus::New);

    const std::optional<OrderStatus> next = expected ? nextStatus(status) : std::nullopt;
    m_advanceAction->setEnabled(actionable && next.has_value() && next != OrderStatus::Acknowledged);
    m_advanceAction->setText(next && next != OrderStatus::Acknowledged ? advanceLabel(*next) : tr("Move on"));
    m_cancelAction->setEnabled(actionable);
    m_reopenAction->setEnabled(idle && status == OrderStatus::Completed);
    const bool recallable = m_actionsAvailable && recallTarget() && m_recall->isOpen(*recallTarget());
    m_recallAction->setEnabled(recallable);
    m_recall->setOffered(recallable);
}

const Order *MainWindow::recallTarget() const
{
    // The order this window changed last; without one, the selected order (the server decides
    // whether its last change may still be recalled).
    if (const Order *changed = m_orders->orderById(m_recall->lastChanged()))
        return changed;
    return selectedOrder();
}

void MainWindow::acknowledgeSelected()
{
    if (const Order *order = selectedOrder()) {
        m_recall->noteChange(order->id);
        m_actions->acknowledge(*order);
    }
}

void MainWindow::advanceSelected()
{
    const Order *order = selectedOrder();
    const std::optional<OrderStatus> expected = order ? m_actions->expectedStatus(*order) : std::nullopt;
    if (!expected)
        return;
    if (const std::optional<OrderStatus> next = nextStatus(*expected)) {
        m_recall->noteChange(order->id);
        m_actions->moveTo(*order, *next);
    }
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
    if (const Order *still = m_orders->orderById(id); answer == QMessageBox::Yes && still) {
        m_recall->noteChange(id);
        m_actions->moveTo(*still, OrderStatus::Cancelled);
    }
}

void MainWindow::recallLast()
{
    if (const Order *order = recallTarget()) {
        m_recall->noteRecall(*order); // a recall is not recalled again; the next change is the new "last"
        m_actions->recall(*order);
    }
    updateActions();
}

void MainWindow::reopenSelected()
{
    if (const Order *order = selectedOrder()) {
        m_recall->noteChange(order->id);
        m_actions->reopen(*order);
    }
}

void MainWindow::showQueued(const QString &orderId)
{
    const Order *order = m_orders->orderById(orderId);
    const bool queued = order && m_actions->isQueued(orderId);
    if (queued) {
        m_problems->clearProblem(orderId); // asked again: the old failure is no longer the news
        const std::optional<OrderStatus> expected = m_actions->expectedStatus(*order);
        m_problems->setQueued(orderId, statusDisplayName(expected.value_or(order->status)),
                              m_actions->queuedActionNames(orderId));
    } else {
        m_problems->setQueued(orderId, {}, {});
    }
    updateActions();
}

void MainWindow::showActionFailure(const QString &orderId, const QString &message)
{
    const Order *order = m_orders->orderById(orderId);
    const QString what = order ? tr("Order #%1").arg(order->number) : tr("An order");
    //: %1 is the order ("Order #12"), %2 what was not done and why
    const QString text = tr("%1: %2", "order, what was not done and why").arg(what, message);
    qCWarning(lcUi) << "order action failed:" << orderId << message;
    m_problems->setProblem(orderId, text);
    m_messageBar->addMessage(text);
}

void MainWindow::buildMenus()
{
    m_settings = new OrdersPageSettings(this);
    auto *menu = new MainMenu(this, m_settings, m_orders);
    connect(menu, &MainMenu::signOutRequested, this, &MainWindow::signOutRequested);
    connect(menu, &MainMenu::copyDiagnosticsRequested, this, &MainWindow::copyDiagnostics);
    m_tickets = new TicketPrinter(this);
    connect(menu, &MainMenu::printTicketRequested, this, &MainWindow::printSelectedTicket);
    connect(menu, &MainMenu::exportRequested, this, &MainWindow::exportView);
    const auto followSelection = [this, menu] { menu->printTicketAction()->setEnabled(selectedOrder() != nullptr); };
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, menu, followSelection);
    followSelection();
    nameControls();
    new ViewAppearance(this, m_view, m_settings);
    connect(m_settings, &OrdersPageSettings::changed, this, &MainWindow::applyAgeThresholds);
    applyAgeThresholds();
    m_attention = new AttentionNotifier(this, m_settings, m_orders, [this] { return m_serverClock.now(); }, this);
}

void MainWindow::applyAgeThresholds()
{
    for (OrderStatus status : {OrderStatus::New, OrderStatus::Acknowledged, OrderStatus::Preparing, OrderStatus::Ready})
        m_ages->setThresholds(status, m_settings->ageWarning(status), m_settings->ageUrgent(status));
}

void MainWindow::nameControls()
{
    // What a screen reader says for each control of the orders page; buttons whose text
    // changes with the order ("Mark ready") keep their text as name and say more in the description.
    const struct { const char *objectName; QString name; } named[] = {
        {"orderSearch", tr("Search orders by number, customer or item")},
        {"openOnly", tr("Show open orders only")},
        {"orderDetailText", tr("The selected order in full")},
        {"dismissMessages", tr("Dismiss the problems shown")},
        {"ordersToolBar", tr("Order actions")},
        {"ordersSplitter", tr("Orders and the selected order")},
    };
    for (const auto &control : named) {
        if (auto *widget = findChild<QWidget *>(QLatin1StringView(control.objectName)))
            widget->setAccessibleName(control.name);
    }
    for (QAction *action : {m_acknowledgeAction, m_advanceAction, m_cancelAction}) {
        if (QWidget *button = m_ordersToolBar->widgetForAction(action))
            button->setAccessibleDescription(action->toolTip());
    }
}

void MainWindow::printSelectedTicket()
{
    const Order *order = selectedOrder();
    if (!order) {
        statusBar()->showMessage(tr("Select an order to print its kitchen ticket."), 5000);
        return;
    }
    m_tickets->setRestaurantName(m_restaurantName);
    m_tickets->printWithDialog(*order, this);
}

void MainWindow::exportView()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = tr("orders-%1.csv", "file name").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd-HHmm")));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the orders shown as CSV"), QDir(folder).filePath(name),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (QString error; !ViewCsvWriter::write(*m_view, path, &error)) {
        QMessageBox::warning(this, tr("Orders not exported"), error);
        return;
    }
    const int rows = m_view->model()->rowCount();
    const QString where = QDir::toNativeSeparators(path);
    statusBar()->showMessage(rows == 1 ? tr("1 order exported to %1").arg(where) : tr("%1 orders exported to %2").arg(rows).arg(where), 10000);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        sizeColumns(); // kitchen mode, bigger or smaller text: the columns still fit their text
        if (m_paneLayout)
            m_paneLayout->update(); // wider columns may leave no room beside the table for the pane
    }
}

void MainWindow::copyDiagnostics()
{
    m_diagnostics->refresh();
    QGuiApplication::clipboard()->setText(m_diagnostics->supportReport());
    statusBar()->showMessage(tr("Diagnostics copied — paste them into a message to whoever supports this PC."), 10000);
}

void MainWindow::showDiagnostics()
{
    if (!m_diagnosticsPanel)
        m_diagnosticsPanel = new DiagnosticsPanel(m_diagnostics, this);
    m_diagnosticsPanel->show();
    m_diagnosticsPanel->raise();
}

} // namespace hearth
