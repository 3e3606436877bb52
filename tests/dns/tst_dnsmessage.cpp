// The RFC 1035 codec: strict parsing, compression, EDNS, truncation, TCP framing.

#include "dns/clusterdns.h"
#include "dns/dnsmessage.h"
#include "dnsfixture.h"

#include <QTest>

using namespace ordinal::core;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text).replace(' ', ""));
}

// A query for web-0.nginx.default.svc.cluster.local. A, id 0xabcd, RD.
QByteArray query(const QString &name = QStringLiteral("web-0.nginx.default.svc.cluster.local."),
                 quint16 type = DnsType::A, std::optional<quint16> udpSize = std::nullopt)
{
    DnsMessage m;
    m.id = 0xabcd;
    m.rd = true;
    m.questions.append({name, type, kDnsClassIN});
    if (udpSize) {
        DnsEdns edns;
        edns.udpSize = *udpSize;
        edns.options.append({10, QByteArray("\x01\x02\x03\x04\x05\x06\x07\x08", 8)});
        m.edns = edns;
    }
    return m.encode();
}

} // namespace

class tst_DnsMessage : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void compression();
    void malformed_data();
    void malformed();
    void formErrReply();
    void ednsEcho();
    void truncation_data();
    void truncation();
    void tcpFraming();
    void addresses_data();
    void addresses();
};

void tst_DnsMessage::roundTrip()
{
    DnsMessage m;
    m.id = 42;
    m.qr = true;
    m.aa = true;
    m.rd = true;
    m.questions.append({QStringLiteral("Web-0.nginx.default.svc.cluster.local."), DnsType::SRV, 1});
    DnsRecord srv;
    srv.name = QStringLiteral("Web-0.nginx.default.svc.cluster.local.");
    srv.type = DnsType::SRV;
    srv.ttl = 30;
    srv.weight = 50;
    srv.port = 80;
    srv.target = QStringLiteral("web-0.nginx.default.svc.cluster.local.");
    m.answers.append(srv);
    DnsRecord soa;
    soa.name = QStringLiteral("cluster.local.");
    soa.type = DnsType::SOA;
    soa.ttl = 30;
    soa.target = QStringLiteral("ns.dns.cluster.local.");
    soa.mailbox = QStringLiteral("hostmaster.cluster.local.");
    soa.serial = 1767225600;
    soa.refresh = 7200;
    soa.retry = 1800;
    soa.expire = 86400;
    soa.minimum = 30;
    m.authority.append(soa);
    DnsRecord txt;
    txt.name = QStringLiteral("dns-version.cluster.local.");
    txt.type = DnsType::TXT;
    txt.texts = {QByteArrayLiteral("1.1.0")};
    m.additional.append(txt);
    m.additional.append(DnsRecord::makeA(QStringLiteral("x.cluster.local."), 30,
                                         dnsParseAddress(QStringLiteral("fd00::1"))));
    const auto parsed = DnsMessage::parse(m.encode());
    QVERIFY(parsed);
    QCOMPARE(parsed->id, m.id);
    QCOMPARE(parsed->questions.first().name, m.questions.first().name);
    QCOMPARE(parsed->answers, m.answers);
    QCOMPARE(parsed->authority, m.authority);
    QCOMPARE(parsed->additional, m.additional);
    QVERIFY(parsed->aa && parsed->qr && parsed->rd && !parsed->ra);
}

void tst_DnsMessage::compression()
{
    // Owner names repeat the question: each costs a 2-byte pointer.
    DnsMessage m;
    m.questions.append({QStringLiteral("nginx.default.svc.cluster.local."), DnsType::A, 1});
    for (int i = 0; i < 3; ++i)
        m.answers.append(DnsRecord::makeA(QStringLiteral("nginx.default.svc.cluster.local."), 30,
                                          QByteArray(4, char(i + 1))));
    const QByteArray wire = m.encode();
    QCOMPARE(wire.size(), 12 + 33 + 4 + 3 * (2 + 10 + 4));
    QVERIFY(DnsMessage::parse(wire));
}

