#pragma once

#include "api/policy.h"
#include "api/types.h"

#include <QHash>
#include <QSet>

#include <memory>
#include <optional>
#include <tuple>
#include <type_traits>
#include <variant>

namespace ordinal::core {

enum class ObjectKind {
    Namespace,
    Node,
    Service,
    Endpoints,
    StatefulSet,
    ControllerRevision,
    Pod,
    PersistentVolumeClaim,
    Event,
    PodDisruptionBudget,
};

// Any stored object, for watch events and generic printing.
using AnyObject = std::variant<Namespace, Node, Service, Endpoints, StatefulSet,
                               ControllerRevision, Pod, PersistentVolumeClaim, Event,
                               PodDisruptionBudget>;

template<typename T>
constexpr ObjectKind kindOf();
template<> constexpr ObjectKind kindOf<Namespace>() { return ObjectKind::Namespace; }
template<> constexpr ObjectKind kindOf<Node>() { return ObjectKind::Node; }
template<> constexpr ObjectKind kindOf<Service>() { return ObjectKind::Service; }
template<> constexpr ObjectKind kindOf<Endpoints>() { return ObjectKind::Endpoints; }
template<> constexpr ObjectKind kindOf<StatefulSet>() { return ObjectKind::StatefulSet; }
template<> constexpr ObjectKind kindOf<ControllerRevision>()
{
    return ObjectKind::ControllerRevision;
}
template<> constexpr ObjectKind kindOf<Pod>() { return ObjectKind::Pod; }
template<> constexpr ObjectKind kindOf<PersistentVolumeClaim>()
{
    return ObjectKind::PersistentVolumeClaim;
}
template<> constexpr ObjectKind kindOf<Event>() { return ObjectKind::Event; }
template<> constexpr ObjectKind kindOf<PodDisruptionBudget>()
{
    return ObjectKind::PodDisruptionBudget;
}

QString kindName(ObjectKind kind); // "Pod", "StatefulSet", ...

// Calls f(std::type_identity<T>()) with the type T that stores objects of kind: the one place
// that turns a runtime kind into a type.
template<typename F>
decltype(auto) forKind(ObjectKind kind, F &&f)
{
    switch (kind) {
    case ObjectKind::Namespace: return f(std::type_identity<Namespace>());
    case ObjectKind::Node: return f(std::type_identity<Node>());
    case ObjectKind::Service: return f(std::type_identity<Service>());
    case ObjectKind::Endpoints: return f(std::type_identity<Endpoints>());
    case ObjectKind::StatefulSet: return f(std::type_identity<StatefulSet>());
    case ObjectKind::ControllerRevision: return f(std::type_identity<ControllerRevision>());
    case ObjectKind::Pod: return f(std::type_identity<Pod>());
    case ObjectKind::PersistentVolumeClaim: return f(std::type_identity<PersistentVolumeClaim>());
    case ObjectKind::PodDisruptionBudget: return f(std::type_identity<PodDisruptionBudget>());
    case ObjectKind::Event: break;
    }
    return f(std::type_identity<Event>());
}

enum class WatchEventType { Added, Modified, Deleted };

// One change to the store, with the object's state after the change (before it, for Deleted);
// a write's event has no object when nobody keeps it (see SimulationListener::wantsObjects).
struct WatchEvent
{
    Millis time = 0;
    qint64 resourceVersion = 0;
    WatchEventType type = WatchEventType::Added;
    ObjectKind kind = ObjectKind::Pod;
    QString key;
    std::shared_ptr<const AnyObject> object;

    template<typename T>
    const T *as() const
    {
        return object ? std::get_if<T>(object.get()) : nullptr;
    }
};

// What the scheduler needs to know about a node without walking its pods: the pods bound to
// it that are not terminal, their summed requests, and how many belong to each owner.
struct NodeUsage
{
    int pods = 0;
    qint64 cpuMilli = 0;
    qint64 memoryBytes = 0;
    QList<std::pair<int, int>> byOwner; // (owner id, pods); a node hosts few owners
    QSet<QString> podKeys;              // every pod bound to the node, terminal or not

    int podsOf(int ownerId) const
    {
        for (const auto &[id, count] : byOwner) {
            if (id == ownerId)
                return count;
        }
        return 0;
    }
};

// The API server's object store: typed maps keyed by "namespace/name", ordered, so every
// iteration is deterministic. Each write bumps the global resourceVersion and returns the
// WatchEvent describing it; the Store itself keeps no history (Simulation does).
// The Store is a value type: copying it is how checkpoints are taken.
class Store
{
public:
    template<typename T>
    const QMap<QString, T> &all() const
    {
        return std::get<QMap<QString, T>>(m_maps);
    }

    template<typename T>
    const T *find(const QString &key) const
    {
        const auto &index = std::get<Index<T>>(m_index);
        const auto it = index.constFind(key);
        return it == index.cend() ? nullptr : it.value();
    }

