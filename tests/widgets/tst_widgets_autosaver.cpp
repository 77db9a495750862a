// AutoSaver with a hand-driven clock and a scripted server: debounce timing, one request at a
// time in outbox order, idempotency keys across retries, merges on 409, field errors on 422.
#include "manualsaveclock.h"
#include "sync/autosaver.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace hearth;
using namespace hearth::test;
using namespace Qt::StringLiterals;

namespace {

struct Sent
{
    SaveRequest request;
    AutoSaver::Reply reply;
};

WidgetDocument widget(const QString &id, qint64 version, const QString &title, int party = 8)
{
    return {id, version, {{u"title"_s, title}, {u"max_party_size"_s, party}, {u"name"_s, u"Booking"_s}}};
}

SaveOutcome saved(const SaveRequest &request)
{
    SaveOutcome outcome;
    outcome.kind = SaveOutcome::Kind::Saved;
    outcome.widget = WidgetDocument{request.widgetId, request.ifMatch + 1, request.fields};
    return outcome;
}

SaveOutcome failure(SaveOutcome::Kind kind)
{
    SaveOutcome outcome;
    outcome.kind = kind;
    outcome.message = u"no"_s;
    return outcome;
}

// The saver, its outbox file, its clock and a server that answers when the test says.
struct Rig
{
    explicit Rig(const QString &path) : outbox(path)
    {
        outbox.open();
        auto manual = std::make_unique<ManualSaveClock>();
        clock = manual.get();
        saver = std::make_unique<AutoSaver>(
            &outbox,
            [this](const SaveRequest &request, QObject *, AutoSaver::Reply reply) {
                sent.append({request, std::move(reply)});
            },
            std::move(manual));
    }

    // Answers the oldest unanswered request.
    void answer(const SaveOutcome &outcome)
    {
        QVERIFY(answered < sent.size());
        sent[answered++].reply(outcome);
    }
    void answerSaved() { answer(saved(sent.at(answered).request)); }
    int unanswered() const { return int(sent.size()) - answered; }

    WidgetOutbox outbox;
    ManualSaveClock *clock = nullptr;
    std::unique_ptr<AutoSaver> saver;
    QList<Sent> sent;
    int answered = 0;
};

} // namespace

class TestAutoSaver : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }
    void tenKeystrokesMakeOneSave();
    void continuousTypingSavesAtLeastEveryFiveSeconds();
    void editsAreInTheOutboxAtOnce();
    void retryOfTheSameFieldsReusesTheKey();
    void changedFieldsAfterAFailureGetANewKey();
    void typingDuringASaveRebasesOnTheAnswer();
    void oneRequestAtATimeInOutboxOrder();
    void startSendsWhatAPreviousRunLeft();
    void aFailedOlderEditHoldsBackNewerOnes();
    void aNewerEditDueFirstDoesNotOvertakeAnOlderOne();
    void conflictOnDifferentFieldsMergesAndSaves();
    void conflictOnTheSameFieldWaitsForAChoice_data();
    void conflictOnTheSameFieldWaitsForAChoice();
    void ownLostSaveIsNoConflict();
    void remoteChangeMergesIntoPendingEdit();
    void validationErrorsGoToFieldsAndAreNotRetried();
    void forbiddenMakesReadOnly();
    void stopIgnoresLateAnswers();
    void unsavedCountFollowsTheOutbox();

private:
    QString path() { return m_dir.filePath(u"outbox-%1.sqlite"_s.arg(++m_files)); }
    QTemporaryDir m_dir;
    int m_files = 0;
};

