#include "console/printers.h"

#include "console/printers_workloads.h"
#include "console/tablewriter.h"
#include "sim/simulation.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace ordinal::core::printers {

namespace {

const QString kNone = QStringLiteral("<none>");

QString orNone(const QString &s)
{
    return s.isEmpty() ? kNone : s;
}

QString age(Millis created, Millis now)
{
    return humanDuration(now - created);
}

QString portsText(const QList<ServicePort> &ports)
{
    QStringList parts;
    for (const ServicePort &p : ports) {
        if (p.nodePort > 0)
            parts << QStringLiteral("%1:%2/%3").arg(p.port).arg(p.nodePort).arg(p.protocol);
        else
            parts << QStringLiteral("%1/%2").arg(p.port).arg(p.protocol);
    }
    return parts.isEmpty() ? kNone : parts.join(QLatin1Char(','));
}

QString labelsBlock(const QMap<QString, QString> &labels, int indent)
{
    if (labels.isEmpty())
        return kNone;
    QStringList lines;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        lines << it.key() + QLatin1Char('=') + it.value();
    return lines.join(QLatin1Char('\n') + QString(indent, QLatin1Char(' ')));
}

// "Name:  value" lines padded as kubectl's describe prefix writer does for a section.
QString field(const QString &name, const QString &value, int width, int indent = 0)
{
    return QString(indent, QLatin1Char(' ')) + (name + QLatin1Char(':')).leftJustified(width)
        + value + QLatin1Char('\n');
}


// Ordinal's addition to describe: the controllers' reasons, in plain language.
template<typename Predicate>
QString decisionsBlock(const Simulation &sim, Predicate about)
{
    QStringList lines;
    for (const Decision &d : sim.decisions()) {
        if (about(d))
            lines << QStringLiteral("  %1  %2").arg(goDuration(d.time).rightJustified(8), d.message);
    }
    if (lines.isEmpty())
        return {};
    while (lines.size() > 12)
        lines.removeFirst();
    return QStringLiteral("Decisions (Ordinal, by virtual time):\n") + lines.join(QLatin1Char('\n'))
        + QLatin1Char('\n');
}

QString containerStateText(const ContainerState &state)
{
    switch (state.kind) {
    case ContainerState::Kind::Running:
        return QStringLiteral("Running");
    case ContainerState::Kind::Terminated:
        return QStringLiteral("Terminated");
    case ContainerState::Kind::Waiting:
        break;
    }
    return QStringLiteral("Waiting");
}

QString tolerationText(const Toleration &t)
{
    QString text = t.key;
    if (!t.value.isEmpty())
        text += QLatin1Char('=') + t.value;
    if (!t.effect.isEmpty())
        text += QLatin1Char(':') + t.effect;
    if (t.op == QLatin1String("Exists"))
        text += QStringLiteral(" op=Exists");
    if (t.tolerationSeconds)
        text += QStringLiteral(" for %1s").arg(*t.tolerationSeconds);
    return text;
}

QString containersBlock(const QList<Container> &containers, const QList<ContainerStatus> *statuses,
                        const QString &indent, const QString &in)
{
    QString out;
    for (const Container &c : containers) {
        out += indent + c.name + QStringLiteral(":\n");
        const ContainerStatus *cs = nullptr;
        if (statuses) {
            for (const ContainerStatus &s : *statuses) {
                if (s.name == c.name)
                    cs = &s;
            }
        }
        constexpr int w = 16;
        out += field(QStringLiteral("Image"), c.image, w, int(in.size()));
        QStringList ports;
        for (const ContainerPort &p : c.ports)
            ports << QStringLiteral("%1/%2").arg(p.containerPort).arg(p.protocol);
        out += field(ports.size() > 1 ? QStringLiteral("Ports") : QStringLiteral("Port"),
                     orNone(ports.join(QStringLiteral(", "))), w, int(in.size()));
        out += field(QStringLiteral("Host Port"),
                     ports.isEmpty() ? kNone : QStringLiteral("0/TCP"), w, int(in.size()));
        if (cs) {
            out += field(QStringLiteral("State"), containerStateText(cs->state), w, int(in.size()));
            if (cs->state.kind == ContainerState::Kind::Waiting)
                out += field(QStringLiteral("  Reason"), cs->state.reason, w, int(in.size()));
            else if (cs->state.kind == ContainerState::Kind::Running)
                out += field(QStringLiteral("  Started"), describeTime(cs->state.startedAt), w,
                             int(in.size()));
            else {
                out += field(QStringLiteral("  Reason"), cs->state.reason, w, int(in.size()));
                out += field(QStringLiteral("  Exit Code"), QString::number(cs->state.exitCode),
                             w, int(in.size()));
            }
            if (cs->lastState) {
                out += field(QStringLiteral("Last State"), containerStateText(*cs->lastState), w,
                             int(in.size()));
                out += field(QStringLiteral("  Reason"), cs->lastState->reason, w, int(in.size()));
                out += field(QStringLiteral("  Exit Code"),
                             QString::number(cs->lastState->exitCode), w, int(in.size()));
                out += field(QStringLiteral("  Finished"), describeTime(cs->lastState->finishedAt),
                             w, int(in.size()));
            }
            out += field(QStringLiteral("Ready"),
                         cs->ready ? QStringLiteral("True") : QStringLiteral("False"), w,
                         int(in.size()));
            out += field(QStringLiteral("Restart Count"), QString::number(cs->restartCount), w,
                         int(in.size()));
        }
        if (c.readinessProbe) {
            const Probe &p = *c.readinessProbe;
            out += field(QStringLiteral("Readiness"),
                         QStringLiteral("%1 delay=%2s timeout=%3s period=%4s #success=%5 "
                                        "#failure=%6")
                             .arg(p.detail.isEmpty() ? p.handler : p.detail)
                             .arg(p.initialDelaySeconds)
                             .arg(p.timeoutSeconds)
                             .arg(p.periodSeconds)
                             .arg(p.successThreshold)
                             .arg(p.failureThreshold),
                         w, int(in.size()));
        }
        QStringList requests;
        for (auto it = c.resources.requests.cbegin(); it != c.resources.requests.cend(); ++it)
            requests << QStringLiteral("%1:  %2").arg(it.key(), it.value().text);
        if (!requests.isEmpty()) {
            out += in + QStringLiteral("Requests:\n");
            for (const QString &r : std::as_const(requests))
                out += in + QStringLiteral("  ") + r + QLatin1Char('\n');
        }
        out += field(QStringLiteral("Environment"), kNone, w, int(in.size()));
        if (c.volumeMounts.isEmpty()) {
            out += field(QStringLiteral("Mounts"), kNone, w, int(in.size()));
        } else {
            out += in + QStringLiteral("Mounts:\n");
            for (const VolumeMount &m : c.volumeMounts)
                out += in + QStringLiteral("  %1 from %2 (%3)\n")
                                .arg(m.mountPath, m.name,
                                     m.readOnly ? QStringLiteral("ro") : QStringLiteral("rw"));
        }
    }
    return out;
}

QString quantityText(const Quantity &q)
{
    return q.text.isEmpty() ? QString::number(q.value) : q.text;
}

} // namespace

