// The Analytics page in the real Dashboard against the real embedded server over loopback: for
// managers only, the server's figures in the cards, funnel, charts and live feed as the website's
// events arrive (without reloading), the date-range picker, and the CSV and PNG exports.
#include "models/analyticsfeedmodel.h"
#include "models/analyticsfunnelmodel.h"
#include "server/analyticsrepository.h"
#include "server/analyticsservice.h"
#include "server/demoaccounts.h"
#include "server/hearthserver.h"
#include "server/widgetservice.h"
#include "sync/analyticssync.h"
#include "ui/analyticscharts.h"
#include "ui/analyticspage.h"
#include "ui/dashboard.h"
#include "ui/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QDateEdit>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <numeric>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

const QString restaurant(server::DemoAccounts::restaurantId);

struct Signed
{
    std::unique_ptr<Dashboard> dashboard;
    MainWindow *window = nullptr;
    AnalyticsPage *page = nullptr;
};

} // namespace

class TestUiAnalyticsPage final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::HearthServer> m_server;
    QString m_ordering;
    qint64 m_session = 1;

    Signed signIn(bool manager = true)
    {
        Signed s;
        s.dashboard = std::make_unique<Dashboard>();
        s.dashboard->setRemembersSession(false);
        QSignalSpy signedIn(s.dashboard.get(), &Dashboard::signedIn);
        s.dashboard->signInDirectly(
            ServerAddress::fromHttpBase(m_server->httpUrl()),
            QString(manager ? server::DemoAccounts::managerUsername : server::DemoAccounts::staffUsername),
            QString(manager ? server::DemoAccounts::managerPassword : server::DemoAccounts::staffPassword));
        signedIn.wait(10000);
        s.window = s.dashboard->window();
        s.page = s.window->findChild<AnalyticsPage *>(u"analyticsPage"_s);
        return s;
    }

    // Guests on the website now: `guests` views, half of them open, one order of `cents`.
    void websiteSecond(int guests, qint64 cents)
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QList<server::AnalyticsRecord> records;
        for (int i = 0; i < guests; ++i) {
            records.append({m_ordering, AnalyticsStep::View, m_session + i, now - 2000, 0});
            if (i % 2 == 0)
                records.append({m_ordering, AnalyticsStep::Open, m_session + i, now - 1000, 0});
        }
        records.append({m_ordering, AnalyticsStep::OrderStarted, m_session, now - 500, 0});
        records.append({m_ordering, AnalyticsStep::OrderCompleted, m_session, now, cents});
        m_session += guests;
        QVERIFY(m_server->analytics()->ingest(restaurant, records));
        m_server->analytics()->flush();
    }

    static QLabel *label(Signed &s, const QString &name) { return s.page->findChild<QLabel *>(name); }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        server::ServerOptions options;
        options.databasePath = m_dir.filePath(u"%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
        options.passwordHashIterations = 1000;
        m_server = std::make_unique<server::HearthServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        for (const WidgetConfig &widget : m_server->widgets()->snapshot(restaurant).widgets) {
            if (widget.kind == WidgetKind::Ordering)
                m_ordering = widget.id;
        }
    }

    void cleanup() { m_server.reset(); }

    void aManagerSeesTheServersFiguresAndTheyStayLive()
    {
        websiteSecond(10, 4250); // before the page opens: in the summary
        Signed s = signIn();
        QVERIFY(s.page);
        QAbstractItemModelTester funnelTester(s.page->funnel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester feedTester(s.page->feed(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        AnalyticsSync *sync = s.dashboard->analytics();
        QVERIFY(!sync->isStarted()); // nothing loads until the page is opened
        s.window->resize(1300, 850);
        s.window->showPage(MainWindow::Page::Analytics);
        QCOMPARE(s.window->currentPage(), MainWindow::Page::Analytics);
        QTRY_COMPARE_WITH_TIMEOUT(sync->snapshotsLoaded(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(label(s, u"analyticsViews"_s)->text(), QLocale().toString(10), 5000);
        QCOMPARE(label(s, u"analyticsCompleted"_s)->text(), QLocale().toString(1));
        QCOMPARE(label(s, u"analyticsRevenue"_s)->text(), QLocale().toCurrencyString(42.5));
        QCOMPARE(label(s, u"analyticsConversion"_s)->text(), AnalyticsFunnelModel::percentText(0.1, true));
        QVERIFY(s.page->findChild<QLabel *>(u"analyticsFeedEmpty"_s)->isVisible());

        // The website goes on: the page follows without loading again.
        websiteSecond(4, 1000);
        QTRY_COMPARE_WITH_TIMEOUT(label(s, u"analyticsViews"_s)->text(), QLocale().toString(14), 5000);
        QCOMPARE(sync->snapshotsLoaded(), 1);
        QCOMPARE(s.page->funnel()->index(0, AnalyticsFunnelModel::CountColumn).data().toString(), QLocale().toString(14));
        QCOMPARE(s.page->feed()->rowCount(), 4 + 2 + 2); // views, opens, started, completed
        QVERIFY(!s.page->findChild<QLabel *>(u"analyticsFeedEmpty"_s)->isVisible());
        const QList<qint64> lastHour = s.page->charts()->lastHourCounts();
        QCOMPARE(lastHour.size(), 60);
        QCOMPARE(std::accumulate(lastHour.cbegin(), lastHour.cend(), qint64(0)), 15 + 10); // every event of both seconds
        const QList<qint64> today = s.page->charts()->todayByHour();
        QCOMPARE(std::accumulate(today.cbegin(), today.cend(), qint64(0)), 14);

        // A week: the range reloads, the live parts carry on.
        auto *week = s.page->findChild<QPushButton *>(u"rangeWeek"_s);
        QTest::mouseClick(week, Qt::LeftButton);
        auto *from = s.page->findChild<QDateEdit *>(u"analyticsFrom"_s);
        QCOMPARE(from->date(), QDate::currentDate().addDays(-6));
        QTRY_COMPARE_WITH_TIMEOUT(sync->snapshotsLoaded(), 2, 10000);
        QCOMPARE(s.page->queries().at(AnalyticsPage::RangeQuery).bucketMs, 24LL * 3600 * 1000);
        QCOMPARE(label(s, u"analyticsViews"_s)->text(), QLocale().toString(14));

        // Exports: the range's figures as CSV, the page as a picture.
        const QString csvPath = m_dir.filePath(u"analytics.csv"_s);
        QVERIFY(s.page->exportCsv(csvPath));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QVERIFY(lines.first().startsWith("Period starting,"));
        QVERIFY(lines.at(lines.size() - 2).startsWith("Total,14,7,0,0,2,2,52.50"));
        const QString pngPath = m_dir.filePath(u"analytics.png"_s);
        QVERIFY(s.page->exportPng(pngPath));
        QVERIFY(!QImage(pngPath).isNull());
    }

    void aRangeRunsForwards()
    {
        Signed s = signIn();
        s.window->showPage(MainWindow::Page::Analytics);
        auto *from = s.page->findChild<QDateEdit *>(u"analyticsFrom"_s);
        auto *to = s.page->findChild<QDateEdit *>(u"analyticsTo"_s);
        const QDate today = QDate::currentDate();
        from->setDate(today.addDays(3));
        QCOMPARE(to->date(), today.addDays(3)); // the other end follows
        to->setDate(today.addDays(-2));
        QCOMPARE(from->date(), today.addDays(-2));
        const AnalyticsQuery range = s.page->queries().at(AnalyticsPage::RangeQuery);
        QCOMPARE(range.fromMs, today.addDays(-2).startOfDay().toMSecsSinceEpoch());
        QCOMPARE(range.toMs, today.addDays(-1).startOfDay().toMSecsSinceEpoch());
        QCOMPARE(range.bucketMs, 3600LL * 1000);
    }

    void staffHaveNoAnalyticsPage()
    {
        Signed s = signIn(false);
        QTRY_VERIFY_WITH_TIMEOUT(s.window->isVisible(), 10000);
        auto *pages = s.window->findChild<QListWidget *>(u"pageList"_s);
        QVERIFY(pages->item(int(MainWindow::Page::Analytics))->isHidden());
        s.window->showPage(MainWindow::Page::Analytics);
        QCOMPARE(s.window->currentPage(), MainWindow::Page::Orders);
        QVERIFY(!s.dashboard->analytics()->isStarted());
    }
};

QTEST_MAIN(TestUiAnalyticsPage)
#include "tst_ui_analyticspage.moc"
