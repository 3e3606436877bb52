#include "console/printers_workloads.h"

#include "api/policy.h"
#include "console/printers.h"
#include "console/tablewriter.h"
#include "sim/simulation.h"

#include <algorithm>

namespace ordinal::core::printers {

std::optional<QString> initContainersStatus(const Pod &pod)
{
    // As printPod: the first init container that has not completed decides; a pod whose
    // Initialized condition is True is past its init containers whatever their statuses say.
    if (const PodCondition *c = pod.status.condition(QStringLiteral("Initialized"));
        c && c->status == QLatin1String("True"))
        return std::nullopt;
    const qsizetype total = pod.spec.initContainers.size();
    for (qsizetype i = 0; i < pod.status.initContainerStatuses.size(); ++i) {
        const ContainerState &state = pod.status.initContainerStatuses[i].state;
        if (state.kind == ContainerState::Kind::Terminated) {
            if (state.exitCode == 0)
                continue;
            // Ordinal's containers end by exit code, never by a signal.
            if (state.reason.isEmpty())
                return QStringLiteral("Init:ExitCode:%1").arg(state.exitCode);
            return QStringLiteral("Init:") + state.reason;
        }
        if (state.kind == ContainerState::Kind::Waiting && !state.reason.isEmpty()
            && state.reason != QLatin1String("PodInitializing"))
            return QStringLiteral("Init:") + state.reason;
        return QStringLiteral("Init:%1/%2").arg(i).arg(total);
    }
    return std::nullopt;
}

int initContainerRestarts(const Pod &pod)
{
    if (!initContainersStatus(pod))
        return 0;
    int restarts = 0;
    for (const ContainerStatus &cs : pod.status.initContainerStatuses)
        restarts += cs.restartCount;
    return restarts;
}

std::optional<Millis> initContainerLastTermination(const Pod &pod)
{
    if (!initContainersStatus(pod))
        return std::nullopt;
    std::optional<Millis> last;
    for (const ContainerStatus &cs : pod.status.initContainerStatuses) {
        if (cs.lastState && cs.lastState->kind == ContainerState::Kind::Terminated
            && (!last || cs.lastState->finishedAt > *last))
            last = cs.lastState->finishedAt;
    }
    return last;
}

QStringList podDisruptionBudgetHeader()
{
    return { QStringLiteral("NAME"), QStringLiteral("MIN AVAILABLE"),
             QStringLiteral("MAX UNAVAILABLE"), QStringLiteral("ALLOWED DISRUPTIONS"),
             QStringLiteral("AGE") };
}

QStringList podDisruptionBudgetRow(const PodDisruptionBudget &pdb, Millis now)
{
    const QString na = QStringLiteral("N/A");
    return { pdb.metadata.name, pdb.spec.minAvailable.value_or(na),
             pdb.spec.maxUnavailable.value_or(na), QString::number(pdb.status.disruptionsAllowed),
             humanDuration(now - pdb.metadata.creationTimestamp) };
}

QString describePodDisruptionBudget(const Simulation &sim, const PodDisruptionBudget &pdb)
{
    // kubectl's describers write through a tabwriter (padding 2): consecutive lines with a tab
    // share their column, so the Status block and the Events line align together.
    const auto block = [](const QList<std::pair<QString, QString>> &lines) {
        int width = 0;
        for (const auto &[name, value] : lines)
            width = std::max(width, int(name.size()) + 2);
        QString out;
        for (const auto &[name, value] : lines)
            out += name.leftJustified(width) + value + QLatin1Char('\n');
        return out;
    };
    QList<std::pair<QString, QString>> head { { QStringLiteral("Name:"), pdb.metadata.name },
                                              { QStringLiteral("Namespace:"),
                                                pdb.metadata.namespaceName } };
    if (pdb.spec.minAvailable)
        head.append({ QStringLiteral("Min available:"), *pdb.spec.minAvailable });
    else if (pdb.spec.maxUnavailable)
        head.append({ QStringLiteral("Max unavailable:"), *pdb.spec.maxUnavailable });
    head.append(
        { QStringLiteral("Selector:"),
          pdb.spec.hasSelector ? pdb.spec.selector.toString() : QStringLiteral("<unset>") });
    const auto &all = sim.store().all<Event>();
    const bool hasEvents = std::any_of(all.cbegin(), all.cend(), [&](const Event &e) {
        return e.involvedObject.uid == pdb.metadata.uid;
    });
    QList<std::pair<QString, QString>> status {
        { QStringLiteral("    Allowed disruptions:"),
          QString::number(pdb.status.disruptionsAllowed) },
        { QStringLiteral("    Current:"), QString::number(pdb.status.currentHealthy) },
        { QStringLiteral("    Desired:"), QString::number(pdb.status.desiredHealthy) },
        { QStringLiteral("    Total:"), QString::number(pdb.status.expectedPods) }
    };
    if (!hasEvents)
        status.append({ QStringLiteral("Events:"), QStringLiteral("<none>") });
    QString out = block(head) + QStringLiteral("Status:\n") + block(status);
    if (hasEvents)
        out += eventsBlock(sim, QStringLiteral("PodDisruptionBudget"), pdb.metadata.uid);
    return out;
}

} // namespace ordinal::core::printers
