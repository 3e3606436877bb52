#include "api/jsondecode.h"

#include "api/json.h"

#include <QDateTime>
#include <QSet>

#include <nlohmann/json.hpp>

namespace ordinal::core::apijson {

using nlohmann::json;

namespace {

// Reads fields of one object, remembering the first field of a wrong type. Every reader
// returns a default for an absent field (omitempty) and for a wrong one, so decoding goes on
// and the caller looks at error() once.
class Reader
{
public:
    explicit Reader(qint64 epochMs)
        : m_epochMs(epochMs)
    {
    }

    const QString &error() const { return m_error; }

    const json *field(const json &j, const char *key, const QString &path)
    {
        if (!j.is_object())
            return nullptr;
        const auto it = j.find(key);
        if (it == j.end() || it->is_null())
            return nullptr;
        Q_UNUSED(path)
        return &*it;
    }

    void fail(const QString &path, const QString &what)
    {
        if (m_error.isEmpty())
            m_error = QCoreApplication::translate("JsonDecode", "%1 is not %2").arg(path, what);
    }

    QString string(const json &j, const char *key, const QString &path = {})
    {
        const json *v = field(j, key, path);
        if (!v)
            return {};
        if (!v->is_string()) {
            fail(sub(path, key), QCoreApplication::translate("JsonDecode", "a string"));
            return {};
        }
        return QString::fromStdString(v->get<std::string>());
    }

    qint64 integer(const json &j, const char *key, const QString &path = {}, qint64 def = 0)
    {
        const json *v = field(j, key, path);
        if (!v)
            return def;
        if (!v->is_number_integer()) {
            fail(sub(path, key), QCoreApplication::translate("JsonDecode", "an integer"));
            return def;
        }
        return v->get<qint64>();
    }

    bool boolean(const json &j, const char *key, const QString &path = {}, bool def = false)
    {
        const json *v = field(j, key, path);
        if (!v)
            return def;
        if (!v->is_boolean()) {
            fail(sub(path, key), QCoreApplication::translate("JsonDecode", "true or false"));
            return def;
        }
        return v->get<bool>();
    }

    // An int-or-string (targetPort, maxUnavailable) as text.
    QString intOrString(const json &j, const char *key, const QString &path = {})
    {
        const json *v = field(j, key, path);
        if (!v)
            return {};
        if (v->is_number_integer())
            return QString::number(v->get<qint64>());
        if (v->is_string())
            return QString::fromStdString(v->get<std::string>());
        fail(sub(path, key), QCoreApplication::translate("JsonDecode", "a number or a string"));
        return {};
    }

    std::optional<Millis> time(const json &j, const char *key, const QString &path = {})
    {
        const QString text = string(j, key, path);
        if (text.isEmpty())
            return std::nullopt;
        const std::optional<Millis> t = fromRfc3339(text, m_epochMs);
        if (!t)
            fail(sub(path, key), QCoreApplication::translate("JsonDecode", "an RFC 3339 time"));
        return t;
    }

    QMap<QString, QString> stringMap(const json &j, const char *key, const QString &path = {})
    {
        QMap<QString, QString> map;
        const json *v = field(j, key, path);
        if (!v)
            return map;
        if (!v->is_object()) {
            fail(sub(path, key), QCoreApplication::translate("JsonDecode", "an object of strings"));
            return map;
        }
        for (auto it = v->begin(); it != v->end(); ++it) {
            if (!it->is_string()) {
                fail(sub(sub(path, key), it.key().c_str()),
                     QCoreApplication::translate("JsonDecode", "a string"));
                continue;
            }
            map.insert(QString::fromStdString(it.key()),
                       QString::fromStdString(it->get<std::string>()));
        }
        return map;
    }

    QStringList strings(const json &j, const char *key, const QString &path = {})
    {
        QStringList list;
        for (const json &item : array(j, key, path)) {
            if (item.is_string())
                list << QString::fromStdString(item.get<std::string>());
            else
                fail(sub(path, key),
                     QCoreApplication::translate("JsonDecode", "a list of strings"));
        }
        return list;
    }

    // The items of an array field (an empty array when absent or of the wrong type).
    const json &array(const json &j, const char *key, const QString &path = {})
    {
        static const json empty = json::array();
        const json *v = field(j, key, path);
        if (!v)
            return empty;
        if (!v->is_array()) {
            fail(sub(path, key), QCoreApplication::translate("JsonDecode", "a list"));
            return empty;
        }
        return *v;
    }

