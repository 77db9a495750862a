#include "ui/widgetpreview.h"

#include "ui/openinghourstext.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace hearth {

namespace {

constexpr int cardWidth = 320;
constexpr int margin = 16;
constexpr int padding = 14;

QColor textOn(const QColor &background)
{
    // Relative luminance by the sRGB weights: light colours get dark text, dark ones white.
    const double luminance = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.6 ? QColor(0x22, 0x22, 0x22) : QColor(Qt::white);
}

QString money(qint64 cents)
{
    return QLocale().toCurrencyString(static_cast<double>(cents) / 100.0);
}

// The first few times a guest could pick today, from the first open day's first range.
QStringList sampleSlots(const WidgetSettings &settings)
{
    QStringList times;
    for (const QList<OpeningRange> &day : settings.openingHours.days) {
        if (day.isEmpty())
            continue;
        const int step = settings.slotMinutes > 0 ? settings.slotMinutes : 30;
        for (int minute = day.first().openMinute; minute + step <= day.first().closeMinute && times.size() < 4;
             minute += step)
            times.append(minuteToWire(minute));
        break;
    }
    return times;
}

QString leadTimeText(int minutes)
{
    if (minutes <= 0)
        return {};
    if (minutes % (24 * 60) == 0)
        return minutes == 24 * 60 ? WidgetPreview::tr("Book at least a day ahead")
                                  : WidgetPreview::tr("Book at least %1 days ahead").arg(minutes / (24 * 60));
    if (minutes % 60 == 0)
        return minutes == 60 ? WidgetPreview::tr("Book at least an hour ahead")
                             : WidgetPreview::tr("Book at least %1 hours ahead").arg(minutes / 60);
    return WidgetPreview::tr("Book at least %1 minutes ahead").arg(minutes);
}

struct Texts
{
    QString title;
    QString greeting;
    QStringList details; // the kind's own lines
    QString banner;      // paused ordering
    QString button;
    QStringList hours;
};

Texts textsOf(WidgetKind kind, const WidgetSettings &s)
{
    Texts texts;
    texts.title = s.title.isEmpty() ? WidgetPreview::tr("(no title)") : s.title;
    texts.greeting = s.greeting;
    texts.button = s.buttonText.isEmpty() ? WidgetPreview::tr("(no button text)") : s.buttonText;
    texts.hours = OpeningHoursText::summary(s.openingHours);
    if (kind == WidgetKind::Booking) {
        texts.details.append(WidgetPreview::tr("Guests: 2 (up to %1)").arg(s.maxPartySize));
        const QStringList times = sampleSlots(s);
        if (!times.isEmpty())
            texts.details.append(times.join(QStringLiteral("   ")));
        if (const QString lead = leadTimeText(s.leadTimeMinutes); !lead.isEmpty())
            texts.details.append(lead);
    } else {
        QStringList ways;
        if (s.pickupEnabled)
            ways.append(WidgetPreview::tr("Pickup"));
        if (s.deliveryEnabled)
            ways.append(WidgetPreview::tr("Delivery"));
        texts.details.append(ways.isEmpty() ? WidgetPreview::tr("Neither pickup nor delivery")
                                            : ways.join(QStringLiteral(" · ")));
        if (s.minimumOrderCents > 0)
            texts.details.append(WidgetPreview::tr("Minimum order %1").arg(money(s.minimumOrderCents)));
        if (s.paused)
            texts.banner = WidgetPreview::tr("Online orders are paused right now.");
    }
    return texts;
}

} // namespace

