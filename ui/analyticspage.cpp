#include "ui/analyticspage.h"

#include "core/logging.h"
#include "models/analyticsfeedmodel.h"
#include "models/analyticsfunnelmodel.h"
#include "models/csvexport.h"
#include "models/widgetconfigmodel.h"
#include "sync/analyticssync.h"
#include "ui/analyticscharts.h"

#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFileDialog>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace hearth {

namespace {

constexpr qint64 minuteMs = 60 * 1000;
constexpr qint64 hourMs = 60 * minuteMs;
constexpr qint64 dayMs = 24 * hourMs;
constexpr int maxRangeDays = 366;

qint64 startOf(const QDate &date)
{
    return date.startOfDay().toMSecsSinceEpoch();
}

// The count column of the funnel with a bar behind the number: its share of all views.
class FunnelBarDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const double share = index.siblingAtColumn(AnalyticsFunnelModel::ShareColumn)
                                 .data(AnalyticsFunnelModel::ValueRole).toDouble();
        QRect bar = option.rect.adjusted(2, 4, -2, -4);
        bar.setWidth(int(bar.width() * std::clamp(share, 0.0, 1.0)));
        painter->save();
        painter->fillRect(bar, QColor(0x2f, 0x6b, 0x4f, 60));
        painter->restore();
        QStyledItemDelegate::paint(painter, option, index);
    }
};

QLabel *card(QWidget *parent, const QString &title, const QString &name, QLabel **value)
{
    auto *frame = new QFrame(parent);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setObjectName(name + QStringLiteral("Card"));
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(12, 8, 12, 8);
    auto *caption = new QLabel(title, frame);
    caption->setStyleSheet(QStringLiteral("color: palette(mid);"));
    *value = new QLabel(QStringLiteral("–"), frame);
    (*value)->setObjectName(name);
    QFont big = (*value)->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    (*value)->setFont(big);
    layout->addWidget(caption);
    layout->addWidget(*value);
    return caption;
}

QString money(qint64 cents)
{
    return QLocale().toCurrencyString(double(cents) / 100);
}

} // namespace

