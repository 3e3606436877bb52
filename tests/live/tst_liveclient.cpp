// The live client against a fixture server that answers as a real cluster does (tests/live/
// fixtures, written from the API reference): list then watch with resume from the last
// resourceVersion (bookmarks included), a dropped watch, 410 Gone mid-watch (relist), a 403 on
// one kind while the others go on, EndpointSlices folded into Endpoints and the fallback to
// Endpoints on a server without them, an exec credential plugin that fails and one whose token
// expires (run again after a 401, cached otherwise), and the read-only guard.

#include "fixtureserver.h"

#include "credentials.h"
#include "liveclient.h"
#include "liverecorder.h"
#include "sim/simulation.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ordinal;

namespace {

QList<QByteArray> fixtureLines(const QString &name)
{
    QList<QByteArray> lines = fixture(name).split('\n');
    lines.removeAll(QByteArray());
    return lines;
}

QByteArray emptyList(const QString &path)
{
    Q_UNUSED(path)
    return R"({"kind":"List","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[]})";
}

// Lists are empty and watches stay open, unless the test answers otherwise.
FixtureResponse quiet(const FixtureRequest &request)
{
    FixtureResponse r;
    if (request.isWatch())
        r.end = FixtureResponse::End::KeepOpen;
    else
        r.body = emptyList(request.path());
    return r;
}

core::ClusterConfig observeOnly()
{
    core::ClusterConfig config = core::ClusterConfig::defaultCluster();
    config.observeOnly = true;
    return config;
}

net::ResolvedContext context(const QString &server)
{
    net::ResolvedContext c;
    c.contextName = QStringLiteral("fixture");
    c.clusterName = QStringLiteral("fixture-cluster");
    c.userName = QStringLiteral("viewer");
    c.server = server;
    c.namespaceName = QStringLiteral("default");
    c.token = QStringLiteral("fixture-token");
    return c;
}

bool hasDecision(const core::Simulation &sim, const QString &part)
{
    for (const core::Decision &d : sim.decisions()) {
        if (d.message.contains(part))
            return true;
    }
    return false;
}

} // namespace

class TestLiveClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listWatchAndResume();
    void relistOnGone();
    void forbiddenOnOneKind();
    void endpointsWithoutSlices();
    void execPluginFails();
    void expiredTokenRunsPluginAgain();
    void unreachable();
    void readOnlyUntilAllowed();
};

