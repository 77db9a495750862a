#pragma once

// The orders page's preferences, kept in QSettings and read back at the next start: kitchen mode,
// the text size, the columns shown, the attention layer (chime off by default for quiet offices,
// tray message, escalation after N minutes) and the age colour thresholds per status. Every
// setter saves at once and emits changed(); the widgets apply what they read.
#include "core/order.h"

#include <QList>
#include <QObject>

#include <chrono>

namespace hearth {

class OrdersPageSettings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrdersPageSettings)

public:
    static constexpr int minFontStep = -3;
    static constexpr int maxFontStep = 8;

    explicit OrdersPageSettings(QObject *parent = nullptr);

    // Large, high-contrast text for a screen seen from the pass.
    bool kitchenMode() const { return m_kitchenMode; }
    void setKitchenMode(bool on);
    // Points added to (or taken from) the normal text size.
    int fontStep() const { return m_fontStep; }
    void setFontStep(int step);
    QList<int> hiddenColumns() const { return m_hiddenColumns; }
    bool isColumnShown(int column) const { return !m_hiddenColumns.contains(column); }
    void setColumnShown(int column, bool shown);

    bool chime() const { return m_chime; }
    void setChime(bool on);
    bool trayMessages() const { return m_trayMessages; }
    void setTrayMessages(bool on);
    // An order nobody has acknowledged this long after it came is announced again (0: never).
    std::chrono::minutes escalateAfter() const { return m_escalateAfter; }
    void setEscalateAfter(std::chrono::minutes minutes);

    // The ages that turn an order's Received cell amber and red, per status (5 and 10 minutes
    // unless set as ages/<status>/warning and …/urgent, in minutes).
    std::chrono::minutes ageWarning(OrderStatus status) const;
    std::chrono::minutes ageUrgent(OrderStatus status) const;
    void setAgeThresholds(OrderStatus status, std::chrono::minutes warning, std::chrono::minutes urgent);

signals:
    void changed();

private:
    void load();

    bool m_kitchenMode = false;
    int m_fontStep = 0;
    QList<int> m_hiddenColumns;
    bool m_chime = false;
    bool m_trayMessages = true;
    std::chrono::minutes m_escalateAfter{5};
};

} // namespace hearth
