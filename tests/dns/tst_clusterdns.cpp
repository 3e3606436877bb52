// The cluster zone against dns.md §1: one row per rule, written from the reference.

#include "dns/clusterdns.h"
#include "dnsfixture.h"

#include <QTest>

using namespace ordinal::core;

namespace {

QString render(const QList<DnsRecord> &records)
{
    QStringList out;
    for (const DnsRecord &rr : records)
        out << DnsType::toString(rr.type) + QLatin1Char(' ') + rr.rdataText();
    return out.join(QLatin1Char('|'));
}

} // namespace

class tst_ClusterDns : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void resolve_data();
    void resolve();
    void negativeAnswersCarrySoa_data();
    void negativeAnswersCarrySoa();
    void casePreserved();
    void ttls();
    void explanations_data();
    void explanations();
    void srvAdditional();
    void serialFollowsChanges();
    void deterministicOrder();
    void publishNotReadyAddresses();
    void wireFlags_data();
    void wireFlags();

private:
    std::shared_ptr<const ClusterDns> m_dns;
};

void tst_ClusterDns::initTestCase()
{
    m_dns = ClusterDns::build(ordinal::test::dnsFixtureStore(), ordinal::test::dnsFixtureConfig(),
                              5 * kSecond);
}

void tst_ClusterDns::resolve_data()
{
    QTest::addColumn<QString>("qname");
    QTest::addColumn<QString>("qtype");
    QTest::addColumn<QString>("rcode");
    QTest::addColumn<QString>("answer");

    const QString nx = QStringLiteral("NXDOMAIN");
    const QString ok = QStringLiteral("NOERROR");
    // §1.4 A/AAAA ClusterIP
    QTest::newRow("clusterip-a") << "api.default.svc.cluster.local" << "A" << ok << "A 10.0.100.20";
    QTest::newRow("clusterip-a-without-endpoints") << "empty.default.svc.cluster.local" << "A" << ok
                                                   << "A 10.0.5.5";
    QTest::newRow("clusterip-aaaa-ipv4-only-nodata") << "api.default.svc.cluster.local" << "AAAA"
                                                     << ok << "";
    QTest::newRow("kubernetes-a") << "kubernetes.default.svc.cluster.local" << "A" << ok
                                  << "A 10.0.0.1";
    // §1.4 headless
    QTest::newRow("headless-ready-endpoints") << "nginx.default.svc.cluster.local" << "A" << ok
                                              << "A 10.244.1.7|A 10.244.2.8";
    QTest::newRow("headless-no-ready-endpoints-nxdomain") << "lonely.default.svc.cluster.local"
                                                          << "A" << nx << "";
    QTest::newRow("headless-aaaa-ipv4-only-nodata") << "nginx.default.svc.cluster.local" << "AAAA"
                                                    << ok << "";
    // Endpoint names
    QTest::newRow("pod-hostname-record") << "web-0.nginx.default.svc.cluster.local" << "A" << ok
                                         << "A 10.244.1.7";
    QTest::newRow("not-ready-pod-nxdomain") << "web-2.nginx.default.svc.cluster.local" << "A" << nx
                                            << "";
    QTest::newRow("terminating-pod-nxdomain") << "web-3.nginx.default.svc.cluster.local" << "A"
                                              << nx << "";
    QTest::newRow("dashed-ip-under-clusterip") << "10-244-1-20.api.default.svc.cluster.local" << "A"
                                               << ok << "A 10.244.1.20";
    QTest::newRow("hostname-pod-not-under-dashed-ip") << "10-244-1-7.nginx.default.svc.cluster.local"
                                                      << "A" << nx << "";
    QTest::newRow("pod-name-alone-is-not-a-name") << "web-0.default.pod.cluster.local" << "A" << nx
                                                  << "";
    QTest::newRow("endpoint-txt-nodata") << "web-0.nginx.default.svc.cluster.local" << "TXT" << ok
                                         << "";
    // SRV
    QTest::newRow("srv-headless-named-port")
        << "_web._tcp.nginx.default.svc.cluster.local" << "SRV" << ok
        << "SRV 0 50 80 web-0.nginx.default.svc.cluster.local.|"
           "SRV 0 50 80 web-1.nginx.default.svc.cluster.local.";
    QTest::newRow("srv-without-underscores") << "web.tcp.nginx.default.svc.cluster.local" << "SRV"
                                             << ok
                                             << "SRV 0 50 80 web-0.nginx.default.svc.cluster.local.|"
                                                "SRV 0 50 80 web-1.nginx.default.svc.cluster.local.";
    QTest::newRow("srv-clusterip-service-port") << "_http._tcp.api.default.svc.cluster.local"
                                                << "SRV" << ok
                                                << "SRV 0 100 80 api.default.svc.cluster.local.";
    QTest::newRow("srv-bare-name-all-ports") << "api.default.svc.cluster.local" << "SRV" << ok
                                             << "SRV 0 50 80 api.default.svc.cluster.local.|"
                                                "SRV 0 50 9000 api.default.svc.cluster.local.";
    QTest::newRow("srv-six-items-weight-16")
        << "multi.default.svc.cluster.local" << "SRV" << ok
        << "SRV 0 16 1000 m-0.multi.default.svc.cluster.local.|"
           "SRV 0 16 2000 m-0.multi.default.svc.cluster.local.|"
           "SRV 0 16 1000 m-1.multi.default.svc.cluster.local.|"
           "SRV 0 16 2000 m-1.multi.default.svc.cluster.local.|"
           "SRV 0 16 1000 m-2.multi.default.svc.cluster.local.|"
           "SRV 0 16 2000 m-2.multi.default.svc.cluster.local.";
    QTest::newRow("srv-port-name-case-insensitive") << "_WEB._TCP.nginx.default.svc.cluster.local"
                                                    << "SRV" << ok
                                                    << "SRV 0 50 80 web-0.nginx.default.svc.cluster.local.|"
                                                       "SRV 0 50 80 web-1.nginx.default.svc.cluster.local.";
    QTest::newRow("srv-udp-port") << "_dns._udp.kube-dns.kube-system.svc.cluster.local" << "SRV"
                                  << ok << "SRV 0 100 53 kube-dns.kube-system.svc.cluster.local.";
    QTest::newRow("srv-wrong-port-nxdomain") << "_https._tcp.nginx.default.svc.cluster.local"
                                             << "SRV" << nx << "";
    QTest::newRow("srv-wrong-protocol-nxdomain") << "_web._udp.nginx.default.svc.cluster.local"
                                                 << "SRV" << nx << "";
    QTest::newRow("srv-externalname-nodata") << "db.default.svc.cluster.local" << "SRV" << ok << "";
    // PTR
    QTest::newRow("ptr-service-vip") << "20.100.0.10.in-addr.arpa" << "PTR" << ok
                                     << "PTR api.default.svc.cluster.local.";
    QTest::newRow("ptr-dns-service") << "10.0.0.10.in-addr.arpa" << "PTR" << ok
                                     << "PTR kube-dns.kube-system.svc.cluster.local.";
    QTest::newRow("ptr-ready-endpoint-hostname") << "7.1.244.10.in-addr.arpa" << "PTR" << ok
                                                 << "PTR web-0.nginx.default.svc.cluster.local.";
    QTest::newRow("ptr-ready-endpoint-dashed") << "20.1.244.10.in-addr.arpa" << "PTR" << ok
                                               << "PTR 10-244-1-20.api.default.svc.cluster.local.";
    QTest::newRow("ptr-not-ready-nxdomain") << "9.1.244.10.in-addr.arpa" << "PTR" << nx << "";
    QTest::newRow("ptr-pod-in-no-service-nxdomain") << "60.2.244.10.in-addr.arpa" << "PTR" << nx
                                                    << "";
    QTest::newRow("ptr-partial-reverse-name-nxdomain") << "10.in-addr.arpa" << "PTR" << nx << "";
    // pods insecure
    QTest::newRow("pod-a-record") << "10-244-1-7.default.pod.cluster.local" << "A" << ok
                                  << "A 10.244.1.7";
    QTest::newRow("pod-a-record-any-ip") << "1-2-3-4.default.pod.cluster.local" << "A" << ok
                                         << "A 1.2.3.4";
    QTest::newRow("pod-a-record-bad-label-nxdomain") << "1-2-3.default.pod.cluster.local" << "A"
                                                     << nx << "";
    QTest::newRow("pod-a-record-unknown-namespace-nxdomain") << "1-2-3-4.nosuch.pod.cluster.local"
                                                             << "A" << nx << "";
    // ExternalName
    QTest::newRow("externalname-cname") << "db.default.svc.cluster.local" << "CNAME" << ok
                                        << "CNAME db.example.com.";
    QTest::newRow("externalname-a-outside-zone") << "db.default.svc.cluster.local" << "A" << ok
                                                 << "CNAME db.example.com.";
    QTest::newRow("externalname-chased-in-zone") << "alias.default.svc.cluster.local" << "A" << ok
                                                 << "CNAME api.default.svc.cluster.local.|A 10.0.100.20";
    QTest::newRow("externalname-label-below-nxdomain") << "x.db.default.svc.cluster.local" << "A"
                                                       << nx << "";
    // TXT, SOA, NS, apex
    QTest::newRow("dns-version-txt") << "dns-version.cluster.local" << "TXT" << ok
                                     << "TXT \"1.1.0\"";
    QTest::newRow("apex-soa") << "cluster.local" << "SOA" << ok
                              << "SOA ns.dns.cluster.local. hostmaster.cluster.local. 1767225605 "
                                 "7200 1800 86400 30";
    QTest::newRow("apex-ns") << "cluster.local" << "NS" << ok
                             << "NS kube-dns.kube-system.svc.cluster.local.";
    QTest::newRow("apex-a-nodata") << "cluster.local" << "A" << ok << "";
    QTest::newRow("soa-non-apex-nodata-even-if-missing") << "nosuch.default.svc.cluster.local"
                                                         << "SOA" << ok << "";
    QTest::newRow("txt-existing-nodata") << "api.default.svc.cluster.local" << "TXT" << ok << "";
    QTest::newRow("txt-missing-nxdomain") << "nosuch.default.svc.cluster.local" << "TXT" << nx
                                          << "";
    QTest::newRow("mx-existing-nodata") << "api.default.svc.cluster.local" << "MX" << ok << "";
    QTest::newRow("ptr-on-forward-name-nodata") << "api.default.svc.cluster.local" << "PTR" << ok
                                                << "";
    // §1.2 grammar, §1.5
    QTest::newRow("namespace-name-nodata") << "default.svc.cluster.local" << "A" << ok << "";
    QTest::newRow("svc-nodata") << "svc.cluster.local" << "A" << ok << "";
    QTest::newRow("pod-nodata") << "pod.cluster.local" << "A" << ok << "";
    QTest::newRow("unknown-namespace-nxdomain") << "nosuch.svc.cluster.local" << "A" << nx << "";
    QTest::newRow("unknown-service-nxdomain") << "nosuch.default.svc.cluster.local" << "A" << nx
                                              << "";
    QTest::newRow("last-label-not-svc-nxdomain") << "nginx.default.cluster.local" << "A" << nx << "";
    QTest::newRow("too-many-labels-nxdomain") << "a.b.web-0.nginx.default.svc.cluster.local" << "A"
                                              << nx << "";
    QTest::newRow("search-junk-nxdomain") << "nginx.default.default.svc.cluster.local" << "A" << nx
                                          << "";
    QTest::newRow("wildcard-is-a-plain-label") << "*.nginx.default.svc.cluster.local" << "A" << nx
                                               << "";
    QTest::newRow("serviceName-mismatch-nxdomain") << "db-0.mysql.prod.svc.cluster.local" << "A"
                                                   << nx << "";
    QTest::newRow("any-is-nodata") << "api.default.svc.cluster.local" << "ANY" << ok << "";
    QTest::newRow("axfr-refused") << "cluster.local" << "AXFR" << "REFUSED" << "";
    QTest::newRow("ixfr-refused") << "cluster.local" << "IXFR" << "REFUSED" << "";
    QTest::newRow("outside-zone-refused") << "example.com" << "A" << "REFUSED" << "";
    QTest::newRow("service-without-zone-refused") << "nginx.default" << "A" << "REFUSED" << "";
}

