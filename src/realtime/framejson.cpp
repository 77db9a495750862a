#include "realtime/framejson.h"

namespace hearth {

Decoded<QJsonDocument> parseFrameJson(const QByteArray &utf8, qint64 maxBytes)
{
    const auto fail = [](const QString &message) {
        return Decoded<QJsonDocument>::failure({FieldError{{}, message}});
    };
    if (utf8.size() > maxBytes) {
        return fail(QStringLiteral("frame is %1 bytes, more than the limit of %2").arg(utf8.size()).arg(maxBytes));
    }
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
    return Decoded<QJsonDocument>{std::move(document), {}};
}

} // namespace hearth
