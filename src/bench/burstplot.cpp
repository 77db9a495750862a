#include "bench/burstplot.h"

#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <functional>

namespace hearth::bench {

namespace {

constexpr int width = 1000;
constexpr int panelHeight = 260;
constexpr int margin = 60;

// One panel: the series as a line, its y axis from 0 to `top`, and an optional budget line.
void drawPanel(QPainter &painter, const QRect &area, const QList<BurstSample> &samples, double endMs,
               const std::function<double(const BurstSample &)> &value, double top, const QString &title,
               double budget)
{
    painter.setPen(Qt::black);
    painter.drawRect(area);
    painter.drawText(area.adjusted(4, -20, 0, 0), Qt::AlignLeft | Qt::AlignTop, title);
    painter.drawText(QRect(0, area.top() - 8, margin - 6, 16), Qt::AlignRight | Qt::AlignVCenter,
                     QString::number(top, 'f', 0));
    painter.drawText(QRect(0, area.bottom() - 8, margin - 6, 16), Qt::AlignRight | Qt::AlignVCenter,
                     QStringLiteral("0"));
    const auto x = [&](double ms) { return area.left() + ms / endMs * area.width(); };
    const auto y = [&](double v) { return area.bottom() - std::min(v, top) / top * area.height(); };
    if (budget > 0) {
        painter.setPen(QPen(Qt::red, 1, Qt::DashLine));
        painter.drawLine(QPointF(area.left(), y(budget)), QPointF(area.right(), y(budget)));
    }
    QPainterPath path;
    for (qsizetype i = 0; i < samples.size(); ++i) {
        const QPointF point(x(samples[i].atMs), y(value(samples[i])));
        if (i == 0)
            path.moveTo(point);
        else
            path.lineTo(point);
    }
    painter.setPen(QPen(QColor(0x1f, 0x77, 0xb4), 2));
    painter.drawPath(path);
}

} // namespace

bool writeBurstPlot(const BurstResult &burst, const QString &path)
{
    if (burst.samples.isEmpty())
        return false;
    QImage image(width, 2 * panelHeight + 3 * margin, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const double endMs = std::max(1.0, burst.samples.constLast().atMs);
    double topRate = 1;
    double topStall = 20;
    for (const BurstSample &sample : burst.samples) {
        topRate = std::max(topRate, sample.eventsPerSecond);
        topStall = std::max(topStall, sample.longestStallMs);
    }
    const QRect rates(margin, margin, width - 2 * margin, panelHeight);
    const QRect stalls(margin, 2 * margin + panelHeight, width - 2 * margin, panelHeight);
    drawPanel(painter, rates, burst.samples, endMs, [](const BurstSample &s) { return s.eventsPerSecond; },
              topRate * 1.1,
              QStringLiteral("events applied per second — %1 events over %2 orders, table on screen")
                  .arg(burst.events).arg(burst.orders),
              0);
    drawPanel(painter, stalls, burst.samples, endMs, [](const BurstSample &s) { return s.longestStallMs; },
              topStall * 1.1, QStringLiteral("longest GUI-thread stall per 100 ms (ms); dashed: 16 ms budget"), 16);
    painter.setPen(Qt::black);
    painter.drawText(QRect(margin, image.height() - margin + 10, width - 2 * margin, 20), Qt::AlignCenter,
                     QStringLiteral("time since the first event was sent: %1 s").arg(endMs / 1000, 0, 'f', 1));
    painter.end();
    return image.save(path, "PNG");
}

} // namespace hearth::bench
