#pragma once

// The dashboard's inventory stack as a profile backend gets it: an OrdersClient configured by an
// edited shipped profile (BackendSetup, as `hearth --profile FILE`), an InventoryClient on top
// and an InventoryModel under QAbstractItemModelTester; and the backend's stock rows with the
// foreign field names (stock_quantity, damaged_quantity, low_stock_threshold, updated_at).
// Shared by the Action Cable and Phoenix inventory tests.
#include "foreignwidgets.h"

#include "models/inventorymodel.h"
#include "profile/profileparser.h"
#include "sync/backendsetup.h"
#include "sync/inventoryclient.h"
#include "sync/ordersclient.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <chrono>

namespace foreigninventory {

using namespace std::chrono_literals;

// A backend's inventory_items table.
class StockRows
{
public:
    QJsonObject put(const QString &id, const QString &name, int stock, int damaged, int threshold)
    {
        QJsonObject row{{QStringLiteral("id"), id},
                        {QStringLiteral("name"), name},
                        {QStringLiteral("stock_quantity"), stock},
                        {QStringLiteral("damaged_quantity"), damaged},
                        {QStringLiteral("low_stock_threshold"), threshold},
                        {QStringLiteral("unit"), QStringLiteral("kg")},
                        {QStringLiteral("restaurant_id"), 1},
                        {QStringLiteral("updated_at"), m_stamps.next()}};
        m_rows.insert(id, row);
        return row;
    }
    QJsonArray all() const
    {
        QJsonArray rows;
        for (const QJsonObject &row : m_rows)
            rows.append(row);
        return rows;
    }

private:
    foreignwidgets::Stamps m_stamps;
    QMap<QString, QJsonObject> m_rows;
};

struct ForeignInventoryStack
{
    ForeignInventoryStack()
    {
        model.follow(&inventory);
        hearth::ReconnectPolicy policy;
        policy.initialDelay = 20ms;
        policy.maxDelay = 200ms;
        policy.connectTimeout = 3000ms;
        client.realtime().setReconnectPolicy(policy);
        client.realtime().setRandomSource([] { return 1.0; });
    }

    bool configure(const QJsonObject &json, const QString &token = QStringLiteral("tok"))
    {
        const hearth::Decoded<hearth::BackendProfile> parsed = hearth::ProfileParser::fromJson(json);
        if (!parsed.ok()) {
            qWarning("test profile invalid: %s", qPrintable(parsed.errorString()));
            return false;
        }
        profile = *parsed.value;
        QString error;
        if (!hearth::BackendSetup::apply(profile, &client.rest(), &client.realtime(), &error))
            return false;
        hearth::BackendSetup::setToken(profile, token, &client.rest(), &client.realtime());
        return true;
    }

    void go()
    {
        client.start();
        inventory.start();
    }

    hearth::OrdersClient client;
    hearth::InventoryClient inventory{client};
    hearth::InventoryModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    hearth::BackendProfile profile;
};

} // namespace foreigninventory