WidgetPreview::WidgetPreview(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("widgetPreview"));
    setAccessibleName(tr("Preview of the widget as guests see it"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
}

void WidgetPreview::setContent(WidgetKind kind, const WidgetSettings &settings)
{
    m_kind = kind;
    m_settings = settings;
    setAccessibleDescription(visibleTexts().join(u'\n'));
    update();
}

QStringList WidgetPreview::visibleTexts() const
{
    const Texts texts = textsOf(m_kind, m_settings);
    QStringList all{texts.title};
    if (!texts.greeting.isEmpty())
        all.append(texts.greeting);
    all += texts.details;
    if (!texts.banner.isEmpty())
        all.append(texts.banner);
    all.append(texts.button);
    all += texts.hours;
    if (!m_settings.enabled)
        all.append(tr("Switched off: guests do not see this widget."));
    return all;
}

QSize WidgetPreview::sizeHint() const
{
    return {cardWidth + 2 * margin, 460};
}

QSize WidgetPreview::minimumSizeHint() const
{
    return {220, 240};
}

QColor WidgetPreview::primaryColor() const
{
    const QColor color = QColor::fromString(m_settings.primaryColor);
    return color.isValid() && m_settings.primaryColor.startsWith(u'#') ? color : QColor(0x88, 0x88, 0x88);
}

void WidgetPreview::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), QColor(0xf1, 0xee, 0xea)); // the website around the widget

    const Texts texts = textsOf(m_kind, m_settings);
    const QColor primary = primaryColor();
    const int width = qMin(cardWidth, this->width() - 2 * margin);
    const int x = (this->width() - width) / 2;
    const int inner = width - 2 * padding;
    QFont base = font();
    QFont titleFont = base;
    titleFont.setPointSizeF(base.pointSizeF() * 1.35);
    titleFont.setBold(true);
    QFont small = base;
    small.setPointSizeF(base.pointSizeF() * 0.9);

    // Measure first, so the card's shadow and body are drawn at their final height.
    const QFontMetrics titleMetrics(titleFont);
    const QRect titleRect = titleMetrics.boundingRect(QRect(0, 0, inner, 1000), Qt::TextWordWrap, texts.title);
    const int headerHeight = titleRect.height() + 2 * padding;
    const QFontMetrics baseMetrics(base);
    const QRect greetingRect = texts.greeting.isEmpty()
        ? QRect() : baseMetrics.boundingRect(QRect(0, 0, inner, 1000), Qt::TextWordWrap, texts.greeting);
    const int lineHeight = baseMetrics.height() + 6;
    const int smallLine = QFontMetrics(small).height() + 2;
    const int bannerHeight = texts.banner.isEmpty() ? 0 : lineHeight + 12;
    const int buttonHeight = baseMetrics.height() + 16;
    const int bodyHeight = padding + (greetingRect.isNull() ? 0 : greetingRect.height() + 10)
        + static_cast<int>(texts.details.size()) * (lineHeight + 4) + bannerHeight + 6 + buttonHeight + 14
        + smallLine * (1 + static_cast<int>(texts.hours.size())) + padding;
    const QRect card(x, margin, width, headerHeight + bodyHeight);

    p.setOpacity(m_settings.enabled ? 1.0 : 0.45);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0, 0, 0, 28));
    p.drawRoundedRect(card.translated(0, 3), 10, 10);
    p.setBrush(Qt::white);
    p.drawRoundedRect(card, 10, 10);

    QPainterPath header;
    header.addRoundedRect(QRectF(card.x(), card.y(), card.width(), headerHeight + 10), 10, 10);
    QPainterPath clip;
    clip.addRect(QRectF(card.x(), card.y(), card.width(), headerHeight));
    p.setBrush(primary);
    p.drawPath(header.intersected(clip));
    p.setPen(textOn(primary));
    p.setFont(titleFont);
    p.drawText(QRect(card.x() + padding, card.y() + padding, inner, titleRect.height()), Qt::TextWordWrap, texts.title);

    int y = card.y() + headerHeight + padding;
    const int left = card.x() + padding;
    p.setFont(base);
    p.setPen(QColor(0x44, 0x44, 0x44));
    if (!greetingRect.isNull()) {
        p.drawText(QRect(left, y, inner, greetingRect.height()), Qt::TextWordWrap, texts.greeting);
        y += greetingRect.height() + 10;
    }
    for (const QString &line : texts.details) {
        p.setPen(QColor(0xd4, 0xd0, 0xcb));
        p.setBrush(QColor(0xfa, 0xf9, 0xf7));
        p.drawRoundedRect(QRect(left, y, inner, lineHeight), 5, 5);
        p.setPen(QColor(0x33, 0x33, 0x33));
        p.drawText(QRect(left + 8, y, inner - 16, lineHeight), Qt::AlignVCenter, line);
        y += lineHeight + 4;
    }
    if (!texts.banner.isEmpty()) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xfd, 0xec, 0xc8));
        p.drawRoundedRect(QRect(left, y + 4, inner, lineHeight + 4), 5, 5);
        p.setPen(QColor(0x7a, 0x4a, 0x00));
        p.drawText(QRect(left + 8, y + 4, inner - 16, lineHeight + 4), Qt::AlignVCenter, texts.banner);
        y += bannerHeight;
    }
    y += 6;
    const bool buttonUsable = !(m_kind == WidgetKind::Ordering && m_settings.paused);
    const QColor buttonColor = buttonUsable ? primary : QColor(0xbb, 0xbb, 0xbb);
    p.setPen(Qt::NoPen);
    p.setBrush(buttonColor);
    p.drawRoundedRect(QRect(left, y, inner, buttonHeight), 6, 6);
    QFont buttonFont = base;
    buttonFont.setBold(true);
    p.setFont(buttonFont);
    p.setPen(textOn(buttonColor));
    p.drawText(QRect(left, y, inner, buttonHeight), Qt::AlignCenter,
               QFontMetrics(buttonFont).elidedText(texts.button, Qt::ElideRight, inner - 12));
    y += buttonHeight + 14;

    p.setFont(small);
    p.setPen(QColor(0x66, 0x66, 0x66));
    QFont smallBold = small;
    smallBold.setBold(true);
    p.setFont(smallBold);
    p.drawText(QRect(left, y, inner, smallLine), Qt::AlignLeft, tr("Opening hours"));
    p.setFont(small);
    y += smallLine;
    for (const QString &line : texts.hours) {
        p.drawText(QRect(left, y, inner, smallLine), Qt::AlignLeft,
                   QFontMetrics(small).elidedText(line, Qt::ElideRight, inner));
        y += smallLine;
    }

    if (!m_settings.enabled) {
        p.setOpacity(1.0);
        const QString off = tr("Switched off: guests do not see this widget.");
        QFont offFont = base;
        offFont.setBold(true);
        p.setFont(offFont);
        const QRect badge = QFontMetrics(offFont).boundingRect(QRect(0, 0, inner, 200), Qt::TextWordWrap | Qt::AlignCenter, off)
                                .adjusted(-10, -8, 10, 8);
        const QRect placed(card.center().x() - badge.width() / 2, card.y() + headerHeight + 20, badge.width(), badge.height());
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x33, 0x33, 0x33, 230));
        p.drawRoundedRect(placed, 6, 6);
        p.setPen(Qt::white);
        p.drawText(placed, Qt::TextWordWrap | Qt::AlignCenter, off);
    }
}

} // namespace hearth
