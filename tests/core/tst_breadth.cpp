// The simulation breadth the official tutorials need: init containers run in order, each to
// completion (Init:N/M, PodInitializing, Init:Error, Init:CrashLoopBackOff), per-container
// readiness (a container without a readiness probe is ready once running), the digest-only pull
// of imagePullPolicy Always, and PodDisruptionBudgets (status, eviction verdicts, admission).

#include "api/admission.h"
#include "console/printers.h"
#include "console/printers_workloads.h"
#include "controllers/disruptioncontroller.h"
#include "controllers/eviction.h"
#include "io/manifestloader.h"
#include "sim/simulation.h"

#include <QTest>

using namespace ordinal;

namespace {

const QString kDefault = QStringLiteral("default");

// A pod shaped like the MySQL tutorial's: two init containers, then mysql (with a readiness
// probe) and xtrabackup (without one).
const char *kMysqlPod = R"(apiVersion: v1
kind: Pod
metadata: {name: mysql-0, labels: {app: mysql}}
spec:
  restartPolicy: %1
  initContainers:
  - {name: init-mysql, image: "mysql:5.7"}
  - {name: clone-mysql, image: "gcr.io/google-samples/xtrabackup:1.0"}
  containers:
  - name: mysql
    image: "mysql:5.7"
    readinessProbe:
      exec: {command: [mysql, -h, 127.0.0.1, -e, SELECT 1]}
      initialDelaySeconds: 5
      periodSeconds: 2
  - {name: xtrabackup, image: "gcr.io/google-samples/xtrabackup:1.0"}
)";

bool applyText(core::Simulation &sim, const QByteArray &text)
{
    const core::LoadResult loaded = core::ManifestLoader::loadText(text, QStringLiteral("t.yaml"));
    if (!loaded.ok())
        return false;
    return sim.apply(loaded.objects, false).ok;
}

const core::Pod *pod(const core::Simulation &sim, const QString &name)
{
    return sim.store().find<core::Pod>(kDefault, name);
}

// READY and STATUS as `kubectl get pods` shows them once printPod knows init containers.
QString row(const core::Simulation &sim, const QString &name)
{
    const core::Pod *p = pod(sim, name);
    if (!p)
        return QStringLiteral("<gone>");
    const std::optional<QString> init = core::printers::initContainersStatus(*p);
    return QStringLiteral("%1/%2 %3")
        .arg(p->readyContainers())
        .arg(p->spec.containers.size())
        .arg(init ? *init : core::printers::podStatus(*p));
}

QString condition(const core::Pod &p, const QString &type)
{
    const core::PodCondition *c = p.status.condition(type);
    return c ? QStringLiteral("%1 %2 %3").arg(c->status, c->reason, c->message).trimmed()
             : QString();
}

QByteArray webSet(int replicas)
{
    return QStringLiteral(R"(apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: %1
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers: [{name: nginx, image: "nginx:1.25"}]
)")
        .arg(replicas)
        .toUtf8();
}

QByteArray budget(const QString &field, const QString &value)
{
    return QStringLiteral(R"(apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web-pdb}
spec:
  %1: %2
  selector: {matchLabels: {app: nginx}}
)")
        .arg(field, value)
        .toUtf8();
}

} // namespace

