#include "server/clusterfeed.h"

#include "core/logging.h"
#include "server/database.h"
#include "server/eventlog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

#include <algorithm>
#include <atomic>

namespace hearth::server {

namespace {

std::atomic<int> listenerCounter{0};

} // namespace

ClusterFeed::ClusterFeed(Database *database, EventLog *events, QObject *parent)
    : QObject(parent),
      m_database(database),
      m_events(events),
      m_listenerName(QStringLiteral("hearth-server-listener-%1").arg(listenerCounter.fetch_add(1) + 1)),
      m_pollTimer(new QTimer(this))
{
    m_pollTimer->setInterval(2000);
    connect(m_pollTimer, &QTimer::timeout, this, &ClusterFeed::poll);
}

ClusterFeed::~ClusterFeed()
{
    stop();
}

void ClusterFeed::setPollIntervalMs(int intervalMs)
{
    m_pollTimer->setInterval(std::max(50, intervalMs));
}

bool ClusterFeed::start(QString *errorMessage)
{
    stop();
    if (!m_database->isPostgres())
        return true;
    // Where every channel stands now; what the sessions need from before, they replay.
    QSqlQuery heads(m_database->connection());
    if (!execPrepared(heads, QStringLiteral("SELECT restaurant_id, channel, head FROM event_counters"))) {
        if (errorMessage)
            *errorMessage = QStringLiteral("cannot read the event counters");
        return false;
    }
    while (heads.next())
        m_forwarded.insert(key(heads.value(0).toString(), heads.value(1).toString()), heads.value(2).toLongLong());
    heads.finish();
    // Listening first, then the poll: an event committed in between is seen by the first poll.
    if (!listen(errorMessage))
        return false;
    m_listening = true;
    m_pollTimer->start();
    poll();
    return true;
}

void ClusterFeed::stop()
{
    m_pollTimer->stop();
    closeListener();
    m_listening = false;
    m_forwarded.clear();
}

bool ClusterFeed::listen(QString *errorMessage)
{
    closeListener();
    QString problem;
    QSqlDatabase listener = m_database->openSibling(m_listenerName, &problem);
    const QString channel(EventLog::notificationChannel);
    if (!listener.isOpen() || !listener.driver()->subscribeToNotification(channel)) {
        if (problem.isEmpty())
            problem = listener.driver()->lastError().text();
        listener = QSqlDatabase();
        closeListener();
        if (errorMessage)
            *errorMessage = QStringLiteral("cannot listen for other instances' events: %1").arg(problem);
        return false;
    }
    connect(listener.driver(), &QSqlDriver::notification, this, &ClusterFeed::onNotification);
    qCInfo(lcServer) << "listening for the events of other instances";
    return true;
}

void ClusterFeed::closeListener()
{
    if (!QSqlDatabase::contains(m_listenerName))
        return;
    {
        QSqlDatabase listener = QSqlDatabase::database(m_listenerName, false);
        if (listener.isOpen()) {
            disconnect(listener.driver(), nullptr, this, nullptr);
            listener.close();
        }
    }
    QSqlDatabase::removeDatabase(m_listenerName);
}

void ClusterFeed::forwardLocal(const StoredEvent &event)
{
    if (!m_listening) {
        emit eventReady(event);
        return;
    }
    const QString channelKey = key(event.restaurantId, event.channel);
    const qint64 forwarded = m_forwarded.value(channelKey, 0);
    if (event.seq <= forwarded)
        return;
    if (event.seq == forwarded + 1) {
        m_forwarded.insert(channelKey, event.seq);
        emit eventReady(event);
        return;
    }
    // Another instance's events came first and their notifications are still on their way.
    catchUp(event.restaurantId, event.channel, event.seq);
}

void ClusterFeed::onNotification(const QString &name, QSqlDriver::NotificationSource, const QVariant &payload)
{
    if (name != EventLog::notificationChannel)
        return;
    const QJsonObject object = QJsonDocument::fromJson(payload.toString().toUtf8()).object();
    const QString restaurantId = object.value(QLatin1StringView("restaurant")).toString();
    const QString channel = object.value(QLatin1StringView("channel")).toString();
    const qint64 seq = object.value(QLatin1StringView("seq")).toInteger(-1);
    if (restaurantId.isEmpty() || channel.isEmpty() || seq < 1) {
        qCWarning(lcServer).noquote() << "ignoring an unreadable event notification";
        return;
    }
    if (seq > m_forwarded.value(key(restaurantId, channel), 0))
        catchUp(restaurantId, channel, seq);
}

void ClusterFeed::poll()
{
    if (!m_listening)
        return;
    // A listening connection that broke heard nothing since: a new one, and the heads tell
    // what was missed.
    {
        QSqlQuery ping(QSqlDatabase::database(m_listenerName, false));
        if (!ping.exec(QStringLiteral("SELECT 1"))) {
            ping = QSqlQuery();
            qCWarning(lcServer) << "the connection listening for other instances' events broke; reconnecting";
            if (!listen(nullptr))
                return; // the next poll tries again; the heads below still forward what others commit
        }
    }
    // The instance's own connection is checked here too, so that it comes back by itself.
    if (!m_database->reconnectIfBroken())
        return;
    QSqlQuery heads(m_database->connection());
    if (!execPrepared(heads, QStringLiteral("SELECT restaurant_id, channel, head FROM event_counters")))
        return;
    struct Head { QString restaurantId; QString channel; qint64 seq; };
    QList<Head> behind;
    while (heads.next()) {
        Head head{heads.value(0).toString(), heads.value(1).toString(), heads.value(2).toLongLong()};
        if (head.seq > m_forwarded.value(key(head.restaurantId, head.channel), 0))
            behind.append(std::move(head));
    }
    heads.finish();
    for (const Head &head : std::as_const(behind))
        catchUp(head.restaurantId, head.channel, head.seq);
}

void ClusterFeed::catchUp(const QString &restaurantId, const QString &channel, qint64 upToSeq)
{
    const QString channelKey = key(restaurantId, channel);
    qint64 forwarded = m_forwarded.value(channelKey, 0);
    while (forwarded < upToSeq) {
        const QList<StoredEvent> batch = m_events->readAfter(restaurantId, channel, forwarded, EventSource::maxBatch);
        const qint64 before = forwarded;
        for (const StoredEvent &event : batch) {
            if (event.seq > upToSeq)
                break;
            forwarded = event.seq;
            m_forwarded.insert(channelKey, forwarded);
            emit eventReady(event);
        }
        if (batch.size() < EventSource::maxBatch || forwarded == before)
            break;
    }
}

QString ClusterFeed::key(const QString &restaurantId, const QString &channel)
{
    return restaurantId + u'\n' + channel;
}

} // namespace hearth::server