AnalyticsPage::AnalyticsPage(AnalyticsSync *sync, WidgetConfigModel *widgets, QWidget *parent)
    : QWidget(parent),
      m_sync(sync),
      m_widgets(widgets),
      m_now([] { return QDateTime::currentDateTime(); }),
      m_funnel(new AnalyticsFunnelModel(this)),
      m_feed(new AnalyticsFeedModel(this)),
      m_dayCheck(new QTimer(this))
{
    setObjectName(QStringLiteral("analyticsPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);

    auto *bar = new QWidget(this);
    buildControls(bar);
    layout->addWidget(bar);

    auto *cards = new QHBoxLayout;
    card(this, tr("Widget views"), QStringLiteral("analyticsViews"), &m_views);
    card(this, tr("Bookings and orders completed"), QStringLiteral("analyticsCompleted"), &m_completed);
    card(this, tr("Conversion, views to completed"), QStringLiteral("analyticsConversion"), &m_conversion);
    card(this, tr("Revenue from online orders"), QStringLiteral("analyticsRevenue"), &m_revenue);
    for (QLabel *value : {m_views, m_completed, m_conversion, m_revenue})
        cards->addWidget(value->parentWidget());
    layout->addLayout(cards);

    m_funnelView = new QTableView(this);
    m_funnelView->setObjectName(QStringLiteral("funnelView"));
    m_funnelView->setModel(m_funnel);
    m_funnelView->setItemDelegateForColumn(AnalyticsFunnelModel::CountColumn, new FunnelBarDelegate(m_funnelView));
    m_funnelView->verticalHeader()->hide();
    m_funnelView->setSelectionMode(QAbstractItemView::NoSelection);
    m_funnelView->setFocusPolicy(Qt::NoFocus);
    m_funnelView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_funnelView->horizontalHeader()->setSectionResizeMode(AnalyticsFunnelModel::CountColumn, QHeaderView::Stretch);
    m_funnelView->setShowGrid(false);
    m_funnelView->verticalHeader()->setDefaultSectionSize(m_funnelView->fontMetrics().height() * 2);
    m_funnelView->setMinimumHeight(m_funnelView->verticalHeader()->defaultSectionSize() * 4
                                   + m_funnelView->horizontalHeader()->sizeHint().height() + 4);

    m_feedView = new QTableView(this);
    m_feedView->setObjectName(QStringLiteral("analyticsFeed"));
    m_feedView->setModel(m_feed);
    m_feedView->verticalHeader()->hide();
    m_feedView->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Widths fixed from the longest time and widget name, not from the first rows: the columns do
    // not jump as the feed fills, and nothing wraps.
    m_feedView->setWordWrap(false);
    m_feedView->setTextElideMode(Qt::ElideRight);
    m_feedView->verticalHeader()->setDefaultSectionSize(m_feedView->fontMetrics().height() + 6);
    const QFontMetrics feedMetrics = m_feedView->fontMetrics();
    QHeaderView *feedHeader = m_feedView->horizontalHeader();
    feedHeader->setSectionResizeMode(QHeaderView::Interactive);
    feedHeader->setSectionResizeMode(AnalyticsFeedModel::StepColumn, QHeaderView::Stretch);
    feedHeader->resizeSection(AnalyticsFeedModel::TimeColumn,
                              feedMetrics.horizontalAdvance(QLocale().toString(QTime(22, 59, 59), QLocale::ShortFormat)) + 16);
    feedHeader->resizeSection(AnalyticsFeedModel::WidgetColumn, feedMetrics.horizontalAdvance(QStringLiteral("Online ordering")) + 16);
    feedHeader->resizeSection(AnalyticsFeedModel::ValueColumn, feedMetrics.horizontalAdvance(QLocale().toCurrencyString(999.99)) + 16);
    m_feedView->setShowGrid(false);
    m_feedView->setAlternatingRowColors(true);

    m_feedEmpty = new QLabel(tr("Nothing yet — each step a guest takes on the website appears here."),
                             m_feedView->viewport());
    m_feedEmpty->setObjectName(QStringLiteral("analyticsFeedEmpty"));
    m_feedEmpty->setAlignment(Qt::AlignCenter);
    m_feedEmpty->setWordWrap(true);
    m_feedEmpty->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_feedView->viewport()->installEventFilter(this);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_feed, signal, this, &AnalyticsPage::updateFeedEmpty);
    connect(m_feed, &QAbstractItemModel::modelReset, this, &AnalyticsPage::updateFeedEmpty);

    // Left: the funnel (as tall as its four rows) over the day's curve; right: the last hour
    // over the live feed.
    m_charts = new AnalyticsCharts(this);
    m_funnelView->setMaximumHeight(m_funnelView->minimumHeight());
    auto *columns = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("<b>Funnel</b> — from a look at the widget to a booking or an order"), this));
    left->addWidget(m_funnelView);
    left->addWidget(m_charts->weekdayView(), 1);
    auto *right = new QVBoxLayout;
    right->addWidget(m_charts->lastHourView(), 1);
    right->addWidget(new QLabel(tr("<b>Live</b> — the newest steps guests took"), this));
    right->addWidget(m_feedView, 1);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    layout->addLayout(columns, 1);

    connect(m_sync, &AnalyticsSync::summariesReplaced, this, &AnalyticsPage::refresh);
    connect(m_sync, &AnalyticsSync::summariesUpdated, this, &AnalyticsPage::onSamples);
    connect(m_sync, &AnalyticsSync::snapshotStateChanged, this, &AnalyticsPage::refresh);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_widgets, signal, this, &AnalyticsPage::updateWidgetChoices);
    connect(m_widgets, &QAbstractItemModel::modelReset, this, &AnalyticsPage::updateWidgetChoices);
    connect(m_widgets, &QAbstractItemModel::dataChanged, this, &AnalyticsPage::updateWidgetChoices);
    // "Today" moves at midnight, with nothing on the wire to say so; the last hour moves on too.
    m_dayCheck->setInterval(30 * 1000);
    connect(m_dayCheck, &QTimer::timeout, this, &AnalyticsPage::checkDay);
    m_dayCheck->start();

    m_today = m_now().date();
    setRange(m_today, m_today);
    updateWidgetChoices();
    refresh();
}

