// The discovery and OpenAPI documents: parsed and checked here, then served by a small HTTP
// server to the real kubectl (when installed), whose output is checked.

#include "apidiscovery.h"

#include "api/types.h"

#include <QAbstractHttpServer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace ordinal::net;

namespace {

QJsonObject parse(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "JSON error" << error.errorString() << "at" << error.offset;
    return doc.object();
}

QJsonObject obj(const QJsonValue &v)
{
    return v.toObject();
}
QJsonArray arr(const QJsonValue &v)
{
    return v.toArray();
}
QString s(const QJsonValue &v)
{
    return v.toString();
}

QStringList toStrings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out.append(x.toString());
    return out;
}

QJsonObject findByName(const QJsonArray &a, const QString &key, const QString &name)
{
    for (const QJsonValue &v : a) {
        if (v.toObject().value(key).toString() == name)
            return v.toObject();
    }
    return {};
}

// kubectl's test for server-side field validation (cli-runtime's QueryParamVerifierV3): the
// first PATCH operation tagged with the kind must list fieldValidation as a query parameter.
// Returns "supported", "unsupported" or "no path". Checks every PATCH operation of the kind,
// since kubectl meets them in random order.
QString fieldValidationSupport(const QJsonObject &doc, const QString &group, const QString &version,
                               const QString &kind)
{
    QString result = QStringLiteral("no path");
    const QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QJsonObject patch = obj(obj(it.value()).value(QStringLiteral("patch")));
        if (patch.isEmpty())
            continue;
        const QJsonObject gvk = obj(patch.value(QStringLiteral("x-kubernetes-group-version-kind")));
        if (s(gvk.value(QStringLiteral("group"))) != group
            || s(gvk.value(QStringLiteral("version"))) != version
            || s(gvk.value(QStringLiteral("kind"))) != kind)
            continue;
        bool found = false;
        for (const QJsonValue &p : arr(patch.value(QStringLiteral("parameters")))) {
            if (s(obj(p).value(QStringLiteral("name"))) == u"fieldValidation"
                && s(obj(p).value(QStringLiteral("in"))) == u"query")
                found = true;
        }
        if (!found)
            return QStringLiteral("unsupported");
        result = QStringLiteral("supported");
    }
    return result;
}

// Serves the discovery and OpenAPI documents; everything else is a 404 Status.
class DiscoveryServer : public QAbstractHttpServer
{
public:
    QStringList requests; // "GET /path", in arrival order
    QStringList writes; // "POST /path?query" of every request other than GET
    QList<QByteArray> writeBodies;
    QList<QByteArray> writeTypes; // their Content-Type
    QHash<QString, QByteArray> objects; // GET path -> JSON object to answer with

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        const QString path = request.url().path();
        requests.append(methodName(request) + u' ' + path);
        if (request.method() != QHttpServerRequest::Method::Get) {
            writes.append(methodName(request) + u' ' + path + u'?' + request.url().query());
            writeBodies.append(request.body());
            writeTypes.append(header(request, "content-type"));
            return false;
        }
        if (objects.contains(path)) {
            makeResponder(request, socket).write(objects.value(path), "application/json");
            return true;
        }
        const QByteArray accept = header(request, "accept");
        QByteArray type;
        const std::optional<QByteArray> doc = discoveryDocument(path, accept, &type);
        if (!doc)
            return false;
        makeResponder(request, socket).write(*doc, type);
        return true;
    }

    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        const QJsonObject status { { QStringLiteral("kind"), QStringLiteral("Status") },
                                   { QStringLiteral("apiVersion"), QStringLiteral("v1") },
                                   { QStringLiteral("metadata"), QJsonObject {} },
                                   { QStringLiteral("status"), QStringLiteral("Failure") },
                                   { QStringLiteral("message"),
                                     QStringLiteral(
                                         "the server could not find the requested resource") },
                                   { QStringLiteral("reason"), QStringLiteral("NotFound") },
                                   { QStringLiteral("details"), QJsonObject {} },
                                   { QStringLiteral("code"), 404 } };
        makeResponder(request, socket)
            .write(QJsonDocument(status).toJson(QJsonDocument::Compact), "application/json",
                   QHttpServerResponder::StatusCode::NotFound);
    }

private:
    static QByteArray header(const QHttpServerRequest &request, const char *name)
    {
        for (const auto &h : request.headers()) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }

    static QString methodName(const QHttpServerRequest &request)
    {
        switch (request.method()) {
        case QHttpServerRequest::Method::Get:
            return QStringLiteral("GET");
        case QHttpServerRequest::Method::Post:
            return QStringLiteral("POST");
        case QHttpServerRequest::Method::Put:
            return QStringLiteral("PUT");
        case QHttpServerRequest::Method::Patch:
            return QStringLiteral("PATCH");
        case QHttpServerRequest::Method::Delete:
            return QStringLiteral("DELETE");
        default:
            return QStringLiteral("OTHER");
        }
    }
};

} // namespace

class TestApiDiscovery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void version();
    void apiVersions();
    void groupList();
    void resourceLists();
    void aggregated_data();
    void aggregated();
    void pathMatching();
    void openApiV3Index();
    void openApiV3Schemas_data();
    void openApiV3Schemas();
    void fieldValidationAdvertised_data();
    void fieldValidationAdvertised();
    void openApiV2();
    void openApiV2Protobuf();
    void deterministic();

    void kubectlApiVersions();
    void kubectlApiResources();
    void kubectlExplain();
    void kubectlApplyDryRun_data();
    void kubectlApplyDryRun();
    void kubectlValidation();
    void kubectlApplyPatch();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    // Runs kubectl; its output is logged when it fails unexpectedly (or ORDINAL_KUBECTL_V is set).
    Run runKubectl(const QStringList &args, bool failureExpected = false);

    QString m_kubectl;
    int m_minor = 0;
    std::unique_ptr<DiscoveryServer> m_server;
    QTemporaryDir m_dir;
    QString m_kubeconfig;
    QString m_cacheDir;
};

