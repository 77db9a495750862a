#pragma once

// Shared by the Phoenix tests: the shipped Supabase profile (optionally edited), and the recorded
// frame files (same line format as the Action Cable recordings).
#include "profile/backendprofile.h"
#include "profile/profileparser.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace phxtest {

inline QJsonObject supabaseProfileJson()
{
    QFile file(QStringLiteral(HEARTH_PROFILES_DIR "/supabase-phoenix.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

inline hearth::BackendProfile profileFrom(const QJsonObject &json)
{
    hearth::Decoded<hearth::BackendProfile> decoded = hearth::ProfileParser::fromJson(json);
    if (!decoded.ok())
        qFatal("test profile invalid: %s", qPrintable(decoded.errorString()));
    return *decoded.value;
}

inline hearth::BackendProfile supabaseProfile()
{
    return profileFrom(supabaseProfileJson());
}

struct RecordedFrame
{
    bool fromServer = true;
    QString expectation; // "confirm:orders", "join:inventory", …
    QByteArray frame;
    int line = 0;
};

// Lines "< expectation [json]" and "> expectation [json]"; '#' starts a comment line.
inline QList<RecordedFrame> recordedFrames(const QString &name)
{
    QFile file(QStringLiteral(HEARTH_PHOENIX_FRAMES_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    QList<RecordedFrame> frames;
    int line = 0;
    while (!file.atEnd()) {
        const QByteArray text = file.readLine().trimmed();
        ++line;
        if (text.isEmpty() || text.startsWith('#'))
            continue;
        const qsizetype space = text.indexOf(' ', 2);
        if ((text[0] != '<' && text[0] != '>') || text[1] != ' ' || space < 0)
            qFatal("%s:%d: not a recorded frame", qPrintable(name), line);
        frames.append({text[0] == '<', QString::fromUtf8(text.mid(2, space - 2)), text.mid(space + 1), line});
    }
    return frames;
}

} // namespace phxtest
