#include "testsupport.h"

#include "postgrestestserver.h"

#include <QJsonDocument>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocketHandshakeOptions>

namespace hearth::server::testing {

namespace {
constexpr int requestTimeoutMs = 10000;
} // namespace

ServerOptions testOptions(const QTemporaryDir &dir, const QString &fileName)
{
    ServerOptions options;
    options.address = QHostAddress(QHostAddress::LocalHost);
    options.port = 0;
    options.databasePath = dir.filePath(fileName);
    // The same tests on PostgreSQL (the *_pg variants in CMakeLists.txt): one server per test
    // program, one database per path.
    if (qEnvironmentVariable("HEARTH_TEST_DATABASE") == u"postgresql")
        options.databasePath = hearth::testing::PostgresTestServer::sharedDatabaseFor(options.databasePath);
    options.passwordHashIterations = 1000;
    options.reconnectAfterMs = 500;
    // Tests write fast from one token; tst_server_limits turns the limit on where it is tested.
    options.restMutationsPerSecond = 0;
    return options;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

HttpClient::HttpClient(QUrl base)
    : m_base(std::move(base))
{
    m_network.setProxy(QNetworkProxy::NoProxy);
}

HttpResult HttpClient::get(const QString &pathAndQuery, const QString &token)
{
    return send(QByteArrayLiteral("GET"), pathAndQuery, {}, token);
}

HttpResult HttpClient::post(const QString &path, const QByteArray &body, const QString &token)
{
    return send(QByteArrayLiteral("POST"), path, body, token);
}

HttpResult HttpClient::patch(const QString &path, const QByteArray &body, const QString &token)
{
    return send(QByteArrayLiteral("PATCH"), path, body, token);
}

HttpResult HttpClient::send(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body,
                            const QString &token, const Headers &headers)
{
    QUrl url = m_base.resolved(QUrl(pathAndQuery));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1());
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(request, verb, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    HttpResult result;
    if (!reply->isFinished() && !finished.wait(requestTimeoutMs))
        return result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.raw = reply->readAll();
    result.body = QJsonDocument::fromJson(result.raw).object();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.insert(pair.first.toLower(), pair.second);
    return result;
}

QString HttpClient::login(const QString &username, const QString &password)
{
    const HttpResult result = post(QStringLiteral("/api/login"),
                                   json({{QStringLiteral("username"), username},
                                         {QStringLiteral("password"), password}}));
    if (result.status != 200)
        return {};
    return result.body.value(QLatin1StringView("token")).toString();
}

WsClient::WsClient()
    : m_socket(std::make_unique<QWebSocket>())
{
    m_socket->setProxy(QNetworkProxy::NoProxy);
    QObject::connect(m_socket.get(), &QWebSocket::textMessageReceived, m_socket.get(),
                     [this](const QString &message) {
                         m_frames.append(QJsonDocument::fromJson(message.toUtf8()).object());
                     });
    QObject::connect(m_socket.get(), &QWebSocket::disconnected, m_socket.get(),
                     [this] { m_disconnected = true; });
}

WsClient::~WsClient()
{
    m_socket->abort();
}

bool WsClient::open(const QUrl &url, const QString &token, Auth auth)
{
    QNetworkRequest request(url);
    QWebSocketHandshakeOptions options;
    if (auth == Auth::Header && !token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1());
    if (auth == Auth::Subprotocol) {
        const QByteArray encoded =
            token.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        options.setSubprotocols({QStringLiteral("hearth.v1"),
                                 QStringLiteral("hearth.bearer.") + QString::fromLatin1(encoded)});
    }
    QSignalSpy connected(m_socket.get(), &QWebSocket::connected);
    m_socket->open(request, options);
    return connected.wait(requestTimeoutMs);
}

void WsClient::send(const QJsonObject &frame)
{
    m_socket->sendTextMessage(QString::fromUtf8(json(frame)));
}

void WsClient::sendText(const QString &text)
{
    m_socket->sendTextMessage(text);
}

void WsClient::sendBinary(const QByteArray &data)
{
    m_socket->sendBinaryMessage(data);
}

QJsonObject WsClient::next(int timeoutMs)
{
    if (!QTest::qWaitFor([this] { return unread() > 0; }, timeoutMs))
        return {};
    return m_frames.at(m_read++);
}

QJsonObject WsClient::nextOp(const QString &op, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const QJsonObject frame = next(int(deadline.remainingTime()));
        if (frame.isEmpty())
            return {};
        if (frame.value(QLatin1StringView("op")).toString() == op)
            return frame;
    }
    return {};
}

bool WsClient::waitForDisconnected(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_disconnected; }, timeoutMs);
}

bool WsClient::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

QJsonObject WsClient::subscribe(const QString &channel, const QString &epoch, qint64 seq)
{
    QJsonObject frame{{QStringLiteral("op"), QStringLiteral("subscribe")}, {QStringLiteral("channel"), channel}};
    if (seq >= 0)
        frame.insert(QStringLiteral("since"),
                     QJsonObject{{QStringLiteral("epoch"), epoch}, {QStringLiteral("seq"), seq}});
    send(frame);
    const QJsonObject answer = next();
    if (answer.value(QLatin1StringView("op")).toString() != u"subscribed")
        return {};
    return answer;
}

} // namespace hearth::server::testing
