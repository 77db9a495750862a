#include "store/widgetscache.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QSqlQuery>

namespace hearth {

namespace {

using namespace Qt::StringLiterals;

class Text
{
    Q_DECLARE_TR_FUNCTIONS(hearth::WidgetsCache)
};

QList<CacheDatabase::Migration> migrations()
{
    return {
        {
            u"CREATE TABLE widgets (id TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL,"
            " archived INTEGER NOT NULL, json BLOB NOT NULL)"_s,
            u"CREATE TABLE meta (id INTEGER PRIMARY KEY CHECK (id = 1), epoch TEXT NOT NULL,"
            " seq INTEGER NOT NULL, saved_at INTEGER NOT NULL)"_s,
        },
    };
}

} // namespace

WidgetsCache::WidgetsCache(QString databasePath, QObject *parent)
    : QObject(parent), m_database(std::move(databasePath), migrations())
{
}

WidgetsCache::~WidgetsCache() = default;

bool WidgetsCache::ensureOpen()
{
    if (m_database.open())
        return true;
    if (m_database.lastFault() == SqliteFault::Broken) {
        qCWarning(lcStore) << "widgets cache" << QDir::toNativeSeparators(m_database.path())
                           << "is not usable:" << m_database.lastError().text() << "- moved aside";
        m_database.moveAside();
        return m_database.open();
    }
    return false;
}

CachedWidgets WidgetsCache::load()
{
    CachedWidgets cached;
    if (!ensureOpen()) {
        qCWarning(lcStore) << "widgets cache unavailable:" << m_database.lastError().text();
        return cached;
    }
    QSqlQuery query(m_database.database());
    if (query.exec(u"SELECT json FROM widgets WHERE archived = 0"_s)) {
        while (query.next())
            cached.widgets.append(QJsonDocument::fromJson(query.value(0).toByteArray()).object());
    }
    if (query.exec(u"SELECT epoch, seq, saved_at FROM meta WHERE id = 1"_s) && query.next()) {
        cached.position = SyncPosition{query.value(0).toString(), query.value(1).toLongLong()};
        cached.savedAt = QDateTime::fromMSecsSinceEpoch(query.value(2).toLongLong(), Qt::UTC);
    }
    return cached;
}

void WidgetsCache::replaceAll(const QList<QJsonObject> &widgets, const SyncPosition &position)
{
    write(widgets, position, true);
}

void WidgetsCache::upsert(const QList<QJsonObject> &widgets, const SyncPosition &position)
{
    write(widgets, position, false);
}

bool WidgetsCache::write(const QList<QJsonObject> &widgets, const SyncPosition &position, bool replace)
{
    bool ok = ensureOpen();
    QSqlQuery query(m_database.database());
    ok = ok && query.exec(u"BEGIN IMMEDIATE"_s);
    if (ok && replace)
        ok = query.exec(u"DELETE FROM widgets"_s);
    if (ok) {
        ok = query.prepare(u"INSERT INTO widgets (id, version, archived, json) VALUES (?, ?, ?, ?)"
                           " ON CONFLICT (id) DO UPDATE SET version = excluded.version,"
                           " archived = excluded.archived, json = excluded.json"
                           " WHERE excluded.version > widgets.version"_s);
    }
    for (const QJsonObject &widget : widgets) {
        if (!ok)
            break;
        query.addBindValue(widget.value("id"_L1).toString());
        query.addBindValue(widget.value("version"_L1).toInteger());
        query.addBindValue(widget.value("archived"_L1).toBool() ? 1 : 0);
        query.addBindValue(QJsonDocument(widget).toJson(QJsonDocument::Compact));
        ok = query.exec();
    }
    if (ok && (position.isValid() || replace)) {
        ok = query.prepare(u"INSERT OR REPLACE INTO meta (id, epoch, seq, saved_at) VALUES (1, ?, ?, ?)"_s);
        query.addBindValue(position.epoch.isNull() ? u""_s : position.epoch);
        query.addBindValue(position.seq);
        query.addBindValue(QDateTime::currentMSecsSinceEpoch());
        ok = ok && query.exec();
    }
    ok = ok && query.exec(u"COMMIT"_s);
    if (ok) {
        m_failing = false;
        return true;
    }
    qCWarning(lcStore) << "widgets cache write failed:" << query.lastError().text()
                       << m_database.lastError().text();
    QSqlQuery(m_database.database()).exec(u"ROLLBACK"_s);
    if (!m_failing) {
        m_failing = true;
        emit writeFailed(Text::tr("Hearth could not keep a copy of the widgets on this computer. "
                                  "Everything still works while the server is reachable."));
    }
    return false;
}

} // namespace hearth
