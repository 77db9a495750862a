#include "models/widgetconfigmodel.h"

#include "sync/widgetfields.h"
#include "sync/widgetsclient.h"

#include <QLocale>
#include <QVariantMap>

#include <algorithm>

namespace hearth {

namespace {

// Above this share of changed rows one dataChanged over the whole list is cheaper for views.
constexpr double wholeListChangeShare = 0.5;

} // namespace

QString widgetKindDisplayName(WidgetKind kind)
{
    switch (kind) {
    case WidgetKind::Booking: return WidgetConfigModel::tr("Table booking");
    case WidgetKind::Ordering: return WidgetConfigModel::tr("Online ordering");
    }
    return {};
}

QString saveStateText(const WidgetSaveStatus &status)
{
    switch (status.state) {
    case SaveState::Saved:
        if (!status.savedAt.isValid())
            return {};
        //: %1 is a time of day, e.g. 14:02
        return WidgetConfigModel::tr("Saved at %1")
            .arg(QLocale().toString(status.savedAt.toLocalTime().time(), QLocale::ShortFormat));
    case SaveState::Unsaved: return WidgetConfigModel::tr("Unsaved changes");
    case SaveState::Saving: return WidgetConfigModel::tr("Saving…");
    case SaveState::Offline: return WidgetConfigModel::tr("Offline — will save when back");
    case SaveState::Conflict: return WidgetConfigModel::tr("Conflict — choose");
    case SaveState::Rejected:
        if (status.message.isEmpty())
            return WidgetConfigModel::tr("Not saved");
        //: %1 is the reason, e.g. the server's explanation
        return WidgetConfigModel::tr("Not saved: %1").arg(status.message);
    }
    return {};
}

WidgetConfigModel::WidgetConfigModel(QObject *parent) : QAbstractListModel(parent) {}

void WidgetConfigModel::follow(WidgetsClient *client)
{
    connect(client, &WidgetsClient::widgetsReplaced, this, &WidgetConfigModel::replaceAll);
    connect(client, &WidgetsClient::widgetsUpdated, this, &WidgetConfigModel::upsert);
    connect(client, &WidgetsClient::saveStatusChanged, this, &WidgetConfigModel::setSaveStatus);
    connect(client, &WidgetsClient::pendingFieldsChanged, this, &WidgetConfigModel::setPendingFields);
    replaceAll(client->widgets());
    for (const Row &row : std::as_const(m_rows)) {
        const QString id = row.server.id;
        setPendingFields(id, client->pendingFields(id).value_or(QJsonObject()));
        setSaveStatus(id, client->saveStatus(id));
    }
}

int WidgetConfigModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WidgetConfigModel::rowOf(const QString &widgetId) const
{
    return m_rowById.value(widgetId, -1);
}

const WidgetConfig *WidgetConfigModel::widgetAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row).server : nullptr;
}

const WidgetConfig *WidgetConfigModel::widgetById(const QString &widgetId) const
{
    return widgetAt(rowOf(widgetId));
}

WidgetSettings WidgetConfigModel::effectiveSettings(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).effective : WidgetSettings();
}

