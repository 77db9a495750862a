#pragma once

// The kitchen-load state of the restaurant's ordering widgets, as GET /api/kitchen tells it
// (docs/protocol.md, "Kitchen load"). No I/O here.
#include "core/jsonreader.h"

#include <QList>
#include <QString>

namespace hearth {

struct KitchenWidgetControl
{
    QString widgetId;
    int busyAt = 0;        // 0: off
    int pauseAt = 0;       // 0: off
    int baseMinutes = 20;
    QString override;      // "auto", "open", "paused"
    QString state;         // "normal", "busy", "paused"
    bool autoPaused = false;
    int quotedMinutes = 0;
    int load = 0;
    QString message;       // the server's sentence (English)
};

struct KitchenStatus
{
    int load = 0;
    int openOrders = 0;
    int itemsInPreparation = 0;
    QList<KitchenWidgetControl> widgets;

    const KitchenWidgetControl *control(const QString &widgetId) const
    {
        for (const KitchenWidgetControl &control : widgets) {
            if (control.widgetId == widgetId)
                return &control;
        }
        return nullptr;
    }
};

namespace KitchenCodec {
Decoded<KitchenWidgetControl> controlFromJson(const QJsonObject &json);
Decoded<KitchenStatus> statusFromJson(const QJsonObject &json);
} // namespace KitchenCodec

} // namespace hearth
