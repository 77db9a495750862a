// WidgetMerge: the three-way merge per field, and deciding its conflicts.
#include "sync/widgetmerge.h"

#include <QJsonArray>
#include <QtTest>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

QJsonObject base()
{
    return {{u"title"_s, u"Book a table"_s}, {u"max_party_size"_s, 8}, {u"enabled"_s, true},
            {u"opening_hours"_s, QJsonObject{{u"mon"_s, QJsonArray{}}}}};
}

} // namespace

class TestWidgetMerge : public QObject
{
    Q_OBJECT

private slots:
    void differentFieldsMerge()
    {
        QJsonObject mine = base();
        mine[u"title"_s] = u"Reserve"_s;
        QJsonObject theirs = base();
        theirs[u"max_party_size"_s] = 12;
        const MergeResult result = WidgetMerge::merge(base(), mine, theirs);
        QVERIFY(result.isClean());
        QCOMPARE(result.merged.value(u"title"_s).toString(), u"Reserve"_s);
        QCOMPARE(result.merged.value(u"max_party_size"_s).toInt(), 12);
        QCOMPARE(result.merged.value(u"enabled"_s).toBool(), true);
    }

    void sameChangeOnBothSidesIsNoConflict()
    {
        QJsonObject mine = base();
        mine[u"title"_s] = u"Same"_s;
        const MergeResult result = WidgetMerge::merge(base(), mine, mine);
        QVERIFY(result.isClean());
        QCOMPARE(result.merged, mine);
    }

    void sameFieldDifferentValuesConflicts()
    {
        QJsonObject mine = base();
        mine[u"title"_s] = u"Mine"_s;
        mine[u"enabled"_s] = false;
        QJsonObject theirs = base();
        theirs[u"title"_s] = u"Theirs"_s;
        const MergeResult result = WidgetMerge::merge(base(), mine, theirs);
        QCOMPARE(result.conflicts.size(), 1);
        const MergeConflict &conflict = result.conflicts.first();
        QCOMPARE(conflict.key, u"title"_s);
        QCOMPARE(conflict.base.toString(), u"Book a table"_s);
        QCOMPARE(conflict.mine.toString(), u"Mine"_s);
        QCOMPARE(conflict.theirs.toString(), u"Theirs"_s);
        QCOMPARE(result.merged.value(u"enabled"_s).toBool(), false); // mine, unopposed

        QJsonObject takeMine = WidgetMerge::resolve(result, {{u"title"_s, WidgetMerge::Choice::Mine}});
        QCOMPARE(takeMine.value(u"title"_s).toString(), u"Mine"_s);
        QCOMPARE(takeMine.value(u"enabled"_s).toBool(), false);
        QJsonObject takeTheirs = WidgetMerge::resolve(result, {{u"title"_s, WidgetMerge::Choice::Theirs}});
        QCOMPARE(takeTheirs.value(u"title"_s).toString(), u"Theirs"_s);
        QCOMPARE(WidgetMerge::resolve(result, {}).value(u"title"_s).toString(), u"Theirs"_s);
    }

    void nestedValuesCompareWhole()
    {
        QJsonObject mine = base();
        mine[u"opening_hours"_s] = QJsonObject{{u"mon"_s, QJsonArray{QJsonObject{{u"open"_s, u"12:00"_s}}}}};
        QJsonObject theirs = base();
        theirs[u"opening_hours"_s] = QJsonObject{{u"mon"_s, QJsonArray{QJsonObject{{u"open"_s, u"18:00"_s}}}}};
        const MergeResult result = WidgetMerge::merge(base(), mine, theirs);
        QCOMPARE(result.conflicts.size(), 1);
        QCOMPARE(result.conflicts.first().key, u"opening_hours"_s);
    }

    void addedAndRemovedKeys()
    {
        QJsonObject mine = base();
        mine.remove(u"enabled"_s);
        QJsonObject theirs = base();
        theirs[u"greeting"_s] = u"Hello"_s;
        const MergeResult result = WidgetMerge::merge(base(), mine, theirs);
        QVERIFY(result.isClean());
        QVERIFY(!result.merged.contains(u"enabled"_s));
        QCOMPARE(result.merged.value(u"greeting"_s).toString(), u"Hello"_s);
    }

    void changedKeys()
    {
        QJsonObject other = base();
        other[u"title"_s] = u"x"_s;
        other[u"new"_s] = 1;
        QCOMPARE(WidgetMerge::changedKeys(base(), other), (QStringList{u"new"_s, u"title"_s}));
        QVERIFY(WidgetMerge::changedKeys(base(), base()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWidgetMerge)
#include "tst_widgets_merge.moc"