QString eventsBlock(const Simulation &sim, const QString &kind, const QString &uid)
{
    QList<const Event *> events;
    for (const Event &e : sim.store().all<Event>()) {
        if (e.involvedObject.uid == uid && e.involvedObject.kind == kind)
            events << &e;
    }
    if (events.isEmpty())
        return QStringLiteral("Events:                <none>\n");
    std::stable_sort(events.begin(), events.end(), [](const Event *a, const Event *b) {
        return a->firstTimestamp < b->firstTimestamp;
    });
    QList<QStringList> rows;
    rows << QStringList{QStringLiteral("Type"), QStringLiteral("Reason"), QStringLiteral("Age"),
                        QStringLiteral("From"), QStringLiteral("Message")};
    rows << QStringList{QStringLiteral("----"), QStringLiteral("------"), QStringLiteral("----"),
                        QStringLiteral("----"), QStringLiteral("-------")};
    for (const Event *e : std::as_const(events)) {
        QString when = humanDuration(sim.now() - e->lastTimestamp);
        if (e->count > 1) {
            when = QStringLiteral("%1 (x%2 over %3)")
                       .arg(when)
                       .arg(e->count)
                       .arg(humanDuration(sim.now() - e->firstTimestamp));
        }
        rows << QStringList{e->type, e->reason, when, e->source, e->message.trimmed()};
    }
    // describe uses a tabwriter with padding 2 and no minimum width.
    QList<int> widths(5, 0);
    for (const QStringList &row : std::as_const(rows)) {
        for (int i = 0; i < 4; ++i)
            widths[i] = std::max<int>(widths[i], int(row[i].size()) + 2);
    }
    QString out = QStringLiteral("Events:\n");
    for (const QStringList &row : std::as_const(rows)) {
        QString line = QStringLiteral("  ");
        for (int i = 0; i < 4; ++i)
            line += row[i].leftJustified(widths[i]);
        out += line + row[4] + QLatin1Char('\n');
    }
    return out;
}