void tst_DnsMessage::malformed_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<int>("error");
    const QByteArray header1q = hex("abcd 0100 0001 0000 0000 0000");
    QTest::newRow("empty") << QByteArray() << int(DnsParseError::ShortHeader);
    QTest::newRow("short-header") << hex("abcd 0100 0001") << int(DnsParseError::ShortHeader);
    QTest::newRow("question-missing") << header1q << int(DnsParseError::BadCount);
    QTest::newRow("name-runs-past-end") << header1q + hex("05 6162") + hex("00000000")
                                        << int(DnsParseError::Truncated);
    QTest::newRow("type-class-cut") << header1q + hex("0161 00 0001") << int(DnsParseError::Truncated);
    QTest::newRow("pointer-to-itself") << header1q + hex("c00c 0001 0001") << int(DnsParseError::PointerLoop);
    QTest::newRow("pointer-forward") << header1q + hex("c00e 0001 0001 00") << int(DnsParseError::PointerLoop);
    QTest::newRow("pointer-loop-pair") << hex("abcd 0100 0001 0000 0000 0000") + hex("0161 c011 0162 c00c 0001 0001")
                                       << int(DnsParseError::PointerLoop);
    QTest::newRow("extended-label-type") << header1q + hex("4161 00 0001 0001") << int(DnsParseError::BadName);
    QByteArray longName;
    for (int i = 0; i < 5; ++i)
        longName += hex("3f") + QByteArray(63, 'a');
    QTest::newRow("name-over-255") << header1q + longName + hex("00 0001 0001") << int(DnsParseError::BadName);
    QTest::newRow("huge-counts") << hex("abcd 0100 ffff ffff ffff ffff") + QByteArray(40, 'x')
                                 << int(DnsParseError::BadCount);
    QTest::newRow("trailing-bytes") << query() + hex("00") << int(DnsParseError::TrailingData);
    QTest::newRow("rdlength-past-end") << hex("abcd 8100 0000 0001 0000 0000") + hex("00 0001 0001 0000001e 0010 0a00")
                                       << int(DnsParseError::Truncated);
    QTest::newRow("a-record-wrong-length") << hex("abcd 8100 0000 0001 0000 0000") + hex("00 0001 0001 0000001e 0003 0a0000")
                                           << int(DnsParseError::BadRdata);
    QTest::newRow("two-opt-records") << hex("abcd 0100 0000 0000 0000 0002") + hex("00 0029 1000 00000000 0000")
                                            + hex("00 0029 1000 00000000 0000")
                                     << int(DnsParseError::BadCount);
    QTest::newRow("opt-option-overruns") << hex("abcd 0100 0000 0000 0000 0001") + hex("00 0029 1000 00000000 0004 000a 0008")
                                         << int(DnsParseError::BadRdata);
}

void tst_DnsMessage::malformed()
{
    QFETCH(QByteArray, wire);
    QFETCH(int, error);
    DnsParseError e = DnsParseError::None;
    QVERIFY(!DnsMessage::parse(wire, &e));
    QCOMPARE(int(e), error);
}

void tst_DnsMessage::formErrReply()
{
    const auto dns = ClusterDns::build(ordinal::test::dnsFixtureStore(),
                                       ordinal::test::dnsFixtureConfig(), 0);
    // A pointer loop: FORMERR with the query's id.
    const QByteArray bad = hex("beef 0100 0001 0000 0000 0000 c00c 0001 0001");
    const auto reply = DnsMessage::parse(dns->answerWire(bad, ClusterDns::Udp));
    QVERIFY(reply);
    QCOMPARE(reply->id, quint16(0xbeef));
    QCOMPARE(reply->rcode, quint16(DnsRcode::FormErr));
    QVERIFY(reply->qr);
    // Too short for a header, or a response: dropped.
    QVERIFY(dns->answerWire(hex("beef 01"), ClusterDns::Udp).isEmpty());
    QVERIFY(dns->answerWire(hex("beef 8100 0000 0000 0000 0000"), ClusterDns::Udp).isEmpty());
    // Two questions: FORMERR.
    DnsMessage two;
    two.questions = {{QStringLiteral("a.cluster.local."), 1, 1}, {QStringLiteral("b.cluster.local."), 1, 1}};
    QCOMPARE(DnsMessage::parse(dns->answerWire(two.encode(), ClusterDns::Udp))->rcode,
             quint16(DnsRcode::FormErr));
}

void tst_DnsMessage::ednsEcho()
{
    const auto dns = ClusterDns::build(ordinal::test::dnsFixtureStore(),
                                       ordinal::test::dnsFixtureConfig(), 0);
    const auto withOpt = DnsMessage::parse(dns->answerWire(
        query(QStringLiteral("web-0.nginx.default.svc.cluster.local."), DnsType::A, 1232),
        ClusterDns::Udp));
    QVERIFY(withOpt && withOpt->edns);
    QCOMPARE(withOpt->edns->udpSize, quint16(1232));
    QCOMPARE(withOpt->edns->version, quint8(0));
    QCOMPARE(withOpt->edns->options.size(), 1);
    QCOMPARE(withOpt->edns->options.first().first, quint16(10));
    QCOMPARE(withOpt->edns->options.first().second, QByteArray("\x01\x02\x03\x04\x05\x06\x07\x08", 8));
    const auto without = DnsMessage::parse(dns->answerWire(query(), ClusterDns::Udp));
    QVERIFY(without && !without->edns);
    // EDNS version 1: BADVERS.
    DnsMessage v1 = *DnsMessage::parse(query({}, DnsType::A, 1232));
    v1.edns->version = 1;
    const auto badvers = DnsMessage::parse(dns->answerWire(v1.encode(), ClusterDns::Udp));
    QCOMPARE(badvers->rcode, quint16(DnsRcode::BadVers));
}

