#include "realtime/errorhistory.h"

#include <algorithm>

namespace hearth {

ErrorHistory::ErrorHistory(int capacity) : m_capacity(std::max(capacity, 1)) {}

void ErrorHistory::add(const QString &message, const QString &details, const QDateTime &at)
{
    if (!m_entries.isEmpty() && m_entries.constLast().message == message) {
        RecentError &last = m_entries.last();
        last.at = at;
        last.details = details;
        ++last.repeats;
        return;
    }
    m_entries.append(RecentError{at, message, details, 1});
    if (m_entries.size() > m_capacity)
        m_entries.remove(0, m_entries.size() - m_capacity);
}

} // namespace hearth
