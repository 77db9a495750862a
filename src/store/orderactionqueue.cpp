#include "store/orderactionqueue.h"

#include "core/logging.h"
#include "store/durablefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>

namespace hearth {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(hearth::OrderActionQueue)
};

QList<CacheDatabase::Migration> migrations()
{
    return {
        // 1: one row per action, sent in `sequence` order.
        {
            QStringLiteral("CREATE TABLE actions (sequence INTEGER PRIMARY KEY NOT NULL,"
                           " order_id TEXT NOT NULL, order_number INTEGER NOT NULL, kind TEXT NOT NULL,"
                           " status TEXT NOT NULL, seen_version INTEGER NOT NULL,"
                           " idempotency_key TEXT NOT NULL, attempts INTEGER NOT NULL,"
                           " queued_at INTEGER NOT NULL)"),
        },
    };
}

QString kindToText(QueuedOrderAction::Kind kind)
{
    switch (kind) {
    case QueuedOrderAction::Kind::Acknowledge: return QStringLiteral("acknowledge");
    case QueuedOrderAction::Kind::Move: return QStringLiteral("move");
    case QueuedOrderAction::Kind::Recall: return QStringLiteral("recall");
    case QueuedOrderAction::Kind::Reopen: return QStringLiteral("reopen");
    }
    return {};
}

std::optional<QueuedOrderAction::Kind> kindFromText(const QString &text)
{
    for (const auto kind : {QueuedOrderAction::Kind::Acknowledge, QueuedOrderAction::Kind::Move,
                            QueuedOrderAction::Kind::Recall, QueuedOrderAction::Kind::Reopen}) {
        if (kindToText(kind) == text)
            return kind;
    }
    return std::nullopt;
}

} // namespace

OrderActionQueue::OrderActionQueue(QString databasePath, QObject *parent)
    : QObject(parent), m_path(std::move(databasePath))
{
}

OrderActionQueue::~OrderActionQueue() = default;

QString OrderActionQueue::newIdempotencyKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool OrderActionQueue::open(QString *error)
{
    m_database = std::make_unique<CacheDatabase>(m_path, migrations());
    QString reason;
    bool ok = !m_path.isEmpty() && DurableFile::open(*m_database, &reason);
    QSqlQuery query(m_database->database());
    if (ok && !query.exec(QStringLiteral("SELECT sequence, order_id, order_number, kind, status, seen_version,"
                                         " idempotency_key, attempts, queued_at FROM actions ORDER BY sequence"))) {
        ok = false;
        reason = query.lastError().text();
    }
    if (!ok) {
        qCWarning(lcStore) << "order action queue" << QDir::toNativeSeparators(m_path) << "cannot be used:" << reason;
        m_durable = false;
        if (error)
            *error = reason;
        //: %1 is a file path
        emit writeFailed(Text::tr("Order changes made while offline cannot be kept on this computer (%1). "
                                  "They are still sent when the server is back, but are lost if Hearth "
                                  "closes before that.")
                             .arg(QDir::toNativeSeparators(m_path)));
        return false;
    }
    QList<QueuedOrderAction> stored;
    while (query.next()) {
        QueuedOrderAction entry;
        entry.sequence = query.value(0).toLongLong();
        entry.orderId = query.value(1).toString();
        entry.orderNumber = query.value(2).toInt();
        const std::optional<QueuedOrderAction::Kind> kind = kindFromText(query.value(3).toString());
        const std::optional<OrderStatus> status = statusFromWire(query.value(4).toString());
        if (!kind || !status)
            continue; // written by a newer build: not ours to send
        entry.kind = *kind;
        entry.status = *status;
        entry.seenVersion = query.value(5).toLongLong();
        entry.idempotencyKey = query.value(6).toString();
        entry.attempts = query.value(7).toInt();
        entry.queuedAt = QDateTime::fromMSecsSinceEpoch(query.value(8).toLongLong(), Qt::UTC);
        stored.append(entry);
    }
    m_durable = true;
    m_failing = false;
    // Actions queued in memory before the file opened keep their place behind the file's.
    for (QueuedOrderAction &entry : m_entries) {
        entry.sequence = 0;
        stored.append(entry);
    }
    m_entries.clear();
    m_lastSequence = 0;
    for (QueuedOrderAction entry : std::as_const(stored)) {
        if (entry.sequence == 0) {
            entry.sequence = ++m_lastSequence;
            write(entry);
        }
        m_lastSequence = std::max(m_lastSequence, entry.sequence);
        m_entries.append(entry);
    }
    qCInfo(lcStore) << "order action queue" << QDir::toNativeSeparators(m_path) << "holds" << m_entries.size()
                    << "actions";
    emit depthChanged(depth());
    return true;
}

