#include "endpointslices.h"

#include "api/json.h"
#include "console/tablewriter.h"

#include <QUuid>

#include <nlohmann/json.hpp>

namespace ordinal::net::endpointslices {

using json = nlohmann::json;

namespace {

std::string str(const QString &text)
{
    return text.toStdString();
}

// The managed-by label's values: the EndpointSlice controller for a service with a selector,
// the mirroring controller for one whose Endpoints are written by hand.
const char kManagedBy[] = "endpointslice.kubernetes.io/managed-by";
const char kServiceName[] = "kubernetes.io/service-name";

bool selects(const QMap<QString, QString> &selector, const QMap<QString, QString> &labels)
{
    for (auto it = selector.cbegin(); it != selector.cend(); ++it) {
        if (labels.value(it.key()) != it.value() || !labels.contains(it.key()))
            return false;
    }
    return true;
}

json targetRef(const core::Pod *pod, const QString &ns, const QString &name)
{
    json ref = { { "kind", "Pod" }, { "namespace", str(ns) }, { "name", str(name) } };
    if (pod && !pod->metadata.uid.isEmpty())
        ref["uid"] = str(pod->metadata.uid);
    return ref;
}

json endpoint(const QString &ip, bool ready, bool serving, bool terminating,
              const QString &hostname, const QString &nodeName, const json &ref)
{
    json e = { { "addresses", json::array({ str(ip) }) },
               { "conditions",
                 { { "ready", ready }, { "serving", serving }, { "terminating", terminating } } } };
    if (!ref.is_null())
        e["targetRef"] = ref;
    if (!hostname.isEmpty())
        e["hostname"] = str(hostname);
    if (!nodeName.isEmpty())
        e["nodeName"] = str(nodeName);
    return e;
}

// At most three items, then "+ N more..."; "<unset>" for none (upstream's listWithMoreString).
QString listWithMore(const QStringList &items)
{
    if (items.isEmpty())
        return QStringLiteral("<unset>");
    if (items.size() <= 3)
        return items.join(QLatin1Char(','));
    return items.mid(0, 3).join(QLatin1Char(','))
        + QStringLiteral(" + %1 more...").arg(items.size() - 3);
}

} // namespace

QString sliceName(const QString &ns, const QString &service)
{
    // FNV-1a over "namespace/service", spelled in generateName's alphabet (no vowels, no
    // digits that read as letters).
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    quint32 hash = 2166136261u;
    for (const char c : (ns + QLatin1Char('/') + service).toUtf8()) {
        hash ^= quint8(c);
        hash *= 16777619u;
    }
    QString suffix;
    for (int i = 0; i < 5; ++i) {
        suffix += QLatin1Char(alphabet[hash % (sizeof(alphabet) - 1)]);
        hash /= sizeof(alphabet) - 1;
    }
    return service + QLatin1Char('-') + suffix;
}

json sliceJson(const core::Endpoints &endpoints, const core::Store &store, qint64 epochMs)
{
    const QString ns = endpoints.metadata.namespaceName;
    const QString service = endpoints.metadata.name;
    const core::Service *owner = store.find<core::Service>(ns, service);
    const bool selected = owner && !owner->spec.selector.isEmpty();

    // The API server keeps default/kubernetes itself (its endpoint reconciler): a slice named
    // as the service, with no owner and only the service-name label.
    const bool apiServer = ns == QLatin1String("default") && service == QLatin1String("kubernetes");

    core::ObjectMeta meta;
    meta.name = apiServer ? service : sliceName(ns, service);
    meta.namespaceName = ns;
    // A uid of its own, the same in every run: derived from its Endpoints'.
    meta.uid = QUuid::createUuidV5(QUuid(endpoints.metadata.uid), QStringLiteral("EndpointSlice"))
                   .toString(QUuid::WithoutBraces);
    meta.resourceVersion = endpoints.metadata.resourceVersion;
    meta.creationTimestamp = endpoints.metadata.creationTimestamp;
    if (owner && !apiServer) {
        meta.labels = owner->metadata.labels; // the controller copies the service's labels
        if (owner->isHeadless())
            meta.labels.insert(QStringLiteral("service.kubernetes.io/headless"), QString());
        core::OwnerReference ref;
        ref.apiVersion = QStringLiteral("v1");
        ref.kind = QStringLiteral("Service");
        ref.name = service;
        ref.uid = owner->metadata.uid;
        ref.controller = true;
        ref.blockOwnerDeletion = true;
        meta.ownerReferences = { ref };
    }
    meta.labels.insert(QLatin1String(kServiceName), service);
    if (!apiServer)
        meta.labels.insert(QLatin1String(kManagedBy),
                           selected ? QStringLiteral("endpointslice-controller.k8s.io")
                                    : QStringLiteral("endpointslicemirroring-controller.k8s.io"));

    json list = json::array();
    const auto add = [&](const core::EndpointAddress &a, bool ready) {
        const core::Pod *pod = a.podName.isEmpty() ? nullptr : store.find<core::Pod>(ns, a.podName);
        list.push_back(endpoint(a.ip, ready, ready, false, a.hostname, a.nodeName,
                                a.podName.isEmpty() ? json() : targetRef(pod, ns, a.podName)));
    };
    for (const core::EndpointAddress &a : endpoints.addresses)
        add(a, true);
    for (const core::EndpointAddress &a : endpoints.notReadyAddresses)
        add(a, owner && owner->spec.publishNotReadyAddresses);
    // Terminating pods, which Endpoints leave out and the EndpointSlice controller keeps with
    // terminating=true (serving while still Ready), as long as they have an address.
    if (selected) {
        for (const core::Pod *pod : store.list<core::Pod>(ns)) {
            if (!pod->metadata.isTerminating() || pod->status.podIP.isEmpty() || pod->isTerminal()
                || !selects(owner->spec.selector, pod->metadata.labels))
                continue;
            const QString hostname
                = pod->spec.subdomain == service ? pod->spec.hostname : QString();
            list.push_back(endpoint(pod->status.podIP, false, pod->isReady(), true, hostname,
                                    pod->spec.nodeName, targetRef(pod, ns, pod->metadata.name)));
        }
    }

    json ports = json();
    for (const core::EndpointPort &p : endpoints.ports) {
        if (ports.is_null())
            ports = json::array();
        ports.push_back(
            { { "name", str(p.name) }, { "port", p.port }, { "protocol", str(p.protocol) } });
    }

    return { { "kind", "EndpointSlice" },
             { "apiVersion", "discovery.k8s.io/v1" },
             { "metadata", core::apijson::toJson(meta, epochMs) },
             { "addressType", "IPv4" },
             { "endpoints", list },
             { "ports", ports } };
}

json columnDefinitions()
{
    // Upstream's printer's columns and descriptions.
    const auto column = [](const char *name, const char *format, const char *description) {
        return json { { "name", name },
                      { "type", "string" },
                      { "format", format },
                      { "description", description },
                      { "priority", 0 } };
    };
    return json::array(
        { column("Name", "name",
                 "Name must be unique within a namespace. Is required when creating resources, "
                 "although some resources may allow a client to request the generation of an "
                 "appropriate name automatically."),
          column("AddressType", "", "Type of address carried by this EndpointSlice"),
          column("Ports", "", "Ports in this EndpointSlice"),
          column("Endpoints", "", "Endpoints in this EndpointSlice"),
          column("Age", "",
                 "CreationTimestamp is a timestamp representing the server time when this object "
                 "was created.") });
}

QStringList tableRow(const json &slice, core::Millis age)
{
    QStringList ports;
    if (slice.at("ports").is_array()) {
        for (const json &p : slice.at("ports"))
            ports << (p.contains("port") ? QString::number(p.at("port").get<int>())
                                         : QStringLiteral("*"));
    }
    QStringList addresses;
    for (const json &e : slice.at("endpoints")) {
        for (const json &a : e.at("addresses"))
            addresses << QString::fromStdString(a.get<std::string>());
    }
    return { QString::fromStdString(slice.at("metadata").at("name").get<std::string>()),
             QStringLiteral("IPv4"), listWithMore(ports), listWithMore(addresses),
             core::humanDuration(age) };
}

} // namespace ordinal::net::endpointslices
