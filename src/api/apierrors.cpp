#include "api/apierrors.h"

#include <QCoreApplication>

namespace hearth::ApiErrors {

namespace {

using namespace Qt::StringLiterals;

// Gives lupdate one context for every text of the REST client.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(hearth::RestClient)
};

QString callText(const Call &call)
{
    return QString::fromLatin1(call.verb) + u' ' + call.path;
}

ApiError make(ApiError::Kind kind, int status, QString code, QString message, QString details)
{
    ApiError error;
    error.kind = kind;
    error.httpStatus = status;
    error.code = std::move(code);
    error.message = std::move(message);
    error.details = std::move(details);
    return error;
}

} // namespace

QString displayAddress(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment
                        | QUrl::RemovePath)
        .toDisplayString();
}

ApiError fromNetworkError(QNetworkReply::NetworkError error, const QString &qtErrorString,
                          const Call &call)
{
    const QString address = displayAddress(call.server);
    const QString details = u"%1: network error %2: %3"_s.arg(callText(call)).arg(int(error))
                                .arg(qtErrorString);
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        //: %1 is the server address, e.g. http://192.168.1.20:8080
        return make(ApiError::Kind::Network, 0, {},
                    Text::tr("Can't reach the server at %1. Check the address and that the "
                             "server is running.")
                        .arg(address),
                    details);
    case QNetworkReply::HostNotFoundError:
        return make(ApiError::Kind::Network, 0, {},
                    Text::tr("Can't find the server %1. Check the server address and this "
                             "computer's network connection.")
                        .arg(address),
                    details);
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // what a transfer timeout reports in Qt 6.4
        return make(ApiError::Kind::Timeout, 0, {},
                    Text::tr("The server at %1 took too long to answer. Check the network "
                             "connection and try again.")
                        .arg(address),
                    details);
    case QNetworkReply::SslHandshakeFailedError:
        return make(ApiError::Kind::Tls, 0, {},
                    Text::tr("Hearth couldn't verify the secure connection to %1, so nothing was "
                             "sent. Ask whoever looks after the server to check its certificate.")
                        .arg(address),
                    details);
    default:
        break;
    }
    return make(ApiError::Kind::Network, 0, {},
                Text::tr("The connection to the server at %1 was interrupted. Check the "
                         "network connection and try again.")
                    .arg(address),
                details);
}

ApiError fromHttpStatus(int status, const ApiCodec::ServerErrorBody &body,
                        const QByteArray &retryAfter, const Call &call)
{
    QString details = u"%1 -> HTTP %2"_s.arg(callText(call)).arg(status);
    if (!body.code.isEmpty() || !body.message.isEmpty())
        details += u" %1: %2"_s.arg(body.code, body.message);
    if (!retryAfter.isEmpty())
        details += u" (Retry-After: %1)"_s.arg(QString::fromLatin1(retryAfter.left(32)));

    using Kind = ApiError::Kind;
    switch (status) {
    case 401:
        if (call.isLogin) {
            return make(Kind::Unauthorized, status, body.code,
                        Text::tr("The username or password is not correct."), details);
        }
        return make(Kind::Unauthorized, status, body.code,
                    Text::tr("Your session has ended. Please sign in again."), details);
    case 403:
        return make(Kind::Forbidden, status, body.code,
                    Text::tr("Your account is not allowed to do this. Ask a manager."), details);
    case 404:
        return make(Kind::NotFound, status, body.code,
                    Text::tr("The server couldn't find this. Someone may have removed it."),
                    details);
    case 409:
        return make(Kind::Conflict, status, body.code,
                    Text::tr("Someone else changed this at the same time. Reload it and try again."),
                    details);
    case 429:
        return make(Kind::RateLimited, status, body.code,
                    Text::tr("The server is busy. Wait a moment and try again."), details);
    case 400:
    case 422:
        if (!body.message.isEmpty()) {
            //: %1 is the server's explanation, e.g. "an order that is completed cannot be acknowledged"
            return make(Kind::Rejected, status, body.code,
                        Text::tr("The server did not accept this: %1").arg(body.message),
                        details);
        }
        return make(Kind::Rejected, status, body.code,
                    Text::tr("The server did not accept this request."), details);
    default:
        break;
    }
    if (status >= 500) {
        //: %1 is an HTTP status number such as 500 or 503
        return make(Kind::Server, status, body.code,
                    Text::tr("The server ran into a problem (error %1). Try again in a "
                             "moment; if it keeps happening, contact support.")
                        .arg(status),
                    details);
    }
    return make(Kind::Rejected, status, body.code,
                Text::tr("The server refused the request (error %1).").arg(status), details);
}

ApiError badResponse(int status, const QString &reason, const Call &call)
{
    return make(ApiError::Kind::BadResponse, status, {},
                Text::tr("The server sent an answer Hearth doesn't understand. The server "
                         "may be running a different version."),
                u"%1: unexpected response body: %2"_s.arg(callText(call), reason));
}

ApiError notConfigured(const Call &call)
{
    return make(ApiError::Kind::Network, 0, {},
                Text::tr("No server address is set. Enter it on the sign-in screen."),
                u"%1: no base URL set"_s.arg(callText(call)));
}

ApiError notSupportedByBackend(const Call &call)
{
    return make(ApiError::Kind::Rejected, 0, u"not_supported"_s,
                Text::tr("This backend does not let Hearth change orders. Use the backend's own "
                         "screens for this order."),
                u"%1: not sent: the backend profile has no such call"_s.arg(callText(call)));
}

ApiError invalidArgument(const QString &reason, const Call &call)
{
    return make(ApiError::Kind::Rejected, 0, {},
                Text::tr("Hearth could not send this request. Please try again."),
                u"%1: not sent: %2"_s.arg(callText(call), reason));
}

} // namespace hearth::ApiErrors
