#pragma once

// Draws attention to the orders when AttentionPolicy says so: a chime (off unless switched on,
// for quiet offices), a desktop notice from the tray icon, and the window's taskbar entry
// flashing (QApplication::alert). Each is skipped where the PC cannot do it — no sound device,
// no system tray (CI, offscreen, a kiosk) — without complaint. Checks for orders still waiting
// every half minute.
#include "models/attentionpolicy.h"

#include <QObject>
#include <QTimer>

#include <functional>

class QSoundEffect;
class QSystemTrayIcon;
class QWidget;

namespace hearth {

class OrdersModel;
class OrdersPageSettings;

class AttentionNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttentionNotifier)

public:
    using Clock = std::function<QDateTime()>;

    // `now` is the server's clock (the orders' stamps are the server's).
    AttentionNotifier(QWidget *window, const OrdersPageSettings *settings, const OrdersModel *orders, Clock now,
                      QObject *parent = nullptr);
    ~AttentionNotifier() override;

    AttentionPolicy &policy() { return m_policy; }
    // What was done about the last decision — for tests and diagnostics.
    bool lastChimed() const { return m_lastChimed; }
    bool lastShownInTray() const { return m_lastShownInTray; }

public slots:
    void ordersChanged(const QList<hearth::Order> &orders);
    void ordersKnown(const QList<hearth::Order> &orders);
    void checkWaiting();

signals:
    void announced(const hearth::AttentionDecision &decision);

private:
    void announce(const AttentionDecision &decision);
    void chime();
    bool showInTray(const AttentionDecision &decision);

    QWidget *m_window;
    const OrdersPageSettings *m_settings;
    const OrdersModel *m_orders;
    Clock m_now;
    AttentionPolicy m_policy;
    QTimer m_checkTimer;
    QSoundEffect *m_sound = nullptr;     // made when first needed: most offices leave it off
    QSystemTrayIcon *m_tray = nullptr;   // made when first needed, where there is a tray
    bool m_lastChimed = false;
    bool m_lastShownInTray = false;
};

} // namespace hearth

Q_DECLARE_METATYPE(hearth::AttentionDecision)
