// Golden transcripts of the console's nslookup (busybox 1.28, dns.md §3.1) and dig (BIND 9.18,
// §3.4), from the fixture cluster.

#include "dns/dnstools.h"
#include "dnsfixture.h"

#include <QTest>

using namespace ordinal::core;

namespace {

const char kServerBlock[] = "Server:    10.0.0.10\n"
                            "Address 1: 10.0.0.10 kube-dns.kube-system.svc.cluster.local\n"
                            "\n";

} // namespace

class tst_DnsTools : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void nslookup_data();
    void nslookup();
    void nslookupFromPod_data();
    void nslookupFromPod();
    void digShort_data();
    void digShort();
    void digFull();
    void digNxdomain();
    void digDeterministic();
    void digErrors_data();
    void digErrors();

private:
    std::shared_ptr<const ClusterDns> m_dns;
    Store m_store;
};

void tst_DnsTools::initTestCase()
{
    m_store = ordinal::test::dnsFixtureStore();
    m_dns = ClusterDns::build(m_store, ordinal::test::dnsFixtureConfig(), 0);
}

void tst_DnsTools::nslookup_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("exitCode");
    const QString server = QLatin1String(kServerBlock);
    QTest::newRow("statefulset-pod") << QStringList{QStringLiteral("web-0.nginx")}
                                     << server + QStringLiteral(
                                            "Name:      web-0.nginx\n"
                                            "Address 1: 10.244.1.7 web-0.nginx.default.svc.cluster.local\n")
                                     << 0;
    QTest::newRow("headless-service") << QStringList{QStringLiteral("nginx")}
                                      << server + QStringLiteral(
                                             "Name:      nginx\n"
                                             "Address 1: 10.244.1.7 web-0.nginx.default.svc.cluster.local\n"
                                             "Address 2: 10.244.2.8 web-1.nginx.default.svc.cluster.local\n")
                                      << 0;
    QTest::newRow("clusterip-service") << QStringList{QStringLiteral("api")}
                                       << server + QStringLiteral(
                                              "Name:      api\n"
                                              "Address 1: 10.0.100.20 api.default.svc.cluster.local\n")
                                       << 0;
    QTest::newRow("kubernetes-default") << QStringList{QStringLiteral("kubernetes.default")}
                                        << server + QStringLiteral(
                                               "Name:      kubernetes.default\n"
                                               "Address 1: 10.0.0.1 kubernetes.default.svc.cluster.local\n")
                                        << 0;
    QTest::newRow("not-ready-pod") << QStringList{QStringLiteral("web-2.nginx")}
                                   << server + QStringLiteral("nslookup: can't resolve 'web-2.nginx'\n")
                                   << 1;
    QTest::newRow("unknown-name") << QStringList{QStringLiteral("nosuch")}
                                  << server + QStringLiteral("nslookup: can't resolve 'nosuch'\n")
                                  << 1;
    QTest::newRow("fqdn-with-trailing-dot")
        << QStringList{QStringLiteral("web-1.nginx.default.svc.cluster.local.")}
        << server + QStringLiteral(
               "Name:      web-1.nginx.default.svc.cluster.local.\n"
               "Address 1: 10.244.2.8 web-1.nginx.default.svc.cluster.local\n")
        << 0;
    QTest::newRow("ip-address") << QStringList{QStringLiteral("10.244.1.7")}
                                << server + QStringLiteral(
                                       "Name:      10.244.1.7\n"
                                       "Address 1: 10.244.1.7 web-0.nginx.default.svc.cluster.local\n")
                                << 0;
    QTest::newRow("ip-without-ptr") << QStringList{QStringLiteral("10.244.2.60")}
                                    << server + QStringLiteral("Name:      10.244.2.60\n"
                                                               "Address 1: 10.244.2.60\n")
                                    << 0;
    QTest::newRow("explicit-server") << QStringList{QStringLiteral("api"), QStringLiteral("10.0.0.10")}
                                     << server + QStringLiteral(
                                            "Name:      api\n"
                                            "Address 1: 10.0.100.20 api.default.svc.cluster.local\n")
                                     << 0;
    QTest::newRow("usage") << QStringList{}
                           << QStringLiteral(
                                  "BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\n"
                                  "Usage: nslookup [HOST] [SERVER]\n\n"
                                  "Query the nameserver for the IP address of the given HOST\n"
                                  "optionally using a specified DNS server\n")
                           << 1;
}

