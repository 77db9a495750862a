#pragma once

// The desktop application's composition root: creates the network clients, the sync layer, the
// models and the window, and walks the user through signing in. One per process, made in main().
#include "core/serveraddress.h"
#include "profile/backendprofile.h"
#include "models/connectionstatus.h"
#include "models/diagnosticsmodel.h"
#include "models/inventorymodel.h"
#include "models/menuavailabilitymodel.h"
#include "models/ordersmodel.h"
#include "models/widgetconfigmodel.h"
#include "sync/analyticssync.h"
#include "sync/inventoryclient.h"
#include "sync/ordersclient.h"
#include "sync/orderspersistence.h"
#include "sync/sessionkeeper.h"
#include "sync/widgetsclient.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace hearth {

class MainWindow;
class LowStockNotifier;
class SignInDialog;
class TokenVault;

class Dashboard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Dashboard)

public:
    // `vault` keeps the session token between starts (tests pass their own); without one, the
    // OS keychain.
    explicit Dashboard(QObject *parent = nullptr, TokenVault *vault = nullptr);
    ~Dashboard() override;

    // Where the per-server caches of orders live; without one nothing is cached.
    void setCacheDirectory(const QString &directory) { m_cacheDirectory = directory; }
    // Whether signing in is remembered for the next start (the demo's session is not).
    void setRemembersSession(bool remember)
    {
        m_remembersSession = remember;
        m_keeper.setEnabled(remember);
    }

    // Shows the orders the last session left in the local cache — marked as saved, with their
    // age — and asks to sign in again. `server` and `username` override the remembered ones.
    void resumeLastSession(const QString &server = {}, const QString &username = {});
    // Connects to the backend a profile describes: hearth-server profiles ask for user name and
    // password, others for the access token their installer was given (or take HEARTH_TOKEN).
    // False with a message a manager can pass on when this build cannot speak the profile.
    bool useProfile(const BackendProfile &profile, QString *errorMessage);
    // Loads a profile file and uses it. When that fails, the sign-in dialog says why (another
    // profile can be chosen from there) and `errorMessage` gets the sentence and its details.
    bool openProfileFile(const QString &path, QString *errorMessage = nullptr);
    // Asks for credentials; the window opens once the server has accepted them.
    void showSignIn(const QString &server = {}, const QString &username = {});
    // Signs in without asking (the demo, with its known account).
    void signInDirectly(const ServerAddress &address, const QString &username, const QString &password);
    // Ends the session (File → Sign out): the link stops, the kept token is forgotten, the
    // sign-in dialog comes back; the orders stay on screen, marked as not updating.
    void signOut();

    MainWindow *window() const { return m_window.get(); }
    RealtimeService *realtime() { return &m_client.realtime(); }
    OrdersModel *orders() { return &m_orders; }
    OrderActions *orderActions() { return &m_client.actions(); }
    WidgetsClient *widgets() { return &m_widgets; }
    WidgetConfigModel *widgetModel() { return &m_widgetModel; }
    InventoryClient *inventory() { return &m_inventory; }
    InventoryModel *inventoryModel() { return &m_inventoryModel; }
    MenuAvailabilityModel *menuModel() { return &m_menuModel; }
    LowStockNotifier *lowStockNotifier() const { return m_lowStock; }
    AnalyticsSync *analytics() { return &m_analytics; }

signals:
    void signedIn();
    void signInFailed(const QString &message);

private:
    void wireWidgets();
    void wireInventory(); // dashboardinventory.cpp
    void wireAnalytics(); // dashboardanalytics.cpp
    // Managers see the Analytics page; its summaries load when it is first opened.
    void updateAnalyticsAccess(const QString &role);
    void flushWidgetEdits();
    void onSignedIn(const Session &session);
    void onSignedOut(const QString &reason);
    void openCache(const QUrl &server, const QString &restaurantId);
    void startWithToken(const QString &token);
    void onSignInRequested();
    SignInDialog *signInDialog();
    QString cachePathFor(const QUrl &server, const QString &restaurantId, const QString &what = QStringLiteral("orders")) const;

    OrdersClient m_client;
    WidgetsClient m_widgets;
    OrdersModel m_orders;
    WidgetConfigModel m_widgetModel;
    InventoryClient m_inventory;
    InventoryModel m_inventoryModel;
    MenuAvailabilityModel m_menuModel;
    AnalyticsSync m_analytics{&m_client.realtime(), &m_client.rest()};
    LowStockNotifier *m_lowStock = nullptr;
    OrdersPersistence m_persistence;
    std::unique_ptr<TokenVault> m_ownVault; // when none was handed in
    SessionKeeper m_keeper;
    QString m_resumeServer; // for the dialog, when no kept session can be resumed
    QString m_resumeUser;
    ConnectionStatus m_status;
    DiagnosticsModel m_diagnostics;
    std::unique_ptr<MainWindow> m_window;
    QPointer<SignInDialog> m_dialog;
    QString m_cacheDirectory;
    QString m_openCachePath;
    bool m_remembersSession = true;
    std::optional<BackendProfile> m_foreignProfile; // a backend without Hearth's sign-in
};

} // namespace hearth
