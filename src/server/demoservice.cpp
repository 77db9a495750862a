#include "server/demoservice.h"

#include "core/logging.h"
#include "server/demoaccounts.h"
#include "server/demodata.h"
#include "server/orderservice.h"

#include <QList>

#include <algorithm>
#include <array>
#include <limits>
#include <optional>

namespace hearth::server::DemoService {

namespace {

// Seconds before "now" at which each order was placed and moved on: acknowledged, preparing,
// ready, completed (0: the order has not got there). A cancellation replaces the first step.
struct ScriptedOrder
{
    int createdAgo;
    std::array<int, 4> stepsAgo;
    bool cancelled = false;
};

constexpr std::array<ScriptedOrder, scriptedOrders> script{{
    {1500, {1440, 1380, 840, 540}},    // completed
    {1320, {1290, 1200, 660, 300}},    // completed
    {1140, {1020, 0, 0, 0}, true},     // cancelled while still new: the guest called back
    {960, {915, 840, 300, 90}},        // completed a moment ago
    {780, {740, 660, 150, 0}},         // ready at the pass
    {540, {500, 330, 0, 0}},           // preparing
    {330, {290, 0, 0, 0}},             // acknowledged
    {140, {0, 0, 0, 0}},               // new, waiting for somebody at the PC
    {45, {0, 0, 0, 0}},                // new
}};

constexpr std::array<OrderStatus, 4> flow{OrderStatus::Acknowledged, OrderStatus::Preparing, OrderStatus::Ready,
                                          OrderStatus::Completed};

// Times never repeat the script exactly, but stay in order: each step at least this long
// after the one before it, and the newest one still in the past.
constexpr int jitterMs = 12000;
constexpr int minimumGapMs = 4000;

struct Step
{
    QDateTime at;
    int order = 0;
    std::optional<OrderStatus> status; // nothing: the order is created
};

QList<Step> plannedSteps(const QDateTime &now, QRandomGenerator &random)
{
    QList<Step> steps;
    for (int index = 0; index < int(script.size()); ++index) {
        const ScriptedOrder &scripted = script[size_t(index)];
        qint64 previousAgoMs = std::numeric_limits<qint64>::max();
        const auto add = [&](int agoSeconds, std::optional<OrderStatus> status) {
            const qint64 jitter = qint64(random.bounded(2 * jitterMs + 1)) - jitterMs;
            qint64 agoMs = std::max<qint64>(qint64(agoSeconds) * 1000 + jitter, 1000);
            if (previousAgoMs != std::numeric_limits<qint64>::max())
                agoMs = std::min(agoMs, previousAgoMs - minimumGapMs);
            previousAgoMs = agoMs;
            steps.append({now.addMSecs(-agoMs), index, status});
        };
        add(scripted.createdAgo, std::nullopt);
        if (scripted.cancelled) {
            add(scripted.stepsAgo[0], OrderStatus::Cancelled);
            continue;
        }
        for (size_t step = 0; step < flow.size() && scripted.stepsAgo[step] > 0; ++step)
            add(scripted.stepsAgo[step], flow[step]);
    }
    // One timeline for the whole restaurant: seq order is time order, as on a real evening.
    std::stable_sort(steps.begin(), steps.end(), [](const Step &a, const Step &b) { return a.at < b.at; });
    return steps;
}

} // namespace

bool seedIfFresh(OrderService *orders, const QString &restaurantId, const QDateTime &now,
                 QRandomGenerator &random, QString *errorMessage)
{
    const auto fail = [errorMessage](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
        return false;
    };
    const OrderListing current = orders->snapshot(restaurantId);
    if (!current.ok)
        return fail(QStringLiteral("cannot read the orders to seed the demo service"));
    if (current.seq != 0)
        return true; // the restaurant has a history of its own

    std::array<QString, scriptedOrders> ids;
    const QList<Step> steps = plannedSteps(now.toUTC(), random);
    for (const Step &step : steps) {
        QString &id = ids[size_t(step.order)];
        const OrderResult result = step.status
            ? orders->setStatus(restaurantId, id, *step.status, step.at, QString(DemoAccounts::staffDisplayName))
            : orders->createOrder(restaurantId, DemoData::randomOrder(random), step.at);
        if (!result.ok())
            return fail(QStringLiteral("cannot seed the demo service: %1").arg(result.message));
        id = result.order.id;
    }
    qCInfo(lcServer) << "seeded a service under way:" << scriptedOrders << "orders," << steps.size() << "events";
    return true;
}

} // namespace hearth::server::DemoService
