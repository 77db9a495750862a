#include "faultyproxy.h"

#include "wsframes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace faults {

namespace {

using namespace Qt::StringLiterals;

constexpr quint8 textOpcode = 1;

// The seq of a server→client event frame (its bytes as forwarded: unmasked).
qint64 seqOf(const QByteArray &frameBytes)
{
    const std::optional<WsFrame> frame = readFrame(frameBytes);
    if (!frame)
        return -1;
    return QJsonDocument::fromJson(frame->payload).object().value("seq"_L1).toInteger(-1);
}

bool isUpgradeRequest(const QByteArray &head)
{
    return head.toLower().contains("upgrade: websocket");
}

} // namespace

FaultyProxy::FaultyProxy(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultyProxy::onNewConnection);
}

FaultyProxy::~FaultyProxy()
{
    for (Link &link : m_links) {
        for (QTcpSocket *socket : {link.client.data(), link.upstream.data()}) {
            if (socket) {
                socket->disconnect(this);
                socket->abort();
            }
        }
    }
}

bool FaultyProxy::listen(const QUrl &upstream)
{
    m_upstreamUrl = upstream;
    m_upstreamHost = upstream.host();
    m_upstreamPort = quint16(upstream.port());
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        return false;
    m_port = m_server.serverPort();
    m_clock.start();
    return true;
}

QUrl FaultyProxy::url() const
{
    QUrl url = m_upstreamUrl;
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    return url;
}

void FaultyProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        const int id = m_nextId++;
        client->setParent(this);
        auto *upstream = new QTcpSocket(this);
        Link &link = m_links[id];
        link.client = client;
        link.upstream = upstream;
        acceptTimesMs.append(m_clock.elapsed());
        connect(client, &QTcpSocket::readyRead, this, [this, id] { onClientData(id); });
        connect(client, &QTcpSocket::disconnected, this, [this, id] { onClientGone(id); });
        connect(upstream, &QTcpSocket::connected, this, [this, id] {
            const auto it = m_links.find(id);
            if (it != m_links.end() && !it->toUpstream.isEmpty() && it->upstream)
                it->upstream->write(std::exchange(it->toUpstream, {}));
        });
        connect(upstream, &QTcpSocket::readyRead, this, [this, id] { onServerData(id); });
        connect(upstream, &QTcpSocket::disconnected, this, [this, id] { onUpstreamGone(id); });
        connect(upstream, &QTcpSocket::errorOccurred, this, [this, id, upstream] {
            // A refused connection never emits disconnected(): the server is down.
            if (upstream->state() != QAbstractSocket::ConnectedState)
                onUpstreamGone(id);
        });
        upstream->connectToHost(m_upstreamHost, m_upstreamPort);
        emit clientConnected(id);
    }
}

void FaultyProxy::onClientData(int id)
{
    const auto it = m_links.find(id);
    if (it == m_links.end() || !it->client)
        return;
    Link &link = *it;
    QByteArray bytes = link.client->readAll();
    if (link.frozen)
        return; // swallowed: pings and all, as a dead path does
    if (m_httpCutsLeft > 0 && !link.upgrade) {
        // One request at a time per connection (Qt does not pipeline): the next answer on this
        // connection is the answer to this request.
        const int matches = int(std::min<qsizetype>(bytes.count(m_cutRequestLine), m_httpCutsLeft));
        link.answersToCut += matches;
        m_httpCutsLeft -= matches;
    }
    if (!link.clientHeadDone) {
        link.clientHead += bytes;
        const qsizetype end = httpHeadEnd(link.clientHead);
        if (end < 0)
            return;
        link.clientHeadDone = true;
        link.upgrade = isUpgradeRequest(link.clientHead.left(end));
        bytes = std::exchange(link.clientHead, {});
        if (link.upgrade && std::exchange(m_reject401Next, false)) {
            answer401(link);
            return;
        }
        forwardToUpstream(link, bytes.left(end));
        bytes = bytes.mid(end);
    }
    if (bytes.isEmpty())
        return;
    forwardToUpstream(link, bytes);
    if (link.upgrade)
        observeClientFrames(id, link, bytes);
}