void TestLiveClient::listWatchAndResume()
{
    int podWatches = 0;
    FixtureServer server([&](const FixtureRequest &request) {
        if (request.path() == QLatin1String("/api/v1/pods")) {
            if (!request.isWatch())
                return FixtureResponse { 200, fixture(QStringLiteral("pods-list.json")), {}, {} };
            if (++podWatches == 1)
                return FixtureResponse { 200,
                                         {},
                                         fixtureLines(QStringLiteral("pods-watch-1.jsonl")),
                                         FixtureResponse::End::Drop };
        }
        if (request.path() == QLatin1String("/apis/discovery.k8s.io/v1/endpointslices")
            && !request.isWatch())
            return FixtureResponse {
                200,
                R"({"kind":"EndpointSliceList","apiVersion":"discovery.k8s.io/v1","metadata":{"resourceVersion":"7"},"items":[
{"metadata":{"name":"nginx-abcde","namespace":"default","labels":{"kubernetes.io/service-name":"nginx","endpointslice.kubernetes.io/managed-by":"endpointslice-controller.k8s.io"},"creationTimestamp":"2026-12-03T10:00:00Z"},
 "addressType":"IPv4","endpoints":[{"addresses":["10.244.1.7"],"conditions":{"ready":true,"serving":true,"terminating":false},"hostname":"web-0","targetRef":{"kind":"Pod","namespace":"default","name":"web-0","uid":"4d7e"},"nodeName":"kind-worker"},
 {"addresses":["10.244.2.9"],"conditions":{"ready":false,"serving":false,"terminating":false},"hostname":"web-1","targetRef":{"kind":"Pod","namespace":"default","name":"web-1"},"nodeName":"kind-worker2"}],
 "ports":[{"name":"web","port":80,"protocol":"TCP"}]}]})",
                {},
                {}
            };
        return quiet(request);
    });
    core::Simulation sim(observeOnly());
    net::LiveClient client(context(server.url()));
    client.setBackoff(10, 50);
    net::LiveRecorder recorder(sim, client);
    QSignalSpy synced(&client, &net::LiveClient::synced);
    client.start();
    QTRY_COMPARE(synced.count(), 1);
    QTRY_VERIFY2(sim.store().find<core::Pod>(QStringLiteral("default/web-1")),
                 "web-1, added by the watch, is not in the live store");
    const core::Pod *web0 = sim.store().find<core::Pod>(QStringLiteral("default/web-0"));
    QVERIFY2(web0, "web-0 from the list is missing");
    QCOMPARE(web0->status.podIP, QStringLiteral("10.244.1.7"));
    QVERIFY(web0->isReady());
    QCOMPARE(web0->spec.nodeName, QStringLiteral("kind-worker"));
    QCOMPARE(web0->metadata.controllerRef()->name, QStringLiteral("web"));
    // The dropped watch resumes from the bookmark's resourceVersion, without a new list.
    QTRY_COMPARE(podWatches, 2);
    const QList<FixtureRequest> pods = server.matching(QStringLiteral("/api/v1/pods?"));
    QCOMPARE(pods.size(), 3);
    QCOMPARE(pods[1].query(QStringLiteral("resourceVersion")), QStringLiteral("1200"));
    QCOMPARE(pods[1].query(QStringLiteral("allowWatchBookmarks")), QStringLiteral("true"));
    QCOMPARE(pods[2].query(QStringLiteral("resourceVersion")), QStringLiteral("1215"));
    QCOMPARE(pods[0].authorization, QByteArray("Bearer fixture-token"));
    // The slice became the Service's Endpoints: web-0 ready, web-1 not.
    const core::Endpoints *ep = sim.store().find<core::Endpoints>(QStringLiteral("default/nginx"));
    QVERIFY2(ep, "no Endpoints made from the EndpointSlice of nginx");
    QCOMPARE(ep->addresses.size(), 1);
    QCOMPARE(ep->addresses[0].hostname, QStringLiteral("web-0"));
    QCOMPARE(ep->notReadyAddresses.value(0).ip, QStringLiteral("10.244.2.9"));
    // The drop was told, and cleared once the watch was back.
    QTRY_VERIFY2(client.problems().isEmpty(),
                 qPrintable(client.problems().join(QLatin1Char('\n'))));
}

void TestLiveClient::relistOnGone()
{
    int podLists = 0;
    FixtureServer server([&](const FixtureRequest &request) {
        if (request.path() == QLatin1String("/api/v1/pods")) {
            if (!request.isWatch())
                return FixtureResponse { 200,
                                         fixture(++podLists == 1
                                                     ? QStringLiteral("pods-list.json")
                                                     : QStringLiteral("pods-relist.json")),
                                         {},
                                         {} };
            if (request.query(QStringLiteral("resourceVersion")) == QLatin1String("1200"))
                return FixtureResponse { 200,
                                         {},
                                         fixtureLines(QStringLiteral("watch-410.jsonl")),
                                         FixtureResponse::End::KeepOpen };
        }
        return quiet(request);
    });
    core::Simulation sim(observeOnly());
    net::LiveClient client(context(server.url()));
    net::LiveRecorder recorder(sim, client);
    client.start();
    QTRY_COMPARE(podLists, 2);
    QTRY_VERIFY2(!sim.store().find<core::Pod>(QStringLiteral("default/web-0")),
                 "web-0, gone from the relist, is still shown");
    const core::Pod *web1 = sim.store().find<core::Pod>(QStringLiteral("default/web-1"));
    QVERIFY(web1);
    QCOMPARE(web1->status.podIP, QStringLiteral("10.244.2.9"));
    QVERIFY2(hasDecision(sim, QStringLiteral("web-0 is gone")), "no decision about web-0 leaving");
    // The watch after the relist starts from the relist's resourceVersion.
    QTRY_VERIFY(server.matching(QStringLiteral("resourceVersion=1300")).size() == 1);
    // Scrubbing back shows web-0 as it was seen first.
    const core::Store before = sim.storeAt(sim.actionTime(0));
    QVERIFY2(before.find<core::Pod>(QStringLiteral("default/web-0")),
             "the recording lost web-0 at the time it was seen");
}

