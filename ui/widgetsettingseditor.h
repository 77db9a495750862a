#pragma once

// The editor of one widget's settings (widgetsettingseditor.ui): the form, the live preview, per-field
// messages, the save state, who else is here, and the read-only reason for staff. It knows nothing
// of saving: it reports each edit, shows whatever settings it is given, and guards the one field
// being typed in — a value arriving for it waits until the cursor leaves.
#include "core/jsonreader.h"
#include "core/widgetconfig.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;

namespace Ui {
class WidgetSettingsEditor;
}

namespace hearth {

class OpeningHoursEdit;
class WidgetPreview;

class WidgetSettingsEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WidgetSettingsEditor)

public:
    explicit WidgetSettingsEditor(QWidget *parent = nullptr);
    ~WidgetSettingsEditor() override;

    // Another widget: every field loaded, messages and held values dropped.
    void load(const WidgetConfig &widget);
    QString widgetId() const { return m_widgetId; }
    WidgetKind kind() const { return m_kind; }
    // The settings as the fields show them; a day of opening hours that does not read as times
    // keeps its last good value (its message says so).
    WidgetSettings settings() const;
    // The messages the shared codec has for the form right now, by setting key path.
    FieldErrors localErrors() const;
    bool hasLocalErrors() const { return !localErrors().isEmpty(); }

    // What the widget is now (the server's and this PC's edits together). Every field shows it at
    // once except the one being typed in, which takes it when the cursor leaves.
    void showSettings(const WidgetSettings &settings);
    // The server's per-field messages (422), shown until that field is edited again.
    void showServerErrors(const FieldErrors &errors);
    // The value of `key` from `from`, as if typed: shown and reported as an edit (the manager
    // took the other PC's value).
    void takeValue(const QString &key, const WidgetSettings &from);
    void setSaveState(const QString &text, bool conflict);
    void setPresence(const QString &text);
    void setReadOnly(bool readOnly, const QString &reason = {});
    bool isReadOnly() const { return m_readOnly; }

    // The setting key being typed in ("title"), empty when none: presence tells the others.
    QString typingKey() const { return m_typingKey; }
    // The field widgets for a setting key, for tests and focus; the first takes focus.
    QList<QWidget *> fieldWidgets(const QString &key) const;
    QString errorText(const QString &key) const;
    WidgetPreview *preview() const;
    OpeningHoursEdit *openingHours() const;
    QString saveStateText() const;
    QString presenceText() const;

signals:
    void edited(const QString &key);
    void typingChanged(const QString &key);
    void conflictChooserRequested();
    // Another PC changed `key` while it was being typed in here, and the typing went on: when
    // the cursor leaves, both values are offered (`theirs` holds the other PC's).
    void typedOverRemoteChange(const QString &key, const hearth::WidgetSettings &theirs);

private:
    void setUpFields();
    void attachError(const QString &key, QWidget *field);
    void connectEdits();
    void onUserEdit(const QString &key, int day = -1);
    void onFocusChanged(QWidget *old, QWidget *now);
    QString keyOf(QWidget *widget, int *day = nullptr) const;
    void applyField(const QString &key, const WidgetSettings &settings, int skipDay = -1);
    void holdForTypingField(const WidgetSettings &incoming);
    void settleHeld(const QString &key);
    void refreshMessages();
    void refreshPreview();

    std::unique_ptr<Ui::WidgetSettingsEditor> m_ui;
    QString m_widgetId;
    WidgetKind m_kind = WidgetKind::Booking;
    WidgetSettings m_shown;                   // the last settings given, the fallback for bad text
    QHash<QString, QList<QWidget *>> m_fields; // setting key → its widgets
    QHash<QString, QLabel *> m_errorLabels;
    QMap<QString, QString> m_serverErrors;    // key path → message
    QString m_typingKey;
    int m_typingDay = -1;
    std::optional<WidgetSettings> m_held;     // arrived while m_typingKey was being typed in
    bool m_typedOverHeld = false;             // typing went on after m_held arrived
    QSet<QString> m_keptInvalid;              // typed, refused by the codec: kept as typed
    bool m_readOnly = false;
};

} // namespace hearth