std::optional<QueuedOrderAction> OrderActionQueue::head() const
{
    if (m_entries.isEmpty())
        return std::nullopt;
    return m_entries.constFirst();
}

QList<QueuedOrderAction> OrderActionQueue::entriesFor(const QString &orderId) const
{
    QList<QueuedOrderAction> found;
    for (const QueuedOrderAction &entry : m_entries) {
        if (entry.orderId == orderId)
            found.append(entry);
    }
    return found;
}

bool OrderActionQueue::append(QueuedOrderAction entry, QueuedOrderAction *stored)
{
    entry.sequence = ++m_lastSequence;
    if (entry.idempotencyKey.isEmpty()) { // a new action; one moved from another queue keeps its key
        entry.idempotencyKey = newIdempotencyKey();
        entry.attempts = 0;
    }
    if (!entry.queuedAt.isValid())
        entry.queuedAt = QDateTime::currentDateTimeUtc();
    m_entries.append(entry);
    if (stored)
        *stored = entry;
    const bool ok = write(entry);
    emit depthChanged(depth());
    return ok;
}

bool OrderActionQueue::update(const QueuedOrderAction &entry)
{
    const auto it = std::find_if(m_entries.begin(), m_entries.end(),
                                 [&entry](const QueuedOrderAction &e) { return e.sequence == entry.sequence; });
    if (it == m_entries.end())
        return false;
    *it = entry;
    return write(entry);
}

bool OrderActionQueue::remove(qint64 sequence)
{
    const auto removed = m_entries.removeIf([sequence](const QueuedOrderAction &e) { return e.sequence == sequence; });
    if (removed == 0)
        return true;
    bool ok = true;
    if (m_durable) {
        QSqlQuery query(m_database->database());
        query.prepare(QStringLiteral("DELETE FROM actions WHERE sequence = ?"));
        query.addBindValue(sequence);
        ok = query.exec();
        noteWrite(ok, query.lastError().text());
    }
    emit depthChanged(depth());
    return ok;
}

bool OrderActionQueue::clear()
{
    const bool hadEntries = !m_entries.isEmpty();
    m_entries.clear();
    bool ok = true;
    if (m_durable) {
        QSqlQuery query(m_database->database());
        ok = query.exec(QStringLiteral("DELETE FROM actions"));
        noteWrite(ok, query.lastError().text());
    }
    if (hadEntries)
        emit depthChanged(0);
    return ok;
}

bool OrderActionQueue::write(const QueuedOrderAction &entry)
{
    if (!m_durable)
        return false;
    QSqlQuery query(m_database->database());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO actions (sequence, order_id, order_number, kind, status,"
                                 " seen_version, idempotency_key, attempts, queued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(entry.sequence);
    query.addBindValue(entry.orderId);
    query.addBindValue(entry.orderNumber);
    query.addBindValue(kindToText(entry.kind));
    query.addBindValue(statusToWire(entry.status));
    query.addBindValue(entry.seenVersion);
    query.addBindValue(entry.idempotencyKey);
    query.addBindValue(entry.attempts);
    query.addBindValue(entry.queuedAt.toMSecsSinceEpoch());
    const bool ok = query.exec(); // autocommit: one statement, one durable transaction
    noteWrite(ok, query.lastError().text());
    return ok;
}

void OrderActionQueue::noteWrite(bool ok, const QString &what)
{
    if (ok) {
        m_failing = false;
        return;
    }
    qCWarning(lcStore) << "order action queue write failed:" << what;
    if (m_failing)
        return;
    m_failing = true;
    emit writeFailed(Text::tr("Hearth could not write order changes made offline to this computer's disk. "
                              "They are still sent when the server is back, but would be lost if Hearth "
                              "closed now."));
}

} // namespace hearth
