#pragma once

#include "api/types.h"

#include <QCoreApplication>
#include <QString>

namespace ordinal::core {

class Simulation;
class Store;
struct Pod;

// The API server's answer to an eviction (POST pods/NAME/eviction), as the eviction
// subresource (pkg/registry/core/pod/storage/eviction.go) decides it from the pod and the
// PodDisruptionBudgets that select it.
struct EvictionVerdict
{
    bool allowed = true;
    int code = 201; // HTTP status: 201 (created), 429, 403 or 500
    QString reason; // metav1.StatusReason: TooManyRequests, Forbidden, InternalError
    QString message; // the Status message
    QString causeType; // DisruptionBudget, for a 429
    QString
        causeMessage; // "The disruption budget web-pdb needs 2 healthy pods and has 2 currently"
    int retryAfterSeconds = 0;
    QString budgetKey; // the budget that decided, when one did

    // What kubectl prints for a refused eviction:
    // "Error from server (TooManyRequests): Cannot evict pod as it would violate the pod's
    // disruption budget."
    QString kubectlError() const;
    // The line `kubectl drain` prints before retrying:
    // error when evicting pods/"web-0" -n "default" (will retry after 5s): <message>
    QString drainRetryLine(const QString &ns, const QString &podName) const;
};

// Eviction against the simulated API server.
class Eviction
{
    Q_DECLARE_TR_FUNCTIONS(Eviction)

public:
    // Decides without changing anything. Terminal, Pending and terminating pods ignore budgets;
    // a pod selected by more than one budget is refused (500); an unready pod may go while the
    // budget is otherwise satisfied (IfHealthyBudget) or always (AlwaysAllow); otherwise the
    // budget must allow a disruption (429 when it allows none).
    static EvictionVerdict check(const Store &store, const Pod &pod, Millis now);
    // check, and when allowed through a budget, records the eviction in it as the API server
    // does (disruptionsAllowed - 1, the pod in status.disruptedPods, the condition when it
    // reaches 0) so that a second eviction before the pod is gone is judged against the new
    // count. The caller deletes the pod after an allowed verdict (with the pod's grace period).
    static EvictionVerdict admit(Simulation &sim, const Pod &pod);
};

} // namespace ordinal::core
