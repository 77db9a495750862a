// TLS (issue 8, item 2): HTTPS and WSS with --tls-cert/--tls-key, verified by a client that
// trusts the test's own throw-away certificate (made with openssl at test time) and by no
// client that does not; the connection and size limits hold on TLS sockets; the certificate is
// read again on SIGHUP; plain HTTP beyond loopback needs --insecure-http.
#include "testsupport.h"

#include "server/demoaccounts.h"
#include "server/servercommandline.h"

#include <QCommandLineParser>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QtTest>

#include <csignal>

using namespace hearth;
using namespace hearth::server;
using namespace hearth::server::testing;

namespace {

struct Credentials
{
    QString certificate;
    QString key;
    QSslCertificate parsed() const
    {
        QFile file(certificate);
        return file.open(QIODevice::ReadOnly) ? QSslCertificate(file.readAll(), QSsl::Pem) : QSslCertificate();
    }
};

// A self-signed certificate for 127.0.0.1 and localhost, valid for a day.
std::optional<Credentials> makeCertificate(const QTemporaryDir &dir, const QString &name, bool rsa = false)
{
    Credentials made{dir.filePath(name + QStringLiteral("-cert.pem")), dir.filePath(name + QStringLiteral("-key.pem"))};
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   rsa ? QStringLiteral("rsa:2048") : QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   rsa ? QStringLiteral("rsa_keygen_pubexp:65537") : QStringLiteral("ec_paramgen_curve:prime256v1"),
                   QStringLiteral("-nodes"),
                   QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=") + name,
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost"),
                   QStringLiteral("-keyout"), made.key, QStringLiteral("-out"), made.certificate});
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
        qWarning() << "openssl failed:" << openssl.readAllStandardError();
        return std::nullopt;
    }
    return made;
}

void trust(const QSslCertificate &certificate)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificate(certificate);
    QSslConfiguration::setDefaultConfiguration(configuration);
}

// The server may run in this thread: wait by spinning the event loop, never by blocking.
bool encrypt(QSslSocket &socket, quint16 port)
{
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    return QTest::qWaitFor([&socket] { return socket.isEncrypted(); }, 10000);
}

// A raw TLS connection (the test's CA trusted); its peer certificate, or a null one.
QSslCertificate peerCertificateAt(quint16 port)
{
    QSslSocket socket;
    if (!encrypt(socket, port))
        return QSslCertificate();
    return socket.peerCertificate();
}

// Writes `request` over TLS and returns everything the server answers until it closes.
QByteArray exchange(quint16 port, const QByteArray &request)
{
    QSslSocket socket;
    if (!encrypt(socket, port))
        return {};
    socket.write(request);
    QByteArray answer;
    [[maybe_unused]] const bool closed = QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState || answer.contains("\r\n\r\n{");
        },
        10000);
    return answer + socket.readAll();
}

} // namespace

class TestServerTls final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<Credentials> m_first;
    std::optional<Credentials> m_second;

    ServerOptions tlsOptions(const QString &fileName)
    {
        ServerOptions options = testOptions(m_dir, fileName);
        options.tlsCertificatePath = m_first->certificate;
        options.tlsKeyPath = m_first->key;
        return options;
    }

