// The widget client end to end: two real client stacks against one real hearth-server over
// loopback. Live sync between PCs, merges and conflicts, saves that survive a SIGKILL, a lost
// answer and a server outage (each applied exactly once), debounce timing on a hand-driven clock,
// the staff's read-only view, and the server's per-field validation on the fields.
#include "widgetstack.h"

#include "../faults/faultyproxy.h"
#include "../widgets/manualsaveclock.h"

#include <QProcess>

using namespace hearth;
using namespace hearth::test;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace {

// Saves soon after an edit, so the tests are quick; the timing itself is tested with a
// hand-driven clock below.
SavePolicy quickSaves()
{
    SavePolicy policy;
    policy.quietPeriod = 50ms;
    policy.maxDelay = 200ms;
    policy.firstRetry = 100ms;
    policy.maxRetry = 400ms;
    return policy;
}

// Saves only when flushed.
SavePolicy manualSaves()
{
    SavePolicy policy;
    policy.quietPeriod = 3600s;
    policy.maxDelay = 3600s;
    return policy;
}

} // namespace

class TestIntegrationWidgets final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        server::ServerOptions options = testServerOptions(*m_dir);
        options.reconnectAfterMs = 100;
        options.presenceTimeoutMs = 600; // a presence not repeated is soon gone
        m_server = std::make_unique<server::HearthServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }
    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void editOnAAppearsOnB();
    void differentFieldsBothSurvive();
    void sameFieldConflictIsResolvable_data();
    void sameFieldConflictIsResolvable();
    void liveChangeMergesIntoUnsavedEdit();
    void killedProcessSendsItsEditAfterRestart();
    void lostAnswerIsRetriedWithTheSameKeyAndAppliedOnce();
    void offlineEditsAreSavedInOrderOnceWhenTheServerIsBack();
    void debounceOnAHandDrivenClock();
    void staffIsReadOnly();
    void validationErrorsReachTheFields();
    void presenceShowsOthersNotMyself();
    void startsOfflineFromTheCacheWithItsUnsavedEdits();
    void pollsWidgetsWhileTheSocketIsDown();

private:
    void reconnectQuickly(WidgetStack &stack)
    {
        stack.base.realtime.setReconnectPolicy(ReconnectPolicy{50ms, 300ms, 5000ms, 0});
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<server::HearthServer> m_server;
};

void TestIntegrationWidgets::editOnAAppearsOnB()
{
    WidgetStack a(u"PC A"_s);
    WidgetStack b(u"PC B"_s);
    a.widgets.setSavePolicy(quickSaves());
    QVERIFY(a.signInTo(*m_server));
    QVERIFY(b.signInTo(*m_server));
    QVERIFY(a.go());
    QVERIFY(b.go());
    QCOMPARE(a.model.rowCount(), 2); // the demo restaurant's booking and ordering widgets
    QVERIFY(a.widgets.canEdit());
    const QString id = a.widgetOfKind(WidgetKind::Booking);
    const qint64 version = serverWidget(*m_server, id).version;

    QVERIFY(a.widgets.edit(id, {{u"title"_s, u"Book with us"_s}}));
    QCOMPARE(a.model.index(a.model.rowOf(id)).data(WidgetConfigModel::DirtyRole).toBool(), true);
    QCOMPARE(a.titleInModel(id), u"Book with us"_s); // the editor's own row shows the edit at once
    QTRY_COMPARE_WITH_TIMEOUT(b.titleInModel(id), u"Book with us"_s, 5000);
    const QModelIndex onB = b.model.index(b.model.rowOf(id));
    QCOMPARE(onB.data(WidgetConfigModel::VersionRole).toLongLong(), version + 1);
    QCOMPARE(onB.data(WidgetConfigModel::UpdatedByDeviceRole).toString(), u"PC A"_s);
    QTRY_COMPARE(a.widgets.saveStatus(id).state, SaveState::Saved);
    QVERIFY(a.widgets.saveStatus(id).savedAt.isValid());
    QCOMPARE(a.widgets.unsavedCount(), 0);
    QCOMPARE(a.model.index(a.model.rowOf(id)).data(WidgetConfigModel::DirtyRole).toBool(), false);
    QCOMPARE(serverWidget(*m_server, id).settings.title, u"Book with us"_s);
    // One socket per PC: widgets ride on the orders' connection.
    QCOMPARE(a.base.realtime.stats().openSockets, 1);
}

