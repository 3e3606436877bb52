#include "apiserver.h"

#include "api/json.h"
#include "apidiscovery.h"
#include "endpointslices.h"
#include "remotecommand.h"
#include "tlsidentity.h"
#include "websocketcommandsession.h"
#include "console/console.h"
#include "console/printers.h"
#include "console/printers_workloads.h"
#include "console/tablewriter.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSet>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>
#include <QtHttpServer/QHttpServerRequest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace ordinal::net {

using core::AnyObject;
using core::ApiStatus;
using core::ObjectKind;
using core::apijson::ResourceInfo;
using core::apijson::toJson;
using json = nlohmann::json;

namespace {

QByteArray toBytes(const json &document)
{
    return QByteArray::fromStdString(document.dump());
}

std::string str(const QString &text)
{
    return text.toStdString();
}

const core::ObjectMeta &metaOf(const AnyObject &object)
{
    return std::visit([](const auto &o) -> const core::ObjectMeta & { return o.metadata; },
                      object);
}

json statusJson(const ApiStatus &status)
{
    json out = {{"kind", "Status"}, {"apiVersion", "v1"}, {"metadata", json::object()}};
    out["status"] = status.ok() ? "Success" : "Failure";
    if (!status.message.isEmpty())
        out["message"] = str(status.message);
    if (!status.reason.isEmpty())
        out["reason"] = str(status.reason);
    json details = json::object();
    if (!status.name.isEmpty())
        details["name"] = str(status.name);
    if (!status.group.isEmpty())
        details["group"] = str(status.group);
    if (!status.kind.isEmpty())
        details["kind"] = str(status.kind);
    if (!status.causes.isEmpty()) {
        json causes = json::array();
        for (const core::StatusCause &cause : status.causes) {
            json c = {{"reason", str(cause.reason)}, {"message", str(cause.message)}};
            if (!cause.field.isEmpty())
                c["field"] = str(cause.field);
            causes.push_back(c);
        }
        details["causes"] = causes;
    }
    if (!details.empty())
        out["details"] = details;
    out["code"] = status.code;
    return out;
}

QByteArray reasonPhrase(int code)
{
    switch (code) {
    case 200: return "OK";
    case 201: return "Created";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 413: return "Request Entity Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    default: return "Unknown";
    }
}

// The warnings the responses to the request being served carry (Warning: 299, as the API
// server sends for a deprecated API or an unknown field; kubectl prints each as
// "Warning: ..."). Set for the extent of one request by WarningScope (and addWarning());
// requests are served one at a time, on the server's thread.
QList<QByteArray> pendingWarnings;

void addWarning(const QString &text)
{
    // A quoted-string: backslash and double quote escaped.
    QByteArray quoted = text.toUtf8();
    quoted.replace('\\', "\\\\");
    quoted.replace('"', "\\\"");
    pendingWarnings.append(quoted);
}

class WarningScope
{
public:
    explicit WarningScope(const QByteArray &warning)
    {
        pendingWarnings.clear();
        if (!warning.isEmpty())
            pendingWarnings.append(warning);
    }
    ~WarningScope() { pendingWarnings.clear(); }
    WarningScope(const WarningScope &) = delete;
    WarningScope &operator=(const WarningScope &) = delete;
};

void respond(QTcpSocket *socket, int code, const QByteArray &body,
             const QByteArray &contentType = "application/json")
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(code) + ' ' + reasonPhrase(code) + "\r\n";
    out += "Content-Type: " + contentType + "\r\n";
    for (const QByteArray &warning : std::as_const(pendingWarnings))
        out += "Warning: 299 - \"" + warning + "\"\r\n";
    out += "Cache-Control: no-cache, private\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    out += body;
    socket->write(out);
}

void respondStatus(QTcpSocket *socket, const ApiStatus &status)
{
    respond(socket, status.code, toBytes(statusJson(status)));
}

void respondObject(QTcpSocket *socket, int code, const json &document)
{
    respond(socket, code, toBytes(document));
}

// Starts a chunked response (a watch or a followed log).
void beginStream(QTcpSocket *socket, const QByteArray &contentType)
{
    QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: " + contentType
        + "\r\nCache-Control: no-cache, private\r\nTransfer-Encoding: chunked\r\n";
    for (const QByteArray &warning : std::as_const(pendingWarnings))
        head += "Warning: 299 - \"" + warning + "\"\r\n";
    socket->write(head + "\r\n");
}

void writeChunk(QTcpSocket *socket, const QByteArray &data)
{
    if (data.isEmpty())
        return;
    socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
}

void endStream(QTcpSocket *socket)
{
    socket->write("0\r\n\r\n");
}

// Compares two byte strings in time that depends only on their lengths.
bool sameSecret(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

// --- field selectors ----------------------------------------------------------------------------

struct FieldTerm
{
    QString field;
    QString value;
    bool negated = false;
};

// "metadata.name=web-0,status.phase!=Running"; false on a malformed term.
bool parseFieldSelector(const QString &text, QList<FieldTerm> *terms, QString *error)
{
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        FieldTerm term;
        int at = part.indexOf(QLatin1String("!="));
        int width = 2;
        if (at >= 0) {
            term.negated = true;
        } else if ((at = part.indexOf(QLatin1String("=="))) >= 0) {
            width = 2;
        } else if ((at = part.indexOf(QLatin1Char('='))) >= 0) {
            width = 1;
        } else {
            *error = QStringLiteral("invalid selector: '%1'; can't understand '%2'").arg(text, part);
            return false;
        }
        term.field = part.left(at).trimmed();
        term.value = part.mid(at + width).trimmed();
        *terms << term;
    }
    return true;
}

// The value of a selectable field, or nullopt when the kind does not offer it (upstream's
// field label conversion functions list the same fields).
std::optional<QString> fieldValue(const AnyObject &object, const QString &field)
{
    const core::ObjectMeta &meta = metaOf(object);
    if (field == QLatin1String("metadata.name"))
        return meta.name;
    if (field == QLatin1String("metadata.namespace"))
        return meta.namespaceName;
    if (const auto *pod = std::get_if<core::Pod>(&object)) {
        if (field == QLatin1String("spec.nodeName"))
            return pod->spec.nodeName;
        if (field == QLatin1String("status.phase"))
            return core::toString(pod->status.phase);
        if (field == QLatin1String("spec.restartPolicy"))
            return pod->spec.restartPolicy;
        if (field == QLatin1String("spec.schedulerName"))
            return pod->spec.schedulerName;
        if (field == QLatin1String("spec.serviceAccountName"))
            return QStringLiteral("default");
        if (field == QLatin1String("status.podIP"))
            return pod->status.podIP;
        if (field == QLatin1String("status.nominatedNodeName"))
            return pod->status.nominatedNodeName;
    }
    if (const auto *event = std::get_if<core::Event>(&object)) {
        if (field == QLatin1String("involvedObject.kind"))
            return event->involvedObject.kind;
        if (field == QLatin1String("involvedObject.namespace"))
            return event->involvedObject.namespaceName;
        if (field == QLatin1String("involvedObject.name"))
            return event->involvedObject.name;
        if (field == QLatin1String("involvedObject.uid"))
            return event->involvedObject.uid;
        if (field == QLatin1String("involvedObject.apiVersion"))
            return event->involvedObject.kind == QLatin1String("StatefulSet")
                ? QStringLiteral("apps/v1")
                : QStringLiteral("v1");
        if (field == QLatin1String("involvedObject.resourceVersion")
            || field == QLatin1String("involvedObject.fieldPath"))
            return QString();
        if (field == QLatin1String("reason"))
            return event->reason;
        if (field == QLatin1String("type"))
            return event->type;
        if (field == QLatin1String("source"))
            return event->source;
    }
    if (const auto *node = std::get_if<core::Node>(&object)) {
        if (field == QLatin1String("spec.unschedulable"))
            return node->unschedulable ? QStringLiteral("true") : QStringLiteral("false");
    }
    if (const auto *ns = std::get_if<core::Namespace>(&object)) {
        if (field == QLatin1String("status.phase"))
            return ns->phase;
    }
    return std::nullopt;
}

// --- Tables (kubectl get) -----------------------------------------------------------------------

// The columns of a kind: the wide header, with the columns kubectl shows without -o wide
// marked priority 0; and the row of one object. The same printers as the console's.
struct TableColumns
{
    QStringList wide;
    QStringList narrow;
};

TableColumns columnsOf(ObjectKind kind)
{
    using namespace core::printers;
    switch (kind) {
    case ObjectKind::Pod: return {podHeader(true), podHeader(false)};
    case ObjectKind::StatefulSet: return {statefulSetHeader(true), statefulSetHeader(false)};
    case ObjectKind::Service: return {serviceHeader(true), serviceHeader(false)};
    case ObjectKind::Endpoints: return {endpointsHeader(), endpointsHeader()};
    case ObjectKind::Node: return {nodeHeader(true), nodeHeader(false)};
    case ObjectKind::PersistentVolumeClaim: return {claimHeader(), claimHeader()};
    case ObjectKind::Event: return {eventHeader(), eventHeader()};
    case ObjectKind::PodDisruptionBudget:
        return {podDisruptionBudgetHeader(), podDisruptionBudgetHeader()};
    case ObjectKind::Namespace: {
        const QStringList header = {QStringLiteral("NAME"), QStringLiteral("STATUS"),
                                    QStringLiteral("AGE")};
        return {header, header};
    }
    case ObjectKind::ControllerRevision: {
        const QStringList header = {QStringLiteral("NAME"), QStringLiteral("CONTROLLER"),
                                    QStringLiteral("REVISION"), QStringLiteral("AGE")};
        return {header, header};
    }
    }
    return {};
}

