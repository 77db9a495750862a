#include "store/widgetoutbox.h"

#include "core/logging.h"
#include "store/durablefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>

namespace hearth {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(hearth::WidgetOutbox)
};

QList<CacheDatabase::Migration> migrations()
{
    return {
        // 1: one row per widget with unsaved edits; the JSON columns hold flat field objects.
        {
            QStringLiteral("CREATE TABLE outbox (widget_id TEXT PRIMARY KEY NOT NULL,"
                           " sequence INTEGER NOT NULL, base_version INTEGER NOT NULL,"
                           " base_fields BLOB NOT NULL, edited_fields BLOB NOT NULL,"
                           " idempotency_key TEXT NOT NULL, attempted INTEGER NOT NULL,"
                           " attempted_fields BLOB NOT NULL, unconfirmed_fields BLOB NOT NULL,"
                           " edited_at INTEGER NOT NULL)"),
        },
    };
}

QByteArray toBlob(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject fromBlob(const QByteArray &blob)
{
    return QJsonDocument::fromJson(blob).object();
}

QByteArray listToBlob(const QList<QJsonObject> &objects)
{
    QJsonArray array;
    for (const QJsonObject &object : objects)
        array.append(object);
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<QJsonObject> listFromBlob(const QByteArray &blob)
{
    QList<QJsonObject> objects;
    const QJsonArray array = QJsonDocument::fromJson(blob).array();
    for (const QJsonValue &value : array)
        objects.append(value.toObject());
    return objects;
}

} // namespace

WidgetOutbox::WidgetOutbox(QString databasePath, QObject *parent)
    : QObject(parent), m_path(std::move(databasePath))
{
}

WidgetOutbox::~WidgetOutbox() = default;

QString WidgetOutbox::newIdempotencyKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool WidgetOutbox::isOpen() const
{
    return m_database && m_database->isOpen();
}

bool WidgetOutbox::open(QString *error)
{
    close();
    m_database = std::make_unique<CacheDatabase>(m_path, migrations());
    QString reason;
    bool ok = DurableFile::open(*m_database, &reason);
    QSqlQuery query(m_database->database());
    if (ok && !query.exec(QStringLiteral(
                  "SELECT widget_id, sequence, base_version, base_fields, edited_fields,"
                  " idempotency_key, attempted, attempted_fields, unconfirmed_fields, edited_at FROM outbox"))) {
        ok = false;
        reason = query.lastError().text();
    }
    if (!ok) {
        qCWarning(lcStore) << "outbox" << QDir::toNativeSeparators(m_path) << "cannot be used:" << reason;
        m_durable = false;
        if (error)
            *error = reason;
        //: %1 is a file path
        emit writeFailed(Text::tr("Unsaved widget changes cannot be kept on this computer (%1). "
                                  "They are saved to the server as usual, but are lost if Hearth "
                                  "closes before that.")
                             .arg(QDir::toNativeSeparators(m_path)));
        return false;
    }
    m_entries.clear();
    while (query.next()) {
        OutboxEntry entry;
        entry.widgetId = query.value(0).toString();
        entry.sequence = query.value(1).toLongLong();
        entry.baseVersion = query.value(2).toLongLong();
        entry.baseFields = fromBlob(query.value(3).toByteArray());
        entry.editedFields = fromBlob(query.value(4).toByteArray());
        entry.idempotencyKey = query.value(5).toString();
        entry.attempted = query.value(6).toBool();
        entry.attemptedFields = fromBlob(query.value(7).toByteArray());
        entry.unconfirmedFields = listFromBlob(query.value(8).toByteArray());
        entry.editedAt = QDateTime::fromMSecsSinceEpoch(query.value(9).toLongLong(), Qt::UTC);
        m_lastSequence = std::max(m_lastSequence, entry.sequence);
        m_entries.insert(entry.widgetId, entry);
    }
    m_durable = true;
    m_failing = false;
    qCInfo(lcStore) << "outbox" << QDir::toNativeSeparators(m_path) << "holds" << m_entries.size()
                    << "unsaved widget edits";
    emit depthChanged(depth());
    return true;
}

void WidgetOutbox::close()
{
    m_database.reset();
    m_durable = false;
}

QList<OutboxEntry> WidgetOutbox::entries() const
{
    QList<OutboxEntry> list = m_entries.values();
    std::sort(list.begin(), list.end(),
              [](const OutboxEntry &a, const OutboxEntry &b) { return a.sequence < b.sequence; });
    return list;
}

std::optional<OutboxEntry> WidgetOutbox::entry(const QString &widgetId) const
{
    const auto it = m_entries.constFind(widgetId);
    if (it == m_entries.cend())
        return std::nullopt;
    return *it;
}

bool WidgetOutbox::put(OutboxEntry entry, bool bumpSequence, OutboxEntry *stored)
{
    const auto existing = m_entries.constFind(entry.widgetId);
    const bool isNew = existing == m_entries.cend();
    if (bumpSequence || isNew)
        entry.sequence = ++m_lastSequence;
    else
        entry.sequence = existing->sequence;
    if (entry.idempotencyKey.isEmpty())
        entry.idempotencyKey = newIdempotencyKey();
    if (!entry.editedAt.isValid())
        entry.editedAt = QDateTime::currentDateTimeUtc();
    m_entries.insert(entry.widgetId, entry);
    if (stored)
        *stored = entry;
    const bool ok = write(entry);
    if (isNew)
        emit depthChanged(depth());
    return ok;
}

bool WidgetOutbox::remove(const QString &widgetId)
{
    if (!m_entries.remove(widgetId))
        return true;
    const bool ok = erase(widgetId);
    emit depthChanged(depth());
    return ok;
}

bool WidgetOutbox::clear()
{
    const bool hadEntries = !m_entries.isEmpty();
    m_entries.clear();
    bool ok = true;
    if (m_durable) {
        QSqlQuery query(m_database->database());
        ok = query.exec(QStringLiteral("DELETE FROM outbox"));
        noteWrite(ok, query.lastError().text());
    }
    if (hadEntries)
        emit depthChanged(0);
    return ok;
}

bool WidgetOutbox::write(const OutboxEntry &entry)
{
    if (!m_durable)
        return false;
    QSqlQuery query(m_database->database());
    query.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO outbox (widget_id, sequence, base_version, base_fields,"
        " edited_fields, idempotency_key, attempted, attempted_fields, unconfirmed_fields, edited_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(entry.widgetId);
    query.addBindValue(entry.sequence);
    query.addBindValue(entry.baseVersion);
    query.addBindValue(toBlob(entry.baseFields));
    query.addBindValue(toBlob(entry.editedFields));
    query.addBindValue(entry.idempotencyKey);
    query.addBindValue(entry.attempted ? 1 : 0);
    query.addBindValue(toBlob(entry.attemptedFields));
    query.addBindValue(listToBlob(entry.unconfirmedFields));
    query.addBindValue(entry.editedAt.toMSecsSinceEpoch());
    const bool ok = query.exec(); // autocommit: one statement, one durable transaction
    noteWrite(ok, query.lastError().text());
    return ok;
}

bool WidgetOutbox::erase(const QString &widgetId)
{
    if (!m_durable)
        return false;
    QSqlQuery query(m_database->database());
    query.prepare(QStringLiteral("DELETE FROM outbox WHERE widget_id = ?"));
    query.addBindValue(widgetId);
    const bool ok = query.exec();
    noteWrite(ok, query.lastError().text());
    return ok;
}

void WidgetOutbox::noteWrite(bool ok, const QString &what)
{
    if (ok) {
        m_failing = false;
        return;
    }
    qCWarning(lcStore) << "outbox write failed:" << what;
    if (m_failing)
        return;
    m_failing = true;
    emit writeFailed(Text::tr("Hearth could not write unsaved widget changes to this computer's "
                              "disk. They are still sent to the server, but would be lost if "
                              "Hearth closed now."));
}

} // namespace hearth
