#include "apidiscovery.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <vector>

// Discovery and OpenAPI documents for the API server.
//
// Two tables drive everything below:
//  * resourceRows(): the resource facts (one row per resource; the lead will unify this with the
//    table in src/core/api/json.* once that exists). Discovery, OpenAPI paths and the
//    x-kubernetes-group-version-kind of each schema come from it.
//  * schemaTypes(): each API type Ordinal knows, field by field (name, type, description,
//    patch metadata). OpenAPI v2 and v3 schemas are generated from it; fields Ordinal does not
//    simulate but real manifests carry are listed too (free-form objects where Ordinal ignores
//    the content), so manifests from the Kubernetes tutorials validate.
//
// kubectl 1.29+ skips its client-side schema validation and asks the server to validate
// (fieldValidation=Strict) when the OpenAPI v3 document of the kind's group version has a
// PATCH operation tagged with the kind's x-kubernetes-group-version-kind (an object) whose
// operation-level parameters include {"name": "fieldValidation", "in": "query"} (cli-runtime's
// QueryParamVerifierV3; 1.27 and 1.28 make the same test on OpenAPI v2, so both documents
// carry it). It stops at the first PATCH operation carrying that kind, in map order, so every
// PATCH operation here (including those of status subresources) lists the parameter. Without
// it, kubectl validates client-side against OpenAPI v2, which client-go fetches as protobuf
// only: that form is served too (openApiV2Protobuf), for kubectl 1.20.

