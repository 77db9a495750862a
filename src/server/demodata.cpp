#include "server/demodata.h"

#include <algorithm>
#include <array>

namespace hearth::server::DemoData {

namespace {

struct MenuItem
{
    const char16_t *name;
    qint64 priceCents;
};

constexpr std::array menu{
    MenuItem{u"Margherita", 1150},       MenuItem{u"Diavola", 1350},
    MenuItem{u"Quattro Formaggi", 1400}, MenuItem{u"Funghi e Tartufo", 1590},
    MenuItem{u"Caesar Salad", 950},      MenuItem{u"Burrata & Tomatoes", 1090},
    MenuItem{u"Lasagne al Forno", 1490}, MenuItem{u"Spaghetti Carbonara", 1390},
    MenuItem{u"Penne Arrabbiata", 1190}, MenuItem{u"Risotto ai Funghi", 1450},
    MenuItem{u"Chicken Milanese", 1690}, MenuItem{u"Garlic Bread", 490},
    MenuItem{u"Tiramisu", 690},          MenuItem{u"Panna Cotta", 650},
    MenuItem{u"Lemonade", 350},          MenuItem{u"Sparkling Water", 290},
    MenuItem{u"Espresso", 250},          MenuItem{u"House Red (glass)", 750},
};

constexpr std::array firstNames{
    u"Ana", u"Ben", u"Chiara", u"Dmitri", u"Emeka", u"Fatima", u"Grace", u"Hiro", u"Ines",
    u"Jonas", u"Kavya", u"Liam", u"Mei", u"Noah", u"Olga", u"Priya", u"Rafael", u"Sofia",
    u"Tomás", u"Uma", u"Viktor", u"Wen", u"Yara", u"Zoe",
};

constexpr std::array lastNames{
    u"Souza", u"Okafor", u"Rossi", u"Nguyen", u"Müller", u"García", u"Kowalski", u"Haddad",
    u"Tanaka", u"O'Brien", u"Lindqvist", u"Patel", u"Dubois", u"Kim", u"Novak", u"Silva",
};

constexpr std::array kitchenNotes{
    u"No onions, please", u"Extra napkins", u"Allergic to nuts", u"Gluten-free base if possible",
    u"Birthday: add a candle", u"Sauce on the side",
};

constexpr std::array streets{
    u"Harbour Road", u"Mill Lane", u"Station Street", u"Church Walk", u"Orchard Close", u"Victoria Avenue",
};

constexpr std::array deliveryNotes{
    u"Ring the bell twice", u"Leave at the door", u"Third floor, no lift",
};

template<typename Array>
const auto &pick(QRandomGenerator &random, const Array &array)
{
    return array[random.bounded(static_cast<quint32>(array.size()))];
}

} // namespace

NewOrder randomOrder(QRandomGenerator &random, const Orderable &orderable)
{
    NewOrder order;
    const quint32 typeRoll = random.bounded(100u);
    order.type = typeRoll < 50 ? OrderType::Pickup : typeRoll < 80 ? OrderType::Delivery : OrderType::DineIn;
    order.customerName = QString::fromUtf16(pick(random, firstNames)) + u' '
        + QString::fromUtf16(pick(random, lastNames));

    QList<const MenuItem *> offered;
    for (const MenuItem &item : menu) {
        if (!orderable || orderable(QString::fromUtf16(item.name)))
            offered.append(&item);
    }
    const int lines = offered.isEmpty() ? 0 : 1 + static_cast<int>(random.bounded(4u));
    for (int i = 0; i < lines; ++i) {
        const MenuItem &item = *offered.at(random.bounded(static_cast<quint32>(offered.size())));
        const QString name = QString::fromUtf16(item.name);
        const int quantity = random.bounded(100u) < 75 ? 1 : 2 + static_cast<int>(random.bounded(3u));
        auto existing = std::find_if(order.items.begin(), order.items.end(),
                                     [&name](const OrderItem &line) { return line.name == name; });
        if (existing != order.items.end())
            existing->quantity += quantity;
        else
            order.items.append({name, quantity, item.priceCents});
    }
    // Contact and the details the pass needs: where it goes, where it sits, when it was promised.
    order.customerPhone = QStringLiteral("+1 555 %1").arg(random.bounded(10000u), 4, 10, QLatin1Char('0'));
    switch (order.type) {
    case OrderType::Delivery:
        order.deliveryAddress = QStringLiteral("%1 %2").arg(1 + random.bounded(120u)).arg(QString::fromUtf16(pick(random, streets)));
        order.promisedMinutes = 35 + int(random.bounded(16u));
        break;
    case OrderType::Pickup:
        order.promisedMinutes = 15 + int(random.bounded(11u));
        break;
    case OrderType::DineIn:
        order.table = QString::number(1 + random.bounded(24u));
        order.customerPhone.clear(); // sitting at the table
        order.charges.serviceFeeCents = 150;
        break;
    }
    qint64 subtotal = 0;
    for (const OrderItem &item : std::as_const(order.items))
        subtotal += item.lineTotalCents();
    if (order.type != OrderType::DineIn && random.bounded(100u) < 40)
        order.charges.tipCents = (subtotal * (10 + random.bounded(11u)) / 100 + 49) / 50 * 50; // rounded to 50 cents
    if (random.bounded(100u) < 15)
        order.charges.discountCents = subtotal / 10; // the 10 % newsletter code
    if (random.bounded(100u) < 20) {
        const bool aboutDelivery = order.type == OrderType::Delivery && random.bounded(2u) == 0;
        order.notes = QString::fromUtf16(aboutDelivery ? pick(random, deliveryNotes) : pick(random, kitchenNotes));
    }
    return order;
}

} // namespace hearth::server::DemoData