QStringList rowOf(const AnyObject &object, core::Millis now)
{
    using namespace core::printers;
    return std::visit(
        [now](const auto &o) -> QStringList {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, core::Pod>)
                return podRow(o, now, true);
            else if constexpr (std::is_same_v<T, core::StatefulSet>)
                return statefulSetRow(o, now, true);
            else if constexpr (std::is_same_v<T, core::Service>)
                return serviceRow(o, now, true);
            else if constexpr (std::is_same_v<T, core::Endpoints>)
                return endpointsRow(o, now);
            else if constexpr (std::is_same_v<T, core::Node>)
                return nodeRow(o, now, true);
            else if constexpr (std::is_same_v<T, core::PersistentVolumeClaim>)
                return claimRow(o, now);
            else if constexpr (std::is_same_v<T, core::Event>)
                return eventRow(o, now);
            else if constexpr (std::is_same_v<T, core::PodDisruptionBudget>)
                return podDisruptionBudgetRow(o, now);
            else if constexpr (std::is_same_v<T, core::Namespace>)
                return {o.metadata.name, o.phase,
                        core::humanDuration(now - o.metadata.creationTimestamp)};
            else {
                const core::OwnerReference *owner = o.metadata.controllerRef();
                return {o.metadata.name,
                        owner ? QStringLiteral("statefulset.apps/") + owner->name
                              : QStringLiteral("<none>"),
                        QString::number(o.revision),
                        core::humanDuration(now - o.metadata.creationTimestamp)};
            }
        },
        object);
}

json columnDefinitions(ObjectKind kind)
{
    const TableColumns columns = columnsOf(kind);
    json out = json::array();
    for (const QString &name : columns.wide) {
        json column = {{"name", str(name)},
                       {"type", "string"},
                       {"format", name == QLatin1String("NAME") ? "name" : ""},
                       {"description", ""},
                       {"priority", columns.narrow.contains(name) ? 0 : 1}};
        out.push_back(column);
    }
    return out;
}

// A Table row: the cells and, as kubectl asks by default, the object's metadata
// (PartialObjectMetadata), which `-A`, `--show-labels` and `-L` read.
json tableRow(const AnyObject &object, const json &full, core::Millis now)
{
    json cells = json::array();
    for (const QString &cell : rowOf(object, now))
        cells.push_back(str(cell));
    json partial = {{"kind", "PartialObjectMetadata"},
                    {"apiVersion", "meta.k8s.io/v1"},
                    {"metadata", full.value("metadata", json::object())}};
    return {{"cells", cells}, {"object", partial}};
}

json table(ObjectKind kind, const json &rows, qint64 resourceVersion)
{
    return {{"kind", "Table"},
            {"apiVersion", "meta.k8s.io/v1"},
            {"metadata", {{"resourceVersion", std::to_string(resourceVersion)}}},
            {"columnDefinitions", columnDefinitions(kind)},
            {"rows", rows}};
}

// A watch event's type as the API writes it.
const char *eventTypeName(core::WatchEventType type)
{
    switch (type) {
    case core::WatchEventType::Added: return "ADDED";
    case core::WatchEventType::Modified: return "MODIFIED";
    case core::WatchEventType::Deleted: return "DELETED";
    }
    return "ERROR";
}

// A PATCH's type, from its Content-Type (nullopt for another media type).
std::optional<core::apijson::PatchType> patchTypeOf(const QHttpServerRequest &request)
{
    return core::apijson::patchTypeFromContentType(
        QString::fromLatin1(request.value("Content-Type")));
}

bool wantsTable(const QHttpServerRequest &request)
{
    return request.value("Accept").contains("as=Table");
}

// The objects of a kind in a namespace (all namespaces when ns is empty), in key order.
QList<AnyObject> objectsOf(const core::Store &store, ObjectKind kind, const QString &ns)
{
    QList<AnyObject> out;
    core::forKind(kind, [&](auto type) {
        using T = typename decltype(type)::type;
        for (const T *object : store.list<T>(ns))
            out << AnyObject(*object);
    });
    return out;
}

// Selectors of a list or watch request.
struct Selection
{
    std::optional<core::LabelSelector> labels;
    QList<FieldTerm> fields;

    bool matches(const AnyObject &object) const
    {
        if (labels && !labels->matches(metaOf(object).labels))
            return false;
        for (const FieldTerm &term : fields) {
            const std::optional<QString> value = fieldValue(object, term.field);
            if (!value || (*value == term.value) == term.negated)
                return false;
        }
        return true;
    }
};

// probeFields false: the field terms are left to the caller to check (views of a kind).
std::optional<Selection> selectionOf(const QUrlQuery &query, const ResourceInfo &resource,
                                     ApiStatus *error, bool probeFields = true)
{
    Selection selection;
    const QString labelText = query.queryItemValue(QStringLiteral("labelSelector"),
                                                   QUrl::FullyDecoded);
    if (!labelText.isEmpty()) {
        QString message;
        selection.labels = core::LabelSelector::parse(labelText, &message);
        if (!selection.labels) {
            // The parser's message may already carry the prefix.
            const QString prefix = QStringLiteral("unable to parse requirement: ");
            *error = ApiStatus::badRequest(message.startsWith(prefix) ? message
                                                                      : prefix + message);
            return std::nullopt;
        }
    }
    const QString fieldText = query.queryItemValue(QStringLiteral("fieldSelector"),
                                                   QUrl::FullyDecoded);
    QString message;
    if (!parseFieldSelector(fieldText, &selection.fields, &message)) {
        *error = ApiStatus::badRequest(message);
        return std::nullopt;
    }
    if (!probeFields)
        return selection;
    // A field the kind does not offer is refused, as upstream's conversion functions do.
    const AnyObject probe = core::forKind(resource.kind, [](auto type) {
        return AnyObject(typename decltype(type)::type());
    });
    for (const FieldTerm &term : std::as_const(selection.fields)) {
        if (!fieldValue(probe, term.field)) {
            *error = ApiStatus::badRequest(
                QStringLiteral("field label not supported: %1").arg(term.field));
            return std::nullopt;
        }
    }
    return selection;
}

// A PATCH whose Content-Type is not a patch type the server takes: worded as kube-apiserver's
// patch handler words it, listing the patch types (server-side apply is not simulated, so
// application/apply-patch+yaml is not among them).
ApiStatus unsupportedPatchType(const QHttpServerRequest &request)
{
    ApiStatus status = ApiStatus::unsupportedMediaType(
        QString::fromLatin1(request.value("Content-Type")));
    status.message = QStringLiteral("the body of the request was in an unknown format - accepted "
                                    "media types include: application/json-patch+json, "
                                    "application/merge-patch+json, "
                                    "application/strategic-merge-patch+json");
    return status;
}

bool queryFlag(const QUrlQuery &query, const QString &name)
{
    const QString value = query.queryItemValue(name);
    return value == QLatin1String("true") || value == QLatin1String("1");
}

bool isDryRun(const QUrlQuery &query)
{
    return query.queryItemValue(QStringLiteral("dryRun")) == QLatin1String("All");
}

// Resources that are not kinds the simulation stores but views of one, served read-only (get,
// list, watch) by ApiServer::serveView(): discovery.k8s.io/v1 EndpointSlices of the Endpoints
// (endpointslices.h) and events.k8s.io/v1 Events of the core/v1 Events. Each object of the
// source kind is one object of the view, with its resourceVersion.
} // namespace

struct ResourceView
{
    ResourceInfo info; // kind: the source kind
    // The served object, from the source object.
    json (*document)(const AnyObject &object, const core::Store &store, qint64 epochMs);
    // Table columns and one row (AGE and the like from now).
    json (*columns)();
    QStringList (*row)(const AnyObject &object, const json &document, core::Millis now);
};

namespace {

const QList<ResourceView> &resourceViews()
{
    const QStringList readOnly = {QStringLiteral("get"), QStringLiteral("list"),
                                  QStringLiteral("watch")};
    static const QList<ResourceView> views = {
        {{ObjectKind::Endpoints, QStringLiteral("discovery.k8s.io"), QStringLiteral("v1"),
          QStringLiteral("EndpointSlice"), QStringLiteral("endpointslices"),
          QStringLiteral("endpointslice"), {}, true, readOnly},
         [](const AnyObject &object, const core::Store &store, qint64 epochMs) {
             return endpointslices::sliceJson(std::get<core::Endpoints>(object), store, epochMs);
         },
         &endpointslices::columnDefinitions,
         [](const AnyObject &object, const json &document, core::Millis now) {
             return endpointslices::tableRow(document, now - metaOf(object).creationTimestamp);
         }},
        // As kube-apiserver: the same objects as core/v1 Events, in events.k8s.io/v1's shape,
        // printed by the same printer.
        {{ObjectKind::Event, QStringLiteral("events.k8s.io"), QStringLiteral("v1"),
          QStringLiteral("Event"), QStringLiteral("events"), QStringLiteral("event"),
          {QStringLiteral("ev")}, true, readOnly},
         [](const AnyObject &object, const core::Store &, qint64 epochMs) {
             return core::apijson::toEventsV1Json(std::get<core::Event>(object), epochMs);
         },
         [] { return columnDefinitions(ObjectKind::Event); },
         [](const AnyObject &object, const json &, core::Millis now) { return rowOf(object, now); }},
    };
    return views;
}

const ResourceView *viewOf(const ResourceInfo *resource)
{
    for (const ResourceView &view : resourceViews()) {
        if (&view.info == resource)
            return &view;
    }
    return nullptr;
}

const ResourceInfo *findResource(const QString &group, const QString &version,
                                 const QString &plural)
{
    for (const ResourceView &view : resourceViews()) {
        if (group == view.info.group && version == view.info.version && plural == view.info.plural)
            return &view.info;
    }
    for (const ResourceInfo &info : core::apijson::resourceTable()) {
        if (info.group == group && info.version == version && info.plural == plural)
            return &info;
    }
    return nullptr;
}

// A path that names no resource, as kube-apiserver answers it.
ApiStatus resourceNotFound()
{
    ApiStatus missing;
    missing.code = 404;
    missing.reason = QStringLiteral("NotFound");
    missing.message = QStringLiteral("the server could not find the requested resource");
    return missing;
}

QString listKind(const ResourceInfo &resource)
{
    return resource.kindName + QStringLiteral("List");
}

// A few lines a container of this image plausibly printed on start (images are simulated,
// not run: the lines say what such a container would log, the same for every run).
QStringList startupLines(const QString &image, const QString &podIP)
{
    if (image.contains(QLatin1String("nginx"))) {
        return {QStringLiteral("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will "
                               "attempt to perform configuration"),
                QStringLiteral("/docker-entrypoint.sh: Looking for shell scripts in "
                               "/docker-entrypoint.d/"),
                QStringLiteral("/docker-entrypoint.sh: Configuration complete; ready for start up"),
                QStringLiteral("nginx: listening on %1:80").arg(podIP)};
    }
    return {QStringLiteral("%1: started (Ordinal simulates the container; its program does not "
                           "run)")
                .arg(image)};
}

} // namespace

