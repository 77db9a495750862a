#include "core/serveraddress.h"

#include <QCoreApplication>

namespace hearth {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("hearth::ServerAddress", text);
}

bool isThisMachine(const QString &host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    // The loopback range and [::1]; core stays free of QtNetwork, so this is spelled out.
    return host.startsWith(u"127.") || host == u"::1" || host == u"[::1]";
}

} // namespace

std::optional<ServerAddress> ServerAddress::parse(const QString &text, QString *errorMessage)
{
    const auto fail = [errorMessage](const QString &message) -> std::optional<ServerAddress> {
        if (errorMessage)
            *errorMessage = message;
        return std::nullopt;
    };

    QString input = text.trimmed();
    if (input.isEmpty())
        return fail(translate("Enter the address of your Hearth server, for example bistro.example.com."));
    if (!input.contains(u"://")) {
        const QString host = QUrl(u"http://" + input).host();
        input.prepend(isThisMachine(host) ? u"http://" : u"https://");
    }

    QUrl url(input, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return fail(translate("\"%1\" is not a server address. Type it like bistro.example.com or "
                              "https://bistro.example.com:8443.").arg(text.trimmed()));
    const QString scheme = url.scheme().toLower();
    if (scheme == u"ws" || scheme == u"wss")
        url.setScheme(scheme == u"ws" ? QStringLiteral("http") : QStringLiteral("https"));
    else if (scheme != u"http" && scheme != u"https")
        return fail(translate("Hearth servers are reached over http or https, not \"%1\".").arg(url.scheme()));
    if (!url.userInfo().isEmpty())
        return fail(translate("Leave the user name and password out of the address; the sign-in asks for them."));
    if (url.hasQuery() || url.hasFragment())
        return fail(translate("The server address must not contain \"?\" or \"#\" parts."));

    QString path = url.path();
    if (path.endsWith(u"/ws"))
        path.chop(2);
    if (!path.endsWith(u'/'))
        path.append(u'/');
    url.setPath(path);
    return fromHttpBase(url);
}

ServerAddress ServerAddress::fromHttpBase(const QUrl &httpBase)
{
    ServerAddress address;
    address.httpBase = httpBase;
    if (!address.httpBase.path().endsWith(u'/'))
        address.httpBase.setPath(address.httpBase.path() + u'/');
    address.webSocketUrl = address.httpBase.resolved(QUrl(QStringLiteral("ws")));
    address.webSocketUrl.setScheme(httpBase.scheme() == u"https" ? QStringLiteral("wss") : QStringLiteral("ws"));
    return address;
}

bool ServerAddress::isUnencryptedBeyondThisMachine() const
{
    return httpBase.scheme().compare(u"http", Qt::CaseInsensitive) == 0 && !isThisMachine(httpBase.host());
}

QString ServerAddress::unencryptedWarning() const
{
    return translate("The connection to %1 is not encrypted (http://): your password and the orders would "
                     "cross the network readable by anyone on it. Ask whoever set up the server for its "
                     "https:// address.")
        .arg(httpBase.host());
}

} // namespace hearth
