// Simulation::apply: `kubectl apply|create -f` against the simulated API server.

#include "sim/simulation.h"

#include "api/admission.h"
#include "api/json.h"
#include "controllers/statefulsetcontroller.h"
#include "io/manifestloader.h"

#include <nlohmann/json.hpp>

namespace ordinal::core {

namespace {

const ObjectMeta &metaOf(const AnyObject &object)
{
    return std::visit([](const auto &o) -> const ObjectMeta & { return o.metadata; }, object);
}

std::optional<AnyObject> existingOf(const Store &store, const AnyObject &object)
{
    return std::visit(
        [&](const auto &o) -> std::optional<AnyObject> {
            using T = std::decay_t<decltype(o)>;
            if (const T *found = store.find<T>(objectKey(o.metadata)))
                return AnyObject(*found);
            return std::nullopt;
        },
        object);
}

QString mapText(const QMap<QString, QString> &map)
{
    QStringList parts;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value();
    return parts.join(QLatin1Char(','));
}

// What `kubectl apply` compares to say "unchanged": the fields a manifest sets.
QString fingerprint(const AnyObject &object)
{
    return std::visit(
        [](const auto &o) -> QString {
            using T = std::decay_t<decltype(o)>;
            QString text = mapText(o.metadata.labels) + QLatin1Char('|')
                + mapText(o.metadata.annotations);
            if constexpr (std::is_same_v<T, StatefulSet>) {
                const StatefulSetSpec &s = o.spec;
                text += QStringLiteral("|%1|%2|%3|%4|%5|%6|%7|%8|%9")
                            .arg(s.replicas)
                            .arg(StatefulSetController::templateText(s.podTemplate))
                            .arg(s.podManagementPolicy, s.updateStrategy.type)
                            .arg(s.updateStrategy.rollingUpdate
                                     ? s.updateStrategy.rollingUpdate->partition
                                     : -1)
                            .arg(s.minReadySeconds)
                            .arg(s.ordinalsStart.value_or(-1))
                            .arg(s.whenDeleted + s.whenScaled)
                            .arg(s.revisionHistoryLimit);
            } else if constexpr (std::is_same_v<T, Service>) {
                text += QStringLiteral("|%1|%2|%3|%4|%5")
                            .arg(o.spec.type, mapText(o.spec.selector))
                            .arg(o.spec.publishNotReadyAddresses)
                            .arg(o.spec.externalName)
                            .arg(o.spec.clusterIP);
                for (const ServicePort &p : o.spec.ports)
                    text += QStringLiteral("|%1/%2/%3/%4").arg(p.name).arg(p.port).arg(p.protocol,
                                                                                p.targetPort);
            } else if constexpr (std::is_same_v<T, Pod>) {
                // The spec a manifest sets, as the API writes it (images, ports, probes, ...).
                text += QLatin1Char('|') + QString::fromStdString(apijson::toJson(o.spec).dump());
            } else if constexpr (std::is_same_v<T, PodDisruptionBudget>) {
                text += QStringLiteral("|%1|%2|%3|%4|%5")
                            .arg(o.spec.minAvailable.value_or(QStringLiteral("-")),
                                 o.spec.maxUnavailable.value_or(QStringLiteral("-")))
                            .arg(o.spec.hasSelector)
                            .arg(o.spec.selector.toString(), o.spec.unhealthyPodEvictionPolicy);
            } else if constexpr (std::is_same_v<T, Node>) {
                for (const Taint &t : o.taints)
                    text += QLatin1Char('|') + t.toString();
                text += QString::number(o.unschedulable);
            }
            return text;
        },
        object);
}

// What `kubectl apply` does with the live object before it sends the update: client-side apply
// merges the manifest into it, so what the API server and the controllers set and the manifest
// leaves out stays as it is. Ordinal keeps no last-applied-configuration, so it carries over
// exactly those fields (see docs/fidelity.md): a pod's node, a node's pod CIDR.
void mergeLive(AnyObject &object, const AnyObject &live)
{
    if (Pod *pod = std::get_if<Pod>(&object)) {
        if (pod->spec.nodeName.isEmpty())
            pod->spec.nodeName = std::get<Pod>(live).spec.nodeName;
    } else if (Node *node = std::get_if<Node>(&object)) {
        if (node->podCIDR.isEmpty())
            node->podCIDR = std::get<Node>(live).podCIDR;
    }
}

} // namespace

ApplyResult Simulation::apply(const QList<ManifestObject> &objects, bool create, bool dryRun)
{
    // Step 1: admit every object against the current store; nothing is written yet.
    ApplyResult result;
    QList<AnyObject> admitted;
    QList<std::optional<AnyObject>> previous;
    QSet<QString> newNamespaces;
    QSet<QString> claimedIPs;
    for (const ManifestObject &manifest : objects) {
        if (manifest.kind == ObjectKind::Namespace)
            newNamespaces.insert(metaOf(manifest.object).name);
    }
    for (const ManifestObject &manifest : objects) {
        AnyObject object = manifest.object;
        const apijson::ResourceInfo &names = apijson::resourceInfo(manifest.kind);
        const QString file = manifest.pos.file;
        // Namespaced objects without a namespace land in "default" (as admission defaults
        // them); the stored object they update is looked up there.
        ObjectMeta &objectMeta
            = std::visit([](auto &o) -> ObjectMeta & { return o.metadata; }, object);
        if (names.namespaced && objectMeta.namespaceName.isEmpty())
            objectMeta.namespaceName = QStringLiteral("default");
        std::optional<AnyObject> existing = existingOf(m_state.store, object);
        if (existing && !create)
            mergeLive(object, *existing);
        // The kubelet registers a node with its hostname label.
        if (Node *node = std::get_if<Node>(&object))
            node->metadata.labels.insert(QStringLiteral("kubernetes.io/hostname"),
                                         node->metadata.name);
        const FieldErrors invalid = Admission::admit(object, existing ? &*existing : nullptr);
        if (!invalid.isEmpty()) {
            result.errors << ApiStatus::invalid(names.group, invalid);
            continue;
        }
        const ObjectMeta &meta = metaOf(object);
        if (existing && create) {
            result.errors << ApiStatus::alreadyExists(names.plural, names.group, meta.name)
                                 .inFile(QStringLiteral("creating"), file, {});
            continue;
        }
        if (!meta.namespaceName.isEmpty() && !newNamespaces.contains(meta.namespaceName)
            && !m_state.store.find<Namespace>(meta.namespaceName)) {
            result.errors << ApiStatus::notFound(QStringLiteral("namespaces"), QString(),
                                                 meta.namespaceName)
                                 .inFile(create ? QStringLiteral("creating")
                                                : QStringLiteral("retrieving current "
                                                                 "configuration of"),
                                         file,
                                         Admission::fieldPosition(
                                             meta, QStringLiteral("metadata.namespace")));
            continue;
        }
        if (Service *service = std::get_if<Service>(&object)) {
            const bool needsIP = service->spec.type != QLatin1String("ExternalName")
                && !service->isHeadless();
            const QString own = existing ? std::get<Service>(*existing).spec.clusterIP : QString();
            if (needsIP && service->spec.clusterIP.isEmpty()) {
                service->spec.clusterIP
                    = own.isEmpty() ? allocateServiceIP(*service, claimedIPs) : own;
            } else if (needsIP && service->spec.clusterIP != own) {
                const QString ip = service->spec.clusterIP;
                const QString prefix =
                    m_config.serviceCidr.section(QLatin1Char('.'), 0, 1) + QLatin1Char('.');
                // As the API server's ClusterIP allocator (its words).
                QString problem;
                if (!ip.startsWith(prefix))
                    problem = QStringLiteral("failed to allocate IP %1: the provided IP (%1) is "
                                             "not in the valid range. The range of valid IPs is "
                                             "%2")
                                  .arg(ip, m_config.serviceCidr);
                else if (m_state.serviceIPs.contains(ip) || claimedIPs.contains(ip))
                    problem = QStringLiteral("failed to allocate IP %1: provided IP is already "
                                             "allocated")
                                  .arg(ip);
                if (!problem.isEmpty()) {
                    const FieldError error {
                        FieldErrorType::Invalid, QStringLiteral("spec.clusterIPs"),
                        QStringLiteral("[]string{\"%1\"}").arg(ip), problem,
                        Admission::fieldPosition(meta, QStringLiteral("spec.clusterIP"))
                    };
                    result.errors << ApiStatus::invalid(
                        names.group, FieldErrors { names.kindName, meta.name, { error } });
                    continue;
                }
            }
            claimedIPs.insert(service->spec.clusterIP);
        }
        const bool unchanged = existing && fingerprint(*existing) == fingerprint(object);
        result.applied << ApplyResult::Applied { manifest.kind, meta.namespaceName, meta.name,
                                                 unchanged
                                                     ? ApplyResult::Applied::Outcome::Unchanged
                                                     : existing
                                                     ? ApplyResult::Applied::Outcome::Configured
                                                     : ApplyResult::Applied::Outcome::Created };
        result.lines << QStringLiteral("%1/%2 %3")
                            .arg(names.qualifiedSingular(), meta.name,
                                 unchanged      ? QStringLiteral("unchanged")
                                     : existing ? QStringLiteral("configured")
                                                : QStringLiteral("created"));
        admitted << object;
        previous << existing;
    }
    if (!result.errors.isEmpty()) {
        QStringList texts;
        for (const ApiStatus &status : std::as_const(result.errors))
            texts << status.kubectlText();
        result.ok = false;
        result.error = texts.join(QLatin1Char('\n'));
        result.lines.clear();
        result.applied.clear();
        return result;
    }
    if (dryRun)
        return result;

    // Step 2: every object passed; commit them in order.
    const ActionScope scope
        = beginAction([objects, create](Simulation &sim) { sim.apply(objects, create); });
    for (qsizetype i = 0; i < admitted.size(); ++i) {
        AnyObject &object = admitted[i];
        const std::optional<AnyObject> &old = previous[i];
        if (result.applied[i].outcome == ApplyResult::Applied::Outcome::Unchanged)
            continue;
        std::visit(
            [&](auto &o) {
                using T = std::decay_t<decltype(o)>;
                if (old) {
                    const T &before = std::get<T>(*old);
                    o.metadata.uid = before.metadata.uid;
                    o.metadata.creationTimestamp = before.metadata.creationTimestamp;
                    o.metadata.generation = before.metadata.generation + 1;
                } else {
                    o.metadata.uid = newUid();
                    o.metadata.creationTimestamp = m_state.now;
                    o.metadata.generation = 1;
                }
                if constexpr (std::is_same_v<T, StatefulSet>) {
                    if (old)
                        o.status = std::get<T>(*old).status;
                    write(o);
                    enqueue(WorkKind::SyncStatefulSet, objectKey(o.metadata));
                } else if constexpr (std::is_same_v<T, Service>) {
                    if (old)
                        m_state.serviceIPs.remove(std::get<T>(*old).spec.clusterIP);
                    if (!o.spec.clusterIP.isEmpty() && !o.isHeadless())
                        m_state.serviceIPs.insert(o.spec.clusterIP);
                    write(o);
                    enqueue(WorkKind::SyncEndpoints, objectKey(o.metadata));
                } else if constexpr (std::is_same_v<T, Pod>) {
                    if (old) {
                        // Only images may change on a live pod; the kubelet restarts nothing
                        // in Ordinal's model, so keep the running status.
                        o.status = std::get<T>(*old).status;
                    } else {
                        o.status.phase = PodPhase::Pending;
                    }
                    write(o);
                } else if constexpr (std::is_same_v<T, Node>) {
                    if (old) {
                        const Node &before = std::get<T>(*old);
                        o.podCIDR = before.podCIDR;
                        o.internalIP = before.internalIP;
                        o.conditions = before.conditions;
                        o.images = before.images;
                    } else {
                        // As the node IPAM controller: the lowest pod CIDR no node holds.
                        QSet<QString> taken;
                        for (const Node &existing : m_state.store.all<Node>())
                            taken.insert(existing.podCIDR);
                        int index = 0;
                        while (taken.contains(QStringLiteral("%1.%2.0/24")
                                                  .arg(m_config.podCidrPrefix)
                                                  .arg(index)))
                            ++index;
                        o.podCIDR = QStringLiteral("%1.%2.0/24").arg(m_config.podCidrPrefix).arg(index);
                        o.internalIP = QStringLiteral("172.18.0.%1").arg(index + 2);
                        o.conditions << NodeCondition{
                            QStringLiteral("Ready"), QStringLiteral("True"), m_state.now,
                            m_state.now, QStringLiteral("KubeletReady"),
                            QStringLiteral("kubelet is posting ready status")};
                        m_state.nodes[o.metadata.name].lastHost = m_config.lastPreallocatedHost;
                    }
                    const auto setDefault = [&](const QString &resource, qint64 value,
                                                const QString &text) {
                        if (!o.capacity.contains(resource))
                            o.capacity.insert(resource, Quantity{value, text});
                        if (!o.allocatable.contains(resource))
                            o.allocatable.insert(resource, o.capacity.value(resource));
                    };
                    setDefault(QStringLiteral("cpu"), 2000, QStringLiteral("2"));
                    setDefault(QStringLiteral("memory"), 8LL << 30, QStringLiteral("8Gi"));
                    setDefault(QStringLiteral("pods"), 110, QStringLiteral("110"));
                    write(o);
                    retryPendingPods();
                } else if constexpr (std::is_same_v<T, PersistentVolumeClaim>) {
                    if (!old) {
                        if (o.spec.storageClassName.isEmpty())
                            o.spec.storageClassName = QStringLiteral("standard");
                        o.spec.volumeName = QStringLiteral("pvc-") + o.metadata.uid;
                        o.phase = QStringLiteral("Bound");
                        o.capacity = o.spec.storage;
                    }
                    write(o);
                } else if constexpr (std::is_same_v<T, PodDisruptionBudget>) {
                    if (old)
                        o.status = std::get<T>(*old).status;
                    write(o);
                    enqueue(WorkKind::SyncDisruption, objectKey(o.metadata));
                } else {
                    write(o);
                }
            },
            object);
    }
    return result;
}

} // namespace ordinal::core