// --- routes -------------------------------------------------------------------------------------

struct ApiServer::Route
{
    const ResourceInfo *resource = nullptr;
    QString ns;       // the request's namespace; empty: all namespaces or cluster-scoped
    QString name;     // empty: the collection
    QString sub;      // subresource: status, scale, log, exec, attach, eviction
};

struct ApiServer::Watch
{
    QPointer<QTcpSocket> socket;
    const ResourceInfo *resource = nullptr;
    QString ns;
    Selection selection;
    bool table = false;
    bool bookmarks = false;
    QElapsedTimer sinceBookmark; // wall time since the last BOOKMARK (allowWatchBookmarks)
    bool closed = false;
    QTimer deadline;

    // With selectors, what the client was last sent of each object it holds (by
    // namespace/name), so that a change is told as upstream's watch cache tells it: an object
    // that starts to match is ADDED, one that stops matching is DELETED (as it was last sent,
    // at the change's resourceVersion), one that matched neither before nor after is not sent.
    // An informer with a label selector (client-node's, client-go's) keeps an exact cache only
    // so: sent as MODIFIED or not at all, a relabelled object would stay in it for good.
    QHash<QString, std::shared_ptr<const AnyObject>> sent;

    struct Delivery
    {
        const char *type = nullptr; // nullptr: nothing to send
        std::shared_ptr<const AnyObject> object;
        qint64 resourceVersion = 0; // > 0: the object is sent with this resourceVersion
    };

    Delivery deliver(core::WatchEventType type, std::shared_ptr<const AnyObject> object,
                     qint64 resourceVersion)
    {
        const char *name = eventTypeName(type);
        if (!selection.labels && selection.fields.isEmpty())
            return {name, std::move(object)};
        const core::ObjectMeta &meta = metaOf(*object);
        const QString key = meta.namespaceName + QLatin1Char('/') + meta.name;
        const auto held = sent.constFind(key);
        const bool had = held != sent.cend();
        if (type == core::WatchEventType::Deleted) {
            if (!had)
                return {};
            sent.erase(held);
            return {"DELETED", std::move(object)};
        }
        if (selection.matches(*object)) {
            sent.insert(key, object);
            return {had ? "MODIFIED" : "ADDED", std::move(object)};
        }
        if (!had)
            return {};
        Delivery gone{"DELETED", *held, resourceVersion};
        sent.erase(held);
        return gone;
    }
};

// --- connections and their limits ---------------------------------------------------------------

struct ApiServer::Connection
{
    QPointer<QTcpSocket> socket;
    QElapsedTimer idle;     // since the last bytes received or the last answer
    qint64 unanswered = 0;  // bytes received since the last answer
    bool longRunning = false;
};

// The TLS listener: closes connections beyond the cap as they are accepted, before any TLS work
// (no handshake, no buffers), so that a flood costs one accept() and one close() each and the
// event loop never waits on a descriptor it will not serve.
class ApiServer::Listener : public QSslServer
{
public:
    explicit Listener(ApiServer *server)
        : QSslServer(server)
        , m_server(server)
    {
    }

protected:
    void incomingConnection(qintptr handle) override
    {
        if (!m_server->admitConnection()) {
            QTcpSocket refused;
            if (refused.setSocketDescriptor(handle))
                refused.abort(); // closes the descriptor
#ifdef Q_OS_UNIX
            else
                ::close(int(handle));
#endif
            return;
        }
        QSslServer::incomingConnection(handle);
    }

private:
    ApiServer *m_server;
};

// The plain HTTP listener (setPlainHttp): the same cap and connection bookkeeping, no TLS.
class ApiServer::PlainListener : public QTcpServer
{
public:
    explicit PlainListener(ApiServer *server)
        : QTcpServer(server)
        , m_server(server)
    {
    }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(handle) || !m_server->admitConnection()) {
            socket->abort();
            delete socket;
            return;
        }
        m_server->connectionStarted(socket);
        addPendingConnection(socket);
    }

private:
    ApiServer *m_server;
};

bool ApiServer::admitConnection()
{
    if (m_connections.size() < m_maxConnections)
        return true;
    ++m_refused;
    return false;
}

void ApiServer::setIdleTimeout(int ms)
{
    m_idleTimeoutMs = std::max(ms, 1);
    // Sweeps often enough that a connection is closed within a quarter of the timeout late.
    m_idleSweep.setInterval(std::clamp(m_idleTimeoutMs / 4, 10, 5000));
}

void ApiServer::connectionStarted(QTcpSocket *socket)
{
    auto connection = std::make_shared<Connection>();
    connection->socket = socket;
    connection->idle.start();
    m_connections.insert(socket, connection);
    // Runs before QAbstractHttpServer's own readyRead handler (connected once the handshake is
    // done), so it sees each arrival before the parser consumes it.
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { bytesArrived(socket); });
    connect(socket, &QObject::destroyed, this, [this, socket] {
        m_connections.remove(socket);
        if (m_connections.isEmpty())
            m_idleSweep.stop();
    });
    if (!m_idleSweep.isActive())
        m_idleSweep.start();
}

// QHttpServerRequest (Qt 6.4) has no hook between the headers and the body: the whole body is
// read before handleRequest() sees Content-Length. Counting the bytes of the request not yet
// answered bounds what one connection can make the server hold to the limit plus one read,
// without parsing HTTP a second time.
void ApiServer::bytesArrived(QTcpSocket *socket)
{
    const std::shared_ptr<Connection> connection = m_connections.value(socket);
    if (!connection)
        return;
    connection->idle.restart();
    connection->unanswered += socket->bytesAvailable();
    if (connection->longRunning || connection->unanswered <= kMaxBodyBytes + kMaxHeaderBytes)
        return;
    // Too much: neither the parser nor this hook reads more of it; answer as for a body over
    // the limit, and close.
    QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    socket->setReadBufferSize(1);
    respondStatus(socket, ApiStatus::tooLarge(
                              QStringLiteral("Request entity too large: limit is %1")
                                  .arg(kMaxBodyBytes)));
    socket->disconnectFromHost();
    connection->unanswered = 0;
}

void ApiServer::requestAnswered(QTcpSocket *socket)
{
    if (const std::shared_ptr<Connection> connection = m_connections.value(socket)) {
        connection->unanswered = 0;
        connection->idle.restart();
    }
}

void ApiServer::markLongRunning(QTcpSocket *socket)
{
    if (const std::shared_ptr<Connection> connection = m_connections.value(socket))
        connection->longRunning = true;
}

void ApiServer::closeIdleConnections()
{
    // On a request it cannot parse, QAbstractHttpServer 6.4 calls socket->disconnect(): every
    // signal connection of the socket goes, ours to `destroyed` and its own deleteLater on
    // `disconnected` included. Such sockets are found here by their QPointer and state.
    for (auto it = m_connections.begin(); it != m_connections.end();) {
        QTcpSocket *socket = (*it)->socket;
        if (socket && socket->state() != QAbstractSocket::UnconnectedState) {
            ++it;
            continue;
        }
        if (socket)
            socket->deleteLater(); // closed, and nothing else would delete it
        it = m_connections.erase(it);
    }
    if (m_connections.isEmpty()) {
        m_idleSweep.stop();
        return;
    }
    // Copied: closing a socket can destroy it, which edits m_connections.
    const auto connections = m_connections;
    for (auto it = connections.cbegin(); it != connections.cend(); ++it) {
        const Connection &connection = **it;
        if (connection.longRunning || connection.idle.elapsed() < m_idleTimeoutMs)
            continue;
        QTcpSocket *socket = connection.socket;
        if (!socket)
            continue;
        if (socket->state() == QAbstractSocket::ConnectedState)
            socket->disconnectFromHost();
        else if (socket->state() != QAbstractSocket::UnconnectedState)
            socket->abort();
    }
}

ApiServer::ApiServer(core::Simulation &sim, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_sim(&sim)
    , m_operations(std::in_place, sim)
{
    // 32 random bytes, hex: the kubeconfig's token for this run.
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()),
                                          secret.size() / int(sizeof(quint32)));
    m_token = secret.toHex();
    m_epochMs = QDateTime::currentMSecsSinceEpoch() - m_sim->now();
    m_operations->setEpoch(m_epochMs);
    m_sim->addListener(this);
    m_clock.setInterval(50);
    connect(&m_clock, &QTimer::timeout, this, &ApiServer::tick);
    setIdleTimeout(kDefaultIdleTimeoutMs);
    connect(&m_idleSweep, &QTimer::timeout, this, &ApiServer::closeIdleConnections);
    // Qt HTTP Server 6.4 hands a WebSocket upgrade to its own QWebSocketServer only while this
    // signal is connected and handleRequest() returned true (see handleRequest()).
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this,
            &ApiServer::webSocketConnected);
}

ApiServer::~ApiServer()
{
    if (qApp)
        qApp->removeEventFilter(this);
    m_sim->removeListener(this);
}

void ApiServer::setSimulation(core::Simulation &sim)
{
    for (const std::unique_ptr<Watch> &watch : m_watches)
        closeWatch(watch.get());
    m_watches.clear();
    m_console.reset();
    m_sim->removeListener(this);
    m_sim = &sim;
    m_sim->addListener(this);
    m_epochMs = QDateTime::currentMSecsSinceEpoch() - m_sim->now();
    m_operations.emplace(sim);
    m_operations->setEpoch(m_epochMs);
    m_virtualStart = m_sim->now();
    m_wall.restart();
}