void tst_ClusterDns::resolve()
{
    QFETCH(QString, qname);
    QFETCH(QString, qtype);
    QFETCH(QString, rcode);
    QFETCH(QString, answer);
    const DnsResponse r = m_dns->resolve(qname, *DnsType::fromString(qtype));
    QVERIFY2(rcodeName(r.rcode) == rcode,
             qPrintable(QStringLiteral("%1 %2: got %3 (%4)")
                            .arg(qname, qtype, rcodeName(r.rcode), r.why)));
    QCOMPARE(render(r.answer), answer);
}

void tst_ClusterDns::negativeAnswersCarrySoa_data()
{
    QTest::addColumn<QString>("qname");
    QTest::addColumn<QString>("soaOwner");
    QTest::newRow("nxdomain-in-zone") << "nosuch.default.svc.cluster.local" << "cluster.local.";
    QTest::newRow("nodata-in-zone") << "api.default.svc.cluster.local." << "cluster.local.";
    QTest::newRow("nxdomain-reverse") << "9.9.9.10.in-addr.arpa" << "in-addr.arpa.";
}

void tst_ClusterDns::negativeAnswersCarrySoa()
{
    QFETCH(QString, qname);
    QFETCH(QString, soaOwner);
    const DnsResponse r = m_dns->resolve(qname, DnsType::AAAA);
    QVERIFY(r.answer.isEmpty());
    QVERIFY(r.authoritative);
    QCOMPARE(r.authority.size(), 1);
    QCOMPARE(r.authority.first().type, DnsType::SOA);
    QCOMPARE(r.authority.first().name, soaOwner);
    QCOMPARE(r.authority.first().ttl, 30u);
    QCOMPARE(r.authority.first().minimum, 30u);
}