    const json &object(const json &j, const char *key, const QString &path = {})
    {
        static const json empty = json::object();
        const json *v = field(j, key, path);
        if (!v)
            return empty;
        if (!v->is_object()) {
            fail(sub(path, key), QCoreApplication::translate("JsonDecode", "an object"));
            return empty;
        }
        return *v;
    }

    QMap<QString, Quantity> quantities(const json &j, const char *key, const QString &path = {})
    {
        QMap<QString, Quantity> map;
        const QMap<QString, QString> texts = stringMap(j, key, path);
        for (auto it = texts.cbegin(); it != texts.cend(); ++it)
            map.insert(it.key(), parseQuantity(it.value(), it.key() == QLatin1String("cpu")));
        return map;
    }

    static QString sub(const QString &path, const char *key)
    {
        return path.isEmpty() ? QString::fromLatin1(key)
                              : path + QLatin1Char('.') + QString::fromLatin1(key);
    }

    ObjectMeta meta(const json &j)
    {
        const json &m = object(j, "metadata");
        ObjectMeta meta;
        meta.name = string(m, "name", QStringLiteral("metadata"));
        meta.namespaceName = string(m, "namespace", QStringLiteral("metadata"));
        meta.uid = string(m, "uid", QStringLiteral("metadata"));
        meta.labels = stringMap(m, "labels", QStringLiteral("metadata"));
        meta.annotations = stringMap(m, "annotations", QStringLiteral("metadata"));
        // The server's resourceVersion is opaque text; the store numbers its own writes.
        meta.generation = integer(m, "generation", QStringLiteral("metadata"));
        meta.creationTimestamp
            = time(m, "creationTimestamp", QStringLiteral("metadata")).value_or(0);
        meta.deletionTimestamp = time(m, "deletionTimestamp", QStringLiteral("metadata"));
        if (field(m, "deletionGracePeriodSeconds", {}))
            meta.deletionGracePeriodSeconds
                = integer(m, "deletionGracePeriodSeconds", QStringLiteral("metadata"));
        for (const json &o : array(m, "ownerReferences", QStringLiteral("metadata"))) {
            const QString p = QStringLiteral("metadata.ownerReferences");
            meta.ownerReferences << OwnerReference {
                string(o, "apiVersion", p),  string(o, "kind", p),
                string(o, "name", p),        string(o, "uid", p),
                boolean(o, "controller", p), boolean(o, "blockOwnerDeletion", p)
            };
        }
        return meta;
    }

    LabelSelector selector(const json &j, const QString &path)
    {
        LabelSelector sel;
        sel.matchLabels = stringMap(j, "matchLabels", path);
        for (const json &e : array(j, "matchExpressions", path))
            sel.matchExpressions << LabelSelectorRequirement { string(e, "key", path),
                                                               string(e, "operator", path),
                                                               strings(e, "values", path) };
        return sel;
    }

    Probe probe(const json &j, const QString &path)
    {
        Probe p;
        p.initialDelaySeconds = int(integer(j, "initialDelaySeconds", path));
        p.periodSeconds = int(integer(j, "periodSeconds", path, 10));
        p.timeoutSeconds = int(integer(j, "timeoutSeconds", path, 1));
        p.successThreshold = int(integer(j, "successThreshold", path, 1));
        p.failureThreshold = int(integer(j, "failureThreshold", path, 3));
        // The kubectl-describe text the rest of Ordinal keeps for a handler.
        if (j.contains("httpGet")) {
            const json &h = object(j, "httpGet", path);
            p.handler = QStringLiteral("httpGet");
            p.detail = QStringLiteral("http-get %1://%2:%3%4")
                           .arg(string(h, "scheme", path).toLower().isEmpty()
                                    ? QStringLiteral("http")
                                    : string(h, "scheme", path).toLower(),
                                string(h, "host", path), intOrString(h, "port", path),
                                string(h, "path", path));
        } else if (j.contains("tcpSocket")) {
            p.handler = QStringLiteral("tcpSocket");
            p.detail = QStringLiteral("tcp-socket :%1")
                           .arg(intOrString(object(j, "tcpSocket", path), "port", path));
        } else if (j.contains("grpc")) {
            p.handler = QStringLiteral("grpc");
            p.detail = QStringLiteral("grpc <pod>:%1 ")
                           .arg(integer(object(j, "grpc", path), "port", path));
        } else if (j.contains("exec")) {
            p.handler = QStringLiteral("exec");
            p.detail
                = QStringLiteral("exec [%1]")
                      .arg(
                          strings(object(j, "exec", path), "command", path).join(QLatin1Char(' ')));
        }
        return p;
    }

