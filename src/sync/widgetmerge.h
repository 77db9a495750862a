#pragma once

// The three-way merge of a widget edit, one setting at a time: base (the version the edit started
// from), mine (the edit) and theirs (what the server holds now). A setting changed on one side
// only takes that side's value; a setting changed on both sides to different values is a
// conflict the manager decides. Works on the flat editable fields (see WidgetFields), so it
// needs no knowledge of the settings' types: two values are the same when their JSON is.
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMetaType>
#include <QString>

namespace hearth {

struct MergeConflict
{
    QString key;       // "title", "opening_hours", "name"…
    QJsonValue base;   // Undefined when the key did not exist
    QJsonValue mine;
    QJsonValue theirs;

    friend bool operator==(const MergeConflict &a, const MergeConflict &b)
    {
        return a.key == b.key && a.base == b.base && a.mine == b.mine && a.theirs == b.theirs;
    }
};

struct MergeResult
{
    // Every key that merged by itself, and for each conflicting key (still) theirs.
    QJsonObject merged;
    QList<MergeConflict> conflicts; // sorted by key

    bool isClean() const { return conflicts.isEmpty(); }
};

namespace WidgetMerge {

enum class Choice { Mine, Theirs };

MergeResult merge(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs);

// The fields once each conflict is decided; a conflict without a choice keeps theirs.
QJsonObject resolve(const MergeResult &result, const QHash<QString, Choice> &choices);

// The keys whose values differ between `a` and `b` (either side may lack a key), sorted.
QStringList changedKeys(const QJsonObject &a, const QJsonObject &b);

} // namespace WidgetMerge

} // namespace hearth

Q_DECLARE_METATYPE(hearth::MergeConflict)