void tst_ClusterDns::casePreserved()
{
    const DnsResponse r = m_dns->resolve(QStringLiteral("Web-0.NGINX.default.svc.Cluster.Local"),
                                         DnsType::A);
    QCOMPARE(r.rcode, DnsRcode::NoError);
    QCOMPARE(r.answer.size(), 1);
    QCOMPARE(r.answer.first().name, QStringLiteral("Web-0.NGINX.default.svc.Cluster.Local."));
}

void tst_ClusterDns::ttls()
{
    QCOMPARE(m_dns->resolve(QStringLiteral("api.default.svc.cluster.local"), DnsType::A)
                 .answer.first()
                 .ttl,
             30u);
    QCOMPARE(m_dns->resolve(QStringLiteral("dns-version.cluster.local"), DnsType::TXT)
                 .answer.first()
                 .ttl,
             28800u);
}

void tst_ClusterDns::explanations_data()
{
    QTest::addColumn<QString>("qname");
    QTest::addColumn<QString>("why");
    QTest::newRow("not-ready") << "web-2.nginx.default.svc.cluster.local"
                               << "web-2 is not Ready, so its record is not published";
    QTest::newRow("terminating") << "web-3.nginx.default.svc.cluster.local"
                                 << "web-3 is terminating";
    QTest::newRow("no-service") << "web-0.ngnx.default.svc.cluster.local"
                                << "no Service named ngnx in namespace default";
    QTest::newRow("serviceName-mismatch") << "db-0.mysql.prod.svc.cluster.local"
                                          << "StatefulSet db's serviceName is mysql but the "
                                             "Service is called mysq";
    QTest::newRow("headless-empty") << "lonely.default.svc.cluster.local"
                                    << "has no ready endpoints (not Ready: lonely-0)";
    QTest::newRow("no-namespace") << "x.nosuch.svc.cluster.local" << "there is no namespace nosuch";
    QTest::newRow("outside-zone") << "example.com" << "does not forward";
    QTest::newRow("dashed-ip-of-named-endpoint") << "10-244-1-7.nginx.default.svc.cluster.local"
                                                 << "is named web-0";
}