namespace ordinal::net {

namespace {

QString str(const char *s)
{
    return QString::fromUtf8(s);
}

QJsonArray strings(const QStringList &list)
{
    QJsonArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}

QStringList split(const char *s, char sep = ',')
{
    if (!s || !*s)
        return {};
    return str(s).split(QLatin1Char(sep), Qt::SkipEmptyParts);
}

// ---------------------------------------------------------------------------------------
// The resource table.

const QStringList kAllVerbs
    = { QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("deletecollection"),
        QStringLiteral("get"),    QStringLiteral("list"),   QStringLiteral("patch"),
        QStringLiteral("update"), QStringLiteral("watch") };

struct SubRow
{
    const char *name;
    const char *gvk; // "group/version/Kind"; core group as "/v1/Kind"
    const char *verbs;
};

struct ResourceRow
{
    const char *group;
    const char *version;
    const char *kind;
    const char *plural;
    const char *singular;
    const char *shortNames;
    bool namespaced;
    const char *verbs; // empty: all eight
    const char *categories;
    std::vector<SubRow> subresources;
};

// One row per line reads better than one field per line.
// clang-format off
const std::vector<ResourceRow> &resourceRows()
{
    static const std::vector<ResourceRow> rows = {
        {"", "v1", "Endpoints", "endpoints", "endpoints", "ep", true, "", "", {}},
        {"", "v1", "Event", "events", "event", "ev", true, "", "", {}},
        {"", "v1", "Namespace", "namespaces", "namespace", "ns", false,
         "create,delete,get,list,patch,update,watch", "",
         {{"status", "/v1/Namespace", "get,patch,update"}}},
        {"", "v1", "Node", "nodes", "node", "no", false, "", "",
         {{"status", "/v1/Node", "get,patch,update"}}},
        {"", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", "persistentvolumeclaim",
         "pvc", true, "", "", {{"status", "/v1/PersistentVolumeClaim", "get,patch,update"}}},
        {"", "v1", "Pod", "pods", "pod", "po", true, "", "all",
         {{"attach", "/v1/PodAttachOptions", "create,get"},
          {"eviction", "policy/v1/Eviction", "create"},
          {"exec", "/v1/PodExecOptions", "create,get"},
          {"log", "/v1/Pod", "get"},
          {"status", "/v1/Pod", "get,patch,update"}}},
        {"", "v1", "Service", "services", "service", "svc", true, "", "all",
         {{"status", "/v1/Service", "get,patch,update"}}},
        {"apps", "v1", "ControllerRevision", "controllerrevisions", "controllerrevision", "",
         true, "", "", {}},
        {"apps", "v1", "StatefulSet", "statefulsets", "statefulset", "sts", true, "", "all",
         {{"scale", "autoscaling/v1/Scale", "get,patch,update"},
          {"status", "apps/v1/StatefulSet", "get,patch,update"}}},
        // Served read-only: a view of the Endpoints (endpointslices.h).
        {"discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", "endpointslice", "", true,
         "get,list,watch", "", {}},
        // Served read-only: the core/v1 Events in events.k8s.io/v1's shape.
        {"events.k8s.io", "v1", "Event", "events", "event", "ev", true, "get,list,watch", "", {}},
    };
    return rows;
}

// clang-format on

struct Gvk
{
    QString group, version, kind;
};

Gvk parseGvk(const char *s)
{
    const QStringList p = str(s).split(QLatin1Char('/'));
    return { p.value(0), p.value(1), p.value(2) };
}

QJsonObject gvkObject(const QString &group, const QString &version, const QString &kind)
{
    return { { QStringLiteral("group"), group },
             { QStringLiteral("version"), version },
             { QStringLiteral("kind"), kind } };
}

// ---------------------------------------------------------------------------------------
// The schema table. Type ids are short ("core.Pod"); definitionName() gives the upstream
// definition names clients expect ("io.k8s.api.core.v1.Pod").
//
// Field types: string, int32, int64, bool, number, time, quantity, intstr, object (free-form:
// Ordinal does not read it), map (string to string), map:<type>, []<type>, or a type id.
// ext: ';'-separated patch and list metadata: key=<merge key>, patch=<strategy>,
// list=<atomic|set|map>, keys=<a,b> (list-map keys).

struct FieldSpec
{
    const char *name;
    const char *type;
    const char *doc;
    const char *ext = nullptr;
};

struct TypeSpec
{
    const char *id;
    const char *doc;
    std::vector<FieldSpec> fields;
    const char *required = nullptr; // comma-separated
    const char *gvks = nullptr; // ';'-separated group/version/Kind, besides the table's
    const char *scalar = nullptr; // a scalar type (Quantity, Time, IntOrString): its format
};

// clang-format off
// The three fields every top-level kind starts with.
#define META_FIELDS                                                                   \
    {"apiVersion", "string", "The versioned schema of this object, e.g. v1 or apps/v1."}, \
    {"kind", "string", "The kind of this object, in CamelCase."},                         \
    {"metadata", "meta.ObjectMeta",                                                       \
     "Standard object metadata: name, namespace, labels, annotations, owners."}

const std::vector<TypeSpec> &schemaTypes()
{
    static const std::vector<TypeSpec> types = {
        // ---- scalars and meta/v1 ----
        {"resource.Quantity",
         "A fixed-point amount such as 500m, 1Gi or 2; written as a string or a number.",
         {}, nullptr, nullptr, "quantity"},
        {"intstr.IntOrString", "A value that is either an integer or a string (a port number "
                               "or name, a count or a percentage).",
         {}, nullptr, nullptr, "int-or-string"},
        {"meta.Time", "A timestamp in RFC 3339 form, to the second.", {}, nullptr, nullptr,
         "date-time"},
        {"meta.MicroTime", "A timestamp in RFC 3339 form, to the microsecond.", {}, nullptr,
         nullptr, "date-time"},
        {"meta.ObjectMeta", "Metadata every persisted object has.",
         {{"annotations", "map", "Unstructured key/value data kept with the object; not used "
                                 "for selection."},
          {"creationTimestamp", "meta.Time", "When the server created the object. Read-only."},
          {"deletionGracePeriodSeconds", "int64",
           "Seconds the object is given to terminate once deletion was requested. Read-only."},
          {"deletionTimestamp", "meta.Time",
           "When the object will be deleted; set when deletion is requested. Read-only."},
          {"finalizers", "[]string",
           "Names that must be removed before the object is deleted.",
           "patch=merge;list=set"},
          {"generateName", "string",
           "A prefix from which the server makes a unique name when name is empty."},
          {"generation", "int64", "Sequence number of the desired state. Read-only."},
          {"labels", "map", "Key/value pairs used to select and group objects."},
          {"managedFields", "[]object", "Which field manager owns which fields."},
          {"name", "string", "The object's name, unique within its namespace."},
          {"namespace", "string", "The namespace the object lives in; empty for cluster-scoped "
                                  "objects."},
          {"ownerReferences", "[]meta.OwnerReference",
           "Objects this object depends on; it is garbage-collected when they are all gone.",
           "key=uid;patch=merge;list=map;keys=uid"},
          {"resourceVersion", "string", "Opaque version for optimistic concurrency and watch. "
                                        "Read-only."},
          {"selfLink", "string", "Deprecated; not set."},
          {"uid", "string", "Unique id of the object, for all time. Read-only."}}},
        {"meta.ListMeta", "Metadata of a list.",
         {{"continue", "string", "Token for fetching the next chunk of a paged list."},
          {"remainingItemCount", "int64", "How many items follow this chunk, if known."},
          {"resourceVersion", "string", "The version of the collection the list was read at."},
          {"selfLink", "string", "Deprecated; not set."}}},
        {"meta.OwnerReference", "Identifies an owning object.",
         {{"apiVersion", "string", "API version of the owner."},
          {"blockOwnerDeletion", "bool",
           "If true, the owner cannot be deleted in the foreground before this object."},
          {"controller", "bool", "If true, the owner is this object's managing controller."},
          {"kind", "string", "Kind of the owner."},
          {"name", "string", "Name of the owner."},
          {"uid", "string", "UID of the owner."}},
         "apiVersion,kind,name,uid"},
        {"meta.LabelSelector",
         "Selects objects by labels: every matchLabels pair and every matchExpressions "
         "requirement must hold. An empty selector matches everything.",
         {{"matchExpressions", "[]meta.LabelSelectorRequirement", "Requirements on labels.",
           "list=atomic"},
          {"matchLabels", "map", "Labels that must be present with exactly these values."}}},
        {"meta.LabelSelectorRequirement", "One requirement of a label selector.",
         {{"key", "string", "The label key."},
          {"operator", "string", "In, NotIn, Exists or DoesNotExist."},
          {"values", "[]string", "Values for In and NotIn; empty for Exists and DoesNotExist.",
           "list=atomic"}},
         "key,operator"},
        {"meta.Status", "The outcome of an operation that returns no object, or an error.",
         {{"apiVersion", "string", "The versioned schema of this object."},
          {"code", "int32", "HTTP status code."},
          {"details", "meta.StatusDetails", "Extra data about the reason."},
          {"kind", "string", "Status."},
          {"message", "string", "Human-readable description."},
          {"metadata", "meta.ListMeta", "Standard list metadata."},
          {"reason", "string", "Machine-readable reason, e.g. NotFound, AlreadyExists."},
          {"status", "string", "Success or Failure."}},
         nullptr, "/v1/Status"},
        {"meta.StatusDetails", "Details of a Status.",
         {{"causes", "[]meta.StatusCause", "Individual causes, e.g. invalid fields.",
           "list=atomic"},
          {"group", "string", "Group of the resource concerned."},
          {"kind", "string", "Kind of the resource concerned."},
          {"name", "string", "Name of the resource concerned."},
          {"retryAfterSeconds", "int32", "Seconds to wait before retrying."},
          {"uid", "string", "UID of the resource concerned."}}},
        {"meta.StatusCause", "One cause of an error.",
         {{"field", "string", "The field at fault, as a path (spec.replicas)."},
          {"message", "string", "Human-readable description."},
          {"reason", "string", "Machine-readable reason, e.g. FieldValueInvalid."}}},
        {"meta.DeleteOptions", "Options for a delete request.",
         {{"apiVersion", "string", "The versioned schema of this object."},
          {"dryRun", "[]string", "All: run every stage but persist nothing.", "list=atomic"},
          {"gracePeriodSeconds", "int64", "Seconds before the object is deleted; 0 is now."},
          {"kind", "string", "DeleteOptions."},
          {"orphanDependents", "bool", "Deprecated: use propagationPolicy."},
          {"preconditions", "object", "UID and resourceVersion the object must still have."},
          {"propagationPolicy", "string", "Orphan, Background or Foreground."}},
         nullptr,
         "/v1/DeleteOptions;apps/v1/DeleteOptions;autoscaling/v1/DeleteOptions;"
         "policy/v1/DeleteOptions"},
        {"meta.Patch", "A patch document: JSON patch, merge patch, strategic merge patch or "
                       "apply configuration.",
         {}},

        // ---- autoscaling/v1, policy/v1 ----
        {"autoscaling.Scale", "The scale subresource of a scalable resource.",
         {META_FIELDS,
          {"spec", "autoscaling.ScaleSpec", "The desired scale."},
          {"status", "autoscaling.ScaleStatus", "The current scale. Read-only."}},
         nullptr, "autoscaling/v1/Scale"},
        {"autoscaling.ScaleSpec", "The desired scale.",
         {{"replicas", "int32", "Desired number of instances."}}},
        {"autoscaling.ScaleStatus", "The observed scale.",
         {{"replicas", "int32", "Actual number of instances."},
          {"selector", "string", "Label query over the pods counted, in string form."}},
         "replicas"},
        {"policy.Eviction", "Asks for a pod's eviction, subject to disruption budgets.",
         {META_FIELDS,
          {"deleteOptions", "meta.DeleteOptions", "How the pod is deleted."}},
         nullptr, "policy/v1/Eviction"},

        // ---- core/v1: Pod and its parts ----
        {"core.Pod", "A group of containers scheduled together on one node.",
         {META_FIELDS,
          {"spec", "core.PodSpec", "The desired behaviour of the pod."},
          {"status", "core.PodStatus", "The observed state of the pod. Read-only."}}},
        {"core.PodTemplateSpec", "The pods a controller creates: their metadata and spec.",
         {{"metadata", "meta.ObjectMeta", "Metadata (labels) of the pods created."},
          {"spec", "core.PodSpec", "Spec of the pods created."}}},
        {"core.PodSpec", "What a pod runs and how it is placed.",
         {{"activeDeadlineSeconds", "int64", "Seconds a pod may be active before it is failed."},
          {"affinity", "core.Affinity", "Scheduling constraints relative to nodes and pods."},
          {"automountServiceAccountToken", "bool", "Whether a service account token is mounted."},
          {"containers", "[]core.Container", "The containers of the pod; at least one.",
           "key=name;patch=merge"},
          {"dnsConfig", "object", "Extra DNS resolver settings."},
          {"dnsPolicy", "string",
           "ClusterFirst (default), ClusterFirstWithHostNet, Default or None."},
          {"enableServiceLinks", "bool", "Whether service environment variables are injected."},
          {"ephemeralContainers", "[]object", "Debug containers added to a running pod.",
           "key=name;patch=merge"},
          {"hostAliases", "[]object", "Extra /etc/hosts entries.", "key=ip;patch=merge"},
          {"hostIPC", "bool", "Use the host's IPC namespace."},
          {"hostNetwork", "bool", "Use the host's network namespace."},
          {"hostPID", "bool", "Use the host's PID namespace."},
          {"hostUsers", "bool", "Use the host's user namespace."},
          {"hostname", "string", "The pod's hostname; defaults to its name. A StatefulSet sets "
                                 "it to <set>-<ordinal>."},
          {"imagePullSecrets", "[]object", "Secrets for pulling images.", "key=name;patch=merge"},
          {"initContainers", "[]core.Container",
           "Containers run to completion, in order, before the app containers start.",
           "key=name;patch=merge"},
          {"nodeName", "string", "The node the pod is bound to; set by the scheduler."},
          {"nodeSelector", "map", "Labels a node must carry for the pod to fit."},
          {"os", "object", "The operating system of the containers."},
          {"overhead", "map:quantity", "Resource overhead of the pod sandbox."},
          {"preemptionPolicy", "string", "PreemptLowerPriority or Never."},
          {"priority", "int32", "Priority value, from the priority class."},
          {"priorityClassName", "string", "Name of the pod's priority class."},
          {"readinessGates", "[]object", "Extra conditions for pod readiness."},
          {"resourceClaims", "[]object", "Dynamic resource claims.", "key=name;patch=merge,retainKeys"},
          {"restartPolicy", "string", "Always (default), OnFailure or Never."},
          {"runtimeClassName", "string", "Runtime class to run the pod with."},
          {"schedulerName", "string", "The scheduler that places the pod."},
          {"schedulingGates", "[]object", "Gates that hold the pod back from scheduling.",
           "key=name;patch=merge"},
          {"securityContext", "object", "Pod-level security attributes."},
          {"serviceAccount", "string", "Deprecated: use serviceAccountName."},
          {"serviceAccountName", "string", "Service account the pod runs as."},
          {"setHostnameAsFQDN", "bool", "Set the hostname to the fully qualified name."},
          {"shareProcessNamespace", "bool", "Share one PID namespace between containers."},
          {"subdomain", "string", "With hostname, gives the pod the DNS name "
                                  "<hostname>.<subdomain>.<namespace>.svc.<zone>; a "
                                  "StatefulSet sets it to its serviceName."},
          {"terminationGracePeriodSeconds", "int64",
           "Seconds between the termination signal and the kill; default 30."},
          {"tolerations", "[]core.Toleration", "Taints the pod tolerates.", "list=atomic"},
          {"topologySpreadConstraints", "[]object", "How pods spread across topology domains.",
           "key=topologyKey;patch=merge"},
          {"volumes", "[]core.Volume", "Volumes the containers may mount.",
           "key=name;patch=merge,retainKeys"}},
         "containers"},
        {"core.Container", "One container of a pod.",
         {{"args", "[]string", "Arguments to the entrypoint.", "list=atomic"},
          {"command", "[]string", "The entrypoint; defaults to the image's.", "list=atomic"},
          {"env", "[]core.EnvVar", "Environment variables.", "key=name;patch=merge"},
          {"envFrom", "[]object", "Sources of environment variables.", "list=atomic"},
          {"image", "string", "The container image, e.g. registry.k8s.io/nginx-slim:0.7."},
          {"imagePullPolicy", "string", "Always, IfNotPresent or Never."},
          {"lifecycle", "object", "Hooks run after start and before stop."},
          {"livenessProbe", "core.Probe", "Restarts the container when it fails."},
          {"name", "string", "Name of the container, unique in the pod."},
          {"ports", "[]core.ContainerPort", "Ports the container exposes.",
           "key=containerPort;patch=merge;list=map;keys=containerPort,protocol"},
          {"readinessProbe", "core.Probe", "Takes the pod out of service endpoints when it "
                                           "fails."},
          {"resizePolicy", "[]object", "How resources are resized.", "list=atomic"},
          {"resources", "core.ResourceRequirements", "Requests and limits of cpu and memory."},
          {"restartPolicy", "string", "Always for a sidecar init container."},
          {"securityContext", "object", "Container-level security attributes."},
          {"startupProbe", "core.Probe", "Holds off the other probes until it succeeds."},
          {"stdin", "bool", "Allocate a buffer for stdin."},
          {"stdinOnce", "bool", "Close stdin after the first attach ends."},
          {"terminationMessagePath", "string", "File the termination message is read from."},
          {"terminationMessagePolicy", "string", "File or FallbackToLogsOnError."},
          {"tty", "bool", "Allocate a TTY."},
          {"volumeDevices", "[]object", "Block devices used by the container.",
           "key=devicePath;patch=merge"},
          {"volumeMounts", "[]core.VolumeMount", "Volumes mounted into the container.",
           "key=mountPath;patch=merge"},
          {"workingDir", "string", "Working directory of the entrypoint."}},
         "name"},
        {"core.ContainerPort", "A network port of a container.",
         {{"containerPort", "int32", "Port number on the pod's IP."},
          {"hostIP", "string", "Host IP to bind an external port to."},
          {"hostPort", "int32", "Port number on the host."},
          {"name", "string", "Name of the port, which services can refer to."},
          {"protocol", "string", "TCP (default), UDP or SCTP."}},
         "containerPort"},
        {"core.EnvVar", "An environment variable.",
         {{"name", "string", "Name of the variable."},
          {"value", "string", "Value, with $(VAR) references expanded."},
          {"valueFrom", "object", "Source of the value (field, resource, config map, secret)."}},
         "name"},
        {"core.VolumeMount", "A volume mounted into a container.",
         {{"mountPath", "string", "Path in the container."},
          {"mountPropagation", "string", "None, HostToContainer or Bidirectional."},
          {"name", "string", "Name of the volume (or of a volumeClaimTemplate)."},
          {"readOnly", "bool", "Mount read-only."},
          {"recursiveReadOnly", "string", "Disabled, IfPossible or Enabled."},
          {"subPath", "string", "Path within the volume to mount."},
          {"subPathExpr", "string", "subPath with $(VAR) references expanded."}},
         "name,mountPath"},
        {"core.ResourceRequirements", "Compute resources of a container.",
         {{"claims", "[]object", "Dynamic resource claims used.", "list=map;keys=name"},
          {"limits", "map:quantity", "Maximum amounts allowed."},
          {"requests", "map:quantity", "Amounts the scheduler reserves."}}},
        {"core.Probe", "A health check of a container.",
         {{"exec", "object", "Run a command; success is exit code 0."},
          {"failureThreshold", "int32", "Consecutive failures to count as failed; default 3."},
          {"grpc", "object", "Call a gRPC health check."},
          {"httpGet", "core.HTTPGetAction", "Send an HTTP GET; success is 200-399."},
          {"initialDelaySeconds", "int32", "Seconds after start before the first probe."},
          {"periodSeconds", "int32", "Seconds between probes; default 10."},
          {"successThreshold", "int32", "Consecutive successes to count as passed; default 1."},
          {"tcpSocket", "core.TCPSocketAction", "Open a TCP connection."},
          {"terminationGracePeriodSeconds", "int64", "Grace period when the probe fails."},
          {"timeoutSeconds", "int32", "Seconds before a probe times out; default 1."}}},
        {"core.HTTPGetAction", "An HTTP GET request.",
         {{"host", "string", "Host name; defaults to the pod IP."},
          {"httpHeaders", "[]object", "Extra request headers.", "list=atomic"},
          {"path", "string", "Path to request."},
          {"port", "intstr", "Port number or name."},
          {"scheme", "string", "HTTP (default) or HTTPS."}},
         "port"},
        {"core.TCPSocketAction", "A TCP connection.",
         {{"host", "string", "Host name; defaults to the pod IP."},
          {"port", "intstr", "Port number or name."}},
         "port"},
        {"core.Volume", "A named volume of a pod. Ordinal models persistentVolumeClaim and "
                        "emptyDir; other sources are accepted as they are.",
         {{"name", "string", "Name of the volume, unique in the pod."},
          {"persistentVolumeClaim", "core.PersistentVolumeClaimVolumeSource",
           "A claim in the pod's namespace."},
          {"emptyDir", "object", "A directory that lives as long as the pod."},
          {"configMap", "object", "A config map's data as files."},
          {"secret", "object", "A secret's data as files."},
          {"hostPath", "object", "A path on the node."},
          {"projected", "object", "Several sources in one directory."},
          {"downwardAPI", "object", "Pod fields as files."},
          {"csi", "object", "A CSI driver's ephemeral volume."},
          {"ephemeral", "object", "A claim created for, and deleted with, the pod."},
          {"nfs", "object", "An NFS export."},
          {"iscsi", "object", "An iSCSI disk."},
          {"image", "object", "An OCI image's content."}},
         "name"},
        {"core.PersistentVolumeClaimVolumeSource", "A reference to a claim.",
         {{"claimName", "string", "Name of the claim."},
          {"readOnly", "bool", "Mount read-only."}},
         "claimName"},
        {"core.Toleration", "Lets a pod schedule on, or stay on, a node with a matching taint.",
         {{"effect", "string", "NoSchedule, PreferNoSchedule or NoExecute; empty: all."},
          {"key", "string", "The taint key; empty with Exists: all taints."},
          {"operator", "string", "Equal (default) or Exists."},
          {"tolerationSeconds", "int64", "For NoExecute: seconds the pod stays after the "
                                         "taint appears."},
          {"value", "string", "The taint value, for Equal."}}},
        {"core.Affinity", "Scheduling constraints.",
         {{"nodeAffinity", "core.NodeAffinity", "Constraints on the node's labels."},
          {"podAffinity", "core.PodAffinity", "Schedule near pods matching a selector."},
          {"podAntiAffinity", "core.PodAntiAffinity",
           "Schedule away from pods matching a selector."}}},
        {"core.NodeAffinity", "Node affinity.",
         {{"preferredDuringSchedulingIgnoredDuringExecution", "[]core.PreferredSchedulingTerm",
           "Preferred node terms, weighted.", "list=atomic"},
          {"requiredDuringSchedulingIgnoredDuringExecution", "core.NodeSelector",
           "Terms one of which the node must match."}}},
        {"core.NodeSelector", "Terms ORed together.",
         {{"nodeSelectorTerms", "[]core.NodeSelectorTerm", "The terms.", "list=atomic"}},
         "nodeSelectorTerms"},
        {"core.NodeSelectorTerm", "Requirements ANDed together.",
         {{"matchExpressions", "[]core.NodeSelectorRequirement", "On node labels.",
           "list=atomic"},
          {"matchFields", "[]core.NodeSelectorRequirement", "On node fields.",
           "list=atomic"}}},
        {"core.NodeSelectorRequirement", "One requirement on a node label.",
         {{"key", "string", "The label key."},
          {"operator", "string", "In, NotIn, Exists, DoesNotExist, Gt or Lt."},
          {"values", "[]string", "The values.", "list=atomic"}},
         "key,operator"},
        {"core.PreferredSchedulingTerm", "A weighted node term.",
         {{"preference", "core.NodeSelectorTerm", "The term."},
          {"weight", "int32", "Weight, 1-100."}},
         "weight,preference"},
        {"core.PodAffinity", "Pod affinity.",
         {{"preferredDuringSchedulingIgnoredDuringExecution", "[]core.WeightedPodAffinityTerm",
           "Preferred terms, weighted.", "list=atomic"},
          {"requiredDuringSchedulingIgnoredDuringExecution", "[]core.PodAffinityTerm",
           "Terms that must all hold.", "list=atomic"}}},
        {"core.PodAntiAffinity", "Pod anti-affinity.",
         {{"preferredDuringSchedulingIgnoredDuringExecution", "[]core.WeightedPodAffinityTerm",
           "Preferred terms, weighted.", "list=atomic"},
          {"requiredDuringSchedulingIgnoredDuringExecution", "[]core.PodAffinityTerm",
           "Terms that must all hold.", "list=atomic"}}},
        {"core.PodAffinityTerm", "Pods matching the selector, in the namespaces, within one "
                                 "topology domain.",
         {{"labelSelector", "meta.LabelSelector", "Which pods."},
          {"matchLabelKeys", "[]string", "Label keys whose values are taken from the incoming "
                                         "pod.", "list=atomic"},
          {"mismatchLabelKeys", "[]string", "Label keys whose values must differ.",
           "list=atomic"},
          {"namespaceSelector", "meta.LabelSelector", "Which namespaces, by label."},
          {"namespaces", "[]string", "Which namespaces, by name.", "list=atomic"},
          {"topologyKey", "string", "Node label that defines the domain, e.g. "
                                    "kubernetes.io/hostname."}},
         "topologyKey"},
        {"core.WeightedPodAffinityTerm", "A weighted pod affinity term.",
         {{"podAffinityTerm", "core.PodAffinityTerm", "The term."},
          {"weight", "int32", "Weight, 1-100."}},
         "weight,podAffinityTerm"},
        {"core.PodStatus", "The observed state of a pod.",
         {{"conditions", "[]core.PodCondition", "PodScheduled, Initialized, ContainersReady, "
                                                "Ready.", "key=type;patch=merge"},
          {"containerStatuses", "[]core.ContainerStatus", "One per container.", "list=atomic"},
          {"ephemeralContainerStatuses", "[]core.ContainerStatus", "One per ephemeral "
                                                                   "container.", "list=atomic"},
          {"hostIP", "string", "IP of the node."},
          {"hostIPs", "[]object", "IPs of the node.", "list=atomic"},
          {"initContainerStatuses", "[]core.ContainerStatus", "One per init container.",
           "list=atomic"},
          {"message", "string", "Why the pod is in this state."},
          {"nominatedNodeName", "string", "Node the pod may run on after preemption."},
          {"phase", "string", "Pending, Running, Succeeded, Failed or Unknown."},
          {"podIP", "string", "IP of the pod; a new pod gets a new IP."},
          {"podIPs", "[]object", "IPs of the pod.", "key=ip;patch=merge"},
          {"qosClass", "string", "Guaranteed, Burstable or BestEffort."},
          {"reason", "string", "Brief reason, e.g. Evicted."},
          {"startTime", "meta.Time", "When the kubelet accepted the pod."}}},
        {"core.PodCondition", "A condition of a pod.",
         {{"lastProbeTime", "meta.Time", "Last probe."},
          {"lastTransitionTime", "meta.Time", "Last change of status."},
          {"message", "string", "Details."},
          {"reason", "string", "Brief reason."},
          {"status", "string", "True, False or Unknown."},
          {"type", "string", "The condition."}},
         "type,status"},
        {"core.ContainerStatus", "The state of one container.",
         {{"allocatedResources", "map:quantity", "Resources allocated."},
          {"containerID", "string", "Runtime id of the container."},
          {"image", "string", "The image running."},
          {"imageID", "string", "The image's digest."},
          {"lastState", "core.ContainerState", "The previous termination."},
          {"name", "string", "Container name."},
          {"ready", "bool", "Whether the readiness probe passes."},
          {"restartCount", "int32", "Restarts so far."},
          {"started", "bool", "Whether the startup probe passed."},
          {"state", "core.ContainerState", "Current state."}},
         "name,ready,restartCount,image,imageID"},
        {"core.ContainerState", "Exactly one of waiting, running, terminated.",
         {{"running", "object", "Running since startedAt."},
          {"terminated", "object", "Exited: exitCode, reason, startedAt, finishedAt."},
          {"waiting", "object", "Not running yet: reason (ContainerCreating, "
                                "CrashLoopBackOff, ...)."}}},

        // ---- core/v1: the other kinds ----
        {"core.Service", "A stable name and address for a set of pods. A headless service "
                         "(clusterIP: None) gives each pod behind it a DNS record.",
         {META_FIELDS,
          {"spec", "core.ServiceSpec", "The desired behaviour of the service."},
          {"status", "core.ServiceStatus", "The observed state. Read-only."}}},
        {"core.ServiceSpec", "What a service selects and exposes.",
         {{"allocateLoadBalancerNodePorts", "bool", "Allocate node ports for a load balancer."},
          {"clusterIP", "string", "The virtual IP; None for a headless service."},
          {"clusterIPs", "[]string", "Virtual IPs, one per family.", "list=atomic"},
          {"externalIPs", "[]string", "Extra IPs the nodes accept traffic on.", "list=atomic"},
          {"externalName", "string", "For type ExternalName: the CNAME target."},
          {"externalTrafficPolicy", "string", "Cluster or Local."},
          {"healthCheckNodePort", "int32", "Health check port for Local traffic policy."},
          {"internalTrafficPolicy", "string", "Cluster or Local."},
          {"ipFamilies", "[]string", "IPv4, IPv6.", "list=atomic"},
          {"ipFamilyPolicy", "string", "SingleStack, PreferDualStack or RequireDualStack."},
          {"loadBalancerClass", "string", "The load balancer implementation."},
          {"loadBalancerIP", "string", "Deprecated."},
          {"loadBalancerSourceRanges", "[]string", "Client CIDRs allowed.", "list=atomic"},
          {"ports", "[]core.ServicePort", "The ports exposed.",
           "key=port;patch=merge;list=map;keys=port,protocol"},
          {"publishNotReadyAddresses", "bool",
           "Publish DNS records and endpoints for pods that are not ready."},
          {"selector", "map", "Pods with these labels back the service."},
          {"sessionAffinity", "string", "ClientIP or None."},
          {"sessionAffinityConfig", "object", "Session affinity settings."},
          {"trafficDistribution", "string", "Preference for routing traffic."},
          {"type", "string", "ClusterIP (default), NodePort, LoadBalancer or ExternalName."}}},
        {"core.ServicePort", "A port of a service.",
         {{"appProtocol", "string", "Application protocol."},
          {"name", "string", "Name of the port; required when there are several."},
          {"nodePort", "int32", "Port on every node, for NodePort and LoadBalancer."},
          {"port", "int32", "Port the service listens on."},
          {"protocol", "string", "TCP (default), UDP or SCTP."},
          {"targetPort", "intstr", "Port number or name on the pods; defaults to port."}},
         "port"},
        {"core.ServiceStatus", "The observed state of a service.",
         {{"conditions", "[]object", "Conditions.", "key=type;patch=merge"},
          {"loadBalancer", "object", "The load balancer's ingress points."}}},
        {"core.Endpoints", "The addresses behind a service, kept by the endpoints controller.",
         {{"apiVersion", "string", "The versioned schema of this object."},
          {"kind", "string", "Endpoints."},
          {"metadata", "meta.ObjectMeta", "Standard object metadata."},
          {"subsets", "[]core.EndpointSubset", "Sets of addresses and ports.", "list=atomic"}}},
        {"core.EndpointSubset", "Addresses that share the same ports.",
         {{"addresses", "[]core.EndpointAddress", "Ready addresses.", "list=atomic"},
          {"notReadyAddresses", "[]core.EndpointAddress", "Addresses not ready yet.",
           "list=atomic"},
          {"ports", "[]core.EndpointPort", "The ports.", "list=atomic"}}},
        {"core.EndpointAddress", "One endpoint.",
         {{"hostname", "string", "Hostname of the pod."},
          {"ip", "string", "IP of the pod."},
          {"nodeName", "string", "Node of the pod."},
          {"targetRef", "core.ObjectReference", "The pod."}},
         "ip"},
        {"core.EndpointPort", "A port of the endpoints.",
         {{"appProtocol", "string", "Application protocol."},
          {"name", "string", "Name of the service port."},
          {"port", "int32", "Port number."},
          {"protocol", "string", "TCP, UDP or SCTP."}},
         "port"},
        {"events.Event", "A report of something that happened (events.k8s.io/v1).",
         {META_FIELDS,
          {"action", "string", "What was done, or failed, about the regarding object."},
          {"deprecatedCount", "int32", "core/v1's count, kept for compatibility."},
          {"deprecatedFirstTimestamp", "time", "core/v1's firstTimestamp."},
          {"deprecatedLastTimestamp", "time", "core/v1's lastTimestamp."},
          {"deprecatedSource", "object", "core/v1's source."},
          {"eventTime", "object", "When the event was first observed (MicroTime)."},
          {"note", "string", "A human-readable description."},
          {"reason", "string", "Why the action was taken."},
          {"regarding", "core.ObjectReference", "The object this event is about."},
          {"related", "core.ObjectReference", "A second object, if any."},
          {"reportingController", "string", "The controller that emitted the event."},
          {"reportingInstance", "string", "The instance of the controller."},
          {"series", "object", "Data about the series this event is part of."},
          {"type", "string", "Normal or Warning."}},
         "eventTime"},
        {"discovery.EndpointSlice", "A set of endpoints of a service, kept by the EndpointSlice "
         "controller.",
         {META_FIELDS,
          {"addressType", "string", "IPv4, IPv6 or FQDN."},
          {"endpoints", "[]discovery.Endpoint", "The endpoints in this slice.", "list=atomic"},
          {"ports", "[]discovery.EndpointPort", "The ports of every endpoint in this slice.",
           "list=atomic"}},
         "addressType,endpoints"},
        {"discovery.Endpoint", "One endpoint of a service.",
         {{"addresses", "[]string", "The addresses of the endpoint.", "list=set"},
          {"conditions", "discovery.EndpointConditions", "The endpoint's state."},
          {"deprecatedTopology", "map", "Deprecated topology labels."},
          {"hints", "object", "Topology-aware routing hints."},
          {"hostname", "string", "Hostname of the endpoint (the pod's, for a headless service)."},
          {"nodeName", "string", "Node hosting the endpoint."},
          {"targetRef", "core.ObjectReference", "The pod."},
          {"zone", "string", "Zone of the endpoint."}},
         "addresses"},
        {"discovery.EndpointConditions", "The state of an endpoint.",
         {{"ready", "bool", "Ready for traffic (serving and not terminating)."},
          {"serving", "bool", "Serving: ready, whether terminating or not."},
          {"terminating", "bool", "Terminating."}}},
        {"discovery.EndpointPort", "A port of the endpoints.",
         {{"appProtocol", "string", "Application protocol."},
          {"name", "string", "Name of the service port."},
          {"port", "int32", "Port number."},
          {"protocol", "string", "TCP, UDP or SCTP."}}},
        {"core.ObjectReference", "A reference to an object.",
         {{"apiVersion", "string", "API version."},
          {"fieldPath", "string", "A field within the object."},
          {"kind", "string", "Kind."},
          {"name", "string", "Name."},
          {"namespace", "string", "Namespace."},
          {"resourceVersion", "string", "Resource version."},
          {"uid", "string", "UID."}}},
        {"core.Node", "A machine pods run on.",
         {META_FIELDS,
          {"spec", "core.NodeSpec", "The desired behaviour of the node."},
          {"status", "core.NodeStatus", "The observed state. Read-only."}}},
        {"core.NodeSpec", "The node's configuration.",
         {{"configSource", "object", "Deprecated."},
          {"externalID", "string", "Deprecated."},
          {"podCIDR", "string", "The pod IP range of the node."},
          {"podCIDRs", "[]string", "Pod IP ranges, one per family.", "patch=merge;list=set"},
          {"providerID", "string", "Cloud provider id."},
          {"taints", "[]core.Taint", "Taints repelling pods that do not tolerate them.",
           "list=atomic"},
          {"unschedulable", "bool", "Cordoned: no new pods are scheduled here."}}},
        {"core.Taint", "A taint of a node.",
         {{"effect", "string", "NoSchedule, PreferNoSchedule or NoExecute."},
          {"key", "string", "The taint key."},
          {"timeAdded", "meta.Time", "When a NoExecute taint was added."},
          {"value", "string", "The taint value."}},
         "key,effect"},
        {"core.NodeStatus", "The observed state of a node.",
         {{"addresses", "[]object", "InternalIP, Hostname, ...", "key=type;patch=merge"},
          {"allocatable", "map:quantity", "Resources available to pods."},
          {"capacity", "map:quantity", "Total resources."},
          {"conditions", "[]core.NodeCondition", "Ready, MemoryPressure, ...",
           "key=type;patch=merge"},
          {"config", "object", "Kubelet configuration status."},
          {"daemonEndpoints", "object", "Kubelet endpoint."},
          {"images", "[]object", "Images on the node.", "list=atomic"},
          {"nodeInfo", "object", "Versions of the kubelet, runtime, kernel, OS."},
          {"phase", "string", "Deprecated."},
          {"runtimeHandlers", "[]object", "Runtime handlers.", "list=atomic"},
          {"volumesAttached", "[]object", "Attached volumes.", "list=atomic"},
          {"volumesInUse", "[]string", "Volumes in use.", "list=atomic"}}},
        {"core.NodeCondition", "A condition of a node.",
         {{"lastHeartbeatTime", "meta.Time", "Last heartbeat."},
          {"lastTransitionTime", "meta.Time", "Last change of status."},
          {"message", "string", "Details."},
          {"reason", "string", "Brief reason."},
          {"status", "string", "True, False or Unknown."},
          {"type", "string", "The condition."}},
         "type,status"},
        {"core.Namespace", "A scope for names.",
         {META_FIELDS,
          {"spec", "core.NamespaceSpec", "The namespace's finalizers."},
          {"status", "core.NamespaceStatus", "The observed state. Read-only."}}},
        {"core.NamespaceSpec", "The namespace's finalizers.",
         {{"finalizers", "[]string", "Finalizers to run before removal.", "list=atomic"}}},
        {"core.NamespaceStatus", "The observed state of a namespace.",
         {{"conditions", "[]object", "Conditions.", "key=type;patch=merge"},
          {"phase", "string", "Active or Terminating."}}},
        {"core.PersistentVolumeClaim", "A request for storage.",
         {META_FIELDS,
          {"spec", "core.PersistentVolumeClaimSpec", "The storage requested."},
          {"status", "core.PersistentVolumeClaimStatus", "The observed state. Read-only."}}},
        {"core.PersistentVolumeClaimSpec", "The storage requested.",
         {{"accessModes", "[]string", "ReadWriteOnce, ReadOnlyMany, ReadWriteMany, "
                                      "ReadWriteOncePod.", "list=atomic"},
          {"dataSource", "object", "Populate from a snapshot or another claim."},
          {"dataSourceRef", "object", "Populate from any object."},
          {"resources", "core.VolumeResourceRequirements", "Minimum size (requests.storage)."},
          {"selector", "meta.LabelSelector", "Which volumes may bind."},
          {"storageClassName", "string", "The storage class."},
          {"volumeAttributesClassName", "string", "The volume attributes class."},
          {"volumeMode", "string", "Filesystem (default) or Block."},
          {"volumeName", "string", "The volume bound to the claim."}}},
        {"core.VolumeResourceRequirements", "Storage resources.",
         {{"limits", "map:quantity", "Maximum storage."},
          {"requests", "map:quantity", "Minimum storage, e.g. storage: 1Gi."}}},
        {"core.PersistentVolumeClaimStatus", "The observed state of a claim.",
         {{"accessModes", "[]string", "Access modes of the bound volume.", "list=atomic"},
          {"allocatedResources", "map:quantity", "Allocated storage."},
          {"capacity", "map:quantity", "Capacity of the bound volume."},
          {"conditions", "[]object", "Conditions.", "key=type;patch=merge"},
          {"phase", "string", "Pending, Bound or Lost."}}},
        {"core.Event", "A report of something that happened, e.g. a pod created or a probe "
                       "failing.",
         {{"action", "string", "What was done."},
          {"apiVersion", "string", "The versioned schema of this object."},
          {"count", "int32", "How many times it happened."},
          {"eventTime", "meta.MicroTime", "When it first happened, precisely."},
          {"firstTimestamp", "meta.Time", "When it first happened."},
          {"involvedObject", "core.ObjectReference", "The object concerned."},
          {"kind", "string", "Event."},
          {"lastTimestamp", "meta.Time", "When it last happened."},
          {"message", "string", "Human-readable description."},
          {"metadata", "meta.ObjectMeta", "Standard object metadata."},
          {"reason", "string", "Brief reason, e.g. SuccessfulCreate."},
          {"related", "core.ObjectReference", "A second object concerned."},
          {"reportingComponent", "string", "The controller that reported it."},
          {"reportingInstance", "string", "Its instance."},
          {"series", "object", "Repetitions of the event."},
          {"source", "object", "The component reporting it."},
          {"type", "string", "Normal or Warning."}},
         "metadata,involvedObject"},

        // ---- apps/v1 ----
        {"apps.StatefulSet",
         "Manages pods with stable identities: <name>-<ordinal>, created and removed in "
         "ordinal order, each with its own persistent volume claims and a stable DNS name "
         "through the governing headless service.",
         {META_FIELDS,
          {"spec", "apps.StatefulSetSpec", "The desired pods."},
          {"status", "apps.StatefulSetStatus", "The observed state. Read-only."}}},
        {"apps.StatefulSetSpec", "The desired state of a StatefulSet.",
         {{"minReadySeconds", "int32",
           "Seconds a new pod must be ready, without a container crashing, to count as "
           "available. Default 0."},
          {"ordinals", "apps.StatefulSetOrdinals", "The ordinal numbering of the replicas."},
          {"persistentVolumeClaimRetentionPolicy",
           "apps.StatefulSetPersistentVolumeClaimRetentionPolicy",
           "What happens to claims from volumeClaimTemplates when the set is deleted or "
           "scaled down."},
          {"podManagementPolicy", "string",
           "OrderedReady (default): pods are created one at a time in ordinal order, each "
           "after the previous is Running and Ready, and removed in reverse order. Parallel: "
           "all at once."},
          {"replicas", "int32", "The desired number of pods. Default 1."},
          {"revisionHistoryLimit", "int32", "Controller revisions kept. Default 10."},
          {"selector", "meta.LabelSelector",
           "Label query over the pods; must match the template's labels."},
          {"serviceName", "string",
           "The headless service that governs the set and gives each pod its DNS name "
           "<pod>.<serviceName>.<namespace>.svc.<zone>."},
          {"template", "core.PodTemplateSpec", "The pods to create."},
          {"updateStrategy", "apps.StatefulSetUpdateStrategy",
           "How pods are replaced when the template changes."},
          {"volumeClaimTemplates", "[]core.PersistentVolumeClaim",
           "Claims each pod gets, named <template>-<pod>; they outlive the pod.",
           "list=atomic"}},
         "selector,template"},
        {"apps.StatefulSetOrdinals", "Ordinal numbering.",
         {{"start", "int32", "The first ordinal; default 0."}}},
        {"apps.StatefulSetPersistentVolumeClaimRetentionPolicy", "Claim retention.",
         {{"whenDeleted", "string", "Retain (default) or Delete."},
          {"whenScaled", "string", "Retain (default) or Delete."}}},
        {"apps.StatefulSetUpdateStrategy", "How pods are updated.",
         {{"rollingUpdate", "apps.RollingUpdateStatefulSetStrategy",
           "Parameters of RollingUpdate."},
          {"type", "string", "RollingUpdate (default) or OnDelete."}}},
        {"apps.RollingUpdateStatefulSetStrategy", "Rolling update parameters.",
         {{"maxUnavailable", "intstr", "Pods that may be unavailable during the update."},
          {"partition", "int32", "Only pods with an ordinal at least this are updated."}}},
        {"apps.StatefulSetStatus", "The observed state of a StatefulSet.",
         {{"availableReplicas", "int32", "Pods ready for at least minReadySeconds."},
          {"collisionCount", "int32", "Hash collisions of controller revisions."},
          {"conditions", "[]apps.StatefulSetCondition", "Conditions.",
           "key=type;patch=merge"},
          {"currentReplicas", "int32", "Pods at currentRevision."},
          {"currentRevision", "string", "Revision of the pods [0, currentReplicas)."},
          {"observedGeneration", "int64", "Generation the status reflects."},
          {"readyReplicas", "int32", "Pods with a Ready condition."},
          {"replicas", "int32", "Pods created."},
          {"updateRevision", "string", "Revision of the pods being rolled out."},
          {"updatedReplicas", "int32", "Pods at updateRevision."}},
         "replicas"},
        {"apps.StatefulSetCondition", "A condition of a StatefulSet.",
         {{"lastTransitionTime", "meta.Time", "Last change of status."},
          {"message", "string", "Details."},
          {"reason", "string", "Brief reason."},
          {"status", "string", "True, False or Unknown."},
          {"type", "string", "The condition."}},
         "type,status"},
        {"apps.ControllerRevision", "An immutable snapshot of a pod template, which a "
                                    "StatefulSet uses to track its revisions.",
         {{"apiVersion", "string", "The versioned schema of this object."},
          {"data", "object", "The snapshot."},
          {"kind", "string", "ControllerRevision."},
          {"metadata", "meta.ObjectMeta", "Standard object metadata."},
          {"revision", "int64", "Revision number."}},
         "revision"},
    };
    return types;
}

#undef META_FIELDS
// clang-format on

QString definitionName(const QString &id)
{
    const qsizetype dot = id.indexOf(u'.');
    const QString prefix = id.left(dot);
    const QString name = id.mid(dot + 1);
    if (prefix == u"meta")
        return QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.") + name;
    if (prefix == u"resource")
        return QStringLiteral("io.k8s.apimachinery.pkg.api.resource.") + name;
    if (prefix == u"intstr")
        return QStringLiteral("io.k8s.apimachinery.pkg.util.intstr.") + name;
    return QStringLiteral("io.k8s.api.") + prefix + QStringLiteral(".v1.") + name;
}

QString typeIdForKind(const QString &group, const QString &kind)
{
    // "discovery.k8s.io" types are "discovery.EndpointSlice" (io.k8s.api.discovery.v1.*).
    return (group.isEmpty() ? QStringLiteral("core") : group.section(u'.', 0, 0)) + u'.' + kind;
}

const QHash<QString, const TypeSpec *> &typesById()
{
    static const QHash<QString, const TypeSpec *> byId = [] {
        QHash<QString, const TypeSpec *> h;
        for (const TypeSpec &t : schemaTypes())
            h.insert(str(t.id), &t);
        return h;
    }();
    return byId;
}

// ---------------------------------------------------------------------------------------
// Schema generation, for both OpenAPI dialects.

enum class Dialect { V2, V3 };

QString refTo(const QString &id, Dialect d)
{
    return (d == Dialect::V2 ? QStringLiteral("#/definitions/")
                             : QStringLiteral("#/components/schemas/"))
        + definitionName(id);
}

QJsonObject refSchema(const QString &id, Dialect d)
{
    return { { QStringLiteral("$ref"), refTo(id, d) } };
}

QJsonObject typeSchema(const QString &type, Dialect d)
{
    if (type.startsWith(QStringLiteral("[]"))) {
        return { { QStringLiteral("type"), QStringLiteral("array") },
                 { QStringLiteral("items"), typeSchema(type.mid(2), d) } };
    }
    if (type == u"map" || type.startsWith(QStringLiteral("map:"))) {
        const QString value = type == u"map" ? QStringLiteral("string") : type.mid(4);
        return { { QStringLiteral("type"), QStringLiteral("object") },
                 { QStringLiteral("additionalProperties"), typeSchema(value, d) } };
    }
    if (type == u"string")
        return { { QStringLiteral("type"), QStringLiteral("string") } };
    if (type == u"int32" || type == u"int64")
        return { { QStringLiteral("type"), QStringLiteral("integer") },
                 { QStringLiteral("format"), type } };
    if (type == u"bool")
        return { { QStringLiteral("type"), QStringLiteral("boolean") } };
    if (type == u"number")
        return { { QStringLiteral("type"), QStringLiteral("number") },
                 { QStringLiteral("format"), QStringLiteral("double") } };
    if (type == u"object") {
        QJsonObject o { { QStringLiteral("type"), QStringLiteral("object") } };
        if (d == Dialect::V3)
            o.insert(QStringLiteral("x-kubernetes-preserve-unknown-fields"), true);
        return o;
    }
    if (type == u"time")
        return refSchema(QStringLiteral("meta.Time"), d);
    if (type == u"quantity")
        return refSchema(QStringLiteral("resource.Quantity"), d);
    if (type == u"intstr")
        return refSchema(QStringLiteral("intstr.IntOrString"), d);
    return refSchema(type, d);
}

QString canonicalType(const QString &type)
{
    if (type == u"time")
        return QStringLiteral("meta.Time");
    if (type == u"quantity")
        return QStringLiteral("resource.Quantity");
    if (type == u"intstr")
        return QStringLiteral("intstr.IntOrString");
    return type;
}

// The type ids a field type refers to.
void referencedIds(const QString &type, QStringList *out)
{
    QString t = type;
    if (t.startsWith(QStringLiteral("[]")))
        t = t.mid(2);
    else if (t.startsWith(QStringLiteral("map:")))
        t = t.mid(4);
    t = canonicalType(t);
    if (t.contains(u'.'))
        out->append(t);
}

QJsonObject fieldSchema(const FieldSpec &f, Dialect d)
{
    const QString type = str(f.type);
    QJsonObject s = typeSchema(type, d);
    if (s.contains(QStringLiteral("$ref"))) {
        if (d == Dialect::V3) {
            // OpenAPI 3.0 ignores siblings of $ref; wrap it so the description stays.
            s = QJsonObject { { QStringLiteral("allOf"), QJsonArray { s } } };
            if (!type.contains(QStringLiteral("Time")) && type != u"quantity" && type != u"intstr")
                s.insert(QStringLiteral("default"), QJsonObject {});
        }
    }
    s.insert(QStringLiteral("description"), str(f.doc));
    for (const QString &token : split(f.ext, ';')) {
        const qsizetype eq = token.indexOf(u'=');
        const QString key = token.left(eq);
        const QString value = token.mid(eq + 1);
        if (key == u"key")
            s.insert(QStringLiteral("x-kubernetes-patch-merge-key"), value);
        else if (key == u"patch")
            s.insert(QStringLiteral("x-kubernetes-patch-strategy"), value);
        else if (key == u"list")
            s.insert(QStringLiteral("x-kubernetes-list-type"), value);
        else if (key == u"keys")
            s.insert(QStringLiteral("x-kubernetes-list-map-keys"), strings(value.split(u',')));
    }
    return s;
}

// group/version/kind triples a type id carries.
QList<Gvk> gvksOf(const QString &id)
{
    QList<Gvk> out;
    for (const ResourceRow &r : resourceRows()) {
        const QString base = typeIdForKind(str(r.group), str(r.kind));
        if (id == base)
            out.append({ str(r.group), str(r.version), str(r.kind) });
        else if (id == base + QStringLiteral("List"))
            out.append({ str(r.group), str(r.version), str(r.kind) + QStringLiteral("List") });
    }
    if (const TypeSpec *t = typesById().value(id)) {
        for (const QString &g : split(t->gvks, ';'))
            out.append(parseGvk(g.toUtf8().constData()));
    }
    return out;
}

QJsonObject definitionSchema(const QString &id, Dialect d)
{
    QJsonObject s;
    const TypeSpec *t = typesById().value(id);
    if (t && t->scalar) {
        const QString format = str(t->scalar);
        s.insert(QStringLiteral("type"), QStringLiteral("string"));
        s.insert(QStringLiteral("format"), format);
        if (format == u"int-or-string" && d == Dialect::V3)
            s.insert(QStringLiteral("x-kubernetes-int-or-string"), true);
        s.insert(QStringLiteral("description"), str(t->doc));
        return s;
    }
    QJsonObject properties;
    QStringList required;
    if (t) {
        s.insert(QStringLiteral("description"), str(t->doc));
        for (const FieldSpec &f : t->fields)
            properties.insert(str(f.name), fieldSchema(f, d));
        required = split(t->required);
    } else {
        // A list kind.
        const QString item = id.chopped(4);
        s.insert(QStringLiteral("description"),
                 QStringLiteral("A list of ") + id.mid(id.indexOf(u'.') + 1).chopped(4)
                     + QStringLiteral(" objects."));
        const FieldSpec fields[] = {
            { "apiVersion", "string", "The versioned schema of this object." },
            { "kind", "string", "The kind of this object, in CamelCase." },
            { "metadata", "meta.ListMeta", "Standard list metadata." },
        };
        for (const FieldSpec &f : fields)
            properties.insert(str(f.name), fieldSchema(f, d));
        properties.insert(
            QStringLiteral("items"),
            QJsonObject { { QStringLiteral("type"), QStringLiteral("array") },
                          { QStringLiteral("items"), refSchema(item, d) },
                          { QStringLiteral("description"), QStringLiteral("The objects.") } });
        required = { QStringLiteral("items") };
    }
    s.insert(QStringLiteral("type"), QStringLiteral("object"));
    if (!properties.isEmpty())
        s.insert(QStringLiteral("properties"), properties);
    if (!required.isEmpty())
        s.insert(QStringLiteral("required"), strings(required));
    const QList<Gvk> gvks = gvksOf(id);
    if (!gvks.isEmpty()) {
        QJsonArray a;
        for (const Gvk &g : gvks)
            a.append(gvkObject(g.group, g.version, g.kind));
        s.insert(QStringLiteral("x-kubernetes-group-version-kind"), a);
    }
    return s;
}

QStringList directRefs(const QString &id)
{
    QStringList out;
    if (const TypeSpec *t = typesById().value(id)) {
        for (const FieldSpec &f : t->fields)
            referencedIds(str(f.type), &out);
    } else if (id.endsWith(QStringLiteral("List"))) {
        out << id.chopped(4) << QStringLiteral("meta.ListMeta");
    }
    return out;
}

// Every type id reachable from the roots.
QStringList closure(const QStringList &roots)
{
    QStringList order;
    QSet<QString> seen;
    QStringList queue = roots;
    while (!queue.isEmpty()) {
        const QString id = queue.takeFirst();
        if (seen.contains(id))
            continue;
        seen.insert(id);
        order.append(id);
        queue.append(directRefs(id));
    }
    return order;
}

// ---------------------------------------------------------------------------------------
// OpenAPI paths.

struct Param
{
    const char *name;
    const char *type; // string, integer, boolean
    const char *doc;
};

const Param kPretty = { "pretty", "string", "If 'true', the output is indented." };
const Param kDryRun
    = { "dryRun", "string", "All: process the request without persisting anything." };
const Param kFieldManager
    = { "fieldManager", "string", "Name of the actor making the change, for managed fields." };
const Param kFieldValidation
    = { "fieldValidation", "string",
        "How unknown and duplicate fields in the request body are handled: Ignore drops them, "
        "Warn drops them with a warning header, Strict (kubectl's default) rejects the request." };
const Param kForce
    = { "force", "boolean", "Server-side apply: take ownership of fields other managers own." };
const Param kListParams[] = {
    { "allowWatchBookmarks", "boolean", "Ask for BOOKMARK watch events." },
    { "continue", "string", "Continue token from a previous chunk." },
    { "fieldSelector", "string", "Select by fields, e.g. metadata.name=web-0." },
    { "labelSelector", "string", "Select by labels, e.g. app=nginx." },
    { "limit", "integer", "Most items to return in one chunk." },
    { "resourceVersion", "string", "Version to read or watch from." },
    { "resourceVersionMatch", "string", "How resourceVersion applies to a list." },
    { "sendInitialEvents", "boolean", "Start a watch with the current state." },
    { "timeoutSeconds", "integer", "Timeout of the list or watch call." },
    { "watch", "boolean", "Watch for changes instead of listing." },
};
const Param kDeleteParams[] = {
    { "gracePeriodSeconds", "integer", "Seconds before the object is deleted; 0 is now." },
    { "orphanDependents", "boolean", "Deprecated: use propagationPolicy." },
    { "propagationPolicy", "string", "Orphan, Background or Foreground." },
};
const Param kLogParams[] = {
    { "container", "string", "The container to read; needed when there are several." },
    { "follow", "boolean", "Stream the log." },
    { "insecureSkipTLSVerifyBackend", "boolean", "Skip verifying the kubelet's certificate." },
    { "limitBytes", "integer", "Most bytes to return." },
    { "previous", "boolean", "The log of the previous, terminated container." },
    { "sinceSeconds", "integer", "Only the last seconds of the log." },
    { "tailLines", "integer", "Only the last lines of the log." },
    { "timestamps", "boolean", "Prefix each line with its timestamp." },
};
const Param kExecParams[] = {
    { "command", "string", "The command to run, one argument per parameter." },
    { "container", "string", "The container to run it in." },
    { "stderr", "boolean", "Stream stderr." },
    { "stdin", "boolean", "Stream stdin." },
    { "stdout", "boolean", "Stream stdout." },
    { "tty", "boolean", "Allocate a TTY." },
};

QJsonObject parameter(const Param &p, const char *in, Dialect d, bool required = false)
{
    QJsonObject o { { QStringLiteral("name"), str(p.name) },
                    { QStringLiteral("in"), str(in) },
                    { QStringLiteral("description"), str(p.doc) } };
    if (d == Dialect::V3)
        o.insert(QStringLiteral("schema"),
                 QJsonObject { { QStringLiteral("type"), str(p.type) },
                               { QStringLiteral("uniqueItems"), true } });
    else {
        o.insert(QStringLiteral("type"), str(p.type));
        o.insert(QStringLiteral("uniqueItems"), true);
    }
    if (required)
        o.insert(QStringLiteral("required"), true);
    return o;
}

struct OperationSpec
{
    QString method; // get, put, post, patch, delete
    QString action; // x-kubernetes-action
    QString operationId;
    QString description;
    Gvk gvk;
    QString responseId; // type id of the response body; empty: a string
    QString bodyId; // type id of the request body; empty: none
    QList<Param> query;
    QString status = QStringLiteral("200");
};

QString camelGroup(const QString &group)
{
    if (group.isEmpty())
        return QStringLiteral("Core");
    QString g = group.section(u'.', 0, 0);
    g[0] = g[0].toUpper();
    return g;
}

QJsonObject operation(const OperationSpec &op, const QString &tag, Dialect d)
{
    QJsonObject o;
    o.insert(QStringLiteral("description"), op.description);
    o.insert(QStringLiteral("operationId"), op.operationId);
    o.insert(QStringLiteral("tags"), QJsonArray { tag });
    o.insert(QStringLiteral("x-kubernetes-action"), op.action);
    o.insert(QStringLiteral("x-kubernetes-group-version-kind"),
             gvkObject(op.gvk.group, op.gvk.version, op.gvk.kind));
    QJsonArray params;
    for (const Param &p : op.query)
        params.append(parameter(p, "query", d));

    const QStringList patchTypes = { QStringLiteral("application/apply-patch+yaml"),
                                     QStringLiteral("application/json-patch+json"),
                                     QStringLiteral("application/merge-patch+json"),
                                     QStringLiteral("application/strategic-merge-patch+json") };
    const QStringList produces = op.responseId.isEmpty()
        ? QStringList { QStringLiteral("text/plain"), QStringLiteral("application/json") }
        : QStringList { QStringLiteral("application/json"), QStringLiteral("application/yaml") };
    const QJsonObject responseSchema = op.responseId.isEmpty()
        ? QJsonObject { { QStringLiteral("type"), QStringLiteral("string") } }
        : refSchema(op.responseId, d);

    QJsonObject responses;
    const QString okText = op.status == u"201" ? QStringLiteral("Created") : QStringLiteral("OK");
    QStringList statuses { op.status };
    if (op.method == u"post" && op.action == u"create")
        statuses = { QStringLiteral("200"), QStringLiteral("201"), QStringLiteral("202") };
    for (const QString &code : statuses) {
        const QString text = code == u"201" ? QStringLiteral("Created")
            : code == u"202"                ? QStringLiteral("Accepted")
                                            : okText;
        QJsonObject r { { QStringLiteral("description"), text } };
        if (d == Dialect::V3) {
            QJsonObject content;
            for (const QString &m : produces)
                content.insert(m, QJsonObject { { QStringLiteral("schema"), responseSchema } });
            r.insert(QStringLiteral("content"), content);
        } else {
            r.insert(QStringLiteral("schema"), responseSchema);
        }
        responses.insert(code, r);
    }
    responses.insert(
        QStringLiteral("401"),
        QJsonObject { { QStringLiteral("description"), QStringLiteral("Unauthorized") } });
    o.insert(QStringLiteral("responses"), responses);

    if (!op.bodyId.isEmpty()) {
        const QStringList consumes
            = op.method == u"patch" ? patchTypes : QStringList { QStringLiteral("*/*") };
        const QJsonObject bodySchema = refSchema(op.bodyId, d);
        if (d == Dialect::V3) {
            QJsonObject content;
            for (const QString &m : consumes)
                content.insert(m, QJsonObject { { QStringLiteral("schema"), bodySchema } });
            o.insert(QStringLiteral("requestBody"),
                     QJsonObject { { QStringLiteral("content"), content },
                                   { QStringLiteral("required"), op.method != u"delete" } });
        } else {
            o.insert(QStringLiteral("consumes"), strings(consumes));
            params.prepend(QJsonObject { { QStringLiteral("name"), QStringLiteral("body") },
                                         { QStringLiteral("in"), QStringLiteral("body") },
                                         { QStringLiteral("required"), op.method != u"delete" },
                                         { QStringLiteral("schema"), bodySchema } });
        }
    } else if (d == Dialect::V2) {
        o.insert(QStringLiteral("consumes"), QJsonArray { QStringLiteral("*/*") });
    }
    if (d == Dialect::V2) {
        o.insert(QStringLiteral("produces"), strings(produces));
        o.insert(QStringLiteral("schemes"), QJsonArray { QStringLiteral("https") });
    }
    if (!params.isEmpty())
        o.insert(QStringLiteral("parameters"), params);
    return o;
}

QList<Param> params(std::initializer_list<Param> a)
{
    return QList<Param>(a);
}
template<std::size_t N> QList<Param> params(const Param (&a)[N])
{
    return QList<Param>(std::begin(a), std::end(a));
}

// The paths of one resource, added to *paths.
void addResourcePaths(const ApiResource &r, Dialect d, QJsonObject *paths)
{
    const QString base = r.group.isEmpty() ? QStringLiteral("/api/v1")
                                           : QStringLiteral("/apis/") + r.groupVersion();
    const QString collection = r.namespaced
        ? base + QStringLiteral("/namespaces/{namespace}/") + r.plural
        : base + u'/' + r.plural;
    const QString item = collection + QStringLiteral("/{name}");
    const QString typeId = typeIdForKind(r.group, r.kind);
    const Gvk gvk { r.group, r.version, r.kind };
    const QString gvName = camelGroup(r.group) + r.version.at(0).toUpper() + r.version.mid(1);
    const QString scope = r.namespaced ? QStringLiteral("Namespaced") : QString();
    const QString tag = r.group.isEmpty() ? QStringLiteral("core_v1")
                                          : r.group.section(u'.', 0, 0) + u'_' + r.version;
    const QString kindName = r.kind;
    auto has = [&](const char *verb) { return r.verbs.contains(str(verb)); };

    const QJsonObject nameParam
        = parameter({ "name", "string", "Name of the object." }, "path", d, true);
    const QJsonObject namespaceParam
        = parameter({ "namespace", "string", "Namespace of the objects." }, "path", d, true);
    const QJsonObject prettyParam = parameter(kPretty, "query", d);

    auto pathItem = [&](bool withName) {
        QJsonArray ps;
        if (withName)
            ps.append(nameParam);
        if (r.namespaced)
            ps.append(namespaceParam);
        ps.append(prettyParam);
        return QJsonObject { { QStringLiteral("parameters"), ps } };
    };

    // Collection: list, create, deletecollection.
    QJsonObject coll = pathItem(false);
    if (has("list")) {
        coll.insert(QStringLiteral("get"),
                    operation({ QStringLiteral("get"),
                                QStringLiteral("list"),
                                QStringLiteral("list") + gvName + scope + kindName,
                                QStringLiteral("list or watch objects of kind ") + kindName,
                                { r.group, r.version, r.kind },
                                typeId + QStringLiteral("List"),
                                {},
                                params(kListParams) },
                              tag, d));
    }
    if (has("create")) {
        coll.insert(QStringLiteral("post"),
                    operation({ QStringLiteral("post"), QStringLiteral("create"),
                                QStringLiteral("create") + gvName + scope + kindName,
                                QStringLiteral("create ") + kindName, gvk, typeId, typeId,
                                params({ kDryRun, kFieldManager, kFieldValidation }) },
                              tag, d));
    }
    if (has("deletecollection")) {
        QList<Param> q = params(kListParams);
        q.append(params(kDeleteParams));
        q.prepend(kDryRun);
        coll.insert(
            QStringLiteral("delete"),
            operation({ QStringLiteral("delete"), QStringLiteral("deletecollection"),
                        QStringLiteral("deleteCollection") + gvName + scope + kindName,
                        QStringLiteral("delete collection of ") + kindName, gvk,
                        QStringLiteral("meta.Status"), QStringLiteral("meta.DeleteOptions"), q },
                      tag, d));
    }
    paths->insert(collection, coll);

    // Item: read, replace, patch, delete.
    QJsonObject one = pathItem(true);
    if (has("get"))
        one.insert(QStringLiteral("get"),
                   operation({ QStringLiteral("get"),
                               QStringLiteral("get"),
                               QStringLiteral("read") + gvName + scope + kindName,
                               QStringLiteral("read the specified ") + kindName,
                               gvk,
                               typeId,
                               {},
                               {} },
                             tag, d));
    if (has("update"))
        one.insert(QStringLiteral("put"),
                   operation({ QStringLiteral("put"), QStringLiteral("put"),
                               QStringLiteral("replace") + gvName + scope + kindName,
                               QStringLiteral("replace the specified ") + kindName, gvk, typeId,
                               typeId, params({ kDryRun, kFieldManager, kFieldValidation }) },
                             tag, d));
    if (has("patch"))
        one.insert(QStringLiteral("patch"),
                   operation({ QStringLiteral("patch"), QStringLiteral("patch"),
                               QStringLiteral("patch") + gvName + scope + kindName,
                               QStringLiteral("partially update the specified ") + kindName, gvk,
                               typeId, QStringLiteral("meta.Patch"),
                               params({ kDryRun, kFieldManager, kFieldValidation, kForce }) },
                             tag, d));
    if (has("delete")) {
        QList<Param> q = params(kDeleteParams);
        q.prepend(kDryRun);
        one.insert(
            QStringLiteral("delete"),
            operation({ QStringLiteral("delete"), QStringLiteral("delete"),
                        QStringLiteral("delete") + gvName + scope + kindName,
                        QStringLiteral("delete a ") + kindName, gvk, QStringLiteral("meta.Status"),
                        QStringLiteral("meta.DeleteOptions"), q },
                      tag, d));
    }
    paths->insert(item, one);

    // Across namespaces.
    if (r.namespaced && has("list")) {
        QJsonObject all { { QStringLiteral("parameters"), QJsonArray { prettyParam } } };
        all.insert(QStringLiteral("get"),
                   operation({ QStringLiteral("get"),
                               QStringLiteral("list"),
                               QStringLiteral("list") + gvName + kindName
                                   + QStringLiteral("ForAllNamespaces"),
                               QStringLiteral("list or watch objects of kind ") + kindName,
                               gvk,
                               typeId + QStringLiteral("List"),
                               {},
                               params(kListParams) },
                             tag, d));
        paths->insert(base + u'/' + r.plural, all);
    }

    // Subresources.
    for (const ApiSubresource &s : r.subresources) {
        QJsonObject sub = pathItem(true);
        const Gvk sgvk { s.group, s.version, s.kind };
        const QString subTypeId = typeIdForKind(s.group, s.kind);
        const QString sub1 = s.name.at(0).toUpper() + s.name.mid(1);
        const QString opSuffix = gvName + scope + kindName + sub1;
        if (s.name == u"log") {
            sub.insert(QStringLiteral("get"),
                       operation({ QStringLiteral("get"),
                                   QStringLiteral("get"),
                                   QStringLiteral("read") + opSuffix,
                                   QStringLiteral("read log of the specified ") + kindName,
                                   sgvk,
                                   {},
                                   {},
                                   params(kLogParams) },
                                 tag, d));
        } else if (s.name == u"exec" || s.name == u"attach") {
            QList<Param> q = params(kExecParams);
            if (s.name == u"attach")
                q.removeFirst();
            for (const char *m : { "get", "post" }) {
                sub.insert(str(m),
                           operation({ str(m),
                                       QStringLiteral("connect"),
                                       QStringLiteral("connect") + str(m).at(0).toUpper()
                                           + str(m).mid(1) + opSuffix,
                                       QStringLiteral("connect ") + str(m).toUpper()
                                           + QStringLiteral(" requests to ") + s.name
                                           + QStringLiteral(" of ") + kindName,
                                       sgvk,
                                       {},
                                       {},
                                       q },
                                     tag, d));
            }
        } else if (s.name == u"eviction") {
            sub.insert(
                QStringLiteral("post"),
                operation({ QStringLiteral("post"), QStringLiteral("create"),
                            QStringLiteral("create") + opSuffix,
                            QStringLiteral("create eviction of a ") + kindName, sgvk, subTypeId,
                            subTypeId, params({ kDryRun, kFieldManager, kFieldValidation }) },
                          tag, d));
        } else {
            // status, scale: read, replace, patch.
            if (s.verbs.contains(QStringLiteral("get")))
                sub.insert(QStringLiteral("get"),
                           operation({ QStringLiteral("get"),
                                       QStringLiteral("get"),
                                       QStringLiteral("read") + opSuffix,
                                       QStringLiteral("read ") + s.name
                                           + QStringLiteral(" of the specified ") + kindName,
                                       sgvk,
                                       subTypeId,
                                       {},
                                       {} },
                                     tag, d));
            if (s.verbs.contains(QStringLiteral("update")))
                sub.insert(QStringLiteral("put"),
                           operation({ QStringLiteral("put"), QStringLiteral("put"),
                                       QStringLiteral("replace") + opSuffix,
                                       QStringLiteral("replace ") + s.name
                                           + QStringLiteral(" of the specified ") + kindName,
                                       sgvk, subTypeId, subTypeId,
                                       params({ kDryRun, kFieldManager, kFieldValidation }) },
                                     tag, d));
            if (s.verbs.contains(QStringLiteral("patch")))
                sub.insert(
                    QStringLiteral("patch"),
                    operation({ QStringLiteral("patch"), QStringLiteral("patch"),
                                QStringLiteral("patch") + opSuffix,
                                QStringLiteral("partially update ") + s.name
                                    + QStringLiteral(" of the specified ") + kindName,
                                sgvk, subTypeId, QStringLiteral("meta.Patch"),
                                params({ kDryRun, kFieldManager, kFieldValidation, kForce }) },
                              tag, d));
        }
        paths->insert(item + u'/' + s.name, sub);
    }
}

// The schema type ids a group version's document needs.
QStringList rootsFor(const QString &groupVersion)
{
    QStringList roots;
    for (const ApiResource &r : apiResources()) {
        if (!groupVersion.isEmpty() && r.groupVersion() != groupVersion)
            continue;
        const QString id = typeIdForKind(r.group, r.kind);
        roots << id << id + QStringLiteral("List");
        for (const ApiSubresource &s : r.subresources) {
            const QString sid = typeIdForKind(s.group, s.kind);
            if (typesById().contains(sid))
                roots << sid;
        }
    }
    roots << QStringLiteral("meta.Status") << QStringLiteral("meta.DeleteOptions")
          << QStringLiteral("meta.Patch");
    return roots;
}

QJsonObject definitionsFor(const QString &groupVersion, Dialect d)
{
    QJsonObject defs;
    for (const QString &id : closure(rootsFor(groupVersion)))
        defs.insert(definitionName(id), definitionSchema(id, d));
    return defs;
}

QJsonObject pathsFor(const QString &groupVersion, Dialect d)
{
    QJsonObject paths;
    for (const ApiResource &r : apiResources()) {
        if (groupVersion.isEmpty() || r.groupVersion() == groupVersion)
            addResourcePaths(r, d, &paths);
    }
    return paths;
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject info()
{
    return { { QStringLiteral("title"), QStringLiteral("Kubernetes") },
             { QStringLiteral("version"), serverGitVersion() } };
}

const QMap<QString, QByteArray> &v3Documents()
{
    static const QMap<QString, QByteArray> docs = [] {
        QMap<QString, QByteArray> m;
        for (const QString &gv : apiGroupVersions()) {
            QJsonObject doc;
            doc.insert(QStringLiteral("openapi"), QStringLiteral("3.0.0"));
            doc.insert(QStringLiteral("info"), info());
            doc.insert(QStringLiteral("paths"), pathsFor(gv, Dialect::V3));
            QJsonObject components;
            components.insert(QStringLiteral("schemas"), definitionsFor(gv, Dialect::V3));
            components.insert(
                QStringLiteral("securitySchemes"),
                QJsonObject {
                    { QStringLiteral("BearerToken"),
                      QJsonObject { { QStringLiteral("type"), QStringLiteral("apiKey") },
                                    { QStringLiteral("name"), QStringLiteral("authorization") },
                                    { QStringLiteral("in"), QStringLiteral("header") },
                                    { QStringLiteral("description"),
                                      QStringLiteral("Bearer token authentication") } } } });
            doc.insert(QStringLiteral("components"), components);
            doc.insert(
                QStringLiteral("security"),
                QJsonArray { QJsonObject { { QStringLiteral("BearerToken"), QJsonArray {} } } });
            m.insert(gv, compact(doc));
        }
        return m;
    }();
    return docs;
}

QString v3Key(const QString &groupVersion)
{
    return groupVersion.contains(u'/') ? QStringLiteral("apis/") + groupVersion
                                       : QStringLiteral("api/") + groupVersion;
}

const char kJson[] = "application/json";

} // namespace

// ---------------------------------------------------------------------------------------

const QList<ApiResource> &apiResources()
{
    static const QList<ApiResource> list = [] {
        QList<ApiResource> out;
        for (const ResourceRow &row : resourceRows()) {
            ApiResource r;
            r.group = str(row.group);
            r.version = str(row.version);
            r.kind = str(row.kind);
            r.plural = str(row.plural);
            r.singular = str(row.singular);
            r.shortNames = split(row.shortNames);
            r.namespaced = row.namespaced;
            r.verbs = *row.verbs ? split(row.verbs) : kAllVerbs;
            r.categories = split(row.categories);
            for (const SubRow &s : row.subresources) {
                const Gvk g = parseGvk(s.gvk);
                r.subresources.append({ str(s.name), g.group, g.version, g.kind, split(s.verbs) });
            }
            out.append(r);
        }
        return out;
    }();
    return list;
}

const ApiResource *findApiResource(const QString &group, const QString &version,
                                   const QString &plural)
{
    for (const ApiResource &r : apiResources()) {
        if (r.group == group && r.version == version && r.plural == plural)
            return &r;
    }
    return nullptr;
}

QStringList apiGroupVersions()
{
    QStringList out;
    for (const ApiResource &r : apiResources()) {
        if (!out.contains(r.groupVersion()))
            out.append(r.groupVersion());
    }
    return out;
}

// The simulated nodes' kubelet version (a kubelet may not be newer than its API server). The
// Google Cloud SDK's kubectl dispatcher runs the kubectl.1.<minor> matching this version.
QString serverGitVersion()
{
    return QStringLiteral("v1.33.1");
}

QByteArray versionDocument()
{
    const QString version = serverGitVersion();
    const QStringList parts = version.mid(1).section(u'+', 0, 0).split(u'.');
    return QJsonDocument(
               QJsonObject {
                   { QStringLiteral("major"), parts.value(0) },
                   { QStringLiteral("minor"), parts.value(1) },
                   { QStringLiteral("gitVersion"), version },
                   { QStringLiteral("gitCommit"),
                     QStringLiteral("ordinal-") + QStringLiteral(ORDINAL_VERSION) },
                   { QStringLiteral("gitTreeState"), QStringLiteral("clean") },
                   { QStringLiteral("buildDate"), QStringLiteral("2025-05-15T00:00:00Z") },
                   { QStringLiteral("goVersion"), QStringLiteral("go1.24.2") },
                   { QStringLiteral("compiler"), QStringLiteral("gc") },
                   { QStringLiteral("platform"), QStringLiteral("linux/amd64") },
               })
        .toJson(QJsonDocument::Indented);
}

QByteArray apiVersionsDocument()
{
    QJsonArray versions;
    for (const QString &gv : apiGroupVersions()) {
        if (!gv.contains(u'/'))
            versions.append(gv);
    }
    return compact({ { QStringLiteral("kind"), QStringLiteral("APIVersions") },
                     { QStringLiteral("versions"), versions },
                     { QStringLiteral("serverAddressByClientCIDRs"), QJsonArray {} } });
}

QByteArray apiGroupListDocument()
{
    QJsonArray groups;
    QStringList seen;
    for (const QString &gv : apiGroupVersions()) {
        if (!gv.contains(u'/'))
            continue;
        const QString group = gv.section(u'/', 0, 0);
        if (seen.contains(group))
            continue;
        seen.append(group);
        QJsonArray versions;
        for (const QString &other : apiGroupVersions()) {
            if (other.section(u'/', 0, 0) == group && other.contains(u'/'))
                versions.append(
                    QJsonObject { { QStringLiteral("groupVersion"), other },
                                  { QStringLiteral("version"), other.section(u'/', 1, 1) } });
        }
        groups.append(QJsonObject { { QStringLiteral("name"), group },
                                    { QStringLiteral("versions"), versions },
                                    { QStringLiteral("preferredVersion"), versions.first() } });
    }
    return compact({ { QStringLiteral("kind"), QStringLiteral("APIGroupList") },
                     { QStringLiteral("apiVersion"), QStringLiteral("v1") },
                     { QStringLiteral("groups"), groups } });
}

std::optional<QByteArray> apiResourceListDocument(const QString &groupVersion)
{
    QJsonArray resources;
    for (const ApiResource &r : apiResources()) {
        if (r.groupVersion() != groupVersion)
            continue;
        QJsonObject o { { QStringLiteral("name"), r.plural },
                        { QStringLiteral("singularName"), r.singular },
                        { QStringLiteral("namespaced"), r.namespaced },
                        { QStringLiteral("kind"), r.kind },
                        { QStringLiteral("verbs"), strings(r.verbs) } };
        if (!r.shortNames.isEmpty())
            o.insert(QStringLiteral("shortNames"), strings(r.shortNames));
        if (!r.categories.isEmpty())
            o.insert(QStringLiteral("categories"), strings(r.categories));
        resources.append(o);
        for (const ApiSubresource &s : r.subresources) {
            QJsonObject so { { QStringLiteral("name"), r.plural + u'/' + s.name },
                             { QStringLiteral("singularName"), QString() },
                             { QStringLiteral("namespaced"), r.namespaced },
                             { QStringLiteral("kind"), s.kind },
                             { QStringLiteral("verbs"), strings(s.verbs) } };
            if (s.group != r.group || s.version != r.version) {
                so.insert(QStringLiteral("group"), s.group);
                so.insert(QStringLiteral("version"), s.version);
            }
            resources.append(so);
        }
    }
    if (resources.isEmpty())
        return std::nullopt;
    return compact({ { QStringLiteral("kind"), QStringLiteral("APIResourceList") },
                     { QStringLiteral("apiVersion"), QStringLiteral("v1") },
                     { QStringLiteral("groupVersion"), groupVersion },
                     { QStringLiteral("resources"), resources } });
}

QByteArray aggregatedDiscoveryDocument(bool core, const QString &apiVersion)
{
    // Group by group name, keeping the table's order.
    QStringList groups;
    for (const ApiResource &r : apiResources()) {
        if (r.group.isEmpty() == core && !groups.contains(r.group))
            groups.append(r.group);
    }
    QJsonArray items;
    for (const QString &group : groups) {
        QStringList versions;
        for (const ApiResource &r : apiResources()) {
            if (r.group == group && !versions.contains(r.version))
                versions.append(r.version);
        }
        QJsonArray versionArray;
        for (const QString &version : versions) {
            QJsonArray resources;
            for (const ApiResource &r : apiResources()) {
                if (r.group != group || r.version != version)
                    continue;
                QJsonObject o {
                    { QStringLiteral("resource"), r.plural },
                    { QStringLiteral("responseKind"), gvkObject(r.group, r.version, r.kind) },
                    { QStringLiteral("scope"),
                      r.namespaced ? QStringLiteral("Namespaced") : QStringLiteral("Cluster") },
                    { QStringLiteral("singularResource"), r.singular },
                    { QStringLiteral("verbs"), strings(r.verbs) }
                };
                if (!r.shortNames.isEmpty())
                    o.insert(QStringLiteral("shortNames"), strings(r.shortNames));
                if (!r.categories.isEmpty())
                    o.insert(QStringLiteral("categories"), strings(r.categories));
                QJsonArray subs;
                for (const ApiSubresource &s : r.subresources)
                    subs.append(QJsonObject {
                        { QStringLiteral("subresource"), s.name },
                        { QStringLiteral("responseKind"), gvkObject(s.group, s.version, s.kind) },
                        { QStringLiteral("verbs"), strings(s.verbs) } });
                if (!subs.isEmpty())
                    o.insert(QStringLiteral("subresources"), subs);
                resources.append(o);
            }
            versionArray.append(
                QJsonObject { { QStringLiteral("version"), version },
                              { QStringLiteral("resources"), resources },
                              { QStringLiteral("freshness"), QStringLiteral("Current") } });
        }
        QJsonObject metadata { { QStringLiteral("creationTimestamp"), QJsonValue::Null } };
        if (!group.isEmpty())
            metadata.insert(QStringLiteral("name"), group);
        items.append(QJsonObject { { QStringLiteral("metadata"), metadata },
                                   { QStringLiteral("versions"), versionArray } });
    }
    return compact(
        { { QStringLiteral("kind"), QStringLiteral("APIGroupDiscoveryList") },
          { QStringLiteral("apiVersion"), QStringLiteral("apidiscovery.k8s.io/") + apiVersion },
          { QStringLiteral("metadata"), QJsonObject {} },
          { QStringLiteral("items"), items } });
}

DiscoveryAnswer negotiateDiscovery(bool core, const QByteArray &accept)
{
    // Accept: media ranges separated by commas, each with ;-separated parameters.
    for (const QByteArray &range : accept.split(',')) {
        const QList<QByteArray> parts = range.split(';');
        const QByteArray type = parts.value(0).trimmed().toLower();
        if (type != "application/json")
            continue;
        QByteArray g, v, as, q;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray p = parts.at(i).trimmed();
            const qsizetype eq = p.indexOf('=');
            if (eq < 0)
                continue;
            const QByteArray key = p.left(eq).trimmed().toLower();
            const QByteArray value = p.mid(eq + 1).trimmed();
            if (key == "g")
                g = value;
            else if (key == "v")
                v = value;
            else if (key == "as")
                as = value;
            else if (key == "q")
                q = value;
        }
        if (!q.isEmpty() && q.toDouble() <= 0.0)
            continue;
        if (g == "apidiscovery.k8s.io" && as == "APIGroupDiscoveryList"
            && (v == "v2" || v == "v2beta1")) {
            return { "application/json;g=apidiscovery.k8s.io;v=" + v + ";as=APIGroupDiscoveryList",
                     aggregatedDiscoveryDocument(core, QString::fromLatin1(v)) };
        }
    }
    return { kJson, core ? apiVersionsDocument() : apiGroupListDocument() };
}

QByteArray openApiV3Index()
{
    static const QByteArray index = [] {
        QJsonObject paths;
        for (auto it = v3Documents().cbegin(); it != v3Documents().cend(); ++it) {
            const QByteArray hash = QCryptographicHash::hash(it.value(), QCryptographicHash::Sha512)
                                        .toHex()
                                        .toUpper();
            paths.insert(
                v3Key(it.key()),
                QJsonObject { { QStringLiteral("serverRelativeURL"),
                                QStringLiteral("/openapi/v3/") + v3Key(it.key())
                                    + QStringLiteral("?hash=") + QString::fromLatin1(hash) } });
        }
        return compact({ { QStringLiteral("paths"), paths } });
    }();
    return index;
}

std::optional<QByteArray> openApiV3Document(const QString &groupVersion)
{
    const auto it = v3Documents().constFind(groupVersion);
    if (it == v3Documents().cend())
        return std::nullopt;
    return it.value();
}

QByteArray openApiV2Document()
{
    static const QByteArray doc = [] {
        QJsonObject o;
        o.insert(QStringLiteral("swagger"), QStringLiteral("2.0"));
        o.insert(QStringLiteral("info"), info());
        o.insert(QStringLiteral("paths"), pathsFor(QString(), Dialect::V2));
        o.insert(QStringLiteral("definitions"), definitionsFor(QString(), Dialect::V2));
        o.insert(QStringLiteral("securityDefinitions"),
                 QJsonObject {
                     { QStringLiteral("BearerToken"),
                       QJsonObject { { QStringLiteral("type"), QStringLiteral("apiKey") },
                                     { QStringLiteral("name"), QStringLiteral("authorization") },
                                     { QStringLiteral("in"), QStringLiteral("header") },
                                     { QStringLiteral("description"),
                                       QStringLiteral("Bearer token authentication") } } } });
        o.insert(QStringLiteral("security"),
                 QJsonArray { QJsonObject { { QStringLiteral("BearerToken"), QJsonArray {} } } });
        return compact(o);
    }();
    return doc;
}

namespace {

// ---------------------------------------------------------------------------------------
// OpenAPI v2 in protobuf: the gnostic openapi.v2.Document message, the only form client-go
// asks /openapi/v2 for (kubectl 1.20 validates and explains from it). Written by hand from
// the JSON document above; only the fields that document uses are encoded. Field numbers
// are those of gnostic's OpenAPIv2.proto.

class Proto
{
public:
    QByteArray bytes;

