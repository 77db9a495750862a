#pragma once

// Turns every change of a source model (rows in or out, data, reset) into one `due()` when the
// event loop comes back: a burst of order events is then counted once, not once per event.
// For figures that walk the whole model (facet counts, all-day item totals).
#include <QObject>
#include <QTimer>

class QAbstractItemModel;

namespace hearth {

class ModelChangeCoalescer final : public QObject
{
    Q_OBJECT

public:
    explicit ModelChangeCoalescer(const QAbstractItemModel *source, QObject *parent = nullptr);

    // Another reason to count again (a filter changed), coalesced the same way.
    void schedule() { m_timer.start(); }
    // The owner counted just now: the pending `due()` is not needed.
    void cancel() { m_timer.stop(); }

signals:
    void due();

private:
    QTimer m_timer;
};

} // namespace hearth
