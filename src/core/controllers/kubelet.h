#pragma once

#include "api/types.h"

#include <QCoreApplication>

namespace ordinal::core {

class Simulation;
struct WorkItem;

// The kubelet of every node, as a timed state machine per pod: init containers first, one at a
// time and each to completion (PodInitializing), then ContainerCreating while the
// image is pulled (only when the node lacks it) and the container starts, then Running, then
// Ready when the readiness probe first passes (initialDelaySeconds); crashes restart with
// back-off (CrashLoopBackOff); a deleted pod gets SIGTERM and disappears once its containers
// have exited. A node that stopped heart-beating runs none of this: its pods freeze, and a
// deletion there never completes until the node returns.
class Kubelet
{
    Q_DECLARE_TR_FUNCTIONS(Kubelet)

public:
    static void step(Simulation &sim, const WorkItem &item);

    // Starts graceful termination of a pod whose deletionTimestamp was just set.
    static void beginTermination(Simulation &sim, const Pod &pod);
    // User-triggered faults (`sim unready|ready|crash|fail`).
    static void setReadinessFailing(Simulation &sim, const Pod &pod, bool failing);
    static void crash(Simulation &sim, const Pod &pod);
    // `sim init-fail|init-pass`: from now on every init container run of the pod exits with
    // code 1 (or with 0 again). The running init container fails when its command ends.
    static void setInitFailing(Simulation &sim, const Pod &pod, bool failing);
    static void fail(Simulation &sim, const Pod &pod);
    // The containers' processes exited with exitCode (a command run to its end, as `kubectl
    // run -i` attaches to): terminated, and the pod Succeeded (0) or Failed; only for pods
    // whose restartPolicy is not Always.
    static void complete(Simulation &sim, const Pod &pod, int exitCode);
    // The node came back: finish deletions and re-evaluate readiness of its pods.
    static void resyncNode(Simulation &sim, const QString &nodeName);
};

} // namespace ordinal::core