    void varint(quint64 v)
    {
        while (v >= 0x80) {
            bytes.append(char((v & 0x7f) | 0x80));
            v >>= 7;
        }
        bytes.append(char(v));
    }
    void key(int field, int wireType) { varint(quint64(field) << 3 | quint64(wireType)); }
    void message(int field, const QByteArray &m)
    {
        key(field, 2);
        varint(quint64(m.size()));
        bytes.append(m);
    }
    void string(int field, const QString &s)
    {
        if (!s.isEmpty())
            message(field, s.toUtf8());
    }
    void strings(int field, const QJsonValue &v)
    {
        for (const QJsonValue &x : v.toArray())
            message(field, x.toString().toUtf8());
    }
    void boolean(int field, bool b)
    {
        if (b) {
            key(field, 0);
            varint(1);
        }
    }
};

// A vendor extension: NamedAny{name, Any{yaml}} with the value written as JSON (valid YAML).
QByteArray namedAny(const QString &name, const QJsonValue &value)
{
    QByteArray yaml;
    if (value.isObject())
        yaml = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    else if (value.isArray())
        yaml = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    else if (value.isBool())
        yaml = value.toBool() ? "true" : "false";
    else if (value.isDouble())
        yaml = QByteArray::number(value.toDouble());
    else
        yaml = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    Proto any;
    any.message(2, yaml);
    Proto named;
    named.string(1, name);
    named.message(2, any.bytes);
    return named.bytes;
}

void vendorExtensions(Proto *p, int field, const QJsonObject &o)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key().startsWith(QStringLiteral("x-")))
            p->message(field, namedAny(it.key(), it.value()));
    }
}

