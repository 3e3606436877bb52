#pragma once

#include "api/json.h"
#include "api/patch.h"
#include "api/status.h"
#include "sim/operations.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ordinal::core {

class Simulation;

// One write that arrived through the Kubernetes API, as the API server applied it: the verb,
// the resource and object it named, and the request's body (the object, or the patch) with the
// options that decide the outcome. Because the simulation is deterministic, applying the same
// write through Operations at the same virtual moment of the same history changes the cluster
// exactly as the request did; so a scenario keeps API writes as this record, and replays them
// without a server. Dry runs and refused writes change nothing and are never recorded.
struct ApiWrite
{
    Q_DECLARE_TR_FUNCTIONS(ApiWrite)

public:
    enum class Verb { Create, Update, Patch, Delete, Scale, Evict };

    Verb verb = Verb::Create;
    QString resource; // the resource's plural ("statefulsets")
    QString ns;
    QString name;     // empty for a create (the body names the object)
    QByteArray body;  // create, update: the object; patch: the patch document
    apijson::PatchType patchType = apijson::PatchType::StrategicMerge;
    DeleteOptions options; // delete
    int replicas = 0;      // scale
    qint64 epochMs = 0;    // the server's virtual time 0, as Unix time (objects carry timestamps)
    bool announced = true; // the server recorded its Decision (not for a collection's items)

    // "patch statefulsets/web", as the timeline and the history name it.
    QString summary() const;
    static QString verbName(Verb verb);

    QJsonObject toJson() const;
    // nullopt with *error when the object is not a write this version knows.
    static std::optional<ApiWrite> fromJson(const QJsonObject &object, QString *error);

    // Applies the write to the simulation at its present moment, as the API server did
    // (with the Decision announce() records); the status the server answered with.
    ApiStatus applyTo(Simulation &sim) const;

    // Records on the timeline that a client changed ns/name with verb ("patch"): the
    // kube-apiserver Decision the event list shows.
    static void announce(Simulation &sim, const apijson::ResourceInfo &resource,
                         const QString &ns, const QString &name, const QString &verb);
};

} // namespace ordinal::core
