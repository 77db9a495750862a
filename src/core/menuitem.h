#pragma once

// A dish or drink on the restaurant's menu as availability sees it: whether the manager offers it,
// on which weekdays, whether the kitchen ran out of something it needs, and what it uses up.
// No I/O here; the server, the simulator and the dashboard all read these rules.
#include <QDate>
#include <QList>
#include <QMetaType>
#include <QString>

namespace hearth {

// One ingredient of a menu item: `quantity` units of the inventory item `itemId` per portion.
struct MenuIngredient
{
    QString itemId;
    qint64 quantity = 1;

    friend bool operator==(const MenuIngredient &a, const MenuIngredient &b)
    {
        return a.itemId == b.itemId && a.quantity == b.quantity;
    }
    friend bool operator!=(const MenuIngredient &a, const MenuIngredient &b) { return !(a == b); }
};

struct MenuItem
{
    QString id;
    QString name;
    bool available = true;   // the manager offers it
    bool soldOut = false;    // an ingredient ran out (set and cleared by the server's stock)
    QList<int> days;         // Qt weekdays 1 (Monday) … 7, ascending; empty: every day
    QList<MenuIngredient> ingredients;
    qint64 version = 1;

    // The manager's schedule alone: no days chosen means every day.
    bool isScheduledOn(int weekday) const { return days.isEmpty() || days.contains(weekday); }
    // Whether a guest can order it on `date`: offered, scheduled that day and not sold out.
    bool isOrderableOn(const QDate &date) const
    {
        return available && !soldOut && date.isValid() && isScheduledOn(date.dayOfWeek());
    }
    bool usesItem(const QString &itemId) const;

    friend bool operator==(const MenuItem &a, const MenuItem &b)
    {
        return a.id == b.id && a.name == b.name && a.available == b.available && a.soldOut == b.soldOut
            && a.days == b.days && a.ingredients == b.ingredients && a.version == b.version;
    }
    friend bool operator!=(const MenuItem &a, const MenuItem &b) { return !(a == b); }
};

// "mon" … "sun" on the wire; 0 for anything else.
int weekdayFromWire(const QString &name);
QString weekdayToWire(int weekday);
// Sorted, without duplicates; false when one is not 1…7.
bool normalizeDays(QList<int> *days);

} // namespace hearth

Q_DECLARE_METATYPE(hearth::MenuItem)