void TestAutoSaver::tenKeystrokesMakeOneSave()
{
    Rig rig(path());
    rig.saver->start();
    const WidgetDocument server = widget(u"w"_s, 4, u"Book"_s);
    QString title;
    for (int i = 0; i < 10; ++i) {
        title += QChar(u'a' + i);
        rig.saver->edit(server, {{u"title"_s, title}});
        rig.clock->advance(100);
    }
    QCOMPARE(rig.sent.size(), 0);
    QCOMPARE(rig.saver->status(u"w"_s).state, SaveState::Unsaved);
    rig.clock->advance(699);
    QCOMPARE(rig.sent.size(), 0);
    rig.clock->advance(1); // 800 ms after the last keystroke
    QCOMPARE(rig.sent.size(), 1);
    QCOMPARE(rig.saver->status(u"w"_s).state, SaveState::Saving);
    const SaveRequest &request = rig.sent.first().request;
    QCOMPARE(request.ifMatch, 4);
    QCOMPARE(request.fields.value(u"title"_s).toString(), u"abcdefghij"_s);
    QCOMPARE(request.fields.value(u"max_party_size"_s).toInt(), 8);
    rig.answerSaved();
    QCOMPARE(rig.saver->status(u"w"_s).state, SaveState::Saved);
    QVERIFY(rig.saver->status(u"w"_s).savedAt.isValid());
    QCOMPARE(rig.outbox.depth(), 0);
    rig.clock->advance(60000);
    QCOMPARE(rig.sent.size(), 1);
}

void TestAutoSaver::continuousTypingSavesAtLeastEveryFiveSeconds()
{
    Rig rig(path());
    rig.saver->start();
    WidgetDocument server = widget(u"w"_s, 1, u""_s);
    QList<qint64> sentAt;
    QString title;
    for (int i = 0; i < 120; ++i) { // 12 s, a keystroke every 100 ms
        title += u'x';
        rig.saver->edit(server, {{u"title"_s, title}});
        rig.clock->advance(100);
        while (rig.unanswered() > 0) {
            sentAt.append(rig.clock->nowMs());
            const SaveRequest request = rig.sent.at(rig.answered).request;
            rig.answerSaved();
            server = WidgetDocument{request.widgetId, request.ifMatch + 1, request.fields};
        }
    }
    QVERIFY2(sentAt.size() >= 2, qPrintable(QString::number(sentAt.size())));
    QVERIFY(sentAt.first() - 1000 <= 5000);
    for (qsizetype i = 1; i < sentAt.size(); ++i)
        QVERIFY(sentAt.at(i) - sentAt.at(i - 1) <= 5100);
    rig.clock->advance(800);
    while (rig.unanswered() > 0)
        rig.answerSaved();
    QCOMPARE(rig.sent.last().request.fields.value(u"title"_s).toString(), title);
    QCOMPARE(rig.outbox.depth(), 0);
    // Each save started from the version the previous one produced.
    for (qsizetype i = 1; i < rig.sent.size(); ++i)
        QCOMPARE(rig.sent.at(i).request.ifMatch, rig.sent.at(i - 1).request.ifMatch + 1);
}

void TestAutoSaver::editsAreInTheOutboxAtOnce()
{
    const QString file = path();
    {
        Rig rig(file);
        rig.saver->edit(widget(u"w"_s, 2, u"Old"_s), {{u"title"_s, u"New"_s}});
        // Not even started: the edit is on disk already.
    }
    WidgetOutbox reopened(file);
    QVERIFY(reopened.open());
    const OutboxEntry entry = *reopened.entry(u"w"_s);
    QCOMPARE(entry.baseVersion, 2);
    QCOMPARE(entry.baseFields.value(u"title"_s).toString(), u"Old"_s);
    QCOMPARE(entry.editedFields.value(u"title"_s).toString(), u"New"_s);
}

