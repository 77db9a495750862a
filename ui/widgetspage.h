#pragma once

// The Widgets page: the restaurant's website widgets in a table (name, kind, on the website, save
// state, last change) and the editor of the selected one. Edits go to the WidgetsClient field by
// field (it saves them by itself); what the model says — the server's values with this PC's edits
// on top, the save state, conflicts, who else is here — comes back into the editor.
#include "core/widgetconfig.h"

#include <QDialog>
#include <QPointer>
#include <QWidget>

class QLabel;
class QModelIndex;
class QTableView;

namespace hearth {

class KitchenPanel;
class WidgetConfigModel;
class WidgetListColumns;
class WidgetSettingsEditor;
class WidgetsClient;

class WidgetsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WidgetsPage)

public:
    WidgetsPage(WidgetConfigModel *model, WidgetsClient *client, QWidget *parent = nullptr);

    QTableView *list() const { return m_list; }
    WidgetSettingsEditor *editor() const { return m_editor; }
    QString currentWidgetId() const { return m_widgetId; }
    void selectWidget(const QString &widgetId);
    // Shown under the editor for the widget in it (the kitchen-load panel of ordering widgets).
    void setKitchenPanel(KitchenPanel *panel);
    // Opens the conflict chooser for the current widget (the editor's "Choose…" button does).
    void chooseConflicts();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void onCurrentRowChanged(const QModelIndex &current);
    void onRowsChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void onRowsInserted();
    void onEdited(const QString &key);
    void onTypingChanged(const QString &key);
    void chooseTypedOver(const QString &key, const hearth::WidgetSettings &theirs);
    QString theirsByText() const;
    void refreshFromModel();
    void refreshSaveState();
    void refreshPresence();
    void refreshEditable();
    void updateEmptyState();
    void fitListHeight();

    WidgetConfigModel *m_model;
    WidgetsClient *m_client;
    WidgetListColumns *m_columns;
    QTableView *m_list;
    QLabel *m_emptyLabel;
    WidgetSettingsEditor *m_editor;
    KitchenPanel *m_kitchen = nullptr;
    QString m_widgetId;
    QPointer<QDialog> m_chooser;
};

} // namespace hearth
