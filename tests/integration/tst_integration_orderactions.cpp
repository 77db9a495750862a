// Order actions end to end: the real client stack against the real hearth-server over loopback.
// An action whose answer is lost is retried with its key and applied once; actions taken offline
// wait in the durable queue (the row's "queued" state), go out in order once the server is back,
// each applied once, also from a client process killed and restarted on its queue; a queued
// action the order has moved past is shown and never applied; recall and reopen.
#include "clientstack.h"

#include "../faults/faultyproxy.h"
#include "core/ordercodec.h"
#include "models/orderproblemsproxy.h"
#include "server/eventlog.h"

#include <QJsonDocument>
#include <QProcess>

using namespace hearth;
using namespace hearth::test;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace {

QString restaurant()
{
    return QString(server::DemoAccounts::restaurantId);
}

} // namespace

class TestIntegrationOrderActions final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        server::ServerOptions options = testServerOptions(*m_dir);
        options.reconnectAfterMs = 100;
        m_server = std::make_unique<server::HearthServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }
    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void lostAnswerIsRetriedWithTheSameKeyAndAppliedOnce();
    void offlineActionsAreSentInOrderOnceWhenTheServerIsBack();
    void aQueuedActionTheOrderMovedPastIsShownNotApplied();
    void aKilledProcessSendsItsQueuedActionOnceAfterRestart();
    void recallUndoesTheLastChangeAndReopenBringsACompletedOrderBack();

private:
    // The client stack as the dashboard wires it: the actions' answers land in the model, quick
    // retries, and the reconnects of a test.
    void wire(ClientStack &stack)
    {
        QObject::connect(&stack.client.actions(), &OrderActions::orderChanged, &stack.model, &OrdersModel::upsert);
        stack.client.actions().setRetryDelays(50ms, 300ms);
        stack.realtime.setReconnectPolicy(ReconnectPolicy{50ms, 300ms, 5000ms, 0});
    }

    bool startSignedIn(ClientStack &stack)
    {
        wire(stack);
        if (!stack.signInTo(*m_server))
            return false;
        QSignalSpy snapshot(&stack.sync, &OrdersSync::snapshotLoaded);
        stack.go();
        return snapshot.wait(10000);
    }

    Order serverOrder(const QString &id) const
    {
        return m_server->orders()->find(restaurant(), id).value_or(Order{});
    }
    qint64 ordersHead() const
    {
        return m_server->eventLog()->headSeq(restaurant(), QString(server::OrderEvents::channel));
    }
    // (order id, event type) of every orders event after `seq`, in order.
    QList<std::pair<QString, QString>> eventsAfter(qint64 seq) const
    {
        QList<std::pair<QString, QString>> seen;
        const QList<server::StoredEvent> events =
            m_server->eventLog()->readAfter(restaurant(), QString(server::OrderEvents::channel), seq);
        for (const server::StoredEvent &event : events)
            seen.append({QJsonDocument::fromJson(event.data).object().value("id"_L1).toString(), event.type});
        return seen;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<server::HearthServer> m_server;
};

