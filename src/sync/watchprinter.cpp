#include "sync/watchprinter.h"

#include "core/ordercodec.h"
#include "profile/hearthschema.h"
#include "realtime/channelevent.h"
#include "sync/ordersclient.h"

#include <QJsonDocument>

namespace hearth {

namespace {

QString jsonLine(const QString &channel, const QString &type, qint64 seq, const QJsonObject &entity)
{
    QJsonObject line{{QStringLiteral("channel"), channel}, {QStringLiteral("type"), type}};
    if (seq > 0)
        line.insert(QStringLiteral("seq"), seq);
    line.insert(QStringLiteral("id"), entity.value(QStringLiteral("id")));
    line.insert(QStringLiteral("entity"), entity);
    return QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact));
}

QString textLine(const QString &channel, const QString &type, qint64 seq, const QJsonObject &entity)
{
    QString line = seq > 0 ? QStringLiteral("%1 #%2 %3").arg(channel).arg(seq).arg(type)
                           : QStringLiteral("%1 %2").arg(channel, type);
    const QString id = entity.value(QStringLiteral("id")).toString();
    if (!id.isEmpty())
        line += QStringLiteral(" id=") + id;
    const QString status = entity.value(QStringLiteral("status")).toString();
    if (!status.isEmpty())
        line += QStringLiteral(" status=") + status;
    return line;
}

} // namespace

WatchPrinter::WatchPrinter(OrdersClient *client, Format format, QTextStream *out, QTextStream *err,
                           QStringList channels, QObject *parent)
    : QObject(parent), m_client(client), m_channels(channelsFor(channels)), m_asked(std::move(channels)),
      m_format(format), m_out(out), m_err(err)
{
    RealtimeService *realtime = &client->realtime();
    connect(realtime, &RealtimeService::channelEvents, this, &WatchPrinter::printEvents);
    connect(&client->sync(), &OrdersSync::ordersReplaced, this, &WatchPrinter::printSnapshot);
    connect(&client->polling(), &PollingFallback::ordersPolled, this, &WatchPrinter::printPolled);
    connect(realtime, &RealtimeService::stateChanged, this, [this, realtime](ConnectionState state) {
        *m_err << "state: " << connectionStateName(state);
        if (state == ConnectionState::WaitingToRetry)
            *m_err << " (retry at " << realtime->nextRetryAt().toLocalTime().toString(Qt::ISODate) << ')';
        if (!realtime->lastError().isEmpty() && state != ConnectionState::Live)
            *m_err << " — " << realtime->lastError();
        *m_err << Qt::endl;
    });
    connect(&client->polling(), &PollingFallback::pollingChanged, this, [this](bool polling) {
        *m_err << (polling ? "transport: polling over REST" : "transport: live") << Qt::endl;
    });
    connect(&client->sync(), &OrdersSync::errorOccurred, this, [this](const QString &message) {
        *m_err << "sync: " << message << Qt::endl;
    });
    connect(realtime, &RealtimeService::channelFailed, this, [this](const QString &channel, const QString &message) {
        if (m_asked.contains(channel))
            *m_err << "channel " << channel << ": " << message << Qt::endl;
        else
            *m_err << "channel " << channel << ": not offered by this server" << Qt::endl;
    });
}

QStringList WatchPrinter::channelsFor(const QStringList &channels, QStringList *unknown)
{
    const QStringList known = HearthSchema::knownChannels();
    if (channels.isEmpty())
        return known;
    QStringList chosen;
    for (const QString &channel : channels) {
        if (!known.contains(channel)) {
            if (unknown)
                unknown->append(channel);
        } else if (!chosen.contains(channel)) {
            chosen.append(channel);
        }
    }
    return chosen;
}

void WatchPrinter::watchEveryChannel()
{
    RealtimeService &realtime = m_client->realtime();
    for (const QString &channel : std::as_const(m_channels)) {
        if (channel == OrdersSync::channelName() || !realtime.carriesChannel(channel))
            continue;
        realtime.subscribe(channel);
        *m_err << "watching: " << channel << Qt::endl;
    }
}

QString WatchPrinter::eventLine(const ChannelEvent &event, Format format)
{
    const QJsonObject payload = event.payload();
    return format == Format::Json ? jsonLine(event.channel, event.type, event.seq, payload)
                                  : textLine(event.channel, event.type, event.seq, payload);
}

void WatchPrinter::printEvents(const QString &channel, const QList<ChannelEvent> &events)
{
    if (!prints(channel))
        return;
    for (const ChannelEvent &event : events)
        *m_out << eventLine(event, m_format) << '\n';
    m_out->flush();
}

void WatchPrinter::printSnapshot(const QList<Order> &orders, const SyncPosition &position)
{
    if (!prints(OrdersSync::channelName()))
        return;
    *m_err << "snapshot: " << orders.size() << " orders at seq " << position.seq << Qt::endl;
    printOrders(QStringLiteral("order.snapshot"), orders, 0);
}

void WatchPrinter::printPolled(const QList<Order> &orders)
{
    if (!prints(OrdersSync::channelName()))
        return;
    printOrders(QStringLiteral("order.polled"), orders, 0);
}

void WatchPrinter::printOrders(const QString &type, const QList<Order> &orders, qint64 seq)
{
    const QString channel = QStringLiteral("orders");
    for (const Order &order : orders) {
        const QJsonObject entity = OrderCodec::toJson(order);
        *m_out << (m_format == Format::Json ? jsonLine(channel, type, seq, entity) : textLine(channel, type, seq, entity))
               << '\n';
    }
    m_out->flush();
}

} // namespace hearth
