// The HTTP limits of docs/protocol.md "Limits" (issue 8, item 4): body and header caps, a
// request that must arrive in time, idle keep-alive connections closed, and connection caps
// answered with 503 and Retry-After. Each is driven over a bare TCP socket to 127.0.0.1, with
// limits shrunk through ServerOptions; every wait is for a condition.
#include "testsupport.h"

#include "server/demoaccounts.h"

#include <QJsonDocument>
#include <QTcpSocket>
#include <QtTest>

#include <memory>

using namespace hearth;
using namespace hearth::server;
using namespace hearth::server::testing;

namespace {

// An HTTP/1.1 client that writes exactly the bytes it is given and collects the answer.
class RawHttp final
{
public:
    bool open(quint16 port)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { m_received += m_socket.readAll(); });
        m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 10000);
    }
    void write(const QByteArray &bytes) { m_socket.write(bytes); }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    bool waitForClose(int timeoutMs = 20000)
    {
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
    }
    bool waitForAnswer(int timeoutMs = 20000)
    {
        return QTest::qWaitFor([this] { return complete(); }, timeoutMs);
    }
    int status() const
    {
        // "HTTP/1.1 413 Payload Too Large"
        return m_received.startsWith("HTTP/1.") ? m_received.mid(9, 3).toInt() : 0;
    }
    QByteArray header(const QByteArray &name) const
    {
        const QList<QByteArray> lines = m_received.left(m_received.indexOf("\r\n\r\n")).split('\n');
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower())
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
    QString errorCode() const
    {
        const QJsonObject body = QJsonDocument::fromJson(m_received.mid(m_received.indexOf("\r\n\r\n") + 4)).object();
        return body.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("code")).toString();
    }

private:
    bool complete() const
    {
        const qsizetype end = m_received.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        return m_received.size() >= end + 4 + header("Content-Length").toInt();
    }

    QTcpSocket m_socket;
    QByteArray m_received;
};

QByteArray loginHead(qint64 contentLength)
{
    return "POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(contentLength) + "\r\n\r\n";
}

} // namespace

class TestServerHttpLimits final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }
    void cleanup() { m_server.reset(); }

    // A 200 MB body took the server to 1.07 GB: the head announcing it is refused at once.
    void aBodyOverTheCapIsRefusedBeforeItIsRead()
    {
        ServerOptions options = testOptions(m_dir, QStringLiteral("body.db"));
        options.maxRequestBodyBytes = 4096;
        start(options);
        RawHttp client;
        QVERIFY(client.open(m_server->port()));
        client.write(loginHead(200 * 1024 * 1024) + QByteArray(1024, 'x'));
        QVERIFY(client.waitForAnswer());
        QCOMPARE(client.status(), 413);
        QCOMPARE(client.errorCode(), QStringLiteral("too_large"));
        QCOMPARE(client.header("Connection"), QByteArray("close"));
        QVERIFY(client.waitForClose());

        // Within the cap, the same route answers as always.
        HttpClient http(m_server->httpUrl());
        QVERIFY(!http.login(QString(DemoAccounts::staffUsername), QString(DemoAccounts::staffPassword)).isEmpty());
    }

    void headersOverTheCapAreRefused()
    {
        ServerOptions options = testOptions(m_dir, QStringLiteral("headers.db"));
        options.maxRequestHeaderBytes = 2048;
        start(options);
        RawHttp client;
        QVERIFY(client.open(m_server->port()));
        client.write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + QByteArray(8192, 'a'));
        QVERIFY(client.waitForAnswer());
        QCOMPARE(client.status(), 431);
        QCOMPARE(client.errorCode(), QStringLiteral("headers_too_large"));
        QVERIFY(client.waitForClose());
    }

    // Slowloris: a request that never finishes arriving holds nothing for long.
    void aRequestThatDoesNotArriveInTimeIsCut()
    {
        ServerOptions options = testOptions(m_dir, QStringLiteral("slow.db"));
        options.requestTimeoutMs = 300;
        start(options);
        RawHttp client;
        QVERIFY(client.open(m_server->port()));
        client.write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"); // and never the blank line
        QVERIFY(client.waitForAnswer());
        QCOMPARE(client.status(), 408);
        QVERIFY(client.waitForClose());

        RawHttp silent; // connects and sends nothing at all
        QVERIFY(silent.open(m_server->port()));
        QVERIFY(silent.waitForClose());
    }

    void anIdleKeptAliveConnectionIsClosed()
    {
        ServerOptions options = testOptions(m_dir, QStringLiteral("idle.db"));
        options.idleTimeoutMs = 300;
        start(options);
        RawHttp client;
        QVERIFY(client.open(m_server->port()));
        client.write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QVERIFY(client.waitForAnswer());
        QCOMPARE(client.status(), 200);
        QVERIFY(client.waitForClose());
    }

    void connectionsBeyondTheCapsAreAnswered503()
    {
        ServerOptions options = testOptions(m_dir, QStringLiteral("caps.db"));
        options.maxConnectionsPerAddress = 3;
        start(options);
        std::vector<std::unique_ptr<RawHttp>> held;
        for (int i = 0; i < 3; ++i) {
            held.push_back(std::make_unique<RawHttp>());
            QVERIFY(held.back()->open(m_server->port()));
        }
        RawHttp refused;
        QVERIFY(refused.open(m_server->port()));
        refused.write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QVERIFY(refused.waitForAnswer());
        QCOMPARE(refused.status(), 503);
        QCOMPARE(refused.errorCode(), QStringLiteral("too_many_connections"));
        QVERIFY(refused.header("Retry-After").toInt() >= 1);
        QVERIFY(refused.waitForClose());

        held.pop_back(); // one leaves: the next is served
        QTRY_VERIFY_WITH_TIMEOUT(m_server->httpConnectionCount() == 2, 20000);
        RawHttp next;
        QVERIFY(next.open(m_server->port()));
        next.write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QVERIFY(next.waitForAnswer());
        QCOMPARE(next.status(), 200);
    }

    void theTotalCapCountsEveryAddress()
    {
        ServerOptions options = testOptions(m_dir, QStringLiteral("total.db"));
        options.maxConnections = 2;
        start(options);
        RawHttp first;
        RawHttp second;
        QVERIFY(first.open(m_server->port()));
        QVERIFY(second.open(m_server->port()));
        RawHttp third;
        QVERIFY(third.open(m_server->port()));
        QVERIFY(third.waitForAnswer());
        QCOMPARE(third.status(), 503);
        QVERIFY(third.waitForClose());
    }

private:
    void start(const ServerOptions &options)
    {
        m_server = std::make_unique<HearthServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<HearthServer> m_server;
};

QTEST_GUILESS_MAIN(TestServerHttpLimits)
#include "tst_server_httplimits.moc"
