#include "ui/signindialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace hearth;

class TestUiSignInDialog final : public QObject
{
    Q_OBJECT

private slots:
    void aTypoInTheAddressIsExplainedWithoutAsking()
    {
        SignInDialog dialog;
        dialog.show();
        QSignalSpy requested(&dialog, &SignInDialog::signInRequested);
        dialog.findChild<QLineEdit *>(QStringLiteral("serverEdit"))->setText(QStringLiteral("ftp://bistro"));
        dialog.findChild<QLineEdit *>(QStringLiteral("usernameEdit"))->setText(QStringLiteral("manager"));
        okButton(dialog)->click();
        QCOMPARE(requested.size(), 0);
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("http or https")), qPrintable(error->text()));
        QVERIFY(dialog.isVisible());
    }

    void aGoodFormAsksToSignInAndWaitsForTheAnswer()
    {
        SignInDialog dialog;
        dialog.show();
        QSignalSpy requested(&dialog, &SignInDialog::signInRequested);
        dialog.setServer(QStringLiteral("localhost:8080"));
        dialog.setUsername(QStringLiteral("manager"));
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit")), QStringLiteral("secret"));
        okButton(dialog)->click();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).value<ServerAddress>().webSocketUrl.toString(),
                 QStringLiteral("ws://localhost:8080/ws"));
        QCOMPARE(requested.first().at(2).toString(), QStringLiteral("secret"));
        QVERIFY(!okButton(dialog)->isEnabled()); // one request at a time

        dialog.showError(QStringLiteral("The user name or password is wrong."));
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("errorLabel"))->isVisible());
    }

    // Issue 8, item 2: a password over http:// to another machine is readable on the network.
    void plainHttpToAnotherMachineIsWarnedAboutBeforeThePasswordGoes()
    {
        SignInDialog dialog;
        dialog.show();
        QSignalSpy requested(&dialog, &SignInDialog::signInRequested);
        dialog.setServer(QStringLiteral("http://192.0.2.10:8080"));
        dialog.setUsername(QStringLiteral("manager"));
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit")), QStringLiteral("secret"));
        okButton(dialog)->click();
        QCOMPARE(requested.size(), 0);
        auto *warning = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
        QVERIFY(warning->isVisible());
        QVERIFY2(warning->text().contains(QLatin1StringView("not encrypted")), qPrintable(warning->text()));
        QVERIFY(warning->text().contains(QLatin1StringView("192.0.2.10")));
        QVERIFY(okButton(dialog)->isEnabled());
        okButton(dialog)->click(); // asked again: sent
        QCOMPARE(requested.size(), 1);

        // Another address is warned about anew; https and this machine are not.
        dialog.showError({});
        dialog.setServer(QStringLiteral("http://bistro.lan"));
        okButton(dialog)->click();
        QCOMPARE(requested.size(), 1);
        dialog.setServer(QStringLiteral("https://bistro.lan"));
        okButton(dialog)->click();
        QCOMPARE(requested.size(), 2);
        dialog.showError({});
        dialog.setServer(QStringLiteral("http://127.0.0.1:8080"));
        okButton(dialog)->click();
        QCOMPARE(requested.size(), 3);
    }

    void aProfileBackendAsksOnlyForItsToken()
    {
        SignInDialog dialog;
        dialog.show();
        QSignalSpy token(&dialog, &SignInDialog::tokenSubmitted);
        QSignalSpy requested(&dialog, &SignInDialog::signInRequested);
        dialog.setTokenMode(QStringLiteral("Hafaloha (Rails)"));
        QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("usernameEdit"))->isVisible());
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("serverEdit"))->text(), QStringLiteral("Hafaloha (Rails)"));
        okButton(dialog)->click();
        QCOMPARE(token.size(), 0); // nothing typed: explained, not sent
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("errorLabel"))->isVisible());
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit")), QStringLiteral("abc123"));
        okButton(dialog)->click();
        QCOMPARE(token.size(), 1);
        QCOMPARE(token.first().first().toString(), QStringLiteral("abc123"));
        QCOMPARE(requested.size(), 0);

        dialog.setTokenMode({});
        QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("usernameEdit"))->isVisible());
        QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("chooseProfile")));
    }

    // Defect: with the server prefilled, focus stayed in the Server field, so typing a user name
    // went into the address.
    void focusStartsInTheFirstEmptyField()
    {
        SignInDialog dialog;
        dialog.setServer(QStringLiteral("bistro.example.com"));
        dialog.setUsername({});
        dialog.show();
        auto *server = dialog.findChild<QLineEdit *>(QStringLiteral("serverEdit"));
        auto *username = dialog.findChild<QLineEdit *>(QStringLiteral("usernameEdit"));
        QCOMPARE(dialog.focusWidget(), username);
        QTest::keyClicks(dialog.focusWidget(), QStringLiteral("manager"));
        QCOMPARE(server->text(), QStringLiteral("bistro.example.com"));
        QCOMPARE(username->text(), QStringLiteral("manager"));

        SignInDialog empty;
        empty.show();
        QCOMPARE(empty.focusWidget(), empty.findChild<QLineEdit *>(QStringLiteral("serverEdit")));

        SignInDialog filled;
        filled.setServer(QStringLiteral("bistro.example.com"));
        filled.setUsername(QStringLiteral("manager"));
        filled.show();
        QCOMPARE(filled.focusWidget(), filled.findChild<QLineEdit *>(QStringLiteral("passwordEdit")));
    }

private:
    static QPushButton *okButton(SignInDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok);
    }
};

QTEST_MAIN(TestUiSignInDialog)
#include "tst_ui_signindialog.moc"
