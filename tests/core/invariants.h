#pragma once

// Invariants of a StatefulSet cluster, checked while a scenario runs (issue 3, "Proof"):
// at most one pod per identity, OrderedReady creates pod k only when 0..k-1 are Running and
// Ready, no two live pods share an IP, no two Services share a ClusterIP (issue 19), and the
// StatefulSet status counters match its pods.

#include "controllers/statefulsetcontroller.h"
#include "sim/simulation.h"

#include <QStringList>

namespace ordinal::test {

class InvariantChecker : public core::SimulationListener
{
public:
    explicit InvariantChecker(core::Simulation &sim)
        : m_sim(sim)
    {
        m_sim.addListener(this);
    }
    ~InvariantChecker() override { m_sim.removeListener(this); }

    QStringList violations() const { return m_violations; }

    // Checked at every pod creation: the ordering rule and the identity rule.
    void watchEvent(const core::WatchEvent &event) override
    {
        const core::Pod *pod = event.as<core::Pod>();
        if (!pod || event.type != core::WatchEventType::Added)
            return;
        const core::OwnerReference *owner = pod->metadata.controllerRef();
        if (!owner || owner->kind != QLatin1String("StatefulSet"))
            return;
        const core::Store &store = m_sim.store();
        const core::StatefulSet *set = store.find<core::StatefulSet>(pod->metadata.namespaceName,
                                                                       owner->name);
        if (!set)
            return;
        const int ordinal = core::StatefulSetController::ordinalOf(set->metadata.name,
                                                                   pod->metadata.name);
        if (set->spec.isParallel())
            return;
        for (int lower = set->spec.startOrdinal(); lower < ordinal; ++lower) {
            const core::Pod *before = store.find<core::Pod>(
                pod->metadata.namespaceName,
                QStringLiteral("%1-%2").arg(set->metadata.name).arg(lower));
            if (!before || !before->isRunningAndReady() || before->metadata.isTerminating()) {
                m_violations << QStringLiteral("t=%1: %2 created while %3-%4 is not Running and "
                                               "Ready (OrderedReady)")
                                    .arg(event.time)
                                    .arg(pod->metadata.name, set->metadata.name)
                                    .arg(lower);
            }
        }
    }

    // Checked after every command: addresses and status counters. Status is eventually
    // consistent, so the counters are compared only once the controllers have had their turn
    // (nothing left queued for the current instant).
    void checkState()
    {
        const core::Store &store = m_sim.store();
        const bool quiet = m_sim.nextWorkTime().value_or(m_sim.now() + 1) > m_sim.now();
        QMap<QString, QString> ips;
        for (const core::Pod &pod : store.all<core::Pod>()) {
            if (pod.status.podIP.isEmpty() || pod.isTerminal())
                continue;
            if (ips.contains(pod.status.podIP)) {
                m_violations << QStringLiteral("t=%1: %2 and %3 share IP %4")
                                    .arg(m_sim.now())
                                    .arg(ips.value(pod.status.podIP), pod.metadata.name,
                                         pod.status.podIP);
            }
            ips.insert(pod.status.podIP, pod.metadata.name);
        }
        QMap<QString, QString> vips;
        for (const core::Service &service : store.all<core::Service>()) {
            const QString &vip = service.spec.clusterIP;
            if (vip.isEmpty() || vip == QLatin1String("None"))
                continue;
            if (vips.contains(vip)) {
                m_violations << QStringLiteral("t=%1: Services %2 and %3 share ClusterIP %4")
                                    .arg(m_sim.now())
                                    .arg(vips.value(vip), service.metadata.name, vip);
            }
            vips.insert(vip, service.metadata.name);
        }
        for (const core::StatefulSet &set : store.all<core::StatefulSet>()) {
            if (!quiet)
                break;
            int replicas = 0;
            int ready = 0;
            for (const core::Pod *pod :
                 store.podsMatching(set.metadata.namespaceName, set.spec.selector)) {
                const core::OwnerReference *owner = pod->metadata.controllerRef();
                if (!owner || owner->uid != set.metadata.uid)
                    continue;
                ++replicas;
                ready += pod->isRunningAndReady() ? 1 : 0;
            }
            if (set.status.replicas != replicas || set.status.readyReplicas != ready) {
                m_violations << QStringLiteral("t=%1: %2 status replicas=%3 ready=%4, pods say "
                                               "%5 and %6")
                                    .arg(m_sim.now())
                                    .arg(set.metadata.name)
                                    .arg(set.status.replicas)
                                    .arg(set.status.readyReplicas)
                                    .arg(replicas)
                                    .arg(ready);
            }
        }
    }

private:
    core::Simulation &m_sim;
    QStringList m_violations;
};

} // namespace ordinal::test