QVariant WidgetConfigModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const WidgetConfig &widget = row.server;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return row.effectiveName;
    case Qt::ToolTipRole: {
        const QString state = saveStateText(row.status);
        return state.isEmpty() ? widgetKindDisplayName(widget.kind)
                               //: %1 is the kind of widget, %2 its save state
                               : tr("%1 — %2").arg(widgetKindDisplayName(widget.kind), state);
    }
    case IdRole: return widget.id;
    case KindRole: return int(widget.kind);
    case VersionRole: return widget.version;
    case SettingsRole: return QVariant::fromValue(row.effective);
    case ServerSettingsRole: return QVariant::fromValue(widget.settings);
    case ConfigRole: return QVariant::fromValue(widget);
    case PendingFieldsRole: return row.pending;
    case DirtyRole: return !row.pending.isEmpty();
    case SaveStateRole: return int(row.status.state);
    case SaveStatusRole: return QVariant::fromValue(row.status);
    case SavedAtRole: return row.status.savedAt;
    case FieldErrorsRole: {
        QVariantMap errors;
        for (auto it = row.status.fieldErrors.cbegin(); it != row.status.fieldErrors.cend(); ++it)
            errors.insert(it.key(), it.value());
        return errors;
    }
    case ConflictKeysRole: {
        QStringList keys;
        for (const MergeConflict &conflict : row.status.conflicts)
            keys.append(conflict.key);
        return keys;
    }
    case UpdatedByRole:
        return widget.updatedBy.displayName.isEmpty() ? widget.updatedBy.username : widget.updatedBy.displayName;
    case UpdatedByDeviceRole: return widget.updatedBy.device;
    case UpdatedAtRole: return widget.updatedAt;
    case EnabledRole: return row.effective.enabled;
    default: return {};
    }
}

QHash<int, QByteArray> WidgetConfigModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "widgetId");
    names.insert(KindRole, "kind");
    names.insert(NameRole, "name");
    names.insert(VersionRole, "version");
    names.insert(SettingsRole, "settings");
    names.insert(ServerSettingsRole, "serverSettings");
    names.insert(ConfigRole, "config");
    names.insert(PendingFieldsRole, "pendingFields");
    names.insert(DirtyRole, "dirty");
    names.insert(SaveStateRole, "saveState");
    names.insert(SaveStatusRole, "saveStatus");
    names.insert(SavedAtRole, "savedAt");
    names.insert(FieldErrorsRole, "fieldErrors");
    names.insert(ConflictKeysRole, "conflictKeys");
    names.insert(UpdatedByRole, "updatedBy");
    names.insert(UpdatedByDeviceRole, "updatedByDevice");
    names.insert(UpdatedAtRole, "updatedAt");
    names.insert(EnabledRole, "enabled");
    return names;
}

void WidgetConfigModel::replaceAll(const QList<WidgetConfig> &widgets)
{
    QHash<QString, const WidgetConfig *> wanted;
    for (const WidgetConfig &widget : widgets) {
        if (widget.archived)
            continue;
        const auto it = wanted.constFind(widget.id);
        if (it == wanted.cend() || widget.version > (*it)->version)
            wanted.insert(widget.id, &widget);
    }
    QList<int> gone;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (!wanted.contains(m_rows.at(row).server.id))
            gone.append(row);
    }
    removeRowList(std::move(gone));
    // What remains is known: a newer snapshot version replaces it, a newer version here (a
    // change that streamed in after the snapshot's watermark) stays; the rest is new.
    QList<const WidgetConfig *> added;
    QList<int> changed;
    for (const WidgetConfig &widget : widgets) {
        const auto chosen = wanted.constFind(widget.id);
        if (chosen == wanted.cend() || *chosen != &widget)
            continue;
        const int row = rowOf(widget.id);
        if (row < 0) {
            added.append(&widget);
        } else if (widget.version > m_rows.at(row).server.version) {
            m_rows[row].server = widget;
            recompute(m_rows[row]);
            changed.append(row);
        }
    }
    emitChanged(std::move(changed));
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const WidgetConfig *widget : std::as_const(added)) {
            Row row;
            row.server = *widget;
            row.pending = m_earlyPending.take(widget->id);
            row.status = m_earlyStatus.take(widget->id);
            recompute(row);
            m_rowById.insert(widget->id, int(m_rows.size()));
            m_rows.append(std::move(row));
        }
        endInsertRows();
    }
}

