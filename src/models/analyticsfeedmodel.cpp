#include "models/analyticsfeedmodel.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace hearth {

AnalyticsFeedModel::AnalyticsFeedModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int AnalyticsFeedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AnalyticsFeedModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AnalyticsFeedModel::stepText(AnalyticsStep step)
{
    switch (step) {
    case AnalyticsStep::View: return tr("Viewed the widget");
    case AnalyticsStep::Open: return tr("Opened it");
    case AnalyticsStep::BookingStarted: return tr("Started a booking");
    case AnalyticsStep::BookingCompleted: return tr("Booked a table");
    case AnalyticsStep::OrderStarted: return tr("Started an order");
    case AnalyticsStep::OrderCompleted: return tr("Placed an order");
    }
    return {};
}

QVariant AnalyticsFeedModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AnalyticsSample &sample = m_rows.at(index.row());
    if (role == TimestampRole)
        return sample.tsMs;
    if (role == ValueCentsRole)
        return sample.valueCents;
    if (role == Qt::TextAlignmentRole && index.column() == ValueColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case TimeColumn:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(sample.tsMs).toLocalTime().time(),
                                  QLocale::ShortFormat);
    case WidgetColumn: return m_widgetNames.value(sample.widgetId, sample.widgetId);
    case StepColumn: return stepText(sample.step);
    case ValueColumn:
        return sample.valueCents > 0 ? QLocale().toCurrencyString(double(sample.valueCents) / 100) : QString();
    case ColumnCount: break;
    }
    return {};
}

QVariant AnalyticsFeedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn: return tr("Time");
    case WidgetColumn: return tr("Widget");
    case StepColumn: return tr("What the guest did");
    case ValueColumn: return tr("Value");
    case ColumnCount: break;
    }
    return {};
}

void AnalyticsFeedModel::setMaxRows(int maxRows)
{
    m_maxRows = std::max(1, maxRows);
    if (m_rows.size() > m_maxRows) {
        beginRemoveRows({}, m_maxRows, int(m_rows.size()) - 1);
        m_rows.resize(m_maxRows);
        endRemoveRows();
    }
}

void AnalyticsFeedModel::addSamples(const QList<AnalyticsSample> &samples)
{
    if (samples.isEmpty())
        return;
    // Only the newest maxRows of the batch can stay.
    const qsizetype take = std::min<qsizetype>(samples.size(), m_maxRows);
    QList<AnalyticsSample> incoming(samples.cend() - take, samples.cend());
    std::reverse(incoming.begin(), incoming.end());
    beginInsertRows({}, 0, int(incoming.size()) - 1);
    m_rows = incoming + m_rows;
    endInsertRows();
    if (m_rows.size() > m_maxRows) {
        beginRemoveRows({}, m_maxRows, int(m_rows.size()) - 1);
        m_rows.resize(m_maxRows);
        endRemoveRows();
    }
}

void AnalyticsFeedModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void AnalyticsFeedModel::setWidgetNames(const QHash<QString, QString> &names)
{
    if (names == m_widgetNames)
        return;
    m_widgetNames = names;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, WidgetColumn), index(int(m_rows.size()) - 1, WidgetColumn), {Qt::DisplayRole});
}

} // namespace hearth