void TestApiDiscovery::version()
{
    const QJsonObject v = parse(versionDocument());
    QCOMPARE(s(v.value(QStringLiteral("major"))), QStringLiteral("1"));
    // The server is as new as its kubelets (a kubelet may not be newer than its API server).
    const QString kubelet = ordinal::core::Node().kubeletVersion;
    QCOMPARE(s(v.value(QStringLiteral("gitVersion"))), kubelet);
    QCOMPARE(s(v.value(QStringLiteral("minor"))), kubelet.section(QLatin1Char('.'), 1, 1));
    QCOMPARE(s(v.value(QStringLiteral("platform"))), QStringLiteral("linux/amd64"));
}

void TestApiDiscovery::apiVersions()
{
    const QJsonObject v = parse(apiVersionsDocument());
    QCOMPARE(s(v.value(QStringLiteral("kind"))), QStringLiteral("APIVersions"));
    QCOMPARE(toStrings(v.value(QStringLiteral("versions"))), QStringList { QStringLiteral("v1") });
}

void TestApiDiscovery::groupList()
{
    const QJsonObject l = parse(apiGroupListDocument());
    QCOMPARE(s(l.value(QStringLiteral("kind"))), QStringLiteral("APIGroupList"));
    const QJsonObject apps = findByName(arr(l.value(QStringLiteral("groups"))),
                                        QStringLiteral("name"), QStringLiteral("apps"));
    QVERIFY(!apps.isEmpty());
    QCOMPARE(s(obj(apps.value(QStringLiteral("preferredVersion")))
                   .value(QStringLiteral("groupVersion"))),
             QStringLiteral("apps/v1"));
}

void TestApiDiscovery::resourceLists()
{
    QVERIFY(!apiResourceListDocument(QStringLiteral("v2")));
    QVERIFY(!apiResourceListDocument(QStringLiteral("apps/v1beta1")));

    const QJsonObject core = parse(*apiResourceListDocument(QStringLiteral("v1")));
    QCOMPARE(s(core.value(QStringLiteral("kind"))), QStringLiteral("APIResourceList"));
    QCOMPARE(s(core.value(QStringLiteral("groupVersion"))), QStringLiteral("v1"));
    const QJsonArray res = arr(core.value(QStringLiteral("resources")));

    struct Expect
    {
        const char *name, *kind, *shortName;
        bool namespaced;
        bool all;
    };
    const Expect expected[] = {
        { "pods", "Pod", "po", true, true },
        { "services", "Service", "svc", true, true },
        { "endpoints", "Endpoints", "ep", true, false },
        { "nodes", "Node", "no", false, false },
        { "namespaces", "Namespace", "ns", false, false },
        { "persistentvolumeclaims", "PersistentVolumeClaim", "pvc", true, false },
        { "events", "Event", "ev", true, false },
    };
    for (const Expect &e : expected) {
        const QJsonObject r = findByName(res, QStringLiteral("name"), QString::fromLatin1(e.name));
        QVERIFY2(!r.isEmpty(), e.name);
        QCOMPARE(s(r.value(QStringLiteral("kind"))), QString::fromLatin1(e.kind));
        QCOMPARE(toStrings(r.value(QStringLiteral("shortNames"))),
                 QStringList { QString::fromLatin1(e.shortName) });
        QCOMPARE(r.value(QStringLiteral("namespaced")).toBool(), e.namespaced);
        QVERIFY(!s(r.value(QStringLiteral("singularName"))).isEmpty());
        QVERIFY(toStrings(r.value(QStringLiteral("verbs"))).contains(QStringLiteral("watch")));
        QCOMPARE(toStrings(r.value(QStringLiteral("categories"))).contains(QStringLiteral("all")),
                 e.all);
    }
    for (const char *sub :
         { "pods/status", "pods/log", "pods/exec", "pods/attach", "pods/eviction" })
        QVERIFY2(!findByName(res, QStringLiteral("name"), QString::fromLatin1(sub)).isEmpty(), sub);
    const QJsonObject eviction
        = findByName(res, QStringLiteral("name"), QStringLiteral("pods/eviction"));
    QCOMPARE(s(eviction.value(QStringLiteral("group"))), QStringLiteral("policy"));
    QCOMPARE(s(eviction.value(QStringLiteral("kind"))), QStringLiteral("Eviction"));

    const QJsonObject apps = parse(*apiResourceListDocument(QStringLiteral("apps/v1")));
    const QJsonArray appsRes = arr(apps.value(QStringLiteral("resources")));
    const QJsonObject sts
        = findByName(appsRes, QStringLiteral("name"), QStringLiteral("statefulsets"));
    QCOMPARE(s(sts.value(QStringLiteral("kind"))), QStringLiteral("StatefulSet"));
    QCOMPARE(s(sts.value(QStringLiteral("singularName"))), QStringLiteral("statefulset"));
    QCOMPARE(toStrings(sts.value(QStringLiteral("shortNames"))),
             QStringList { QStringLiteral("sts") });
    QCOMPARE(toStrings(sts.value(QStringLiteral("categories"))),
             QStringList { QStringLiteral("all") });
    const QJsonObject scale
        = findByName(appsRes, QStringLiteral("name"), QStringLiteral("statefulsets/scale"));
    QCOMPARE(s(scale.value(QStringLiteral("group"))), QStringLiteral("autoscaling"));
    QCOMPARE(s(scale.value(QStringLiteral("version"))), QStringLiteral("v1"));
    QCOMPARE(s(scale.value(QStringLiteral("kind"))), QStringLiteral("Scale"));
    QVERIFY(!findByName(appsRes, QStringLiteral("name"), QStringLiteral("statefulsets/status"))
                 .isEmpty());
    QVERIFY(!findByName(appsRes, QStringLiteral("name"), QStringLiteral("controllerrevisions"))
                 .isEmpty());
}

