#pragma once

// The API server's write verbs over the simulation, one implementation for every front end
// that speaks the Kubernetes API: create, update (replace), patch (JSON, merge and strategic
// merge, generic over every field), delete (with propagation, grace period and
// preconditions), scale and evict. Each verb returns the object as stored, or a metav1.Status
// with upstream's reason, code, message and field causes. Writes go through
// Simulation::apply and its siblings, so they are admitted exactly as a manifest is, recorded
// as actions on the timeline, and replayed on time travel.

#include "api/patch.h"
#include "api/status.h"
#include "cluster/store.h"
#include "sim/simulation.h"

#include <QByteArray>
#include <QCoreApplication>

#include <optional>

namespace ordinal::core {

struct ManifestObject;
namespace apijson {
struct ResourceInfo;
}
using apijson::ResourceInfo;

struct DeleteOptions
{
    std::optional<qint64> gracePeriodSeconds;
    QString propagationPolicy; // Orphan, Background, Foreground; empty = the kind's default
    QString preconditionUid;
    QString preconditionResourceVersion;
    bool dryRun = false;
};

struct OperationResult
{
    ApiStatus status;
    std::optional<AnyObject> object; // as stored after the verb (before it, for a deletion)
    bool created = false;            // a create (201) rather than an update (200)
    bool changed = true;             // false when the verb left the object as it was

    bool ok() const { return status.ok(); }
    static OperationResult failure(ApiStatus status)
    {
        OperationResult result;
        result.status = std::move(status);
        return result;
    }
};

class Operations
{
    Q_DECLARE_TR_FUNCTIONS(Operations)

public:
    explicit Operations(Simulation &sim);

    // Unix time (ms) of virtual time 0: objects written out for patching carry timestamps.
    void setEpoch(qint64 epochMs) { m_epochMs = epochMs; }

    // The object, or nullopt.
    std::optional<AnyObject> find(const ResourceInfo &resource, const QString &ns,
                                  const QString &name) const;

    // `kubectl apply|create -f`: manifest objects (of any kinds, from any files) all-or-nothing,
    // each admitted against the store first; nothing is written unless every one passes. The
    // result names each object's outcome, or each refused object's Status with its file and
    // position. create: AlreadyExists is an error. The console, the window and the YAML panel
    // apply through this.
    ApplyResult apply(const QList<ManifestObject> &objects, bool create, bool dryRun = false);

    // Whether Ordinal simulates deleting objects of the kind (remove() refuses the others).
    static bool canDelete(ObjectKind kind);

    // body: JSON or YAML of one object of the resource's kind; ns: the request's namespace
    // (the object's own must agree or be empty).
    OperationResult create(const ResourceInfo &resource, const QString &ns, const QByteArray &body,
                           bool dryRun);
    // PUT: a stale metadata.resourceVersion is a Conflict; an empty one updates
    // unconditionally, as the API server allows for these kinds.
    OperationResult replace(const ResourceInfo &resource, const QString &ns, const QString &name,
                            const QByteArray &body, bool dryRun);
    OperationResult patch(const ResourceInfo &resource, const QString &ns, const QString &name,
                          const QByteArray &patch, apijson::PatchType type, bool dryRun);
    // The object returned is the one deleted (a pod still terminating: as it is now).
    OperationResult remove(const ResourceInfo &resource, const QString &ns, const QString &name,
                           const DeleteOptions &options);
    OperationResult scale(const QString &ns, const QString &name, int replicas, bool dryRun);
    // policy/v1 Eviction: a graceful delete of the pod.
    OperationResult evict(const QString &ns, const QString &name, bool dryRun);

private:
    // Decodes a body into one object of the resource's kind in namespace ns (for namespaced
    // kinds), or a BadRequest status.
    std::optional<AnyObject> decode(const ResourceInfo &resource, const QByteArray &body,
                                    const QString &ns, ApiStatus *error) const;
    // Admits and writes the object (create or update of what is stored).
    OperationResult write(const ResourceInfo &resource, AnyObject object, bool create,
                          bool dryRun);

    Simulation &m_sim;
    qint64 m_epochMs = 0;
};

} // namespace ordinal::core
