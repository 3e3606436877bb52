#pragma once

#include "api/policy.h"
#include "api/types.h"

#include <QCoreApplication>

namespace ordinal::core {

class Simulation;
class Store;

// The disruption controller (pkg/controller/disruption): keeps each PodDisruptionBudget's status
// — the pods it expects, how many are healthy (Ready, not terminating, not just evicted), how
// many must stay healthy, and so how many voluntary disruptions are allowed now. It is queued
// by changes of the pods a budget selects and of the budget itself. Invariant: a budget whose
// status.observedGeneration equals its generation has a status computed from the store as it
// was at its last sync.
class DisruptionController
{
    Q_DECLARE_TR_FUNCTIONS(DisruptionController)

public:
    // How long an evicted pod may take to go away before the controller counts it again.
    static constexpr Millis kDeletionTimeout = 2 * kMinute;

    static void sync(Simulation &sim, const QString &budgetKey);
    // The status the controller would write for pdb now (pure).
    static PodDisruptionBudgetStatus computeStatus(const Store &store,
                                                   const PodDisruptionBudget &pdb, Millis now);
    // Pods the budget selects: none without a selector, every pod of its namespace with an
    // empty one (policy/v1).
    static QList<const Pod *> selectedPods(const Store &store, const PodDisruptionBudget &pdb);
    // The budgets whose selector matches the pod's labels, ordered by name.
    static QList<const PodDisruptionBudget *> budgetsFor(const Store &store, const Pod &pod);
};

} // namespace ordinal::core
