// Benchmarks of the simulation core; prints figures, asserts nothing.
//
//   ordinal_sim_bench scale [REPLICAS...]   Parallel StatefulSet on 1,000 nodes, apply → all
//                                           Ready: wall time, watch events/s, peak RSS, with
//                                           history off and on (--history=off|on: only one);
//                                           then scaled to 0 until every pod is gone
//                                           (--up-only: not, e.g. to profile the way up)
//   ordinal_sim_bench writes [REPLICAS...]  the four writes of every pod of the scale case
//                                           (created, bound, admitted, started) in the Store,
//                                           with no controller, queue or listener; --list: on
//                                           pods in a plain list instead (the pod type alone)
//   ordinal_sim_bench soak [ACTIONS]        random actions (fixed seed) with invariant checks:
//                                           actions/s and violations (default 1,000,000)

#include "../../tests/core/soak.h"

#include "api/types.h"
#include "io/manifestloader.h"
#include "sim/simulation.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringBuilder>
#include <QTextStream>

#include <sys/resource.h>

using namespace ordinal;

namespace {

long peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

QByteArray parallelSet(int replicas)
{
    return QStringLiteral(R"(apiVersion: v1
kind: Service
metadata: {name: nginx}
spec:
  clusterIP: None
  selector: {app: nginx}
  ports: [{port: 80, name: web}]
---
apiVersion: apps/v1
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
      containers:
      - name: nginx
        image: nginx:1.25
        ports: [{containerPort: 80, name: web}]
)")
        .arg(replicas)
        .toUtf8();
}

void scale(QTextStream &out, int replicas, bool history, bool scaleDown)
{
    core::Simulation sim(core::ClusterConfig::defaultCluster(1000));
    sim.setRecordHistory(history);
    struct Counter : core::SimulationListener
    {
        qint64 events = 0;
        void watchEvent(const core::WatchEvent &) override { ++events; }
        bool wantsDecisions() const override { return false; }
        bool wantsObjects() const override { return false; }
    } counter;
    sim.addListener(&counter);
    const core::LoadResult manifests = core::ManifestLoader::loadText(parallelSet(replicas),
                                                                      QStringLiteral("web.yaml"));
    QElapsedTimer timer;
    timer.start();
    const core::ActionResult applied = sim.apply(manifests.objects, true);
    const bool settled = sim.advanceUntilSettled(core::kHour);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    int ready = 0;
    for (const core::Pod &pod : sim.store().all<core::Pod>())
        ready += pod.isRunningAndReady() ? 1 : 0;
    out << QStringLiteral("replicas=%1 nodes=1000 history=%2 applied=%3 settled=%4 ready=%5 "
                          "wall=%6s events=%7 events/s=%8 peakRSS=%9MiB\n")
               .arg(replicas)
               .arg(history ? QStringLiteral("on") : QStringLiteral("off"))
               .arg(applied.ok)
               .arg(settled)
               .arg(ready)
               .arg(seconds, 0, 'f', 3)
               .arg(counter.events)
               .arg(double(counter.events) / seconds, 0, 'f', 0)
               .arg(double(peakRssKiB()) / 1024.0, 0, 'f', 1);
    out.flush();
    if (!scaleDown)
        return;
    // And back: Parallel scale-down to zero deletes every pod at once.
    timer.restart();
    sim.scale(QStringLiteral("default"), QStringLiteral("web"), 0);
    const bool drained = sim.advanceUntilSettled(sim.now() + core::kHour);
    out << QStringLiteral("  scale to 0: settled=%1 pods=%2 wall=%3s\n")
               .arg(drained)
               .arg(sim.store().all<core::Pod>().size())
               .arg(double(timer.nsecsElapsed()) / 1e9, 0, 'f', 3);
    out.flush();
    sim.removeListener(&counter);
}

// The pod as the StatefulSet controller first writes it, from a one-replica run.
core::Pod firstPod()
{
    core::Simulation sim(core::ClusterConfig::defaultCluster(1000));
    struct Catcher : core::SimulationListener
    {
        std::optional<core::Pod> pod;
        void watchEvent(const core::WatchEvent &event) override
        {
            if (!pod && event.type == core::WatchEventType::Added)
                if (const core::Pod *added = event.as<core::Pod>())
                    pod = *added;
        }
    } catcher;
    sim.addListener(&catcher);
    sim.apply(core::ManifestLoader::loadText(parallelSet(1), QStringLiteral("web.yaml")).objects,
              true);
    sim.advanceUntilSettled(core::kHour);
    sim.removeListener(&catcher);
    return catcher.pod.value();
}

// The four writes of every pod in the scale case, phase by phase as the simulation makes
// them (every pod created, then every pod bound, ...), each change as the controller makes
// it, applied through put and change (to a Store, or to a plain list for comparison).
struct PodWrites
{
    core::Pod prototype; // the StatefulSet's first pod without its name and index labels
    QStringList nodes;
    QStringList nodeIPs;
    QString unready;
    QStringList readiness{QStringLiteral("ContainersReady"), QStringLiteral("Ready")};

