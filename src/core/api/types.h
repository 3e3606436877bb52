#pragma once

// The Kubernetes API objects Ordinal simulates, as plain value types.
//
// They mirror the fields of the upstream types (core/v1, apps/v1) that the simulation and the
// printers read; fields Ordinal does not model are left out rather than stubbed. All maps are
// QMap so that iteration order is deterministic (sorted by key). Times are virtual
// milliseconds since the simulation started.

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace ordinal::core {

// Virtual time in milliseconds since the simulation started.
using Millis = qint64;

constexpr Millis kSecond = 1000;
constexpr Millis kMinute = 60 * kSecond;
constexpr Millis kHour = 60 * kMinute;

// Where a manifest object or field came from (1-based line and column; 0 when unknown).
struct SourcePos
{
    QString file;
    int line = 0;
    int column = 0;

    bool isValid() const { return line > 0; }
    // "web.yaml:7:3", or just the file name when the position is unknown.
    QString toString() const;
};

struct OwnerReference
{
    QString apiVersion;
    QString kind;
    QString name;
    QString uid;
    bool controller = false;
    bool blockOwnerDeletion = false;
};

struct ObjectMeta
{
    QString name;
    QString namespaceName; // empty for cluster-scoped objects (Node, Namespace)
    QString uid;
    QMap<QString, QString> labels;
    QMap<QString, QString> annotations;
    qint64 resourceVersion = 0;
    qint64 generation = 0;
    Millis creationTimestamp = 0;
    std::optional<Millis> deletionTimestamp;
    std::optional<qint64> deletionGracePeriodSeconds;
    QList<OwnerReference> ownerReferences;
    SourcePos source; // where the object was loaded from, for messages
    // Positions of fields as loaded ("spec.replicas" -> web.yaml:9:3), for admission messages.
    QMap<QString, SourcePos> fieldSources;

    const OwnerReference *controllerRef() const;
    bool isTerminating() const { return deletionTimestamp.has_value(); }
};

struct LabelSelectorRequirement
{
    QString key;
    QString op; // In, NotIn, Exists, DoesNotExist
    QStringList values;
};

// metav1.LabelSelector. An empty selector matches everything (as in the API).
struct LabelSelector
{
    QMap<QString, QString> matchLabels;
    QList<LabelSelectorRequirement> matchExpressions;

    bool isEmpty() const { return matchLabels.isEmpty() && matchExpressions.isEmpty(); }
    bool matches(const QMap<QString, QString> &labels) const;
    // Whether labels has every key of required with the same value (a Service's selector).
    static bool matchesLabels(const QMap<QString, QString> &required,
                              const QMap<QString, QString> &labels);
    // The kubectl string form: "app=nginx,tier in (a,b)".
    QString toString() const;
    // Parses a kubectl -l selector ("app=nginx", "a!=b", "k in (x,y)", "!k", "k").
    // Returns std::nullopt and sets *error for malformed input.
    static std::optional<LabelSelector> parse(const QString &text, QString *error = nullptr);
};

struct Quantity
{
    // Canonical integer value: millicores for cpu, bytes for memory/storage, count for pods.
    qint64 value = 0;
    QString text; // as written, e.g. "1Gi", "500m"; empty when not set

    bool isSet() const { return !text.isEmpty(); }
};

struct ResourceRequirements
{
    QMap<QString, Quantity> requests; // "cpu", "memory"
    QMap<QString, Quantity> limits;
};

struct Probe
{
    QString handler; // "httpGet", "tcpSocket", "exec", "grpc"
    QString detail;  // e.g. "http-get http://:80/ " as kubectl describe shows it
    int initialDelaySeconds = 0;
    int periodSeconds = 10;
    int timeoutSeconds = 1;
    int successThreshold = 1;
    int failureThreshold = 3;
};

struct ContainerPort
{
    QString name;
    int containerPort = 0;
    QString protocol = QStringLiteral("TCP");
};

struct VolumeMount
{
    QString name;
    QString mountPath;
    bool readOnly = false;
};

struct Container
{
    QString name;
    QString image;
    QString imagePullPolicy;
    QStringList command;
    QStringList args;
    QList<ContainerPort> ports;
    QList<VolumeMount> volumeMounts;
    ResourceRequirements resources;
    std::optional<Probe> readinessProbe;
    std::optional<Probe> livenessProbe;
    std::optional<Probe> startupProbe;
};

struct Toleration
{
    QString key;
    QString op = QStringLiteral("Equal"); // Equal or Exists
    QString value;
    QString effect; // empty = all effects
    std::optional<qint64> tolerationSeconds;

    bool operator==(const Toleration &) const = default;
};

struct Taint
{
    QString key;
    QString value;
    QString effect; // NoSchedule, PreferNoSchedule, NoExecute
    std::optional<Millis> timeAdded;

    QString toString() const; // "key=value:Effect"
};

struct Volume
{
    QString name;
    QString claimName; // persistentVolumeClaim.claimName; empty for other volume kinds
    QString kind = QStringLiteral("emptyDir");
};

struct NodeSelectorRequirement
{
    QString key;
    QString op; // In, NotIn, Exists, DoesNotExist, Gt, Lt
    QStringList values;

    bool operator==(const NodeSelectorRequirement &) const = default;
};

struct PodAffinityTerm
{
    LabelSelector labelSelector;
    QStringList namespaces;
    QString topologyKey;
};

struct WeightedPodAffinityTerm
{
    int weight = 1;
    PodAffinityTerm term;
};

struct Affinity
{
    // nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution: ORed terms of ANDed requirements.
    QList<QList<NodeSelectorRequirement>> nodeRequired;
    QList<PodAffinityTerm> podAffinityRequired;
    QList<WeightedPodAffinityTerm> podAffinityPreferred;
    QList<PodAffinityTerm> podAntiAffinityRequired;
    QList<WeightedPodAffinityTerm> podAntiAffinityPreferred;

    bool isEmpty() const
    {
        return nodeRequired.isEmpty() && podAffinityRequired.isEmpty()
            && podAffinityPreferred.isEmpty() && podAntiAffinityRequired.isEmpty()
            && podAntiAffinityPreferred.isEmpty();
    }
};

struct PodSpec
{
    QList<Container> initContainers;
    QList<Container> containers;
    QList<Volume> volumes;
    QString nodeName;
    QMap<QString, QString> nodeSelector;
    QList<Toleration> tolerations;
    Affinity affinity;
    QString hostname;
    QString subdomain;
    QString restartPolicy = QStringLiteral("Always");
    QString dnsPolicy = QStringLiteral("ClusterFirst");
    QString schedulerName = QStringLiteral("default-scheduler");
    qint64 terminationGracePeriodSeconds = 30;
    std::optional<qint64> activeDeadlineSeconds;
    bool hostNetwork = false;
};

struct PodTemplateSpec
{
    ObjectMeta metadata;
    PodSpec spec;
};

enum class PodPhase { Pending, Running, Succeeded, Failed, Unknown };

QString toString(PodPhase phase);

struct ContainerState
{
    enum class Kind { Waiting, Running, Terminated };
    Kind kind = Kind::Waiting;
    QString reason; // Waiting: ContainerCreating, CrashLoopBackOff, ...; Terminated: Error, Completed
    QString message;
    int exitCode = 0;
    Millis startedAt = 0;
    Millis finishedAt = 0;
};

struct ContainerStatus
{
    QString name;
    QString image;
    bool ready = false;
    bool started = false;
    int restartCount = 0;
    ContainerState state;
    std::optional<ContainerState> lastState; // last termination, for RESTARTS "n (Xs ago)"
};

struct PodCondition
{
    QString type;   // PodScheduled, Initialized, ContainersReady, Ready
    QString status; // True, False, Unknown
    Millis lastTransitionTime = 0;
    QString reason;
    QString message;
};

struct PodStatus
{
    PodPhase phase = PodPhase::Pending;
    QList<PodCondition> conditions;
    QString podIP;
    QString hostIP;
    QString reason;  // Evicted, NodeLost, ...
    QString message;
    QString nominatedNodeName;
    std::optional<Millis> startTime;
    QList<ContainerStatus> initContainerStatuses;
    QList<ContainerStatus> containerStatuses;

    const PodCondition *condition(const QString &type) const;
    // Sets (or adds) a condition; lastTransitionTime changes only when the status changes.
    void setCondition(const QString &type, const QString &status, Millis now,
                      const QString &reason = {}, const QString &message = {});
};

struct Pod
{
    ObjectMeta metadata;
    PodSpec spec;
    PodStatus status;

    // Pod condition Ready == True.
    bool isReady() const;
    // phase Running and Ready (the StatefulSet controller's isRunningAndReady).
    bool isRunningAndReady() const;
    // Ready for at least minReadySeconds at time now (podutil.IsPodAvailable).
    bool isAvailable(int minReadySeconds, Millis now) const;
    bool isTerminal() const
    {
        return status.phase == PodPhase::Failed || status.phase == PodPhase::Succeeded;
    }
    int readyContainers() const;
    int restarts() const;
};

struct PersistentVolumeClaimSpec
{
    QStringList accessModes;
    Quantity storage;
    QString storageClassName;
    QString volumeName;
};

struct PersistentVolumeClaim
{
    ObjectMeta metadata;
    PersistentVolumeClaimSpec spec;
    QString phase = QStringLiteral("Pending"); // Pending, Bound, Lost
    Quantity capacity;
};

struct RollingUpdateStrategy
{
    int partition = 0;
    QString maxUnavailable; // int or percent as written; ignored (gate off), see docs
};

struct StatefulSetUpdateStrategy
{
    QString type = QStringLiteral("RollingUpdate"); // RollingUpdate, OnDelete
    std::optional<RollingUpdateStrategy> rollingUpdate;
};

struct StatefulSetSpec
{
    int replicas = 1;
    bool hasSelector = false;
    LabelSelector selector;
    PodTemplateSpec podTemplate;
    QString serviceName;
    QString podManagementPolicy = QStringLiteral("OrderedReady");
    StatefulSetUpdateStrategy updateStrategy;
    int revisionHistoryLimit = 10;
    int minReadySeconds = 0;
    std::optional<int> ordinalsStart;
    QList<PersistentVolumeClaim> volumeClaimTemplates;
    QString whenDeleted = QStringLiteral("Retain");
    QString whenScaled = QStringLiteral("Retain");

    int startOrdinal() const { return ordinalsStart.value_or(0); }
    bool isParallel() const { return podManagementPolicy == QLatin1String("Parallel"); }
};

struct StatefulSetStatus
{
    qint64 observedGeneration = 0;
    int replicas = 0;
    int readyReplicas = 0;
    int currentReplicas = 0;
    int updatedReplicas = 0;
    int availableReplicas = 0;
    QString currentRevision;
    QString updateRevision;
    int collisionCount = 0;

    bool operator==(const StatefulSetStatus &) const = default;
};

struct StatefulSet
{
    ObjectMeta metadata;
    StatefulSetSpec spec;
    StatefulSetStatus status;
};

// apps/v1 ControllerRevision: a snapshot of a StatefulSet's pod template.
struct ControllerRevision
{
    ObjectMeta metadata;
    qint64 revision = 0;
    PodTemplateSpec podTemplate;
    QString templateHash; // the canonical text the hash was computed from
};

struct ServicePort
{
    QString name;
    QString protocol = QStringLiteral("TCP");
    int port = 0;
    QString targetPort; // number or container port name; empty = same as port
    int nodePort = 0;
};

struct ServiceSpec
{
    QString type = QStringLiteral("ClusterIP"); // ClusterIP, NodePort, LoadBalancer, ExternalName
    QString clusterIP;                          // "None" for headless
    QMap<QString, QString> selector;
    QList<ServicePort> ports;
    bool publishNotReadyAddresses = false;
    QString externalName;
};

struct Service
{
    ObjectMeta metadata;
    ServiceSpec spec;

    bool isHeadless() const { return spec.clusterIP == QLatin1String("None"); }
};

struct EndpointAddress
{
    QString ip;
    QString hostname;
    QString nodeName;
    QString podName; // targetRef
};

struct EndpointPort
{
    QString name;
    int port = 0;
    QString protocol = QStringLiteral("TCP");
};

// core/v1 Endpoints with a single subset (what Ordinal's services need).
struct Endpoints
{
    ObjectMeta metadata;
    QList<EndpointAddress> addresses;
    QList<EndpointAddress> notReadyAddresses;
    QList<EndpointPort> ports;
};

struct NodeCondition
{
    QString type;
    QString status;
    Millis lastHeartbeatTime = 0;
    Millis lastTransitionTime = 0;
    QString reason;
    QString message;
};

struct Node
{
    ObjectMeta metadata;
    // spec
    QString podCIDR;
    bool unschedulable = false;
    QList<Taint> taints;
    // status
    QMap<QString, Quantity> capacity;    // cpu, memory, pods
    QMap<QString, Quantity> allocatable;
    QList<NodeCondition> conditions;
    QString internalIP;
    QString kubeletVersion = QStringLiteral("v1.33.1");
    QString osImage = QStringLiteral("Debian GNU/Linux 12 (bookworm)");
    QString kernelVersion = QStringLiteral("6.1.0-28-amd64");
    QString containerRuntime = QStringLiteral("containerd://1.7.24");
    QStringList images; // images present on the node

    // Node condition Ready: "True", "False" or "Unknown".
    QString readyStatus() const;
    bool isReady() const { return readyStatus() == QLatin1String("True"); }
    QString roles() const; // "control-plane" or "<none>"
};

struct Namespace
{
    ObjectMeta metadata;
    QString phase = QStringLiteral("Active");
};

struct ObjectReference
{
    QString kind;
    QString namespaceName;
    QString name;
    QString uid;
};

// core/v1 Event as kubectl get events shows it.
struct Event
{
    ObjectMeta metadata;
    ObjectReference involvedObject;
    QString type = QStringLiteral("Normal"); // Normal, Warning
    QString reason;
    QString message;
    QString source; // component: statefulset-controller, default-scheduler, kubelet, ...
    Millis firstTimestamp = 0;
    Millis lastTimestamp = 0;
    int count = 1;
};

// Key used by the store: "namespace/name", or "name" for cluster-scoped objects.
QString objectKey(const QString &namespaceName, const QString &name);
inline QString objectKey(const ObjectMeta &meta)
{
    return objectKey(meta.namespaceName, meta.name);
}

} // namespace ordinal::core