bool ApiServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (m_plainHttp) {
        if (!address.isLoopback()) {
            *error = QStringLiteral("plain HTTP is served on loopback only");
            return false;
        }
        auto *plain = new PlainListener(this);
        plain->setMaxPendingConnections(m_maxConnections);
        if (!plain->listen(address, port)) {
            *error = plain->errorString();
            delete plain;
            return false;
        }
        bind(plain);
        m_address = address;
        m_port = plain->serverPort();
        return true;
    }
    // TLS even on loopback: kubectl sends its bearer token only over https.
    const std::optional<TlsIdentity> identity = makeSelfSignedIdentity(address, error);
    if (!identity)
        return false;
    if (m_clientCertificateAuth) {
        const std::optional<TlsIdentity> client =
            makeClientIdentity(*identity, QStringLiteral("ordinal-admin"),
                               QStringLiteral("system:masters"), error);
        if (!client)
            return false;
        m_client = {client->certificatePem, client->privateKeyPem};
        m_clientDigest = QSslCertificate(client->certificatePem, QSsl::Pem)
                             .digest(QCryptographicHash::Sha256);
    }
    m_certificatePem = identity->certificatePem;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(identity->certificatePem, QSsl::Pem));
    tls.setPrivateKey(QSslKey(identity->privateKeyPem, QSsl::Ec, QSsl::Pem));
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    tls.setCaCertificates({}); // clients are not verified: no CA store to build per connection
    if (m_clientCertificateAuth) {
        // Ask for a client certificate; handleRequest accepts only the one issued above.
        tls.setPeerVerifyMode(QSslSocket::QueryPeer);
        tls.setCaCertificates({QSslCertificate(identity->certificatePem, QSsl::Pem)});
    }
    auto *server = new Listener(this);
    // A burst of connections is handshaken one after another on this thread (1,000 took
    // 6-9 s in tst_apiserver); QSslServer's 5 s default would drop the later ones.
    server->setHandshakeTimeout(kHandshakeTimeoutMs);
    server->setSslConfiguration(tls);
#ifdef Q_OS_UNIX
    // Each connection holds a descriptor: keep the cap clear of the process's limit (room for
    // the files, pipes and listeners the rest of the program has open).
    rlimit files {};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY)
        m_maxConnections = int(std::min<rlim_t>(rlim_t(m_maxConnections),
                                                files.rlim_cur > 256 ? files.rlim_cur - 128
                                                                     : files.rlim_cur / 2));
#endif
    // QSslServer counts connections still in their handshake as pending, and stops accepting
    // at maxPendingConnections (30 by default): let handshakes run up to the cap instead, each
    // bounded by the handshake timeout (5 s).
    server->setMaxPendingConnections(m_maxConnections);
    server->setListenBacklogSize(std::min(m_maxConnections, 1024));
    connect(server, &QSslServer::startedEncryptionHandshake, this, &ApiServer::connectionStarted);
    if (!server->listen(address, port)) {
        *error = server->errorString();
        delete server;
        return false;
    }
    bind(server);
    m_address = address;
    m_port = server->serverPort();
    return true;
}

QString ApiServer::url() const
{
    const QString host = m_address.protocol() == QAbstractSocket::IPv6Protocol
        ? QLatin1Char('[') + m_address.toString() + QLatin1Char(']')
        : m_address.toString();
    return QStringLiteral("%1://%2:%3")
        .arg(m_plainHttp ? QStringLiteral("http") : QStringLiteral("https"), host)
        .arg(m_port);
}

QByteArray ApiServer::kubeconfig() const
{
    QByteArray config = QStringLiteral("apiVersion: v1\n"
                          "kind: Config\n"
                          "clusters:\n"
                          "- name: ordinal\n"
                          "  cluster:\n"
                          "    server: %1\n"
                          "    certificate-authority-data: %3\n"
                          "contexts:\n"
                          "- name: ordinal\n"
                          "  context:\n"
                          "    cluster: ordinal\n"
                          "    user: ordinal\n"
                          "    namespace: default\n"
                          "current-context: ordinal\n"
                          "users:\n"
                          "- name: ordinal\n"
                          "  user:\n"
                          "    token: %2\n")
        .arg(url(), QString::fromLatin1(m_token), QString::fromLatin1(m_certificatePem.toBase64()))
        .toUtf8();
    if (m_plainHttp)
        config.replace(QByteArray("    certificate-authority-data: \n"), QByteArray());
    if (!m_client.first.isEmpty())
        config.replace("    token: " + m_token + '\n',
                       "    client-certificate-data: " + m_client.first.toBase64()
                           + "\n    client-key-data: " + m_client.second.toBase64() + '\n');
    return config;
}

void ApiServer::followWallClock(double speed)
{
    m_speed = speed;
    m_virtualStart = m_sim->now();
    m_wall.start();
    m_clock.start();
}

void ApiServer::tick()
{
    if (m_speed > 0) {
        const core::Millis target = m_virtualStart + core::Millis(m_wall.elapsed() * m_speed);
        if (target > m_sim->now())
            m_sim->advanceTo(target);
    }
    // Forget watches whose client went away.
    m_watches.erase(std::remove_if(m_watches.begin(), m_watches.end(),
                                   [](const std::unique_ptr<Watch> &w) {
                                       return w->closed || !w->socket
                                           || w->socket->state()
                                           != QAbstractSocket::ConnectedState;
                                   }),
                    m_watches.end());
    // As the API server: a watch that allows bookmarks is told the current resourceVersion
    // about once a minute, so that a client resuming it needs no relist.
    for (const std::unique_ptr<Watch> &watch : m_watches) {
        if (!watch->bookmarks || watch->sinceBookmark.elapsed() < kBookmarkIntervalMs)
            continue;
        watch->sinceBookmark.restart();
        const json bookmark = {
            {"type", "BOOKMARK"},
            {"object",
             {{"kind", str(watch->resource->kindName)},
              {"apiVersion", str(watch->resource->apiVersion())},
              {"metadata",
               {{"resourceVersion", std::to_string(m_sim->store().resourceVersion())}}}}}};
        writeChunk(watch->socket, toBytes(bookmark) + '\n');
    }
    // Nothing left to do: an idle server takes no wake-ups (startWatch starts it again).
    if (m_speed <= 0 && m_watches.empty())
        m_clock.stop();
}

void ApiServer::announce(const ResourceInfo &resource, const QString &ns, const QString &name,
                         const QString &verb)
{
    core::ApiWrite::announce(*m_sim, resource, ns, name, verb);
    Q_EMIT clusterChanged(QStringLiteral("%1 %2/%3").arg(verb, resource.plural, name));
}

void ApiServer::emitWritten(core::Millis at, const core::ApiWrite &write)
{
    Q_EMIT written(at, write);
}

void ApiServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Q_UNUSED(request)
    Q_UNUSED(socket)
    // handleRequest answers every request it is given; nothing is left for this one.
}

bool ApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // For a WebSocket upgrade, Qt HTTP Server 6.4 reads the return value as "hand the
    // connection to the WebSocket server": true only for an upgrade remoteCommand() accepted;
    // false for one answered here (Qt then closes the connection after the answer).
    m_upgradeAccepted = false;
    const bool handled = !isWebSocketUpgrade(request);
    const QByteArray authorization = request.value("Authorization");
    const auto *tls = qobject_cast<QSslSocket *>(socket);
    const bool byCertificate = !m_clientDigest.isEmpty() && tls
        && sameSecret(tls->peerCertificate().digest(QCryptographicHash::Sha256), m_clientDigest);
    if (!byCertificate
        && (!authorization.startsWith("Bearer ") || !sameSecret(authorization.mid(7), m_token))) {
        respondStatus(socket, ApiStatus::unauthorized());
        requestAnswered(socket);
        return handled;
    }
    if (request.body().size() > kMaxBodyBytes) {
        // kube-apiserver's words (limit reader in its handlers).
        respondStatus(socket, ApiStatus::tooLarge(
                                  QStringLiteral("Request entity too large: limit is %1")
                                      .arg(kMaxBodyBytes)));
        requestAnswered(socket);
        return handled;
    }
    // Requests act at the virtual moment the wall clock has reached.
    if (m_clock.isActive())
        tick();
    route(request, socket);
    requestAnswered(socket);
    return handled || m_upgradeAccepted;
}

void ApiServer::route(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString path = request.url().path();
    QByteArray contentType;
    if (request.method() == QHttpServerRequest::Method::Get) {
        if (const std::optional<QByteArray> document =
                discoveryDocument(path, request.value("Accept"), &contentType)) {
            respond(socket, 200, *document, contentType);
            return;
        }
    }

    // /api/v1/... or /apis/GROUP/VERSION/...
    QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QString group;
    QString version;
    if (parts.size() >= 2 && parts[0] == QLatin1String("api")) {
        version = parts[1];
        parts = parts.mid(2);
    } else if (parts.size() >= 3 && parts[0] == QLatin1String("apis")) {
        group = parts[1];
        version = parts[2];
        parts = parts.mid(3);
    } else {
        parts.clear();
    }
    Route r;
    if (parts.size() >= 3 && parts[0] == QLatin1String("namespaces")
        && findResource(group, version, parts[2])) {
        r.ns = parts[1];
        parts = parts.mid(2);
    } else if (parts.size() >= 3 && parts[0] == QLatin1String("namespaces")
               && (parts.size() > 3
                   || (parts[2] != QLatin1String("status")
                       && parts[2] != QLatin1String("finalize")))) {
        parts.clear(); // namespaces/NS/<unknown resource>: not a namespace's subresource
    }
    if (!parts.isEmpty())
        r.resource = findResource(group, version, parts[0]);
    if (!r.resource || parts.size() > 3) {
        respondStatus(socket, resourceNotFound());
        return;
    }
    r.name = parts.value(1);
    r.sub = parts.value(2);
    if (!r.resource->namespaced)
        r.ns.clear();
    serveResource(request, socket, r);
}

