#include "ui/dashboard.h"

#include "core/logging.h"
#include "profile/profileloader.h"
#include "store/keychaintokenvault.h"
#include "sync/backendsetup.h"
#include "ui/attentionnotifier.h"
#include "ui/connectionstatusbar.h"
#include "ui/mainwindow.h"
#include "ui/signindialog.h"
#include "ui/ticketprinter.h"
#include "ui/widgetspage.h"

#include <QApplication>
#include <QDir>
#include <QLocale>
#include <QSysInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

namespace hearth {

namespace {

const QString serverKey = QStringLiteral("lastSession/server");
const QString usernameKey = QStringLiteral("lastSession/username");
const QString restaurantIdKey = QStringLiteral("lastSession/restaurantId");
const QString restaurantNameKey = QStringLiteral("lastSession/restaurantName");
// What this PC is called in "Maria is editing … on Office PC"; the host name until set.
const QString deviceNameKey = QStringLiteral("device/name");

std::unique_ptr<TokenVault> ownVaultUnless(TokenVault *given)
{
    if (given)
        return {};
    // Tests that use the real keychain keep out of the user's own entries.
    return std::make_unique<KeychainTokenVault>(QStandardPaths::isTestModeEnabled() ? QStringLiteral("Hearth (tests)")
                                                                                    : QStringLiteral("Hearth"));
}

} // namespace

Dashboard::Dashboard(QObject *parent, TokenVault *vault)
    : QObject(parent),
      m_widgets(m_client),
      m_inventory(m_client),
      m_persistence(&m_client.sync(), &m_client.realtime()),
      m_ownVault(ownVaultUnless(vault)),
      m_keeper(&m_client.signIn(), vault ? vault : m_ownVault.get()),
      m_status(&m_client.realtime(), &m_client.polling()),
      m_diagnostics(&m_client.realtime(), &m_client.polling()),
      m_window(std::make_unique<MainWindow>(&m_orders, &m_client.actions(), &m_status, &m_diagnostics))
{
    connect(&m_client.sync(), &OrdersSync::ordersReplaced, &m_orders, &OrdersModel::replaceAll);
    connect(&m_client.sync(), &OrdersSync::ordersUpdated, &m_orders, &OrdersModel::upsert);
    connect(&m_client.sync(), &OrdersSync::snapshotStateChanged, &m_status, [this] {
        m_status.setSyncProblem(m_client.sync().isSnapshotOwed() ? m_client.sync().snapshotProblem() : QString());
    });
    connect(&m_client.actions(), &OrderActions::orderChanged, &m_orders, &OrdersModel::upsert);
    // Order ages are measured by the server's clock, learnt from the stamps it sends.
    const auto learnClock = [this](const QList<Order> &orders, bool fresh) {
        for (const Order &order : orders)
            fresh ? m_window->serverClock()->observeFresh(order.updatedAt) : m_window->serverClock()->observe(order.updatedAt);
    };
    connect(&m_client.sync(), &OrdersSync::ordersUpdated, m_window.get(), [learnClock](const QList<Order> &orders) { learnClock(orders, true); });
    connect(&m_client.actions(), &OrderActions::orderChanged, m_window.get(), [learnClock](const QList<Order> &orders) { learnClock(orders, true); });
    connect(&m_client.sync(), &OrdersSync::ordersReplaced, m_window.get(), [learnClock](const QList<Order> &orders) { learnClock(orders, false); });
    // New orders are announced (after the server's clock has learnt from them); a snapshot's are
    // known without a sound.
    connect(&m_client.sync(), &OrdersSync::ordersUpdated, m_window->attention(), &AttentionNotifier::ordersChanged);
    connect(&m_client.actions(), &OrderActions::orderChanged, m_window->attention(), &AttentionNotifier::ordersChanged);
    connect(&m_client.sync(), &OrdersSync::ordersReplaced, m_window->attention(), &AttentionNotifier::ordersKnown);
    connect(&m_client.signIn(), &SignIn::signedIn, this, &Dashboard::onSignedIn);
    connect(&m_client.signIn(), &SignIn::signedOut, this, &Dashboard::onSignedOut);
    connect(&m_client.signIn(), &SignIn::signInFailed, this, &Dashboard::signInFailed);
    connect(m_window.get(), &MainWindow::signOutRequested, this, &Dashboard::signOut);
    connect(&m_keeper, &SessionKeeper::notResumed, this, [this] { showSignIn(m_resumeServer, m_resumeUser); });
    connect(&m_keeper, &SessionKeeper::problem, m_window.get(), [this](const QString &message) {
        m_window->statusBar()->showMessage(message);
    });
    connect(&m_client.realtime(), &RealtimeService::stateChanged, this, [this](ConnectionState state) {
        // A profile backend refused its token: ask for a new one (hearth-server goes through SignIn).
        if (state == ConnectionState::SignedOut && m_foreignProfile) {
            signInDialog()->setTokenMode(m_foreignProfile->name);
            signInDialog()->showError(m_client.realtime().lastError());
            signInDialog()->show();
        }
    });
    connect(m_window->connectionBar(), &ConnectionStatusBar::signInRequested, this, &Dashboard::onSignInRequested);
    connect(&m_persistence, &OrdersPersistence::writeFailed, m_window.get(), [this](const QString &message) {
        m_window->statusBar()->showMessage(message);
    });
    connect(&m_client.actions(), &OrderActions::storageProblem, m_window.get(), [this](const QString &message) {
        m_window->statusBar()->showMessage(message);
    });
    m_diagnostics.addRow(QStringLiteral("orderActions"), tr("Order changes waiting to be sent"),
                         [this] { return QLocale().toString(m_client.actions().queuedCount()); });
    // A cache file that was locked at start-up arrives late. Before the server's first snapshot
    // it is what there is to show (an offline start); the model keeps the higher version of each
    // order, so nothing the server already sent goes back.
    connect(&m_persistence, &OrdersPersistence::restoredLate, this, [this](const CachedOrders &cached) {
        m_orders.upsert(cached.orders);
        m_status.setShowingCachedData(cached.savedAt);
    });
    wireWidgets();
    wireInventory();
    wireAnalytics();
}

void Dashboard::wireWidgets()
{
    m_widgets.setDeviceName(QSettings().value(deviceNameKey, QSysInfo::machineHostName()).toString());
    m_widgetModel.follow(&m_widgets);
    m_window->setWidgetsPage(new WidgetsPage(&m_widgetModel, &m_widgets));
    connect(&m_widgets, &WidgetsClient::unsavedCountChanged, m_window.get(), &MainWindow::setUnsavedChanges);
    connect(&m_widgets, &WidgetsClient::problemChanged, m_window.get(), [this](const QString &message) {
        if (!message.isEmpty())
            m_window->statusBar()->showMessage(message);
    });
    m_window->setUnsavedChanges(m_widgets.unsavedCount());
    // While the event loop and (for the demo) the embedded server still run.
    connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this, &Dashboard::flushWidgetEdits);
    m_diagnostics.addRow(QStringLiteral("outbox"), tr("Widget edits waiting to be saved (outbox)"),
                         [this] { return QLocale().toString(m_widgets.outboxDepth()); });
}

