// apijson::applyPatch: the three patch types of the API server on realistic objects — kubectl's
// tutorial patches, kubectl apply's strategic merge patches with $setElementOrder, the
// directives, and the error texts of kube-apiserver.

#include "api/patch.h"

#include "api/admission.h"
#include "api/json.h"
#include "io/manifestloader.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace ordinal;
using core::apijson::PatchType;
using nlohmann::json;

Q_DECLARE_METATYPE(core::apijson::PatchType)
Q_DECLARE_METATYPE(core::ObjectKind)

namespace {

// The StatefulSet of the kubectl tutorial, as the API server sends it (trimmed).
const char *const kStatefulSet = R"({
  "apiVersion": "apps/v1", "kind": "StatefulSet",
  "metadata": {"name": "web", "namespace": "default", "finalizers": ["a"],
               "labels": {"app": "nginx"},
               "ownerReferences": [{"apiVersion": "v1", "kind": "X", "name": "o", "uid": "u1"}]},
  "spec": {
    "replicas": 2,
    "serviceName": "nginx",
    "updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"partition": 0}},
    "template": {
      "metadata": {"labels": {"app": "nginx"}},
      "spec": {
        "containers": [
          {"name": "nginx", "image": "registry.k8s.io/nginx-slim:0.8",
           "ports": [{"containerPort": 80, "name": "web", "protocol": "TCP"}],
           "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}],
           "resources": {"requests": {"cpu": "100m", "memory": "64Mi"}},
           "volumeMounts": [{"name": "www", "mountPath": "/usr/share/nginx/html"}]},
          {"name": "sidecar", "image": "busybox"}
        ],
        "tolerations": [{"key": "a", "operator": "Exists"}]
      }
    }
  },
  "status": {"replicas": 2, "conditions": [{"type": "X", "status": "True"}]}
})";

const char *const kPod = R"({
  "apiVersion": "v1", "kind": "Pod",
  "metadata": {"name": "web-0", "namespace": "default"},
  "spec": {"containers": [{"name": "nginx", "image": "nginx:1.25"},
                          {"name": "log", "image": "busybox"}]},
  "status": {"phase": "Running",
             "conditions": [{"type": "Ready", "status": "False"},
                            {"type": "PodScheduled", "status": "True"}]}
})";

const char *const kService = R"({
  "apiVersion": "v1", "kind": "Service",
  "metadata": {"name": "nginx", "namespace": "default"},
  "spec": {"clusterIP": "None",
           "ports": [{"name": "web", "port": 80, "protocol": "TCP", "targetPort": 80}],
           "selector": {"app": "nginx"}}
})";

const QString kRejected =
    QStringLiteral("the server rejected our request due to an error in our request");

} // namespace