    Container container(const json &j, const QString &path)
    {
        Container c;
        c.name = string(j, "name", path);
        c.image = string(j, "image", path);
        c.imagePullPolicy = string(j, "imagePullPolicy", path);
        c.command = strings(j, "command", path);
        c.args = strings(j, "args", path);
        for (const json &p : array(j, "ports", path)) {
            ContainerPort port;
            port.name = string(p, "name", path);
            port.containerPort = int(integer(p, "containerPort", path));
            const QString protocol = string(p, "protocol", path);
            if (!protocol.isEmpty())
                port.protocol = protocol;
            c.ports << port;
        }
        for (const json &m : array(j, "volumeMounts", path))
            c.volumeMounts << VolumeMount { string(m, "name", path), string(m, "mountPath", path),
                                            boolean(m, "readOnly", path) };
        const json &resources = object(j, "resources", path);
        c.resources.requests = quantities(resources, "requests", path);
        c.resources.limits = quantities(resources, "limits", path);
        if (j.contains("readinessProbe"))
            c.readinessProbe = probe(object(j, "readinessProbe", path), path);
        if (j.contains("livenessProbe"))
            c.livenessProbe = probe(object(j, "livenessProbe", path), path);
        if (j.contains("startupProbe"))
            c.startupProbe = probe(object(j, "startupProbe", path), path);
        return c;
    }

    PodSpec podSpec(const json &j)
    {
        const QString path = QStringLiteral("spec");
        PodSpec spec;
        for (const json &c : array(j, "initContainers", path))
            spec.initContainers << container(c, QStringLiteral("spec.initContainers"));
        for (const json &c : array(j, "containers", path))
            spec.containers << container(c, QStringLiteral("spec.containers"));
        for (const json &v : array(j, "volumes", path)) {
            Volume volume;
            volume.name = string(v, "name", path);
            for (const char *kind : { "persistentVolumeClaim", "emptyDir", "configMap", "secret",
                                      "hostPath", "projected", "downwardAPI" }) {
                if (v.contains(kind)) {
                    volume.kind = QString::fromLatin1(kind);
                    break;
                }
            }
            if (v.contains("persistentVolumeClaim"))
                volume.claimName
                    = string(object(v, "persistentVolumeClaim", path), "claimName", path);
            spec.volumes << volume;
        }
        spec.nodeName = string(j, "nodeName", path);
        spec.nodeSelector = stringMap(j, "nodeSelector", path);
        for (const json &t : array(j, "tolerations", path)) {
            Toleration toleration;
            toleration.key = string(t, "key", path);
            const QString op = string(t, "operator", path);
            if (!op.isEmpty())
                toleration.op = op;
            toleration.value = string(t, "value", path);
            toleration.effect = string(t, "effect", path);
            if (t.contains("tolerationSeconds"))
                toleration.tolerationSeconds = integer(t, "tolerationSeconds", path);
            spec.tolerations << toleration;
        }
        spec.hostname = string(j, "hostname", path);
        spec.subdomain = string(j, "subdomain", path);
        const auto orDefault = [](const QString &value, const QString &def) {
            return value.isEmpty() ? def : value;
        };
        spec.restartPolicy = orDefault(string(j, "restartPolicy", path), spec.restartPolicy);
        spec.dnsPolicy = orDefault(string(j, "dnsPolicy", path), spec.dnsPolicy);
        spec.schedulerName = orDefault(string(j, "schedulerName", path), spec.schedulerName);
        spec.terminationGracePeriodSeconds
            = integer(j, "terminationGracePeriodSeconds", path, spec.terminationGracePeriodSeconds);
        if (j.contains("activeDeadlineSeconds"))
            spec.activeDeadlineSeconds = integer(j, "activeDeadlineSeconds", path);
        spec.hostNetwork = boolean(j, "hostNetwork", path);
        return spec;
    }

