#include "cluster/store.h"

namespace ordinal::core {

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
    case ObjectKind::Event:
        break;
    }
    return QStringLiteral("Event");
}

QList<const Pod *> Store::podsMatching(const QString &namespaceName,
                                       const LabelSelector &selector) const
{
    QList<const Pod *> result;
    for (const Pod *pod : list<Pod>(namespaceName)) {
        if (selector.matches(pod->metadata.labels))
            result.append(pod);
    }
    return result;
}

QList<const Pod *> Store::podsOnNode(const QString &nodeName) const
{
    const auto usage = m_usage.constFind(nodeName);
    if (usage == m_usage.cend())
        return {};
    QStringList keys(usage->podKeys.cbegin(), usage->podKeys.cend());
    keys.sort();
    QList<const Pod *> result;
    result.reserve(keys.size());
    for (const QString &key : std::as_const(keys))
        result.append(find<Pod>(key));
    return result;
}

void Store::account(const Pod &pod, int sign)
{
    if (pod.spec.nodeName.isEmpty())
        return;
    NodeUsage &usage = m_usage[pod.spec.nodeName];
    const QString key = objectKey(pod.metadata);
    if (sign > 0)
        usage.podKeys.insert(key);
    else
        usage.podKeys.remove(key);
    if (pod.isTerminal())
        return;
    usage.pods += sign;
    for (const Container &c : pod.spec.containers) {
        usage.cpuMilli += sign * c.resources.requests.value(QStringLiteral("cpu")).value;
        usage.memoryBytes += sign * c.resources.requests.value(QStringLiteral("memory")).value;
    }
    if (const OwnerReference *owner = pod.metadata.controllerRef()) {
        int &count = usage.byOwner[owner->uid];
        count += sign;
        if (count == 0)
            usage.byOwner.remove(owner->uid);
    }
}

WatchEvent Store::makeEvent(WatchEventType type, ObjectKind kind, const QString &key,
                            AnyObject object, Millis now)
{
    WatchEvent event;
    event.time = now;
    event.type = type;
    event.kind = kind;
    event.key = key;
    event.object = std::make_shared<const AnyObject>(std::move(object));
    event.resourceVersion = std::visit(
        [](const auto &o) { return o.metadata.resourceVersion; }, *event.object);
    return event;
}

} // namespace ordinal::core
