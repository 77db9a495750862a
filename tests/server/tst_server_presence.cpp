// PresenceRegistry on its own, with a clock the test moves: entries, events, expiry, the
// in-memory log's replay rules and its bounds. No sockets, no sleeps.
#include "server/presenceregistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace hearth::server;

namespace {

AuthContext user(const QString &username, const QString &restaurant = QStringLiteral("1"))
{
    AuthContext context;
    context.username = username;
    context.displayName = username.toUpper();
    context.restaurantId = restaurant;
    return context;
}

PresenceUpdate update(const QString &widget, const QString &state, const QString &field = {})
{
    return PresenceUpdate{widget, state, field, QStringLiteral("PC")};
}

QJsonArray editorsOf(const QList<QVariant> &signal)
{
    const auto event = signal.at(0).value<StoredEvent>();
    return QJsonDocument::fromJson(event.data).object().value(QLatin1StringView("editors")).toArray();
}

} // namespace

class TestServerPresence final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_registry = std::make_unique<PresenceRegistry>();
        m_now = 1000;
        m_registry->setClock([this] { return m_now; });
        m_registry->setTimeoutMs(30000);
        m_registry->setWidgetCheck([](const QString &, const QString &widget) { return widget.startsWith(u'w'); });
    }

    void cleanup() { m_registry.reset(); }

    void changesAreEventsAndRepeatsAreNot()
    {
        QSignalSpy events(m_registry.get(), &PresenceRegistry::eventAppended);
        const AuthContext maria = user(QStringLiteral("maria"));
        QVERIFY(m_registry->apply(maria, QStringLiteral("s1"), update(QStringLiteral("w1"), QStringLiteral("viewing"))).isEmpty());
        QVERIFY(m_registry->apply(maria, QStringLiteral("s1"), update(QStringLiteral("w1"), QStringLiteral("viewing"))).isEmpty());
        QCOMPARE(events.size(), 1);
        QVERIFY(m_registry->apply(maria, QStringLiteral("s1"), update(QStringLiteral("w1"), QStringLiteral("editing"), QStringLiteral("title"))).isEmpty());
        QCOMPARE(events.size(), 2);
        const StoredEvent second = events.at(1).at(0).value<StoredEvent>();
        QCOMPARE(second.seq, 2);
        QCOMPARE(second.channel, QStringLiteral("presence"));
        QCOMPARE(second.type, QStringLiteral("presence.changed"));
        QCOMPARE(editorsOf(events.at(1)).at(0).toObject().value(QLatin1StringView("field")).toString(), QStringLiteral("title"));
        // "left" for a widget the connection does not have open is no news either.
        QVERIFY(m_registry->apply(maria, QStringLiteral("s1"), update(QStringLiteral("w9"), QStringLiteral("left"))).isEmpty());
        QCOMPARE(events.size(), 2);
        QVERIFY(!m_registry->apply(maria, QStringLiteral("s1"), update(QStringLiteral("x-unknown"), QStringLiteral("viewing"))).isEmpty());
    }

    void entriesNotRepeatedExpireByTheClock()
    {
        QSignalSpy events(m_registry.get(), &PresenceRegistry::eventAppended);
        m_registry->apply(user(QStringLiteral("a")), QStringLiteral("s1"), update(QStringLiteral("w1"), QStringLiteral("viewing")));
        m_registry->apply(user(QStringLiteral("b")), QStringLiteral("s2"), update(QStringLiteral("w1"), QStringLiteral("viewing")));
        m_now += 20000;
        m_registry->apply(user(QStringLiteral("b")), QStringLiteral("s2"), update(QStringLiteral("w1"), QStringLiteral("viewing")));
        m_now += 10000; // a: 30 s silent, b: 10 s
        m_registry->expireDue();
        QCOMPARE(events.size(), 3);
        const QJsonArray editors = editorsOf(events.last());
        QCOMPARE(editors.size(), 1);
        QCOMPARE(editors.at(0).toObject().value(QLatin1StringView("username")).toString(), QStringLiteral("b"));
        m_now += 19999; // b: 29.999 s silent
        m_registry->expireDue();
        QCOMPARE(m_registry->entryCount(QStringLiteral("1")), 1);
        m_now += 1;
        m_registry->expireDue();
        QCOMPARE(m_registry->entryCount(QStringLiteral("1")), 0);
        QVERIFY(editorsOf(events.last()).isEmpty());
    }

    void restaurantsAreSeparate()
    {
        m_registry->apply(user(QStringLiteral("a")), QStringLiteral("s1"), update(QStringLiteral("w1"), QStringLiteral("viewing")));
        m_registry->apply(user(QStringLiteral("z"), QStringLiteral("2")), QStringLiteral("s9"), update(QStringLiteral("w1"), QStringLiteral("viewing")));
        QCOMPARE(m_registry->snapshot(QStringLiteral("1")).size(), 1);
        QCOMPARE(m_registry->headSeq(QStringLiteral("2"), QStringLiteral("presence")), 1);
        m_registry->removeSession(QStringLiteral("2"), QStringLiteral("s1")); // not theirs
        QCOMPARE(m_registry->entryCount(QStringLiteral("1")), 1);
    }

    void aConnectionMayOpenOnlySoManyWidgets()
    {
        const AuthContext maria = user(QStringLiteral("maria"));
        for (int i = 0; i < PresenceRegistry::maxWidgetsPerConnection; ++i)
            QVERIFY(m_registry->apply(maria, QStringLiteral("s1"), update(QStringLiteral("w%1").arg(i), QStringLiteral("viewing"))).isEmpty());
        QVERIFY(!m_registry->apply(maria, QStringLiteral("s1"), update(QStringLiteral("w-more"), QStringLiteral("viewing"))).isEmpty());
        QVERIFY(m_registry->apply(maria, QStringLiteral("s2"), update(QStringLiteral("w-more"), QStringLiteral("viewing"))).isEmpty());
    }

    void theLogReplaysWithinItsRetentionAndEpoch()
    {
        const AuthContext maria = user(QStringLiteral("maria"));
        const int total = int(PresenceRegistry::retainedEvents) + 5;
        for (int i = 0; i < total; ++i) {
            m_registry->apply(maria, QStringLiteral("s1"),
                              update(QStringLiteral("w1"), QStringLiteral("editing"), i % 2 ? QStringLiteral("title") : QStringLiteral("greeting")));
        }
        const QString channel = QStringLiteral("presence");
        QCOMPARE(m_registry->headSeq(QStringLiteral("1"), channel), total);
        QCOMPARE(m_registry->oldestRetainedSeq(QStringLiteral("1"), channel), 6);
        QVERIFY(m_registry->canReplayFrom(QStringLiteral("1"), channel, 5));
        QVERIFY(!m_registry->canReplayFrom(QStringLiteral("1"), channel, 4));
        QVERIFY(!m_registry->canReplayFrom(QStringLiteral("1"), channel, total + 1));
        const QList<StoredEvent> tail = m_registry->readAfter(QStringLiteral("1"), channel, total - 3);
        QCOMPARE(tail.size(), 3);
        QCOMPARE(tail.first().seq, total - 2);
        QCOMPARE(m_registry->readAfter(QStringLiteral("1"), channel, 0, 10).size(), 10);

        const QString epoch = m_registry->epoch();
        m_registry->reset();
        QVERIFY(m_registry->epoch() != epoch);
        QCOMPARE(m_registry->headSeq(QStringLiteral("1"), channel), 0);
        QCOMPARE(m_registry->oldestRetainedSeq(QStringLiteral("1"), channel), 1);
    }

    void framesAreValidated()
    {
        QString problem;
        const auto good = PresenceUpdate::fromFrame(
            QJsonObject{{QStringLiteral("widget_id"), QStringLiteral("w1")}, {QStringLiteral("state"), QStringLiteral("editing")},
                        {QStringLiteral("field"), QStringLiteral("")}, {QStringLiteral("device"), QStringLiteral("Bar")}},
            &problem);
        QVERIFY2(good, qPrintable(problem));
        QVERIFY(good->field.isNull());
        QVERIFY(!PresenceUpdate::fromFrame(QJsonObject{{QStringLiteral("widget_id"), QStringLiteral("w1")}}, &problem));
        QVERIFY(problem.contains(QStringLiteral("state")));
        QVERIFY(!PresenceUpdate::fromFrame(
            QJsonObject{{QStringLiteral("widget_id"), QString(101, u'w')}, {QStringLiteral("state"), QStringLiteral("viewing")}},
            &problem));
    }

private:
    std::unique_ptr<PresenceRegistry> m_registry;
    qint64 m_now = 0;
};

QTEST_GUILESS_MAIN(TestServerPresence)
#include "tst_server_presence.moc"
