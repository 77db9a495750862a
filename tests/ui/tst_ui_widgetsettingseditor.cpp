// The widget editor on its own: the preview follows each keystroke, the shared codec's messages
// sit under their fields, a value arriving for the field being typed in waits for the cursor to
// leave, read-only for staff, and the Tab order walks the form.
#include "core/widgetcodec.h"
#include "ui/colorfield.h"
#include "ui/conflictchooser.h"
#include "ui/openinghoursedit.h"
#include "ui/widgetsettingseditor.h"
#include "ui/widgetpreview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QToolButton>
#include <QtTest>

using namespace hearth;

namespace {

WidgetConfig bookingWidget()
{
    WidgetConfig widget;
    widget.id = QStringLiteral("w-booking");
    widget.kind = WidgetKind::Booking;
    widget.name = QStringLiteral("Table booking");
    widget.settings = WidgetSettings::defaults(WidgetKind::Booking);
    return widget;
}

template<typename T>
T *field(WidgetSettingsEditor &editor, const QString &key)
{
    return qobject_cast<T *>(editor.fieldWidgets(key).value(0));
}

} // namespace

class TestUiWidgetSettingsEditor final : public QObject
{
    Q_OBJECT

private slots:
    void typingUpdatesThePreviewAtOnce()
    {
        WidgetSettingsEditor editor;
        editor.load(bookingWidget());
        editor.resize(800, 600);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QSignalSpy edits(&editor, &WidgetSettingsEditor::edited);

        auto *title = field<QLineEdit>(editor, QStringLiteral("title"));
        title->setFocus();
        title->selectAll();
        QTest::keyClicks(title, QStringLiteral("Dine with us"));
        QCOMPARE(editor.settings().title, QStringLiteral("Dine with us"));
        QCOMPARE(editor.preview()->settings().title, QStringLiteral("Dine with us"));
        QVERIFY(editor.preview()->visibleTexts().contains(QStringLiteral("Dine with us")));
        QCOMPARE(edits.size(), QStringLiteral("Dine with us").size());
        QCOMPARE(edits.last().first().toString(), QStringLiteral("title"));
        QCOMPARE(editor.typingKey(), QStringLiteral("title"));

        // The party size picker and the paused banner follow the other fields too.
        field<QSpinBox>(editor, QStringLiteral("max_party_size"))->setValue(12);
        QVERIFY(editor.preview()->visibleTexts().join(u'\n').contains(QStringLiteral("up to 12")));
        WidgetConfig ordering = bookingWidget();
        ordering.kind = WidgetKind::Ordering;
        ordering.settings = WidgetSettings::defaults(WidgetKind::Ordering);
        editor.load(ordering);
        field<QCheckBox>(editor, QStringLiteral("paused"))->click();
        QVERIFY(editor.settings().paused);
        QVERIFY(editor.preview()->visibleTexts().contains(QStringLiteral("Online orders are paused right now.")));
        QVERIFY(!field<QSpinBox>(editor, QStringLiteral("max_party_size"))->isVisibleTo(&editor));
    }

