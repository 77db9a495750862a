#include "store/printedtickets.h"

#include "core/logging.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

namespace hearth {

namespace {

constexpr qint64 maxFileBytes = 1024 * 1024; // far beyond maxEntries; anything larger is not ours
constexpr qsizetype maxIdLength = 200;

} // namespace

bool PrintedTickets::open(const QString &path, const QDateTime &now, QString *error)
{
    m_path = path;
    m_printed.clear();
    QFile file(path);
    if (!file.exists())
        return true;
    const auto fail = [&](const QString &reason) {
        qCWarning(lcStore).noquote() << "printed tickets not read from" << path << ":" << reason;
        if (error)
            *error = reason;
        return false;
    };
    if (file.size() > maxFileBytes)
        return fail(QStringLiteral("the file is larger than %1 bytes").arg(maxFileBytes));
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return fail(parseError.errorString());
    const QJsonObject printed = document.object().value(QLatin1StringView("printed")).toObject();
    for (auto it = printed.constBegin(); it != printed.constEnd(); ++it) {
        if (it.value().isDouble() && !it.key().isEmpty() && it.key().size() <= maxIdLength)
            m_printed.insert(it.key(), it.value().toInteger());
    }
    prune(now);
    return true;
}

bool PrintedTickets::add(const QString &orderId, const QDateTime &at, QString *error)
{
    if (orderId.isEmpty() || orderId.size() > maxIdLength)
        return false;
    m_printed.insert(orderId, at.toMSecsSinceEpoch());
    prune(at);
    return m_path.isEmpty() || save(error);
}

void PrintedTickets::prune(const QDateTime &now)
{
    const qint64 oldest = now.toMSecsSinceEpoch() - keptSeconds * 1000;
    m_printed.removeIf([oldest](const auto &entry) { return entry.value() < oldest; });
    if (m_printed.size() <= maxEntries)
        return;
    QList<qint64> times = m_printed.values();
    std::sort(times.begin(), times.end());
    const qint64 cut = times.at(times.size() - maxEntries); // keep the newest maxEntries
    m_printed.removeIf([cut](const auto &entry) { return entry.value() < cut; });
}

bool PrintedTickets::save(QString *error) const
{
    QJsonObject printed;
    for (auto it = m_printed.constBegin(); it != m_printed.constEnd(); ++it)
        printed.insert(it.key(), it.value());
    QSaveFile file(m_path);
    if (file.open(QIODevice::WriteOnly)
        && file.write(QJsonDocument(QJsonObject{{QStringLiteral("printed"), printed}}).toJson(QJsonDocument::Compact)) >= 0
        && file.commit())
        return true;
    qCWarning(lcStore).noquote() << "printed tickets not saved to" << m_path << ":" << file.errorString();
    if (error)
        *error = file.errorString();
    return false;
}

} // namespace hearth
