#pragma once

#include "api/types.h"

#include <QCoreApplication>

namespace ordinal::core {

class Simulation;

// The StatefulSet controller, as upstream (stateful_set_control.go): one reconcile pass per
// sync. Pods are named <set>-<ordinal>, created in ascending ordinal order and removed in
// descending order; with OrderedReady at most one pod is created or deleted per pass and a
// pod that is not Running and Ready blocks the ones after it; Parallel creates and deletes
// all at once. Revisions are ControllerRevisions <set>-<hash>; RollingUpdate replaces pods
// from the highest ordinal down to the partition, one at a time; OnDelete waits for the user.
// Claims from volumeClaimTemplates are created before their pod and kept per the retention
// policy. Every wait is recorded as a Decision.
class StatefulSetController
{
    Q_DECLARE_TR_FUNCTIONS(StatefulSetController)

public:
    static void sync(Simulation &sim, const QString &setKey);

    // The ordinal of a pod that belongs to the set by name (<set>-<n>), or -1.
    static int ordinalOf(const QString &setName, const QString &podName);
    // Whether the set wants a pod of that name now: its ordinal is in the set's range
    // [start, start + replicas). A wanted identity keeps its place while it has no pod.
    static bool wantsIdentity(const StatefulSet &set, const QString &podName);
    // Revision name for a template: <set>-<hash>, hash as upstream's SafeEncodeString(fnv32).
    static QString revisionName(const StatefulSet &set, const PodTemplateSpec &podTemplate);
    // The canonical text a revision stores and hashes (template only, §1.8.1).
    static QString templateText(const PodTemplateSpec &podTemplate);
};

} // namespace ordinal::core
