#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ordinal::net {

// The documents a Kubernetes API server answers for discovery and OpenAPI, for the kinds
// Ordinal simulates. Every function here is pure and thread-safe: the same call returns the
// same bytes (the OpenAPI documents, the large ones, are built once and kept), so clients'
// discovery and OpenAPI caches stay valid.
//
// The resource facts (group, version, kind, plural, singular, short names, scope, verbs,
// categories, subresources) live in ONE table in apidiscovery.cpp; the schemas are derived
// from a second table there describing each type's fields. (src/core/api/json.* may grow a
// similar resource table; the two are to be unified.)

// A subresource of an API resource (pods/status, statefulsets/scale, ...).
struct ApiSubresource
{
    QString name; // "status", "scale", "log", ...
    QString group; // group and version of the kind it takes and returns (autoscaling/v1 Scale)
    QString version;
    QString kind;
    QStringList verbs;
};

// One API resource, as discovery describes it.
struct ApiResource
{
    QString group; // empty for the core group
    QString version;
    QString kind;
    QString plural;
    QString singular;
    QStringList shortNames;
    bool namespaced = true;
    QStringList verbs;
    QStringList categories;
    QList<ApiSubresource> subresources;

    QString groupVersion() const { return group.isEmpty() ? version : group + u'/' + version; }
};

// The resources the server offers, in discovery order.
const QList<ApiResource> &apiResources();
// The resource served at group/version with this plural name, or nullptr.
const ApiResource *findApiResource(const QString &group, const QString &version,
                                   const QString &plural);
// The group versions offered, core first ("v1", "apps/v1").
QStringList apiGroupVersions();

// The server version reported at /version (kubectl version's "Server Version").
QString serverGitVersion();

// GET /version
QByteArray versionDocument();
// GET /api (APIVersions) and GET /apis (APIGroupList), the classic forms.
QByteArray apiVersionsDocument();
QByteArray apiGroupListDocument();
// GET /api/v1, GET /apis/<group>/<version> (APIResourceList); nullopt for an unknown version.
std::optional<QByteArray> apiResourceListDocument(const QString &groupVersion);

// Aggregated discovery (apidiscovery.k8s.io APIGroupDiscoveryList), for /api (core = true)
// or /apis (core = false); apiVersion is "v2" or "v2beta1".
QByteArray aggregatedDiscoveryDocument(bool core, const QString &apiVersion = QStringLiteral("v2"));

// The answer for GET /api or GET /apis given the request's Accept header: the aggregated
// form when Accept asks for it (v2 preferred over v2beta1, in the client's order, q=0
// excluded), otherwise the classic form with application/json.
struct DiscoveryAnswer
{
    QByteArray contentType;
    QByteArray body;
};
DiscoveryAnswer negotiateDiscovery(bool core, const QByteArray &accept);

// OpenAPI v3: the index at /openapi/v3 (paths "api/v1", "apis/apps/v1" with
// serverRelativeURL carrying a hash of the document), and one document per group version.
QByteArray openApiV3Index();
std::optional<QByteArray> openApiV3Document(const QString &groupVersion);
// OpenAPI v2 (Swagger 2.0 JSON) covering every group version.
QByteArray openApiV2Document();
// The same document as the protobuf message client-go asks for (gnostic's
// openapi.v2.Document; Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf).
// kubectl up to 1.26 validates manifests and explains fields from it.
QByteArray openApiV2Protobuf();

// Strict decoding, as kube-apiserver reports it for fieldValidation=Strict (and as warnings for
// Warn): the fields of a request body that the kind's schema (the same table the OpenAPI
// documents come from) does not have, and the fields given twice, in document order, each
// worded as upstream words it: `unknown field "spec.replicaz"`, `duplicate field
// "metadata.name"` (array elements as "containers[0]"). Free-form fields (annotations, labels,
// fields Ordinal keeps as opaque objects) are not looked into.
enum class BodyShape {
    Object,         // create, update: in document order
    MergePatch,     // duplicates in document order, then unknown fields sorted (as upstream)
    StrategicPatch, // as MergePatch, its "$..." directives allowed
    JsonPatch,      // RFC 6902 operations: each add/replace path, and the value at its path
};
// An empty list for a body that is not JSON (the caller's decoder reports that).
QStringList strictDecodingErrors(const QString &group, const QString &kind,
                                 const QByteArray &body, BodyShape shape);

// The body without the fields strictDecodingErrors() reports as unknown (Object, MergePatch
// and StrategicPatch shapes; a JSON patch or a body that is not JSON comes back as it was):
// what kube-apiserver's decoder keeps under fieldValidation=Warn or Ignore.
QByteArray withoutUnknownFields(const QString &group, const QString &kind, const QByteArray &body,
                                BodyShape shape);

// One entry point for the server: the document for a request path (a query string, if
// present, is ignored) and Accept header, with *contentType set (/api and /apis: aggregated
// or classic discovery; /openapi/v2: protobuf or JSON, as negotiateDiscovery and
// openApiV2Protobuf describe); nullopt when the path is
// not a discovery or OpenAPI path (the caller answers it, or 404s).
// Paths: /version, /api, /api/v1, /apis, /apis/<group>/<version>, /openapi/v2,
// /openapi/v3, /openapi/v3/api/v1, /openapi/v3/apis/<group>/<version>. A trailing slash
// is accepted.
std::optional<QByteArray> discoveryDocument(const QString &path, const QByteArray &accept,
                                            QByteArray *contentType);

} // namespace ordinal::net