    PodTemplateSpec podTemplate(const json &j)
    {
        PodTemplateSpec tpl;
        tpl.metadata = meta(j);
        tpl.spec = podSpec(object(j, "spec"));
        return tpl;
    }

    ContainerState containerState(const json &j, const QString &path)
    {
        ContainerState state;
        if (j.contains("running")) {
            state.kind = ContainerState::Kind::Running;
            state.startedAt = time(object(j, "running", path), "startedAt", path).value_or(0);
        } else if (j.contains("terminated")) {
            const json &t = object(j, "terminated", path);
            state.kind = ContainerState::Kind::Terminated;
            state.reason = string(t, "reason", path);
            state.message = string(t, "message", path);
            state.exitCode = int(integer(t, "exitCode", path));
            state.startedAt = time(t, "startedAt", path).value_or(0);
            state.finishedAt = time(t, "finishedAt", path).value_or(0);
        } else {
            const json &w = object(j, "waiting", path);
            state.kind = ContainerState::Kind::Waiting;
            state.reason = string(w, "reason", path);
            state.message = string(w, "message", path);
        }
        return state;
    }

    QList<ContainerStatus> containerStatuses(const json &status, const char *key)
    {
        const QString path = sub(QStringLiteral("status"), key);
        QList<ContainerStatus> list;
        for (const json &c : array(status, key, path)) {
            ContainerStatus cs;
            cs.name = string(c, "name", path);
            cs.image = string(c, "image", path);
            cs.ready = boolean(c, "ready", path);
            cs.started = boolean(c, "started", path);
            cs.restartCount = int(integer(c, "restartCount", path));
            cs.state = containerState(object(c, "state", path), path);
            const json &last = object(c, "lastState", path);
            if (!last.empty())
                cs.lastState = containerState(last, path);
            list << cs;
        }
        return list;
    }

    Pod pod(const json &j)
    {
        Pod pod;
        pod.metadata = meta(j);
        pod.spec = podSpec(object(j, "spec"));
        const json &st = object(j, "status");
        const QString path = QStringLiteral("status");
        static const QMap<QString, PodPhase> phases
            = { { QStringLiteral("Pending"), PodPhase::Pending },
                { QStringLiteral("Running"), PodPhase::Running },
                { QStringLiteral("Succeeded"), PodPhase::Succeeded },
                { QStringLiteral("Failed"), PodPhase::Failed },
                { QStringLiteral("Unknown"), PodPhase::Unknown } };
        pod.status.phase = phases.value(string(st, "phase", path), PodPhase::Pending);
        for (const json &c : array(st, "conditions", path))
            pod.status.conditions << PodCondition { string(c, "type", path),
                                                    string(c, "status", path),
                                                    time(c, "lastTransitionTime", path).value_or(0),
                                                    string(c, "reason", path),
                                                    string(c, "message", path) };
        pod.status.podIP = string(st, "podIP", path);
        pod.status.hostIP = string(st, "hostIP", path);
        pod.status.reason = string(st, "reason", path);
        pod.status.message = string(st, "message", path);
        pod.status.nominatedNodeName = string(st, "nominatedNodeName", path);
        pod.status.startTime = time(st, "startTime", path);
        pod.status.initContainerStatuses = containerStatuses(st, "initContainerStatuses");
        pod.status.containerStatuses = containerStatuses(st, "containerStatuses");
        return pod;
    }

    Node node(const json &j)
    {
        Node node;
        node.metadata = meta(j);
        const json &spec = object(j, "spec");
        node.podCIDR = string(spec, "podCIDR", QStringLiteral("spec"));
        node.unschedulable = boolean(spec, "unschedulable", QStringLiteral("spec"));
        for (const json &t : array(spec, "taints", QStringLiteral("spec"))) {
            const QString p = QStringLiteral("spec.taints");
            node.taints << Taint { string(t, "key", p), string(t, "value", p),
                                   string(t, "effect", p), time(t, "timeAdded", p) };
        }
        const json &st = object(j, "status");
        const QString path = QStringLiteral("status");
        node.capacity = quantities(st, "capacity", path);
        node.allocatable = quantities(st, "allocatable", path);
        for (const json &c : array(st, "conditions", path))
            node.conditions << NodeCondition { string(c, "type", path),
                                               string(c, "status", path),
                                               time(c, "lastHeartbeatTime", path).value_or(0),
                                               time(c, "lastTransitionTime", path).value_or(0),
                                               string(c, "reason", path),
                                               string(c, "message", path) };
        node.internalIP.clear();
        for (const json &a : array(st, "addresses", path)) {
            if (string(a, "type", path) == QLatin1String("InternalIP") && node.internalIP.isEmpty())
                node.internalIP = string(a, "address", path);
        }
        const json &info = object(st, "nodeInfo", path);
        node.kubeletVersion = string(info, "kubeletVersion", path);
        node.osImage = string(info, "osImage", path);
        node.kernelVersion = string(info, "kernelVersion", path);
        node.containerRuntime = string(info, "containerRuntimeVersion", path);
        for (const json &image : array(st, "images", path))
            node.images << strings(image, "names", path).value(0);
        return node;
    }