    void validationMessagesSitUnderTheirFields()
    {
        WidgetSettingsEditor editor;
        editor.load(bookingWidget());
        editor.show();
        QVERIFY(editor.localErrors().isEmpty());
        QVERIFY(editor.errorText(QStringLiteral("title")).isEmpty());

        auto *title = field<QLineEdit>(editor, QStringLiteral("title"));
        title->setFocus();
        title->selectAll();
        QTest::keyClick(title, Qt::Key_Delete);
        QCOMPARE(editor.errorText(QStringLiteral("title")), QStringLiteral("Title must not be empty"));
        QVERIFY(editor.findChild<QLabel *>(QStringLiteral("error_title"))->isVisible());

        auto *hex = qobject_cast<QLineEdit *>(editor.fieldWidgets(QStringLiteral("primary_color")).first());
        hex->setFocus();
        hex->selectAll();
        QTest::keyClicks(hex, QStringLiteral("#12zz"));
        QCOMPARE(editor.errorText(QStringLiteral("primary_color")),
                 QStringLiteral("Primary colour must be a colour like #1a2b3c"));

        QLineEdit *tuesday = editor.openingHours()->dayEdit(1);
        tuesday->setFocus();
        tuesday->selectAll();
        QTest::keyClicks(tuesday, QStringLiteral("12:00-14:30, 14:00-15:00"));
        QVERIFY2(editor.errorText(QStringLiteral("settings.opening_hours.tue")).contains(QStringLiteral("overlaps")),
                 qPrintable(editor.errorText(QStringLiteral("settings.opening_hours.tue"))));
        tuesday->selectAll();
        QTest::keyClicks(tuesday, QStringLiteral("noon till late"));
        QVERIFY(editor.errorText(QStringLiteral("settings.opening_hours.tue")).contains(QStringLiteral("12:00–14:30")));
        tuesday->selectAll();
        QTest::keyClicks(tuesday, QStringLiteral("11:00-15:00"));
        QVERIFY(editor.errorText(QStringLiteral("settings.opening_hours.tue")).isEmpty());
        QCOMPARE(editor.settings().openingHours.days[1], (QList<OpeningRange>{{660, 900}}));

        // The server's messages (a 422) show on their field until it is edited again.
        editor.showServerErrors({{QStringLiteral("settings.button_text"), QStringLiteral("is not allowed here")}});
        QCOMPARE(editor.errorText(QStringLiteral("button_text")), QStringLiteral("Button text is not allowed here"));
        QTest::keyClicks(field<QLineEdit>(editor, QStringLiteral("button_text")), QStringLiteral("!"));
        QVERIFY(editor.errorText(QStringLiteral("button_text")).isEmpty());
    }

    void aRemoteChangeWaitsForTheFieldBeingTypedIn()
    {
        QWidget window;
        auto *editor = new WidgetSettingsEditor(&window);
        auto *elsewhere = new QPushButton(QStringLiteral("elsewhere"), &window);
        elsewhere->move(0, 700);
        window.resize(900, 760);
        editor->resize(900, 680);
        editor->load(bookingWidget());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto *title = field<QLineEdit>(*editor, QStringLiteral("title"));
        title->setFocus();
        QTRY_VERIFY(title->hasFocus());
        title->setCursorPosition(title->text().size());
        QTest::keyClicks(title, QStringLiteral(" soon"));
        QCOMPARE(title->text(), QStringLiteral("Book a table soon"));

        WidgetSettings theirs = WidgetSettings::defaults(WidgetKind::Booking);
        theirs.title = QStringLiteral("Reserve");
        theirs.greeting = QStringLiteral("Welcome back!");
        editor->showSettings(theirs);
        QCOMPARE(field<QPlainTextEdit>(*editor, QStringLiteral("greeting"))->toPlainText(), QStringLiteral("Welcome back!"));
        QCOMPARE(title->text(), QStringLiteral("Book a table soon")); // under the cursor: untouched
        QVERIFY(title->hasFocus());

        elsewhere->setFocus();
        QTRY_COMPARE(title->text(), QStringLiteral("Reserve"));
        QVERIFY(editor->typingKey().isEmpty());

        // This PC's own edit coming back is not "theirs"; typing on after theirs arrived makes
        // it a choice when the cursor leaves, and nothing is overwritten.
        QSignalSpy offered(editor, &WidgetSettingsEditor::typedOverRemoteChange);
        title->setFocus();
        QTRY_VERIFY(title->hasFocus());
        title->setCursorPosition(title->text().size());
        QTest::keyClicks(title, QStringLiteral("!"));
        editor->showSettings(editor->settings()); // the echo
        theirs.title = QStringLiteral("Reserve now");
        editor->showSettings(theirs);
        QTest::keyClicks(title, QStringLiteral("!"));
        elsewhere->setFocus();
        QTRY_COMPARE(offered.size(), 1);
        QCOMPARE(offered.first().first().toString(), QStringLiteral("title"));
        QCOMPARE(offered.first().at(1).value<WidgetSettings>().title, QStringLiteral("Reserve now"));
        QCOMPARE(title->text(), QStringLiteral("Reserve!!"));
        QSignalSpy edits(editor, &WidgetSettingsEditor::edited);
        editor->takeValue(QStringLiteral("title"), offered.first().at(1).value<WidgetSettings>());
        QCOMPARE(title->text(), QStringLiteral("Reserve now"));
        QCOMPARE(edits.size(), 1);
    }