class tst_Patch : public QObject
{
    Q_OBJECT

private:
    // One row: a patch, where to look in the result and what must be there; or the error.
    static void row(const char *name, core::ObjectKind kind, PatchType type, const char *patch,
                    const char *pointer, const char *expected)
    {
        const char *original = kind == core::ObjectKind::Pod ? kPod
            : kind == core::ObjectKind::Service              ? kService
                                                             : kStatefulSet;
        QTest::newRow(name) << kind << type << QByteArray(original) << QByteArray(patch)
                            << QString::fromUtf8(pointer) << QByteArray(expected) << 200
                            << QString() << QString();
    }
    static void fails(const char *name, PatchType type, const char *patch, int code,
                      const QString &error, const QString &cause = {})
    {
        QTest::newRow(name) << core::ObjectKind::StatefulSet << type << QByteArray(kStatefulSet)
                            << QByteArray(patch) << QString() << QByteArray() << code << error
                            << cause;
    }

private Q_SLOTS:
    void applyPatch_data()
    {
        QTest::addColumn<core::ObjectKind>("kind");
        QTest::addColumn<PatchType>("type");
        QTest::addColumn<QByteArray>("original");
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("cause");
        const auto sts = core::ObjectKind::StatefulSet;
        const auto J = PatchType::Json;
        const auto M = PatchType::Merge;
        const auto S = PatchType::StrategicMerge;

        // --- JSON patch ---------------------------------------------------------------------
        row("json-tutorial-image", sts, J,
            R"([{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"gcr.io/google_containers/nginx-slim:0.7"}])",
            "/spec/template/spec/containers/0/image", R"("gcr.io/google_containers/nginx-slim:0.7")");
        row("json-add-env-at-end", sts, J,
            R"([{"op":"add","path":"/spec/template/spec/containers/0/env/-","value":{"name":"C","value":"3"}}])",
            "/spec/template/spec/containers/0/env",
            R"([{"name":"A","value":"1"},{"name":"B","value":"2"},{"name":"C","value":"3"}])");
        row("json-remove-env", sts, J,
            R"([{"op":"remove","path":"/spec/template/spec/containers/0/env/0"}])",
            "/spec/template/spec/containers/0/env", R"([{"name":"B","value":"2"}])");
        row("json-test-then-scale", sts, J,
            R"([{"op":"test","path":"/spec/replicas","value":2},{"op":"replace","path":"/spec/replicas","value":5}])",
            "/spec/replicas", "5");
        row("json-replace-missing-map-key-sets-it", sts, J,
            R"([{"op":"replace","path":"/metadata/labels/tier","value":"web"}])",
            "/metadata/labels", R"({"app":"nginx","tier":"web"})");
        row("json-remove-negative-index", sts, J,
            R"([{"op":"remove","path":"/spec/template/spec/containers/-1"}])",
            "/spec/template/spec/containers/1", "null");
        row("json-move-and-copy", sts, J,
            R"([{"op":"copy","from":"/metadata/labels","path":"/metadata/annotations"},{"op":"move","from":"/spec/serviceName","path":"/metadata/annotations/svc"}])",
            "/metadata/annotations", R"({"app":"nginx","svc":"nginx"})");
        row("json-escaped-pointer", sts, J,
            R"([{"op":"add","path":"/metadata/labels/app.kubernetes.io~1name","value":"web"}])",
            "/metadata/labels/app.kubernetes.io~1name", R"("web")");
        row("json-null-patch-changes-nothing", sts, J, "null", "/spec/replicas", "2");
        fails("json-test-fails", J, R"([{"op":"test","path":"/spec/replicas","value":5}])", 422,
              kRejected, QStringLiteral("testing value /spec/replicas failed: test failed"));
        fails("json-replace-missing-path", J,
              R"([{"op":"replace","path":"/spec/selector/matchLabels/app","value":"x"}])", 422,
              kRejected,
              QStringLiteral("replace operation does not apply: doc is missing path: "
                             "/spec/selector/matchLabels/app: missing value"));
        fails("json-replace-index-out-of-range", J,
              R"([{"op":"replace","path":"/spec/template/spec/containers/7","value":{}}])", 422,
              kRejected,
              QStringLiteral("replace operation does not apply: doc is missing key: "
                             "/spec/template/spec/containers/7: missing value"));
        fails("json-remove-missing-key", J, R"([{"op":"remove","path":"/metadata/labels/nope"}])",
              422, kRejected,
              QStringLiteral("error in remove for path: '/metadata/labels/nope': Unable to remove "
                             "nonexistent key: nope: missing value"));
        fails("json-add-missing-parent", J,
              R"([{"op":"add","path":"/metadata/annotations/note","value":"x"}])", 422, kRejected,
              QStringLiteral("add operation does not apply: doc is missing path: "
                             "\"/metadata/annotations/note\": missing value"));
        fails("json-add-index-out-of-range", J,
              R"([{"op":"add","path":"/spec/template/spec/containers/5","value":{}}])", 422,
              kRejected,
              QStringLiteral("error in add for path: '/spec/template/spec/containers/5': Unable "
                             "to access invalid index: 5: invalid index referenced"));
        fails("json-unknown-op", J, R"([{"op":"frobnicate","path":"/spec"}])", 422, kRejected,
              QStringLiteral("Unexpected kind: frobnicate"));
        fails("json-malformed", J, R"([{"op":"replace","path":/spec/replicas}])", 400,
              QStringLiteral("error decoding patch: invalid character '/' looking for beginning "
                             "of value"));
        fails("json-not-a-list", J, R"({"op":"replace","path":"/spec/replicas","value":1})", 400,
              QStringLiteral("error decoding patch: json: cannot unmarshal object into Go value "
                             "of type []handlers.jsonPatchOp"));
        fails("json-op-not-a-string", J, R"([{"op":1,"path":"/spec"}])", 400,
              QStringLiteral("error decoding patch: json: cannot unmarshal number into Go struct "
                             "field jsonPatchOp.op of type string"));
        fails("json-empty-body", J, "", 400,
              QStringLiteral("error decoding patch: unexpected end of JSON input"));

        // --- merge patch --------------------------------------------------------------------
        row("merge-tutorial-partition", sts, M,
            R"({"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":3}}}})",
            "/spec/updateStrategy", R"({"type":"RollingUpdate","rollingUpdate":{"partition":3}})");
        row("merge-replaces-whole-lists", sts, M,
            R"({"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.26"}]}}}})",
            "/spec/template/spec/containers", R"([{"name":"nginx","image":"nginx:1.26"}])");
        row("merge-null-deletes", sts, M, R"({"metadata":{"labels":{"app":null,"tier":"web"}}})",
            "/metadata/labels", R"({"tier":"web"})");
        row("merge-null-inside-new-map-dropped", sts, M,
            R"({"metadata":{"annotations":{"a":"1","b":null}}})", "/metadata/annotations",
            R"({"a":"1"})");
        fails("merge-malformed", M, R"({"spec":)", 400,
              QStringLiteral("error decoding patch: unexpected end of JSON input"));
        fails("merge-bad-key", M, R"({spec: 1})", 400,
              QStringLiteral("error decoding patch: invalid character 's' looking for beginning "
                             "of object key string"));
        fails("merge-not-an-object", M, "[1]", 400,
              QStringLiteral("error decoding patch: json: cannot unmarshal array into Go value of "
                             "type map[string]interface {}"));

        // --- strategic merge patch ----------------------------------------------------------
        row("smp-tutorial-partition", sts, S,
            R"({"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":3}}}})",
            "/spec/updateStrategy/rollingUpdate/partition", "3");
        row("smp-image-by-name-keeps-the-rest", sts, S,
            R"({"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"registry.k8s.io/nginx-slim:0.9"}]}}}})",
            "/spec/template/spec/containers",
            R"([{"name":"nginx","image":"registry.k8s.io/nginx-slim:0.9",
                 "ports":[{"containerPort":80,"name":"web","protocol":"TCP"}],
                 "env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],
                 "resources":{"requests":{"cpu":"100m","memory":"64Mi"}},
                 "volumeMounts":[{"name":"www","mountPath":"/usr/share/nginx/html"}]},
                {"name":"sidecar","image":"busybox"}])");
        row("smp-cpu-request", sts, S,
            R"({"spec":{"template":{"spec":{"containers":[{"name":"nginx","resources":{"requests":{"cpu":"250m"}}}]}}}})",
            "/spec/template/spec/containers/0/resources", R"({"requests":{"cpu":"250m","memory":"64Mi"}})");
        row("smp-delete-env-entry", sts, S,
            R"({"spec":{"template":{"spec":{"containers":[{"name":"nginx","env":[{"name":"A","$patch":"delete"}]}]}}}})",
            "/spec/template/spec/containers/0/env", R"([{"name":"B","value":"2"}])");
        row("smp-env-merge-by-name", sts, S,
            R"({"spec":{"template":{"spec":{"containers":[{"name":"nginx","env":[{"name":"B","value":"20"},{"name":"C","value":"3"}]}]}}}})",
            "/spec/template/spec/containers/0/env",
            R"([{"name":"A","value":"1"},{"name":"B","value":"20"},{"name":"C","value":"3"}])");
        row("smp-port-by-containerPort", sts, S,
            R"({"spec":{"template":{"spec":{"containers":[{"name":"nginx","ports":[{"containerPort":443,"name":"https"}]}]}}}})",
            "/spec/template/spec/containers/0/ports",
            R"([{"containerPort":80,"name":"web","protocol":"TCP"},{"containerPort":443,"name":"https"}])");
        row("smp-volumeMount-by-mountPath", sts, S,
            R"({"spec":{"template":{"spec":{"containers":[{"name":"nginx","volumeMounts":[{"mountPath":"/usr/share/nginx/html","readOnly":true}]}]}}}})",
            "/spec/template/spec/containers/0/volumeMounts",
            R"([{"name":"www","mountPath":"/usr/share/nginx/html","readOnly":true}])");
        row("smp-new-container-appended", sts, S,
            R"({"spec":{"template":{"spec":{"containers":[{"name":"proxy","image":"envoy"}]}}}})",
            "/spec/template/spec/containers/2", R"({"name":"proxy","image":"envoy"})");
        row("smp-apply-setElementOrder-reorders", sts, S,
            R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"sidecar"},{"name":"nginx"}],"containers":[{"name":"nginx","image":"nginx:1.26"}]}}}})",
            "/spec/template/spec/containers/0/name", R"("sidecar")");
        row("smp-apply-setElementOrder-inserts-in-place", sts, S,
            R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"},{"name":"proxy"},{"name":"sidecar"}],"containers":[{"name":"proxy","image":"envoy"}]}}}})",
            "/spec/template/spec/containers/1", R"({"name":"proxy","image":"envoy"})");
        row("smp-apply-setElementOrder-without-list", sts, S,
            R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"sidecar"},{"name":"nginx"}]}}}})",
            "/spec/template/spec/containers/1/name", R"("nginx")");
        row("smp-apply-env-order", sts, S,
            R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"},{"name":"sidecar"}],"containers":[{"$setElementOrder/env":[{"name":"B"},{"name":"A"}],"name":"nginx"}]}}}})",
            "/spec/template/spec/containers/0/env",
            R"([{"name":"B","value":"2"},{"name":"A","value":"1"}])");
        row("smp-tolerations-replaced", sts, S,
            R"({"spec":{"template":{"spec":{"tolerations":[{"key":"b","operator":"Exists"}]}}}})",
            "/spec/template/spec/tolerations", R"([{"key":"b","operator":"Exists"}])");
        row("smp-list-replace-directive", sts, S,
            R"({"spec":{"template":{"spec":{"containers":[{"$patch":"replace"},{"name":"only","image":"x"}]}}}})",
            "/spec/template/spec/containers", R"([{"name":"only","image":"x"}])");
        row("smp-map-replace-directive", sts, S,
            R"({"spec":{"updateStrategy":{"$patch":"replace","type":"OnDelete"}}})",
            "/spec/updateStrategy", R"({"type":"OnDelete"})");
        row("smp-map-delete-directive", sts, S,
            R"({"spec":{"template":{"metadata":{"$patch":"delete"}}}})", "/spec/template/metadata",
            "{}");
        row("smp-revision-rollback-replaces-template", sts, S,
            R"({"spec":{"template":{"$patch":"replace","metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"name":"nginx","image":"old"}]}}}})",
            "/spec/template", R"({"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"name":"nginx","image":"old"}]}})");
        row("smp-retainKeys", sts, S,
            R"({"spec":{"updateStrategy":{"$retainKeys":["type"],"type":"OnDelete"}}})",
            "/spec/updateStrategy", R"({"type":"OnDelete"})");
        row("smp-finalizers-merged", sts, S, R"({"metadata":{"finalizers":["b"]}})",
            "/metadata/finalizers", R"(["a","b"])");
        // Items the patch names take the patch's order (normalizeElementOrder).
        row("smp-finalizers-patch-order", sts, S, R"({"metadata":{"finalizers":["b","a"]}})",
            "/metadata/finalizers", R"(["b","a"])");
        row("smp-deleteFromPrimitiveList", sts, S,
            R"({"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}})", "/metadata/finalizers",
            "[]");
        row("smp-ownerReferences-by-uid", sts, S,
            R"({"metadata":{"ownerReferences":[{"uid":"u2","apiVersion":"v1","kind":"Y","name":"p"}]}})",
            "/metadata/ownerReferences/1/uid", R"("u2")");
        row("smp-empty-key", sts, S, R"({"metadata":{"annotations":{"":"x"}},"":1})",
            "/metadata/annotations", R"({"":"x"})");
        row("smp-null-deletes", sts, S, R"({"metadata":{"labels":{"app":null}}})",
            "/metadata/labels", "{}");
        row("smp-status-conditions-by-type", sts, S,
            R"({"status":{"conditions":[{"type":"Y","status":"False"}]}})", "/status/conditions",
            R"([{"type":"X","status":"True"},{"type":"Y","status":"False"}])");
        row("smp-pod-containers-by-name", core::ObjectKind::Pod, S,
            R"({"spec":{"containers":[{"name":"log","image":"busybox:1.36"}]}})",
            "/spec/containers", R"([{"name":"nginx","image":"nginx:1.25"},{"name":"log","image":"busybox:1.36"}])");
        row("smp-pod-condition-by-type", core::ObjectKind::Pod, S,
            R"({"status":{"conditions":[{"type":"Ready","status":"True"}]}})", "/status/conditions",
            R"([{"type":"Ready","status":"True"},{"type":"PodScheduled","status":"True"}])");
        row("smp-service-ports-by-port", core::ObjectKind::Service, S,
            R"({"spec":{"ports":[{"port":80,"targetPort":8080},{"port":443,"name":"tls"}]}})",
            "/spec/ports",
            R"([{"name":"web","port":80,"protocol":"TCP","targetPort":8080},{"port":443,"name":"tls"}])");
        fails("smp-missing-merge-key", S,
              R"({"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}})", 500,
              QStringLiteral("Internal error occurred: map: map[image:x] does not contain "
                             "declared merge key: name"));
        fails("smp-unknown-directive", S, R"({"spec":{"$patch":"frob"}})", 500,
              QStringLiteral("Internal error occurred: unknown patch type: frob in map: "
                             "map[$patch:frob]"));
        fails("smp-list-merge-directive", S,
              R"({"spec":{"template":{"spec":{"containers":[{"$patch":"merge"}]}}}})", 500,
              QStringLiteral("Internal error occurred: merging lists cannot yet be specified in "
                             "the patch"));
        fails("smp-retainKeys-not-a-list", S, R"({"spec":{"$retainKeys":"type"}})", 400,
              QStringLiteral("invalid patch format of retainKeys"));
        fails("smp-retainKeys-mismatch", S,
              R"({"spec":{"updateStrategy":{"$retainKeys":["type"],"rollingUpdate":{"partition":1}}}})",
              400, QStringLiteral("invalid patch format of retainKeys"));
        fails("smp-setElementOrder-disagrees-with-list", S,
              R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"name":"sidecar","image":"x"}]}}}})",
              500,
              QStringLiteral("Internal error occurred: the order in patch list:\n[map[image:x "
                             "name:sidecar]]\n doesn't match $setElementOrder list:\n"
                             "[map[name:nginx]]"));
        fails("smp-setElementOrder-not-a-list", S,
              R"({"spec":{"template":{"spec":{"$setElementOrder/containers":{}}}}})", 400,
              QStringLiteral("invalid patch format of setElementOrder list"));
        fails("smp-malformed", S, R"({"spec": x})", 400,
              QStringLiteral("invalid character 'x' looking for beginning of value"));
        fails("smp-trailing-garbage", S, R"({"spec":{}}})", 400,
              QStringLiteral("invalid character '}' after top-level value"));
        fails("smp-not-an-object", S, R"("spec")", 400,
              QStringLiteral("json: cannot unmarshal string into Go value of type "
                             "map[string]interface {}"));
    }

    void applyPatch()
    {
        QFETCH(core::ObjectKind, kind);
        QFETCH(PatchType, type);
        QFETCH(QByteArray, original);
        QFETCH(QByteArray, patch);
        QFETCH(QString, pointer);
        QFETCH(QByteArray, expected);
        QFETCH(int, code);
        QFETCH(QString, error);
        QFETCH(QString, cause);

        const json doc = json::parse(original.constData());
        const core::apijson::PatchResult result = core::apijson::applyPatch(doc, patch, type, kind);
        QCOMPARE(result.error, error);
        QCOMPARE(result.cause, cause);
        QCOMPARE(result.code, code);
        QCOMPARE(result.ok, code == 200);
        if (!result.ok)
            return;
        const json::json_pointer ptr(pointer.toStdString());
        const json want = json::parse(expected.constData());
        const json got = result.document.contains(ptr) ? result.document.at(ptr) : json();
        QVERIFY2(got == want, qPrintable(QStringLiteral("%1 is %2, expected %3")
                                             .arg(pointer, QString::fromStdString(got.dump()),
                                                  QString::fromStdString(want.dump()))));
        // The original is never modified, and the rest of the document survives.
        QVERIFY(doc == json::parse(original.constData()));
        QVERIFY(result.document["metadata"]["name"] == doc["metadata"]["name"]);
    }

    // Go's encoding/json words for syntax errors, as the API server quotes them.
    void goJsonSyntaxError_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("valid") << QByteArray(R"({"a":[1,-2.5e3,true,null,"\u00e9"]})") << QString();
        QTest::newRow("empty") << QByteArray() << QStringLiteral("unexpected end of JSON input");
        QTest::newRow("bare-word") << QByteArray("xx")
                                   << QStringLiteral("invalid character 'x' looking for beginning of value");
        QTest::newRow("missing-colon") << QByteArray(R"({"a" 1})")
                                       << QStringLiteral("invalid character '1' after object key");
        QTest::newRow("missing-comma") << QByteArray(R"({"a":1 "b":2})")
                                       << QStringLiteral("invalid character '\"' after object key:value pair");
        QTest::newRow("array-element") << QByteArray("[1 2]")
                                       << QStringLiteral("invalid character '2' after array element");
        QTest::newRow("trailing-comma") << QByteArray("[1,]")
                                        << QStringLiteral("invalid character ']' looking for beginning of value");
        QTest::newRow("literal") << QByteArray("tru")
                                 << QStringLiteral("unexpected end of JSON input");
        QTest::newRow("literal-typo") << QByteArray("nul1")
                                      << QStringLiteral("invalid character '1' in literal null (expecting 'l')");
        QTest::newRow("newline-in-string") << QByteArray("\"a\nb\"")
                                           << QStringLiteral("invalid character '\\n' in string literal");
        QTest::newRow("bad-escape") << QByteArray(R"("\q")")
                                    << QStringLiteral("invalid character 'q' in string escape code");
        QTest::newRow("bad-number") << QByteArray("-a")
                                    << QStringLiteral("invalid character 'a' in numeric literal");
        QTest::newRow("leading-zero") << QByteArray("01")
                                      << QStringLiteral("invalid character '1' after top-level value");
        QTest::newRow("single-quotes") << QByteArray("{'a':1}")
                                       << QStringLiteral("invalid character '\\'' looking for beginning of object key string");
    }

    void goJsonSyntaxError()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        QCOMPARE(core::apijson::goJsonSyntaxError(text), error);
    }

    // Patches of the wrong shape anywhere: an answer (result or error), never a crash.
    void oddPatchesAnswer_data()
    {
        QTest::addColumn<PatchType>("type");
        QTest::addColumn<QByteArray>("patch");
        const QList<QByteArray> smp = {
            R"({"spec":{"template":{"spec":{"containers":{"a":1}}}}})",
            R"({"spec":{"template":{"spec":{"containers":[1,"x",null,[]]}}}})",
            R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[1,{"x":1}]}}}})",
            R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[],"containers":[]}}}})",
            R"({"metadata":{"finalizers":[{"a":1}],"$deleteFromPrimitiveList/finalizers":[{"a":1}]}})",
            R"({"metadata":{"$deleteFromPrimitiveList/labels":["app"]}})",
            R"({"spec":{"$retainKeys":[1,2]}})",
            R"({"spec":{"$patch":null}})",
            R"({"$patch":"replace"})",
            R"({"$patch":"delete"})",
            R"({"spec":{"template":{"spec":{"containers":[{"name":"nginx","$patch":"delete"},{"name":"nginx","image":"x"}]}}}})",
            R"({"spec":{"template":{"spec":{"containers":[{"name":{"nested":1}}]}}}})",
            R"({"status":{"conditions":[{"type":"X","$patch":"replace"}]}})",
            "{}", "null", "1e400", R"("\ud800")", "\"\xff\"",
        };
        for (qsizetype i = 0; i < smp.size(); ++i)
            QTest::addRow("smp-%lld", qint64(i)) << PatchType::StrategicMerge << smp.at(i);
        const QList<QByteArray> jsonPatch = {
            R"([{"op":"add","path":"/spec/template/spec/containers/-1","value":1}])",
            R"([{"op":"remove","path":"/spec/template/spec/containers/99999999999999999999"}])",
            R"([{"op":"move","from":"/spec","path":"/spec/template"}])",
            R"([{"op":"copy","from":"/nope","path":"/x"}])",
            R"([{"op":"replace","path":"","value":5}])",
            R"([{"op":"test","path":""}])",
            R"([{"op":"add","path":"/metadata/labels/~2","value":"x"}])",
            R"([null,{},{"op":"remove"}])",
        };
        for (qsizetype i = 0; i < jsonPatch.size(); ++i)
            QTest::addRow("json-%lld", qint64(i)) << PatchType::Json << jsonPatch.at(i);
        QTest::newRow("merge-deep-null") << PatchType::Merge << QByteArray(R"({"spec":null})");
    }

    void oddPatchesAnswer()
    {
        QFETCH(PatchType, type);
        QFETCH(QByteArray, patch);
        const json doc = json::parse(kStatefulSet);
        const core::apijson::PatchResult result =
            core::apijson::applyPatch(doc, patch, type, core::ObjectKind::StatefulSet);
        if (result.ok)
            QVERIFY(result.error.isEmpty());
        else
            QVERIFY2(result.code >= 400 && !result.error.isEmpty(), qPrintable(result.error));
    }

    // The API server's PATCH path end to end: the live object as JSON, the patch, the result
    // decoded by the loader and admitted as an update.
    void patchedObjectLoadsBack_data()
    {
        QTest::addColumn<PatchType>("type");
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<QString>("image");
        QTest::addColumn<int>("replicas");
        QTest::addColumn<int>("partition");
        QTest::newRow("json-tutorial-image")
            << PatchType::Json
            << QByteArray(R"([{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"gcr.io/google_containers/nginx-slim:0.7"}])")
            << QStringLiteral("gcr.io/google_containers/nginx-slim:0.7") << 3 << 0;
        QTest::newRow("merge-scale") << PatchType::Merge << QByteArray(R"({"spec":{"replicas":5}})")
                                     << QStringLiteral("nginx:1.25") << 5 << 0;
        QTest::newRow("smp-tutorial-partition")
            << PatchType::StrategicMerge
            << QByteArray(R"({"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":3}}}})")
            << QStringLiteral("nginx:1.25") << 3 << 3;
        // What kubectl apply sends after the manifest's image changed.
        QTest::newRow("smp-kubectl-apply")
            << PatchType::StrategicMerge
            << QByteArray(R"({"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}"}},"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.26","name":"nginx"}]}}}})")
            << QStringLiteral("nginx:1.26") << 3 << 0;
    }

    void patchedObjectLoadsBack()
    {
        QFETCH(PatchType, type);
        QFETCH(QByteArray, patch);
        QFETCH(QString, image);
        QFETCH(int, replicas);
        QFETCH(int, partition);
        const core::LoadResult loaded = core::ManifestLoader::loadPath(
            QStringLiteral(ORDINAL_SOURCE_DIR "/tests/scenarios/ordered-creation/web.yaml"));
        QVERIFY(loaded.ok());
        core::AnyObject live = loaded.objects.at(1).object;
        QCOMPARE(core::Admission::admit(live).text(), QString());
        const json original = core::apijson::toJson(live, 0);

        const core::apijson::PatchResult result =
            core::apijson::applyPatch(original, patch, type, core::ObjectKind::StatefulSet);
        QVERIFY2(result.ok, qPrintable(result.error + result.cause));
        const core::LoadResult again = core::ManifestLoader::loadText(
            QByteArray::fromStdString(result.document.dump()), QStringLiteral("patch.json"));
        QVERIFY(again.ok());
        core::AnyObject updated = again.objects.first().object;
        QCOMPARE(core::Admission::admit(updated, &live).text(), QString());
        const auto &set = std::get<core::StatefulSet>(updated);
        QCOMPARE(set.spec.podTemplate.spec.containers.first().image, image);
        QCOMPARE(set.spec.replicas, replicas);
        QCOMPARE(set.spec.updateStrategy.rollingUpdate.value_or(core::RollingUpdateStrategy{}).partition,
                 partition);
        // The readiness probe survives every patch type untouched.
        QCOMPARE(set.spec.podTemplate.spec.containers.first().readinessProbe->detail,
                 std::get<core::StatefulSet>(live).spec.podTemplate.spec.containers.first()
                     .readinessProbe->detail);
    }

    void contentTypes()
    {
        using core::apijson::patchTypeFromContentType;
        QCOMPARE(patchTypeFromContentType(QStringLiteral("application/json-patch+json")),
                 std::optional(PatchType::Json));
        QCOMPARE(patchTypeFromContentType(QStringLiteral("application/merge-patch+json; charset=utf-8")),
                 std::optional(PatchType::Merge));
        QCOMPARE(patchTypeFromContentType(QStringLiteral("application/strategic-merge-patch+json")),
                 std::optional(PatchType::StrategicMerge));
        QCOMPARE(patchTypeFromContentType(QStringLiteral("application/apply-patch+yaml")),
                 std::optional<PatchType>());
        QCOMPARE(core::apijson::contentType(PatchType::StrategicMerge),
                 QStringLiteral("application/strategic-merge-patch+json"));
    }
};

QTEST_GUILESS_MAIN(tst_Patch)
#include "tst_patch.moc"
