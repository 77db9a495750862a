// What the application does with `hearth --profile FILE`: load the file, then point REST and the
// realtime service at the backend it describes (BackendSetup), or explain why it cannot.
#include "profilefixtures.h"

#include "api/restclient.h"
#include "profile/profileloader.h"
#include "profile/profileparser.h"
#include "realtime/adapterfactory.h"
#include "realtime/realtimeservice.h"
#include "sync/backendsetup.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>
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

    void theHearthAdapterSendsTheTokenAsTheProfileSays()
    {
        const QUrl url(u"wss://hearth.example.com/ws"_s);
        std::unique_ptr<ProtocolAdapter> bearer =
            makeProtocolAdapter(BackendProfile::hearthServer(QUrl(u"https://hearth.example.com"_s), url));
        QCOMPARE(bearer->name(), "hearth.v1"_L1);
        QCOMPARE(bearer->handshakeRequest(url, u"tok"_s).rawHeader("Authorization"), QByteArray("Bearer tok"));
        QVERIFY(bearer->subprotocols(u"tok"_s).isEmpty());

        // For proxies that strip headers: the subprotocol pair of docs/protocol.md.
        const QJsonObject json = edited(shippedProfile(u"hearth-server.json"_s), u"auth"_s,
            profiletest::json(R"({"method":"subprotocol","protocols":["hearth.v1","hearth.bearer.{token_base64url}"]})"));
        const Decoded<BackendProfile> profile = ProfileParser::fromJson(json);
        QVERIFY2(profile.ok(), qPrintable(profile.errorString()));
        std::unique_ptr<ProtocolAdapter> subprotocol = makeProtocolAdapter(*profile.value);
        QVERIFY(!subprotocol->handshakeRequest(url, u"tok"_s).hasRawHeader("Authorization"));
        QCOMPARE(subprotocol->subprotocols(u"tok"_s), (QStringList{u"hearth.v1"_s, u"hearth.bearer.dG9r"_s}));
        QVERIFY(subprotocol->acceptsSubprotocol(u"hearth.v1"_s));
    }

    void theSupabaseProfileSpeaksPhoenix()
    {
        ProfileLoader::Failure failure;
        const std::optional<BackendProfile> profile =
            ProfileLoader::loadFile(shippedProfilePath(u"supabase-phoenix.json"_s), &failure);
        QVERIFY(profile);
        QNetworkAccessManager network;
        RestClient rest(&network);
        RealtimeService realtime;
        QString error;
        QVERIFY2(BackendSetup::apply(*profile, &rest, &realtime, &error), qPrintable(error));
        QVERIFY(!rest.speaksHearthApi()); // the PostgREST lists of the profile
    }
};

QTEST_GUILESS_MAIN(TestProfileSetup)
#include "tst_profile_setup.moc"
