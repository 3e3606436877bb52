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
    QList<const Pod *> result;
    for (const Pod &pod : all<Pod>()) {
        if (pod.spec.nodeName == nodeName)
            result.append(&pod);
    }
    return result;
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
