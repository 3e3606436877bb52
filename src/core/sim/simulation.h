#pragma once

#include "api/status.h"
#include "cluster/clusterconfig.h"
#include "cluster/store.h"
#include "controllers/scheduler.h"
#include "sim/decision.h"
#include "sim/workqueue.h"

#include <QCoreApplication>
#include <QObject>
#include <QSet>

#include <array>
#include <functional>
#include <memory>

namespace ordinal::core {

struct ManifestObject;

// One object as a real cluster's list or watch showed it (live view), or its removal.
struct ObservedChange
{
    AnyObject object;
    bool removed = false;
};

enum class KubeletStep {
    Admit,          // bound to the node: ContainerCreating, pull or start
    PullDone,       // image pull finished (or failed)
    Started,        // container running
    ProbeResult,    // readiness probe outcome may change Ready
    Restart,        // back-off elapsed: restart the container
    Stopped,        // containers exited after SIGTERM: remove the pod
    InitPullDone,   // the running init container's image was pulled
    InitStarted,    // the next init container was created and started
    InitExited,     // the running init container's command ended
    InitRestart,    // back-off elapsed: start the failed init container again
};

// What the kubelet knows about a pod that the API object does not show.
struct PodRuntime
{
    qint64 token = 0;            // bumps on every state change; stale timers carry old tokens
    bool readinessFailing = false;
    int crashes = 0;             // container exits so far (drives CrashLoopBackOff)
    int pullFailures = 0;
    bool running = false;
    bool initFailing = false;    // `sim init-fail`: each init container run exits with code 1
    int initCrashes = 0;         // failed init container runs (drives Init:CrashLoopBackOff)
};

struct NodeRuntime
{
    int lastHost = 0;            // last pod address handed out in the node's /24
    bool heartbeating = true;    // false after `sim node-down`
    Millis downSince = -1;
    QSet<int> usedHosts;         // host parts of the addresses currently held by pods
};

// The whole mutable state of the simulated cluster. A value type: copying it is a checkpoint.
struct SimState
{
    Millis now = 0;
    qint64 seq = 0;
    qint64 uidCounter = 0;
    qint64 eventCounter = 0;
    Store store;
    WorkQueue queue;
    QSet<std::pair<int, QString>> queuedSyncs; // (kind, key) of controller syncs queued for now
    QHash<QString, PodRuntime> pods;   // by pod uid (looked up, never iterated)
    QHash<QString, NodeRuntime> nodes; // by node name (looked up, never iterated)
    QHash<QString, QString> lastDecision; // by object key: last message, to avoid repeats
    QHash<QString, QString> eventIndex;   // aggregation key -> Event key
    QSet<QString> serviceIPs;
    QMap<QString, Millis> pullTimes; // `sim pull-time` overrides, per image
    int nextStartNodeIndex = 0;      // scheduler: where the next node search begins
    QHash<QString, QString> seenPodIPs; // live view: the last IP seen per pod key
};

// Receives everything that happens, in order. Views implement it (the GUI via its notifier).
class SimulationListener
{
public:
    virtual ~SimulationListener() = default;
    virtual void watchEvent(const WatchEvent &event) { Q_UNUSED(event) }
    virtual void decisionMade(const Decision &decision) { Q_UNUSED(decision) }
    // False when decisionMade does nothing: with history off and no listener wanting them,
    // the simulation does not even word its decisions. Asked once, by addListener.
    virtual bool wantsDecisions() const { return true; }
    // False when watchEvent reads only the event's time, type, kind and key: with history off
    // and no listener wanting them, a write does not copy the object into its event (events
    // of removals keep theirs, it costs nothing). Asked once, by addListener.
    virtual bool wantsObjects() const { return true; }
    virtual void timeChanged(Millis now) { Q_UNUSED(now) }
    // History was cut at a past time (an action there discarded the later future).
    virtual void historyRewound(Millis time) { Q_UNUSED(time) }
};

// Result of a user action: the lines kubectl would print, or its error text.
struct ActionResult
{
    bool ok = true;
    QStringList lines;
    QString error;

