// Simulation::observe: the live view's input. Objects a real cluster's watch showed are written
// as they were seen (no admission, no controllers), as a recorded action at the present virtual
// time, so that the timeline can be scrubbed back over them like over a simulation. What a
// learner may wonder about is inferred from the objects alone and recorded as Decisions.

#include "sim/simulation.h"

namespace ordinal::core {

namespace {

const QString kInferred = QStringLiteral("ordinal (live)");

} // namespace

ActionResult Simulation::observe(const QList<ObservedChange> &changes)
{
    const ActionScope scope = beginAction([=](Simulation &sim) { sim.observe(changes); });
    QSet<QString> sets; // namespace/name of the StatefulSets the batch touched
    for (const ObservedChange &change : changes) {
        std::visit(
            [&](const auto &object) {
                using T = std::decay_t<decltype(object)>;
                const QString key = objectKey(object.metadata);
                if constexpr (std::is_same_v<T, Pod>) {
                    const Pod *before = m_state.store.find<Pod>(key);
                    // A removal found by a relist carries only the name: the pod as last seen
                    // says who owned it.
                    const Pod &pod = change.removed && before ? *before : object;
                    const QString setName = [&] {
                        const OwnerReference *owner = pod.metadata.controllerRef();
                        return owner && owner->kind == QLatin1String("StatefulSet") ? owner->name
                                                                                    : QString();
                    }();
                    if (!setName.isEmpty())
                        sets.insert(objectKey(object.metadata.namespaceName, setName));
                    const QString &name = object.metadata.name;
                    if (change.removed) {
                        if (before && !setName.isEmpty())
                            decide(kInferred, QStringLiteral("Pod"), key, name,
                                   tr("%1 is gone; StatefulSet %2 makes it again under the same "
                                      "name")
                                       .arg(name, setName));
                    } else {
                        const QString seen = m_state.seenPodIPs.value(key);
                        const QString &ip = object.status.podIP;
                        if (!ip.isEmpty() && !seen.isEmpty() && seen != ip)
                            decide(kInferred, QStringLiteral("Pod"), key, name,
                                   tr("%1 is back with IP %2 (it had %3): the name and its DNS "
                                      "record stay, the address changed")
                                       .arg(name, ip, seen));
                        if (!ip.isEmpty())
                            m_state.seenPodIPs.insert(key, ip);
                        if ((!before || !before->isReady()) && object.isReady()
                            && !setName.isEmpty())
                            decide(kInferred, QStringLiteral("Pod"), key, name,
                                   tr("%1 is Ready").arg(name));
                    }
                } else if constexpr (std::is_same_v<T, StatefulSet>) {
                    sets.insert(key);
                }
                if (change.removed)
                    erase<T>(key);
                else
                    write(object, key);
            },
            change.object);
    }
    // As the upstream StatefulSet controller with OrderedReady: pod n is created only once pods
    // 0..n-1 are Running and Ready. A missing ordinal whose predecessor is not Ready waits.
    for (const QString &setKey : std::as_const(sets)) {
        const StatefulSet *set = m_state.store.find<StatefulSet>(setKey);
        if (!set || set->spec.isParallel() || set->metadata.isTerminating())
            continue;
        const QString &ns = set->metadata.namespaceName;
        const QString &setName = set->metadata.name;
        const int start = set->spec.startOrdinal();
        for (int n = start + 1; n < start + set->spec.replicas; ++n) {
            const QString name = setName + QLatin1Char('-') + QString::number(n);
            if (m_state.store.find<Pod>(ns, name))
                continue;
            const QString previous = setName + QLatin1Char('-') + QString::number(n - 1);
            const Pod *before = m_state.store.find<Pod>(ns, previous);
            if (!before)
                break; // an earlier one is missing too; it is the one waiting
            if (!before->isRunningAndReady())
                decide(kInferred, QStringLiteral("StatefulSet"), setKey, name,
                       tr("%1 waits: %2 is not Ready (OrderedReady)").arg(name, previous));
            break;
        }
    }
    return {};
}

} // namespace ordinal::core
