#include "sync/inventorysync.h"

#include "api/restclient.h"
#include "core/inventorycodec.h"
#include "core/logging.h"
#include "core/menucodec.h"
#include "realtime/realtimeservice.h"
#include "sync/retrydelay.h"

#include <algorithm>
#include <utility>

namespace hearth {

namespace {

using namespace Qt::StringLiterals;

constexpr std::chrono::milliseconds firstRetry{1000};
constexpr std::chrono::milliseconds maxRetry{30000};

template<typename T>
void keepNewest(QHash<QString, T> *kept, const QList<T> &entities)
{
    for (const T &entity : entities) {
        auto held = kept->find(entity.id);
        if (held == kept->end())
            kept->insert(entity.id, entity);
        else if (entity.version > held->version)
            *held = entity;
    }
}

} // namespace

InventorySync::InventorySync(RealtimeService *realtime, RestClient *rest, QObject *parent)
    : QObject(parent), m_realtime(realtime), m_rest(rest)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &InventorySync::loadSnapshot);
    connect(m_realtime, &RealtimeService::channelEvents, this, &InventorySync::onChannelEvents);
    connect(m_realtime, &RealtimeService::snapshotRequired, this, &InventorySync::onSnapshotRequired);
    connect(m_realtime, &RealtimeService::stateChanged, this, [this](ConnectionState state) {
        if (state == ConnectionState::Live && m_started && m_snapshotOwed && !m_loading)
            requestSnapshot();
    });
}

InventorySync::~InventorySync()
{
    stop();
}

QString InventorySync::channelName()
{
    return QStringLiteral("inventory");
}

bool InventorySync::isAvailable() const
{
    // A profile backend needs a REST list for its snapshots too: the channel alone would stream
    // changes onto a screen that never had one.
    const BackendProfile *profile = m_rest->foreignProfile();
    return m_realtime->carriesChannel(channelName()) && (!profile || profile->rest.inventorySnapshot);
}

void InventorySync::start()
{
    if (!isAvailable()) {
        qCInfo(lcSync) << "this backend has no inventory channel: inventory is not synced";
        return;
    }
    if (m_started) {
        if (m_snapshotOwed && !m_loading)
            requestSnapshot();
        return;
    }
    m_started = true;
    m_realtime->subscribe(channelName());
    if (m_snapshotOwed)
        requestSnapshot();
}

void InventorySync::stop()
{
    if (!m_started)
        return;
    m_started = false;
    ++m_generation;
    m_loading = false;
    m_snapshotOwed = false;
    m_serverPosition = {};
    m_failedAttempts = 0;
    m_itemsWhileLoading.clear();
    m_menuWhileLoading.clear();
    m_retryTimer.stop();
    m_realtime->unsubscribe(channelName());
}

void InventorySync::applyChanges(const QList<InventoryItem> &items, const QList<MenuItem> &menu)
{
    if (items.isEmpty() && menu.isEmpty())
        return;
    if (m_loading || m_snapshotOwed) {
        // Applied now all the same; kept so that the snapshot cannot take them back.
        keepNewest(&m_itemsWhileLoading, items);
        keepNewest(&m_menuWhileLoading, menu);
    }
    emit inventoryUpdated(items, menu);
}

void InventorySync::onChannelEvents(const QString &channel, const QList<ChannelEvent> &events)
{
    if (channel != channelName() || !m_started)
        return;
    QList<InventoryItem> items;
    QList<MenuItem> menu;
    for (const ChannelEvent &event : events) {
        if (event.type == "menu.availability_changed"_L1) {
            Decoded<MenuItem> item = MenuCodec::fromJson(event.data);
            if (item.ok())
                menu.append(std::move(*item.value));
            else
                qCWarning(lcSync).noquote() << "dropping" << event.type << "seq" << event.seq << ":" << item.errorString();
            continue;
        }
        // inventory.updated and inventory.low_stock carry the whole line; the model sees the
        // crossing itself, so an alert never depends on which of the two arrived.
        Decoded<InventoryItem> item = InventoryCodec::fromJson(event.data);
        if (item.ok())
            items.append(std::move(*item.value));
        else
            qCWarning(lcSync).noquote() << "dropping" << event.type << "seq" << event.seq << ":" << item.errorString();
    }
    applyChanges(items, menu);
}

