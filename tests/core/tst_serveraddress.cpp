#include "core/serveraddress.h"

#include <QtTest>

using namespace hearth;

class TestServerAddress final : public QObject
{
    Q_OBJECT

private slots:
    void acceptsWhatManagersType_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("httpBase");
        QTest::addColumn<QString>("webSocket");
        QTest::newRow("bare host is https") << "bistro.example.com" << "https://bistro.example.com/"
                                            << "wss://bistro.example.com/ws";
        QTest::newRow("this machine is http") << "localhost:8080" << "http://localhost:8080/"
                                              << "ws://localhost:8080/ws";
        QTest::newRow("loopback ip") << "127.0.0.1:9000" << "http://127.0.0.1:9000/" << "ws://127.0.0.1:9000/ws";
        QTest::newRow("explicit http") << " http://10.0.0.5:8080 " << "http://10.0.0.5:8080/"
                                       << "ws://10.0.0.5:8080/ws";
        QTest::newRow("sub path") << "https://example.com/hearth" << "https://example.com/hearth/"
                                  << "wss://example.com/hearth/ws";
        QTest::newRow("pasted ws url") << "wss://example.com/ws" << "https://example.com/"
                                       << "wss://example.com/ws";
    }

    void acceptsWhatManagersType()
    {
        QFETCH(QString, input);
        QFETCH(QString, httpBase);
        QFETCH(QString, webSocket);
        QString error;
        const auto address = ServerAddress::parse(input, &error);
        QVERIFY2(address.has_value(), qPrintable(error));
        QCOMPARE(address->httpBase.toString(), httpBase);
        QCOMPARE(address->webSocketUrl.toString(), webSocket);
    }

    void explainsWhatIsWrong_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("hint");
        QTest::newRow("empty") << "  " << "Enter the address";
        QTest::newRow("ftp") << "ftp://example.com" << "http or https";
        QTest::newRow("spaces") << "my server" << "is not a server address";
        QTest::newRow("credentials") << "https://bob:pw@example.com" << "user name and password";
        QTest::newRow("query") << "https://example.com/?token=abc" << "must not contain";
    }

    void explainsWhatIsWrong()
    {
        QFETCH(QString, input);
        QFETCH(QString, hint);
        QString error;
        QVERIFY(!ServerAddress::parse(input, &error).has_value());
        QVERIFY2(error.contains(hint), qPrintable(error));
    }

    // Issue 8, item 2: the sign-in (dashboard and hearthctl) warns before a password goes out
    // unencrypted to another machine.
    void plainHttpBeyondThisMachineIsFlagged_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("unencrypted");
        QTest::newRow("LAN address over http") << QStringLiteral("http://192.168.1.20:8080") << true;
        QTest::newRow("host name over http") << QStringLiteral("http://bistro.lan") << true;
        QTest::newRow("ws scheme") << QStringLiteral("ws://10.0.0.5:8080/ws") << true;
        QTest::newRow("https") << QStringLiteral("https://bistro.example.com") << false;
        QTest::newRow("no scheme means https") << QStringLiteral("bistro.example.com") << false;
        QTest::newRow("loopback") << QStringLiteral("http://127.0.0.1:8080") << false;
        QTest::newRow("localhost") << QStringLiteral("localhost:8080") << false;
        QTest::newRow("ipv6 loopback") << QStringLiteral("http://[::1]:8080") << false;
    }

    void plainHttpBeyondThisMachineIsFlagged()
    {
        QFETCH(QString, typed);
        QFETCH(bool, unencrypted);
        QString error;
        const std::optional<ServerAddress> address = ServerAddress::parse(typed, &error);
        QVERIFY2(address, qPrintable(error));
        QCOMPARE(address->isUnencryptedBeyondThisMachine(), unencrypted);
        if (unencrypted)
            QVERIFY(address->unencryptedWarning().contains(address->httpBase.host()));
    }
};

QTEST_APPLESS_MAIN(TestServerAddress)
#include "tst_serveraddress.moc"