QString podStatus(const Pod &pod)
{
    QString reason = toString(pod.status.phase);
    if (!pod.status.reason.isEmpty())
        reason = pod.status.reason;
    bool hasRunning = false;
    for (qsizetype i = pod.status.containerStatuses.size() - 1; i >= 0; --i) {
        const ContainerStatus &cs = pod.status.containerStatuses[i];
        if (cs.state.kind == ContainerState::Kind::Waiting && !cs.state.reason.isEmpty()) {
            reason = cs.state.reason;
        } else if (cs.state.kind == ContainerState::Kind::Terminated) {
            if (!cs.state.reason.isEmpty())
                reason = cs.state.reason;
            else
                reason = QStringLiteral("ExitCode:%1").arg(cs.state.exitCode);
        } else if (cs.state.kind == ContainerState::Kind::Running) {
            hasRunning = true;
        }
    }
    if (reason == QLatin1String("Completed") && hasRunning)
        reason = pod.isReady() ? QStringLiteral("Running") : QStringLiteral("NotReady");
    if (const std::optional<QString> init = initContainersStatus(pod))
        reason = *init;
    if (pod.metadata.isTerminating()) {
        if (pod.status.reason == QLatin1String("NodeLost"))
            reason = QStringLiteral("Unknown");
        else if (!pod.isTerminal())
            reason = QStringLiteral("Terminating");
    }
    return reason;
}

QString podRestarts(const Pod &pod, Millis now)
{
    int restarts = initContainerRestarts(pod);
    std::optional<Millis> last = initContainerLastTermination(pod);
    for (const ContainerStatus &cs : pod.status.containerStatuses) {
        restarts += cs.restartCount;
        if (cs.lastState && cs.lastState->kind == ContainerState::Kind::Terminated
            && (!last || cs.lastState->finishedAt > *last))
            last = cs.lastState->finishedAt;
    }
    if (restarts > 0 && last)
        return QStringLiteral("%1 (%2 ago)").arg(restarts).arg(humanDuration(now - *last));
    return QString::number(restarts);
}

QStringList podHeader(bool wide)
{
    QStringList h{QStringLiteral("NAME"), QStringLiteral("READY"), QStringLiteral("STATUS"),
                  QStringLiteral("RESTARTS"), QStringLiteral("AGE")};
    if (wide)
        h << QStringLiteral("IP") << QStringLiteral("NODE") << QStringLiteral("NOMINATED NODE")
          << QStringLiteral("READINESS GATES");
    return h;
}

QStringList podRow(const Pod &pod, Millis now, bool wide)
{
    QStringList row{pod.metadata.name,
                    QStringLiteral("%1/%2").arg(pod.readyContainers()).arg(pod.spec.containers.size()),
                    podStatus(pod), podRestarts(pod, now), age(pod.metadata.creationTimestamp, now)};
    if (wide)
        row << orNone(pod.status.podIP) << orNone(pod.spec.nodeName)
            << orNone(pod.status.nominatedNodeName) << kNone;
    return row;
}

QStringList statefulSetHeader(bool wide)
{
    QStringList h{QStringLiteral("NAME"), QStringLiteral("READY"), QStringLiteral("AGE")};
    if (wide)
        h << QStringLiteral("CONTAINERS") << QStringLiteral("IMAGES");
    return h;
}

QStringList statefulSetRow(const StatefulSet &set, Millis now, bool wide)
{
    QStringList row{set.metadata.name,
                    QStringLiteral("%1/%2").arg(set.status.readyReplicas).arg(set.spec.replicas),
                    age(set.metadata.creationTimestamp, now)};
    if (wide) {
        QStringList names;
        QStringList images;
        for (const Container &c : set.spec.podTemplate.spec.containers) {
            names << c.name;
            images << c.image;
        }
        row << names.join(QLatin1Char(',')) << images.join(QLatin1Char(','));
    }
    return row;
}

QStringList serviceHeader(bool wide)
{
    QStringList h{QStringLiteral("NAME"), QStringLiteral("TYPE"), QStringLiteral("CLUSTER-IP"),
                  QStringLiteral("EXTERNAL-IP"), QStringLiteral("PORT(S)"), QStringLiteral("AGE")};
    if (wide)
        h << QStringLiteral("SELECTOR");
    return h;
}

QStringList serviceRow(const Service &service, Millis now, bool wide)
{
    QString external = kNone;
    if (service.spec.type == QLatin1String("ExternalName"))
        external = service.spec.externalName;
    else if (service.spec.type == QLatin1String("LoadBalancer"))
        external = QStringLiteral("<pending>");
    QStringList row{service.metadata.name, service.spec.type,
                    service.spec.type == QLatin1String("ExternalName")
                        ? kNone
                        : orNone(service.spec.clusterIP),
                    external, portsText(service.spec.ports),
                    age(service.metadata.creationTimestamp, now)};
    if (wide) {
        QStringList sel;
        for (auto it = service.spec.selector.cbegin(); it != service.spec.selector.cend(); ++it)
            sel << it.key() + QLatin1Char('=') + it.value();
        row << orNone(sel.join(QLatin1Char(',')));
    }
    return row;
}

