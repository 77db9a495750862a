#pragma once

// Under the widget editor, for an ordering widget: how the kitchen's load affects it — the load,
// the state (normal, busy with a longer quoted lead time, paused automatically), the thresholds a
// manager sets, and the manual override ("follow the kitchen", "keep open", "keep paused"). Read
// from GET /api/kitchen when shown, every 15 s, and when the widget changes on the server (an
// automatic pause arrives as a widget.updated); written with PUT /api/kitchen/widgets/{id}.
#include "core/kitchenstatus.h"

#include <QGroupBox>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTimer;

namespace hearth {

class RestClient;
class WidgetConfigModel;

class KitchenPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KitchenPanel)

public:
    KitchenPanel(RestClient *rest, WidgetConfigModel *widgets, QWidget *parent = nullptr);

    // The widget in the editor; the panel hides for anything but an ordering widget.
    void showWidget(const QString &widgetId);
    // Managers change thresholds and the override; staff only see the state.
    void setCanConfigure(bool canConfigure);
    void refresh();

    QString stateText() const;
    bool showsAutomaticPause() const;

signals:
    void loaded();

private:
    void show(const KitchenWidgetControl *control, int load);
    void apply();

    RestClient *m_rest;
    WidgetConfigModel *m_widgets;
    QString m_widgetId;
    QLabel *m_state;
    QLabel *m_autoPause;
    QSpinBox *m_busyAt;
    QSpinBox *m_pauseAt;
    QSpinBox *m_baseMinutes;
    QComboBox *m_override;
    QPushButton *m_apply;
    QLabel *m_problem;
    QTimer *m_timer;
    bool m_canConfigure = false;
    bool m_loadedOnce = false;
};

} // namespace hearth