    Service service(const json &j)
    {
        Service service;
        service.metadata = meta(j);
        const json &spec = object(j, "spec");
        const QString path = QStringLiteral("spec");
        const QString type = string(spec, "type", path);
        if (!type.isEmpty())
            service.spec.type = type;
        service.spec.clusterIP = string(spec, "clusterIP", path);
        service.spec.selector = stringMap(spec, "selector", path);
        for (const json &p : array(spec, "ports", path)) {
            ServicePort port;
            port.name = string(p, "name", path);
            const QString protocol = string(p, "protocol", path);
            if (!protocol.isEmpty())
                port.protocol = protocol;
            port.port = int(integer(p, "port", path));
            port.targetPort = intOrString(p, "targetPort", path);
            port.nodePort = int(integer(p, "nodePort", path));
            service.spec.ports << port;
        }
        service.spec.publishNotReadyAddresses = boolean(spec, "publishNotReadyAddresses", path);
        service.spec.externalName = string(spec, "externalName", path);
        return service;
    }

    EndpointAddress address(const json &a, const QString &path)
    {
        return EndpointAddress { string(a, "ip", path), string(a, "hostname", path),
                                 string(a, "nodeName", path),
                                 string(object(a, "targetRef", path), "name", path) };
    }

    Endpoints endpoints(const json &j)
    {
        Endpoints ep;
        ep.metadata = meta(j);
        // Ordinal keeps one subset; a cluster may send several (one per port set): their
        // addresses are joined, each address once.
        const QString path = QStringLiteral("subsets");
        for (const json &subset : array(j, "subsets")) {
            for (const json &a : array(subset, "addresses", path)) {
                const EndpointAddress addr = address(a, path);
                if (!std::any_of(ep.addresses.cbegin(), ep.addresses.cend(),
                                 [&](const EndpointAddress &e) { return e.ip == addr.ip; }))
                    ep.addresses << addr;
            }
            for (const json &a : array(subset, "notReadyAddresses", path)) {
                const EndpointAddress addr = address(a, path);
                if (!std::any_of(ep.notReadyAddresses.cbegin(), ep.notReadyAddresses.cend(),
                                 [&](const EndpointAddress &e) { return e.ip == addr.ip; }))
                    ep.notReadyAddresses << addr;
            }
            for (const json &p : array(subset, "ports", path)) {
                EndpointPort port { string(p, "name", path), int(integer(p, "port", path)),
                                    string(p, "protocol", path) };
                if (port.protocol.isEmpty())
                    port.protocol = QStringLiteral("TCP");
                ep.ports << port;
            }
        }
        return ep;
    }

    PersistentVolumeClaim claim(const json &j)
    {
        PersistentVolumeClaim pvc;
        pvc.metadata = meta(j);
        claimSpec(object(j, "spec"), &pvc);
        const json &st = object(j, "status");
        const QString phase = string(st, "phase", QStringLiteral("status"));
        if (!phase.isEmpty())
            pvc.phase = phase;
        const QMap<QString, Quantity> capacity
            = quantities(st, "capacity", QStringLiteral("status"));
        pvc.capacity = capacity.value(QStringLiteral("storage"));
        return pvc;
    }

    void claimSpec(const json &spec, PersistentVolumeClaim *pvc)
    {
        const QString path = QStringLiteral("spec");
        pvc->spec.accessModes = strings(spec, "accessModes", path);
        pvc->spec.storage = quantities(object(spec, "resources", path), "requests", path)
                                .value(QStringLiteral("storage"));
        pvc->spec.storageClassName = string(spec, "storageClassName", path);
        pvc->spec.volumeName = string(spec, "volumeName", path);
    }

