// The live view at scale, from a recorded stream in the shape a real cluster sends (generated
// here: a NodeList of 500 nodes and a PodList of 10,000 pods, then watch events):
//   1. snapshot: the lists' bytes in hand -> JSON parsed, decoded, recorded into the
//      observe-only simulation, the canvas synced and the first 1920x1080 frame painted
//      (target: within 1 s);
//   2. burst: 1,000 pod changes per second for 5 s, delivered per 16 ms frame (16-17 watch
//      events each) -> decode, record, sync, paint per frame (target: frames <= 16 ms).
// Network time is not included (loopback adds little; a remote cluster adds its latency).
// Run: build/bench/live/ordinal_live_bench (offscreen by default).

#include "canvas/canvasview.h"
#include "canvas/clusterscene.h"
#include "session.h"

#include "api/jsondecode.h"
#include "sim/simulation.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QSysInfo>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include <algorithm>

using namespace ordinal;
using nlohmann::json;

namespace {

constexpr int kNodes = 500;
constexpr int kPods = 10000;

json nodeJson(int i)
{
    const std::string name = "node-" + std::to_string(i);
    return {
        { "metadata",
          { { "name", name },
            { "uid", "n" + std::to_string(i) },
            { "resourceVersion", std::to_string(100 + i) },
            { "creationTimestamp", "2026-12-01T00:00:00Z" },
            { "labels",
              { { "kubernetes.io/hostname", name }, { "kubernetes.io/os", "linux" } } } } },
        { "spec", { { "podCIDR", "10.244." + std::to_string(i % 250) + ".0/24" } } },
        { "status",
          { { "capacity", { { "cpu", "8" }, { "memory", "32Gi" }, { "pods", "110" } } },
            { "allocatable", { { "cpu", "8" }, { "memory", "32Gi" }, { "pods", "110" } } },
            { "conditions",
              json::array({ { { "type", "Ready" },
                              { "status", "True" },
                              { "lastHeartbeatTime", "2026-12-03T10:00:00Z" },
                              { "lastTransitionTime", "2026-12-01T00:00:00Z" },
                              { "reason", "KubeletReady" },
                              { "message", "kubelet is posting ready status" } } }) },
            { "addresses",
              json::array({ { { "type", "InternalIP" },
                              { "address",
                                "172.18." + std::to_string(i / 250) + "."
                                    + std::to_string(i % 250 + 2) } } }) },
            { "nodeInfo",
              { { "kubeletVersion", "v1.33.1" }, { "osImage", "Debian GNU/Linux 12" } } } } }
    };
}

json podJson(int i, bool ready, int restart)
{
    const int set = i / 20;
    const std::string setName = "app-" + std::to_string(set);
    const std::string name = setName + "-" + std::to_string(i % 20);
    const std::string status = ready ? "True" : "False";
    return {
        { "metadata",
          { { "name", name },
            { "namespace", "default" },
            { "uid", "p" + std::to_string(i) },
            { "resourceVersion", std::to_string(1000 + i) },
            { "creationTimestamp", "2026-12-03T09:00:00Z" },
            { "labels", { { "app", setName }, { "statefulset.kubernetes.io/pod-name", name } } },
            { "ownerReferences",
              json::array({ { { "apiVersion", "apps/v1" },
                              { "kind", "StatefulSet" },
                              { "name", setName },
                              { "uid", "s" + std::to_string(set) },
                              { "controller", true } } }) } } },
        { "spec",
          { { "nodeName", "node-" + std::to_string(i % kNodes) },
            { "hostname", name },
            { "subdomain", setName },
            { "containers",
              json::array({ { { "name", "app" },
                              { "image", "registry.k8s.io/nginx-slim:0.24" },
                              { "ports", json::array({ { { "containerPort", 80 } } }) } } }) } } },
        { "status",
          { { "phase", "Running" },
            { "conditions", json::array({ { { "type", "Ready" }, { "status", status } } }) },
            { "podIP",
              "10." + std::to_string(i / 65536 + 100) + "." + std::to_string(i / 256 % 256) + "."
                  + std::to_string(i % 256) },
            { "hostIP", "172.18.0.2" },
            { "startTime", "2026-12-03T09:00:01Z" },
            { "containerStatuses",
              json::array(
                  { { { "name", "app" },
                      { "ready", ready },
                      { "restartCount", restart },
                      { "state",
                        { { "running", { { "startedAt", "2026-12-03T09:00:02Z" } } } } } } }) } } }
    };
}

QByteArray listBytes(const char *kind, int count, const std::function<json(int)> &item)
{
    json list = { { "kind", kind },
                  { "apiVersion", "v1" },
                  { "metadata", { { "resourceVersion", "20000" } } } };
    json items = json::array();
    for (int i = 0; i < count; ++i)
        items.push_back(item(i));
    list["items"] = std::move(items);
    return QByteArray::fromStdString(list.dump());
}

void decodeList(const QByteArray &bytes, core::ObjectKind kind, QList<core::ObservedChange> *out)
{
    const json list = json::parse(bytes.constData(), bytes.constData() + bytes.size());
    QString error;
    for (const json &item : list["items"]) {
        if (std::optional<core::AnyObject> o = core::apijson::fromJson(kind, item, 0, &error))
            out->append(core::ObservedChange { std::move(*o), false });
    }
}

struct Stats
{
    double mean = 0, p95 = 0, max = 0;
};

Stats stats(QList<double> v)
{
    Stats s;
    if (v.isEmpty())
        return s;
    std::sort(v.begin(), v.end());
    for (double x : v)
        s.mean += x;
    s.mean /= v.size();
    s.p95 = v[qsizetype(0.95 * (v.size() - 1))];
    s.max = v.last();
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    out << "live view benchmark, " << QSysInfo::prettyProductName() << ", "
        << QSysInfo::currentCpuArchitecture() << '\n';

    // The recorded stream.
    const QByteArray nodes = listBytes("NodeList", kNodes, nodeJson);
    const QByteArray pods = listBytes("PodList", kPods, [](int i) { return podJson(i, true, 0); });
    out << "recorded lists: " << nodes.size() / 1024 << " KiB of nodes, " << pods.size() / 1024
        << " KiB of pods\n";

    gui::Session session;
    session.pause();
    core::ClusterConfig observed = core::ClusterConfig::defaultCluster();
    observed.observeOnly = true;
    session.swapSimulation(std::make_unique<core::Simulation>(observed));
    gui::ClusterScene scene(&session);
    scene.setAnimationsEnabled(false);
    gui::CanvasView view(&scene, &session);
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(1920, 1080);
    view.show();
    QCoreApplication::processEvents();
    QImage buffer(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);

    // 1. The snapshot.
    QElapsedTimer t;
    t.start();
    QList<core::ObservedChange> changes;
    decodeList(nodes, core::ObjectKind::Node, &changes);
    decodeList(pods, core::ObjectKind::Pod, &changes);
    const double decodeMs = t.nsecsElapsed() / 1e6;
    session.simulation().observe(changes);
    session.actionDone();
    QCoreApplication::processEvents();
    const double recordMs = t.nsecsElapsed() / 1e6 - decodeMs;
    scene.sync(session.viewStore(), session.now(), false);
    view.fitToContent();
    const double syncMs = t.nsecsElapsed() / 1e6 - decodeMs - recordMs;
    buffer.fill(Qt::black);
    view.viewport()->render(&buffer);
    const double totalMs = t.nsecsElapsed() / 1e6;
    out << "snapshot 10,000 pods on 500 nodes -> first frame: " << QString::number(totalMs, 'f', 0)
        << " ms (parse+decode " << QString::number(decodeMs, 'f', 0) << ", record "
        << QString::number(recordMs, 'f', 0) << ", canvas sync " << QString::number(syncMs, 'f', 0)
        << ", paint " << QString::number(totalMs - decodeMs - recordMs - syncMs, 'f', 0)
        << " ms; target 1000 ms); " << session.simulation().store().all<core::Pod>().size()
        << " pods stored\n";

    // 2. The burst: 1,000 changes per second, one frame every 16 ms for 5 s.
    QList<double> frames;
    QList<double> decodeParts;
    QList<double> recordParts;
    QList<double> syncParts;
    int changed = 0;
    for (int frame = 0; frame < 5 * 60; ++frame) {
        const int count = (frame + 1) * 1000 / 60 - frame * 1000 / 60;
        QByteArray lines;
        for (int k = 0; k < count; ++k) {
            const int i = (changed * 7919) % kPods;
            ++changed;
            const json event = { { "type", "MODIFIED" },
                                 { "object", podJson(i, changed % 2, changed / kPods) } };
            lines += QByteArray::fromStdString(event.dump()) + '\n';
        }
        QElapsedTimer f;
        f.start();
        QList<core::ObservedChange> batch;
        QString error;
        for (const QByteArray &line : lines.split('\n')) {
            if (line.isEmpty())
                continue;
            const json event = json::parse(line.constData(), line.constData() + line.size());
            if (std::optional<core::AnyObject> o
                = core::apijson::fromJson(core::ObjectKind::Pod, event["object"], 0, &error))
                batch.append(core::ObservedChange { std::move(*o), false });
        }
        const double decoded = f.nsecsElapsed() / 1e6;
        session.simulation().advanceTo(session.now() + 16);
        session.simulation().observe(batch);
        const double recorded = f.nsecsElapsed() / 1e6;
        session.actionDone(); // the window's views follow the session (the canvas too)
        QCoreApplication::processEvents(); // a sync the scene deferred runs here
        const double synced = f.nsecsElapsed() / 1e6;
        buffer.fill(Qt::black);
        view.viewport()->render(&buffer);
        frames << f.nsecsElapsed() / 1e6;
        decodeParts << decoded;
        recordParts << recorded - decoded;
        syncParts << synced - recorded;
    }
    const Stats s = stats(frames);
    out << "burst 1,000 pod changes/s for 5 s (16-17 per frame), 1920x1080 fit: frame mean "
        << QString::number(s.mean, 'f', 2) << " ms, p95 " << QString::number(s.p95, 'f', 2)
        << " ms, max " << QString::number(s.max, 'f', 2) << " ms (target <= 16 ms); "
        << session.simulation().actionCount() << " recorded actions\n  (means: decode "
        << QString::number(stats(decodeParts).mean, 'f', 2) << " ms, record "
        << QString::number(stats(recordParts).mean, 'f', 2) << " ms, views "
        << QString::number(stats(syncParts).mean, 'f', 2) << " ms)\n";
    return 0;
}
