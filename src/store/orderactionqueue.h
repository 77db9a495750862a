#pragma once

// The durable queue of order actions (acknowledge, move on, cancel, recall, reopen) not yet
// confirmed by the server, in the order staff made them. Every append() is committed to SQLite
// before it returns (DurableFile: synchronous = FULL), so an action taken offline survives a
// crash or a restart; an entry leaves only once the server answered it. Each entry keeps its
// idempotency key for life: a retry — in this run or the next — is the same request, applied
// once. Without a file (no path, or one that cannot be used) the queue lives in memory.
#include "core/order.h"
#include "store/cachedatabase.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace hearth {

struct QueuedOrderAction
{
    enum class Kind { Acknowledge, Move, Recall, Reopen };

    qint64 sequence = 0;     // sending order, assigned by append()
    QString orderId;
    int orderNumber = 0;     // "#142", for messages
    Kind kind = Kind::Acknowledge;
    OrderStatus status = OrderStatus::New; // Move: the status asked for
    qint64 seenVersion = 0;  // the order's version the action was made on: If-Match
    QString idempotencyKey;  // assigned by append(); never changes once sent
    int attempts = 0;        // requests sent with the key; any of them may have been applied
    QDateTime queuedAt;

    friend bool operator==(const QueuedOrderAction &a, const QueuedOrderAction &b)
    {
        return a.sequence == b.sequence && a.orderId == b.orderId && a.orderNumber == b.orderNumber
            && a.kind == b.kind && a.status == b.status && a.seenVersion == b.seenVersion
            && a.idempotencyKey == b.idempotencyKey && a.attempts == b.attempts && a.queuedAt == b.queuedAt;
    }
};

class OrderActionQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderActionQueue)

public:
    // Nothing touches the disk before open(); an empty path is a queue in memory.
    explicit OrderActionQueue(QString databasePath = {}, QObject *parent = nullptr);
    ~OrderActionQueue() override;

    // Opens the file and reads every entry. False with a reason when it cannot be used; the
    // queue then works in memory and says so through writeFailed.
    bool open(QString *error = nullptr);
    bool isDurable() const { return m_durable; }
    const QString &databasePath() const { return m_path; }

    QList<QueuedOrderAction> entries() const { return m_entries; } // in sending order
    std::optional<QueuedOrderAction> head() const;
    QList<QueuedOrderAction> entriesFor(const QString &orderId) const;
    int depth() const { return int(m_entries.size()); }

    // Appends behind every other entry, with a new key unless it has one (an action moved from
    // another queue keeps its key and attempts); committed before this returns. Returns
    // the entry as stored. False when it could not reach the disk (it is queued in memory all
    // the same).
    bool append(QueuedOrderAction entry, QueuedOrderAction *stored = nullptr);
    // Rewrites an entry in place (attempts, a rebased version); keeps its place.
    bool update(const QueuedOrderAction &entry);
    bool remove(qint64 sequence);
    bool clear();

    static QString newIdempotencyKey();

signals:
    void depthChanged(int depth);
    // Writing failed (disk full, read-only, broken): user-facing, once per failure run.
    void writeFailed(const QString &message);

private:
    bool write(const QueuedOrderAction &entry);
    void noteWrite(bool ok, const QString &what);

    QString m_path;
    std::unique_ptr<CacheDatabase> m_database;
    QList<QueuedOrderAction> m_entries; // sorted by sequence
    qint64 m_lastSequence = 0;
    bool m_durable = false;
    bool m_failing = false;
};

} // namespace hearth