QStringList endpointsHeader()
{
    return {QStringLiteral("NAME"), QStringLiteral("ENDPOINTS"), QStringLiteral("AGE")};
}

QStringList endpointsRow(const Endpoints &endpoints, Millis now)
{
    QStringList list;
    for (const EndpointAddress &a : endpoints.addresses) {
        for (const EndpointPort &p : endpoints.ports)
            list << QStringLiteral("%1:%2").arg(a.ip).arg(p.port);
        if (endpoints.ports.isEmpty())
            list << a.ip;
    }
    QString text = list.isEmpty() ? kNone : list.mid(0, 3).join(QLatin1Char(','));
    if (list.size() > 3)
        text += QStringLiteral(" + %1 more...").arg(list.size() - 3);
    return {endpoints.metadata.name, text, age(endpoints.metadata.creationTimestamp, now)};
}

QStringList nodeHeader(bool wide)
{
    QStringList h{QStringLiteral("NAME"), QStringLiteral("STATUS"), QStringLiteral("ROLES"),
                  QStringLiteral("AGE"), QStringLiteral("VERSION")};
    if (wide)
        h << QStringLiteral("INTERNAL-IP") << QStringLiteral("EXTERNAL-IP")
          << QStringLiteral("OS-IMAGE") << QStringLiteral("KERNEL-VERSION")
          << QStringLiteral("CONTAINER-RUNTIME");
    return h;
}

QStringList nodeRow(const Node &node, Millis now, bool wide)
{
    QString status = node.isReady() ? QStringLiteral("Ready") : QStringLiteral("NotReady");
    if (node.unschedulable)
        status += QStringLiteral(",SchedulingDisabled");
    QStringList row{node.metadata.name, status, node.roles(),
                    age(node.metadata.creationTimestamp, now), node.kubeletVersion};
    if (wide)
        row << node.internalIP << kNone << node.osImage << node.kernelVersion
            << node.containerRuntime;
    return row;
}

QStringList claimHeader()
{
    return {QStringLiteral("NAME"),          QStringLiteral("STATUS"),
            QStringLiteral("VOLUME"),        QStringLiteral("CAPACITY"),
            QStringLiteral("ACCESS MODES"),  QStringLiteral("STORAGECLASS"),
            QStringLiteral("VOLUMEATTRIBUTESCLASS"), QStringLiteral("AGE")};
}

QStringList claimRow(const PersistentVolumeClaim &claim, Millis now)
{
    QStringList modes;
    for (const QString &m : claim.spec.accessModes) {
        if (m == QLatin1String("ReadWriteOnce"))
            modes << QStringLiteral("RWO");
        else if (m == QLatin1String("ReadOnlyMany"))
            modes << QStringLiteral("ROX");
        else if (m == QLatin1String("ReadWriteMany"))
            modes << QStringLiteral("RWX");
        else if (m == QLatin1String("ReadWriteOncePod"))
            modes << QStringLiteral("RWOP");
    }
    const bool bound = claim.phase == QLatin1String("Bound");
    return {claim.metadata.name,
            claim.phase,
            bound ? claim.spec.volumeName : QString(),
            bound ? quantityText(claim.capacity) : QString(),
            bound ? modes.join(QLatin1Char(',')) : QString(),
            claim.spec.storageClassName,
            QStringLiteral("<unset>"),
            age(claim.metadata.creationTimestamp, now)};
}

QStringList eventHeader()
{
    return {QStringLiteral("LAST SEEN"), QStringLiteral("TYPE"), QStringLiteral("REASON"),
            QStringLiteral("OBJECT"), QStringLiteral("MESSAGE")};
}

QStringList eventRow(const Event &event, Millis now)
{
    return {humanDuration(now - event.lastTimestamp), event.type, event.reason,
            event.involvedObject.kind.toLower() + QLatin1Char('/') + event.involvedObject.name,
            event.message.trimmed()};
}