void AnalyticsPage::buildControls(QWidget *bar)
{
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    m_widgetChoice = new QComboBox(bar);
    m_widgetChoice->setObjectName(QStringLiteral("analyticsWidget"));
    m_widgetChoice->setAccessibleName(tr("Widget"));
    m_widgetChoice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_widgetChoice, &QComboBox::activated, this, &AnalyticsPage::onWidgetChosen);
    m_from = new QDateEdit(bar);
    m_from->setObjectName(QStringLiteral("analyticsFrom"));
    m_to = new QDateEdit(bar);
    m_to->setObjectName(QStringLiteral("analyticsTo"));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        connect(edit, &QDateEdit::dateChanged, this, &AnalyticsPage::onRangeEdited);
    }
    m_from->setAccessibleName(tr("From"));
    m_to->setAccessibleName(tr("To"));
    layout->addWidget(new QLabel(tr("Widget:"), bar));
    layout->addWidget(m_widgetChoice);
    layout->addSpacing(12);
    layout->addWidget(new QLabel(tr("From:"), bar));
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(tr("to:"), bar));
    layout->addWidget(m_to);
    const struct { QString text; int days; const char *name; } presets[] = {
        {tr("Today"), 1, "rangeToday"}, {tr("7 days"), 7, "rangeWeek"}, {tr("30 days"), 30, "rangeMonth"}};
    for (const auto &preset : presets) {
        auto *button = new QPushButton(preset.text, bar);
        button->setObjectName(QLatin1StringView(preset.name));
        button->setFocusPolicy(Qt::TabFocus);
        const int days = preset.days;
        connect(button, &QPushButton::clicked, this, [this, days] {
            const QDate today = m_now().date();
            setRange(today.addDays(1 - days), today);
        });
        layout->addWidget(button);
    }
    layout->addStretch(1);
    m_state = new QLabel(bar);
    m_state->setObjectName(QStringLiteral("analyticsState"));
    layout->addWidget(m_state);
    auto *csvButton = new QPushButton(tr("Export CSV…"), bar);
    csvButton->setObjectName(QStringLiteral("exportCsv"));
    connect(csvButton, &QPushButton::clicked, this, &AnalyticsPage::chooseCsvFile);
    auto *pngButton = new QPushButton(tr("Export PNG…"), bar);
    pngButton->setObjectName(QStringLiteral("exportPng"));
    connect(pngButton, &QPushButton::clicked, this, &AnalyticsPage::choosePngFile);
    layout->addWidget(csvButton);
    layout->addWidget(pngButton);
}

bool AnalyticsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_feedView->viewport() && event->type() == QEvent::Resize)
        m_feedEmpty->setGeometry(m_feedView->viewport()->rect().adjusted(12, 12, -12, -12));
    return QWidget::eventFilter(watched, event);
}

void AnalyticsPage::updateFeedEmpty()
{
    m_feedEmpty->setVisible(m_feed->rowCount() == 0);
}

void AnalyticsPage::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
    m_today = m_now().date();
    applyQueries();
    refresh();
}

void AnalyticsPage::setRange(const QDate &from, const QDate &to)
{
    {
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setDate(from);
        m_to->setDate(std::max(from, to));
    }
    onRangeEdited();
}

