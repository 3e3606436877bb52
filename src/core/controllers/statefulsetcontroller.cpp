#include "controllers/statefulsetcontroller.h"

#include "api/admission.h"
#include "sim/simulation.h"

#include <QStringBuilder>

#include <algorithm>
#include <limits>

namespace ordinal::core {

namespace {

const QString kController = QStringLiteral("statefulset-controller");
const QString kRevisionLabel = QStringLiteral("controller-revision-hash");
const QString kPodNameLabel = QStringLiteral("statefulset.kubernetes.io/pod-name");
const QString kPodIndexLabel = QStringLiteral("apps.kubernetes.io/pod-index");

// What one pass works with: the set, its member pods by slot, and what it has decided.
struct Pass
{
    Simulation &sim;
    QString key;
    StatefulSet set;
    QString currentRevision;
    QString updateRevision;
    QList<const Pod *> replicas;  // index i = ordinal start + i; nullptr when missing
    QList<const Pod *> condemned; // descending ordinal
    bool monotonic = true;
    int outdated = 0; // replicas not at the update revision

    QString ns() const { return set.metadata.namespaceName; }
    QString name() const { return set.metadata.name; }
    QString podName(int ordinal) const
    {
        return set.metadata.name % QLatin1Char('-') % QString::number(ordinal);
    }
    int start() const { return set.spec.startOrdinal(); }

    // message: the text, or a callable making it (see Simulation::decide).
    template<typename Message>
    void decide(const QString &subject, const Message &message) const
    {
        sim.decide(kController, QStringLiteral("StatefulSet"), key, subject, message);
    }
    // message: the text, or a callable making it (called only when Events are recorded).
    template<typename Message>
    void event(const QString &type, const QString &reason, const Message &message) const
    {
        sim.recordEvent(
            ObjectReference{QStringLiteral("StatefulSet"), ns(), name(), set.metadata.uid}, type,
            reason, message, kController);
    }
};

// A pod the set owns, or an orphan it may adopt (as upstream's ClaimPods; the selector is
// immutable and owned pods keep their labels, so owned pods always match it).
bool isMember(const StatefulSet &set, const Pod &pod, const OwnerReference *owner)
{
    if (owner)
        return owner->uid == set.metadata.uid;
    return pod.metadata.namespaceName == set.metadata.namespaceName
        && set.spec.selector.matches(pod.metadata.labels);
}

// The pod's controller-revision-hash label (empty when it has none), not copied: the passes
// read it for every member.
const QString &revisionOf(const Pod &pod)
{
    static const QString none;
    const auto it = pod.metadata.labels.constFind(kRevisionLabel);
    return it == pod.metadata.labels.cend() ? none : it.value();
}

bool isUnavailable(const Pod *pod, int minReadySeconds, Millis now)
{
    return !pod || pod->metadata.isTerminating() || !pod->isAvailable(minReadySeconds, now);
}

// Simple FNV-1a over the text, as upstream hashes the revision data with fnv32a.
quint32 fnv32a(const QByteArray &data)
{
    quint32 hash = 2166136261u;
    for (const char c : data) {
        hash ^= static_cast<quint8>(c);
        hash *= 16777619u;
    }
    return hash;
}

// apimachinery rand.SafeEncodeString: maps every byte into a vowel-free alphabet.
QString safeEncode(const QString &text)
{
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString out;
    for (const QChar c : text)
        out += QLatin1Char(alphabet[c.unicode() % 27]);
    return out;
}

QString mapText(const QMap<QString, QString> &map)
{
    QStringList parts;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value();
    return QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}

QString probeText(const std::optional<Probe> &probe)
{
    if (!probe)
        return QStringLiteral("-");
    return QStringLiteral("%1:%2:%3/%4/%5/%6")
        .arg(probe->handler, probe->detail)
        .arg(probe->initialDelaySeconds)
        .arg(probe->periodSeconds)
        .arg(probe->failureThreshold)
        .arg(probe->successThreshold);
}

} // namespace

bool StatefulSetController::wantsIdentity(const StatefulSet &set, const QString &podName)
{
    const int ordinal = ordinalOf(set.metadata.name, podName);
    return ordinal >= set.spec.startOrdinal()
        && ordinal < set.spec.startOrdinal() + set.spec.replicas;
}

int StatefulSetController::ordinalOf(const QString &setName, const QString &podName)
{
    // As upstream getParentNameAndOrdinal: "(.*)-([0-9]+)$".
    const qsizetype dash = podName.lastIndexOf(QLatin1Char('-'));
    if (dash != setName.size() || dash + 1 >= podName.size()
        || !QStringView(podName).left(dash).startsWith(setName))
        return -1;
    qint64 ordinal = 0;
    for (const QChar c : QStringView(podName).mid(dash + 1)) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return -1;
        ordinal = ordinal * 10 + (c.unicode() - '0');
        if (ordinal > std::numeric_limits<int>::max())
            return -1;
    }
    return int(ordinal);
}