void ApiServer::serveResource(const QHttpServerRequest &request, QTcpSocket *socket,
                              const Route &r)
{
    using Method = QHttpServerRequest::Method;
    const ResourceInfo &resource = *r.resource;
    if (const ResourceView *view = viewOf(&resource)) {
        serveView(request, socket, r, *view);
        return;
    }
    const WarningScope warning(resource.kind == ObjectKind::Endpoints
                                   ? QByteArray("v1 Endpoints is deprecated in v1.33+; use "
                                                "discovery.k8s.io/v1 EndpointSlice")
                                   : QByteArray());
    const QUrlQuery query(request.url());
    const bool dryRun = isDryRun(query);
    const Method method = request.method();

    // fieldValidation (kubectl 1.27+ sends Strict; absent means Warn): unknown and duplicate
    // fields of a body, found against the schemas the OpenAPI documents come from.
    const bool writesBody = r.sub.isEmpty()
        && ((method == Method::Post && r.name.isEmpty())
            || (method == Method::Put && !r.name.isEmpty())
            || (method == Method::Patch && !r.name.isEmpty()));
    const QString validation = query.queryItemValue(QStringLiteral("fieldValidation"));
    QByteArray body = request.body(); // what the operations are given
    if (writesBody && validation != QLatin1String("Ignore")) {
        BodyShape shape = BodyShape::Object;
        if (method == Method::Patch) {
            const std::optional<core::apijson::PatchType> type = patchTypeOf(request);
            shape = !type ? BodyShape::Object
                : *type == core::apijson::PatchType::Json   ? BodyShape::JsonPatch
                : *type == core::apijson::PatchType::Merge  ? BodyShape::MergePatch
                                                            : BodyShape::StrategicPatch;
        }
        const QStringList errors =
            strictDecodingErrors(resource.group, resource.kindName, body, shape);
        if (!errors.isEmpty() && validation == QLatin1String("Strict")) {
            // As kube-apiserver words it: the decoder's message for a body, the patcher's for a
            // patch.
            const QString strict = QStringLiteral("strict decoding error: ") + errors.join(QStringLiteral(", "));
            respondStatus(socket, ApiStatus::badRequest(
                                      method == Method::Patch
                                          ? strict
                                          : QStringLiteral("%1 in version \"%2\" cannot be handled "
                                                           "as a %1: %3")
                                                .arg(resource.kindName, resource.version, strict)));
            return;
        }
        for (const QString &error : errors)
            addWarning(error);
        // Warn and Ignore: what the decoder keeps (Ordinal's manifest decoder refuses unknown
        // fields itself, as Strict).
        if (!errors.isEmpty())
            body = withoutUnknownFields(resource.group, resource.kindName, body, shape);
    } else if (writesBody) {
        body = withoutUnknownFields(resource.group, resource.kindName, body,
                                    method == Method::Patch ? BodyShape::StrategicPatch
                                                            : BodyShape::Object);
    }

    const auto answer = [&](const core::OperationResult &result) {
        if (!result.ok()) {
            respondStatus(socket, result.status);
            return;
        }
        if (result.object)
            respondObject(socket, result.status.code, toJson(*result.object, m_epochMs));
        else
            respondStatus(socket, result.status);
    };
    const auto changed = [&](const QString &verb) {
        if (!dryRun)
            announce(resource, r.ns, r.name, verb);
    };
    // A write that changed the cluster is handed on as applied, for scenarios and undo.
    const qsizetype actionsBefore = m_sim->actionCount();
    const core::Millis writeTime = m_sim->now();
    const auto record = [&](core::ApiWrite::Verb verb, const QString &name,
                            const std::function<void(core::ApiWrite &)> &more = {}) {
        if (dryRun || m_sim->actionCount() == actionsBefore)
            return;
        core::ApiWrite write;
        write.verb = verb;
        write.resource = resource.plural;
        write.ns = r.ns;
        write.name = name;
        write.epochMs = m_epochMs;
        if (verb == core::ApiWrite::Verb::Create || verb == core::ApiWrite::Verb::Update
            || verb == core::ApiWrite::Verb::Patch)
            write.body = request.body();
        if (verb == core::ApiWrite::Verb::Patch)
            write.patchType = patchTypeOf(request).value_or(write.patchType);
        if (more)
            more(write);
        emitWritten(writeTime, write);
    };

    // Collections.
    if (r.name.isEmpty()) {
        if (method == Method::Get) {
            if (queryFlag(query, QStringLiteral("watch")))
                startWatch(request, socket, r);
            else
                list(request, socket, r);
            return;
        }
        if (method == Method::Post) {
            const core::OperationResult result =
                m_operations->create(resource, r.ns, body, dryRun);
            answer(result);
            if (result.ok() && result.object && !dryRun) {
                announce(resource, r.ns, metaOf(*result.object).name, QStringLiteral("create"));
                record(core::ApiWrite::Verb::Create, metaOf(*result.object).name);
            }
            return;
        }
        if (method == Method::Delete) {
            deleteCollection(request, socket, r);
            return;
        }
        respondStatus(socket, ApiStatus::methodNotAllowed(
                                  tr("the server does not allow this method on the requested "
                                     "resource")));
        return;
    }

    // Subresources.
    if (r.sub == QLatin1String("log") && resource.kind == ObjectKind::Pod) {
        logs(request, socket, r);
        return;
    }
    if (r.sub == QLatin1String("eviction") && resource.kind == ObjectKind::Pod
        && method == Method::Post) {
        const core::OperationResult result = m_operations->evict(r.ns, r.name, dryRun);
        if (result.ok()) {
            core::ApiStatus done;
            done.code = 201;
            respondStatus(socket, done);
            changed(QStringLiteral("evict"));
            record(core::ApiWrite::Verb::Evict, r.name);
        } else {
            respondStatus(socket, result.status);
        }
        return;
    }
    if ((r.sub == QLatin1String("exec") || r.sub == QLatin1String("attach"))
        && resource.kind == ObjectKind::Pod) {
        remoteCommand(request, socket, r);
        return;
    }
    if (r.sub == QLatin1String("scale") && resource.kind == ObjectKind::StatefulSet) {
        const core::StatefulSet *set = m_sim->store().find<core::StatefulSet>(r.ns, r.name);
        if (!set) {
            respondStatus(socket, ApiStatus::notFound(resource.plural, resource.group, r.name));
            return;
        }
        const auto scaleOf = [this](const core::StatefulSet &s) {
            const json meta = toJson(AnyObject(s), m_epochMs)["metadata"];
            json out = {{"kind", "Scale"},
                        {"apiVersion", "autoscaling/v1"},
                        {"metadata", meta},
                        {"spec", {{"replicas", s.spec.replicas}}},
                        {"status",
                         {{"replicas", s.status.replicas},
                          {"selector", str(s.spec.selector.toString())}}}};
            return out;
        };
        if (method == Method::Get) {
            respondObject(socket, 200, scaleOf(*set));
            return;
        }
        json requested;
        if (method == Method::Put) {
            requested = json::parse(request.body().cbegin(), request.body().cend(), nullptr, false);
        } else if (method == Method::Patch) {
            const std::optional<core::apijson::PatchType> patchType = patchTypeOf(request);
            if (!patchType) {
                respondStatus(socket, unsupportedPatchType(request));
                return;
            }
            const core::apijson::PatchResult patched = core::apijson::applyPatch(
                scaleOf(*set), request.body(), *patchType, ObjectKind::StatefulSet);
            if (!patched.ok) {
                respondStatus(socket, ApiStatus::badRequest(patched.error));
                return;
            }
            requested = patched.document;
        } else {
            respondStatus(socket, ApiStatus::methodNotAllowed(
                                      tr("the server does not allow this method on the "
                                         "requested resource")));
            return;
        }
        if (!requested.is_object() || !requested.contains("spec")
            || !requested["spec"].is_object() || !requested["spec"].contains("replicas")
            || !requested["spec"]["replicas"].is_number_integer()) {
            respondStatus(socket, ApiStatus::badRequest(tr("a Scale needs spec.replicas")));
            return;
        }
        const core::OperationResult result = m_operations->scale(
            r.ns, r.name, requested["spec"]["replicas"].get<int>(), dryRun);
        if (!result.ok()) {
            respondStatus(socket, result.status);
            return;
        }
        respondObject(socket, 200, scaleOf(std::get<core::StatefulSet>(*result.object)));
        changed(QStringLiteral("scale"));
        const int replicas = requested["spec"]["replicas"].get<int>();
        record(core::ApiWrite::Verb::Scale, r.name,
               [replicas](core::ApiWrite &write) { write.replicas = replicas; });
        return;
    }
    if (!r.sub.isEmpty() && r.sub != QLatin1String("status")) {
        respondStatus(socket, ApiStatus::notFound(resource.plural + QLatin1Char('/') + r.sub,
                                                  resource.group, r.name));
        return;
    }
    if (!r.sub.isEmpty() && method != Method::Get) {
        respondStatus(socket, ApiStatus::methodNotAllowed(
                                  tr("the status of %1 is written by Ordinal's controllers")
                                      .arg(resource.plural)));
        return;
    }

    // One object.
    switch (method) {
    case Method::Get: {
        const std::optional<AnyObject> object = m_operations->find(resource, r.ns, r.name);
        if (!object) {
            respondStatus(socket, ApiStatus::notFound(resource.plural, resource.group, r.name));
            return;
        }
        const json full = toJson(*object, m_epochMs);
        if (wantsTable(request)) {
            json rows = json::array();
            rows.push_back(tableRow(*object, full, m_sim->now()));
            respondObject(socket, 200,
                          table(resource.kind, rows, m_sim->store().resourceVersion()));
        } else {
            respondObject(socket, 200, full);
        }
        return;
    }
    case Method::Put: {
        const core::OperationResult result =
            m_operations->replace(resource, r.ns, r.name, body, dryRun);
        answer(result);
        if (result.ok()) { // a refused write changed nothing
            changed(QStringLiteral("update"));
            record(core::ApiWrite::Verb::Update, r.name);
        }
        return;
    }
    case Method::Patch: {
        const std::optional<core::apijson::PatchType> patchType = patchTypeOf(request);
        if (!patchType) {
            // Server-side apply (application/apply-patch+yaml) is not simulated.
            respondStatus(socket, unsupportedPatchType(request));
            return;
        }
        const core::OperationResult result =
            m_operations->patch(resource, r.ns, r.name, body, *patchType, dryRun);
        answer(result);
        if (result.ok()) { // a refused write changed nothing
            changed(QStringLiteral("patch"));
            record(core::ApiWrite::Verb::Patch, r.name);
        }
        return;
    }
    case Method::Delete: {
        core::DeleteOptions options;
        options.dryRun = dryRun;
        json body = json::parse(request.body().cbegin(), request.body().cend(), nullptr, false);
        if (!body.is_object())
            body = json::object();
        if (query.hasQueryItem(QStringLiteral("gracePeriodSeconds")))
            options.gracePeriodSeconds =
                query.queryItemValue(QStringLiteral("gracePeriodSeconds")).toLongLong();
        else if (body.contains("gracePeriodSeconds") && body["gracePeriodSeconds"].is_number())
            options.gracePeriodSeconds = body["gracePeriodSeconds"].get<qint64>();
        options.propagationPolicy = query.queryItemValue(QStringLiteral("propagationPolicy"));
        if (options.propagationPolicy.isEmpty() && body.contains("propagationPolicy")
            && body["propagationPolicy"].is_string())
            options.propagationPolicy =
                QString::fromStdString(body["propagationPolicy"].get<std::string>());
        if (body.contains("orphanDependents") && body["orphanDependents"].is_boolean()
            && body["orphanDependents"].get<bool>())
            options.propagationPolicy = QStringLiteral("Orphan");
        if (body.contains("preconditions") && body["preconditions"].is_object()) {
            const json &pre = body["preconditions"];
            if (pre.contains("uid") && pre["uid"].is_string())
                options.preconditionUid = QString::fromStdString(pre["uid"].get<std::string>());
            if (pre.contains("resourceVersion") && pre["resourceVersion"].is_string())
                options.preconditionResourceVersion =
                    QString::fromStdString(pre["resourceVersion"].get<std::string>());
        }
        const core::OperationResult result = m_operations->remove(resource, r.ns, r.name, options);
        if (!result.ok()) {
            respondStatus(socket, result.status);
            return;
        }
        if (resource.kind == ObjectKind::Pod && result.object) {
            respondObject(socket, 200, toJson(*result.object, m_epochMs));
        } else {
            ApiStatus done;
            done.code = 200;
            done.name = r.name;
            done.group = resource.group;
            done.kind = resource.plural;
            respondStatus(socket, done);
        }
        changed(QStringLiteral("delete"));
        record(core::ApiWrite::Verb::Delete, r.name,
               [&options](core::ApiWrite &write) { write.options = options; });
        return;
    }
    default:
        respondStatus(socket, ApiStatus::methodNotAllowed(
                                  tr("the server does not allow this method on the requested "
                                     "resource")));
    }
}