void Dashboard::flushWidgetEdits()
{
    // Pending widget edits get a short chance to reach the server; what is left stays in the
    // outbox and is sent at the next start.
    if (m_widgets.unsavedCount() > 0 && !m_widgets.flush(std::chrono::milliseconds(2000)))
        qCInfo(lcUi) << "quitting with" << m_widgets.unsavedCount() << "widget edits kept for the next start";
}

Dashboard::~Dashboard()
{
    flushWidgetEdits();
    m_widgets.stop();
    m_inventory.stop();
    m_analytics.stop();
    m_client.stop();
    m_persistence.close();
}


void Dashboard::resumeLastSession(const QString &server, const QString &username)
{
    const QSettings settings;
    const QString rememberedServer = settings.value(serverKey).toString();
    const QString chosenServer = server.isEmpty() ? rememberedServer : server;
    const QString restaurantId = settings.value(restaurantIdKey).toString();
    // The cache belongs to the remembered server; another server starts empty.
    const bool sameServer = !rememberedServer.isEmpty() && !restaurantId.isEmpty()
        && ServerAddress::parse(chosenServer, nullptr).value_or(ServerAddress{}).httpBase
               == QUrl(rememberedServer);
    if (sameServer) {
        openCache(QUrl(rememberedServer), restaurantId);
        m_window->setRestaurantName(settings.value(restaurantNameKey).toString());
        if (m_orders.rowCount() > 0) {
            m_status.setSignInNeeded(true); // saved orders: nothing updates them before a sign-in
            m_window->show();
        }
    }
    m_resumeServer = chosenServer;
    m_resumeUser = username.isEmpty() ? settings.value(usernameKey).toString() : username;
    // A session kept in the keychain signs in without asking; otherwise (or when it has
    // expired, or the keychain cannot say) the dialog asks.
    if (sameServer)
        m_keeper.resume(QUrl(rememberedServer), m_resumeUser);
    else
        showSignIn(m_resumeServer, m_resumeUser);
}

