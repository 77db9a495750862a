#include "soakwriter.h"

#include "soakclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUuid>

namespace hearth::bench {

namespace {

int statusOf(QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

// "PATCH /api/inventory/x → 404 not_found: …" or "… → no answer: Connection closed", for the report.
QString describeFailure(QNetworkReply *reply)
{
    const QByteArray verb = reply->request().attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
    const int status = statusOf(reply);
    const QString answer = status > 0 ? QString::number(status) + u' ' + QString::fromUtf8(reply->readAll().left(200))
                                      : QStringLiteral("no answer: %1").arg(reply->errorString());
    return QStringLiteral("%1 %2 -> %3 at %4")
        .arg(QString::fromLatin1(verb), reply->url().path(), answer,
             QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

qint64 versionOf(const QJsonObject &entity)
{
    return entity.value(QLatin1StringView("version")).toInteger();
}

} // namespace

SoakWriter::SoakWriter(QNetworkAccessManager *network, QUrl baseUrl, QByteArray token, bool manager, SoakClient *eyes,
                       SoakWriteTally *tally, std::chrono::milliseconds meanInterval, quint32 seed, QObject *parent)
    : QObject(parent), m_network(network), m_baseUrl(std::move(baseUrl)), m_token(std::move(token)),
      m_manager(manager), m_eyes(eyes), m_tally(tally), m_meanInterval(meanInterval), m_random(seed),
      m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SoakWriter::act);
}

void SoakWriter::start()
{
    // Like a dashboard after sign-in: the snapshots first, so there is something to edit.
    readSnapshot(QStringLiteral("/api/widgets"));
    readSnapshot(QStringLiteral("/api/inventory"));
    scheduleNext();
}

void SoakWriter::stop()
{
    m_timer->stop();
}

void SoakWriter::scheduleNext()
{
    // Uniform over [0.5, 1.5] × the mean: writers do not march in step.
    const auto mean = double(m_meanInterval.count());
    m_timer->start(std::chrono::milliseconds(qint64(mean * (0.5 + m_random.generateDouble()))));
}

void SoakWriter::act()
{
    const double dice = m_random.generateDouble();
    bool done = false;
    if (dice < 0.5)
        done = acknowledgeAnOrder();
    else if (dice < 0.75)
        done = countStock();
    else if (dice < 0.85 && m_manager)
        done = editAWidget();
    if (!done) {
        // A reconnecting dashboard's reads: an orders delta, or a small snapshot.
        const qint64 seq = m_eyes->ordersSeq();
        if (dice < 0.95 && seq > 0)
            readSnapshot(QStringLiteral("/api/orders?since=%1").arg(std::max<qint64>(0, seq - 20)));
        else
            readSnapshot(m_random.bounded(2) ? QStringLiteral("/api/inventory") : QStringLiteral("/api/widgets"));
    }
    scheduleNext();
}

bool SoakWriter::acknowledgeAnOrder()
{
    const QHash<QString, qint64> &orders = m_eyes->newOrders();
    if (orders.isEmpty())
        return false;
    auto it = orders.cbegin();
    std::advance(it, m_random.bounded(int(orders.size())));
    tallyWrite(send("POST", QStringLiteral("/api/orders/%1/acknowledge").arg(it.key()), it.value(), {}));
    return true;
}

bool SoakWriter::countStock()
{
    const QHash<QString, QJsonObject> &lines = m_eyes->stockLines();
    if (lines.isEmpty())
        return false;
    auto it = lines.cbegin();
    std::advance(it, m_random.bounded(int(lines.size())));
    // A delivery came in: one more unit than the screen showed.
    const qint64 stock = it.value().value(QLatin1StringView("stock")).toInteger() + 1;
    tallyWrite(send("PATCH", QStringLiteral("/api/inventory/%1").arg(it.key()), versionOf(it.value()),
                    compact({{QStringLiteral("stock"), stock}})));
    return true;
}

bool SoakWriter::editAWidget()
{
    const QHash<QString, QJsonObject> &widgets = m_eyes->widgets();
    if (widgets.isEmpty())
        return false;
    auto it = widgets.cbegin();
    std::advance(it, m_random.bounded(int(widgets.size())));
    if (it.value().value(QLatin1StringView("archived")).toBool())
        return false;
    QJsonObject settings = it.value().value(QLatin1StringView("settings")).toObject();
    QString title = settings.value(QLatin1StringView("title")).toString();
    title = title.endsWith(u'!') ? title.chopped(1) : title.left(79) + u'!';
    settings.insert(QStringLiteral("title"), title);
    const QJsonObject body{{QStringLiteral("name"), it.value().value(QLatin1StringView("name"))},
                           {QStringLiteral("settings"), settings}};
    tallyWrite(send("PUT", QStringLiteral("/api/widgets/%1").arg(it.key()), versionOf(it.value()), compact(body)));
    return true;
}

void SoakWriter::readSnapshot(const QString &path)
{
    QNetworkReply *reply = send("GET", path, 0, {});
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int status = statusOf(reply);
        if (status != 200) {
            (status >= 500 ? m_tally->serverErrors : m_tally->failed) += 1;
            m_tally->noteFailure(describeFailure(reply));
            return;
        }
        ++m_tally->reads;
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        const QJsonArray widgets = body.value(QLatin1StringView("widgets")).toArray();
        for (const QJsonValue &widget : widgets)
            m_eyes->learn(QStringLiteral("widgets"), widget.toObject());
        const QJsonArray items = body.value(QLatin1StringView("items")).toArray();
        for (const QJsonValue &item : items)
            m_eyes->learn(QStringLiteral("inventory"), item.toObject());
    });
}

QNetworkReply *SoakWriter::send(const QByteArray &verb, const QString &path, qint64 ifMatch, const QByteArray &body)
{
    QUrl url = m_baseUrl;
    const qsizetype query = path.indexOf(u'?');
    url.setPath(path.left(query));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest request(url);
    request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_token);
    if (verb != "GET") {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader(QByteArrayLiteral("Idempotency-Key"), QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
        if (ifMatch > 0)
            request.setRawHeader(QByteArrayLiteral("If-Match"), '"' + QByteArray::number(ifMatch) + '"');
        ++m_tally->sent;
    }
    return m_network->sendCustomRequest(request, verb, body);
}

void SoakWriter::tallyWrite(QNetworkReply *reply)
{
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int status = statusOf(reply);
        if (status >= 200 && status < 300)
            ++m_tally->succeeded;
        else if (status == 409 || status == 422)
            ++m_tally->conflicts;
        else if (status == 429)
            ++m_tally->rateLimited;
        else if (status >= 500)
            ++m_tally->serverErrors;
        else
            ++m_tally->failed;
        if (status >= 500 || (status != 409 && status != 422 && status != 429 && (status < 200 || status >= 300)))
            m_tally->noteFailure(describeFailure(reply));
    });
}

} // namespace hearth::bench
