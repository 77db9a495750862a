#pragma once

// Keeps the restaurant's ordering widgets in step with its kitchen: measures the load from the
// open orders (on every order event, coalesced, and every 15 s as tickets age), moves each
// widget's KitchenGovernor, and when a widget's state changes writes the widget through
// WidgetService::applyAutomatic — `paused` set or cleared, the reason (state, load, thresholds,
// the lead time to quote) in the widget.updated event. A manager's override ("keep open", "keep
// paused") wins over the load. Thresholds, override and state live in kitchen_controls
// (migration 10); a state moves by compare-and-set there, so of several instances on one
// PostgreSQL database one applies each change.
#include "server/kitchenload.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QSqlDatabase>

#include <optional>

class QTimer;

namespace hearth::server {

class Database;
class OrderService;
class WidgetService;
struct StoredEvent;

struct KitchenControl
{
    QString widgetId;
    KitchenThresholds thresholds;
    KitchenOverride override = KitchenOverride::Auto;
    KitchenState state = KitchenState::Normal;
    qint64 sinceMs = 0;

    bool pausesWidget() const
    {
        return override == KitchenOverride::Paused
            || (override == KitchenOverride::Auto && state == KitchenState::Paused);
    }
    QJsonObject toJson(const KitchenLoad &load) const;
};

class KitchenControlService final : public QObject
{
    Q_OBJECT

public:
    static constexpr int evaluateIntervalMs = 15000;

    KitchenControlService(Database *database, OrderService *orders, WidgetService *widgets, QObject *parent = nullptr);

    static bool createSchema(QSqlDatabase &database); // migration 10

    void start();
    void stop();

    KitchenLoad load(const QString &restaurantId, const QDateTime &now) const;
    // The ordering widgets' controls (a widget never configured: the defaults, thresholds off).
    QList<KitchenControl> controls(const QString &restaurantId) const;
    std::optional<KitchenControl> control(const QString &restaurantId, const QString &widgetId) const;
    // A manager's thresholds and override; evaluated at once. False with a reason for a widget
    // that is not an ordering widget or a storage error.
    bool configure(const QString &restaurantId, const QString &widgetId, const KitchenThresholds &thresholds,
                   KitchenOverride override, QString *problem);
    // Measures and moves every configured widget of the restaurant at `nowMs`; the widgets changed.
    int evaluate(const QString &restaurantId, qint64 nowMs);

private:
    QHash<QString, KitchenControl> stored(const QString &restaurantId) const;
    void onOrderEvent(const StoredEvent &event);
    void evaluateDue();
    bool store(const QString &restaurantId, const KitchenControl &control);
    bool moveState(const QString &restaurantId, const KitchenControl &before, const KitchenControl &after);
    bool applyToWidget(const QString &restaurantId, const KitchenControl &control, const KitchenLoad &load);

    Database *m_database;
    OrderService *m_orders;
    WidgetService *m_widgets;
    QTimer *m_timer;
    QTimer *m_soon;
    QSet<QString> m_due;
    bool m_running = false;
};

} // namespace hearth::server
