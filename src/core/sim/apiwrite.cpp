#include "sim/apiwrite.h"

#include "sim/simulation.h"

#include <QJsonValue>

#include <array>

namespace ordinal::core {

namespace {

constexpr std::array kVerbs{ApiWrite::Verb::Create, ApiWrite::Verb::Update, ApiWrite::Verb::Patch,
                            ApiWrite::Verb::Delete, ApiWrite::Verb::Scale,  ApiWrite::Verb::Evict};

} // namespace

QString ApiWrite::verbName(Verb verb)
{
    switch (verb) {
    case Verb::Create:
        return QStringLiteral("create");
    case Verb::Update:
        return QStringLiteral("update");
    case Verb::Patch:
        return QStringLiteral("patch");
    case Verb::Delete:
        return QStringLiteral("delete");
    case Verb::Scale:
        return QStringLiteral("scale");
    case Verb::Evict:
        return QStringLiteral("evict");
    }
    return {};
}

QString ApiWrite::summary() const
{
    return QStringLiteral("%1 %2/%3").arg(verbName(verb), resource, name);
}

QJsonObject ApiWrite::toJson() const
{
    QJsonObject o{{QStringLiteral("verb"), verbName(verb)},
                  {QStringLiteral("resource"), resource},
                  {QStringLiteral("epoch"), double(epochMs)}};
    if (!ns.isEmpty())
        o.insert(QStringLiteral("namespace"), ns);
    if (!name.isEmpty())
        o.insert(QStringLiteral("name"), name);
    if (!body.isEmpty())
        o.insert(QStringLiteral("body"), QString::fromUtf8(body));
    if (verb == Verb::Patch)
        o.insert(QStringLiteral("contentType"), apijson::contentType(patchType));
    if (verb == Verb::Scale)
        o.insert(QStringLiteral("replicas"), replicas);
    if (!announced)
        o.insert(QStringLiteral("announced"), false);
    if (verb == Verb::Delete) {
        if (options.gracePeriodSeconds)
            o.insert(QStringLiteral("gracePeriodSeconds"), double(*options.gracePeriodSeconds));
        if (!options.propagationPolicy.isEmpty())
            o.insert(QStringLiteral("propagationPolicy"), options.propagationPolicy);
        if (!options.preconditionUid.isEmpty())
            o.insert(QStringLiteral("preconditionUid"), options.preconditionUid);
        if (!options.preconditionResourceVersion.isEmpty())
            o.insert(QStringLiteral("preconditionResourceVersion"),
                     options.preconditionResourceVersion);
    }
    return o;
}

std::optional<ApiWrite> ApiWrite::fromJson(const QJsonObject &o, QString *error)
{
    ApiWrite write;
    const QString verb = o.value(QStringLiteral("verb")).toString();
    const auto known = std::find_if(kVerbs.cbegin(), kVerbs.cend(),
                                    [&](Verb v) { return verbName(v) == verb; });
    if (known == kVerbs.cend()) {
        *error = tr("unknown API verb \"%1\"").arg(verb);
        return std::nullopt;
    }
    write.verb = *known;
    write.resource = o.value(QStringLiteral("resource")).toString();
    if (!apijson::findResource(write.resource)) {
        *error = tr("unknown API resource \"%1\"").arg(write.resource);
        return std::nullopt;
    }
    write.ns = o.value(QStringLiteral("namespace")).toString();
    write.name = o.value(QStringLiteral("name")).toString();
    write.body = o.value(QStringLiteral("body")).toString().toUtf8();
    write.epochMs = qint64(o.value(QStringLiteral("epoch")).toDouble());
    if (write.verb == Verb::Patch) {
        const std::optional<apijson::PatchType> type = apijson::patchTypeFromContentType(
            o.value(QStringLiteral("contentType")).toString());
        if (!type) {
            *error = tr("unknown patch type \"%1\"")
                         .arg(o.value(QStringLiteral("contentType")).toString());
            return std::nullopt;
        }
        write.patchType = *type;
    }
    write.replicas = o.value(QStringLiteral("replicas")).toInt();
    write.announced = o.value(QStringLiteral("announced")).toBool(true);
    if (o.contains(QStringLiteral("gracePeriodSeconds")))
        write.options.gracePeriodSeconds =
            qint64(o.value(QStringLiteral("gracePeriodSeconds")).toDouble());
    write.options.propagationPolicy = o.value(QStringLiteral("propagationPolicy")).toString();
    write.options.preconditionUid = o.value(QStringLiteral("preconditionUid")).toString();
    write.options.preconditionResourceVersion =
        o.value(QStringLiteral("preconditionResourceVersion")).toString();
    return write;
}

ApiStatus ApiWrite::applyTo(Simulation &sim) const
{
    const apijson::ResourceInfo *info = apijson::findResource(resource);
    if (!info)
        return ApiStatus::notFound(resource, QString(), name);
    Operations operations(sim);
    operations.setEpoch(epochMs);
    OperationResult result;
    switch (verb) {
    case Verb::Create:
        result = operations.create(*info, ns, body, false);
        break;
    case Verb::Update:
        result = operations.replace(*info, ns, name, body, false);
        break;
    case Verb::Patch:
        result = operations.patch(*info, ns, name, body, patchType, false);
        break;
    case Verb::Delete:
        result = operations.remove(*info, ns, name, options);
        break;
    case Verb::Scale:
        result = operations.scale(ns, name, replicas, false);
        break;
    case Verb::Evict:
        result = operations.evict(ns, name, false);
        break;
    }
    if (result.ok() && announced)
        announce(sim, *info, ns, name, verbName(verb));
    return result.status;
}

void ApiWrite::announce(Simulation &sim, const apijson::ResourceInfo &resource, const QString &ns,
                        const QString &name, const QString &verb)
{
    // The timeline's event list says where a change came from: this one, from a client. The
    // resourceVersion tells two equal requests apart (a repeated decision is not recorded).
    sim.decide(QStringLiteral("kube-apiserver"), resource.kindName, objectKey(ns, name), name,
               tr("%1 %2 through the Kubernetes API (kubectl or another client); "
                  "resourceVersion %3")
                   .arg(verb, resource.singular + QLatin1Char('/') + name)
                   .arg(sim.store().resourceVersion()));
}

} // namespace ordinal::core
