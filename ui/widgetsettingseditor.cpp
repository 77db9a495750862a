#include "ui/widgetsettingseditor.h"
#include "ui_widgetsettingseditor.h"

#include "core/widgetcodec.h"
#include "ui/fielderrorlabel.h"
#include "ui/openinghoursedit.h"
#include "ui/openinghourstext.h"
#include "ui/settingtext.h"
#include "ui/widgetpreview.h"

#include <QApplication>
#include <QFormLayout>
#include <QLocale>
#include <QSignalBlocker>
#include <QToolButton>

#include <cmath>
#include <deque>

namespace hearth {

namespace {

// The setting keys of docs/protocol.md ("Widgets").
const QString enabledKey = QStringLiteral("enabled");
const QString titleKey = QStringLiteral("title");
const QString greetingKey = QStringLiteral("greeting");
const QString colorKey = QStringLiteral("primary_color");
const QString buttonTextKey = QStringLiteral("button_text");
const QString hoursKey = QStringLiteral("opening_hours");
const QString partyKey = QStringLiteral("max_party_size");
const QString leadTimeKey = QStringLiteral("lead_time_minutes");
const QString slotKey = QStringLiteral("slot_minutes");
const QString minimumOrderKey = QStringLiteral("minimum_order_cents");
const QString pickupKey = QStringLiteral("pickup_enabled");
const QString deliveryKey = QStringLiteral("delivery_enabled");
const QString pausedKey = QStringLiteral("paused");

const QString settingsPrefix = QStringLiteral("settings.");
const QString hoursPathPrefix = QStringLiteral("settings.opening_hours.");

// "settings.opening_hours.mon[1]" → 0 (Monday); -1 for any other path.
int dayOfPath(const QString &path)
{
    if (!path.startsWith(hoursPathPrefix))
        return -1;
    return WeeklyHours::dayFromKey(path.mid(hoursPathPrefix.size(), 3)).value_or(-1);
}

qint64 centsOf(double amount)
{
    return static_cast<qint64>(std::llround(amount * 100.0));
}

} // namespace

WidgetSettingsEditor::WidgetSettingsEditor(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::WidgetSettingsEditor>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("widgetEditor"));
    setUpFields();
    connectEdits();
    connect(qApp, &QApplication::focusChanged, this, &WidgetSettingsEditor::onFocusChanged);
    connect(m_ui->chooseConflictButton, &QPushButton::clicked, this, &WidgetSettingsEditor::conflictChooserRequested);
    setSaveState({}, false);
    setPresence({});
    setReadOnly(false);
}

WidgetSettingsEditor::~WidgetSettingsEditor()
{
    // Closing a window moves the focus while QWidget's destructor runs: no slot of ours then.
    disconnect(qApp, &QApplication::focusChanged, this, nullptr);
}

void WidgetSettingsEditor::setUpFields()
{
    Ui::WidgetSettingsEditor &ui = *m_ui;
    QFont heading = ui.headingLabel->font();
    heading.setPointSizeF(heading.pointSizeF() * 1.2);
    heading.setBold(true);
    ui.headingLabel->setFont(heading);
    ui.presenceLabel->setStyleSheet(QStringLiteral("color: #5a4a8a;"));
    ui.readOnlyLabel->setStyleSheet(QStringLiteral("background: #fff4d6; color: #5c4300; padding: 6px; border-radius: 4px;"));

    ui.slotCombo->addItem(tr("15 minutes"), 15);
    ui.slotCombo->addItem(tr("30 minutes"), 30);
    ui.slotCombo->addItem(tr("60 minutes"), 60);
    const QLocale locale;
    ui.minimumOrderSpin->setDecimals(2);
    // The locale's currency, on the side it is written ("€ 12,00" or "12,00 €").
    const QString symbol = locale.currencySymbol();
    if (locale.toCurrencyString(1.0).startsWith(symbol))
        ui.minimumOrderSpin->setPrefix(symbol + u' ');
    else
        ui.minimumOrderSpin->setSuffix(u' ' + symbol);
    // Numbers and choices need no more room than their longest value.
    for (QWidget *compact : {static_cast<QWidget *>(ui.maxPartySpin), static_cast<QWidget *>(ui.leadTimeSpin),
                             static_cast<QWidget *>(ui.slotCombo), static_cast<QWidget *>(ui.minimumOrderSpin)})
        compact->setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("10080 min ahead")) + 48);
    ui.editorLayout->setStretchFactor(ui.editorSplitter, 1); // the header lines take only their height
    ui.editorSplitter->setStretchFactor(0, 3);
    ui.editorSplitter->setStretchFactor(1, 2);

    m_fields = {
        {enabledKey, {ui.enabledCheck}},
        {titleKey, {ui.titleEdit}},
        {greetingKey, {ui.greetingEdit}},
        {colorKey, {ui.colorField}},
        {buttonTextKey, {ui.buttonTextEdit}},
        {partyKey, {ui.maxPartySpin}},
        {leadTimeKey, {ui.leadTimeSpin}},
        {slotKey, {ui.slotCombo}},
        {minimumOrderKey, {ui.minimumOrderSpin}},
        {pickupKey, {ui.pickupCheck}},
        {deliveryKey, {ui.deliveryCheck}},
        {pausedKey, {ui.pausedCheck}},
        {hoursKey, {ui.openingHoursEdit}},
    };
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        if (it.key() != hoursKey) // the days carry their own messages
            attachError(it.key(), it.value().first());
    }
    // A message about the whole week (the server names only the setting) goes under the days.
    QLabel *hoursError = makeFieldErrorLabel(ui.hoursGroup);
    hoursError->setObjectName(QStringLiteral("error_opening_hours"));
    ui.hoursLayout->addWidget(hoursError);
    m_errorLabels.insert(hoursKey, hoursError);
    m_errorLabels.insert(QString(), makeFieldErrorLabel(this)); // messages that belong to no field
    ui.editorLayout->insertWidget(ui.editorLayout->indexOf(ui.editorSplitter), m_errorLabels.value(QString()));
}

