// The German translation as a German manager sees it: the real window and dialogs under the
// translator main() installs, and the .ts file itself complete — no string left unfinished, no
// placeholder lost, no accelerator used twice in one dialog.
#include "core/order.h"
#include "models/connectionstatus.h"
#include "models/ordersmodel.h"
#include "ui/apptranslations.h"
#include "ui/dashboard.h"
#include "ui/mainwindow.h"
#include "ui/signindialog.h"
#include "ui/widgetsettingseditor.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QToolButton>
#include <QXmlStreamReader>
#include <QtTest>

using namespace hearth;

namespace {

Order makeOrder(int number, OrderStatus status)
{
    Order order;
    order.id = QStringLiteral("order-%1").arg(number);
    order.number = number;
    order.status = status;
    order.type = OrderType::Pickup;
    order.customerName = QStringLiteral("Kunde %1").arg(number);
    order.items = {OrderItem{QStringLiteral("Margherita"), 1, 1150}};
    order.totalCents = 1150;
    order.createdAt = QDateTime(QDate(2026, 3, 6), QTime(19, 0), Qt::UTC).addSecs(60 * number);
    order.updatedAt = order.createdAt;
    if (status != OrderStatus::New)
        order.acknowledgedAt = order.createdAt.addSecs(30);
    order.version = 1;
    return order;
}

struct TsMessage
{
    QString context;
    QString source;
    QStringList translations; // one, or the numerus forms
    QString type;             // "", "unfinished", "vanished", "obsolete"
};

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QString context;
    TsMessage message;
    bool inMessage = false;
    bool numerus = false;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == u"message") {
            messages.append(message);
            inMessage = false;
        }
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name" && !inMessage) {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            message = TsMessage{context, {}, {}, {}};
            numerus = xml.attributes().value(QLatin1StringView("numerus")) == u"yes";
            inMessage = true;
        } else if (xml.name() == u"source") {
            message.source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            message.type = xml.attributes().value(QLatin1StringView("type")).toString();
            if (!numerus)
                message.translations.append(xml.readElementText());
        } else if (xml.name() == u"numerusform") {
            message.translations.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral("%(?:\\d+|n)"));
    QSet<QString> found;
    for (auto it = placeholder.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured());
    return found;
}

// Texts sharing an accelerator (Alt+letter): in one window or one menu, each must reach one thing.
QStringList duplicateMnemonics(const QStringList &texts)
{
    QHash<QKeySequence, QString> seen;
    QStringList duplicates;
    for (const QString &text : texts) {
        const QKeySequence key = QKeySequence::mnemonic(text);
        if (key.isEmpty())
            continue;
        if (seen.contains(key))
            duplicates.append(seen.value(key) + u" / " + text);
        seen.insert(key, text);
    }
    return duplicates;
}

// The labels' accelerators of a window, and the menu titles when it has a menu bar.
QStringList duplicateMnemonics(const QWidget *window)
{
    QStringList texts;
    const QList<QLabel *> labels = window->findChildren<QLabel *>();
    for (const QLabel *label : labels)
        texts.append(label->text());
    if (const auto *mainWindow = qobject_cast<const QMainWindow *>(window)) {
        const QList<QAction *> menus = mainWindow->menuBar()->actions();
        for (const QAction *menu : menus)
            texts.append(menu->text());
    }
    return duplicateMnemonics(texts);
}

} // namespace