    static ActionResult failure(const QString &error)
    {
        ActionResult r;
        r.ok = false;
        r.error = error;
        return r;
    }
    // kubectl's NotFound error; resource is the plural API name ("pods", "statefulsets.apps").
    static ActionResult notFound(const QString &resource, const QString &name)
    {
        return failure(QStringLiteral("Error from server (NotFound): %1 \"%2\" not found")
                           .arg(resource, name));
    }
};

// What Simulation::apply did, as data: each object's outcome on success, each refused object's
// Status (with its file and position) on failure. lines and error hold kubectl's words for them.
struct ApplyResult : ActionResult
{
    struct Applied
    {
        enum class Outcome { Created, Configured, Unchanged };
        ObjectKind kind = ObjectKind::Pod;
        QString ns;
        QString name;
        Outcome outcome = Outcome::Created;
    };
    QList<Applied> applied;
    QList<ApiStatus> errors;
};

// The deterministic cluster simulation: a virtual clock, a work queue ordered by
// (time, sequence number), the object store, and the controllers that react to it.
// Same configuration and same actions at the same virtual times give the same history,
// byte for byte. The simulation never reads the wall clock and never starts a timer; the
// caller advances time. Every store change is kept as a WatchEvent and every controller
// choice as a Decision; checkpoints of the state make any past time cheap to revisit, and an
// action taken at a past time discards the later history and re-simulates.
class Simulation
{
    Q_DECLARE_TR_FUNCTIONS(Simulation)

public:
    explicit Simulation(const ClusterConfig &config = ClusterConfig::defaultCluster());
    ~Simulation();
    Simulation(const Simulation &) = delete;
    Simulation &operator=(const Simulation &) = delete;

    const ClusterConfig &config() const { return m_config; }
    const Store &store() const { return m_state.store; }
    Millis now() const { return m_state.now; }

    // The object budget: the most Pods, PersistentVolumeClaims, Services, StatefulSets, Nodes
    // and Namespaces the simulated cluster holds (by default 110,000: room for the
    // 100,000-replica benchmark on 1,000 nodes). Controllers stop creating at the budget (as a
    // full cluster would stop them) and say so in a Decision; docs/reliability.md documents it.
    static constexpr qsizetype kDefaultObjectBudget = 110000;
    qsizetype objectBudget() const { return m_objectBudget; }
    void setObjectBudget(qsizetype budget) { m_objectBudget = budget; }
    // The objects counted against the budget; constant time.
    qsizetype objectCount() const;

    // --- time -------------------------------------------------------------------------
    // Processes every queued item with time <= t in (time, seq) order, then sets now = t.
    void advanceTo(Millis t);
    void advanceBy(Millis delta) { advanceTo(m_state.now + delta); }
    // Time of the next queued item, if any.
    std::optional<Millis> nextWorkTime() const;
    bool isSettled() const { return m_state.queue.isEmpty(); }
    // Advances until nothing is queued or the bound is reached; returns true when settled.
    bool advanceUntilSettled(Millis bound);

    // --- user actions (recorded, replayed on time travel) -----------------------------
    // Applies manifest objects all-or-nothing: every object is admitted or none is.
    // create = true behaves like `kubectl create` (AlreadyExists is an error). dryRun admits
    // only: the result says what would happen, nothing is written or recorded.
    ApplyResult apply(const QList<ManifestObject> &objects, bool create, bool dryRun = false);
    ActionResult deletePod(const QString &ns, const QString &name, std::optional<qint64> grace,
                           bool force);
    ActionResult deleteStatefulSet(const QString &ns, const QString &name, bool orphan);
    ActionResult deleteService(const QString &ns, const QString &name);
    ActionResult deleteNode(const QString &name);
    ActionResult scale(const QString &ns, const QString &name, int replicas);
    // Replaces the StatefulSet's spec (after admission) — used by set image / patch.
    ActionResult updateStatefulSet(const StatefulSet &updated, const QString &verb);
    ActionResult setPodReadiness(const QString &ns, const QString &name, bool ready);
    ActionResult crashPod(const QString &ns, const QString &name);
    // `sim init-fail|init-pass POD`: the pod's init containers exit with code 1 from now on (or
    // succeed again).
    ActionResult setInitContainersFailing(const QString &ns, const QString &name, bool failing);
    ActionResult failPod(const QString &ns, const QString &name);
    // The pod's command ran to its end with exitCode (a pod with restartPolicy Never or
    // OnFailure whose command an attached client ran): Succeeded or Failed.
    ActionResult completePod(const QString &ns, const QString &name, int exitCode);
    ActionResult setNodeHeartbeat(const QString &name, bool up);
    ActionResult cordonNode(const QString &name, bool cordon);
    ActionResult taintNode(const QString &name, const Taint &taint, bool remove);
    ActionResult setPullTime(const QString &image, Millis duration);
    // Live view (config().observeOnly): records objects as a real cluster's watch showed them,
    // at the present virtual time, with the decisions they let one infer (sim/observe.cpp).
    ActionResult observe(const QList<ObservedChange> &changes);

