#pragma once

// Phoenix channels v2 (and Supabase Realtime on top) behind the ProtocolAdapter seam
// (PROTOCOLS.md §3), configured by a backend profile: which topic carries each Hearth channel,
// what its phx_join payload is, which events (or postgres_changes types) become which Hearth
// events, how the entities' fields map. Phoenix has no offsets and no replay, so every join
// reply `ok` asks the service for a REST snapshot and events arrive unsequenced.
//
// Per-connection state: the ref counter, and each channel's current join_ref. Phoenix tags every
// frame of a channel with the join_ref of the join that opened it; a frame carrying another one
// belongs to an earlier join (a late reply, a broadcast in flight across a rejoin) and is dropped.
#include "profile/backendprofile.h"
#include "profile/fieldmapper.h"
#include "realtime/protocoladapter.h"

#include <QHash>
#include <QJsonArray>

#include <chrono>

namespace hearth {

class PhoenixAdapter final : public ProtocolAdapter
{
public:
    // phoenix.js beats every 30 s; Supabase's client every 25 s (its profile says so).
    static constexpr std::chrono::milliseconds defaultHeartbeat{30000};

    // The profile must have passed ProfileParser (protocol phoenix).
    explicit PhoenixAdapter(const BackendProfile &profile);

    QLatin1StringView name() const override;
    QNetworkRequest handshakeRequest(const QUrl &url, const QString &token) const override;
    QStringList subprotocols(const QString &token) const override;
    void resetConnection() override;
    // A Phoenix server sends no hello: the open socket is the welcome.
    std::optional<WelcomeMessage> welcomeOnOpen() const override;
    // `[null, ref, "phoenix", "heartbeat", {}]` at every other tick: once per heartbeat period.
    QString heartbeatFrame() override;
    // Cowboy answers WebSocket pings even when the socket process is stuck; only the answer to
    // our own heartbeat proves the channels' side alive.
    bool pongProvesLiveness() const override { return false; }
    // A beat still unanswered when the next is due: phoenix.js closes the socket then.
    bool heartbeatMissed() const override { return m_beatMissed; }
    // realtime-js's setAuth: `access_token` pushed to every joined topic whose join carried the
    // token, when the token reaches the server only in join payloads (Supabase: auth "none").
    // Later joins use the new token too. Otherwise nothing: the socket is opened again.
    std::optional<QStringList> tokenRefreshFrames(const QString &token) override;
    bool carries(const QString &channel) const override { return m_profile.channel(channel) != nullptr; }
    Decoded<ServerMessage> decode(const QByteArray &utf8, qint64 maxBytes) override;
    // A join; sent again for a channel already joined on this socket it is a rejoin under a new
    // join_ref (the server closes the old channel process itself), which is what a join timeout
    // calls for.
    QString subscribeFrame(const QString &channel, const std::optional<SyncPosition> &since) override;
    QString unsubscribeFrame(const QString &channel) override;

    QString topicOf(const QString &channel) const { return m_topicByChannel.value(channel); }
    // The join_ref of the channel's current join on this socket; empty when not joined.
    QString joinRefOf(const QString &channel) const { return m_joinRef.value(channel); }
    // Frames dropped because their join_ref belonged to an earlier join.
    qint64 staleFramesDropped() const { return m_staleDropped; }

private:
    QString nextRef();
    static QString encode(const QJsonValue &joinRef, const QString &ref, const QString &topic,
                          QLatin1StringView event, const QJsonObject &payload);
    Decoded<ServerMessage> decodeReply(const QString &channel, const QString &ref,
                                       const QJsonObject &payload);
    Decoded<ServerMessage> decodeMessage(const QString &channel, const QString &topic,
                                         const QString &event, const QJsonObject &payload) const;

    BackendProfile m_profile;
    FieldMapper m_mapper;
    std::chrono::milliseconds m_heartbeat;
    QHash<QString, QString> m_topicByChannel; // expanded topics
    QHash<QString, QString> m_channelByTopic;
    // The join payload carries the token, and the seam hands the token over only at the
    // handshake, which precedes every join of the socket.
    mutable QString m_token;
    // Per connection.
    quint64 m_ref = 0;
    bool m_skipNextBeat = false;
    QString m_pendingBeat; // ref of the heartbeat not yet answered
    bool m_beatMissed = false;
    QHash<QString, QString> m_joinRef;     // channel → join_ref of its current join
    QHash<QString, QString> m_leaveRefs;   // ref of a phx_leave → channel
    qint64 m_staleDropped = 0;
};

} // namespace hearth
