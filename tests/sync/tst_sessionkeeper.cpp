// SessionKeeper's rules on their own, with vaults that answer as the test says: what is kept
// after a sign-in, what a start resumes, what is forgotten, and a vault that cannot be used
// (said once, nothing kept anywhere).
#include "realtime/realtimeservice.h"
#include "store/tokenvault.h"
#include "sync/sessionkeeper.h"
#include "sync/signin.h"

#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

using namespace hearth;

namespace {

class FakeVault final : public TokenVault
{
public:
    QHash<QString, QString> tokens;
    bool broken = false; // every call fails, as without a keychain service

    void read(const QString &account) override
    {
        if (broken)
            emit failed(account, QStringLiteral("no keychain"), QStringLiteral("org.freedesktop.secrets unknown"));
        else
            emit tokenRead(account, tokens.value(account));
    }
    void write(const QString &account, const QString &token) override
    {
        if (broken) {
            emit failed(account, QStringLiteral("no keychain"), QStringLiteral("org.freedesktop.secrets unknown"));
            return;
        }
        tokens.insert(account, token);
        emit written(account);
    }
    void remove(const QString &account) override
    {
        tokens.remove(account);
        emit removed(account);
    }
};

Session sessionFor(const QString &user, const QString &token)
{
    Session session;
    session.token = token;
    session.username = user;
    session.displayName = QStringLiteral("Maria Costa");
    session.role = QStringLiteral("manager");
    session.restaurantId = QStringLiteral("r1");
    session.restaurantName = QStringLiteral("Trattoria");
    session.expiresAt = QDateTime::currentDateTimeUtc().addDays(7);
    return session;
}

// What Dashboard writes beside the keeper's keys after a sign-in.
void rememberAsDashboardDoes(const QUrl &server, const QString &user)
{
    QSettings settings;
    settings.setValue(QStringLiteral("lastSession/server"), server.toString());
    settings.setValue(QStringLiteral("lastSession/username"), user);
}

} // namespace

class TestSessionKeeper final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QSettings().clear(); }
    void cleanupTestCase() { QSettings().clear(); }

    void aSignInIsKeptResumedAndForgottenAtSignOut()
    {
        const QUrl server(QStringLiteral("http://127.0.0.1:9/"));
        QNetworkAccessManager network;
        RestClient rest(&network);
        RealtimeService realtime;
        SignIn signIn(&rest, &realtime);
        FakeVault vault;
        {
            SessionKeeper keeper(&signIn, &vault);
            signIn.resume(ServerAddress::fromHttpBase(server), sessionFor(QStringLiteral("maria"), QStringLiteral("secret-1")));
            rememberAsDashboardDoes(server, QStringLiteral("maria"));
            QCOMPARE(vault.tokens.value(QStringLiteral("http://127.0.0.1:9/ maria")), QStringLiteral("secret-1"));
        }

        // The next start.
        SignIn nextSignIn(&rest, &realtime);
        SessionKeeper keeper(&nextSignIn, &vault);
        QSignalSpy resumed(&keeper, &SessionKeeper::resumed);
        QSignalSpy signedIn(&nextSignIn, &SignIn::signedIn);
        keeper.resume(server, QString());
        QCOMPARE(resumed.count(), 1);
        QCOMPARE(signedIn.count(), 1);
        QCOMPARE(nextSignIn.session().token, QStringLiteral("secret-1"));
        QCOMPARE(nextSignIn.session().restaurantName, QStringLiteral("Trattoria"));
        QCOMPARE(nextSignIn.session().role, QStringLiteral("manager"));
        QVERIFY(rest.hasToken());

        // Another server or user is not resumed with this token.
        QSignalSpy notResumed(&keeper, &SessionKeeper::notResumed);
        keeper.resume(QUrl(QStringLiteral("http://127.0.0.1:10/")), QString());
        keeper.resume(server, QStringLiteral("luca"));
        QCOMPARE(notResumed.count(), 2);

        keeper.signOut();
        QVERIFY(vault.tokens.isEmpty());
        QVERIFY(!nextSignIn.isSignedIn());
        keeper.resume(server, QString());
        QCOMPARE(notResumed.count(), 3);
    }

    void theServerEndingTheSessionForgetsItToo()
    {
        const QUrl server(QStringLiteral("http://127.0.0.1:9/"));
        QNetworkAccessManager network;
        RestClient rest(&network);
        RealtimeService realtime;
        SignIn signIn(&rest, &realtime);
        FakeVault vault;
        SessionKeeper keeper(&signIn, &vault);
        signIn.resume(ServerAddress::fromHttpBase(server), sessionFor(QStringLiteral("maria"), QStringLiteral("secret-1")));
        QCOMPARE(vault.tokens.size(), 1);
        emit rest.unauthorized(); // a 401: the session is over
        QVERIFY(vault.tokens.isEmpty());
    }

    void anExpiredSessionIsNotResumed()
    {
        const QUrl server(QStringLiteral("http://127.0.0.1:9/"));
        QNetworkAccessManager network;
        RestClient rest(&network);
        RealtimeService realtime;
        SignIn signIn(&rest, &realtime);
        FakeVault vault;
        SessionKeeper keeper(&signIn, &vault);
        Session session = sessionFor(QStringLiteral("maria"), QStringLiteral("secret-1"));
        session.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        signIn.resume(ServerAddress::fromHttpBase(server), session);
        rememberAsDashboardDoes(server, QStringLiteral("maria"));
        QSignalSpy notResumed(&keeper, &SessionKeeper::notResumed);
        SignIn nextSignIn(&rest, &realtime);
        SessionKeeper next(&nextSignIn, &vault);
        QSignalSpy nextNotResumed(&next, &SessionKeeper::notResumed);
        next.resume(server, QString());
        QCOMPARE(nextNotResumed.count(), 1);
        QVERIFY(!nextSignIn.isSignedIn());
    }

    void aVaultThatCannotBeUsedIsReportedOnceAndNothingIsKept()
    {
        const QUrl server(QStringLiteral("http://127.0.0.1:9/"));
        QNetworkAccessManager network;
        RestClient rest(&network);
        RealtimeService realtime;
        SignIn signIn(&rest, &realtime);
        FakeVault vault;
        vault.broken = true;
        SessionKeeper keeper(&signIn, &vault);
        QSignalSpy problem(&keeper, &SessionKeeper::problem);
        signIn.resume(ServerAddress::fromHttpBase(server), sessionFor(QStringLiteral("maria"), QStringLiteral("secret-1")));
        rememberAsDashboardDoes(server, QStringLiteral("maria"));
        signIn.signOut(QStringLiteral("bye"));
        signIn.resume(ServerAddress::fromHttpBase(server), sessionFor(QStringLiteral("maria"), QStringLiteral("secret-2")));
        QCOMPARE(problem.count(), 1);
        QCOMPARE(problem.first().first().toString(), QStringLiteral("no keychain"));

        // Not in the settings file, in no form.
        const QSettings settings;
        const QStringList keys = settings.allKeys();
        for (const QString &key : keys) {
            QVERIFY2(!settings.value(key).toString().contains(QStringLiteral("secret")), qPrintable(key));
        }
        // The next start asks: nothing claims a kept token.
        SignIn nextSignIn(&rest, &realtime);
        SessionKeeper next(&nextSignIn, &vault);
        QSignalSpy notResumed(&next, &SessionKeeper::notResumed);
        next.resume(server, QString());
        QCOMPARE(notResumed.count(), 1);
    }
};

QTEST_MAIN(TestSessionKeeper)
#include "tst_sessionkeeper.moc"