void TestIntegrationWidgets::differentFieldsBothSurvive()
{
    WidgetStack a(u"PC A"_s);
    WidgetStack b(u"PC B"_s);
    a.widgets.setSavePolicy(manualSaves());
    b.widgets.setSavePolicy(manualSaves());
    QVERIFY(a.signInTo(*m_server));
    QVERIFY(b.signInTo(*m_server));
    QVERIFY(a.go());
    QVERIFY(b.go());
    const QString id = a.widgetOfKind(WidgetKind::Booking);
    const qint64 version = serverWidget(*m_server, id).version;
    // B's stream is cut off, so its save meets the server's newer version: a 409 and a merge.
    b.base.realtime.stop();
    QVERIFY(a.widgets.edit(id, {{u"title"_s, u"Title from A"_s}}));
    QVERIFY(b.widgets.edit(id, {{u"max_party_size"_s, 12}}));
    QVERIFY(a.widgets.flush(5s));
    QVERIFY(b.widgets.flush(5s));
    const WidgetConfig onServer = serverWidget(*m_server, id);
    QCOMPARE(onServer.settings.title, u"Title from A"_s);
    QCOMPARE(onServer.settings.maxPartySize, 12);
    QCOMPARE(onServer.version, version + 2);
    QCOMPARE(b.widgets.saveStatus(id).state, SaveState::Saved);
    QTRY_COMPARE_WITH_TIMEOUT(a.model.widgetById(id)->settings.maxPartySize, 12, 5000);
}

void TestIntegrationWidgets::sameFieldConflictIsResolvable_data()
{
    QTest::addColumn<bool>("takeMine");
    QTest::newRow("take mine") << true;
    QTest::newRow("take theirs") << false;
}

void TestIntegrationWidgets::sameFieldConflictIsResolvable()
{
    QFETCH(bool, takeMine);
    WidgetStack a(u"PC A"_s);
    WidgetStack b(u"PC B"_s);
    a.widgets.setSavePolicy(manualSaves());
    b.widgets.setSavePolicy(manualSaves());
    QVERIFY(a.signInTo(*m_server));
    QVERIFY(b.signInTo(*m_server));
    QVERIFY(a.go());
    QVERIFY(b.go());
    const QString id = a.widgetOfKind(WidgetKind::Ordering);
    b.base.realtime.stop();
    QVERIFY(a.widgets.edit(id, {{u"title"_s, u"A's title"_s}}));
    QVERIFY(b.widgets.edit(id, {{u"title"_s, u"B's title"_s}, {u"paused"_s, true}}));
    QVERIFY(a.widgets.flush(5s));
    QVERIFY(!b.widgets.flush(5s)); // the conflict waits for a person
    WidgetSaveStatus status = b.widgets.saveStatus(id);
    QCOMPARE(status.state, SaveState::Conflict);
    QCOMPARE(status.conflicts.size(), 1);
    QCOMPARE(status.conflicts.first().key, u"title"_s);
    QCOMPARE(status.conflicts.first().mine.toString(), u"B's title"_s);
    QCOMPARE(status.conflicts.first().theirs.toString(), u"A's title"_s);
    const QModelIndex row = b.model.index(b.model.rowOf(id));
    QCOMPARE(row.data(WidgetConfigModel::ConflictKeysRole).toStringList(), QStringList{u"title"_s});
    QCOMPARE(serverWidget(*m_server, id).settings.title, u"A's title"_s); // nothing silently lost

    b.widgets.resolveConflict(id, {{u"title"_s, takeMine ? WidgetMerge::Choice::Mine : WidgetMerge::Choice::Theirs}});
    QVERIFY(b.widgets.flush(5s));
    const WidgetConfig onServer = serverWidget(*m_server, id);
    QCOMPARE(onServer.settings.title, takeMine ? u"B's title"_s : u"A's title"_s);
    QCOMPARE(onServer.settings.paused, true);
    QCOMPARE(b.widgets.saveStatus(id).state, SaveState::Saved);
    QTRY_COMPARE_WITH_TIMEOUT(a.titleInModel(id), onServer.settings.title, 5000);
}