    explicit PodWrites(const core::Pod &first)
        : prototype(first)
    {
        prototype.metadata.labels.remove(QStringLiteral("statefulset.kubernetes.io/pod-name"));
        prototype.metadata.labels.remove(QStringLiteral("apps.kubernetes.io/pod-index"));
        for (int n = 1; n <= 1000; ++n) {
            nodes << QStringLiteral("node-%1").arg(n);
            nodeIPs << QStringLiteral("10.1.%1.%2").arg(n / 256).arg(n % 256);
        }
        unready = QStringLiteral("containers with unready status: [%1]")
                      .arg(prototype.spec.containers.value(0).name);
    }

    // put(i, pod) stores a new pod; change(i, f) calls f on the stored pod i. Not inlined, so
    // that a profiler can count it alone.
    template<typename Put, typename Change>
    Q_NEVER_INLINE void run(int replicas, const Put &put, const Change &change) const
    {
        for (int i = 0; i < replicas; ++i) // the StatefulSet controller's create
            put(i, created(i));
        for (int i = 0; i < replicas; ++i) { // the scheduler's bind
            change(i, [&](core::Pod &pod) {
                pod.spec.nodeName = nodes.at(i % nodes.size());
                pod.status.setCondition(QStringLiteral("PodScheduled"), QStringLiteral("True"), 1);
            });
        }
        for (int i = 0; i < replicas; ++i) { // the kubelet's admit
            change(i, [&](core::Pod &pod) {
                pod.status.hostIP = nodeIPs.at(i % nodes.size());
                pod.status.startTime = 2;
                pod.status.conditions.reserve(4);
                pod.status.setCondition(QStringLiteral("Initialized"), QStringLiteral("True"), 2);
                for (const core::Container &c : std::as_const(pod.spec.containers)) {
                    core::ContainerStatus cs;
                    cs.name = c.name;
                    cs.image = c.image;
                    cs.state.reason = QStringLiteral("ContainerCreating");
                    pod.status.containerStatuses << cs;
                }
                for (const QString &type : readiness)
                    pod.status.setCondition(type, QStringLiteral("False"), 2,
                                            QStringLiteral("ContainersNotReady"), unready);
            });
        }
        for (int i = 0; i < replicas; ++i) { // the kubelet's start (no probe: Ready at once)
            change(i, [&](core::Pod &pod) {
                pod.status.podIP = QStringLiteral("10.244.") % QString::number(i % 1000)
                    % QLatin1Char('.') % QString::number(i / 1000 + 2);
                pod.status.phase = core::PodPhase::Running;
                for (core::ContainerStatus &cs : pod.status.containerStatuses) {
                    cs.state = core::ContainerState{core::ContainerState::Kind::Running, {}, {},
                                                    0, 3, 0};
                    cs.started = cs.ready = true;
                }
                for (const QString &type : readiness)
                    pod.status.setCondition(type, QStringLiteral("True"), 3);
            });
        }
    }