void TestApiDiscovery::aggregated_data()
{
    QTest::addColumn<QByteArray>("accept");
    QTest::addColumn<QByteArray>("contentType");
    // What kubectl 1.32 sends.
    QTest::newRow("kubectl-1.32")
        << QByteArray("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
                      "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,"
                      "application/json")
        << QByteArray("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
    QTest::newRow("v2beta1-only")
        << QByteArray(
               "application/json; g=apidiscovery.k8s.io; v=v2beta1; as=APIGroupDiscoveryList")
        << QByteArray("application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList");
    QTest::newRow("q=0 refused") << QByteArray(
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList;q=0, "
        "application/json") << QByteArray("application/json");
    QTest::newRow("classic") << QByteArray("application/json, */*")
                             << QByteArray("application/json");
    QTest::newRow("none") << QByteArray() << QByteArray("application/json");
}

void TestApiDiscovery::aggregated()
{
    QFETCH(QByteArray, accept);
    QFETCH(QByteArray, contentType);

    for (bool core : { true, false }) {
        const DiscoveryAnswer a = negotiateDiscovery(core, accept);
        QCOMPARE(a.contentType, contentType);
        const QJsonObject o = parse(a.body);
        if (contentType == "application/json") {
            QCOMPARE(s(o.value(QStringLiteral("kind"))),
                     core ? QStringLiteral("APIVersions") : QStringLiteral("APIGroupList"));
            continue;
        }
        QCOMPARE(s(o.value(QStringLiteral("kind"))), QStringLiteral("APIGroupDiscoveryList"));
        QCOMPARE(s(o.value(QStringLiteral("apiVersion"))),
                 QStringLiteral("apidiscovery.k8s.io/")
                     + (contentType.contains("v2beta1") ? QStringLiteral("v2beta1")
                                                        : QStringLiteral("v2")));
        const QJsonArray items = arr(o.value(QStringLiteral("items")));
        // /apis: apps, then discovery.k8s.io (EndpointSlices), events.k8s.io
        QCOMPARE(items.size(), core ? 1 : 3);
        if (!core) {
            QCOMPARE(s(obj(obj(items.at(1)).value(QStringLiteral("metadata")))
                           .value(QStringLiteral("name"))),
                     QStringLiteral("discovery.k8s.io"));
        }
        const QJsonObject group = obj(items.first());
        QCOMPARE(s(obj(group.value(QStringLiteral("metadata"))).value(QStringLiteral("name"))),
                 core ? QString() : QStringLiteral("apps"));
        const QJsonObject v1 = obj(arr(group.value(QStringLiteral("versions"))).first());
        QCOMPARE(s(v1.value(QStringLiteral("version"))), QStringLiteral("v1"));
        QCOMPARE(s(v1.value(QStringLiteral("freshness"))), QStringLiteral("Current"));
        const QJsonArray resources = arr(v1.value(QStringLiteral("resources")));
        const QString name = core ? QStringLiteral("pods") : QStringLiteral("statefulsets");
        const QJsonObject r = findByName(resources, QStringLiteral("resource"), name);
        QVERIFY(!r.isEmpty());
        QCOMPARE(s(r.value(QStringLiteral("scope"))), QStringLiteral("Namespaced"));
        QCOMPARE(s(obj(r.value(QStringLiteral("responseKind"))).value(QStringLiteral("kind"))),
                 core ? QStringLiteral("Pod") : QStringLiteral("StatefulSet"));
        QCOMPARE(toStrings(r.value(QStringLiteral("categories"))),
                 QStringList { QStringLiteral("all") });
        const QJsonArray subs = arr(r.value(QStringLiteral("subresources")));
        const QJsonObject sub = findByName(subs, QStringLiteral("subresource"),
                                           core ? QStringLiteral("exec") : QStringLiteral("scale"));
        QCOMPARE(s(obj(sub.value(QStringLiteral("responseKind"))).value(QStringLiteral("kind"))),
                 core ? QStringLiteral("PodExecOptions") : QStringLiteral("Scale"));
        if (core) {
            const QJsonObject nodes
                = findByName(resources, QStringLiteral("resource"), QStringLiteral("nodes"));
            QCOMPARE(s(nodes.value(QStringLiteral("scope"))), QStringLiteral("Cluster"));
        }
    }
}

void TestApiDiscovery::pathMatching()
{
    QByteArray type;
    QVERIFY(discoveryDocument(QStringLiteral("/version"), {}, &type));
    QCOMPARE(type, QByteArray("application/json"));
    QVERIFY(discoveryDocument(QStringLiteral("/api/"), {}, &type));
    QVERIFY(discoveryDocument(QStringLiteral("/api/v1"), {}, &type));
    QVERIFY(discoveryDocument(QStringLiteral("/apis/apps/v1/"), {}, &type));
    QVERIFY(discoveryDocument(QStringLiteral("/apis/apps"), {}, &type));
    QCOMPARE(s(parse(*discoveryDocument(QStringLiteral("/apis/apps"), {}, &type))
                   .value(QStringLiteral("kind"))),
             QStringLiteral("APIGroup"));
    QVERIFY(discoveryDocument(QStringLiteral("/openapi/v2"), {}, &type));
    QVERIFY(discoveryDocument(QStringLiteral("/openapi/v3"), {}, &type));
    QVERIFY(discoveryDocument(QStringLiteral("/openapi/v3/api/v1?hash=ABC"), {}, &type));
    QVERIFY(discoveryDocument(QStringLiteral("/openapi/v3/apis/apps/v1"), {}, &type));

    const auto aggregated = discoveryDocument(
        QStringLiteral("/apis"),
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList", &type);
    QVERIFY(aggregated);
    QCOMPARE(type,
             QByteArray("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"));

    for (const char *other :
         { "/", "/healthz", "/api/v1/pods", "/api/v2", "/apis/apps/v1/statefulsets",
           "/apis/batch/v1", "/apis/batch", "/openapi/v3/apis/batch/v1", "/openapi/v3/api/apps/v1",
           "/openapi/v3/apis/v1", "/api/v1/namespaces/default/pods/web-0" })
        QVERIFY2(!discoveryDocument(QString::fromLatin1(other), {}, &type), other);
}

void TestApiDiscovery::openApiV3Index()
{
    const QJsonObject index = parse(::ordinal::net::openApiV3Index());
    const QJsonObject paths = obj(index.value(QStringLiteral("paths")));
    QCOMPARE(paths.keys(),
             (QStringList { QStringLiteral("api/v1"), QStringLiteral("apis/apps/v1"),
                            QStringLiteral("apis/discovery.k8s.io/v1"),
                            QStringLiteral("apis/events.k8s.io/v1") }));
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QString url = s(obj(it.value()).value(QStringLiteral("serverRelativeURL")));
        QVERIFY(
            url.startsWith(QStringLiteral("/openapi/v3/") + it.key() + QStringLiteral("?hash=")));
        QByteArray type;
        const auto doc = discoveryDocument(url, {}, &type);
        QVERIFY(doc);
        QCOMPARE(s(parse(*doc).value(QStringLiteral("openapi"))), QStringLiteral("3.0.0"));
    }
}

void TestApiDiscovery::openApiV3Schemas_data()
{
    QTest::addColumn<QString>("groupVersion");
    QTest::addColumn<QString>("definition");
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("kind");
    const QString core = QStringLiteral("io.k8s.api.core.v1.");
    for (const ApiResource &r : apiResources()) {
        const QString prefix = r.group.isEmpty()
            ? core
            : QStringLiteral("io.k8s.api.") + r.group.section(u'.', 0, 0)
                + QStringLiteral(".v1.");
        QTest::newRow(qPrintable(r.kind))
            << r.groupVersion() << prefix + r.kind << r.group << r.kind;
        QTest::newRow(qPrintable(r.kind + QStringLiteral("List")))
            << r.groupVersion() << prefix + r.kind + QStringLiteral("List") << r.group
            << r.kind + QStringLiteral("List");
    }
    QTest::newRow("Scale") << QStringLiteral("apps/v1")
                           << QStringLiteral("io.k8s.api.autoscaling.v1.Scale")
                           << QStringLiteral("autoscaling") << QStringLiteral("Scale");
    QTest::newRow("Eviction") << QStringLiteral("v1")
                              << QStringLiteral("io.k8s.api.policy.v1.Eviction")
                              << QStringLiteral("policy") << QStringLiteral("Eviction");
}

void TestApiDiscovery::openApiV3Schemas()
{
    QFETCH(QString, groupVersion);
    QFETCH(QString, definition);
    QFETCH(QString, group);
    QFETCH(QString, kind);

    const auto bytes = openApiV3Document(groupVersion);
    QVERIFY(bytes);
    const QJsonObject doc = parse(*bytes);
    const QJsonObject schemas
        = obj(obj(doc.value(QStringLiteral("components"))).value(QStringLiteral("schemas")));
    const QJsonObject schema = obj(schemas.value(definition));
    QVERIFY2(!schema.isEmpty(), qPrintable(definition));
    QCOMPARE(s(schema.value(QStringLiteral("type"))), QStringLiteral("object"));
    bool found = false;
    for (const QJsonValue &g :
         arr(schema.value(QStringLiteral("x-kubernetes-group-version-kind")))) {
        if (s(obj(g).value(QStringLiteral("group"))) == group
            && s(obj(g).value(QStringLiteral("kind"))) == kind
            && s(obj(g).value(QStringLiteral("version"))) == u"v1")
            found = true;
    }
    QVERIFY2(found, "x-kubernetes-group-version-kind");

    // Every $ref in the document resolves within it.
    QStringList unresolved;
    std::function<void(const QJsonValue &)> walk = [&](const QJsonValue &v) {
        if (v.isArray()) {
            for (const QJsonValue &x : v.toArray())
                walk(x);
        } else if (v.isObject()) {
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (it.key() == u"$ref") {
                    const QString ref = it.value().toString();
                    const QString prefix = QStringLiteral("#/components/schemas/");
                    if (!ref.startsWith(prefix) || !schemas.contains(ref.mid(prefix.size())))
                        unresolved.append(ref);
                } else {
                    walk(it.value());
                }
            }
        }
    };
    walk(doc);
    QVERIFY2(unresolved.isEmpty(), qPrintable(unresolved.join(u' ')));
}

