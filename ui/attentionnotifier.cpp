#include "ui/attentionnotifier.h"

#include "core/logging.h"
#include "models/ordersmodel.h"
#include "models/orderspagesettings.h"

#include <QApplication>
#include <QSoundEffect>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QUrl>
#include <QWidget>

namespace hearth {

AttentionNotifier::AttentionNotifier(QWidget *window, const OrdersPageSettings *settings, const OrdersModel *orders,
                                     Clock now, QObject *parent)
    : QObject(parent), m_window(window), m_settings(settings), m_orders(orders), m_now(std::move(now))
{
    qRegisterMetaType<AttentionDecision>();
    const auto follow = [this] { m_policy.setEscalateAfter(m_settings->escalateAfter()); };
    connect(settings, &OrdersPageSettings::changed, this, follow);
    follow();
    // Ages are shown in minutes; half a minute late for a second reminder is fine.
    m_checkTimer.setInterval(std::chrono::seconds(30));
    connect(&m_checkTimer, &QTimer::timeout, this, &AttentionNotifier::checkWaiting);
    m_checkTimer.start();
}

AttentionNotifier::~AttentionNotifier() = default;

void AttentionNotifier::ordersChanged(const QList<Order> &orders)
{
    announce(m_policy.ordersChanged(orders, m_now()));
}

void AttentionNotifier::ordersKnown(const QList<Order> &orders)
{
    m_policy.ordersKnown(orders);
}

void AttentionNotifier::checkWaiting()
{
    m_policy.retainOnly([this](const QString &id) { return m_orders->rowOf(id) >= 0; });
    announce(m_policy.check(m_now()));
}

void AttentionNotifier::announce(const AttentionDecision &decision)
{
    if (!decision)
        return;
    qCInfo(lcUi) << "attention:" << decision.text();
    m_lastChimed = false;
    if (m_settings->chime())
        chime();
    m_lastShownInTray = m_settings->trayMessages() && showInTray(decision);
    // The taskbar entry flashes until the window is looked at (nothing when it already has focus).
    QApplication::alert(m_window);
    emit announced(decision);
}

void AttentionNotifier::chime()
{
    if (!m_sound) {
        m_sound = new QSoundEffect(this);
        m_sound->setSource(QUrl(QStringLiteral("qrc:/sounds/neworder.wav")));
        m_sound->setVolume(0.8f);
    }
    // Without a sound device the effect stays silent (its status says why); nothing else to do.
    m_sound->play();
    m_lastChimed = true;
}

bool AttentionNotifier::showInTray(const AttentionDecision &decision)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable() || !QSystemTrayIcon::supportsMessages())
        return false;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(this);
        const QIcon icon = m_window->windowIcon();
        m_tray->setIcon(icon.isNull() ? m_window->style()->standardIcon(QStyle::SP_MessageBoxInformation) : icon);
        m_tray->setToolTip(QApplication::applicationDisplayName());
        connect(m_tray, &QSystemTrayIcon::messageClicked, m_window, [this] {
            m_window->showNormal();
            m_window->raise();
            m_window->activateWindow();
        });
        m_tray->show();
    }
    m_tray->showMessage(decision.title(), decision.text(), QSystemTrayIcon::Information);
    return true;
}

} // namespace hearth