void FaultyProxy::forwardToUpstream(Link &link, const QByteArray &bytes)
{
    if (link.upstream && link.upstream->state() == QAbstractSocket::ConnectedState)
        link.upstream->write(bytes);
    else
        link.toUpstream += bytes;
}

void FaultyProxy::observeClientFrames(int id, Link &link, const QByteArray &bytes)
{
    link.clientFrames += bytes;
    while (const std::optional<WsFrame> frame = readFrame(link.clientFrames)) {
        link.clientFrames.remove(0, frame->totalSize);
        if (frame->opcode != textOpcode)
            continue;
        const QJsonObject object = QJsonDocument::fromJson(frame->payload).object();
        const QString op = object.value("op"_L1).toString();
        clientFrames.append(ClientFrame{id, op, object.value("channel"_L1).toString()});
        if (op == "subscribe"_L1 && link.releaseOnSubscribe) {
            link.releaseOnSubscribe = false;
            // After this call: `link` is in use by the caller, releaseHeld may forget it.
            QTimer::singleShot(0, this, [this, id] { releaseHeld(id); });
        }
    }
}

void FaultyProxy::onServerData(int id)
{
    const auto it = m_links.find(id);
    if (it == m_links.end() || !it->upstream)
        return;
    Link &link = *it;
    QByteArray bytes = link.upstream->readAll();
    if (link.frozen || !link.client)
        return;
    if (!link.upgrade && link.answersToCut > 0) {
        cutHttpAnswer(id, link, bytes);
        return;
    }
    if (!link.serverHeadDone) {
        link.serverHead += bytes;
        const qsizetype end = httpHeadEnd(link.serverHead);
        if (end < 0)
            return;
        link.serverHeadDone = true;
        bytes = std::exchange(link.serverHead, {});
        link.client->write(bytes.left(end));
        bytes = bytes.mid(end);
    }
    if (!link.upgrade) {
        link.client->write(bytes);
        return;
    }
    link.serverFrames += bytes;
    forwardServerFrames(id, link);
}

void FaultyProxy::forwardServerFrames(int id, Link &link)
{
    while (const std::optional<WsFrame> frame = readFrame(link.serverFrames)) {
        const QByteArray bytes = link.serverFrames.left(frame->totalSize);
        link.serverFrames.remove(0, frame->totalSize);
        if (std::exchange(m_cutNext, false)) {
            // Half of the frame (at least its header and one payload byte short of the whole),
            // then both sides closed: the client is left holding a frame that never ends.
            const qsizetype half = frame->headerSize + (frame->totalSize - frame->headerSize) / 2;
            link.frozen = true;
            QPointer<QTcpSocket> client = link.client;
            QPointer<QTcpSocket> upstream = link.upstream;
            client->write(bytes.left(std::min(half, frame->totalSize - 1)));
            client->flush();
            client->abort(); // may forget `link`
            if (upstream)
                upstream->abort();
            emit frameCut(id);
            return;
        }
        if (link.holding) {
            link.held += bytes;
            continue;
        }
        if (m_delayCount > 0 && frame->opcode == textOpcode
            && frame->payload.contains(R"("op":"subscribed")")) {
            --m_delayCount;
            ++m_subscribedDelayed;
            link.holding = true;
            link.held = bytes;
            if (std::exchange(m_holdUntilResent, false))
                link.releaseOnSubscribe = true;
            else
                QTimer::singleShot(m_delay, this, [this, id] { releaseHeld(id); });
            continue;
        }
        if (frame->opcode == textOpcode && isFaultedEvent(*frame)) {
            forwardEvent(id, link, bytes);
            continue;
        }
        if (!link.reordered.isEmpty())
            link.client->write(std::exchange(link.reordered, {})); // nothing to swap it with
        link.client->write(bytes);
    }
}

