#pragma once

// The Widgets page's client stack without widgets: an OrdersClient (one socket, one REST client)
// with a WidgetsClient on top and a WidgetConfigModel under QAbstractItemModelTester, signed in
// to a real hearth-server on loopback; plus what the tests read back from the server.
#include "clientstack.h"

#include "core/widgetcodec.h"
#include "models/widgetconfigmodel.h"
#include "server/eventlog.h"
#include "server/widgetservice.h"
#include "sync/widgetsclient.h"
#include "sync/widgetspolling.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>

namespace hearth::test {

struct WidgetStack
{
    explicit WidgetStack(const QString &device)
    {
        model.follow(&widgets);
        widgets.setDeviceName(device);
    }

    bool signInTo(const server::HearthServer &server, QLatin1StringView username = server::DemoAccounts::managerUsername,
                  QLatin1StringView password = server::DemoAccounts::managerPassword)
    {
        QSignalSpy signedIn(&base.signIn, &SignIn::signedIn);
        base.signIn.signIn(ServerAddress::fromHttpBase(server.httpUrl()), QString(username), QString(password));
        return signedIn.wait(10000);
    }

    // Starts orders and widgets; true once the widgets snapshot is in.
    bool go()
    {
        base.go();
        widgets.start();
        return QTest::qWaitFor([this] { return widgets.sync().snapshotsLoaded() > 0; }, 10000);
    }

    QString widgetOfKind(WidgetKind kind) const
    {
        for (const WidgetConfig &widget : widgets.widgets()) {
            if (widget.kind == kind)
                return widget.id;
        }
        return {};
    }

    QString titleInModel(const QString &widgetId) const
    {
        const int row = model.rowOf(widgetId);
        return row < 0 ? QString() : model.effectiveSettings(row).title; // as the editor shows it
    }

    ClientStack base;
    WidgetsClient widgets{base.client};
    WidgetConfigModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
};

inline WidgetConfig serverWidget(server::HearthServer &server, const QString &widgetId)
{
    return server.widgets()->find(QString(server::DemoAccounts::restaurantId), widgetId).value_or(WidgetConfig{});
}

// The widgets events after `afterSeq` that touched `widgetId`, in order.
inline QList<WidgetConfig> widgetEvents(server::HearthServer &server, qint64 afterSeq, const QString &widgetId = {})
{
    QList<WidgetConfig> widgets;
    const QList<server::StoredEvent> events = server.eventLog()->readAfter(
        QString(server::DemoAccounts::restaurantId), QString(server::WidgetEvents::channel), afterSeq);
    for (const server::StoredEvent &event : events) {
        const Decoded<WidgetConfig> widget = WidgetCodec::fromJson(QJsonDocument::fromJson(event.data).object());
        if (widget.ok() && (widgetId.isEmpty() || widget.value->id == widgetId))
            widgets.append(*widget.value);
    }
    return widgets;
}

inline qint64 widgetsHead(server::HearthServer &server)
{
    return server.eventLog()->headSeq(QString(server::DemoAccounts::restaurantId),
                                      QString(server::WidgetEvents::channel));
}

} // namespace hearth::test