QByteArray schemaProto(const QJsonObject &s)
{
    Proto p;
    p.string(1, s.value(QStringLiteral("$ref")).toString());
    p.string(2, s.value(QStringLiteral("format")).toString());
    p.string(4, s.value(QStringLiteral("description")).toString());
    p.boolean(16, s.value(QStringLiteral("uniqueItems")).toBool());
    p.strings(19, s.value(QStringLiteral("required")));
    if (s.contains(QStringLiteral("additionalProperties"))) {
        Proto item;
        item.message(1, schemaProto(s.value(QStringLiteral("additionalProperties")).toObject()));
        p.message(21, item.bytes);
    }
    if (s.contains(QStringLiteral("type"))) {
        Proto type;
        type.string(1, s.value(QStringLiteral("type")).toString());
        p.message(22, type.bytes);
    }
    if (s.contains(QStringLiteral("items"))) {
        Proto items;
        items.message(1, schemaProto(s.value(QStringLiteral("items")).toObject()));
        p.message(23, items.bytes);
    }
    for (const QJsonValue &a : s.value(QStringLiteral("allOf")).toArray())
        p.message(24, schemaProto(a.toObject()));
    if (s.contains(QStringLiteral("properties"))) {
        Proto props;
        const QJsonObject o = s.value(QStringLiteral("properties")).toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            Proto named;
            named.string(1, it.key());
            named.message(2, schemaProto(it.value().toObject()));
            props.message(1, named.bytes);
        }
        p.message(25, props.bytes);
    }
    vendorExtensions(&p, 31, s);
    return p.bytes;
}