void WidgetSettingsEditor::attachError(const QString &key, QWidget *field)
{
    auto *form = qobject_cast<QFormLayout *>(field->parentWidget()->layout());
    int row = -1;
    QFormLayout::ItemRole role;
    form->getWidgetPosition(field, &row, &role);
    QLabel *label = makeFieldErrorLabel(field->parentWidget());
    label->setObjectName(QStringLiteral("error_%1").arg(key));
    if (role == QFormLayout::SpanningRole)
        form->insertRow(row + 1, label);
    else
        form->insertRow(row + 1, static_cast<QWidget *>(nullptr), label);
    m_errorLabels.insert(key, label);
}

void WidgetSettingsEditor::connectEdits()
{
    Ui::WidgetSettingsEditor &ui = *m_ui;
    auto edit = [this](const QString &key) { return [this, key] { onUserEdit(key); }; };
    connect(ui.enabledCheck, &QCheckBox::toggled, this, edit(enabledKey));
    connect(ui.titleEdit, &QLineEdit::textEdited, this, edit(titleKey));
    connect(ui.greetingEdit, &QPlainTextEdit::textChanged, this, edit(greetingKey));
    connect(ui.colorField, &ColorField::textEdited, this, edit(colorKey));
    connect(ui.buttonTextEdit, &QLineEdit::textEdited, this, edit(buttonTextKey));
    connect(ui.maxPartySpin, &QSpinBox::valueChanged, this, edit(partyKey));
    connect(ui.leadTimeSpin, &QSpinBox::valueChanged, this, edit(leadTimeKey));
    connect(ui.slotCombo, &QComboBox::currentIndexChanged, this, edit(slotKey));
    connect(ui.minimumOrderSpin, &QDoubleSpinBox::valueChanged, this, edit(minimumOrderKey));
    connect(ui.pickupCheck, &QCheckBox::toggled, this, edit(pickupKey));
    connect(ui.deliveryCheck, &QCheckBox::toggled, this, edit(deliveryKey));
    connect(ui.pausedCheck, &QCheckBox::toggled, this, edit(pausedKey));
    connect(ui.openingHoursEdit, &OpeningHoursEdit::edited, this, [this](int day) { onUserEdit(hoursKey, day); });
}

void WidgetSettingsEditor::load(const WidgetConfig &widget)
{
    m_widgetId = widget.id;
    m_kind = widget.kind;
    m_serverErrors.clear();
    m_held.reset();
    m_typedOverHeld = false;
    m_keptInvalid.clear();
    const QString previousTyping = m_typingKey;
    m_typingKey.clear();
    m_typingDay = -1;
    if (!previousTyping.isEmpty())
        emit typingChanged({});
    // The managers' own name first; the kind only when the name does not already say it.
    const QString kindName = widget.kind == WidgetKind::Booking ? tr("table booking") : tr("online ordering");
    m_ui->headingLabel->setText(widget.name.compare(kindName, Qt::CaseInsensitive) == 0
                                    ? widget.name
                                    : tr("%1 — %2 widget", "name — kind").arg(widget.name, kindName));
    m_ui->bookingGroup->setVisible(widget.kind == WidgetKind::Booking);
    m_ui->orderingGroup->setVisible(widget.kind == WidgetKind::Ordering);
    m_shown = widget.settings;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        applyField(it.key(), widget.settings);
    refreshMessages();
    refreshPreview();
}

