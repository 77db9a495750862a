#pragma once

// The local copy of the last known widgets, so the Widgets page starts at once from disk —
// offline too — and then resyncs. A restaurant has a handful of widgets, so reads and writes are
// small and done on the calling thread. Stores each widget's wire JSON (decoding is the caller's)
// with its id and version, and the widgets channel position the content is complete up to.
// Like every cache it can be rebuilt from the server: an unusable file is moved aside.
#include "core/syncposition.h"
#include "store/cachedatabase.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace hearth {

struct CachedWidgets
{
    QList<QJsonObject> widgets; // not archived
    SyncPosition position;      // invalid when unknown
    QDateTime savedAt;

    bool isEmpty() const { return widgets.isEmpty(); }
};

class WidgetsCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WidgetsCache)

public:
    explicit WidgetsCache(QString databasePath, QObject *parent = nullptr);
    ~WidgetsCache() override;

    CachedWidgets load();
    const QString &databasePath() const { return m_database.path(); }
    // Each widget JSON must carry "id" and "version". A snapshot replaces everything.
    void replaceAll(const QList<QJsonObject> &widgets, const SyncPosition &position);
    // Kept unless the cache holds a higher version; an invalid position leaves the stored one.
    void upsert(const QList<QJsonObject> &widgets, const SyncPosition &position);

signals:
    void writeFailed(const QString &message); // once per run of failures

private:
    bool ensureOpen();
    bool write(const QList<QJsonObject> &widgets, const SyncPosition &position, bool replace);

    CacheDatabase m_database;
    bool m_failing = false;
};

} // namespace hearth
