#include "ui/viewappearance.h"

#include "models/orderspagesettings.h"

#include <QHeaderView>
#include <QMainWindow>
#include <QTableView>

namespace hearth {

ViewAppearance::ViewAppearance(QMainWindow *window, QTableView *orders, const OrdersPageSettings *settings)
    : QObject(window), m_window(window), m_orders(orders), m_settings(settings),
      m_baseFont(window->font()), m_basePalette(window->palette())
{
    connect(settings, &OrdersPageSettings::changed, this, &ViewAppearance::apply);
    apply();
}

void ViewAppearance::apply()
{
    QFont font = m_baseFont;
    const double base = m_baseFont.pointSizeF() > 0 ? m_baseFont.pointSizeF() : 10.0;
    const double size = base * (m_settings->kitchenMode() ? kitchenScale : 1.0) + m_settings->fontStep();
    font.setPointSizeF(qMax(6.0, size));
    if (m_settings->kitchenMode())
        font.setWeight(QFont::DemiBold);
    const bool plain = !m_settings->kitchenMode() && m_settings->fontStep() == 0;
    // Plain: no font of its own, so the system's (and a change of it) shows through.
    m_window->setFont(plain ? QFont() : font);

    QPalette palette; // none of its own unless in kitchen mode: the desktop's light or dark theme shows
    if (m_settings->kitchenMode()) {
        palette = m_basePalette;
        // White on black around the rows (whose status colours carry dark text), a yellow selection.
        for (QPalette::ColorRole role : {QPalette::Window, QPalette::Base, QPalette::AlternateBase, QPalette::Button})
            palette.setColor(role, QColor(0x10, 0x10, 0x10));
        for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::PlaceholderText})
            palette.setColor(role, Qt::white);
        palette.setColor(QPalette::Highlight, QColor(0xFF, 0xD4, 0x00));
        palette.setColor(QPalette::HighlightedText, Qt::black);
    }
    m_window->setPalette(palette);

    // Rows as tall as their text, whatever its size.
    m_orders->verticalHeader()->setDefaultSectionSize(QFontMetrics(m_window->font()).height() + 10);
    QHeaderView *header = m_orders->horizontalHeader();
    for (int column = 0; column < header->count(); ++column)
        header->setSectionHidden(column, !m_settings->isColumnShown(column));
}

} // namespace hearth