    // --- history ----------------------------------------------------------------------
    const QList<WatchEvent> &watchEvents() const { return m_events; }
    const QList<Decision> &decisions() const { return m_decisions; }
    // The store as it was at virtual time t (t <= now), rebuilt from the nearest checkpoint.
    Store storeAt(Millis t) const;
    // Discards everything after t and makes t the present (for acting at a past moment).
    void rewindTo(Millis t);
    // Whether user actions were taken after time t (acting at t would discard them).
    bool hasActionsAfter(Millis t) const;
    // User actions recorded so far (apply, delete, scale, sim faults, ...).
    qsizetype actionCount() const { return m_actions.size(); }
    Millis actionTime(qsizetype index) const { return m_actions.value(index).time; }
    // Undoes user actions from index on: the present becomes the moment just before that
    // action, as if it had never been taken (for undo; redo simply acts again).
    void rewindToAction(qsizetype index);
    // When false, no history is kept (benchmarks); storeAt/rewindTo then only know now.
    void setRecordHistory(bool record) { m_recordHistory = record; }
    bool recordsHistory() const { return m_recordHistory; }

    void addListener(SimulationListener *listener);
    void removeListener(SimulationListener *listener);

    // --- for controllers ----------------------------------------------------------------
    QString newUid();
    // Writes an object; a pod change also queues the controllers that watch pods. key, when
    // not empty, is the object's key. Returns the object as stored (valid until it is written
    // or removed again), for callers that move their copy in and read on.
    template<typename T>
    const T &write(T object, const QString &key = {})
    {
        const T *stored = nullptr;
        const WatchEvent event = m_state.store.put(std::move(object), m_state.now, key,
                                                   eventsKeepObjects(), &stored);
        return announce(event, *stored);
    }
    // Changes a stored object in place (see Store::update): the way to change one field of
    // an object without copying all of it. Returns the object as stored.
    template<typename T, typename Change>
    const T &update(const QString &key, const Change &change)
    {
        const T *stored = nullptr;
        const WatchEvent event = m_state.store.update<T>(key, m_state.now, eventsKeepObjects(),
                                                         change, &stored);
        return announce(event, *stored);
    }
    template<typename T>
    void erase(const QString &key)
    {
        const WatchEvent event = m_state.store.remove<T>(key, m_state.now);
        if (!event.object)
            return;
        emitEvent(event);
        if constexpr (std::is_same_v<T, Pod>)
            podChanged(event, *event.as<Pod>());
    }
    void enqueue(WorkKind kind, const QString &key, Millis delay = 0, int step = 0,
                 const QString &uid = {}, qint64 token = 0);
    // Records a Decision unless it repeats the last one about the same subject.
    void decide(const QString &controller, const QString &objectKind, const QString &objectKey,
                const QString &subject, const QString &message);
    // The same with the message made by a callable, called only when someone keeps or
    // receives decisions (per-pod decisions on hot paths).
    template<typename MakeMessage>
        requires std::is_invocable_r_v<QString, MakeMessage>
    void decide(const QString &controller, const QString &objectKind, const QString &objectKey,
                const QString &subject, const MakeMessage &message)
    {
        if (m_recordHistory || m_decisionListeners > 0)
            decide(controller, objectKind, objectKey, subject, QString(message()));
    }
    // Records a core/v1 Event (aggregated like the event recorder: same reason and message
    // about the same object bumps count and lastTimestamp).
    void recordEvent(const ObjectReference &object, const QString &type, const QString &reason,
                     const QString &message, const QString &source);
    // The same with the message made by a callable, called only when Events are recorded (not
    // with history off), so that hot paths do not format text nobody keeps.
    template<typename MakeMessage>
        requires std::is_invocable_r_v<QString, MakeMessage>
    void recordEvent(const ObjectReference &object, const QString &type, const QString &reason,
                     const MakeMessage &message, const QString &source)
    {
        if (m_recordHistory)
            recordEvent(object, type, reason, QString(message()), source);
    }
    PodRuntime &podRuntime(const QString &uid) { return m_state.pods[uid]; }
    NodeRuntime &nodeRuntime(const QString &name) { return m_state.nodes[name]; }
    SimState &state() { return m_state; }
    SchedulerCache &schedulerCache() { return m_schedulerCache; }
    // A fresh pod IP on the node: the next free address after the last one handed out.
    QString allocatePodIP(const QString &nodeName);
    void releasePodIP(const QString &nodeName, const QString &ip);
    // Queues a scheduling attempt for every pod waiting for a node (room may have appeared).
    void retryPendingPods();
    // Queues the controllers interested in a pod change (owner set, services, scheduler); pod
    // is the pod after the change (before it, for a deletion).
    void podChanged(const WatchEvent &event, const Pod &pod);

private:
    struct Checkpoint
    {
        Millis time = 0;
        SimState state;
        qsizetype events = 0;
        qsizetype decisions = 0;
        qsizetype actions = 0;
    };
    struct Action
    {
        Millis time = 0;
        std::function<void(Simulation &)> run;
        qsizetype eventsBefore = 0;
        qsizetype decisionsBefore = 0;
    };