void Dashboard::signOut()
{
    m_client.stop();
    m_widgets.stop();
    m_inventory.stop();
    m_analytics.stop();
    if (m_foreignProfile) {
        // A profile backend has no session to end here: its token goes by asking for it again.
        m_status.setSignInNeeded(true);
        signInDialog()->setTokenMode(m_foreignProfile->name);
        signInDialog()->show();
        signInDialog()->raise();
        return;
    }
    m_keeper.signOut();
}

QString Dashboard::cachePathFor(const QUrl &server, const QString &restaurantId, const QString &what) const
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9.-]"));
    QString name = QStringLiteral("%1-%2-%3-%4.sqlite")
                       .arg(what, server.host(), QString::number(server.port(server.scheme() == u"https" ? 443 : 80)),
                            restaurantId);
    name.replace(unsafe, QStringLiteral("_"));
    return QDir(m_cacheDirectory).filePath(name);
}

void Dashboard::openCache(const QUrl &server, const QString &restaurantId)
{
    if (m_cacheDirectory.isEmpty())
        return;
    const QString path = cachePathFor(server, restaurantId);
    if (path == m_openCachePath)
        return;
    m_openCachePath = path;
    m_client.actions().openQueue(cachePathFor(server, restaurantId, QStringLiteral("actions")));
    QString printed = cachePathFor(server, restaurantId, QStringLiteral("printed"));
    printed.replace(printed.lastIndexOf(u'.'), printed.size(), QStringLiteral(".json"));
    m_window->tickets()->openStore(printed);
    m_widgets.openStore(cachePathFor(server, restaurantId, QStringLiteral("widgets")),
                        cachePathFor(server, restaurantId, QStringLiteral("outbox")));
    m_inventory.openStore(cachePathFor(server, restaurantId, QStringLiteral("inventory")),
                          cachePathFor(server, restaurantId, QStringLiteral("menu")));
    const CachedOrders cached = m_persistence.open(path);
    // Another restaurant's cache replaces what is on screen even when it is empty: the rows
    // shown belong to the cache that was open before.
    m_orders.replaceAll(cached.orders);
    if (!cached.isEmpty())
        m_status.setShowingCachedData(cached.savedAt);
}

SignInDialog *Dashboard::signInDialog()
{
    if (!m_dialog) {
        m_dialog = new SignInDialog(m_window.get());
        connect(m_dialog, &SignInDialog::signInRequested, &m_client.signIn(), &SignIn::signIn);
        connect(m_dialog, &SignInDialog::tokenSubmitted, this, &Dashboard::startWithToken);
        connect(&m_client.signIn(), &SignIn::signInFailed, m_dialog, &SignInDialog::showError);
        connect(m_dialog, &SignInDialog::profileChosen, this, [this](const QString &path) { openProfileFile(path); });
        connect(m_dialog, &QDialog::rejected, this, [this] {
            // Nothing to show without a session; closing the dialog before the first sign-in quits.
            if (!m_window->isVisible())
                QApplication::quit();
        });
    }
    return m_dialog;
}

