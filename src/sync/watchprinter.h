#pragma once

// `hearthctl watch`: prints what an OrdersClient sees exactly as the dashboard receives it —
// one normalised event per line on stdout (JSON with --json), state changes on stderr.
#include <QObject>
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

    WatchPrinter(OrdersClient *client, Format format, QTextStream *out, QTextStream *err,
                 QObject *parent = nullptr);

    // One line for an event: {"channel","type","seq","id","entity"} — `seq` only when known.
    static QString eventLine(const ChannelEvent &event, Format format);

private:
    void printEvents(const QString &channel, const QList<ChannelEvent> &events);
    void printSnapshot(const QList<Order> &orders, const SyncPosition &position);
    void printPolled(const QList<Order> &orders);
    void printOrders(const QString &type, const QList<Order> &orders, qint64 seq);

    Format m_format;
    QTextStream *m_out;
    QTextStream *m_err;
};

} // namespace hearth
