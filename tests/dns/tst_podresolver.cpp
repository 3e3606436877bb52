// The resolver inside a pod (dns.md §2): kubelet's files and the search-list walks.

#include "dns/podresolver.h"
#include "dnsfixture.h"

#include <QTest>

using namespace ordinal::core;

class tst_PodResolver : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void resolvConf();
    void hostsFile_data();
    void hostsFile();
    void candidates_data();
    void candidates();
    void lookup_data();
    void lookup();

private:
    std::shared_ptr<const ClusterDns> m_dns;
    Store m_store;
};

void tst_PodResolver::initTestCase()
{
    m_store = ordinal::test::dnsFixtureStore();
    m_dns = ClusterDns::build(m_store, ordinal::test::dnsFixtureConfig(), 0);
}

void tst_PodResolver::resolvConf()
{
    QCOMPARE(PodResolver::resolvConf(PodDnsContext::forNamespace(QStringLiteral("prod")), *m_dns),
             QStringLiteral("search prod.svc.cluster.local svc.cluster.local cluster.local\n"
                            "nameserver 10.0.0.10\n"
                            "options ndots:5\n"));
}

void tst_PodResolver::hostsFile_data()
{
    QTest::addColumn<QString>("pod");
    QTest::addColumn<QString>("lastLine");
    QTest::newRow("statefulset-pod-hostname-subdomain")
        << "web-0" << "10.244.1.7\tweb-0.nginx.default.svc.cluster.local\tweb-0";
    QTest::newRow("plain-pod") << "solo" << "10.244.2.60\tsolo";
}

void tst_PodResolver::hostsFile()
{
    QFETCH(QString, pod);
    QFETCH(QString, lastLine);
    const Pod *p = m_store.find<Pod>(QStringLiteral("default"), pod);
    QVERIFY2(p, qPrintable(pod));
    const QString hosts = PodResolver::hostsFile(PodDnsContext::forPod(*p), m_dns->zone());
    QCOMPARE(hosts,
             QStringLiteral("# Kubernetes-managed hosts file.\n"
                            "127.0.0.1\tlocalhost\n"
                            "::1\tlocalhost ip6-localhost ip6-loopback\n"
                            "fe00::0\tip6-localnet\n"
                            "fe00::0\tip6-mcastprefix\n"
                            "fe00::1\tip6-allnodes\n"
                            "fe00::2\tip6-allrouters\n")
                 + lastLine + QLatin1Char('\n'));
}

void tst_PodResolver::candidates_data()
{
    const auto n = [](const char *text) { return QString::fromLatin1(text); };
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("library");
    QTest::addColumn<QStringList>("expected");
    const QString z = QStringLiteral(".default.svc.cluster.local.");
    const QString s = QStringLiteral(".svc.cluster.local.");
    const QString c = QStringLiteral(".cluster.local.");
    const int glibc = int(PodResolver::Library::Glibc);
    const int musl = int(PodResolver::Library::Musl);
    const int uclibc = int(PodResolver::Library::UClibc);
    const int bind = int(PodResolver::Library::Bind);
    QTest::newRow("glibc-one-dot-search-first")
        << "web-0.nginx" << glibc
        << QStringList{n("web-0.nginx") + z, n("web-0.nginx") + s, n("web-0.nginx") + c, n("web-0.nginx.")};
    QTest::newRow("glibc-four-dots-still-below-ndots")
        << "nginx.default.svc.cluster.local" << glibc
        << QStringList{n("nginx.default.svc.cluster.local") + z,
                       n("nginx.default.svc.cluster.local") + s,
                       n("nginx.default.svc.cluster.local") + c,
                       n("nginx.default.svc.cluster.local.")};
    QTest::newRow("glibc-five-dots-as-is-first")
        << "a.b.c.d.e.f" << glibc
        << QStringList{n("a.b.c.d.e.f."), n("a.b.c.d.e.f") + z, n("a.b.c.d.e.f") + s, n("a.b.c.d.e.f") + c};
    QTest::newRow("absolute-as-is-only") << "web-0.nginx.default.svc.cluster.local." << glibc
                                         << QStringList{n("web-0.nginx.default.svc.cluster.local.")};
    QTest::newRow("musl-five-dots-as-is-only") << "a.b.c.d.e.f" << musl
                                               << QStringList{n("a.b.c.d.e.f.")};
    QTest::newRow("uclibc-as-is-first") << "nginx" << uclibc
                                        << QStringList{n("nginx."), n("nginx") + z, n("nginx") + s, n("nginx") + c};
    QTest::newRow("bind-search-then-as-is") << "nosuch" << bind
                                            << QStringList{n("nosuch") + z, n("nosuch") + s, n("nosuch") + c, n("nosuch.")};
}