void TestAutoSaver::retryOfTheSameFieldsReusesTheKey()
{
    Rig rig(path());
    rig.saver->start();
    rig.saver->edit(widget(u"w"_s, 2, u"Old"_s), {{u"title"_s, u"New"_s}});
    rig.clock->advance(800);
    QCOMPARE(rig.sent.size(), 1);
    // The key in the outbox is marked as used before the request leaves.
    QVERIFY(rig.outbox.entry(u"w"_s)->attempted);
    rig.answer(failure(SaveOutcome::Kind::Transient));
    QCOMPARE(rig.saver->status(u"w"_s).state, SaveState::Offline);
    rig.clock->advance(999);
    QCOMPARE(rig.sent.size(), 1);
    rig.clock->advance(1); // first retry after 1 s
    QCOMPARE(rig.sent.size(), 2);
    QCOMPARE(rig.sent.at(1).request.idempotencyKey, rig.sent.at(0).request.idempotencyKey);
    rig.answer(failure(SaveOutcome::Kind::Transient));
    rig.clock->advance(1999);
    QCOMPARE(rig.sent.size(), 2); // backoff doubled
    rig.clock->advance(1);
    QCOMPARE(rig.sent.size(), 3);
    QCOMPARE(rig.sent.at(2).request.idempotencyKey, rig.sent.at(0).request.idempotencyKey);
    rig.answerSaved();
    QCOMPARE(rig.outbox.depth(), 0);
    // After a success the next edit is another request with another key.
    rig.saver->edit(widget(u"w"_s, 3, u"New"_s), {{u"title"_s, u"Newer"_s}});
    rig.clock->advance(800);
    QCOMPARE(rig.sent.size(), 4);
    QVERIFY(rig.sent.at(3).request.idempotencyKey != rig.sent.at(0).request.idempotencyKey);

    // Coming back online skips the backoff wait.
    rig.answer(failure(SaveOutcome::Kind::Transient));
    rig.saver->retryNow();
    QCOMPARE(rig.sent.size(), 5);
    QCOMPARE(rig.sent.at(4).request.idempotencyKey, rig.sent.at(3).request.idempotencyKey);
}

void TestAutoSaver::changedFieldsAfterAFailureGetANewKey()
{
    Rig rig(path());
    rig.saver->start();
    const WidgetDocument server = widget(u"w"_s, 2, u"Old"_s);
    rig.saver->edit(server, {{u"title"_s, u"New"_s}});
    rig.clock->advance(800);
    rig.answer(failure(SaveOutcome::Kind::Transient));
    rig.saver->edit(server, {{u"title"_s, u"Newer"_s}});
    rig.clock->advance(800);
    QCOMPARE(rig.sent.size(), 2);
    QVERIFY(rig.sent.at(1).request.idempotencyKey != rig.sent.at(0).request.idempotencyKey);
    QCOMPARE(rig.sent.at(1).request.ifMatch, 2);
    QCOMPARE(rig.sent.at(1).request.fields.value(u"title"_s).toString(), u"Newer"_s);
}

void TestAutoSaver::typingDuringASaveRebasesOnTheAnswer()
{
    Rig rig(path());
    rig.saver->start();
    const WidgetDocument server = widget(u"w"_s, 2, u"Old"_s);
    rig.saver->edit(server, {{u"title"_s, u"A"_s}});
    rig.clock->advance(800);
    rig.saver->edit(server, {{u"title"_s, u"AB"_s}});
    QCOMPARE(rig.sent.size(), 1); // one in flight per widget
    rig.clock->advance(2000);
    QCOMPARE(rig.sent.size(), 1);
    rig.answerSaved(); // version 3 holds "A"
    QCOMPARE(rig.saver->status(u"w"_s).state, SaveState::Saving); // the rest was due already
    QCOMPARE(rig.sent.size(), 2);
    QCOMPARE(rig.sent.at(1).request.ifMatch, 3);
    QCOMPARE(rig.sent.at(1).request.fields.value(u"title"_s).toString(), u"AB"_s);
    QVERIFY(rig.sent.at(1).request.idempotencyKey != rig.sent.at(0).request.idempotencyKey);
    rig.answerSaved();
    QCOMPARE(rig.outbox.depth(), 0);
}

void TestAutoSaver::oneRequestAtATimeInOutboxOrder()
{
    Rig rig(path());
    rig.saver->start();
    rig.saver->edit(widget(u"a"_s, 1, u"a"_s), {{u"title"_s, u"a1"_s}});
    rig.saver->edit(widget(u"b"_s, 1, u"b"_s), {{u"title"_s, u"b1"_s}});
    rig.clock->advance(800);
    QCOMPARE(rig.sent.size(), 1);
    QCOMPARE(rig.sent.at(0).request.widgetId, u"a"_s);
    rig.answerSaved();
    QCOMPARE(rig.sent.size(), 2);
    QCOMPARE(rig.sent.at(1).request.widgetId, u"b"_s);
    rig.answerSaved();
    QCOMPARE(rig.outbox.depth(), 0);
}

