#pragma once

// What the sync-layer unit tests share: a RealtimeService that never connects (the tests play
// its signals), a RestClient pointed at a FakeHttpServer that holds every request until the
// test answers it, and helpers for snapshot bodies.
#include "fakehttpserver.h"

#include "api/restclient.h"
#include "core/ordercodec.h"
#include "realtime/realtimeservice.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QtTest>

namespace hearth::test {

inline Order makeOrder(int number, qint64 version = 1, OrderStatus status = OrderStatus::New)
{
    Order order;
    order.id = QStringLiteral("ord-%1").arg(number);
    order.number = number;
    order.status = status;
    order.type = OrderType::Pickup;
    order.customerName = QStringLiteral("Guest %1").arg(number);
    order.items = {OrderItem{QStringLiteral("Soup"), 1, 650}};
    order.totalCents = 650;
    order.createdAt = QDateTime::currentDateTimeUtc().addSecs(-600 + number);
    order.updatedAt = order.createdAt.addSecs(version);
    if (status != OrderStatus::New)
        order.acknowledgedAt = order.createdAt.addSecs(1);
    order.version = version;
    return order;
}

inline FakeHttpServer::Response snapshotResponse(const QList<Order> &orders, const QString &epoch, qint64 seq)
{
    QJsonObject body{{QStringLiteral("orders"), OrderCodec::toJsonArray(orders)},
                     {QStringLiteral("epoch"), epoch},
                     {QStringLiteral("seq"), seq}};
    return FakeHttpServer::Response::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

inline FakeHttpServer::Response errorResponse(int status)
{
    return FakeHttpServer::Response::json(
        status, QByteArrayLiteral(R"({"error":{"code":"oops","message":"The server is having trouble."}})"));
}

struct SyncFixture
{
    FakeHttpServer http;
    QNetworkAccessManager network;
    RestClient rest{&network};
    RealtimeService realtime;

    SyncFixture()
    {
        http.handler = [](const FakeHttpServer::Request &) { return FakeHttpServer::Response::silence(); };
        if (!http.listen())
            qFatal("cannot listen on loopback");
        rest.setBaseUrl(http.url());
        rest.setToken(QStringLiteral("token"));
    }

    // The link says the channel could not be resumed; the stream goes on after `serverSeq`.
    void requireSnapshot(qint64 serverSeq, const QString &epoch = QStringLiteral("e1"))
    {
        emit realtime.snapshotRequired(QStringLiteral("orders"), SyncPosition{epoch, serverSeq});
    }
};

} // namespace hearth::test
