// WidgetConfigModel: snapshots as diffs, upserts by version, archived rows removed, unsaved edits
// and save states on the rows; QAbstractItemModelTester watches every step.
#include "core/widgetcodec.h"
#include "models/widgetconfigmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

WidgetConfig makeWidget(const QString &id, qint64 version, WidgetKind kind = WidgetKind::Booking)
{
    WidgetConfig widget;
    widget.id = id;
    widget.kind = kind;
    widget.name = u"Widget %1"_s.arg(id);
    widget.version = version;
    widget.settings = WidgetSettings::defaults(kind);
    widget.settings.title = u"Title v%1"_s.arg(version);
    widget.updatedAt = QDateTime(QDate(2026, 12, 2), QTime(14, 2), Qt::UTC);
    widget.updatedBy = WidgetEditor{u"maria"_s, u"Maria Costa"_s, u"Office PC"_s};
    return widget;
}

QStringList ids(const WidgetConfigModel &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list.append(model.index(row).data(WidgetConfigModel::IdRole).toString());
    return list;
}

} // namespace

class TestWidgetConfigModel : public QObject
{
    Q_OBJECT

private slots:
    void snapshotIsADiff()
    {
        WidgetConfigModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.replaceAll({makeWidget(u"a"_s, 1), makeWidget(u"b"_s, 1), makeWidget(u"c"_s, 1)});
        QCOMPARE(ids(model), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.replaceAll({makeWidget(u"c"_s, 2), makeWidget(u"a"_s, 1), makeWidget(u"d"_s, 1)});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 1); // only c changed
        QCOMPARE(ids(model), (QStringList{u"a"_s, u"c"_s, u"d"_s}));
        QCOMPARE(model.index(1).data(WidgetConfigModel::VersionRole).toLongLong(), 2);
    }

    void upsertByVersionAndArchive()
    {
        WidgetConfigModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.replaceAll({makeWidget(u"a"_s, 3), makeWidget(u"b"_s, 1), makeWidget(u"c"_s, 1)});
        model.upsert({makeWidget(u"a"_s, 2)}); // older: ignored
        QCOMPARE(model.index(0).data(WidgetConfigModel::VersionRole).toLongLong(), 3);
        WidgetConfig archived = makeWidget(u"b"_s, 2);
        archived.archived = true;
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.upsert({makeWidget(u"a"_s, 4), archived, makeWidget(u"e"_s, 1), makeWidget(u"e"_s, 2)});
        QCOMPARE(ids(model), (QStringList{u"a"_s, u"c"_s, u"e"_s}));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.index(2).data(WidgetConfigModel::VersionRole).toLongLong(), 2);
        QCOMPARE(model.index(0).data(WidgetConfigModel::SettingsRole).value<WidgetSettings>().title,
                 u"Title v4"_s);
        QCOMPARE(model.index(0).data(WidgetConfigModel::UpdatedByRole).toString(), u"Maria Costa"_s);
        QCOMPARE(model.index(0).data(WidgetConfigModel::UpdatedByDeviceRole).toString(), u"Office PC"_s);
    }

    void pendingEditsAndStatus()
    {
        WidgetConfigModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The outbox's state may arrive before the widget does (start-up).
        model.setPendingFields(u"a"_s, {{u"title"_s, u"Typed"_s}, {u"max_party_size"_s, 99}, {u"name"_s, u"Renamed"_s}});
        WidgetSaveStatus unsaved;
        unsaved.state = SaveState::Unsaved;
        model.setSaveStatus(u"a"_s, unsaved);
        model.replaceAll({makeWidget(u"a"_s, 1)});
        const QModelIndex a = model.index(0);
        QVERIFY(a.data(WidgetConfigModel::DirtyRole).toBool());
        QCOMPARE(a.data(WidgetConfigModel::NameRole).toString(), u"Renamed"_s);
        const WidgetSettings shown = a.data(WidgetConfigModel::SettingsRole).value<WidgetSettings>();
        QCOMPARE(shown.title, u"Typed"_s);
        QCOMPARE(shown.maxPartySize, 8); // 99 is not valid: the server's value stays here
        QCOMPARE(a.data(WidgetConfigModel::PendingFieldsRole).toJsonObject().value(u"max_party_size"_s).toInt(), 99);
        QCOMPARE(a.data(WidgetConfigModel::ServerSettingsRole).value<WidgetSettings>().title, u"Title v1"_s);
        QCOMPARE(a.data(WidgetConfigModel::SaveStateRole).toInt(), int(SaveState::Unsaved));
        QCOMPARE(saveStateText(unsaved), u"Unsaved changes"_s);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        WidgetSaveStatus rejected;
        rejected.state = SaveState::Rejected;
        rejected.fieldErrors.insert(u"max_party_size"_s, u"must be between 1 and 50"_s);
        rejected.conflicts.append(MergeConflict{u"title"_s, {}, {}, {}});
        rejected.state = SaveState::Conflict;
        model.setSaveStatus(u"a"_s, rejected);
        QCOMPARE(changed.count(), 1);
        QVERIFY(changed.first().at(2).value<QList<int>>().contains(WidgetConfigModel::SaveStateRole));
        QCOMPARE(a.data(WidgetConfigModel::FieldErrorsRole).toMap().value(u"max_party_size"_s).toString(),
                 u"must be between 1 and 50"_s);
        QCOMPARE(a.data(WidgetConfigModel::ConflictKeysRole).toStringList(), QStringList{u"title"_s});

        model.setPendingFields(u"a"_s, {});
        QVERIFY(!a.data(WidgetConfigModel::DirtyRole).toBool());
        QCOMPARE(a.data(WidgetConfigModel::SettingsRole).value<WidgetSettings>().title, u"Title v1"_s);
    }
};

QTEST_GUILESS_MAIN(TestWidgetConfigModel)
#include "tst_widgetconfigmodel.moc"