void TestApiDiscovery::fieldValidationAdvertised_data()
{
    QTest::addColumn<QString>("groupVersion");
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("kind");
    for (const ApiResource &r : apiResources()) {
        if (r.verbs.contains(QStringLiteral("create"))) // read-only kinds take no bodies
            QTest::newRow(qPrintable(r.kind)) << r.groupVersion() << r.group << r.kind;
    }
    QTest::newRow("Scale") << QStringLiteral("apps/v1") << QStringLiteral("autoscaling")
                           << QStringLiteral("Scale");
}

void TestApiDiscovery::fieldValidationAdvertised()
{
    QFETCH(QString, groupVersion);
    QFETCH(QString, group);
    QFETCH(QString, kind);
    const QJsonObject doc = parse(*openApiV3Document(groupVersion));
    QCOMPARE(fieldValidationSupport(doc, group, QStringLiteral("v1"), kind),
             QStringLiteral("supported"));

    // Also in the v2 document, kubectl's fallback when v3 fails.
    const QJsonObject v2 = parse(openApiV2Document());
    QCOMPARE(fieldValidationSupport(v2, group, QStringLiteral("v1"), kind),
             QStringLiteral("supported"));
}

void TestApiDiscovery::openApiV2()
{
    const QJsonObject doc = parse(openApiV2Document());
    QCOMPARE(s(doc.value(QStringLiteral("swagger"))), QStringLiteral("2.0"));
    const QJsonObject defs = obj(doc.value(QStringLiteral("definitions")));
    const QJsonObject spec = obj(defs.value(QStringLiteral("io.k8s.api.apps.v1.StatefulSetSpec")));
    const QJsonObject props = obj(spec.value(QStringLiteral("properties")));
    QCOMPARE(s(obj(props.value(QStringLiteral("replicas"))).value(QStringLiteral("type"))),
             QStringLiteral("integer"));
    QCOMPARE(s(obj(props.value(QStringLiteral("template"))).value(QStringLiteral("$ref"))),
             QStringLiteral("#/definitions/io.k8s.api.core.v1.PodTemplateSpec"));
    const QJsonObject podSpec = obj(obj(defs.value(QStringLiteral("io.k8s.api.core.v1.PodSpec")))
                                        .value(QStringLiteral("properties")));
    const QJsonObject containers = obj(podSpec.value(QStringLiteral("containers")));
    QCOMPARE(s(containers.value(QStringLiteral("x-kubernetes-patch-merge-key"))),
             QStringLiteral("name"));
    QCOMPARE(s(containers.value(QStringLiteral("x-kubernetes-patch-strategy"))),
             QStringLiteral("merge"));
    QCOMPARE(s(obj(containers.value(QStringLiteral("items"))).value(QStringLiteral("$ref"))),
             QStringLiteral("#/definitions/io.k8s.api.core.v1.Container"));
    const QJsonObject paths = obj(doc.value(QStringLiteral("paths")));
    QVERIFY(paths.contains(
        QStringLiteral("/apis/apps/v1/namespaces/{namespace}/statefulsets/{name}/scale")));
    QVERIFY(paths.contains(QStringLiteral("/api/v1/nodes/{name}")));
    QVERIFY(paths.contains(QStringLiteral("/api/v1/pods")));
}

