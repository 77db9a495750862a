#include "server/kitchencontrol.h"

#include "core/logging.h"
#include "server/database.h"
#include "server/migrations.h"
#include "server/orderservice.h"
#include "server/storedevent.h"
#include "server/widgetservice.h"

#include <QSqlQuery>
#include <QTimer>
#include <QVariant>

namespace hearth::server {

namespace {

KitchenControl controlFromRow(const QSqlQuery &query)
{
    KitchenControl control;
    control.widgetId = query.value(0).toString();
    control.thresholds.busyAt = query.value(1).toInt();
    control.thresholds.pauseAt = query.value(2).toInt();
    control.thresholds.baseMinutes = query.value(3).toInt();
    control.override = kitchenOverrideFromWire(query.value(4).toString()).value_or(KitchenOverride::Auto);
    control.state = kitchenStateFromWire(query.value(5).toString()).value_or(KitchenState::Normal);
    control.sinceMs = query.value(6).toLongLong();
    return control;
}

QString message(const KitchenControl &control, const KitchenLoad &load)
{
    if (control.override == KitchenOverride::Paused)
        return QStringLiteral("Online orders paused by a manager");
    if (control.override == KitchenOverride::Open && control.state == KitchenState::Paused)
        return QStringLiteral("Kept open by a manager although the kitchen is at %1 (pauses at %2)")
            .arg(load.figure).arg(control.thresholds.pauseAt);
    switch (control.state) {
    case KitchenState::Paused:
        return QStringLiteral("Online orders paused: the kitchen is at %1 (pauses at %2)")
            .arg(load.figure).arg(control.thresholds.pauseAt);
    case KitchenState::Busy:
        return QStringLiteral("The kitchen is busy (%1, from %2): orders are quoted %3 minutes")
            .arg(load.figure).arg(control.thresholds.busyAt)
            .arg(KitchenGovernor::quotedMinutes(control.state, control.thresholds));
    case KitchenState::Normal: break;
    }
    return QStringLiteral("The kitchen has caught up (%1): online orders are open").arg(load.figure);
}

} // namespace

QJsonObject KitchenControl::toJson(const KitchenLoad &load) const
{
    return QJsonObject{{QStringLiteral("widget"), widgetId},
                       {QStringLiteral("busy_at"), thresholds.busyAt},
                       {QStringLiteral("pause_at"), thresholds.pauseAt},
                       {QStringLiteral("base_minutes"), thresholds.baseMinutes},
                       {QStringLiteral("override"), kitchenOverrideToWire(override)},
                       {QStringLiteral("state"), kitchenStateToWire(state)},
                       {QStringLiteral("auto_paused"), override == KitchenOverride::Auto && state == KitchenState::Paused},
                       {QStringLiteral("quoted_minutes"), KitchenGovernor::quotedMinutes(state, thresholds)},
                       {QStringLiteral("load"), load.figure},
                       {QStringLiteral("message"), message(*this, load)}};
}

KitchenControlService::KitchenControlService(Database *database, OrderService *orders, WidgetService *widgets,
                                             QObject *parent)
    : QObject(parent),
      m_database(database),
      m_orders(orders),
      m_widgets(widgets),
      m_timer(new QTimer(this)),
      m_soon(new QTimer(this))
{
    m_timer->setInterval(evaluateIntervalMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        QSqlQuery query(m_database->connection());
        if (!execPrepared(query, QStringLiteral("SELECT DISTINCT restaurant_id FROM kitchen_controls")))
            return;
        while (query.next())
            m_due.insert(query.value(0).toString());
        evaluateDue();
    });
    // A burst of order events is one evaluation.
    m_soon->setSingleShot(true);
    m_soon->setInterval(250);
    connect(m_soon, &QTimer::timeout, this, &KitchenControlService::evaluateDue);
    connect(m_orders, &OrderService::eventAppended, this, &KitchenControlService::onOrderEvent);
}

bool KitchenControlService::createSchema(QSqlDatabase &database)
{
    return Migrations::execAll(database, {
        QStringLiteral("CREATE TABLE kitchen_controls ("
                       " restaurant_id TEXT NOT NULL,"
                       " widget_id TEXT NOT NULL,"
                       " busy_at INTEGER NOT NULL,"
                       " pause_at INTEGER NOT NULL,"
                       " base_minutes INTEGER NOT NULL,"
                       " override TEXT NOT NULL,"       // auto, open, paused
                       " state TEXT NOT NULL,"          // normal, busy, paused
                       " since_ms INTEGER NOT NULL,"
                       " PRIMARY KEY (restaurant_id, widget_id))"),
    });
}

void KitchenControlService::start()
{
    m_running = true;
    m_timer->start();
}

void KitchenControlService::stop()
{
    m_running = false;
    m_timer->stop();
    m_soon->stop();
    m_due.clear();
}

void KitchenControlService::onOrderEvent(const StoredEvent &event)
{
    if (!m_running)
        return;
    m_due.insert(event.restaurantId);
    if (!m_soon->isActive())
        m_soon->start();
}

void KitchenControlService::evaluateDue()
{
    const QSet<QString> due = std::exchange(m_due, {});
    for (const QString &restaurantId : due)
        evaluate(restaurantId, QDateTime::currentMSecsSinceEpoch());
}

KitchenLoad KitchenControlService::load(const QString &restaurantId, const QDateTime &now) const
{
    return KitchenLoad::measure(m_orders->openOrders(restaurantId), now);
}