QByteArray parameterProto(const QJsonObject &o)
{
    const QString in = o.value(QStringLiteral("in")).toString();
    Proto parameter;
    if (in == u"body") {
        Proto body;
        body.string(1, o.value(QStringLiteral("description")).toString());
        body.string(2, o.value(QStringLiteral("name")).toString());
        body.string(3, in);
        body.boolean(4, o.value(QStringLiteral("required")).toBool());
        body.message(5, schemaProto(o.value(QStringLiteral("schema")).toObject()));
        parameter.message(1, body.bytes);
    } else {
        // Query and path parameters share the first fields; type and uniqueItems differ.
        const bool query = in == u"query";
        Proto sub;
        sub.boolean(1, o.value(QStringLiteral("required")).toBool());
        sub.string(2, in);
        sub.string(3, o.value(QStringLiteral("description")).toString());
        sub.string(4, o.value(QStringLiteral("name")).toString());
        sub.string(query ? 6 : 5, o.value(QStringLiteral("type")).toString());
        sub.boolean(query ? 20 : 19, o.value(QStringLiteral("uniqueItems")).toBool());
        Proto nonBody;
        nonBody.message(query ? 3 : 4, sub.bytes);
        parameter.message(2, nonBody.bytes);
    }
    Proto item; // ParametersItem
    item.message(1, parameter.bytes);
    return item.bytes;
}

