#include "sim/operations.h"

#include "api/admission.h"
#include "api/json.h"
#include "controllers/eviction.h"
#include "io/manifestloader.h"
#include "sim/simulation.h"

#include <nlohmann/json.hpp>

#include <QRegularExpression>

namespace ordinal::core {

namespace {

const ObjectMeta &metaOf(const AnyObject &object)
{
    return std::visit([](const auto &o) -> const ObjectMeta & { return o.metadata; }, object);
}

ObjectMeta &metaOf(AnyObject &object)
{
    return std::visit([](auto &o) -> ObjectMeta & { return o.metadata; }, object);
}

// The loader words its errors as kubectl prints them for a file ("Error from server
// (BadRequest): error when creating \"web.yaml\": <server message> (web.yaml:9:13)"); a request
// has no file, and the API answers with the server's part alone.
QString serverMessage(QString text)
{
    static const QRegularExpression position(QStringLiteral(R"( \([^()]*:\d+:\d+\)$)"));
    static const QRegularExpression wrapper(
        QStringLiteral(R"(^Error from server \([A-Za-z]+\): error when [a-z ]+ "[^"]*": )"));
    text.remove(position);
    text.remove(wrapper);
    if (text.startsWith(QLatin1String("error: ")))
        text = text.mid(7);
    return text;
}

// The resourceVersion a JSON body asks for (empty when none, or when the body is YAML).
QString requestedVersion(const QByteArray &body)
{
    const nlohmann::json document = nlohmann::json::parse(body.cbegin(), body.cend(), nullptr,
                                                          /*allow_exceptions=*/false);
    if (!document.is_object())
        return {};
    const auto metadata = document.find("metadata");
    if (metadata == document.end() || !metadata->is_object())
        return {};
    const auto version = metadata->find("resourceVersion");
    if (version == metadata->end() || !version->is_string())
        return {};
    return QString::fromStdString(version->get<std::string>());
}

ApiStatus patchFailure(const apijson::PatchResult &patched)
{
    ApiStatus status = ApiStatus::badRequest(patched.error);
    status.code = patched.code ? patched.code : 400;
    if (status.code == 422)
        status.reason = QStringLiteral("Invalid");
    else if (status.code == 500)
        status.reason = QStringLiteral("InternalError");
    if (!patched.cause.isEmpty())
        status.causes << StatusCause{QStringLiteral("UnexpectedServerResponse"), patched.cause, {}};
    return status;
}

ApiStatus success()
{
    ApiStatus status;
    status.code = 200;
    return status;
}

} // namespace

Operations::Operations(Simulation &sim)
    : m_sim(sim)
{
}

ApplyResult Operations::apply(const QList<ManifestObject> &objects, bool create, bool dryRun)
{
    return m_sim.apply(objects, create, dryRun);
}

bool Operations::canDelete(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Pod:
    case ObjectKind::StatefulSet:
    case ObjectKind::Service:
    case ObjectKind::Node:
        return true;
    default:
        return false;
    }
}

std::optional<AnyObject> Operations::find(const ResourceInfo &resource, const QString &ns,
                                          const QString &name) const
{
    const QString key = objectKey(resource.namespaced ? ns : QString(), name);
    const Store &store = m_sim.store();
    return forKind(resource.kind, [&](auto type) -> std::optional<AnyObject> {
        using T = typename decltype(type)::type;
        if (const T *object = store.find<T>(key))
            return AnyObject(*object);
        return std::nullopt;
    });
}

std::optional<AnyObject> Operations::decode(const ResourceInfo &resource, const QByteArray &body,
                                            const QString &ns, ApiStatus *error) const
{
    const LoadResult loaded = ManifestLoader::loadText(body, QStringLiteral("request"));
    if (!loaded.ok()) {
        *error = ApiStatus::badRequest(serverMessage(loaded.errors.first().message));
        return std::nullopt;
    }
    if (loaded.objects.size() != 1) {
        *error = ApiStatus::badRequest(
            loaded.warnings.isEmpty()
                ? tr("the request must hold exactly one %1").arg(resource.kindName)
                : serverMessage(loaded.warnings.first()));
        return std::nullopt;
    }
    const ManifestObject &manifest = loaded.objects.first();
    if (manifest.kind != resource.kind) {
        *error = ApiStatus::badRequest(
            tr("the object's kind %1 does not match the resource %2")
                .arg(kindName(manifest.kind), resource.plural));
        return std::nullopt;
    }
    AnyObject object = manifest.object;
    // Positions name places in a file; a request body has none worth naming.
    ObjectMeta &meta = metaOf(object);
    meta.fieldSources.clear();
    meta.source = SourcePos();
    // A namespaced object lands in the request's namespace; its own must agree.
    if (resource.namespaced) {
        if (!meta.namespaceName.isEmpty() && meta.namespaceName != ns) {
            *error = ApiStatus::badRequest(tr("the namespace of the provided object does not "
                                              "match the namespace sent on the request"));
            return std::nullopt;
        }
        meta.namespaceName = ns;
    }
    return object;
}

OperationResult Operations::write(const ResourceInfo &resource, AnyObject object, bool create,
                                  bool dryRun)
{
    const ObjectMeta &meta = metaOf(object);
    const QString ns = meta.namespaceName;
    const std::optional<AnyObject> existing = find(resource, ns, meta.name);
    if (create && existing)
        return OperationResult::failure(
            ApiStatus::alreadyExists(resource.plural, resource.group, meta.name));
    if (!create && !existing)
        return OperationResult::failure(
            ApiStatus::notFound(resource.plural, resource.group, meta.name));
    if (resource.namespaced && !m_sim.store().find<Namespace>(ns))
        return OperationResult::failure(
            ApiStatus::notFound(QStringLiteral("namespaces"), QString(), ns));

    // Admission first, for the Status; Simulation::apply admits the same object again when it
    // writes it (and allocates what the API server allocates, such as a Service's ClusterIP).
    AnyObject admitted = object;
    const FieldErrors invalid = Admission::admit(admitted, existing ? &*existing : nullptr);
    if (!invalid.isEmpty())
        return OperationResult::failure(ApiStatus::invalid(resource.group, invalid));

    OperationResult result;
    result.created = create;
    result.status = success();
    result.status.code = create ? 201 : 200;
    if (dryRun) {
        ObjectMeta &out = metaOf(admitted);
        if (existing) {
            const ObjectMeta &old = metaOf(*existing);
            out.uid = old.uid;
            out.creationTimestamp = old.creationTimestamp;
            out.resourceVersion = old.resourceVersion;
            out.generation = old.generation;
        } else {
            out.creationTimestamp = m_sim.now();
            out.generation = 1;
        }
        result.object = admitted;
        return result;
    }

    const ApplyResult applied
        = m_sim.apply({ ManifestObject { resource.kind, object, {} } }, create);
    if (!applied.ok) {
        // What only the write itself can find (an address already allocated, ...).
        ApiStatus status = applied.errors.value(0, ApiStatus::internalError(applied.error));
        status.printed.clear();
        return OperationResult::failure(status);
    }
    result.object = find(resource, ns, meta.name);
    return result;
}

OperationResult Operations::create(const ResourceInfo &resource, const QString &ns,
                                   const QByteArray &body, bool dryRun)
{
    ApiStatus error;
    std::optional<AnyObject> object = decode(resource, body, ns, &error);
    if (!object)
        return OperationResult::failure(error);
    return write(resource, std::move(*object), true, dryRun);
}

OperationResult Operations::replace(const ResourceInfo &resource, const QString &ns,
                                    const QString &name, const QByteArray &body, bool dryRun)
{
    ApiStatus error;
    std::optional<AnyObject> object = decode(resource, body, ns, &error);
    if (!object)
        return OperationResult::failure(error);
    const ObjectMeta &meta = metaOf(*object);
    if (meta.name != name)
        return OperationResult::failure(ApiStatus::badRequest(
            tr("the name of the object (%1) does not match the name on the URL (%2)")
                .arg(meta.name, name)));
    const std::optional<AnyObject> existing = find(resource, ns, name);
    const QString version = requestedVersion(body);
    if (existing && !version.isEmpty()
        && version != QString::number(metaOf(*existing).resourceVersion))
        return OperationResult::failure(
            ApiStatus::conflict(resource.plural, resource.group, name));
    return write(resource, std::move(*object), false, dryRun);
}

OperationResult Operations::patch(const ResourceInfo &resource, const QString &ns,
                                  const QString &name, const QByteArray &patch,
                                  apijson::PatchType type,
                                  bool dryRun)
{
    const std::optional<AnyObject> existing = find(resource, ns, name);
    if (!existing)
        return OperationResult::failure(
            ApiStatus::notFound(resource.plural, resource.group, name));
    // Generic over every field: the object as the API writes it, patched, read back as a
    // manifest is, then admitted as an update like any other.
    const nlohmann::json original = apijson::toJson(*existing, m_epochMs);
    const apijson::PatchResult patched = apijson::applyPatch(original, patch, type, resource.kind);
    if (!patched.ok)
        return OperationResult::failure(patchFailure(patched));
    const QString version = requestedVersion(QByteArray::fromStdString(patched.document.dump()));
    if (!version.isEmpty() && version != QString::number(metaOf(*existing).resourceVersion))
        return OperationResult::failure(
            ApiStatus::conflict(resource.plural, resource.group, name));
    if (patched.document == original) {
        OperationResult result;
        result.status = success();
        result.object = existing;
        result.changed = false;
        return result;
    }
    const QByteArray body = QByteArray::fromStdString(patched.document.dump());
    ApiStatus error;
    std::optional<AnyObject> object = decode(resource, body, ns, &error);
    if (!object)
        return OperationResult::failure(error);
    ObjectMeta &meta = metaOf(*object);
    // Messages about a patched field point at the manifest it was written in, as for apply.
    meta.fieldSources = metaOf(*existing).fieldSources;
    meta.source = metaOf(*existing).source;
    if (meta.name != name)
        return OperationResult::failure(
            ApiStatus::invalid(resource.group,
                               FieldErrors { resource.kindName,
                                             name,
                                             { FieldError { FieldErrorType::Invalid,
                                                            QStringLiteral("metadata.name"),
                                                            QStringLiteral("\"%1\"").arg(meta.name),
                                                            QStringLiteral("field is immutable"),
                                                            {} } } }));
    return write(resource, std::move(*object), false, dryRun);
}

OperationResult Operations::remove(const ResourceInfo &resource, const QString &ns,
                                   const QString &name, const DeleteOptions &options)
{
    const std::optional<AnyObject> existing = find(resource, ns, name);
    if (!existing)
        return OperationResult::failure(
            ApiStatus::notFound(resource.plural, resource.group, name));
    const ObjectMeta &meta = metaOf(*existing);
    if (!options.preconditionUid.isEmpty() && options.preconditionUid != meta.uid) {
        ApiStatus status = ApiStatus::conflict(resource.plural, resource.group, name);
        status.message = QStringLiteral("Precondition failed: UID in precondition: %1, UID in "
                                        "object meta: %2")
                             .arg(options.preconditionUid, meta.uid);
        return OperationResult::failure(status);
    }
    if (!options.preconditionResourceVersion.isEmpty()
        && options.preconditionResourceVersion != QString::number(meta.resourceVersion)) {
        ApiStatus status = ApiStatus::conflict(resource.plural, resource.group, name);
        status.message = QStringLiteral("Precondition failed: ResourceVersion in precondition: "
                                        "%1, ResourceVersion in object meta: %2")
                             .arg(options.preconditionResourceVersion)
                             .arg(meta.resourceVersion);
        return OperationResult::failure(status);
    }

    OperationResult result;
    result.status = success();
    result.object = existing;
    if (options.dryRun)
        return result;

    if (!canDelete(resource.kind))
        return OperationResult::failure(ApiStatus::methodNotAllowed(
            tr("Ordinal does not simulate deleting %1 yet").arg(resource.plural)));
    ActionResult done;
    switch (resource.kind) {
    case ObjectKind::Pod: {
        // kubectl --force --grace-period=0 sends a grace period of 0: deleted at once.
        const bool force = options.gracePeriodSeconds == 0;
        done = m_sim.deletePod(ns, name, options.gracePeriodSeconds, force);
        if (const std::optional<AnyObject> after = find(resource, ns, name))
            result.object = after; // still terminating: the API returns it with its timestamp
        break;
    }
    case ObjectKind::StatefulSet:
        // Foreground is collected like Background: Ordinal's garbage collector removes the
        // dependents at once either way.
        done = m_sim.deleteStatefulSet(ns, name,
                                       options.propagationPolicy == QLatin1String("Orphan"));
        break;
    case ObjectKind::Service:
        done = m_sim.deleteService(ns, name);
        break;
    default: // ObjectKind::Node
        done = m_sim.deleteNode(name);
        break;
    }
    if (!done.ok)
        return OperationResult::failure(ApiStatus::badRequest(serverMessage(done.error)));
    return result;
}

OperationResult Operations::scale(const QString &ns, const QString &name, int replicas,
                                  bool dryRun)
{
    const StatefulSet *set = m_sim.store().find<StatefulSet>(ns, name);
    if (!set)
        return OperationResult::failure(
            ApiStatus::notFound(QStringLiteral("statefulsets"), QStringLiteral("apps"), name));
    if (replicas < 0)
        return OperationResult::failure(ApiStatus::invalid(
            QStringLiteral("autoscaling"),
            FieldErrors { QStringLiteral("Scale"),
                          name,
                          { FieldError { FieldErrorType::Invalid,
                                         QStringLiteral("spec.replicas"),
                                         QString::number(replicas),
                                         QStringLiteral("must be greater than or equal to 0"),
                                         {} } } }));
    if (!dryRun)
        m_sim.scale(ns, name, replicas);
    OperationResult result;
    result.status = success();
    StatefulSet after = *m_sim.store().find<StatefulSet>(ns, name);
    if (dryRun)
        after.spec.replicas = replicas;
    result.object = AnyObject(after);
    return result;
}

OperationResult Operations::evict(const QString &ns, const QString &name, bool dryRun)
{
    const Pod *pod = m_sim.store().find<Pod>(ns, name);
    if (!pod)
        return OperationResult::failure(
            ApiStatus::notFound(QStringLiteral("pods"), QString(), name));
    // The eviction subresource honours PodDisruptionBudgets: a refusal deletes nothing. A dry
    // run only asks; a real one also spends the budget's disruption, as the API server does.
    const EvictionVerdict verdict
        = dryRun ? Eviction::check(m_sim.store(), *pod, m_sim.now()) : Eviction::admit(m_sim, *pod);
    if (!verdict.allowed) {
        ApiStatus refused;
        refused.code = verdict.code;
        refused.reason = verdict.reason;
        refused.message = verdict.message;
        refused.name = name;
        refused.kind = QStringLiteral("pods");
        if (!verdict.causeType.isEmpty())
            refused.causes.append(StatusCause { verdict.causeType, verdict.causeMessage, {}, {} });
        return OperationResult::failure(std::move(refused));
    }
    OperationResult result;
    result.status = success();
    result.status.code = 201;
    result.object = AnyObject(*pod);
    if (!dryRun)
        m_sim.deletePod(ns, name, std::nullopt, false);
    return result;
}

} // namespace ordinal::core
