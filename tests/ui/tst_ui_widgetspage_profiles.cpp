// The Widgets page against a Rails backend, as `hearth --profile hafaloha-actioncable.json` with
// HEARTH_TOKEN shows it (offscreen, the real Dashboard, the in-test Rails over loopback): the
// widgets from the backend's list, read-only with the reason in a manager's words, a broadcast
// change in the editor; and a profile without widgets says they are not available instead of
// waiting for them.
#include "fakecableserver.h"
#include "fakehttpserver.h"
#include "foreignwidgets.h"

#include "models/widgetconfigmodel.h"
#include "profile/profileparser.h"
#include "ui/dashboard.h"
#include "ui/mainwindow.h"
#include "ui/widgetlistcolumns.h"
#include "ui/widgetsettingseditor.h"
#include "ui/widgetspage.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>

using namespace hearth;
using namespace foreignwidgets;
using namespace Qt::StringLiterals;
using Response = FakeHttpServer::Response;

namespace {

const QString widgetChannel = u"WidgetChannel"_s;

QJsonObject hafalohaProfileJson()
{
    QFile file(QStringLiteral(HEARTH_PROFILES_DIR "/hafaloha-actioncable.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class TestUiWidgetsPageProfiles final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeCableServer> m_cable;
    std::unique_ptr<FakeHttpServer> m_http;
    std::unique_ptr<RailsWidgets> m_rails;

    BackendProfile profile(bool withWidgets) const
    {
        QJsonObject json = hafalohaProfileJson();
        json.insert(u"url"_s, m_cable->url().toString());
        json.insert(u"heartbeat_ms"_s, 400);
        QJsonObject rest = json.value("rest"_L1).toObject();
        rest.insert(u"base_url"_s, m_http->url().toString());
        if (!withWidgets) {
            rest.remove(u"widgets"_s);
            QJsonObject channels = json.value("channels"_L1).toObject();
            channels.remove(u"widgets"_s);
            json.insert(u"channels"_s, channels);
        }
        json.insert(u"rest"_s, rest);
        const Decoded<BackendProfile> parsed = ProfileParser::fromJson(json);
        if (!parsed.ok())
            qFatal("test profile invalid: %s", qPrintable(parsed.errorString()));
        return *parsed.value;
    }

    // The Dashboard started as `hearth --profile` with HEARTH_TOKEN does, on its Widgets page.
    std::unique_ptr<Dashboard> start(bool withWidgets)
    {
        auto dashboard = std::make_unique<Dashboard>();
        dashboard->setRemembersSession(false);
        QString error;
        if (!dashboard->useProfile(profile(withWidgets), &error))
            qWarning("profile refused: %s", qPrintable(error));
        dashboard->window()->showPage(MainWindow::Page::Widgets);
        return dashboard;
    }

    static WidgetsPage *pageOf(Dashboard &dashboard)
    {
        return dashboard.window()->findChild<WidgetsPage *>(u"widgetsPage"_s);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("HEARTH_TOKEN", "tok");
    }

    void cleanupTestCase() { qunsetenv("HEARTH_TOKEN"); }

    void init()
    {
        m_cable = std::make_unique<FakeCableServer>();
        m_cable->pingInterval = std::chrono::milliseconds(200);
        m_cable->channelClasses.insert(widgetChannel);
        QVERIFY(m_cable->listen());
        m_rails = std::make_unique<RailsWidgets>();
        m_http = std::make_unique<FakeHttpServer>();
        m_http->handler = [this](const FakeHttpServer::Request &request) {
            if (request.headers.value("authorization") != "Bearer tok")
                return Response::json(401, R"({"error":"unauthorized"})");
            if (request.path == "/api/v1/admin/orders")
                return Response::json(200, R"({"orders":[]})");
            if (request.path == "/api/v1/admin/widgets")
                return Response::json(200, m_rails->listBody());
            return Response::json(404, R"({"error":"not found"})");
        };
        QVERIFY(m_http->listen());
    }

    void cleanup()
    {
        m_cable.reset();
        m_http.reset();
        m_rails.reset();
    }

    void railsWidgetsAreShownReadOnlyWithTheReason()
    {
        m_rails->createBooking(u"Table booking"_s, u"Book a table"_s);
        m_rails->createOrdering(u"Online orders"_s, "15.00");
        std::unique_ptr<Dashboard> dashboard = start(true);
        QAbstractItemModelTester tester(dashboard->widgetModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        WidgetsPage *page = pageOf(*dashboard);
        QVERIFY(page);
        QTRY_COMPARE(page->list()->model()->rowCount(), 2);
        QTRY_VERIFY(page->isVisible());
        // Nothing is "Saved" by this PC where nothing can be saved.
        QCOMPARE(page->list()->model()->index(0, WidgetListColumns::SaveStateColumn).data().toString(), u"Read-only"_s);

        WidgetSettingsEditor *editor = page->editor();
        page->selectWidget(u"1"_s);
        QTRY_COMPARE(page->currentWidgetId(), u"1"_s);
        QVERIFY(editor->isVisible());
        QVERIFY(editor->isReadOnly());
        auto *title = qobject_cast<QLineEdit *>(editor->fieldWidgets(u"title"_s).value(0));
        QVERIFY(title);
        QCOMPARE(title->text(), u"Book a table"_s);
        QVERIFY(!title->isEnabled());
        auto *reason = editor->findChild<QLabel *>(u"readOnlyLabel"_s);
        QVERIFY(reason && reason->isVisible());
        QCOMPARE(reason->text(), u"This restaurant's backend (Rails) shows widget settings read-only; change "
                                 u"them in its own admin."_s);
        QVERIFY(editor->saveStateText().isEmpty()); // nothing is "saved" where nothing can be

        // A change made in the Rails admin reaches the open editor.
        QTRY_COMPARE(m_cable->commandCount(u"subscribe"_s, widgetChannel), 1);
        const QJsonObject changed = m_rails->setConfig(1, u"title"_s, u"Reserve your table"_s);
        QTRY_COMPARE(m_cable->broadcast(widgetChannel, u"1"_s,
                                        {{u"type"_s, u"widget_updated"_s}, {u"widget"_s, changed}}), 1);
        QTRY_COMPARE(title->text(), u"Reserve your table"_s);
        dashboard->window()->resize(1000, 700);
        dashboard->window()->grab().save(QDir(QStringLiteral(QT_TESTCASE_BUILDDIR)).filePath(u"widgets-rails.png"_s));
    }

    void withoutAWidgetsChannelThePageSaysSo()
    {
        m_rails->createBooking(u"Table booking"_s, u"Book a table"_s);
        std::unique_ptr<Dashboard> dashboard = start(false);
        WidgetsPage *page = pageOf(*dashboard);
        QVERIFY(page);
        auto *empty = page->findChild<QLabel *>(u"widgetsEmpty"_s);
        QVERIFY(empty);
        QTRY_VERIFY(empty->isVisible());
        QVERIFY2(empty->text().startsWith("Website widgets are not available for this restaurant's backend (Rails)"_L1),
                 qPrintable(empty->text()));
        QVERIFY(!page->editor()->isVisible());
        QTRY_VERIFY(!m_http->requests.isEmpty()); // the orders' list: the backend is in use
        QCOMPARE(m_cable->commandCount(u"subscribe"_s, widgetChannel), 0);
        QCOMPARE(page->list()->model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestUiWidgetsPageProfiles)
#include "tst_ui_widgetspage_profiles.moc"
