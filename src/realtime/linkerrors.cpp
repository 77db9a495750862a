#include "realtime/linkerrors.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <chrono>

namespace hearth {

namespace {

using namespace Qt::StringLiterals;

// Gives lupdate one context for every text of the realtime link.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(hearth::RealtimeService)
};

} // namespace

QString displayAddress(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment
                        | QUrl::RemovePath)
        .toDisplayString();
}

std::optional<int> handshakeHttpStatus(const QString &socketErrorString)
{
    // Qt 6.4: "QWebSocketPrivate::processHandshake: Unhandled http status code: 401 (Unauthorized)."
    static const QRegularExpression pattern(u"status(?: code)?\\D{0,4}(\\d{3})\\b"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(socketErrorString);
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toInt();
}

LinkError describeSocketError(QAbstractSocket::SocketError error, const QString &errorString,
                              const QUrl &url, bool wasLive)
{
    const QString address = displayAddress(url);
    const QString details = u"socket error %1: %2"_s.arg(int(error)).arg(errorString);
    if (const std::optional<int> status = handshakeHttpStatus(errorString)) {
        //: %1 is an HTTP status number, %2 the server address
        return {Text::tr("The server at %2 refused the live connection (HTTP %1). Hearth will "
                   "keep trying.")
                    .arg(*status)
                    .arg(address),
                details};
    }
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        //: %1 is the server address, e.g. ws://192.168.1.20:8080
        return {Text::tr("Can't reach the server at %1. Check the address and that the server "
                   "is running.")
                    .arg(address),
                details};
    case QAbstractSocket::HostNotFoundError:
        return {Text::tr("Can't find the server %1. Check the server address and this "
                   "computer's network connection.")
                    .arg(address),
                details};
    case QAbstractSocket::SocketTimeoutError:
    case QAbstractSocket::NetworkError:
    case QAbstractSocket::TemporaryError:
        return {Text::tr("The network connection to the server at %1 is not working. Check the "
                   "Wi-Fi or cable; Hearth keeps trying.")
                    .arg(address),
                details};
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return {Text::tr("Hearth couldn't verify the secure connection to %1, so it did not connect. "
                   "Ask whoever looks after the server to check its certificate.")
                    .arg(address),
                details};
    default:
        break;
    }
    if (wasLive) {
        return {Text::tr("The connection to the server was lost. Hearth is reconnecting."),
                details};
    }
    return {Text::tr("Can't connect to the server at %1. Hearth keeps trying.").arg(address),
            details};
}

LinkError describeClose(QWebSocketProtocol::CloseCode code, const QString &reason, const QUrl &url)
{
    Q_UNUSED(url);
    return {Text::tr("The server closed the connection. Hearth is reconnecting."),
            u"closed with code %1: %2"_s.arg(int(code)).arg(reason)};
}

LinkError describeStale(std::chrono::milliseconds silence)
{
    return {Text::tr("The server stopped answering. Hearth is reconnecting."),
            u"no frame or pong for %1 ms"_s.arg(silence.count())};
}

LinkError describeConnectTimeout(const QUrl &url, std::chrono::milliseconds timeout)
{
    return {Text::tr("The server at %1 is taking too long to answer. Check the network "
               "connection; Hearth keeps trying.")
                .arg(displayAddress(url)),
            u"not welcomed within %1 ms"_s.arg(timeout.count())};
}

LinkError describeSignedOut(const QString &details)
{
    // hearth-server says why in its error frame and close reason ("signed out: revoked by a
    // manager", "unauthorized: expired"); other servers say nothing we know.
    if (details.contains("revoked"_L1, Qt::CaseInsensitive))
        return {Text::tr("Signed out: a manager ended this session. Please sign in again."), details};
    if (details.contains("logged out"_L1, Qt::CaseInsensitive))
        return {Text::tr("Signed out: this session was signed out. Please sign in again."), details};
    if (details.contains("expired"_L1, Qt::CaseInsensitive))
        return {Text::tr("Signed out: the session has expired. Please sign in again."), details};
    if (details.contains("signed out: ended"_L1, Qt::CaseInsensitive)
        || details.contains("unauthorized: ended"_L1, Qt::CaseInsensitive))
        return {Text::tr("Signed out: the account was disabled or its password changed. Please sign in "
                         "again, or ask a manager."),
                details};
    return {Text::tr("Your session has ended. Please sign in again."), details};
}

LinkError describeGaveUp(int attempts, const QString &lastDetails)
{
    //: %1 is a number of attempts
    return {Text::tr("Hearth stopped trying to reach the server after %1 attempts. Check the network "
               "and the server, then choose \"Reconnect now\".")
                .arg(attempts),
            lastDetails};
}

LinkError describeServerAdvice(std::chrono::milliseconds after)
{
    return {Text::tr("The server is restarting. Hearth will reconnect in a moment."),
            u"server asked to reconnect within %1 ms"_s.arg(after.count())};
}

LinkError describeServerRefusal(const QString &code, const QString &serverMessage)
{
    return {Text::tr("The server ended the live connection and asked Hearth not to reconnect. "
               "Choose \"Reconnect now\" to try again."),
            u"server error %1: %2"_s.arg(code, serverMessage)};
}

LinkError describeChannelRefusal(const QString &channel, const QString &code,
                                 const QString &serverMessage)
{
    //: %1 is a channel name such as "orders" or "inventory"
    return {Text::tr("The server did not allow live \"%1\" updates for this account. Ask a "
               "manager if you need them.")
                .arg(channel),
            u"server error %1 on channel %2: %3"_s.arg(code, channel, serverMessage)};
}

LinkError describeChannelRejected(const QString &channel, const QString &code,
                                  const QString &serverMessage)
{
    //: %1 is a channel name such as "orders" or "inventory"
    return {Text::tr("The server does not offer live \"%1\" updates, so this part of the "
               "dashboard won't update by itself. Ask whoever looks after the server.")
                .arg(channel),
            u"server error %1 on channel %2: %3"_s.arg(code, channel, serverMessage)};
}

LinkError describeSubscribeTimeout(const QString &channel, int attempts,
                                   std::chrono::milliseconds waited)
{
    //: %1 is a channel name such as "orders"
    return {Text::tr("The server did not start live \"%1\" updates. Hearth is "
               "reconnecting.")
                .arg(channel),
            u"subscribe to %1 unconfirmed after %2 attempts over %3 ms"_s.arg(channel)
                .arg(attempts)
                .arg(waited.count())};
}

LinkError describeResumed(std::chrono::milliseconds asleepFor)
{
    return {Text::tr("This computer was asleep. Hearth is reconnecting to catch up."),
            u"clock jump of %1 ms: suspend and resume"_s.arg(asleepFor.count())};
}

LinkError describeOutgoingOverflow(int queued, qint64 refusedSoFar)
{
    //: %1 is a number of messages
    return {Text::tr("Hearth was offline too long to keep every message for the server; the "
               "newest ones were not kept (%1 waiting).")
                .arg(queued),
            u"outgoing buffer full with %1 frames; %2 refused so far"_s.arg(queued).arg(refusedSoFar)};
}

LinkError describeInboundOverflow(qsizetype queuedFrames, qint64 queuedBytes)
{
    return {Text::tr("Hearth fell behind the server's updates and is reconnecting to catch up."),
            u"inbound queue full at %1 frames, %2 bytes; link dropped, resuming after the last "
            "applied event"_s.arg(queuedFrames).arg(queuedBytes)};
}

} // namespace hearth