WidgetSettings WidgetSettingsEditor::settings() const
{
    const Ui::WidgetSettingsEditor &ui = *m_ui;
    WidgetSettings s = m_shown;
    s.enabled = ui.enabledCheck->isChecked();
    s.title = ui.titleEdit->text();
    s.greeting = ui.greetingEdit->toPlainText();
    s.primaryColor = ui.colorField->text().trimmed();
    s.buttonText = ui.buttonTextEdit->text();
    s.openingHours = ui.openingHoursEdit->hours(m_shown.openingHours);
    if (m_kind == WidgetKind::Booking) {
        s.maxPartySize = ui.maxPartySpin->value();
        s.leadTimeMinutes = ui.leadTimeSpin->value();
        s.slotMinutes = ui.slotCombo->currentData().toInt();
    } else {
        s.minimumOrderCents = centsOf(ui.minimumOrderSpin->value());
        s.pickupEnabled = ui.pickupCheck->isChecked();
        s.deliveryEnabled = ui.deliveryCheck->isChecked();
        s.paused = ui.pausedCheck->isChecked();
    }
    return s;
}

FieldErrors WidgetSettingsEditor::localErrors() const
{
    FieldErrors errors = WidgetCodec::validateSettings(m_kind, settings());
    QMap<int, QString> problems;
    m_ui->openingHoursEdit->hours(m_shown.openingHours, &problems);
    for (auto it = problems.cbegin(); it != problems.cend(); ++it)
        errors.append({hoursPathPrefix + WeeklyHours::dayKey(it.key()), it.value()});
    return errors;
}

void WidgetSettingsEditor::applyField(const QString &key, const WidgetSettings &s, int skipDay)
{
    Ui::WidgetSettingsEditor &ui = *m_ui;
    // Programmatic values are not edits: nothing is reported back, nothing re-saved.
    std::deque<QSignalBlocker> blockers;
    for (QWidget *widget : m_fields.value(key))
        blockers.emplace_back(widget);
    if (key == enabledKey) {
        ui.enabledCheck->setChecked(s.enabled);
    } else if (key == titleKey) {
        if (ui.titleEdit->text() != s.title)
            ui.titleEdit->setText(s.title);
    } else if (key == greetingKey) {
        if (ui.greetingEdit->toPlainText() != s.greeting)
            ui.greetingEdit->setPlainText(s.greeting);
    } else if (key == colorKey) {
        ui.colorField->setText(s.primaryColor);
    } else if (key == buttonTextKey) {
        if (ui.buttonTextEdit->text() != s.buttonText)
            ui.buttonTextEdit->setText(s.buttonText);
    } else if (key == partyKey) {
        ui.maxPartySpin->setValue(s.maxPartySize);
    } else if (key == leadTimeKey) {
        ui.leadTimeSpin->setValue(s.leadTimeMinutes);
    } else if (key == slotKey) {
        const int index = ui.slotCombo->findData(s.slotMinutes);
        ui.slotCombo->setCurrentIndex(index);
    } else if (key == minimumOrderKey) {
        if (centsOf(ui.minimumOrderSpin->value()) != s.minimumOrderCents)
            ui.minimumOrderSpin->setValue(static_cast<double>(s.minimumOrderCents) / 100.0);
    } else if (key == pickupKey) {
        ui.pickupCheck->setChecked(s.pickupEnabled);
    } else if (key == deliveryKey) {
        ui.deliveryCheck->setChecked(s.deliveryEnabled);
    } else if (key == pausedKey) {
        ui.pausedCheck->setChecked(s.paused);
    } else if (key == hoursKey) {
        WeeklyHours hours = s.openingHours;
        if (skipDay >= 0) // the day being typed in keeps its text
            hours.days[static_cast<size_t>(skipDay)] =
                ui.openingHoursEdit->hours(m_shown.openingHours).days[static_cast<size_t>(skipDay)];
        ui.openingHoursEdit->setHours(hours);
    }
}

void WidgetSettingsEditor::showSettings(const WidgetSettings &incoming)
{
    const WidgetSettings before = m_shown;
    m_shown = incoming;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        if (m_keptInvalid.contains(it.key()) && it.key() != m_typingKey) {
            continue; // typed but not valid yet: it keeps its text and its message until fixed
        } else if (it.key() != m_typingKey) {
            applyField(it.key(), incoming);
        } else {
            if (it.key() == hoursKey)
                applyField(hoursKey, incoming, m_typingDay); // the other days follow at once
            holdForTypingField(incoming);
        }
    }
    // The text being typed stays the fallback of its own field, so a half-typed day is not undone.
    if (!m_typingKey.isEmpty() && m_typingKey == hoursKey && m_typingDay >= 0)
        m_shown.openingHours.days[static_cast<size_t>(m_typingDay)] = before.openingHours.days[static_cast<size_t>(m_typingDay)];
    refreshMessages();
    refreshPreview();
}

