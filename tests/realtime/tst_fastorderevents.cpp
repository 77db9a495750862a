// The fast order-event decoder against the general one, frame by frame: HearthAdapter (fast path
// first) must give exactly what HearthProtocol::decodeServerFrame + OrderCodec give — the same
// message and order, or the same errors — on the fuzz corpus, on generated frames that vary every
// field over valid, doubtful and invalid values, and on random mutations of valid frames. And the
// fast path must actually be taken for the frames a server sends.
#include "fastorderframes.h"
#include "realtime/fastorderevents.h"

#include <QDir>
#include <QRandomGenerator>
#include <QStringList>
#include <QTest>

using namespace hearth;
using namespace Qt::StringLiterals;

using namespace fastorderframes;


class TestFastOrderEvents final : public QObject
{
    Q_OBJECT

private slots:
    void takesTheFastPathForWhatServersSend()
    {
        FastOrderEvents fast;
        for (int seq = 1; seq <= 50; ++seq) {
            const QByteArray frame = serverFrame(seq);
            const std::optional<ChannelEvent> event = fast.tryDecode(frame, HearthProtocol::defaultMaxFrameBytes);
            QVERIFY2(event && event->order, frame.constData());
            const Decoded<ServerMessage> general = HearthProtocol::decodeServerFrame(frame);
            const auto &expected = std::get<ChannelEvent>(*general.value);
            QCOMPARE(*event, expected);
            QCOMPARE(*event->order, *OrderCodec::fromJson(expected.data).value);
            QCOMPARE(event->order->version, qint64(seq));
            QCOMPARE(event->order->history.size(), seq % 7 ? 3 : 0);
            QCOMPARE(event->order->charges.tipCents, qint64(seq) * 10);
            QCOMPARE(event->order->table.isEmpty(), seq % 2 == 1);
            QVERIFY(event->data.isEmpty()); // no QJsonObject built on the hot path
        }
    }

    void leavesEverythingElseToTheGeneralDecoder()
    {
        FastOrderEvents fast;
        const qint64 limit = HearthProtocol::defaultMaxFrameBytes;
        QVERIFY(!fast.tryDecode(R"({"op":"welcome","epoch":"e","heartbeat_ms":1000})", limit));
        QVERIFY(!fast.tryDecode(serverFrame(3).replace("\"orders\"", "\"inventory\""), limit));
        QVERIFY(!fast.tryDecode(serverFrame(3), 100)); // over the size limit
        QVERIFY(!fast.tryDecode(serverFrame(3) + "x", limit));
        QVERIFY(!fast.tryDecode(serverFrame(3).replace("\"number\":3", "\"number\":3.0"), limit));
        // A key of the order it does not know (a field added to the codec later, say) is never
        // skipped: the general decoder reads that frame, so nothing the codec knows is dropped.
        QVERIFY(!fast.tryDecode(serverFrame(3).replace("\"notes\":", "\"allergens\":[],\"notes\":"), limit));
        QVERIFY(!fast.tryDecode(serverFrame(3).replace("\"quantity\":", "\"sku\":\"x\",\"quantity\":"), limit));
        QVERIFY(!fast.tryDecode(serverFrame(3).replace("\"by\":", "\"role\":\"chef\",\"by\":"), limit));
    }

    void agreesOnTheFuzzCorpus()
    {
        HearthAdapter adapter;
        const QDir corpus(QStringLiteral(HEARTH_FUZZ_CORPUS_DIR));
        const QStringList files = corpus.entryList(QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString &name : files) {
            QFile file(corpus.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray frame = file.readAll();
            for (const qint64 limit : {HearthProtocol::defaultMaxFrameBytes, qint64(64)}) {
                const QString difference = compareDecoders(adapter, frame, limit);
                QVERIFY2(difference.isEmpty(), qPrintable(name + u": "_s + difference));
            }
        }
    }

    void agreesOnGeneratedFrames()
    {
        HearthAdapter adapter;
        FastOrderEvents fast;
        QRandomGenerator random(20261202);
        int fastPath = 0;
        for (int i = 0; i < 20000; ++i) {
            const QByteArray frame = generatedFrame(random);
            const QString difference = compareDecoders(adapter, frame, HearthProtocol::defaultMaxFrameBytes);
            QVERIFY2(difference.isEmpty(), qPrintable(difference + u" for "_s + QString::fromUtf8(frame)));
            fastPath += fast.tryDecode(frame, HearthProtocol::defaultMaxFrameBytes) ? 1 : 0;
        }
        // The generator reaches both sides: the comparison covers the fast path's own results.
        QVERIFY2(fastPath > 200, qPrintable(QString::number(fastPath)));
        QVERIFY(fastPath < 19000);
    }

    void agreesOnMutatedFrames()
    {
        HearthAdapter adapter;
        QRandomGenerator random(7);
        const QByteArray alphabet = mutationAlphabet();
        for (int i = 0; i < 20000; ++i) {
            QByteArray frame = serverFrame(1 + int(random.bounded(40)));
            for (int m = 0, count = 1 + int(random.bounded(3)); m < count; ++m) {
                const qsizetype at = qsizetype(random.bounded(frame.size()));
                const char c = alphabet.at(qsizetype(random.bounded(alphabet.size())));
                switch (random.bounded(4)) {
                case 0: frame[at] = c; break;
                case 1: frame.insert(at, c); break;
                case 2: frame.remove(at, 1); break;
                default: frame[at] = char(random.bounded(256)); break;
                }
            }
            const QString difference = compareDecoders(adapter, frame, HearthProtocol::defaultMaxFrameBytes);
            QVERIFY2(difference.isEmpty(), qPrintable(difference + u" for "_s + QString::fromUtf8(frame.toBase64())));
        }
    }
};

QTEST_GUILESS_MAIN(TestFastOrderEvents)
#include "tst_fastorderevents.moc"
