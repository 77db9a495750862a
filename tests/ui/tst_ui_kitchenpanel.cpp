// The kitchen-load panel under the widget editor, in the real Dashboard against the real embedded
// server over loopback: the state and the automatic pause as the kitchen fills and empties, a
// manager's thresholds and override applied from the panel, and staff who see but cannot change.
#include "server/demoaccounts.h"
#include "server/hearthserver.h"
#include "server/kitchencontrol.h"
#include "server/orderservice.h"
#include "server/widgetservice.h"
#include "ui/dashboard.h"
#include "ui/kitchenpanel.h"
#include "ui/mainwindow.h"
#include "ui/widgetspage.h"

#include <QComboBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

const QString restaurant(server::DemoAccounts::restaurantId);

} // namespace

class TestUiKitchenPanel final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::HearthServer> m_server;
    QString m_ordering;

    std::unique_ptr<Dashboard> signIn(bool manager)
    {
        auto dashboard = std::make_unique<Dashboard>();
        dashboard->setRemembersSession(false);
        QSignalSpy signedIn(dashboard.get(), &Dashboard::signedIn);
        dashboard->signInDirectly(
            ServerAddress::fromHttpBase(m_server->httpUrl()),
            QString(manager ? server::DemoAccounts::managerUsername : server::DemoAccounts::staffUsername),
            QString(manager ? server::DemoAccounts::managerPassword : server::DemoAccounts::staffPassword));
        signedIn.wait(10000);
        return dashboard;
    }

    KitchenPanel *openOrdering(Dashboard &dashboard)
    {
        dashboard.window()->showPage(MainWindow::Page::Widgets);
        auto *page = dashboard.window()->findChild<WidgetsPage *>();
        if (!QTest::qWaitFor([&] { return dashboard.widgetModel()->rowOf(m_ordering) >= 0; }, 10000))
            return nullptr;
        page->selectWidget(m_ordering);
        return dashboard.window()->findChild<KitchenPanel *>(u"kitchenPanel"_s);
    }

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

    void aManagerSetsThresholdsAndSeesTheAutomaticPause()
    {
        std::unique_ptr<Dashboard> dashboard = signIn(true);
        dashboard->window()->resize(1200, 900);
        KitchenPanel *panel = openOrdering(*dashboard);
        QVERIFY(panel);
        QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(panel->stateText().contains(u"No thresholds"), 5000);
        panel->findChild<QSpinBox *>(u"kitchenBusyAt"_s)->setValue(3);
        panel->findChild<QSpinBox *>(u"kitchenPauseAt"_s)->setValue(6);
        QSignalSpy loaded(panel, &KitchenPanel::loaded);
        QTest::mouseClick(panel->findChild<QPushButton *>(u"kitchenApply"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(panel->stateText().contains(u"normal"), 5000);

        // The kitchen fills: the widget pauses by itself, and the panel says so.
        server::NewOrder rush;
        rush.customerName = u"Table of twelve"_s;
        rush.items = {OrderItem{u"Margherita"_s, 8, 1100}};
        QVERIFY(m_server->orders()->createOrder(restaurant, rush).ok());
        m_server->kitchen()->evaluate(restaurant, QDateTime::currentMSecsSinceEpoch());
        QTRY_VERIFY_WITH_TIMEOUT(panel->showsAutomaticPause(), 5000);
        QVERIFY(panel->stateText().contains(u"pause threshold"));
        QTRY_VERIFY_WITH_TIMEOUT(dashboard->widgetModel()->widgetById(m_ordering)->settings.paused, 5000);

        // The manual override: keep open although the kitchen is full.
        auto *override = panel->findChild<QComboBox *>(u"kitchenOverride"_s);
        override->setCurrentIndex(override->findData(u"open"_s));
        QTest::mouseClick(panel->findChild<QPushButton *>(u"kitchenApply"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard->widgetModel()->widgetById(m_ordering)->settings.paused, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->showsAutomaticPause(), 5000);
        QVERIFY(panel->stateText().contains(u"keeps online orders open"));
    }

    void staffSeeTheStateButCannotChangeIt()
    {
        std::unique_ptr<Dashboard> dashboard = signIn(false);
        KitchenPanel *panel = openOrdering(*dashboard);
        QVERIFY(panel);
        QTRY_VERIFY_WITH_TIMEOUT(panel->stateText().contains(u"Kitchen load"), 5000);
        QVERIFY(!panel->findChild<QPushButton *>(u"kitchenApply"_s)->isEnabled());
        QVERIFY(!panel->findChild<QSpinBox *>(u"kitchenPauseAt"_s)->isEnabled());
    }
};

QTEST_MAIN(TestUiKitchenPanel)
#include "tst_ui_kitchenpanel.moc"
