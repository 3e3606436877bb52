#include "controllers/scheduler.h"

#include "sim/simulation.h"

#include <algorithm>

namespace ordinal::core {

namespace {

const QString kScheduler = QStringLiteral("default-scheduler");
const QString kHostnameKey = QStringLiteral("kubernetes.io/hostname");

bool tolerates(const QList<Toleration> &tolerations, const Taint &taint)
{
    for (const Toleration &t : tolerations) {
        if (!t.effect.isEmpty() && t.effect != taint.effect)
            continue;
        if (t.op == QLatin1String("Exists")) {
            if (t.key.isEmpty() || t.key == taint.key)
                return true;
        } else if (t.key == taint.key && t.value == taint.value) {
            return true;
        }
    }
    return false;
}

bool nodeRequirementMatches(const NodeSelectorRequirement &req, const Node &node)
{
    const QMap<QString, QString> &labels = node.metadata.labels;
    const bool has = labels.contains(req.key);
    const QString value = labels.value(req.key);
    if (req.op == QLatin1String("In"))
        return has && req.values.contains(value);
    if (req.op == QLatin1String("NotIn"))
        return !has || !req.values.contains(value);
    if (req.op == QLatin1String("Exists"))
        return has;
    if (req.op == QLatin1String("DoesNotExist"))
        return !has;
    if (req.op == QLatin1String("Gt") || req.op == QLatin1String("Lt")) {
        if (!has || req.values.isEmpty())
            return false;
        const qint64 lhs = value.toLongLong();
        const qint64 rhs = req.values.first().toLongLong();
        return req.op == QLatin1String("Gt") ? lhs > rhs : lhs < rhs;
    }
    return false;
}

// Topology value of a node for a key; nodes without the label are not in any domain.
QString topologyValue(const Node &node, const QString &key)
{
    if (key == kHostnameKey && !node.metadata.labels.contains(key))
        return node.metadata.name;
    return node.metadata.labels.value(key);
}

// Live pods (not terminal) matching term in the same topology domain as node.
int podsInDomain(const Store &store, const Pod &pod, const PodAffinityTerm &term,
                 const Node &node)
{
    const QString domain = topologyValue(node, term.topologyKey);
    if (domain.isEmpty())
        return 0;
    int count = 0;
    for (const Pod &other : store.all<Pod>()) {
        if (other.metadata.uid == pod.metadata.uid || other.spec.nodeName.isEmpty()
            || other.isTerminal())
            continue;
        const QStringList namespaces =
            term.namespaces.isEmpty() ? QStringList{pod.metadata.namespaceName} : term.namespaces;
        if (!namespaces.contains(other.metadata.namespaceName)
            || !term.labelSelector.matches(other.metadata.labels))
            continue;
        const Node *otherNode = store.find<Node>(other.spec.nodeName);
        if (otherNode && topologyValue(*otherNode, term.topologyKey) == domain)
            ++count;
    }
    return count;
}

qint64 requested(const Pod &pod, const QString &resource)
{
    qint64 total = 0;
    for (const Container &c : pod.spec.containers)
        total += c.resources.requests.value(resource).value;
    return total;
}

// Whether a filter failure is Unschedulable (evicting pods could resolve it: resources, the
// pod's anti-affinity) rather than UnschedulableAndUnresolvable (taints, readiness, cordon,
// node affinity, pod affinity), as the scheduler's plugins return their statuses.
bool preemptionMightHelp(const QString &reason)
{
    return reason.startsWith(QLatin1String("Insufficient "))
        || reason == QLatin1String("Too many pods")
        || reason == QLatin1String("node(s) didn't match pod anti-affinity rules");
}

// Filters that read only the node and the pod's spec. Reasons are the scheduler's own
// phrases, counted per node in the FailedScheduling text.
QString staticUnfit(const Pod &pod, const Node &node)
{
    if (!node.isReady())
        return QStringLiteral("node(s) were not ready");
    if (node.unschedulable)
        return QStringLiteral("node(s) were unschedulable");
    for (const Taint &taint : node.taints) {
        if (taint.effect == QLatin1String("PreferNoSchedule"))
            continue;
        if (!tolerates(pod.spec.tolerations, taint)) {
            return QStringLiteral("node(s) had untolerated taint {%1: %2}")
                .arg(taint.key, taint.value);
        }
    }
    for (auto it = pod.spec.nodeSelector.cbegin(); it != pod.spec.nodeSelector.cend(); ++it) {
        if (node.metadata.labels.value(it.key()) != it.value()
            || !node.metadata.labels.contains(it.key()))
            return QStringLiteral("node(s) didn't match Pod's node affinity/selector");
    }
    if (!pod.spec.affinity.nodeRequired.isEmpty()) {
        const bool any = std::any_of(
            pod.spec.affinity.nodeRequired.cbegin(), pod.spec.affinity.nodeRequired.cend(),
            [&](const QList<NodeSelectorRequirement> &term) {
                return std::all_of(term.cbegin(), term.cend(), [&](const auto &req) {
                    return nodeRequirementMatches(req, node);
                });
            });
        if (!any)
            return QStringLiteral("node(s) didn't match Pod's node affinity/selector");
    }
    return {};
}

// Required pod (anti-)affinity: these filters count other pods, so they change as pods come
// and go and are evaluated for every node.
QString podAffinityUnfit(const Store &store, const Pod &pod, const Node &node)
{
    for (const PodAffinityTerm &term : pod.spec.affinity.podAntiAffinityRequired) {
        if (podsInDomain(store, pod, term, node) > 0)
            return QStringLiteral("node(s) didn't match pod anti-affinity rules");
    }
    for (const PodAffinityTerm &term : pod.spec.affinity.podAffinityRequired) {
        if (podsInDomain(store, pod, term, node) == 0) {
            // As upstream: a pod may match its own affinity term when nothing matches yet.
            bool anyMatch = false;
            for (const Pod &other : store.all<Pod>())
                anyMatch = anyMatch
                    || (other.metadata.uid != pod.metadata.uid && !other.spec.nodeName.isEmpty()
                        && term.labelSelector.matches(other.metadata.labels));
            if (anyMatch || !term.labelSelector.matches(pod.metadata.labels))
                return QStringLiteral("node(s) didn't match pod affinity rules");
        }
    }
    return {};
}

// The cache for the store's current nodes (rebuilt when a node changed), and the static fit
// of pods like this one.
const SchedulerCache::StaticFit &staticFit(SchedulerCache &cache, const Store &store,
                                           const Pod &pod)
{
    if (cache.nodeGeneration != store.nodeGeneration()) {
        cache.clear();
        cache.nodeGeneration = store.nodeGeneration();
        for (const Node &node : store.all<Node>()) {
            const auto allocatable = [&](const QString &r) {
                return node.allocatable.value(r).value;
            };
            cache.nodes.push_back({&node, store.nodeUsageSlot(node.metadata.name),
                                   allocatable(QStringLiteral("pods")),
                                   allocatable(QStringLiteral("cpu")),
                                   allocatable(QStringLiteral("memory"))});
        }
    }
    const OwnerReference *owner = pod.metadata.controllerRef();
    SchedulerCache::StaticFit &fit = cache.fits[owner ? owner->uid : QString()];
    if (fit.reason.size() == cache.nodes.size() && fit.tolerations == pod.spec.tolerations
        && fit.nodeSelector == pod.spec.nodeSelector
        && fit.nodeRequired == pod.spec.affinity.nodeRequired)
        return fit;
    fit = SchedulerCache::StaticFit{pod.spec.tolerations, pod.spec.nodeSelector,
                                    pod.spec.affinity.nodeRequired, {}, {},
                                    ++cache.fitVersions};
    fit.reason.reserve(cache.nodes.size());
    for (const SchedulerCache::NodeInfo &info : cache.nodes) {
        const QString reason = staticUnfit(pod, *info.node);
        qsizetype index = reason.isEmpty() ? -1 : fit.reasons.indexOf(reason);
        if (!reason.isEmpty() && index < 0) {
            fit.reasons << reason;
            index = fit.reasons.size() - 1;
        }
        fit.reason.push_back(int(index));
    }
    return fit;
}

// The resource filters: pod count, cpu and memory requests against allocatable, with the
// requests of the live pods bound to the node. nullptr when the pod fits.
const QLatin1String *resourceUnfit(const SchedulerCache::NodeInfo &info, const NodeUsage &usage,
                                   qint64 cpu, qint64 memory)
{
    static const QLatin1String tooMany("Too many pods"), noCpu("Insufficient cpu"),
        noMemory("Insufficient memory");
    if (usage.pods + 1 > info.podCapacity)
        return &tooMany;
    if (cpu > 0 && usage.cpuMilli + cpu > info.cpuCapacity)
        return &noCpu;
    if (memory > 0 && usage.memoryBytes + memory > info.memoryCapacity)
        return &noMemory;
    return nullptr;
}

using Tree = SchedulerCache::Tree;

// Whether node a scores better than node b (-1: no node): fewer pods of the same owner, then
// fewer pods, then the first in name order — as the walk in Scheduler::schedule.
bool better(const Tree &t, int a, int b)
{
    if (a < 0 || b < 0)
        return a >= 0;
    if (t.sameOwner[a] != t.sameOwner[b])
        return t.sameOwner[a] < t.sameOwner[b];
    if (t.load[a] != t.load[b])
        return t.load[a] < t.load[b];
    return a < b;
}

void pull(Tree &t, int p)
{
    t.count[p] = t.count[2 * p] + t.count[2 * p + 1];
    t.best[p] = better(t, t.best[2 * p + 1], t.best[2 * p]) ? t.best[2 * p + 1] : t.best[2 * p];
}

void setLeaf(Tree &t, const SchedulerCache &cache, const SchedulerCache::StaticFit &fit,
             const Store &store, int node)
{
    const SchedulerCache::NodeInfo &info = cache.nodes[node];
    const NodeUsage &usage = store.nodeUsageAt(info.usageSlot);
    const bool feasible = fit.reason[node] < 0 && !resourceUnfit(info, usage, t.cpu, t.memory);
    t.sameOwner[node] = t.ownerId >= 0 ? usage.podsOf(t.ownerId) : 0;
    t.load[node] = usage.pods;
    t.count[t.size + node] = feasible ? 1 : 0;
    t.best[t.size + node] = feasible ? node : -1;
}

void buildTree(Tree &t, const SchedulerCache &cache, const SchedulerCache::StaticFit &fit,
               const Store &store)
{
    const int n = int(cache.nodes.size());
    t.size = 1;
    while (t.size < n)
        t.size *= 2;
    t.count.assign(2 * t.size, 0);
    t.best.assign(2 * t.size, -1);
    t.sameOwner.assign(n, 0);
    t.load.assign(n, 0);
    for (int node = 0; node < n; ++node)
        setLeaf(t, cache, fit, store, node);
    for (int p = t.size - 1; p >= 1; --p)
        pull(t, p);
    t.fitVersion = fit.version;
    t.usageGeneration = store.usageGeneration();
}

void updateLeaf(Tree &t, const SchedulerCache &cache, const SchedulerCache::StaticFit &fit,
                const Store &store, int node)
{
    setLeaf(t, cache, fit, store, node);
    for (int p = (t.size + node) / 2; p >= 1; p /= 2)
        pull(t, p);
}

// Feasible nodes in [0, end).
int countBefore(const Tree &t, int end)
{
    int total = 0;
    for (int l = t.size, r = t.size + end; l < r; l /= 2, r /= 2) {
        if (l & 1)
            total += t.count[l++];
        if (r & 1)
            total += t.count[--r];
    }
    return total;
}

// The k-th feasible node (1-based) in index order.
int kth(const Tree &t, int k)
{
    int p = 1;
    while (p < t.size) {
        if (t.count[2 * p] >= k) {
            p = 2 * p;
        } else {
            k -= t.count[2 * p];
            p = 2 * p + 1;
        }
    }
    return p - t.size;
}

// The best feasible node in [first, last].
int bestIn(const Tree &t, int first, int last)
{
    int result = -1;
    for (int l = t.size + first, r = t.size + last + 1; l < r; l /= 2, r /= 2) {
        if ((l & 1) && better(t, t.best[l], result))
            result = t.best[l];
        if (l & 1)
            ++l;
        if ((r & 1) && better(t, t.best[r - 1], result))
            result = t.best[r - 1];
        if (r & 1)
            --r;
    }
    return result;
}

// The choice of the walk in Scheduler::schedule, found in the tree: the best of the feasible
// nodes from `start` up to the wanted-th of them (wrapping), or of all when there are fewer.
// Also says how many nodes the walk would examine and how many of those are feasible. The
// tree holds at least one feasible node.
int bestInWindow(const Tree &t, int start, int wanted, int &examined, int &feasible)
{
    const int nodeCount = int(t.load.size());
    const int total = t.count[1];
    if (total < wanted) {
        examined = nodeCount;
        feasible = total;
        return t.best[1];
    }
    feasible = wanted;
    const int target = countBefore(t, start) + wanted;
    if (target <= total) {
        const int last = kth(t, target);
        examined = last - start + 1;
        return bestIn(t, start, last);
    }
    const int last = kth(t, target - total);
    examined = nodeCount - start + last + 1;
    const int tail = bestIn(t, start, nodeCount - 1);
    const int head = bestIn(t, 0, last);
    return better(t, head, tail) ? head : tail;
}

} // namespace

int Scheduler::feasibleNodesToFind(int nodeCount)
{
    // As upstream: all nodes below 100; else 50% - nodes/125, at least 5%, at least 100 nodes.
    if (nodeCount < 100)
        return nodeCount;
    const int percentage = std::max(5, 50 - nodeCount / 125);
    return std::max(100, nodeCount * percentage / 100);
}

void Scheduler::schedule(Simulation &sim, const QString &podKey)
{
    const Store &store = sim.store();
    const Pod *found = store.find<Pod>(podKey);
    if (!found || !found->spec.nodeName.isEmpty() || found->metadata.isTerminating()
        || found->isTerminal())
        return;
    const Pod &pod = *found;
    const OwnerReference *owner = pod.metadata.controllerRef();
    SchedulerCache &cache = sim.schedulerCache();
    const SchedulerCache::StaticFit &fit = staticFit(cache, store, pod);

    // Scored as it is found: fewer pods of the same owner, then preferred affinity, then the
    // least loaded node; the first in name order wins a tie.
    struct Candidate
    {
        int node = -1;
        qint64 score = 0;
        int sameOwner = 0;
        int load = 0;

        bool betterThan(const Candidate &other) const
        {
            if (sameOwner != other.sameOwner)
                return sameOwner < other.sameOwner;
            if (score != other.score)
                return score > other.score;
            if (load != other.load)
                return load < other.load;
            return node < other.node;
        }
    };
    const int nodeCount = int(cache.nodes.size());
    const int wanted = feasibleNodesToFind(nodeCount);
    // The search resumes where the previous cycle stopped (nextStartNodeIndex), so pods spread
    // over large clusters without every cycle examining every node.
    int &startIndex = sim.state().nextStartNodeIndex;
    startIndex = nodeCount > 0 ? startIndex % nodeCount : 0;
    const qint64 cpu = requested(pod, QStringLiteral("cpu"));
    const qint64 memory = requested(pod, QStringLiteral("memory"));
    const int ownerId = owner ? store.ownerId(owner->uid) : -1;
    const Affinity &affinity = pod.spec.affinity;
    const bool podAffinity = !affinity.podAntiAffinityRequired.isEmpty()
        || !affinity.podAffinityRequired.isEmpty();
    const bool scored = !affinity.podAntiAffinityPreferred.isEmpty()
        || !affinity.podAffinityPreferred.isEmpty();
    const SchedulerCache::NodeInfo *const info = cache.nodes.data();
    const int *const staticFit = fit.reason.data();
    QList<int> staticReasons(fit.reasons.size(), 0);
    QMap<QString, int> reasons; // dynamic reason -> number of nodes
    Candidate best;
    int feasible = 0;
    int examined = 0;
    Tree &tree = cache.tree;
    const bool useTree = !podAffinity && !scored && nodeCount > 0 && !cache.walkOnly;
    if (useTree
        && (tree.fitVersion != fit.version || tree.ownerId != ownerId || tree.cpu != cpu
            || tree.memory != memory || tree.usageGeneration != store.usageGeneration())) {
        tree.ownerId = ownerId;
        tree.cpu = cpu;
        tree.memory = memory;
        buildTree(tree, cache, fit, store);
    }
    if (useTree && tree.count[1] > 0) {
        best.node = bestInWindow(tree, startIndex, wanted, examined, feasible);
        best.sameOwner = tree.sameOwner[best.node];
        best.load = tree.load[best.node];
    } else {
        for (int i = startIndex; examined < nodeCount && feasible < wanted; ++examined) {
            const int node = i;
            if (++i == nodeCount)
                i = 0;
            if (const int r = staticFit[node]; r >= 0) {
                ++staticReasons[r];
                continue;
            }
            // Resources: the scheduler cache sums the requests of live pods bound to the node.
            const NodeUsage &usage = store.nodeUsageAt(info[node].usageSlot);
            if (const QLatin1String *reason = resourceUnfit(info[node], usage, cpu, memory)) {
                reasons[*reason] += 1;
                continue;
            }
            if (podAffinity) {
                if (const QString why = podAffinityUnfit(store, pod, *info[node].node);
                    !why.isEmpty()) {
                    reasons[why] += 1;
                    continue;
                }
            }
            Candidate candidate{node, 0, ownerId >= 0 ? usage.podsOf(ownerId) : 0, usage.pods};
            if (scored) {
                const Node &n = *info[node].node;
                for (const WeightedPodAffinityTerm &w : affinity.podAntiAffinityPreferred)
                    candidate.score -= qint64(w.weight) * podsInDomain(store, pod, w.term, n);
                for (const WeightedPodAffinityTerm &w : affinity.podAffinityPreferred)
                    candidate.score += qint64(w.weight) * podsInDomain(store, pod, w.term, n);
            }
            if (feasible++ == 0 || candidate.betterThan(best))
                best = candidate;
        }
    }
    startIndex = nodeCount > 0 ? (startIndex + examined) % nodeCount : 0;
    for (qsizetype r = 0; r < fit.reasons.size(); ++r) {
        if (staticReasons[r] > 0)
            reasons[fit.reasons[r]] += staticReasons[r];
    }

    const ObjectReference ref{QStringLiteral("Pod"), pod.metadata.namespaceName,
                              pod.metadata.name, pod.metadata.uid};
    if (feasible == 0) {
        // As FitError.Error: the whole "N reason" strings, sorted (so "1 node(s) had ..."
        // comes before "2 node(s) didn't ...").
        QStringList parts;
        int helpful = 0;
        for (auto it = reasons.cbegin(); it != reasons.cend(); ++it) {
            parts << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
            if (preemptionMightHelp(it.key()))
                helpful += it.value();
        }
        parts.sort();
        // DefaultPreemption's PostFilter: nodes rejected for a reason that evicting pods could
        // resolve are dry-run, and with every pod at priority 0 none is a victim.
        QStringList preemption;
        if (nodeCount - helpful > 0)
            preemption << QStringLiteral("%1 Preemption is not helpful for scheduling")
                              .arg(nodeCount - helpful);
        if (helpful > 0)
            preemption << QStringLiteral("%1 No preemption victims found for incoming pod")
                              .arg(helpful);
        preemption.sort();
        const QString message =
            QStringLiteral("0/%1 nodes are available: %2. preemption: 0/%1 nodes are available: "
                           "%3.")
                .arg(nodeCount)
                .arg(parts.join(QStringLiteral(", ")), preemption.join(QStringLiteral(", ")));
        const PodCondition *previous = pod.status.condition(QStringLiteral("PodScheduled"));
        if (!previous || previous->message != message) {
            sim.update<Pod>(podKey, [&](Pod &unschedulable) {
                unschedulable.status.setCondition(QStringLiteral("PodScheduled"),
                                                  QStringLiteral("False"), sim.now(),
                                                  QStringLiteral("Unschedulable"), message);
            });
        }
        sim.recordEvent(ref, QStringLiteral("Warning"), QStringLiteral("FailedScheduling"),
                        message, kScheduler);
        sim.decide(kScheduler, QStringLiteral("Pod"), podKey, pod.metadata.name,
                   tr("%1 stays Pending: no node can take it (%2).")
                       .arg(pod.metadata.name, parts.join(QStringLiteral(", "))));
        return;
    }

    const QString nodeName = info[best.node].node->metadata.name;
    const qint64 usageBefore = store.usageGeneration();
    const Millis now = sim.now();
    const Pod &bound = sim.update<Pod>(podKey, [&](Pod &binding) {
        binding.spec.nodeName = nodeName;
        binding.status.setCondition(QStringLiteral("PodScheduled"), QStringLiteral("True"), now);
    });
    // A checkpoint shared the pods until this write: read the store's own copy from here on.
    owner = bound.metadata.controllerRef();
    if (useTree && tree.usageGeneration == usageBefore
        && store.usageGeneration() == usageBefore + 1) {
        // The bind changed one node's usage: update its leaf instead of rebuilding.
        updateLeaf(tree, cache, fit, store, best.node);
        tree.usageGeneration = store.usageGeneration();
    }
    sim.recordEvent(ref, QStringLiteral("Normal"), QStringLiteral("Scheduled"), [&] {
        return QStringLiteral("Successfully assigned %1/%2 to %3")
            .arg(bound.metadata.namespaceName, bound.metadata.name, nodeName);
    }, kScheduler);
    sim.decide(kScheduler, QStringLiteral("Pod"), podKey, bound.metadata.name, [&] {
        return owner ? tr("%1 → %2: it has the fewest pods of %3 (%4), then the fewest pods "
                          "overall (%5).")
                           .arg(bound.metadata.name, nodeName, owner->name,
                                QString::number(best.sameOwner), QString::number(best.load))
                     : tr("%1 → %2: the least loaded node that fits (%3 pods).")
                           .arg(bound.metadata.name, nodeName, QString::number(best.load));
    });
    sim.enqueue(WorkKind::KubeletStep, podKey, 0, int(KubeletStep::Admit), bound.metadata.uid,
                sim.podRuntime(bound.metadata.uid).token);
}

} // namespace ordinal::core
