#include "console/printers_workloads.h"

#include "api/policy.h"
#include "console/tablewriter.h"

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

} // namespace ordinal::core::printers
