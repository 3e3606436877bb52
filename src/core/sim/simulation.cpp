#include "sim/simulation.h"

#include "controllers/disruptioncontroller.h"
#include "controllers/endpointscontroller.h"
#include "controllers/kubelet.h"
#include "controllers/nodelifecyclecontroller.h"
#include "controllers/scheduler.h"
#include "controllers/statefulsetcontroller.h"

#include <QStringBuilder>

#include <algorithm>

namespace ordinal::core {

namespace {

// Checkpoint after this many new watch events, so that replaying to any past time stays short.
constexpr qsizetype kCheckpointEvents = 400;

std::pair<int, QString> syncKey(WorkKind kind, const QString &key)
{
    return {int(kind), key};
}

ObjectMeta systemMeta(const QString &ns, const QString &name, Simulation &sim)
{
    ObjectMeta meta;
    meta.name = name;
    meta.namespaceName = ns;
    meta.uid = sim.newUid();
    // The cluster existed before the lesson starts: its nodes and system objects are older.
    meta.creationTimestamp = -10 * 24 * kHour;
    return meta;
}

} // namespace

Simulation::Simulation(const ClusterConfig &config)
    : m_config(config)
{
    bootstrap();
}

Simulation::~Simulation() = default;

qsizetype Simulation::objectCount() const
{
    const Store &s = m_state.store;
    return s.all<Pod>().size() + s.all<PersistentVolumeClaim>().size() + s.all<Service>().size()
        + s.all<StatefulSet>().size() + s.all<Node>().size() + s.all<Namespace>().size();
}

QString Simulation::newUid()
{
    // The API server hands out random v4 UUIDs; Ordinal derives them from a counter with a
    // 64-bit mixer (splitmix64), so they look random but are the same on every run.
    const auto mix = [](quint64 x) {
        x += 0x9e3779b97f4a7c15ULL;
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    };
    const quint64 counter = quint64(++m_state.uidCounter);
    const quint64 high = (mix(counter) & ~0xf000ULL) | 0x4000ULL; // version 4
    const quint64 low = (mix(counter ^ 0x6a09e667f3bcc909ULL) & 0x3fffffffffffffffULL)
        | 0x8000000000000000ULL; // RFC 4122 variant
    static constexpr char digits[] = "0123456789abcdef";
    QString uid(36, Qt::Uninitialized);
    QChar *out = uid.data();
    int pos = 0;
    const auto put = [&](quint64 value, int nibbles) {
        for (int i = nibbles - 1; i >= 0; --i)
            out[pos++] = QLatin1Char(digits[(value >> (4 * i)) & 0xf]);
    };
    put(high >> 32, 8);
    out[pos++] = QLatin1Char('-');
    put(high >> 16, 4);
    out[pos++] = QLatin1Char('-');
    put(high, 4);
    out[pos++] = QLatin1Char('-');
    put(low >> 48, 4);
    out[pos++] = QLatin1Char('-');
    put(low, 12);
    return uid;
}

void Simulation::bootstrap()
{
    if (m_config.observeOnly) {
        m_checkpoints.append(Checkpoint{0, m_state, 0, 0, 0});
        return;
    }
    for (const QString &name : {QStringLiteral("default"), QStringLiteral("kube-node-lease"),
                                QStringLiteral("kube-public"), QStringLiteral("kube-system")}) {
        Namespace ns;
        ns.metadata = systemMeta({}, name, *this);
        ns.metadata.labels.insert(QStringLiteral("kubernetes.io/metadata.name"), name);
        write(ns);
    }
    int index = 0;
    for (const NodeTemplate &tmpl : std::as_const(m_config.nodes)) {
        Node node;
        node.metadata = systemMeta({}, tmpl.name, *this);
        node.metadata.labels = tmpl.labels;
        node.metadata.labels.insert(QStringLiteral("kubernetes.io/hostname"), tmpl.name);
        node.metadata.labels.insert(QStringLiteral("kubernetes.io/os"), QStringLiteral("linux"));
        node.metadata.labels.insert(QStringLiteral("kubernetes.io/arch"), QStringLiteral("amd64"));
        node.taints = tmpl.taints;
        node.podCIDR = QStringLiteral("%1.%2.0/24").arg(m_config.podCidrPrefix).arg(index);
        node.internalIP = QStringLiteral("172.18.0.%1").arg(index + 2);
        const auto quantity = [](qint64 value, const QString &text) {
            return Quantity{value, text};
        };
        bool cpuIsCores = false;
        const qint64 cores = tmpl.cpu.toLongLong(&cpuIsCores);
        const qint64 cpuMilli = cpuIsCores ? cores * 1000 : tmpl.cpu.chopped(1).toLongLong();
        qint64 memory = 8LL << 30;
        if (tmpl.memory.endsWith(QLatin1String("Gi")))
            memory = tmpl.memory.chopped(2).toLongLong() << 30;
        else if (tmpl.memory.endsWith(QLatin1String("Mi")))
            memory = tmpl.memory.chopped(2).toLongLong() << 20;
        node.capacity.insert(QStringLiteral("cpu"), quantity(cpuMilli, tmpl.cpu));
        node.capacity.insert(QStringLiteral("memory"), quantity(memory, tmpl.memory));
        node.capacity.insert(QStringLiteral("pods"),
                             quantity(tmpl.pods, QString::number(tmpl.pods)));
        node.allocatable = node.capacity;
        node.conditions << NodeCondition{QStringLiteral("Ready"), QStringLiteral("True"), 0, 0,
                                         QStringLiteral("KubeletReady"),
                                         QStringLiteral("kubelet is posting ready status")};
        m_state.nodes[tmpl.name].lastHost = m_config.lastPreallocatedHost;
        write(node);
        ++index;
    }
    // The API server's own Service and cluster DNS, as every cluster has them.
    Service kubernetes;
    kubernetes.metadata = systemMeta(QStringLiteral("default"), QStringLiteral("kubernetes"), *this);
    kubernetes.metadata.labels = {{QStringLiteral("component"), QStringLiteral("apiserver")},
                                  {QStringLiteral("provider"), QStringLiteral("kubernetes")}};
    const QString servicePrefix = m_config.serviceCidr.section(QLatin1Char('.'), 0, 2);
    kubernetes.spec.clusterIP = servicePrefix + QStringLiteral(".1");
    kubernetes.spec.ports << ServicePort{QStringLiteral("https"), QStringLiteral("TCP"), 443,
                                         QStringLiteral("6443"), 0};
    m_state.serviceIPs.insert(kubernetes.spec.clusterIP);
    write(kubernetes);
    Endpoints apiserver;
    apiserver.metadata = systemMeta(QStringLiteral("default"), QStringLiteral("kubernetes"), *this);
    if (const Node *first = m_state.store.all<Node>().isEmpty()
            ? nullptr
            : &m_state.store.all<Node>().first())
        apiserver.addresses << EndpointAddress{first->internalIP, {}, {}, {}};
    apiserver.ports << EndpointPort{QStringLiteral("https"), 6443, QStringLiteral("TCP")};
    write(apiserver);

    Service dns;
    dns.metadata = systemMeta(QStringLiteral("kube-system"), QStringLiteral("kube-dns"), *this);
    dns.metadata.labels = {{QStringLiteral("k8s-app"), QStringLiteral("kube-dns")},
                           {QStringLiteral("kubernetes.io/name"), QStringLiteral("CoreDNS")}};
    dns.spec.clusterIP = m_config.dnsServiceIP;
    dns.spec.ports << ServicePort{QStringLiteral("dns"), QStringLiteral("UDP"), 53,
                                  QStringLiteral("53"), 0}
                   << ServicePort{QStringLiteral("dns-tcp"), QStringLiteral("TCP"), 53,
                                  QStringLiteral("53"), 0}
                   << ServicePort{QStringLiteral("metrics"), QStringLiteral("TCP"), 9153,
                                  QStringLiteral("9153"), 0};
    m_state.serviceIPs.insert(dns.spec.clusterIP);
    write(dns);

    m_checkpoints.append(Checkpoint{0, m_state, m_events.size(), m_decisions.size(), 0});
}

// --- time ------------------------------------------------------------------------------------

void Simulation::enqueue(WorkKind kind, const QString &key, Millis delay, int step,
                         const QString &uid, qint64 token)
{
    if (m_config.observeOnly)
        return; // a live view runs no controllers: the real cluster's do the work
    const bool isSync = kind == WorkKind::SyncStatefulSet || kind == WorkKind::SyncEndpoints
        || kind == WorkKind::SchedulePod || kind == WorkKind::SyncDisruption;
    if (isSync && delay == 0) {
        // One pending controller sync per object at a time is enough: it reads fresh state.
        const auto id = syncKey(kind, key);
        const qsizetype before = m_state.queuedSyncs.size();
        m_state.queuedSyncs.insert(id);
        if (m_state.queuedSyncs.size() == before)
            return;
    }
    WorkItem item;
    item.time = m_state.now + std::max<Millis>(delay, 0);
    item.seq = ++m_state.seq;
    item.kind = kind;
    item.key = key;
    item.uid = uid;
    item.step = step;
    item.token = token;
    m_state.queue.push(std::move(item));
}

void Simulation::queueSync(WorkKind kind, const QString &ns, const QString &name)
{
    QueuedSync &last = m_lastSync[kind == WorkKind::SyncStatefulSet ? 0 : 1];
    if (last.queued && last.name == name && last.ns == ns)
        return;
    enqueue(kind, objectKey(ns, name));
    last = QueuedSync{ns, name, true};
}

void Simulation::clearDerived()
{
    m_schedulerCache.clear();
    m_lastSync = {};
}

std::optional<Millis> Simulation::nextWorkTime() const
{
    if (m_state.queue.isEmpty())
        return std::nullopt;
    return m_state.queue.nextTime();
}

void Simulation::advanceTo(Millis t)
{
    while (!m_state.queue.isEmpty() && m_state.queue.nextTime() <= t) {
        const WorkItem item = m_state.queue.pop();
        m_state.now = std::max(m_state.now, item.time);
        dispatch(item);
    }
    if (t > m_state.now)
        m_state.now = t;
    maybeCheckpoint();
    if (!m_replaying) {
        for (SimulationListener *listener : std::as_const(m_listeners))
            listener->timeChanged(m_state.now);
    }
}

bool Simulation::advanceUntilSettled(Millis bound)
{
    while (!m_state.queue.isEmpty()) {
        const Millis next = m_state.queue.nextTime();
        if (next > bound) {
            advanceTo(bound);
            return false;
        }
        advanceTo(next);
    }
    return true;
}

void Simulation::dispatch(const WorkItem &item)
{
    const ActionScope scope(this);
    switch (item.kind) {
    case WorkKind::SyncStatefulSet:
        m_state.queuedSyncs.remove(syncKey(item.kind, item.key));
        m_lastSync[0].queued = false;
        StatefulSetController::sync(*this, item.key);
        break;
    case WorkKind::SyncEndpoints:
        m_state.queuedSyncs.remove(syncKey(item.kind, item.key));
        m_lastSync[1].queued = false;
        EndpointsController::sync(*this, item.key);
        break;
    case WorkKind::SchedulePod:
        m_state.queuedSyncs.remove(syncKey(item.kind, item.key));
        Scheduler::schedule(*this, item.key);
        break;
    case WorkKind::KubeletStep:
        Kubelet::step(*this, item);
        break;
    case WorkKind::NodeLifecycle:
        NodeLifecycleController::step(*this, item);
        break;
    case WorkKind::SyncDisruption:
        m_state.queuedSyncs.remove(syncKey(item.kind, item.key));
        DisruptionController::sync(*this, item.key);
        break;
    }
}

void Simulation::podChanged(const WatchEvent &event, const Pod &pod)
{
    if (m_config.observeOnly)
        return;
    const QString &key = event.key;
    const QString &ns = pod.metadata.namespaceName;
    if (const OwnerReference *owner = pod.metadata.controllerRef();
        owner && owner->kind == QLatin1String("StatefulSet")) {
        queueSync(WorkKind::SyncStatefulSet, ns, owner->name);
    } else {
        // An orphan may be adopted by a set whose selector matches it.
        for (const StatefulSet &set : m_state.store.all<StatefulSet>()) {
            if (set.metadata.namespaceName == ns && set.spec.selector.matches(pod.metadata.labels))
                enqueue(WorkKind::SyncStatefulSet, objectKey(set.metadata));
        }
    }
    for (const Service &service : m_state.store.all<Service>()) {
        if (service.metadata.namespaceName != ns || service.spec.selector.isEmpty())
            continue;
        if (LabelSelector::matchesLabels(service.spec.selector, pod.metadata.labels))
            queueSync(WorkKind::SyncEndpoints, ns, service.metadata.name);
    }
    // The budgets that select the pod recount (none in most namespaces: nothing is queued).
    for (const PodDisruptionBudget *pdb : m_state.store.list<PodDisruptionBudget>(ns)) {
        if (pdb->spec.hasSelector && pdb->spec.selector.matches(pod.metadata.labels))
            enqueue(WorkKind::SyncDisruption, objectKey(pdb->metadata));
    }
    if (event.type != WatchEventType::Deleted) {
        if (pod.spec.nodeName.isEmpty() && !pod.metadata.isTerminating())
            enqueue(WorkKind::SchedulePod, key);
    } else {
        // A pod went away: pods waiting for room may fit now.
        retryPendingPods();
        // Garbage collection: claims owned by the pod (whenScaled: Delete) go with it.
        QStringList claims;
        for (const PersistentVolumeClaim *pvc :
             m_state.store.list<PersistentVolumeClaim>(pod.metadata.namespaceName)) {
            const OwnerReference *owner = pvc->metadata.controllerRef();
            if (owner && owner->uid == pod.metadata.uid)
                claims << objectKey(pvc->metadata);
        }
        for (const QString &claim : std::as_const(claims))
            erase<PersistentVolumeClaim>(claim);
    }
}

void Simulation::retryPendingPods()
{
    const QStringList pending = m_state.store.pendingPods();
    for (const QString &key : pending)
        enqueue(WorkKind::SchedulePod, key);
}

// --- addresses -------------------------------------------------------------------------------

QString Simulation::allocatePodIP(const QString &nodeName)
{
    const Node *node = m_state.store.find<Node>(nodeName);
    if (!node)
        return {};
    NodeRuntime &runtime = m_state.nodes[nodeName];
    const QStringView prefix = QStringView(node->podCIDR).left(node->podCIDR.lastIndexOf(QLatin1Char('.')));
    // host-local IPAM: the next free address after the last one handed out, wrapping at .254.
    for (int attempt = 0; attempt < 253; ++attempt) {
        runtime.lastHost = runtime.lastHost >= 254 ? 2 : runtime.lastHost + 1;
        if (!runtime.usedHosts.contains(runtime.lastHost)) {
            runtime.usedHosts.insert(runtime.lastHost);
            const QString host = QString::number(runtime.lastHost);
            QString ip;
            ip.reserve(prefix.size() + 1 + host.size());
            return ip.append(prefix).append(QLatin1Char('.')).append(host);
        }
    }
    return {};
}

void Simulation::releasePodIP(const QString &nodeName, const QString &ip)
{
    const auto node = m_state.nodes.find(nodeName);
    if (ip.isEmpty() || node == m_state.nodes.end())
        return;
    node->usedHosts.remove(QStringView(ip).sliced(ip.lastIndexOf(QLatin1Char('.')) + 1).toInt());
}

QString Simulation::allocateServiceIP(const Service &service, const QSet<QString> &claimed) const
{
    // The API server picks a random free address; Ordinal derives it from the Service's name
    // (FNV-1a), so it looks random but is the same on every run.
    const QStringList base = m_config.serviceCidr.section(QLatin1Char('/'), 0, 0).split(
        QLatin1Char('.'));
    quint32 hash = 2166136261u;
    for (const char c : objectKey(service.metadata).toUtf8()) {
        hash ^= static_cast<quint8>(c);
        hash *= 16777619u;
    }
    for (quint32 i = 0; i < 65536; ++i) {
        const quint32 offset = (hash + i * 7919u) % 65000u + 20u;
        const QString ip = QStringLiteral("%1.%2.%3.%4")
                               .arg(base.value(0), base.value(1))
                               .arg(offset / 256)
                               .arg(offset % 256);
        if (offset % 256 != 0 && offset % 256 != 255 && !m_state.serviceIPs.contains(ip)
            && !claimed.contains(ip))
            return ip;
    }
    return {};
}

// --- records ---------------------------------------------------------------------------------

void Simulation::emitEvent(const WatchEvent &event)
{
    if (m_recordHistory && !m_replaying)
        m_events.append(event);
    if (!m_replaying) {
        for (SimulationListener *listener : std::as_const(m_listeners))
            listener->watchEvent(event);
    }
}

void Simulation::decide(const QString &controller, const QString &objectKind,
                        const QString &objectKey, const QString &subject, const QString &message)
{
    const QString id = objectKey % QLatin1Char('|') % subject;
    const auto last = m_state.lastDecision.find(id);
    if (last != m_state.lastDecision.end()) {
        if (last.value() == message)
            return;
        last.value() = message;
    } else {
        m_state.lastDecision.insert(id, message);
    }
    const Decision decision{m_state.now, controller, objectKind, objectKey, subject, message};
    if (m_recordHistory && !m_replaying)
        m_decisions.append(decision);
    if (!m_replaying) {
        for (SimulationListener *listener : std::as_const(m_listeners))
            listener->decisionMade(decision);
    }
}

void Simulation::recordEvent(const ObjectReference &object, const QString &type,
                             const QString &reason, const QString &message,
                             const QString &source)
{
    if (!m_recordHistory)
        return; // benchmarks: Event objects are history too
    const QChar bar(QLatin1Char('|'));
    const QString aggregate =
        object.uid % bar % type % bar % reason % bar % message % bar % source; // one allocation
    if (const QString existing = m_state.eventIndex.value(aggregate); !existing.isEmpty()) {
        if (const Event *found = m_state.store.find<Event>(existing)) {
            Event event = *found;
            ++event.count;
            event.lastTimestamp = m_state.now;
            write(event);
            return;
        }
    }
    Event event;
    // Event names are "<object>.<hex timestamp>" as the recorder makes them, so that the
    // store's name order is per object, then by time — what `kubectl get events` shows.
    const qint64 nanos = 1767225600000000000LL + m_state.now * 1000000LL + (++m_state.eventCounter);
    event.metadata.name = object.name % QLatin1Char('.') % QString::number(nanos, 16);
    event.metadata.namespaceName =
        object.namespaceName.isEmpty() ? QStringLiteral("default") : object.namespaceName;
    event.metadata.uid = newUid();
    event.metadata.creationTimestamp = m_state.now;
    event.involvedObject = object;
    event.type = type;
    event.reason = reason;
    event.message = message;
    event.source = source;
    event.firstTimestamp = m_state.now;
    event.lastTimestamp = m_state.now;
    m_state.eventIndex.insert(aggregate, objectKey(event.metadata));
    write(event);
}

// --- history ---------------------------------------------------------------------------------

Simulation::ActionScope Simulation::beginAction(std::function<void(Simulation &)> action)
{
    // Only the outermost call is a user action; what it (or a controller) calls is not.
    if (m_depth == 0 && !m_replaying && m_recordHistory)
        m_actions.append(Action{m_state.now, std::move(action), m_events.size(),
                                m_decisions.size()});
    return ActionScope(this);
}

void Simulation::maybeCheckpoint()
{
    if (m_replaying || !m_recordHistory)
        return;
    // A checkpoint shares the store's maps; the next write copies them once. Spacing
    // checkpoints by at least the number of pods keeps that copying linear overall.
    const Checkpoint &last = m_checkpoints.last();
    const qsizetype spacing = std::max(kCheckpointEvents, m_state.store.all<Pod>().size());
    if (m_events.size() - last.events < spacing || last.time == m_state.now)
        return;
    m_checkpoints.append(Checkpoint{m_state.now, m_state, m_events.size(), m_decisions.size(),
                                    m_actions.size()});
}

std::unique_ptr<Simulation> Simulation::replayTo(Millis t, qsizetype actionLimit) const
{
    if (actionLimit < 0)
        actionLimit = m_actions.size();
    auto checkpoint = std::find_if(m_checkpoints.crbegin(), m_checkpoints.crend(),
                                   [&](const Checkpoint &c) {
                                       return c.time <= t && c.actions <= actionLimit;
                                   });
    if (checkpoint == m_checkpoints.crend())
        checkpoint = std::prev(m_checkpoints.crend());
    auto replay = std::unique_ptr<Simulation>(new Simulation(m_config));
    replay->m_replaying = true;
    replay->m_state = checkpoint->state;
    replay->clearDerived();
    for (qsizetype i = checkpoint->actions; i < actionLimit; ++i) {
        const Action &action = m_actions[i];
        if (action.time > t)
            break;
        replay->advanceTo(action.time);
        action.run(*replay);
    }
    replay->advanceTo(t);
    return replay;
}

Store Simulation::storeAt(Millis t) const
{
    if (t >= m_state.now)
        return m_state.store;
    return replayTo(t)->m_state.store;
}

void Simulation::rewindTo(Millis t)
{
    if (t >= m_state.now)
        return;
    std::unique_ptr<Simulation> replay = replayTo(t);
    m_state = replay->m_state;
    clearDerived();
    const auto after = [t](const auto &entry) { return entry.time > t; };
    m_events.removeIf(after);
    m_decisions.removeIf(after);
    m_actions.removeIf(after);
    m_checkpoints.removeIf(after);
    if (m_checkpoints.isEmpty())
        m_checkpoints.append(Checkpoint{t, m_state, m_events.size(), m_decisions.size(),
                                        m_actions.size()});
    for (SimulationListener *listener : std::as_const(m_listeners))
        listener->historyRewound(t);
}

void Simulation::rewindToAction(qsizetype index)
{
    if (index < 0 || index >= m_actions.size())
        return;
    const Action &action = m_actions[index];
    const Millis t = action.time;
    std::unique_ptr<Simulation> replay = replayTo(t, index);
    m_state = replay->m_state;
    clearDerived();
    m_events.resize(action.eventsBefore);
    m_decisions.resize(action.decisionsBefore);
    m_actions.resize(index);
    m_checkpoints.removeIf([&](const Checkpoint &c) {
        return c.time > t || c.actions > index || c.events > m_events.size();
    });
    for (SimulationListener *listener : std::as_const(m_listeners))
        listener->historyRewound(t);
}

bool Simulation::hasActionsAfter(Millis t) const
{
    return std::any_of(m_actions.cbegin(), m_actions.cend(),
                       [t](const Action &a) { return a.time > t; });
}

void Simulation::addListener(SimulationListener *listener)
{
    if (m_listeners.contains(listener))
        return;
    m_listeners.append(listener);
    m_decisionListeners += listener->wantsDecisions() ? 1 : 0;
    m_objectListeners += listener->wantsObjects() ? 1 : 0;
}

void Simulation::removeListener(SimulationListener *listener)
{
    if (m_listeners.removeAll(listener) > 0) {
        m_decisionListeners -= listener->wantsDecisions() ? 1 : 0;
        m_objectListeners -= listener->wantsObjects() ? 1 : 0;
    }
}

// --- user actions ----------------------------------------------------------------------------

ActionResult Simulation::deletePod(const QString &ns, const QString &name,
                                   std::optional<qint64> grace, bool force)
{
    const QString key = objectKey(ns, name);
    const Pod *found = m_state.store.find<Pod>(key);
    if (!found) {
        return ActionResult::notFound(QStringLiteral("pods"), name);
    }
    const ActionScope scope = beginAction([=](Simulation &sim) { sim.deletePod(ns, name, grace, force); });
    ActionResult result;
    const Pod &pod = *found;
    const bool immediate = (force && grace.value_or(1) == 0) || pod.spec.nodeName.isEmpty()
        || (pod.isTerminal() && !nodeRuntime(pod.spec.nodeName).heartbeating && force);
    if (force && grace.value_or(1) == 0) {
        result.lines << QStringLiteral("Warning: Immediate deletion does not wait for "
                                       "confirmation that the running resource has been "
                                       "terminated. The resource may continue to run on the "
                                       "cluster indefinitely.")
                     << QStringLiteral("pod \"%1\" force deleted").arg(name);
    } else {
        result.lines << QStringLiteral("pod \"%1\" deleted").arg(name);
    }
    if (immediate) {
        const QString node = pod.spec.nodeName;
        const QString ip = pod.status.podIP;
        const QString uid = pod.metadata.uid;
        erase<Pod>(key);
        releasePodIP(node, ip);
        m_state.pods.remove(uid);
        return result;
    }
    if (pod.metadata.isTerminating())
        return result; // already on its way out
    const Millis now = m_state.now;
    const Pod &terminating = update<Pod>(key, [&](Pod &p) {
        p.metadata.deletionTimestamp = now;
        p.metadata.deletionGracePeriodSeconds =
            grace.value_or(p.spec.terminationGracePeriodSeconds);
    });
    Kubelet::beginTermination(*this, terminating);
    return result;
}

ActionResult Simulation::deleteStatefulSet(const QString &ns, const QString &name, bool orphan)
{
    const StatefulSet *found = m_state.store.find<StatefulSet>(ns, name);
    if (!found) {
        return ActionResult::notFound(QStringLiteral("statefulsets.apps"), name);
    }
    const ActionScope scope = beginAction([=](Simulation &sim) { sim.deleteStatefulSet(ns, name, orphan); });
    const StatefulSet set = *found;
    erase<StatefulSet>(objectKey(ns, name));
    // Garbage collection: the set's revisions, then (unless orphaned) all its pods at once —
    // no ordering guarantee (§1.7); claims owned by the set (whenDeleted: Delete) go too.
    QStringList revisions;
    // Revisions are named "<set>-<hash>": only that key range is read.
    for (const ControllerRevision *rev : m_state.store.listByKeyPrefix<ControllerRevision>(
             objectKey(ns, name + QLatin1Char('-')))) {
        const OwnerReference *owner = rev->metadata.controllerRef();
        if (owner && owner->uid == set.metadata.uid)
            revisions << objectKey(rev->metadata);
    }
    for (const QString &key : std::as_const(revisions))
        erase<ControllerRevision>(key);
    QList<Pod> pods;
    for (const Pod *pod : m_state.store.list<Pod>(ns)) {
        const OwnerReference *owner = pod->metadata.controllerRef();
        if (owner && owner->uid == set.metadata.uid)
            pods << *pod;
    }
    for (Pod pod : std::as_const(pods)) {
        if (orphan) {
            pod.metadata.ownerReferences.removeIf(
                [&](const OwnerReference &ref) { return ref.uid == set.metadata.uid; });
            write(pod);
        } else {
            deletePod(ns, pod.metadata.name, std::nullopt, false);
        }
    }
    decide(QStringLiteral("garbage-collector"), QStringLiteral("StatefulSet"),
           objectKey(ns, name), name,
           orphan ? tr("StatefulSet %1 deleted with --cascade=orphan: its pods keep running "
                       "without an owner; a new StatefulSet with the same selector adopts them.")
                        .arg(name)
                  : tr("StatefulSet %1 deleted: the garbage collector deletes all its pods at "
                       "once, in no particular order. Scale to 0 first for an ordered shutdown.")
                        .arg(name));
    QStringList claims;
    for (const PersistentVolumeClaim *pvc : m_state.store.list<PersistentVolumeClaim>(ns)) {
        const OwnerReference *owner = pvc->metadata.controllerRef();
        if (owner && owner->uid == set.metadata.uid)
            claims << objectKey(pvc->metadata);
    }
    for (const QString &claim : std::as_const(claims))
        erase<PersistentVolumeClaim>(claim);
    ActionResult result;
    result.lines << QStringLiteral("statefulset.apps \"%1\" deleted").arg(name);
    return result;
}

ActionResult Simulation::deleteService(const QString &ns, const QString &name)
{
    if (!m_state.store.find<Service>(ns, name)) {
        return ActionResult::notFound(QStringLiteral("services"), name);
    }
    const ActionScope scope = beginAction([=](Simulation &sim) { sim.deleteService(ns, name); });
    m_state.serviceIPs.remove(m_state.store.find<Service>(ns, name)->spec.clusterIP);
    erase<Service>(objectKey(ns, name));
    erase<Endpoints>(objectKey(ns, name));
    ActionResult result;
    result.lines << QStringLiteral("service \"%1\" deleted").arg(name);
    return result;
}

ActionResult Simulation::deleteNode(const QString &name)
{
    if (!m_state.store.find<Node>(name)) {
        return ActionResult::notFound(QStringLiteral("nodes"), name);
    }
    const ActionScope scope = beginAction([=](Simulation &sim) { sim.deleteNode(name); });
    erase<Node>(name);
    NodeLifecycleController::collectPods(*this, name, true);
    ActionResult result;
    result.lines << QStringLiteral("node \"%1\" deleted").arg(name);
    return result;
}

ActionResult Simulation::scale(const QString &ns, const QString &name, int replicas)
{
    const StatefulSet *found = m_state.store.find<StatefulSet>(ns, name);
    if (!found) {
        return ActionResult::notFound(QStringLiteral("statefulsets.apps"), name);
    }
    if (replicas < 0) {
        return ActionResult::failure(
            QStringLiteral("The StatefulSet \"%1\" is invalid: spec.replicas: Invalid value: %2: "
                           "must be greater than or equal to 0")
                .arg(name)
                .arg(replicas));
    }
    const ActionScope scope = beginAction([=](Simulation &sim) { sim.scale(ns, name, replicas); });
    StatefulSet set = *found;
    if (set.spec.replicas != replicas) {
        set.spec.replicas = replicas;
        ++set.metadata.generation;
        write(set);
        enqueue(WorkKind::SyncStatefulSet, objectKey(ns, name));
    }
    ActionResult result;
    result.lines << QStringLiteral("statefulset.apps/%1 scaled").arg(name);
    return result;
}

ActionResult Simulation::updateStatefulSet(const StatefulSet &updated, const QString &verb)
{
    const QString key = objectKey(updated.metadata);
    const StatefulSet *found = m_state.store.find<StatefulSet>(key);
    if (!found) {
        return ActionResult::notFound(QStringLiteral("statefulsets.apps"), updated.metadata.name);
    }
    const ActionScope scope = beginAction([=](Simulation &sim) { sim.updateStatefulSet(updated, verb); });
    StatefulSet set = *found;
    set.spec = updated.spec;
    set.metadata.labels = updated.metadata.labels;
    set.metadata.annotations = updated.metadata.annotations;
    ++set.metadata.generation;
    write(set);
    enqueue(WorkKind::SyncStatefulSet, key);
    ActionResult result;
    result.lines << QStringLiteral("statefulset.apps/%1 %2").arg(updated.metadata.name, verb);
    return result;
}

namespace {
ActionResult podNotFound(const QString &name)
{
    return ActionResult::notFound(QStringLiteral("pods"), name);
}
ActionResult nodeNotFound(const QString &name)
{
    return ActionResult::notFound(QStringLiteral("nodes"), name);
}
} // namespace

ActionResult Simulation::setPodReadiness(const QString &ns, const QString &name, bool ready)
{
    const Pod *pod = m_state.store.find<Pod>(ns, name);
    if (!pod)
        return podNotFound(name);
    const ActionScope scope = beginAction([=](Simulation &sim) { sim.setPodReadiness(ns, name, ready); });
    Kubelet::setReadinessFailing(*this, *pod, !ready);
    decide(QStringLiteral("kubelet"), QStringLiteral("Pod"), objectKey(ns, name), name,
           ready ? tr("%1's readiness probe passes again: it becomes Ready and returns to the "
                      "Service endpoints and DNS.")
                       .arg(name)
                 : tr("%1's readiness probe fails: it stays Running but not Ready, leaves the "
                      "Service endpoints (its DNS name stops resolving) and, with OrderedReady, "
                      "blocks the StatefulSet.")
                       .arg(name));
    ActionResult result;
    result.lines << tr("pod/%1 readiness probe now %2")
                        .arg(name, ready ? tr("passing") : tr("failing"));
    return result;
}

ActionResult Simulation::crashPod(const QString &ns, const QString &name)
{
    const Pod *pod = m_state.store.find<Pod>(ns, name);
    if (!pod)
        return podNotFound(name);
    const bool running = std::any_of(
        pod->status.containerStatuses.cbegin(), pod->status.containerStatuses.cend(),
        [](const ContainerStatus &cs) { return cs.state.kind == ContainerState::Kind::Running; });
    if (pod->status.phase != PodPhase::Running || !running)
        return ActionResult::failure(tr("error: pod %1 has no running container").arg(name));
    const ActionScope scope = beginAction([=](Simulation &sim) { sim.crashPod(ns, name); });
    Kubelet::crash(*this, *pod);
    ActionResult result;
    result.lines << tr("pod/%1 container exited with code 1").arg(name);
    return result;
}

ActionResult Simulation::setInitContainersFailing(const QString &ns, const QString &name,
                                                  bool failing)
{
    const Pod *pod = m_state.store.find<Pod>(ns, name);
    if (!pod)
        return podNotFound(name);
    if (pod->spec.initContainers.isEmpty())
        return ActionResult::failure(tr("error: pod %1 has no init containers").arg(name));
    const ActionScope scope = beginAction(
        [=](Simulation &sim) { sim.setInitContainersFailing(ns, name, failing); });
    Kubelet::setInitFailing(*this, *pod, failing);
    ActionResult result;
    result.lines << (failing ? tr("pod/%1 init containers now exit with code 1").arg(name)
                             : tr("pod/%1 init containers now complete").arg(name));
    return result;
}

ActionResult Simulation::failPod(const QString &ns, const QString &name)
{
    const Pod *pod = m_state.store.find<Pod>(ns, name);
    if (!pod)
        return podNotFound(name);
    const ActionScope scope = beginAction([=](Simulation &sim) { sim.failPod(ns, name); });
    Kubelet::fail(*this, *pod);
    ActionResult result;
    result.lines << tr("pod/%1 phase is now Failed").arg(name);
    return result;
}

ActionResult Simulation::completePod(const QString &ns, const QString &name, int exitCode)
{
    const Pod *pod = m_state.store.find<Pod>(ns, name);
    if (!pod)
        return podNotFound(name);
    if (pod->spec.restartPolicy == QLatin1String("Always") || pod->isTerminal()
        || !podRuntime(pod->metadata.uid).running)
        return ActionResult::failure(tr("pod/%1 is not running a command that can end").arg(name));
    const ActionScope scope =
        beginAction([=](Simulation &sim) { sim.completePod(ns, name, exitCode); });
    Kubelet::complete(*this, *pod, exitCode);
    ActionResult result;
    result.lines << tr("pod/%1 completed with exit code %2").arg(name).arg(exitCode);
    return result;
}

ActionResult Simulation::setNodeHeartbeat(const QString &name, bool up)
{
    if (!m_state.store.find<Node>(name))
        return nodeNotFound(name);
    const ActionScope scope = beginAction([=](Simulation &sim) { sim.setNodeHeartbeat(name, up); });
    const bool wasUp = nodeRuntime(name).heartbeating;
    if (up && !wasUp)
        NodeLifecycleController::nodeStarted(*this, name);
    else if (!up && wasUp)
        NodeLifecycleController::nodeStopped(*this, name);
    ActionResult result;
    result.lines << (up ? tr("node/%1 is up").arg(name) : tr("node/%1 is down").arg(name));
    return result;
}

ActionResult Simulation::cordonNode(const QString &name, bool cordon)
{
    const Node *found = m_state.store.find<Node>(name);
    if (!found)
        return nodeNotFound(name);
    const ActionScope scope = beginAction([=](Simulation &sim) { sim.cordonNode(name, cordon); });
    ActionResult result;
    if (found->unschedulable == cordon) {
        result.lines << QStringLiteral("node/%1 already %2")
                            .arg(name, cordon ? QStringLiteral("cordoned")
                                              : QStringLiteral("uncordoned"));
        return result;
    }
    Node node = *found;
    node.unschedulable = cordon;
    node.taints.removeIf([](const Taint &t) {
        return t.key == QLatin1String("node.kubernetes.io/unschedulable");
    });
    if (cordon) {
        node.taints << Taint{QStringLiteral("node.kubernetes.io/unschedulable"), {},
                             QStringLiteral("NoSchedule"), m_state.now};
    }
    write(node);
    retryPendingPods();
    result.lines << QStringLiteral("node/%1 %2").arg(
        name, cordon ? QStringLiteral("cordoned") : QStringLiteral("uncordoned"));
    return result;
}

ActionResult Simulation::taintNode(const QString &name, const Taint &taint, bool remove)
{
    const Node *found = m_state.store.find<Node>(name);
    if (!found)
        return nodeNotFound(name);
    Node node = *found;
    const auto same = [&](const Taint &t) {
        return t.key == taint.key && (taint.effect.isEmpty() || t.effect == taint.effect);
    };
    if (remove) {
        if (std::none_of(node.taints.cbegin(), node.taints.cend(), same)) {
            return ActionResult::failure(
                QStringLiteral("error: taint \"%1\" not found").arg(taint.toString()));
        }
        node.taints.removeIf(same);
    } else {
        node.taints.removeIf(same);
        Taint added = taint;
        added.timeAdded = m_state.now;
        node.taints << added;
    }
    const ActionScope scope = beginAction([=](Simulation &sim) { sim.taintNode(name, taint, remove); });
    write(node);
    if (!remove && taint.key == QLatin1String("node.kubernetes.io/out-of-service")
        && !node.isReady()) {
        NodeLifecycleController::collectPods(*this, name, false);
    }
    retryPendingPods();
    ActionResult result;
    result.lines << QStringLiteral("node/%1 %2").arg(name, remove ? QStringLiteral("untainted")
                                                                   : QStringLiteral("tainted"));
    return result;
}

ActionResult Simulation::setPullTime(const QString &image, Millis duration)
{
    const ActionScope scope = beginAction([=](Simulation &sim) { sim.setPullTime(image, duration); });
    m_state.pullTimes.insert(image, duration);
    ActionResult result;
    result.lines << tr("pulling %1 now takes %2 ms on a node that lacks it")
                        .arg(image)
                        .arg(duration);
    return result;
}

} // namespace ordinal::core
