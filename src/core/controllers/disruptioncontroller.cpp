#include "controllers/disruptioncontroller.h"

#include "sim/simulation.h"

#include <algorithm>
#include <cmath>

namespace ordinal::core {

namespace {

// intstr.GetScaledValueFromIntOrPercent with roundUp: "2" is 2, "50%" of 3 is 2.
int scaled(const QString &value, int total)
{
    if (value.endsWith(QLatin1Char('%'))) {
        const qint64 percent = value.chopped(1).toLongLong();
        return int((percent * total + 99) / 100);
    }
    return value.toInt();
}

// getExpectedScale: the summed scale of the controllers of the selected pods. Ordinal's only
// scalable controller is the StatefulSet; pods without one add nothing (upstream reports them
// in an UnmanagedPods event).
int expectedScale(const Store &store, const QList<const Pod *> &pods)
{
    QStringList seen;
    int total = 0;
    for (const Pod *pod : pods) {
        const OwnerReference *owner = pod->metadata.controllerRef();
        if (!owner || seen.contains(owner->uid))
            continue;
        seen << owner->uid;
        if (owner->kind == QLatin1String("StatefulSet")) {
            if (const StatefulSet *set
                = store.find<StatefulSet>(pod->metadata.namespaceName, owner->name))
                total += set->spec.replicas;
        }
    }
    return total;
}

} // namespace

QList<const Pod *> DisruptionController::selectedPods(const Store &store,
                                                      const PodDisruptionBudget &pdb)
{
    if (!pdb.spec.hasSelector)
        return {};
    return store.podsMatching(pdb.metadata.namespaceName, pdb.spec.selector);
}

QList<const PodDisruptionBudget *> DisruptionController::budgetsFor(const Store &store,
                                                                    const Pod &pod)
{
    QList<const PodDisruptionBudget *> out;
    for (const PodDisruptionBudget *pdb :
         store.list<PodDisruptionBudget>(pod.metadata.namespaceName)) {
        if (pdb->spec.hasSelector && pdb->spec.selector.matches(pod.metadata.labels))
            out << pdb;
    }
    return out;
}

PodDisruptionBudgetStatus
DisruptionController::computeStatus(const Store &store, const PodDisruptionBudget &pdb, Millis now)
{
    const QList<const Pod *> pods = selectedPods(store, pdb);
    PodDisruptionBudgetStatus status = pdb.status;
    status.observedGeneration = pdb.metadata.generation;

    // As getExpectedPodCount: maxUnavailable and a percent minAvailable scale with the
    // controllers' replicas; an integer minAvailable counts the pods that exist.
    int expected = 0;
    int desired = 0;
    if (pdb.spec.maxUnavailable) {
        expected = expectedScale(store, pods);
        desired = std::max(0, expected - scaled(*pdb.spec.maxUnavailable, expected));
    } else if (pdb.spec.minAvailable) {
        if (pdb.spec.minAvailable->endsWith(QLatin1Char('%'))) {
            expected = expectedScale(store, pods);
            desired = scaled(*pdb.spec.minAvailable, expected);
        } else {
            expected = int(pods.size());
            desired = pdb.spec.minAvailable->toInt();
        }
    }

    // buildDisruptedPodMap: an evicted pod stays out of the count until it is gone or the
    // deletion timeout passed.
    QMap<QString, Millis> disrupted;
    for (auto it = pdb.status.disruptedPods.cbegin(); it != pdb.status.disruptedPods.cend(); ++it) {
        const Pod *pod = store.find<Pod>(pdb.metadata.namespaceName, it.key());
        if (pod && !pod->metadata.isTerminating() && it.value() + kDeletionTimeout > now)
            disrupted.insert(it.key(), it.value());
    }
    // countHealthyPods: Ready, not terminating, not just evicted.
    int healthy = 0;
    for (const Pod *pod : pods) {
        if (pod->metadata.isTerminating() || disrupted.contains(pod->metadata.name))
            continue;
        if (pod->isReady())
            ++healthy;
    }
    status.disruptedPods = disrupted;
    status.expectedPods = expected;
    status.desiredHealthy = desired;
    status.currentHealthy = healthy;
    // updatePdbStatus: no disruption is allowed while no pod is expected.
    status.disruptionsAllowed = expected <= 0 ? 0 : std::max(0, healthy - desired);
    const bool allowed = status.disruptionsAllowed > 0;
    if (allowed != pdb.status.disruptionAllowed || pdb.status.observedGeneration == 0)
        status.conditionTransitionTime = now;
    status.disruptionAllowed = allowed;
    return status;
}

void DisruptionController::sync(Simulation &sim, const QString &budgetKey)
{
    const PodDisruptionBudget *pdb = sim.store().find<PodDisruptionBudget>(budgetKey);
    if (!pdb)
        return;
    const Millis now = sim.now();
    if (selectedPods(sim.store(), *pdb).isEmpty()) {
        sim.recordEvent(
            ObjectReference { QStringLiteral("PodDisruptionBudget"), pdb->metadata.namespaceName,
                              pdb->metadata.name, pdb->metadata.uid },
            QStringLiteral("Normal"), QStringLiteral("NoPods"),
            QStringLiteral("No matching pods found"), QStringLiteral("controllermanager"));
    }
    const PodDisruptionBudgetStatus status = computeStatus(sim.store(), *pdb, now);
    // Come back when the oldest unconfirmed eviction times out.
    if (!status.disruptedPods.isEmpty()) {
        const Millis first
            = *std::min_element(status.disruptedPods.cbegin(), status.disruptedPods.cend());
        sim.enqueue(WorkKind::SyncDisruption, budgetKey, first + kDeletionTimeout - now);
    }
    if (status == pdb->status)
        return;
    const bool wasAllowed = pdb->status.disruptionsAllowed > 0;
    const bool firstSync = pdb->status.observedGeneration == 0;
    sim.update<PodDisruptionBudget>(budgetKey,
                                    [&](PodDisruptionBudget &stored) { stored.status = status; });
    if (wasAllowed != (status.disruptionsAllowed > 0) || firstSync) {
        const QString name = pdb->metadata.name;
        sim.decide(QStringLiteral("disruption-controller"), QStringLiteral("PodDisruptionBudget"),
                   budgetKey, name, [&] {
                       return status.disruptionsAllowed > 0
                           ? tr("%1 allows %2 voluntary disruption(s): %3 of its pods are healthy "
                                "and it needs %4.")
                                 .arg(name)
                                 .arg(status.disruptionsAllowed)
                                 .arg(status.currentHealthy)
                                 .arg(status.desiredHealthy)
                           : tr("%1 allows no voluntary disruption now: %2 of its pods are healthy "
                                "and it needs %3. Evictions (kubectl drain) wait.")
                                 .arg(name)
                                 .arg(status.currentHealthy)
                                 .arg(status.desiredHealthy);
                   });
    }
}

} // namespace ordinal::core
