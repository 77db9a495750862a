#pragma once

// The dashboard's client stack (REST, realtime, sync, polling, the orders model) configured by
// the shipped Hafaloha profile and pointed at an in-test Rails: FakeCableServer for the cable and
// FakeHttpServer for the REST list, both fed from one table of Rails-shaped orders.
#include "cablefixtures.h"
#include "fakecableserver.h"
#include "fakehttpserver.h"

#include "api/restclient.h"
#include "models/ordersmodel.h"
#include "realtime/realtimeservice.h"
#include "sync/backendsetup.h"
#include "sync/orderssync.h"
#include "sync/pollingfallback.h"

#include <QDateTime>
#include <QJsonArray>
#include <QMap>
#include <QNetworkAccessManager>

namespace cabletest {

using namespace std::chrono_literals;

// The Rails app's orders table, as its serializer writes rows.
class RailsOrders
{
public:
    QJsonObject create(const QString &contact, const char *total)
    {
        const int id = m_nextId++;
        QJsonObject order{
            {QStringLiteral("id"), id},
            {QStringLiteral("order_number"), QString::number(100 + id)},
            {QStringLiteral("status"), QStringLiteral("pending")},
            {QStringLiteral("order_type"), QStringLiteral("pickup")},
            {QStringLiteral("contact_name"), contact},
            {QStringLiteral("special_instructions"), QStringLiteral("extra <shoyu> & napkins")},
            {QStringLiteral("total"), QString::fromLatin1(total)},
            {QStringLiteral("items"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Loco Moco")},
                                                             {QStringLiteral("quantity"), 1},
                                                             {QStringLiteral("price"), QString::fromLatin1(total)}}}},
            {QStringLiteral("created_at"), stamp()},
            {QStringLiteral("updated_at"), stamp()},
        };
        m_rows.insert(id, order);
        return order;
    }

    QJsonObject setStatus(int id, const QString &status)
    {
        QJsonObject &order = m_rows[id];
        order.insert(QStringLiteral("status"), status);
        order.insert(QStringLiteral("updated_at"), stamp());
        return order;
    }

    QByteArray listBody() const
    {
        QJsonArray orders;
        for (const QJsonObject &order : m_rows)
            orders.append(order);
        return QJsonDocument(QJsonObject{{QStringLiteral("orders"), orders}, {QStringLiteral("meta"), QJsonObject{{QStringLiteral("page"), 1}}}})
            .toJson(QJsonDocument::Compact);
    }

private:
    // Rails' timestamps in Hawaii time with microseconds; strictly increasing so that derived
    // versions grow with every change, as they do on a real server.
    QString stamp()
    {
        m_clock = m_clock.addMSecs(1);
        return m_clock.toOffsetFromUtc(-10 * 3600).toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz")) + QStringLiteral("123-10:00");
    }

    QMap<int, QJsonObject> m_rows;
    int m_nextId = 1;
    QDateTime m_clock = QDateTime(QDate(2026, 11, 20), QTime(18, 0), Qt::UTC);
};

struct CableStack
{
    QNetworkAccessManager network;
    hearth::RestClient rest{&network};
    hearth::RealtimeService realtime;
    hearth::OrdersSync sync{&realtime, &rest};
    hearth::PollingFallback polling{&realtime, &rest};
    hearth::OrdersModel model;
    hearth::BackendProfile profile;

    CableStack()
    {
        QObject::connect(&sync, &hearth::OrdersSync::ordersReplaced, &model, &hearth::OrdersModel::replaceAll);
        QObject::connect(&sync, &hearth::OrdersSync::ordersUpdated, &model, &hearth::OrdersModel::upsert);
        QObject::connect(&polling, &hearth::PollingFallback::ordersPolled, &sync, &hearth::OrdersSync::applyChanges);
        hearth::ReconnectPolicy policy;
        policy.initialDelay = 20ms;
        policy.maxDelay = 200ms;
        policy.connectTimeout = 3000ms;
        realtime.setReconnectPolicy(policy);
        realtime.setRandomSource([] { return 1.0; });
    }

    // The shipped profile, pointed at the test servers, with a fast ping period.
    bool configure(const QUrl &cable, const QUrl &http, std::chrono::milliseconds ping,
                   const QString &token = QStringLiteral("tok"))
    {
        QJsonObject json = hafalohaProfileJson();
        json.insert(QStringLiteral("url"), cable.toString());
        json.insert(QStringLiteral("heartbeat_ms"), qint64(ping.count()));
        QJsonObject restJson = json.value(QStringLiteral("rest")).toObject();
        restJson.insert(QStringLiteral("base_url"), http.toString());
        json.insert(QStringLiteral("rest"), restJson);
        profile = profileFrom(json);
        QString error;
        if (!hearth::BackendSetup::apply(profile, &rest, &realtime, &error))
            return false;
        hearth::BackendSetup::setToken(profile, token, &rest, &realtime);
        return true;
    }

    void go()
    {
        sync.start();
        realtime.start();
    }

    const hearth::Order *order(int railsId) const { return model.orderById(QString::number(railsId)); }
};

} // namespace cabletest
