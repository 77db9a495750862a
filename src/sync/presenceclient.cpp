#include "sync/presenceclient.h"

#include "api/apicodec.h"
#include "api/restclient.h"
#include "core/logging.h"
#include "realtime/realtimeservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace hearth {

namespace {

using namespace Qt::StringLiterals;

constexpr std::chrono::milliseconds defaultRepeat{10000}; // the server forgets after 30 s

} // namespace

PresenceClient::PresenceClient(RealtimeService *realtime, RestClient *rest, QObject *parent)
    : QObject(parent), m_realtime(realtime), m_rest(rest)
{
    m_repeat.setInterval(defaultRepeat);
    connect(&m_repeat, &QTimer::timeout, this, &PresenceClient::sendCurrent);
    connect(m_realtime, &RealtimeService::channelEvents, this, &PresenceClient::onChannelEvents);
    connect(m_realtime, &RealtimeService::snapshotRequired, this,
            [this](const QString &channel) { onSnapshotRequired(channel); });
    connect(m_realtime, &RealtimeService::stateChanged, this, [this](ConnectionState state) {
        // A new connection is a new session: the server knows nothing of this PC's presence.
        if (state == ConnectionState::Live && m_started)
            sendCurrent();
    });
}

PresenceClient::~PresenceClient()
{
    stop();
}

QString PresenceClient::channelName()
{
    return u"presence"_s;
}

void PresenceClient::setRepeatInterval(std::chrono::milliseconds interval)
{
    m_repeat.setInterval(interval);
}

void PresenceClient::start()
{
    if (m_started)
        return;
    m_started = true;
    m_realtime->subscribe(channelName());
    if (!m_widgetId.isEmpty()) {
        sendCurrent();
        m_repeat.start();
    }
}

void PresenceClient::stop()
{
    if (!m_started)
        return;
    if (!m_widgetId.isEmpty())
        send(m_widgetId, u"left"_s, {});
    m_started = false;
    ++m_generation;
    m_repeat.stop();
    m_realtime->unsubscribe(channelName());
    m_byWidget.clear();
    emit presenceReset();
}

void PresenceClient::viewing(const QString &widgetId)
{
    editing(widgetId, {});
}

void PresenceClient::editing(const QString &widgetId, const QString &field)
{
    if (widgetId.isEmpty()) {
        left();
        return;
    }
    if (widgetId == m_widgetId && field == m_field)
        return;
    if (!m_widgetId.isEmpty() && m_widgetId != widgetId)
        send(m_widgetId, u"left"_s, {});
    m_widgetId = widgetId;
    m_field = field;
    sendCurrent();
    if (m_started)
        m_repeat.start(); // the next repeat counts from this change
}

void PresenceClient::left()
{
    if (m_widgetId.isEmpty())
        return;
    send(m_widgetId, u"left"_s, {});
    m_widgetId.clear();
    m_field.clear();
    m_repeat.stop();
}

QList<PresenceEntry> PresenceClient::others(const QString &widgetId) const
{
    const QString own = m_realtime->sessionId();
    QList<PresenceEntry> entries;
    const QList<PresenceEntry> all = m_byWidget.value(widgetId);
    for (const PresenceEntry &entry : all) {
        if (own.isEmpty() || entry.session != own)
            entries.append(entry);
    }
    return entries;
}

QStringList PresenceClient::describe(const QString &widgetId) const
{
    QStringList lines;
    const QList<PresenceEntry> entries = others(widgetId);
    for (const PresenceEntry &entry : entries) {
        const QString who = entry.displayName.isEmpty() ? entry.username : entry.displayName;
        if (entry.state == "editing"_L1 && !entry.field.isEmpty()) {
            lines.append(entry.device.isEmpty()
                             //: %1 is a person, %2 a setting's key such as "title"
                             ? tr("%1 is editing %2").arg(who, entry.field)
                             //: %1 is a person, %2 a setting's key such as "title", %3 a PC's name
                             : tr("%1 is editing %2 on %3").arg(who, entry.field, entry.device));
        } else {
            lines.append(entry.device.isEmpty()
                             //: %1 is a person
                             ? tr("%1 is looking at this widget").arg(who)
                             //: %1 is a person, %2 a PC's name
                             : tr("%1 is looking at this widget on %2").arg(who, entry.device));
        }
    }
    return lines;
}

void PresenceClient::onChannelEvents(const QString &channel, const QList<ChannelEvent> &events)
{
    if (channel != channelName() || !m_started)
        return;
    QStringList changed;
    for (const ChannelEvent &event : events) {
        const QString widgetId = event.data.value("widget_id"_L1).toString();
        if (event.type != "presence.changed"_L1 || widgetId.isEmpty())
            continue;
        QList<PresenceEntry> entries;
        const QJsonArray editors = event.data.value("editors"_L1).toArray();
        for (const QJsonValue &editor : editors) {
            Decoded<PresenceEntry> entry = ApiCodec::decodePresenceEntry(editor.toObject());
            if (entry.ok())
                entries.append(std::move(*entry.value));
            else
                qCWarning(lcSync).noquote() << "dropping a presence entry:" << entry.errorString();
        }
        if (entries.isEmpty())
            m_byWidget.remove(widgetId);
        else
            m_byWidget.insert(widgetId, entries);
        if (!changed.contains(widgetId))
            changed.append(widgetId);
    }
    for (const QString &widgetId : std::as_const(changed))
        emit presenceChanged(widgetId);
}

void PresenceClient::onSnapshotRequired(const QString &channel)
{
    if (channel == channelName() && m_started)
        loadSnapshot();
}

void PresenceClient::loadSnapshot()
{
    const quint64 generation = m_generation;
    m_rest->fetchPresence(this, [this, generation](const ApiResult<PresenceSnapshot> &result) {
        if (generation != m_generation)
            return;
        if (!result.ok()) {
            // Presence is a courtesy: no retry loop; the next resubscribe asks again.
            qCInfo(lcSync) << "presence snapshot failed:" << result.error.details;
            return;
        }
        m_byWidget.clear();
        for (const PresenceEntry &entry : result.value->entries)
            m_byWidget[entry.widgetId].append(entry);
        if (!result.value->position.isReachedBy(m_realtime->syncPosition(channelName())))
            m_realtime->setSyncPosition(channelName(), result.value->position);
        emit presenceReset();
    });
}

void PresenceClient::sendCurrent()
{
    if (!m_widgetId.isEmpty())
        send(m_widgetId, m_field.isEmpty() ? u"viewing"_s : u"editing"_s, m_field);
}

void PresenceClient::send(const QString &widgetId, const QString &state, const QString &field)
{
    // Only a live link carries presence: the server forgets a closed connection's presence, and
    // the current one is sent again the moment the link is back, so nothing needs queueing.
    if (!m_started || m_realtime->state() != ConnectionState::Live)
        return;
    const QJsonObject frame{{u"op"_s, u"presence"_s},
                            {u"widget_id"_s, widgetId},
                            {u"state"_s, state},
                            {u"field"_s, field.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(field)},
                            {u"device"_s, m_device}};
    m_realtime->sendFrame(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

} // namespace hearth
