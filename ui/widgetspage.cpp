#include "ui/widgetspage.h"

#include "core/logging.h"
#include "core/widgetcodec.h"
#include "models/widgetconfigmodel.h"
#include "sync/widgetsclient.h"
#include "ui/conflictchooser.h"
#include "ui/settingtext.h"
#include "ui/widgetlistcolumns.h"
#include "ui/kitchenpanel.h"
#include "ui/widgetsettingseditor.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace hearth {

WidgetsPage::WidgetsPage(WidgetConfigModel *model, WidgetsClient *client, QWidget *parent)
    : QWidget(parent),
      m_model(model),
      m_client(client),
      m_columns(new WidgetListColumns(this)),
      m_list(new QTableView(this)),
      m_emptyLabel(new QLabel(this)),
      m_editor(new WidgetSettingsEditor(this))
{
    setObjectName(QStringLiteral("widgetsPage"));
    m_columns->setSourceModel(m_model);

    m_list->setObjectName(QStringLiteral("widgetsView"));
    m_list->setAccessibleName(tr("Website widgets"));
    m_list->setModel(m_columns);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setWordWrap(false);
    m_list->setTabKeyNavigation(false); // Tab leaves the list for the form
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setSectionResizeMode(WidgetListColumns::LastChangeColumn, QHeaderView::Stretch);
    m_list->horizontalHeader()->setHighlightSections(false);
    // A restaurant has a handful of widgets: the list stays short and the editor gets the room.
    m_list->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    fitListHeight();

    m_emptyLabel->setObjectName(QStringLiteral("widgetsEmpty"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->addWidget(m_list);
    layout->addWidget(m_emptyLabel, 1);
    layout->addWidget(m_editor, 1);
    setFocusProxy(m_list);
    setTabOrder(m_list, m_editor);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentRowChanged(current); });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &WidgetsPage::onRowsChanged);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &WidgetsPage::onRowsInserted);
    connect(m_model, &QAbstractItemModel::modelReset, this, &WidgetsPage::onRowsInserted);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (!m_widgetId.isEmpty() && m_model->rowOf(m_widgetId) < 0)
            m_widgetId.clear(); // archived elsewhere: the next row is picked
        onRowsInserted();
    });
    connect(m_editor, &WidgetSettingsEditor::edited, this, &WidgetsPage::onEdited);
    connect(m_editor, &WidgetSettingsEditor::typingChanged, this, &WidgetsPage::onTypingChanged);
    connect(m_editor, &WidgetSettingsEditor::conflictChooserRequested, this, &WidgetsPage::chooseConflicts);
    connect(m_editor, &WidgetSettingsEditor::typedOverRemoteChange, this, &WidgetsPage::chooseTypedOver);
    connect(&m_client->presence(), &PresenceClient::presenceChanged, this, [this](const QString &widgetId) {
        if (widgetId == m_widgetId)
            refreshPresence();
    });
    connect(&m_client->presence(), &PresenceClient::presenceReset, this, &WidgetsPage::refreshPresence);
    connect(m_client, &WidgetsClient::editableChanged, this, &WidgetsPage::refreshEditable);
    connect(m_client, &WidgetsClient::availableChanged, this, &WidgetsPage::updateEmptyState);
    onRowsInserted();
    refreshEditable();
}

void WidgetsPage::selectWidget(const QString &widgetId)
{
    const int row = m_model->rowOf(widgetId);
    if (row >= 0)
        m_list->setCurrentIndex(m_columns->index(row, WidgetListColumns::NameColumn));
}

void WidgetsPage::setKitchenPanel(KitchenPanel *panel)
{
    m_kitchen = panel;
    panel->setParent(this);
    layout()->addWidget(panel);
    panel->showWidget(m_widgetId);
}

void WidgetsPage::onRowsInserted()
{
    updateEmptyState();
    // Something is always open while there are widgets: the first one to begin with.
    if (m_widgetId.isEmpty() && m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_columns->index(0, WidgetListColumns::NameColumn));
    else if (!m_widgetId.isEmpty())
        selectWidget(m_widgetId);
}

