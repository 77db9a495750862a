#include "models/diagnosticsmodel.h"

#include "models/connectionstatus.h"
#include "realtime/realtimeservice.h"
#include "sync/pollingfallback.h"

#include <QLocale>

namespace hearth {

namespace {

QString number(qint64 value)
{
    return QLocale().toString(value);
}

QString stateDescription(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Offline: return DiagnosticsModel::tr("not connected");
    case ConnectionState::Connecting: return DiagnosticsModel::tr("connecting");
    case ConnectionState::Live: return DiagnosticsModel::tr("live updates");
    case ConnectionState::WaitingToRetry: return DiagnosticsModel::tr("waiting to reconnect");
    case ConnectionState::SignedOut: return DiagnosticsModel::tr("signed out");
    }
    return {};
}

} // namespace

DiagnosticsModel::DiagnosticsModel(const RealtimeService *realtime, const PollingFallback *polling, QObject *parent)
    : QAbstractTableModel(parent), m_realtime(realtime), m_polling(polling)
{
    addRows();
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (!m_rows.at(row).name.isEmpty())
            m_shown.append(row);
    }
    m_values.resize(m_rows.size());
    refresh();
    m_refreshTimer.setInterval(1000);
    connect(&m_refreshTimer, &QTimer::timeout, this, &DiagnosticsModel::refresh);
    m_refreshTimer.start();
}

void DiagnosticsModel::addRows()
{
    const RealtimeService *rt = m_realtime;
    auto stat = [rt](qint64 RealtimeStats::*field) { return [rt, field] { return number(rt->stats().*field); }; };
    auto count = [rt](int RealtimeStats::*field) { return [rt, field] { return number(rt->stats().*field); }; };
    m_rows = {
        {QStringLiteral("state"), tr("Connection"), [rt] { return stateDescription(rt->state()); },
         [rt] { return QString(connectionStateName(rt->state())); }},
        {QStringLiteral("server"), tr("Server"), [rt] { return rt->endpoint().toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery); }},
        {QStringLiteral("epoch"), {}, [rt] { return rt->serverEpoch(); }},
        {QStringLiteral("polling"), tr("Checking for orders every few seconds"),
         [this] {
             if (!m_polling->isPolling())
                 return tr("no");
             return m_polling->lastPollAt().isValid() && !m_polling->lastPollSucceeded()
                 ? tr("yes (%n checks made; the last one failed)", "", m_polling->pollsMade())
                 : tr("yes (%n checks made)", "", m_polling->pollsMade());
         },
         [this] {
             return QStringLiteral("%1 polls=%2 last=%3 lastOk=%4")
                 .arg(m_polling->isPolling() ? QStringLiteral("yes") : QStringLiteral("no"))
                 .arg(m_polling->pollsMade())
                 .arg(m_polling->lastPollAt().toString(Qt::ISODateWithMs),
                      m_polling->lastSuccessAt().toString(Qt::ISODateWithMs));
         }},
        {QStringLiteral("sockets.open"), tr("WebSockets open (must be 1 while live)"), count(&RealtimeStats::openSockets)},
        {QStringLiteral("sockets.opened"), tr("WebSockets opened in all"), count(&RealtimeStats::socketsOpened)},
        {QStringLiteral("reconnects"), tr("Reconnects"), count(&RealtimeStats::reconnects)},
        {QStringLiteral("stale"), tr("Connections that went silent"), count(&RealtimeStats::staleLinks)},
        {QStringLiteral("inbound.overflows"), tr("Reconnects to catch up (updates came faster than shown)"),
         count(&RealtimeStats::inboundOverflows)},
        {QStringLiteral("subscriptions"), tr("Subscriptions (subscribers)"),
         [rt] {
             QStringList parts;
             const QStringList channels = rt->subscribedChannels();
             for (const QString &channel : channels)
                 parts.append(QStringLiteral("%1 ×%2").arg(channel).arg(rt->subscriberCount(channel)));
             return parts.isEmpty() ? tr("none") : parts.join(QStringLiteral(", "));
         }},
        {QStringLiteral("channels"), {},
         [rt] {
             QStringList parts;
             const RealtimeStats stats = rt->stats();
             for (const ChannelStats &channel : stats.channels) {
                 QString part = QStringLiteral("%1 @%2").arg(channel.channel).arg(channel.position.seq);
                 if (channel.state == ChannelStats::State::Failed)
                     part += QStringLiteral(" (%1)").arg(channel.error);
                 parts.append(part);
             }
             return parts.isEmpty() ? tr("none") : parts.join(QStringLiteral(", "));
         }},
        {QStringLiteral("events"), tr("Events received"), stat(&RealtimeStats::eventsReceived)},
        {QStringLiteral("eventRate"), tr("Events per second (last 1 s / 10 s)"),
         [rt] {
             const RealtimeStats stats = rt->stats();
             return QStringLiteral("%1 / %2").arg(QLocale().toString(stats.eventsPerSecond, 'f', 1),
                                                  QLocale().toString(stats.eventsPerSecond10s, 'f', 1));
         }},
        {QStringLiteral("bytes"), tr("Bytes received"), stat(&RealtimeStats::bytesReceived)},
        {QStringLiteral("malformed"), tr("Malformed frames dropped"), stat(&RealtimeStats::malformedFrames)},
        {QStringLiteral("invalid"), tr("Invalid payloads dropped"), stat(&RealtimeStats::invalidPayloads)},
        {QStringLiteral("duplicates"), tr("Duplicate events dropped"), stat(&RealtimeStats::duplicatesDropped)},
        {QStringLiteral("gaps"), tr("Gaps detected"), stat(&RealtimeStats::gapsDetected)},
        {QStringLiteral("snapshots"), tr("Snapshots requested"), stat(&RealtimeStats::snapshotsRequested)},
        {QStringLiteral("resends"), tr("Subscriptions re-sent / timed out / refused"),
         [rt] {
             const RealtimeStats stats = rt->stats();
             return QStringLiteral("%1 / %2 / %3").arg(stats.subscribeResends).arg(stats.subscribeTimeouts).arg(stats.channelsRejected);
         }},
        {QStringLiteral("suspends"), tr("Sleeps detected / network returns"),
         [rt] {
             const RealtimeStats stats = rt->stats();
             return QStringLiteral("%1 / %2").arg(stats.suspendsDetected).arg(stats.networkReturns);
         }},
        {QStringLiteral("outgoing"), tr("Outgoing frames queued / refused"),
         [rt] {
             const RealtimeStats stats = rt->stats();
             return QStringLiteral("%1 / %2").arg(stats.outgoingQueued).arg(stats.outgoingOverflows);
         }},
        {QStringLiteral("rtt"), tr("Round trip"),
         [rt] {
             return rt->roundTripMs() ? ConnectionStatus::describeRoundTrip(*rt->roundTripMs()) : tr("not measured yet");
         }},
        {QStringLiteral("lastEvent"), tr("Last update received"),
         [rt] {
             return rt->lastEventAt().isValid()
                 ? ConnectionStatus::describeAge(rt->lastEventAt().secsTo(QDateTime::currentDateTimeUtc()))
                 : tr("none yet");
         }},
        {QStringLiteral("lastError"), tr("Last error"),
         [rt] { return rt->lastError().isEmpty() ? tr("none") : rt->lastError(); },
         [rt] {
             const QString details = rt->lastErrorDetails();
             return rt->lastError().isEmpty() ? QStringLiteral("none")
                                              : details.isEmpty() ? rt->lastError()
                                                                  : QStringLiteral("%1 (%2)").arg(rt->lastError(), details);
         }},
        {QStringLiteral("recentErrors"), tr("Recent errors"),
         [rt] {
             QStringList lines;
             const RealtimeStats stats = rt->stats();
             for (const RecentError &error : stats.recentErrors) {
                 QString line = QLocale().toString(error.at.toLocalTime().time(), QLocale::ShortFormat)
                     + QStringLiteral("  ") + error.message;
                 if (error.repeats > 1)
                     line += QStringLiteral(" (×%1)").arg(error.repeats);
                 lines.append(line);
             }
             return lines.isEmpty() ? tr("none") : lines.join(u'\n');
         }},
    };
}

int DiagnosticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

int DiagnosticsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiagnosticsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const qsizetype row = m_shown.at(index.row());
    return index.column() == NameColumn ? m_rows.at(row).name : m_values.at(row);
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == NameColumn ? tr("What") : tr("Value");
}

void DiagnosticsModel::addRow(const QString &key, const QString &name, std::function<QString()> value)
{
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    QString current = value();
    m_rows.append({key, name, std::move(value)});
    m_values.append(std::move(current));
    endInsertRows();
}

void DiagnosticsModel::refresh()
{
    bool changed = false;
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        QString value = m_rows.at(row).value();
        if (value != m_values.at(row)) {
            m_values[row] = std::move(value);
            changed = true;
        }
    }
    if (changed && !m_shown.isEmpty())
        emit dataChanged(index(0, ValueColumn), index(int(m_shown.size()) - 1, ValueColumn), {Qt::DisplayRole, Qt::ToolTipRole});
}

QString DiagnosticsModel::supportValue(qsizetype row) const
{
    const Row &entry = m_rows.at(row);
    return entry.technical ? entry.technical() : m_values.at(row);
}

QString DiagnosticsModel::valueOf(const QString &key) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).key == key)
            return supportValue(row);
    }
    return {};
}

QString DiagnosticsModel::supportReport() const
{
    QStringList lines;
    for (qsizetype row = 0; row < m_rows.size(); ++row)
        lines.append(QStringLiteral("%1: %2").arg(m_rows.at(row).key, supportValue(row)));
    return lines.join(u'\n');
}

} // namespace hearth
