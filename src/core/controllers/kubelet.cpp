#include "controllers/kubelet.h"

#include "sim/simulation.h"

#include <QStringBuilder>

#include <algorithm>
#include <limits>

namespace ordinal::core {

namespace {

const QString kKubelet = QStringLiteral("kubelet");

ObjectReference refOf(const Pod &pod)
{
    return ObjectReference{QStringLiteral("Pod"), pod.metadata.namespaceName, pod.metadata.name,
                           pod.metadata.uid};
}

bool hasReadinessProbe(const Pod &pod)
{
    return std::any_of(pod.spec.containers.cbegin(), pod.spec.containers.cend(),
                       [](const Container &c) { return c.readinessProbe.has_value(); });
}

const Probe *firstProbe(const Pod &pod)
{
    for (const Container &c : pod.spec.containers) {
        if (c.readinessProbe)
            return &*c.readinessProbe;
    }
    return nullptr;
}

QString durationText(Millis ms)
{
    // As the kubelet prints pull durations: "17s", "1.5s", "2m3s".
    if (ms < kMinute) {
        if (ms % kSecond == 0)
            return QStringLiteral("%1s").arg(ms / kSecond);
        return QStringLiteral("%1s").arg(double(ms) / kSecond, 0, 'f', 3);
    }
    return QStringLiteral("%1m%2s").arg(ms / kMinute).arg((ms % kMinute) / kSecond);
}

// Writes each container's readiness and the Ready/ContainersReady conditions. As the kubelet's
// prober: a container with a readiness probe is ready when its probe passes (probesPass), one
// without a probe is ready as soon as it runs. A pod with no readiness probe at all follows
// probesPass too, so that `sim unready` still means something for it (Ordinal's fault, not a
// kubelet behaviour).
void setReady(Pod &pod, bool probesPass, Millis now)
{
    const bool anyProbe = hasReadinessProbe(pod);
    for (qsizetype i = 0; i < pod.status.containerStatuses.size(); ++i) {
        ContainerStatus &cs = pod.status.containerStatuses[i];
        const bool probed = !anyProbe
            || (i < pod.spec.containers.size() && pod.spec.containers[i].readinessProbe);
        cs.ready = cs.state.kind == ContainerState::Kind::Running && (!probed || probesPass);
    }
    const bool all = std::all_of(pod.status.containerStatuses.cbegin(),
                                 pod.status.containerStatuses.cend(),
                                 [](const ContainerStatus &cs) { return cs.ready; });
    const QString status = all ? QStringLiteral("True") : QStringLiteral("False");
    const QString reason = all ? QString() : QStringLiteral("ContainersNotReady");
    QString message;
    if (!all) {
        QStringList names;
        for (const ContainerStatus &cs : pod.status.containerStatuses) {
            if (!cs.ready)
                names << cs.name;
        }
        message = QStringLiteral("containers with unready status: [") % names.join(QLatin1Char(' '))
            % QLatin1Char(']');
    }
    pod.status.setCondition(QStringLiteral("ContainersReady"), status, now, reason, message);
    pod.status.setCondition(QStringLiteral("Ready"), status, now, reason, message);
}

// Index of the first init container that has not completed (exit code 0), or -1 when all did.
qsizetype pendingInit(const Pod &pod)
{
    for (qsizetype i = 0; i < pod.spec.initContainers.size(); ++i) {
        const ContainerStatus *cs = i < pod.status.initContainerStatuses.size()
            ? &pod.status.initContainerStatuses[i]
            : nullptr;
        if (!cs || cs->state.kind != ContainerState::Kind::Terminated || cs->state.exitCode != 0)
            return i;
    }
    return -1;
}

// The Initialized condition, as the kubelet's GeneratePodInitializedCondition words it.
void setInitialized(Pod &pod, Millis now)
{
    QStringList incomplete;
    for (qsizetype i = 0; i < pod.spec.initContainers.size(); ++i) {
        const ContainerStatus *cs = i < pod.status.initContainerStatuses.size()
            ? &pod.status.initContainerStatuses[i]
            : nullptr;
        if (!cs || cs->state.kind != ContainerState::Kind::Terminated || cs->state.exitCode != 0)
            incomplete << pod.spec.initContainers[i].name;
    }
    if (incomplete.isEmpty()) {
        pod.status.setCondition(QStringLiteral("Initialized"), QStringLiteral("True"), now);
    } else {
        pod.status.setCondition(QStringLiteral("Initialized"), QStringLiteral("False"), now,
                                QStringLiteral("ContainersNotInitialized"),
                                QStringLiteral("containers with incomplete status: [")
                                    % incomplete.join(QLatin1Char(' ')) % QLatin1Char(']'));
    }
}

bool nodeUp(Simulation &sim, const Pod &pod)
{
    return !pod.spec.nodeName.isEmpty() && sim.nodeRuntime(pod.spec.nodeName).heartbeating;
}

// Bumps the pod's token so that steps queued for an older state are ignored.
qint64 nextToken(Simulation &sim, const Pod &pod)
{
    return ++sim.podRuntime(pod.metadata.uid).token;
}

void queue(Simulation &sim, const QString &key, const Pod &pod, KubeletStep step, Millis delay,
           qint64 token)
{
    sim.enqueue(WorkKind::KubeletStep, key, delay, int(step), pod.metadata.uid, token);
}

void queue(Simulation &sim, const Pod &pod, KubeletStep step, Millis delay, qint64 token)
{
    queue(sim, objectKey(pod.metadata), pod, step, delay, token);
}

Millis pullTime(Simulation &sim, const QString &image)
{
    const TimingModel &timing = sim.config().timing;
    return sim.state().pullTimes.value(image, timing.pullTimes.value(image, timing.defaultPullTime));
}

// How long the pull of image for pod's node takes: a full pull where the node lacks the image,
// and only the registry's digest check where it has it (imagePullPolicy Always): containerd
// finds every layer present and downloads nothing.
Millis pullTime(Simulation &sim, const Pod &pod, const QString &image)
{
    const Node *node = sim.store().find<Node>(pod.spec.nodeName);
    if (node && node->images.contains(image))
        return std::min(sim.config().timing.digestCheck, pullTime(sim, image));
    return pullTime(sim, image);
}

// Images of the pod's containers that the node does not have yet.
QStringList missingImages(Simulation &sim, const Pod &pod)
{
    QStringList missing;
    const Node *node = sim.store().find<Node>(pod.spec.nodeName);
    for (const Container &c : pod.spec.containers) {
        const bool always = c.imagePullPolicy == QLatin1String("Always");
        if ((always || !node || !node->images.contains(c.image)) && !missing.contains(c.image))
            missing << c.image;
    }
    return missing;
}

// The steps below read the pod as stored (current) and change it in place with
// Simulation::update; Events are recorded before the change, as the kubelet reports them.

// Every image of the app containers is on the node: "already present" for each, then start.
void startWithImagesPresent(Simulation &sim, const QString &key, const Pod &pod, qint64 token)
{
    for (const Container &c : pod.spec.containers) {
        sim.recordEvent(refOf(pod), QStringLiteral("Normal"), QStringLiteral("Pulled"),
                        [&] {
                            return QStringLiteral("Container image \"%1\" already present on "
                                                  "machine")
                                .arg(c.image);
                        },
                        kKubelet);
    }
    queue(sim, key, pod, KubeletStep::Started, sim.config().timing.containerStart, token);
}

void startInit(Simulation &sim, const QString &key, const Pod &pod, qint64 token);

void admit(Simulation &sim, const QString &key, const Pod &current, PodRuntime &runtime)
{
    const Millis now = sim.now();
    const qint64 token = ++runtime.token;
    // While init containers are pending, the app containers' images are pulled only once the
    // last init container completed (the kubelet pulls each container's image as it starts it).
    const bool initializing = pendingInit(current) >= 0;
    const QStringList missing = initializing ? QStringList() : missingImages(sim, current);
    Millis total = 0;
    for (const QString &image : missing) {
        sim.recordEvent(refOf(current), QStringLiteral("Normal"), QStringLiteral("Pulling"),
                        [&] { return QStringLiteral("Pulling image \"%1\"").arg(image); },
                        kKubelet);
        total += pullTime(sim, current, image);
    }
    const Node *node = sim.store().find<Node>(current.spec.nodeName);
    const QString hostIP = node ? node->internalIP : QString();
    const Pod &stored = sim.update<Pod>(key, [&](Pod &pod) {
        if (!pod.status.containerStatuses.isEmpty())
            return; // admitted before (node back up, pull retried): nothing to set up
        pod.status.hostIP = hostIP;
        pod.status.startTime = now;
        pod.status.conditions.reserve(4); // PodScheduled, Initialized, ContainersReady, Ready
        // As the kubelet's convertToAPIContainerStatuses: a container not started yet waits
        // with reason ContainerCreating, or PodInitializing when the pod has init containers.
        const QString waiting = pod.spec.initContainers.isEmpty()
            ? QStringLiteral("ContainerCreating")
            : QStringLiteral("PodInitializing");
        pod.status.initContainerStatuses.reserve(pod.spec.initContainers.size());
        for (const Container &c : std::as_const(pod.spec.initContainers)) {
            ContainerStatus cs;
            cs.name = c.name;
            cs.image = c.image;
            cs.state.reason = waiting;
            pod.status.initContainerStatuses << cs;
        }
        setInitialized(pod, now);
        pod.status.containerStatuses.reserve(pod.spec.containers.size());
        for (const Container &c : std::as_const(pod.spec.containers)) {
            ContainerStatus cs;
            cs.name = c.name;
            cs.image = c.image;
            cs.state.kind = ContainerState::Kind::Waiting;
            cs.state.reason = waiting;
            pod.status.containerStatuses << cs;
        }
        setReady(pod, false, now);
    });
    if (initializing) {
        startInit(sim, key, stored, token);
        return;
    }
    if (missing.isEmpty()) {
        startWithImagesPresent(sim, key, stored, token);
    } else {
        queue(sim, key, stored, KubeletStep::PullDone, total, token);
    }
}

// --- init containers ------------------------------------------------------------------
// As the kubelet's computeInitContainerActions: one init container at a time, in order, each
// run to completion (exit code 0) before the next starts; the app containers start after the
// last one. A failed one is restarted (with back-off) unless restartPolicy is Never, which
// fails the pod.

// Pulls (when needed) and starts the first init container that has not completed.
void startInit(Simulation &sim, const QString &key, const Pod &pod, qint64 token)
{
    const qsizetype i = pendingInit(pod);
    if (i < 0)
        return;
    const Container &c = pod.spec.initContainers[i];
    const Node *node = sim.store().find<Node>(pod.spec.nodeName);
    const bool present = node && node->images.contains(c.image);
    if (present && c.imagePullPolicy != QLatin1String("Always")) {
        sim.recordEvent(refOf(pod), QStringLiteral("Normal"), QStringLiteral("Pulled"),
                        [&] {
                            return QStringLiteral("Container image \"%1\" already present on "
                                                  "machine")
                                .arg(c.image);
                        },
                        kKubelet);
        queue(sim, key, pod, KubeletStep::InitStarted, sim.config().timing.containerStart, token);
        return;
    }
    sim.recordEvent(refOf(pod), QStringLiteral("Normal"), QStringLiteral("Pulling"),
                    [&] { return QStringLiteral("Pulling image \"%1\"").arg(c.image); },
                    kKubelet);
    queue(sim, key, pod, KubeletStep::InitPullDone, pullTime(sim, pod, c.image), token);
}

void initPullDone(Simulation &sim, const QString &key, const Pod &pod, PodRuntime &runtime)
{
    const qsizetype i = pendingInit(pod);
    if (i < 0)
        return;
    const QString image = pod.spec.initContainers[i].image;
    const Millis took = pullTime(sim, pod, image);
    sim.recordEvent(refOf(pod), QStringLiteral("Normal"), QStringLiteral("Pulled"),
                    [&] {
                        return QStringLiteral("Successfully pulled image \"%1\" in %2 (%2 "
                                              "including waiting)")
                            .arg(image, durationText(took));
                    },
                    kKubelet);
    if (!sim.store().find<Node>(pod.spec.nodeName)->images.contains(image))
        sim.update<Node>(pod.spec.nodeName, [&](Node &node) { node.images << image; });
    queue(sim, key, pod, KubeletStep::InitStarted, sim.config().timing.containerStart,
          ++runtime.token);
}

void initStarted(Simulation &sim, const QString &key, const Pod &current, PodRuntime &runtime)
{
    const qsizetype i = pendingInit(current);
    if (i < 0)
        return;
    const Millis now = sim.now();
    // The sandbox, and with it the pod's address, exists before the first init container.
    const QString ip =
        current.status.podIP.isEmpty() ? sim.allocatePodIP(current.spec.nodeName) : QString();
    const QString name = current.spec.initContainers[i].name;
    sim.recordEvent(refOf(current), QStringLiteral("Normal"), QStringLiteral("Created"),
                    [&] { return QStringLiteral("Created container ") + name; }, kKubelet);
    sim.recordEvent(refOf(current), QStringLiteral("Normal"), QStringLiteral("Started"),
                    [&] { return QStringLiteral("Started container ") + name; }, kKubelet);
    const Pod &stored = sim.update<Pod>(key, [&](Pod &pod) {
        if (!ip.isEmpty())
            pod.status.podIP = ip;
        ContainerStatus &cs = pod.status.initContainerStatuses[i];
        if (cs.lastState) // every start after the first follows a failed run
            ++cs.restartCount;
        cs.state = ContainerState{ContainerState::Kind::Running, {}, {}, 0, now, 0};
        cs.started = true;
        cs.ready = false;
    });
    queue(sim, key, stored, KubeletStep::InitExited, sim.config().timing.initContainerRun,
          ++runtime.token);
}

void startApp(Simulation &sim, const QString &key, const Pod &pod, qint64 token);

void initExited(Simulation &sim, const QString &key, const Pod &current, PodRuntime &runtime)
{
    const qsizetype i = pendingInit(current);
    if (i < 0)
        return;
    const Millis now = sim.now();
    const bool failed = runtime.initFailing;
    const bool never = current.spec.restartPolicy == QLatin1String("Never");
    const qint64 token = ++runtime.token;
    const Pod &stored = sim.update<Pod>(key, [&](Pod &pod) {
        ContainerStatus &cs = pod.status.initContainerStatuses[i];
        cs.state = ContainerState{ContainerState::Kind::Terminated,
                                  failed ? QStringLiteral("Error") : QStringLiteral("Completed"),
                                  {}, failed ? 1 : 0, cs.state.startedAt, now};
        cs.started = false;
        // A completed init container reads ready, as the kubelet reports it.
        cs.ready = !failed;
        if (failed) {
            cs.lastState = cs.state;
            if (never) {
                pod.status.phase = PodPhase::Failed;
                for (ContainerStatus &app : pod.status.containerStatuses)
                    app.state.reason = QStringLiteral("PodInitializing");
            }
        }
        setInitialized(pod, now);
    });
    const QString name = stored.spec.initContainers[i].name;
    if (!failed) {
        if (pendingInit(stored) >= 0)
            startInit(sim, key, stored, token);
        else
            startApp(sim, key, stored, token);
        return;
    }
    ++runtime.initCrashes;
    if (never) {
        sim.decide(kKubelet, QStringLiteral("Pod"), key, stored.metadata.name, [&] {
            return Kubelet::tr("%1: init container %2 exited with code 1 and restartPolicy is "
                               "Never, so the pod fails; its app containers never start.")
                .arg(stored.metadata.name, name);
        });
        return;
    }
    sim.decide(kKubelet, QStringLiteral("Pod"), key, stored.metadata.name, [&] {
        return Kubelet::tr("%1: init container %2 exited with code 1; the kubelet runs it again "
                           "(after a growing back-off) and starts no app container until it "
                           "succeeds.")
            .arg(stored.metadata.name, name);
    });
    queue(sim, key, stored, KubeletStep::InitRestart, kSecond, token);
}

void initRestart(Simulation &sim, const QString &key, const Pod &current, PodRuntime &runtime)
{
    const qsizetype i = pendingInit(current);
    if (i < 0)
        return;
    const ContainerStatus &cs = current.status.initContainerStatuses[i];
    if (cs.state.kind == ContainerState::Kind::Terminated && runtime.initCrashes >= 2) {
        // Init:CrashLoopBackOff: 10 s doubling up to 5 min, as for app containers.
        const Millis delay = std::min<Millis>(
            10 * kSecond << std::min(runtime.initCrashes - 2, 5), 5 * kMinute);
        const Pod &pod = sim.update<Pod>(key, [&](Pod &waiting) {
            ContainerStatus &status = waiting.status.initContainerStatuses[i];
            status.state = ContainerState{
                ContainerState::Kind::Waiting, QStringLiteral("CrashLoopBackOff"),
                QStringLiteral("back-off %1 restarting failed container=%2 pod=%3_%4(%5)")
                    .arg(durationText(delay), status.name, waiting.metadata.name,
                         waiting.metadata.namespaceName, waiting.metadata.uid),
                0, 0, 0};
        });
        sim.recordEvent(refOf(pod), QStringLiteral("Warning"), QStringLiteral("BackOff"),
                        QStringLiteral("Back-off restarting failed container %1 in pod %2_%3(%4)")
                            .arg(cs.name, pod.metadata.name, pod.metadata.namespaceName,
                                 pod.metadata.uid),
                        kKubelet);
        queue(sim, key, pod, KubeletStep::InitRestart, delay, ++runtime.token);
        return;
    }
    initStarted(sim, key, current, runtime);
}

// The last init container completed: pull the app containers' images and start them.
void startApp(Simulation &sim, const QString &key, const Pod &pod, qint64 token)
{
    const QStringList missing = missingImages(sim, pod);
    Millis total = 0;
    for (const QString &image : missing) {
        sim.recordEvent(refOf(pod), QStringLiteral("Normal"), QStringLiteral("Pulling"),
                        [&] { return QStringLiteral("Pulling image \"%1\"").arg(image); },
                        kKubelet);
        total += pullTime(sim, pod, image);
    }
    if (!missing.isEmpty()) {
        queue(sim, key, pod, KubeletStep::PullDone, total, token);
        return;
    }
    startWithImagesPresent(sim, key, pod, token);
}

void pullDone(Simulation &sim, const QString &key, const Pod &current, PodRuntime &runtime)
{
    const QStringList missing = missingImages(sim, current);
    const QStringList &unpullable = sim.config().timing.unpullableImages;
    const qint64 token = ++runtime.token;
    for (const QString &image : missing) {
        if (unpullable.contains(image)) {
            ++runtime.pullFailures;
            const QString error =
                QStringLiteral("failed to pull and unpack image \"%1\": failed to resolve "
                               "reference \"%1\": not found")
                    .arg(image);
            const Pod &pod = sim.update<Pod>(key, [&](Pod &failed) {
                for (ContainerStatus &cs : failed.status.containerStatuses) {
                    if (cs.image == image) {
                        cs.state.kind = ContainerState::Kind::Waiting;
                        cs.state.reason = QStringLiteral("ErrImagePull");
                        cs.state.message = error;
                    }
                }
            });
            sim.recordEvent(refOf(pod), QStringLiteral("Warning"), QStringLiteral("Failed"),
                            QStringLiteral("Failed to pull image \"%1\": %2").arg(image, error),
                            kKubelet);
            sim.recordEvent(refOf(pod), QStringLiteral("Warning"), QStringLiteral("Failed"),
                            QStringLiteral("Error: ErrImagePull"), kKubelet);
            // Image pull back-off: 10 s doubling up to 5 min, as the kubelet's backOff.
            const Millis backoff =
                std::min<Millis>(10 * kSecond << std::min(runtime.pullFailures - 1, 5),
                                 5 * kMinute);
            sim.decide(kKubelet, QStringLiteral("Pod"), objectKey(pod.metadata),
                       pod.metadata.name,
                       Kubelet::tr("%1 cannot start: image %2 cannot be pulled; next try in %3.")
                           .arg(pod.metadata.name, image, durationText(backoff)));
            queue(sim, key, pod, KubeletStep::Restart, kSecond, token);
            runtime.running = false;
            return;
        }
    }
    const QStringList &present = sim.store().find<Node>(current.spec.nodeName)->images;
    QStringList pulled;
    for (const QString &image : missing) {
        if (!present.contains(image))
            pulled << image;
        const Millis took = pullTime(sim, current, image);
        sim.recordEvent(refOf(current), QStringLiteral("Normal"), QStringLiteral("Pulled"),
                        [&] {
                            return QStringLiteral("Successfully pulled image \"%1\" in %2 (%2 "
                                                  "including waiting)")
                                .arg(image, durationText(took));
                        },
                        kKubelet);
    }
    if (!pulled.isEmpty())
        sim.update<Node>(current.spec.nodeName, [&](Node &node) { node.images << pulled; });
    queue(sim, key, current, KubeletStep::Started, sim.config().timing.containerStart, token);
}

void started(Simulation &sim, const QString &key, const Pod &current, PodRuntime &runtime,
             bool restart)
{
    const Millis now = sim.now();
    const QString ip =
        current.status.podIP.isEmpty() ? sim.allocatePodIP(current.spec.nodeName) : QString();
    // On a restart, containers still running keep going.
    const auto starts = [restart](const ContainerStatus &cs) {
        return !restart || cs.state.kind != ContainerState::Kind::Running;
    };
    for (const ContainerStatus &cs : current.status.containerStatuses) {
        if (!starts(cs))
            continue;
        sim.recordEvent(refOf(current), QStringLiteral("Normal"), QStringLiteral("Created"),
                        [&] { return QStringLiteral("Created container ") + cs.name; },
                        kKubelet);
        sim.recordEvent(refOf(current), QStringLiteral("Normal"), QStringLiteral("Started"),
                        [&] { return QStringLiteral("Started container ") + cs.name; },
                        kKubelet);
    }
    runtime.running = true;
    const qint64 token = ++runtime.token;
    const bool probe = hasReadinessProbe(current);
    const Pod &stored = sim.update<Pod>(key, [&](Pod &pod) {
        if (!ip.isEmpty())
            pod.status.podIP = ip;
        pod.status.phase = PodPhase::Running;
        for (ContainerStatus &cs : pod.status.containerStatuses) {
            if (!starts(cs))
                continue;
            if (restart)
                ++cs.restartCount;
            cs.state = ContainerState{ContainerState::Kind::Running, {}, {}, 0, now, 0};
            cs.started = true;
        }
        setReady(pod, !probe && !runtime.readinessFailing, now);
    });
    if (probe && !runtime.readinessFailing) {
        // The first probe runs after initialDelaySeconds (at least one probe period tick).
        const Probe *p = firstProbe(stored);
        queue(sim, key, stored, KubeletStep::ProbeResult,
              std::max<Millis>(p->initialDelaySeconds * kSecond, kSecond), token);
    }
}

void probeResult(Simulation &sim, const QString &key, const Pod &current,
                 const PodRuntime &runtime)
{
    if (!runtime.running || current.metadata.isTerminating())
        return;
    const bool ready = !runtime.readinessFailing;
    if (current.isReady() == ready)
        return;
    if (!ready && hasReadinessProbe(current)) {
        sim.recordEvent(refOf(current), QStringLiteral("Warning"), QStringLiteral("Unhealthy"),
                        QStringLiteral("Readiness probe failed: HTTP probe failed with "
                                       "statuscode: 503"),
                        kKubelet);
    }
    const Millis now = sim.now();
    sim.update<Pod>(key, [&](Pod &pod) { setReady(pod, ready, now); });
}

void restart(Simulation &sim, const QString &key, const Pod &current, PodRuntime &runtime)
{
    // Either an image pull retry or a container restart after a crash.
    const bool pullRetry = std::any_of(
        current.status.containerStatuses.cbegin(), current.status.containerStatuses.cend(),
        [](const ContainerStatus &cs) {
            return cs.state.reason == QLatin1String("ErrImagePull")
                || cs.state.reason == QLatin1String("ImagePullBackOff");
        });
    if (pullRetry) {
        const auto pullFailed = [](const ContainerStatus &cs) {
            return cs.state.reason == QLatin1String("ErrImagePull");
        };
        if (std::any_of(current.status.containerStatuses.cbegin(),
                        current.status.containerStatuses.cend(), pullFailed)) {
            const Pod &pod = sim.update<Pod>(key, [&](Pod &waiting) {
                for (ContainerStatus &cs : waiting.status.containerStatuses) {
                    if (pullFailed(cs)) {
                        cs.state.reason = QStringLiteral("ImagePullBackOff");
                        cs.state.message =
                            QStringLiteral("Back-off pulling image \"%1\"").arg(cs.image);
                    }
                }
            });
            sim.recordEvent(refOf(pod), QStringLiteral("Normal"), QStringLiteral("BackOff"),
                            QStringLiteral("Back-off pulling image \"%1\"")
                                .arg(pod.spec.containers.value(0).image),
                            kKubelet);
            const Millis backoff = std::min<Millis>(
                10 * kSecond << std::min(runtime.pullFailures - 1, 5), 5 * kMinute);
            queue(sim, key, pod, KubeletStep::Admit, backoff, ++runtime.token);
        }
        return;
    }
    started(sim, key, current, runtime, true);
}

void backOff(Simulation &sim, const QString &key, Millis delay)
{
    const Pod &pod = sim.update<Pod>(key, [delay](Pod &waiting) {
        for (ContainerStatus &cs : waiting.status.containerStatuses) {
            if (cs.state.kind != ContainerState::Kind::Terminated)
                continue;
            cs.lastState = cs.state;
            cs.state = ContainerState{ContainerState::Kind::Waiting,
                                      QStringLiteral("CrashLoopBackOff"),
                                      QStringLiteral("back-off %1 restarting failed container=%2 "
                                                     "pod=%3_%4(%5)")
                                          .arg(durationText(delay), cs.name,
                                               waiting.metadata.name,
                                               waiting.metadata.namespaceName,
                                               waiting.metadata.uid),
                                      0, 0, 0};
        }
    });
    sim.recordEvent(refOf(pod), QStringLiteral("Warning"), QStringLiteral("BackOff"),
                    QStringLiteral("Back-off restarting failed container %1 in pod %2_%3(%4)")
                        .arg(pod.spec.containers.value(0).name, pod.metadata.name,
                             pod.metadata.namespaceName, pod.metadata.uid),
                    kKubelet);
}

void stopped(Simulation &sim, const QString &key, const Pod &current, PodRuntime &runtime)
{
    const Millis now = sim.now();
    const QString node = current.spec.nodeName;
    const QString ip = current.status.podIP;
    const QString uid = current.metadata.uid;
    // A terminal pod runs nothing any more: the kubelet only confirms the deletion.
    if (!current.isTerminal()) {
        runtime.running = false;
        sim.update<Pod>(key, [now](Pod &pod) {
            for (ContainerStatus &cs : pod.status.containerStatuses) {
                if (cs.state.kind == ContainerState::Kind::Terminated)
                    continue;
                const bool wasRunning = cs.state.kind == ContainerState::Kind::Running;
                cs.state = ContainerState{ContainerState::Kind::Terminated,
                                          wasRunning ? QStringLiteral("Completed")
                                                     : QStringLiteral("ContainerStatusUnknown"),
                                          {}, wasRunning ? 0 : 137, cs.state.startedAt, now};
                cs.ready = false;
                cs.started = false;
            }
            setReady(pod, false, now);
        });
    }
    // The kubelet confirmed termination: the API server removes the object.
    sim.erase<Pod>(key);
    sim.releasePodIP(node, ip);
    sim.state().pods.remove(uid);
}

} // namespace

void Kubelet::step(Simulation &sim, const WorkItem &item)
{
    const Pod *found = sim.store().find<Pod>(item.key);
    if (!found || found->metadata.uid != item.uid)
        return;
    // Looked up once per step and handed down: no pod's runtime is added during a step, so
    // the reference stays valid.
    PodRuntime &runtime = sim.podRuntime(item.uid);
    if (item.token != runtime.token)
        return; // superseded by a later state change
    if (!nodeUp(sim, *found))
        return; // the node is down: nothing happens there until it returns
    const Pod &pod = *found;
    switch (KubeletStep(item.step)) {
    case KubeletStep::Admit:
        if (!pod.metadata.isTerminating())
            admit(sim, item.key, pod, runtime);
        break;
    case KubeletStep::PullDone:
        pullDone(sim, item.key, pod, runtime);
        break;
    case KubeletStep::Started:
        started(sim, item.key, pod, runtime, false);
        break;
    case KubeletStep::ProbeResult:
        probeResult(sim, item.key, pod, runtime);
        break;
    case KubeletStep::Restart: {
        const bool inBackOff = std::any_of(
            pod.status.containerStatuses.cbegin(), pod.status.containerStatuses.cend(),
            [](const ContainerStatus &cs) {
                return cs.state.kind == ContainerState::Kind::Terminated;
            });
        const int crashes = runtime.crashes;
        if (inBackOff && crashes >= 2) {
            // CrashLoopBackOff: 10 s doubling up to 5 min before the next start.
            const Millis delay = std::min<Millis>(10 * kSecond << std::min(crashes - 2, 5),
                                                  5 * kMinute);
            backOff(sim, item.key, delay);
            queue(sim, item.key, pod, KubeletStep::Restart, delay, ++runtime.token);
        } else {
            restart(sim, item.key, pod, runtime);
        }
        break;
    }
    case KubeletStep::Stopped:
        stopped(sim, item.key, pod, runtime);
        break;
    case KubeletStep::InitPullDone:
        initPullDone(sim, item.key, pod, runtime);
        break;
    case KubeletStep::InitStarted:
        initStarted(sim, item.key, pod, runtime);
        break;
    case KubeletStep::InitExited:
        initExited(sim, item.key, pod, runtime);
        break;
    case KubeletStep::InitRestart:
        initRestart(sim, item.key, pod, runtime);
        break;
    }
}

void Kubelet::beginTermination(Simulation &sim, const Pod &pod)
{
    const qint64 token = nextToken(sim, pod);
    if (!nodeUp(sim, pod)) {
        sim.decide(kKubelet, QStringLiteral("Pod"), objectKey(pod.metadata), pod.metadata.name,
                   tr("%1 stays Terminating: the kubelet on %2 is unreachable and cannot confirm "
                      "that its containers stopped. The StatefulSet will not create a second "
                      "%1 while this object exists.")
                       .arg(pod.metadata.name, pod.spec.nodeName));
        return;
    }
    const bool running = sim.podRuntime(pod.metadata.uid).running;
    if (running) {
        for (const Container &c : pod.spec.containers) {
            sim.recordEvent(refOf(pod), QStringLiteral("Normal"), QStringLiteral("Killing"),
                            QStringLiteral("Stopping container %1").arg(c.name), kKubelet);
        }
    }
    // Any int64 of seconds is a valid grace period; in milliseconds it saturates instead of
    // wrapping (9223372036854775807 s would wrap to -1 s and stop the containers at once).
    constexpr qint64 kMaxSeconds = std::numeric_limits<Millis>::max() / kSecond;
    const qint64 seconds = std::clamp<qint64>(pod.metadata.deletionGracePeriodSeconds.value_or(30),
                                              -kMaxSeconds, kMaxSeconds);
    const Millis grace = seconds * kSecond;
    const Millis stop = running ? std::min(sim.config().timing.containerStop, grace) : 0;
    queue(sim, pod, KubeletStep::Stopped, stop, token);
}

void Kubelet::setReadinessFailing(Simulation &sim, const Pod &pod, bool failing)
{
    PodRuntime &runtime = sim.podRuntime(pod.metadata.uid);
    runtime.readinessFailing = failing;
    const Probe *probe = firstProbe(pod);
    // With a probe the kubelet notices after failureThreshold failed periods (or at the next
    // passing probe); without one Ordinal flips readiness at once.
    Millis delay = 0;
    if (probe)
        delay = (failing ? probe->failureThreshold : probe->successThreshold)
            * qint64(probe->periodSeconds) * kSecond;
    queue(sim, pod, KubeletStep::ProbeResult, delay, nextToken(sim, pod));
}

void Kubelet::setInitFailing(Simulation &sim, const Pod &pod, bool failing)
{
    PodRuntime &runtime = sim.podRuntime(pod.metadata.uid);
    runtime.initFailing = failing;
}

void Kubelet::crash(Simulation &sim, const Pod &original)
{
    Pod pod = original;
    const Millis now = sim.now();
    PodRuntime &runtime = sim.podRuntime(pod.metadata.uid);
    // Back-off resets after the container ran for 10 minutes without a crash.
    for (const ContainerStatus &cs : pod.status.containerStatuses) {
        if (cs.state.kind == ContainerState::Kind::Running
            && now - cs.state.startedAt > 10 * kMinute)
            runtime.crashes = 0;
    }
    ++runtime.crashes;
    runtime.running = false;
    for (ContainerStatus &cs : pod.status.containerStatuses) {
        cs.state = ContainerState{ContainerState::Kind::Terminated, QStringLiteral("Error"), {},
                                  1, cs.state.startedAt, now};
        cs.lastState = cs.state;
        cs.ready = false;
        cs.started = false;
    }
    setReady(pod, false, now);
    sim.write(pod);
    sim.decide(kKubelet, QStringLiteral("Pod"), objectKey(pod.metadata), pod.metadata.name,
               runtime.crashes >= 2
                   ? tr("%1 crashed again (%2 times): the kubelet waits longer before each "
                        "restart (CrashLoopBackOff). It stays Running but not Ready.")
                         .arg(pod.metadata.name)
                         .arg(runtime.crashes)
                   : tr("%1 crashed (exit code 1): restartPolicy Always restarts it in place; "
                        "same pod, same IP, RESTARTS goes up.")
                         .arg(pod.metadata.name));
    queue(sim, pod, KubeletStep::Restart, kSecond, nextToken(sim, pod));
}

void Kubelet::fail(Simulation &sim, const Pod &original)
{
    // As an eviction by the kubelet: phase Failed with reason Evicted (kubectl shows
    // "Evicted"); the containers are no longer ready.
    Pod pod = original;
    const Millis now = sim.now();
    pod.status.phase = PodPhase::Failed;
    pod.status.reason = QStringLiteral("Evicted");
    pod.status.message = QStringLiteral("The node was low on resource: memory. ");
    setReady(pod, false, now);
    sim.podRuntime(pod.metadata.uid).running = false;
    nextToken(sim, pod);
    sim.write(pod);
    sim.recordEvent(refOf(pod), QStringLiteral("Warning"), QStringLiteral("Evicted"),
                    QStringLiteral("The node was low on resource: memory."), kKubelet);
}

void Kubelet::complete(Simulation &sim, const Pod &original, int exitCode)
{
    Pod pod = original;
    const Millis now = sim.now();
    pod.status.phase = exitCode == 0 ? PodPhase::Succeeded : PodPhase::Failed;
    for (ContainerStatus &cs : pod.status.containerStatuses) {
        const Millis started = cs.state.startedAt;
        cs.state = ContainerState();
        cs.state.kind = ContainerState::Kind::Terminated;
        cs.state.reason = exitCode == 0 ? QStringLiteral("Completed") : QStringLiteral("Error");
        cs.state.exitCode = exitCode;
        cs.state.startedAt = started;
        cs.state.finishedAt = now;
        cs.started = false;
    }
    setReady(pod, false, now);
    sim.podRuntime(pod.metadata.uid).running = false;
    nextToken(sim, pod);
    sim.write(pod);
}

void Kubelet::resyncNode(Simulation &sim, const QString &nodeName)
{
    for (const Pod *pod : sim.store().podsOnNode(nodeName)) {
        const qint64 token = nextToken(sim, *pod);
        if (pod->metadata.isTerminating()) {
            queue(sim, *pod, KubeletStep::Stopped, sim.config().timing.containerStop, token);
        } else if (sim.podRuntime(pod->metadata.uid).running) {
            queue(sim, *pod, KubeletStep::ProbeResult, 0, token);
        } else if (!pod->isTerminal()) {
            queue(sim, *pod, KubeletStep::Admit, 0, token);
        }
    }
}

} // namespace ordinal::core
