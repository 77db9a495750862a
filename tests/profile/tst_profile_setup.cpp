// What the application does with `hearth --profile FILE`: load the file, then point REST and the
// realtime service at the backend it describes (BackendSetup), or explain why it cannot.
#include "profilefixtures.h"

#include "api/restclient.h"
#include "profile/profileloader.h"
#include "realtime/realtimeservice.h"
#include "sync/backendsetup.h"

#include <QNetworkAccessManager>
#include <QtTest>

using namespace hearth;
using namespace profiletest;
using namespace Qt::StringLiterals;

class TestProfileSetup final : public QObject
{
    Q_OBJECT

private slots:
    void anActionCableProfile()
    {
        ProfileLoader::Failure failure;
        const std::optional<BackendProfile> profile =
            ProfileLoader::loadFile(shippedProfilePath(u"hafaloha-actioncable.json"_s), &failure);
        QVERIFY(profile);
        QNetworkAccessManager network;
        RestClient rest(&network);
        RealtimeService realtime;
        QString error;
        QVERIFY(BackendSetup::apply(*profile, &rest, &realtime, &error));
        QVERIFY(error.isEmpty());
        QVERIFY(!rest.speaksHearthApi());
        QCOMPARE(rest.baseUrl(), QUrl(u"https://api.hafaloha.example.com"_s));
        BackendSetup::setToken(*profile, u"tok"_s, &rest, &realtime);
        QVERIFY(rest.hasToken());
        // The endpoint never holds the token, even for a profile that sends it as a parameter.
        QCOMPARE(realtime.endpoint(), QUrl(u"wss://api.hafaloha.example.com/cable"_s));
    }

    void aHearthServerProfile()
    {
        ProfileLoader::Failure failure;
        const std::optional<BackendProfile> profile =
            ProfileLoader::loadFile(shippedProfilePath(u"hearth-server.json"_s), &failure);
        QVERIFY(profile);
        QNetworkAccessManager network;
        RestClient rest(&network);
        RealtimeService realtime;
        QString error;
        QVERIFY(BackendSetup::apply(*profile, &rest, &realtime, &error));
        QVERIFY(rest.speaksHearthApi());
        QCOMPARE(rest.baseUrl(), QUrl(u"https://hearth.example.com"_s));
    }

    void aProtocolThisBuildCannotSpeak()
    {
        ProfileLoader::Failure failure;
        const std::optional<BackendProfile> profile =
            ProfileLoader::loadFile(shippedProfilePath(u"supabase-phoenix.json"_s), &failure);
        QVERIFY(profile); // a valid profile…
        QNetworkAccessManager network;
        RestClient rest(&network);
        RealtimeService realtime;
        QString error;
        QVERIFY(!BackendSetup::apply(*profile, &rest, &realtime, &error)); // …not yet spoken
        QCOMPARE(error, u"This version of Hearth cannot connect to Supabase project (Realtime "
                        u"postgres_changes) yet: it speaks Phoenix channels, which Hearth does not "
                        u"support so far."_s);
        QVERIFY(rest.speaksHearthApi()); // nothing was changed
        QVERIFY(rest.baseUrl().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProfileSetup)
#include "tst_profile_setup.moc"
