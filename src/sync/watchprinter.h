#pragma once

// `hearthctl watch`: prints what an OrdersClient sees exactly as the dashboard receives it —
// one normalised event per line on stdout (JSON with --json), state changes on stderr — for
// every channel the backend offers (orders, inventory, widgets, presence, …), or only those
// asked for with --channel.
#include <QObject>
#include <QStringList>
#include <QTextStream>

namespace hearth {

class OrdersClient;
struct ChannelEvent;
struct Order;
struct SyncPosition;

class WatchPrinter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WatchPrinter)

public:
    enum class Format { Text, Json };

    // `channels`: what to print; empty: every channel.
    WatchPrinter(OrdersClient *client, Format format, QTextStream *out, QTextStream *err,
                 QStringList channels = {}, QObject *parent = nullptr);

    // After the client started: subscribes every Hearth channel the backend carries (the orders
    // are the client's own) among those to print. A channel the server refuses (it does not
    // offer it) is said once on stderr and left alone.
    void watchEveryChannel();
    // The channels a watch subscribes to when asked for `channels` (empty: all known ones);
    // a name Hearth does not know is returned in `unknown`.
    static QStringList channelsFor(const QStringList &channels, QStringList *unknown = nullptr);

    // One line for an event: {"channel","type","seq","id","entity"} — `seq` only when known.
    static QString eventLine(const ChannelEvent &event, Format format);

private:
    void printEvents(const QString &channel, const QList<ChannelEvent> &events);
    void printSnapshot(const QList<Order> &orders, const SyncPosition &position);
    void printPolled(const QList<Order> &orders);
    void printOrders(const QString &type, const QList<Order> &orders, qint64 seq);

    bool prints(const QString &channel) const { return m_channels.isEmpty() || m_channels.contains(channel); }

    OrdersClient *m_client;
    QStringList m_channels;
    QStringList m_asked; // explicitly requested with --channel
    Format m_format;
    QTextStream *m_out;
    QTextStream *m_err;
};

} // namespace hearth
