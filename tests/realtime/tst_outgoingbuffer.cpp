#include "realtime/outgoingbuffer.h"

#include <QtTest>

using namespace hearth;
using namespace Qt::StringLiterals;

class TestOutgoingBuffer final : public QObject
{
    Q_OBJECT

private slots:
    void keepsFramesInOrder()
    {
        OutgoingBuffer buffer;
        QVERIFY(buffer.isEmpty());
        QVERIFY(buffer.push(u"a"_s));
        QVERIFY(buffer.push(u"b"_s));
        QVERIFY(buffer.push(u"c"_s));
        QCOMPARE(buffer.size(), 3);
        QCOMPARE(buffer.bytes(), 6);
        QCOMPARE(buffer.takeAll(), (QList<QString>{u"a"_s, u"b"_s, u"c"_s}));
        QVERIFY(buffer.isEmpty());
        QCOMPARE(buffer.bytes(), 0);
        QCOMPARE(buffer.overflows(), 0);
    }

    void refusesWhatDoesNotFitByCount()
    {
        OutgoingBuffer buffer(OutgoingLimits{2, 1024});
        QVERIFY(buffer.push(u"1"_s));
        QVERIFY(buffer.push(u"2"_s));
        QVERIFY(!buffer.push(u"3"_s));
        QVERIFY(!buffer.push(u"4"_s));
        QCOMPARE(buffer.overflows(), 2);
        // What was accepted stays intact and in order: the newest were refused, not the oldest.
        QCOMPARE(buffer.takeAll(), (QList<QString>{u"1"_s, u"2"_s}));
        QVERIFY(buffer.push(u"5"_s)); // room again once flushed
        QCOMPARE(buffer.overflows(), 2);
    }

    void refusesWhatDoesNotFitBySize()
    {
        OutgoingBuffer buffer(OutgoingLimits{100, 20}); // ten UTF-16 code units
        QVERIFY(buffer.push(QString(6, u'x')));
        QVERIFY(!buffer.push(QString(6, u'y')));
        QVERIFY(buffer.push(QString(4, u'z'))); // a smaller one still fits
        QCOMPARE(buffer.bytes(), 20);
        QCOMPARE(buffer.overflows(), 1);
        QVERIFY(!buffer.push(QString(1, u'w')));
    }

    void clearEmptiesButKeepsTheTally()
    {
        OutgoingBuffer buffer(OutgoingLimits{1, 1024});
        QVERIFY(buffer.push(u"a"_s));
        QVERIFY(!buffer.push(u"b"_s));
        buffer.clear();
        QVERIFY(buffer.isEmpty());
        QCOMPARE(buffer.bytes(), 0);
        QCOMPARE(buffer.overflows(), 1);
    }
};

QTEST_GUILESS_MAIN(TestOutgoingBuffer)
#include "tst_outgoingbuffer.moc"
