#pragma once

// Which orders' kitchen tickets this PC has printed, kept in a small JSON file beside the orders'
// cache, so the second ticket of an order says "REPRINT" after a restart too (a crash mid-service
// must not make the kitchen cook a second copy). Bounded: entries older than two days go (no
// order stays on screen that long) and at most maxEntries are kept. Written whole through a
// temporary file, so a crash leaves the old list or the new one, never half of either.
#include <QDateTime>
#include <QHash>
#include <QString>

namespace hearth {

class PrintedTickets final
{
public:
    static constexpr qsizetype maxEntries = 2000;
    static constexpr qint64 keptSeconds = 2 * 24 * 60 * 60;

    PrintedTickets() = default; // memory only until open()

    // Reads the file (a missing one is an empty list); false with the reason when it cannot be
    // read, and the list then lives in memory only.
    bool open(const QString &path, const QDateTime &now = QDateTime::currentDateTimeUtc(), QString *error = nullptr);
    QString path() const { return m_path; }
    bool contains(const QString &orderId) const { return m_printed.contains(orderId); }
    qsizetype size() const { return m_printed.size(); }
    // Remembers the print and saves at once; false with the reason when the file cannot be written
    // (the print is still remembered for this run).
    bool add(const QString &orderId, const QDateTime &at = QDateTime::currentDateTimeUtc(), QString *error = nullptr);

private:
    void prune(const QDateTime &now);
    bool save(QString *error) const;

    QString m_path;
    QHash<QString, qint64> m_printed; // order id → ms since the epoch
};

} // namespace hearth