QString describePod(const Simulation &sim, const Pod &pod)
{
    constexpr int w = 18;
    QString out;
    out += field(QStringLiteral("Name"), pod.metadata.name, w);
    out += field(QStringLiteral("Namespace"), pod.metadata.namespaceName, w);
    out += field(QStringLiteral("Priority"), QStringLiteral("0"), w);
    out += field(QStringLiteral("Service Account"), QStringLiteral("default"), w);
    QString node = QStringLiteral("<none>");
    if (!pod.spec.nodeName.isEmpty()) {
        node = pod.spec.nodeName;
        if (!pod.status.hostIP.isEmpty())
            node += QLatin1Char('/') + pod.status.hostIP;
    }
    out += field(QStringLiteral("Node"), node, w);
    if (pod.status.startTime)
        out += field(QStringLiteral("Start Time"), describeTime(*pod.status.startTime), w);
    out += field(QStringLiteral("Labels"), labelsBlock(pod.metadata.labels, w), w);
    out += field(QStringLiteral("Annotations"), labelsBlock(pod.metadata.annotations, w), w);
    if (pod.metadata.deletionTimestamp) {
        out += field(QStringLiteral("Status"),
                     QStringLiteral("Terminating (lasts %1)")
                         .arg(humanDuration(sim.now() - *pod.metadata.deletionTimestamp)),
                     w);
        out += field(QStringLiteral("Termination Grace Period"),
                     QStringLiteral("%1s").arg(pod.metadata.deletionGracePeriodSeconds.value_or(30)),
                     w);
    } else {
        out += field(QStringLiteral("Status"), toString(pod.status.phase), w);
    }
    if (!pod.status.reason.isEmpty())
        out += field(QStringLiteral("Reason"), pod.status.reason, w);
    if (!pod.status.message.isEmpty())
        out += field(QStringLiteral("Message"), pod.status.message.trimmed(), w);
    out += field(QStringLiteral("IP"), pod.status.podIP, w);
    if (pod.status.podIP.isEmpty()) {
        out += QStringLiteral("IPs:              <none>\n");
    } else {
        out += QStringLiteral("IPs:\n  IP:           %1\n").arg(pod.status.podIP);
    }
    if (const OwnerReference *owner = pod.metadata.controllerRef())
        out += field(QStringLiteral("Controlled By"), owner->kind + QLatin1Char('/') + owner->name,
                     16);
    out += QStringLiteral("Containers:\n");
    out += containersBlock(pod.spec.containers, &pod.status.containerStatuses,
                           QStringLiteral("  "), QStringLiteral("    "));
    if (!pod.status.conditions.isEmpty()) {
        out += QStringLiteral("Conditions:\n  Type              Status\n");
        static const QStringList order{QStringLiteral("PodReadyToStartContainers"),
                                       QStringLiteral("Initialized"), QStringLiteral("Ready"),
                                       QStringLiteral("ContainersReady"),
                                       QStringLiteral("PodScheduled")};
        for (const QString &type : order) {
            if (const PodCondition *c = pod.status.condition(type))
                out += QStringLiteral("  %1%2 \n").arg(type.leftJustified(18), c->status);
        }
    }
    if (pod.spec.volumes.isEmpty()) {
        out += QStringLiteral("Volumes:                     <none>\n");
    } else {
        out += QStringLiteral("Volumes:\n");
        for (const Volume &v : pod.spec.volumes) {
            out += QStringLiteral("  %1:\n").arg(v.name);
            if (!v.claimName.isEmpty()) {
                out += QStringLiteral("    Type:       PersistentVolumeClaim (a reference to a "
                                      "PersistentVolumeClaim in the same namespace)\n");
                out += QStringLiteral("    ClaimName:  %1\n    ReadOnly:   false\n").arg(v.claimName);
            } else {
                out += QStringLiteral("    Type:       EmptyDir (a temporary directory that "
                                      "shares a pod's lifetime)\n");
            }
        }
    }
    bool hasRequests = false;
    for (const Container &c : pod.spec.containers)
        hasRequests = hasRequests || !c.resources.requests.isEmpty();
    out += QStringLiteral("QoS Class:                   %1\n")
               .arg(hasRequests ? QStringLiteral("Burstable") : QStringLiteral("BestEffort"));
    QStringList selectors;
    for (auto it = pod.spec.nodeSelector.cbegin(); it != pod.spec.nodeSelector.cend(); ++it)
        selectors << it.key() + QLatin1Char('=') + it.value();
    out += QStringLiteral("Node-Selectors:              %1\n").arg(orNone(selectors.join(QLatin1Char(','))));
    QStringList tolerations;
    for (const Toleration &t : pod.spec.tolerations)
        tolerations << tolerationText(t);
    out += QStringLiteral("Tolerations:                 %1\n")
               .arg(tolerations.isEmpty()
                        ? kNone
                        : tolerations.join(QStringLiteral("\n                             ")));
    out += eventsBlock(sim, QStringLiteral("Pod"), pod.metadata.uid);
    out += decisionsBlock(sim, [&](const Decision &d) {
        return d.subject == pod.metadata.name
            && (d.objectKind == QLatin1String("Pod") || d.time >= pod.metadata.creationTimestamp);
    });
    return out;
}

