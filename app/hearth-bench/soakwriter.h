#pragma once

// A PC of the soak that also works the pass: at random intervals around a mean it acknowledges
// an order it saw arrive, counts a stock line, edits a widget (managers), or reloads a snapshot,
// each with If-Match and a fresh Idempotency-Key as the dashboard sends them. It tallies the
// answers by kind; 5xx answers and failed requests make the soak fail.
#include <QByteArray>
#include <QObject>
#include <QRandomGenerator>
#include <QStringList>
#include <QUrl>

#include <chrono>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace hearth::bench {

class SoakClient;

struct SoakWriteTally
{
    qint64 sent = 0;
    qint64 succeeded = 0; // 2xx
    qint64 conflicts = 0; // 409, and 422 for an order that moved on meanwhile
    qint64 rateLimited = 0;
    qint64 serverErrors = 0; // 5xx
    qint64 failed = 0;       // no HTTP answer, or another 4xx
    qint64 reads = 0;        // snapshot reads (GET), answered 200
    QStringList failures;    // the first few 5xx and failed requests, for the report
    void noteFailure(const QString &what)
    {
        if (failures.size() < 10)
            failures.append(what);
    }
};

class SoakWriter final : public QObject
{
    Q_OBJECT

public:
    SoakWriter(QNetworkAccessManager *network, QUrl baseUrl, QByteArray token, bool manager, SoakClient *eyes,
               SoakWriteTally *tally, std::chrono::milliseconds meanInterval, quint32 seed, QObject *parent = nullptr);

    void start();
    void stop();

private:
    void scheduleNext();
    void act();
    bool acknowledgeAnOrder();
    bool countStock();
    bool editAWidget();
    void readSnapshot(const QString &path);
    QNetworkReply *send(const QByteArray &verb, const QString &path, qint64 ifMatch, const QByteArray &body);
    void tallyWrite(QNetworkReply *reply);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QByteArray m_token;
    bool m_manager;
    SoakClient *m_eyes;
    SoakWriteTally *m_tally;
    std::chrono::milliseconds m_meanInterval;
    QRandomGenerator m_random;
    QTimer *m_timer;
};

} // namespace hearth::bench
