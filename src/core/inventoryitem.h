#pragma once

// One stock line of a restaurant (flour, cola cans, takeaway boxes) as the low-stock alerts see
// it. Deliberately small: enough to carry inventory events from any backend; no I/O here.
#include <QMetaType>
#include <QString>

namespace hearth {

struct InventoryItem
{
    QString id;
    QString name;
    qint64 stock = 0;     // units on hand, damaged ones included
    qint64 damaged = 0;   // units on hand that cannot be sold
    qint64 threshold = 0; // alert when the available units fall to this or below
    QString unit;         // "kg", "cans", … ; empty for plain counts
    qint64 version = 1;   // increases with every change; the higher version wins

    qint64 available() const { return stock - damaged; }
    bool isLow() const { return available() <= threshold; }

    friend bool operator==(const InventoryItem &a, const InventoryItem &b)
    {
        return a.id == b.id && a.name == b.name && a.stock == b.stock && a.damaged == b.damaged
            && a.threshold == b.threshold && a.unit == b.unit && a.version == b.version;
    }
    friend bool operator!=(const InventoryItem &a, const InventoryItem &b) { return !(a == b); }
};

} // namespace hearth

Q_DECLARE_METATYPE(hearth::InventoryItem)
