#include "api/json.h"

#include <QDateTime>
#include <QRegularExpression>

#include <nlohmann/json.hpp>

namespace ordinal::core::apijson {

using nlohmann::json;

namespace {

std::string s(const QString &text)
{
    return text.toStdString();
}

void putString(json &j, const char *key, const QString &value)
{
    if (!value.isEmpty())
        j[key] = s(value);
}

void putStrings(json &j, const char *key, const QStringList &values)
{
    if (values.isEmpty())
        return;
    json array = json::array();
    for (const QString &v : values)
        array.push_back(s(v));
    j[key] = std::move(array);
}

json stringMap(const QMap<QString, QString> &map)
{
    json object = json::object();
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object[s(it.key())] = s(it.value());
    return object;
}

void putMap(json &j, const char *key, const QMap<QString, QString> &map)
{
    if (!map.isEmpty())
        j[key] = stringMap(map);
}

// A resource.Quantity serializes as its text ("500m", "1Gi").
QString quantityText(const QString &name, const Quantity &q)
{
    if (q.isSet())
        return q.text;
    if (name == QLatin1String("cpu"))
        return q.value % 1000 == 0 ? QString::number(q.value / 1000)
                                   : QStringLiteral("%1m").arg(q.value);
    return QString::number(q.value);
}

json quantities(const QMap<QString, Quantity> &map)
{
    json object = json::object();
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object[s(it.key())] = s(quantityText(it.key(), it.value()));
    return object;
}

// intstr.IntOrString: a number when the text is one, else the string.
json intOrString(const QString &value)
{
    bool ok = false;
    const int number = value.toInt(&ok);
    return ok ? json(number) : json(s(value));
}

json timestamp(Millis t, qint64 epochMs)
{
    return s(rfc3339(t, epochMs));
}

json labelSelector(const LabelSelector &selector)
{
    json j = json::object();
    putMap(j, "matchLabels", selector.matchLabels);
    if (!selector.matchExpressions.isEmpty()) {
        json exprs = json::array();
        for (const LabelSelectorRequirement &r : selector.matchExpressions) {
            json e = {{"key", s(r.key)}, {"operator", s(r.op)}};
            putStrings(e, "values", r.values);
            exprs.push_back(std::move(e));
        }
        j["matchExpressions"] = std::move(exprs);
    }
    return j;
}

json ownerReference(const OwnerReference &ref)
{
    json j = {{"apiVersion", s(ref.apiVersion)},
              {"kind", s(ref.kind)},
              {"name", s(ref.name)},
              {"uid", s(ref.uid)}};
    if (ref.controller)
        j["controller"] = true;
    if (ref.blockOwnerDeletion)
        j["blockOwnerDeletion"] = true;
    return j;
}

// The metadata of an object embedded in another (a pod template, a claim template): only
// what a manifest can say, and the null creationTimestamp the API server writes there.
json embeddedMeta(const ObjectMeta &meta)
{
    json j = json::object();
    putString(j, "name", meta.name);
    putString(j, "namespace", meta.namespaceName);
    putMap(j, "labels", meta.labels);
    putMap(j, "annotations", meta.annotations);
    j["creationTimestamp"] = nullptr;
    return j;
}

// The handler of a Probe, rebuilt from the kubectl-describe text the loader keeps
// ("http-get http://:80/healthz", "tcp-socket :3306", "grpc <pod>:9000 ", "exec [cat /tmp/x]").
void probeHandler(json &j, const Probe &probe)
{
    const QString &d = probe.detail;
    if (probe.handler == QLatin1String("httpGet")) {
        static const QRegularExpression re(
            QStringLiteral("^http-get ([a-z]+)://([^:]*):([^/]*)(.*)$"));
        const QRegularExpressionMatch m = re.match(d);
        json h = json::object();
        if (m.hasMatch()) {
            putString(h, "path", m.captured(4));
            h["port"] = intOrString(m.captured(3));
            putString(h, "host", m.captured(2));
            h["scheme"] = s(m.captured(1).toUpper());
        }
        j["httpGet"] = std::move(h);
    } else if (probe.handler == QLatin1String("tcpSocket")) {
        const QString port = d.section(QLatin1Char(':'), -1).trimmed();
        j["tcpSocket"] = {{"port", intOrString(port)}};
    } else if (probe.handler == QLatin1String("grpc")) {
        const QString port = d.section(QLatin1Char(':'), -1).trimmed();
        bool ok = false;
        const int number = port.toInt(&ok);
        j["grpc"] = {{"port", ok ? number : 0}};
    } else if (probe.handler == QLatin1String("exec")) {
        QString inner = d;
        if (inner.startsWith(QLatin1String("exec [")) && inner.endsWith(QLatin1Char(']')))
            inner = inner.mid(6, inner.size() - 7);
        json h = json::object();
        const QStringList command = inner.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        putStrings(h, "command", command);
        j["exec"] = std::move(h);
    }
}

json probe(const Probe &p)
{
    json j = json::object();
    probeHandler(j, p);
    if (p.initialDelaySeconds != 0)
        j["initialDelaySeconds"] = p.initialDelaySeconds;
    if (p.timeoutSeconds != 0)
        j["timeoutSeconds"] = p.timeoutSeconds;
    if (p.periodSeconds != 0)
        j["periodSeconds"] = p.periodSeconds;
    if (p.successThreshold != 0)
        j["successThreshold"] = p.successThreshold;
    if (p.failureThreshold != 0)
        j["failureThreshold"] = p.failureThreshold;
    return j;
}

json container(const Container &c)
{
    json j = {{"name", s(c.name)}};
    putString(j, "image", c.image);
    putStrings(j, "command", c.command);
    putStrings(j, "args", c.args);
    if (!c.ports.isEmpty()) {
        json ports = json::array();
        for (const ContainerPort &p : c.ports) {
            json port = {{"containerPort", p.containerPort}};
            putString(port, "name", p.name);
            putString(port, "protocol", p.protocol);
            ports.push_back(std::move(port));
        }
        j["ports"] = std::move(ports);
    }
    // ResourceRequirements is a struct: encoding/json writes it even when empty.
    json resources = json::object();
    if (!c.resources.limits.isEmpty())
        resources["limits"] = quantities(c.resources.limits);
    if (!c.resources.requests.isEmpty())
        resources["requests"] = quantities(c.resources.requests);
    j["resources"] = std::move(resources);
    if (!c.volumeMounts.isEmpty()) {
        json mounts = json::array();
        for (const VolumeMount &m : c.volumeMounts) {
            json mount = {{"name", s(m.name)}, {"mountPath", s(m.mountPath)}};
            if (m.readOnly)
                mount["readOnly"] = true;
            mounts.push_back(std::move(mount));
        }
        j["volumeMounts"] = std::move(mounts);
    }
    if (c.livenessProbe)
        j["livenessProbe"] = probe(*c.livenessProbe);
    if (c.readinessProbe)
        j["readinessProbe"] = probe(*c.readinessProbe);
    if (c.startupProbe)
        j["startupProbe"] = probe(*c.startupProbe);
    putString(j, "imagePullPolicy", c.imagePullPolicy);
    return j;
}

json podAffinityTerm(const PodAffinityTerm &term)
{
    json j = json::object();
    if (!term.labelSelector.isEmpty())
        j["labelSelector"] = labelSelector(term.labelSelector);
    putStrings(j, "namespaces", term.namespaces);
    j["topologyKey"] = s(term.topologyKey);
    return j;
}

json podAffinity(const QList<PodAffinityTerm> &required,
                 const QList<WeightedPodAffinityTerm> &preferred)
{
    json j = json::object();
    if (!required.isEmpty()) {
        json terms = json::array();
        for (const PodAffinityTerm &t : required)
            terms.push_back(podAffinityTerm(t));
        j["requiredDuringSchedulingIgnoredDuringExecution"] = std::move(terms);
    }
    if (!preferred.isEmpty()) {
        json terms = json::array();
        for (const WeightedPodAffinityTerm &w : preferred)
            terms.push_back({{"weight", w.weight}, {"podAffinityTerm", podAffinityTerm(w.term)}});
        j["preferredDuringSchedulingIgnoredDuringExecution"] = std::move(terms);
    }
    return j;
}

json affinity(const Affinity &a)
{
    json j = json::object();
    if (!a.nodeRequired.isEmpty()) {
        json terms = json::array();
        for (const QList<NodeSelectorRequirement> &term : a.nodeRequired) {
            json exprs = json::array();
            for (const NodeSelectorRequirement &r : term) {
                json e = {{"key", s(r.key)}, {"operator", s(r.op)}};
                putStrings(e, "values", r.values);
                exprs.push_back(std::move(e));
            }
            json t = json::object();
            if (!exprs.empty())
                t["matchExpressions"] = std::move(exprs);
            terms.push_back(std::move(t));
        }
        j["nodeAffinity"] = {
            {"requiredDuringSchedulingIgnoredDuringExecution", {{"nodeSelectorTerms", terms}}}};
    }
    if (!a.podAffinityRequired.isEmpty() || !a.podAffinityPreferred.isEmpty())
        j["podAffinity"] = podAffinity(a.podAffinityRequired, a.podAffinityPreferred);
    if (!a.podAntiAffinityRequired.isEmpty() || !a.podAntiAffinityPreferred.isEmpty())
        j["podAntiAffinity"] = podAffinity(a.podAntiAffinityRequired, a.podAntiAffinityPreferred);
    return j;
}

json volume(const Volume &v)
{
    json j = {{"name", s(v.name)}};
    const QString kind = v.kind.isEmpty() ? QStringLiteral("emptyDir") : v.kind;
    if (kind == QLatin1String("persistentVolumeClaim"))
        j["persistentVolumeClaim"] = {{"claimName", s(v.claimName)}};
    else
        j[s(kind)] = json::object(); // other sources are not modelled beyond their kind
    return j;
}

json pvcSpec(const PersistentVolumeClaimSpec &spec)
{
    json j = json::object();
    putStrings(j, "accessModes", spec.accessModes);
    json resources = json::object();
    if (spec.storage.isSet())
        resources["requests"] = {{"storage", s(spec.storage.text)}};
    j["resources"] = std::move(resources);
    putString(j, "storageClassName", spec.storageClassName);
    putString(j, "volumeName", spec.volumeName);
    j["volumeMode"] = "Filesystem";
    return j;
}

json pvcStatus(const PersistentVolumeClaim &claim)
{
    json j = json::object();
    putString(j, "phase", claim.phase);
    if (claim.phase == QLatin1String("Bound"))
        putStrings(j, "accessModes", claim.spec.accessModes);
    if (claim.capacity.isSet())
        j["capacity"] = {{"storage", s(claim.capacity.text)}};
    return j;
}

json containerState(const ContainerState &state, qint64 epochMs)
{
    json j = json::object();
    switch (state.kind) {
    case ContainerState::Kind::Waiting: {
        json w = json::object();
        putString(w, "reason", state.reason);
        putString(w, "message", state.message);
        j["waiting"] = std::move(w);
        break;
    }
    case ContainerState::Kind::Running:
        j["running"] = {{"startedAt", timestamp(state.startedAt, epochMs)}};
        break;
    case ContainerState::Kind::Terminated: {
        json t = {{"exitCode", state.exitCode},
                  {"startedAt", timestamp(state.startedAt, epochMs)},
                  {"finishedAt", timestamp(state.finishedAt, epochMs)}};
        putString(t, "reason", state.reason);
        putString(t, "message", state.message);
        j["terminated"] = std::move(t);
        break;
    }
    }
    return j;
}

json containerStatuses(const QList<ContainerStatus> &statuses, qint64 epochMs)
{
    json array = json::array();
    for (const ContainerStatus &cs : statuses) {
        array.push_back({{"name", s(cs.name)},
                         {"image", s(cs.image)},
                         {"imageID", ""},
                         {"ready", cs.ready},
                         {"started", cs.started},
                         {"restartCount", cs.restartCount},
                         {"state", containerState(cs.state, epochMs)},
                         {"lastState", cs.lastState ? containerState(*cs.lastState, epochMs)
                                                    : json::object()}});
    }
    return array;
}

json podStatus(const Pod &pod, qint64 epochMs)
{
    const PodStatus &st = pod.status;
    json j = {{"phase", s(toString(st.phase))}};
    if (!st.conditions.isEmpty()) {
        json conditions = json::array();
        for (const PodCondition &c : st.conditions) {
            json cj = {{"type", s(c.type)},
                       {"status", s(c.status)},
                       {"lastProbeTime", nullptr},
                       {"lastTransitionTime", timestamp(c.lastTransitionTime, epochMs)}};
            putString(cj, "reason", c.reason);
            putString(cj, "message", c.message);
            conditions.push_back(std::move(cj));
        }
        j["conditions"] = std::move(conditions);
    }
    putString(j, "message", st.message);
    putString(j, "reason", st.reason);
    putString(j, "nominatedNodeName", st.nominatedNodeName);
    if (!st.hostIP.isEmpty()) {
        j["hostIP"] = s(st.hostIP);
        j["hostIPs"] = json::array({{{"ip", s(st.hostIP)}}});
    }
    if (!st.podIP.isEmpty()) {
        j["podIP"] = s(st.podIP);
        j["podIPs"] = json::array({{{"ip", s(st.podIP)}}});
    }
    if (st.startTime)
        j["startTime"] = timestamp(*st.startTime, epochMs);
    if (!st.initContainerStatuses.isEmpty())
        j["initContainerStatuses"] = containerStatuses(st.initContainerStatuses, epochMs);
    if (!st.containerStatuses.isEmpty())
        j["containerStatuses"] = containerStatuses(st.containerStatuses, epochMs);
    j["qosClass"] = s(qosClass(pod.spec));
    return j;
}

json endpointAddresses(const QList<EndpointAddress> &addresses, const QString &namespaceName)
{
    json array = json::array();
    for (const EndpointAddress &a : addresses) {
        json aj = {{"ip", s(a.ip)}};
        putString(aj, "hostname", a.hostname);
        putString(aj, "nodeName", a.nodeName);
        if (!a.podName.isEmpty())
            aj["targetRef"] = {
                {"kind", "Pod"}, {"namespace", s(namespaceName)}, {"name", s(a.podName)}};
        array.push_back(std::move(aj));
    }
    return array;
}

json header(ObjectKind kind)
{
    const ResourceInfo &info = resourceInfo(kind);
    return {{"apiVersion", s(info.apiVersion())}, {"kind", s(info.kindName)}};
}

} // namespace

// --- resource table --------------------------------------------------------------------------

QString ResourceInfo::apiVersion() const
{
    return group.isEmpty() ? version : group + QLatin1Char('/') + version;
}

QString ResourceInfo::qualifiedSingular() const
{
    return group.isEmpty() ? singular : singular + QLatin1Char('.') + group;
}

QString ResourceInfo::qualifiedPlural() const
{
    return group.isEmpty() ? plural : plural + QLatin1Char('.') + group;
}

const QList<ResourceInfo> &resourceTable()
{
    static const QList<ResourceInfo> table = [] {
        const QStringList all = {QStringLiteral("create"), QStringLiteral("delete"),
                                 QStringLiteral("deletecollection"), QStringLiteral("get"),
                                 QStringLiteral("list"), QStringLiteral("patch"),
                                 QStringLiteral("update"), QStringLiteral("watch")};
        QStringList noCollection = all;
        noCollection.removeAll(QStringLiteral("deletecollection"));
        const QString core;
        const QString apps = QStringLiteral("apps");
        const QString v1 = QStringLiteral("v1");
        return QList<ResourceInfo>{
            {ObjectKind::Pod, core, v1, QStringLiteral("Pod"), QStringLiteral("pods"),
             QStringLiteral("pod"), {QStringLiteral("po")}, true, all},
            {ObjectKind::Service, core, v1, QStringLiteral("Service"), QStringLiteral("services"),
             QStringLiteral("service"), {QStringLiteral("svc")}, true, all},
            {ObjectKind::Endpoints, core, v1, QStringLiteral("Endpoints"),
             QStringLiteral("endpoints"), QStringLiteral("endpoints"), {QStringLiteral("ep")},
             true, all},
            {ObjectKind::Node, core, v1, QStringLiteral("Node"), QStringLiteral("nodes"),
             QStringLiteral("node"), {QStringLiteral("no")}, false, all},
            {ObjectKind::Namespace, core, v1, QStringLiteral("Namespace"),
             QStringLiteral("namespaces"), QStringLiteral("namespace"), {QStringLiteral("ns")},
             false, noCollection},
            {ObjectKind::PersistentVolumeClaim, core, v1, QStringLiteral("PersistentVolumeClaim"),
             QStringLiteral("persistentvolumeclaims"), QStringLiteral("persistentvolumeclaim"),
             {QStringLiteral("pvc")}, true, all},
            {ObjectKind::Event, core, v1, QStringLiteral("Event"), QStringLiteral("events"),
             QStringLiteral("event"), {QStringLiteral("ev")}, true, all},
            {ObjectKind::StatefulSet, apps, v1, QStringLiteral("StatefulSet"),
             QStringLiteral("statefulsets"), QStringLiteral("statefulset"),
             {QStringLiteral("sts")}, true, all},
            {ObjectKind::ControllerRevision, apps, v1, QStringLiteral("ControllerRevision"),
             QStringLiteral("controllerrevisions"), QStringLiteral("controllerrevision"), {},
             true, all},
            // The breadth kinds.
            {ObjectKind::PodDisruptionBudget, QStringLiteral("policy"), v1,
             QStringLiteral("PodDisruptionBudget"), QStringLiteral("poddisruptionbudgets"),
             QStringLiteral("poddisruptionbudget"), {QStringLiteral("pdb")}, true, all},
        };
    }();
    return table;
}

const ResourceInfo &resourceInfo(ObjectKind kind)
{
    for (const ResourceInfo &info : resourceTable()) {
        if (info.kind == kind)
            return info;
    }
    Q_UNREACHABLE();
    return resourceTable().first();
}

const ResourceInfo *findResource(const QString &name)
{
    const QString lower = name.toLower();
    for (const ResourceInfo &info : resourceTable()) {
        if (info.plural == lower || info.singular == lower || info.shortNames.contains(lower)
            || info.kindName.toLower() == lower)
            return &info;
    }
    return nullptr;
}

// --- pieces ----------------------------------------------------------------------------------

QString rfc3339(Millis virtualTime, qint64 epochMs)
{
    const qint64 ms = epochMs + virtualTime;
    // metav1.Time has second precision: truncate toward the earlier second.
    const qint64 seconds = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QString qosClass(const PodSpec &spec)
{
    // As GetPodQOS: only cpu and memory count; a container without a request for a resource it
    // limits requests the limit (the v1 defaulting).
    const QStringList tracked = {QStringLiteral("cpu"), QStringLiteral("memory")};
    bool any = false;
    bool guaranteed = true;
    QList<const Container *> all;
    for (const Container &c : spec.initContainers)
        all << &c;
    for (const Container &c : spec.containers)
        all << &c;
    for (const Container *c : all) {
        for (const QString &r : tracked) {
            const bool hasLimit = c->resources.limits.contains(r) && c->resources.limits[r].value;
            const bool hasRequest =
                c->resources.requests.contains(r) && c->resources.requests[r].value;
            if (hasLimit || hasRequest)
                any = true;
            if (!hasLimit
                || (hasRequest && c->resources.requests[r].value != c->resources.limits[r].value))
                guaranteed = false;
        }
    }
    if (!any)
        return QStringLiteral("BestEffort");
    return guaranteed ? QStringLiteral("Guaranteed") : QStringLiteral("Burstable");
}

json toJson(const ObjectMeta &meta, qint64 epochMs)
{
    json j = json::object();
    putString(j, "name", meta.name);
    putString(j, "namespace", meta.namespaceName);
    putString(j, "uid", meta.uid);
    if (meta.resourceVersion > 0)
        j["resourceVersion"] = std::to_string(meta.resourceVersion);
    if (meta.generation > 0)
        j["generation"] = meta.generation;
    j["creationTimestamp"] = timestamp(meta.creationTimestamp, epochMs);
    if (meta.deletionTimestamp)
        j["deletionTimestamp"] = timestamp(*meta.deletionTimestamp, epochMs);
    if (meta.deletionGracePeriodSeconds)
        j["deletionGracePeriodSeconds"] = *meta.deletionGracePeriodSeconds;
    putMap(j, "labels", meta.labels);
    putMap(j, "annotations", meta.annotations);
    if (!meta.ownerReferences.isEmpty()) {
        json refs = json::array();
        for (const OwnerReference &ref : meta.ownerReferences)
            refs.push_back(ownerReference(ref));
        j["ownerReferences"] = std::move(refs);
    }
    return j;
}

json toJson(const PodSpec &spec)
{
    json j = json::object();
    if (!spec.volumes.isEmpty()) {
        json volumes = json::array();
        for (const Volume &v : spec.volumes)
            volumes.push_back(volume(v));
        j["volumes"] = std::move(volumes);
    }
    if (!spec.initContainers.isEmpty()) {
        json list = json::array();
        for (const Container &c : spec.initContainers)
            list.push_back(container(c));
        j["initContainers"] = std::move(list);
    }
    json list = json::array();
    for (const Container &c : spec.containers)
        list.push_back(container(c));
    j["containers"] = std::move(list);
    putString(j, "restartPolicy", spec.restartPolicy);
    j["terminationGracePeriodSeconds"] = spec.terminationGracePeriodSeconds;
    if (spec.activeDeadlineSeconds)
        j["activeDeadlineSeconds"] = *spec.activeDeadlineSeconds;
    putString(j, "dnsPolicy", spec.dnsPolicy);
    putMap(j, "nodeSelector", spec.nodeSelector);
    putString(j, "nodeName", spec.nodeName);
    if (spec.hostNetwork)
        j["hostNetwork"] = true;
    putString(j, "hostname", spec.hostname);
    putString(j, "subdomain", spec.subdomain);
    if (!spec.affinity.isEmpty())
        j["affinity"] = affinity(spec.affinity);
    putString(j, "schedulerName", spec.schedulerName);
    if (!spec.tolerations.isEmpty()) {
        json tolerations = json::array();
        for (const Toleration &t : spec.tolerations) {
            json tj = json::object();
            putString(tj, "key", t.key);
            putString(tj, "operator", t.op);
            putString(tj, "value", t.value);
            putString(tj, "effect", t.effect);
            if (t.tolerationSeconds)
                tj["tolerationSeconds"] = *t.tolerationSeconds;
            tolerations.push_back(std::move(tj));
        }
        j["tolerations"] = std::move(tolerations);
    }
    return j;
}

json toJson(const PodTemplateSpec &podTemplate, qint64 epochMs)
{
    Q_UNUSED(epochMs)
    return {{"metadata", embeddedMeta(podTemplate.metadata)}, {"spec", toJson(podTemplate.spec)}};
}

// --- objects ---------------------------------------------------------------------------------

json toJson(const Namespace &ns, qint64 epochMs)
{
    json j = header(ObjectKind::Namespace);
    j["metadata"] = toJson(ns.metadata, epochMs);
    j["spec"] = {{"finalizers", {"kubernetes"}}};
    j["status"] = {{"phase", s(ns.phase)}};
    return j;
}

json toJson(const Node &node, qint64 epochMs)
{
    json j = header(ObjectKind::Node);
    j["metadata"] = toJson(node.metadata, epochMs);
    json spec = json::object();
    if (!node.podCIDR.isEmpty()) {
        spec["podCIDR"] = s(node.podCIDR);
        spec["podCIDRs"] = {s(node.podCIDR)};
    }
    if (node.unschedulable)
        spec["unschedulable"] = true;
    if (!node.taints.isEmpty()) {
        json taints = json::array();
        for (const Taint &t : node.taints) {
            json tj = {{"key", s(t.key)}, {"effect", s(t.effect)}};
            putString(tj, "value", t.value);
            if (t.timeAdded)
                tj["timeAdded"] = timestamp(*t.timeAdded, epochMs);
            taints.push_back(std::move(tj));
        }
        spec["taints"] = std::move(taints);
    }
    j["spec"] = std::move(spec);

    json status = json::object();
    if (!node.capacity.isEmpty())
        status["capacity"] = quantities(node.capacity);
    if (!node.allocatable.isEmpty())
        status["allocatable"] = quantities(node.allocatable);
    if (!node.conditions.isEmpty()) {
        json conditions = json::array();
        for (const NodeCondition &c : node.conditions) {
            json cj = {{"type", s(c.type)},
                       {"status", s(c.status)},
                       {"lastHeartbeatTime", timestamp(c.lastHeartbeatTime, epochMs)},
                       {"lastTransitionTime", timestamp(c.lastTransitionTime, epochMs)}};
            putString(cj, "reason", c.reason);
            putString(cj, "message", c.message);
            conditions.push_back(std::move(cj));
        }
        status["conditions"] = std::move(conditions);
    }
    json addresses = json::array();
    if (!node.internalIP.isEmpty())
        addresses.push_back({{"type", "InternalIP"}, {"address", s(node.internalIP)}});
    addresses.push_back({{"type", "Hostname"}, {"address", s(node.metadata.name)}});
    status["addresses"] = std::move(addresses);
    status["daemonEndpoints"] = {{"kubeletEndpoint", {{"Port", 10250}}}};
    status["nodeInfo"] = {{"machineID", ""},
                          {"systemUUID", ""},
                          {"bootID", ""},
                          {"kernelVersion", s(node.kernelVersion)},
                          {"osImage", s(node.osImage)},
                          {"containerRuntimeVersion", s(node.containerRuntime)},
                          {"kubeletVersion", s(node.kubeletVersion)},
                          {"kubeProxyVersion", ""},
                          {"operatingSystem", "linux"},
                          {"architecture", "amd64"}};
    if (!node.images.isEmpty()) {
        json images = json::array();
        for (const QString &image : node.images)
            images.push_back({{"names", {s(image)}}});
        status["images"] = std::move(images);
    }
    j["status"] = std::move(status);
    return j;
}

json toJson(const Service &service, qint64 epochMs)
{
    const ServiceSpec &sp = service.spec;
    json j = header(ObjectKind::Service);
    j["metadata"] = toJson(service.metadata, epochMs);
    json spec = json::object();
    if (!sp.ports.isEmpty()) {
        json ports = json::array();
        for (const ServicePort &p : sp.ports) {
            json pj = {{"port", p.port}};
            putString(pj, "name", p.name);
            putString(pj, "protocol", p.protocol);
            if (!p.targetPort.isEmpty())
                pj["targetPort"] = intOrString(p.targetPort);
            if (p.nodePort != 0)
                pj["nodePort"] = p.nodePort;
            ports.push_back(std::move(pj));
        }
        spec["ports"] = std::move(ports);
    }
    putMap(spec, "selector", sp.selector);
    const bool externalName = sp.type == QLatin1String("ExternalName");
    if (!sp.clusterIP.isEmpty()) {
        spec["clusterIP"] = s(sp.clusterIP);
        spec["clusterIPs"] = {s(sp.clusterIP)};
    }
    putString(spec, "type", sp.type);
    putString(spec, "externalName", sp.externalName);
    // Server defaults for a single-stack IPv4 cluster (not modelled, but always present).
    if (!externalName && !sp.type.isEmpty()) {
        spec["sessionAffinity"] = "None";
        spec["ipFamilies"] = {"IPv4"};
        spec["ipFamilyPolicy"] = "SingleStack";
        spec["internalTrafficPolicy"] = "Cluster";
    }
    if (sp.publishNotReadyAddresses)
        spec["publishNotReadyAddresses"] = true;
    j["spec"] = std::move(spec);
    j["status"] = {{"loadBalancer", json::object()}};
    return j;
}

json toJson(const Endpoints &endpoints, qint64 epochMs)
{
    json j = header(ObjectKind::Endpoints);
    j["metadata"] = toJson(endpoints.metadata, epochMs);
    if (!endpoints.addresses.isEmpty() || !endpoints.notReadyAddresses.isEmpty()) {
        json subset = json::object();
        const QString &ns = endpoints.metadata.namespaceName;
        if (!endpoints.addresses.isEmpty())
            subset["addresses"] = endpointAddresses(endpoints.addresses, ns);
        if (!endpoints.notReadyAddresses.isEmpty())
            subset["notReadyAddresses"] = endpointAddresses(endpoints.notReadyAddresses, ns);
        if (!endpoints.ports.isEmpty()) {
            json ports = json::array();
            for (const EndpointPort &p : endpoints.ports) {
                json pj = {{"port", p.port}};
                putString(pj, "name", p.name);
                putString(pj, "protocol", p.protocol);
                ports.push_back(std::move(pj));
            }
            subset["ports"] = std::move(ports);
        }
        j["subsets"] = json::array({subset});
    }
    return j;
}

json toJson(const PersistentVolumeClaim &claim, qint64 epochMs)
{
    json j = header(ObjectKind::PersistentVolumeClaim);
    j["metadata"] = toJson(claim.metadata, epochMs);
    j["spec"] = pvcSpec(claim.spec);
    j["status"] = pvcStatus(claim);
    return j;
}

json toJson(const StatefulSet &set, qint64 epochMs)
{
    const StatefulSetSpec &sp = set.spec;
    json j = header(ObjectKind::StatefulSet);
    j["metadata"] = toJson(set.metadata, epochMs);
    json spec = {{"replicas", sp.replicas}};
    if (sp.hasSelector)
        spec["selector"] = labelSelector(sp.selector);
    spec["template"] = toJson(sp.podTemplate, epochMs);
    putString(spec, "serviceName", sp.serviceName);
    putString(spec, "podManagementPolicy", sp.podManagementPolicy);
    json strategy = json::object();
    putString(strategy, "type", sp.updateStrategy.type);
    if (sp.updateStrategy.rollingUpdate) {
        json ru = {{"partition", sp.updateStrategy.rollingUpdate->partition}};
        if (!sp.updateStrategy.rollingUpdate->maxUnavailable.isEmpty())
            ru["maxUnavailable"] = intOrString(sp.updateStrategy.rollingUpdate->maxUnavailable);
        strategy["rollingUpdate"] = std::move(ru);
    }
    spec["updateStrategy"] = std::move(strategy);
    spec["revisionHistoryLimit"] = sp.revisionHistoryLimit;
    if (sp.minReadySeconds != 0)
        spec["minReadySeconds"] = sp.minReadySeconds;
    if (sp.ordinalsStart)
        spec["ordinals"] = {{"start", *sp.ordinalsStart}};
    if (!sp.volumeClaimTemplates.isEmpty()) {
        json templates = json::array();
        for (const PersistentVolumeClaim &claim : sp.volumeClaimTemplates) {
            json cj = header(ObjectKind::PersistentVolumeClaim);
            cj["metadata"] = embeddedMeta(claim.metadata);
            cj["spec"] = pvcSpec(claim.spec);
            cj["status"] = pvcStatus(claim);
            templates.push_back(std::move(cj));
        }
        spec["volumeClaimTemplates"] = std::move(templates);
    }
    json retention = json::object();
    putString(retention, "whenDeleted", sp.whenDeleted);
    putString(retention, "whenScaled", sp.whenScaled);
    if (!retention.empty())
        spec["persistentVolumeClaimRetentionPolicy"] = std::move(retention);
    j["spec"] = std::move(spec);

    const StatefulSetStatus &st = set.status;
    json status = {{"replicas", st.replicas}, {"availableReplicas", st.availableReplicas}};
    if (st.observedGeneration != 0)
        status["observedGeneration"] = st.observedGeneration;
    if (st.readyReplicas != 0)
        status["readyReplicas"] = st.readyReplicas;
    if (st.currentReplicas != 0)
        status["currentReplicas"] = st.currentReplicas;
    if (st.updatedReplicas != 0)
        status["updatedReplicas"] = st.updatedReplicas;
    putString(status, "currentRevision", st.currentRevision);
    putString(status, "updateRevision", st.updateRevision);
    status["collisionCount"] = st.collisionCount;
    j["status"] = std::move(status);
    return j;
}

json toJson(const ControllerRevision &revision, qint64 epochMs)
{
    json j = header(ObjectKind::ControllerRevision);
    j["metadata"] = toJson(revision.metadata, epochMs);
    // As the StatefulSet controller's getPatch: the template as a strategic merge patch that
    // replaces the whole template.
    json tpl = toJson(revision.podTemplate, epochMs);
    tpl["$patch"] = "replace";
    j["data"] = {{"spec", {{"template", std::move(tpl)}}}};
    j["revision"] = revision.revision;
    return j;
}

json toJson(const Pod &pod, qint64 epochMs)
{
    json j = header(ObjectKind::Pod);
    j["metadata"] = toJson(pod.metadata, epochMs);
    j["spec"] = toJson(pod.spec);
    j["status"] = podStatus(pod, epochMs);
    return j;
}

json toJson(const Event &event, qint64 epochMs)
{
    json j = header(ObjectKind::Event);
    j["metadata"] = toJson(event.metadata, epochMs);
    json involved = {{"kind", s(event.involvedObject.kind)}, {"name", s(event.involvedObject.name)}};
    putString(involved, "namespace", event.involvedObject.namespaceName);
    putString(involved, "uid", event.involvedObject.uid);
    if (const ResourceInfo *info = findResource(event.involvedObject.kind))
        involved["apiVersion"] = s(info->apiVersion());
    j["involvedObject"] = std::move(involved);
    putString(j, "reason", event.reason);
    putString(j, "message", event.message);
    json source = json::object();
    putString(source, "component", event.source);
    j["source"] = std::move(source);
    j["firstTimestamp"] = timestamp(event.firstTimestamp, epochMs);
    j["lastTimestamp"] = timestamp(event.lastTimestamp, epochMs);
    j["count"] = event.count;
    putString(j, "type", event.type);
    j["eventTime"] = nullptr;
    putString(j, "reportingComponent", event.source);
    j["reportingInstance"] = "";
    return j;
}

json toEventsV1Json(const Event &event, qint64 epochMs)
{
    const json core = toJson(event, epochMs);
    json j = {{"apiVersion", "events.k8s.io/v1"}, {"kind", "Event"}};
    j["metadata"] = core.at("metadata");
    j["eventTime"] = nullptr;
    putString(j, "reportingController", event.source);
    putString(j, "reason", event.reason);
    j["regarding"] = core.at("involvedObject");
    putString(j, "note", event.message);
    putString(j, "type", event.type);
    json source = json::object();
    putString(source, "component", event.source);
    j["deprecatedSource"] = std::move(source);
    j["deprecatedFirstTimestamp"] = core.at("firstTimestamp");
    j["deprecatedLastTimestamp"] = core.at("lastTimestamp");
    j["deprecatedCount"] = event.count;
    return j;
}

// --- policy/v1 (the breadth kinds) ------------------------------------------------------------

json toJson(const PodDisruptionBudget &pdb, qint64 epochMs)
{
    json j = header(ObjectKind::PodDisruptionBudget);
    j["metadata"] = toJson(pdb.metadata, epochMs);
    json spec = json::object();
    if (pdb.spec.minAvailable)
        spec["minAvailable"] = intOrString(*pdb.spec.minAvailable);
    if (pdb.spec.maxUnavailable)
        spec["maxUnavailable"] = intOrString(*pdb.spec.maxUnavailable);
    if (pdb.spec.hasSelector)
        spec["selector"] = labelSelector(pdb.spec.selector);
    putString(spec, "unhealthyPodEvictionPolicy", pdb.spec.unhealthyPodEvictionPolicy);
    j["spec"] = std::move(spec);
    const PodDisruptionBudgetStatus &st = pdb.status;
    json status = {{"observedGeneration", st.observedGeneration},
                   {"disruptionsAllowed", st.disruptionsAllowed},
                   {"currentHealthy", st.currentHealthy},
                   {"desiredHealthy", st.desiredHealthy},
                   {"expectedPods", st.expectedPods}};
    if (!st.disruptedPods.isEmpty()) {
        json disrupted = json::object();
        for (auto it = st.disruptedPods.cbegin(); it != st.disruptedPods.cend(); ++it)
            disrupted[s(it.key())] = timestamp(it.value(), epochMs);
        status["disruptedPods"] = std::move(disrupted);
    }
    if (st.observedGeneration > 0) {
        status["conditions"] = json::array({{
            {"type", "DisruptionAllowed"},
            {"status", st.disruptionAllowed ? "True" : "False"},
            {"observedGeneration", st.observedGeneration},
            {"lastTransitionTime", timestamp(st.conditionTransitionTime, epochMs)},
            {"reason", st.disruptionAllowed ? "SufficientPods" : "InsufficientPods"},
            {"message", ""},
        }});
    }
    j["status"] = std::move(status);
    return j;
}

json toJson(const AnyObject &object, qint64 epochMs)
{
    return std::visit([epochMs](const auto &o) { return toJson(o, epochMs); }, object);
}

} // namespace ordinal::core::apijson
