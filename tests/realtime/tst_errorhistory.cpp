#include "realtime/errorhistory.h"

#include <QtTest>

using namespace hearth;
using namespace Qt::StringLiterals;

class TestErrorHistory final : public QObject
{
    Q_OBJECT

private slots:
    void keepsTheLastTwentyOldestFirst()
    {
        ErrorHistory history;
        const QDateTime start = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 25; ++i)
            history.add(u"message %1"_s.arg(i), u"details %1"_s.arg(i), start.addSecs(i));
        QCOMPARE(history.entries().size(), 20);
        QCOMPARE(history.entries().constFirst().message, u"message 5"_s);
        QCOMPARE(history.entries().constLast().message, u"message 24"_s);
        QCOMPARE(history.entries().constLast().at, start.addSecs(24));
        QCOMPARE(history.entries().constLast().details, u"details 24"_s);
    }

    void repeatsShareAnEntry()
    {
        ErrorHistory history(3);
        const QDateTime start = QDateTime::currentDateTimeUtc();
        history.add(u"lost"_s, u"first"_s, start);
        history.add(u"can't reach"_s, u"refused 1"_s, start.addSecs(1));
        history.add(u"can't reach"_s, u"refused 2"_s, start.addSecs(2));
        history.add(u"can't reach"_s, u"refused 3"_s, start.addSecs(3));
        QCOMPARE(history.entries().size(), 2);
        const RecentError &last = history.entries().constLast();
        QCOMPARE(last.repeats, 3);
        QCOMPARE(last.at, start.addSecs(3));
        QCOMPARE(last.details, u"refused 3"_s);
        history.add(u"lost"_s, u"again"_s, start.addSecs(4)); // not consecutive: a new entry
        QCOMPARE(history.entries().size(), 3);
        history.clear();
        QVERIFY(history.entries().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestErrorHistory)
#include "tst_errorhistory.moc"
