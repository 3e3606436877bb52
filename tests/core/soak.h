#pragma once

// A randomized soak of the simulation: a fixed-seed sequence of user actions (delete, force
// delete, scale, image update, partition, node down/up, readiness flaps, crashes, time) with
// the invariants checked after every action. Used by tst_soak (bounded) and by
// ordinal_sim_bench soak (long).

#include "invariants.h"

#include "io/manifestloader.h"
#include "sim/simulation.h"

namespace ordinal::test {

struct SoakResult
{
    qint64 actions = 0;
    core::Millis virtualTime = 0;
    QStringList violations;
};

// xorshift64*: a tiny deterministic generator, so the soak is the same on every machine.
class SoakRandom
{
public:
    explicit SoakRandom(quint64 seed)
        : m_state(seed ? seed : 1)
    {
    }
    quint64 next()
    {
        m_state ^= m_state >> 12;
        m_state ^= m_state << 25;
        m_state ^= m_state >> 27;
        return m_state * 2685821657736338717ULL;
    }
    int below(int n) { return int(next() % quint64(n)); }

private:
    quint64 m_state;
};

inline QByteArray soakManifest()
{
    return QByteArrayLiteral(R"(apiVersion: v1
kind: Service
metadata: {name: nginx}
spec:
  clusterIP: None
  selector: {app: nginx}
  ports: [{port: 80, name: web}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 3
  minReadySeconds: 2
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        ports: [{containerPort: 80, name: web}]
        readinessProbe:
          httpGet: {path: /, port: 80}
          initialDelaySeconds: 3
          periodSeconds: 5
  volumeClaimTemplates:
  - metadata: {name: www}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}
)");
}

inline SoakResult runSoak(quint64 seed, qint64 actions)
{
    core::Simulation sim(core::ClusterConfig::defaultCluster(3));
    sim.setRecordHistory(false);
    InvariantChecker checker(sim);
    const core::LoadResult manifests =
        core::ManifestLoader::loadText(soakManifest(), QStringLiteral("soak.yaml"));
    SoakResult result;
    if (!sim.apply(manifests.objects, true).ok) {
        result.violations << QStringLiteral("the soak manifest did not apply");
        return result;
    }
    // 200 ClusterIP Services, decoded once; each batch applies 20 of them.
    QByteArray services;
    for (int k = 0; k < 200; ++k)
        services += QStringLiteral("---\napiVersion: v1\nkind: Service\nmetadata: {name: svc-%1}\n"
                                   "spec:\n  selector: {app: api}\n  ports: [{port: 80}]\n")
                        .arg(k)
                        .toUtf8();
    const core::LoadResult servicePool
        = core::ManifestLoader::loadText(services, QStringLiteral("services.yaml"));
    SoakRandom random(seed);
    const QStringList nodes{QStringLiteral("node-1"), QStringLiteral("node-2"),
                            QStringLiteral("node-3")};
    const QString ns = QStringLiteral("default");
    const auto somePod = [&]() -> QString {
        const auto &pods = sim.store().all<core::Pod>();
        if (pods.isEmpty())
            return QStringLiteral("web-0");
        return std::next(pods.cbegin(), random.below(int(pods.size())))->metadata.name;
    };
    for (qint64 i = 0; i < actions; ++i) {
        switch (random.below(14)) {
        case 0:
            sim.deletePod(ns, somePod(), std::nullopt, false);
            break;
        case 1:
            sim.deletePod(ns, somePod(), 0, true);
            break;
        case 2:
            sim.scale(ns, QStringLiteral("web"), random.below(7));
            break;
        case 3: {
            const core::StatefulSet *set = sim.store().find<core::StatefulSet>(ns, QStringLiteral("web"));
            core::StatefulSet updated = *set;
            updated.spec.podTemplate.spec.containers[0].image =
                QStringLiteral("nginx:1.%1").arg(24 + random.below(3));
            sim.updateStatefulSet(updated, QStringLiteral("image updated"));
            break;
        }
        case 4: {
            const core::StatefulSet *set = sim.store().find<core::StatefulSet>(ns, QStringLiteral("web"));
            core::StatefulSet updated = *set;
            updated.spec.updateStrategy.rollingUpdate = core::RollingUpdateStrategy{random.below(4), {}};
            sim.updateStatefulSet(updated, QStringLiteral("patched"));
            break;
        }
        case 5:
            sim.setNodeHeartbeat(nodes[random.below(3)], random.below(3) != 0);
            break;
        case 6:
            sim.setPodReadiness(ns, somePod(), random.below(2) == 0);
            break;
        case 7:
            sim.crashPod(ns, somePod());
            break;
        case 8:
            sim.failPod(ns, somePod());
            break;
        case 12: {
            // Several ClusterIP Services in one apply: each must get its own address.
            QList<core::ManifestObject> batch;
            for (int k = 0; k < 20; ++k)
                batch << servicePool.objects.at(random.below(int(servicePool.objects.size())));
            sim.apply(batch, false);
            break;
        }
        case 13:
            sim.deleteService(ns, QStringLiteral("svc-%1").arg(random.below(200)));
            break;
        default:
            sim.advanceBy((1 + random.below(90)) * core::kSecond);
            break;
        }
        checker.checkState();
        ++result.actions;
        if (checker.violations().size() > 20)
            break;
    }
    result.virtualTime = sim.now();
    result.violations = checker.violations();
    return result;
}

} // namespace ordinal::test
