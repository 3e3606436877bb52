#pragma once

// policy/v1 PodDisruptionBudget, as a plain value type beside the core and apps kinds of
// api/types.h.

#include "api/types.h"

#include <QMap>
#include <QString>

#include <optional>

namespace ordinal::core {

struct PodDisruptionBudgetSpec
{
    // intstr.IntOrString as written: "2" or "50%"; at most one of the two is set.
    std::optional<QString> minAvailable;
    std::optional<QString> maxUnavailable;
    // A missing selector selects no pod; an empty one ({}) every pod of the namespace (policy/v1).
    bool hasSelector = false;
    LabelSelector selector;
    QString unhealthyPodEvictionPolicy; // IfHealthyBudget (when empty) or AlwaysAllow
};

struct PodDisruptionBudgetStatus
{
    qint64 observedGeneration = 0;
    // Pods evicted but not yet seen deleted by the disruption controller, with the time of
    // their eviction: they no longer count as healthy (at most 2 minutes).
    QMap<QString, Millis> disruptedPods;
    int disruptionsAllowed = 0;
    int currentHealthy = 0;
    int desiredHealthy = 0;
    int expectedPods = 0;
    // Condition DisruptionAllowed: True (SufficientPods) or False (InsufficientPods).
    bool disruptionAllowed = false;
    Millis conditionTransitionTime = 0;

    bool operator==(const PodDisruptionBudgetStatus &) const = default;
};

struct PodDisruptionBudget
{
    ObjectMeta metadata;
    PodDisruptionBudgetSpec spec;
    PodDisruptionBudgetStatus status;
};

} // namespace ordinal::core
