// The window's live view: the Connect to Cluster dialog (contexts from merged kubeconfig files,
// errors in words, Allow changes off by default) and the read-only guard, against a fixture
// server that records every request: no request but GET is ever sent while changes are not
// allowed — not from the canvas's delete, the console, nor a manifest applied — and with Allow
// changes each change asks first, naming the cluster and context, and is sent only on yes.
// Going back to the simulation keeps the live recording.

#include "../gui/guitestutil.h"
#include "fixtureserver.h"

#include "live/connectdialog.h"
#include "live/liveconnection.h"
#include "liveclient.h"
#include "mainwindow.h"
#include "session.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace ordinal;
using namespace ordinal::gui;

namespace {

QString writeKubeconfig(const QTemporaryDir &dir, const QString &name, const QString &server,
                        const QString &context)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(
        QStringLiteral(
            "apiVersion: v1\nkind: Config\ncurrent-context: %2\n"
            "clusters:\n- name: %2-cluster\n  cluster: {server: \"%1\"}\n"
            "contexts:\n- name: %2\n  context: {cluster: %2-cluster, user: u, namespace: default}\n"
            "users:\n- name: u\n  user: {token: secret}\n")
            .arg(server, context)
            .toUtf8());
    return path;
}

int writes(const FixtureServer &server)
{
    int n = 0;
    for (const FixtureRequest &r : server.requests())
        n += r.method != "GET" ? 1 : 0;
    return n;
}

FixtureResponse answer(const FixtureRequest &request)
{
    FixtureResponse r;
    if (request.method != "GET") {
        r.body = R"({"kind":"Pod","apiVersion":"v1","metadata":{"name":"web-0"}})";
    } else if (request.isWatch()) {
        r.end = FixtureResponse::End::KeepOpen;
    } else if (request.path().endsWith(QLatin1String("/pods"))) {
        r.body = fixture(QStringLiteral("pods-list.json"));
    } else {
        r.body
            = R"({"kind":"List","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[]})";
    }
    return r;
}

} // namespace

class TestLiveConnect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::isolateSettings(); }
    void dialog();
    void readOnlyGuard();
    void allowChangesAsksFirst();
    void importIntoSimulation();
};

void TestLiveConnect::dialog()
{
    QTemporaryDir dir;
    const QString a = writeKubeconfig(
        dir, QStringLiteral("a"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("kind-dev"));
    const QString b = writeKubeconfig(dir, QStringLiteral("b"),
                                      QStringLiteral("http://127.0.0.1:2"), QStringLiteral("prod"));
    ConnectDialog dialog;
    dialog.setFiles(a + QLatin1Char(':') + b);
    QCOMPARE(dialog.contexts(),
             (QStringList { QStringLiteral("kind-dev"), QStringLiteral("prod") }));
    QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("contexts"))->currentText(),
             QStringLiteral("kind-dev")); // the first file's current-context
    QVERIFY2(!dialog.allowChanges(), "Allow changes must be off by default");
    QCOMPARE(dialog.namespaceFilter(), QStringLiteral("default"));
    dialog.setContext(QStringLiteral("prod"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.resolved()->server, QStringLiteral("http://127.0.0.1:2"));
    // A file that does not exist: said in words, nothing to choose.
    ConnectDialog missing;
    missing.setFiles(dir.filePath(QStringLiteral("nope")));
    QVERIFY(missing.contexts().isEmpty());
    QVERIFY2(missing.errorText().contains(QLatin1String("no kubeconfig")),
             qPrintable(missing.errorText()));
    missing.accept();
    QVERIFY(missing.result() != int(QDialog::Accepted));
}

