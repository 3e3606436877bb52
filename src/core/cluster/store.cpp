#include "cluster/store.h"

#include <algorithm>

namespace ordinal::core {

namespace {

bool isPending(const Pod &pod)
{
    return pod.spec.nodeName.isEmpty() && !pod.metadata.isTerminating();
}

} // namespace

QString kindName(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Namespace:
        return QStringLiteral("Namespace");
    case ObjectKind::Node:
        return QStringLiteral("Node");
    case ObjectKind::Service:
        return QStringLiteral("Service");
    case ObjectKind::Endpoints:
        return QStringLiteral("Endpoints");
    case ObjectKind::StatefulSet:
        return QStringLiteral("StatefulSet");
    case ObjectKind::ControllerRevision:
        return QStringLiteral("ControllerRevision");
    case ObjectKind::Pod:
        return QStringLiteral("Pod");
    case ObjectKind::PersistentVolumeClaim:
        return QStringLiteral("PersistentVolumeClaim");
    case ObjectKind::PodDisruptionBudget:
        return QStringLiteral("PodDisruptionBudget");
    case ObjectKind::Event:
        break;
    }
    return QStringLiteral("Event");
}

QList<const Pod *> Store::podsMatching(const QString &namespaceName,
                                       const LabelSelector &selector) const
{
    QList<const Pod *> result;
    for (const Pod &pod : all<Pod>()) {
        if ((namespaceName.isEmpty() || pod.metadata.namespaceName == namespaceName)
            && selector.matches(pod.metadata.labels))
            result.append(&pod);
    }
    return result;
}

QStringList Store::pendingPods() const
{
    if (m_pendingCount == 0)
        return {};
    if (!m_pendingSorted) {
        QStringList keys;
        keys.reserve(m_pendingCount);
        const auto &pods = all<Pod>();
        for (auto it = pods.cbegin(); it != pods.cend(); ++it) {
            if (isPending(it.value()))
                keys.append(it.key());
        }
        Q_ASSERT(keys.size() == m_pendingCount);
        m_pendingSorted = std::move(keys);
    }
    return *m_pendingSorted;
}

QList<const Pod *> Store::podsOnNode(const QString &nodeName) const
{
    const NodeUsage &usage = nodeUsage(nodeName);
    QStringList keys(usage.podKeys.cbegin(), usage.podKeys.cend());
    keys.sort();
    QList<const Pod *> result;
    result.reserve(keys.size());
    for (const QString &key : std::as_const(keys))
        result.append(find<Pod>(key));
    return result;
}

int Store::usageSlot(const QString &nodeName)
{
    const auto it = m_usageSlot.constFind(nodeName);
    if (it != m_usageSlot.cend())
        return it.value();
    m_usage.append(NodeUsage());
    m_usageSlot.insert(nodeName, int(m_usage.size() - 1));
    return int(m_usage.size() - 1);
}

Store::Accounting Store::accountingOf(const Pod &pod)
{
    const OwnerReference *owner = pod.metadata.controllerRef();
    return Accounting{pod.spec.nodeName, pod.isTerminal(), owner ? owner->uid : QString(),
                      pod.spec.containers, isPending(pod)};
}

void Store::reaccount(const std::optional<Accounting> &before, const Pod &pod,
                      const QString &key)
{
    const Accounting after = accountingOf(pod);
    if (!before || !before->sameUsage(after)) {
        if (before)
            account(*before, key, -1);
        account(after, key, +1);
    }
    setPending(before && before->pending, after.pending);
}

void Store::account(const Accounting &pod, const QString &key, int sign)
{
    if (pod.nodeName.isEmpty())
        return;
    ++m_usageGeneration;
    NodeUsage &usage = m_usage[usageSlot(pod.nodeName)];
    if (sign > 0)
        usage.podKeys.insert(key);
    else
        usage.podKeys.remove(key);
    if (pod.terminal)
        return;
    usage.pods += sign;
    for (const Container &c : pod.containers) {
        usage.cpuMilli += sign * c.resources.requests.value(QStringLiteral("cpu")).value;
        usage.memoryBytes += sign * c.resources.requests.value(QStringLiteral("memory")).value;
    }
    if (!pod.ownerUid.isEmpty()) {
        auto known = m_ownerIds.constFind(pod.ownerUid);
        if (known == m_ownerIds.cend())
            known = m_ownerIds.insert(pod.ownerUid, int(m_ownerIds.size()));
        const int ownerId = known.value();
        const auto entry = std::find_if(usage.byOwner.begin(), usage.byOwner.end(),
                                        [&](const auto &e) { return e.first == ownerId; });
        if (entry == usage.byOwner.end())
            usage.byOwner.append({ownerId, sign});
        else if ((entry->second += sign) == 0)
            usage.byOwner.erase(entry);
    }
}

WatchEvent Store::makeEvent(WatchEventType type, ObjectKind kind, const QString &key,
                            std::shared_ptr<const AnyObject> object,
                            qint64 resourceVersion, Millis now)
{
    WatchEvent event;
    event.time = now;
    event.resourceVersion = resourceVersion;
    event.type = type;
    event.kind = kind;
    event.key = key;
    event.object = std::move(object);
    return event;
}

} // namespace ordinal::core