private slots:
    void initTestCase()
    {
        m_first = makeCertificate(m_dir, QStringLiteral("first"));
        m_second = makeCertificate(m_dir, QStringLiteral("second"));
        QVERIFY(m_first && m_second);
    }

    void httpsAndWssAreVerifiedAgainstTheTrustedCertificate()
    {
        HearthServer server(tlsOptions(QStringLiteral("tls.db")));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QCOMPARE(server.httpUrl().scheme(), QStringLiteral("https"));
        QCOMPARE(server.webSocketUrl().scheme(), QStringLiteral("wss"));

        // Verified by default: a client that does not trust the certificate gets nothing.
        QCOMPARE(HttpClient(server.httpUrl()).get(QStringLiteral("/api/health")).status, 0);
        trust(m_first->parsed());
        HttpClient http(server.httpUrl());
        QCOMPARE(http.get(QStringLiteral("/api/health")).status, 200);
        const QString token = http.login(QString(DemoAccounts::staffUsername), QString(DemoAccounts::staffPassword));
        QVERIFY(!token.isEmpty());
        QCOMPARE(http.get(QStringLiteral("/api/orders"), token).status, 200);
        WsClient ws;
        QVERIFY(ws.open(server.webSocketUrl(), token));
        QVERIFY(!ws.nextOp(QStringLiteral("welcome")).isEmpty());
        QVERIFY(!ws.subscribe(QStringLiteral("orders")).isEmpty());
        // Plain HTTP to the TLS port is not answered in plain text.
        QCOMPARE(HttpClient(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()))).get(QStringLiteral("/api/health")).status, 0);
    }

    void rsaCertificatesServeToo()
    {
        const std::optional<Credentials> rsa = makeCertificate(m_dir, QStringLiteral("rsa"), true);
        QVERIFY(rsa);
        trust(rsa->parsed());
        ServerOptions options = testOptions(m_dir, QStringLiteral("rsa.db"));
        options.tlsCertificatePath = rsa->certificate;
        options.tlsKeyPath = rsa->key;
        HearthServer server(options);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QCOMPARE(HttpClient(server.httpUrl()).get(QStringLiteral("/api/health")).status, 200);
        options.tlsKeyPath = m_first->key; // an EC key of another certificate
        HearthServer mismatched(options);
        QVERIFY(!mismatched.start(&error));
        QVERIFY2(error.contains(QLatin1StringView("does not belong")), qPrintable(error));
    }

    void theLimitsHoldOnTlsSockets()
    {
        trust(m_first->parsed());
        ServerOptions options = tlsOptions(QStringLiteral("limits.db"));
        options.maxConnectionsPerAddress = 2;
        options.maxRequestBodyBytes = 1024;
        HearthServer server(options);
        QVERIFY(server.start());
        const QByteArray tooLarge = exchange(server.port(), "POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                                            "application/json\r\nContent-Length: 100000\r\n\r\n");
        QVERIFY2(tooLarge.startsWith("HTTP/1.1 413"), tooLarge.constData());

        QSslSocket first;
        QSslSocket second;
        QVERIFY(encrypt(first, server.port()));
        QVERIFY(encrypt(second, server.port()));
        QTRY_COMPARE(server.httpConnectionCount(), 2);
        const QByteArray refused = exchange(server.port(), "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY2(refused.startsWith("HTTP/1.1 503"), refused.toHex().constData());
        QVERIFY(refused.contains("too_many_connections"));
    }

    void aNewCertificateIsTakenUpOnReload()
    {
        trust(m_first->parsed());
        trust(m_second->parsed());
        const QString certificate = m_dir.filePath(QStringLiteral("live-cert.pem"));
        const QString key = m_dir.filePath(QStringLiteral("live-key.pem"));
        QVERIFY(QFile::copy(m_first->certificate, certificate) && QFile::copy(m_first->key, key));
        ServerOptions options = testOptions(m_dir, QStringLiteral("reload.db"));
        options.tlsCertificatePath = certificate;
        options.tlsKeyPath = key;
        HearthServer server(options);
        QVERIFY(server.start());
        QCOMPARE(peerCertificateAt(server.port()), m_first->parsed());

        QVERIFY(QFile::remove(certificate) && QFile::copy(m_second->certificate, certificate));
        QString error;
        QVERIFY(!server.reloadTls(&error)); // the new certificate with the old key: refused
        QVERIFY2(error.contains(QLatin1StringView("does not belong")), qPrintable(error));
        QCOMPARE(peerCertificateAt(server.port()), m_first->parsed()); // the old one stays

        QVERIFY(QFile::remove(key) && QFile::copy(m_second->key, key));
        QVERIFY2(server.reloadTls(&error), qPrintable(error));
        QCOMPARE(peerCertificateAt(server.port()), m_second->parsed());
    }

    void sighupReloadsTheRunningServer()
    {
#ifndef Q_OS_UNIX
        QSKIP("SIGHUP is a Unix signal");
#else
        trust(m_first->parsed());
        trust(m_second->parsed());
        const QString certificate = m_dir.filePath(QStringLiteral("hup-cert.pem"));
        const QString key = m_dir.filePath(QStringLiteral("hup-key.pem"));
        QVERIFY(QFile::copy(m_first->certificate, certificate) && QFile::copy(m_first->key, key));
        QProcess server;
        server.start(QStringLiteral(HEARTH_SERVER_BINARY),
                     {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--database"),
                      m_dir.filePath(QStringLiteral("hup.db")), QStringLiteral("--admin-password-file"), key,
                      QStringLiteral("--tls-cert"), certificate, QStringLiteral("--tls-key"), key});
        QByteArray banner;
        QRegularExpressionMatch match;
        const QRegularExpression url(QStringLiteral("From this machine: https://127\\.0\\.0\\.1:(\\d+)"));
        QVERIFY(QTest::qWaitFor(
            [&] {
                banner += server.readAllStandardOutput();
                match = url.match(QString::fromUtf8(banner));
                return match.hasMatch();
            },
            30000));
        const quint16 port = quint16(match.captured(1).toUInt());
        QCOMPARE(peerCertificateAt(port), m_first->parsed());
        QVERIFY(QFile::remove(certificate) && QFile::copy(m_second->certificate, certificate));
        QVERIFY(QFile::remove(key) && QFile::copy(m_second->key, key));
        ::kill(pid_t(server.processId()), SIGHUP);
        QTRY_COMPARE_WITH_TIMEOUT(peerCertificateAt(port), m_second->parsed(), 10000);
        QCOMPARE(server.state(), QProcess::Running); // reloaded, not stopped
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
#endif
    }

    // 192.0.2.1 (TEST-NET-1) is never this machine's: past the checks, start() fails at bind().
    void plainHttpStaysOnLoopbackUnlessAllowed()
    {
        ServerOptions options = testOptions(m_dir, QStringLiteral("plain.db"));
        options.seedDemoAccounts = false;
        options.address = QHostAddress(QStringLiteral("192.0.2.1"));
        QString error;
        {
            HearthServer server(options);
            QVERIFY(!server.start(&error));
            QVERIFY2(error.contains(QLatin1StringView("refusing plain HTTP")), qPrintable(error));
        }
        options.allowInsecureHttp = true;
        {
            HearthServer server(options);
            QVERIFY(!server.start(&error));
            QVERIFY2(error.contains(QLatin1StringView("cannot listen")), qPrintable(error));
        }
        options.allowInsecureHttp = false;
        options.tlsCertificatePath = m_first->certificate;
        options.tlsKeyPath = m_first->key;
        {
            HearthServer server(options);
            QVERIFY(!server.start(&error));
            QVERIFY2(error.contains(QLatin1StringView("cannot listen")), qPrintable(error));
        }
        options.tlsKeyPath = m_dir.filePath(QStringLiteral("missing.pem"));
        {
            HearthServer server(options);
            QVERIFY(!server.start(&error));
            QVERIFY2(error.contains(QLatin1StringView("missing.pem")), qPrintable(error));
        }

        QCommandLineParser parser;
        ServerCommandLine::addOptions(&parser);
        QVERIFY(parser.parse({QStringLiteral("hearth-server"), QStringLiteral("--tls-cert"), m_first->certificate}));
        QVERIFY(ServerCommandLine::read(parser).error.contains(QLatin1StringView("--tls-key")));
        QCommandLineParser insecure;
        ServerCommandLine::addOptions(&insecure);
        QVERIFY(insecure.parse({QStringLiteral("hearth-server"), QStringLiteral("--insecure-http")}));
        QVERIFY(ServerCommandLine::read(insecure).options.allowInsecureHttp);
    }
};

QTEST_GUILESS_MAIN(TestServerTls)
#include "tst_server_tls.moc"