    template<typename T>
    const T *find(const QString &namespaceName, const QString &name) const
    {
        return find<T>(objectKey(namespaceName, name));
    }

    // Objects of kind T in one namespace (all namespaces when namespaceName is empty).
    template<typename T>
    QList<const T *> list(const QString &namespaceName = {}) const
    {
        QList<const T *> result;
        for (const T &object : all<T>()) {
            if (namespaceName.isEmpty() || object.metadata.namespaceName == namespaceName)
                result.append(&object);
        }
        return result;
    }

    // Objects of kind T whose key starts with keyPrefix, in key order: a range of the ordered
    // map, so its cost follows the objects found rather than every object of the kind (a
    // StatefulSet's revisions are "<namespace>/<set>-<hash>").
    template<typename T>
    QList<const T *> listByKeyPrefix(const QString &keyPrefix) const
    {
        QList<const T *> result;
        const auto &map = all<T>();
        for (auto it = map.lowerBound(keyPrefix); it != map.cend() && it.key().startsWith(keyPrefix);
             ++it)
            result.append(&it.value());
        return result;
    }

    // Creates or replaces the object; sets resourceVersion. Returns the event, with a copy of
    // the object unless withObject is false (nobody keeps it); *stored, when asked, is the
    // object as stored. knownKey, when not empty, is the object's key (callers that have it
    // spare building it again).
    template<typename T>
    WatchEvent put(T object, Millis now, const QString &knownKey = {}, bool withObject = true,
                   const T **storedOut = nullptr)
    {
        auto &map = writable<T>();
        auto &index = std::get<Index<T>>(m_index);
        const QString key = knownKey.isEmpty() ? objectKey(object.metadata) : knownKey;
        Q_ASSERT(key == objectKey(object.metadata));
        object.metadata.resourceVersion = ++m_resourceVersion;
        T *stored = index.value(key);
        const bool existed = stored != nullptr;
        if constexpr (std::is_same_v<T, Pod>) {
            reaccount(existed ? std::optional(accountingOf(*stored)) : std::nullopt, object, key);
        }
        if constexpr (std::is_same_v<T, Node>) {
            ++m_nodeGeneration;
            usageSlot(key);
        }
        if (existed) {
            *stored = std::move(object);
        } else {
            stored = &map.insert(key, std::move(object)).value();
            index.insert(key, stored);
        }
        return written(existed ? WatchEventType::Modified : WatchEventType::Added, key, stored,
                       withObject, storedOut, now);
    }

    // Changes the stored object in place (it must exist) and sets its resourceVersion: the
    // object is neither copied nor rebuilt, and the lists it owns alone are changed where they
    // are. change is called with the object and must not touch the store nor change the key.
    // Returns the event as put does; *storedOut, when asked, is the object as stored.
    template<typename T, typename Change>
    WatchEvent update(const QString &key, Millis now, bool withObject, const Change &change,
                      const T **storedOut = nullptr)
    {
        writable<T>();
        T *stored = std::get<Index<T>>(m_index).value(key);
        Q_ASSERT(stored);
        if constexpr (std::is_same_v<T, Pod>) {
            const Accounting before = accountingOf(*stored);
            change(*stored);
            reaccount(before, *stored, key);
        } else {
            change(*stored);
        }
        Q_ASSERT(key == objectKey(stored->metadata));
        stored->metadata.resourceVersion = ++m_resourceVersion;
        if constexpr (std::is_same_v<T, Node>)
            ++m_nodeGeneration;
        return written(WatchEventType::Modified, key, stored, withObject, storedOut, now);
    }

    // Removes the object. Returns the Deleted event, or an event with no object when absent.
    template<typename T>
    WatchEvent remove(const QString &key, Millis now)
    {
        auto &map = writable<T>();
        const auto it = map.find(key);
        if (it == map.end())
            return {};
        T last = std::move(it.value());
        map.erase(it);
        std::get<Index<T>>(m_index).remove(key);
        if constexpr (std::is_same_v<T, Pod>) {
            const Accounting before = accountingOf(last);
            account(before, key, -1);
            setPending(before.pending, false);
        }
        if constexpr (std::is_same_v<T, Node>)
            ++m_nodeGeneration;
        last.metadata.resourceVersion = ++m_resourceVersion;
        return makeEvent(WatchEventType::Deleted, kindOf<T>(), key,
                         std::make_shared<const AnyObject>(std::in_place_type<T>, std::move(last)),
                         m_resourceVersion, now);
    }

    qint64 resourceVersion() const { return m_resourceVersion; }

