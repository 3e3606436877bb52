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

// What a pod asks of a node, computed once per scheduling cycle.
struct PodNeeds
{
    qint64 cpu = 0;
    qint64 memory = 0;
};

PodNeeds needsOf(const Pod &pod)
{
    return PodNeeds{requested(pod, QStringLiteral("cpu")), requested(pod, QStringLiteral("memory"))};
}

QString unfit(const Store &store, const Pod &pod, const PodNeeds &needs, const Node &node);

} // namespace

QString Scheduler::unfitReason(const Store &store, const Pod &pod, const Node &node)
{
    return unfit(store, pod, needsOf(pod), node);
}

int Scheduler::feasibleNodesToFind(int nodeCount)
{
    // As upstream: all nodes below 100; else 50% - nodes/125, at least 5%, at least 100 nodes.
    if (nodeCount < 100)
        return nodeCount;
    const int percentage = std::max(5, 50 - nodeCount / 125);
    return std::max(100, nodeCount * percentage / 100);
}

namespace {

QString unfit(const Store &store, const Pod &pod, const PodNeeds &needs, const Node &node)
{
    // Reasons are the scheduler's own phrases, counted per node in the FailedScheduling text.
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
    // Resources: the scheduler cache sums the requests of live pods bound to the node.
    const NodeUsage &usage = store.nodeUsage(node.metadata.name);
    const auto allocatable = [&](const QString &r) { return node.allocatable.value(r).value; };
    if (usage.pods + 1 > allocatable(QStringLiteral("pods")))
        return QStringLiteral("Too many pods");
    if (needs.cpu > 0 && usage.cpuMilli + needs.cpu > allocatable(QStringLiteral("cpu")))
        return QStringLiteral("Insufficient cpu");
    if (needs.memory > 0 && usage.memoryBytes + needs.memory > allocatable(QStringLiteral("memory")))
        return QStringLiteral("Insufficient memory");
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

} // namespace

void Scheduler::schedule(Simulation &sim, const QString &podKey)
{
    const Store &store = sim.store();
    const Pod *found = store.find<Pod>(podKey);
    if (!found || !found->spec.nodeName.isEmpty() || found->metadata.isTerminating()
        || found->isTerminal())
        return;
    Pod pod = *found;
    const OwnerReference *owner = pod.metadata.controllerRef();

    struct Candidate
    {
        const Node *node;
        qint64 score;
        int sameOwner;
        int load;
    };
    const auto &nodes = store.all<Node>();
    const int nodeCount = int(nodes.size());
    const int wanted = feasibleNodesToFind(nodeCount);
    // The search resumes where the previous cycle stopped (nextStartNodeIndex), so pods spread
    // over large clusters without every cycle examining every node.
    int &startIndex = sim.state().nextStartNodeIndex;
    startIndex = nodeCount > 0 ? startIndex % nodeCount : 0;
    const PodNeeds needs = needsOf(pod);
    QList<Candidate> candidates;
    candidates.reserve(wanted);
    QMap<QString, int> reasons; // reason -> number of nodes
    auto it = nodes.cbegin();
    std::advance(it, startIndex);
    int examined = 0;
    for (; examined < nodeCount && candidates.size() < wanted; ++examined) {
        const Node &node = it.value();
        if (++it == nodes.cend())
            it = nodes.cbegin();
        const QString reason = unfit(store, pod, needs, node);
        if (!reason.isEmpty()) {
            reasons[reason] += 1;
            continue;
        }
        const NodeUsage &usage = store.nodeUsage(node.metadata.name);
        const int sameOwner = owner ? usage.byOwner.value(owner->uid) : 0;
        const int load = usage.pods;
        qint64 score = 0;
        for (const WeightedPodAffinityTerm &w : pod.spec.affinity.podAntiAffinityPreferred)
            score -= qint64(w.weight) * podsInDomain(store, pod, w.term, node);
        for (const WeightedPodAffinityTerm &w : pod.spec.affinity.podAffinityPreferred)
            score += qint64(w.weight) * podsInDomain(store, pod, w.term, node);
        candidates << Candidate{&node, score, sameOwner, load};
    }
    startIndex = nodeCount > 0 ? (startIndex + examined) % nodeCount : 0;

    const QString podRef = pod.metadata.namespaceName + QLatin1Char('/') + pod.metadata.name;
    const ObjectReference ref{QStringLiteral("Pod"), pod.metadata.namespaceName,
                              pod.metadata.name, pod.metadata.uid};
    if (candidates.isEmpty()) {
        QStringList parts;
        for (auto it = reasons.cbegin(); it != reasons.cend(); ++it)
            parts << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
        const int nodeCount = int(store.all<Node>().size());
        const QString message =
            QStringLiteral("0/%1 nodes are available: %2. preemption: 0/%1 nodes are available: "
                           "%1 Preemption is not helpful for scheduling.")
                .arg(nodeCount)
                .arg(parts.join(QStringLiteral(", ")));
        const PodCondition *previous = pod.status.condition(QStringLiteral("PodScheduled"));
        if (!previous || previous->message != message) {
            pod.status.setCondition(QStringLiteral("PodScheduled"), QStringLiteral("False"),
                                    sim.now(), QStringLiteral("Unschedulable"), message);
            sim.write(pod);
        }
        sim.recordEvent(ref, QStringLiteral("Warning"), QStringLiteral("FailedScheduling"),
                        message, kScheduler);
        sim.decide(kScheduler, QStringLiteral("Pod"), podKey, pod.metadata.name,
                   tr("%1 stays Pending: no node can take it (%2).")
                       .arg(pod.metadata.name, parts.join(QStringLiteral(", "))));
        return;
    }

    // Spread first, then preferred affinity, then the least loaded node, then the name.
    const auto best = std::min_element(candidates.cbegin(), candidates.cend(),
                                       [](const Candidate &a, const Candidate &b) {
                                           if (a.sameOwner != b.sameOwner)
                                               return a.sameOwner < b.sameOwner;
                                           if (a.score != b.score)
                                               return a.score > b.score;
                                           if (a.load != b.load)
                                               return a.load < b.load;
                                           return a.node->metadata.name < b.node->metadata.name;
                                       });
    const QString nodeName = best->node->metadata.name;
    pod.spec.nodeName = nodeName;
    pod.status.setCondition(QStringLiteral("PodScheduled"), QStringLiteral("True"), sim.now());
    sim.write(pod);
    sim.recordEvent(ref, QStringLiteral("Normal"), QStringLiteral("Scheduled"),
                    QStringLiteral("Successfully assigned %1 to %2").arg(podRef, nodeName),
                    kScheduler);
    sim.decide(kScheduler, QStringLiteral("Pod"), podKey, pod.metadata.name,
               owner ? tr("%1 → %2: it has the fewest pods of %3 (%4), then the fewest pods "
                          "overall (%5).")
                           .arg(pod.metadata.name, nodeName, owner->name)
                           .arg(best->sameOwner)
                           .arg(best->load)
                     : tr("%1 → %2: the least loaded node that fits (%3 pods).")
                           .arg(pod.metadata.name, nodeName)
                           .arg(best->load));
    sim.enqueue(WorkKind::KubeletStep, podKey, 0, int(KubeletStep::Admit), pod.metadata.uid,
                sim.podRuntime(pod.metadata.uid).token);
}

} // namespace ordinal::core
