#pragma once

// The last few things that went wrong with the link, for the diagnostics panel and support: a
// restaurant calls about "the orders froze at eight" and this says what happened then. Bounded;
// a link failing the same way on every retry fills one entry, not the whole list.
#include "realtime/realtimestats.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace hearth {

class ErrorHistory
{
public:
    static constexpr int defaultCapacity = 20;

    explicit ErrorHistory(int capacity = defaultCapacity);

    void add(const QString &message, const QString &details,
             const QDateTime &at = QDateTime::currentDateTimeUtc());
    const QList<RecentError> &entries() const { return m_entries; } // oldest first
    void clear() { m_entries.clear(); }

private:
    int m_capacity;
    QList<RecentError> m_entries;
};

} // namespace hearth