bool FaultyProxy::isFaultedEvent(const WsFrame &frame) const
{
    if (m_duplicateEvery <= 0 && m_reorderEvery <= 0)
        return false;
    const QJsonObject object = QJsonDocument::fromJson(frame.payload).object();
    return object.value("op"_L1).toString() == "event"_L1
        && object.value("channel"_L1).toString() == m_eventChannel;
}

void FaultyProxy::forwardEvent(int id, Link &link, const QByteArray &bytes)
{
    const quint64 number = ++m_eventsSeen;
    if (!link.reordered.isEmpty()) {
        // The held frame follows this one.
        link.client->write(bytes);
        link.client->write(std::exchange(link.reordered, {}));
        ++m_eventsReordered;
        return;
    }
    if (m_reorderEvery > 0 && number % quint64(m_reorderEvery) == 0 && !m_reorderedSeqs.contains(seqOf(bytes))) {
        // Each seq is swapped once: the replay that repairs the swap goes through in order, or a
        // replay of a length that is a multiple of `every` would be swapped at the same seq forever.
        m_reorderedSeqs.insert(seqOf(bytes));
        link.reordered = bytes;
        const quint64 token = ++link.reorderToken;
        // No next event soon (the end of a burst): the held one goes as it is.
        QTimer::singleShot(50, this, [this, id, token] { releaseReordered(id, token); });
        return;
    }
    link.client->write(bytes);
    if (m_duplicateEvery > 0 && number % quint64(m_duplicateEvery) == 0) {
        link.client->write(bytes);
        ++m_eventsDuplicated;
    }
}

void FaultyProxy::releaseReordered(int id, quint64 token)
{
    const auto it = m_links.find(id);
    if (it == m_links.end() || it->reorderToken != token || it->reordered.isEmpty())
        return;
    const QByteArray held = std::exchange(it->reordered, {});
    if (it->client && !it->frozen)
        it->client->write(held);
}

void FaultyProxy::cutHttpAnswer(int id, Link &link, const QByteArray &bytes)
{
    // The server has answered; the client gets half of what arrived (at least one byte short of
    // it), then the connection is reset both ways, as a dying Wi-Fi or a crashing NAT does.
    --link.answersToCut;
    ++m_httpAnswersCut;
    link.frozen = true;
    QPointer<QTcpSocket> client = link.client;
    QPointer<QTcpSocket> upstream = link.upstream;
    client->write(bytes.left(std::max<qsizetype>(1, bytes.size() / 2)));
    client->flush();
    reset(client); // may forget `link`
    reset(upstream);
    forgetIfClosed(id);
}

void FaultyProxy::releaseHeld(int id)
{
    const auto it = m_links.find(id);
    if (it == m_links.end() || !it->holding)
        return;
    it->holding = false;
    const QByteArray held = std::exchange(it->held, {});
    if (it->client && !it->frozen)
        it->client->write(held);
    forgetIfClosed(id);
}

void FaultyProxy::answer401(Link &link)
{
    const QByteArray body = R"({"error":{"code":"unauthorized","message":"token expired"}})";
    link.client->write("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: "
                       + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    link.client->disconnectFromHost();
    if (link.upstream)
        link.upstream->abort();
}

void FaultyProxy::onClientGone(int id)
{
    const auto it = m_links.find(id);
    if (it == m_links.end())
        return;
    if (it->upstream && !it->frozen)
        it->upstream->disconnectFromHost();
    forgetIfClosed(id);
}

void FaultyProxy::onUpstreamGone(int id)
{
    const auto it = m_links.find(id);
    if (it == m_links.end())
        return;
    // A frozen link keeps its client side open on purpose; anything else follows the server,
    // after whatever it still had to say (a close frame, say).
    if (it->client && !it->frozen && it->client->state() == QAbstractSocket::ConnectedState) {
        if (it->upstream && it->upstream->error() == QAbstractSocket::ConnectionRefusedError) {
            reset(it->client);
        } else {
            if (it->holding)
                it->client->write(std::exchange(it->held, {}));
            it->client->write(std::exchange(it->reordered, {}));
            it->client->write(std::exchange(it->serverFrames, {}));
            it->client->disconnectFromHost();
        }
    }
    forgetIfClosed(id);
}

void FaultyProxy::reset(QTcpSocket *socket)
{
    if (!socket)
        return;
#ifdef Q_OS_UNIX
    // Linger zero: close() sends RST at once instead of FIN, as a crashed peer's kernel does.
    if (socket->socketDescriptor() != -1) {
        const linger option{1, 0};
        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &option, sizeof option);
    }
#endif
    socket->abort();
}