QHash<QString, KitchenControl> KitchenControlService::stored(const QString &restaurantId) const
{
    QHash<QString, KitchenControl> stored;
    QSqlQuery query(m_database->connection());
    if (execPrepared(query,
                     QStringLiteral("SELECT widget_id, busy_at, pause_at, base_minutes, override, state, since_ms "
                                    "FROM kitchen_controls WHERE restaurant_id = ?"),
                     {restaurantId})) {
        while (query.next()) {
            const KitchenControl control = controlFromRow(query);
            stored.insert(control.widgetId, control);
        }
    }
    return stored;
}

QList<KitchenControl> KitchenControlService::controls(const QString &restaurantId) const
{
    const QHash<QString, KitchenControl> stored = this->stored(restaurantId);
    QList<KitchenControl> result;
    for (const WidgetConfig &widget : m_widgets->snapshot(restaurantId).widgets) {
        if (widget.kind != WidgetKind::Ordering)
            continue;
        KitchenControl control = stored.value(widget.id);
        control.widgetId = widget.id;
        result.append(control);
    }
    return result;
}

std::optional<KitchenControl> KitchenControlService::control(const QString &restaurantId, const QString &widgetId) const
{
    for (const KitchenControl &control : controls(restaurantId)) {
        if (control.widgetId == widgetId)
            return control;
    }
    return std::nullopt;
}

bool KitchenControlService::store(const QString &restaurantId, const KitchenControl &control)
{
    QSqlQuery query(m_database->connection());
    return execPrepared(
        query,
        QStringLiteral("INSERT INTO kitchen_controls (restaurant_id, widget_id, busy_at, pause_at, base_minutes, "
                       "override, state, since_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (restaurant_id, widget_id) DO UPDATE SET busy_at = excluded.busy_at, "
                       "pause_at = excluded.pause_at, base_minutes = excluded.base_minutes, "
                       "override = excluded.override, state = excluded.state, since_ms = excluded.since_ms"),
        {restaurantId, control.widgetId, control.thresholds.busyAt, control.thresholds.pauseAt,
         control.thresholds.baseMinutes, kitchenOverrideToWire(control.override), kitchenStateToWire(control.state),
         control.sinceMs});
}

bool KitchenControlService::moveState(const QString &restaurantId, const KitchenControl &before,
                                      const KitchenControl &after)
{
    QSqlQuery query(m_database->connection());
    return execPrepared(query,
                        QStringLiteral("UPDATE kitchen_controls SET state = ?, since_ms = ? "
                                       "WHERE restaurant_id = ? AND widget_id = ? AND state = ? AND since_ms = ?"),
                        {kitchenStateToWire(after.state), after.sinceMs, restaurantId, after.widgetId,
                         kitchenStateToWire(before.state), before.sinceMs})
        && query.numRowsAffected() == 1;
}

bool KitchenControlService::applyToWidget(const QString &restaurantId, const KitchenControl &control,
                                          const KitchenLoad &load)
{
    QJsonObject reason = control.toJson(load);
    reason.insert(QStringLiteral("code"), QStringLiteral("kitchen_load"));
    reason.remove(QStringLiteral("widget"));
    const bool paused = control.pausesWidget();
    const WidgetResult result = m_widgets->applyAutomatic(
        restaurantId, control.widgetId, [paused](WidgetSettings &settings) { settings.paused = paused; }, reason);
    if (!result.ok()) {
        qCWarning(lcServer).noquote() << "kitchen load: widget" << control.widgetId << "not changed:" << result.message;
        return false;
    }
    qCInfo(lcServer).noquote() << "kitchen load:" << reason.value(QStringLiteral("message")).toString();
    return true;
}

bool KitchenControlService::configure(const QString &restaurantId, const QString &widgetId,
                                      const KitchenThresholds &thresholds, KitchenOverride override, QString *problem)
{
    std::optional<KitchenControl> current = control(restaurantId, widgetId);
    if (!current) {
        *problem = QStringLiteral("widget %1 is not an ordering widget of this restaurant").arg(widgetId);
        return false;
    }
    KitchenControl next = *current;
    const bool overrideChanged = next.override != override;
    next.thresholds = thresholds;
    next.override = override;
    if (!store(restaurantId, next)) {
        *problem = QStringLiteral("the kitchen settings could not be saved");
        return false;
    }
    // A manager's override shows on the widget at once; new thresholds take effect as the load is
    // measured now.
    if (overrideChanged)
        applyToWidget(restaurantId, next, load(restaurantId, QDateTime::currentDateTimeUtc()));
    evaluate(restaurantId, QDateTime::currentMSecsSinceEpoch());
    return true;
}

int KitchenControlService::evaluate(const QString &restaurantId, qint64 nowMs)
{
    // Only configured widgets have a row; the widgets themselves are read only when one does.
    QList<KitchenControl> active = stored(restaurantId).values();
    active.removeIf([](const KitchenControl &control) {
        return control.thresholds.busyAt <= 0 && control.thresholds.pauseAt <= 0 && control.state == KitchenState::Normal;
    });
    if (active.isEmpty())
        return 0; // nothing follows the kitchen here: the open orders need not be read
    const KitchenLoad measured = load(restaurantId, QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC));
    int changed = 0;
    for (const KitchenControl &before : std::as_const(active)) {
        KitchenGovernor governor(before.state, before.sinceMs);
        if (!governor.update(measured.figure, before.thresholds, nowMs))
            continue;
        KitchenControl after = before;
        after.state = governor.state();
        after.sinceMs = governor.sinceMs();
        // Another instance may have moved it first: then it also told the widget.
        if (!moveState(restaurantId, before, after))
            continue;
        if (applyToWidget(restaurantId, after, measured))
            ++changed;
    }
    return changed;
}

} // namespace hearth::server
