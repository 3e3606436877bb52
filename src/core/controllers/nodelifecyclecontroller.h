#pragma once

#include "api/types.h"

#include <QCoreApplication>

namespace ordinal::core {

class Simulation;
struct WorkItem;

// The node lifecycle controller and the taint-based eviction it drives (§1.13). A node that
// stops heart-beating turns Ready=Unknown after node-monitor-grace-period; its pods are
// marked not Ready (they leave endpoints and DNS) and the node gets the unreachable NoExecute
// taint; after the pods' tolerationSeconds (300 s by default) they are deleted gracefully —
// and, with no kubelet to confirm, stay Terminating. Pod garbage collection force-deletes
// them once the Node object is deleted or tainted out-of-service.
class NodeLifecycleController
{
    Q_DECLARE_TR_FUNCTIONS(NodeLifecycleController)

public:
    enum Phase { MarkUnknown = 1, Evict = 2 };

    static void step(Simulation &sim, const WorkItem &item);
    static void nodeStopped(Simulation &sim, const QString &nodeName);
    static void nodeStarted(Simulation &sim, const QString &nodeName);
    // Pod GC for a deleted or out-of-service node: force-deletes its terminating pods
    // (all of its pods when the Node object is gone).
    static void collectPods(Simulation &sim, const QString &nodeName, bool all);
};

} // namespace ordinal::core