void tst_ClusterDns::explanations()
{
    QFETCH(QString, qname);
    QFETCH(QString, why);
    const DnsResponse r = m_dns->resolve(qname, DnsType::A);
    QVERIFY2(r.why.contains(why), qPrintable(r.why));
}

void tst_ClusterDns::srvAdditional()
{
    const DnsResponse r =
        m_dns->resolve(QStringLiteral("_web._tcp.nginx.default.svc.cluster.local"), DnsType::SRV);
    QCOMPARE(render(r.additional), QStringLiteral("A 10.244.1.7|A 10.244.2.8"));
    QCOMPARE(r.additional.first().name, QStringLiteral("web-0.nginx.default.svc.cluster.local."));
    const DnsResponse c =
        m_dns->resolve(QStringLiteral("api.default.svc.cluster.local"), DnsType::SRV);
    QCOMPARE(render(c.additional), QStringLiteral("A 10.0.100.20"));
    const DnsResponse ns = m_dns->resolve(QStringLiteral("cluster.local"), DnsType::NS);
    QCOMPARE(render(ns.additional), QStringLiteral("A 10.0.0.10"));
}

void tst_ClusterDns::serialFollowsChanges()
{
    Store store = ordinal::test::dnsFixtureStore();
    const ClusterConfig config = ordinal::test::dnsFixtureConfig();
    const auto first = ClusterDns::build(store, config, 10 * kSecond);
    QCOMPARE(first->serial(), ClusterDns::kSerialEpoch + 10);
    // Nothing in the zone changed: the serial stays.
    const auto same = ClusterDns::build(store, config, 70 * kSecond, first.get());
    QCOMPARE(same->serial(), first->serial());
    // An endpoint change moves it to the time of the change.
    Endpoints nginx = *store.find<Endpoints>(QStringLiteral("default"), QStringLiteral("nginx"));
    nginx.addresses.removeLast();
    store.put(nginx, 90 * kSecond);
    const auto changed = ClusterDns::build(store, config, 90 * kSecond, same.get());
    QCOMPARE(changed->serial(), ClusterDns::kSerialEpoch + 90);
    QCOMPARE(render(changed->resolve(QStringLiteral("nginx.default.svc.cluster.local"),
                                     DnsType::A).answer),
             QStringLiteral("A 10.244.1.7"));
}