QByteArray operationProto(const QJsonObject &o)
{
    Proto p;
    p.strings(1, o.value(QStringLiteral("tags")));
    p.string(3, o.value(QStringLiteral("description")).toString());
    p.string(5, o.value(QStringLiteral("operationId")).toString());
    p.strings(6, o.value(QStringLiteral("produces")));
    p.strings(7, o.value(QStringLiteral("consumes")));
    for (const QJsonValue &param : o.value(QStringLiteral("parameters")).toArray())
        p.message(8, parameterProto(param.toObject()));
    Proto responses;
    const QJsonObject rs = o.value(QStringLiteral("responses")).toObject();
    for (auto it = rs.begin(); it != rs.end(); ++it) {
        const QJsonObject r = it.value().toObject();
        Proto response;
        response.string(1, r.value(QStringLiteral("description")).toString());
        if (r.contains(QStringLiteral("schema"))) {
            Proto schemaItem;
            schemaItem.message(1, schemaProto(r.value(QStringLiteral("schema")).toObject()));
            response.message(2, schemaItem.bytes);
        }
        Proto value;
        value.message(1, response.bytes);
        Proto named;
        named.string(1, it.key());
        named.message(2, value.bytes);
        responses.message(1, named.bytes);
    }
    p.message(9, responses.bytes);
    p.strings(10, o.value(QStringLiteral("schemes")));
    vendorExtensions(&p, 13, o);
    return p.bytes;
}

