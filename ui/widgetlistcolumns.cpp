#include "ui/widgetlistcolumns.h"

#include "models/widgetconfigmodel.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

namespace hearth {

WidgetListColumns::WidgetListColumns(QObject *parent) : QIdentityProxyModel(parent) {}

void WidgetListColumns::setSourceModel(QAbstractItemModel *source)
{
    disconnect(m_dataChanged);
    QIdentityProxyModel::setSourceModel(source);
    if (source)
        m_dataChanged = connect(source, &QAbstractItemModel::dataChanged, this, &WidgetListColumns::onSourceDataChanged);
}

int WidgetListColumns::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QModelIndex WidgetListColumns::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || column >= ColumnCount || !sourceModel()
        || row >= sourceModel()->rowCount())
        return {};
    return createIndex(row, column);
}

QModelIndex WidgetListColumns::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex WidgetListColumns::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

QModelIndex WidgetListColumns::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !sourceModel())
        return {};
    return sourceModel()->index(proxyIndex.row(), 0);
}

QModelIndex WidgetListColumns::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid())
        return {};
    return index(sourceIndex.row(), 0);
}

Qt::ItemFlags WidgetListColumns::flags(const QModelIndex &index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags;
}

QString WidgetListColumns::shortTime(const QDateTime &at)
{
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss")).remove(QStringLiteral(".ss"));
    return QLocale().toString(at.toLocalTime().time(), format);
}

void WidgetListColumns::setReadOnly(bool readOnly)
{
    if (readOnly == m_readOnly)
        return;
    m_readOnly = readOnly;
    if (rowCount() > 0)
        emit dataChanged(index(0, SaveStateColumn), index(rowCount() - 1, SaveStateColumn), {Qt::DisplayRole});
}

QString WidgetListColumns::saveStateFor(const WidgetSaveStatus &status, const QString &savedWord)
{
    if (status.state != SaveState::Saved)
        return saveStateText(status);
    //: %1 is a time of day, e.g. 14:02
    return status.savedAt.isValid() ? tr("Saved at %1").arg(shortTime(status.savedAt)) : savedWord;
}

QString WidgetListColumns::describeLastChange(const QString &who, const QString &device, const QDateTime &at)
{
    const QDateTime local = at.toLocalTime();
    const QLocale locale;
    const QString when = !at.isValid() ? QString()
        : local.date() == QDate::currentDate() ? shortTime(at)
                                               : locale.toString(local.date(), QLocale::ShortFormat);
    if (who.isEmpty())
        return when;
    if (device.isEmpty())
        return when.isEmpty() ? who : tr("%1, %2", "who, when").arg(who, when);
    return when.isEmpty() ? tr("%1 on %2", "who on which PC").arg(who, device)
                          : tr("%1 on %2, %3", "who on which PC, when").arg(who, device, when);
}

QVariant WidgetListColumns::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !sourceModel())
        return {};
    const QModelIndex source = mapToSource(index);
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case NameColumn: return source.data(WidgetConfigModel::NameRole);
        case KindColumn:
            return widgetKindDisplayName(static_cast<WidgetKind>(source.data(WidgetConfigModel::KindRole).toInt()));
        case EnabledColumn: return source.data(WidgetConfigModel::EnabledRole).toBool() ? tr("Shown") : tr("Off");
        case SaveStateColumn: {
            const auto status = source.data(WidgetConfigModel::SaveStatusRole).value<WidgetSaveStatus>();
            if (m_readOnly && !status.isPending())
                return tr("Read-only");
            return saveStateFor(status, tr("Saved"));
        }
        case LastChangeColumn:
            return describeLastChange(source.data(WidgetConfigModel::UpdatedByRole).toString(),
                                      source.data(WidgetConfigModel::UpdatedByDeviceRole).toString(),
                                      source.data(WidgetConfigModel::UpdatedAtRole).toDateTime());
        default: return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == SaveStateColumn) {
        const auto state = static_cast<SaveState>(source.data(WidgetConfigModel::SaveStateRole).toInt());
        if (state == SaveState::Conflict || state == SaveState::Rejected)
            return QColor(0xb0, 0x00, 0x20);
        if (state == SaveState::Offline || state == SaveState::Unsaved)
            return QColor(0xb2, 0x6a, 0x00);
        return {};
    }
    if (role == Qt::ForegroundRole && index.column() == EnabledColumn
        && !source.data(WidgetConfigModel::EnabledRole).toBool())
        return QColor(0x80, 0x80, 0x80);
    // Every other role (ids, settings) reads the same on each column of the row.
    return source.data(role);
}

QVariant WidgetListColumns::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Widget");
    case KindColumn: return tr("Kind");
    case EnabledColumn: return tr("On the website");
    case SaveStateColumn: return tr("Save state");
    case LastChangeColumn: return tr("Last change");
    default: return {};
    }
}

void WidgetListColumns::onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    // The identity proxy forwards the source's column 0 only; every column here derives from it.
    if (topLeft.isValid() && bottomRight.isValid())
        emit dataChanged(index(topLeft.row(), 0), index(bottomRight.row(), ColumnCount - 1));
}

} // namespace hearth
