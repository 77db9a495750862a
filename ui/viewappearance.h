#pragma once

// Applies the View preferences to the window: kitchen mode (large text, white on black around
// the status-coloured rows), the text size steps and the columns shown. Reads
// OrdersPageSettings; changes nothing but looks.
#include <QFont>
#include <QObject>
#include <QPalette>

class QMainWindow;
class QTableView;

namespace hearth {

class OrdersPageSettings;

class ViewAppearance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ViewAppearance)

public:
    static constexpr double kitchenScale = 1.5;

    ViewAppearance(QMainWindow *window, QTableView *orders, const OrdersPageSettings *settings);

    void apply();

private:
    QMainWindow *m_window;
    QTableView *m_orders;
    const OrdersPageSettings *m_settings;
    QFont m_baseFont;
    QPalette m_basePalette;
};

} // namespace hearth
