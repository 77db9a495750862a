#include "ui/ordersfilterbar.h"

#include "models/itemtotalsmodel.h"
#include "models/orderfacetmodel.h"
#include "models/ordersfilterproxy.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

namespace hearth {

namespace {

QComboBox *facetCombo(OrderFacetModel *model, const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->setModel(model);
    combo->setAccessibleName(accessibleName);
    // Counts change all evening: a fixed width keeps the band still (the list shows the whole
    // labels); it leaves the all-day counts room even in an 800 px window.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(12);
    return combo;
}

} // namespace

OrdersFilterBar::OrdersFilterBar(const OrdersModel *orders, OrdersFilterProxy *filter, QWidget *parent)
    : QWidget(parent),
      m_filter(filter),
      m_statusFacets(new OrderFacetModel(OrderFacetModel::Facet::Status, orders, filter, this)),
      m_typeFacets(new OrderFacetModel(OrderFacetModel::Facet::Type, orders, filter, this)),
      m_totals(new ItemTotalsModel(orders, this)),
      m_status(facetCombo(m_statusFacets, QStringLiteral("statusFilter"), tr("Show orders by status"), this)),
      m_type(facetCombo(m_typeFacets, QStringLiteral("typeFilter"), tr("Show orders by type"), this)),
      m_allDay(new QLabel(this))
{
    setObjectName(QStringLiteral("ordersFilterBar"));
    auto *statusLabel = new QLabel(tr("&Status"), this);
    statusLabel->setBuddy(m_status);
    auto *typeLabel = new QLabel(tr("T&ype"), this);
    typeLabel->setBuddy(m_type);
    m_allDay->setObjectName(QStringLiteral("allDayCounts"));
    m_allDay->setAccessibleName(tr("All-day counts of the open orders"));
    m_allDay->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_allDay->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // elided, never widens the window

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(statusLabel);
    layout->addWidget(m_status);
    layout->addSpacing(8);
    layout->addWidget(typeLabel);
    layout->addWidget(m_type);
    layout->addSpacing(16);
    layout->addWidget(m_allDay, 1);

    connect(m_status, &QComboBox::activated, this, [this](int row) {
        const int value = m_statusFacets->index(row).data(OrderFacetModel::FilterValueRole).toInt();
        m_filter->setStatusFilter(value < 0 ? std::nullopt : std::optional<OrderStatus>(OrderStatus(value)));
    });
    connect(m_type, &QComboBox::activated, this, [this](int row) {
        const int value = m_typeFacets->index(row).data(OrderFacetModel::FilterValueRole).toInt();
        m_filter->setTypeFilter(value < 0 ? std::nullopt : std::optional<OrderType>(OrderType(value)));
    });
    connect(m_filter, &OrdersFilterProxy::filterChanged, this, &OrdersFilterBar::followFilter);
    connect(m_totals, &ItemTotalsModel::countsChanged, this, &OrdersFilterBar::updateAllDay);
    updateAllDay();
}

void OrdersFilterBar::followFilter()
{
    // The filter may be set from elsewhere (a test, a saved view): the boxes show what is applied.
    const auto valueOf = [](auto filter) { return filter ? int(*filter) : -1; };
    m_status->setCurrentIndex(m_statusFacets->rowOfValue(valueOf(m_filter->statusFilter())));
    m_type->setCurrentIndex(m_typeFacets->rowOfValue(valueOf(m_filter->typeFilter())));
}

QString OrdersFilterBar::allDayText() const
{
    return m_allDay->text();
}

void OrdersFilterBar::updateAllDay()
{
    const QString all = m_totals->summary();
    const QString line = all.isEmpty() ? QString() : tr("All day: %1", "the items of the open orders, counted").arg(all);
    m_allDay->setToolTip(line);
    m_allDay->setText(m_allDay->fontMetrics().elidedText(line, Qt::ElideRight, qMax(0, m_allDay->width())));
}

void OrdersFilterBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateAllDay();
}

} // namespace hearth