void WidgetsPage::fitListHeight()
{
    // Every widget in sight without scrolling (a restaurant has a few), never more than six rows.
    const int rows = std::clamp(m_model->rowCount(), 2, 6);
    const int rowHeight = m_list->verticalHeader()->defaultSectionSize();
    m_list->setFixedHeight(m_list->horizontalHeader()->sizeHint().height() + rowHeight * rows + 2 * m_list->frameWidth());
}

void WidgetsPage::updateEmptyState()
{
    fitListHeight();
    const bool empty = m_model->rowCount() == 0;
    // A backend without widgets says so instead of promising that they will come.
    const QString unavailable = m_client->unavailableReason();
    m_emptyLabel->setText(unavailable.isEmpty()
                              ? tr("No website widgets yet. They appear here as soon as the server sends them.")
                              : unavailable);
    m_emptyLabel->setVisible(empty);
    m_editor->setVisible(!empty);
}

void WidgetsPage::onCurrentRowChanged(const QModelIndex &current)
{
    const QString id = current.isValid() ? current.data(WidgetConfigModel::IdRole).toString() : QString();
    if (id == m_widgetId)
        return;
    m_widgetId = id;
    if (m_kitchen)
        m_kitchen->showWidget(id);
    const WidgetConfig *server = m_model->widgetById(id);
    if (!server) {
        m_client->presence().left();
        return;
    }
    WidgetConfig shown = *server;
    shown.settings = m_model->effectiveSettings(m_model->rowOf(id));
    m_editor->load(shown);
    refreshSaveState();
    refreshPresence();
    refreshEditable();
    if (isVisible())
        m_client->presence().viewing(id);
}

void WidgetsPage::onRowsChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    const int row = m_model->rowOf(m_widgetId);
    if (row < topLeft.row() || row > bottomRight.row())
        return;
    refreshFromModel();
}

void WidgetsPage::refreshFromModel()
{
    const int row = m_model->rowOf(m_widgetId);
    if (row < 0)
        return;
    // The server's values with this PC's edits on top; the field being typed in keeps its text.
    m_editor->showSettings(m_model->effectiveSettings(row));
    refreshSaveState();
}

void WidgetsPage::refreshSaveState()
{
    const int row = m_model->rowOf(m_widgetId);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row);
    const auto status = index.data(WidgetConfigModel::SaveStatusRole).value<WidgetSaveStatus>();
    // Someone who cannot save has nothing "saved" or "unsaved" to be told about.
    if (m_client->canEdit() || status.isPending())
        m_editor->setSaveState(WidgetListColumns::saveStateFor(status, tr("All changes saved")),
                               status.state == SaveState::Conflict);
    else
        m_editor->setSaveState({}, false);
    FieldErrors errors;
    for (auto it = status.fieldErrors.cbegin(); it != status.fieldErrors.cend(); ++it)
        errors.append({it.key() == u"name" ? it.key() : QStringLiteral("settings.") + it.key(), it.value()});
    m_editor->showServerErrors(errors);
}

void WidgetsPage::refreshPresence()
{
    if (m_widgetId.isEmpty()) {
        m_editor->setPresence({});
        return;
    }
    // "Maria Costa is editing the online ordering widget on Office PC — typing in “Title”": the
    // setting in the words of its label, the widget by its kind, as a manager would say it.
    const QString widget = m_editor->kind() == WidgetKind::Booking ? tr("the table booking widget")
                                                                   : tr("the online ordering widget");
    QStringList lines;
    const QList<PresenceEntry> others = m_client->presence().others(m_widgetId);
    for (const PresenceEntry &entry : others) {
        const QString who = entry.displayName.isEmpty() ? entry.username : entry.displayName;
        const QString where = entry.device.isEmpty() ? tr("another PC") : entry.device;
        if (entry.state == u"editing" && !entry.field.isEmpty())
            lines.append(tr("%1 is editing %2 on %3 — typing in “%4”", "who, which widget, which PC, which setting")
                             .arg(who, widget, where, SettingText::label(entry.field)));
        else if (entry.state == u"editing")
            lines.append(tr("%1 is editing %2 on %3", "who, which widget, which PC").arg(who, widget, where));
        else
            lines.append(tr("%1 has %2 open on %3", "who, which widget, which PC").arg(who, widget, where));
    }
    m_editor->setPresence(lines.join(u'\n'));
}

