#pragma once

// Decodes every element of a JSON array and reports all bad elements at once, each error prefixed
// with its index ("[2].status"), so a list of orders or widgets fails the same way everywhere.
#include "core/jsonreader.h"

#include <QJsonArray>
#include <QList>

namespace hearth {

// `decodeOne` turns one QJsonObject into a Decoded<T>.
template<typename T, typename DecodeOne>
Decoded<QList<T>> decodeArray(const QJsonArray &json, DecodeOne decodeOne)
{
    QList<T> values;
    values.reserve(json.size());
    FieldErrors errors;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const QString path = u'[' + QString::number(i) + u']';
        if (!json.at(i).isObject()) {
            errors.append({path, QStringLiteral("must be an object")});
            continue;
        }
        Decoded<T> decoded = decodeOne(json.at(i).toObject());
        if (decoded.ok()) {
            values.append(std::move(*decoded.value));
            continue;
        }
        for (FieldError &error : decoded.errors)
            errors.append({path + u'.' + error.field, std::move(error.message)});
    }
    if (!errors.isEmpty())
        return Decoded<QList<T>>::failure(std::move(errors));
    return Decoded<QList<T>>{std::move(values), {}};
}

} // namespace hearth
