#pragma once

// The rules of widget configurations: optimistic concurrency by version, archive instead of
// erase, and a `widgets` event for every change. Each change bumps the version and appends its
// event in the same transaction as the row; a caller's AnswerRecorder (the idempotency record of
// the request) joins that transaction too, so "applied" and "answer remembered" commit together.
#include "core/widgetconfig.h"
#include "server/storedevent.h"

#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace hearth::server {

class Database;
class EventLog;
class SqlTransaction;
class WidgetRepository;

enum class WidgetError { None, NotFound, Conflict, Storage };

struct WidgetResult
{
    WidgetConfig widget;     // after the change; on Conflict the widget as it is now
    WidgetError error = WidgetError::None;
    QString message;         // plain English, for the error body and the log
    bool created = false;
    bool changed = false;    // false: a no-op that answers the current widget and records nothing

    bool ok() const { return error == WidgetError::None; }
};

// Called inside the write's transaction with the successful result; false rolls everything back.
using AnswerRecorder = std::function<bool(const WidgetResult &result)>;

struct NewWidget
{
    WidgetKind kind = WidgetKind::Booking;
    QString name;
    WidgetSettings settings;  // validated by the caller (WidgetCodec)
};

struct WidgetEdit
{
    qint64 expectedVersion = 0;   // If-Match
    std::optional<QString> name;  // nothing: keep the name
    WidgetSettings settings;      // validated by the caller, every setting of the kind
};

// A snapshot or delta with its watermark: it holds the effect of every event up to `seq`.
struct WidgetListing
{
    QList<WidgetConfig> widgets;
    QString epoch;
    qint64 seq = 0;
    bool ok = false;
};

namespace WidgetEvents {
inline constexpr QLatin1StringView channel{"widgets"};
inline constexpr QLatin1StringView created{"widget.created"};
inline constexpr QLatin1StringView updated{"widget.updated"};
inline constexpr QLatin1StringView deleted{"widget.deleted"};
} // namespace WidgetEvents

class WidgetService final : public QObject
{
    Q_OBJECT

public:
    WidgetService(Database *database, WidgetRepository *widgets, EventLog *events, QObject *parent = nullptr);

    WidgetResult create(const QString &restaurantId, const NewWidget &draft, const WidgetEditor &editor,
                        const AnswerRecorder &record = {});
    // Conflict when the widget is not at edit.expectedVersion; NotFound when archived.
    WidgetResult update(const QString &restaurantId, const QString &widgetId, const WidgetEdit &edit,
                        const WidgetEditor &editor, const AnswerRecorder &record = {});
    // Archives; archiving an archived widget is a no-op. `expectedVersion` as for update().
    WidgetResult archive(const QString &restaurantId, const QString &widgetId, std::optional<qint64> expectedVersion,
                         const WidgetEditor &editor, const AnswerRecorder &record = {});

    // A change the server makes by itself (the kitchen's load pausing online orders): `change`
    // edits the settings, and the widget.updated event carries `reason` beside the widget, so
    // every dashboard and the website can say why. The version moves even when the settings stay
    // (the reason itself is news, such as a longer quoted lead time).
    WidgetResult applyAutomatic(const QString &restaurantId, const QString &widgetId,
                                const std::function<void(WidgetSettings &settings)> &change, const QJsonObject &reason);

    std::optional<WidgetConfig> find(const QString &restaurantId, const QString &widgetId) const;
    bool exists(const QString &restaurantId, const QString &widgetId) const;
    // Every widget not archived.
    WidgetListing snapshot(const QString &restaurantId) const;
    // Widgets changed by events after `since`, archived ones included.
    WidgetListing changesSince(const QString &restaurantId, qint64 since) const;

signals:
    void eventAppended(const hearth::server::StoredEvent &event);

private:
    WidgetResult commit(SqlTransaction *transaction, const QString &restaurantId, WidgetResult result,
                        QLatin1StringView eventType, const AnswerRecorder &record, const QJsonObject &reason = {});

    Database *m_database;
    WidgetRepository *m_widgets;
    EventLog *m_events;
};

} // namespace hearth::server
