#pragma once

// The restaurant's widgets for the Widgets page: one row per widget (archived ones removed), the
// server's configuration with this PC's unsaved edits on top and their save state. Fed by a
// WidgetsClient (follow()); snapshots are applied as a diff (ranged removes, dataChanged, one
// ranged insert), so the selection survives and nothing resets while someone edits.
#include "core/widgetconfig.h"
#include "sync/autosaver.h"

#include <QAbstractListModel>
#include <QHash>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace hearth {

class WidgetsClient;

class WidgetConfigModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WidgetConfigModel)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        KindRole,            // WidgetKind as int
        NameRole,            // the name as shown: with an unsaved rename
        VersionRole,         // the server's version (qint64)
        SettingsRole,        // WidgetSettings (QVariant): the server's, with valid unsaved edits on top
        ServerSettingsRole,  // WidgetSettings: exactly the server's
        ConfigRole,          // WidgetConfig: exactly the server's
        PendingFieldsRole,   // QJsonObject: the unsaved fields as typed (flat); empty when none
        DirtyRole,           // bool: unsaved edits exist
        SaveStateRole,       // SaveState as int
        SaveStatusRole,      // WidgetSaveStatus (QVariant)
        SavedAtRole,         // QDateTime: this PC's last save, UTC; invalid when none
        FieldErrorsRole,     // QVariantMap: field key → the server's message
        ConflictKeysRole,    // QStringList: fields in conflict
        UpdatedByRole,       // QString: display name (or username) of the last change's author
        UpdatedByDeviceRole, // QString
        UpdatedAtRole,       // QDateTime, UTC
        EnabledRole,         // bool: effective "enabled"
    };

    explicit WidgetConfigModel(QObject *parent = nullptr);

    // Connects to the client's signals and takes what it already holds.
    void follow(WidgetsClient *client);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOf(const QString &widgetId) const;
    const WidgetConfig *widgetAt(int row) const;
    const WidgetConfig *widgetById(const QString &widgetId) const;
    WidgetSettings effectiveSettings(int row) const;

public slots:
    // A snapshot or the cache: afterwards the model holds exactly `widgets` (archived ones
    // left out), applied as a diff.
    void replaceAll(const QList<hearth::WidgetConfig> &widgets);
    // Newer versions replace older ones; archived ones are removed; new ones appended.
    void upsert(const QList<hearth::WidgetConfig> &widgets);
    void setSaveStatus(const QString &widgetId, const hearth::WidgetSaveStatus &status);
    void setPendingFields(const QString &widgetId, const QJsonObject &fields);

private:
    struct Row
    {
        WidgetConfig server;
        QJsonObject pending;
        WidgetSaveStatus status;
        WidgetSettings effective; // cached: server settings with valid pending values on top
        QString effectiveName;
    };

    void recompute(Row &row) const;
    void removeRowList(QList<int> rows);
    void emitChanged(QList<int> rows, const QList<int> &roles = {});
    void reindex();

    QList<Row> m_rows;
    QHash<QString, int> m_rowById;
    // Status and pending fields that arrive before their widget does (the outbox at start-up).
    QHash<QString, WidgetSaveStatus> m_earlyStatus;
    QHash<QString, QJsonObject> m_earlyPending;
};

// "Unsaved changes", "Saving…", "Saved at 14:02", "Offline — will save when back", "Conflict —
// choose", "Not saved: …": the words for a save state, for the editor and the list.
QString saveStateText(const WidgetSaveStatus &status);
QString widgetKindDisplayName(WidgetKind kind);

} // namespace hearth
