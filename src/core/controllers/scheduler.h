#pragma once

#include "api/types.h"

#include <QCoreApplication>
#include <QHash>

#include <vector>

namespace ordinal::core {

class Simulation;
class Store;

// What the scheduler derives from the nodes and keeps between scheduling cycles, rebuilt
// whenever a node changes (Store::nodeGeneration). Not part of the simulated state: it only
// saves work, and throwing it away never changes a decision.
struct SchedulerCache
{
    // The filters that look at the node alone (Ready, cordon, taints, nodeSelector, node
    // affinity) for one kind of pod, recognised by the fields those filters read.
    struct StaticFit
    {
        QList<Toleration> tolerations;
        QMap<QString, QString> nodeSelector;
        QList<QList<NodeSelectorRequirement>> nodeRequired;
        std::vector<int> reason; // per node: -1 when it passes, else an index into reasons
        QStringList reasons;
        qint64 version = 0;
    };
    struct NodeInfo
    {
        const Node *node;
        int usageSlot; // for Store::nodeUsageAt
        qint64 podCapacity, cpuCapacity, memoryCapacity;
    };

    // For pods without pod (anti-)affinity terms: which nodes fit one kind of pod and how they
    // score, in a segment tree, so that the best of the next `wanted` feasible nodes costs
    // O(log nodes) instead of a walk over them. Valid for one kind of pod (static fit, owner,
    // requests) and one state of the nodes' usage; the scheduler's own bind updates one leaf.
    struct Tree
    {
        qint64 fitVersion = -1;
        int ownerId = -1;
        qint64 cpu = 0;
        qint64 memory = 0;
        qint64 usageGeneration = -1;
        int size = 0;              // leaves, a power of two
        std::vector<int> count;    // feasible nodes under each tree node
        std::vector<int> best;     // best feasible node under each tree node, or -1
        std::vector<int> sameOwner; // per node: pods of the owner on it
        std::vector<int> load;      // per node: pods on it
    };

    qint64 nodeGeneration = -1;
    std::vector<NodeInfo> nodes; // in name order, as the store iterates them
    QHash<QString, StaticFit> fits; // by controller uid ("" for bare pods)
    qint64 fitVersions = 0;
    Tree tree;
    bool walkOnly = false; // tests: always walk the nodes, to check the tree against it

    void clear()
    {
        const bool walk = walkOnly;
        *this = SchedulerCache();
        walkOnly = walk;
    }
};

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
    // How many feasible nodes the scheduler looks for before scoring, as upstream's
    // numFeasibleNodesToFind with the adaptive percentageOfNodesToScore.
    static int feasibleNodesToFind(int nodeCount);
};

} // namespace ordinal::core
