#include "ui/lowstocknotifier.h"

#include "core/logging.h"
#include "models/inventorymodel.h"

#include <QApplication>
#include <QLocale>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QWidget>

namespace hearth {

LowStockNotifier::LowStockNotifier(QWidget *window, InventoryModel *items,
                                   std::function<void(const QString &)> open, QObject *parent)
    : QObject(parent), m_window(window), m_open(std::move(open))
{
    connect(items, &InventoryModel::becameLow, this, &LowStockNotifier::onBecameLow);
}

QString LowStockNotifier::title(const InventoryItem &item)
{
    //: a desktop notice's title; %1 the item ("Eggs")
    return tr("%1 is running low").arg(item.name);
}

QString LowStockNotifier::text(const InventoryItem &item)
{
    if (item.available() <= 0)
        return tr("None left to use. Click to open the inventory.");
    //: %1 the units left with their unit ("5 kg"), %2 the alert threshold
    return tr("%1 left (alert at %2). Click to open the inventory.")
        .arg(unitCount(item.available(), item.unit), QLocale().toString(item.threshold));
}

void LowStockNotifier::openLast()
{
    if (!m_lastItemId.isEmpty() && m_open)
        m_open(m_lastItemId);
}

void LowStockNotifier::onBecameLow(const InventoryItem &item)
{
    ++m_notices;
    m_lastItemId = item.id;
    qCInfo(lcUi).noquote() << "low stock:" << item.id << "available" << item.available() << "threshold"
                           << item.threshold;
    emit announced(item);
    QApplication::alert(m_window);
    if (!QSystemTrayIcon::isSystemTrayAvailable() || !QSystemTrayIcon::supportsMessages())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(this);
        const QIcon icon = m_window->windowIcon();
        m_tray->setIcon(icon.isNull() ? m_window->style()->standardIcon(QStyle::SP_MessageBoxWarning) : icon);
        m_tray->setToolTip(QApplication::applicationDisplayName());
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &LowStockNotifier::openLast);
        m_tray->show();
    }
    m_tray->showMessage(title(item), text(item), QSystemTrayIcon::Warning);
}

} // namespace hearth