void WidgetConfigModel::upsert(const QList<WidgetConfig> &widgets)
{
    QList<int> removed;
    QList<int> changed;
    QList<WidgetConfig> added;
    QHash<QString, qsizetype> addedIndex;
    for (const WidgetConfig &widget : widgets) {
        const int row = rowOf(widget.id);
        if (row >= 0) {
            if (widget.version <= m_rows.at(row).server.version)
                continue;
            if (widget.archived) {
                removed.append(row);
                continue;
            }
            m_rows[row].server = widget;
            recompute(m_rows[row]);
            changed.append(row);
        } else if (const auto pending = addedIndex.constFind(widget.id); pending != addedIndex.cend()) {
            if (widget.version > added.at(*pending).version)
                added[*pending] = widget;
        } else {
            addedIndex.insert(widget.id, added.size());
            added.append(widget);
        }
    }
    // Changed rows first, while their indexes still hold, then removals, then one insert.
    changed.erase(std::remove_if(changed.begin(), changed.end(),
                                 [&removed](int row) { return removed.contains(row); }),
                  changed.end());
    emitChanged(std::move(changed));
    removeRowList(std::move(removed));
    added.erase(std::remove_if(added.begin(), added.end(), [](const WidgetConfig &w) { return w.archived; }),
                added.end());
    if (added.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    for (WidgetConfig &widget : added) {
        Row row;
        row.pending = m_earlyPending.take(widget.id);
        row.status = m_earlyStatus.take(widget.id);
        row.server = std::move(widget);
        recompute(row);
        m_rowById.insert(row.server.id, int(m_rows.size()));
        m_rows.append(std::move(row));
    }
    endInsertRows();
}

void WidgetConfigModel::setSaveStatus(const QString &widgetId, const WidgetSaveStatus &status)
{
    const int row = rowOf(widgetId);
    if (row < 0) {
        m_earlyStatus.insert(widgetId, status);
        return;
    }
    m_rows[row].status = status;
    emitChanged({row}, {SaveStateRole, SaveStatusRole, SavedAtRole, FieldErrorsRole, ConflictKeysRole,
                        Qt::ToolTipRole});
}

void WidgetConfigModel::setPendingFields(const QString &widgetId, const QJsonObject &fields)
{
    const int row = rowOf(widgetId);
    if (row < 0) {
        if (fields.isEmpty())
            m_earlyPending.remove(widgetId);
        else
            m_earlyPending.insert(widgetId, fields);
        return;
    }
    if (m_rows.at(row).pending == fields)
        return;
    m_rows[row].pending = fields;
    recompute(m_rows[row]);
    emitChanged({row}, {Qt::DisplayRole, NameRole, SettingsRole, PendingFieldsRole, DirtyRole, EnabledRole});
}

void WidgetConfigModel::recompute(Row &row) const
{
    const WidgetConfig shown = WidgetFields::applied(row.server, row.pending);
    row.effective = shown.settings;
    row.effectiveName = shown.name;
}

void WidgetConfigModel::removeRowList(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // From the end, one contiguous run at a time, so the earlier indexes stay valid.
    qsizetype end = rows.size() - 1;
    while (end >= 0) {
        qsizetype start = end;
        while (start > 0 && rows.at(start - 1) == rows.at(start) - 1)
            --start;
        beginRemoveRows({}, rows.at(start), rows.at(end));
        m_rows.remove(rows.at(start), rows.at(end) - rows.at(start) + 1);
        endRemoveRows();
        end = start - 1;
    }
    reindex();
}

void WidgetConfigModel::emitChanged(QList<int> rows, const QList<int> &roles)
{
    if (rows.isEmpty())
        return;
    if (rows.size() > m_rows.size() * wholeListChangeShare && rows.size() > 1) {
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), roles);
        return;
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    qsizetype runStart = 0;
    for (qsizetype i = 1; i <= rows.size(); ++i) {
        if (i < rows.size() && rows.at(i) == rows.at(i - 1) + 1)
            continue;
        emit dataChanged(index(rows.at(runStart)), index(rows.at(i - 1)), roles);
        runStart = i;
    }
}

void WidgetConfigModel::reindex()
{
    m_rowById.clear();
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowById.insert(m_rows.at(row).server.id, row);
}

} // namespace hearth