    // Pods that a selector matches in a namespace, ordered by key.
    QList<const Pod *> podsMatching(const QString &namespaceName,
                                    const LabelSelector &selector) const;
    // Keys of the pods waiting for a node (not bound, not being deleted), ordered.
    QStringList pendingPods() const;
    // Pods bound to a node, ordered by key.
    QList<const Pod *> podsOnNode(const QString &nodeName) const;
    // Scheduler cache for a node (empty usage for unknown nodes).
    const NodeUsage &nodeUsage(const QString &nodeName) const
    {
        static const NodeUsage empty;
        const auto it = m_usageSlot.constFind(nodeName);
        return it == m_usageSlot.cend() ? empty : m_usage.at(it.value());
    }
    // The same by slot: every node in the store has one, fixed for the store's lifetime, so
    // the scheduler can keep slots instead of looking names up for every pod.
    int nodeUsageSlot(const QString &nodeName) const { return m_usageSlot.value(nodeName, -1); }
    const NodeUsage &nodeUsageAt(int slot) const { return m_usage.at(slot); }
    // A small integer for a controller uid (-1 when no pod of it was ever bound).
    int ownerId(const QString &uid) const { return m_ownerIds.value(uid, -1); }
    // Bumps whenever a node is written or removed.
    qint64 nodeGeneration() const { return m_nodeGeneration; }
    // Bumps whenever a node's usage changes.
    qint64 usageGeneration() const { return m_usageGeneration; }

private:
    // The map of kind T, about to be changed. A copy of the store (a checkpoint) shares the
    // maps; the first change after copying gives this store its own map, and the index of its
    // objects is rebuilt to point into it.
    template<typename T>
    QMap<QString, T> &writable()
    {
        auto &map = std::get<QMap<QString, T>>(m_maps);
        if (!map.isDetached()) {
            map.detach();
            auto &index = std::get<Index<T>>(m_index);
            index.clear();
            index.reserve(map.size());
            for (auto it = map.begin(); it != map.end(); ++it)
                index.insert(it.key(), &it.value());
        }
        return map;
    }

    // What a pod adds to its node's usage and the pending count; a change that leaves it as it
    // was (most status writes) touches neither.
    struct Accounting
    {
        QString nodeName;
        bool terminal = false;
        QString ownerUid;
        QList<Container> containers; // shared with the pod: compared by identity
        bool pending = false;

        bool sameUsage(const Accounting &other) const
        {
            return nodeName == other.nodeName && terminal == other.terminal
                && ownerUid == other.ownerUid
                && containers.constData() == other.containers.constData();
        }
    };
    static Accounting accountingOf(const Pod &pod);
    // Moves the pod's share of usage and pending from before (nothing when it is new) to pod.
    void reaccount(const std::optional<Accounting> &before, const Pod &pod, const QString &key);
    void account(const Accounting &pod, const QString &key, int sign);
    // Counts a pod that starts or stops waiting for a node, and forgets the list of them.
    void setPending(bool wasPending, bool pending)
    {
        if (wasPending == pending)
            return;
        m_pendingCount += pending ? 1 : -1;
        m_pendingSorted.reset();
    }
    int usageSlot(const QString &nodeName);
    // The event of a write that stored the object at stored, with a copy of it when asked.
    template<typename T>
    WatchEvent written(WatchEventType type, const QString &key, const T *stored,
                       bool withObject, const T **storedOut, Millis now) const
    {
        if (storedOut)
            *storedOut = stored;
        return makeEvent(type, kindOf<T>(), key,
                         withObject
                             ? std::make_shared<const AnyObject>(std::in_place_type<T>, *stored)
                             : nullptr,
                         m_resourceVersion, now);
    }
    static WatchEvent makeEvent(WatchEventType type, ObjectKind kind, const QString &key,
                                std::shared_ptr<const AnyObject> object,
                                qint64 resourceVersion, Millis now);

    std::tuple<QMap<QString, Namespace>, QMap<QString, Node>, QMap<QString, Service>,
               QMap<QString, Endpoints>, QMap<QString, StatefulSet>,
               QMap<QString, ControllerRevision>, QMap<QString, Pod>,
               QMap<QString, PersistentVolumeClaim>, QMap<QString, Event>,
               QMap<QString, PodDisruptionBudget>>
        m_maps;
    // Each map's objects by key: finding one by key does not walk the ordered map (pods are
    // found by key several times per change). Points into the map this store owns.
    template<typename T>
    using Index = QHash<QString, T *>;
    std::tuple<Index<Namespace>, Index<Node>, Index<Service>, Index<Endpoints>,
               Index<StatefulSet>, Index<ControllerRevision>, Index<Pod>,
               Index<PersistentVolumeClaim>, Index<Event>, Index<PodDisruptionBudget>>
        m_index;
    qint64 m_resourceVersion = 0;
    qint64 m_nodeGeneration = 0;
    qint64 m_usageGeneration = 0;
    QHash<QString, int> m_usageSlot; // node name -> index in m_usage
    QList<NodeUsage> m_usage;
    // Pods waiting for a node: how many, and their keys in order, listed when first asked
    // after a change. Every pod of a set waits for a moment, but the list is only wanted when
    // pods go away (room may have appeared), so the pods are not tracked one by one.
    int m_pendingCount = 0;
    mutable std::optional<QStringList> m_pendingSorted;
    QHash<QString, int> m_ownerIds;  // controller uid -> id in NodeUsage::byOwner
};

} // namespace ordinal::core
