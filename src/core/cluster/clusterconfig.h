#pragma once

#include "api/types.h"

namespace ordinal::core {

// What the cluster looks like before any manifest is applied: nodes, address ranges, DNS and
// the timing model of the kubelet. Defaults reproduce the lesson's cluster (a tainted
// control-plane node and node-1, node-2; pods 10.244.<n>.0/24; services 10.0.0.0/16;
// kube-dns at 10.0.0.10; first start ≈ 19 s, restarts ≈ 2 s).
struct NodeTemplate
{
    QString name;
    QMap<QString, QString> labels;
    QList<Taint> taints;
    QString cpu = QStringLiteral("2");
    QString memory = QStringLiteral("8Gi");
    int pods = 110;
    bool controlPlane = false;
};

struct TimingModel
{
    Millis defaultPullTime = 17 * kSecond; // pulling an image that is not on the node
    QMap<QString, Millis> pullTimes;       // per image, set by `sim pull-time`
    QStringList unpullableImages;          // pulls fail: ErrImagePull, ImagePullBackOff
    // A pull of an image the node already has (imagePullPolicy Always): the registry is asked
    // for the digest and no layer is downloaded.
    Millis digestCheck = 1 * kSecond;
    Millis containerStart = 2 * kSecond;   // sandbox + create + start once the image is there
    Millis containerStop = 1 * kSecond;    // a container exits this long after SIGTERM
    // How long an init container's command runs before it exits (Ordinal does not run the
    // command; the tutorials' init scripts take about this long).
    Millis initContainerRun = 3 * kSecond;
    Millis nodeMonitorGracePeriod = 50 * kSecond; // node Ready -> Unknown (1.32+)
    qint64 defaultTolerationSeconds = 300;        // unreachable/not-ready NoExecute eviction
};

struct ClusterConfig
{
    QList<NodeTemplate> nodes;
    QString podCidrPrefix = QStringLiteral("10.244"); // node n gets <prefix>.<n>.0/24
    // Pod addresses .2 up to this one were handed out before the simulation starts (to system
    // pods Ordinal does not model), so the first StatefulSet pod gets .7 as in the lesson.
    int lastPreallocatedHost = 6;
    QString serviceCidr = QStringLiteral("10.0.0.0/16");
    QString dnsServiceIP = QStringLiteral("10.0.0.10");
    QString clusterDomain = QStringLiteral("cluster.local");
    TimingModel timing;
    // A live view of a real cluster (docs/live.md): no bootstrap objects and no controllers;
    // the store holds only what Simulation::observe() was given, as it was seen.
    bool observeOnly = false;

    // The default cluster with workerCount workers (node-1 … node-N) and a control plane.
    static ClusterConfig defaultCluster(int workerCount = 2);
};

} // namespace ordinal::core
