#include "server/idempotencystore.h"

#include "core/logging.h"
#include "server/database.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QVariant>

namespace hearth::server {

namespace {

// Pruning is a DELETE over an index; once per this many answers keeps it off the hot path.
constexpr int pruneInterval = 100;

} // namespace

IdempotencyStore::IdempotencyStore(Database *database)
    : m_database(database), m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

QString IdempotencyStore::keyProblem(const QByteArray &key)
{
    if (key.isEmpty())
        return QStringLiteral("an Idempotency-Key header is required on every write");
    if (key.size() > maxKeyLength)
        return QStringLiteral("the Idempotency-Key is longer than %1 characters").arg(maxKeyLength);
    for (const char c : key) {
        if (c < 0x21 || c > 0x7e)
            return QStringLiteral("the Idempotency-Key must be printable characters without spaces (a UUID)");
    }
    return {};
}

QString IdempotencyStore::fingerprint(const QList<QByteArray> &parts)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QByteArray &part : parts) {
        hash.addData(QByteArray(QByteArray::number(part.size()) + ':'));
        hash.addData(part);
    }
    return QString::fromLatin1(hash.result().toHex());
}

qint64 IdempotencyStore::cutoffMs() const
{
    return m_clock().addSecs(-m_keep.count()).toMSecsSinceEpoch();
}

IdempotencyStore::Lookup IdempotencyStore::lookup(const IdempotentRequest &request) const
{
    Lookup result;
    QSqlQuery query(m_database->connection());
    if (!execPrepared(query,
                      QStringLiteral("SELECT method, path, body_hash, status, response FROM idempotency_keys "
                                     "WHERE restaurant_id = ? AND key = ? AND created_at >= ?"),
                      {request.restaurantId, request.key, cutoffMs()}))
        return result;
    if (!query.next()) {
        result.outcome = Outcome::New;
        return result;
    }
    if (query.value(0).toString() != request.method || query.value(1).toString() != request.path
        || query.value(2).toString() != request.fingerprint) {
        result.outcome = Outcome::Reused;
        return result;
    }
    result.outcome = Outcome::Replay;
    result.answer.status = query.value(3).toInt();
    result.answer.body = query.value(4).toString().toUtf8();
    return result;
}

IdempotencyStore::Claim IdempotencyStore::claim(const IdempotentRequest &request, const StoredAnswer &answer)
{
    QSqlQuery query(m_database->connection());
    // Insert, or take over an expired row of the key that the prune has not removed yet; a live
    // row stays as it is and RETURNING gives nothing. On PostgreSQL a row another transaction
    // has inserted but not committed makes this wait for it, then see it.
    if (!execPrepared(
            query,
            QStringLiteral("INSERT INTO idempotency_keys (restaurant_id, key, method, path, body_hash, "
                           "status, response, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (restaurant_id, key) DO UPDATE SET method = excluded.method, "
                           "path = excluded.path, body_hash = excluded.body_hash, status = excluded.status, "
                           "response = excluded.response, created_at = excluded.created_at "
                           "WHERE idempotency_keys.created_at < ? RETURNING created_at"),
            {request.restaurantId, request.key, request.method, request.path, request.fingerprint, answer.status,
             QString::fromUtf8(answer.body), m_clock().toMSecsSinceEpoch(), cutoffMs()}))
        return Claim::Error;
    if (!query.next())
        return Claim::Taken;
    query.finish();
    if (++m_remembersSincePrune >= pruneInterval)
        prune();
    return Claim::Stored;
}

qint64 IdempotencyStore::prune()
{
    m_remembersSincePrune = 0;
    QSqlQuery query(m_database->connection());
    if (!execPrepared(query, QStringLiteral("DELETE FROM idempotency_keys WHERE created_at < ?"), {cutoffMs()}))
        return 0;
    const qint64 deleted = query.numRowsAffected();
    if (deleted > 0)
        qCInfo(lcServer) << "idempotency keys pruned:" << deleted;
    return deleted;
}

} // namespace hearth::server
