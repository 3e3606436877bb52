#pragma once

#include "api/types.h"

#include <QCoreApplication>

namespace ordinal::core {

class Simulation;
class Store;

// The default scheduler, reduced to what a StatefulSet lesson needs. Filters: node Ready,
// not cordoned, NoSchedule/NoExecute taints tolerated, nodeSelector and required node
// affinity, resource requests within allocatable, pod count, required pod (anti-)affinity.
// Scores: fewer pods of the same owner on the node (spreading), preferred pod
// (anti-)affinity weights, then the least loaded node, then the node name. An unschedulable
// pod stays Pending with the scheduler's "0/3 nodes are available: …" message.
class Scheduler
{
    Q_DECLARE_TR_FUNCTIONS(Scheduler)

public:
    static void schedule(Simulation &sim, const QString &podKey);
    // Why a node cannot take the pod, in the scheduler's words; empty when it fits.
    static QString unfitReason(const Store &store, const Pod &pod, const Node &node);
    // How many feasible nodes the scheduler looks for before scoring, as upstream's
    // numFeasibleNodesToFind with the adaptive percentageOfNodesToScore.
    static int feasibleNodesToFind(int nodeCount);
};

} // namespace ordinal::core
