#pragma once

// What the REST API answers, as typed values, and how a failed call is described: a kind the
// code can branch on, a message a restaurant manager can act on, and details for support.
#include "core/inventoryitem.h"
#include "core/menuitem.h"
#include "core/order.h"
#include "core/syncposition.h"
#include "core/widgetconfig.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace hearth {

struct ApiError
{
    enum class Kind {
        Network,      // no connection: refused, host not found, dropped
        Timeout,      // no answer within the timeout
        Tls,          // the server's certificate could not be verified
        Unauthorized, // 401: bad credentials, or the session is over
        Forbidden,    // 403: the role may not do this
        NotFound,     // 404
        Conflict,     // 409: someone else changed it first
        Rejected,     // 400 / 422 and other refusals: the server's message says why
        RateLimited,  // 429
        Server,       // 5xx
        BadResponse,  // a 2xx whose body is not what the contract promises
    };

    Kind kind = Kind::Network;
    int httpStatus = 0;
    QString code;    // the server's error code, e.g. "invalid_transition"
    QString message; // user-facing, translated
    QString details; // technical: method, path, status, server message, Qt's error text
    // For a 422 validation_failed: the server's message per field path ("settings.title").
    QHash<QString, QString> fieldErrors = {};
    // The error answer's JSON body, for answers that carry more than a message (a 409's
    // "current"); empty for network errors.
    QJsonObject body = {};

    // Worth trying again later as it is: the network, the server or its load failed, not the
    // request itself.
    bool isTransient() const
    {
        return kind == Kind::Network || kind == Kind::Timeout || kind == Kind::Tls
            || kind == Kind::Server || kind == Kind::RateLimited || kind == Kind::BadResponse;
    }
};

template<typename T>
struct ApiResult
{
    std::optional<T> value;
    ApiError error;

    bool ok() const { return value.has_value(); }
};

struct Session
{
    QString token;
    QDateTime expiresAt;
    QString username;
    QString displayName;
    QString role; // "staff" or "manager"; unknown roles must be treated as the least privileged
    QString restaurantId;
    QString restaurantName;
};

struct OrdersSnapshot
{
    QList<Order> orders;
    SyncPosition position; // the snapshot holds the effect of every orders event up to here
};

struct WidgetsSnapshot
{
    QList<WidgetConfig> widgets; // a delta (since) includes archived ones: remove those
    SyncPosition position;       // the effect of every widgets event up to here
};

struct InventorySnapshot
{
    QList<InventoryItem> items; // stock lines
    QList<MenuItem> menu;       // menu items with their availability
    SyncPosition position;      // the effect of every inventory event up to here
};

// One person's presence on one widget (docs/protocol.md, "Presence").
struct PresenceEntry
{
    QString widgetId;
    QString username;
    QString displayName;
    QString device;
    QString state;   // "viewing" or "editing"
    QString field;   // the setting being typed in; empty when none
    QDateTime since;
    QString session; // the connection's welcome.session

    friend bool operator==(const PresenceEntry &a, const PresenceEntry &b)
    {
        return a.widgetId == b.widgetId && a.username == b.username && a.displayName == b.displayName
            && a.device == b.device && a.state == b.state && a.field == b.field && a.since == b.since
            && a.session == b.session;
    }
};

struct PresenceSnapshot
{
    QList<PresenceEntry> entries;
    SyncPosition position;
};

} // namespace hearth

Q_DECLARE_METATYPE(hearth::ApiError)
Q_DECLARE_METATYPE(hearth::PresenceEntry)
