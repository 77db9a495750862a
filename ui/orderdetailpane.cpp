#include "ui/orderdetailpane.h"

#include "models/ordernotesproxy.h"
#include "models/ordersmodel.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTextBrowser>
#include <QTimer>
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

QString amountRow(const QString &label, qint64 cents, bool bold = false)
{
    const QString open = bold ? QStringLiteral("<b>") : QString();
    const QString close = bold ? QStringLiteral("</b>") : QString();
    // A minus sign rather than the locale's accounting brackets: "−$2.30" reads as taken off.
    const QString amount = cents < 0 ? QStringLiteral("−") + formatCents(-cents) : formatCents(cents);
    return QStringLiteral("<tr><td>%1%2%3</td><td align=\"right\">%1%4%3</td></tr>")
        .arg(open, escaped(label), close, escaped(amount));
}

} // namespace

OrderDetailPane::OrderDetailPane(OrdersModel *orders, QWidget *parent)
    : QWidget(parent),
      m_orders(orders),
      m_title(new QLabel(this)),
      m_customer(new QLabel(this)),
      m_phone(new QPushButton(this)),
      m_browser(new QTextBrowser(this)),
      m_ticker(new QTimer(this)),
      m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    setObjectName(QStringLiteral("orderDetail"));
    setAccessibleName(tr("Order details"));
    m_title->setObjectName(QStringLiteral("orderDetailTitle"));
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_title->setFont(titleFont);
    m_customer->setObjectName(QStringLiteral("orderDetailCustomer"));
    m_customer->setWordWrap(true);
    m_customer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_phone->setObjectName(QStringLiteral("orderDetailPhone"));
    m_phone->setFlat(true);
    m_phone->setCursor(Qt::PointingHandCursor);
    m_phone->setFocusPolicy(Qt::TabFocus);
    m_phone->setToolTip(tr("Copy the phone number"));
    connect(m_phone, &QPushButton::clicked, this, &OrderDetailPane::copyPhone);
    m_browser->setObjectName(QStringLiteral("orderDetailText"));
    m_browser->setFocusPolicy(Qt::TabFocus);
    m_browser->setOpenLinks(false);
    m_browser->setTabChangesFocus(true); // read, not typed in: Tab moves on

    auto *contact = new QHBoxLayout;
    contact->setContentsMargins(0, 0, 0, 0);
    contact->addWidget(m_customer, 1);
    contact->addWidget(m_phone, 0, Qt::AlignRight);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addLayout(contact);
    layout->addWidget(m_browser, 1);

    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &OrderDetailPane::refresh);
    const auto changed = [this] { refresh(); };
    connect(orders, &QAbstractItemModel::dataChanged, this, changed);
    connect(orders, &QAbstractItemModel::rowsRemoved, this, changed);
    connect(orders, &QAbstractItemModel::modelReset, this, changed);
    refresh();
}

void OrderDetailPane::setClock(Clock clock)
{
    m_clock = std::move(clock);
    refresh();
}

void OrderDetailPane::showOrder(const QString &orderId)
{
    m_orderId = orderId;
    m_shownPhone.clear();
    refresh();
}

QString OrderDetailPane::text() const
{
    QStringList parts{m_title->text()};
    if (m_customer->isVisibleTo(this))
        parts << m_customer->text();
    if (m_phone->isVisibleTo(this))
        parts << m_phone->text();
    parts << m_browser->toPlainText();
    return parts.join(u'\n');
}

QString OrderDetailPane::lateText(const Order &order, const QDateTime &now)
{
    if (!order.promisedAt.isValid() || !order.isOpen() || !now.isValid())
        return {};
    const qint64 lateSeconds = order.promisedAt.secsTo(now);
    if (lateSeconds < 60)
        return {};
    return tr("late by %1 min").arg(lateSeconds / 60);
}

