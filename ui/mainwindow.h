#pragma once

// The dashboard window: pages (Orders, Widgets, Inventory, Analytics) picked from a list on the left or with Ctrl+1…4,
// the orders table with its actions, and one connection-status bar for the whole window.
// Reads the models; user intents go to OrderActions.
#include "core/order.h"
#include "models/serverclock.h"

#include <QHash>
#include <QMainWindow>

class QAction;
class QLabel;
class QLineEdit;
class QCheckBox;
class QListWidget;
class QStackedWidget;
class QTableView;
class QToolBar;

namespace hearth {

class AttentionNotifier;
class ConnectionStatus;
class ConnectionStatusBar;
class DetailPaneLayout;
class DiagnosticsModel;
class DiagnosticsPanel;
class MessageBar;
class OrderAgesProxy;
class OrderDetailPane;
class OrderProblemsProxy;
class OrderActions;
class OrdersFilterBar;
class OrdersFilterProxy;
class OrdersModel;
class OrdersPageSettings;
class OrdersTableView;
class RecallWindow;
class TicketPrinter;
class UnavailableItemsProxy;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class Page { Orders, Widgets, Inventory, Analytics };

    MainWindow(OrdersModel *orders, OrderActions *actions, ConnectionStatus *status,
               DiagnosticsModel *diagnostics, QWidget *parent = nullptr);

    void setRestaurantName(const QString &name);
    // Backends without Hearth's REST API (profiles) take no order changes from Hearth: the
    // actions go, rather than failing one click at a time.
    void setOrderActionsAvailable(bool available);
    // The Widgets page, made by whoever owns the widgets' client; the window shows a placeholder
    // until then. The window takes ownership.
    void setWidgetsPage(QWidget *page);
    // The Inventory page, likewise (a placeholder until then).
    void setInventoryPage(QWidget *page);
    // The Analytics page, likewise; shown in the list only while a manager is signed in.
    void setAnalyticsPage(QWidget *page);
    void setAnalyticsVisible(bool visible);
    // Marks open orders holding dishes that cannot be ordered now.
    UnavailableItemsProxy *unavailableItems() const { return m_unavailable; }
    void showPage(Page page);
    // Widget edits not yet on the server, counted in the status bar beside the connection
    // ("2 unsaved changes"); hidden at 0. A click on it opens the Widgets page.
    void setUnsavedChanges(int count);
    QString unsavedChangesText() const;
    Page currentPage() const;
    QTableView *ordersView() const;
    ConnectionStatusBar *connectionBar() const { return m_connectionBar; }
    // The server's clock as learnt from the orders' stamps; the order ages are measured with it.
    ServerClock *serverClock() { return &m_serverClock; }
    OrderAgesProxy *orderAges() const { return m_ages; }
    // The page's preferences (View menu, attention, ages), kept in QSettings.
    OrdersPageSettings *settings() const { return m_settings; }
    // Chime, desktop notice and taskbar flash for new and long-waiting orders.
    AttentionNotifier *attention() const { return m_attention; }
    // Kitchen tickets of the selected order (File → Print kitchen ticket).
    TicketPrinter *tickets() const { return m_tickets; }

signals:
    void pageChanged(hearth::MainWindow::Page page);
    void signOutRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildPages();
    void buildToolBar();
    void setOrdersTabOrder();
    void sizeColumns();
    void updateActions();
    void updateTitle();
    const Order *selectedOrder() const;
    void acknowledgeSelected();
    void advanceSelected();
    void cancelSelected();
    void recallLast();
    void reopenSelected();
    const Order *recallTarget() const;
    void showQueued(const QString &orderId);
    void showActionFailure(const QString &orderId, const QString &message);
    void showDiagnostics();
    void buildMenus();
    void applyAgeThresholds();
    void nameControls();
    void copyDiagnostics();
    void printSelectedTicket();
    void exportView();

    OrdersModel *m_orders;
    OrderActions *m_actions;
    ServerClock m_serverClock;
    OrderProblemsProxy *m_problems;
    OrderAgesProxy *m_ages;
    OrdersFilterProxy *m_proxy;
    MessageBar *m_messageBar = nullptr;
    OrdersFilterBar *m_filterBar = nullptr;
    OrderDetailPane *m_detail = nullptr;
    OrdersTableView *m_view;
    ConnectionStatusBar *m_connectionBar;
    QListWidget *m_pageList = nullptr;
    QStackedWidget *m_pages = nullptr;
    QWidget *m_widgetsPage = nullptr;
    QWidget *m_inventoryPage = nullptr;
    QWidget *m_analyticsPage = nullptr;
    UnavailableItemsProxy *m_unavailable = nullptr;
    QToolBar *m_ordersToolBar = nullptr;
    QLabel *m_unsavedLabel = nullptr;
    QLineEdit *m_search = nullptr;
    QCheckBox *m_openOnly = nullptr;
    QAction *m_acknowledgeAction = nullptr;
    QAction *m_advanceAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_recallAction = nullptr;
    QAction *m_reopenAction = nullptr;
    QString m_restaurantName;
    bool m_actionsAvailable = true;
    DiagnosticsModel *m_diagnostics;
    DiagnosticsPanel *m_diagnosticsPanel = nullptr;
    OrdersPageSettings *m_settings = nullptr;
    AttentionNotifier *m_attention = nullptr;
    TicketPrinter *m_tickets = nullptr;
    RecallWindow *m_recall; // what Recall undoes, and until when
    DetailPaneLayout *m_paneLayout = nullptr;
};

} // namespace hearth