void TestIntegrationOrderActions::lostAnswerIsRetriedWithTheSameKeyAndAppliedOnce()
{
    const Order order = m_server->orders()->createRandomOrder(restaurant());
    ClientStack a;
    QVERIFY(startSignedIn(a));
    QTRY_VERIFY_WITH_TIMEOUT(a.model.orderById(order.id), 10000);
    faults::FaultyProxy proxy;
    QVERIFY(proxy.listen(m_server->httpUrl()));
    a.rest.setBaseUrl(proxy.url()); // REST through the proxy from here on
    const qint64 head = ordersHead();

    // The moment the server has applied the action — before its answer is written — every
    // connection through the proxy is reset and new ones are refused: the client sees a
    // network error and cannot know the action was applied.
    int cuts = 0;
    QObject::connect(m_server->orders(), &server::OrderService::eventAppended, &proxy, [&] {
        if (cuts++ == 0) {
            proxy.dropAll();
            proxy.setRefusing(true);
        }
    });
    OrderActions &actions = a.client.actions();
    actions.acknowledge(*a.model.orderById(order.id));
    QCOMPARE(actions.queuedCount(), 1);
    const QString key = actions.queue().head()->idempotencyKey;
    QTRY_VERIFY_WITH_TIMEOUT(actions.queue().head() && actions.queue().head()->attempts >= 2, 10000);
    QCOMPARE(serverOrder(order.id).status, OrderStatus::Acknowledged); // applied, answer lost
    QCOMPARE(actions.queuedCount(), 1);                                 // so it is still owed
    QVERIFY(actions.isQueued(order.id));
    QCOMPARE(actions.queue().head()->idempotencyKey, key); // every retry is the same request

    QVERIFY(proxy.setRefusing(false));
    QTRY_COMPARE_WITH_TIMEOUT(actions.queuedCount(), 0, 10000);
    QCOMPARE(cuts, 1);
    QCOMPARE(serverOrder(order.id).version, order.version + 1); // the retry was answered from its key
    QCOMPARE(eventsAfter(head), (QList<std::pair<QString, QString>>{{order.id, u"order.acknowledged"_s}}));
    QVERIFY(!actions.isQueued(order.id));
    QTRY_COMPARE_WITH_TIMEOUT(a.model.orderById(order.id)->status, OrderStatus::Acknowledged, 5000);
}

