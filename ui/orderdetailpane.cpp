#include "ui/orderdetailpane.h"

#include "models/ordernotesproxy.h"
#include "models/ordersmodel.h"

#include <QLocale>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace hearth {

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString timeText(const QDateTime &when)
{
    return QLocale().toString(when.toLocalTime().time(), QLocale::ShortFormat);
}

} // namespace

OrderDetailPane::OrderDetailPane(OrdersModel *orders, QWidget *parent)
    : QWidget(parent), m_orders(orders), m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("orderDetail"));
    setAccessibleName(tr("Order details"));
    m_browser->setObjectName(QStringLiteral("orderDetailText"));
    m_browser->setFocusPolicy(Qt::TabFocus);
    m_browser->setOpenLinks(false);
    m_browser->setTabChangesFocus(true); // read, not typed in: Tab moves on
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    const auto changed = [this] { refresh(); };
    connect(orders, &QAbstractItemModel::dataChanged, this, changed);
    connect(orders, &QAbstractItemModel::rowsRemoved, this, changed);
    connect(orders, &QAbstractItemModel::modelReset, this, changed);
    refresh();
}

void OrderDetailPane::showOrder(const QString &orderId)
{
    m_orderId = orderId;
    refresh();
}

QString OrderDetailPane::text() const
{
    return m_browser->toPlainText();
}

void OrderDetailPane::refresh()
{
    const Order *order = m_orderId.isEmpty() ? nullptr : m_orders->orderById(m_orderId);
    if (!order) {
        m_browser->setHtml(QStringLiteral("<p style=\"color:#666\">%1</p>")
                               .arg(escaped(tr("Select an order to see its items, note and times."))));
        return;
    }
    m_browser->setHtml(html(*order));
}

QString OrderDetailPane::html(const Order &order)
{
    QString out;
    out += QStringLiteral("<h2 style=\"margin:0\">%1</h2>")
               .arg(escaped(tr("Order #%1 · %2").arg(order.number).arg(statusDisplayName(order.status))));
    out += QStringLiteral("<p>%1<br>%2</p>")
               .arg(escaped(tr("%1 · %2", "customer, order type").arg(order.customerName, typeDisplayName(order.type))),
                    escaped(tr("Received at %1").arg(timeText(order.createdAt))));
    if (!order.notes.trimmed().isEmpty()) {
        const bool allergy = OrderNotesProxy::soundsLikeAllergy(order.notes);
        out += QStringLiteral("<p style=\"background:%1; padding:4px; font-weight:bold; color:%2\">%3</p>")
                   .arg(allergy ? QStringLiteral("#fde2e1") : QStringLiteral("#fff3c4"),
                        allergy ? QStringLiteral("#9b0014") : QStringLiteral("#202020"),
                        escaped(OrderNotesProxy::noteText(order.notes.trimmed())));
    }
    out += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\">");
    qint64 itemsCents = 0;
    for (const OrderItem &item : order.items) {
        itemsCents += item.lineTotalCents();
        out += QStringLiteral("<tr><td>%1</td><td>%2</td><td align=\"right\">%3</td></tr>")
                   .arg(escaped(tr("%1×", "quantity").arg(item.quantity)), escaped(item.name),
                        escaped(formatCents(item.lineTotalCents())));
    }
    if (order.totalCents != itemsCents)
        out += QStringLiteral("<tr><td></td><td>%1</td><td align=\"right\">%2</td></tr>")
                   .arg(escaped(tr("Fees and tax")), escaped(formatCents(order.totalCents - itemsCents)));
    out += QStringLiteral("<tr><td></td><td><b>%1</b></td><td align=\"right\"><b>%2</b></td></tr></table>")
               .arg(escaped(tr("Total")), escaped(formatCents(order.totalCents)));

    // The timeline the data has: when it came, when someone saw it, its last change.
    out += QStringLiteral("<p style=\"color:#444\">%1").arg(escaped(tr("Received %1").arg(timeText(order.createdAt))));
    if (order.acknowledgedAt.isValid())
        out += QStringLiteral("<br>%1").arg(escaped(tr("Acknowledged %1").arg(timeText(order.acknowledgedAt))));
    if (order.updatedAt.isValid() && order.updatedAt != order.createdAt && order.updatedAt != order.acknowledgedAt)
        out += QStringLiteral("<br>%1").arg(
            escaped(tr("%1 since %2", "status, time").arg(statusDisplayName(order.status), timeText(order.updatedAt))));
    out += QStringLiteral("</p>");
    return out;
}

} // namespace hearth
