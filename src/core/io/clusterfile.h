#pragma once

#include "cluster/clusterconfig.h"

#include <QCoreApplication>

namespace ordinal::core {

// Reads a cluster description (`--cluster FILE`), YAML:
//
//   nodes:
//   - name: control-plane
//     controlPlane: true            # adds the control-plane label and NoSchedule taint
//   - name: zone-a-1
//     labels: {topology.kubernetes.io/zone: a}
//     taints: [{key: gpu, value: "true", effect: NoSchedule}]
//     cpu: "4"
//     memory: 16Gi
//     pods: 110
//   podCIDRPrefix: 10.244           # node n gets <prefix>.<n>.0/24
//   serviceCIDR: 10.0.0.0/16
//   dnsServiceIP: 10.0.0.10
//   clusterDomain: cluster.local
//   timing:
//     pullTime: 17s                 # default image pull on a node without the image
//     pullTimes: {"nginx:1.9.1": 5s}
//     unpullableImages: ["registry.example/private:1"]
//     containerStart: 2s
//     containerStop: 1s
//     nodeMonitorGracePeriod: 50s
//     defaultTolerationSeconds: 300
//
// Unknown keys are errors, reported with file:line:column.
class ClusterFile
{
    Q_DECLARE_TR_FUNCTIONS(ClusterFile)

public:
    static bool load(const QString &path, ClusterConfig *config, QString *error);
    static bool parse(const QByteArray &text, const QString &fileName, ClusterConfig *config,
                      QString *error);
};

} // namespace ordinal::core
