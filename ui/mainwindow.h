#pragma once

// The dashboard window: the orders table with its actions, and the connection-status bar.
// Reads the models; user intents go to OrderActions.
#include "core/order.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QLineEdit;
class QCheckBox;
class QTableView;

namespace hearth {

class ConnectionStatus;
class ConnectionStatusBar;
class DiagnosticsModel;
class DiagnosticsPanel;
class OrderActions;
class OrdersFilterProxy;
class OrdersModel;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(OrdersModel *orders, OrderActions *actions, ConnectionStatus *status,
               DiagnosticsModel *diagnostics, QWidget *parent = nullptr);

    void setRestaurantName(const QString &name);
    // Backends without Hearth's REST API (profiles) take no order changes from Hearth: the
    // actions go, rather than failing one click at a time.
    void setOrderActionsAvailable(bool available);
    QTableView *ordersView() const { return m_view; }
    ConnectionStatusBar *connectionBar() const { return m_connectionBar; }

private:
    void buildToolBar();
    void updateActions();
    void updateTitle();
    const Order *selectedOrder() const;
    void acknowledgeSelected();
    void advanceSelected();
    void cancelSelected();
    void showActionFailure(const QString &orderId, const QString &message);
    void showDiagnostics();

    OrdersModel *m_orders;
    OrderActions *m_actions;
    OrdersFilterProxy *m_proxy;
    QTableView *m_view;
    ConnectionStatusBar *m_connectionBar;
    QLineEdit *m_search = nullptr;
    QCheckBox *m_openOnly = nullptr;
    QAction *m_acknowledgeAction = nullptr;
    QAction *m_advanceAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QString m_restaurantName;
    bool m_actionsAvailable = true;
    DiagnosticsModel *m_diagnostics;
    DiagnosticsPanel *m_diagnosticsPanel = nullptr;
};

} // namespace hearth
