#pragma once

// The menu as availability sees it, for the Inventory page: one row per dish with the manager's
// "offered" flag (a check box), the weekdays it is served ("Every day" when none are chosen) and
// whether a guest can order it today — offered, scheduled today and not sold out. "Today" comes
// from an injectable clock and is re-read by refreshDay(). Fed by an InventoryClient (follow()).
#include "core/menuitem.h"
#include "models/keyedtablemodel.h"

#include <QDate>
#include <QSet>

#include <functional>

namespace hearth {

class InventoryClient;

class MenuAvailabilityModel final : public KeyedTableModel<MenuItem>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MenuAvailabilityModel)

public:
    enum Column { NameColumn, OfferedColumn, DaysColumn, TodayColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,
        MenuItemIdRole,
        OrderableTodayRole, // bool
        DaysRole,           // QList<int>
        MenuItemRole,       // the MenuItem (QVariant)
    };

    explicit MenuAvailabilityModel(QObject *parent = nullptr);

    void follow(InventoryClient *client);
    // The local date the "today" column is about; default: QDate::currentDate().
    void setClock(std::function<QDate()> today);
    // The day may have turned: re-reads the clock, and says so when it did.
    void refreshDay();
    QDate today() const { return m_today; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Names of the dishes a guest cannot order today (for marking orders that hold them).
    QSet<QString> unavailableNames() const;

public slots:
    void replaceAll(const QList<hearth::MenuItem> &menu);
    void upsert(const QList<hearth::MenuItem> &menu);
    void clear() { clearRows(); }

signals:
    // What unavailableNames() answers may have changed.
    void availabilityChanged();

private:
    QString todayText(const MenuItem &item) const;

    std::function<QDate()> m_clock;
    QDate m_today;
};

// "Every day", "Fri, Sat, Sun", "Mon–Fri": the weekdays of a menu item in the user's locale.
QString daysText(const QList<int> &days);

} // namespace hearth
