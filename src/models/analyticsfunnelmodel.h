#pragma once

// The funnel of the Analytics page: one row per stage (viewed, opened, started, completed) with
// its count, the conversion from the stage before and the share of all views. Four rows that
// never move; new counts change the cells in place, announced as one span.
#include "core/analytics.h"

#include <QAbstractTableModel>

namespace hearth {

class AnalyticsFunnelModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnalyticsFunnelModel)

public:
    enum Column { StageColumn, CountColumn, ConversionColumn, ShareColumn, ColumnCount };
    // The number behind a cell (count as qint64, rates as double 0..1), for sorting and charts.
    enum Role { ValueRole = Qt::UserRole + 1 };

    explicit AnalyticsFunnelModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setCounts(const AnalyticsCounts &counts);
    const AnalyticsCounts &counts() const { return m_counts; }

    static QString stageName(FunnelStage stage);
    // "12.5 %"; "–" when there is nothing to convert from.
    static QString percentText(double rate, bool defined);

private:
    AnalyticsCounts m_counts;
};

} // namespace hearth
