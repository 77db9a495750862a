// StartAtLogin on Linux: the XDG autostart entry is written where asked, starts the given program
// (quoted as the desktop entry specification wants) and is removed again.
#include "ui/startatlogin.h"

#include <QFile>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

using hearth::StartAtLogin;

class TestStartAtLogin final : public QObject
{
    Q_OBJECT

private:
    static QStringList entryLines(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    }

private slots:
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    void enablingWritesAnAutostartEntryAndDisablingRemovesIt()
    {
        QTemporaryDir config;
        QVERIFY(config.isValid());
        const QString folder = config.filePath(QStringLiteral("autostart")); // created on demand
        StartAtLogin startAtLogin(QStringLiteral("/usr/bin/hearth"), folder);
        QVERIFY(!startAtLogin.isEnabled());

        QString error;
        QVERIFY2(startAtLogin.setEnabled(true, &error), qPrintable(error));
        QVERIFY(startAtLogin.isEnabled());
        QCOMPARE(startAtLogin.entryPath(), folder + QStringLiteral("/org.hearth.Hearth.desktop"));

        const QStringList lines = entryLines(startAtLogin.entryPath());
        QCOMPARE(lines.value(0), QStringLiteral("[Desktop Entry]"));
        QVERIFY(lines.contains(QStringLiteral("Type=Application")));
        QVERIFY(lines.contains(QStringLiteral("Exec=\"/usr/bin/hearth\"")));
        QVERIFY(lines.contains(QStringLiteral("Icon=org.hearth.Hearth")));

        QVERIFY2(startAtLogin.setEnabled(false, &error), qPrintable(error));
        QVERIFY(!startAtLogin.isEnabled());
        QVERIFY(!QFile::exists(startAtLogin.entryPath()));
        QVERIFY(startAtLogin.setEnabled(false, &error)); // already off: nothing to do, no error
    }

    void reservedCharactersInThePathAreEscaped()
    {
        QTemporaryDir config;
        StartAtLogin startAtLogin(QStringLiteral("/opt/My Apps/$hearth\"x\\y"), config.path());
        QVERIFY(startAtLogin.setEnabled(true));
        QFile file(startAtLogin.entryPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        // Quoting rules first (\$ \" \\), then the string escape of each backslash.
        QVERIFY2(text.contains("Exec=\"/opt/My Apps/\\\\$hearth\\\\\"x\\\\\\\\y\"\n"), text.constData());
    }

    void anUnwritableFolderIsReportedNotIgnored()
    {
        QTemporaryDir config;
        QFile blocker(config.filePath(QStringLiteral("autostart")));
        QVERIFY(blocker.open(QIODevice::WriteOnly)); // a file where the folder should be
        blocker.close();
        StartAtLogin startAtLogin(QStringLiteral("/usr/bin/hearth"), blocker.fileName());
        QString error;
        QVERIFY(!startAtLogin.setEnabled(true, &error));
        QVERIFY(error.contains(QStringLiteral("org.hearth.Hearth.desktop")));
        QVERIFY(!startAtLogin.isEnabled());
    }
#endif

    void theAppImageIsStartedRatherThanItsMountedInside()
    {
        qputenv("APPIMAGE", "/home/maria/Hearth-0.1.0-x86_64.AppImage");
        QCOMPARE(StartAtLogin::currentProgram(), QStringLiteral("/home/maria/Hearth-0.1.0-x86_64.AppImage"));
        qunsetenv("APPIMAGE");
        QCOMPARE(StartAtLogin::currentProgram(), QCoreApplication::applicationFilePath());
    }
};

QTEST_MAIN(TestStartAtLogin)
#include "tst_ui_startatlogin.moc"