void TestLiveConnect::readOnlyGuard()
{
    FixtureServer server(answer);
    QTemporaryDir dir;
    const QString kubeconfig
        = writeKubeconfig(dir, QStringLiteral("config"), server.url(), QStringLiteral("kind-dev"));
    ConnectDialog dialog;
    dialog.setFiles(kubeconfig);
    dialog.accept();
    QVERIFY(dialog.resolved());
    Session session;
    MainWindow window(&session);
    LiveConnection *live = window.liveConnection();
    bool asked = false;
    live->setConfirm([&](const QString &) { return asked = true; });
    live->connectTo(*dialog.resolved(), dialog.namespaceFilter(), dialog.allowChanges());
    QTRY_VERIFY2(session.simulation().store().find<core::Pod>(QStringLiteral("default/web-0")),
                 "the live pods are not shown");
    QVERIFY(session.simulation().config().observeOnly);
    QVERIFY2(window.windowTitle().contains(QLatin1String("kind-dev-cluster"))
                 && window.windowTitle().contains(QLatin1String("Live")),
             qPrintable(window.windowTitle()));
    auto *badge = window.findChild<QLabel *>(QStringLiteral("liveBadge"));
    QVERIFY(badge && badge->isVisibleTo(&window));
    QVERIFY2(badge->text().contains(QLatin1String("read-only")), qPrintable(badge->text()));

    // Everything the window can do that would change the cluster.
    const QStringList changes
        = { QStringLiteral("kubectl delete pod web-0 -n default --wait=false"),
            QStringLiteral("kubectl scale statefulset web --replicas=5"),
            QStringLiteral("kubectl cordon kind-worker"),
            QStringLiteral("kubectl patch statefulset web -p {\"spec\":{}}"),
            QStringLiteral("sim crash web-0") };
    for (const QString &line : changes) {
        const core::ConsoleOutput out = session.runCommand(line);
        QVERIFY2(!out.ok(), qPrintable(line));
    }
    QVERIFY(!session
                 .applyManifests({ { QStringLiteral("web.yaml"),
                                     "apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n" } })
                 .ok);
    // Reading works.
    QVERIFY(session.runCommand(QStringLiteral("kubectl get pods"))
                .text.contains(QLatin1String("web-0")));
    QTest::qWait(200); // give a stray request the chance to arrive
    QCOMPARE(writes(server), 0);
    QVERIFY2(!asked, "a read-only view asked to confirm a change");
    QVERIFY2(session.simulation().store().find<core::Pod>(QStringLiteral("default/web-0")),
             "a refused delete changed the live view");

    // Back to the simulation: the recording is kept, the window is the simulation's again.
    live->backToSimulation();
    QVERIFY(!session.simulation().config().observeOnly);
    QVERIFY(live->keptRecording());
    QVERIFY(live->keptRecording()->store().find<core::Pod>(QStringLiteral("default/web-0")));
    QVERIFY(!badge->isVisibleTo(&window));
}

void TestLiveConnect::allowChangesAsksFirst()
{
    FixtureServer server(answer);
    QTemporaryDir dir;
    ConnectDialog dialog;
    dialog.setFiles(
        writeKubeconfig(dir, QStringLiteral("config"), server.url(), QStringLiteral("kind-dev")));
    dialog.setAllowChanges(true);
    dialog.accept();
    Session session;
    MainWindow window(&session);
    LiveConnection *live = window.liveConnection();
    QStringList questions;
    bool yes = false;
    live->setConfirm([&](const QString &q) {
        questions << q;
        return yes;
    });
    live->connectTo(*dialog.resolved(), dialog.namespaceFilter(), dialog.allowChanges());
    QTRY_VERIFY(session.simulation().store().find<core::Pod>(QStringLiteral("default/web-0")));
    const QString line = QStringLiteral("kubectl delete pod web-0 -n default --wait=false");
    QVERIFY(!session.runCommand(line).ok()); // answered no
    QCOMPARE(questions.size(), 1);
    QVERIFY2(questions[0].contains(QLatin1String("kind-dev-cluster"))
                 && questions[0].contains(QLatin1String("kind-dev")) && questions[0].contains(line),
             qPrintable(questions[0]));
    QTest::qWait(100);
    QCOMPARE(writes(server), 0);
    yes = true;
    const core::ConsoleOutput out = session.runCommand(line);
    QVERIFY2(out.ok(), qPrintable(out.text));
    QCOMPARE(out.text, QStringLiteral("pod \"web-0\" deleted\n"));
    QCOMPARE(writes(server), 1);
    QCOMPARE(server.requests().last().method, QByteArray("DELETE"));
    QCOMPARE(server.requests().last().target,
             QStringLiteral("/api/v1/namespaces/default/pods/web-0"));
}