void TestAutoSaver::startSendsWhatAPreviousRunLeft()
{
    const QString file = path();
    QString keyOfB;
    {
        Rig first(file);
        first.saver->edit(widget(u"a"_s, 1, u"a"_s), {{u"title"_s, u"a1"_s}});
        first.saver->edit(widget(u"b"_s, 5, u"b"_s), {{u"title"_s, u"b1"_s}});
        first.saver->edit(widget(u"a"_s, 1, u"a"_s), {{u"title"_s, u"a2"_s}}); // a is now the latest
        first.saver->start();
        first.clock->advance(800);
        QCOMPARE(first.sent.size(), 1);
        QCOMPARE(first.sent.at(0).request.widgetId, u"b"_s);
        keyOfB = first.sent.at(0).request.idempotencyKey;
        // The process dies with b's request unanswered.
    }
    Rig second(file);
    QCOMPARE(second.saver->unsavedCount(), 2);
    QCOMPARE(second.saver->pendingWidgets(), (QStringList{u"b"_s, u"a"_s}));
    second.saver->start();
    QCOMPARE(second.sent.size(), 1);
    QCOMPARE(second.sent.at(0).request.widgetId, u"b"_s);
    QCOMPARE(second.sent.at(0).request.idempotencyKey, keyOfB); // it may have been applied
    second.answerSaved();
    QCOMPARE(second.sent.size(), 2);
    QCOMPARE(second.sent.at(1).request.widgetId, u"a"_s);
    QCOMPARE(second.sent.at(1).request.fields.value(u"title"_s).toString(), u"a2"_s);
    second.answerSaved();
    second.clock->advance(60000);
    QCOMPARE(second.sent.size(), 2);
    QCOMPARE(second.saver->unsavedCount(), 0);
}

void TestAutoSaver::aFailedOlderEditHoldsBackNewerOnes()
{
    Rig rig(path());
    rig.saver->start();
    rig.saver->edit(widget(u"a"_s, 1, u"a"_s), {{u"title"_s, u"a1"_s}});
    rig.clock->advance(800);
    rig.answer(failure(SaveOutcome::Kind::Transient)); // a waits 1 s for the network
    rig.saver->edit(widget(u"b"_s, 1, u"b"_s), {{u"title"_s, u"b1"_s}});
    rig.clock->advance(800); // b is due, a is not yet
    QCOMPARE(rig.sent.size(), 1);
    rig.clock->advance(200);
    QCOMPARE(rig.sent.size(), 2);
    QCOMPARE(rig.sent.at(1).request.widgetId, u"a"_s);
    rig.answerSaved();
    QCOMPARE(rig.sent.size(), 3);
    QCOMPARE(rig.sent.at(2).request.widgetId, u"b"_s);
}

