#pragma once

// The durable outbox of widget edits: for each widget with unsaved changes, the state its next
// save starts from. Every put() is committed to SQLite before it returns (synchronous = FULL),
// so an edit survives a crash, a SIGKILL or a power cut right after it was made; an entry
// leaves only once the server confirmed it. Small (one row per edited widget) and therefore
// written on the calling thread. Unlike the caches, this file holds what exists nowhere else:
// a busy file is waited for and reported, never moved aside; only a file SQLite calls broken is.
#include "store/cachedatabase.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace hearth {

struct OutboxEntry
{
    QString widgetId;
    qint64 baseVersion = 0;       // the server version the edit started from: the If-Match
    QJsonObject baseFields;       // the fields at baseVersion: the merge's base
    QJsonObject editedFields;     // the fields as the manager left them
    QString idempotencyKey;       // the key of the next save of editedFields
    // The fields last sent with idempotencyKey; empty while the key is unused. A retry with the
    // same fields must reuse the key (the first attempt may have been applied, its answer lost);
    // different fields need a new one.
    QJsonObject attemptedFields;
    bool attempted = false;
    // Fields sent earlier under keys since replaced, whose answers never came: the server may
    // hold one of them, and finding it there is no one else's change. Cleared on every rebase.
    QList<QJsonObject> unconfirmedFields;
    qint64 sequence = 0;          // the outbox sends in this order: the latest edit goes last
    QDateTime editedAt;

    friend bool operator==(const OutboxEntry &a, const OutboxEntry &b)
    {
        return a.widgetId == b.widgetId && a.baseVersion == b.baseVersion
            && a.baseFields == b.baseFields && a.editedFields == b.editedFields
            && a.idempotencyKey == b.idempotencyKey && a.attemptedFields == b.attemptedFields
            && a.attempted == b.attempted
            && a.unconfirmedFields == b.unconfirmedFields && a.sequence == b.sequence && a.editedAt == b.editedAt;
    }
};

class WidgetOutbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WidgetOutbox)

public:
    // Nothing touches the disk before open().
    explicit WidgetOutbox(QString databasePath, QObject *parent = nullptr);
    ~WidgetOutbox() override;

    // Opens the file and reads every entry. False with a reason when the file cannot be used;
    // the outbox then keeps entries in memory only (edits still work, but do not survive a
    // restart) and says so through writeFailed. A file that is not a database is moved aside
    // to "<path>.broken" first and a fresh one started.
    bool open(QString *error = nullptr);
    void close();
    bool isOpen() const;
    bool isDurable() const { return m_durable; }
    const QString &databasePath() const { return m_path; }

    // In sending order.
    QList<OutboxEntry> entries() const;
    std::optional<OutboxEntry> entry(const QString &widgetId) const;
    bool contains(const QString &widgetId) const { return m_entries.contains(widgetId); }
    int depth() const { return int(m_entries.size()); }

    // Inserts or replaces the widget's entry, committed before this returns. `bumpSequence`
    // moves it behind every other entry (a new edit); bookkeeping (a key marked attempted)
    // keeps its place. Returns the entry as stored. False when it could not reach the disk: it
    // is kept in memory all the same.
    bool put(OutboxEntry entry, bool bumpSequence = true, OutboxEntry *stored = nullptr);
    bool remove(const QString &widgetId);
    // Forgets every entry, on disk too (another restaurant signs in on this file: not used).
    bool clear();

    static QString newIdempotencyKey();

signals:
    void depthChanged(int depth);
    // Writing failed (disk full, read-only, busy for too long): user-facing, once per failure run.
    void writeFailed(const QString &message);

private:
    bool write(const OutboxEntry &entry);
    bool erase(const QString &widgetId);
    void noteWrite(bool ok, const QString &what);

    QString m_path;
    std::unique_ptr<CacheDatabase> m_database;
    QHash<QString, OutboxEntry> m_entries;
    qint64 m_lastSequence = 0;
    bool m_durable = false;
    bool m_failing = false;
};

} // namespace hearth
