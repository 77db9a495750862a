#include "ui/kitchenpanel.h"

#include "api/restclient.h"
#include "models/widgetconfigmodel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>

namespace hearth {

KitchenPanel::KitchenPanel(RestClient *rest, WidgetConfigModel *widgets, QWidget *parent)
    : QGroupBox(tr("Kitchen load"), parent),
      m_rest(rest),
      m_widgets(widgets),
      m_state(new QLabel(this)),
      m_autoPause(new QLabel(this)),
      m_busyAt(new QSpinBox(this)),
      m_pauseAt(new QSpinBox(this)),
      m_baseMinutes(new QSpinBox(this)),
      m_override(new QComboBox(this)),
      m_apply(new QPushButton(tr("Apply"), this)),
      m_problem(new QLabel(this)),
      m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("kitchenPanel"));
    m_state->setObjectName(QStringLiteral("kitchenState"));
    m_state->setWordWrap(true);
    m_autoPause->setObjectName(QStringLiteral("kitchenAutoPause"));
    m_autoPause->setStyleSheet(QStringLiteral("color: #a32d1e; font-weight: bold;"));
    m_autoPause->setText(tr("Online orders are paused automatically until the kitchen catches up."));
    m_autoPause->setWordWrap(true);
    m_autoPause->hide();
    m_busyAt->setObjectName(QStringLiteral("kitchenBusyAt"));
    m_pauseAt->setObjectName(QStringLiteral("kitchenPauseAt"));
    m_baseMinutes->setObjectName(QStringLiteral("kitchenBaseMinutes"));
    for (QSpinBox *box : {m_busyAt, m_pauseAt}) {
        box->setRange(0, 10000);
        box->setSpecialValueText(tr("Off"));
    }
    m_baseMinutes->setRange(1, 480);
    m_baseMinutes->setSuffix(tr(" min"));
    m_override->setObjectName(QStringLiteral("kitchenOverride"));
    m_override->addItem(tr("Follow the kitchen"), QStringLiteral("auto"));
    m_override->addItem(tr("Keep online orders open"), QStringLiteral("open"));
    m_override->addItem(tr("Keep online orders paused"), QStringLiteral("paused"));
    m_apply->setObjectName(QStringLiteral("kitchenApply"));
    m_problem->setObjectName(QStringLiteral("kitchenProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #a32d1e;"));
    m_problem->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Longer lead time from a load of"), m_busyAt);
    form->addRow(tr("Pause online orders from a load of"), m_pauseAt);
    form->addRow(tr("Lead time quoted normally"), m_baseMinutes);
    form->addRow(tr("Online orders"), m_override);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(m_autoPause);
    layout->addLayout(form);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_problem, 1);
    buttons->addWidget(m_apply);
    layout->addLayout(buttons);

    connect(m_apply, &QPushButton::clicked, this, &KitchenPanel::apply);
    m_timer->setInterval(15000);
    connect(m_timer, &QTimer::timeout, this, &KitchenPanel::refresh);
    // An automatic pause or resume reaches the editor as a change of the widget.
    connect(m_widgets, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &first, const QModelIndex &last) {
        const int row = m_widgets->rowOf(m_widgetId);
        if (row >= first.row() && row <= last.row())
            refresh();
    });
    setCanConfigure(false);
    hide();
}

void KitchenPanel::showWidget(const QString &widgetId)
{
    m_widgetId = widgetId;
    const WidgetConfig *widget = m_widgets->widgetById(widgetId);
    // Kitchen load is hearth-server's; a profile backend has none.
    const bool ordering = widget && widget->kind == WidgetKind::Ordering && m_rest->speaksHearthApi();
    setVisible(ordering);
    m_loadedOnce = false;
    if (ordering) {
        m_state->setText(tr("Reading the kitchen's load…"));
        refresh();
        m_timer->start();
    } else {
        m_timer->stop();
    }
}

void KitchenPanel::setCanConfigure(bool canConfigure)
{
    m_canConfigure = canConfigure;
    for (QWidget *control : std::initializer_list<QWidget *>{m_busyAt, m_pauseAt, m_baseMinutes, m_override, m_apply})
        control->setEnabled(canConfigure);
}

void KitchenPanel::refresh()
{
    if (m_widgetId.isEmpty() || !isVisible())
        return;
    const QString asked = m_widgetId;
    m_rest->fetchKitchen(this, [this, asked](const ApiResult<KitchenStatus> &result) {
        if (asked != m_widgetId)
            return;
        if (!result.ok()) {
            m_problem->setText(result.error.message);
            return;
        }
        m_problem->clear();
        show(result.value->control(m_widgetId), result.value->load);
    });
}

void KitchenPanel::show(const KitchenWidgetControl *control, int load)
{
    if (!control)
        return;
    QString state;
    if (control->state == QLatin1StringView("paused"))
        state = tr("Kitchen load %1: above the pause threshold (%2).").arg(load).arg(control->pauseAt);
    else if (control->state == QLatin1StringView("busy"))
        state = tr("Kitchen load %1: busy — online orders are quoted %2 minutes.").arg(load).arg(control->quotedMinutes);
    else if (control->busyAt == 0 && control->pauseAt == 0)
        state = tr("Kitchen load %1. No thresholds set: the load does not change this widget.").arg(load);
    else
        state = tr("Kitchen load %1: normal — online orders are quoted %2 minutes.").arg(load).arg(control->quotedMinutes);
    if (control->override == QLatin1StringView("open"))
        state += u' ' + tr("A manager keeps online orders open.");
    else if (control->override == QLatin1StringView("paused"))
        state += u' ' + tr("A manager keeps online orders paused.");
    m_state->setText(state);
    m_autoPause->setVisible(control->autoPaused);
    // The form follows the server until someone has changed it here.
    if (!m_loadedOnce || !m_canConfigure) {
        m_busyAt->setValue(control->busyAt);
        m_pauseAt->setValue(control->pauseAt);
        m_baseMinutes->setValue(control->baseMinutes);
        m_override->setCurrentIndex(std::max(0, m_override->findData(control->override)));
        m_loadedOnce = true;
    }
    emit loaded();
}

void KitchenPanel::apply()
{
    const QJsonObject body{{QStringLiteral("busy_at"), m_busyAt->value()},
                           {QStringLiteral("pause_at"), m_pauseAt->value()},
                           {QStringLiteral("base_minutes"), m_baseMinutes->value()},
                           {QStringLiteral("override"), m_override->currentData().toString()}};
    const QString asked = m_widgetId;
    m_apply->setEnabled(false);
    m_rest->configureKitchen(m_widgetId, body, this, [this, asked](const ApiResult<KitchenWidgetControl> &result) {
        m_apply->setEnabled(m_canConfigure);
        if (asked != m_widgetId)
            return;
        if (!result.ok()) {
            const QString field = result.error.fieldErrors.isEmpty() ? QString()
                                                                     : result.error.fieldErrors.cbegin().value();
            m_problem->setText(field.isEmpty() ? result.error.message : field);
            return;
        }
        m_problem->clear();
        m_loadedOnce = false;
        show(&*result.value, result.value->load);
    });
}

QString KitchenPanel::stateText() const
{
    return m_state->text();
}

bool KitchenPanel::showsAutomaticPause() const
{
    return !m_autoPause->isHidden();
}

} // namespace hearth