QString describeStatefulSet(const Simulation &sim, const StatefulSet &set)
{
    constexpr int w = 20;
    QString out;
    out += field(QStringLiteral("Name"), set.metadata.name, w);
    out += field(QStringLiteral("Namespace"), set.metadata.namespaceName, w);
    out += field(QStringLiteral("CreationTimestamp"), describeTime(set.metadata.creationTimestamp), w);
    out += field(QStringLiteral("Selector"), set.spec.selector.toString(), w);
    out += field(QStringLiteral("Labels"), labelsBlock(set.metadata.labels, w), w);
    out += field(QStringLiteral("Annotations"), labelsBlock(set.metadata.annotations, w), w);
    out += field(QStringLiteral("Replicas"),
                 QStringLiteral("%1 desired | %2 total").arg(set.spec.replicas).arg(set.status.replicas),
                 w);
    out += field(QStringLiteral("Update Strategy"), set.spec.updateStrategy.type, w);
    if (set.spec.updateStrategy.rollingUpdate)
        out += field(QStringLiteral("  Partition"),
                     QString::number(set.spec.updateStrategy.rollingUpdate->partition), w);
    int running = 0, waiting = 0, succeeded = 0, failed = 0;
    for (const Pod *pod : sim.store().podsMatching(set.metadata.namespaceName, set.spec.selector)) {
        const OwnerReference *owner = pod->metadata.controllerRef();
        if (!owner || owner->uid != set.metadata.uid)
            continue;
        switch (pod->status.phase) {
        case PodPhase::Running:
            ++running;
            break;
        case PodPhase::Pending:
            ++waiting;
            break;
        case PodPhase::Succeeded:
            ++succeeded;
            break;
        case PodPhase::Failed:
            ++failed;
            break;
        case PodPhase::Unknown:
            break;
        }
    }
    out += field(QStringLiteral("Pods Status"),
                 QStringLiteral("%1 Running / %2 Waiting / %3 Succeeded / %4 Failed")
                     .arg(running)
                     .arg(waiting)
                     .arg(succeeded)
                     .arg(failed),
                 w);
    out += QStringLiteral("Pod Template:\n");
    out += QStringLiteral("  Labels:  %1\n")
               .arg(labelsBlock(set.spec.podTemplate.metadata.labels, 11));
    out += QStringLiteral("  Containers:\n");
    out += containersBlock(set.spec.podTemplate.spec.containers, nullptr, QStringLiteral("   "),
                           QStringLiteral("    "));
    out += QStringLiteral("  Volumes:         <none>\n");
    QStringList selectors;
    for (auto it = set.spec.podTemplate.spec.nodeSelector.cbegin();
         it != set.spec.podTemplate.spec.nodeSelector.cend(); ++it)
        selectors << it.key() + QLatin1Char('=') + it.value();
    out += QStringLiteral("  Node-Selectors:  %1\n").arg(orNone(selectors.join(QLatin1Char(','))));
    out += QStringLiteral("  Tolerations:     <none>\n");
    if (set.spec.volumeClaimTemplates.isEmpty()) {
        out += QStringLiteral("Volume Claims:      <none>\n");
    } else {
        out += QStringLiteral("Volume Claims:\n");
        for (const PersistentVolumeClaim &c : set.spec.volumeClaimTemplates) {
            out += QStringLiteral("  Name:          %1\n").arg(c.metadata.name);
            out += QStringLiteral("  StorageClass:  %1\n").arg(c.spec.storageClassName);
            out += QStringLiteral("  Labels:        <none>\n  Annotations:   <none>\n");
            out += QStringLiteral("  Capacity:      %1\n").arg(quantityText(c.spec.storage));
            out += QStringLiteral("  Access Modes:  [%1]\n").arg(c.spec.accessModes.join(QLatin1Char(' ')));
        }
    }
    out += eventsBlock(sim, QStringLiteral("StatefulSet"), set.metadata.uid);
    const QString key = objectKey(set.metadata);
    out += decisionsBlock(sim, [&](const Decision &d) { return d.objectKey == key; });
    return out;
}

