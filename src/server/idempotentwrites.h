#pragma once

// Runs a REST write at most once per Idempotency-Key (docs/protocol.md, "Idempotency"): a known
// key answers the first answer again (marked `Idempotent-Replayed: true`) and changes nothing;
// the same key on another request is refused. Shared by every route set that writes (widgets,
// order actions), so they all keep a key's answer the same way: inside the change's own
// transaction when the write records it there, after the fact for refusals, never for a 5xx.
#include "core/jsonreader.h"
#include "server/idempotencystore.h"
#include "server/role.h"

#include <QByteArray>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QLatin1StringView>

#include <functional>
#include <optional>

class QHttpServerRequest;

namespace hearth::server {

namespace IdempotentAnswers {

using Status = QHttpServerResponder::StatusCode;

StoredAnswer answer(Status status, const QJsonObject &body);
StoredAnswer error(Status status, QLatin1StringView code, const QString &message);
StoredAnswer badRequest(const QString &message);
// 422 `validation_failed` with one message per bad field, keyed by its path
// ("settings.opening_hours.mon[1]", "damaged").
StoredAnswer validationFailed(const FieldErrors &errors);
// The stored answer as an HTTP response; a 2xx whose body has a "version" carries it as ETag.
QHttpServerResponse respond(const StoredAnswer &stored, bool replayed = false);
// `"7"`, `7` or `W/"7"`: the version a change started from. Nothing for anything else.
std::optional<qint64> parseIfMatch(QByteArray value);

} // namespace IdempotentAnswers

class IdempotentWrites final
{
public:
    // Records the answer of a change inside the change's transaction; false when it could not.
    using Recorder = std::function<bool(const StoredAnswer &answer)>;
    using Write = std::function<StoredAnswer(const Recorder &record)>;
    enum class Key { Required, Optional };

    explicit IdempotentWrites(IdempotencyStore *store) : m_store(store) {}

    // Runs `write` once per key. With Key::Optional a request without the header is simply
    // run (older clients); a header that is there must still be a valid key.
    QHttpServerResponse run(const AuthContext &context, const QHttpServerRequest &request, const Write &write,
                            Key key = Key::Required) const;

private:
    // The answer for a key already used (a replay, a reuse, or a read failure); nothing for a new one.
    std::optional<QHttpServerResponse> answerKnown(const IdempotentRequest &identity, const AuthContext &context) const;

    IdempotencyStore *m_store;
};

} // namespace hearth::server
