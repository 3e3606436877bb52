#include "clusterscene.h"

#include "claimitem.h"
#include "nodeitem.h"
#include "poditem.h"
#include "serviceitem.h"
#include "session.h"
#include "waitingitem.h"

#include "cluster/store.h"
#include "console/printers.h"
#include "controllers/statefulsetcontroller.h"

#include <QApplication>
#include <QPainter>
#include <QPixmapCache>

#include <algorithm>
#include <cmath>

namespace ordinal::gui {

namespace {

constexpr int kFrameMs = 16;

PodState podState(const core::Pod &pod, const QString &status)
{
    using core::PodPhase;
    if (pod.metadata.isTerminating())
        return PodState::Terminating;
    if (pod.status.phase == PodPhase::Failed)
        return PodState::Failed;
    if (pod.status.phase == PodPhase::Succeeded)
        return PodState::Completed;
    static const QStringList failing = {
        QStringLiteral("CrashLoopBackOff"), QStringLiteral("Error"),
        QStringLiteral("ErrImagePull"), QStringLiteral("ImagePullBackOff"),
        QStringLiteral("OOMKilled"), QStringLiteral("NodeLost"), QStringLiteral("Unknown")};
    if (failing.contains(status))
        return PodState::Failed;
    if (pod.status.phase == PodPhase::Running)
        return pod.isReady() ? PodState::Ready : PodState::Running;
    if (status == QLatin1String("ContainerCreating") || status == QLatin1String("PodInitializing"))
        return PodState::Creating;
    return PodState::Pending;
}

} // namespace

ClusterScene::ClusterScene(Session *session, QObject *parent)
    : QGraphicsScene(parent)
    , m_session(session)
{
    m_palette = QApplication::palette();
    m_style = CanvasStyle::make(m_palette, false);
    // No BSP index: the node cards are the index. Every pod and claim is a child of its node,
    // and a node declares that it contains its children (ItemContainsChildrenInShape), so
    // drawing and hit tests walk the ~1,000 top-level items and descend only into the nodes
    // in view. A BSP tree would return every pod in view, hidden or not, on every frame.
    setItemIndexMethod(QGraphicsScene::NoIndex);
    // Zoomed out, every node is a cached image (see NodeItem::setSummary); keep them all.
    QPixmapCache::setCacheLimit(std::max(QPixmapCache::cacheLimit(), 128 * 1024));
    m_animTimer.setInterval(kFrameMs);
    connect(&m_animTimer, &QTimer::timeout, this, &ClusterScene::animationTick);
}

ClusterScene::~ClusterScene()
{
    // Items reference m_style; delete them while it is alive.
    clear();
}

void ClusterScene::setFollowSession(bool follow)
{
    if (follow == m_follow)
        return;
    m_follow = follow;
    if (!follow) {
        disconnect(m_session, nullptr, this, nullptr);
        return;
    }
    connect(m_session, &Session::viewChanged, this, &ClusterScene::syncFromSession);
    connect(m_session, &Session::clusterReset, this, &ClusterScene::clearAll);
    connect(m_session, &Session::selectionChanged, this, &ClusterScene::applySelection);
    connect(m_session, &Session::highlightChanged, this, &ClusterScene::applyHighlight);
    syncFromSession();
}

void ClusterScene::syncFromSession()
{
    sync(m_session->viewStore(), m_session->viewTime(), m_animate);
}

void ClusterScene::clearAll()
{
    m_animTimer.stop();
    m_moving.clear();
    clear();
    m_nodes.clear();
    m_nodeOrder.clear();
    m_tray = nullptr;
    m_pods.clear();
    m_claims.clear();
    m_services.clear();
    m_sets.clear();
    m_waiting.clear();
    m_lastDecisions = -1;
    m_serviceTargets.clear();
    m_slots.clear();
    m_home.clear();
    m_owner.clear();
    m_claimOwner.clear();
    m_removable.clear();
    m_goneAt.clear();
    m_lastVersion = -1;
    m_content = QRectF();
    Q_EMIT contentChanged();
}

namespace {
// A creating pod's progress (image pull + container start) at virtual time `time`, against the
// kubelet's timing model: the only part of a pod's display that moves while the store does not.
void setProgress(PodDisplay &d, const core::Pod &pod, const core::Store &store, Session *session,
                 qint64 time)
{
    d.progress = -1;
    d.pulling = false;
    if (d.state == PodState::Creating && pod.status.startTime && session) {
        const core::TimingModel &timing = session->config().timing;
        const core::Millis elapsed = std::max<core::Millis>(0, time - *pod.status.startTime);
        const core::Node *node = store.find<core::Node>(pod.spec.nodeName);
        core::Millis pull = 0;
        for (const core::Container &c : pod.spec.containers) {
            const core::Millis t = session->simulation().state().pullTimes.value(
                c.image, timing.pullTimes.value(c.image, timing.defaultPullTime));
            const bool present = node && node->images.contains(c.image);
            // Present now but elapsed beyond a plain start: it was pulled for this pod.
            if (!present || elapsed > timing.containerStart)
                pull += t;
        }
        const core::Millis expected = std::max<core::Millis>(1, pull + timing.containerStart);
        d.progress = std::clamp(double(elapsed) / double(expected), 0.0, 0.99);
        d.pulling = pull > 0 && elapsed < pull;
        if (d.pulling)
            d.progress = std::clamp(double(elapsed) / double(pull), 0.0, 0.99);
    }
}
} // namespace

PodDisplay ClusterScene::podDisplay(const core::Pod &pod, const core::Store &store,
                                    Session *session, qint64 time)
{
    PodDisplay d;
    d.exists = true;
    d.name = pod.metadata.name;
    d.ip = pod.status.podIP;
    d.status = core::printers::podStatus(pod);
    d.state = podState(pod, d.status);
    d.readiness = QStringLiteral("%1/%2").arg(pod.readyContainers()).arg(pod.spec.containers.size());
    d.node = pod.spec.nodeName;
    d.restarts = pod.restarts();
    d.created = pod.metadata.creationTimestamp;
    if (!pod.spec.containers.isEmpty())
        d.image = pod.spec.containers.first().image;
    d.revision = pod.metadata.labels.value(QStringLiteral("controller-revision-hash"));
    setProgress(d, pod, store, session, time);
    return d;
}

void ClusterScene::sync(const core::Store &store, qint64 time, bool animate)
{
    const bool live = m_session ? m_session->isLive() : true;
    const qsizetype decisions = decisionsUpTo(time);
    if (store.resourceVersion() == m_lastVersion && live == m_lastLive
        && decisions == m_lastDecisions) {
        // Nothing changed in the store: only progress bars move with time, and the rest of a
        // creating pod's display is what the last full sync read from this version. Walked in
        // the store's order: a hash lookup per pod instead of a string-compared map search.
        const QMap<QString, core::Pod> &pods = store.all<core::Pod>();
        for (auto it = pods.cbegin(); it != pods.cend(); ++it) {
            PodItem *item = m_pods.value(it.key());
            if (!item || item->display().state != PodState::Creating)
                continue;
            PodDisplay d = item->display();
            setProgress(d, it.value(), store, m_session, time);
            if (d.progress != item->display().progress || d.pulling != item->display().pulling)
                item->setDisplay(d, animate);
        }
        return;
    }
    m_lastVersion = store.resourceVersion();
    m_lastLive = live;
    m_lastDecisions = decisions;
    bool structure = false;

    // Nodes.
    QSet<QString> seenNodes;
    for (const core::Node &node : store.all<core::Node>()) {
        const QString name = node.metadata.name;
        seenNodes.insert(name);
        NodeItem *item = m_nodes.value(name);
        if (!item) {
            item = new NodeItem(name, &m_style);
            item->setSummary(!m_detailed);
            addItem(item);
            m_nodes.insert(name, item);
            structure = true;
        }
        NodeDisplay d;
        d.name = name;
        d.controlPlane = node.roles().contains(QLatin1String("control-plane"));
        d.podCIDR = node.podCIDR;
        d.readyStatus = node.readyStatus();
        d.cordoned = node.unschedulable;
        for (const core::Taint &t : node.taints) {
            if (t.key == QLatin1String("node.kubernetes.io/unschedulable"))
                continue;
            d.taints << t.toString();
        }
        const core::NodeUsage usage = store.nodeUsage(name);
        d.pods = usage.pods;
        d.podCapacity = int(node.allocatable.value(QStringLiteral("pods")).value);
        d.cpuUsedMilli = usage.cpuMilli;
        d.cpuCapacityMilli = node.allocatable.value(QStringLiteral("cpu")).value;
        // Between `sim node-down` and the end of the grace period the API still says Ready;
        // only the simulation knows the heartbeats stopped (shown live, where it is true now).
        if (m_session && live && d.readyStatus == QLatin1String("True")) {
            const auto runtime = m_session->simulation().state().nodes.constFind(name);
            d.heartbeatsMissing = runtime != m_session->simulation().state().nodes.cend()
                && !runtime->heartbeating;
        }
        item->setDisplay(d);
    }
    for (auto it = m_nodes.begin(); it != m_nodes.end();) {
        if (!seenNodes.contains(it.key())) {
            // Pods and claims outlive their node's card: detach them first.
            for (QGraphicsItem *child : it.value()->podLayer()->childItems())
                child->setParentItem(nullptr);
            delete it.value();
            it = m_nodes.erase(it);
            structure = true;
        } else {
            ++it;
        }
    }
    QStringList order;
    for (const core::Node &node : store.all<core::Node>())
        order << node.metadata.name;
    if (order != m_nodeOrder) {
        m_nodeOrder = order;
        structure = true;
    }

    // Pods: one item per identity; an identity keeps its slot on its node.
    QSet<QString> seenPods;
    bool unscheduled = false;
    for (const core::Pod &pod : store.all<core::Pod>()) {
        const QString key = objectKey(pod.metadata);
        seenPods.insert(key);
        PodItem *item = m_pods.value(key);
        if (!item) {
            item = new PodItem(key, &m_style);
            // Straight into its node's pod layer where the node is known: a top-level item
            // re-parented later costs the scene a walk of its top-level list, and with 100,000
            // pods those walks took seconds (relayout() places it in its slot).
            const QString home
                = pod.spec.nodeName.isEmpty() ? m_home.value(key) : pod.spec.nodeName;
            if (NodeItem *node = m_nodes.value(home))
                item->setParentItem(node->podLayer());
            else
                addItem(item);
            m_pods.insert(key, item);
            structure = true;
        }
        m_removable.remove(key);
        m_goneAt.remove(key);
        if (const core::OwnerReference *owner = pod.metadata.controllerRef())
            m_owner.insert(key, core::objectKey(pod.metadata.namespaceName, owner->name));
        for (const core::Volume &v : pod.spec.volumes) {
            if (!v.claimName.isEmpty())
                m_claimOwner.insert(core::objectKey(pod.metadata.namespaceName, v.claimName), key);
        }
        const QString node = pod.spec.nodeName;
        const QString &identity = key; // a pod's identity is its key (<set>-<ordinal>)
        if (!node.isEmpty()) {
            const QString home = m_home.value(identity);
            if (home != node) {
                if (!home.isEmpty())
                    m_slots[home].remove(identity);
                m_home.insert(identity, node);
                structure = true;
            }
            if (!m_slots[node].contains(identity)) {
                slotFor(node, identity);
                structure = true;
            }
        } else if (!m_home.contains(identity)) {
            unscheduled = true;
        }
        PodDisplay display = podDisplay(pod, store, m_session, time);
        if (const core::StatefulSet *set = store.find<core::StatefulSet>(m_owner.value(key)))
            display.updating = !set->status.updateRevision.isEmpty()
                && set->status.currentRevision != set->status.updateRevision;
        if (pod.spec.nodeName.isEmpty())
            display.schedulingReason = lastDecision(QStringLiteral("default-scheduler"),
                                                    pod.metadata.name, time);
        item->setDisplay(display, animate);
    }
    for (auto it = m_pods.begin(); it != m_pods.end(); ++it) {
        if (seenPods.contains(it.key()))
            continue;
        PodItem *item = it.value();
        if (item->display().exists) {
            PodDisplay ghost;
            ghost.name = item->display().name;
            ghost.node = item->display().node;
            m_goneAt.insert(it.key(), time);
            item->setDisplay(ghost, animate);
        }
        if (m_owner.contains(it.key())) {
            // Why the identity has no pod: the controller's word since its pod went (an older
            // word, such as "created", was about the pod before).
            const qint64 goneAt = m_goneAt.value(it.key(), std::numeric_limits<qint64>::min());
            PodDisplay ghost = item->display();
            ghost.waitingReason = lastDecision(QStringLiteral("statefulset-controller"),
                                               it.key().section(QLatin1Char('/'), -1), time,
                                               goneAt <= time ? goneAt
                                                              : std::numeric_limits<qint64>::min());
            item->setDisplay(ghost, animate);
        }
        // A StatefulSet identity stays while the set still wants it or its claim remains.
        bool keep = false;
        const QString owner = m_owner.value(it.key());
        if (const core::StatefulSet *set = store.find<core::StatefulSet>(owner))
            keep = core::StatefulSetController::wantsIdentity(*set,
                                                              it.key().section(QLatin1Char('/'), -1));
        for (auto c = m_claimOwner.cbegin(); !keep && c != m_claimOwner.cend(); ++c)
            keep = c.value() == it.key() && store.find<core::PersistentVolumeClaim>(c.key());
        if (!keep)
            m_removable.insert(it.key());
    }
    const QStringList removable(m_removable.cbegin(), m_removable.cend());
    for (const QString &key : removable) {
        PodItem *item = m_pods.value(key);
        if (!item) {
            m_removable.remove(key);
        } else if (!item->isAnimating()) {
            removePodItem(key);
            structure = true;
        }
    }

    // The tray for pods no node has taken yet.
    if (unscheduled && !m_tray) {
        m_tray = new NodeItem(QString(), &m_style);
        m_tray->setSummary(!m_detailed);
        NodeDisplay d;
        d.tray = true;
        m_tray->setDisplay(d);
        addItem(m_tray);
        structure = true;
    } else if (!unscheduled && m_tray) {
        for (QGraphicsItem *child : m_tray->podLayer()->childItems())
            child->setParentItem(nullptr);
        delete m_tray;
        m_tray = nullptr;
        m_slots.remove(QString());
        structure = true;
    }
    if (m_tray) {
        for (const core::Pod &pod : store.all<core::Pod>()) {
            const QString key = objectKey(pod.metadata);
            if (pod.spec.nodeName.isEmpty() && !m_home.contains(key)
                && !m_slots[QString()].contains(key)) {
                slotFor(QString(), key);
                structure = true;
            }
        }
    }

    // Claims.
    QSet<QString> seenClaims;
    for (const core::PersistentVolumeClaim &pvc : store.all<core::PersistentVolumeClaim>()) {
        const QString key = objectKey(pvc.metadata);
        seenClaims.insert(key);
        if (!m_claimOwner.contains(key)) {
            // Named <template>-<set>-<ordinal>: the identity is <set>-<ordinal>.
            for (const core::StatefulSet &set : store.all<core::StatefulSet>()) {
                if (set.metadata.namespaceName != pvc.metadata.namespaceName)
                    continue;
                for (const core::PersistentVolumeClaim &t : set.spec.volumeClaimTemplates) {
                    const QString prefix = t.metadata.name + QLatin1Char('-');
                    if (pvc.metadata.name.startsWith(prefix + set.metadata.name + QLatin1Char('-')))
                        m_claimOwner.insert(key, core::objectKey(pvc.metadata.namespaceName,
                                                                 pvc.metadata.name.mid(prefix.size())));
                }
            }
        }
        ClaimItem *item = m_claims.value(key);
        if (!item) {
            item = new ClaimItem(key, &m_style);
            addItem(item);
            m_claims.insert(key, item);
            structure = true;
        }
        ClaimDisplay d;
        d.name = pvc.metadata.name;
        d.phase = pvc.phase;
        d.capacity = pvc.capacity.isSet() ? pvc.capacity.text : pvc.spec.storage.text;
        const PodItem *owner = m_pods.value(m_claimOwner.value(key));
        d.inUse = owner && owner->display().exists;
        item->setDisplay(d);
    }
    for (auto it = m_claims.begin(); it != m_claims.end();) {
        if (!seenClaims.contains(it.key())) {
            delete it.value();
            it = m_claims.erase(it);
            structure = true;
        } else {
            ++it;
        }
    }

    // Services (with the pods their Endpoints publish) and StatefulSets.
    QSet<QString> seenServices;
    for (const core::Service &svc : store.all<core::Service>()) {
        const QString key = objectKey(svc.metadata);
        if (svc.metadata.namespaceName == QLatin1String("kube-system")
            || (svc.metadata.namespaceName == QLatin1String("default")
                && svc.metadata.name == QLatin1String("kubernetes")))
            continue;
        seenServices.insert(key);
        ServiceItem *item = m_services.value(key);
        if (!item) {
            item = new ServiceItem(key, &m_style);
            addItem(item);
            m_services.insert(key, item);
            structure = true;
        }
        ServiceDisplay d;
        d.name = svc.metadata.name;
        d.headless = svc.isHeadless();
        d.clusterIP = svc.spec.clusterIP;
        QStringList ports;
        for (const core::ServicePort &p : svc.spec.ports)
            ports << (p.name.isEmpty() ? QStringLiteral("%1/%2").arg(p.port).arg(p.protocol)
                                       : QStringLiteral("%1/%2 (%3)").arg(p.port).arg(p.protocol, p.name));
        d.ports = ports.join(QStringLiteral(", "));
        QStringList selector;
        for (auto s = svc.spec.selector.cbegin(); s != svc.spec.selector.cend(); ++s)
            selector << QStringLiteral("%1=%2").arg(s.key(), s.value());
        d.selector = selector.join(QLatin1Char(','));
        QStringList targets;
        if (const core::Endpoints *ep = store.find<core::Endpoints>(key)) {
            d.ready = int(ep->addresses.size());
            d.notReady = int(ep->notReadyAddresses.size());
            for (const core::EndpointAddress &a : ep->addresses) {
                if (!a.podName.isEmpty())
                    targets << core::objectKey(svc.metadata.namespaceName, a.podName);
            }
        }
        if (targets != m_serviceTargets.value(key)) {
            m_serviceTargets.insert(key, targets);
            structure = true;
        }
        item->setDisplay(d);
    }
    for (auto it = m_services.begin(); it != m_services.end();) {
        if (!seenServices.contains(it.key())) {
            m_serviceTargets.remove(it.key());
            delete it.value();
            it = m_services.erase(it);
            structure = true;
        } else {
            ++it;
        }
    }
    QSet<QString> seenSets;
    for (const core::StatefulSet &set : store.all<core::StatefulSet>()) {
        const QString key = objectKey(set.metadata);
        seenSets.insert(key);
        StatefulSetItem *item = m_sets.value(key);
        if (!item) {
            item = new StatefulSetItem(key, &m_style);
            addItem(item);
            m_sets.insert(key, item);
            structure = true;
        }
        StatefulSetDisplay d;
        d.name = set.metadata.name;
        d.replicas = set.spec.replicas;
        d.ready = set.status.readyReplicas;
        d.current = set.status.currentReplicas;
        d.updated = set.status.updatedReplicas;
        d.policy = set.spec.podManagementPolicy;
        QStringList images;
        for (const core::Container &c : set.spec.podTemplate.spec.containers)
            images << c.image;
        d.image = images.join(QStringLiteral(", "));
        d.serviceName = set.spec.serviceName;
        d.strategy = set.spec.updateStrategy.type;
        d.partition = set.spec.updateStrategy.rollingUpdate
            ? set.spec.updateStrategy.rollingUpdate->partition
            : 0;
        item->setDisplay(d);
    }
    for (auto it = m_sets.begin(); it != m_sets.end();) {
        if (!seenSets.contains(it.key())) {
            delete it.value();
            it = m_sets.erase(it);
            structure = true;
        } else {
            ++it;
        }
    }

    if (syncWaiting(store, time))
        structure = true;

    // (Summaries are refreshed per node: a pod whose state changes invalidates its node's.)
    if (structure) {
        relayout();
        updateDetail();
    }
    for (PodItem *item : std::as_const(m_pods)) {
        if (item->isAnimating())
            startAnimating(item);
    }
    applySelection();
    applyHighlight();
}

QString ClusterScene::lastDecision(const QString &controller, const QString &subject,
                                   qint64 time, qint64 notBefore) const
{
    if (!m_session)
        return {};
    const QList<core::Decision> &all = m_session->simulation().decisions();
    const qsizetype upTo = decisionsUpTo(time);
    constexpr qsizetype kLookBack = 4096;
    for (qsizetype i = upTo - 1; i >= 0 && i >= upTo - kLookBack; --i) {
        const core::Decision &d = all.at(i);
        if (d.time < notBefore)
            break;
        if (d.subject == subject && d.controller == controller)
            return d.message;
    }
    return {};
}

qsizetype ClusterScene::decisionsUpTo(qint64 time) const
{
    if (!m_session)
        return 0;
    const QList<core::Decision> &all = m_session->simulation().decisions();
    // Recorded in time order.
    const auto end = std::upper_bound(all.cbegin(), all.cend(), time,
                                      [](qint64 t, const core::Decision &d) { return t < d.time; });
    return end - all.cbegin();
}

bool ClusterScene::syncWaiting(const core::Store &store, qint64 time)
{
    QHash<QString, WaitingDisplay> wanted;
    if (m_session) {
        const QList<core::Decision> &all = m_session->simulation().decisions();
        const qsizetype upTo = decisionsUpTo(time);
        // A bounded look back: the decision about a held-back pod is among the latest.
        constexpr qsizetype kLookBack = 4096;
        for (const core::StatefulSet &set : store.all<core::StatefulSet>()) {
            if (set.spec.isParallel())
                continue;
            const QString setKey = objectKey(set.metadata);
            const int start = set.spec.startOrdinal();
            for (int ordinal = start; ordinal < start + set.spec.replicas; ++ordinal) {
                const QString name = QStringLiteral("%1-%2").arg(set.metadata.name).arg(ordinal);
                const QString key = core::objectKey(set.metadata.namespaceName, name);
                if (store.find<core::Pod>(key))
                    continue;
                // The lowest missing ordinal is the one the controller speaks about. A
                // placeholder of a deleted pod (its identity) already holds its place.
                if (m_pods.contains(key))
                    break;
                for (qsizetype i = upTo - 1; i >= 0 && i >= upTo - kLookBack; --i) {
                    const core::Decision &d = all.at(i);
                    if (d.subject == name && d.objectKey == setKey) {
                        wanted.insert(key, WaitingDisplay{name, setKey, d.message});
                        break;
                    }
                }
                break;
            }
        }
    }
    bool changed = false;
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        if (!wanted.contains(it.key())) {
            delete it.value();
            it = m_waiting.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        WaitingItem *item = m_waiting.value(it.key());
        if (!item) {
            item = new WaitingItem(it.key(), &m_style);
            addItem(item);
            m_waiting.insert(it.key(), item);
            changed = true;
        }
        item->setDisplay(it.value());
    }
    return changed;
}

int ClusterScene::slotFor(const QString &node, const QString &identity)
{
    QHash<QString, int> &nodeSlots = m_slots[node];
    if (const auto it = nodeSlots.constFind(identity); it != nodeSlots.cend())
        return it.value();
    QSet<int> used;
    for (const int s : std::as_const(nodeSlots))
        used.insert(s);
    int slot = 0;
    while (used.contains(slot))
        ++slot;
    nodeSlots.insert(identity, slot);
    return slot;
}

void ClusterScene::removePodItem(const QString &key)
{
    PodItem *item = m_pods.take(key);
    m_moving.remove(item);
    if (NodeItem *node = NodeItem::of(item))
        node->invalidateSummary();
    delete item;
    m_removable.remove(key);
    const QString home = m_home.take(key);
    m_slots[home].remove(key);
    m_slots[QString()].remove(key);
}

void ClusterScene::relayout()
{
    const CanvasStyle &s = m_style;
    int maxSlots = 0;
    for (const auto &nodeSlots : std::as_const(m_slots)) {
        for (const int slot : nodeSlots)
            maxSlots = std::max(maxSlots, slot + 1);
    }
    // Two columns for a few pods; roughly square blocks for many.
    const int cols = std::max(std::max(1, s.podColumns), int(std::ceil(std::sqrt(double(maxSlots)))));
    const qreal slotW = s.podWidth + s.podGap;
    const qreal slotH = s.podHeight + 6 + ClaimItem::height(s) + s.podGap;
    const qreal nodeW = 2 * s.nodePadding + cols * s.podWidth + (cols - 1) * s.podGap;

    QList<NodeItem *> nodes;
    QStringList names;
    for (const QString &name : std::as_const(m_nodeOrder)) {
        if (NodeItem *n = m_nodes.value(name)) {
            nodes << n;
            names << name;
        }
    }
    if (m_tray) {
        nodes << m_tray;
        names << QString();
    }
    int rows = 1;
    for (const QString &name : std::as_const(names)) {
        int maxSlot = -1;
        for (const int slot : m_slots.value(name))
            maxSlot = std::max(maxSlot, slot);
        rows = std::max(rows, (maxSlot + 1 + cols - 1) / cols);
    }
    const qreal nodeH = s.nodeHeader + rows * slotH - s.podGap + s.nodePadding;
    const int n = int(nodes.size());
    int gridCols = n <= 4 ? std::max(1, n)
                          : std::max(1, int(std::lround(std::sqrt(n * (16.0 / 9.0) * nodeH / nodeW))));
    gridCols = std::min(gridCols, std::max(1, n));

    // Top band: Services, then StatefulSets.
    const qreal cardW = std::max<qreal>(s.presenter ? 560 : 340, nodeW);
    qreal x = 0;
    QStringList serviceKeys = m_services.keys();
    serviceKeys.sort();
    for (const QString &key : std::as_const(serviceKeys)) {
        ServiceItem *item = m_services.value(key);
        item->setWidth(cardW);
        item->setPos(x, 0);
        x += cardW + s.nodeGap;
    }
    QStringList setKeys = m_sets.keys();
    setKeys.sort();
    QStringList waitingKeys = m_waiting.keys();
    waitingKeys.sort();
    for (const QString &key : std::as_const(setKeys)) {
        StatefulSetItem *item = m_sets.value(key);
        item->setWidth(cardW);
        item->setPos(x, 0);
        x += cardW + s.nodeGap;
        // What the set holds back, beside it.
        for (const QString &podKey : std::as_const(waitingKeys)) {
            WaitingItem *waiting = m_waiting.value(podKey);
            if (waiting->display().setKey != key)
                continue;
            waiting->setWidth(cardW);
            waiting->setPos(x, 0);
            x += cardW + s.nodeGap;
        }
    }
    const bool hasTop = !m_services.isEmpty() || !m_sets.isEmpty();
    const qreal top = hasTop ? s.topBand + s.topGap : 0;

    for (int i = 0; i < n; ++i) {
        NodeItem *node = nodes[i];
        node->setSize(QSizeF(nodeW, nodeH));
        node->setPos((i % gridCols) * (nodeW + s.nodeGap), top + (i / gridCols) * (nodeH + s.nodeGap));
        const QHash<QString, int> nodeSlots = m_slots.value(names[i]);
        for (auto it = nodeSlots.cbegin(); it != nodeSlots.cend(); ++it) {
            PodItem *pod = m_pods.value(it.key());
            if (!pod)
                continue;
            const int slot = it.value();
            const QPointF pos = QPointF(s.nodePadding, s.nodeHeader)
                + QPointF((slot % cols) * slotW, (slot / cols) * slotH);
            if (pod->parentItem() != node->podLayer()) {
                if (NodeItem *from = NodeItem::of(pod))
                    from->invalidateSummary();
                pod->setParentItem(node->podLayer());
                node->invalidateSummary();
            } else if (pod->pos() != pos) {
                node->invalidateSummary();
            }
            pod->setPos(pos);
        }
    }
    // Claims sit under their identity's card.
    for (auto it = m_claims.cbegin(); it != m_claims.cend(); ++it) {
        const PodItem *pod = m_pods.value(m_claimOwner.value(it.key()));
        ClaimItem *claim = it.value();
        NodeItem *node = NodeItem::of(pod);
        if (!node) {
            claim->setVisible(false);
            continue;
        }
        if (claim->parentItem() != node->podLayer())
            claim->setParentItem(node->podLayer());
        claim->setVisible(true); // shown while its node's pod layer is
        claim->setPos(pod->pos() + QPointF(0, s.podHeight + 6));
    }
    // Service lines end at the top centre of each published pod.
    for (auto it = m_services.cbegin(); it != m_services.cend(); ++it) {
        QList<ServiceItem::Target> targets;
        for (const QString &podKey : m_serviceTargets.value(it.key())) {
            const PodItem *pod = m_pods.value(podKey);
            const NodeItem *node = NodeItem::of(pod);
            if (pod && node)
                targets << ServiceItem::Target{QRectF(pod->scenePos(), QSizeF(s.podWidth, s.podHeight)),
                                               QRectF(node->pos(), node->size())};
        }
        it.value()->setTargets(targets);
    }

    // Top-level items only (pods and claims sit inside their nodes); items() would sort them all.
    QRectF content;
    const auto unite = [&content](const auto &hash) {
        for (const QGraphicsItem *item : hash) {
            if (!item->parentItem())
                content |= item->sceneBoundingRect();
        }
    };
    unite(m_nodes);
    unite(m_services);
    unite(m_sets);
    unite(m_waiting);
    unite(m_pods);
    unite(m_claims);
    if (m_tray)
        content |= m_tray->sceneBoundingRect();
    m_content = content;
    const qreal margin = s.presenter ? 60 : 40;
    setSceneRect(content.adjusted(-margin * 20, -margin * 20, margin * 20, margin * 20));
    Q_EMIT contentChanged();
}

QRectF ClusterScene::contentRect() const
{
    const qreal margin = m_style.presenter ? 50 : 30;
    if (m_content.isEmpty())
        return QRectF(0, 0, 800, 450);
    return m_content.adjusted(-margin, -margin, margin, margin);
}

void ClusterScene::restyle()
{
    for (QGraphicsItem *item : items()) {
        if (auto *c = dynamic_cast<CanvasItem *>(item))
            c->styleChanged();
    }
    relayout();
    update();
}

void ClusterScene::setPresenter(bool presenter)
{
    if (presenter == m_style.presenter)
        return;
    m_style = CanvasStyle::make(m_palette, presenter);
    restyle();
}

void ClusterScene::setCanvasPalette(const QPalette &palette)
{
    m_palette = palette;
    m_style = CanvasStyle::make(palette, m_style.presenter);
    restyle();
}

void ClusterScene::setViewScale(qreal scale)
{
    m_viewScale = scale;
    updateDetail();
}

void ClusterScene::updateDetail()
{
    // Below this, pod text is hard to read anyway: nodes draw a cell per pod instead of cards.
    // A large cluster fills the view with cards sooner (several hundred at zoom 0.4, each with
    // text, icon and border), so it switches to cells at a larger zoom.
    constexpr qreal kDetailScale = 0.3;
    constexpr qreal kLargeDetailScale = 0.5;
    constexpr int kLargePods = 200;
    const qreal threshold = m_pods.size() > kLargePods ? kLargeDetailScale : kDetailScale;
    const bool detailed = m_viewScale >= threshold;
    if (detailed == m_detailed)
        return;
    m_detailed = detailed;
    for (NodeItem *node : std::as_const(m_nodes))
        node->setSummary(!detailed);
    if (m_tray)
        m_tray->setSummary(!detailed);
}

void ClusterScene::setAnimationsEnabled(bool enabled)
{
    m_animate = enabled;
    if (!enabled)
        finishAnimations();
}

void ClusterScene::finishAnimations()
{
    for (PodItem *item : std::as_const(m_pods))
        item->finishAnimations();
    m_moving.clear();
    m_animTimer.stop();
    const QStringList removable(m_removable.cbegin(), m_removable.cend());
    for (const QString &key : removable)
        removePodItem(key);
    if (!removable.isEmpty())
        relayout();
}

void ClusterScene::startAnimating(PodItem *item)
{
    m_moving.insert(item);
    if (!m_animTimer.isActive()) {
        m_animClock.start();
        m_animTimer.start();
    }
}

void ClusterScene::animationTick()
{
    advanceAnimations(int(std::max<qint64>(1, m_animClock.restart())));
}

void ClusterScene::advanceAnimations(int ms)
{
    bool removed = false;
    for (auto it = m_moving.begin(); it != m_moving.end();) {
        if ((*it)->advanceAnimation(ms)) {
            ++it;
            continue;
        }
        const QString key = (*it)->key();
        it = m_moving.erase(it);
        if (m_removable.contains(key)) {
            removePodItem(key);
            removed = true;
        }
    }
    if (removed)
        relayout();
    // Elastic-nodes style: the timer stops as soon as nothing moves.
    if (m_moving.isEmpty())
        m_animTimer.stop();
}

void ClusterScene::applySelection()
{
    // Only a scene that follows the session shows its selection (exports show the cluster).
    const bool shown = m_session && m_follow;
    const QString kind = shown ? m_session->selectedKind() : QString();
    const QString key = shown ? m_session->selectedKey() : QString();
    const auto mark = [&](auto &hash) {
        for (auto *item : hash)
            item->setSelectedKey(item->objectKind() == kind && item->key() == key);
    };
    mark(m_pods);
    mark(m_nodes);
    mark(m_services);
    mark(m_sets);
    mark(m_claims);
    mark(m_waiting);
}

void ClusterScene::applyHighlight()
{
    const QStringList keys = m_session && m_follow ? m_session->highlightedPods() : QStringList();
    for (PodItem *item : std::as_const(m_pods))
        item->setHighlighted(keys.contains(item->key()));
}

CanvasItem *ClusterScene::canvasItemAt(const QPointF &scenePos) const
{
    const QList<QGraphicsItem *> hits = items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder);
    for (QGraphicsItem *hit : hits) {
        auto *c = dynamic_cast<CanvasItem *>(hit);
        if (!c)
            continue;
        // A Service's bounding shape includes its lines; only its card is a target.
        if (auto *svc = dynamic_cast<ServiceItem *>(c)) {
            const QPointF local = svc->mapFromScene(scenePos);
            if (!QRectF(0, 0, svc->width(), m_style.topBand).contains(local))
                continue;
        }
        return c;
    }
    return nullptr;
}

void ClusterScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    // Zoomed to fit a few nodes, their opaque cards cover most of the view: the background is
    // filled around them only (each card less its rounded corners, a pixel inside its edges),
    // which saves a full-screen fill per frame. With many nodes in view the region would cost
    // more than it saves, and it is filled whole.
    const QTransform world = painter->worldTransform();
    QRegion fill(world.mapRect(rect).toAlignedRect());
    if (m_style.nodeCard.alpha() == 255 && world.type() <= QTransform::TxScale) {
        constexpr int kMaxCards = 32;
        constexpr int kMinSide = 48; // device pixels
        const qreal corner = m_style.radius + 4;
        int cards = 0;
        QRegion covered;
        for (const NodeItem *node : std::as_const(m_nodes)) {
            if (!node->isVisible() || node->effectiveOpacity() < 1)
                continue;
            const QRectF card(node->scenePos(), node->size());
            if (!card.intersects(rect))
                continue;
            if (++cards > kMaxCards) {
                covered = QRegion();
                break;
            }
            for (const QRectF &part : {card.adjusted(corner, 0, -corner, 0),
                                       card.adjusted(0, corner, 0, -corner)}) {
                const QRectF r = world.mapRect(part);
                const QRect inner(QPoint(int(std::ceil(r.left())) + 1, int(std::ceil(r.top())) + 1),
                                  QPoint(int(std::floor(r.right())) - 2,
                                         int(std::floor(r.bottom())) - 2));
                if (inner.width() >= kMinSide && inner.height() >= kMinSide)
                    covered += inner;
            }
        }
        fill -= covered;
    }
    painter->save();
    painter->resetTransform();
    for (const QRect &r : fill)
        painter->fillRect(r, m_style.background);
    painter->restore();
    // A light dot grid, skipped when zoomed out (thousands of dots for little use).
    const qreal scale = painter->worldTransform().m11();
    if (scale < 0.5)
        return;
    const qreal step = m_style.presenter ? 48 : 32;
    // Two device pixels, unsmoothed: the raster engine's fast path for points.
    QPen dot(m_style.grid, 2);
    dot.setCosmetic(true);
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(dot);
    const qreal left = std::floor(rect.left() / step) * step;
    const qreal top = std::floor(rect.top() / step) * step;
    QVarLengthArray<QPointF, 512> points;
    for (qreal x = left; x < rect.right(); x += step) {
        for (qreal y = top; y < rect.bottom(); y += step)
            points.append(QPointF(x, y));
    }
    painter->drawPoints(points.data(), int(points.size()));
}

} // namespace ordinal::gui