void TestApiDiscovery::openApiV2Protobuf()
{
    // client-go asks for protobuf only (and the JSON form stays available).
    QByteArray type;
    const auto pb
        = discoveryDocument(QStringLiteral("/openapi/v2"),
                            "application/com.github.proto-openapi.spec.v2@v1.0+protobuf", &type);
    QVERIFY(pb);
    QCOMPARE(type, QByteArray("application/com.github.proto-openapi.spec.v2.v1.0+protobuf"));
    QCOMPARE(*pb, ::ordinal::net::openApiV2Protobuf());
    // Document.swagger (field 1, length-delimited) comes first.
    QVERIFY(pb->startsWith(QByteArray("\x0a\x03"
                                      "2.0",
                                      5)));
    // Definitions and vendor extensions are in it, as text.
    QVERIFY(pb->contains("io.k8s.api.apps.v1.StatefulSetSpec"));
    QVERIFY(pb->contains("x-kubernetes-group-version-kind"));
    QVERIFY(pb->contains(R"({"group":"apps","kind":"StatefulSet","version":"v1"})"));
    QVERIFY(pb->contains("fieldValidation"));

    const auto json
        = discoveryDocument(QStringLiteral("/openapi/v2"), "application/json, */*", &type);
    QVERIFY(json);
    QCOMPARE(type, QByteArray("application/json"));
    QCOMPARE(*json, openApiV2Document());
}

void TestApiDiscovery::deterministic()
{
    QCOMPARE(openApiV2Document(), openApiV2Document());
    QCOMPARE(*openApiV3Document(QStringLiteral("apps/v1")),
             *openApiV3Document(QStringLiteral("apps/v1")));
    QCOMPARE(aggregatedDiscoveryDocument(false), aggregatedDiscoveryDocument(false));
}

TestApiDiscovery::Run TestApiDiscovery::runKubectl(const QStringList &args, bool failureExpected)
{
    QProcess p;
    QStringList all { QStringLiteral("--kubeconfig"), m_kubeconfig, QStringLiteral("--cache-dir"),
                      m_cacheDir };
    all += args;
    const QByteArray verbosity = qgetenv("ORDINAL_KUBECTL_V");
    if (!verbosity.isEmpty())
        all << QStringLiteral("-v=") + QString::fromLatin1(verbosity);
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(m_kubectl, all);
    // The server answers on this thread: wait by spinning the event loop.
    if (!finished.wait(60000)) {
        p.kill();
        p.waitForFinished();
    }
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    if ((r.exitCode != 0 && !failureExpected) || !verbosity.isEmpty())
        qInfo().noquote() << "kubectl" << args.join(u' ') << "exit" << r.exitCode << "\n"
                          << r.out << "\n"
                          << r.err;
    return r;
}

