#pragma once

// Marks, on the Orders page, open orders holding a dish a guest cannot order now (withdrawn,
// sold out, or not served today): the Items cell starts with "⊘" and its tooltip names the
// dishes. Its colour is left alone — red there means an allergy in the note (OrderNotesProxy),
// which matters more. An identity proxy over the orders' chain; the names come from
// MenuAvailabilityModel::unavailableNames().
#include <QIdentityProxyModel>
#include <QSet>
#include <QStringList>

namespace hearth {

class OrdersModel;

class UnavailableItemsProxy final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnavailableItemsProxy)

public:
    enum Role { UnavailableItemsRole = Qt::UserRole + 200 }; // QStringList of the dishes

    explicit UnavailableItemsProxy(const OrdersModel *orders, QObject *parent = nullptr);

    void setUnavailableNames(const QSet<QString> &names);
    QStringList unavailableItems(const QModelIndex &index) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    const OrdersModel *m_orders;
    QSet<QString> m_names;
};

} // namespace hearth
