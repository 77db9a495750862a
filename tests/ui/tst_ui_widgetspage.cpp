// The Widgets page against the real embedded server and the real client stack over loopback:
// the demo widgets listed, typing seen at once in the preview and on the server after the
// debounce, messages on their fields, staff read-only, a remote change while typing, the conflict
// chooser both ways, presence, and the keyboard.
#include "core/widgetcodec.h"
#include "models/widgetconfigmodel.h"
#include "server/demoaccounts.h"
#include "server/hearthserver.h"
#include "server/widgetservice.h"
#include "sync/widgetsclient.h"
#include "ui/conflictchooser.h"
#include "ui/dashboard.h"
#include "ui/mainwindow.h"
#include "ui/widgetlistcolumns.h"
#include "ui/widgetpreview.h"
#include "ui/widgetsettingseditor.h"
#include "ui/widgetspage.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace hearth;

namespace {

const QString restaurant(server::DemoAccounts::restaurantId);

struct Signed
{
    std::unique_ptr<Dashboard> dashboard;
    MainWindow *window = nullptr;
    WidgetsPage *page = nullptr;
};

template<typename T>
T *field(WidgetSettingsEditor *editor, const QString &key)
{
    return qobject_cast<T *>(editor->fieldWidgets(key).value(0));
}

} // namespace

