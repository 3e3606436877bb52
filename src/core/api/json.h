#pragma once

// The API objects as the Kubernetes API server sends them: JSON in the shape of the upstream
// k8s.io/api core/v1 and apps/v1 types (field names, nesting, omitempty), plus the one table of
// group/version/kind/resource facts that every front end (API server, discovery, kubectl
// printers) should share.
//
// Everything lives in namespace ordinal::core::apijson. The functions are pure: times are
// virtual (Millis since the simulation started) and become RFC 3339 UTC timestamps relative to
// epochMs, the Unix time in milliseconds of virtual time 0, passed in by the caller (the core
// never reads the wall clock).

#include "api/types.h"
#include "cluster/store.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json_fwd.hpp>

namespace ordinal::core::apijson {

// One served resource, as API discovery (/api/v1, /apis/apps/v1) describes it.
struct ResourceInfo
{
    ObjectKind kind;
    QString group;   // "" for the core group, "apps"
    QString version; // "v1"
    QString kindName;
    QString plural;   // "pods"; the URL path segment
    QString singular; // "pod"
    QStringList shortNames;
    bool namespaced = true;
    QStringList verbs;

    // "v1" or "apps/v1".
    QString apiVersion() const;
    // As kubectl names the resource in its messages: "statefulset.apps" ("statefulset.apps/web
    // created") and "statefulsets.apps" (NotFound, AlreadyExists); core kinds have no group.
    QString qualifiedSingular() const;
    QString qualifiedPlural() const;
};

// pods, services, endpoints, nodes, namespaces, persistentvolumeclaims, events (core v1);
// statefulsets, controllerrevisions (apps/v1). Sorted as listed here; one entry per ObjectKind.
const QList<ResourceInfo> &resourceTable();
// The entry for kind (every ObjectKind has one).
const ResourceInfo &resourceInfo(ObjectKind kind);
// The entry whose plural, singular, short name or kind name (case-insensitive) is name, or
// nullptr. "po", "pods", "Pod", "sts" all resolve.
const ResourceInfo *findResource(const QString &name);

// "2026-12-03T14:05:09Z": virtual time as the API server writes a metav1.Time (second
// precision, UTC).
QString rfc3339(Millis virtualTime, qint64 epochMs);

// The full object: apiVersion, kind, metadata, spec and status (as the kind has them). Empty
// optional fields are left out as the API server's omitempty does.
nlohmann::json toJson(const AnyObject &object, qint64 epochMs);
nlohmann::json toJson(const Namespace &ns, qint64 epochMs);
nlohmann::json toJson(const Node &node, qint64 epochMs);
nlohmann::json toJson(const Service &service, qint64 epochMs);
nlohmann::json toJson(const Endpoints &endpoints, qint64 epochMs);
nlohmann::json toJson(const StatefulSet &set, qint64 epochMs);
nlohmann::json toJson(const ControllerRevision &revision, qint64 epochMs);
nlohmann::json toJson(const Pod &pod, qint64 epochMs);
nlohmann::json toJson(const PersistentVolumeClaim &claim, qint64 epochMs);
nlohmann::json toJson(const Event &event, qint64 epochMs);
// The same event as events.k8s.io/v1 writes it (upstream's conversion from core/v1: note,
// regarding, reportingController, deprecatedSource, deprecated timestamps and count).
nlohmann::json toEventsV1Json(const Event &event, qint64 epochMs);
nlohmann::json toJson(const PodDisruptionBudget &pdb, qint64 epochMs);

// Pieces, for callers that build other documents (a pod template in a revision, a Table row).
nlohmann::json toJson(const ObjectMeta &meta, qint64 epochMs);
nlohmann::json toJson(const PodSpec &spec);
nlohmann::json toJson(const PodTemplateSpec &podTemplate, qint64 epochMs);

// The QoS class the API server records in pod.status.qosClass (Guaranteed, Burstable,
// BestEffort), from the containers' requests and limits.
QString qosClass(const PodSpec &spec);

} // namespace ordinal::core::apijson