void tst_DnsTools::nslookup()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    QFETCH(int, exitCode);
    const ToolOutput out = ordinal::core::nslookup(*m_dns, PodDnsContext::forNamespace(QStringLiteral("default")), args);
    QCOMPARE(out.text, expected);
    QCOMPARE(out.exitCode, exitCode);
}

void tst_DnsTools::nslookupFromPod_data()
{
    QTest::addColumn<QString>("pod");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    const QString server = QLatin1String(kServerBlock);
    // A pod in no Service: only its own /etc/hosts knows its name.
    QTest::newRow("own-ip-from-etc-hosts")
        << "solo" << "10.244.2.60"
        << server + QStringLiteral("Name:      10.244.2.60\nAddress 1: 10.244.2.60 solo\n");
    QTest::newRow("own-hostname-from-etc-hosts")
        << "solo" << "solo" << server + QStringLiteral("Name:      solo\nAddress 1: 10.244.2.60 solo\n");
    QTest::newRow("statefulset-pod-own-ip")
        << "web-0" << "10.244.1.7"
        << server + QStringLiteral("Name:      10.244.1.7\n"
                                   "Address 1: 10.244.1.7 web-0.nginx.default.svc.cluster.local\n");
    // From namespace prod the short name needs the namespace.
    QTest::newRow("other-namespace-short-name")
        << "db-0" << "api" << server + QStringLiteral("nslookup: can't resolve 'api'\n");
    QTest::newRow("other-namespace-qualified")
        << "db-0" << "api.default"
        << server + QStringLiteral("Name:      api.default\n"
                                   "Address 1: 10.0.100.20 api.default.svc.cluster.local\n");
}

void tst_DnsTools::nslookupFromPod()
{
    QFETCH(QString, pod);
    QFETCH(QString, name);
    QFETCH(QString, expected);
    const QString ns = pod == QLatin1String("db-0") ? QStringLiteral("prod") : QStringLiteral("default");
    const Pod *p = m_store.find<Pod>(ns, pod);
    QVERIFY2(p, qPrintable(pod));
    const ToolOutput out = ordinal::core::nslookup(*m_dns, PodDnsContext::forPod(*p), {name});
    QCOMPARE(out.text, expected);
}

void tst_DnsTools::digShort_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    QTest::newRow("a") << QStringList{QStringLiteral("web-0.nginx.default.svc.cluster.local"),
                                      QStringLiteral("+short")}
                       << QStringLiteral("10.244.1.7\n");
    QTest::newRow("srv") << QStringList{QStringLiteral("+short"), QStringLiteral("SRV"),
                                        QStringLiteral("_web._tcp.nginx.default.svc.cluster.local")}
                         << QStringLiteral("0 50 80 web-0.nginx.default.svc.cluster.local.\n"
                                           "0 50 80 web-1.nginx.default.svc.cluster.local.\n");
    QTest::newRow("reverse") << QStringList{QStringLiteral("-x"), QStringLiteral("10.244.2.8"),
                                            QStringLiteral("+short")}
                             << QStringLiteral("web-1.nginx.default.svc.cluster.local.\n");
    QTest::newRow("nxdomain-prints-nothing")
        << QStringList{QStringLiteral("+short"), QStringLiteral("web-2.nginx.default.svc.cluster.local")}
        << QString();
    QTest::newRow("no-search-by-default") << QStringList{QStringLiteral("+short"), QStringLiteral("web-0.nginx")}
                                          << QString();
    QTest::newRow("search") << QStringList{QStringLiteral("+short"), QStringLiteral("+search"),
                                           QStringLiteral("web-0.nginx")}
                            << QStringLiteral("10.244.1.7\n");
    QTest::newRow("txt") << QStringList{QStringLiteral("+short"), QStringLiteral("TXT"),
                                        QStringLiteral("dns-version.cluster.local")}
                         << QStringLiteral("\"1.1.0\"\n");
    QTest::newRow("cname-chased") << QStringList{QStringLiteral("+short"),
                                                 QStringLiteral("alias.default.svc.cluster.local")}
                                  << QStringLiteral("api.default.svc.cluster.local.\n10.0.100.20\n");
}

void tst_DnsTools::digShort()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    const ToolOutput out =
        ordinal::core::dig(*m_dns, PodDnsContext::forNamespace(QStringLiteral("default")), args, 0);
    QCOMPARE(out.text, expected);
    QCOMPARE(out.exitCode, 0);
}