void TestLiveClient::forbiddenOnOneKind()
{
    FixtureServer server([&](const FixtureRequest &request) {
        if (request.path() == QLatin1String("/api/v1/namespaces/default/events"))
            return FixtureResponse { 403, fixture(QStringLiteral("status-403.json")), {}, {} };
        if (request.path() == QLatin1String("/api/v1/namespaces/default/pods")
            && !request.isWatch())
            return FixtureResponse { 200, fixture(QStringLiteral("pods-list.json")), {}, {} };
        return quiet(request);
    });
    core::Simulation sim(observeOnly());
    net::LiveClient client(context(server.url()));
    client.setNamespaceFilter(QStringLiteral("default"));
    net::LiveRecorder recorder(sim, client);
    QSignalSpy problems(&client, &net::LiveClient::problem);
    QSignalSpy synced(&client, &net::LiveClient::synced);
    client.start();
    QTRY_COMPARE(synced.count(), 1);
    QCOMPARE(client.listedKinds(), 8);
    QCOMPARE(problems.count(), 1);
    const QString message = problems.at(0).at(0).toString();
    QVERIFY2(message.contains(QLatin1String("403")) && message.contains(QLatin1String("events"))
                 && message.contains(QLatin1String("namespace default"))
                 && message.contains(QLatin1String("cannot list resource")),
             qPrintable(message));
    QVERIFY2(sim.store().find<core::Pod>(QStringLiteral("default/web-0")),
             "pods were not shown because events were forbidden");
}

void TestLiveClient::endpointsWithoutSlices()
{
    FixtureServer server([&](const FixtureRequest &request) {
        if (request.path().contains(QLatin1String("endpointslices")))
            return FixtureResponse {
                404,
                R"({"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404})",
                {},
                {}
            };
        if (request.path() == QLatin1String("/api/v1/endpoints") && !request.isWatch())
            return FixtureResponse {
                200,
                R"({"kind":"EndpointsList","apiVersion":"v1","metadata":{"resourceVersion":"5"},"items":[
{"metadata":{"name":"nginx","namespace":"default","creationTimestamp":"2026-12-03T10:00:00Z"},
 "subsets":[{"addresses":[{"ip":"10.244.1.7","hostname":"web-0","nodeName":"kind-worker","targetRef":{"kind":"Pod","namespace":"default","name":"web-0"}}],"ports":[{"name":"web","port":80,"protocol":"TCP"}]}]}]})",
                {},
                {}
            };
        return quiet(request);
    });
    core::Simulation sim(observeOnly());
    net::LiveClient client(context(server.url()));
    net::LiveRecorder recorder(sim, client);
    client.start();
    QTRY_VERIFY2(sim.store().find<core::Endpoints>(QStringLiteral("default/nginx")),
                 "no fallback to core/v1 Endpoints");
    QCOMPARE(sim.store().find<core::Endpoints>(QStringLiteral("default/nginx"))->addresses[0].ip,
             QStringLiteral("10.244.1.7"));
    QVERIFY(client.problems().isEmpty());
}

void TestLiveClient::execPluginFails()
{
    QTemporaryDir dir;
    const QString plugin = dir.filePath(QStringLiteral("failing-plugin"));
    QFile file(plugin);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        "#!/bin/sh\necho 'error: the SSO session has expired; run aws sso login' >&2\nexit 3\n");
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    FixtureServer server(quiet);
    net::ResolvedContext c = context(server.url());
    c.token.clear();
    c.exec = net::ExecConfig { QStringLiteral("client.authentication.k8s.io/v1"),
                               plugin,
                               {},
                               {},
                               {},
                               false,
                               QStringLiteral("Never"),
                               {} };
    core::Simulation sim(observeOnly());
    net::LiveClient client(c);
    client.setBackoff(5000, 5000);
    QSignalSpy problems(&client, &net::LiveClient::problem);
    QSignalSpy synced(&client, &net::LiveClient::synced);
    client.start();
    QTRY_COMPARE(synced.count(), 1);
    QCOMPARE(client.listedKinds(), 0);
    QVERIFY(!problems.isEmpty());
    const QString message = problems.at(0).at(0).toString();
    QVERIFY2(message.contains(QLatin1String("failed (exit status 3)"))
                 && message.contains(QLatin1String("aws sso login")),
             qPrintable(message));
    QVERIFY2(server.requests().isEmpty(), "a request went out without credentials");
    QCOMPARE(client.credentials()->execRuns(), 1);
}

