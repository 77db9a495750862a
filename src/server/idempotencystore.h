#pragma once

// Remembers the answer to every write that carried an `Idempotency-Key`, per restaurant, for a
// day (docs/protocol.md, "Idempotency"): a retry with the same key gets the first answer again
// and changes nothing; the same key on a different request is refused. A request is identified
// by its method, path and a hash of what else makes it that request (body, If-Match).
// claim() runs inside the caller's transaction when it can, so the change and its answer
// commit together and a crash cannot leave a change without its answer. The key's row is the
// claim: the database's unique (restaurant, key) lets one request have it, on every instance,
// and the request that comes second (waiting for the first to commit) finds it taken.
#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <chrono>
#include <functional>

namespace hearth::server {

class Database;

struct IdempotentRequest
{
    QString restaurantId;
    QString key;
    QString method;
    QString path;
    QString fingerprint; // fingerprint() of the parts that make the request what it is
};

struct StoredAnswer
{
    int status = 0;
    QByteArray body;
};

class IdempotencyStore final
{
public:
    static constexpr std::chrono::hours defaultKeep{24};
    static constexpr qsizetype maxKeyLength = 100;

    enum class Outcome { New, Replay, Reused, Error };
    struct Lookup
    {
        Outcome outcome = Outcome::Error;
        StoredAnswer answer; // for Replay
    };

    explicit IdempotencyStore(Database *database);

    // What is wrong with a key (1–100 printable ASCII characters); empty when nothing.
    static QString keyProblem(const QByteArray &key);
    // SHA-256 over the parts, each length-prefixed so that no two lists hash alike by accident.
    static QString fingerprint(const QList<QByteArray> &parts);

    Lookup lookup(const IdempotentRequest &request) const;
    // Stores `answer` under the request's key, unless a live answer is stored there already:
    // then Taken, and nothing changes (the caller rolls its change back and answers that one).
    // An expired answer of the key is replaced.
    enum class Claim { Stored, Taken, Error };
    Claim claim(const IdempotentRequest &request, const StoredAnswer &answer);
    bool remember(const IdempotentRequest &request, const StoredAnswer &answer)
    {
        return claim(request, answer) == Claim::Stored;
    }
    // Forgets keys older than the keep time; returns how many.
    qint64 prune();

    void setKeep(std::chrono::seconds keep) { m_keep = keep; }
    // Wall clock (tests move it); default QDateTime::currentDateTimeUtc.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

private:
    qint64 cutoffMs() const;

    Database *m_database;
    std::chrono::seconds m_keep = defaultKeep;
    std::function<QDateTime()> m_clock;
    int m_remembersSincePrune = 0;
};

} // namespace hearth::server