void TestIntegrationWidgets::liveChangeMergesIntoUnsavedEdit()
{
    WidgetStack a(u"PC A"_s);
    WidgetStack b(u"PC B"_s);
    a.widgets.setSavePolicy(manualSaves());
    b.widgets.setSavePolicy(manualSaves());
    QVERIFY(a.signInTo(*m_server));
    QVERIFY(b.signInTo(*m_server));
    QVERIFY(a.go());
    QVERIFY(b.go());
    const QString id = a.widgetOfKind(WidgetKind::Booking);
    QVERIFY(b.widgets.edit(id, {{u"greeting"_s, u"Hello from B"_s}}));
    QVERIFY(a.widgets.edit(id, {{u"button_text"_s, u"Reserve"_s}}));
    QVERIFY(a.widgets.flush(5s));
    // B has not saved; A's change streams in and merges under B's edit.
    QTRY_COMPARE_WITH_TIMEOUT(b.widgets.pendingFields(id).value_or(QJsonObject()).value(u"button_text"_s).toString(),
                              u"Reserve"_s, 5000);
    QCOMPARE(b.widgets.saveStatus(id).state, SaveState::Unsaved);
    QCOMPARE(b.model.index(b.model.rowOf(id)).data(WidgetConfigModel::SettingsRole).value<WidgetSettings>().greeting,
             u"Hello from B"_s);
    const int sentBefore = b.widgets.saver().savesSent();
    QVERIFY(b.widgets.flush(5s));
    QCOMPARE(b.widgets.saver().savesSent(), sentBefore + 1); // no 409 round: the base was current
    const WidgetConfig onServer = serverWidget(*m_server, id);
    QCOMPARE(onServer.settings.greeting, u"Hello from B"_s);
    QCOMPARE(onServer.settings.buttonText, u"Reserve"_s);
}

