#include "models/orderspagesettings.h"

#include <QSettings>
#include <QVariant>

#include <algorithm>

namespace hearth {

namespace {

const QString kitchenModeKey = QStringLiteral("view/kitchenMode");
const QString fontStepKey = QStringLiteral("view/fontStep");
const QString hiddenColumnsKey = QStringLiteral("view/hiddenColumns");
const QString chimeKey = QStringLiteral("attention/chime");
const QString trayKey = QStringLiteral("attention/trayMessages");
const QString escalateKey = QStringLiteral("attention/escalateAfterMinutes");
constexpr std::chrono::minutes defaultWarning{5};
constexpr std::chrono::minutes defaultUrgent{10};

QString ageKey(OrderStatus status, const char *which)
{
    return QStringLiteral("ages/%1/%2").arg(statusToWire(status), QLatin1StringView(which));
}

} // namespace

OrdersPageSettings::OrdersPageSettings(QObject *parent) : QObject(parent)
{
    load();
}

void OrdersPageSettings::load()
{
    const QSettings settings;
    m_kitchenMode = settings.value(kitchenModeKey, false).toBool();
    m_fontStep = std::clamp(settings.value(fontStepKey, 0).toInt(), minFontStep, maxFontStep);
    m_hiddenColumns.clear();
    const QStringList hidden = settings.value(hiddenColumnsKey).toStringList();
    for (const QString &column : hidden) {
        bool ok = false;
        const int number = column.toInt(&ok);
        if (ok)
            m_hiddenColumns << number;
    }
    m_chime = settings.value(chimeKey, false).toBool();
    m_trayMessages = settings.value(trayKey, true).toBool();
    m_escalateAfter = std::chrono::minutes(qMax(0, settings.value(escalateKey, 5).toInt()));
}

void OrdersPageSettings::setKitchenMode(bool on)
{
    if (on == m_kitchenMode)
        return;
    m_kitchenMode = on;
    QSettings().setValue(kitchenModeKey, on);
    emit changed();
}

void OrdersPageSettings::setFontStep(int step)
{
    step = std::clamp(step, minFontStep, maxFontStep);
    if (step == m_fontStep)
        return;
    m_fontStep = step;
    QSettings().setValue(fontStepKey, step);
    emit changed();
}

void OrdersPageSettings::setColumnShown(int column, bool shown)
{
    if (shown == isColumnShown(column))
        return;
    if (shown)
        m_hiddenColumns.removeAll(column);
    else
        m_hiddenColumns << column;
    QStringList stored;
    for (int hidden : std::as_const(m_hiddenColumns))
        stored << QString::number(hidden);
    QSettings().setValue(hiddenColumnsKey, stored);
    emit changed();
}

void OrdersPageSettings::setChime(bool on)
{
    if (on == m_chime)
        return;
    m_chime = on;
    QSettings().setValue(chimeKey, on);
    emit changed();
}

void OrdersPageSettings::setTrayMessages(bool on)
{
    if (on == m_trayMessages)
        return;
    m_trayMessages = on;
    QSettings().setValue(trayKey, on);
    emit changed();
}

void OrdersPageSettings::setEscalateAfter(std::chrono::minutes minutes)
{
    minutes = qMax(std::chrono::minutes(0), minutes);
    if (minutes == m_escalateAfter)
        return;
    m_escalateAfter = minutes;
    QSettings().setValue(escalateKey, int(minutes.count()));
    emit changed();
}

std::chrono::minutes OrdersPageSettings::ageWarning(OrderStatus status) const
{
    return std::chrono::minutes(qMax(0, QSettings().value(ageKey(status, "warning"), int(defaultWarning.count())).toInt()));
}

std::chrono::minutes OrdersPageSettings::ageUrgent(OrderStatus status) const
{
    return std::chrono::minutes(qMax(0, QSettings().value(ageKey(status, "urgent"), int(defaultUrgent.count())).toInt()));
}

void OrdersPageSettings::setAgeThresholds(OrderStatus status, std::chrono::minutes warning, std::chrono::minutes urgent)
{
    QSettings settings;
    settings.setValue(ageKey(status, "warning"), int(warning.count()));
    settings.setValue(ageKey(status, "urgent"), int(urgent.count()));
    emit changed();
}

} // namespace hearth
