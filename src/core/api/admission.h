#pragma once

#include "api/fielderror.h"
#include "api/types.h"
#include "cluster/store.h"

#include <QCoreApplication>
#include <QString>

namespace ordinal::core {

// What the API server does to an object on create and update, before it reaches the Store:
// defaulting (pkg/apis/*/v1/defaults.go plus the DefaultTolerationSeconds admission plugin) and
// validation (pkg/apis/*/validation). Stateless; every function is pure.
//
// Validation returns the object's field errors (none when it is accepted): type, field path,
// bad value, detail and the position where the field was written — metadata.fieldSources, or
// failing that the nearest enclosing field or metadata.source. FieldErrors::text() words them
// as kubectl prints the API server's Invalid status:
//   The StatefulSet "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0 (web.yaml:9:13)
// or, with several errors,
//   The StatefulSet "web" is invalid: \n* spec.selector: Required value (web.yaml:6:3)\n* ...
// ApiStatus::invalid turns them into metav1.StatusCauses. Field paths, value formatting (Go's
// %q / %#v) and detail texts follow the upstream validators.
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

    static FieldErrors validateCreate(const StatefulSet &set);
    // Only replicas, ordinals, template, updateStrategy, revisionHistoryLimit,
    // persistentVolumeClaimRetentionPolicy and minReadySeconds may change.
    static FieldErrors validateUpdate(const StatefulSet &old, const StatefulSet &updated);
    static FieldErrors validateCreate(const Service &service);
    // Call applyUpdateDefaults first; clusterIP is immutable.
    static FieldErrors validateUpdate(const Service &old, const Service &updated);
    static FieldErrors validateCreate(const Pod &pod);
    // Pod spec is immutable except container images, activeDeadlineSeconds and added tolerations.
    static FieldErrors validateUpdate(const Pod &old, const Pod &updated);
    static FieldErrors validateCreate(const Node &node);
    static FieldErrors validateUpdate(const Node &old, const Node &updated);
    static FieldErrors validateCreate(const Namespace &ns);
    static FieldErrors validateUpdate(const Namespace &old, const Namespace &updated);
    static FieldErrors validateCreate(const PersistentVolumeClaim &claim);
    // The spec of a claim is immutable except its storage request, which may grow only.
    static FieldErrors validateUpdate(const PersistentVolumeClaim &old,
                                      const PersistentVolumeClaim &updated);

    // Where a field was written: the field itself, else the nearest enclosing field, else the
    // object (metadata.source); invalid when the object came from no manifest.
    static SourcePos fieldPosition(const ObjectMeta &meta, const QString &field);

    // minAvailable or maxUnavailable (not both), each a non-negative integer or a percent up to
    // 100%; the selector; unhealthyPodEvictionPolicy IfHealthyBudget or AlwaysAllow.
    static FieldErrors validateCreate(const PodDisruptionBudget &pdb);
    // policy/v1 budgets are mutable: validated as a create, plus the metadata rules.
    static FieldErrors validateUpdate(const PodDisruptionBudget &old,
                                      const PodDisruptionBudget &updated);

    // Any kind at once: applies defaults, then validates as a create (existing == nullptr) or as
    // an update of *existing (which must hold the same alternative). No errors: accepted.
    static FieldErrors admit(AnyObject &object, const AnyObject *existing = nullptr);
};

} // namespace ordinal::core