void TestLiveConnect::importIntoSimulation()
{
    // The seed lesson's Service and StatefulSet, as a real cluster lists them.
    FixtureServer server([](const FixtureRequest &request) {
        FixtureResponse r = answer(request);
        if (!request.isWatch() && request.path().endsWith(QLatin1String("/services")))
            r.body
                = R"({"kind":"ServiceList","apiVersion":"v1","metadata":{"resourceVersion":"9"},"items":[
{"metadata":{"name":"nginx","namespace":"shop","uid":"u1","resourceVersion":"3","creationTimestamp":"2026-12-03T09:00:00Z","labels":{"app":"nginx"}},
 "spec":{"clusterIP":"None","clusterIPs":["None"],"ports":[{"name":"web","port":80,"protocol":"TCP","targetPort":80}],"selector":{"app":"nginx"},"type":"ClusterIP"},"status":{"loadBalancer":{}}},
{"metadata":{"name":"kubernetes","namespace":"default","uid":"u0"},"spec":{"clusterIP":"10.96.0.1","ports":[{"name":"https","port":443,"protocol":"TCP","targetPort":6443}],"type":"ClusterIP"}}]})";
        if (!request.isWatch() && request.path().endsWith(QLatin1String("/statefulsets")))
            r.body
                = R"({"kind":"StatefulSetList","apiVersion":"apps/v1","metadata":{"resourceVersion":"9"},"items":[
{"metadata":{"name":"web","namespace":"shop","uid":"u2","generation":1,"creationTimestamp":"2026-12-03T09:00:00Z"},
 "spec":{"replicas":2,"selector":{"matchLabels":{"app":"nginx"}},"serviceName":"nginx","podManagementPolicy":"OrderedReady",
  "template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"name":"nginx","image":"registry.k8s.io/nginx-slim:0.24","ports":[{"name":"web","containerPort":80,"protocol":"TCP"}]}]}},
  "updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":0}},"revisionHistoryLimit":10},
 "status":{"replicas":2,"readyReplicas":2,"currentReplicas":2,"updatedReplicas":2,"availableReplicas":2}}]})";
        return r;
    });
    QTemporaryDir dir;
    ConnectDialog dialog;
    dialog.setFiles(
        writeKubeconfig(dir, QStringLiteral("config"), server.url(), QStringLiteral("kind-dev")));
    dialog.setNamespaceFilter({});
    dialog.accept();
    Session session;
    MainWindow window(&session);
    LiveConnection *live = window.liveConnection();
    live->connectTo(*dialog.resolved(), {}, false);
    QTRY_VERIFY(session.simulation().store().find<core::StatefulSet>(QStringLiteral("shop/web")));
    const QString said = live->importIntoSimulation();
    QVERIFY2(said.contains(QLatin1String("statefulset/web")), qPrintable(said));
    QVERIFY(!live->isConnected());
    QCOMPARE(writes(server), 0);
    // The simulation now runs the cluster's app: its controllers make the pods.
    QVERIFY(!session.simulation().config().observeOnly);
    const core::Service *service
        = session.simulation().store().find<core::Service>(QStringLiteral("shop/nginx"));
    QVERIFY2(service && service->isHeadless(), "the headless Service was not imported");
    session.advanceUntilSettled(10 * core::kMinute);
    QVERIFY2(session.simulation().store().find<core::Pod>(QStringLiteral("shop/web-1")),
             "the imported StatefulSet did not make its pods in the simulation");
}

QTEST_MAIN(TestLiveConnect)
#include "tst_liveconnect.moc"
