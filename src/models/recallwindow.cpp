#include "models/recallwindow.h"

namespace hearth {

RecallWindow::RecallWindow(Clock clock, QObject *parent) : QObject(parent), m_clock(std::move(clock))
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &RecallWindow::changed);
}

void RecallWindow::noteChange(const QString &orderId)
{
    m_lastChanged = orderId;
    m_lastChangedAt = m_clock();
    if (orderId == m_recalledId)
        m_recalledId.clear(); // changed again: that change may be recalled
}

void RecallWindow::noteRecall(const Order &order)
{
    m_lastChanged.clear();
    m_lastChangedAt = {};
    m_recalledId = order.id;
    m_recalledVersion = order.version;
}

QDateTime RecallWindow::lastStatusChangeAt(const Order &order) const
{
    if (order.id == m_recalledId && order.version <= m_recalledVersion)
        return {}; // recalled here, the echo still on its way
    QDateTime at;
    // The first entry is its arrival, not a change; a recall is not recalled again.
    if (order.history.size() > 1 && !order.history.constLast().recall)
        at = order.history.constLast().at;
    else if (order.history.isEmpty() && order.updatedAt.isValid() && order.updatedAt != order.createdAt)
        at = order.updatedAt; // a backend without history: its latest change is the best guess
    // A change made here and not yet echoed (queued offline, or in flight) counts from the click.
    if (order.id == m_lastChanged && m_lastChangedAt.isValid() && (!at.isValid() || m_lastChangedAt > at))
        at = m_lastChangedAt;
    return at;
}

bool RecallWindow::isOpen(const Order &order) const
{
    const QDateTime changedAt = lastStatusChangeAt(order);
    return changedAt.isValid() && changedAt.msecsTo(m_clock()) <= qint64(seconds) * 1000;
}

void RecallWindow::setOffered(bool offered)
{
    // Started once, not at every call: a busy evening calls this many times a second.
    if (offered && !m_ticker.isActive())
        m_ticker.start();
    else if (!offered)
        m_ticker.stop();
}

} // namespace hearth