void AnalyticsPage::onRangeEdited()
{
    // A range runs forwards and at most a year; the other end follows the one just moved.
    if (m_to->date() < m_from->date()) {
        const QSignalBlocker block(sender() == m_to ? static_cast<QObject *>(m_from) : static_cast<QObject *>(m_to));
        if (sender() == m_to)
            m_from->setDate(m_to->date());
        else
            m_to->setDate(m_from->date());
    }
    if (m_from->date().daysTo(m_to->date()) >= maxRangeDays) {
        const QSignalBlocker block(m_from);
        m_from->setDate(m_to->date().addDays(1 - maxRangeDays));
    }
    applyQueries();
}

void AnalyticsPage::onWidgetChosen()
{
    m_feed->clear();
    applyQueries();
}

QString AnalyticsPage::widgetFilter() const
{
    return m_widgetChoice->currentData().toString();
}

QList<AnalyticsQuery> AnalyticsPage::queries() const
{
    const QString widget = widgetFilter();
    const qint64 from = startOf(m_from->date());
    const qint64 to = startOf(m_to->date().addDays(1));
    // Hours for a day or two, days beyond: a month is thirty bars, not seven hundred.
    const qint64 bucket = m_from->date().daysTo(m_to->date()) < 2 ? hourMs : dayMs;
    const QDate today = m_now().date();
    const qint64 todayStart = startOf(today);
    return {
        AnalyticsQuery{widget, from, to, bucket},
        // Today by minute, from an hour before midnight: the last hour is there at 00:10 too.
        AnalyticsQuery{widget, todayStart - hourMs, startOf(today.addDays(1)), minuteMs},
        AnalyticsQuery{widget, startOf(today.addDays(-7)), startOf(today.addDays(-6)), hourMs},
    };
}

void AnalyticsPage::applyQueries()
{
    if (!m_widgetChoice)
        return;
    m_sync->setQueries(queries());
}

const AnalyticsSummary *AnalyticsPage::summary(QueryIndex index) const
{
    const QList<AnalyticsSummary> &summaries = m_sync->summaries();
    if (summaries.size() != QueryCount || summaries.at(index).query() != m_sync->queries().value(index))
        return nullptr;
    return &summaries.at(index);
}

void AnalyticsPage::refresh()
{
    const AnalyticsSummary *range = summary(RangeQuery);
    const AnalyticsCounts counts = range ? range->totals : AnalyticsCounts{};
    m_funnel->setCounts(counts);
    const QLocale locale;
    m_views->setText(range ? locale.toString(counts.stage(FunnelStage::Viewed)) : QStringLiteral("–"));
    m_completed->setText(range ? locale.toString(counts.stage(FunnelStage::Completed)) : QStringLiteral("–"));
    m_conversion->setText(range ? conversionText() : QStringLiteral("–"));
    m_revenue->setText(range ? revenueText() : QStringLiteral("–"));
    const AnalyticsSummary *today = summary(TodayQuery);
    const AnalyticsSummary *lastWeek = summary(LastWeekQuery);
    m_charts->update(today ? *today : AnalyticsSummary{}, lastWeek ? *lastWeek : AnalyticsSummary{}, m_now());
    QString state;
    if (!m_sync->snapshotProblem().isEmpty())
        //: The analytics could not be loaded; %1 says why
        state = tr("Not up to date: %1").arg(m_sync->snapshotProblem());
    else if (m_sync->isLoadingSnapshot())
        state = tr("Loading…");
    m_state->setText(state);
    m_state->setStyleSheet(m_sync->snapshotProblem().isEmpty() ? QString() : QStringLiteral("color: #a32d1e;"));
}

void AnalyticsPage::onSamples(const QList<AnalyticsSample> &samples)
{
    const QString widget = widgetFilter();
    QList<AnalyticsSample> shown;
    for (const AnalyticsSample &sample : samples) {
        if (widget.isEmpty() || sample.widgetId == widget)
            shown.append(sample);
    }
    m_feed->addSamples(shown);
    refresh();
}