QString describeService(const Simulation &sim, const Service &service)
{
    constexpr int w = 25;
    QString out;
    out += field(QStringLiteral("Name"), service.metadata.name, w);
    out += field(QStringLiteral("Namespace"), service.metadata.namespaceName, w);
    out += field(QStringLiteral("Labels"), labelsBlock(service.metadata.labels, w), w);
    out += field(QStringLiteral("Annotations"), labelsBlock(service.metadata.annotations, w), w);
    QStringList sel;
    for (auto it = service.spec.selector.cbegin(); it != service.spec.selector.cend(); ++it)
        sel << it.key() + QLatin1Char('=') + it.value();
    out += field(QStringLiteral("Selector"), orNone(sel.join(QLatin1Char(','))), w);
    out += field(QStringLiteral("Type"), service.spec.type, w);
    out += field(QStringLiteral("IP Family Policy"), QStringLiteral("SingleStack"), w);
    out += field(QStringLiteral("IP Families"), QStringLiteral("IPv4"), w);
    out += field(QStringLiteral("IP"), service.spec.clusterIP, w);
    out += field(QStringLiteral("IPs"), service.spec.clusterIP, w);
    const Endpoints *endpoints = sim.store().find<Endpoints>(objectKey(service.metadata));
    for (const ServicePort &p : service.spec.ports) {
        out += field(QStringLiteral("Port"),
                     QStringLiteral("%1  %2/%3").arg(orNone(p.name)).arg(p.port).arg(p.protocol), w);
        out += field(QStringLiteral("TargetPort"),
                     QStringLiteral("%1/%2").arg(p.targetPort.isEmpty() ? QString::number(p.port)
                                                                        : p.targetPort,
                                                 p.protocol),
                     w);
        QStringList addresses;
        if (endpoints) {
            for (const EndpointAddress &a : endpoints->addresses) {
                for (const EndpointPort &ep : endpoints->ports) {
                    if (ep.name == p.name)
                        addresses << QStringLiteral("%1:%2").arg(a.ip).arg(ep.port);
                }
            }
        }
        out += field(QStringLiteral("Endpoints"), addresses.join(QLatin1Char(',')), w);
    }
    out += field(QStringLiteral("Session Affinity"), QStringLiteral("None"), w);
    out += field(QStringLiteral("Internal Traffic Policy"), QStringLiteral("Cluster"), w);
    out += eventsBlock(sim, QStringLiteral("Service"), service.metadata.uid);
    return out;
}

QString describeNode(const Simulation &sim, const Node &node)
{
    constexpr int w = 20;
    QString out;
    out += field(QStringLiteral("Name"), node.metadata.name, w);
    out += field(QStringLiteral("Roles"), node.roles(), w);
    out += field(QStringLiteral("Labels"), labelsBlock(node.metadata.labels, w), w);
    out += field(QStringLiteral("CreationTimestamp"), describeTime(node.metadata.creationTimestamp), w);
    QStringList taints;
    for (const Taint &t : node.taints)
        taints << t.toString();
    out += field(QStringLiteral("Taints"),
                 taints.isEmpty() ? kNone : taints.join(QLatin1Char('\n') + QString(w, QLatin1Char(' '))),
                 w);
    out += field(QStringLiteral("Unschedulable"),
                 node.unschedulable ? QStringLiteral("true") : QStringLiteral("false"), w);
    out += QStringLiteral("Conditions:\n  Type    Status  Reason          Message\n"
                          "  ----    ------  ------          -------\n");
    for (const NodeCondition &c : node.conditions)
        out += QStringLiteral("  %1%2%3%4\n")
                   .arg(c.type.leftJustified(8), c.status.leftJustified(8),
                        c.reason.leftJustified(16), c.message);
    out += QStringLiteral("Addresses:\n  InternalIP:  %1\n  Hostname:    %2\n")
               .arg(node.internalIP, node.metadata.name);
    out += QStringLiteral("Capacity:\n");
    for (auto it = node.capacity.cbegin(); it != node.capacity.cend(); ++it)
        out += QStringLiteral("  %1%2\n").arg((it.key() + QLatin1Char(':')).leftJustified(9),
                                               quantityText(it.value()));
    out += QStringLiteral("Allocatable:\n");
    for (auto it = node.allocatable.cbegin(); it != node.allocatable.cend(); ++it)
        out += QStringLiteral("  %1%2\n").arg((it.key() + QLatin1Char(':')).leftJustified(9),
                                               quantityText(it.value()));
    out += field(QStringLiteral("PodCIDR"), node.podCIDR, w);
    const QList<const Pod *> pods = sim.store().podsOnNode(node.metadata.name);
    out += QStringLiteral("Non-terminated Pods:          (%1 in total)\n").arg(pods.size());
    if (!pods.isEmpty()) {
        out += QStringLiteral("  Namespace                   Name     Age\n"
                              "  ---------                   ----     ---\n");
        for (const Pod *pod : pods)
            out += QStringLiteral("  %1%2%3\n")
                       .arg(pod->metadata.namespaceName.leftJustified(28),
                            pod->metadata.name.leftJustified(9),
                            humanDuration(sim.now() - pod->metadata.creationTimestamp));
    }
    out += eventsBlock(sim, QStringLiteral("Node"), node.metadata.uid);
    out += decisionsBlock(sim, [&](const Decision &d) { return d.objectKey == node.metadata.name; });
    return out;
}