// The integration flake (issue 13, tst_integration_widgets' offline edits saved in swapped
// order once under load): the server is down; `a` is edited again (it moves behind `b` in the
// outbox, so `b` goes and fails), then `b` is edited again while its request is out (so `a` is
// the oldest again, waiting for its quiet period and not failing). When the link comes back
// (retryNow) only the failed `b` is due — it must not overtake `a`.
void TestAutoSaver::aNewerEditDueFirstDoesNotOvertakeAnOlderOne()
{
    Rig rig(path());
    rig.saver->start();
    rig.saver->edit(widget(u"a"_s, 1, u"a"_s), {{u"title"_s, u"a1"_s}});
    rig.saver->edit(widget(u"b"_s, 1, u"b"_s), {{u"title"_s, u"b1"_s}});
    rig.clock->advance(800);
    QCOMPARE(rig.sent.size(), 1);
    rig.answer(failure(SaveOutcome::Kind::Transient)); // a: offline
    rig.saver->edit(widget(u"a"_s, 1, u"a"_s), {{u"title"_s, u"a2"_s}});
    QCOMPARE(rig.saver->pendingWidgets(), (QStringList{u"b"_s, u"a"_s}));
    QCOMPARE(rig.sent.size(), 2); // b is the oldest now, and long due
    QCOMPARE(rig.sent.at(1).request.widgetId, u"b"_s);
    rig.saver->edit(widget(u"b"_s, 1, u"b"_s), {{u"title"_s, u"b2"_s}}); // typed on while it is out
    rig.answer(failure(SaveOutcome::Kind::Transient)); // b: offline
    QCOMPARE(rig.saver->pendingWidgets(), (QStringList{u"a"_s, u"b"_s}));
    QCOMPARE(rig.saver->status(u"a"_s).state, SaveState::Unsaved); // in its quiet period
    QCOMPARE(rig.saver->status(u"b"_s).state, SaveState::Offline);

    rig.saver->retryNow(); // the link is back: b is due at once, a only after its quiet period
    QCOMPARE(rig.sent.size(), 3);
    QCOMPARE(rig.sent.at(2).request.widgetId, u"a"_s); // the older edit goes first, early
    QCOMPARE(rig.sent.at(2).request.fields.value(u"title"_s).toString(), u"a2"_s);
    rig.clock->advance(1000);
    QCOMPARE(rig.sent.size(), 3); // one request at a time
    rig.answerSaved();
    QCOMPARE(rig.sent.size(), 4);
    QCOMPARE(rig.sent.at(3).request.widgetId, u"b"_s);
    QCOMPARE(rig.sent.at(3).request.fields.value(u"title"_s).toString(), u"b2"_s);
    rig.answerSaved();
    QCOMPARE(rig.outbox.depth(), 0);
}

void TestAutoSaver::conflictOnDifferentFieldsMergesAndSaves()
{
    Rig rig(path());
    rig.saver->start();
    QSignalSpy pending(rig.saver.get(), &AutoSaver::pendingFieldsChanged);
    rig.saver->edit(widget(u"w"_s, 2, u"Old"_s, 8), {{u"title"_s, u"Mine"_s}});
    rig.clock->advance(800);
    SaveOutcome conflict;
    conflict.kind = SaveOutcome::Kind::Conflict;
    conflict.widget = widget(u"w"_s, 3, u"Old"_s, 12);
    rig.answer(conflict);
    QCOMPARE(rig.sent.size(), 2); // merged and sent again at once
    const SaveRequest &again = rig.sent.at(1).request;
    QCOMPARE(again.ifMatch, 3);
    QCOMPARE(again.fields.value(u"title"_s).toString(), u"Mine"_s);
    QCOMPARE(again.fields.value(u"max_party_size"_s).toInt(), 12);
    QVERIFY(again.idempotencyKey != rig.sent.at(0).request.idempotencyKey);
    QCOMPARE(pending.count(), 1);
    rig.answerSaved();
    QCOMPARE(rig.saver->status(u"w"_s).state, SaveState::Saved);
}

void TestAutoSaver::conflictOnTheSameFieldWaitsForAChoice_data()
{
    QTest::addColumn<bool>("takeMine");
    QTest::newRow("mine") << true;
    QTest::newRow("theirs") << false;
}