QString StatefulSetController::templateText(const PodTemplateSpec &t)
{
    QStringList parts;
    parts << QStringLiteral("labels=") + mapText(t.metadata.labels)
          << QStringLiteral("annotations=") + mapText(t.metadata.annotations);
    for (const Container &c : t.spec.containers) {
        QStringList ports;
        for (const ContainerPort &p : c.ports)
            ports << QStringLiteral("%1/%2/%3").arg(p.name).arg(p.containerPort).arg(p.protocol);
        QStringList requests;
        for (auto it = c.resources.requests.cbegin(); it != c.resources.requests.cend(); ++it)
            requests << it.key() + QLatin1Char('=') + it.value().text;
        parts << QStringLiteral("container=%1|%2|%3|%4|%5|%6|%7")
                     .arg(c.name, c.image, c.command.join(QLatin1Char(' ')),
                          ports.join(QLatin1Char(',')), requests.join(QLatin1Char(',')),
                          probeText(c.readinessProbe), c.args.join(QLatin1Char(' ')));
    }
    parts << QStringLiteral("nodeSelector=") + mapText(t.spec.nodeSelector)
          << QStringLiteral("grace=%1").arg(t.spec.terminationGracePeriodSeconds);
    return parts.join(QLatin1Char(';'));
}

QString StatefulSetController::revisionName(const StatefulSet &set,
                                            const PodTemplateSpec &podTemplate)
{
    const quint32 hash = fnv32a((templateText(podTemplate)
                                 + QString::number(set.status.collisionCount))
                                    .toUtf8());
    return set.metadata.name + QLatin1Char('-') + safeEncode(QString::number(hash)).left(10);
}