void FaultyProxy::forgetIfClosed(int id)
{
    const auto it = m_links.find(id);
    if (it == m_links.end() || it->holding)
        return;
    const auto closed = [](const QPointer<QTcpSocket> &socket) {
        return !socket || socket->state() == QAbstractSocket::UnconnectedState;
    };
    if (!closed(it->client) || !closed(it->upstream))
        return;
    for (QTcpSocket *socket : {it->client.data(), it->upstream.data()}) {
        if (socket) {
            socket->disconnect(this);
            socket->deleteLater();
        }
    }
    m_links.erase(it);
}

void FaultyProxy::dropAll()
{
    const QList<int> ids = m_links.keys();
    for (int id : ids) {
        const auto it = m_links.find(id);
        if (it == m_links.end())
            continue;
        it->holding = false;
        QPointer<QTcpSocket> client = it->client;
        QPointer<QTcpSocket> upstream = it->upstream;
        it->frozen = true; // nothing more either way while the sockets go
        reset(client);
        reset(upstream);
        forgetIfClosed(id);
    }
}

void FaultyProxy::cutNextFrame()
{
    m_cutNext = true;
}

void FaultyProxy::stallAll()
{
    for (Link &link : m_links)
        link.frozen = true;
}

void FaultyProxy::halfOpenAll()
{
    for (Link &link : m_links)
        link.frozen = true;
    for (const int id : m_links.keys())
        reset(m_links.value(id).upstream);
}

void FaultyProxy::releaseFrozen()
{
    const QList<int> ids = m_links.keys();
    for (int id : ids) {
        const auto it = m_links.find(id);
        if (it == m_links.end() || !it->frozen)
            continue;
        QPointer<QTcpSocket> client = it->client;
        QPointer<QTcpSocket> upstream = it->upstream;
        reset(client);
        reset(upstream);
        forgetIfClosed(id);
    }
}

bool FaultyProxy::setRefusing(bool refusing)
{
    if (refusing) {
        m_server.close();
        return true;
    }
    return m_server.isListening() || m_server.listen(QHostAddress::LocalHost, m_port);
}

void FaultyProxy::delaySubscribed(std::chrono::milliseconds delay, int count)
{
    m_delay = delay;
    m_delayCount = count;
}

void FaultyProxy::holdSubscribedUntilResent()
{
    m_holdUntilResent = true;
    m_delayCount = 1;
}

void FaultyProxy::answerNextUpgradeWith401()
{
    m_reject401Next = true;
}

void FaultyProxy::duplicateEvents(int every, const QString &channel)
{
    m_duplicateEvery = every;
    m_eventChannel = channel;
}

void FaultyProxy::reorderEvents(int every, const QString &channel)
{
    m_reorderEvery = every;
    m_eventChannel = channel;
}

void FaultyProxy::cutHttpAnswers(const QByteArray &requestLine, int count)
{
    m_cutRequestLine = requestLine;
    m_httpCutsLeft = count;
}

int FaultyProxy::openClientSockets() const
{
    int open = 0;
    for (const Link &link : m_links)
        open += link.client && link.client->state() == QAbstractSocket::ConnectedState ? 1 : 0;
    return open;
}

int FaultyProxy::clientFrameCount(const QString &op, const QString &channel) const
{
    int count = 0;
    for (const ClientFrame &frame : clientFrames)
        count += frame.op == op && (channel.isEmpty() || frame.channel == channel) ? 1 : 0;
    return count;
}

} // namespace faults
