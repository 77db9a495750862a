// The one rule for which copy of an entity a client keeps (core/versionrule.h), for orders and
// inventory items alike: a higher version wins, and an equal version that differs arrived
// later and wins too; an equal copy changes nothing.
#include "core/inventoryitem.h"
#include "core/order.h"
#include "core/versionrule.h"

#include <QtTest>

using namespace hearth;

class TestVersionRule final : public QObject
{
    Q_OBJECT

private slots:
    void orders()
    {
        Order held;
        held.id = QStringLiteral("o1");
        held.status = OrderStatus::New;
        held.version = 1763661600000000; // derived from a whole-second updated_at
        Order ready = held;
        ready.status = OrderStatus::Ready; // the same second
        QVERIFY(VersionRule::replaces(ready, held));
        QVERIFY(!VersionRule::replaces(held, held));
        Order older = ready;
        older.version -= 1;
        QVERIFY(!VersionRule::replaces(older, held));
        Order newer = held;
        newer.version += 1;
        QVERIFY(VersionRule::replaces(newer, ready));
    }

    void inventoryItems()
    {
        InventoryItem held{QStringLiteral("flour"), QStringLiteral("Flour"), 10, 0, 3, QStringLiteral("kg"), 5};
        InventoryItem low = held;
        low.stock = 2; // the same second
        QVERIFY(VersionRule::replaces(low, held));
        QVERIFY(!VersionRule::replaces(held, held));
        InventoryItem older = low;
        older.version = 4;
        QVERIFY(!VersionRule::replaces(older, held));
    }
};

QTEST_APPLESS_MAIN(TestVersionRule)
#include "tst_versionrule.moc"
