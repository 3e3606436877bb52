#include "cluster/clusterconfig.h"

namespace ordinal::core {

ClusterConfig ClusterConfig::defaultCluster(int workerCount)
{
    ClusterConfig config;
    NodeTemplate controlPlane;
    controlPlane.name = QStringLiteral("control-plane");
    controlPlane.controlPlane = true;
    controlPlane.labels.insert(QStringLiteral("node-role.kubernetes.io/control-plane"), QString());
    controlPlane.taints.append(
        Taint{QStringLiteral("node-role.kubernetes.io/control-plane"), {},
              QStringLiteral("NoSchedule"), std::nullopt});
    config.nodes.append(controlPlane);
    for (int i = 1; i <= workerCount; ++i) {
        NodeTemplate worker;
        worker.name = QStringLiteral("node-%1").arg(i);
        config.nodes.append(worker);
    }
    return config;
}

} // namespace ordinal::core