QByteArray documentProto(const QJsonObject &doc)
{
    Proto p;
    p.string(1, doc.value(QStringLiteral("swagger")).toString());
    Proto info;
    const QJsonObject i = doc.value(QStringLiteral("info")).toObject();
    info.string(1, i.value(QStringLiteral("title")).toString());
    info.string(2, i.value(QStringLiteral("version")).toString());
    p.message(2, info.bytes);

    Proto paths;
    const QJsonObject ps = doc.value(QStringLiteral("paths")).toObject();
    for (auto it = ps.begin(); it != ps.end(); ++it) {
        const QJsonObject item = it.value().toObject();
        Proto pathItem;
        const std::pair<const char *, int> methods[]
            = { { "get", 2 }, { "put", 3 }, { "post", 4 }, { "delete", 5 }, { "patch", 8 } };
        for (const auto &[method, field] : methods) {
            if (item.contains(str(method)))
                pathItem.message(field, operationProto(item.value(str(method)).toObject()));
        }
        for (const QJsonValue &param : item.value(QStringLiteral("parameters")).toArray())
            pathItem.message(9, parameterProto(param.toObject()));
        Proto named;
        named.string(1, it.key());
        named.message(2, pathItem.bytes);
        paths.message(2, named.bytes);
    }
    p.message(8, paths.bytes);

    Proto definitions;
    const QJsonObject defs = doc.value(QStringLiteral("definitions")).toObject();
    for (auto it = defs.begin(); it != defs.end(); ++it) {
        Proto named;
        named.string(1, it.key());
        named.message(2, schemaProto(it.value().toObject()));
        definitions.message(1, named.bytes);
    }
    p.message(9, definitions.bytes);

    for (const QJsonValue &req : doc.value(QStringLiteral("security")).toArray()) {
        Proto requirement;
        const QJsonObject r = req.toObject();
        for (auto it = r.begin(); it != r.end(); ++it) {
            Proto array;
            array.strings(1, it.value());
            Proto named;
            named.string(1, it.key());
            named.message(2, array.bytes);
            requirement.message(1, named.bytes);
        }
        p.message(12, requirement.bytes);
    }
    Proto securityDefinitions;
    const QJsonObject sd = doc.value(QStringLiteral("securityDefinitions")).toObject();
    for (auto it = sd.begin(); it != sd.end(); ++it) {
        const QJsonObject d = it.value().toObject();
        Proto apiKey;
        apiKey.string(1, d.value(QStringLiteral("type")).toString());
        apiKey.string(2, d.value(QStringLiteral("name")).toString());
        apiKey.string(3, d.value(QStringLiteral("in")).toString());
        apiKey.string(4, d.value(QStringLiteral("description")).toString());
        Proto item;
        item.message(2, apiKey.bytes);
        Proto named;
        named.string(1, it.key());
        named.message(2, item.bytes);
        securityDefinitions.message(1, named.bytes);
    }
    p.message(13, securityDefinitions.bytes);
    return p.bytes;
}