    StatefulSet statefulSet(const json &j)
    {
        StatefulSet set;
        set.metadata = meta(j);
        const json &spec = object(j, "spec");
        const QString path = QStringLiteral("spec");
        set.spec.replicas = int(integer(spec, "replicas", path, 1));
        set.spec.hasSelector = spec.contains("selector");
        set.spec.selector = selector(object(spec, "selector", path), path);
        set.spec.podTemplate = podTemplate(object(spec, "template", path));
        set.spec.serviceName = string(spec, "serviceName", path);
        const QString policy = string(spec, "podManagementPolicy", path);
        if (!policy.isEmpty())
            set.spec.podManagementPolicy = policy;
        const json &strategy = object(spec, "updateStrategy", path);
        const QString type = string(strategy, "type", path);
        if (!type.isEmpty())
            set.spec.updateStrategy.type = type;
        if (strategy.contains("rollingUpdate")) {
            const json &ru = object(strategy, "rollingUpdate", path);
            set.spec.updateStrategy.rollingUpdate
                = RollingUpdateStrategy { int(integer(ru, "partition", path)),
                                          intOrString(ru, "maxUnavailable", path) };
        }
        set.spec.revisionHistoryLimit = int(integer(spec, "revisionHistoryLimit", path, 10));
        set.spec.minReadySeconds = int(integer(spec, "minReadySeconds", path));
        if (spec.contains("ordinals"))
            set.spec.ordinalsStart = int(integer(object(spec, "ordinals", path), "start", path));
        for (const json &t : array(spec, "volumeClaimTemplates", path)) {
            PersistentVolumeClaim pvc;
            pvc.metadata = meta(t);
            claimSpec(object(t, "spec"), &pvc);
            set.spec.volumeClaimTemplates << pvc;
        }
        const json &retention = object(spec, "persistentVolumeClaimRetentionPolicy", path);
        if (const QString v = string(retention, "whenDeleted", path); !v.isEmpty())
            set.spec.whenDeleted = v;
        if (const QString v = string(retention, "whenScaled", path); !v.isEmpty())
            set.spec.whenScaled = v;
        const json &st = object(j, "status");
        const QString sp = QStringLiteral("status");
        set.status.observedGeneration = integer(st, "observedGeneration", sp);
        set.status.replicas = int(integer(st, "replicas", sp));
        set.status.readyReplicas = int(integer(st, "readyReplicas", sp));
        set.status.currentReplicas = int(integer(st, "currentReplicas", sp));
        set.status.updatedReplicas = int(integer(st, "updatedReplicas", sp));
        set.status.availableReplicas = int(integer(st, "availableReplicas", sp));
        set.status.currentRevision = string(st, "currentRevision", sp);
        set.status.updateRevision = string(st, "updateRevision", sp);
        set.status.collisionCount = int(integer(st, "collisionCount", sp));
        return set;
    }

    ControllerRevision revision(const json &j)
    {
        ControllerRevision rev;
        rev.metadata = meta(j);
        rev.revision = integer(j, "revision");
        const json &data = object(j, "data");
        rev.podTemplate = podTemplate(object(object(data, "spec"), "template"));
        return rev;
    }

    Event event(const json &j)
    {
        Event ev;
        ev.metadata = meta(j);
        const json &o = object(j, "involvedObject");
        const QString path = QStringLiteral("involvedObject");
        ev.involvedObject = ObjectReference { string(o, "kind", path), string(o, "namespace", path),
                                              string(o, "name", path), string(o, "uid", path) };
        const QString type = string(j, "type");
        if (!type.isEmpty())
            ev.type = type;
        ev.reason = string(j, "reason");
        ev.message = string(j, "message");
        ev.source = string(object(j, "source"), "component", QStringLiteral("source"));
        if (ev.source.isEmpty())
            ev.source = string(j, "reportingComponent");
        // Events written through events.k8s.io/v1 carry eventTime and leave the old
        // timestamps empty; kubectl falls back the same way.
        const std::optional<Millis> eventTime = microTime(j, "eventTime");
        ev.firstTimestamp
            = time(j, "firstTimestamp").value_or(eventTime.value_or(ev.metadata.creationTimestamp));
        ev.lastTimestamp = time(j, "lastTimestamp").value_or(ev.firstTimestamp);
        ev.count = int(integer(j, "count", {}, 1));
        if (ev.count < 1)
            ev.count = 1;
        return ev;
    }

