// Benchmarks of the simulation core; prints figures, asserts nothing.
//
//   ordinal_sim_bench scale [REPLICAS...]   Parallel StatefulSet on 1,000 nodes, apply → all
//                                           Ready: wall time, watch events/s, peak RSS, with
//                                           history off and on (--history=off|on: only one);
//                                           then scaled to 0 until every pod is gone
//                                           (--up-only: not, e.g. to profile the way up)
//   ordinal_sim_bench store [REPLICAS...]   the store writes alone of the same pods, with no
//                                           controller, queue or listener: each pod created
//                                           from the StatefulSet's first pod, bound, admitted,
//                                           started (the four writes of the scale case,
//                                           phase by phase): what the object model costs
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

void storeFloor(QTextStream &out, int replicas)
{
    const core::Pod first = firstPod();
    core::Pod prototype = first;
    prototype.metadata.labels.remove(QStringLiteral("statefulset.kubernetes.io/pod-name"));
    prototype.metadata.labels.remove(QStringLiteral("apps.kubernetes.io/pod-index"));
    core::Store store;
    QStringList nodes;
    for (int n = 1; n <= 1000; ++n) {
        core::Node node;
        node.metadata.name = QStringLiteral("node-%1").arg(n);
        node.internalIP = QStringLiteral("10.1.%1.%2").arg(n / 256).arg(n % 256);
        nodes << node.metadata.name;
        store.put(node, 0, {}, false);
    }
    QStringList keys;
    keys.reserve(replicas);
    // Formatted as cheaply as the simulation formats them (no QString::arg).
    const auto uid = [](int i) -> QString {
        QString hex = QString::number(i, 16);
        return QStringLiteral("00000000-0000-4000-8000-") % QString(12 - hex.size(), u'0') % hex;
    };
    const auto podIP = [](int i) -> QString {
        return QStringLiteral("10.244.") % QString::number(i % 1000) % QLatin1Char('.')
            % QString::number(i / 1000 + 2);
    };
    const QString unready = QStringLiteral("containers with unready status: [%1]")
                                .arg(prototype.spec.containers.value(0).name);
    const QStringList readiness{QStringLiteral("ContainersReady"), QStringLiteral("Ready")};
    QElapsedTimer timer;
    timer.start();
    const auto phase = [&](const auto &perPod) {
        for (int i = 0; i < replicas; ++i)
            perPod(i);
    };
    phase([&](int i) { // the StatefulSet controller's create
        core::Pod pod = prototype;
        pod.metadata.name = QStringLiteral("web-") + QString::number(i);
        pod.metadata.uid = uid(i);
        pod.metadata.labels.insert(QStringLiteral("statefulset.kubernetes.io/pod-name"),
                                   pod.metadata.name);
        pod.metadata.labels.insert(QStringLiteral("apps.kubernetes.io/pod-index"),
                                   QString::number(i));
        pod.spec.hostname = pod.metadata.name;
        keys << core::objectKey(pod.metadata);
        store.put(std::move(pod), 0, keys.last(), false);
    });
    phase([&](int i) { // the scheduler's bind
        store.update<core::Pod>(keys.at(i), 1, false, [&](core::Pod &pod) {
            pod.spec.nodeName = nodes.at(i % nodes.size());
            pod.status.setCondition(QStringLiteral("PodScheduled"), QStringLiteral("True"), 1);
        });
    });
    phase([&](int i) { // the kubelet's admit
        store.update<core::Pod>(keys.at(i), 2, false, [&](core::Pod &pod) {
            pod.status.hostIP = store.find<core::Node>(pod.spec.nodeName)->internalIP;
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
    });
    phase([&](int i) { // the kubelet's start (no readiness probe: Ready at once)
        store.update<core::Pod>(keys.at(i), 3, false, [&](core::Pod &pod) {
            pod.status.podIP = podIP(i);
            pod.status.phase = core::PodPhase::Running;
            for (core::ContainerStatus &cs : pod.status.containerStatuses) {
                cs.state = core::ContainerState{core::ContainerState::Kind::Running, {}, {}, 0,
                                                3, 0};
                cs.started = cs.ready = true;
            }
            for (const QString &type : readiness)
                pod.status.setCondition(type, QStringLiteral("True"), 3);
        });
    });
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    int ready = 0;
    for (const core::Pod &pod : store.all<core::Pod>())
        ready += pod.isRunningAndReady() ? 1 : 0;
    out << QStringLiteral("store writes alone: replicas=%1 ready=%2 writes=%3 wall=%4s "
                          "peakRSS=%5MiB\n")
               .arg(replicas)
               .arg(ready)
               .arg(4 * qint64(replicas))
               .arg(seconds, 0, 'f', 3)
               .arg(double(peakRssKiB()) / 1024.0, 0, 'f', 1);
    out.flush();
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
    if (mode == QLatin1String("store")) {
        const QStringList sizes = args.mid(1).isEmpty() ? QStringList{QStringLiteral("100000")}
                                                        : args.mid(1);
        for (const QString &n : sizes)
            storeFloor(out, n.toInt());
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
    out << "usage: ordinal_sim_bench scale [REPLICAS...] | store [REPLICAS...] | soak [ACTIONS]\n";
    return 2;
}
