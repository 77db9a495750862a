#pragma once

// The diagnostics panel's figures as a two-column table (what, value), refreshed once a second
// from the realtime service and the polling fallback. Rows are fixed, so a refresh is one
// dataChanged over the value column — the view never resets while someone reads it.
#include <QAbstractTableModel>
#include <QTimer>

#include <functional>

namespace hearth {

class PollingFallback;
class RealtimeService;

class DiagnosticsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosticsModel)

public:
    enum Column { NameColumn, ValueColumn, ColumnCount };

    DiagnosticsModel(const RealtimeService *realtime, const PollingFallback *polling, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The value shown for a row, by its (untranslated) key such as "sockets.open" — for tests
    // and for copying a support report.
    QString valueOf(const QString &key) const;
    QString supportReport() const;

    // A figure of another part of the client (the widgets' outbox depth…), appended as a row;
    // `value` is read at every refresh, so it must stay valid as long as the model.
    void addRow(const QString &key, const QString &name, std::function<QString()> value);

public slots:
    void refresh();

private:
    struct Row
    {
        QString key;
        QString name;
        std::function<QString()> value;
    };
    void addRows();

    const RealtimeService *m_realtime;
    const PollingFallback *m_polling;
    QList<Row> m_rows;
    QStringList m_values;
    QTimer m_refreshTimer;
};

} // namespace hearth
