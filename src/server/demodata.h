#pragma once

// The demo restaurant's menu and guests: plausible orders for the simulator and the tests.
#include "server/orderservice.h"

#include <QRandomGenerator>

#include <functional>

namespace hearth::server::DemoData {

// Whether guests can order the dish of that name now (the website hides what is not).
using Orderable = std::function<bool(const QString &dishName)>;

// One to four menu lines, a guest name, an order type (mostly pickup), sometimes a note. Only
// dishes `orderable` allows (all without it); no lines at all when it allows none.
NewOrder randomOrder(QRandomGenerator &random, const Orderable &orderable = {});

} // namespace hearth::server::DemoData