void TestIntegrationOrderActions::offlineActionsAreSentInOrderOnceWhenTheServerIsBack()
{
    const Order first = m_server->orders()->createRandomOrder(restaurant());
    const Order second = m_server->orders()->createRandomOrder(restaurant());
    ClientStack a;
    QVERIFY(a.client.actions().openQueue(m_dir->filePath(u"actions.sqlite"_s)));
    QVERIFY(startSignedIn(a));
    QTRY_VERIFY_WITH_TIMEOUT(a.model.orderById(first.id) && a.model.orderById(second.id), 10000);
    // The row as the window shows it, checked like every model.
    OrderProblemsProxy rows(&a.model);
    QAbstractItemModelTester tester(&rows, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OrderActions &actions = a.client.actions();
    QObject::connect(&actions, &OrderActions::queueChanged, &rows, [&](const QString &orderId) {
        const Order *order = a.model.orderById(orderId);
        rows.setQueued(orderId, order ? statusDisplayName(actions.expectedStatus(*order).value_or(order->status)) : QString(),
                       actions.isQueued(orderId) ? actions.queuedActionNames(orderId) : QStringList());
    });
    const qint64 head = ordersHead();

    m_server->stop();
    // Staff keep working: each action made on the order as the screen shows it (still New).
    actions.acknowledge(*a.model.orderById(first.id));
    actions.acknowledge(*a.model.orderById(second.id));
    actions.moveTo(*a.model.orderById(first.id), OrderStatus::Preparing);
    actions.moveTo(*a.model.orderById(second.id), OrderStatus::Cancelled);
    QCOMPARE(actions.queuedCount(), 4);
    QCOMPARE(actions.queue().isDurable(), true);
    QTRY_VERIFY_WITH_TIMEOUT(actions.isQueued(first.id) && actions.requestsSent() >= 1 && !actions.isBusy(first.id), 10000);
    QCOMPARE(actions.expectedStatus(*a.model.orderById(first.id)), OrderStatus::Preparing);
    const QModelIndex status = rows.index(a.model.rowOf(first.id), OrdersModel::StatusColumn);
    QCOMPARE(status.data().toString(), OrderProblemsProxy::queuedStatusText(u"Preparing"_s));
    QVERIFY2(status.data(Qt::ToolTipRole).toString().contains(u"Start preparing"_s),
             qPrintable(status.data(Qt::ToolTipRole).toString()));

    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(actions.queuedCount(), 0, 15000);
    const QList<std::pair<QString, QString>> expected{{first.id, u"order.acknowledged"_s},
                                                      {second.id, u"order.acknowledged"_s},
                                                      {first.id, u"order.status_changed"_s},
                                                      {second.id, u"order.status_changed"_s}};
    QCOMPARE(eventsAfter(head), expected); // in the order they were made, each once
    QCOMPARE(serverOrder(first.id).status, OrderStatus::Preparing);
    QCOMPARE(serverOrder(first.id).version, first.version + 2);
    QCOMPARE(serverOrder(second.id).status, OrderStatus::Cancelled);
    QCOMPARE(serverOrder(second.id).version, second.version + 2);
    QTRY_COMPARE_WITH_TIMEOUT(rows.index(a.model.rowOf(first.id), OrdersModel::StatusColumn).data().toString(),
                              u"Preparing"_s, 5000);
}

void TestIntegrationOrderActions::aQueuedActionTheOrderMovedPastIsShownNotApplied()
{
    const Order order = m_server->orders()->createRandomOrder(restaurant());
    QVERIFY(m_server->orders()->acknowledge(restaurant(), order.id).ok());
    ClientStack a;
    QVERIFY(startSignedIn(a));
    QTRY_VERIFY_WITH_TIMEOUT(a.model.orderById(order.id) && a.model.orderById(order.id)->version == 2, 10000);
    OrderActions &actions = a.client.actions();
    QSignalSpy failed(&actions, &OrderActions::actionFailed);

    // This PC loses the server (REST to a dead port, no stream) and queues two moves…
    a.realtime.stop();
    a.rest.setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(refusedLoopbackPort())));
    const Order seen = *a.model.orderById(order.id);
    actions.moveTo(seen, OrderStatus::Preparing);
    actions.moveTo(seen, OrderStatus::Ready);
    QTRY_VERIFY_WITH_TIMEOUT(actions.isQueued(order.id) && !actions.isBusy(order.id), 10000);
    // …while another PC cancels the order.
    QVERIFY(m_server->orders()->setStatus(restaurant(), order.id, OrderStatus::Cancelled).ok());
    const qint64 head = ordersHead();

    a.rest.setBaseUrl(m_server->httpUrl());
    actions.retryNow();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QCOMPARE(failed.at(0).at(0).toString(), order.id);
    const QString message = failed.at(0).at(1).toString();
    QVERIFY2(message.contains(u"Start preparing"_s) && message.contains(u"Cancelled"_s), qPrintable(message));
    QVERIFY2(message.contains(u"1 later change"_s), qPrintable(message)); // "Mark ready" went with it
    QCOMPARE(actions.queuedCount(), 0);
    QVERIFY(eventsAfter(head).isEmpty()); // nothing applied blindly
    QCOMPARE(serverOrder(order.id).status, OrderStatus::Cancelled);
    // The 409 carried the order as it is: the model shows it at once.
    QCOMPARE(a.model.orderById(order.id)->status, OrderStatus::Cancelled);
}

