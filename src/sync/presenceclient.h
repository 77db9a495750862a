#pragma once

// Who else has which widget open, and what this PC tells the others. Sends this PC's presence
// over the one WebSocket ({"op": "presence", …}, repeated every 10 s while a widget is open,
// "left" when it closes), follows the `presence` channel and loads GET /api/presence whenever
// the channel cannot be resumed. Entries of this connection's own session are left out.
#include "api/apitypes.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace hearth {

class RealtimeService;
class RestClient;
struct ChannelEvent;

class PresenceClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PresenceClient)

public:
    PresenceClient(RealtimeService *realtime, RestClient *rest, QObject *parent = nullptr);
    ~PresenceClient() override;

    static QString channelName();

    void start();
    void stop(); // says "left" for the open widget and forgets everyone
    void setDevice(const QString &device) { m_device = device; }
    void setRepeatInterval(std::chrono::milliseconds interval);

    // This PC: the widget the editor shows (viewing), the field being typed in (editing), or
    // nothing (left). Sent at once when it changes, then repeated while a widget is open.
    void viewing(const QString &widgetId);
    void editing(const QString &widgetId, const QString &field);
    void left();
    QString openWidget() const { return m_widgetId; }

    // Everyone else on the widget now (other PCs, and this user's other windows).
    QList<PresenceEntry> others(const QString &widgetId) const;
    // What the editor shows: "Maria is editing the title on Office PC" — one line per person.
    QStringList describe(const QString &widgetId) const;

signals:
    void presenceChanged(const QString &widgetId);
    void presenceReset(); // everything replaced (a snapshot, or stop)

private:
    void onChannelEvents(const QString &channel, const QList<hearth::ChannelEvent> &events);
    void onSnapshotRequired(const QString &channel);
    void loadSnapshot();
    void sendCurrent();
    void send(const QString &widgetId, const QString &state, const QString &field);

    RealtimeService *m_realtime;
    RestClient *m_rest;
    QHash<QString, QList<PresenceEntry>> m_byWidget; // everyone, own session included
    QString m_widgetId;
    QString m_field;
    QString m_device;
    QTimer m_repeat;
    bool m_started = false;
    quint64 m_generation = 0;
};

} // namespace hearth