void WidgetSettingsEditor::onUserEdit(const QString &key, int day)
{
    m_serverErrors.removeIf([&key](const auto &entry) { return WidgetCodec::settingKeyOfPath(entry.key()) == key; });
    if (m_typingKey != key || m_typingDay != day) {
        // Typing moved to another field without the focus leaving the first (a click on a box).
        if (!m_typingKey.isEmpty())
            settleHeld(m_typingKey);
        const bool changed = m_typingKey != key;
        m_typingKey = key;
        m_typingDay = day;
        if (changed)
            emit typingChanged(key);
    } else if (m_held) {
        m_typedOverHeld = true; // the manager changed it too: theirs is offered, not applied
    }
    const FieldErrors errors = localErrors();
    const bool invalid = std::any_of(errors.cbegin(), errors.cend(), [&key](const FieldError &error) {
        return WidgetCodec::settingKeyOfPath(error.field) == key;
    });
    if (invalid)
        m_keptInvalid.insert(key);
    else
        m_keptInvalid.remove(key);
    refreshMessages();
    refreshPreview();
    emit edited(key);
}

QString WidgetSettingsEditor::keyOf(QWidget *widget, int *day) const
{
    for (QWidget *w = widget; w && w != this; w = w->parentWidget()) {
        for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
            if (!it.value().contains(w))
                continue;
            if (day && it.key() == hoursKey) {
                *day = -1;
                for (int d = 0; d < WeeklyHours::dayCount; ++d) {
                    if (m_ui->openingHoursEdit->dayEdit(d) == widget)
                        *day = d;
                }
            }
            return it.key();
        }
    }
    return {};
}

void WidgetSettingsEditor::onFocusChanged(QWidget *old, QWidget *now)
{
    if (m_typingKey.isEmpty() || !old)
        return;
    int oldDay = -1;
    int nowDay = -1;
    const QString oldKey = keyOf(old, &oldDay);
    const QString nowKey = keyOf(now, &nowDay);
    if (oldKey != m_typingKey || (nowKey == oldKey && nowDay == oldDay))
        return;
    // The cursor left the field: what arrived meanwhile is shown now.
    const QString left = m_typingKey;
    m_typingKey.clear();
    m_typingDay = -1;
    settleHeld(left);
    emit typingChanged({});
}

void WidgetSettingsEditor::holdForTypingField(const WidgetSettings &incoming)
{
    const QJsonValue theirs = WidgetCodec::settingsToJson(m_kind, incoming).value(m_typingKey);
    const QJsonValue typed = WidgetCodec::settingsToJson(m_kind, settings()).value(m_typingKey);
    if (theirs == typed) {
        m_held.reset(); // this PC's own edit coming back, or the same value: nothing to wait for
        m_typedOverHeld = false;
    } else if (!m_held || WidgetCodec::settingsToJson(m_kind, *m_held).value(m_typingKey) != theirs) {
        m_held = incoming;
        m_typedOverHeld = false;
    } else {
        m_held = incoming; // the same value for this field again; other fields may be newer
    }
}

void WidgetSettingsEditor::settleHeld(const QString &key)
{
    if (!m_held)
        return;
    const WidgetSettings held = *m_held;
    const bool conflicting = m_typedOverHeld || m_keptInvalid.contains(key);
    m_held.reset();
    m_typedOverHeld = false;
    if (conflicting) {
        emit typedOverRemoteChange(key, held);
        return;
    }
    m_shown = held;
    applyField(key, held);
    refreshMessages();
    refreshPreview();
}

void WidgetSettingsEditor::takeValue(const QString &key, const WidgetSettings &from)
{
    applyField(key, from);
    m_keptInvalid.remove(key);
    refreshMessages();
    refreshPreview();
    emit edited(key);
}

void WidgetSettingsEditor::showServerErrors(const FieldErrors &errors)
{
    m_serverErrors.clear();
    for (const FieldError &error : errors)
        m_serverErrors.insert(error.field, error.message);
    refreshMessages();
}