void tst_DnsTools::digFull()
{
    const ToolOutput out = ordinal::core::dig(*m_dns, PodDnsContext::forNamespace(QStringLiteral("default")),
                                              {QStringLiteral("web-0.nginx.default.svc.cluster.local")},
                                              61 * kSecond);
    const QString expected = QStringLiteral(
        "\n"
        "; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> web-0.nginx.default.svc.cluster.local\n"
        ";; global options: +cmd\n"
        ";; Got answer:\n"
        ";; WARNING: .local is reserved for Multicast DNS\n"
        ";; You are currently testing what happens when an mDNS query is leaked to DNS\n"
        ";; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: @ID@\n"
        ";; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n"
        ";; WARNING: recursion requested but not available\n"
        "\n"
        ";; OPT PSEUDOSECTION:\n"
        "; EDNS: version: 0, flags:; udp: 1232\n"
        "; COOKIE: @COOKIE@ (echoed)\n"
        ";; QUESTION SECTION:\n"
        ";web-0.nginx.default.svc.cluster.local. IN A\n"
        "\n"
        ";; ANSWER SECTION:\n"
        "web-0.nginx.default.svc.cluster.local. 30 IN A\t10.244.1.7\n"
        "\n"
        ";; Query time: 0 msec\n"
        ";; SERVER: 10.0.0.10#53(10.0.0.10) (UDP)\n"
        ";; WHEN: Thu Jan 01 00:01:01 UTC 2026\n"
        ";; MSG SIZE  rcvd: 94\n"
        "\n");
    QString actual = out.text;
    const QRegularExpression id(QStringLiteral("id: (\\d+)\n"));
    const QRegularExpression cookie(QStringLiteral("COOKIE: ([0-9a-f]{16}) "));
    QVERIFY(id.match(actual).hasMatch());
    QVERIFY(cookie.match(actual).hasMatch());
    actual.replace(id.match(actual).captured(1), QStringLiteral("@ID@"));
    actual.replace(cookie.match(actual).captured(1), QStringLiteral("@COOKIE@"));
    if (actual != expected) qWarning().noquote() << actual;
    QCOMPARE(actual, expected);
}

void tst_DnsTools::digNxdomain()
{
    const ToolOutput out = ordinal::core::dig(*m_dns, PodDnsContext::forNamespace(QStringLiteral("default")),
                                              {QStringLiteral("@10.0.0.10"),
                                               QStringLiteral("nosuch.default.svc.cluster.local")},
                                              0);
    QVERIFY(out.text.contains(QStringLiteral("\n; (1 server found)\n")));
    QVERIFY(out.text.contains(QStringLiteral("status: NXDOMAIN")));
    QVERIFY(out.text.contains(QStringLiteral(";; flags: qr aa rd; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1\n")));
    QVERIFY(out.text.contains(QStringLiteral(";nosuch.default.svc.cluster.local. IN\tA\n")));
    QVERIFY(out.text.contains(QStringLiteral(
        ";; AUTHORITY SECTION:\ncluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. "
        "hostmaster.cluster.local. 1767225600 7200 1800 86400 30\n")));
    QVERIFY(out.text.contains(QStringLiteral(";; MSG SIZE  rcvd: 127\n")));
    QCOMPARE(out.exitCode, 0);
}

void tst_DnsTools::digDeterministic()
{
    const PodDnsContext ctx = PodDnsContext::forNamespace(QStringLiteral("default"));
    const QStringList args{QStringLiteral("api.default.svc.cluster.local")};
    QCOMPARE(ordinal::core::dig(*m_dns, ctx, args, 5000).text,
             ordinal::core::dig(*m_dns, ctx, args, 5000).text);
    QVERIFY(ordinal::core::dig(*m_dns, ctx, args, 5000).text
            != ordinal::core::dig(*m_dns, ctx, args, 9000).text);
}

void tst_DnsTools::digErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("firstLine");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("unknown-plus-option") << QStringList{QStringLiteral("+foo"), QStringLiteral("x")}
                                         << "Invalid option: +foo" << 1;
    QTest::newRow("unknown-dash-option") << QStringList{QStringLiteral("-z")}
                                         << "Invalid option: -z" << 1;
}

void tst_DnsTools::digErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, firstLine);
    QFETCH(int, exitCode);
    const ToolOutput out =
        ordinal::core::dig(*m_dns, PodDnsContext::forNamespace(QStringLiteral("default")), args, 0);
    QCOMPARE(out.text.section(QLatin1Char('\n'), 0, 0), firstLine);
    QVERIFY(out.text.contains(QStringLiteral("Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n")));
    QCOMPARE(out.exitCode, exitCode);
}

QTEST_GUILESS_MAIN(tst_DnsTools)
#include "tst_dnstools.moc"