void ApiServer::list(const QHttpServerRequest &request, QTcpSocket *socket, const Route &r)
{
    const ResourceInfo &resource = *r.resource;
    ApiStatus error;
    const std::optional<Selection> selection = selectionOf(QUrlQuery(request.url()), resource,
                                                           &error);
    if (!selection) {
        respondStatus(socket, error);
        return;
    }
    const core::Store &store = m_sim->store();
    const qint64 version = store.resourceVersion();
    const bool asTable = wantsTable(request);
    // The items are written one by one: each object's JSON is built, dumped and freed in turn,
    // then spliced into the envelope's empty list, instead of one document holding every item
    // being built, copied into the envelope and dumped (100,000 pods: a DOM of millions of
    // nodes, a deep copy and their frees). The bytes are the same: the envelope's keys are
    // dumped in their usual (sorted) order and the list is its only array of that name.
    std::string items;
    for (const AnyObject &object : objectsOf(store, resource.kind, r.ns)) {
        if (!selection->matches(object))
            continue;
        const json full = toJson(object, m_epochMs);
        if (!items.empty())
            items += ',';
        items += asTable ? tableRow(object, full, m_sim->now()).dump() : full.dump();
    }
    const json envelope = asTable
        ? table(resource.kind, json::array(), version)
        : json{{"kind", str(listKind(resource))},
               {"apiVersion", str(resource.apiVersion())},
               {"metadata", {{"resourceVersion", std::to_string(version)}}},
               {"items", json::array()}};
    std::string body = envelope.dump();
    const std::string marker = asTable ? "\"rows\":[]" : "\"items\":[]";
    body.insert(body.find(marker) + marker.size() - 1, items);
    respond(socket, 200, QByteArray::fromStdString(body));
}

void ApiServer::startWatch(const QHttpServerRequest &request, QTcpSocket *socket, const Route &r)
{
    const QUrlQuery query(request.url());
    ApiStatus error;
    std::optional<Selection> selection = selectionOf(query, *r.resource, &error);
    if (!selection) {
        respondStatus(socket, error);
        return;
    }
    auto watch = std::make_unique<Watch>();
    watch->socket = socket;
    watch->resource = r.resource;
    watch->ns = r.ns;
    watch->selection = std::move(*selection);
    watch->table = wantsTable(request);
    watch->bookmarks = queryFlag(query, QStringLiteral("allowWatchBookmarks"));
    watch->sinceBookmark.start();
    beginStream(socket, "application/json");

    const auto send = [&](core::WatchEventType type, std::shared_ptr<const AnyObject> change,
                          qint64 resourceVersion) {
        const Watch::Delivery delivery = watch->deliver(type, std::move(change), resourceVersion);
        if (!delivery.type)
            return;
        const AnyObject &object = *delivery.object;
        json full = toJson(object, m_epochMs);
        if (delivery.resourceVersion > 0)
            full["metadata"]["resourceVersion"] = std::to_string(delivery.resourceVersion);
        json payload = full;
        if (watch->table) {
            json rows = json::array();
            rows.push_back(tableRow(object, full, m_sim->now()));
            payload = table(r.resource->kind, rows,
                            delivery.resourceVersion > 0 ? delivery.resourceVersion
                                                         : metaOf(object).resourceVersion);
        }
        writeChunk(socket, toBytes(json{{"type", delivery.type}, {"object", payload}}) + '\n');
    };

    // From a resourceVersion: what happened since, from the history; without one, the objects
    // as they are now, each as ADDED.
    const QString from = query.queryItemValue(QStringLiteral("resourceVersion"));
    bool ok = false;
    const qint64 version = from.toLongLong(&ok);
    if (!from.isEmpty() && from != QLatin1String("0") && ok) {
        const QList<core::WatchEvent> &events = m_sim->watchEvents();
        // With history off, the events kept (if any) stop short of now: nothing before now
        // can be replayed.
        const qint64 oldest = events.isEmpty() || !m_sim->recordsHistory()
            ? m_sim->store().resourceVersion()
            : events.first().resourceVersion - 1;
        if (version < oldest) {
            ApiStatus gone = ApiStatus::gone(
                QStringLiteral("too old resource version: %1 (%2)").arg(version).arg(oldest));
            writeChunk(socket,
                       toBytes(json{{"type", "ERROR"}, {"object", statusJson(gone)}}) + '\n');
            endStream(socket);
            return;
        }
        if (watch->selection.labels || !watch->selection.fields.isEmpty()) {
            // What the client holds: the objects that matched at `version` (what a list at that
            // version returned). An object's state then is its last change up to `version`;
            // for one not changed since the history began, its state now, or as its first
            // later change found it (it existed unless that change added it).
            QHash<QString, std::shared_ptr<const AnyObject>> atVersion;
            QSet<QString> changed;
            for (const core::WatchEvent &e : events) {
                if (e.kind != r.resource->kind || !e.object)
                    continue;
                const core::ObjectMeta &meta = metaOf(*e.object);
                if (!r.ns.isEmpty() && meta.namespaceName != r.ns)
                    continue;
                const QString key = meta.namespaceName + QLatin1Char('/') + meta.name;
                const bool first = !changed.contains(key);
                changed.insert(key);
                if (e.resourceVersion <= version) {
                    if (e.type == core::WatchEventType::Deleted)
                        atVersion.remove(key);
                    else
                        atVersion.insert(key, e.object);
                } else if (first && e.type != core::WatchEventType::Added) {
                    atVersion.insert(key, e.object);
                }
            }
            for (const AnyObject &object : objectsOf(m_sim->store(), r.resource->kind, r.ns)) {
                const core::ObjectMeta &meta = metaOf(object);
                const QString key = meta.namespaceName + QLatin1Char('/') + meta.name;
                if (!changed.contains(key))
                    atVersion.insert(key, std::make_shared<const AnyObject>(object));
            }
            for (auto it = atVersion.cbegin(); it != atVersion.cend(); ++it) {
                if (watch->selection.matches(*it.value()))
                    watch->sent.insert(it.key(), it.value());
            }
        }
        const auto first = std::upper_bound(
            events.cbegin(), events.cend(), version,
            [](qint64 v, const core::WatchEvent &e) { return v < e.resourceVersion; });
        for (auto it = first; it != events.cend(); ++it) {
            if (it->kind != r.resource->kind || !it->object)
                continue;
            if (!r.ns.isEmpty() && metaOf(*it->object).namespaceName != r.ns)
                continue;
            send(it->type, it->object, it->resourceVersion);
        }
    } else {
        for (const AnyObject &object : objectsOf(m_sim->store(), r.resource->kind, r.ns))
            send(core::WatchEventType::Added, std::make_shared<const AnyObject>(object), 0);
    }

    keepWatch(std::move(watch), query);
}

void ApiServer::keepWatch(std::unique_ptr<Watch> watch, const QUrlQuery &query)
{
    Watch *raw = watch.get();
    const int timeout = query.queryItemValue(QStringLiteral("timeoutSeconds")).toInt();
    if (timeout > 0) {
        raw->deadline.setSingleShot(true);
        raw->deadline.setInterval(timeout * 1000);
        connect(&raw->deadline, &QTimer::timeout, this, [this, raw] { closeWatch(raw); });
        raw->deadline.start();
    }
    connect(raw->socket, &QTcpSocket::disconnected, this, [raw] { raw->closed = true; });
    markLongRunning(raw->socket);
    m_watches.push_back(std::move(watch));
    if (!m_clock.isActive())
        m_clock.start(); // also forgets closed watches
}

void ApiServer::closeWatch(Watch *watch)
{
    if (watch->closed)
        return;
    watch->closed = true;
    if (watch->socket) {
        endStream(watch->socket);
        watch->socket->disconnectFromHost();
    }
}

