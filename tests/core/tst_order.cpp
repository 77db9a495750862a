#include "core/order.h"

#include <QtTest>

using namespace hearth;

class TestOrder final : public QObject
{
    Q_OBJECT

private slots:
    void forwardFlowIsOneStepAtATime()
    {
        QVERIFY(canTransition(OrderStatus::New, OrderStatus::Acknowledged));
        QVERIFY(canTransition(OrderStatus::Acknowledged, OrderStatus::Preparing));
        QVERIFY(canTransition(OrderStatus::Preparing, OrderStatus::Ready));
        QVERIFY(canTransition(OrderStatus::Ready, OrderStatus::Completed));
        QVERIFY(!canTransition(OrderStatus::New, OrderStatus::Ready));
        QVERIFY(!canTransition(OrderStatus::Preparing, OrderStatus::Acknowledged));
        QVERIFY(!canTransition(OrderStatus::New, OrderStatus::New));
    }

    void openOrdersCanBeCancelledFinalOnesCannotMove()
    {
        for (auto status : {OrderStatus::New, OrderStatus::Acknowledged, OrderStatus::Preparing,
                            OrderStatus::Ready})
            QVERIFY(canTransition(status, OrderStatus::Cancelled));
        for (auto status : {OrderStatus::Completed, OrderStatus::Cancelled}) {
            QVERIFY(isFinal(status));
            QVERIFY(!nextStatus(status).has_value());
            QVERIFY(!canTransition(status, OrderStatus::Cancelled));
            QVERIFY(!canTransition(status, OrderStatus::New));
        }
    }

    void wireNamesRoundTrip()
    {
        for (auto status : {OrderStatus::New, OrderStatus::Acknowledged, OrderStatus::Preparing,
                            OrderStatus::Ready, OrderStatus::Completed, OrderStatus::Cancelled})
            QCOMPARE(statusFromWire(statusToWire(status)), status);
        for (auto type : {OrderType::Pickup, OrderType::Delivery, OrderType::DineIn})
            QCOMPARE(typeFromWire(typeToWire(type)), type);
        QCOMPARE(typeToWire(OrderType::DineIn), QStringLiteral("dine_in"));
        QVERIFY(!statusFromWire(QStringLiteral("NEW")).has_value());
        QVERIFY(!typeFromWire(QString()).has_value());
    }
};

QTEST_APPLESS_MAIN(TestOrder)
#include "tst_order.moc"
