// The live view against Ordinal's own API server in a second process (`ordinal --headless
// --serve-api`), once over plain HTTP with the bearer token and once over TLS with the run's CA
// and a client certificate: it follows the seed lesson as it runs there (the Service and the
// StatefulSet applied at start, virtual time at 10× the wall clock; then web-0 deleted through
// the live client, with changes allowed) and must show what the simulation shows for the same
// lesson: the same pods on the same nodes with the same IPs, web-1 only after web-0 was Ready,
// the same nslookup answers, and web-0 back under its name with a new IP.

#include "kubeconfig.h"
#include "liveclient.h"
#include "liverecorder.h"

#include "console/console.h"
#include "sim/simulation.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ordinal;

namespace {

const QString kLesson = QStringLiteral(ORDINAL_SOURCE_DIR "/resources/lessons/topology/");

const core::Pod *pod(const core::Simulation &sim, const QString &name)
{
    return sim.store().find<core::Pod>(QStringLiteral("default/") + name);
}

bool ready(const core::Simulation &sim, const QString &name, const QString &ip = {})
{
    const core::Pod *p = pod(sim, name);
    return p && p->isReady() && !p->metadata.isTerminating()
        && (ip.isEmpty() || p->status.podIP == ip);
}

// The first time the live recording saw the pod (Added) and saw it Ready.
std::pair<core::Millis, core::Millis> seen(const core::Simulation &sim, const QString &name)
{
    core::Millis added = -1;
    core::Millis readyAt = -1;
    for (const core::WatchEvent &e : sim.watchEvents()) {
        if (e.kind != core::ObjectKind::Pod || e.key != QStringLiteral("default/") + name)
            continue;
        if (added < 0)
            added = e.time;
        const core::Pod *p = e.as<core::Pod>();
        if (readyAt < 0 && p && p->isReady())
            readyAt = e.time;
    }
    return { added, readyAt };
}

} // namespace

class TestLiveIntegration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheLesson_data();
    void followsTheLesson();
};

void TestLiveIntegration::followsTheLesson_data()
{
    QTest::addColumn<QString>("transport");
    QTest::newRow("http-token") << QStringLiteral("--api-http");
    QTest::newRow("tls-client-certificate") << QStringLiteral("--api-client-certificate");
}