    std::optional<Millis> microTime(const json &j, const char *key) { return time(j, key); }

    Namespace ns(const json &j)
    {
        Namespace ns;
        ns.metadata = meta(j);
        const QString phase = string(object(j, "status"), "phase", QStringLiteral("status"));
        if (!phase.isEmpty())
            ns.phase = phase;
        return ns;
    }

private:
    qint64 m_epochMs;
    QString m_error;
};

} // namespace

std::optional<ObjectKind> kindFromName(const QString &kindName)
{
    for (const ResourceInfo &info : resourceTable()) {
        if (info.kindName == kindName)
            return info.kind;
    }
    return std::nullopt;
}

std::optional<Millis> fromRfc3339(const QString &text, qint64 epochMs)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid() && text.contains(QLatin1Char('.'))) {
        // metav1.MicroTime has six fractional digits; Qt reads at most three.
        QString trimmed = text;
        const qsizetype dot = trimmed.indexOf(QLatin1Char('.'));
        qsizetype end = dot + 1;
        while (end < trimmed.size() && trimmed.at(end).isDigit())
            ++end;
        trimmed.remove(dot, end - dot);
        t = QDateTime::fromString(trimmed, Qt::ISODate);
    }
    if (!t.isValid())
        return std::nullopt;
    return t.toMSecsSinceEpoch() - epochMs;
}

Quantity parseQuantity(const QString &text, bool milli)
{
    Quantity q;
    q.text = text;
    static const QList<std::pair<QString, double>> suffixes = {
        { QStringLiteral("Ki"), 1024.0 },
        { QStringLiteral("Mi"), 1024.0 * 1024 },
        { QStringLiteral("Gi"), 1024.0 * 1024 * 1024 },
        { QStringLiteral("Ti"), 1024.0 * 1024 * 1024 * 1024 },
        { QStringLiteral("Pi"), 1024.0 * 1024 * 1024 * 1024 * 1024 },
        { QStringLiteral("Ei"), 1024.0 * 1024 * 1024 * 1024 * 1024 * 1024 },
        { QStringLiteral("n"), 1e-9 },
        { QStringLiteral("u"), 1e-6 },
        { QStringLiteral("m"), 1e-3 },
        { QStringLiteral("k"), 1e3 },
        { QStringLiteral("M"), 1e6 },
        { QStringLiteral("G"), 1e9 },
        { QStringLiteral("T"), 1e12 },
        { QStringLiteral("P"), 1e15 },
        { QStringLiteral("E"), 1e18 },
    };
    double factor = 1.0;
    QString number = text;
    for (const auto &[suffix, f] : suffixes) {
        if (text.endsWith(suffix)) {
            factor = f;
            number.chop(suffix.size());
            break;
        }
    }
    bool ok = false;
    const double value = number.toDouble(&ok);
    if (ok)
        q.value = qint64(value * factor * (milli ? 1000.0 : 1.0) + 0.5);
    return q;
}

std::optional<AnyObject> fromJson(ObjectKind kind, const json &object, qint64 epochMs,
                                  QString *error)
{
    if (!object.is_object()) {
        *error = QCoreApplication::translate("JsonDecode", "the object is not a JSON object");
        return std::nullopt;
    }
    Reader r(epochMs);
    AnyObject result = forKind(kind, [&](auto type) -> AnyObject {
        using T = typename decltype(type)::type;
        if constexpr (std::is_same_v<T, Pod>)
            return r.pod(object);
        else if constexpr (std::is_same_v<T, Node>)
            return r.node(object);
        else if constexpr (std::is_same_v<T, Service>)
            return r.service(object);
        else if constexpr (std::is_same_v<T, Endpoints>)
            return r.endpoints(object);
        else if constexpr (std::is_same_v<T, StatefulSet>)
            return r.statefulSet(object);
        else if constexpr (std::is_same_v<T, ControllerRevision>)
            return r.revision(object);
        else if constexpr (std::is_same_v<T, PersistentVolumeClaim>)
            return r.claim(object);
        else if constexpr (std::is_same_v<T, Namespace>)
            return r.ns(object);
        else
            return r.event(object);
    });
    const ObjectMeta &meta
        = std::visit([](const auto &o) -> const ObjectMeta & { return o.metadata; }, result);
    if (r.error().isEmpty() && meta.name.isEmpty())
        r.fail(QStringLiteral("metadata.name"), QCoreApplication::translate("JsonDecode", "set"));
    if (!r.error().isEmpty()) {
        *error
            = QCoreApplication::translate("JsonDecode", "%1 %2: %3")
                  .arg(resourceInfo(kind).kindName,
                       meta.name.isEmpty() ? QCoreApplication::translate("JsonDecode", "(no name)")
                                           : meta.name,
                       r.error());
        return std::nullopt;
    }
    return result;
}