namespace {
QString rfc3339(Millis t)
{
    const QDateTime epoch(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
    return epoch.addMSecs(t).toString(Qt::ISODate);
}

QString yamlMap(const QMap<QString, QString> &map, int indent)
{
    QString out;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        out += QString(indent, QLatin1Char(' ')) + it.key() + QStringLiteral(": \"") + it.value()
            + QStringLiteral("\"\n");
    return out;
}
} // namespace

QString podYaml(const Pod &pod)
{
    QString out = QStringLiteral("apiVersion: v1\nkind: Pod\nmetadata:\n");
    out += QStringLiteral("  creationTimestamp: \"%1\"\n").arg(rfc3339(pod.metadata.creationTimestamp));
    if (!pod.metadata.labels.isEmpty())
        out += QStringLiteral("  labels:\n") + yamlMap(pod.metadata.labels, 4);
    out += QStringLiteral("  name: %1\n  namespace: %2\n").arg(pod.metadata.name, pod.metadata.namespaceName);
    if (const OwnerReference *owner = pod.metadata.controllerRef())
        out += QStringLiteral("  ownerReferences:\n  - apiVersion: %1\n    blockOwnerDeletion: true\n"
                              "    controller: true\n    kind: %2\n    name: %3\n    uid: %4\n")
                   .arg(owner->apiVersion, owner->kind, owner->name, owner->uid);
    out += QStringLiteral("  resourceVersion: \"%1\"\n  uid: %2\n")
               .arg(pod.metadata.resourceVersion)
               .arg(pod.metadata.uid);
    out += QStringLiteral("spec:\n  containers:\n");
    for (const Container &c : pod.spec.containers)
        out += QStringLiteral("  - image: %1\n    name: %2\n").arg(c.image, c.name);
    if (!pod.spec.hostname.isEmpty())
        out += QStringLiteral("  hostname: %1\n").arg(pod.spec.hostname);
    if (!pod.spec.nodeName.isEmpty())
        out += QStringLiteral("  nodeName: %1\n").arg(pod.spec.nodeName);
    out += QStringLiteral("  restartPolicy: %1\n").arg(pod.spec.restartPolicy);
    if (!pod.spec.subdomain.isEmpty())
        out += QStringLiteral("  subdomain: %1\n").arg(pod.spec.subdomain);
    out += QStringLiteral("status:\n");
    if (!pod.status.hostIP.isEmpty())
        out += QStringLiteral("  hostIP: %1\n").arg(pod.status.hostIP);
    out += QStringLiteral("  phase: %1\n").arg(toString(pod.status.phase));
    if (!pod.status.podIP.isEmpty())
        out += QStringLiteral("  podIP: %1\n").arg(pod.status.podIP);
    return out;
}

QString statefulSetYaml(const StatefulSet &set)
{
    QString out = QStringLiteral("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n");
    out += QStringLiteral("  generation: %1\n  name: %2\n  namespace: %3\n")
               .arg(set.metadata.generation)
               .arg(set.metadata.name, set.metadata.namespaceName);
    out += QStringLiteral("spec:\n  podManagementPolicy: %1\n  replicas: %2\n")
               .arg(set.spec.podManagementPolicy)
               .arg(set.spec.replicas);
    out += QStringLiteral("  serviceName: %1\n").arg(set.spec.serviceName);
    out += QStringLiteral("  updateStrategy:\n");
    if (set.spec.updateStrategy.rollingUpdate)
        out += QStringLiteral("    rollingUpdate:\n      partition: %1\n")
                   .arg(set.spec.updateStrategy.rollingUpdate->partition);
    out += QStringLiteral("    type: %1\n").arg(set.spec.updateStrategy.type);
    const StatefulSetStatus &s = set.status;
    out += QStringLiteral("status:\n  availableReplicas: %1\n  collisionCount: %2\n"
                          "  currentReplicas: %3\n  currentRevision: %4\n"
                          "  observedGeneration: %5\n  readyReplicas: %6\n  replicas: %7\n"
                          "  updateRevision: %8\n  updatedReplicas: %9\n")
               .arg(s.availableReplicas)
               .arg(s.collisionCount)
               .arg(s.currentReplicas)
               .arg(s.currentRevision)
               .arg(s.observedGeneration)
               .arg(s.readyReplicas)
               .arg(s.replicas)
               .arg(s.updateRevision)
               .arg(s.updatedReplicas);
    return out;
}

} // namespace ordinal::core::printers