    void bootstrap();
    void dispatch(const WorkItem &item);
    // Whether a write's watch event carries a copy of the object (someone keeps it).
    bool eventsKeepObjects() const { return m_recordHistory || m_objectListeners > 0; }
    // Tells everyone about a write: its watch event, and for a pod the controllers that
    // watch pods. Returns the object as stored.
    template<typename T>
    const T &announce(const WatchEvent &event, const T &stored)
    {
        emitEvent(event);
        if constexpr (std::is_same_v<T, Pod>)
            podChanged(event, stored);
        return stored;
    }
    // Queues a controller sync of ns/name unless the same one is known to be queued already.
    void queueSync(WorkKind kind, const QString &ns, const QString &name);
    // Forgets what is derived from m_state (after it was replaced wholesale).
    void clearDerived();
    void emitEvent(const WatchEvent &event);
    // Marks the extent of a user action (or a dispatched work item); nested calls are part of it.
    class ActionScope
    {
    public:
        explicit ActionScope(Simulation *sim)
            : m_sim(sim)
        {
            ++m_sim->m_depth;
        }
        ~ActionScope() { --m_sim->m_depth; }
        ActionScope(const ActionScope &) = delete;
        ActionScope &operator=(const ActionScope &) = delete;

    private:
        Simulation *m_sim;
    };
    ActionScope beginAction(std::function<void(Simulation &)> action);
    void maybeCheckpoint();
    // Replays from the checkpoint before t into a scratch simulation, up to t, applying the
    // recorded actions with time <= t and index < actionLimit.
    std::unique_ptr<Simulation> replayTo(Millis t, qsizetype actionLimit = -1) const;
    // A free ClusterIP for the Service: not held by a stored Service nor in claimed (the
    // addresses earlier Services of the same apply were given).
    QString allocateServiceIP(const Service &service, const QSet<QString> &claimed) const;
    ActionResult admit(ManifestObject object, bool create, QList<std::function<void()>> &commits);

    ClusterConfig m_config;
    SimState m_state;
    SchedulerCache m_schedulerCache; // derived from m_state.store; cleared when it is replaced
    // The last StatefulSet and Endpoints sync queued by queueSync, while it is still queued:
    // pods of one set change in bursts, and this spares the burst building and hashing keys.
    struct QueuedSync
    {
        QString ns;
        QString name;
        bool queued = false;
    };
    std::array<QueuedSync, 2> m_lastSync;
    QList<WatchEvent> m_events;
    QList<Decision> m_decisions;
    QList<Action> m_actions;
    QList<Checkpoint> m_checkpoints;
    QList<SimulationListener *> m_listeners;
    int m_decisionListeners = 0; // listeners that want decisions
    int m_objectListeners = 0;   // listeners that want the objects of watch events
    bool m_recordHistory = true;
    qsizetype m_objectBudget = kDefaultObjectBudget;
    bool m_replaying = false;
    int m_depth = 0;
};

} // namespace ordinal::core
