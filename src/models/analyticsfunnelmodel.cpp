#include "models/analyticsfunnelmodel.h"

#include <QLocale>

namespace hearth {

AnalyticsFunnelModel::AnalyticsFunnelModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int AnalyticsFunnelModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : funnelStageCount;
}

int AnalyticsFunnelModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AnalyticsFunnelModel::stageName(FunnelStage stage)
{
    switch (stage) {
    case FunnelStage::Viewed: return tr("Viewed");
    case FunnelStage::Opened: return tr("Opened");
    case FunnelStage::Started: return tr("Started a booking or order");
    case FunnelStage::Completed: return tr("Completed");
    }
    return {};
}

QString AnalyticsFunnelModel::percentText(double rate, bool defined)
{
    if (!defined)
        return QStringLiteral("–");
    //: A conversion rate, e.g. "12.5 %"
    return tr("%1 %").arg(QLocale().toString(rate * 100, 'f', 1));
}

QVariant AnalyticsFunnelModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto stage = FunnelStage(index.row());
    const qint64 viewed = m_counts.stage(FunnelStage::Viewed);
    const qint64 before = stage == FunnelStage::Viewed ? viewed : m_counts.stage(FunnelStage(index.row() - 1));
    const double share = viewed > 0 ? double(m_counts.stage(stage)) / double(viewed) : 0.0;
    if (role == ValueRole) {
        switch (Column(index.column())) {
        case StageColumn: return index.row();
        case CountColumn: return m_counts.stage(stage);
        case ConversionColumn: return m_counts.conversion(stage);
        case ShareColumn: return share;
        case ColumnCount: break;
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() != StageColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case StageColumn: return stageName(stage);
    case CountColumn: return QLocale().toString(m_counts.stage(stage));
    case ConversionColumn: return percentText(m_counts.conversion(stage), before > 0);
    case ShareColumn: return percentText(share, viewed > 0);
    case ColumnCount: break;
    }
    return {};
}

QVariant AnalyticsFunnelModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case StageColumn: return tr("Step");
    case CountColumn: return tr("Guests");
    case ConversionColumn: return tr("From the step before");
    case ShareColumn: return tr("Of all views");
    case ColumnCount: break;
    }
    return {};
}

void AnalyticsFunnelModel::setCounts(const AnalyticsCounts &counts)
{
    if (counts == m_counts)
        return;
    // A stage's conversion depends on the stage before it, so a change moves its own row and the
    // next; announce the span from the first changed stage to the end.
    int first = funnelStageCount;
    for (int i = 0; i < funnelStageCount; ++i) {
        if (counts.stage(FunnelStage(i)) != m_counts.stage(FunnelStage(i))) {
            first = i;
            break;
        }
    }
    if (counts.stage(FunnelStage::Viewed) != m_counts.stage(FunnelStage::Viewed))
        first = 0;
    m_counts = counts;
    if (first < funnelStageCount)
        emit dataChanged(index(first, 0), index(funnelStageCount - 1, ColumnCount - 1),
                         {Qt::DisplayRole, Qt::ToolTipRole, ValueRole});
}

} // namespace hearth