bool Dashboard::openProfileFile(const QString &path, QString *errorMessage)
{
    ProfileLoader::Failure failure;
    const std::optional<BackendProfile> profile = ProfileLoader::loadFile(path, &failure);
    QString error = failure.message;
    if (profile && useProfile(*profile, &error))
        return true;
    qCWarning(lcUi) << "backend profile rejected:" << failure.details;
    // Said where it is seen — hearth may have been started from a shortcut, with no terminal.
    signInDialog()->showError(error);
    m_dialog->show();
    m_dialog->raise();
    if (errorMessage)
        *errorMessage = failure.details.isEmpty() ? error : error + u'\n' + failure.details;
    return false;
}

bool Dashboard::useProfile(const BackendProfile &profile, QString *errorMessage)
{
    if (!BackendSetup::apply(profile, &m_client.rest(), &m_client.realtime(), errorMessage))
        return false;
    if (m_dialog)
        m_dialog->showError({}); // an earlier profile's problem is no longer true
    if (profile.protocol == BackendProtocol::Hearth) {
        m_foreignProfile.reset();
        signInDialog()->setTokenMode({});
        showSignIn(profile.restBaseUrl().toString());
        return true;
    }
    m_foreignProfile = profile;
    const QString token = qEnvironmentVariable("HEARTH_TOKEN");
    if (!token.isEmpty()) {
        startWithToken(token); // a kiosk set up by an installer: no questions at start
        return true;
    }
    signInDialog()->setTokenMode(profile.name);
    signInDialog()->show();
    signInDialog()->raise();
    return true;
}

void Dashboard::startWithToken(const QString &token)
{
    if (!m_foreignProfile)
        return;
    const BackendProfile &profile = *m_foreignProfile;
    BackendSetup::setToken(profile, token, &m_client.rest(), &m_client.realtime());
    // The backend has no sign-in to refuse a bad token, so the link's own answer decides: a
    // refused handshake shows "Signed out" and the dialog comes back.
    if (m_dialog)
        m_dialog->accept();
    m_window->setRestaurantName(profile.name);
    m_window->setOrderActionsAvailable(m_client.rest().speaksHearthApi());
    openCache(profile.restBaseUrl(), profile.restaurantId);
    m_status.setSignInNeeded(false);
    m_client.start();
    m_widgets.start();
    m_inventory.start();
    updateAnalyticsAccess({});
    m_window->show();
    emit signedIn();
}

void Dashboard::showSignIn(const QString &server, const QString &username)
{
    signInDialog();
    m_dialog->setServer(server);
    m_dialog->setUsername(username);
    m_dialog->show();
    m_dialog->raise();
}

void Dashboard::onSignInRequested()
{
    // The dialog keeps what it was last given: the server and user name, or a profile's token.
    signInDialog();
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void Dashboard::signInDirectly(const ServerAddress &address, const QString &username, const QString &password)
{
    m_client.signIn().signIn(address, username, password);
}

void Dashboard::onSignedIn(const Session &session)
{
    if (m_dialog)
        m_dialog->accept();
    if (m_client.leaveOtherIdentity()) {
        // Another restaurant or user on this server: nothing of the previous session may stay
        // on screen, in its cache or on its link.
        m_persistence.close();
        m_openCachePath.clear();
        m_orders.clear();
        m_status.setShowingCachedData({});
        m_analytics.stop();
    }
    m_window->setRestaurantName(session.restaurantName);
    openCache(m_client.signIn().address().httpBase, session.restaurantId);
    m_status.setSignInNeeded(false);
    if (m_remembersSession) {
        QSettings settings;
        settings.setValue(serverKey, m_client.signIn().address().httpBase.toString());
        settings.setValue(usernameKey, session.username);
        settings.setValue(restaurantIdKey, session.restaurantId);
        settings.setValue(restaurantNameKey, session.restaurantName);
    }
    m_client.start();
    m_widgets.start();
    m_inventory.start();
    updateAnalyticsAccess(session.role);
    m_window->show();
    emit signedIn();
}

void Dashboard::onSignedOut(const QString &reason)
{
    qCInfo(lcUi) << "signed out";
    m_status.setSignInNeeded(true);
    // The orders stay on screen, marked by the status bar; the dialog asks for a fresh session.
    showSignIn(m_client.signIn().address().httpBase.toString(), m_client.signIn().username());
    if (m_dialog)
        m_dialog->showError(reason);
}

} // namespace hearth