    core::Pod created(int i) const
    {
        core::Pod pod = prototype;
        pod.metadata.name = QStringLiteral("web-") + QString::number(i);
        // Formatted as cheaply as the simulation formats uids (no QString::arg).
        const QString hex = QString::number(i, 16);
        pod.metadata.uid = QStringLiteral("00000000-0000-4000-8000-")
            % QString(12 - hex.size(), u'0') % hex;
        pod.metadata.labels.insert(QStringLiteral("statefulset.kubernetes.io/pod-name"),
                                   pod.metadata.name);
        pod.metadata.labels.insert(QStringLiteral("apps.kubernetes.io/pod-index"),
                                   QString::number(i));
        pod.spec.hostname = pod.metadata.name;
        return pod;
    }
};

void podWrites(QTextStream &out, int replicas, bool inStore)
{
    const PodWrites writes(firstPod());
    const auto report = [&](const QString &what, double seconds, int ready) {
        out << QStringLiteral("%1: replicas=%2 ready=%3 writes=%4 wall=%5s peakRSS=%6MiB\n")
                   .arg(what)
                   .arg(replicas)
                   .arg(ready)
                   .arg(4 * qint64(replicas))
                   .arg(seconds, 0, 'f', 3)
                   .arg(double(peakRssKiB()) / 1024.0, 0, 'f', 1);
        out.flush();
    };
    QElapsedTimer timer;
    if (!inStore) {
        // Pods in a plain list, found by index: the pod type alone.
        QList<core::Pod> pods;
        timer.start();
        pods.reserve(replicas);
        writes.run(
            replicas, [&](int, core::Pod pod) { pods.append(std::move(pod)); },
            [&](int i, const auto &change) { change(pods[i]); });
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        report(QStringLiteral("pod list alone"), seconds,
               int(std::count_if(pods.cbegin(), pods.cend(),
                                 [](const core::Pod &pod) { return pod.isRunningAndReady(); })));
        return;
    }
    core::Store store;
    for (int n = 0; n < writes.nodes.size(); ++n) {
        core::Node node;
        node.metadata.name = writes.nodes.at(n);
        node.internalIP = writes.nodeIPs.at(n);
        store.put(node, 0, {}, false);
    }
    QStringList keys;
    keys.reserve(replicas);
    timer.start();
    writes.run(
        replicas,
        [&](int, core::Pod pod) {
            keys << core::objectKey(pod.metadata);
            store.put(std::move(pod), 0, keys.last(), false);
        },
        [&](int i, const auto &change) { store.update<core::Pod>(keys.at(i), 1, false, change); });
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    int ready = 0;
    for (const core::Pod &pod : store.all<core::Pod>())
        ready += pod.isRunningAndReady() ? 1 : 0;
    report(QStringLiteral("store writes alone"), seconds, ready);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments().mid(1);
    const QString mode = args.value(0, QStringLiteral("scale"));
    if (mode == QLatin1String("scale")) {
        QList<int> sizes;
        QList<bool> histories{false, true};
        bool scaleDown = true;
        for (const QString &a : args.mid(1)) {
            if (a.startsWith(QLatin1String("--history=")))
                histories = {a.endsWith(QLatin1String("=on"))};
            else if (a == QLatin1String("--up-only"))
                scaleDown = false;
            else
                sizes << a.toInt();
        }
        if (sizes.isEmpty())
            sizes = {10000, 100000};
        for (int n : std::as_const(sizes)) {
            for (bool history : std::as_const(histories))
                scale(out, n, history, scaleDown);
        }
        return 0;
    }
    if (mode == QLatin1String("writes")) {
        QList<int> sizes;
        bool inStore = true;
        for (const QString &a : args.mid(1)) {
            if (a == QLatin1String("--list"))
                inStore = false;
            else
                sizes << a.toInt();
        }
        for (int n : sizes.isEmpty() ? QList<int>{100000} : sizes)
            podWrites(out, n, inStore);
        return 0;
    }
    if (mode == QLatin1String("soak")) {
        const qint64 actions = args.value(1, QStringLiteral("1000000")).toLongLong();
        QElapsedTimer timer;
        timer.start();
        const test::SoakResult result = test::runSoak(20261127, actions);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        out << QStringLiteral("soak seed=20261127 actions=%1 virtual=%2h wall=%3s actions/s=%4 "
                              "violations=%5 peakRSS=%6MiB\n")
                   .arg(result.actions)
                   .arg(double(result.virtualTime) / core::kHour, 0, 'f', 1)
                   .arg(seconds, 0, 'f', 2)
                   .arg(double(result.actions) / seconds, 0, 'f', 0)
                   .arg(result.violations.size())
                   .arg(double(peakRssKiB()) / 1024.0, 0, 'f', 1);
        for (const QString &v : result.violations.mid(0, 10))
            out << "  " << v << '\n';
        return result.violations.isEmpty() ? 0 : 1;
    }
    out << "usage: ordinal_sim_bench scale [REPLICAS...] | writes [REPLICAS...] [--list] | "
           "soak [ACTIONS]\n";
    return 2;
}