void AnalyticsPage::updateWidgetChoices()
{
    const QString current = widgetFilter();
    QHash<QString, QString> names;
    QList<std::pair<QString, QString>> choices;
    for (int row = 0; row < m_widgets->rowCount(); ++row) {
        const WidgetConfig *widget = m_widgets->widgetAt(row);
        if (!widget || widget->archived)
            continue;
        names.insert(widget->id, widget->name);
        choices.append({widget->id, widget->name});
    }
    m_feed->setWidgetNames(names);
    const QSignalBlocker block(m_widgetChoice);
    m_widgetChoice->clear();
    m_widgetChoice->addItem(tr("All widgets"), QString());
    for (const auto &[id, name] : std::as_const(choices))
        m_widgetChoice->addItem(name, id);
    const int index = m_widgetChoice->findData(current);
    m_widgetChoice->setCurrentIndex(std::max(0, index));
    if (index < 0 && !current.isEmpty())
        applyQueries(); // the widget chosen is gone: all widgets again
}

void AnalyticsPage::checkDay()
{
    const QDate today = m_now().date();
    if (today != m_today) {
        // A range that ended yesterday (the usual "today") moves on with the day.
        const bool followsToday = m_to->date() == m_today;
        const qint64 span = m_from->date().daysTo(m_to->date());
        m_today = today;
        if (followsToday)
            setRange(today.addDays(-span), today);
        else
            applyQueries();
    }
    refresh(); // the last hour slides on even when nobody clicks
}

QString AnalyticsPage::revenueText() const
{
    return money(m_funnel->counts().revenueCents);
}

QString AnalyticsPage::conversionText() const
{
    const AnalyticsCounts &counts = m_funnel->counts();
    return AnalyticsFunnelModel::percentText(counts.overallConversion(), counts.stage(FunnelStage::Viewed) > 0);
}

QString AnalyticsPage::csv() const
{
    const AnalyticsSummary *range = summary(RangeQuery);
    QStringList header{tr("Period starting")};
    for (int i = 0; i < analyticsStepCount; ++i)
        header.append(AnalyticsFeedModel::stepText(AnalyticsStep(i)));
    header.append(tr("Revenue"));
    QString text;
    const auto line = [&text](const QStringList &cells) {
        QStringList quoted;
        for (const QString &cell : cells)
            quoted.append(CsvExport::field(cell));
        text += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    };
    line(header);
    if (!range)
        return text;
    const auto row = [&line](const QString &label, const AnalyticsCounts &counts) {
        QStringList cells{label};
        for (qint64 count : counts.steps)
            cells.append(QString::number(count));
        cells.append(QString::number(double(counts.revenueCents) / 100, 'f', 2));
        line(cells);
    };
    for (const AnalyticsBucket &bucket : range->series)
        row(QDateTime::fromMSecsSinceEpoch(bucket.startMs).toString(Qt::ISODate), bucket.counts);
    row(tr("Total"), range->totals);
    return text;
}

bool AnalyticsPage::exportCsv(const QString &path, QString *errorMessage) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv().toUtf8()) < 0 || !file.commit()) {
        if (errorMessage)
            *errorMessage = file.errorString();
        return false;
    }
    return true;
}

bool AnalyticsPage::exportPng(const QString &path)
{
    return grab().save(path, "PNG");
}

void AnalyticsPage::chooseCsvFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export analytics"),
                                                      QStringLiteral("analytics-%1.csv").arg(m_from->date().toString(Qt::ISODate)),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString problem;
    if (!exportCsv(path, &problem))
        QMessageBox::warning(this, tr("Export analytics"), tr("The file could not be written: %1").arg(problem));
}

void AnalyticsPage::choosePngFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save a picture of the analytics"),
                                                      QStringLiteral("analytics-%1.png").arg(m_from->date().toString(Qt::ISODate)),
                                                      tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!exportPng(path))
        QMessageBox::warning(this, tr("Save a picture of the analytics"), tr("The picture could not be saved."));
}

} // namespace hearth
