#pragma once

// The widget roughly as a guest sees it on the restaurant's website: a card in the primary colour
// with the title, the greeting, the booking form (party size, slots) or the ordering facts
// (minimum order, pickup/delivery, the "paused" banner), the button and the opening hours.
// Painted from the settings being edited, so it follows every keystroke.
#include "core/widgetconfig.h"

#include <QWidget>

namespace hearth {

class WidgetPreview final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WidgetPreview)

public:
    explicit WidgetPreview(QWidget *parent = nullptr);

    void setContent(WidgetKind kind, const WidgetSettings &settings);
    WidgetKind kind() const { return m_kind; }
    const WidgetSettings &settings() const { return m_settings; }
    // The texts the card shows, top to bottom: what a screen reader reads, and what tests check.
    QStringList visibleTexts() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor primaryColor() const;

    WidgetKind m_kind = WidgetKind::Booking;
    WidgetSettings m_settings;
};

} // namespace hearth