// The response's media type: the Accept form has an '@', which Go's mime parser (client-go
// checks the Content-Type of every response) rejects, so the dotted form is sent back.
const char kOpenApiV2Protobuf[] = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

// Whether the Accept header prefers the protobuf form of OpenAPI v2 to JSON.
bool wantsProtobuf(const QByteArray &accept)
{
    for (const QByteArray &range : accept.split(',')) {
        const QByteArray type = range.split(';').value(0).trimmed().toLower();
        if (type.contains("proto-openapi.spec.v2") && type.contains("protobuf"))
            return true;
        if (type == "application/json" || type == "*/*" || type == "application/*")
            return false;
    }
    return false;
}

} // namespace

QByteArray openApiV2Protobuf()
{
    static const QByteArray doc
        = documentProto(QJsonDocument::fromJson(openApiV2Document()).object());
    return doc;
}

std::optional<QByteArray> discoveryDocument(const QString &rawPath, const QByteArray &accept,
                                            QByteArray *contentType)
{
    QString path = rawPath.section(u'?', 0, 0);
    while (path.size() > 1 && path.endsWith(u'/'))
        path.chop(1);
    auto answer = [&](const QByteArray &type, const QByteArray &body) {
        if (contentType)
            *contentType = type;
        return std::optional<QByteArray>(body);
    };
    if (path == u"/version")
        return answer(kJson, versionDocument());
    if (path == u"/api" || path == u"/apis") {
        const DiscoveryAnswer a = negotiateDiscovery(path == u"/api", accept);
        return answer(a.contentType, a.body);
    }
    if (path.startsWith(QStringLiteral("/api/"))) {
        const QString gv = path.mid(5);
        if (!gv.contains(u'/')) {
            if (auto doc = apiResourceListDocument(gv))
                return answer(kJson, *doc);
        }
        return std::nullopt;
    }
    if (path.startsWith(QStringLiteral("/apis/"))) {
        const QStringList parts = path.mid(6).split(u'/');
        if (parts.size() == 2) {
            if (auto doc = apiResourceListDocument(parts.join(u'/')))
                return answer(kJson, *doc);
        } else if (parts.size() == 1) {
            // /apis/<group>: the APIGroup.
            const QJsonDocument list = QJsonDocument::fromJson(apiGroupListDocument());
            for (const QJsonValue &g : list.object().value(QStringLiteral("groups")).toArray()) {
                if (g.toObject().value(QStringLiteral("name")).toString() == parts.first()) {
                    QJsonObject o = g.toObject();
                    o.insert(QStringLiteral("kind"), QStringLiteral("APIGroup"));
                    o.insert(QStringLiteral("apiVersion"), QStringLiteral("v1"));
                    return answer(kJson, compact(o));
                }
            }
        }
        return std::nullopt;
    }
    if (path == u"/openapi/v2") {
        if (wantsProtobuf(accept))
            return answer(kOpenApiV2Protobuf, openApiV2Protobuf());
        return answer(kJson, openApiV2Document());
    }
    if (path == u"/openapi/v3")
        return answer(kJson, openApiV3Index());
    if (path.startsWith(QStringLiteral("/openapi/v3/"))) {
        const QString key = path.mid(12);
        QString gv;
        if (key.startsWith(QStringLiteral("api/")))
            gv = key.mid(4);
        else if (key.startsWith(QStringLiteral("apis/")))
            gv = key.mid(5);
        if (auto doc = openApiV3Document(gv); doc && v3Key(gv) == key)
            return answer(kJson, *doc);
        return std::nullopt;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------
// Strict decoding.

namespace {

// What a JSON container in a body is, by its schema type: an object of a known type, a map
// (any key) of values of a type, an array of a type, or free-form (not looked into).
struct ShapeOf
{
    enum class Kind { Typed, Map, Array, Free } kind = Kind::Free;
    const TypeSpec *type = nullptr; // Typed
    QString element;                // Map and Array: the values' type
};

ShapeOf shapeOf(const QString &fieldType)
{
    ShapeOf shape;
    QString t = fieldType;
    if (t.startsWith(u"[]")) {
        shape.kind = ShapeOf::Kind::Array;
        shape.element = t.mid(2);
        return shape;
    }
    if (t.startsWith(u"map:")) {
        shape.kind = ShapeOf::Kind::Map;
        shape.element = t.mid(4);
        return shape;
    }
    t = canonicalType(t);
    const TypeSpec *spec = typesById().value(t);
    if (spec && !spec->scalar) {
        shape.kind = ShapeOf::Kind::Typed;
        shape.type = spec;
    }
    return shape;
}

// The type of a field of a type, or nullptr when it has no such field.
const char *fieldType(const TypeSpec *type, const std::string &name)
{
    for (const FieldSpec &f : type->fields) {
        if (name == f.name)
            return f.type;
    }
    return nullptr;
}

// Walks a JSON text with nlohmann's parser callback, so that duplicate keys (which the parsed
// value no longer shows) and unknown fields are found in one pass, in document order.
class StrictWalker
{
public:
    // patch: as upstream reports a patch's errors, every duplicate in document order, then
    // each unknown field once, sorted; otherwise in document order, a field both unknown and
    // duplicated reported as unknown once.
    StrictWalker(const QString &rootType, bool directives, bool patch, QStringList *errors)
        : m_rootType(rootType), m_directives(directives), m_patch(patch), m_errors(errors)
    {
    }

    void finish()
    {
        std::sort(m_unknown.begin(), m_unknown.end());
        for (const std::string &path : m_unknown)
            report("unknown field", path);
    }

    bool event(nlohmann::json::parse_event_t event, const nlohmann::json &parsed)
    {
        using Event = nlohmann::json::parse_event_t;
        switch (event) {
        case Event::object_start:
        case Event::array_start: {
            Frame frame;
            frame.array = event == Event::array_start;
            if (m_stack.empty()) {
                frame.shape = shapeOf(m_rootType);
            } else {
                Frame &parent = m_stack.back();
                if (parent.array) {
                    ++parent.index;
                    frame.path = parent.path + '[' + std::to_string(parent.index) + ']';
                    frame.shape = parent.shape.kind == ShapeOf::Kind::Array
                        ? shapeOf(parent.shape.element)
                        : ShapeOf();
                } else {
                    frame.path = parent.childPath;
                    frame.shape = parent.childShape;
                }
            }
            m_stack.push_back(std::move(frame));
            break;
        }
        case Event::object_end:
        case Event::array_end:
            m_stack.pop_back();
            break;
        case Event::key: {
            Frame &frame = m_stack.back();
            const std::string key = parsed.get<std::string>();
            const std::string path = frame.path.empty() ? key : frame.path + '.' + key;
            frame.childPath = path;
            frame.childShape = ShapeOf();
            const bool first = frame.keys.insert(key).second;
            bool unknown = false;
            if (frame.shape.kind == ShapeOf::Kind::Map) {
                frame.childShape = shapeOf(frame.shape.element);
            } else if (frame.shape.kind == ShapeOf::Kind::Typed
                       && !(m_directives && !key.empty() && key.front() == '$')) {
                if (const char *type = fieldType(frame.shape.type, key))
                    frame.childShape = shapeOf(QString::fromLatin1(type));
                else
                    unknown = true;
            }
            if (m_patch) {
                if (!first)
                    report("duplicate field", path);
                if (unknown && first)
                    m_unknown.push_back(path);
            } else if (unknown) {
                if (first)
                    report("unknown field", path);
            } else if (!first) {
                report("duplicate field", path);
            }
            break;
        }
        case Event::value:
            if (!m_stack.empty() && m_stack.back().array)
                ++m_stack.back().index;
            break;
        }
        return true;
    }

private:
    struct Frame
    {
        bool array = false;
        ShapeOf shape;
        std::string path;
        std::set<std::string> keys;
        int index = -1;
        std::string childPath;
        ShapeOf childShape;
    };

    void report(const char *what, const std::string &path)
    {
        m_errors->append(QStringLiteral("%1 \"%2\"").arg(QLatin1String(what),
                                                          QString::fromStdString(path)));
    }

    QString m_rootType;
    bool m_directives;
    bool m_patch;
    QStringList *m_errors;
    std::vector<Frame> m_stack;
    std::vector<std::string> m_unknown; // patch: reported by finish()
};

bool walkStrict(const QString &rootType, const std::string &text, bool directives, bool patch,
                QStringList *errors)
{
    StrictWalker walker(rootType, directives, patch, errors);
    const nlohmann::json::parser_callback_t callback =
        [&walker](int, nlohmann::json::parse_event_t event, nlohmann::json &parsed) {
            return walker.event(event, parsed);
        };
    try {
        nlohmann::json::parse(text, callback);
    } catch (const nlohmann::json::exception &) {
        return false;
    }
    walker.finish();
    return true;
}

} // namespace

QStringList strictDecodingErrors(const QString &group, const QString &kind,
                                 const QByteArray &body, BodyShape shape)
{
    const QString rootType = typeIdForKind(group, kind);
    QStringList errors;
    if (shape != BodyShape::JsonPatch) {
        if (!walkStrict(rootType, body.toStdString(), shape == BodyShape::StrategicPatch,
                        shape != BodyShape::Object, &errors))
            return {};
        return errors;
    }
    // A JSON patch: the fields its paths name, and what its values hold at those paths.
    nlohmann::json ops;
    try {
        ops = nlohmann::json::parse(body.toStdString());
    } catch (const nlohmann::json::exception &) {
        return {};
    }
    if (!ops.is_array())
        return {};
    for (const nlohmann::json &op : ops) {
        if (!op.is_object() || !op.contains("path") || !op.at("path").is_string())
            continue;
        const std::string kindOfOp = op.value("op", std::string());
        if (kindOfOp != "add" && kindOfOp != "replace")
            continue;
        // Down the path: "/spec/template/spec/containers/0/image".
        ShapeOf at = shapeOf(rootType);
        std::string path;
        bool known = true;
        const QStringList parts = QString::fromStdString(op.at("path").get<std::string>())
                                      .split(u'/', Qt::SkipEmptyParts);
        for (QString part : parts) {
            part.replace(QStringLiteral("~1"), QStringLiteral("/"));
            part.replace(QStringLiteral("~0"), QStringLiteral("~"));
            const std::string key = part.toStdString();
            if (at.kind == ShapeOf::Kind::Array) {
                path += '[' + key + ']';
                at = shapeOf(at.element);
            } else if (at.kind == ShapeOf::Kind::Map) {
                path += (path.empty() ? "" : ".") + key;
                at = shapeOf(at.element);
            } else if (at.kind == ShapeOf::Kind::Typed) {
                path += (path.empty() ? "" : ".") + key;
                const char *type = fieldType(at.type, key);
                if (!type) {
                    errors.append(QStringLiteral("unknown field \"%1\"")
                                      .arg(QString::fromStdString(path)));
                    known = false;
                    break;
                }
                at = shapeOf(QString::fromLatin1(type));
            } else {
                break; // free-form from here on
            }
        }
        if (!known || !op.contains("value") || at.kind == ShapeOf::Kind::Free)
            continue;
        // The value's own fields, reported with the path in front.
        QStringList inner;
        const nlohmann::json &value = op.at("value");
        if (at.kind == ShapeOf::Kind::Typed) // (a whole list or map as the value: not looked into)
            walkStrict(QString::fromLatin1(at.type->id), value.dump(), false, false, &inner);
        for (const QString &e : std::as_const(inner)) {
            // `unknown field "x"` -> `unknown field "<path>.x"`
            const qsizetype quote = e.indexOf(u'"');
            errors.append(e.left(quote + 1) + QString::fromStdString(path) + u'.'
                          + e.mid(quote + 1));
        }
    }
    return errors;
}

namespace {

void stripUnknown(nlohmann::ordered_json &value, const ShapeOf &shape, bool directives)
{
    switch (shape.kind) {
    case ShapeOf::Kind::Typed:
        if (!value.is_object())
            return;
        for (auto it = value.begin(); it != value.end();) {
            const std::string &key = it.key();
            if (directives && !key.empty() && key.front() == '$') {
                ++it;
                continue;
            }
            const char *type = fieldType(shape.type, key);
            if (!type) {
                it = value.erase(it);
                continue;
            }
            stripUnknown(it.value(), shapeOf(QString::fromLatin1(type)), directives);
            ++it;
        }
        return;
    case ShapeOf::Kind::Map:
        if (value.is_object()) {
            for (auto &[key, child] : value.items())
                stripUnknown(child, shapeOf(shape.element), directives);
        }
        return;
    case ShapeOf::Kind::Array:
        if (value.is_array()) {
            for (auto &child : value)
                stripUnknown(child, shapeOf(shape.element), directives);
        }
        return;
    case ShapeOf::Kind::Free:
        return;
    }
}

} // namespace

QByteArray withoutUnknownFields(const QString &group, const QString &kind, const QByteArray &body,
                                BodyShape shape)
{
    if (shape == BodyShape::JsonPatch)
        return body;
    nlohmann::ordered_json value;
    try {
        value = nlohmann::ordered_json::parse(body.toStdString());
    } catch (const nlohmann::json::exception &) {
        return body;
    }
    stripUnknown(value, shapeOf(typeIdForKind(group, kind)), shape == BodyShape::StrategicPatch);
    return QByteArray::fromStdString(value.dump());
}

} // namespace ordinal::net