void OrderDetailPane::copyPhone()
{
    const Order *order = m_orderId.isEmpty() ? nullptr : m_orders->orderById(m_orderId);
    if (!order || order->customerPhone.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(order->customerPhone);
    m_phone->setText(tr("%1 · copied", "phone number, copied to the clipboard").arg(order->customerPhone));
    emit phoneCopied(order->customerPhone);
}

void OrderDetailPane::refresh()
{
    const Order *order = m_orderId.isEmpty() ? nullptr : m_orders->orderById(m_orderId);
    if (!order) {
        m_ticker->stop();
        m_title->setText(tr("No order selected"));
        m_customer->hide();
        m_phone->hide();
        const QString empty = QStringLiteral("<p style=\"color:#666\">%1</p>")
                                  .arg(escaped(tr("Select an order to see its items, note and times.")));
        if (empty != m_shownHtml)
            m_browser->setHtml(m_shownHtml = empty);
        return;
    }
    m_title->setText(tr("Order #%1 · %2").arg(order->number).arg(statusDisplayName(order->status)));
    m_customer->setText(order->customerName);
    m_customer->setVisible(!order->customerName.isEmpty());
    // "· copied" stays until another order or another number is shown.
    if (order->customerPhone != m_shownPhone) {
        m_shownPhone = order->customerPhone;
        m_phone->setText(tr("☎ %1", "phone number, click to copy").arg(order->customerPhone));
    }
    m_phone->setAccessibleName(tr("Phone %1, copy", "screen reader").arg(order->customerPhone));
    m_phone->setVisible(!order->customerPhone.isEmpty());
    if (order->isOpen() && order->promisedAt.isValid() && !m_ticker->isActive())
        m_ticker->start();
    else if (!order->isOpen() || !order->promisedAt.isValid())
        m_ticker->stop();
    // Rebuilt each tick but set only when it changed: setHtml resets the scroll position.
    const QString now = html(*order);
    if (now != m_shownHtml)
        m_browser->setHtml(m_shownHtml = now);
}

QString OrderDetailPane::html(const Order &order) const
{
    QString out;
    // Where it goes: what the pass needs before the items.
    QString where;
    switch (order.type) {
    case OrderType::Delivery:
        where = order.deliveryAddress.isEmpty() ? typeDisplayName(order.type)
                                                : tr("Delivery to %1").arg(order.deliveryAddress);
        break;
    case OrderType::DineIn:
        where = order.table.isEmpty() ? typeDisplayName(order.type) : tr("Dine-in · table %1").arg(order.table);
        break;
    case OrderType::Pickup:
        where = typeDisplayName(order.type);
        break;
    }
    out += QStringLiteral("<p style=\"margin-top:0\"><b>%1</b><br>%2")
               .arg(escaped(where), escaped(tr("Received at %1").arg(timeText(order.createdAt))));
    if (order.promisedAt.isValid()) {
        const QString late = lateText(order, m_clock());
        out += QStringLiteral("<br>%1").arg(escaped(tr("Promised for %1").arg(timeText(order.promisedAt))));
        if (!late.isEmpty())
            out += QStringLiteral(" <b style=\"color:#b3261e\">%1</b>").arg(escaped(tr("— %1").arg(late)));
    }
    out += QStringLiteral("</p>");
    if (!order.notes.trimmed().isEmpty()) {
        const bool allergy = OrderNotesProxy::soundsLikeAllergy(order.notes);
        out += QStringLiteral("<p style=\"background:%1; padding:4px; font-weight:bold; color:%2\">%3</p>")
                   .arg(allergy ? QStringLiteral("#fde2e1") : QStringLiteral("#fff3c4"),
                        allergy ? QStringLiteral("#9b0014") : QStringLiteral("#202020"),
                        escaped(OrderNotesProxy::noteText(order.notes.trimmed())));
    }
    out += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\">");
    for (const OrderItem &item : order.items) {
        // Quantity and name in one cell: a separate quantity column took half of a wide pane.
        out += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td></tr>")
                   .arg(escaped(tr("%1× %2", "quantity, item").arg(QString::number(item.quantity), item.name)),
                        escaped(formatCents(item.lineTotalCents())));
    }
    // Every line between the items and the total is shown, so the column adds up; whatever the
    // backend's total holds beyond the parts it named is one more line, never hidden.
    const qint64 subtotal = order.itemsSubtotalCents();
    const OrderCharges &charges = order.charges;
    if (!charges.isEmpty() || order.totalCents != subtotal)
        out += amountRow(tr("Subtotal"), subtotal);
    const struct { qint64 cents; QString label; } parts[] = {
        {charges.deliveryFeeCents, tr("Delivery fee")},
        {charges.serviceFeeCents, tr("Service fee")},
        {charges.tipCents, tr("Tip")},
        {charges.taxCents, tr("Tax")},
        {-charges.discountCents, tr("Discount")},
    };
    for (const auto &part : parts) {
        if (part.cents != 0)
            out += amountRow(part.label, part.cents);
    }
    if (const qint64 rest = order.totalCents - subtotal - charges.sumCents(); rest != 0)
        out += amountRow(charges.isEmpty() ? tr("Fees and tax") : tr("Other charges"), rest);
    out += amountRow(tr("Total"), order.totalCents, true);
    out += QStringLiteral("</table>");

    // The timeline: every status change with its time and who made it. Backends that keep no
    // history give what they have: when someone saw it, and its latest change.
    out += QStringLiteral("<p style=\"color:#444\">");
    QStringList lines;
    if (!order.history.isEmpty()) {
        for (const OrderStatusChange &change : order.history) {
            if (change.status == OrderStatus::New && change.at == order.createdAt && change.by.isEmpty())
                continue; // its arrival: "Received at" above says it once
            lines << (change.by.isEmpty()
                          ? tr("%1 %2", "time, status").arg(timeText(change.at), statusDisplayName(change.status))
                          : tr("%1 %2 · %3", "time, status, who").arg(timeText(change.at), statusDisplayName(change.status), change.by));
        }
    } else {
        if (order.acknowledgedAt.isValid())
            lines << tr("%1 %2", "time, status").arg(timeText(order.acknowledgedAt), statusDisplayName(OrderStatus::Acknowledged));
        if (order.updatedAt.isValid() && order.updatedAt != order.createdAt && order.updatedAt != order.acknowledgedAt)
            lines << tr("%1 %2", "time, status").arg(timeText(order.updatedAt), statusDisplayName(order.status));
    }
    for (const QString &line : std::as_const(lines))
        out += escaped(line) + QStringLiteral("<br>");
    out += QStringLiteral("</p>");
    return out;
}

} // namespace hearth
