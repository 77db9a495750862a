#include "profile/placeholders.h"

#include <algorithm>

namespace hearth::Placeholders {

namespace {

using namespace Qt::StringLiterals;

// Longer than any placeholder name: a brace pair around prose is not a placeholder.
constexpr qsizetype maxNameLength = 32;

template<typename Visit>
QString scan(const QString &text, Visit visit)
{
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype open = text.indexOf(u'{', i);
        if (open < 0) {
            out.append(QStringView(text).mid(i));
            break;
        }
        out.append(QStringView(text).mid(i, open - i));
        const qsizetype close = text.indexOf(u'}', open + 1);
        if (close < 0 || close - open - 1 > maxNameLength) {
            out.append(u'{');
            i = open + 1;
            continue;
        }
        const QStringView name = QStringView(text).mid(open + 1, close - open - 1);
        if (!visit(name, &out))
            out.append(QStringView(text).mid(open, close - open + 1));
        i = close + 1;
    }
    return out;
}

} // namespace

QString expand(const QString &text, const QString &restaurantIdValue, const QString &tokenValue)
{
    if (!text.contains(u'{'))
        return text;
    return scan(text, [&](QStringView name, QString *out) {
        if (name == restaurantId) {
            out->append(restaurantIdValue);
            return true;
        }
        if (name == token) {
            out->append(tokenValue);
            return true;
        }
        if (name == tokenBase64Url) {
            out->append(QString::fromLatin1(tokenValue.toUtf8().toBase64(
                QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
            return true;
        }
        return false;
    });
}

QStringList namesIn(const QString &text)
{
    QStringList names;
    if (!text.contains(u'{'))
        return names;
    scan(text, [&](QStringView name, QString *) {
        const bool looksLikeName = !name.isEmpty() && std::all_of(name.begin(), name.end(), [](QChar c) {
            return c.isLetterOrNumber() || c == u'_';
        });
        if (looksLikeName)
            names.append(name.toString());
        return false;
    });
    return names;
}

bool isKnown(QStringView name)
{
    return name == restaurantId || isTokenName(name);
}

bool isTokenName(QStringView name)
{
    return name == token || name == tokenBase64Url;
}

} // namespace hearth::Placeholders