void InventorySync::onSnapshotRequired(const QString &channel, const SyncPosition &serverPosition)
{
    if (channel != channelName())
        return;
    if (serverPosition.isValid()
        && (serverPosition.epoch != m_serverPosition.epoch || serverPosition.seq > m_serverPosition.seq)) {
        m_serverPosition = serverPosition;
    }
    m_snapshotOwed = true;
    if (m_started)
        requestSnapshot();
}

void InventorySync::requestSnapshot()
{
    m_snapshotOwed = true;
    if (!m_started)
        return;
    m_loading = true;
    m_failedAttempts = 0;
    loadSnapshot();
}

void InventorySync::loadSnapshot()
{
    if (!m_started)
        return;
    m_retryTimer.stop();
    qCInfo(lcSync) << "loading an inventory snapshot";
    const quint64 generation = ++m_generation;
    m_rest->fetchInventory(std::nullopt, this, [this, generation](const ApiResult<InventorySnapshot> &result) {
        onSnapshotFinished(result, generation);
    });
}

void InventorySync::onSnapshotFinished(const ApiResult<InventorySnapshot> &result, quint64 generation)
{
    if (generation != m_generation || !m_loading)
        return;
    if (!result.ok()) {
        ++m_failedAttempts;
        qCWarning(lcSync) << "inventory snapshot failed:" << result.error.details;
        m_problem = result.error.message;
        if (result.error.kind == ApiError::Kind::Unauthorized)
            m_loading = false; // owed still: start() after signing in loads it
        else
            scheduleRetry();
        emit snapshotFailed(m_problem);
        return;
    }
    const InventorySnapshot &snapshot = *result.value;
    const bool lagging = m_serverPosition.isValid() && snapshot.position.epoch == m_serverPosition.epoch
        && snapshot.position.seq < m_serverPosition.seq;
    if (lagging) {
        qCInfo(lcSync) << "inventory snapshot at seq" << snapshot.position.seq << "is behind the stream's"
                       << m_serverPosition.seq << "- loading again";
        ++m_failedAttempts;
        scheduleRetry();
        return;
    }
    QList<InventoryItem> items = snapshot.items;
    QList<MenuItem> menu = snapshot.menu;
    QHash<QString, InventoryItem> keptItems = std::exchange(m_itemsWhileLoading, {});
    QHash<QString, MenuItem> keptMenu = std::exchange(m_menuWhileLoading, {});
    // Kept changes belong to the epoch they streamed in; a snapshot of another log drops them.
    if (!m_serverPosition.isValid() || snapshot.position.epoch == m_serverPosition.epoch) {
        mergeNewer(&items, std::move(keptItems));
        mergeNewer(&menu, std::move(keptMenu));
    }

    // Take, then emit.
    m_loading = false;
    m_snapshotOwed = false;
    m_failedAttempts = 0;
    m_problem.clear();
    ++m_snapshotsLoaded;
    if (!snapshot.position.isReachedBy(m_realtime->syncPosition(channelName())))
        m_realtime->setSyncPosition(channelName(), snapshot.position);
    qCInfo(lcSync) << "inventory snapshot applied:" << items.size() << "items," << menu.size()
                   << "menu items at seq" << snapshot.position.seq;
    emit inventoryReplaced(items, menu, snapshot.position);
    emit snapshotLoaded(snapshot.position);
}

void InventorySync::scheduleRetry()
{
    m_retryTimer.start(retryDelay(firstRetry, maxRetry, m_failedAttempts));
}

} // namespace hearth
