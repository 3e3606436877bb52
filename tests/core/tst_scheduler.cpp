// The scheduler's segment tree must choose exactly the node the plain walk over the nodes
// chooses (upstream's search order: a window of feasible nodes from where the last cycle
// stopped). Both run the same actions on a cluster large enough for the window to matter.
// Also: the addresses a node hands out to its pods.

#include "io/manifestloader.h"
#include "sim/simulation.h"

#include <QTest>

using namespace ordinal;

namespace {

QByteArray manifests(int replicas)
{
    return QStringLiteral(R"(apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  podManagementPolicy: Parallel
  replicas: %1
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers: [{name: nginx, image: nginx:1.25}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  podManagementPolicy: Parallel
  replicas: 340
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers:
      - name: db
        image: postgres:16
        resources: {requests: {cpu: 700m, memory: 1Gi}}
---
apiVersion: v1
kind: Pod
metadata: {name: solo, labels: {app: solo}}
spec:
  containers: [{name: solo, image: busybox}]
)")
        .arg(replicas)
        .toUtf8();
}

// Pod -> node, and the scheduler's decisions, after a fixed sequence of actions.
QStringList run(bool walkOnly)
{
    core::Simulation sim(core::ClusterConfig::defaultCluster(150));
    sim.schedulerCache().walkOnly = walkOnly;
    const core::LoadResult loaded =
        core::ManifestLoader::loadText(manifests(400), QStringLiteral("set.yaml"));
    sim.apply(loaded.objects, true);
    sim.advanceBy(30 * core::kSecond);
    sim.cordonNode(QStringLiteral("node-7"), true);
    sim.setNodeHeartbeat(QStringLiteral("node-9"), false);
    for (int i = 0; i < 400; i += 7)
        sim.deletePod(QStringLiteral("default"), QStringLiteral("web-%1").arg(i), 0, true);
    sim.advanceBy(60 * core::kSecond);
    sim.scale(QStringLiteral("default"), QStringLiteral("web"), 120);
    sim.advanceBy(30 * core::kSecond);
    sim.scale(QStringLiteral("default"), QStringLiteral("web"), 900);
    sim.advanceUntilSettled(core::kHour);
    QStringList placement;
    for (const core::Pod &pod : sim.store().all<core::Pod>())
        placement << pod.metadata.name + QLatin1Char('@') + pod.spec.nodeName;
    for (const core::Decision &d : sim.decisions()) {
        if (d.controller == QLatin1String("default-scheduler"))
            placement << d.message;
    }
    return placement;
}

} // namespace

class tst_Scheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void treeChoosesAsTheWalk()
    {
        const QStringList walked = run(true);
        const QStringList tree = run(false);
        QVERIFY(walked.size() > 1000);
        // Some db pods cannot fit (cpu): the walk's reasons must be kept too.
        QVERIFY(std::any_of(walked.cbegin(), walked.cend(), [](const QString &line) {
            return line.contains(QLatin1String("Insufficient cpu"));
        }));
        QCOMPARE(tree.size(), walked.size());
        for (qsizetype i = 0; i < walked.size(); ++i)
            QCOMPARE(tree[i], walked[i]);
    }

    // A node hands out the next free address after the last one, wraps after .254, and takes
    // back the address of a pod that went away (host-local IPAM).
    void podAddressesWrapAndReuse()
    {
        core::Simulation sim;
        const QString node = QStringLiteral("node-1");
        const QString first = sim.allocatePodIP(node);
        QVERIFY(first.startsWith(QLatin1String("10.244.1.")));
        QStringList handed{first};
        for (QString ip = sim.allocatePodIP(node); !ip.isEmpty(); ip = sim.allocatePodIP(node))
            handed << ip;
        QCOMPARE(QSet<QString>(handed.cbegin(), handed.cend()).size(), handed.size());
        QCOMPARE(handed.size(), 253); // .2 to .254
        // The first address is above .2 (the cluster's pre-allocated ones come before it), so
        // the wrap falls inside the run.
        const qsizetype top = handed.indexOf(QStringLiteral("10.244.1.254"));
        QVERIFY(top >= 0);
        QVERIFY(top + 1 < handed.size());
        QCOMPARE(handed[top + 1], QStringLiteral("10.244.1.2"));
        sim.releasePodIP(node, QStringLiteral("10.244.1.100"));
        sim.releasePodIP(node, QStringLiteral("10.244.1.7"));
        QCOMPARE(sim.allocatePodIP(node), QStringLiteral("10.244.1.7"));
        QCOMPARE(sim.allocatePodIP(node), QStringLiteral("10.244.1.100"));
        QCOMPARE(sim.allocatePodIP(node), QString());
    }
};

QTEST_GUILESS_MAIN(tst_Scheduler)
#include "tst_scheduler.moc"
