// The DNS server over real UDP and TCP on 127.0.0.1, port 0.

#include "dnsserver.h"
#include "dns/dnstools.h"
#include "../dns/dnsfixture.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>

#include <sys/resource.h>

using namespace ordinal::core;
using ordinal::net::DnsServer;

namespace {

QByteArray query(const QString &name, quint16 type = DnsType::A, quint16 id = 0x1234,
                 std::optional<quint16> udpSize = std::nullopt)
{
    DnsMessage m;
    m.id = id;
    m.rd = true;
    m.questions.append({name, type, kDnsClassIN});
    if (udpSize) {
        DnsEdns edns;
        edns.udpSize = *udpSize;
        m.edns = edns;
    }
    return m.encode();
}

Store bigStore(int pods)
{
    Store store = ordinal::test::dnsFixtureStore();
    Endpoints nginx = *store.find<Endpoints>(QStringLiteral("default"), QStringLiteral("nginx"));
    nginx.addresses.clear();
    for (int i = 0; i < pods; ++i)
        nginx.addresses.append(ordinal::test::ep(QStringLiteral("10.244.1.%1").arg(10 + i),
                                                 QStringLiteral("web-%1").arg(i),
                                                 QStringLiteral("web-%1").arg(i)));
    store.put(nginx, 0);
    return store;
}

// Replaces what varies between two dig runs: id, cookie, timing and date.
QString normalizeDig(QString text)
{
    text.replace(QRegularExpression(QStringLiteral("id: \\d+")), QStringLiteral("id: ID"));
    text.replace(QRegularExpression(QStringLiteral("COOKIE: [0-9a-f]+")), QStringLiteral("COOKIE: C"));
    text.replace(QRegularExpression(QStringLiteral("Query time: \\d+ msec")), QStringLiteral("Query time: T"));
    text.replace(QRegularExpression(QStringLiteral("WHEN: [^\n]*")), QStringLiteral("WHEN: W"));
    return text;
}

} // namespace

class tst_DnsServer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void listensOnLoopback();
    void udpAnswers_data();
    void udpAnswers();
    void tcpAnswersPipelined();
    void tcpSplitWrites();
    void malformedUdp_data();
    void malformedUdp();
    void truncationThenTcp();
    void zoneSwap();
    void noZoneServfail();
    void systemDig_data();
    void systemDig();
    void tcpIdleConnectionsClosed();
    void tcpConnectionCap();

private:
    QByteArray udpExchange(const QByteArray &packet, int timeoutMs = 5000);
    std::unique_ptr<DnsServer> m_server;
    std::shared_ptr<const ClusterDns> m_zone;
};

void tst_DnsServer::init()
{
    m_server = std::make_unique<DnsServer>();
    m_zone = ClusterDns::build(ordinal::test::dnsFixtureStore(), ordinal::test::dnsFixtureConfig(), 0);
    m_server->setZone(m_zone);
    QString error;
    QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
}

void tst_DnsServer::cleanup()
{
    m_server.reset();
}

QByteArray tst_DnsServer::udpExchange(const QByteArray &packet, int timeoutMs)
{
    QUdpSocket client;
    client.bind(QHostAddress::LocalHost, 0);
    client.writeDatagram(packet, QHostAddress::LocalHost, m_server->port());
    QSignalSpy ready(&client, &QUdpSocket::readyRead);
    if (!client.hasPendingDatagrams() && !ready.wait(timeoutMs))
        return {};
    QByteArray reply(int(client.pendingDatagramSize()), Qt::Uninitialized);
    client.readDatagram(reply.data(), reply.size());
    return reply;
}

void tst_DnsServer::listensOnLoopback()
{
    QVERIFY(m_server->isListening());
    QCOMPARE(m_server->address(), QHostAddress(QHostAddress::LocalHost));
    QVERIFY(m_server->port() != 0);
}

void tst_DnsServer::udpAnswers_data()
{
    QTest::addColumn<QString>("qname");
    QTest::addColumn<int>("qtype");
    QTest::addColumn<int>("rcode");
    QTest::newRow("pod-a") << "web-0.nginx.default.svc.cluster.local." << 1 << 0;
    QTest::newRow("srv") << "_web._tcp.nginx.default.svc.cluster.local." << int(DnsType::SRV) << 0;
    QTest::newRow("nxdomain") << "web-2.nginx.default.svc.cluster.local." << 1 << 3;
    QTest::newRow("refused-outside-zone") << "example.com." << 1 << 5;
    QTest::newRow("ptr") << "7.1.244.10.in-addr.arpa." << int(DnsType::PTR) << 0;
}