void ApiServer::watchEvent(const core::WatchEvent &event)
{
    if (m_watches.empty() || !event.object)
        return;
    std::optional<json> full; // written once, for every watch that is sent the event's object
    // The line for watches without a Table that are sent the event as it is (most of them) is
    // the same bytes for all: serialized once per event, not once per watcher (20 watchers of
    // a 10,000-pod scale-up spent most of their time dumping the same JSON again).
    QByteArray line;
    for (const std::unique_ptr<Watch> &watch : m_watches) {
        if (watch->closed || !watch->socket || watch->resource->kind != event.kind)
            continue;
        if (!watch->ns.isEmpty() && metaOf(*event.object).namespaceName != watch->ns)
            continue;
        if (const ResourceView *view = viewOf(watch->resource)) {
            writeViewEvent(watch.get(), *view, event.type, *event.object);
            continue;
        }
        const Watch::Delivery delivery =
            watch->deliver(event.type, event.object, event.resourceVersion);
        if (!delivery.type)
            continue;
        const AnyObject &object = *delivery.object;
        json own; // an object that stopped matching: as it was last sent
        if (delivery.resourceVersion > 0) {
            own = toJson(object, m_epochMs);
            own["metadata"]["resourceVersion"] = std::to_string(delivery.resourceVersion);
        } else if (!full) {
            full = toJson(object, m_epochMs);
        }
        const json &document = delivery.resourceVersion > 0 ? own : *full;
        const bool asIs = delivery.resourceVersion == 0
            && std::strcmp(delivery.type, eventTypeName(event.type)) == 0;
        if (!watch->table && asIs) {
            if (line.isEmpty())
                line = toBytes(json{{"type", delivery.type}, {"object", document}}) + '\n';
            writeChunk(watch->socket, line);
            continue;
        }
        json payload = document;
        if (watch->table) {
            json rows = json::array();
            rows.push_back(tableRow(object, document, m_sim->now()));
            payload = table(event.kind, rows, event.resourceVersion);
        }
        writeChunk(watch->socket,
                   toBytes(json{{"type", delivery.type}, {"object", payload}}) + '\n');
    }
}

void ApiServer::deleteCollection(const QHttpServerRequest &request, QTcpSocket *socket,
                                 const Route &r)
{
    const QUrlQuery query(request.url());
    ApiStatus error;
    const std::optional<Selection> selection = selectionOf(query, *r.resource, &error);
    if (!selection) {
        respondStatus(socket, error);
        return;
    }
    core::DeleteOptions options;
    options.dryRun = isDryRun(query);
    json items = json::array();
    for (const AnyObject &object : objectsOf(m_sim->store(), r.resource->kind, r.ns)) {
        if (!selection->matches(object))
            continue;
        const core::ObjectMeta &meta = metaOf(object);
        const qsizetype actionsBefore = m_sim->actionCount();
        const core::OperationResult result =
            m_operations->remove(*r.resource, meta.namespaceName, meta.name, options);
        if (!result.ok()) {
            respondStatus(socket, result.status);
            return;
        }
        if (!options.dryRun && m_sim->actionCount() > actionsBefore) {
            core::ApiWrite write;
            write.verb = core::ApiWrite::Verb::Delete;
            write.resource = r.resource->plural;
            write.ns = meta.namespaceName;
            write.name = meta.name;
            write.options = options;
            write.epochMs = m_epochMs;
            write.announced = false; // a collection's deletes are not announced one by one
            emitWritten(m_sim->now(), write);
        }
        items.push_back(toJson(*result.object, m_epochMs));
    }
    respondObject(socket, 200,
                  {{"kind", str(listKind(*r.resource))},
                   {"apiVersion", str(r.resource->apiVersion())},
                   {"metadata", {{"resourceVersion", std::to_string(m_sim->store().resourceVersion())}}},
                   {"items", items}});
}

// --- views (EndpointSlices, events.k8s.io Events) --------------------------------------------------

namespace {

json viewRow(const ResourceView &view, const AnyObject &object, const json &document,
             core::Millis now)
{
    json cells = json::array();
    for (const QString &cell : view.row(object, document, now))
        cells.push_back(str(cell));
    return {{"cells", cells},
            {"object",
             {{"kind", "PartialObjectMetadata"},
              {"apiVersion", "meta.k8s.io/v1"},
              {"metadata", document.at("metadata")}}}};
}

json viewTable(const ResourceView &view, const json &rows, qint64 resourceVersion)
{
    return {{"kind", "Table"},
            {"apiVersion", "meta.k8s.io/v1"},
            {"metadata", {{"resourceVersion", std::to_string(resourceVersion)}}},
            {"columnDefinitions", view.columns()},
            {"rows", rows}};
}

// The labels of a served object (the view's own, e.g. a slice's kubernetes.io/service-name).
QMap<QString, QString> labelsOf(const json &document)
{
    QMap<QString, QString> labels;
    const json &metadata = document.at("metadata");
    if (metadata.contains("labels")) {
        for (const auto &[key, value] : metadata.at("labels").items())
            labels.insert(QString::fromStdString(key),
                          QString::fromStdString(value.get<std::string>()));
    }
    return labels;
}

} // namespace

void ApiServer::writeViewEvent(Watch *watch, const ResourceView &view, core::WatchEventType type,
                               const AnyObject &object)
{
    const json document = view.document(object, m_sim->store(), m_epochMs);
    if (watch->selection.labels && !watch->selection.labels->matches(labelsOf(document)))
        return;
    json payload = document;
    if (watch->table) {
        json rows = json::array();
        rows.push_back(viewRow(view, object, document, m_sim->now()));
        payload = viewTable(view, rows, metaOf(object).resourceVersion);
    }
    writeChunk(watch->socket, toBytes(json{{"type", eventTypeName(type)}, {"object", payload}}) + '\n');
}

void ApiServer::serveView(const QHttpServerRequest &request, QTcpSocket *socket, const Route &r,
                          const ResourceView &view)
{
    if (request.method() != QHttpServerRequest::Method::Get) {
        respondStatus(socket, ApiStatus::methodNotAllowed(
                                  tr("the server does not allow this method on the requested "
                                     "resource")));
        return;
    }
    if (!r.sub.isEmpty()) {
        respondStatus(socket, resourceNotFound());
        return;
    }
    const QUrlQuery query(request.url());
    // Label selectors match the served object's own labels (a slice's
    // kubernetes.io/service-name=...); of the fields, the two every kind offers.
    ApiStatus error;
    const std::optional<Selection> selected = selectionOf(query, view.info, &error, false);
    if (!selected) {
        respondStatus(socket, error);
        return;
    }
    const Selection &selection = *selected;
    for (const FieldTerm &term : std::as_const(selection.fields)) {
        if (term.field != QLatin1String("metadata.name")
            && term.field != QLatin1String("metadata.namespace")) {
            respondStatus(socket, ApiStatus::badRequest(
                                      QStringLiteral("field label not supported: %1").arg(term.field)));
            return;
        }
    }
    const auto matches = [&selection](const json &document) {
        if (selection.labels && !selection.labels->matches(labelsOf(document)))
            return false;
        for (const FieldTerm &term : selection.fields) {
            const char *key = term.field == QLatin1String("metadata.name") ? "name" : "namespace";
            const QString value =
                QString::fromStdString(document.at("metadata").value(key, std::string()));
            if ((value == term.value) == term.negated)
                return false;
        }
        return true;
    };
    const core::Store &store = m_sim->store();
    const bool asTable = wantsTable(request);

    if (queryFlag(query, QStringLiteral("watch"))) {
        auto watch = std::make_unique<Watch>();
        watch->socket = socket;
        watch->resource = r.resource;
        watch->ns = r.ns;
        watch->selection.labels = selection.labels;
        watch->table = asTable;
        watch->sinceBookmark.start();
        beginStream(socket, "application/json");
        // From a resourceVersion: the source objects' changes since (served as they read
        // now); without one, every object as ADDED.
        const QString from = query.queryItemValue(QStringLiteral("resourceVersion"));
        bool ok = false;
        const qint64 version = from.toLongLong(&ok);
        if (!from.isEmpty() && from != QLatin1String("0") && ok) {
            for (const core::WatchEvent &e : m_sim->watchEvents()) {
                if (e.resourceVersion <= version || e.kind != view.info.kind || !e.object)
                    continue;
                if (r.ns.isEmpty() || metaOf(*e.object).namespaceName == r.ns)
                    writeViewEvent(watch.get(), view, e.type, *e.object);
            }
        } else {
            for (const AnyObject &object : objectsOf(store, view.info.kind, r.ns))
                writeViewEvent(watch.get(), view, core::WatchEventType::Added, object);
        }
        keepWatch(std::move(watch), query);
        return;
    }

    json items = json::array();
    json rows = json::array();
    for (const AnyObject &object : objectsOf(store, view.info.kind, r.ns)) {
        const json document = view.document(object, store, m_epochMs);
        if (!r.name.isEmpty()) {
            if (QString::fromStdString(document.at("metadata").at("name").get<std::string>())
                == r.name) {
                respondObject(socket, 200, document);
                return;
            }
            continue;
        }
        if (!matches(document))
            continue;
        if (asTable)
            rows.push_back(viewRow(view, object, document, m_sim->now()));
        else
            items.push_back(document);
    }
    if (!r.name.isEmpty()) {
        respondStatus(socket, ApiStatus::notFound(view.info.plural, view.info.group, r.name));
        return;
    }
    const qint64 version = store.resourceVersion();
    if (asTable) {
        respondObject(socket, 200, viewTable(view, rows, version));
        return;
    }
    respondObject(socket, 200,
                  {{"kind", str(listKind(view.info))},
                   {"apiVersion", str(view.info.apiVersion())},
                   {"metadata", {{"resourceVersion", std::to_string(version)}}},
                   {"items", items}});
}

namespace {

// A word as the console's tokenizer reads it back: single-quoted.
QString shellQuoted(const QString &word)
{
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

bool isShell(const QStringList &command)
{
    static const QStringList shells = {QStringLiteral("sh"), QStringLiteral("/bin/sh"),
                                       QStringLiteral("bash"), QStringLiteral("/bin/bash"),
                                       QStringLiteral("ash")};
    return command.size() == 1 && shells.contains(command.first());
}

} // namespace

// What an accepted exec/attach runs, kept from the request until its streams are up.
struct ApiServer::CommandTarget
{
    RemoteCommandOptions options;
    QString ns;
    QString pod;
    QString container;
    QStringList command;
    bool attach = false;
};

namespace {

// The key of a connection in ApiServer::m_pendingUpgrades.
QString peerKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + QLatin1Char(' ') + QString::number(port);
}

} // namespace

