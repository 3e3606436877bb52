// Benchmarks of the simulation core; prints figures, asserts nothing.
//
//   ordinal_sim_bench scale [REPLICAS...]   Parallel StatefulSet on 1,000 nodes, apply → all
//                                           Ready: wall time, watch events/s, peak RSS, with
//                                           history off and on (--history=off|on: only one);
//                                           then scaled to 0 until every pod is gone
//                                           (--up-only: not, e.g. to profile the way up)
//   ordinal_sim_bench soak [ACTIONS]        random actions (fixed seed) with invariant checks:
//                                           actions/s and violations (default 1,000,000)

#include "../../tests/core/soak.h"

#include "api/types.h"
#include "io/manifestloader.h"
#include "sim/simulation.h"

#include <QCoreApplication>
#include <QElapsedTimer>
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
    out << "usage: ordinal_sim_bench scale [REPLICAS...] | soak [ACTIONS]\n";
    return 2;
}