void TestAutoSaver::conflictOnTheSameFieldWaitsForAChoice()
{
    QFETCH(bool, takeMine);
    Rig rig(path());
    rig.saver->start();
    rig.saver->edit(widget(u"w"_s, 2, u"Old"_s, 8), {{u"title"_s, u"Mine"_s}, {u"max_party_size"_s, 9}});
    rig.clock->advance(800);
    SaveOutcome conflict;
    conflict.kind = SaveOutcome::Kind::Conflict;
    conflict.widget = widget(u"w"_s, 3, u"Theirs"_s, 8);
    rig.answer(conflict);
    WidgetSaveStatus status = rig.saver->status(u"w"_s);
    QCOMPARE(status.state, SaveState::Conflict);
    QCOMPARE(status.conflicts.size(), 1);
    QCOMPARE(status.conflicts.first().key, u"title"_s);
    QCOMPARE(status.conflicts.first().mine.toString(), u"Mine"_s);
    QCOMPARE(status.conflicts.first().theirs.toString(), u"Theirs"_s);
    rig.clock->advance(60000);
    QCOMPARE(rig.sent.size(), 1); // nothing goes out until someone decides

    rig.saver->resolve(u"w"_s, {{u"title"_s, takeMine ? WidgetMerge::Choice::Mine : WidgetMerge::Choice::Theirs}});
    QCOMPARE(rig.sent.size(), 2);
    const SaveRequest &request = rig.sent.at(1).request;
    QCOMPARE(request.ifMatch, 3);
    QCOMPARE(request.fields.value(u"title"_s).toString(), takeMine ? u"Mine"_s : u"Theirs"_s);
    QCOMPARE(request.fields.value(u"max_party_size"_s).toInt(), 9); // the unopposed change stays
    rig.answerSaved();
    QCOMPARE(rig.saver->status(u"w"_s).state, SaveState::Saved);
    QCOMPARE(rig.outbox.depth(), 0);
}

void TestAutoSaver::ownLostSaveIsNoConflict()
{
    Rig rig(path());
    rig.saver->start();
    const WidgetDocument server = widget(u"w"_s, 2, u"Old"_s);
    rig.saver->edit(server, {{u"title"_s, u"A"_s}});
    rig.clock->advance(800);
    rig.answer(failure(SaveOutcome::Kind::Transient)); // applied on the server, answer lost
    rig.saver->edit(server, {{u"title"_s, u"AB"_s}});
    rig.clock->advance(800);
    QCOMPARE(rig.sent.size(), 2);
    SaveOutcome conflict;
    conflict.kind = SaveOutcome::Kind::Conflict;
    conflict.widget = WidgetDocument{u"w"_s, 3, rig.sent.at(0).request.fields};
    rig.answer(conflict);
    QCOMPARE(rig.saver->status(u"w"_s).state, SaveState::Saving);
    QCOMPARE(rig.sent.size(), 3);
    QCOMPARE(rig.sent.at(2).request.ifMatch, 3);
    QCOMPARE(rig.sent.at(2).request.fields.value(u"title"_s).toString(), u"AB"_s);
}

void TestAutoSaver::remoteChangeMergesIntoPendingEdit()
{
    Rig rig(path());
    rig.saver->start();
    QSignalSpy pending(rig.saver.get(), &AutoSaver::pendingFieldsChanged);
    rig.saver->edit(widget(u"w"_s, 2, u"Old"_s, 8), {{u"title"_s, u"Mine"_s}});
    rig.saver->remoteChanged(widget(u"w"_s, 3, u"Old"_s, 20)); // another PC, another field
    QCOMPARE(pending.count(), 1);
    QCOMPARE(rig.saver->pendingFields(u"w"_s)->value(u"max_party_size"_s).toInt(), 20);
    QCOMPARE(rig.saver->pendingFields(u"w"_s)->value(u"title"_s).toString(), u"Mine"_s);
    rig.clock->advance(800);
    QCOMPARE(rig.sent.size(), 1);
    QCOMPARE(rig.sent.at(0).request.ifMatch, 3);

    // While a save is in flight, the server's echo of it is no conflict.
    rig.saver->remoteChanged(WidgetDocument{u"w"_s, 4, rig.sent.at(0).request.fields});
    rig.answerSaved();
    QCOMPARE(rig.saver->status(u"w"_s).state, SaveState::Saved);

    // The same field changed elsewhere while mine is unsaved: a conflict.
    rig.saver->edit(widget(u"w"_s, 4, u"Mine"_s, 20), {{u"title"_s, u"Mine 2"_s}});
    rig.saver->remoteChanged(widget(u"w"_s, 5, u"Theirs"_s, 20));
    QCOMPARE(rig.saver->status(u"w"_s).state, SaveState::Conflict);
}