void StatefulSetController::sync(Simulation &sim, const QString &setKey)
{
    const StatefulSet *found = sim.store().find<StatefulSet>(setKey);
    if (!found)
        return;
    const Store &store = sim.store();
    const Millis now = sim.now();
    Pass pass{sim, setKey, *found, {}, {}, {}, {}, !found->spec.isParallel()};
    StatefulSet &set = pass.set;
    const int start = pass.start();
    const int replicaCount = set.spec.replicas;
    const int minReady = set.spec.minReadySeconds;

    // Step 1: revisions. The update revision is the one whose template equals the set's; an
    // older equal revision is reused with its number bumped (rollback).
    QList<const ControllerRevision *> revisions;
    qint64 maxRevision = 0;
    // The set's revisions are named "<set>-<hash>" (revisionName), so only the keys with that
    // prefix are read: a walk over every revision of the namespace made each pass cost as much
    // as all the sets, and a namespace of N sets O(N^2) to settle.
    const QString revisionPrefix = objectKey(pass.ns(), pass.name() + QLatin1Char('-'));
    for (const ControllerRevision *rev : store.listByKeyPrefix<ControllerRevision>(revisionPrefix)) {
        const OwnerReference *owner = rev->metadata.controllerRef();
        if (owner && owner->uid == set.metadata.uid) {
            revisions << rev;
            maxRevision = std::max(maxRevision, rev->revision);
        }
    }
    pass.updateRevision = revisionName(set, set.spec.podTemplate);
    const QString updateKey = objectKey(pass.ns(), pass.updateRevision);
    if (const ControllerRevision *existing = store.find<ControllerRevision>(updateKey)) {
        if (existing->revision != maxRevision) {
            ControllerRevision bumped = *existing;
            bumped.revision = maxRevision + 1;
            sim.write(bumped);
            pass.decide({}, tr("Template matches revision %1 again: it is reused as revision %2 "
                               "(rollback, no new ControllerRevision).")
                                .arg(pass.updateRevision)
                                .arg(maxRevision + 1));
        }
    } else {
        ControllerRevision rev;
        rev.metadata.name = pass.updateRevision;
        rev.metadata.namespaceName = pass.ns();
        rev.metadata.uid = sim.newUid();
        rev.metadata.creationTimestamp = now;
        rev.metadata.labels = set.spec.podTemplate.metadata.labels;
        rev.metadata.labels.insert(kRevisionLabel, pass.updateRevision.mid(pass.name().size() + 1));
        rev.metadata.ownerReferences << OwnerReference{QStringLiteral("apps/v1"),
                                                       QStringLiteral("StatefulSet"), pass.name(),
                                                       set.metadata.uid, true, true};
        rev.revision = maxRevision + 1;
        rev.podTemplate = set.spec.podTemplate;
        rev.templateHash = templateText(set.spec.podTemplate);
        sim.write(rev);
    }
    pass.currentRevision = set.status.currentRevision;
    if (pass.currentRevision.isEmpty()
        || !store.find<ControllerRevision>(pass.ns(), pass.currentRevision)) {
        pass.currentRevision = pass.updateRevision;
    }

    // Step 6's status is counted over every pod the set owns (computeReplicaStatus): the
    // pods step 2 finds are counted as they are found, and counted again in step 6 only when
    // steps 3 to 5 changed pods.
    StatefulSetStatus status;
    status.observedGeneration = set.metadata.generation;
    status.currentRevision = pass.currentRevision;
    status.updateRevision = pass.updateRevision;
    status.collisionCount = set.status.collisionCount;
    QSet<QString> liveRevisions;
    const auto clearCounts = [&] {
        status.replicas = status.readyReplicas = status.availableReplicas = 0;
        status.currentReplicas = status.updatedReplicas = 0;
        liveRevisions = {pass.currentRevision, pass.updateRevision};
    };
    clearCounts();
    const auto count = [&](const Pod &pod, const QString &revision) {
        ++status.replicas;
        if (pod.isRunningAndReady()) {
            ++status.readyReplicas;
            if (pod.isAvailable(minReady, now))
                ++status.availableReplicas;
        }
        const bool isCurrent = revision == pass.currentRevision;
        const bool isUpdate = revision == pass.updateRevision;
        if (!isCurrent && !isUpdate)
            liveRevisions.insert(revision);
        if (!pod.metadata.isTerminating()) {
            if (isCurrent)
                ++status.currentReplicas;
            if (isUpdate)
                ++status.updatedReplicas;
        }
    };

    // Step 2: member pods. Orphans whose name fits the set are adopted (as upstream's
    // ClaimPods); pods owned by another controller are left alone.
    //
    // Slots are kept only for the ordinals this pass can touch: those of existing pods and the
    // next ones it may create (one for OrderedReady, up to the object budget for Parallel),
    // never for all of `replicas` (which may be 2^31 - 1). Ordinals stop at 2^31 - 1.
    const qint64 ordinalEnd = std::min<qint64>(qint64(start) + std::max(0, replicaCount),
                                               qint64(std::numeric_limits<int>::max()) + 1);
    const auto inRange = [&](int ordinal) { return ordinal >= start && ordinal < ordinalEnd; };
    qint64 highestSlot = -1;
    QList<std::pair<int, const Pod *>> members; // (slot, pod) of the ordinals in range
    QList<std::pair<int, const Pod *>> condemned;
    for (const Pod &member : store.all<Pod>()) {
        const Pod *pod = &member;
        const OwnerReference *owner = pod->metadata.controllerRef();
        if (!isMember(set, *pod, owner))
            continue;
        const QString *revision = &revisionOf(*pod);
        if (owner)
            count(*pod, *revision);
        const int ordinal = ordinalOf(pass.name(), pod->metadata.name);
        if (ordinal < 0)
            continue;
        if (!owner) {
            if (pod->metadata.isTerminating())
                continue;
            Pod adopted = *pod;
            adopted.metadata.ownerReferences << OwnerReference{
                QStringLiteral("apps/v1"), QStringLiteral("StatefulSet"), pass.name(),
                set.metadata.uid, true, true};
            sim.write(adopted);
            pass.decide(adopted.metadata.name,
                        tr("%1 adopted: its name and labels match the StatefulSet.")
                            .arg(adopted.metadata.name));
            pod = store.find<Pod>(objectKey(adopted.metadata));
            revision = &revisionOf(*pod);
            count(*pod, *revision);
        }
        if (inRange(ordinal)) {
            members << std::make_pair(ordinal - start, pod);
            highestSlot = std::max<qint64>(highestSlot, ordinal - start);
            if (*revision != pass.updateRevision)
                ++pass.outdated;
        } else
            condemned << std::make_pair(ordinal, pod);
    }
    const qint64 budget = std::max<qint64>(0, sim.objectBudget() - sim.objectCount());
    const qint64 creatable = pass.monotonic ? 1 : budget + 1;
    pass.replicas.fill(nullptr,
                       qsizetype(std::min(ordinalEnd - start, highestSlot + 1 + creatable)));
    for (const auto &[slot, pod] : std::as_const(members))
        pass.replicas[slot] = pod;
    const qint64 versionSeen = store.resourceVersion();
    std::sort(condemned.begin(), condemned.end(),
              [](const auto &a, const auto &b) { return a.first > b.first; });
    for (const auto &entry : std::as_const(condemned))
        pass.condemned << entry.second;

    int firstUnhealthy = -1; // index into replicas, or replicas.size() + index into condemned
    for (int i = 0; i < pass.replicas.size() && firstUnhealthy < 0; ++i) {
        if (isUnavailable(pass.replicas[i], minReady, now))
            firstUnhealthy = i;
    }
    for (int i = 0; i < pass.condemned.size() && firstUnhealthy < 0; ++i) {
        if (isUnavailable(pass.condemned[i], minReady, now))
            firstUnhealthy = int(pass.replicas.size()) + i;
    }

    const auto deletePod = [&](const Pod *pod, const QString &why) {
        Pod doomed = *pod;
        sim.decide(kController, QStringLiteral("StatefulSet"), setKey, doomed.metadata.name, why);
        // Claims of a pod removed by scale-down go with it when whenScaled is Delete.
        if (set.spec.whenScaled == QLatin1String("Delete")
            && pass.condemned.contains(pod)) {
            for (const PersistentVolumeClaim &tmpl : set.spec.volumeClaimTemplates) {
                const QString claim = QStringLiteral("%1-%2").arg(tmpl.metadata.name,
                                                                   doomed.metadata.name);
                if (const auto *pvc = store.find<PersistentVolumeClaim>(pass.ns(), claim)) {
                    PersistentVolumeClaim owned = *pvc;
                    owned.metadata.ownerReferences = {OwnerReference{
                        QStringLiteral("v1"), QStringLiteral("Pod"), doomed.metadata.name,
                        doomed.metadata.uid, true, true}};
                    sim.write(owned);
                }
            }
        }
        sim.deletePod(pass.ns(), doomed.metadata.name, std::nullopt, false);
        pass.event(QStringLiteral("Normal"), QStringLiteral("SuccessfulDelete"),
                   QStringLiteral("delete Pod %1 in StatefulSet %2 successful")
                       .arg(doomed.metadata.name, pass.name()));
    };
    std::optional<Pod> updatePrototype;
    std::optional<Pod> currentPrototype;
    // What the API server says about each prototype's pods (the text after "is invalid: "),
    // empty when it accepts them. Upstream does not validate a StatefulSet's pod template (a
    // long-standing gap), so an invalid template is accepted and every pod creation fails.
    std::optional<QString> updateRejection;
    std::optional<QString> currentRejection;
    // newVersionedStatefulSetPod: below the partition (or below currentReplicas when there is
    // no rollingUpdate block) a re-created pod keeps the current revision.
    const auto usesCurrent = [&](int ordinal) {
        const int partition = set.spec.updateStrategy.rollingUpdate
            ? set.spec.updateStrategy.rollingUpdate->partition
            : 0;
        const bool rolling = set.spec.updateStrategy.type == QLatin1String("RollingUpdate");
        const bool useCurrent = rolling
            && ((!set.spec.updateStrategy.rollingUpdate
                 && ordinal < qint64(start) + set.status.currentReplicas)
                || (set.spec.updateStrategy.rollingUpdate && ordinal < qint64(start) + partition));
        return useCurrent && pass.currentRevision != pass.updateRevision;
    };
    // What every pod of the revision shares is made once per pass; pods made from it share
    // its spec and labels until they change them.
    const auto prototypeFor = [&](bool current) -> const Pod & {
        std::optional<Pod> &prototype = current ? currentPrototype : updatePrototype;
        if (!prototype) {
            const QString &revisionName = current ? pass.currentRevision : pass.updateRevision;
            const ControllerRevision *revision =
                store.find<ControllerRevision>(pass.ns(), revisionName);
            const PodTemplateSpec &tmpl = revision ? revision->podTemplate
                                                   : set.spec.podTemplate;
            prototype.emplace();
            prototype->metadata = tmpl.metadata;
            prototype->metadata.fieldSources.clear();
            prototype->metadata.namespaceName = pass.ns();
            prototype->metadata.creationTimestamp = now;
            prototype->metadata.generation = 0;
            prototype->metadata.labels.insert(kRevisionLabel, revisionName);
            prototype->metadata.ownerReferences = {
                OwnerReference{QStringLiteral("apps/v1"), QStringLiteral("StatefulSet"),
                               pass.name(), set.metadata.uid, true, true}};
            prototype->spec = tmpl.spec;
            prototype->spec.subdomain = set.spec.serviceName;
            prototype->status.phase = PodPhase::Pending;
            // The pod goes through admission like any other (default tolerations, pull
            // policy); nothing admission sets depends on the pod's name.
            Admission::applyDefaults(*prototype);
        }
        return *prototype;
    };
    // Whether the API server refuses the pod (it validates pods, not StatefulSet templates);
    // says so as upstream's FailedCreate event and a Decision.
    const auto rejectsPod = [&](int ordinal, const QString &name) {
        const bool current = usesCurrent(ordinal);
        std::optional<QString> &rejection = current ? currentRejection : updateRejection;
        if (!rejection) {
            Pod check = prototypeFor(current);
            check.metadata.name = name;
            check.metadata.source = {};
            check.spec.hostname = name;
            // The claims' volumes, as createPod adds them.
            for (const PersistentVolumeClaim &claimTemplate : set.spec.volumeClaimTemplates) {
                check.spec.volumes.removeIf(
                    [&](const Volume &v) { return v.name == claimTemplate.metadata.name; });
                check.spec.volumes << Volume{claimTemplate.metadata.name,
                                             claimTemplate.metadata.name + QLatin1Char('-') + name,
                                             QStringLiteral("persistentVolumeClaim")};
            }
            rejection = Admission::validateCreate(check).causesText();
        }
        if (rejection->isEmpty())
            return false;
        const QString why = QStringLiteral("Pod \"%1\" is invalid: %2").arg(name, *rejection);
        pass.decide(name, tr("%1 not created: the API server rejects the pod the template "
                             "makes: %2")
                              .arg(name, why));
        pass.event(QStringLiteral("Warning"), QStringLiteral("FailedCreate"),
                   QStringLiteral("create Pod %1 in StatefulSet %2 failed error: %3")
                       .arg(name, pass.name(), why));
        return true;
    };
    const auto createPod = [&](int ordinal, const QString &name) {
        const bool current = usesCurrent(ordinal);
        if (current)
            ++pass.outdated;
        const Pod &prototype = prototypeFor(current);

        Pod pod = prototype;
        pod.metadata.name = name;
        pod.metadata.uid = sim.newUid();
        pod.metadata.labels.insert(kPodNameLabel, pod.metadata.name);
        pod.metadata.labels.insert(kPodIndexLabel, QString::number(ordinal));
        pod.spec.hostname = pod.metadata.name;

        // Claims first (CreateStatefulPod): one per template, re-used when it exists.
        for (const PersistentVolumeClaim &claimTemplate : set.spec.volumeClaimTemplates) {
            const QString claimName =
                QStringLiteral("%1-%2").arg(claimTemplate.metadata.name, pod.metadata.name);
            Volume volume{claimTemplate.metadata.name, claimName,
                          QStringLiteral("persistentVolumeClaim")};
            pod.spec.volumes.removeIf([&](const Volume &v) { return v.name == volume.name; });
            pod.spec.volumes << volume;
            if (store.find<PersistentVolumeClaim>(pass.ns(), claimName))
                continue;
            PersistentVolumeClaim pvc = claimTemplate;
            pvc.metadata.name = claimName;
            pvc.metadata.namespaceName = pass.ns();
            pvc.metadata.uid = sim.newUid();
            pvc.metadata.creationTimestamp = now;
            pvc.metadata.fieldSources.clear();
            for (auto it = set.spec.selector.matchLabels.cbegin();
                 it != set.spec.selector.matchLabels.cend(); ++it)
                pvc.metadata.labels.insert(it.key(), it.value());
            if (set.spec.whenDeleted == QLatin1String("Delete")) {
                pvc.metadata.ownerReferences = {OwnerReference{
                    QStringLiteral("apps/v1"), QStringLiteral("StatefulSet"), pass.name(),
                    set.metadata.uid, true, true}};
            }
            if (pvc.spec.storageClassName.isEmpty())
                pvc.spec.storageClassName = QStringLiteral("standard");
            // Dynamic provisioning is instant in Ordinal: the claim is Bound on creation.
            pvc.spec.volumeName = QStringLiteral("pvc-") + pvc.metadata.uid;
            pvc.phase = QStringLiteral("Bound");
            pvc.capacity = pvc.spec.storage;
            sim.write(pvc);
            pass.event(QStringLiteral("Normal"), QStringLiteral("SuccessfulCreate"),
                       QStringLiteral("create Claim %1 Pod %2 in StatefulSet %3 success")
                           .arg(claimName, pod.metadata.name, pass.name()));
        }
        const QString podName = pod.metadata.name;
        sim.write(std::move(pod));
        pass.event(QStringLiteral("Normal"), QStringLiteral("SuccessfulCreate"), [&] {
            return QStringLiteral("create Pod %1 in StatefulSet %2 successful")
                .arg(podName, pass.name());
        });
    };

    // Step 3: replicas in ascending order (processReplica).
    bool blocked = false;
    QString blockReason;
    int blockedAt = -1;
    for (int i = 0; i < pass.replicas.size(); ++i) {
        const Pod *pod = pass.replicas[i];
        const int ordinal = start + i;
        const QString name = pod ? pod->metadata.name : pass.podName(ordinal);
        if (pod && pod->isTerminal()) {
            if (!pod->metadata.isTerminating()) {
                deletePod(pod, tr("%1 is %2: it is deleted and will be created again with the "
                                  "same name.")
                                   .arg(name, toString(pod->status.phase)));
            }
            if (pass.monotonic) {
                blocked = true;
                blockReason = tr("%1 is being replaced").arg(name);
                blockedAt = i;
                break;
            }
            continue;
        }
        if (!pod) {
            if (sim.objectCount() >= sim.objectBudget()) {
                // The simulation's object budget stands in for a cluster that is full.
                pass.decide(name,
                            tr("%1 not created: the simulation holds %2 objects, its "
                               "budget (see docs/reliability.md).")
                                .arg(name)
                                .arg(sim.objectBudget()));
                blocked = true;
                break;
            }
            if (rejectsPod(ordinal, name)) {
                // As upstream: the pass ends on the error; it is retried when something changes.
                blocked = true;
                break;
            }
            if (pass.monotonic) {
                pass.decide(name, i == 0
                                      ? tr("%1 created: it is the lowest missing ordinal.")
                                            .arg(name)
                                      : tr("%1 created: %2 is Running and Ready (OrderedReady).")
                                            .arg(name, pass.podName(ordinal - 1)));
            } else {
                pass.decide(name, [&] {
                    return tr("%1 created at once: podManagementPolicy is Parallel.").arg(name);
                });
            }
            createPod(ordinal, name);
            if (pass.monotonic) {
                // One creation per pass; the next pass says what waits (not yet Ready).
                blocked = true;
                break;
            }
            continue;
        }
        if (!pass.monotonic)
            continue;
        if (pod->metadata.isTerminating()) {
            blocked = true;
            blockReason = tr("%1 is Terminating").arg(name);
        } else if (!pod->isRunningAndReady()) {
            blocked = true;
            blockReason = tr("%1 is not Running and Ready").arg(name);
        } else if (!pod->isAvailable(minReady, now)) {
            blocked = true;
            blockReason = tr("%1 has not been Ready for minReadySeconds (%2 s)")
                              .arg(name)
                              .arg(minReady);
            const PodCondition *ready = pod->status.condition(QStringLiteral("Ready"));
            sim.enqueue(WorkKind::SyncStatefulSet, setKey,
                        ready->lastTransitionTime + minReady * kSecond - now);
        }
        if (blocked) {
            blockedAt = i;
            break;
        }
    }

    // Say what waits behind a block: the next missing pod, the scale-down, or the update.
    if (blocked && blockedAt >= 0) {
        int next = blockedAt + 1;
        while (next < pass.replicas.size() && pass.replicas[next])
            ++next;
        if (next < pass.replicas.size()) {
            pass.decide(pass.podName(start + next),
                        tr("%1 not created: %2 (OrderedReady creates one pod at a time, in "
                           "ordinal order).")
                            .arg(pass.podName(start + next), blockReason));
        } else if (!pass.condemned.isEmpty()) {
            pass.decide(pass.condemned.first()->metadata.name,
                        tr("%1 not deleted yet: %2 (scale-down waits for every pod to be "
                           "Running and Ready).")
                            .arg(pass.condemned.first()->metadata.name, blockReason));
        }
    }

    // Step 4: condemned pods, highest ordinal first (processCondemned).
    if (!blocked) {
        for (int i = 0; i < pass.condemned.size(); ++i) {
            const Pod *pod = pass.condemned[i];
            const QString name = pod->metadata.name;
            if (pod->metadata.isTerminating()) {
                if (pass.monotonic) {
                    blocked = true;
                    const QString nextName = i + 1 < pass.condemned.size()
                        ? pass.condemned[i + 1]->metadata.name
                        : QString();
                    if (!nextName.isEmpty()) {
                        pass.decide(nextName, tr("%1 not deleted yet: %2 is still Terminating "
                                                 "(scale-down removes one pod at a time and "
                                                 "waits until it is gone).")
                                                  .arg(nextName, name));
                    }
                    break;
                }
                continue;
            }
            const int index = int(pass.replicas.size()) + i;
            if (pass.monotonic && isUnavailable(pod, minReady, now) && index != firstUnhealthy) {
                blocked = true;
                const QString culprit = firstUnhealthy < pass.replicas.size()
                    ? pass.podName(start + firstUnhealthy)
                    : pass.condemned[firstUnhealthy - pass.replicas.size()]->metadata.name;
                pass.decide(name, tr("%1 not deleted: %2 is not Running and Ready, and "
                                     "scale-down halts behind an unhealthy pod.")
                                      .arg(name, culprit));
                break;
            }
            deletePod(pod, pass.monotonic
                               ? tr("%1 deleted: scale down, highest ordinal first.").arg(name)
                               : tr("%1 deleted: scale down, Parallel deletes all at once.")
                                     .arg(name));
            if (pass.monotonic) {
                blocked = true;
                break;
            }
        }
    }

    // Step 5: rolling update, from the highest ordinal down to the partition (only while some
    // replica is not at the update revision: otherwise there is nothing to wait for).
    if (!blocked && pass.outdated > 0
        && set.spec.updateStrategy.type == QLatin1String("RollingUpdate")) {
        const int partition = set.spec.updateStrategy.rollingUpdate
            ? set.spec.updateStrategy.rollingUpdate->partition
            : 0;
        for (int target = int(pass.replicas.size()) - 1; target >= partition; --target) {
            const Pod *pod = store.find<Pod>(pass.ns(), pass.podName(start + target));
            if (!pod)
                break;
            const QString name = pod->metadata.name;
            if (revisionOf(*pod) != pass.updateRevision && !pod->metadata.isTerminating()) {
                deletePod(pod, tr("%1 deleted to update it to revision %2 (RollingUpdate: "
                                  "highest ordinal first, one at a time).")
                                   .arg(name, pass.updateRevision));
                break;
            }
            if (isUnavailable(pod, minReady, now)) {
                if (target > partition) {
                    pass.decide(pass.podName(start + target - 1),
                                tr("Rolling update waits: %1 must be Running and Ready at the "
                                   "new revision before %2 is updated.")
                                    .arg(name, pass.podName(start + target - 1)));
                }
                break;
            }
        }
    }

    // Step 6: status. Steps 3 to 5 changed pods: count them again as they are now.
    if (store.resourceVersion() != versionSeen) {
        clearCounts();
        for (const Pod &pod : store.all<Pod>()) {
            const OwnerReference *owner = pod.metadata.controllerRef();
            if (owner && owner->uid == set.metadata.uid)
                count(pod, revisionOf(pod));
        }
    }
    // completeRollingUpdate (from 1.36 also for OnDelete).
    if (status.updatedReplicas == status.replicas && status.replicas == status.readyReplicas
        && status.readyReplicas == replicaCount) {
        status.currentRevision = status.updateRevision;
        status.currentReplicas = status.updatedReplicas;
    }
    if (const StatefulSet *latest = store.find<StatefulSet>(setKey);
        latest && !(latest->status == status)) {
        StatefulSet updated = *latest;
        updated.status = status;
        sim.write(updated);
    }

    // Step 7: history limit, oldest non-live revisions first.
    QList<const ControllerRevision *> history;
    for (const ControllerRevision *rev : store.listByKeyPrefix<ControllerRevision>(revisionPrefix)) {
        const OwnerReference *owner = rev->metadata.controllerRef();
        if (owner && owner->uid == set.metadata.uid && !liveRevisions.contains(rev->metadata.name))
            history << rev;
    }
    std::sort(history.begin(), history.end(), [](const auto *a, const auto *b) {
        return a->revision < b->revision;
    });
    QStringList prune;
    for (qsizetype i = 0; set.spec.revisionHistoryLimit >= 0
         && i < history.size() - set.spec.revisionHistoryLimit;
         ++i)
        prune << objectKey(history[i]->metadata);
    for (const QString &key : std::as_const(prune))
        sim.erase<ControllerRevision>(key);
}

} // namespace ordinal::core