void tst_ClusterDns::deterministicOrder()
{
    // Two builds of the same store answer byte for byte the same.
    const auto a = ClusterDns::build(ordinal::test::dnsFixtureStore(),
                                     ordinal::test::dnsFixtureConfig(), 0);
    const auto b = ClusterDns::build(ordinal::test::dnsFixtureStore(),
                                     ordinal::test::dnsFixtureConfig(), 0);
    DnsMessage q;
    q.id = 7;
    q.rd = true;
    q.questions.append({QStringLiteral("multi.default.svc.cluster.local."), DnsType::SRV, 1});
    QCOMPARE(a->answerWire(q.encode(), ClusterDns::Tcp), b->answerWire(q.encode(), ClusterDns::Tcp));
}

void tst_ClusterDns::publishNotReadyAddresses()
{
    // The Endpoints controller puts not-ready pods into addresses when pNRA is set; the zone
    // then publishes them like ready ones.
    Store store = ordinal::test::dnsFixtureStore();
    Endpoints nginx = *store.find<Endpoints>(QStringLiteral("default"), QStringLiteral("nginx"));
    nginx.addresses.append(nginx.notReadyAddresses);
    nginx.notReadyAddresses.clear();
    store.put(nginx, 0);
    const auto dns = ClusterDns::build(store, ordinal::test::dnsFixtureConfig(), 0);
    QCOMPARE(render(dns->resolve(QStringLiteral("web-2.nginx.default.svc.cluster.local"),
                                 DnsType::A).answer),
             QStringLiteral("A 10.244.1.9"));
}

void tst_ClusterDns::wireFlags_data()
{
    QTest::addColumn<QString>("qname");
    QTest::addColumn<int>("qtype");
    QTest::addColumn<bool>("aa");
    QTest::addColumn<int>("rcode");
    QTest::newRow("answer-aa-no-ra") << "web-0.nginx.default.svc.cluster.local" << 1 << true << 0;
    QTest::newRow("nxdomain-aa") << "nosuch.default.svc.cluster.local" << 1 << true << 3;
    QTest::newRow("refused-outside-not-aa") << "example.com" << 1 << false << 5;
    QTest::newRow("axfr-refused") << "cluster.local" << int(DnsType::AXFR) << false << 5;
}

void tst_ClusterDns::wireFlags()
{
    QFETCH(QString, qname);
    QFETCH(int, qtype);
    QFETCH(bool, aa);
    QFETCH(int, rcode);
    DnsMessage q;
    q.id = 0x1234;
    q.rd = true;
    q.questions.append({qname, quint16(qtype), 1});
    const auto reply = DnsMessage::parse(m_dns->answerWire(q.encode(), ClusterDns::Udp));
    QVERIFY(reply);
    QCOMPARE(reply->id, quint16(0x1234));
    QVERIFY(reply->qr);
    QCOMPARE(reply->aa, aa);
    QVERIFY(reply->rd);
    QVERIFY(!reply->ra);
    QCOMPARE(int(reply->rcode), rcode);
    QCOMPARE(reply->questions.first().name, dnsAbsolute(qname));
}

QTEST_GUILESS_MAIN(tst_ClusterDns)
#include "tst_clusterdns.moc"
