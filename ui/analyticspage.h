#pragma once

// The Analytics page (managers): what guests do with the restaurant's website widgets — the
// funnel with its conversion rates and the revenue over a chosen range of days, events per
// minute over the last hour, today against the same weekday last week, and a live feed. It asks
// AnalyticsSync for three summaries (the range; today by minute; last week's day by hour), shows
// them as the sync keeps them current, and exports the range to CSV and the page to PNG.
#include "core/analytics.h"

#include <QDateTime>
#include <QWidget>

#include <functional>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace hearth {

class AnalyticsCharts;
class AnalyticsFeedModel;
class AnalyticsFunnelModel;
class AnalyticsSync;
class WidgetConfigModel;

class AnalyticsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnalyticsPage)

public:
    enum QueryIndex { RangeQuery, TodayQuery, LastWeekQuery, QueryCount };

    AnalyticsPage(AnalyticsSync *sync, WidgetConfigModel *widgets, QWidget *parent = nullptr);

    // The clock the page reads "today" and "the last hour" from (tests set their own).
    void setClock(std::function<QDateTime()> now);
    // The range shown in the funnel, whole local days, `to` included.
    void setRange(const QDate &from, const QDate &to);
    // The summaries the page wants, by QueryIndex.
    QList<AnalyticsQuery> queries() const;

    AnalyticsFunnelModel *funnel() const { return m_funnel; }
    AnalyticsFeedModel *feed() const { return m_feed; }
    AnalyticsCharts *charts() const { return m_charts; }
    QString revenueText() const;
    QString conversionText() const;

    // The range's buckets and totals as CSV; false with a reason when the file cannot be written.
    bool exportCsv(const QString &path, QString *errorMessage = nullptr) const;
    // A picture of the page as it is now.
    bool exportPng(const QString &path);
    QString csv() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildControls(QWidget *bar);
    void updateFeedEmpty();
    void onRangeEdited();
    void onWidgetChosen();
    void applyQueries();
    void refresh();
    void onSamples(const QList<hearth::AnalyticsSample> &samples);
    void updateWidgetChoices();
    void checkDay();
    void chooseCsvFile();
    void choosePngFile();
    QString widgetFilter() const;
    const AnalyticsSummary *summary(QueryIndex index) const;

    AnalyticsSync *m_sync;
    WidgetConfigModel *m_widgets;
    std::function<QDateTime()> m_now;
    AnalyticsFunnelModel *m_funnel;
    AnalyticsFeedModel *m_feed;
    AnalyticsCharts *m_charts = nullptr;
    QComboBox *m_widgetChoice = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLabel *m_views = nullptr;
    QLabel *m_completed = nullptr;
    QLabel *m_conversion = nullptr;
    QLabel *m_revenue = nullptr;
    QLabel *m_state = nullptr;
    QTableView *m_funnelView = nullptr;
    QTableView *m_feedView = nullptr;
    QLabel *m_feedEmpty = nullptr;
    QTimer *m_dayCheck;
    QDate m_today;
};

} // namespace hearth