    void staffSeeAReadOnlyEditorAndWhy()
    {
        WidgetSettingsEditor editor;
        editor.load(bookingWidget());
        editor.setReadOnly(true, QStringLiteral("Only managers can change the website widgets."));
        editor.show();
        QVERIFY(!field<QLineEdit>(editor, QStringLiteral("title"))->isEnabled());
        QVERIFY(!editor.openingHours()->dayEdit(0)->isEnabled());
        auto *reason = editor.findChild<QLabel *>(QStringLiteral("readOnlyLabel"));
        QVERIFY(reason->isVisible());
        QCOMPARE(reason->text(), QStringLiteral("Only managers can change the website widgets."));
    }

    void tabWalksTheForm()
    {
        WidgetSettingsEditor editor;
        editor.load(bookingWidget());
        editor.resize(800, 600);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        const QStringList expected = {QStringLiteral("enabled"), QStringLiteral("title"), QStringLiteral("greeting"),
                                      QStringLiteral("primary_color"), QStringLiteral("button_text"),
                                      QStringLiteral("max_party_size"), QStringLiteral("lead_time_minutes"),
                                      QStringLiteral("slot_minutes"), QStringLiteral("opening_hours")};
        field<QCheckBox>(editor, QStringLiteral("enabled"))->setFocus();
        QTRY_VERIFY(field<QCheckBox>(editor, QStringLiteral("enabled"))->hasFocus());
        QStringList seen;
        for (int i = 0; i < 20 && seen.size() < expected.size(); ++i) {
            QWidget *focus = QApplication::focusWidget();
            for (const QString &key : expected) {
                const QList<QWidget *> widgets = editor.fieldWidgets(key);
                const bool inField = std::any_of(widgets.cbegin(), widgets.cend(), [focus](QWidget *w) {
                    return w == focus || w->isAncestorOf(focus);
                });
                if (inField && (seen.isEmpty() || seen.last() != key))
                    seen.append(key);
            }
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        }
        QCOMPARE(seen, expected);
        // For a look at the form while working on it: HEARTH_UI_GRAB_DIR=/tmp …
        if (const QString dir = qEnvironmentVariable("HEARTH_UI_GRAB_DIR"); !dir.isEmpty())
            editor.grab().save(dir + QStringLiteral("/widgetsettingseditor.png"));
    }

    void theConflictChooserNeedsAChoiceForEachSetting()
    {
        ConflictChooser chooser({{QStringLiteral("title"), QStringLiteral("“Mine”"), QStringLiteral("“Theirs”")},
                                 {QStringLiteral("greeting"), QStringLiteral("“Hi”"), QStringLiteral("“Hello”")}},
                                QStringLiteral("Maria Costa on Office PC"));
        auto *save = chooser.findChild<QPushButton *>(QStringLiteral("saveChoices"));
        QVERIFY(!save->isEnabled());
        chooser.findChild<QRadioButton *>(QStringLiteral("mine_title"))->click();
        QVERIFY(!save->isEnabled());
        chooser.findChild<QRadioButton *>(QStringLiteral("theirs_greeting"))->click();
        QVERIFY(save->isEnabled());
        const QHash<QString, bool> expected{{QStringLiteral("title"), true}, {QStringLiteral("greeting"), false}};
        QCOMPARE(chooser.keepMine(), expected);
        chooser.findChild<QPushButton *>(QStringLiteral("takeAllTheirs"))->click();
        QCOMPARE(chooser.keepMine().value(QStringLiteral("title")), false);
    }
};

QTEST_MAIN(TestUiWidgetSettingsEditor)
#include "tst_ui_widgetsettingseditor.moc"
