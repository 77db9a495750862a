#include "server/presenceregistry.h"

#include "core/jsonreader.h"
#include "core/logging.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <limits>
#include <memory>

namespace hearth::server {

namespace {

constexpr qsizetype maxWidgetIdLength = 100;
constexpr qsizetype maxFieldLength = 64;
constexpr qsizetype maxDeviceLength = 80;

QString newEpoch()
{
    // Tells this lifetime's log from every other: "p" marks it as presence's own, not the database's.
    return QStringLiteral("p-") + QString::number(QRandomGenerator::system()->generate64(), 36);
}

bool isPresenceChannel(const QString &channel)
{
    return channel == PresenceEvents::channel;
}

} // namespace

std::optional<PresenceUpdate> PresenceUpdate::fromFrame(const QJsonObject &frame, QString *problem)
{
    FieldErrors errors;
    JsonReader reader(frame, &errors);
    PresenceUpdate update;
    update.widgetId = reader.requiredString(QLatin1StringView("widget_id"));
    if (update.widgetId.size() > maxWidgetIdLength)
        reader.fail(QLatin1StringView("widget_id"), QStringLiteral("is longer than %1 characters").arg(maxWidgetIdLength));
    update.state = reader.requiredString(QLatin1StringView("state"));
    if (!update.state.isEmpty() && update.state != u"viewing" && update.state != u"editing" && update.state != u"left")
        reader.fail(QLatin1StringView("state"), QStringLiteral("must be viewing, editing or left"));
    update.field = reader.optionalString(QLatin1StringView("field"));
    if (update.field.size() > maxFieldLength)
        reader.fail(QLatin1StringView("field"), QStringLiteral("is longer than %1 characters").arg(maxFieldLength));
    if (update.field.isEmpty())
        update.field = QString(); // "" and null both mean: not typing in a field
    update.device = reader.optionalString(QLatin1StringView("device"));
    if (update.device.size() > maxDeviceLength)
        reader.fail(QLatin1StringView("device"), QStringLiteral("is longer than %1 characters").arg(maxDeviceLength));
    if (!errors.isEmpty()) {
        *problem = QStringLiteral("presence: ") + describeErrors(errors);
        return std::nullopt;
    }
    return update;
}

PresenceRegistry::PresenceRegistry(QObject *parent)
    : QObject(parent), m_epoch(newEpoch()), m_expiryTimer(new QTimer(this))
{
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    m_clock = [elapsed] { return elapsed->elapsed(); };
    m_expiryTimer->setSingleShot(true);
    connect(m_expiryTimer, &QTimer::timeout, this, &PresenceRegistry::expireDue);
}

PresenceRegistry::~PresenceRegistry() = default;

void PresenceRegistry::setTimeoutMs(int timeoutMs)
{
    m_timeoutMs = std::max(1, timeoutMs);
    scheduleExpiry();
}

void PresenceRegistry::setClock(std::function<qint64()> monotonicMs)
{
    m_clock = std::move(monotonicMs);
}

void PresenceRegistry::setWidgetCheck(std::function<bool(const QString &, const QString &)> check)
{
    m_widgetCheck = std::move(check);
}

void PresenceRegistry::reset()
{
    m_restaurants.clear();
    m_epoch = newEpoch();
    m_expiryTimer->stop();
}

QString PresenceRegistry::apply(const AuthContext &context, const QString &sessionId, const PresenceUpdate &update)
{
    Restaurant &restaurant = m_restaurants[context.restaurantId];
    const auto it = std::find_if(restaurant.entries.begin(), restaurant.entries.end(), [&](const Entry &entry) {
        return entry.sessionId == sessionId && entry.widgetId == update.widgetId;
    });
    if (update.state == u"left") {
        if (it != restaurant.entries.end()) {
            restaurant.entries.erase(it);
            publish(context.restaurantId, update.widgetId);
        }
        return {};
    }

    const qint64 now = m_clock();
    if (it != restaurant.entries.end()) {
        it->lastSeenMs = now;
        // A repeat only keeps the entry alive; a change is news for everyone on the widget.
        if (it->state == update.state && it->field == update.field && it->device == update.device)
            return {};
        if (it->state != update.state || it->field != update.field)
            it->since = QDateTime::currentDateTimeUtc();
        it->state = update.state;
        it->field = update.field;
        it->device = update.device;
        publish(context.restaurantId, update.widgetId);
        return {};
    }

    if (m_widgetCheck && !m_widgetCheck(context.restaurantId, update.widgetId))
        return QStringLiteral("presence: there is no widget %1").arg(update.widgetId);
    const auto open = std::count_if(restaurant.entries.cbegin(), restaurant.entries.cend(),
                                    [&sessionId](const Entry &entry) { return entry.sessionId == sessionId; });
    if (open >= maxWidgetsPerConnection)
        return QStringLiteral("presence: a connection may have at most %1 widgets open").arg(maxWidgetsPerConnection);
    restaurant.entries.append(Entry{sessionId, update.widgetId, context.username, context.displayName, update.device,
                                    update.state, update.field, QDateTime::currentDateTimeUtc(), now});
    publish(context.restaurantId, update.widgetId);
    scheduleExpiry();
    return {};
}

void PresenceRegistry::removeSession(const QString &restaurantId, const QString &sessionId)
{
    const auto found = m_restaurants.find(restaurantId);
    if (found == m_restaurants.end())
        return;
    QStringList widgets;
    QList<Entry> &entries = found->entries;
    for (auto it = entries.begin(); it != entries.end();) {
        if (it->sessionId == sessionId) {
            if (!widgets.contains(it->widgetId))
                widgets.append(it->widgetId);
            it = entries.erase(it);
        } else {
            ++it;
        }
    }
    for (const QString &widgetId : std::as_const(widgets))
        publish(restaurantId, widgetId);
}

void PresenceRegistry::expireDue()
{
    const qint64 now = m_clock();
    for (auto restaurant = m_restaurants.begin(); restaurant != m_restaurants.end(); ++restaurant) {
        QStringList widgets;
        QList<Entry> &entries = restaurant->entries;
        for (auto it = entries.begin(); it != entries.end();) {
            if (now - it->lastSeenMs >= m_timeoutMs) {
                qCInfo(lcServer).noquote() << "presence of" << it->username << "on widget" << it->widgetId
                                           << "expired";
                if (!widgets.contains(it->widgetId))
                    widgets.append(it->widgetId);
                it = entries.erase(it);
            } else {
                ++it;
            }
        }
        for (const QString &widgetId : std::as_const(widgets))
            publish(restaurant.key(), widgetId);
    }
    scheduleExpiry();
}

void PresenceRegistry::scheduleExpiry()
{
    // One single-shot timer aimed at the earliest deadline, so nothing polls while all is quiet.
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (const Restaurant &restaurant : std::as_const(m_restaurants)) {
        for (const Entry &entry : restaurant.entries)
            earliest = std::min(earliest, entry.lastSeenMs + m_timeoutMs);
    }
    if (earliest == std::numeric_limits<qint64>::max()) {
        m_expiryTimer->stop();
        return;
    }
    const qint64 wait = std::clamp<qint64>(earliest - m_clock(), 0, std::numeric_limits<int>::max());
    m_expiryTimer->start(int(wait));
}

void PresenceRegistry::publish(const QString &restaurantId, const QString &widgetId)
{
    Restaurant &restaurant = m_restaurants[restaurantId];
    QList<const Entry *> editors;
    for (const Entry &entry : std::as_const(restaurant.entries)) {
        if (entry.widgetId == widgetId)
            editors.append(&entry);
    }
    std::stable_sort(editors.begin(), editors.end(),
                     [](const Entry *a, const Entry *b) { return a->since < b->since; });
    QJsonArray list;
    for (const Entry *entry : std::as_const(editors))
        list.append(entryToJson(*entry));

    StoredEvent event;
    event.restaurantId = restaurantId;
    event.channel = QString(PresenceEvents::channel);
    event.seq = ++restaurant.head;
    event.type = QString(PresenceEvents::changed);
    event.data = QJsonDocument(QJsonObject{{QStringLiteral("widget_id"), widgetId}, {QStringLiteral("editors"), list}})
                     .toJson(QJsonDocument::Compact);
    event.ts = QDateTime::currentDateTimeUtc();
    restaurant.log.push_back(event);
    while (qsizetype(restaurant.log.size()) > retainedEvents)
        restaurant.log.pop_front();
    emit eventAppended(event);
}

QJsonObject PresenceRegistry::entryToJson(const Entry &entry)
{
    return QJsonObject{{QStringLiteral("widget_id"), entry.widgetId},
                       {QStringLiteral("session"), entry.sessionId},
                       {QStringLiteral("username"), entry.username},
                       {QStringLiteral("display_name"), entry.displayName},
                       {QStringLiteral("device"), entry.device},
                       {QStringLiteral("state"), entry.state},
                       {QStringLiteral("field"), entry.field.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(entry.field)},
                       {QStringLiteral("since"), toWireTimestamp(entry.since)}};
}

QJsonArray PresenceRegistry::snapshot(const QString &restaurantId) const
{
    QJsonArray list;
    const auto found = m_restaurants.constFind(restaurantId);
    if (found == m_restaurants.cend())
        return list;
    QList<const Entry *> entries;
    for (const Entry &entry : found->entries)
        entries.append(&entry);
    std::stable_sort(entries.begin(), entries.end(), [](const Entry *a, const Entry *b) {
        return a->widgetId != b->widgetId ? a->widgetId < b->widgetId : a->since < b->since;
    });
    for (const Entry *entry : std::as_const(entries))
        list.append(entryToJson(*entry));
    return list;
}

int PresenceRegistry::entryCount(const QString &restaurantId) const
{
    const auto found = m_restaurants.constFind(restaurantId);
    return found == m_restaurants.cend() ? 0 : int(found->entries.size());
}

qint64 PresenceRegistry::headSeq(const QString &restaurantId, const QString &channel) const
{
    if (!isPresenceChannel(channel))
        return -1;
    const auto found = m_restaurants.constFind(restaurantId);
    return found == m_restaurants.cend() ? 0 : found->head;
}

qint64 PresenceRegistry::oldestRetainedSeq(const QString &restaurantId, const QString &channel) const
{
    if (!isPresenceChannel(channel))
        return -1;
    const auto found = m_restaurants.constFind(restaurantId);
    if (found == m_restaurants.cend())
        return 1;
    return found->log.empty() ? found->head + 1 : found->log.front().seq;
}

bool PresenceRegistry::canReplayFrom(const QString &restaurantId, const QString &channel, qint64 afterSeq) const
{
    const qint64 head = headSeq(restaurantId, channel);
    const qint64 oldest = oldestRetainedSeq(restaurantId, channel);
    return head >= 0 && oldest >= 0 && afterSeq >= 0 && afterSeq <= head && afterSeq + 1 >= oldest;
}

QList<StoredEvent> PresenceRegistry::readAfter(const QString &restaurantId, const QString &channel, qint64 afterSeq,
                                               int limit) const
{
    QList<StoredEvent> events;
    const auto found = m_restaurants.constFind(restaurantId);
    if (!isPresenceChannel(channel) || found == m_restaurants.cend())
        return events;
    const int capped = std::clamp(limit, 1, maxBatch);
    for (const StoredEvent &event : found->log) {
        if (event.seq <= afterSeq)
            continue;
        events.append(event);
        if (events.size() >= capped)
            break;
    }
    return events;
}

} // namespace hearth::server
