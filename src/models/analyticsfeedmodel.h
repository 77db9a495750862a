#pragma once

// The live feed of the Analytics page: the newest widget events, newest first, at most
// maxRows of them — a 12-hour shift of clicks never grows it. A batch is one ranged insert at
// the top and one ranged remove at the bottom.
#include "core/analytics.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace hearth {

class AnalyticsFeedModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnalyticsFeedModel)

public:
    static constexpr int defaultMaxRows = 200;
    enum Column { TimeColumn, WidgetColumn, StepColumn, ValueColumn, ColumnCount };
    enum Role { TimestampRole = Qt::UserRole + 1, ValueCentsRole };

    explicit AnalyticsFeedModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setMaxRows(int maxRows);
    int maxRows() const { return m_maxRows; }
    // `samples` oldest first, as the sync delivers them.
    void addSamples(const QList<hearth::AnalyticsSample> &samples);
    void clear();
    // Names shown for widget ids (the id itself for one not named).
    void setWidgetNames(const QHash<QString, QString> &names);

    static QString stepText(AnalyticsStep step);

private:
    QList<AnalyticsSample> m_rows; // newest first
    QHash<QString, QString> m_widgetNames;
    int m_maxRows = defaultMaxRows;
};

} // namespace hearth
