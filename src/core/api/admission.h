#pragma once

#include "api/types.h"
#include "cluster/store.h"

#include <QCoreApplication>
#include <QString>

namespace ordinal::core {

// What the API server does to an object on create and update, before it reaches the Store:
// defaulting (pkg/apis/*/v1/defaults.go plus the DefaultTolerationSeconds admission plugin) and
// validation (pkg/apis/*/validation). Stateless; every function is pure.
//
// Validation returns an empty string when the object is accepted, otherwise the text kubectl
// prints for the API server's Invalid status:
//   The StatefulSet "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0 (web.yaml:9:13)
// or, with several errors,
//   The StatefulSet "web" is invalid: \n* spec.selector: Required value (web.yaml:6:3)\n* ...
// Each error ends with " (file:line:column)" when metadata.fieldSources (or, failing that, the
// nearest enclosing field or metadata.source) knows where the field was written; the same
// suffix form the ManifestLoader uses. Field paths, value formatting (Go's %q / %#v) and
// detail texts follow the upstream validators.
//
// Callers must apply defaults before validating, as the API server does; objects straight from
// the ManifestLoader leave defaulted fields (updateStrategy.type, restartPolicy, ...) empty.
class Admission
{
    Q_DECLARE_TR_FUNCTIONS(Admission)

public:
    // statefulset.md §1.1: replicas/revisionHistoryLimit are already 1/10 in the type;
    // podManagementPolicy OrderedReady; updateStrategy.type RollingUpdate and, only when the type
    // was defaulted, an empty rollingUpdate block; PVC policy Retain/Retain; the template's pod
    // spec as for a Pod (without the default tolerations); namespace "default".
    static void applyDefaults(StatefulSet &set);
    // type ClusterIP, port protocol TCP, targetPort = port, namespace "default".
    static void applyDefaults(Service &service);
    // restartPolicy Always, dnsPolicy ClusterFirst, imagePullPolicy (Always for ":latest" or no
    // tag, else IfNotPresent), port protocol TCP, probe timings, namespace "default", and the
    // not-ready/unreachable NoExecute tolerations for 300 s unless the pod already has them.
    static void applyDefaults(Pod &pod);
    static void applyDefaults(Node &node);
    static void applyDefaults(Namespace &ns);
    static void applyDefaults(PersistentVolumeClaim &claim);
    // On update the API server keeps an allocated clusterIP (and nodePorts) that the new
    // manifest leaves out, so `kubectl apply` of the same file works again.
    static void applyUpdateDefaults(const Service &old, Service &updated);
    // namespace "default".
    static void applyDefaults(PodDisruptionBudget &pdb);

    static QString validateCreate(const StatefulSet &set);
    // Only replicas, ordinals, template, updateStrategy, revisionHistoryLimit,
    // persistentVolumeClaimRetentionPolicy and minReadySeconds may change.
    static QString validateUpdate(const StatefulSet &old, const StatefulSet &updated);
    static QString validateCreate(const Service &service);
    // Call applyUpdateDefaults first; clusterIP is immutable.
    static QString validateUpdate(const Service &old, const Service &updated);
    static QString validateCreate(const Pod &pod);
    // Pod spec is immutable except container images, activeDeadlineSeconds and added tolerations.
    static QString validateUpdate(const Pod &old, const Pod &updated);
    static QString validateCreate(const Node &node);
    static QString validateUpdate(const Node &old, const Node &updated);
    static QString validateCreate(const Namespace &ns);
    static QString validateUpdate(const Namespace &old, const Namespace &updated);
    static QString validateCreate(const PersistentVolumeClaim &claim);
    // The spec of a claim is immutable except its storage request, which may grow only.
    static QString validateUpdate(const PersistentVolumeClaim &old,
                                  const PersistentVolumeClaim &updated);

    // minAvailable or maxUnavailable (not both), each a non-negative integer or a percent up to
    // 100%; the selector; unhealthyPodEvictionPolicy IfHealthyBudget or AlwaysAllow.
    static QString validateCreate(const PodDisruptionBudget &pdb);
    // policy/v1 budgets are mutable: validated as a create, plus the metadata rules.
    static QString validateUpdate(const PodDisruptionBudget &old,
                                  const PodDisruptionBudget &updated);

    // Any kind at once: applies defaults, then validates as a create (existing == nullptr) or as
    // an update of *existing (which must hold the same alternative). Returns the message or "".
    static QString admit(AnyObject &object, const AnyObject *existing = nullptr);
};

} // namespace ordinal::core
