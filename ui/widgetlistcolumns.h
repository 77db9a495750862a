#pragma once

// The widgets' list as the page's table shows it: WidgetConfigModel's one row per widget spread
// over columns (name, kind, on the website, save state, last change). Rows map one to one, so the
// selection and the source's ranged signals pass straight through; a changed row repaints whole.
#include "sync/autosaver.h"

#include <QIdentityProxyModel>

namespace hearth {

class WidgetListColumns final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WidgetListColumns)

public:
    enum Column { NameColumn, KindColumn, EnabledColumn, SaveStateColumn, LastChangeColumn, ColumnCount };

    explicit WidgetListColumns(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source) override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Where nothing can be saved (staff, a Rails or Phoenix backend) a widget is "Read-only",
    // not "Saved".
    void setReadOnly(bool readOnly);

    // "Maria Costa on Office PC, 14:02" (a time today, else a date).
    static QString describeLastChange(const QString &who, const QString &device, const QDateTime &at);
    // A time of day as people say it: hours and minutes in the locale's way, no seconds.
    static QString shortTime(const QDateTime &at);
    // The save state for a person: theirs, with "Saved at 14:02" in shortTime and, when this PC
    // has not saved the widget itself, `savedWord` ("Saved", "All changes saved").
    static QString saveStateFor(const WidgetSaveStatus &status, const QString &savedWord);

private:
    void onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);

    QMetaObject::Connection m_dataChanged;
    bool m_readOnly = false;
};

} // namespace hearth