std::optional<EndpointSlice> endpointSliceFromJson(const json &object, qint64 epochMs,
                                                   QString *error)
{
    if (!object.is_object()) {
        *error = QCoreApplication::translate("JsonDecode", "the object is not a JSON object");
        return std::nullopt;
    }
    Reader r(epochMs);
    EndpointSlice slice;
    const ObjectMeta meta = r.meta(object);
    slice.namespaceName = meta.namespaceName;
    slice.name = meta.name;
    slice.serviceName = meta.labels.value(QStringLiteral("kubernetes.io/service-name"));
    slice.creationTimestamp = meta.creationTimestamp;
    const QString path = QStringLiteral("endpoints");
    for (const json &e : r.array(object, "endpoints")) {
        const QStringList addresses = r.strings(e, "addresses", path);
        const json &conditions = r.object(e, "conditions", path);
        // As EndpointSlice consumers: a nil ready condition means ready.
        const bool ready = r.boolean(conditions, "ready", path, true);
        for (const QString &ip : addresses) {
            EndpointAddress a { ip, r.string(e, "hostname", path), r.string(e, "nodeName", path),
                                r.string(r.object(e, "targetRef", path), "name", path) };
            (ready ? slice.ready : slice.notReady) << a;
        }
    }
    for (const json &p : r.array(object, "ports")) {
        EndpointPort port { r.string(p, "name", QStringLiteral("ports")),
                            int(r.integer(p, "port", QStringLiteral("ports"))),
                            r.string(p, "protocol", QStringLiteral("ports")) };
        if (port.protocol.isEmpty())
            port.protocol = QStringLiteral("TCP");
        slice.ports << port;
    }
    if (r.error().isEmpty() && slice.name.isEmpty())
        r.fail(QStringLiteral("metadata.name"), QCoreApplication::translate("JsonDecode", "set"));
    if (!r.error().isEmpty()) {
        *error
            = QCoreApplication::translate("JsonDecode", "%1 %2: %3")
                  .arg(QStringLiteral("EndpointSlice"),
                       slice.name.isEmpty() ? QCoreApplication::translate("JsonDecode", "(no name)")
                                            : slice.name,
                       r.error());
        return std::nullopt;
    }
    return slice;
}

Endpoints endpointsFromSlices(const QString &namespaceName, const QString &serviceName,
                              const QList<EndpointSlice> &slices)
{
    Endpoints ep;
    ep.metadata.namespaceName = namespaceName;
    ep.metadata.name = serviceName;
    QSet<QString> seen;
    for (const EndpointSlice &slice : slices) {
        if (ep.metadata.creationTimestamp == 0
            || slice.creationTimestamp < ep.metadata.creationTimestamp)
            ep.metadata.creationTimestamp = slice.creationTimestamp;
        for (const EndpointAddress &a : slice.ready) {
            if (!seen.contains(a.ip)) {
                seen.insert(a.ip);
                ep.addresses << a;
            }
        }
        for (const EndpointAddress &a : slice.notReady) {
            if (!seen.contains(a.ip)) {
                seen.insert(a.ip);
                ep.notReadyAddresses << a;
            }
        }
        for (const EndpointPort &p : slice.ports) {
            if (!std::any_of(ep.ports.cbegin(), ep.ports.cend(), [&](const EndpointPort &e) {
                    return e.name == p.name && e.port == p.port && e.protocol == p.protocol;
                }))
                ep.ports << p;
        }
    }
    return ep;
}

} // namespace ordinal::core::apijson
