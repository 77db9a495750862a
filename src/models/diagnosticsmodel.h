#pragma once

// The diagnostics panel's figures as a two-column table (what, value), refreshed once a second
// from the realtime service and the polling fallback. Rows are fixed, so a refresh is one
// dataChanged over the value column — the view never resets while someone reads it. The table
// speaks to the person at the PC; the support report (keys and the technical values: link
// states, epochs, channel positions, error details) is what support needs.
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

    // A row's value as the support report gives it, by its (untranslated) key such as
    // "sockets.open" — for tests and for copying a support report.
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
        QString name; // empty: only in the support report
        std::function<QString()> value;
        std::function<QString()> technical = {}; // for the support report, when it differs
    };
    void addRows();
    QString supportValue(qsizetype row) const;

    const RealtimeService *m_realtime;
    const PollingFallback *m_polling;
    QList<Row> m_rows;      // every row, the support report's order
    QList<qsizetype> m_shown; // the rows in the table, as indexes into m_rows
    QStringList m_values;   // per row of m_rows
    QTimer m_refreshTimer;
};

} // namespace hearth