void TestAutoSaver::validationErrorsGoToFieldsAndAreNotRetried()
{
    Rig rig(path());
    rig.saver->start();
    const WidgetDocument server = widget(u"w"_s, 2, u"Old"_s);
    rig.saver->edit(server, {{u"max_party_size"_s, 99}});
    rig.clock->advance(800);
    SaveOutcome invalid = failure(SaveOutcome::Kind::Invalid);
    invalid.fieldErrors.insert(u"max_party_size"_s, u"must be 1 to 50"_s);
    rig.answer(invalid);
    WidgetSaveStatus status = rig.saver->status(u"w"_s);
    QCOMPARE(status.state, SaveState::Rejected);
    QCOMPARE(status.fieldErrors.value(u"max_party_size"_s), u"must be 1 to 50"_s);
    rig.clock->advance(120000);
    QCOMPARE(rig.sent.size(), 1);
    QCOMPARE(rig.outbox.depth(), 1); // kept: nothing is lost, the manager fixes it
    rig.saver->edit(server, {{u"max_party_size"_s, 40}});
    QVERIFY(rig.saver->status(u"w"_s).fieldErrors.isEmpty());
    rig.clock->advance(800);
    QCOMPARE(rig.sent.size(), 2);
    QVERIFY(rig.sent.at(1).request.idempotencyKey != rig.sent.at(0).request.idempotencyKey);
}

void TestAutoSaver::forbiddenMakesReadOnly()
{
    Rig rig(path());
    rig.saver->start();
    QSignalSpy readOnly(rig.saver.get(), &AutoSaver::readOnlyChanged);
    rig.saver->edit(widget(u"w"_s, 2, u"Old"_s), {{u"title"_s, u"New"_s}});
    rig.clock->advance(800);
    rig.answer(failure(SaveOutcome::Kind::Forbidden));
    QCOMPARE(readOnly.count(), 1);
    QVERIFY(rig.saver->isReadOnly());
    QCOMPARE(rig.saver->status(u"w"_s).state, SaveState::Rejected);
    rig.clock->advance(120000);
    QCOMPARE(rig.sent.size(), 1);
    rig.saver->discard(u"w"_s);
    QCOMPARE(rig.outbox.depth(), 0);
}

void TestAutoSaver::stopIgnoresLateAnswers()
{
    Rig rig(path());
    rig.saver->start();
    rig.saver->edit(widget(u"w"_s, 2, u"Old"_s), {{u"title"_s, u"New"_s}});
    rig.clock->advance(800);
    rig.saver->stop();
    rig.answerSaved(); // too late: ignored
    QCOMPARE(rig.outbox.depth(), 1);
    rig.saver->start();
    QCOMPARE(rig.sent.size(), 2);
    QCOMPARE(rig.sent.at(1).request.idempotencyKey, rig.sent.at(0).request.idempotencyKey);
    rig.answerSaved();
    QCOMPARE(rig.outbox.depth(), 0);
}

void TestAutoSaver::unsavedCountFollowsTheOutbox()
{
    Rig rig(path());
    QSignalSpy count(rig.saver.get(), &AutoSaver::unsavedCountChanged);
    rig.saver->edit(widget(u"a"_s, 1, u"a"_s), {{u"title"_s, u"a1"_s}});
    rig.saver->edit(widget(u"b"_s, 1, u"b"_s), {{u"title"_s, u"b1"_s}});
    rig.saver->edit(widget(u"a"_s, 1, u"a"_s), {{u"title"_s, u"a2"_s}});
    QCOMPARE(count.count(), 2);
    QCOMPARE(count.last().first().toInt(), 2);
    rig.saver->start();
    rig.answerSaved();
    rig.answerSaved();
    QCOMPARE(count.last().first().toInt(), 0);
    // Edited back to the server's value: nothing to send, nothing unsaved.
    rig.saver->edit(widget(u"c"_s, 1, u"c"_s), {{u"title"_s, u"c1"_s}});
    rig.saver->edit(widget(u"c"_s, 1, u"c"_s), {{u"title"_s, u"c"_s}});
    rig.clock->advance(800);
    QCOMPARE(rig.sent.size(), 2);
    QCOMPARE(rig.saver->unsavedCount(), 0);
}

QTEST_GUILESS_MAIN(TestAutoSaver)
#include "tst_widgets_autosaver.moc"
