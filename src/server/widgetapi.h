#pragma once

// The REST routes of widget configurations and presence (docs/protocol.md, "Widgets",
// "Presence"): reads for everyone signed in, writes for managers, each write made idempotent by
// its Idempotency-Key and validated by WidgetCodec, with per-field 422 answers.
#include "server/idempotencystore.h"
#include "server/idempotentwrites.h"
#include "server/role.h"

#include <QHttpServerResponse>
#include <QJsonObject>
#include <QObject>

#include <functional>

class QHttpServer;
class QHttpServerRequest;

namespace hearth::server {

class HttpApi;
class PresenceRegistry;
class WidgetService;
struct WidgetResult;

class WidgetApi final : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype maxDeviceLength = 80;

    WidgetApi(QHttpServer *server, HttpApi *guard, WidgetService *widgets, PresenceRegistry *presence,
              IdempotencyStore *idempotency, QObject *parent = nullptr);

private:
    using Recorder = std::function<bool(const WidgetResult &result)>;
    using Write = std::function<StoredAnswer(const Recorder &record)>;

    QHttpServerResponse list(const AuthContext &context, const QHttpServerRequest &request) const;
    QHttpServerResponse get(const AuthContext &context, const QString &widgetId) const;
    QHttpServerResponse presenceSnapshot(const AuthContext &context) const;
    StoredAnswer create(const AuthContext &context, const QHttpServerRequest &request, const Recorder &record);
    StoredAnswer update(const AuthContext &context, const QString &widgetId, const QHttpServerRequest &request,
                        const Recorder &record);
    StoredAnswer archive(const AuthContext &context, const QString &widgetId, const QHttpServerRequest &request,
                         const Recorder &record);
    // Runs `write` at most once per Idempotency-Key: a known key replays the first answer.
    QHttpServerResponse idempotent(const AuthContext &context, const QHttpServerRequest &request, const Write &write);

    HttpApi *m_guard;
    WidgetService *m_widgets;
    PresenceRegistry *m_presence;
    IdempotentWrites m_writes;
};

} // namespace hearth::server