void tst_DnsServer::udpAnswers()
{
    QFETCH(QString, qname);
    QFETCH(int, qtype);
    QFETCH(int, rcode);
    QSignalSpy answered(m_server.get(), &DnsServer::queryAnswered);
    const QByteArray q = query(qname, quint16(qtype), 0x4242);
    const QByteArray reply = udpExchange(q);
    QVERIFY2(!reply.isEmpty(), qPrintable(qname));
    QCOMPARE(reply, m_zone->answerWire(q, ClusterDns::Udp));
    const auto parsed = DnsMessage::parse(reply);
    QVERIFY(parsed);
    QCOMPARE(parsed->id, quint16(0x4242));
    QCOMPARE(int(parsed->rcode), rcode);
    QTRY_COMPARE(answered.size(), 1);
    QCOMPARE(answered.first().at(0).toString(), qname);
    QCOMPARE(answered.first().at(2).toInt(), rcode);
    // A second identical question (cache hit) with another id gets that id back.
    const auto again = DnsMessage::parse(udpExchange(query(qname, quint16(qtype), 0x0707)));
    QVERIFY(again);
    QCOMPARE(again->id, quint16(0x0707));
}

void tst_DnsServer::tcpAnswersPipelined()
{
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(client.waitForConnected(5000));
    const QByteArray a = query(QStringLiteral("web-0.nginx.default.svc.cluster.local."), 1, 1);
    const QByteArray b = query(QStringLiteral("api.default.svc.cluster.local."), 1, 2);
    client.write(dnsTcpFrame(a) + dnsTcpFrame(b));
    QByteArray buffer;
    QList<QByteArray> replies;
    QTRY_VERIFY_WITH_TIMEOUT((buffer += client.readAll(), replies += dnsTcpUnframe(&buffer),
                              replies.size() == 2),
                             5000);
    QCOMPARE(replies.at(0), m_zone->answerWire(a, ClusterDns::Tcp));
    QCOMPARE(replies.at(1), m_zone->answerWire(b, ClusterDns::Tcp));
}

void tst_DnsServer::tcpSplitWrites()
{
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(client.waitForConnected(5000));
    const QByteArray framed = dnsTcpFrame(query(QStringLiteral("nginx.default.svc.cluster.local.")));
    client.write(framed.left(1));
    QVERIFY(client.waitForBytesWritten(5000));
    client.write(framed.mid(1));
    QByteArray buffer;
    QList<QByteArray> replies;
    QTRY_VERIFY_WITH_TIMEOUT((buffer += client.readAll(), replies += dnsTcpUnframe(&buffer),
                              replies.size() == 1),
                             5000);
    QCOMPARE(DnsMessage::parse(replies.first())->answers.size(), 2);
}

void tst_DnsServer::malformedUdp_data()
{
    QTest::addColumn<QByteArray>("packet");
    QTest::addColumn<int>("expectRcode"); // -1: dropped
    QTest::newRow("pointer-loop-formerr")
        << QByteArray::fromHex("beef01000001000000000000c00c00010001") << 1;
    QTest::newRow("counts-too-big-formerr")
        << QByteArray::fromHex("beef0100ffffffffffffffff0000") << 1;
    QTest::newRow("truncated-question-formerr") << QByteArray::fromHex("beef0100000100000000000003616263")
                                                << 1;
    QTest::newRow("short-header-dropped") << QByteArray::fromHex("beef01") << -1;
    QTest::newRow("response-dropped") << QByteArray::fromHex("beef81000000000000000000") << -1;
    QTest::newRow("empty-dropped") << QByteArray() << -1;
    QTest::newRow("opcode-notify-notimp")
        << query(QStringLiteral("cluster.local."), DnsType::SOA).replace(2, 1, "\x21", 1) << 4;
}

void tst_DnsServer::malformedUdp()
{
    QFETCH(QByteArray, packet);
    QFETCH(int, expectRcode);
    QUdpSocket client;
    client.bind(QHostAddress::LocalHost, 0);
    client.writeDatagram(packet, QHostAddress::LocalHost, m_server->port());
    // A valid query behind it: its answer proves the server is alive and came after any reply
    // to the malformed packet (datagrams on loopback keep their order).
    const QByteArray probe = query(QStringLiteral("api.default.svc.cluster.local."), 1, 0x9999);
    client.writeDatagram(probe, QHostAddress::LocalHost, m_server->port());
    QList<QByteArray> replies;
    QTRY_VERIFY_WITH_TIMEOUT(
        (client.hasPendingDatagrams()
             ? (replies.append(QByteArray(int(client.pendingDatagramSize()), Qt::Uninitialized)),
                client.readDatagram(replies.last().data(), replies.last().size()), true)
             : false,
         !replies.isEmpty() && DnsMessage::parse(replies.last())
             && DnsMessage::parse(replies.last())->id == 0x9999),
        5000);
    if (expectRcode < 0) {
        QCOMPARE(replies.size(), 1);
    } else {
        QCOMPARE(replies.size(), 2);
        QCOMPARE(int(uchar(replies.first().at(3)) & 0xf), expectRcode);
        QVERIFY(uchar(replies.first().at(2)) & 0x80);
    }
}