void TestIntegrationOrderActions::aKilledProcessSendsItsQueuedActionOnceAfterRestart()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGKILL is a Unix signal");
#else
    const QString queue = m_dir->filePath(u"crash-actions.sqlite"_s);
    const Order order = m_server->orders()->createRandomOrder(restaurant());
    const qint64 head = ordersHead();

    QProcess queuer;
    queuer.start(QStringLiteral(HEARTH_ORDER_CRASH_CLIENT),
                 {u"queue"_s, m_server->httpUrl().toString(), queue, order.id, QString::number(order.version)});
    QVERIFY(queuer.waitForStarted(10000));
    QByteArray said;
    QTRY_VERIFY2_WITH_TIMEOUT((said += queuer.readAllStandardOutput()).contains("queued"),
                              queuer.readAllStandardError().right(3000).constData(), 20000);
    queuer.kill(); // SIGKILL: no destructor, no flush
    QVERIFY(queuer.waitForFinished(10000));
    QCOMPARE(queuer.exitStatus(), QProcess::CrashExit);
    QCOMPARE(serverOrder(order.id).status, OrderStatus::New);

    // Twice: the second run finds nothing left, so the action cannot be sent again.
    for (int run = 0; run < 2; ++run) {
        QProcess sender;
        sender.start(QStringLiteral(HEARTH_ORDER_CRASH_CLIENT), {u"send"_s, m_server->httpUrl().toString(), queue});
        QVERIFY(sender.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(sender.state() == QProcess::NotRunning, 25000);
        QCOMPARE(sender.exitCode(), 0);
        QVERIFY(sender.readAllStandardOutput().contains("sent"));
    }
    QCOMPARE(serverOrder(order.id).status, OrderStatus::Acknowledged);
    QCOMPARE(serverOrder(order.id).version, order.version + 1);
    QCOMPARE(eventsAfter(head), (QList<std::pair<QString, QString>>{{order.id, u"order.acknowledged"_s}}));
#endif
}

void TestIntegrationOrderActions::recallUndoesTheLastChangeAndReopenBringsACompletedOrderBack()
{
    const Order order = m_server->orders()->createRandomOrder(restaurant());
    ClientStack a;
    QVERIFY(startSignedIn(a));
    QTRY_VERIFY_WITH_TIMEOUT(a.model.orderById(order.id), 10000);
    OrderActions &actions = a.client.actions();
    const qint64 head = ordersHead();

    actions.acknowledge(*a.model.orderById(order.id));
    actions.moveTo(*a.model.orderById(order.id), OrderStatus::Preparing); // chained on the acknowledge
    QTRY_COMPARE_WITH_TIMEOUT(actions.queuedCount(), 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(a.model.orderById(order.id)->status, OrderStatus::Preparing, 5000);
    actions.recall(*a.model.orderById(order.id));
    QTRY_COMPARE_WITH_TIMEOUT(actions.queuedCount(), 0, 10000);
    QCOMPARE(serverOrder(order.id).status, OrderStatus::Acknowledged);
    QTRY_COMPARE_WITH_TIMEOUT(a.model.orderById(order.id)->status, OrderStatus::Acknowledged, 5000);
    QCOMPARE(eventsAfter(head).constLast(), (std::pair<QString, QString>{order.id, u"order.recalled"_s}));

    // An action not yet sent is taken back here; the server never hears of it.
    actions.stop();
    const qint64 beforeUnsent = ordersHead();
    actions.moveTo(*a.model.orderById(order.id), OrderStatus::Preparing);
    QCOMPARE(actions.queuedCount(), 1);
    actions.recall(*a.model.orderById(order.id));
    QCOMPARE(actions.queuedCount(), 0);
    actions.start();
    QCOMPARE(ordersHead(), beforeUnsent);

    // Reopen: completed elsewhere, brought back here.
    for (OrderStatus status : {OrderStatus::Preparing, OrderStatus::Ready, OrderStatus::Completed})
        QVERIFY(m_server->orders()->setStatus(restaurant(), order.id, status).ok());
    QTRY_COMPARE_WITH_TIMEOUT(a.model.orderById(order.id)->status, OrderStatus::Completed, 10000);
    actions.reopen(*a.model.orderById(order.id));
    QTRY_COMPARE_WITH_TIMEOUT(actions.queuedCount(), 0, 10000);
    QCOMPARE(serverOrder(order.id).status, OrderStatus::Ready);
    QCOMPARE(eventsAfter(head).constLast(), (std::pair<QString, QString>{order.id, u"order.reopened"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(a.model.orderById(order.id)->status, OrderStatus::Ready, 5000);
}

QTEST_GUILESS_MAIN(TestIntegrationOrderActions)
#include "tst_integration_orderactions.moc"
