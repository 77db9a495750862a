#include "bench/peerbenchmark.h"

#include "bench/burstfeeder.h"
#include "core/ordercodec.h"
#include "profile/profileloader.h"
#include "realtime/actioncableadapter.h"
#include "realtime/hearthprotocol.h"
#include "realtime/phoenixadapter.h"
#include "realtime/protocoladapter.h"

#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>
#include <vector>

namespace hearth::bench {

namespace {

// Debian's node-ws lives in /usr/share/nodejs, where Debian's own node looks by itself; a node
// from elsewhere (nodesource, nvm) is told so.
QProcessEnvironment nodeEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString path = environment.value(QStringLiteral("NODE_PATH"));
    for (const QString &dir : {QStringLiteral("/usr/share/nodejs"), QStringLiteral("/usr/lib/nodejs")})
        path += (path.isEmpty() ? QString() : QStringLiteral(":")) + dir;
    environment.insert(QStringLiteral("NODE_PATH"), path);
    return environment;
}

// Runs `process` to its end without spinning this thread (node needs the cores).
bool waitFor(QProcess &process, int timeoutMs)
{
    if (process.state() == QProcess::NotRunning)
        return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
        return false;
    }
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

} // namespace

NodePeerResult measureNodePeer(int events)
{
    NodePeerResult result;
    result.events = events;
    QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty())
        node = QStandardPaths::findExecutable(QStringLiteral("nodejs"));
    if (node.isEmpty()) {
        result.missing = QStringLiteral("node is not installed (packaging/install-deps.sh installs nodejs and node-ws)");
        return result;
    }
    QProcess probe;
    probe.setProcessEnvironment(nodeEnvironment());
    probe.start(node, {QStringLiteral("-e"), QStringLiteral("require('ws')")});
    if (!probe.waitForFinished(30000) || probe.exitCode() != 0) {
        result.missing = QStringLiteral("node cannot load the ws package (packaging/install-deps.sh installs node-ws)");
        return result;
    }
    QTemporaryDir dir;
    const QString script = dir.filePath(QStringLiteral("node-peer.js"));
    if (!dir.isValid() || !QFile::copy(QStringLiteral(":/bench/node-peer.js"), script)) {
        result.missing = QStringLiteral("could not write the peer's script to a temporary folder");
        return result;
    }

    BurstFeeder feeder({events, std::max(1, events / 4), 0});
    if (!feeder.start())
        return result;
    QProcess peer;
    peer.setProcessEnvironment(nodeEnvironment());
    peer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    peer.start(node, {script, feeder.url().toString(), QString::number(events)});
    if (!peer.waitForStarted(30000) || !waitFor(peer, 300000)) {
        result.missing = QStringLiteral("the node peer failed: exit code %1").arg(peer.exitCode());
        return result;
    }
    const QList<QByteArray> fields = peer.readAllStandardOutput().trimmed().split(' ');
    if (fields.size() != 2)
        return result;
    const qint64 doneNs = fields.at(0).toLongLong();
    result.available = true;
    result.orders = fields.at(1).toInt();
    result.eventsPerSecond = events / (double(doneNs - feeder.sentAtNs(1)) / 1e9);
    return result;
}

namespace {

// Decodes every frame as RealtimeService does; the rate in events per second, 0 if any failed.
template<typename Decode>
double decodeRate(Decode decode, const std::vector<QString> &frames, int events)
{
    const qint64 startNs = nowNs();
    int decoded = 0;
    for (int i = 0; i < events; ++i) {
        const QByteArray utf8 = frames[size_t(i) % frames.size()].toUtf8();
        Decoded<ServerMessage> message = decode(utf8);
        if (!message.ok())
            continue;
        auto *event = std::get_if<ChannelEvent>(&*message.value);
        if (event && (event->order || OrderCodec::fromJson(event->data).ok()))
            ++decoded;
    }
    const double seconds = double(nowNs() - startNs) / 1e9;
    return decoded == events ? events / seconds : 0;
}

std::optional<BackendProfile> benchProfile(const QString &name)
{
    ProfileLoader::Failure failure;
    return ProfileLoader::loadFile(QStringLiteral(":/bench/") + name, &failure);
}

} // namespace

AdapterResult measureAdapters(int events)
{
    AdapterResult result;
    result.events = events;
    const std::optional<BackendProfile> cable = benchProfile(QStringLiteral("hafaloha-actioncable.json"));
    const std::optional<BackendProfile> phoenix = benchProfile(QStringLiteral("supabase-phoenix.json"));
    if (!cable || !phoenix)
        return result;
    // A cycle of frames held ready, so building them is not measured.
    const int cycle = std::min(events, 20000);
    const int touched = std::max(1, cycle / 4);
    std::vector<QString> hearthFrames, cableFrames, phoenixFrames;
    for (int seq = 1; seq <= cycle; ++seq) {
        hearthFrames.push_back(eventFrame(seq, touched));
        cableFrames.push_back(actionCableFrame(seq, touched));
        phoenixFrames.push_back(phoenixFrame(seq, touched));
    }

    const auto through = [](ProtocolAdapter &adapter) {
        return [&adapter](const QByteArray &utf8) { return adapter.decode(utf8, HearthProtocol::defaultMaxFrameBytes); };
    };
    result.hearthGeneralEventsPerSecond = decodeRate(
        [](const QByteArray &utf8) { return HearthProtocol::decodeServerFrame(utf8); }, hearthFrames, events);
    HearthAdapter hearthAdapter;
    result.hearthEventsPerSecond = decodeRate(through(hearthAdapter), hearthFrames, events);
    ActionCableAdapter cableAdapter(*cable);
    cableAdapter.resetConnection();
    (void)cableAdapter.subscribeFrame(QStringLiteral("orders"), std::nullopt);
    result.actionCableEventsPerSecond = decodeRate(through(cableAdapter), cableFrames, events);
    PhoenixAdapter phoenixAdapter(*phoenix);
    phoenixAdapter.resetConnection();
    (void)phoenixAdapter.subscribeFrame(QStringLiteral("orders"), std::nullopt);
    result.phoenixEventsPerSecond = decodeRate(through(phoenixAdapter), phoenixFrames, events);
    result.allDecoded = result.hearthGeneralEventsPerSecond > 0 && result.hearthEventsPerSecond > 0
        && result.actionCableEventsPerSecond > 0 && result.phoenixEventsPerSecond > 0;
    return result;
}

} // namespace hearth::bench