void TestIntegrationWidgets::killedProcessSendsItsEditAfterRestart()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGKILL is a Unix signal");
#else
    const QString outbox = m_dir->filePath(u"crash-outbox.sqlite"_s);
    WidgetStack observer(u"Observer"_s);
    QVERIFY(observer.signInTo(*m_server));
    QVERIFY(observer.go());
    const QString id = observer.widgetOfKind(WidgetKind::Booking);
    const qint64 version = serverWidget(*m_server, id).version;
    const qint64 head = widgetsHead(*m_server);

    QProcess editor;
    editor.start(QStringLiteral(HEARTH_WIDGET_CRASH_CLIENT),
                 {u"edit"_s, m_server->httpUrl().toString(), outbox, id, u"Survived a crash"_s});
    QVERIFY(editor.waitForStarted(10000));
    QByteArray said;
    QTRY_VERIFY2_WITH_TIMEOUT((said += editor.readAllStandardOutput()).contains("edited"),
                              editor.readAllStandardError().right(3000).constData(), 20000);
    editor.kill(); // SIGKILL: no destructor, no flush, no goodbye
    QVERIFY(editor.waitForFinished(10000));
    QCOMPARE(editor.exitStatus(), QProcess::CrashExit);
    QCOMPARE(serverWidget(*m_server, id).version, version); // the debounce never fired

    QProcess sender;
    sender.start(QStringLiteral(HEARTH_WIDGET_CRASH_CLIENT), {u"send"_s, m_server->httpUrl().toString(), outbox});
    QVERIFY(sender.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(sender.state() == QProcess::NotRunning, 25000);
    QCOMPARE(sender.exitCode(), 0);
    QVERIFY(sender.readAllStandardOutput().contains("saved"));

    const WidgetConfig onServer = serverWidget(*m_server, id);
    QCOMPARE(onServer.settings.title, u"Survived a crash"_s);
    QCOMPARE(onServer.version, version + 1); // exactly once
    QCOMPARE(onServer.updatedBy.device, u"Crash PC"_s);
    QCOMPARE(widgetEvents(*m_server, head, id).size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(observer.titleInModel(id), u"Survived a crash"_s, 5000);
#endif
}

void TestIntegrationWidgets::lostAnswerIsRetriedWithTheSameKeyAndAppliedOnce()
{
    faults::FaultyProxy proxy;
    QVERIFY(proxy.listen(m_server->httpUrl()));
    WidgetStack a(u"PC A"_s);
    a.widgets.setSavePolicy(quickSaves());
    QVERIFY(a.signInTo(*m_server));
    QVERIFY(a.go());
    a.base.rest.setBaseUrl(proxy.url()); // REST through the proxy from here on
    // Without the stream: its echo of the applied save would (rightly) settle the edit before
    // any retry, and the retry is what is under test here.
    a.base.realtime.stop();
    const QString id = a.widgetOfKind(WidgetKind::Booking);
    const qint64 version = serverWidget(*m_server, id).version;
    const qint64 head = widgetsHead(*m_server);

    // The moment the server has applied the save — before its answer is written — every
    // connection through the proxy is reset and new ones are refused, so neither the answer nor
    // Qt's own silent resend gets through: the client sees a network error.
    int cuts = 0;
    QObject::connect(m_server->widgets(), &server::WidgetService::eventAppended, &proxy, [&] {
        if (cuts++ == 0) {
            proxy.dropAll();
            proxy.setRefusing(true);
        }
    });
    QVERIFY(a.widgets.edit(id, {{u"title"_s, u"Applied once"_s}}));
    QTRY_COMPARE_WITH_TIMEOUT(a.widgets.saveStatus(id).state, SaveState::Offline, 10000);
    QCOMPARE(cuts, 1);
    QCOMPARE(serverWidget(*m_server, id).version, version + 1); // applied, answer lost
    QCOMPARE(a.widgets.outboxDepth(), 1);                       // so it is still owed
    QVERIFY(a.widgets.outbox().entry(id)->attempted);
    const QString key = a.widgets.outbox().entry(id)->idempotencyKey;

    const int sentBefore = a.widgets.saver().savesSent();
    QVERIFY(proxy.setRefusing(false));
    QTRY_COMPARE_WITH_TIMEOUT(a.widgets.saveStatus(id).state, SaveState::Saved, 10000);
    QVERIFY(a.widgets.saver().savesSent() > sentBefore); // the saver's own retry, with `key`
    QVERIFY(!key.isEmpty());
    const WidgetConfig onServer = serverWidget(*m_server, id);
    QCOMPARE(onServer.settings.title, u"Applied once"_s);
    QCOMPARE(onServer.version, version + 1); // the retry was answered from the key, not applied
    QCOMPARE(widgetEvents(*m_server, head, id).size(), 1);
    QCOMPARE(cuts, 1);
    QCOMPARE(a.widgets.outboxDepth(), 0);
}

void TestIntegrationWidgets::offlineEditsAreSavedInOrderOnceWhenTheServerIsBack()
{
    WidgetStack a(u"PC A"_s);
    a.widgets.setSavePolicy(quickSaves());
    a.widgets.openStore(m_dir->filePath(u"widgets-cache.sqlite"_s), m_dir->filePath(u"outbox.sqlite"_s));
    reconnectQuickly(a);
    QVERIFY(a.signInTo(*m_server));
    QVERIFY(a.go());
    const QString booking = a.widgetOfKind(WidgetKind::Booking);
    const QString ordering = a.widgetOfKind(WidgetKind::Ordering);
    const qint64 bookingVersion = serverWidget(*m_server, booking).version;
    const qint64 orderingVersion = serverWidget(*m_server, ordering).version;
    const qint64 head = widgetsHead(*m_server);

    m_server->stop();
    QVERIFY(a.widgets.edit(ordering, {{u"title"_s, u"Order 1"_s}}));
    QVERIFY(a.widgets.edit(booking, {{u"title"_s, u"Book 1"_s}}));
    QTRY_COMPARE_WITH_TIMEOUT(a.widgets.saveStatus(ordering).state, SaveState::Offline, 5000);
    QVERIFY(a.widgets.edit(ordering, {{u"title"_s, u"Order 2"_s}, {u"minimum_order_cents"_s, 1500}}));
    QVERIFY(a.widgets.edit(booking, {{u"title"_s, u"Book 2"_s}}));
    QVERIFY(a.widgets.edit(booking, {{u"max_party_size"_s, 20}}));
    QCOMPARE(a.widgets.unsavedCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(a.widgets.saveStatus(booking).state, SaveState::Offline, 5000);

    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(a.widgets.unsavedCount(), 0, 15000);
    const QList<WidgetConfig> events = widgetEvents(*m_server, head);
    QCOMPARE(events.size(), 2); // each widget once: the latest edit of each
    QCOMPARE(events.at(0).id, ordering); // in the outbox's order
    QCOMPARE(events.at(1).id, booking);
    QCOMPARE(serverWidget(*m_server, ordering).settings.title, u"Order 2"_s);
    QCOMPARE(serverWidget(*m_server, ordering).settings.minimumOrderCents, 1500);
    QCOMPARE(serverWidget(*m_server, ordering).version, orderingVersion + 1);
    QCOMPARE(serverWidget(*m_server, booking).settings.title, u"Book 2"_s);
    QCOMPARE(serverWidget(*m_server, booking).settings.maxPartySize, 20);
    QCOMPARE(serverWidget(*m_server, booking).version, bookingVersion + 1);
    QCOMPARE(a.widgets.saveStatus(booking).state, SaveState::Saved);
}

void TestIntegrationWidgets::debounceOnAHandDrivenClock()
{
    WidgetStack a(u"PC A"_s);
    ManualSaveClock *clock = nullptr;
    a.widgets.setSaveClockFactory([&clock] {
        auto manual = std::make_unique<ManualSaveClock>();
        clock = manual.get();
        return manual;
    });
    a.widgets.openStore({}, m_dir->filePath(u"debounce-outbox.sqlite"_s)); // the saver takes the clock
    QVERIFY(clock);
    QVERIFY(a.signInTo(*m_server));
    QVERIFY(a.go());
    const QString id = a.widgetOfKind(WidgetKind::Booking);
    const qint64 version = serverWidget(*m_server, id).version;

    // Ten keystrokes 100 ms apart: one save, 800 ms after the last.
    QString title;
    for (int i = 0; i < 10; ++i) {
        title += QChar(u'a' + i);
        QVERIFY(a.widgets.edit(id, {{u"title"_s, title}}));
        clock->advance(100);
    }
    clock->advance(699);
    QCOMPARE(a.widgets.saver().savesSent(), 0);
    clock->advance(1);
    QCOMPARE(a.widgets.saver().savesSent(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(a.widgets.saveStatus(id).state, SaveState::Saved, 5000);
    QCOMPARE(serverWidget(*m_server, id).version, version + 1);
    QCOMPARE(serverWidget(*m_server, id).settings.title, title);

    // Twelve seconds of continuous typing: at least two saves while typing.
    for (int i = 0; i < 120; ++i) {
        title = u"Typing %1"_s.arg(i);
        QVERIFY(a.widgets.edit(id, {{u"title"_s, title}}));
        clock->advance(100);
        QTRY_VERIFY_WITH_TIMEOUT(a.widgets.saveStatus(id).state != SaveState::Saving, 5000);
    }
    const int savesWhileTyping = a.widgets.saver().savesSent() - 1;
    QVERIFY2(savesWhileTyping >= 2, qPrintable(QString::number(savesWhileTyping)));
    clock->advance(800);
    QTRY_COMPARE_WITH_TIMEOUT(a.widgets.saveStatus(id).state, SaveState::Saved, 5000);
    QCOMPARE(serverWidget(*m_server, id).settings.title, title);
    QCOMPARE(serverWidget(*m_server, id).version, version + 1 + a.widgets.saver().savesSent() - 1);
}

void TestIntegrationWidgets::staffIsReadOnly()
{
    WidgetStack staff(u"Kitchen PC"_s);
    staff.widgets.setSavePolicy(manualSaves());
    QSignalSpy editable(&staff.widgets, &WidgetsClient::editableChanged);
    QVERIFY(staff.signInTo(*m_server, server::DemoAccounts::staffUsername, server::DemoAccounts::staffPassword));
    QVERIFY(staff.go());
    QCOMPARE(staff.model.rowCount(), 2); // staff may read
    QVERIFY(!staff.widgets.canEdit());
    QVERIFY(!staff.widgets.readOnlyReason().isEmpty());
    // Whatever a client shows, the server refuses the write.
    const QString id = staff.widgetOfKind(WidgetKind::Booking);
    const qint64 version = serverWidget(*m_server, id).version;
    QVERIFY(staff.widgets.edit(id, {{u"title"_s, u"Staff was here"_s}}));
    QVERIFY(!staff.widgets.flush(5s));
    QCOMPARE(staff.widgets.saveStatus(id).state, SaveState::Rejected);
    QVERIFY(staff.widgets.saver().isReadOnly());
    QVERIFY(!staff.widgets.saveStatus(id).message.isEmpty());
    QCOMPARE(serverWidget(*m_server, id).version, version);
    staff.widgets.discardChanges(id);
    QCOMPARE(staff.widgets.unsavedCount(), 0);
    QCOMPARE(staff.titleInModel(id), serverWidget(*m_server, id).settings.title);
}

void TestIntegrationWidgets::validationErrorsReachTheFields()
{
    WidgetStack a(u"PC A"_s);
    a.widgets.setSavePolicy(manualSaves());
    QVERIFY(a.signInTo(*m_server));
    QVERIFY(a.go());
    const QString id = a.widgetOfKind(WidgetKind::Booking);
    const qint64 version = serverWidget(*m_server, id).version;
    QVERIFY(a.widgets.edit(id, {{u"max_party_size"_s, 99}, {u"primary_color"_s, u"red"_s},
                                {u"slot_minutes"_s, 45}}));
    QVERIFY(!a.widgets.flush(5s));
    const WidgetSaveStatus status = a.widgets.saveStatus(id);
    QCOMPARE(status.state, SaveState::Rejected);
    QVERIFY2(status.fieldErrors.contains(u"max_party_size"_s), qPrintable(status.fieldErrors.keys().join(u',')));
    QVERIFY(status.fieldErrors.contains(u"primary_color"_s));
    QVERIFY(status.fieldErrors.contains(u"slot_minutes"_s));
    QVERIFY(!status.fieldErrors.contains(u"title"_s));
    const QVariantMap onRow = a.model.index(a.model.rowOf(id)).data(WidgetConfigModel::FieldErrorsRole).toMap();
    QCOMPARE(onRow.value(u"primary_color"_s).toString(), status.fieldErrors.value(u"primary_color"_s));
    QCOMPARE(serverWidget(*m_server, id).version, version);

    // Fixing the fields saves.
    QVERIFY(a.widgets.edit(id, {{u"max_party_size"_s, 40}, {u"primary_color"_s, u"#123456"_s},
                                {u"slot_minutes"_s, 15}}));
    QVERIFY(a.widgets.flush(5s));
    QCOMPARE(serverWidget(*m_server, id).settings.maxPartySize, 40);
    QVERIFY(a.widgets.saveStatus(id).fieldErrors.isEmpty());
}

void TestIntegrationWidgets::presenceShowsOthersNotMyself()
{
    WidgetStack a(u"PC A"_s);
    WidgetStack b(u"PC B"_s);
    QVERIFY(a.signInTo(*m_server));
    QVERIFY(b.signInTo(*m_server));
    QVERIFY(a.go());
    QVERIFY(b.go());
    QTRY_COMPARE_WITH_TIMEOUT(a.base.realtime.state(), ConnectionState::Live, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(b.base.realtime.state(), ConnectionState::Live, 5000);
    const QString id = a.widgetOfKind(WidgetKind::Ordering);
    a.widgets.presence().setRepeatInterval(150ms);
    a.widgets.presence().editing(id, u"title"_s);
    QTRY_COMPARE_WITH_TIMEOUT(b.widgets.presence().others(id).size(), 1, 5000);
    const PresenceEntry entry = b.widgets.presence().others(id).first();
    QCOMPARE(entry.device, u"PC A"_s);
    QCOMPARE(entry.state, u"editing"_s);
    QCOMPARE(entry.field, u"title"_s);
    QVERIFY(b.widgets.presence().describe(id).first().contains(u"PC A"_s));
    // A sees its own entry on the channel, but not among the others.
    QVERIFY(a.widgets.presence().others(id).isEmpty());
    // Repeated, it outlives the server's 600 ms timeout.
    QVERIFY(!QTest::qWaitFor([&] { return b.widgets.presence().others(id).isEmpty(); }, 1500));
    a.widgets.presence().left();
    QTRY_VERIFY_WITH_TIMEOUT(b.widgets.presence().others(id).isEmpty(), 5000);
}

void TestIntegrationWidgets::startsOfflineFromTheCacheWithItsUnsavedEdits()
{
    const QString cache = m_dir->filePath(u"widgets-cache.sqlite"_s);
    const QString outbox = m_dir->filePath(u"widgets-outbox.sqlite"_s);
    QString id;
    {
        WidgetStack first(u"PC A"_s);
        first.widgets.setSavePolicy(manualSaves());
        first.widgets.openStore(cache, outbox);
        QVERIFY(first.signInTo(*m_server));
        QVERIFY(first.go());
        id = first.widgetOfKind(WidgetKind::Booking);
        QVERIFY(first.widgets.edit(id, {{u"title"_s, u"Typed before closing"_s}}));
    } // closed without saving (a quit whose flush timed out)
    m_server->stop();

    // The next start, with the server unreachable: the page fills from the cache at once.
    WidgetStack next(u"PC A"_s);
    next.widgets.setSavePolicy(quickSaves());
    next.widgets.openStore(cache, outbox);
    QCOMPARE(next.model.rowCount(), 2);
    const QModelIndex row = next.model.index(next.model.rowOf(id));
    QVERIFY(row.data(WidgetConfigModel::DirtyRole).toBool());
    QCOMPARE(next.titleInModel(id), u"Typed before closing"_s);
    QCOMPARE(row.data(WidgetConfigModel::SaveStateRole).toInt(), int(SaveState::Unsaved));
    QCOMPARE(next.widgets.unsavedCount(), 1);

    // Back online: the edit is sent.
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QVERIFY(next.signInTo(*m_server));
    next.base.go();
    next.widgets.start();
    QTRY_COMPARE_WITH_TIMEOUT(next.widgets.unsavedCount(), 0, 10000);
    QCOMPARE(serverWidget(*m_server, id).settings.title, u"Typed before closing"_s);
    QVERIFY(!next.model.index(next.model.rowOf(id)).data(WidgetConfigModel::DirtyRole).toBool());
}

void TestIntegrationWidgets::pollsWidgetsWhileTheSocketIsDown()
{
    WidgetStack a(u"PC A"_s);
    a.base.polling.setPolicy(PollingPolicy{100ms, 100ms, 0.2, 1000ms});
    reconnectQuickly(a);
    QVERIFY(a.signInTo(*m_server));
    QVERIFY(a.go());
    const QString id = a.widgetOfKind(WidgetKind::Booking);
    const qint64 seqBefore = a.base.realtime.syncPosition(WidgetsSync::channelName()).seq;
    // The socket cannot come back; REST still works (a proxy that blocks upgrades).
    a.base.realtime.setEndpoint(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(refusedLoopbackPort())),
                                a.base.signIn.session().token);
    a.base.realtime.reconnectNow();
    QTRY_VERIFY_WITH_TIMEOUT(a.base.polling.isPolling(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(a.widgets.polling().isPolling(), 1000);

    // Another PC changes the widget; the poll brings it into the same model.
    WidgetConfig current = serverWidget(*m_server, id);
    server::WidgetEdit change;
    change.expectedVersion = current.version;
    change.settings = current.settings;
    change.settings.title = u"Changed while polling"_s;
    QVERIFY(m_server->widgets()
                ->update(QString(server::DemoAccounts::restaurantId), id, change,
                         WidgetEditor{u"maria"_s, u"Maria"_s, u"Office PC"_s})
                .ok());
    QTRY_COMPARE_WITH_TIMEOUT(a.titleInModel(id), u"Changed while polling"_s, 5000);
    QVERIFY(a.widgets.polling().pollsMade() >= 1);
    // The position polling reached is where the socket resumes.
    QTRY_VERIFY_WITH_TIMEOUT(a.base.realtime.syncPosition(WidgetsSync::channelName()).seq > seqBefore, 5000);
    QCOMPARE(a.widgets.sync().snapshotsLoaded(), 1);
}

QTEST_GUILESS_MAIN(TestIntegrationWidgets)
#include "tst_integration_widgets.moc"