class tst_Breadth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The MySQL tutorial's sequence: Init:0/2, Init:1/2, PodInitializing, 1/2 Running, 2/2.
    void initContainersRunInOrder()
    {
        core::Simulation sim;
        QVERIFY(
            applyText(sim, QString::fromLatin1(kMysqlPod).arg(QStringLiteral("Always")).toUtf8()));
        const QString name = QStringLiteral("mysql-0");
        sim.advanceTo(1 * core::kSecond);
        QCOMPARE(row(sim, name), QStringLiteral("0/2 Init:0/2"));
        QVERIFY(pod(sim, name)->status.phase == core::PodPhase::Pending);
        QCOMPARE(condition(*pod(sim, name), QStringLiteral("Initialized")),
                 QStringLiteral("False ContainersNotInitialized containers with incomplete "
                                "status: [init-mysql clone-mysql]"));
        // init-mysql: pulled (17 s), started (2 s), runs 3 s.
        sim.advanceTo(20 * core::kSecond);
        QVERIFY(pod(sim, name)->status.initContainerStatuses[0].state.kind
                == core::ContainerState::Kind::Running);
        QVERIFY2(!pod(sim, name)->status.podIP.isEmpty(), "the sandbox has an address");
        QCOMPARE(row(sim, name), QStringLiteral("0/2 Init:0/2"));
        sim.advanceTo(23 * core::kSecond);
        QCOMPARE(row(sim, name), QStringLiteral("0/2 Init:1/2"));
        QVERIFY(pod(sim, name)->status.initContainerStatuses[0].ready);
        QCOMPARE(condition(*pod(sim, name), QStringLiteral("Initialized")),
                 QStringLiteral("False ContainersNotInitialized containers with incomplete "
                                "status: [clone-mysql]"));
        // clone-mysql: pulled at 39 s, started at 41 s, done at 44 s; the app images are on
        // the node by then, so the app containers start at 46 s.
        sim.advanceTo(45 * core::kSecond);
        QCOMPARE(row(sim, name), QStringLiteral("0/2 PodInitializing"));
        QCOMPARE(condition(*pod(sim, name), QStringLiteral("Initialized")), QStringLiteral("True"));
        sim.advanceTo(47 * core::kSecond);
        QCOMPARE(row(sim, name), QStringLiteral("1/2 Running"));
        QCOMPARE(condition(*pod(sim, name), QStringLiteral("Ready")),
                 QStringLiteral("False ContainersNotReady containers with unready status: "
                                "[mysql]"));
        sim.advanceTo(52 * core::kSecond);
        QCOMPARE(row(sim, name), QStringLiteral("2/2 Running"));
        QCOMPARE(condition(*pod(sim, name), QStringLiteral("ContainersReady")),
                 QStringLiteral("True"));
    }

    // A failing init container: Init:Error, restarted, then Init:CrashLoopBackOff; the app
    // containers never start until it succeeds.
    void initContainerFailures()
    {
        core::Simulation sim;
        QVERIFY(
            applyText(sim, QString::fromLatin1(kMysqlPod).arg(QStringLiteral("Always")).toUtf8()));
        const QString name = QStringLiteral("mysql-0");
        QVERIFY(sim.setInitContainersFailing(kDefault, name, true).ok);
        sim.advanceTo(22 * core::kSecond + 1);
        QCOMPARE(row(sim, name), QStringLiteral("0/2 Init:Error"));
        // Restarted a second later, fails again 3 s after: back-off from the second failure.
        sim.advanceTo(26 * core::kSecond + 1);
        QCOMPARE(pod(sim, name)->status.initContainerStatuses[0].restartCount, 1);
        QCOMPARE(core::printers::initContainerRestarts(*pod(sim, name)), 1);
        sim.advanceTo(27 * core::kSecond + 1);
        QCOMPARE(row(sim, name), QStringLiteral("0/2 Init:CrashLoopBackOff"));
        QCOMPARE(pod(sim, name)->status.containerStatuses[0].state.reason,
                 QStringLiteral("PodInitializing"));
        QVERIFY(sim.setInitContainersFailing(kDefault, name, false).ok);
        sim.advanceUntilSettled(10 * core::kMinute);
        QCOMPARE(row(sim, name), QStringLiteral("2/2 Running"));
        QCOMPARE(core::printers::initContainerRestarts(*pod(sim, name)), 0);
        QCOMPARE(pod(sim, name)->status.initContainerStatuses[0].restartCount, 2);
    }

    // restartPolicy Never: a failed init container fails the pod.
    void initContainerFailsNeverPod()
    {
        core::Simulation sim;
        QVERIFY(
            applyText(sim, QString::fromLatin1(kMysqlPod).arg(QStringLiteral("Never")).toUtf8()));
        const QString name = QStringLiteral("mysql-0");
        QVERIFY(sim.setInitContainersFailing(kDefault, name, true).ok);
        sim.advanceUntilSettled(10 * core::kMinute);
        QVERIFY(pod(sim, name)->status.phase == core::PodPhase::Failed);
        QCOMPARE(row(sim, name), QStringLiteral("0/2 Init:Error"));
        QCOMPARE(pod(sim, name)->status.initContainerStatuses[0].restartCount, 0);
    }

    void initFaultNeedsInitContainers()
    {
        core::Simulation sim;
        QVERIFY(applyText(sim, webSet(1)));
        sim.advanceUntilSettled(kMinuteBound);
        const core::ActionResult r
            = sim.setInitContainersFailing(kDefault, QStringLiteral("web-0"), true);
        QVERIFY(!r.ok);
        QCOMPARE(r.error, QStringLiteral("error: pod web-0 has no init containers"));
    }

    // A readiness probe that fails makes only its own container unready.
    void perContainerReadiness()
    {
        core::Simulation sim;
        QVERIFY(
            applyText(sim, QString::fromLatin1(kMysqlPod).arg(QStringLiteral("Always")).toUtf8()));
        const QString name = QStringLiteral("mysql-0");
        sim.advanceUntilSettled(kMinuteBound);
        QCOMPARE(row(sim, name), QStringLiteral("2/2 Running"));
        QVERIFY(sim.setPodReadiness(kDefault, name, false).ok);
        sim.advanceUntilSettled(kMinuteBound);
        QCOMPARE(row(sim, name), QStringLiteral("1/2 Running"));
        QVERIFY(!pod(sim, name)->status.containerStatuses[0].ready);
        QVERIFY(pod(sim, name)->status.containerStatuses[1].ready);
        QVERIFY(!pod(sim, name)->isReady());
    }

    // imagePullPolicy Always where the node has the image: a digest check, not a full pull.
    void alwaysPullOfPresentImage()
    {
        core::Simulation sim;
        QVERIFY(applyText(sim, QByteArrayLiteral(R"(apiVersion: v1
kind: Pod
metadata: {name: a}
spec:
  nodeSelector: {kubernetes.io/hostname: node-1}
  containers: [{name: c, image: "nginx:1.25"}]
)")));
        sim.advanceUntilSettled(kMinuteBound);
        QVERIFY(applyText(sim, QByteArrayLiteral(R"(apiVersion: v1
kind: Pod
metadata: {name: b}
spec:
  nodeSelector: {kubernetes.io/hostname: node-1}
  containers: [{name: c, image: "nginx:1.25", imagePullPolicy: Always}]
)")));
        const core::Millis start = sim.now();
        sim.advanceUntilSettled(kMinuteBound);
        const core::Pod *b = pod(sim, QStringLiteral("b"));
        QVERIFY(b);
        QCOMPARE(b->status.containerStatuses[0].state.startedAt - start, 3 * core::kSecond);
        bool pulled = false;
        for (const core::Event &e : sim.store().all<core::Event>()) {
            if (e.involvedObject.name == QLatin1String("b")
                && e.reason == QLatin1String("Pulled")) {
                QCOMPARE(e.message,
                         QStringLiteral("Successfully pulled image \"nginx:1.25\" in "
                                        "1s (1s including waiting)"));
                pulled = true;
            }
        }
        QVERIFY2(pulled, "pod b has no Pulled event");
    }

    void budgetStatus_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("expected");
        QTest::addColumn<int>("desired");
        QTest::addColumn<int>("allowed");
        QTest::newRow("min-available-2")
            << QStringLiteral("minAvailable") << QStringLiteral("2") << 3 << 2 << 1;
        QTest::newRow("min-available-3")
            << QStringLiteral("minAvailable") << QStringLiteral("3") << 3 << 3 << 0;
        QTest::newRow("min-available-50%")
            << QStringLiteral("minAvailable") << QStringLiteral("\"50%\"") << 3 << 2 << 1;
        QTest::newRow("max-unavailable-1")
            << QStringLiteral("maxUnavailable") << QStringLiteral("1") << 3 << 2 << 1;
        QTest::newRow("max-unavailable-34%")
            << QStringLiteral("maxUnavailable") << QStringLiteral("\"34%\"") << 3 << 1 << 2;
        QTest::newRow("max-unavailable-0")
            << QStringLiteral("maxUnavailable") << QStringLiteral("0") << 3 << 3 << 0;
    }

    void budgetStatus()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(int, expected);
        QFETCH(int, desired);
        QFETCH(int, allowed);
        core::Simulation sim;
        QVERIFY(applyText(sim, webSet(3)));
        QVERIFY(applyText(sim, budget(field, value)));
        sim.advanceUntilSettled(kMinuteBound);
        const core::PodDisruptionBudget *pdb
            = sim.store().find<core::PodDisruptionBudget>(kDefault, QStringLiteral("web-pdb"));
        QVERIFY(pdb);
        QCOMPARE(pdb->status.observedGeneration, 1);
        QCOMPARE(pdb->status.expectedPods, expected);
        QCOMPARE(pdb->status.currentHealthy, 3);
        QCOMPARE(pdb->status.desiredHealthy, desired);
        QCOMPARE(pdb->status.disruptionsAllowed, allowed);
        QCOMPARE(pdb->status.disruptionAllowed, allowed > 0);
    }

    // Evictions against minAvailable 2 of 3: one goes, the next is refused until the
    // replacement is Ready.
    void evictionHonoursBudget()
    {
        core::Simulation sim;
        QVERIFY(applyText(sim, webSet(3)));
        QVERIFY(applyText(sim, budget(QStringLiteral("minAvailable"), QStringLiteral("2"))));
        sim.advanceUntilSettled(kMinuteBound);
        const core::Pod web0 = *pod(sim, QStringLiteral("web-0"));
        const core::EvictionVerdict first = core::Eviction::admit(sim, web0);
        QVERIFY(first.allowed);
        QCOMPARE(first.budgetKey, QStringLiteral("default/web-pdb"));
        const core::PodDisruptionBudget *pdb
            = sim.store().find<core::PodDisruptionBudget>(kDefault, QStringLiteral("web-pdb"));
        QCOMPARE(pdb->status.disruptionsAllowed, 0);
        QVERIFY(pdb->status.disruptedPods.contains(QStringLiteral("web-0")));
        // Before web-0 is even deleted, a second eviction is judged against the new count.
        const core::EvictionVerdict second
            = core::Eviction::check(sim.store(), *pod(sim, QStringLiteral("web-1")), sim.now());
        QVERIFY(!second.allowed);
        QCOMPARE(second.code, 429);
        QCOMPARE(second.kubectlError(),
                 QStringLiteral("Error from server (TooManyRequests): Cannot evict pod as it "
                                "would violate the pod's disruption budget."));
        QCOMPARE(second.causeType, QStringLiteral("DisruptionBudget"));
        QCOMPARE(second.drainRetryLine(kDefault, QStringLiteral("web-1")),
                 QStringLiteral("error when evicting pods/\"web-1\" -n \"default\" (will retry "
                                "after 5s): Cannot evict pod as it would violate the pod's "
                                "disruption budget."));
        QVERIFY(sim.deletePod(kDefault, QStringLiteral("web-0"), std::nullopt, false).ok);
        sim.advanceBy(500);
        pdb = sim.store().find<core::PodDisruptionBudget>(kDefault, QStringLiteral("web-pdb"));
        QCOMPARE(pdb->status.currentHealthy, 2);
        const core::EvictionVerdict third
            = core::Eviction::check(sim.store(), *pod(sim, QStringLiteral("web-1")), sim.now());
        QVERIFY(!third.allowed);
        QCOMPARE(third.causeMessage,
                 QStringLiteral("The disruption budget web-pdb needs 2 "
                                "healthy pods and has 2 currently"));
        // The StatefulSet replaces web-0; once it is Ready, one disruption is allowed again.
        sim.advanceUntilSettled(kMinuteBound);
        pdb = sim.store().find<core::PodDisruptionBudget>(kDefault, QStringLiteral("web-pdb"));
        QCOMPARE(pdb->status.currentHealthy, 3);
        QCOMPARE(pdb->status.disruptionsAllowed, 1);
        QVERIFY(pdb->status.disruptedPods.isEmpty());
        QVERIFY(core::Eviction::check(sim.store(), *pod(sim, QStringLiteral("web-1")), sim.now())
                    .allowed);
    }

    // Pods the budgets do not protect, and a pod two budgets select.
    void evictionWithoutOrWithTwoBudgets()
    {
        core::Simulation sim;
        QVERIFY(applyText(sim, webSet(2)));
        sim.advanceUntilSettled(kMinuteBound);
        QVERIFY(core::Eviction::check(sim.store(), *pod(sim, QStringLiteral("web-0")), sim.now())
                    .allowed);
        QVERIFY(applyText(sim, budget(QStringLiteral("minAvailable"), QStringLiteral("2"))));
        QVERIFY(applyText(sim, QByteArrayLiteral(R"(apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: all}
spec:
  maxUnavailable: 1
  selector: {}
)")));
        sim.advanceUntilSettled(kMinuteBound);
        const core::EvictionVerdict v
            = core::Eviction::check(sim.store(), *pod(sim, QStringLiteral("web-0")), sim.now());
        QVERIFY(!v.allowed);
        QCOMPARE(v.code, 500);
        QCOMPARE(v.kubectlError(),
                 QStringLiteral("Error from server: This pod has more than one "
                                "PodDisruptionBudget, which the eviction "
                                "subresource does not support."));
    }

    // An unready pod may go while the budget holds without it.
    void evictionOfUnreadyPod()
    {
        core::Simulation sim;
        QVERIFY(applyText(sim, webSet(3)));
        QVERIFY(applyText(sim, budget(QStringLiteral("minAvailable"), QStringLiteral("2"))));
        sim.advanceUntilSettled(kMinuteBound);
        QVERIFY(sim.setPodReadiness(kDefault, QStringLiteral("web-2"), false).ok);
        sim.advanceUntilSettled(kMinuteBound);
        const core::PodDisruptionBudget *pdb
            = sim.store().find<core::PodDisruptionBudget>(kDefault, QStringLiteral("web-pdb"));
        QCOMPARE(pdb->status.currentHealthy, 2);
        QCOMPARE(pdb->status.disruptionsAllowed, 0);
        QVERIFY(core::Eviction::check(sim.store(), *pod(sim, QStringLiteral("web-2")), sim.now())
                    .allowed);
        QVERIFY(!core::Eviction::check(sim.store(), *pod(sim, QStringLiteral("web-1")), sim.now())
                     .allowed);
    }

    void budgetAdmission_data()
    {
        QTest::addColumn<QByteArray>("spec");
        QTest::addColumn<QString>("message");
        QTest::newRow("both")
            << QByteArray("minAvailable: 1\n  maxUnavailable: 1")
            << QStringLiteral(
                   "The PodDisruptionBudget \"p\" is invalid: spec: Invalid value: "
                   "policy.PodDisruptionBudgetSpec{MinAvailable:intstr.IntOrString{Type:0, "
                   "IntVal:1, StrVal:\"\"}, MaxUnavailable:intstr.IntOrString{Type:0, "
                   "IntVal:1, StrVal:\"\"}}: minAvailable and maxUnavailable cannot be both set "
                   "(t.yaml:5:3)");
        QTest::newRow("negative") << QByteArray("minAvailable: -1")
                                  << QStringLiteral("The PodDisruptionBudget \"p\" is invalid: "
                                                    "spec.minAvailable: Invalid value: -1: must "
                                                    "be greater than or equal to 0 (t.yaml:5:17)");
        QTest::newRow("over-100%")
            << QByteArray("maxUnavailable: \"150%\"")
            << QStringLiteral("The PodDisruptionBudget \"p\" is invalid: "
                              "spec.maxUnavailable: Invalid value: "
                              "intstr.IntOrString{Type:1, IntVal:0, "
                              "StrVal:\"150%\"}: must not be greater than 100% "
                              "(t.yaml:5:19)");
        QTest::newRow("policy") << QByteArray("unhealthyPodEvictionPolicy: Sometimes")
                                << QStringLiteral("The PodDisruptionBudget \"p\" is invalid: "
                                                  "spec.unhealthyPodEvictionPolicy: Unsupported "
                                                  "value: \"Sometimes\": supported values: "
                                                  "\"AlwaysAllow\", \"IfHealthyBudget\" "
                                                  "(t.yaml:5:31)");
    }

    void budgetAdmission()
    {
        QFETCH(QByteArray, spec);
        QFETCH(QString, message);
        const QByteArray text = "apiVersion: policy/v1\nkind: PodDisruptionBudget\n"
                                "metadata: {name: p}\nspec:\n  "
            + spec + "\n  selector: {matchLabels: {app: x}}\n";
        const core::LoadResult loaded
            = core::ManifestLoader::loadText(text, QStringLiteral("t.yaml"));
        QVERIFY(loaded.ok());
        core::Simulation sim;
        const core::ActionResult r = sim.apply(loaded.objects, true);
        QVERIFY(!r.ok);
        QCOMPARE(r.error, message);
    }

    void budgetRow()
    {
        core::Simulation sim;
        QVERIFY(applyText(sim, webSet(3)));
        QVERIFY(applyText(sim, budget(QStringLiteral("maxUnavailable"), QStringLiteral("1"))));
        sim.advanceBy(90 * core::kSecond);
        const core::PodDisruptionBudget *pdb
            = sim.store().find<core::PodDisruptionBudget>(kDefault, QStringLiteral("web-pdb"));
        QCOMPARE(core::printers::podDisruptionBudgetHeader(),
                 QStringLiteral("NAME|MIN AVAILABLE|MAX UNAVAILABLE|ALLOWED DISRUPTIONS|AGE")
                     .split(QLatin1Char('|')));
        QCOMPARE(core::printers::podDisruptionBudgetRow(*pdb, sim.now()),
                 QStringLiteral("web-pdb|N/A|1|1|90s").split(QLatin1Char('|')));
    }

    void budgetDescribe()
    {
        core::Simulation sim;
        QVERIFY(applyText(sim, webSet(3)));
        QVERIFY(applyText(sim, budget(QStringLiteral("minAvailable"), QStringLiteral("2"))));
        sim.advanceUntilSettled(kMinuteBound);
        const core::PodDisruptionBudget *pdb =
            sim.store().find<core::PodDisruptionBudget>(kDefault, QStringLiteral("web-pdb"));
        QCOMPARE(core::printers::describePodDisruptionBudget(sim, *pdb),
                 QStringLiteral("Name:           web-pdb\n"
                                "Namespace:      default\n"
                                "Min available:  2\n"
                                "Selector:       app=nginx\n"
                                "Status:\n"
                                "    Allowed disruptions:  1\n"
                                "    Current:              3\n"
                                "    Desired:              2\n"
                                "    Total:                3\n"
                                "Events:                   <none>\n"));
        // A budget that selects nothing: the controller's NoPods event.
        QVERIFY(applyText(sim, QByteArrayLiteral(R"(apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: none}
spec:
  maxUnavailable: "50%"
  selector: {matchLabels: {app: other}}
)")));
        sim.advanceBy(5 * core::kSecond);
        const core::PodDisruptionBudget *none =
            sim.store().find<core::PodDisruptionBudget>(kDefault, QStringLiteral("none"));
        QCOMPARE(core::printers::describePodDisruptionBudget(sim, *none),
                 QStringLiteral("Name:             none\n"
                                "Namespace:        default\n"
                                "Max unavailable:  50%\n"
                                "Selector:         app=other\n"
                                "Status:\n"
                                "    Allowed disruptions:  0\n"
                                "    Current:              0\n"
                                "    Desired:              0\n"
                                "    Total:                0\n"
                                "Events:\n"
                                "  Type    Reason  Age   From               Message\n"
                                "  ----    ------  ----  ----               -------\n"
                                "  Normal  NoPods  5s    controllermanager  No matching pods found\n"));
    }

private:
    static constexpr core::Millis kMinuteBound = 10 * core::kMinute;
};

QTEST_GUILESS_MAIN(tst_Breadth)
#include "tst_breadth.moc"
