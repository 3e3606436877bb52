#include "controllers/nodelifecyclecontroller.h"

#include "controllers/kubelet.h"
#include "sim/simulation.h"

namespace ordinal::core {

namespace {

const QString kController = QStringLiteral("node-controller");
const QString kUnreachable = QStringLiteral("node.kubernetes.io/unreachable");

qint64 tolerationSecondsFor(const Pod &pod, qint64 fallback)
{
    for (const Toleration &t : pod.spec.tolerations) {
        if ((t.key == kUnreachable || (t.key.isEmpty() && t.op == QLatin1String("Exists")))
            && (t.effect.isEmpty() || t.effect == QLatin1String("NoExecute")))
            return t.tolerationSeconds.value_or(-1); // no seconds: tolerated forever
    }
    return fallback;
}

} // namespace

void NodeLifecycleController::nodeStopped(Simulation &sim, const QString &nodeName)
{
    NodeRuntime &runtime = sim.nodeRuntime(nodeName);
    runtime.heartbeating = false;
    runtime.downSince = sim.now();
    const Millis grace = sim.config().timing.nodeMonitorGracePeriod;
    sim.decide(kController, QStringLiteral("Node"), nodeName, nodeName,
               tr("%1 stopped sending heartbeats. It is marked NotReady only after %2 s "
                  "(node-monitor-grace-period); until then its pods still look healthy.")
                   .arg(nodeName)
                   .arg(grace / kSecond));
    sim.enqueue(WorkKind::NodeLifecycle, nodeName, grace, MarkUnknown, {}, runtime.downSince);
}

void NodeLifecycleController::nodeStarted(Simulation &sim, const QString &nodeName)
{
    NodeRuntime &runtime = sim.nodeRuntime(nodeName);
    runtime.heartbeating = true;
    runtime.downSince = -1;
    if (const Node *found = sim.store().find<Node>(nodeName)) {
        Node node = *found;
        for (NodeCondition &c : node.conditions) {
            if (c.type == QLatin1String("Ready")) {
                if (c.status != QLatin1String("True"))
                    c.lastTransitionTime = sim.now();
                c.status = QStringLiteral("True");
                c.reason = QStringLiteral("KubeletReady");
                c.message = QStringLiteral("kubelet is posting ready status");
                c.lastHeartbeatTime = sim.now();
            }
        }
        node.taints.removeIf([](const Taint &t) { return t.key == kUnreachable; });
        sim.write(node);
        sim.decide(kController, QStringLiteral("Node"), nodeName, nodeName,
                   tr("%1 is back: Ready again, the unreachable taint is removed, and its "
                      "kubelet finishes what was pending (Terminating pods go away).")
                       .arg(nodeName));
    }
    Kubelet::resyncNode(sim, nodeName);
}

void NodeLifecycleController::step(Simulation &sim, const WorkItem &item)
{
    const QString nodeName = item.key;
    NodeRuntime &runtime = sim.nodeRuntime(nodeName);
    if (runtime.heartbeating || runtime.downSince != item.token)
        return; // the node came back (or went down again later)
    const Node *found = sim.store().find<Node>(nodeName);
    if (!found)
        return;
    const Millis now = sim.now();
    if (item.step == MarkUnknown) {
        Node node = *found;
        for (NodeCondition &c : node.conditions) {
            c.status = QStringLiteral("Unknown");
            c.reason = QStringLiteral("NodeStatusUnknown");
            c.message = QStringLiteral("Kubelet stopped posting node status.");
            c.lastTransitionTime = now;
        }
        node.taints.append(Taint{kUnreachable, {}, QStringLiteral("NoSchedule"), now});
        node.taints.append(Taint{kUnreachable, {}, QStringLiteral("NoExecute"), now});
        sim.write(node);
        sim.recordEvent(ObjectReference{QStringLiteral("Node"), {}, nodeName, node.metadata.uid},
                        QStringLiteral("Normal"), QStringLiteral("NodeNotReady"),
                        QStringLiteral("Node %1 status is now: NodeNotReady").arg(nodeName),
                        kController);
        // MarkPodsNotReady: every pod on the node loses Ready and leaves the endpoints.
        qint64 shortest = -1;
        for (const Pod *podPtr : sim.store().podsOnNode(nodeName)) {
            Pod pod = *podPtr;
            if (pod.isTerminal())
                continue;
            for (ContainerStatus &cs : pod.status.containerStatuses)
                cs.ready = false;
            pod.status.setCondition(QStringLiteral("Ready"), QStringLiteral("False"), now,
                                    QStringLiteral("NodeNotReady"));
            sim.write(pod);
            const qint64 seconds =
                tolerationSecondsFor(pod, sim.config().timing.defaultTolerationSeconds);
            if (seconds >= 0 && (shortest < 0 || seconds < shortest))
                shortest = seconds;
        }
        sim.decide(kController, QStringLiteral("Node"), nodeName, nodeName,
                   tr("%1 is NotReady (no heartbeat for %2 s): its pods are marked not Ready and "
                      "leave the Service endpoints; they are evicted after their "
                      "tolerationSeconds (%3 s).")
                       .arg(nodeName)
                       .arg(sim.config().timing.nodeMonitorGracePeriod / kSecond)
                       .arg(shortest < 0 ? sim.config().timing.defaultTolerationSeconds
                                         : shortest));
        sim.enqueue(WorkKind::NodeLifecycle, nodeName, std::max<qint64>(shortest, 0) * kSecond,
                    Evict, {}, item.token);
        return;
    }
    // Evict: taint-based eviction deletes the pods gracefully; they cannot finish.
    qint64 next = -1;
    const Millis taintedAt = runtime.downSince + sim.config().timing.nodeMonitorGracePeriod;
    for (const Pod *podPtr : sim.store().podsOnNode(nodeName)) {
        const Pod &pod = *podPtr;
        if (pod.metadata.isTerminating())
            continue;
        const qint64 seconds =
            tolerationSecondsFor(pod, sim.config().timing.defaultTolerationSeconds);
        if (seconds < 0)
            continue;
        const Millis due = taintedAt + seconds * kSecond;
        if (due > now) {
            if (next < 0 || due < next)
                next = due;
            continue;
        }
        sim.recordEvent(ObjectReference{QStringLiteral("Pod"), pod.metadata.namespaceName,
                                        pod.metadata.name, pod.metadata.uid},
                        QStringLiteral("Normal"), QStringLiteral("TaintManagerEviction"),
                        QStringLiteral("Marking for deletion Pod %1/%2")
                            .arg(pod.metadata.namespaceName, pod.metadata.name),
                        QStringLiteral("taint-eviction-controller"));
        sim.decide(kController, QStringLiteral("Pod"), objectKey(pod.metadata), pod.metadata.name,
                   tr("%1 evicted from %2 (unreachable for longer than its toleration). It is "
                      "deleted gracefully, but nobody on %2 can confirm, so it stays "
                      "Terminating. Its replacement waits: force delete it, delete the Node, "
                      "taint it out-of-service, or bring the node back.")
                       .arg(pod.metadata.name, nodeName));
        sim.deletePod(pod.metadata.namespaceName, pod.metadata.name, std::nullopt, false);
    }
    if (next > 0)
        sim.enqueue(WorkKind::NodeLifecycle, nodeName, next - now, Evict, {}, item.token);
}

void NodeLifecycleController::collectPods(Simulation &sim, const QString &nodeName, bool all)
{
    QList<Pod> doomed;
    for (const Pod *pod : sim.store().podsOnNode(nodeName)) {
        if (all || pod->metadata.isTerminating())
            doomed << *pod;
    }
    for (const Pod &pod : std::as_const(doomed)) {
        sim.decide(QStringLiteral("pod-garbage-collector"), QStringLiteral("Pod"),
                   objectKey(pod.metadata), pod.metadata.name,
                   all ? tr("%1 force-deleted: its Node %2 no longer exists.")
                             .arg(pod.metadata.name, nodeName)
                       : tr("%1 force-deleted: %2 is out of service (non-graceful node "
                            "shutdown).")
                             .arg(pod.metadata.name, nodeName));
        sim.deletePod(pod.metadata.namespaceName, pod.metadata.name, 0, true);
    }
}

} // namespace ordinal::core
