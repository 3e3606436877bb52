#pragma once

// The way back from the API's JSON to Ordinal's object types: what a real cluster sends for the
// kinds Ordinal draws (core/v1 and apps/v1 as kube-apiserver writes them, plus
// discovery.k8s.io/v1 EndpointSlices, folded into Endpoints), for the live view of a cluster.
//
// Fields Ordinal does not model are skipped; a field of the wrong JSON type is an error that
// names the field, never a crash. Times become virtual Millis relative to epochMs, the Unix time
// in milliseconds that virtual time 0 stands for (the caller picks it; the core never reads the
// wall clock).

#include "api/types.h"
#include "cluster/store.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <nlohmann/json_fwd.hpp>

#include <optional>

namespace ordinal::core::apijson {

// The kind a JSON object's "kind" names ("Pod", "StatefulSet", ...), or nullopt.
std::optional<ObjectKind> kindFromName(const QString &kindName);

// Decodes one object of kind. On a malformed object returns nullopt and sets *error to a
// sentence that names the field ("Pod web-0: status.podIP is not a string").
std::optional<AnyObject> fromJson(ObjectKind kind, const nlohmann::json &object, qint64 epochMs,
                                  QString *error);

// "2026-12-03T14:05:09Z" (or with fractional seconds or an offset) as virtual time relative to
// epochMs; nullopt when the text is not an RFC 3339 time.
std::optional<Millis> fromRfc3339(const QString &text, qint64 epochMs);

// A resource.Quantity from its text ("500m", "1Gi", "2"): millicores for cpu when milli, else
// the plain value (bytes, count).
Quantity parseQuantity(const QString &text, bool milli);

// discovery.k8s.io/v1 EndpointSlice, reduced to what Endpoints hold.
struct EndpointSlice
{
    QString namespaceName;
    QString name;
    QString serviceName; // label kubernetes.io/service-name
    Millis creationTimestamp = 0;
    QList<EndpointAddress> ready;
    QList<EndpointAddress> notReady;
    QList<EndpointPort> ports;
};

std::optional<EndpointSlice> endpointSliceFromJson(const nlohmann::json &object, qint64 epochMs,
                                                   QString *error);

// The Endpoints the EndpointSlices of one Service amount to: as the endpoints mirroring
// controller does in reverse, ready endpoints become addresses and the others notReadyAddresses
// (each address once, in the slices' order). slices must all name the same Service.
Endpoints endpointsFromSlices(const QString &namespaceName, const QString &serviceName,
                              const QList<EndpointSlice> &slices);

} // namespace ordinal::core::apijson