void TestLiveClient::expiredTokenRunsPluginAgain()
{
    // The plugin hands out token-1, then token-2 (a counter in a file); the server has already
    // expired token-1. Its answers are cached until expirationTimestamp (an hour on).
    QTemporaryDir dir;
    const QString plugin = dir.filePath(QStringLiteral("token-plugin"));
    QFile file(plugin);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        "#!/bin/sh\n"
        "test \"$(echo \"$KUBERNETES_EXEC_INFO\" | grep -c '\"interactive\":false')\" = 1 || exit "
        "9\n"
        "n=$(cat \"$0.count\" 2>/dev/null || echo 0); n=$((n+1)); echo $n > \"$0.count\"\n"
        "exp=$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ)\n"
        "printf '{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\","
        "\"spec\":{\"interactive\":false},\"status\":{\"token\":\"token-%s-%s\","
        "\"expirationTimestamp\":\"%s\"}}' "
        "$n \"$FIXTURE_SUFFIX\" $exp\n");
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    FixtureServer server([&](const FixtureRequest &request) {
        if (request.authorization != "Bearer token-2-ok")
            return FixtureResponse { 401, fixture(QStringLiteral("status-401.json")), {}, {} };
        if (request.path() == QLatin1String("/api/v1/pods") && !request.isWatch())
            return FixtureResponse { 200, fixture(QStringLiteral("pods-list.json")), {}, {} };
        return quiet(request);
    });
    net::ResolvedContext c = context(server.url());
    c.token.clear();
    c.exec = net::ExecConfig { QStringLiteral("client.authentication.k8s.io/v1"),
                               plugin,
                               {},
                               { { QStringLiteral("FIXTURE_SUFFIX"), QStringLiteral("ok") } },
                               {},
                               false,
                               QStringLiteral("Never"),
                               {} };
    core::Simulation sim(observeOnly());
    net::LiveClient client(c);
    net::LiveRecorder recorder(sim, client);
    QSignalSpy synced(&client, &net::LiveClient::synced);
    client.start();
    QTRY_COMPARE(synced.count(), 1);
    QCOMPARE(client.listedKinds(), 9);
    QVERIFY2(sim.store().find<core::Pod>(QStringLiteral("default/web-0")),
             "pods were not listed with the refreshed token");
    // Once after the 401 — not once per kind — and cached for the watches that followed.
    QTRY_COMPARE(server.count("GET", QStringLiteral("watch=1")), 9);
    QCOMPARE(client.credentials()->execRuns(), 2);
}

void TestLiveClient::unreachable()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens there now
    net::LiveClient client(context(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    client.setBackoff(10000, 10000);
    QSignalSpy problems(&client, &net::LiveClient::problem);
    QSignalSpy synced(&client, &net::LiveClient::synced);
    client.start();
    QTRY_COMPARE(synced.count(), 1);
    QCOMPARE(client.listedKinds(), 0);
    QCOMPARE(problems.count(), 1); // told once, not once per kind
    QVERIFY2(problems.at(0).at(0).toString().contains(QLatin1String("refused")),
             qPrintable(problems.at(0).at(0).toString()));
}

void TestLiveClient::readOnlyUntilAllowed()
{
    FixtureServer server([](const FixtureRequest &request) {
        FixtureResponse r = quiet(request);
        if (request.method != "GET")
            r.body = R"({"kind":"Pod","apiVersion":"v1","metadata":{"name":"web-0"}})";
        return r;
    });
    net::LiveClient client(context(server.url()));
    QString error;
    QVERIFY(!client.deletePod(QStringLiteral("default"), QStringLiteral("web-0"),
                              [&](int, const QByteArray &, const QString &e) { error = e; }));
    QVERIFY(!client.scaleStatefulSet(QStringLiteral("default"), QStringLiteral("web"), 1,
                                     [](int, const QByteArray &, const QString &) {}));
    QVERIFY(!client.cordonNode(QStringLiteral("node-1"), true,
                               [](int, const QByteArray &, const QString &) {}));
    QVERIFY2(error.contains(QLatin1String("not allowed")), qPrintable(error));
    QTest::qWait(0);
    QVERIFY2(server.requests().isEmpty(), "a change was sent while changes were not allowed");
    client.setAllowChanges(true);
    int status = 0;
    QVERIFY(client.deletePod(QStringLiteral("default"), QStringLiteral("web-0"),
                             [&](int s, const QByteArray &, const QString &) { status = s; }));
    QTRY_COMPARE(status, 200);
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests()[0].method, QByteArray("DELETE"));
    QCOMPARE(server.requests()[0].target, QStringLiteral("/api/v1/namespaces/default/pods/web-0"));
}

QTEST_GUILESS_MAIN(TestLiveClient)
#include "tst_liveclient.moc"
