#include "models/kitchenticket.h"

#include "models/ordernotesproxy.h"
#include "models/ordersmodel.h"

#include <QLocale>
#include <QTextDocument>

namespace hearth {

QString KitchenTicket::html(const Order &order, const QString &restaurant, bool reprint, const QDateTime &printedAt)
{
    const QLocale locale;
    QString page = QStringLiteral("<html><body style=\"font-family: sans-serif;\">");
    if (reprint)
        page += QStringLiteral("<p align=\"center\" style=\"font-size: 20pt; font-weight: bold;\">*** %1 ***</p>")
                    .arg(tr("REPRINT", "at the head of a kitchen ticket printed before").toHtmlEscaped());
    if (!restaurant.isEmpty())
        page += QStringLiteral("<p align=\"center\">%1</p>").arg(restaurant.toHtmlEscaped());
    page += QStringLiteral("<p align=\"center\" style=\"font-size: 28pt; font-weight: bold;\">%1</p>")
                .arg(tr("#%1", "order number").arg(order.number));
    page += QStringLiteral("<p align=\"center\" style=\"font-size: 14pt; font-weight: bold;\">%1 · %2</p>")
                .arg(typeDisplayName(order.type).toHtmlEscaped(), order.customerName.toHtmlEscaped());
    // Where it goes and by when: what the pass and the driver look for first.
    if (order.type == OrderType::DineIn && !order.table.isEmpty())
        page += QStringLiteral("<p align=\"center\" style=\"font-size: 20pt; font-weight: bold;\">%1</p>")
                    .arg(tr("Table %1").arg(order.table).toHtmlEscaped());
    if (order.promisedAt.isValid()) {
        const QString time = locale.toString(order.promisedAt.toLocalTime().time(), QLocale::ShortFormat);
        const QString promise = order.type == OrderType::Delivery ? tr("At the door by %1").arg(time)
                                                                  : tr("Ready by %1").arg(time);
        page += QStringLiteral("<p align=\"center\" style=\"font-size: 16pt; font-weight: bold;\">%1</p>")
                    .arg(promise.toHtmlEscaped());
    }
    page += QStringLiteral("<p align=\"center\">%1</p>")
                .arg(tr("Received %1").arg(locale.toString(order.createdAt.toLocalTime(), QLocale::ShortFormat)).toHtmlEscaped());
    if (order.type == OrderType::Delivery && !order.deliveryAddress.isEmpty())
        page += QStringLiteral("<p align=\"center\" style=\"font-size: 14pt;\">%1</p>")
                    .arg(order.deliveryAddress.toHtmlEscaped().replace(u'\n', QStringLiteral("<br/>")));
    if (!order.customerPhone.isEmpty())
        page += QStringLiteral("<p align=\"center\">%1</p>").arg(tr("Phone %1").arg(order.customerPhone).toHtmlEscaped());

    if (!order.notes.isEmpty()) {
        const bool allergy = OrderNotesProxy::soundsLikeAllergy(order.notes);
        const QString label = allergy ? tr("ALLERGY") : tr("NOTE");
        page += QStringLiteral("<table width=\"100%\" border=\"2\" cellpadding=\"6\" cellspacing=\"0\"><tr><td style=\"font-size: 16pt; font-weight: bold;%1\">%2: %3</td></tr></table>")
                    .arg(allergy ? QStringLiteral(" color: #b00020;") : QString(), label.toHtmlEscaped(),
                         (allergy ? order.notes.toUpper() : order.notes).toHtmlEscaped());
    }

    page += QStringLiteral("<table width=\"100%\" cellpadding=\"4\" style=\"font-size: 16pt;\">");
    for (const OrderItem &item : order.items)
        page += QStringLiteral("<tr><td width=\"20%\" style=\"font-weight: bold;\">%1×</td><td>%2</td></tr>")
                    .arg(item.quantity).arg(item.name.toHtmlEscaped());
    page += QStringLiteral("</table><hr/>");
    page += QStringLiteral("<p align=\"center\" style=\"font-size: 9pt;\">%1</p>")
                .arg(tr("Printed %1").arg(locale.toString(printedAt, QLocale::ShortFormat)).toHtmlEscaped());
    page += QStringLiteral("</body></html>");
    return page;
}

std::unique_ptr<QTextDocument> KitchenTicket::document(const Order &order, const QString &restaurant, bool reprint,
                                                       const QDateTime &printedAt)
{
    auto document = std::make_unique<QTextDocument>();
    document->setHtml(html(order, restaurant, reprint, printedAt));
    return document;
}

} // namespace hearth