class TestUiWidgetsPage final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::HearthServer> m_server;

    Signed signIn(const QString &username, const QString &password, const QString &device)
    {
        Signed s;
        s.dashboard = std::make_unique<Dashboard>();
        s.dashboard->setRemembersSession(false);
        s.dashboard->widgets()->setDeviceName(device);
        s.dashboard->signInDirectly(ServerAddress::fromHttpBase(m_server->httpUrl()), username, password);
        s.window = s.dashboard->window();
        s.page = s.window->findChild<WidgetsPage *>(QStringLiteral("widgetsPage"));
        return s;
    }

    Signed signInManager(const QString &device = QStringLiteral("Bar PC"))
    {
        Signed s = signIn(QString(server::DemoAccounts::managerUsername),
                          QString(server::DemoAccounts::managerPassword), device);
        return s;
    }

    WidgetConfig serverWidget(const QString &name) const
    {
        const QList<WidgetConfig> widgets = m_server->widgets()->snapshot(restaurant).widgets;
        for (const WidgetConfig &widget : widgets) {
            if (widget.name == name)
                return widget;
        }
        return {};
    }

    // Another PC's save, straight into the server (what its REST handler would do).
    void changeOnServer(const QString &name, const std::function<void(WidgetSettings &)> &change)
    {
        const WidgetConfig current = serverWidget(name);
        server::WidgetEdit edit;
        edit.expectedVersion = current.version;
        edit.settings = current.settings;
        change(edit.settings);
        const server::WidgetResult result = m_server->widgets()->update(
            restaurant, current.id, edit, WidgetEditor{QStringLiteral("maria"), QStringLiteral("Maria Costa"), QStringLiteral("Office PC")});
        QVERIFY2(result.ok(), qPrintable(result.message));
    }

    // Opens the page on `name`, ready to type.
    bool openWidget(Signed &s, const QString &name)
    {
        if (!QTest::qWaitFor([&] { return s.window->isVisible() && s.page->list()->model()->rowCount() >= 2; }, 15000))
            return false;
        s.window->showPage(MainWindow::Page::Widgets);
        s.window->activateWindow();
        for (int row = 0; row < s.page->list()->model()->rowCount(); ++row) {
            const QModelIndex index = s.page->list()->model()->index(row, WidgetListColumns::NameColumn);
            if (index.data().toString() == name)
                s.page->list()->setCurrentIndex(index);
        }
        return QTest::qWaitFor([&] { return s.page->editor()->widgetId() == serverWidget(name).id; }, 5000);
    }

    // For a look while working on the page: HEARTH_UI_GRAB_DIR=/tmp …
    static void grab(QWidget *widget, const QString &name)
    {
        if (const QString dir = qEnvironmentVariable("HEARTH_UI_GRAB_DIR"); !dir.isEmpty())
            widget->grab().save(QStringLiteral("%1/%2.png").arg(dir, name));
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        server::ServerOptions options;
        options.databasePath = m_dir.filePath(QStringLiteral("%1-%2.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction()), QString::fromLatin1(QTest::currentDataTag())));
        options.passwordHashIterations = 1000;
        m_server = std::make_unique<server::HearthServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void cleanup()
    {
        m_server.reset();
    }

    void listsTheDemoWidgetsAndSavesWhatIsTyped()
    {
        Signed s = signInManager();
        QVERIFY(s.page);
        QVERIFY(openWidget(s, QStringLiteral("Table booking")));
        QAbstractItemModelTester tester(s.page->list()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester sourceTester(s.dashboard->widgetModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModel *list = s.page->list()->model();
        QCOMPARE(list->rowCount(), 2);
        QStringList names;
        for (int row = 0; row < list->rowCount(); ++row)
            names.append(list->index(row, WidgetListColumns::NameColumn).data().toString());
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("Online ordering"), QStringLiteral("Table booking")}));
        const int row = s.dashboard->widgetModel()->rowOf(serverWidget(QStringLiteral("Table booking")).id);
        QVERIFY(!list->index(row, WidgetListColumns::KindColumn).data().toString().isEmpty());
        QCOMPARE(list->index(row, WidgetListColumns::EnabledColumn).data().toString(), QStringLiteral("Shown"));
        QVERIFY(list->index(row, WidgetListColumns::LastChangeColumn).data().toString().contains(
            QString(server::DemoAccounts::managerDisplayName)));

        WidgetSettingsEditor *editor = s.page->editor();
        QVERIFY(!editor->isReadOnly());
        auto *title = field<QLineEdit>(editor, QStringLiteral("title"));
        title->setFocus();
        title->selectAll();
        QTest::keyClicks(title, QStringLiteral("Dinner at the Bistro"));
        // The preview follows the keystroke, before anything is saved.
        QCOMPARE(editor->preview()->settings().title, QStringLiteral("Dinner at the Bistro"));
        QVERIFY(!s.window->unsavedChangesText().isEmpty());
        QVERIFY(editor->saveStateText() == QStringLiteral("Unsaved changes") || editor->saveStateText() == QStringLiteral("Saving…"));

        // After the debounce the server has it, and the editor says so.
        QTRY_COMPARE_WITH_TIMEOUT(serverWidget(QStringLiteral("Table booking")).settings.title,
                                  QStringLiteral("Dinner at the Bistro"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(editor->saveStateText().startsWith(QStringLiteral("Saved at")), 5000);
        QTRY_VERIFY(s.window->unsavedChangesText().isEmpty());
        QCOMPARE(title->text(), QStringLiteral("Dinner at the Bistro"));
    }

    void aValidationMessageAppearsOnItsField()
    {
        Signed s = signInManager();
        QVERIFY(openWidget(s, QStringLiteral("Table booking")));
        WidgetSettingsEditor *editor = s.page->editor();
        const qint64 version = serverWidget(QStringLiteral("Table booking")).version;
        auto *button = field<QLineEdit>(editor, QStringLiteral("button_text"));
        button->setFocus();
        button->selectAll();
        QTest::keyClick(button, Qt::Key_Delete);
        QCOMPARE(editor->errorText(QStringLiteral("button_text")), QStringLiteral("Button text must not be empty"));
        QVERIFY(s.page->findChild<QLabel *>(QStringLiteral("error_button_text"))->isVisible());
        // Not sent: the server keeps its value, and nothing waits in the outbox.
        QTest::qWait(1500);
        QCOMPARE(serverWidget(QStringLiteral("Table booking")).version, version);
        QVERIFY(s.window->unsavedChangesText().isEmpty());
        QTest::keyClicks(button, QStringLiteral("Reserve"));
        QVERIFY(editor->errorText(QStringLiteral("button_text")).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(serverWidget(QStringLiteral("Table booking")).settings.buttonText,
                                  QStringLiteral("Reserve"), 10000);
    }

    void offlineEditsWaitAndAreSavedWhenTheServerIsBack()
    {
        Signed s = signInManager();
        QVERIFY(openWidget(s, QStringLiteral("Table booking")));
        WidgetSettingsEditor *editor = s.page->editor();
        m_server->stop();
        auto *title = field<QLineEdit>(editor, QStringLiteral("title"));
        title->setFocus();
        title->selectAll();
        QTest::keyClicks(title, QStringLiteral("Closed for a private party"));
        QCOMPARE(editor->preview()->settings().title, QStringLiteral("Closed for a private party"));
        QTRY_COMPARE_WITH_TIMEOUT(editor->saveStateText(), QStringLiteral("Offline — will save when back"), 15000);
        QCOMPARE(s.window->unsavedChangesText(), QStringLiteral("1 unsaved change"));
        const int row = s.dashboard->widgetModel()->rowOf(editor->widgetId());
        QCOMPARE(s.page->list()->model()->index(row, WidgetListColumns::SaveStateColumn).data().toString(),
                 QStringLiteral("Offline — will save when back"));

        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(serverWidget(QStringLiteral("Table booking")).settings.title,
                                  QStringLiteral("Closed for a private party"), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(editor->saveStateText().startsWith(QStringLiteral("Saved at")), 5000);
        QTRY_VERIFY(s.window->unsavedChangesText().isEmpty());
    }

    void staffSeeTheWidgetsReadOnly()
    {
        Signed s = signIn(QString(server::DemoAccounts::staffUsername), QString(server::DemoAccounts::staffPassword),
                          QStringLiteral("Kitchen PC"));
        QVERIFY(openWidget(s, QStringLiteral("Online ordering")));
        WidgetSettingsEditor *editor = s.page->editor();
        QTRY_VERIFY(editor->isReadOnly());
        QVERIFY(!field<QLineEdit>(editor, QStringLiteral("title"))->isEnabled());
        QVERIFY(!field<QCheckBox>(editor, QStringLiteral("paused"))->isEnabled());
        auto *reason = editor->findChild<QLabel *>(QStringLiteral("readOnlyLabel"));
        QVERIFY(reason->isVisible());
        QVERIFY2(reason->text().startsWith(QStringLiteral("Only managers can change")), qPrintable(reason->text()));
        QVERIFY(editor->saveStateText().isEmpty());
        s.window->resize(800, 600);
        grab(s.window, QStringLiteral("staff"));
    }

    void aRemoteChangeReachesTheEditorButNotTheFieldBeingTyped()
    {
        Signed s = signInManager();
        QVERIFY(openWidget(s, QStringLiteral("Table booking")));
        WidgetSettingsEditor *editor = s.page->editor();
        auto *title = field<QLineEdit>(editor, QStringLiteral("title"));
        title->setFocus();
        QTRY_VERIFY(title->hasFocus());
        title->selectAll();
        QTest::keyClicks(title, QStringLiteral("Lunch"));

        changeOnServer(QStringLiteral("Table booking"), [](WidgetSettings &settings) {
            settings.greeting = QStringLiteral("New menu from Friday!");
        });
        auto *greeting = field<QPlainTextEdit>(editor, QStringLiteral("greeting"));
        QTRY_COMPARE_WITH_TIMEOUT(greeting->toPlainText(), QStringLiteral("New menu from Friday!"), 5000);
        QCOMPARE(title->text(), QStringLiteral("Lunch"));
        QVERIFY(title->hasFocus());
        QTest::keyClicks(title, QStringLiteral(" and dinner"));

        // Both changes end up on the server: different fields merge by themselves.
        QTRY_COMPARE_WITH_TIMEOUT(serverWidget(QStringLiteral("Table booking")).settings.title,
                                  QStringLiteral("Lunch and dinner"), 15000);
        QCOMPARE(serverWidget(QStringLiteral("Table booking")).settings.greeting, QStringLiteral("New menu from Friday!"));
        QCOMPARE(greeting->toPlainText(), QStringLiteral("New menu from Friday!"));
    }

    void theConflictChooserResolvesEitherWay_data()
    {
        QTest::addColumn<bool>("keepMine");
        QTest::newRow("mine") << true;
        QTest::newRow("theirs") << false;
    }

    void theConflictChooserResolvesEitherWay()
    {
        QFETCH(bool, keepMine);
        Signed s = signInManager();
        QVERIFY(openWidget(s, QStringLiteral("Online ordering")));
        WidgetSettingsEditor *editor = s.page->editor();
        auto *title = field<QLineEdit>(editor, QStringLiteral("title"));
        title->setFocus();
        title->selectAll();
        QTest::keyClicks(title, QStringLiteral("Mine"));
        s.page->list()->setFocus(); // the manager moved on; the edit waits for the debounce
        // Another PC saves the same field first.
        changeOnServer(QStringLiteral("Online ordering"), [](WidgetSettings &settings) {
            settings.title = QStringLiteral("Theirs");
        });

        QTRY_COMPARE_WITH_TIMEOUT(editor->saveStateText(), QStringLiteral("Conflict — choose"), 10000);
        auto *choose = editor->findChild<QPushButton *>(QStringLiteral("chooseConflictButton"));
        QVERIFY(choose->isVisible());
        choose->click();
        auto *chooser = s.page->findChild<ConflictChooser *>(QStringLiteral("conflictChooser"));
        QVERIFY(chooser && chooser->isVisible());
        auto *mine = chooser->findChild<QRadioButton *>(QStringLiteral("mine_title"));
        auto *theirs = chooser->findChild<QRadioButton *>(QStringLiteral("theirs_title"));
        QVERIFY(mine && theirs);
        QVERIFY(mine->text().contains(QStringLiteral("Mine")));
        QVERIFY(theirs->text().contains(QStringLiteral("Theirs")));
        (keepMine ? mine : theirs)->click();
        grab(chooser, QStringLiteral("conflict"));
        chooser->findChild<QPushButton *>(QStringLiteral("saveChoices"))->click();

        const QString expected = keepMine ? QStringLiteral("Mine") : QStringLiteral("Theirs");
        QTRY_COMPARE_WITH_TIMEOUT(serverWidget(QStringLiteral("Online ordering")).settings.title, expected, 10000);
        // Taking theirs leaves nothing to send: no "Saved at" of this PC's, but nothing pending.
        QTRY_VERIFY_WITH_TIMEOUT(keepMine ? editor->saveStateText().startsWith(QStringLiteral("Saved at"))
                                          : editor->saveStateText() == QStringLiteral("All changes saved"), 10000);
        QVERIFY(s.window->unsavedChangesText().isEmpty());
        QVERIFY(!choose->isVisible());
        QTRY_COMPARE(title->text(), expected);
    }

    void anotherPcEditingIsShown()
    {
        Signed me = signInManager(QStringLiteral("Bar PC"));
        QVERIFY(openWidget(me, QStringLiteral("Online ordering")));
        Signed maria = signInManager(QStringLiteral("Office PC"));
        QVERIFY(openWidget(maria, QStringLiteral("Online ordering")));
        auto *title = field<QLineEdit>(maria.page->editor(), QStringLiteral("title"));
        title->setFocus();
        QTest::keyClicks(title, QStringLiteral("!"));
        QTRY_VERIFY_WITH_TIMEOUT(me.page->editor()->presenceText().contains(QStringLiteral("Office PC")), 5000);
        QVERIFY2(me.page->editor()->presenceText().contains(QString(server::DemoAccounts::managerDisplayName)),
                 qPrintable(me.page->editor()->presenceText()));
        QVERIFY(me.page->findChild<QLabel *>(QStringLiteral("presenceLabel"))->isVisible());
        QVERIFY2(me.page->editor()->presenceText().contains(QStringLiteral("typing in “Title”")), qPrintable(me.page->editor()->presenceText()));
        grab(me.window, QStringLiteral("presence"));
    }

    void theKeyboardReachesEverything()
    {
        Signed s = signInManager();
        QTRY_VERIFY_WITH_TIMEOUT(s.window->isVisible(), 15000);
        s.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(s.window));
        QTest::keyClick(s.window, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(s.window->currentPage(), MainWindow::Page::Widgets);
        QTRY_VERIFY(s.page->list()->hasFocus());
        QTRY_VERIFY_WITH_TIMEOUT(s.page->list()->model()->rowCount() >= 2, 15000);
        // Down the list, then Tab into the form.
        QTest::keyClick(s.page->list(), Qt::Key_Down);
        QTest::keyClick(s.page->list(), Qt::Key_Tab);
        QVERIFY2(s.page->editor()->isAncestorOf(QApplication::focusWidget()),
                 qPrintable(QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : QString()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(s.window->currentPage(), MainWindow::Page::Orders);
        QTRY_VERIFY(s.window->ordersView()->hasFocus());
        auto *pages = s.window->findChild<QListWidget *>(QStringLiteral("pageList"));
        pages->setFocus();
        QTest::keyClick(pages, Qt::Key_Down);
        QCOMPARE(s.window->currentPage(), MainWindow::Page::Widgets);
    }
};

QTEST_MAIN(TestUiWidgetsPage)
#include "tst_ui_widgetspage.moc"