void tst_PodResolver::candidates()
{
    QFETCH(QString, name);
    QFETCH(int, library);
    QFETCH(QStringList, expected);
    QCOMPARE(PodResolver::candidates(name, PodResolver::searchDomains(QStringLiteral("default"),
                                                                      QStringLiteral("cluster.local")),
                                     PodResolver::Library(library)),
             expected);
}

void tst_PodResolver::lookup_data()
{
    // dns.md §2.3, worked expansions (glibc), pod in `default` unless stated.
    QTest::addColumn<QString>("ns");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("library");
    QTest::addColumn<QString>("answeredBy");
    QTest::addColumn<int>("queries");
    const int glibc = int(PodResolver::Library::Glibc);
    const int musl = int(PodResolver::Library::Musl);
    QTest::newRow("one-dot-first-try") << "default" << "web-0.nginx" << glibc
                                       << "web-0.nginx.default.svc.cluster.local." << 1;
    QTest::newRow("other-namespace-second-try") << "prod" << "api.default" << glibc
                                                << "api.default.svc.cluster.local." << 2;
    QTest::newRow("kubernetes-default") << "default" << "kubernetes.default" << glibc
                                        << "kubernetes.default.svc.cluster.local." << 2;
    // Four dots (< ndots 5): the three search expansions fail first — the ndots:5 tax.
    QTest::newRow("service-fqdn-without-dot-ndots-tax")
        << "default" << "nginx.default.svc.cluster.local" << glibc
        << "nginx.default.svc.cluster.local." << 4;
    // A pod FQDN has five dots: as-is first (dns.md §2.3 counts four; glibc counts five).
    QTest::newRow("pod-fqdn-five-dots-as-is-first")
        << "default" << "web-0.nginx.default.svc.cluster.local" << glibc
        << "web-0.nginx.default.svc.cluster.local." << 1;
    QTest::newRow("fqdn-with-dot") << "default" << "web-0.nginx.default.svc.cluster.local." << glibc
                                   << "web-0.nginx.default.svc.cluster.local." << 1;
    QTest::newRow("nosuch-all-four-fail") << "default" << "nosuch" << glibc << "" << 4;
    QTest::newRow("not-ready-pod-fails") << "default" << "web-2.nginx" << glibc << "" << 4;
    // musl stops at NODATA: "default.svc" expands to default.svc.default.svc.cluster.local (NX),
    // then default.svc.svc.cluster.local (NX), then default.svc.cluster.local — NODATA ends it.
    QTest::newRow("musl-stops-at-nodata") << "default" << "default.svc" << musl << "" << 3;
    QTest::newRow("glibc-continues-after-nodata") << "default" << "default.svc" << glibc << "" << 4;
}

void tst_PodResolver::lookup()
{
    QFETCH(QString, ns);
    QFETCH(QString, name);
    QFETCH(int, library);
    QFETCH(QString, answeredBy);
    QFETCH(int, queries);
    const PodResolver::Result r = PodResolver::lookup(*m_dns, PodDnsContext::forNamespace(ns), name,
                                                      DnsType::A, PodResolver::Library(library));
    QCOMPARE(r.found, !answeredBy.isEmpty());
    QCOMPARE(r.answeredName, answeredBy);
    QCOMPARE(r.attempts.size(), queries);
    if (!r.found)
        QVERIFY2(!r.why.isEmpty(), qPrintable(name));
}

QTEST_GUILESS_MAIN(tst_PodResolver)
#include "tst_podresolver.moc"