void WidgetsPage::refreshEditable()
{
    const bool editable = m_client->canEdit();
    m_columns->setReadOnly(!editable);
    m_editor->setReadOnly(!editable, editable ? QString() : m_client->readOnlyReason());
    refreshSaveState();
}

void WidgetsPage::onEdited(const QString &key)
{
    if (m_widgetId.isEmpty() || !m_client->canEdit())
        return;
    // A value the shared codec refuses stays in its field with its message and is not sent; the
    // next keystroke that makes it valid saves it.
    const FieldErrors local = m_editor->localErrors();
    const bool invalid = std::any_of(local.cbegin(), local.cend(), [&key](const FieldError &error) {
        return WidgetCodec::settingKeyOfPath(error.field) == key;
    });
    if (invalid)
        return;
    const QJsonObject all = WidgetCodec::settingsToJson(m_editor->kind(), m_editor->settings());
    m_client->edit(m_widgetId, QJsonObject{{key, all.value(key)}});
}

void WidgetsPage::onTypingChanged(const QString &key)
{
    if (m_widgetId.isEmpty() || !isVisible())
        return;
    if (key.isEmpty())
        m_client->presence().viewing(m_widgetId);
    else
        m_client->presence().editing(m_widgetId, key);
}

void WidgetsPage::chooseConflicts()
{
    const int row = m_model->rowOf(m_widgetId);
    if (row < 0)
        return;
    const auto status = m_model->index(row).data(WidgetConfigModel::SaveStatusRole).value<WidgetSaveStatus>();
    if (status.conflicts.isEmpty())
        return;
    QList<ConflictChooser::Item> items;
    for (const MergeConflict &conflict : status.conflicts)
        items.append({conflict.key, SettingText::value(conflict.key, conflict.mine),
                      SettingText::value(conflict.key, conflict.theirs)});
    if (m_chooser) // one decision at a time: a second click brings the open chooser back
        m_chooser->close();
    auto *chooser = new ConflictChooser(items, theirsByText(), this);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    m_chooser = chooser;
    const QString widgetId = m_widgetId;
    connect(chooser, &QDialog::accepted, this, [this, chooser, widgetId] {
        QHash<QString, WidgetMerge::Choice> choices;
        const QHash<QString, bool> keepMine = chooser->keepMine();
        for (auto it = keepMine.cbegin(); it != keepMine.cend(); ++it)
            choices.insert(it.key(), it.value() ? WidgetMerge::Choice::Mine : WidgetMerge::Choice::Theirs);
        qCInfo(lcUi) << "conflicts of widget" << widgetId << "decided:" << choices.size();
        m_client->resolveConflict(widgetId, choices);
    });
    chooser->open();
}

QString WidgetsPage::theirsByText() const
{
    const WidgetConfig *server = m_model->widgetById(m_widgetId);
    if (!server || server->updatedBy.displayName.isEmpty())
        return {};
    return server->updatedBy.device.isEmpty()
        ? server->updatedBy.displayName
        : tr("%1 on %2", "who on which PC").arg(server->updatedBy.displayName, server->updatedBy.device);
}

void WidgetsPage::chooseTypedOver(const QString &key, const WidgetSettings &theirs)
{
    // The value typed here is already on its way to the server; taking theirs types it back in.
    const WidgetKind kind = m_editor->kind();
    const QList<ConflictChooser::Item> items{
        {key, SettingText::value(key, WidgetCodec::settingsToJson(kind, m_editor->settings()).value(key)),
         SettingText::value(key, WidgetCodec::settingsToJson(kind, theirs).value(key))}};
    if (m_chooser)
        m_chooser->close();
    auto *chooser = new ConflictChooser(items, theirsByText(), this);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    m_chooser = chooser;
    const QString widgetId = m_widgetId;
    connect(chooser, &QDialog::accepted, this, [this, chooser, widgetId, key, theirs] {
        if (widgetId == m_widgetId && !chooser->keepMine().value(key, true))
            m_editor->takeValue(key, theirs);
    });
    chooser->open();
}

void WidgetsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_widgetId.isEmpty())
        m_client->presence().viewing(m_widgetId);
}

void WidgetsPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    // The others see who is on a widget, not who once opened its page.
    m_client->presence().left();
}

} // namespace hearth
