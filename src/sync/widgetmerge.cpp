#include "sync/widgetmerge.h"

#include <QSet>

#include <algorithm>

namespace hearth::WidgetMerge {

namespace {

QStringList unionOfKeys(const QJsonObject &a, const QJsonObject &b, const QJsonObject &c)
{
    QSet<QString> keys;
    for (const QJsonObject *object : {&a, &b, &c}) {
        for (auto it = object->constBegin(); it != object->constEnd(); ++it)
            keys.insert(it.key());
    }
    QStringList sorted(keys.cbegin(), keys.cend());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

void setOrRemove(QJsonObject *object, const QString &key, const QJsonValue &value)
{
    if (value.isUndefined())
        object->remove(key);
    else
        object->insert(key, value);
}

} // namespace

MergeResult merge(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs)
{
    MergeResult result;
    const QStringList keys = unionOfKeys(base, mine, theirs);
    for (const QString &key : keys) {
        // value() gives Undefined for a missing key, so "removed" and "added" compare like values.
        const QJsonValue b = base.value(key);
        const QJsonValue m = mine.value(key);
        const QJsonValue t = theirs.value(key);
        if (m == t || m == b) {
            setOrRemove(&result.merged, key, t);
        } else if (t == b) {
            setOrRemove(&result.merged, key, m);
        } else {
            setOrRemove(&result.merged, key, t);
            result.conflicts.append(MergeConflict{key, b, m, t});
        }
    }
    return result;
}

QJsonObject resolve(const MergeResult &result, const QHash<QString, Choice> &choices)
{
    QJsonObject fields = result.merged;
    for (const MergeConflict &conflict : result.conflicts) {
        if (choices.value(conflict.key, Choice::Theirs) == Choice::Mine)
            setOrRemove(&fields, conflict.key, conflict.mine);
    }
    return fields;
}

QStringList changedKeys(const QJsonObject &a, const QJsonObject &b)
{
    QStringList keys;
    const QStringList all = unionOfKeys(a, b, {});
    for (const QString &key : all) {
        if (a.value(key) != b.value(key))
            keys.append(key);
    }
    return keys;
}

} // namespace hearth::WidgetMerge