void TestApiDiscovery::initTestCase()
{
    // ORDINAL_KUBECTL picks another kubectl binary (e.g. Debian's 1.20 client). The kubectl
    // of the Google Cloud SDK is a dispatcher that runs the kubectl.1.<minor> next to it that
    // matches the server's version; the one meant here is 1.32, so that one is run directly.
    m_kubectl = qEnvironmentVariable("ORDINAL_KUBECTL");
    if (m_kubectl.isEmpty()) {
        m_kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
        const QFileInfo pinned(QFileInfo(QFileInfo(m_kubectl).canonicalFilePath()).dir(),
                               QStringLiteral("kubectl.1.32"));
        if (!m_kubectl.isEmpty() && pinned.isExecutable())
            m_kubectl = pinned.filePath();
    }
    if (m_kubectl.isEmpty())
        return;

    m_server = std::make_unique<DiscoveryServer>();
    const quint16 port = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    QVERIFY(m_dir.isValid());
    m_cacheDir = m_dir.filePath(QStringLiteral("cache"));
    m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
    QFile config(m_kubeconfig);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral("apiVersion: v1\n"
                                "kind: Config\n"
                                "clusters:\n"
                                "- name: ordinal\n"
                                "  cluster:\n"
                                "    server: http://127.0.0.1:%1\n"
                                "users:\n"
                                "- name: learner\n"
                                "  user:\n"
                                "    token: ordinal-test-token\n"
                                "contexts:\n"
                                "- name: ordinal\n"
                                "  context:\n"
                                "    cluster: ordinal\n"
                                "    user: learner\n"
                                "    namespace: default\n"
                                "current-context: ordinal\n")
                     .arg(port)
                     .toUtf8());
    config.close();

    // The client's minor version: output and behaviour differ between 1.20 and 1.32.
    QProcess p;
    p.start(m_kubectl,
            { QStringLiteral("version"), QStringLiteral("--client"), QStringLiteral("-o"),
              QStringLiteral("json") });
    QVERIFY(p.waitForFinished(30000));
    const QJsonObject v = parse(p.readAllStandardOutput());
    m_minor = s(obj(v.value(QStringLiteral("clientVersion"))).value(QStringLiteral("minor")))
                  .remove(u'+')
                  .toInt();
    qInfo("kubectl %s, client minor version %d", qPrintable(m_kubectl), m_minor);
    QVERIFY(m_minor >= 20);
}

#define REQUIRE_KUBECTL()                                                                          \
    if (m_kubectl.isEmpty())                                                                       \
    QSKIP("kubectl is not installed: the documents were not tried against the real client")

void TestApiDiscovery::kubectlApiVersions()
{
    REQUIRE_KUBECTL();
    QDir(m_cacheDir).removeRecursively();
    m_server->requests.clear();
    const Run r = runKubectl({ QStringLiteral("api-versions") });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("apps/v1\ndiscovery.k8s.io/v1\nevents.k8s.io/v1\nv1\n"));
    QVERIFY(m_server->requests.contains(QStringLiteral("GET /api")));
    QVERIFY(m_server->requests.contains(QStringLiteral("GET /apis")));
}

