#pragma once

// Bounds how long a subscribe may stay unconfirmed. Action Cable's client resends forever every
// 500 ms; we resend a few times at a generous interval (a slow server is not a dead one), then
// give up on the link: a server that ignores subscribes on an open socket is not going to start
// answering, and a fresh connection is the one remedy left. One timer for every channel.
#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>

namespace hearth {

struct SubscribePolicy
{
    // Long enough for a replay of a large backlog to start under load; the heartbeat still
    // catches a dead link sooner.
    std::chrono::milliseconds confirmTimeout{10000};
    int resends = 2; // then the link is renewed and the user told
};

class SubscribeWatchdog final : public QObject
{
    Q_OBJECT

public:
    explicit SubscribeWatchdog(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(SubscribeWatchdog)

    void setPolicy(const SubscribePolicy &policy);
    const SubscribePolicy &policy() const { return m_policy; }

    // A fresh subscribe for `channel` went out: its confirmation is due within the timeout.
    void watch(const QString &channel);
    // Confirmed, rejected or no longer wanted: stop watching.
    void forget(const QString &channel);
    void clear(); // the connection is gone, and with it every pending subscribe
    bool isWatching(const QString &channel) const { return m_entries.contains(channel); }
    int resendsOf(const QString &channel) const { return m_entries.value(channel).resends; }

signals:
    // Send the subscribe again; `resend` counts from 1.
    void resendDue(const QString &channel, int resend);
    // Every resend went unanswered too. The channel is no longer watched.
    void expired(const QString &channel);

private:
    struct Entry
    {
        QDeadlineTimer deadline;
        int resends = 0;
    };

    void onTimeout();
    void arm();

    SubscribePolicy m_policy;
    QHash<QString, Entry> m_entries;
    QTimer m_timer;
};

} // namespace hearth