void TestLiveIntegration::followsTheLesson()
{
    QFETCH(QString, transport);
    // The reference: the same lesson in the simulation.
    core::Simulation reference;
    core::Console referenceConsole(reference);
    QVERIFY(referenceConsole
                .execute(QStringLiteral("kubectl apply -f ") + kLesson
                         + QStringLiteral("seed-svc.yaml"))
                .ok());
    QVERIFY(referenceConsole
                .execute(QStringLiteral("kubectl apply -f ") + kLesson
                         + QStringLiteral("seed-statefulset.yaml"))
                .ok());
    reference.advanceUntilSettled(10 * core::kMinute);

    QTemporaryDir dir;
    const QString kubeconfig = dir.filePath(QStringLiteral("kubeconfig"));
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedOutputChannel);
    server.start(QStringLiteral(ORDINAL_BINARY),
                 { QStringLiteral("--headless"), QStringLiteral("--serve-api"), QStringLiteral("0"),
                   transport, QStringLiteral("--speed"), QStringLiteral("10"),
                   QStringLiteral("--write-kubeconfig"), kubeconfig,
                   kLesson + QStringLiteral("seed-svc.yaml"),
                   kLesson + QStringLiteral("seed-statefulset.yaml") });
    QVERIFY(server.waitForStarted());
    const auto stop = qScopeGuard([&server]() {
        server.terminate();
        server.waitForFinished(5000);
    });
    QTRY_VERIFY_WITH_TIMEOUT(QFile(kubeconfig).size() > 0, 20000);

    QString error;
    const std::optional<net::Kubeconfig> config = net::Kubeconfig::load({ kubeconfig }, &error);
    QVERIFY2(config, qPrintable(error));
    const std::optional<net::ResolvedContext> context = config->resolve({}, &error);
    QVERIFY2(context, qPrintable(error));
    if (transport == QLatin1String("--api-http")) {
        QVERIFY(context->server.startsWith(QLatin1String("http://")));
        QVERIFY(!context->token.isEmpty());
    } else {
        QVERIFY(context->server.startsWith(QLatin1String("https://")));
        QVERIFY(context->token.isEmpty());
        QVERIFY(!context->clientCertificatePem.isEmpty() && !context->caPem.isEmpty());
    }

    core::ClusterConfig observe = core::ClusterConfig::defaultCluster();
    observe.observeOnly = true;
    core::Simulation live(observe);
    core::Console liveConsole(live);
    net::LiveClient client(*context);
    client.setBackoff(100, 1000);
    net::LiveRecorder recorder(live, client);
    QSignalSpy problems(&client, &net::LiveClient::problem);
    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(
        ready(live, QStringLiteral("web-0")) && ready(live, QStringLiteral("web-1")), 60000);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).value(0).toString()));

    // Same pods, nodes and IPs as the simulated lesson.
    for (const QString &name : { QStringLiteral("web-0"), QStringLiteral("web-1") }) {
        QVERIFY2(pod(reference, name), qPrintable(name));
        QCOMPARE(pod(live, name)->status.podIP, pod(reference, name)->status.podIP);
        QCOMPARE(pod(live, name)->spec.nodeName, pod(reference, name)->spec.nodeName);
    }
    QCOMPARE(live.store().all<core::Pod>().size(), reference.store().all<core::Pod>().size());
    // Ordered creation, as seen live: web-1 appears only after web-0 was seen Ready.
    const auto [web0Added, web0Ready] = seen(live, QStringLiteral("web-0"));
    const auto [web1Added, web1Ready] = seen(live, QStringLiteral("web-1"));
    Q_UNUSED(web1Ready)
    if (web0Added > 0) { // the list may already have found both (a slow start)
        QVERIFY2(web0Ready >= 0 && web1Added >= web0Ready,
                 qPrintable(QStringLiteral("web-0 added %1 ready %2, web-1 added %3")
                                .arg(web0Added)
                                .arg(web0Ready)
                                .arg(web1Added)));
    }
    // The same DNS answers, from the live Endpoints through the same zone logic.
    for (const QString &query :
         { QStringLiteral("nslookup web-0.nginx"), QStringLiteral("nslookup web-1.nginx"),
           QStringLiteral("nslookup nginx") }) {
        QCOMPARE(liveConsole.execute(query).text, referenceConsole.execute(query).text);
    }

    // web-0 deleted through the live client: back under its name with the next IP.
    QVERIFY(!client.deletePod(QStringLiteral("default"), QStringLiteral("web-0"),
                              [](int, const QByteArray &, const QString &) {}));
    client.setAllowChanges(true);
    int status = 0;
    QVERIFY(client.deletePod(QStringLiteral("default"), QStringLiteral("web-0"),
                             [&](int s, const QByteArray &, const QString &) { status = s; }));
    QTRY_COMPARE_WITH_TIMEOUT(status, 200, 10000);
    QVERIFY(referenceConsole.execute(QStringLiteral("kubectl delete pod web-0")).ok());
    reference.advanceUntilSettled(reference.now() + 10 * core::kMinute);
    const QString newIP = pod(reference, QStringLiteral("web-0"))->status.podIP;
    QTRY_VERIFY_WITH_TIMEOUT(ready(live, QStringLiteral("web-0"), newIP), 60000);
    QCOMPARE(liveConsole.execute(QStringLiteral("nslookup web-0.nginx")).text,
             referenceConsole.execute(QStringLiteral("nslookup web-0.nginx")).text);
    bool told = false;
    for (const core::Decision &d : live.decisions())
        told = told || (d.subject == QLatin1String("web-0") && d.message.contains(newIP));
    QVERIFY2(told, "no decision says web-0 came back with a new IP");
}

QTEST_GUILESS_MAIN(TestLiveIntegration)
#include "tst_liveintegration.moc"
