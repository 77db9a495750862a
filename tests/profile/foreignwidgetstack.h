#pragma once

// The dashboard's widgets stack as a profile backend gets it: an OrdersClient (one socket, one
// REST client) configured through BackendSetup by an edited shipped profile, a WidgetsClient on
// top and a WidgetConfigModel under QAbstractItemModelTester — exactly what Dashboard wires for
// `hearth --profile FILE`. Shared by the Action Cable and Phoenix widget tests.
#include "models/widgetconfigmodel.h"
#include "profile/profileparser.h"
#include "sync/backendsetup.h"
#include "sync/ordersclient.h"
#include "sync/widgetsclient.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QUrl>

#include <chrono>

namespace foreignwidgets {

using namespace std::chrono_literals;

struct ForeignWidgetStack
{
    ForeignWidgetStack()
    {
        model.follow(&widgets);
        hearth::ReconnectPolicy policy;
        policy.initialDelay = 20ms;
        policy.maxDelay = 200ms;
        policy.connectTimeout = 3000ms;
        client.realtime().setReconnectPolicy(policy);
        client.realtime().setRandomSource([] { return 1.0; });
        hearth::PollingPolicy polling;
        polling.startAfter = 50ms;
        polling.interval = 100ms;
        polling.jitter = 0;
        client.polling().setPolicy(polling);
    }

    // `json`: a shipped profile already pointed at the test servers.
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
        widgets.start();
    }

    const hearth::WidgetConfig *widget(const QString &id) const { return model.widgetById(id); }
    QString title(const QString &id) const
    {
        const hearth::WidgetConfig *w = widget(id);
        return w ? w->settings.title : QString();
    }

    hearth::OrdersClient client;
    hearth::WidgetsClient widgets{client};
    hearth::WidgetConfigModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    hearth::BackendProfile profile;
};

} // namespace foreignwidgets