void tst_DnsMessage::truncation_data()
{
    QTest::addColumn<int>("pods");
    QTest::addColumn<int>("udpSize"); // 0: no EDNS
    QTest::addColumn<bool>("truncated");
    QTest::newRow("small-answer-fits-512") << 3 << 0 << false;
    QTest::newRow("40-pods-exceed-512") << 40 << 0 << true;
    QTest::newRow("40-pods-fit-edns-4096") << 40 << 4096 << false;
    QTest::newRow("100-pods-exceed-edns-1232") << 100 << 1232 << true;
}

void tst_DnsMessage::truncation()
{
    QFETCH(int, pods);
    QFETCH(int, udpSize);
    QFETCH(bool, truncated);
    Store store = ordinal::test::dnsFixtureStore();
    Endpoints nginx = *store.find<Endpoints>(QStringLiteral("default"), QStringLiteral("nginx"));
    nginx.addresses.clear();
    for (int i = 0; i < pods; ++i)
        nginx.addresses.append(ordinal::test::ep(QStringLiteral("10.244.%1.%2").arg(1 + i / 200).arg(10 + i % 200),
                                                 QStringLiteral("web-%1").arg(i), QStringLiteral("web-%1").arg(i)));
    store.put(nginx, 0);
    const auto dns = ClusterDns::build(store, ordinal::test::dnsFixtureConfig(), 0);
    const QByteArray q = query(QStringLiteral("nginx.default.svc.cluster.local."), DnsType::A,
                               udpSize ? std::optional<quint16>(quint16(udpSize)) : std::nullopt);
    const QByteArray udp = dns->answerWire(q, ClusterDns::Udp);
    const auto reply = DnsMessage::parse(udp);
    QVERIFY(reply);
    QCOMPARE(reply->tc, truncated);
    QVERIFY(udp.size() <= std::max(512, udpSize));
    if (truncated) {
        QVERIFY(reply->answers.isEmpty());
        const auto tcp = DnsMessage::parse(dns->answerWire(q, ClusterDns::Tcp));
        QVERIFY(tcp && !tcp->tc);
        QCOMPARE(tcp->answers.size(), pods);
    } else {
        QCOMPARE(reply->answers.size(), pods);
    }
}

void tst_DnsMessage::tcpFraming()
{
    const QByteArray a = query();
    const QByteArray b = query(QStringLiteral("api.default.svc.cluster.local."));
    QByteArray stream = dnsTcpFrame(a) + dnsTcpFrame(b);
    QByteArray partial = stream.left(stream.size() - 3);
    QList<QByteArray> got = dnsTcpUnframe(&partial);
    QCOMPARE(got.size(), 1);
    QCOMPARE(got.first(), a);
    partial += stream.right(3);
    got = dnsTcpUnframe(&partial);
    QCOMPARE(got, QList<QByteArray>{b});
    QVERIFY(partial.isEmpty());
    QCOMPARE(dnsTcpFrame(a).left(2), QByteArray("\x00", 1) + char(a.size()));
}

void tst_DnsMessage::addresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QString>("reverse");
    QTest::newRow("ipv4") << "10.244.1.7" << "10.244.1.7" << "7.1.244.10.in-addr.arpa.";
    QTest::newRow("ipv4-short-rejected") << "10.1" << "" << "";
    QTest::newRow("ipv4-octet-too-big") << "10.1.1.256" << "" << "";
    QTest::newRow("ipv6-compressed") << "FD00:0:0::1" << "fd00::1"
                                     << "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.d.f.ip6.arpa.";
    QTest::newRow("ipv6-bad") << "fd00:::1" << "" << "";
}

void tst_DnsMessage::addresses()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QFETCH(QString, reverse);
    const QByteArray a = dnsParseAddress(text);
    QCOMPARE(dnsAddressText(a), canonical);
    QCOMPARE(a.isEmpty() ? QString() : dnsReverseName(a), reverse);
}

QTEST_GUILESS_MAIN(tst_DnsMessage)
#include "tst_dnsmessage.moc"
