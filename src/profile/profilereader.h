#pragma once

// Internal to the profile parser: reads one JSON object of a profile, names every problem by its
// dotted key ("channels.orders.identifier: must be an object"), reports keys it does not know (a
// typo in a hand-written file must not pass silently), and checks {placeholders}.
#include "core/jsonreader.h"
#include "profile/backendprofile.h"

#include <QJsonObject>
#include <QSet>
#include <QString>

#include <optional>

namespace hearth::ProfileParsing {

enum class Need { Optional, Required };

class ProfileReader
{
public:
    ProfileReader(QJsonObject object, QString path, FieldErrors *errors);

    const QJsonObject &object() const { return m_object; }
    QString path() const { return m_path; }
    QString pathOf(const QString &key) const;
    bool has(const QString &key) const { return m_object.contains(key); }
    QStringList keys() const { return m_object.keys(); }

    // Each getter marks the key as known. Absent and optional gives nothing and no error.
    QJsonValue value(const QString &key);
    std::optional<QString> string(const QString &key, Need need, bool allowEmpty = false);
    std::optional<QJsonObject> object(const QString &key, Need need);
    std::optional<qint64> integer(const QString &key, Need need, qint64 min, qint64 max);
    std::optional<bool> boolean(const QString &key, Need need);
    // A string or a whole number, as text (ids are either in foreign JSON).
    std::optional<QString> stringOrInteger(const QString &key, Need need);

    void fail(const QString &key, const QString &message);
    void failHere(const QString &message);
    // Keys present but only meaningful elsewhere: "is only used with protocol actioncable".
    void rejectKey(const QString &key, const QString &message);
    // Reports every key no getter asked for. Call once, after reading.
    void rejectUnknownKeys();

private:
    QJsonObject m_object;
    QString m_path;
    FieldErrors *m_errors;
    QSet<QString> m_known;
};

// Where a placeholder was used, for the checks that span the whole file.
struct PlaceholderUse
{
    QString firstRestaurantIdPath; // where {restaurant_id} first appears
};

// Checks every string inside `value`: unknown placeholders, and token placeholders where a token
// must not go (it would end up in URLs, identifiers or logs).
void checkPlaceholders(const QJsonValue &value, const QString &path, bool tokenAllowed,
                       PlaceholderUse *use, FieldErrors *errors);

// A dotted path into foreign JSON: "order", "payload.data.record"; empty means "the object itself"
// where allowed.
bool isValidDottedPath(const QString &path);

bool mentionsToken(const QString &text);
// An absolute URL with one of `schemes`, a host, and no user info.
// `{restaurant_id}` in the address (a Rails app reading the restaurant from the query) is
// expanded with `restaurantId` (percent-encoded) before the address is judged; without a
// restaurant id the placeholder check reports it, not this one.
QUrl parseUrl(ProfileReader &reader, const QString &key, const QStringList &schemes, Need need,
              const QString &restaurantId = {});

// The sections of a profile, each in its own file; `parent` is the object holding the section.
// auth (and rest.auth): how the token travels. forRest: no subprotocol.
std::optional<TokenTransport> parseAuth(ProfileReader &parent, const QString &key, bool forRest,
                                        FieldErrors *errors);
// channels: { hearthChannel: { identifier | topic, join_payload, type_field, messages } }
QList<ChannelProfile> parseChannels(ProfileReader &parent, BackendProtocol protocol,
                                    FieldErrors *errors);
// mapping: { entity: { hearthField: rule } }
QHash<QString, EntityMapping> parseMapping(ProfileReader &parent, FieldErrors *errors);
// rest: base_url, auth, headers and the list endpoints (after channels and auth are read).
RestProfile parseRest(ProfileReader &parent, const BackendProfile &profile, FieldErrors *errors);

} // namespace hearth::ProfileParsing
