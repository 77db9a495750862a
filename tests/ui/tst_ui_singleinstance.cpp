// SingleInstance: the first launch listens, a later one with the same key activates it and is
// told to exit; other keys are independent; a dead instance's leftovers do not block the next.
#include "ui/singleinstance.h"

#include <QDir>
#include <QFile>
#include <QLocalSocket>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using hearth::SingleInstance;

class TestSingleInstance final : public QObject
{
    Q_OBJECT

private:
    // A key of its own for every test function, so parallel test runs never meet.
    static QString uniqueKey() { return QUuid::createUuid().toString(); }

private slots:
    void aSecondLaunchActivatesTheFirstAndIsToldToExit()
    {
        const QString key = uniqueKey();
        SingleInstance first(key);
        QVERIFY(first.claim());
        QSignalSpy activations(&first, &SingleInstance::activationRequested);

        SingleInstance second(key);
        QVERIFY(!second.claim());
        QTRY_COMPARE(activations.count(), 1);

        SingleInstance third(key);
        QVERIFY(!third.claim());
        QTRY_COMPARE(activations.count(), 2);
    }

    void anotherKeyIsAnotherInstance()
    {
        SingleInstance mine(uniqueKey());
        SingleInstance theirs(uniqueKey());
        QVERIFY(mine.claim());
        QVERIFY(theirs.claim());
        QVERIFY(mine.serverName() != theirs.serverName());
    }

    void afterTheFirstHasQuitTheNextLaunchIsFirst()
    {
        const QString key = uniqueKey();
        {
            SingleInstance first(key);
            QVERIFY(first.claim());
        }
        SingleInstance next(key);
        QVERIFY(next.claim());
        QSignalSpy activations(&next, &SingleInstance::activationRequested);
        SingleInstance later(key);
        QVERIFY(!later.claim());
        QTRY_COMPARE(activations.count(), 1);
    }

#ifdef Q_OS_UNIX
    void aStaleSocketFileOfACrashedInstanceIsReplaced()
    {
        // What a killed first instance leaves: a file where its socket was, nobody listening.
        const QString key = uniqueKey();
        const QString leftover = QDir::temp().filePath(SingleInstance::serverNameFor(key));
        {
            QFile file(leftover);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        SingleInstance next(key);
        QVERIFY(next.claim());
        QSignalSpy activations(&next, &SingleInstance::activationRequested);
        SingleInstance later(key);
        QVERIFY(!later.claim());
        QTRY_COMPARE(activations.count(), 1);
    }
#endif

    // The real program: a second `hearth` for the same user exits at once (0) and the first one
    // hears about it; a demo beside them is not affected.
    void aSecondHearthLaunchGoesToTheFirst()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=false;hearth.ui.info=true"));
        const QStringList arguments{QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:9")};

        QProcess first;
        first.setProcessEnvironment(environment);
        first.start(QStringLiteral(HEARTH_EXECUTABLE), arguments);
        QVERIFY(first.waitForStarted());
        // Listening once its socket takes connections (hearth's application-data folder is the key).
        const QString name = SingleInstance::serverNameFor(home.filePath(QStringLiteral("data/Hearth/Hearth")));
        QTRY_VERIFY_WITH_TIMEOUT(([&name] {
                                     QLocalSocket probe;
                                     probe.connectToServer(name);
                                     return probe.waitForConnected(100);
                                 }()),
                                 30000);

        QProcess second;
        second.setProcessEnvironment(environment);
        second.start(QStringLiteral(HEARTH_EXECUTABLE), arguments);
        QVERIFY(second.waitForFinished(30000));
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 0);
        QVERIFY2(second.readAllStandardError().contains("another Hearth is running"), "the second launch did not say why it quit");

        QByteArray firstLog;
        QTRY_VERIFY_WITH_TIMEOUT((firstLog += first.readAllStandardError()).contains("another launch asked for this window"), 30000);
        QCOMPARE(first.state(), QProcess::Running);

        first.kill();
        first.waitForFinished();
    }

    void namesAreShortEnoughForUnixSockets()
    {
        const QString name = SingleInstance::serverNameFor(QString(500, u'x'));
        QVERIFY(name.startsWith(u"hearth-"));
        QCOMPARE(name.size(), 27);
        QCOMPARE(SingleInstance::serverNameFor(QStringLiteral("a")), SingleInstance::serverNameFor(QStringLiteral("a")));
    }
};

QTEST_MAIN(TestSingleInstance)
#include "tst_ui_singleinstance.moc"
