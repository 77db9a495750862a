#include "realtime/actioncableframes.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace hearth::ActionCableFrames {

namespace {

using namespace Qt::StringLiterals;

// Identifiers are a handful of short parameters; a huge one is not worth parsing.
constexpr qsizetype maxIdentifierLength = 4096;

} // namespace

QString canonicalIdentifier(const QJsonObject &identifier)
{
    // QJsonObject keeps its keys sorted, at every level: serialising it is canonicalising it.
    return QString::fromUtf8(QJsonDocument(identifier).toJson(QJsonDocument::Compact));
}

std::optional<QString> canonicalIdentifier(const QString &identifierText)
{
    if (identifierText.size() > maxIdentifierLength)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(identifierText.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return canonicalIdentifier(document.object());
}

QString encodeCommand(QLatin1StringView command, const QString &identifier)
{
    const QJsonObject frame{{u"command"_s, QString(command)}, {u"identifier"_s, identifier}};
    return QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact));
}

} // namespace hearth::ActionCableFrames
