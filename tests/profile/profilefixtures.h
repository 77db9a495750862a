#pragma once

// Helpers for profile tests: the shipped example files, and edits of a valid profile so that
// each invalid variant differs from a working one by exactly one setting.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace profiletest {

inline QString shippedProfilePath(const QString &name)
{
    return QStringLiteral(HEARTH_PROFILES_DIR "/") + name;
}

inline QJsonObject shippedProfile(const QString &name)
{
    QFile file(shippedProfilePath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

// Sets (or with an undefined value removes) the value at a dotted path, creating objects on
// the way. Keys containing dots are not supported: the test profiles have none.
inline QJsonObject edited(QJsonObject object, const QString &path, const QJsonValue &value)
{
    const qsizetype dot = path.indexOf(u'.');
    if (dot < 0) {
        if (value.isUndefined())
            object.remove(path);
        else
            object.insert(path, value);
        return object;
    }
    const QString head = path.left(dot);
    object.insert(head, edited(object.value(head).toObject(), path.mid(dot + 1), value));
    return object;
}

inline QJsonValue removed()
{
    return QJsonValue(QJsonValue::Undefined);
}

inline QJsonValue json(const char *text)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray("[") + text + "]");
    if (document.isNull())
        qFatal("bad test JSON: %s", text);
    return document.array().at(0);
}

} // namespace profiletest
