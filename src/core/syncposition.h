#pragma once

// Where a client stands in one channel's event stream: the server's epoch (an opaque id that
// changes when the event log is reset) and the last sequence number whose effect it holds.
#include <QMetaType>
#include <QString>

namespace hearth {

struct SyncPosition
{
    QString epoch;
    qint64 seq = 0;

    bool isValid() const { return !epoch.isEmpty(); }
    // True when `other` is from the same epoch and not behind this one.
    bool isReachedBy(const SyncPosition &other) const { return other.epoch == epoch && other.seq >= seq; }
    friend bool operator==(const SyncPosition &a, const SyncPosition &b)
    {
        return a.epoch == b.epoch && a.seq == b.seq;
    }
    friend bool operator!=(const SyncPosition &a, const SyncPosition &b) { return !(a == b); }
};

} // namespace hearth

Q_DECLARE_METATYPE(hearth::SyncPosition)