void TestApiDiscovery::kubectlApiResources()
{
    REQUIRE_KUBECTL();
    QDir(m_cacheDir).removeRecursively();
    m_server->requests.clear();
    Run r = runKubectl({ QStringLiteral("api-resources") });
    QCOMPARE(r.exitCode, 0);
    if (m_minor >= 27) {
        // kubectl asked for aggregated discovery and got it: no per-group-version requests.
        // (1.27 to 1.32 were tried; 1.20 asks for the classic documents only.)
        QVERIFY2(!m_server->requests.contains(QStringLiteral("GET /apis/apps/v1")),
                 qPrintable(m_server->requests.join(u' ')));
    } else {
        QVERIFY(m_server->requests.contains(QStringLiteral("GET /apis/apps/v1")));
        QVERIFY(m_server->requests.contains(QStringLiteral("GET /api/v1")));
    }
    auto hasRow = [&](const QString &pattern) {
        return QRegularExpression(QStringLiteral("(?m)^") + pattern + QStringLiteral("\\s*$"))
            .match(r.out)
            .hasMatch();
    };
    QVERIFY2(r.out.startsWith(QStringLiteral("NAME")), qPrintable(r.out));
    QVERIFY2(hasRow(QStringLiteral("statefulsets\\s+sts\\s+apps/v1\\s+true\\s+StatefulSet")),
             qPrintable(r.out));
    QVERIFY(hasRow(QStringLiteral("controllerrevisions\\s+apps/v1\\s+true\\s+ControllerRevision")));
    QVERIFY(hasRow(QStringLiteral("pods\\s+po\\s+v1\\s+true\\s+Pod")));
    QVERIFY(hasRow(QStringLiteral("services\\s+svc\\s+v1\\s+true\\s+Service")));
    QVERIFY(hasRow(QStringLiteral("endpoints\\s+ep\\s+v1\\s+true\\s+Endpoints")));
    QVERIFY(hasRow(QStringLiteral("events\\s+ev\\s+v1\\s+true\\s+Event")));
    QVERIFY(hasRow(QStringLiteral("nodes\\s+no\\s+v1\\s+false\\s+Node")));
    QVERIFY(hasRow(QStringLiteral("namespaces\\s+ns\\s+v1\\s+false\\s+Namespace")));
    QVERIFY(hasRow(
        QStringLiteral("persistentvolumeclaims\\s+pvc\\s+v1\\s+true\\s+PersistentVolumeClaim")));
    QCOMPARE(r.out.count(u'\n'), 1 + int(apiResources().size()));

    // The "all" category, as kubectl resolves it from discovery (the flag came in 1.21).
    if (m_minor >= 21) {
        r = runKubectl({ QStringLiteral("api-resources"), QStringLiteral("--categories=all"),
                         QStringLiteral("-o"), QStringLiteral("name") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("pods\nservices\nstatefulsets.apps\n"));
    }
}

void TestApiDiscovery::kubectlExplain()
{
    REQUIRE_KUBECTL();
    // kubectl 1.27+ explains from OpenAPI v3; older clients from v2.
    const bool v3 = m_minor >= 27;
    Run r = runKubectl({ QStringLiteral("explain"), QStringLiteral("statefulset.spec.replicas") });
    QCOMPARE(r.exitCode, 0);
    if (v3) {
        QVERIFY2(r.out.startsWith(QStringLiteral("GROUP:      apps\nKIND:       StatefulSet\n"
                                                 "VERSION:    v1\n")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("FIELD: replicas <integer>")), qPrintable(r.out));
    } else {
        QVERIFY2(r.out.startsWith(QStringLiteral("KIND:     StatefulSet\nVERSION:  apps/v1\n")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("FIELD:    replicas <integer>")), qPrintable(r.out));
    }
    QVERIFY2(r.out.contains(QStringLiteral("The desired number of pods.")), qPrintable(r.out));

    r = runKubectl({ QStringLiteral("explain"), QStringLiteral("sts.spec") });
    QCOMPARE(r.exitCode, 0);
    const QRegularExpression serviceName(QStringLiteral("\\n   ?serviceName\\s+<string>\\n"));
    const QRegularExpression templ(
        QStringLiteral("\\n   ?template\\s+<(PodTemplateSpec|Object)> -required-\\n"));
    QVERIFY2(serviceName.match(r.out).hasMatch(), qPrintable(r.out));
    QVERIFY2(templ.match(r.out).hasMatch(), qPrintable(r.out));

    r = runKubectl({ QStringLiteral("explain"), QStringLiteral("pods.spec.containers.ports") });
    QCOMPARE(r.exitCode, 0);
    const QRegularExpression containerPort(
        QStringLiteral("\\n   ?containerPort\\s+<integer> -required-\\n"));
    QVERIFY2(containerPort.match(r.out).hasMatch(), qPrintable(r.out));
}

void TestApiDiscovery::kubectlApplyDryRun_data()
{
    QTest::addColumn<QString>("manifest");
    QTest::addColumn<QStringList>("created");
    QTest::newRow("lesson") << QStringLiteral("tests/scenarios/lesson/seed-statefulset.yaml")
                            << QStringList { QStringLiteral("statefulset.apps/web") };
    QTest::newRow("tutorial web.yaml")
        << QStringLiteral("tests/io/data/web.yaml")
        << QStringList { QStringLiteral("service/nginx"), QStringLiteral("statefulset.apps/web") };
    QTest::newRow("pod-full") << QStringLiteral("tests/io/data/pod-full.yaml")
                              << QStringList { QStringLiteral("pod/db-0") };
    QTest::newRow("sts-full") << QStringLiteral("tests/io/data/sts-full.yaml")
                              << QStringList { QStringLiteral("statefulset.apps/web"),
                                               QStringLiteral("service/web-ext"),
                                               QStringLiteral("service/ext") };
    QTest::newRow("tutorial-shaped fields")
        << QStringLiteral("tests/net/data/rich-statefulset.yaml")
        << QStringList { QStringLiteral("service/store-hs"), QStringLiteral("service/store-cs"),
                         QStringLiteral("statefulset.apps/store"),
                         QStringLiteral("persistentvolumeclaim/scratch"),
                         QStringLiteral("namespace/classroom") };
}

void TestApiDiscovery::kubectlApplyDryRun()
{
    REQUIRE_KUBECTL();
    QFETCH(QString, manifest);
    QFETCH(QStringList, created);

    // apply validates the manifest first (kubectl's default --validate is strict): kubectl
    // 1.29+ finds fieldValidation on the kind's PATCH operation in the OpenAPI v3 document and
    // leaves validation to the server, so it never needs OpenAPI v2; 1.27 and 1.28 find it in
    // OpenAPI v2; older clients validate against OpenAPI v2 themselves. Then each object is
    // looked up (404 here) and reported.
    m_server->requests.clear();
    const QString file = QStringLiteral(ORDINAL_SOURCE_DIR "/") + manifest;
    const Run r = runKubectl({ QStringLiteral("apply"), QStringLiteral("--dry-run=client"),
                               QStringLiteral("-f"), file });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QStringList expected;
    for (const QString &name : created)
        expected.append(name + QStringLiteral(" created (dry run)"));
    QCOMPARE(r.out.trimmed().split(u'\n'), expected);
    if (m_minor >= 29) {
        QVERIFY2(!m_server->requests.contains(QStringLiteral("GET /openapi/v2")),
                 qPrintable(m_server->requests.join(u'\n')));
    } else {
        QVERIFY2(m_server->requests.contains(QStringLiteral("GET /openapi/v2")),
                 qPrintable(m_server->requests.join(u'\n')));
    }
}

void TestApiDiscovery::kubectlValidation()
{
    REQUIRE_KUBECTL();
    // A misspelt field: spec.replica.
    const QString file = m_dir.filePath(QStringLiteral("typo.yaml"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("apiVersion: apps/v1\n"
            "kind: StatefulSet\n"
            "metadata:\n"
            "  name: web\n"
            "spec:\n"
            "  serviceName: nginx\n"
            "  replica: 2\n"
            "  selector:\n"
            "    matchLabels:\n"
            "      app: nginx\n"
            "  template:\n"
            "    metadata:\n"
            "      labels:\n"
            "        app: nginx\n"
            "    spec:\n"
            "      containers:\n"
            "      - name: nginx\n"
            "        image: nginx:1.9.1\n");
    f.close();

    m_server->writes.clear();
    if (m_minor >= 27) {
        // Validation is the server's: a server-side dry run sends the object with
        // fieldValidation=Strict (this test server then answers 404).
        const Run r = runKubectl({ QStringLiteral("create"), QStringLiteral("--dry-run=server"),
                                   QStringLiteral("-f"), file },
                                 true);
        QVERIFY(r.exitCode != 0);
        QCOMPARE(m_server->writes.size(), 1);
        const QString write = m_server->writes.first();
        QVERIFY2(
            write.startsWith(QStringLiteral("POST /apis/apps/v1/namespaces/default/statefulsets?")),
            qPrintable(write));
        QVERIFY2(write.contains(QStringLiteral("fieldValidation=Strict")), qPrintable(write));
        QVERIFY2(write.contains(QStringLiteral("dryRun=All")), qPrintable(write));
    } else {
        // kubectl validates against OpenAPI v2 itself and refuses the manifest.
        const Run r = runKubectl({ QStringLiteral("apply"), QStringLiteral("--dry-run=client"),
                                   QStringLiteral("-f"), file },
                                 true);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("unknown field \"replica\"")), qPrintable(r.err));
        QVERIFY(m_server->writes.isEmpty());
    }
}

void TestApiDiscovery::kubectlApplyPatch()
{
    REQUIRE_KUBECTL();
    // The StatefulSet exists, applied before with another image: kubectl computes a strategic
    // merge patch from the patch metadata in the OpenAPI documents (containers merge on name)
    // and sends it (this test server then answers 404).
    const QByteArray lastApplied
        = R"({"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"annotations":{},"name":"web","namespace":"default"},)"
          R"("spec":{"replicas":2,"selector":{"matchLabels":{"app":"nginx"}},"serviceName":"nginx",)"
          R"("template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"nginx:1.9.0","name":"nginx",)"
          R"("ports":[{"containerPort":80,"name":"web"}]}]}}}})";
    QJsonObject live = parse(lastApplied);
    QJsonObject metadata = obj(live.value(QStringLiteral("metadata")));
    metadata.insert(
        QStringLiteral("annotations"),
        QJsonObject { { QStringLiteral("kubectl.kubernetes.io/last-applied-configuration"),
                        QString::fromUtf8(lastApplied) } });
    metadata.insert(QStringLiteral("uid"), QStringLiteral("3f0c2b1e-0000-4000-8000-000000000001"));
    metadata.insert(QStringLiteral("resourceVersion"), QStringLiteral("7"));
    live.insert(QStringLiteral("metadata"), metadata);
    const QString path = QStringLiteral("/apis/apps/v1/namespaces/default/statefulsets/web");
    m_server->objects.insert(path, QJsonDocument(live).toJson(QJsonDocument::Compact));
    m_server->writes.clear();
    m_server->writeBodies.clear();
    m_server->writeTypes.clear();

    const QString file
        = QStringLiteral(ORDINAL_SOURCE_DIR "/tests/scenarios/lesson/seed-statefulset.yaml");
    const Run r = runKubectl({ QStringLiteral("apply"), QStringLiteral("-f"), file }, true);
    m_server->objects.clear();
    QVERIFY(r.exitCode != 0); // the PATCH got a 404
    QCOMPARE(m_server->writes.size(), 1);
    QVERIFY2(m_server->writes.first().startsWith(QStringLiteral("PATCH ") + path + u'?'),
             qPrintable(m_server->writes.first()));
    if (m_minor >= 27)
        QVERIFY2(m_server->writes.first().contains(QStringLiteral("fieldValidation=Strict")),
                 qPrintable(m_server->writes.first()));
    QCOMPARE(m_server->writeTypes.first(), QByteArray("application/strategic-merge-patch+json"));
    const QJsonObject patch = parse(m_server->writeBodies.first());
    const QJsonObject podSpec
        = obj(obj(obj(patch.value(QStringLiteral("spec"))).value(QStringLiteral("template")))
                  .value(QStringLiteral("spec")));
    QCOMPARE(podSpec.value(QStringLiteral("$setElementOrder/containers")),
             QJsonValue(QJsonArray {
                 QJsonObject { { QStringLiteral("name"), QStringLiteral("nginx") } } }));
    QCOMPARE(podSpec.value(QStringLiteral("containers")),
             QJsonValue(QJsonArray {
                 QJsonObject { { QStringLiteral("image"), QStringLiteral("nginx:1.9.1") },
                               { QStringLiteral("name"), QStringLiteral("nginx") } } }));
}

QTEST_GUILESS_MAIN(TestApiDiscovery)
#include "tst_apidiscovery.moc"
