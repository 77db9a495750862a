#pragma once

// The demo restaurant's menu and guests: plausible orders for the simulator and the tests.
#include "server/orderservice.h"

#include <QRandomGenerator>

namespace hearth::server::DemoData {

// One to four menu lines, a guest name, an order type (mostly pickup), sometimes a note.
NewOrder randomOrder(QRandomGenerator &random);

} // namespace hearth::server::DemoData