void tst_DnsServer::truncationThenTcp()
{
    m_zone = ClusterDns::build(bigStore(60), ordinal::test::dnsFixtureConfig(), 0);
    m_server->setZone(m_zone);
    const QByteArray q = query(QStringLiteral("nginx.default.svc.cluster.local."));
    const auto udp = DnsMessage::parse(udpExchange(q));
    QVERIFY(udp);
    QVERIFY(udp->tc);
    QVERIFY(udp->answers.isEmpty());
    // Retry over TCP, as a client does on TC.
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(client.waitForConnected(5000));
    client.write(dnsTcpFrame(q));
    QByteArray buffer;
    QList<QByteArray> replies;
    QTRY_VERIFY_WITH_TIMEOUT((buffer += client.readAll(), replies += dnsTcpUnframe(&buffer),
                              replies.size() == 1),
                             5000);
    const auto tcp = DnsMessage::parse(replies.first());
    QVERIFY(tcp && !tcp->tc);
    QCOMPARE(tcp->answers.size(), 60);
}

void tst_DnsServer::zoneSwap()
{
    const QByteArray q = query(QStringLiteral("web-0.nginx.default.svc.cluster.local."));
    QCOMPARE(DnsMessage::parse(udpExchange(q))->answers.first().addressText(), QStringLiteral("10.244.1.7"));
    // web-0 recreated with a new IP: same name, new address, even for a cached question.
    Store store = ordinal::test::dnsFixtureStore();
    Endpoints nginx = *store.find<Endpoints>(QStringLiteral("default"), QStringLiteral("nginx"));
    nginx.addresses[0].ip = QStringLiteral("10.244.1.8");
    store.put(nginx, 30 * kSecond);
    m_server->setZone(ClusterDns::build(store, ordinal::test::dnsFixtureConfig(), 30 * kSecond));
    QCOMPARE(DnsMessage::parse(udpExchange(q))->answers.first().addressText(), QStringLiteral("10.244.1.8"));
}

void tst_DnsServer::noZoneServfail()
{
    m_server->setZone(nullptr);
    const QByteArray reply = udpExchange(query(QStringLiteral("cluster.local."), DnsType::SOA));
    QVERIFY(reply.size() >= 12);
    QCOMPARE(int(uchar(reply.at(3)) & 0xf), 2);
}

void tst_DnsServer::systemDig_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("pod-a") << QStringList{QStringLiteral("web-0.nginx.default.svc.cluster.local")};
    QTest::newRow("headless-a") << QStringList{QStringLiteral("nginx.default.svc.cluster.local")};
    QTest::newRow("nxdomain") << QStringList{QStringLiteral("web-2.nginx.default.svc.cluster.local")};
    QTest::newRow("srv") << QStringList{QStringLiteral("_web._tcp.nginx.default.svc.cluster.local"),
                                        QStringLiteral("SRV")};
    QTest::newRow("reverse") << QStringList{QStringLiteral("-x"), QStringLiteral("10.0.0.10")};
    QTest::newRow("apex-ns") << QStringList{QStringLiteral("cluster.local"), QStringLiteral("NS")};
    QTest::newRow("apex-soa") << QStringList{QStringLiteral("cluster.local"), QStringLiteral("SOA")};
    QTest::newRow("txt") << QStringList{QStringLiteral("dns-version.cluster.local"), QStringLiteral("TXT")};
    QTest::newRow("cname") << QStringList{QStringLiteral("alias.default.svc.cluster.local")};
    QTest::newRow("refused") << QStringList{QStringLiteral("example.com")};
    QTest::newRow("short") << QStringList{QStringLiteral("+short"), QStringLiteral("nginx.default.svc.cluster.local")};
}

