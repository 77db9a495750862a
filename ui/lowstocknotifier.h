#pragma once

// The low-stock notice: when an InventoryModel says a line fell to its threshold (once per
// crossing), a desktop message from the tray icon — "Eggs is running low" — whose click opens
// the Inventory page on that line, and the taskbar entry flashes. Where the PC has no tray (CI,
// offscreen, a kiosk) only announced() tells; nothing complains.
#include "core/inventoryitem.h"

#include <QObject>

#include <functional>

class QSystemTrayIcon;
class QWidget;

namespace hearth {

class InventoryModel;

class LowStockNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LowStockNotifier)

public:
    // `open` shows the Inventory page on the item (the message's click).
    LowStockNotifier(QWidget *window, InventoryModel *items, std::function<void(const QString &itemId)> open,
                     QObject *parent = nullptr);

    static QString title(const InventoryItem &item);
    static QString text(const InventoryItem &item);
    int noticesShown() const { return m_notices; }
    QString lastItemId() const { return m_lastItemId; }
    // What a click on the last message does (tests click it through here).
    void openLast();

signals:
    void announced(const hearth::InventoryItem &item);

private:
    void onBecameLow(const InventoryItem &item);

    QWidget *m_window;
    std::function<void(const QString &)> m_open;
    QSystemTrayIcon *m_tray = nullptr; // made when first needed, where there is a tray
    QString m_lastItemId;
    int m_notices = 0;
};

} // namespace hearth
