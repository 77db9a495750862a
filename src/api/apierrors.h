#pragma once

// Turns what went wrong with one REST call into an ApiError: the kind the code branches on, a
// message a restaurant manager can act on, and details (method, path, status, server and Qt
// texts; never a header, so never a token) for logs and support.
#include "api/apicodec.h"
#include "api/apitypes.h"

#include <QByteArray>
#include <QNetworkReply>
#include <QString>
#include <QUrl>

namespace hearth::ApiErrors {

struct Call
{
    QByteArray verb;
    QString path;
    QUrl server;
    bool isLogin = false; // a 401 then means wrong credentials, not an ended session
};

ApiError fromNetworkError(QNetworkReply::NetworkError error, const QString &qtErrorString,
                          const Call &call);
ApiError fromHttpStatus(int status, const ApiCodec::ServerErrorBody &body,
                        const QByteArray &retryAfter, const Call &call);
ApiError badResponse(int status, const QString &reason, const Call &call);
ApiError notConfigured(const Call &call);
ApiError invalidArgument(const QString &reason, const Call &call);
// The backend (described by a profile, not hearth-server) offers no such call.
ApiError notSupportedByBackend(const Call &call);

// Scheme, host and port: how a server address is shown to people.
QString displayAddress(const QUrl &url);

} // namespace hearth::ApiErrors
