#pragma once

// discovery.k8s.io/v1 EndpointSlices, derived from what the simulation holds, as the
// EndpointSlice controller would publish them: one slice per Endpoints object (Ordinal's
// services have fewer endpoints than a slice's 100), named, labelled, owned and filled as the
// controller does it. The simulation keeps no slices of its own; the API server serves these
// read-only (get, list, watch), each with its Endpoints' resourceVersion and creation time, so
// a slice changes exactly when its Endpoints change.
//
// Deliberate deviation: upstream names a slice with generateName "<service>-" and five random
// characters; Ordinal's five characters come from a hash of the namespace and service name
// (same alphabet), so a slice has the same name in every run.

#include "api/types.h"
#include "cluster/store.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <nlohmann/json_fwd.hpp>

namespace ordinal::net::endpointslices {

// "nginx-7xk2q": the slice's name for a service.
QString sliceName(const QString &ns, const QString &service);

// The slice the controller would publish for these Endpoints (and the service and pods the
// store holds now: the owner reference, the labels, terminating pods).
nlohmann::json sliceJson(const core::Endpoints &endpoints, const core::Store &store,
                         qint64 epochMs);

// kubectl get endpointslices: NAME, ADDRESSTYPE, PORTS, ENDPOINTS, AGE, as upstream's printer
// writes them (at most three ports and addresses, then "+ N more...").
nlohmann::json columnDefinitions();
QStringList tableRow(const nlohmann::json &slice, core::Millis age);

} // namespace ordinal::net::endpointslices