void ApiServer::remoteCommand(const QHttpServerRequest &request, QTcpSocket *socket,
                              const Route &r)
{
    const bool webSocket = isWebSocketUpgrade(request);
    if (!webSocket && !isSpdyUpgrade(request)) {
        respondStatus(socket, ApiStatus::badRequest(QStringLiteral("Upgrade request required")));
        return;
    }
    const bool attach = r.sub == QLatin1String("attach");
    RemoteCommandOptions options;
    QString error;
    if (!RemoteCommandOptions::fromQuery(QUrlQuery(request.url()), attach, &options, &error)) {
        respondStatus(socket, ApiStatus::badRequest(error));
        return;
    }
    const core::Pod *pod = m_sim->store().find<core::Pod>(r.ns, r.name);
    if (!pod) {
        respondStatus(socket, ApiStatus::notFound(QStringLiteral("pods"), QString(), r.name));
        return;
    }
    const core::Container *container = nullptr;
    for (const core::Container &c : pod->spec.containers) {
        if (options.container.isEmpty() || c.name == options.container) {
            container = &c;
            break;
        }
    }
    if (!container) {
        respondStatus(socket, ApiStatus::badRequest(
                                  QStringLiteral("container %1 is not valid for pod %2")
                                      .arg(options.container, r.name)));
        return;
    }
    if (pod->status.phase != core::PodPhase::Running) {
        respondStatus(socket, ApiStatus::badRequest(
                                  QStringLiteral("unable to upgrade connection: container not "
                                                 "found (\"%1\")")
                                      .arg(container->name)));
        return;
    }
    auto target = std::make_shared<CommandTarget>();
    target->options = options;
    target->ns = r.ns;
    target->pod = r.name;
    target->container = container->name;
    target->command = attach ? container->command + container->args // the container's process
                             : options.command;
    target->attach = attach;
    if (webSocket) {
        // kube-apiserver speaks only v5 over WebSocket; v4 is accepted as well. A client that
        // offers neither is refused before the handshake, so that kubectl falls back to SPDY.
        const QStringList offered = QString::fromLatin1(request.value("Sec-WebSocket-Protocol"))
                                        .split(QLatin1Char(','), Qt::SkipEmptyParts);
        bool match = false;
        for (const QString &protocol : offered)
            match = match || webSocketStreamProtocols().contains(protocol.trimmed());
        if (!match) {
            writeUpgradeRefusal(socket, QStringLiteral("unable to upgrade: unable to negotiate "
                                                       "protocol: server accepts [%1]")
                                            .arg(webSocketStreamProtocols().join(
                                                QLatin1Char(' '))));
            return;
        }
        // Qt HTTP Server's WebSocket server does the handshake once handleRequest() returns
        // true; it must offer Kubernetes' subprotocols, and Qt keeps it private: the event
        // filter finds it when Qt posts it the handshake (eventFilter()).
        if (!m_webSocketServer)
            qApp->installEventFilter(this);
        m_pendingUpgrades.insert(peerKey(socket->peerAddress(), socket->peerPort()), target);
        markLongRunning(socket);
        m_upgradeAccepted = true;
        return;
    }
    RemoteCommandSession *session = RemoteCommandSession::accept(request, socket, options, this);
    if (!session)
        return;
    markLongRunning(socket);
    runCommand(session, *target);
}

bool ApiServer::eventFilter(QObject *watched, QEvent *event)
{
    // Qt HTTP Server 6.4 hands an upgraded connection to a QWebSocketServer it owns and does not
    // expose, which posts itself the handshake (a queued call). That server is the one whose
    // newConnection feeds this server's newWebSocketConnection: found so, it is told
    // Kubernetes' subprotocols before it reads the handshake, and the filter goes.
    if (event->type() == QEvent::MetaCall) {
        auto *server = qobject_cast<QWebSocketServer *>(watched);
        if (server && !m_webSocketServer
            && disconnect(server, &QWebSocketServer::newConnection, this,
                          &QAbstractHttpServer::newWebSocketConnection)) {
            connect(server, &QWebSocketServer::newConnection, this,
                    &QAbstractHttpServer::newWebSocketConnection);
            server->setSupportedSubprotocols(webSocketStreamProtocols());
            m_webSocketServer = server;
            qApp->removeEventFilter(this);
        }
    }
    return QAbstractHttpServer::eventFilter(watched, event);
}

void ApiServer::webSocketConnected()
{
    while (hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = nextPendingWebSocketConnection();
        const std::shared_ptr<CommandTarget> target =
            m_pendingUpgrades.take(peerKey(socket->peerAddress(), socket->peerPort()));
        if (!target || socket->subprotocol().isEmpty()) {
            // Not an upgrade this server accepted, or no protocol agreed: nothing to run.
            socket->close(QWebSocketProtocol::CloseCodeProtocolError);
            socket.release()->deleteLater();
            continue;
        }
        runCommand(new WebSocketCommandSession(socket.release(), target->options, this), *target);
    }
}

void ApiServer::runCommand(RemoteCommandStream *session, const CommandTarget &target)
{
    ++m_streamSessions[session->transport()];
    const QString ns = target.ns;
    const QString podName = target.pod;
    const QString containerName = target.container;
    const QStringList command = target.command;
    const bool attach = target.attach;
    const RemoteCommandOptions &options = target.options;
    const bool tty = options.tty;
    const auto output = [tty](QString text) {
        return (tty ? text.replace(QLatin1Char('\n'), QStringLiteral("\r\n")) : text).toUtf8();
    };
    // One command line through the console's simulated shell in the pod.
    const auto run = [this, ns, podName, containerName](const QStringList &words) {
        QStringList quoted;
        for (const QString &word : words)
            quoted << shellQuoted(word);
        if (!m_console)
            m_console = std::make_unique<core::Console>(*m_sim);
        core::ConsoleOutput out = m_console->execute(
            QStringLiteral("kubectl exec -n %1 %2 -c %3 -- %4")
                .arg(ns, podName, containerName, quoted.join(QLatin1Char(' '))));
        // The console prints what kubectl prints, its exit-code line included; the client
        // writes that line itself from the status, so the stream carries only the command's.
        const QString exitLine =
            QStringLiteral("command terminated with exit code %1\n").arg(out.exitCode);
        if (out.exitCode != 0 && out.text.endsWith(exitLine))
            out.text.chop(exitLine.size());
        return out;
    };
    const bool interactive = options.stdinEnabled && (command.isEmpty() || isShell(command));
    if (!interactive) {
        connect(session, &RemoteCommandStream::ready, session,
                [this, session, run, command, output, ns, podName, attach] {
                    if (command.isEmpty()) // attached to a process that prints nothing
                        return;
                    const core::ConsoleOutput out = run(command);
                    session->writeStdout(output(out.text));
                    session->finish(out.exitCode);
                    // The command was the container's process: it has ended.
                    if (attach)
                        m_sim->completePod(ns, podName, out.exitCode);
                });
        return;
    }
    // An interactive shell: each line typed runs through the console's shell in the pod.
    auto buffer = std::make_shared<QByteArray>();
    const QByteArray prompt = tty ? QByteArray("/ # ") : QByteArray();
    connect(session, &RemoteCommandStream::ready, session,
            [session, prompt] { session->writeStdout(prompt); });
    connect(session, &RemoteCommandStream::stdinData, session,
            [session, buffer, run, output, prompt, tty](const QByteArray &data) {
                for (char c : data) {
                    if (tty && (c == '\r' || c == '\n'))
                        session->writeStdout("\r\n");
                    else if (tty && c != 0x7f)
                        session->writeStdout(QByteArray(1, c)); // the terminal's echo
                    if (c == 0x7f) {
                        if (!buffer->isEmpty()) {
                            buffer->chop(1);
                            session->writeStdout("\b \b");
                        }
                        continue;
                    }
                    if (c == 0x04 && buffer->isEmpty()) { // Ctrl-D
                        session->finish(0);
                        return;
                    }
                    if (c != '\r' && c != '\n') {
                        buffer->append(c);
                        continue;
                    }
                    const QString line = QString::fromUtf8(*buffer).trimmed();
                    buffer->clear();
                    if (line == QLatin1String("exit")) {
                        session->finish(0);
                        return;
                    }
                    if (!line.isEmpty())
                        session->writeStdout(output(run({QStringLiteral("sh"),
                                                         QStringLiteral("-c"), line})
                                                        .text));
                    session->writeStdout(prompt);
                }
            });
    connect(session, &RemoteCommandStream::stdinClosed, session, [session] {
        if (!session->isFinished())
            session->finish(0);
    });
}

void ApiServer::logs(const QHttpServerRequest &request, QTcpSocket *socket, const Route &r)
{
    const core::Pod *pod = m_sim->store().find<core::Pod>(r.ns, r.name);
    if (!pod) {
        respondStatus(socket, ApiStatus::notFound(QStringLiteral("pods"), QString(), r.name));
        return;
    }
    const QUrlQuery query(request.url());
    QString container = query.queryItemValue(QStringLiteral("container"));
    if (container.isEmpty()) {
        if (pod->spec.containers.size() != 1) {
            QStringList names;
            for (const core::Container &c : pod->spec.containers)
                names << c.name;
            respondStatus(socket, ApiStatus::badRequest(
                                      QStringLiteral("a container name must be specified for pod "
                                                     "%1, choose one of: [%2]")
                                          .arg(r.name, names.join(QLatin1Char(' ')))));
            return;
        }
        container = pod->spec.containers.first().name;
    }
    const core::ContainerStatus *status = nullptr;
    for (const core::ContainerStatus &s : pod->status.containerStatuses) {
        if (s.name == container)
            status = &s;
    }
    const core::Container *spec = nullptr;
    for (const core::Container &c : pod->spec.containers) {
        if (c.name == container)
            spec = &c;
    }
    if (!spec) {
        respondStatus(socket, ApiStatus::badRequest(
                                  QStringLiteral("container %1 is not valid for pod %2")
                                      .arg(container, r.name)));
        return;
    }
    if (!status || status->state.kind == core::ContainerState::Kind::Waiting) {
        respondStatus(socket,
                      ApiStatus::badRequest(
                          QStringLiteral("container \"%1\" in pod \"%2\" is waiting to start: %3")
                              .arg(container, r.name,
                                   status ? status->state.reason
                                          : QStringLiteral("ContainerCreating"))));
        return;
    }
    QByteArray text;
    for (const QString &line : startupLines(spec->image, pod->status.podIP))
        text += line.toUtf8() + '\n';
    if (!queryFlag(query, QStringLiteral("follow"))) {
        respond(socket, 200, text, "text/plain");
        return;
    }
    // Followed: the lines so far, then the stream stays open until the client leaves.
    beginStream(socket, "text/plain");
    writeChunk(socket, text);
    markLongRunning(socket);
}

} // namespace ordinal::net
