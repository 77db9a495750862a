// The Dashboard's inventory wiring (the composition root, split so that the inventory's lines
// stay together): models following the client, the page, the low-stock notice that opens it,
// and the Orders page's mark for dishes that cannot be ordered now.
#include "ui/dashboard.h"

#include "models/unavailableitemsproxy.h"
#include "ui/inventorypage.h"
#include "ui/lowstocknotifier.h"
#include "ui/mainwindow.h"

#include <QStatusBar>
#include <QTimer>

namespace hearth {

void Dashboard::wireInventory()
{
    m_inventoryModel.follow(&m_inventory);
    m_menuModel.follow(&m_inventory);
    auto *page = new InventoryPage(&m_inventoryModel, &m_menuModel, &m_inventory);
    m_window->setInventoryPage(page);
    m_lowStock = new LowStockNotifier(m_window.get(), &m_inventoryModel, [this, page](const QString &itemId) {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
        m_window->showPage(MainWindow::Page::Inventory);
        page->showItem(itemId);
    }, this);
    connect(&m_inventory, &InventoryClient::problemChanged, m_window.get(), [this](const QString &message) {
        if (!message.isEmpty())
            m_window->statusBar()->showMessage(message);
    });
    UnavailableItemsProxy *marks = m_window->unavailableItems();
    connect(&m_menuModel, &MenuAvailabilityModel::availabilityChanged, marks,
            [this, marks] { marks->setUnavailableNames(m_menuModel.unavailableNames()); });
    // "Not served today" changes at midnight, with nothing on the wire to say so.
    auto *dayCheck = new QTimer(this);
    dayCheck->setInterval(60 * 1000);
    connect(dayCheck, &QTimer::timeout, &m_menuModel, &MenuAvailabilityModel::refreshDay);
    dayCheck->start();
}

} // namespace hearth
