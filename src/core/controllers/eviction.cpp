#include "controllers/eviction.h"

#include "controllers/disruptioncontroller.h"
#include "sim/simulation.h"

namespace ordinal::core {

namespace {

const QString kCannotEvict
    = QStringLiteral("Cannot evict pod as it would violate the pod's disruption budget.");

EvictionVerdict refused(int code, const QString &reason, const QString &message)
{
    EvictionVerdict v;
    v.allowed = false;
    v.code = code;
    v.reason = reason;
    v.message = message;
    return v;
}

// disruptionDeniedMessage: why the budget allows nothing now.
QString deniedCause(const PodDisruptionBudget &pdb)
{
    if (pdb.status.currentHealthy <= pdb.status.desiredHealthy)
        return QStringLiteral("The disruption budget %1 needs %2 healthy pods and has %3 currently")
            .arg(pdb.metadata.name)
            .arg(pdb.status.desiredHealthy)
            .arg(pdb.status.currentHealthy);
    return QStringLiteral("The disruption budget %1 does not allow evicting pods currently")
        .arg(pdb.metadata.name);
}

} // namespace

QString EvictionVerdict::kubectlError() const
{
    if (allowed)
        return {};
    if (code == 403)
        return QStringLiteral("Error from server (Forbidden): ") + message;
    if (code == 500)
        return QStringLiteral("Error from server: ") + message;
    return QStringLiteral("Error from server (%1): %2").arg(reason, message);
}

QString EvictionVerdict::drainRetryLine(const QString &ns, const QString &podName) const
{
    // kubectl drain retries every 5 s (its own interval, not the server's Retry-After).
    return QStringLiteral("error when evicting pods/\"%1\" -n \"%2\" (will retry after 5s): %3")
        .arg(podName, ns, message);
}

EvictionVerdict Eviction::check(const Store &store, const Pod &pod, Millis now)
{
    Q_UNUSED(now)
    EvictionVerdict ok;
    // canIgnorePDB: the pod disrupts nothing by going (it is done, not started, or already
    // going).
    if (pod.isTerminal() || pod.status.phase == PodPhase::Pending || pod.metadata.isTerminating())
        return ok;
    const QList<const PodDisruptionBudget *> budgets = DisruptionController::budgetsFor(store, pod);
    if (budgets.isEmpty())
        return ok;
    if (budgets.size() > 1)
        return refused(500, QStringLiteral("InternalError"),
                       QStringLiteral("This pod has more than one PodDisruptionBudget, which the "
                                      "eviction subresource does not support."));
    const PodDisruptionBudget &pdb = *budgets.first();
    ok.budgetKey = objectKey(pdb.metadata);
    // An unready pod counts for nothing: it may go while the budget holds without it, or
    // always with AlwaysAllow.
    if (!pod.isReady()) {
        if (pdb.spec.unhealthyPodEvictionPolicy == QLatin1String("AlwaysAllow"))
            return ok;
        if (pdb.status.currentHealthy >= pdb.status.desiredHealthy && pdb.status.desiredHealthy > 0)
            return ok;
    }
    // checkAndDecrement.
    if (pdb.status.observedGeneration < pdb.metadata.generation) {
        EvictionVerdict v = refused(429, QStringLiteral("TooManyRequests"), kCannotEvict);
        v.causeType = QStringLiteral("DisruptionBudget");
        v.causeMessage
            = QStringLiteral("The disruption budget %1 is still being processed by the server.")
                  .arg(pdb.metadata.name);
        v.retryAfterSeconds = 10;
        v.budgetKey = ok.budgetKey;
        return v;
    }
    if (pdb.status.disruptionsAllowed < 0) {
        EvictionVerdict v = refused(403, QStringLiteral("Forbidden"),
                                    QStringLiteral("poddisruptionbudgets.policy \"%1\" is "
                                                   "forbidden: pdb disruptions allowed is negative")
                                        .arg(pdb.metadata.name));
        v.budgetKey = ok.budgetKey;
        return v;
    }
    if (pdb.status.disruptionsAllowed == 0) {
        EvictionVerdict v = refused(429, QStringLiteral("TooManyRequests"), kCannotEvict);
        v.causeType = QStringLiteral("DisruptionBudget");
        v.causeMessage = deniedCause(pdb);
        v.retryAfterSeconds = 10;
        v.budgetKey = ok.budgetKey;
        return v;
    }
    return ok;
}

EvictionVerdict Eviction::admit(Simulation &sim, const Pod &pod)
{
    const EvictionVerdict verdict = check(sim.store(), pod, sim.now());
    if (!verdict.allowed || verdict.budgetKey.isEmpty())
        return verdict;
    const PodDisruptionBudget *pdb = sim.store().find<PodDisruptionBudget>(verdict.budgetKey);
    // An unready pod that was let go does not use up a disruption.
    if (!pdb || !pod.isReady())
        return verdict;
    const Millis now = sim.now();
    const QString podName = pod.metadata.name;
    const QString budgetName = pdb->metadata.name;
    const int left = pdb->status.disruptionsAllowed - 1;
    sim.update<PodDisruptionBudget>(verdict.budgetKey, [&](PodDisruptionBudget &stored) {
        stored.status.disruptionsAllowed = left;
        if (left == 0 && stored.status.disruptionAllowed) {
            stored.status.disruptionAllowed = false;
            stored.status.conditionTransitionTime = now;
        }
        stored.status.disruptedPods.insert(podName, now);
    });
    sim.decide(QStringLiteral("disruption-controller"), QStringLiteral("PodDisruptionBudget"),
               verdict.budgetKey, budgetName, [&] {
                   return tr("%1 lets %2 be evicted; it allows %3 more disruption(s) until the "
                             "pod is replaced and Ready.")
                       .arg(budgetName, podName)
                       .arg(left);
               });
    sim.enqueue(WorkKind::SyncDisruption, verdict.budgetKey,
                DisruptionController::kDeletionTimeout);
    return verdict;
}

} // namespace ordinal::core