void WidgetSettingsEditor::refreshMessages()
{
    // Local messages first (they follow the typing), then the server's for fields not re-edited.
    QMap<QString, QStringList> byKey;
    QMap<int, QStringList> byDay;
    auto add = [&](const QString &path, const QString &message) {
        const int day = dayOfPath(path);
        if (day >= 0) {
            // "settings.opening_hours.mon[1]" names the range; say it as the manager wrote it.
            const int open = path.indexOf(u'[');
            const int index = open < 0 ? -1 : path.mid(open + 1, path.indexOf(u']') - open - 1).toInt();
            const QList<OpeningRange> ranges = settings().openingHours.days[static_cast<size_t>(day)];
            const QString text = index >= 0 && index < ranges.size()
                ? tr("%1 %2", "an opening time, then what is wrong with it")
                      .arg(OpeningHoursText::formatDay({ranges.at(index)}), message)
                : message;
            if (!byDay[day].contains(text))
                byDay[day].append(text);
            return;
        }
        const QString key = path.startsWith(settingsPrefix) ? WidgetCodec::settingKeyOfPath(path) : QString();
        const QString target = m_errorLabels.contains(key) ? key : QString();
        // The codec's messages are predicates ("must not be empty"); the setting's name makes them whole.
        const QString text = tr("%1 %2", "a setting's name, then what is wrong with it")
                                 .arg(key.isEmpty() ? path : SettingText::label(key), message);
        if (!byKey[target].contains(text))
            byKey[target].append(text);
    };
    const FieldErrors local = localErrors();
    for (const FieldError &error : local)
        add(error.field, error.message);
    for (auto it = m_serverErrors.cbegin(); it != m_serverErrors.cend(); ++it)
        add(it.key(), it.value());
    for (auto it = m_errorLabels.cbegin(); it != m_errorLabels.cend(); ++it)
        setFieldError(it.value(), byKey.value(it.key()).join(u'\n'));
    m_ui->openingHoursEdit->clearErrors();
    for (auto it = byDay.cbegin(); it != byDay.cend(); ++it)
        m_ui->openingHoursEdit->setDayError(it.key(), it.value().join(u'\n'));
}

void WidgetSettingsEditor::refreshPreview()
{
    m_ui->preview->setContent(m_kind, settings());
}

void WidgetSettingsEditor::setSaveState(const QString &text, bool conflict)
{
    m_ui->saveStateLabel->setText(text);
    m_ui->saveStateLabel->setVisible(!text.isEmpty());
    m_ui->saveStateLabel->setStyleSheet(conflict ? QStringLiteral("color: #b00020; font-weight: bold;") : QString());
    m_ui->chooseConflictButton->setVisible(conflict);
}

void WidgetSettingsEditor::setPresence(const QString &text)
{
    m_ui->presenceLabel->setText(text);
    m_ui->presenceLabel->setVisible(!text.isEmpty());
}

void WidgetSettingsEditor::setReadOnly(bool readOnly, const QString &reason)
{
    m_readOnly = readOnly;
    for (QWidget *group : {static_cast<QWidget *>(m_ui->commonGroup), static_cast<QWidget *>(m_ui->bookingGroup),
                           static_cast<QWidget *>(m_ui->orderingGroup), static_cast<QWidget *>(m_ui->hoursGroup)})
        group->setEnabled(!readOnly);
    m_ui->readOnlyLabel->setText(reason);
    m_ui->readOnlyLabel->setVisible(readOnly && !reason.isEmpty());
}

QList<QWidget *> WidgetSettingsEditor::fieldWidgets(const QString &key) const
{
    if (key == hoursKey) {
        QList<QWidget *> days;
        for (int day = 0; day < WeeklyHours::dayCount; ++day)
            days.append(m_ui->openingHoursEdit->dayEdit(day));
        return days;
    }
    if (key == colorKey)
        return {static_cast<QWidget *>(m_ui->colorField->lineEdit()), static_cast<QWidget *>(m_ui->colorField->button())};
    return m_fields.value(key);
}

QString WidgetSettingsEditor::errorText(const QString &key) const
{
    if (key.startsWith(hoursPathPrefix))
        return m_ui->openingHoursEdit->dayError(dayOfPath(key));
    const QLabel *label = m_errorLabels.value(key);
    return label ? label->text() : QString();
}

WidgetPreview *WidgetSettingsEditor::preview() const
{
    return m_ui->preview;
}

OpeningHoursEdit *WidgetSettingsEditor::openingHours() const
{
    return m_ui->openingHoursEdit;
}

QString WidgetSettingsEditor::saveStateText() const
{
    return m_ui->saveStateLabel->text();
}

QString WidgetSettingsEditor::presenceText() const
{
    return m_ui->presenceLabel->text();
}

} // namespace hearth