void tst_DnsServer::systemDig()
{
    QFETCH(QStringList, args);
    const QString digPath = QStandardPaths::findExecutable(QStringLiteral("dig"));
    if (digPath.isEmpty())
        QSKIP("dig (dnsutils) is not installed");
    const QStringList full = QStringList{QStringLiteral("@127.0.0.1"), QStringLiteral("-p"),
                                         QString::number(m_server->port())}
        + args;
    QProcess dig;
    dig.setProcessChannelMode(QProcess::MergedChannels);
    dig.start(digPath, full + QStringList{QStringLiteral("+tries=1"), QStringLiteral("+timeout=5")});
    // The server answers from this thread's event loop, so wait without blocking it.
    QTRY_VERIFY_WITH_TIMEOUT(dig.state() == QProcess::NotRunning, 15000);
    QString real = QString::fromUtf8(dig.readAll());
    real.replace(QStringLiteral(" +tries=1 +timeout=5"), QString());
    const ToolOutput console = ordinal::core::dig(*m_zone, PodDnsContext::forNamespace(QStringLiteral("default")),
                                                  full, 0);
    QCOMPARE(normalizeDig(console.text), normalizeDig(real));
    QCOMPARE(console.exitCode, dig.exitCode());
}

namespace {

// CPU time (user + system) this process has used, in milliseconds.
qint64 cpuMillis()
{
    rusage usage {};
    ::getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

} // namespace

// RFC 7766 §6.2: a connection that stays silent is closed after the idle timeout, and one
// that keeps asking is not.
void tst_DnsServer::tcpIdleConnectionsClosed()
{
    m_server->setTcpIdleTimeout(300);
    QCOMPARE(m_server->tcpIdleTimeout(), 300);
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < 10; ++i) {
        idle.push_back(std::make_unique<QTcpSocket>());
        idle.back()->connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(idle.back()->waitForConnected(5000));
    }
    QTRY_COMPARE(m_server->tcpConnections(), 10);
    // Every idle client is disconnected by the server.
    for (const auto &socket : idle)
        QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, 10000);
    QTRY_COMPARE(m_server->tcpConnections(), 0);
}

// More clients than the cap: the server holds at most the cap open, keeps answering UDP and
// the connected TCP clients, and does not spin while the rest wait.
void tst_DnsServer::tcpConnectionCap()
{
    m_server->setMaxTcpConnections(8);
    QCOMPARE(m_server->maxTcpConnections(), 8);
    m_server->setTcpIdleTimeout(60000);
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int i = 0; i < 30; ++i) {
        clients.push_back(std::make_unique<QTcpSocket>());
        clients.back()->connectToHost(QHostAddress::LocalHost, m_server->port());
    }
    QTRY_COMPARE(m_server->tcpConnections(), 8);

    // While the flood waits: UDP answers, CPU stays low (a spinning accept loop would use a
    // whole core for the whole wait).
    const qint64 cpuBefore = cpuMillis();
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < 20; ++i) {
        const QByteArray q = query(QStringLiteral("web-0.nginx.default.svc.cluster.local."),
                                   DnsType::A, quint16(i));
        QCOMPARE(udpExchange(q), m_zone->answerWire(q, ClusterDns::Udp));
    }
    QSignalSpy spinCheck(m_server.get(), &DnsServer::queryAnswered);
    QVERIFY(!spinCheck.wait(500)); // nothing else happens; measure what waiting costs
    const qint64 cpu = cpuMillis() - cpuBefore;
    QVERIFY2(cpu * 2 < wall.elapsed(),
             qPrintable(QStringLiteral("%1 ms CPU in %2 ms").arg(cpu).arg(wall.elapsed())));
    QVERIFY(m_server->tcpConnections() <= 8);

    // Closing connections lets the waiting clients in.
    for (int i = 0; i < 8; ++i)
        clients[i]->abort();
    QTRY_COMPARE(m_server->tcpConnections(), 8);
    // ... and they are served.
    QTcpSocket *late = clients.back().get();
    const QByteArray q = query(QStringLiteral("nginx.default.svc.cluster.local."), DnsType::A, 9);
    for (qsizetype i = 8; i < qsizetype(clients.size()); ++i)
        clients[i]->abort();
    QTRY_COMPARE(m_server->tcpConnections(), 0);
    QTcpSocket fresh;
    fresh.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(fresh.waitForConnected(5000));
    fresh.write(dnsTcpFrame(q));
    QByteArray buffer;
    QList<QByteArray> replies;
    QTRY_VERIFY_WITH_TIMEOUT(
        (buffer += fresh.readAll(), replies += dnsTcpUnframe(&buffer), !replies.isEmpty()), 5000);
    QCOMPARE(replies.first(), m_zone->answerWire(q, ClusterDns::Tcp));
    Q_UNUSED(late);
}

QTEST_GUILESS_MAIN(tst_DnsServer)
#include "tst_dnsserver.moc"
