// The server's log under hostile input (issue 8, item 9): client-supplied text cannot start a
// line of its own, and one noisy client cannot fill the disk. LogGuard is tested with a
// hand-driven clock, then installed in front of this process's log and fed by a real server.
#include "testsupport.h"

#include "server/demoaccounts.h"
#include "server/logguard.h"

#include <QtTest>

using namespace hearth;
using namespace hearth::server;
using namespace hearth::server::testing;

namespace {

QStringList g_captured; // every line that left the guard, in this process

void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_captured.append(message);
}

} // namespace

class TestServerLogs final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qInstallMessageHandler(capture);
        LogGuard::install(); // in front of capture(), as main() puts it in front of the console
    }

    void controlCharactersAreEscaped()
    {
        QCOMPARE(LogGuard::escape(QStringLiteral("a\nb\rc\td")), QStringLiteral("a\\nb\\rc\\td"));
        QCOMPARE(LogGuard::escape(QStringLiteral("\x1b[31mred")), QStringLiteral("\\x1b[31mred"));
        QCOMPARE(LogGuard::escape(QString(QChar(0x2028))), QStringLiteral("\\u2028"));
        QCOMPARE(LogGuard::escape(QString(QChar(0x85))), QStringLiteral("\\x85"));
        QCOMPARE(LogGuard::escape(QStringLiteral("Café “ok” 🍕")), QStringLiteral("Café “ok” 🍕"));
    }

    void linesOfOneShapeAreHeldBackAndCounted()
    {
        qint64 now = 0;
        QStringList out;
        LogGuard guard([&out](QtMsgType, const QMessageLogContext &, const QString &line) { out.append(line); },
                       [&now] { return now; });
        const QMessageLogContext context(nullptr, 0, nullptr, "hearth.server");
        QCOMPARE(LogGuard::shapeOf("hearth.server", QStringLiteral("websocket 9f3a-77 bad frame: unknown op \"dance\"")),
                 LogGuard::shapeOf("hearth.server", QStringLiteral("websocket 12ab-c4 bad frame: frame is not JSON")));
        QVERIFY(LogGuard::shapeOf("hearth.server", QStringLiteral("signed in: manager restaurant 1"))
                != LogGuard::shapeOf("hearth.server", QStringLiteral("websocket 1 bad frame: x")));
        for (int i = 0; i < 100; ++i)
            guard.handle(QtInfoMsg, context,
                         QStringLiteral("websocket %1 bad frame: unknown op \"%2\"").arg(i % 3).arg(QString(i % 26 + 1, u'x')));
        QCOMPARE(out.size(), LogGuard::burst);
        QCOMPARE(guard.suppressed(), 100 - LogGuard::burst);
        guard.handle(QtInfoMsg, context, QStringLiteral("signed in: manager restaurant 1")); // another shape
        QCOMPARE(out.size(), LogGuard::burst + 1);

        now += 10000; // the budget refills: the next line says what was held back
        guard.handle(QtInfoMsg, context, QStringLiteral("websocket 7 bad frame: unknown op \"y\""));
        QCOMPARE(out.at(out.size() - 2), QStringLiteral("(%1 similar lines were not logged)").arg(100 - LogGuard::burst));
        QCOMPARE(out.last(), QStringLiteral("websocket 7 bad frame: unknown op \"y\""));
    }

    // A newline in a frame's op once forged a "signed in: manager" line of its own.
    void aClientCannotForgeALogLine()
    {
        QTemporaryDir dir;
        HearthServer server(testOptions(dir));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        HttpClient http(server.httpUrl());
        const QString token = http.login(QString(DemoAccounts::staffUsername), QString(DemoAccounts::staffPassword));
        WsClient client;
        QVERIFY(client.open(server.webSocketUrl(), token));
        QCOMPARE(client.next().value(QLatin1StringView("op")).toString(), QStringLiteral("welcome"));
        g_captured.clear();
        client.sendText(QStringLiteral(R"({"op":"x\n2026-12-02T17:00:00 hearth.server: signed in: manager restaurant 1"})"));
        QCOMPARE(client.next().value(QLatin1StringView("op")).toString(), QStringLiteral("error"));
        QTRY_VERIFY(std::any_of(g_captured.cbegin(), g_captured.cend(),
                                [](const QString &line) { return line.contains(QLatin1StringView("unknown op")); }));
        for (const QString &line : std::as_const(g_captured)) {
            QVERIFY2(!line.contains(u'\n'), qPrintable(line));
            if (line.contains(QLatin1StringView("unknown op")))
                QVERIFY2(line.contains(QLatin1StringView("\"x\\n2026-12-02T17:00:00 hearth.server: signed in")),
                         qPrintable(line));
        }
    }
};

QTEST_GUILESS_MAIN(TestServerLogs)
#include "tst_server_logs.moc"