class TestUiTranslations final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_translations.install(QLocale(QLocale::German, QLocale::Germany)));
        QVERIFY(m_translations.labelsTranslated());
    }

    void cleanupTestCase() { QSettings().clear(); }

    // lupdate keeps the .ts in step with the code; a string nobody translated shows English in
    // the middle of German labels.
    void everyStringIsTranslated()
    {
        QString error;
        const QList<TsMessage> messages = readTs(QStringLiteral(HEARTH_TS_FILE), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(messages.size() > 300, qPrintable(QString::number(messages.size())));
        QStringList unfinished;
        QStringList badPlaceholders;
        for (const TsMessage &message : messages) {
            const bool empty = std::any_of(message.translations.cbegin(), message.translations.cend(),
                                           [](const QString &text) { return text.isEmpty(); });
            if (!message.type.isEmpty() || message.translations.isEmpty() || empty)
                unfinished.append(message.context + u": " + message.source);
            for (const QString &translation : message.translations) {
                if (placeholders(translation) != placeholders(message.source))
                    badPlaceholders.append(message.source + u" → " + translation);
            }
        }
        QVERIFY2(unfinished.isEmpty(), qPrintable(unfinished.join(u'\n')));
        QVERIFY2(badPlaceholders.isEmpty(), qPrintable(badPlaceholders.join(u'\n')));
    }

    void theMainWindowIsGerman()
    {
        Dashboard dashboard;
        MainWindow *window = dashboard.window();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QCOMPARE(window->windowTitle(), QStringLiteral("Hearth"));

        auto *pages = window->findChild<QListWidget *>(QStringLiteral("pageList"));
        QVERIFY(pages);
        QCOMPARE(pages->item(0)->text(), QStringLiteral("Bestellungen"));
        QCOMPARE(window->findChild<QAction *>(QStringLiteral("acknowledgeAction"))->text(),
                 QStringLiteral("Bestätigen"));
        QCOMPARE(window->findChild<QAction *>(QStringLiteral("cancelAction"))->text(),
                 QStringLiteral("Bestellung stornieren…"));
        QCOMPARE(window->findChild<QCheckBox *>(QStringLiteral("openOnly"))->text(),
                 QStringLiteral("Nur offene Bestellungen"));
        QCOMPARE(window->findChild<QLineEdit *>(QStringLiteral("orderSearch"))->placeholderText(),
                 QStringLiteral("Nummer, Kunde oder Artikel suchen"));
        QCOMPARE(window->findChild<QToolButton *>(QStringLiteral("reconnectNow"))->text(),
                 QStringLiteral("Jetzt neu verbinden"));

        // The menus: German titles, and within the window and each menu one item per accelerator.
        QStringList titles;
        const QList<QAction *> menus = window->menuBar()->actions();
        for (const QAction *menu : menus) {
            titles.append(menu->text());
            QVERIFY(menu->menu());
            QStringList items;
            const QList<QAction *> actions = menu->menu()->actions();
            for (const QAction *action : actions)
                items.append(action->text());
            QVERIFY2(duplicateMnemonics(items).isEmpty(), qPrintable(duplicateMnemonics(items).join(u", ")));
        }
        QCOMPARE(titles, (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Ansicht"), QStringLiteral("&Hilfe")}));
        QVERIFY2(duplicateMnemonics(window).isEmpty(), qPrintable(duplicateMnemonics(window).join(u", ")));

        // The table: German headers and statuses, the window title counting new orders.
        OrdersModel *model = dashboard.orders();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model->upsert({makeOrder(1, OrderStatus::New), makeOrder(2, OrderStatus::Preparing),
                       makeOrder(3, OrderStatus::Ready)});
        QCOMPARE(model->headerData(OrdersModel::StatusColumn, Qt::Horizontal).toString(), QStringLiteral("Status"));
        QCOMPARE(model->headerData(OrdersModel::CustomerColumn, Qt::Horizontal).toString(), QStringLiteral("Kunde"));
        QStringList statuses;
        for (int row = 0; row < model->rowCount(); ++row)
            statuses.append(model->index(row, OrdersModel::StatusColumn).data().toString());
        statuses.sort();
        QCOMPARE(statuses, (QStringList{QStringLiteral("Fertig"), QStringLiteral("In Zubereitung"),
                                        QStringLiteral("Neu")}));
        QTRY_COMPARE(window->windowTitle(), QStringLiteral("Hearth (1 neu)"));
    }

    void theConnectionStatusIsGerman()
    {
        Dashboard dashboard;
        const auto *state = dashboard.window()->findChild<QLabel *>(QStringLiteral("connectionState"));
        QVERIFY(state);
        const QStringList german{QStringLiteral("Verbinde…"), QStringLiteral("Abgemeldet"),
                                 QStringLiteral("Offline – Bestellungen werden nicht aktualisiert")};
        QVERIFY2(std::any_of(german.cbegin(), german.cend(),
                             [state](const QString &text) { return state->text().contains(text); }),
                 qPrintable(state->text()));
        QCOMPARE(ConnectionStatus::tr("%n s ago", "age in seconds", 1), QStringLiteral("vor 1 s"));
        QCOMPARE(ConnectionStatus::tr("%n min ago", "age in minutes", 5), QStringLiteral("vor 5 Min."));
        QCOMPARE(ConnectionStatus::tr("Offline — orders are not updating"),
                 QStringLiteral("Offline – Bestellungen werden nicht aktualisiert"));
    }

    void theDialogsAreGermanWithOneAcceleratorPerField()
    {
        SignInDialog signIn;
        QCOMPARE(signIn.windowTitle(), QStringLiteral("Bei Hearth anmelden"));
        QStringList labels;
        for (const QLabel *label : signIn.findChildren<QLabel *>())
            labels.append(label->text());
        QVERIFY2(labels.contains(QStringLiteral("&Benutzername:")), qPrintable(labels.join(u", ")));
        QVERIFY2(labels.contains(QStringLiteral("&Passwort:")), qPrintable(labels.join(u", ")));
        QVERIFY2(duplicateMnemonics(&signIn).isEmpty(), qPrintable(duplicateMnemonics(&signIn).join(u", ")));

        WidgetSettingsEditor editor;
        QStringList editorLabels;
        for (const QLabel *label : editor.findChildren<QLabel *>())
            editorLabels.append(label->text());
        QVERIFY2(editorLabels.contains(QStringLiteral("&Begrüßung:")), qPrintable(editorLabels.join(u", ")));
        QVERIFY2(duplicateMnemonics(&editor).isEmpty(), qPrintable(duplicateMnemonics(&editor).join(u", ")));
    }

    // English is the source text; a language Hearth has no translation for keeps it too (and
    // main() then shows English numbers beside the English labels).
    void englishAndUntranslatedLanguagesKeepTheEnglishLabels()
    {
        AppTranslations english;
        QVERIFY(!english.install(QLocale(QLocale::English, QLocale::Germany)));
        AppTranslations finnish;
        QVERIFY(!finnish.install(QLocale(QLocale::Finnish, QLocale::Finland)));
        QCOMPARE(AppTranslations::requestedLocale(QStringLiteral("de")).language(), QLocale::German);
        QCOMPARE(AppTranslations::requestedLocale(QString()), QLocale::system());

        m_translations.install(QLocale(QLocale::English));
        QCOMPARE(MainWindow::tr("Acknowledge"), QStringLiteral("Acknowledge"));
        QVERIFY(m_translations.install(QLocale(QLocale::German)));
        QCOMPARE(MainWindow::tr("Acknowledge"), QStringLiteral("Bestätigen"));
    }

private:
    AppTranslations m_translations;
};

QTEST_MAIN(TestUiTranslations)
#include "tst_ui_translations.moc"
