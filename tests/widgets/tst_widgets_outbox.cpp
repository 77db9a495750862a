// WidgetOutbox: every put is on disk when it returns, in order, across reopening; broken files
// are moved aside; a file that cannot be opened leaves a working in-memory outbox.
#include "store/widgetoutbox.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

OutboxEntry makeEntry(const QString &id, const QString &title)
{
    OutboxEntry entry;
    entry.widgetId = id;
    entry.baseVersion = 3;
    entry.baseFields = {{u"title"_s, u"Before"_s}, {u"max_party_size"_s, 8}};
    entry.editedFields = {{u"title"_s, title}, {u"max_party_size"_s, 8}};
    return entry;
}

} // namespace

class TestWidgetOutbox : public QObject
{
    Q_OBJECT

private slots:
    void roundTripAcrossReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"outbox.sqlite"_s);
        OutboxEntry stored;
        {
            WidgetOutbox outbox(path);
            QVERIFY(outbox.open());
            QVERIFY(outbox.isDurable());
            QSignalSpy depth(&outbox, &WidgetOutbox::depthChanged);
            QVERIFY(outbox.put(makeEntry(u"w-1"_s, u"One"_s)));
            QVERIFY(outbox.put(makeEntry(u"w-2"_s, u"Two"_s)));
            OutboxEntry attempted = *outbox.entry(u"w-1"_s);
            attempted.attempted = true;
            attempted.attemptedFields = attempted.editedFields;
            QVERIFY(outbox.put(attempted, false, &stored)); // bookkeeping keeps its place
            QCOMPARE(depth.count(), 2);
            QCOMPARE(outbox.depth(), 2);
        }
        WidgetOutbox reopened(path);
        QVERIFY(reopened.open());
        const QList<OutboxEntry> entries = reopened.entries();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).widgetId, u"w-1"_s);
        QCOMPARE(entries.at(0), stored);
        QVERIFY(!entries.at(0).idempotencyKey.isEmpty());
        QVERIFY(entries.at(0).attempted);
        QCOMPARE(entries.at(1).editedFields.value(u"title"_s).toString(), u"Two"_s);
        QVERIFY(entries.at(0).idempotencyKey != entries.at(1).idempotencyKey);

        // A new edit of w-1 goes behind w-2; removal is durable too.
        QVERIFY(reopened.put(makeEntry(u"w-1"_s, u"One again"_s)));
        QCOMPARE(reopened.entries().at(1).widgetId, u"w-1"_s);
        QVERIFY(reopened.remove(u"w-2"_s));
        reopened.close();
        WidgetOutbox third(path);
        QVERIFY(third.open());
        QCOMPARE(third.depth(), 1);
        QCOMPARE(third.entries().first().editedFields.value(u"title"_s).toString(), u"One again"_s);
    }

    void brokenFileIsMovedAside()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"outbox.sqlite"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        WidgetOutbox outbox(path);
        QVERIFY(outbox.open());
        QVERIFY(QFile::exists(path + u".broken"_s));
        QVERIFY(outbox.put(makeEntry(u"w-1"_s, u"One"_s)));
    }

    void unusableFolderKeepsEntriesInMemory()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"file"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        WidgetOutbox outbox(dir.filePath(u"file/outbox.sqlite"_s)); // a folder that is a file
        QSignalSpy failed(&outbox, &WidgetOutbox::writeFailed);
        QString error;
        QVERIFY(!outbox.open(&error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(failed.count(), 1);
        QVERIFY(!outbox.put(makeEntry(u"w-1"_s, u"One"_s)));
        QCOMPARE(outbox.depth(), 1);
        QCOMPARE(outbox.entry(u"w-1"_s)->editedFields.value(u"title"_s).toString(), u"One"_s);
    }
};

QTEST_GUILESS_MAIN(TestWidgetOutbox)
#include "tst_widgets_outbox.moc"
