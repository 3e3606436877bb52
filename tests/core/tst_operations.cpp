// core::Operations as the front ends use it: admission's findings as data (type, field, value,
// detail, position), the Status made from them without reading text back, and the
// all-or-nothing apply of manifests that the console, the window and the YAML panel share.

#include "sim/operations.h"

#include "api/admission.h"
#include "api/json.h"
#include "io/manifestloader.h"
#include "sim/simulation.h"

#include <QTest>

using namespace ordinal;
using core::FieldErrorType;

Q_DECLARE_METATYPE(core::FieldErrorType)

namespace {

const QByteArray kStatefulSet = R"(apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  replicas: -1
  podManagementPolicy: Sometimes
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: other
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
)";

const QByteArray kService = R"(apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
  - port: 80
)";

QList<core::ManifestObject> load(const QByteArray &text, const QString &file)
{
    const core::LoadResult loaded = core::ManifestLoader::loadText(text, file);
    if (!loaded.ok())
        qWarning("%s", qPrintable(loaded.errors.first().message));
    return loaded.objects;
}

} // namespace

class TestOperations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void admissionFindsFieldErrors();
    void invalidStatusFromFieldErrors();
    void applyIsAllOrNothing();
    void dryRunWritesNothing();
    void refusalsOfTheWriteNameTheirField_data();
    void refusalsOfTheWriteNameTheirField();
    void applyMergesIntoTheLiveObject();
};

void TestOperations::admissionFindsFieldErrors()
{
    const QList<core::ManifestObject> objects = load(kStatefulSet, QStringLiteral("web.yaml"));
    QCOMPARE(objects.size(), 1);
    core::AnyObject object = objects.first().object;
    const core::FieldErrors errors = core::Admission::admit(object);
    QCOMPARE(errors.kind, QStringLiteral("StatefulSet"));
    QCOMPARE(errors.name, QStringLiteral("web"));
    QCOMPARE(errors.errors.size(), 3);

    const core::FieldError &policy = errors.errors.at(0);
    QCOMPARE(policy.type, FieldErrorType::Invalid);
    QCOMPARE(policy.field, QStringLiteral("spec.podManagementPolicy"));
    QCOMPARE(policy.value, QStringLiteral("\"Sometimes\""));
    QCOMPARE(policy.detail, QStringLiteral("must be 'OrderedReady' or 'Parallel'"));
    QCOMPARE(policy.pos.toString(), QStringLiteral("web.yaml:7:24"));

    const core::FieldError &replicas = errors.errors.at(1);
    QCOMPARE(replicas.field, QStringLiteral("spec.replicas"));
    QCOMPARE(replicas.value, QStringLiteral("-1"));
    QCOMPARE(replicas.pos.toString(), QStringLiteral("web.yaml:6:13"));
    QCOMPARE(replicas.body(),
             QStringLiteral("Invalid value: -1: must be greater than or equal to 0"));

    const core::FieldError &labels = errors.errors.at(2);
    QCOMPARE(labels.field, QStringLiteral("spec.template.metadata.labels"));
    QCOMPARE(labels.pos.toString(), QStringLiteral("web.yaml:14:9"));

    // The text kubectl prints, composed from the same data.
    QCOMPARE(errors.text(),
             QStringLiteral("The StatefulSet \"web\" is invalid: \n"
                            "* spec.podManagementPolicy: Invalid value: \"Sometimes\": must be "
                            "'OrderedReady' or 'Parallel' (web.yaml:7:24)\n"
                            "* spec.replicas: Invalid value: -1: must be greater than or equal "
                            "to 0 (web.yaml:6:13)\n"
                            "* spec.template.metadata.labels: Invalid value: "
                            "map[string]string{\"app\":\"other\"}: `selector` does not match "
                            "template `labels` (web.yaml:14:9)"));

    // A field error without a value (Required) and one that lists the supported values.
    core::FieldError required {
        FieldErrorType::Required, QStringLiteral("spec.selector"), {}, {}, {}
    };
    QCOMPARE(required.text(), QStringLiteral("spec.selector: Required value"));
    QCOMPARE(required.reason(), QStringLiteral("FieldValueRequired"));
    core::FieldError forbidden { FieldErrorType::Forbidden,
                                 QStringLiteral("spec"),
                                 {},
                                 QStringLiteral("no"),
                                 { QStringLiteral("f.yaml"), 2, 3 } };
    QCOMPARE(forbidden.text(), QStringLiteral("spec: Forbidden: no (f.yaml:2:3)"));
}

void TestOperations::invalidStatusFromFieldErrors()
{
    core::AnyObject object = load(kStatefulSet, QStringLiteral("web.yaml")).first().object;
    const core::ApiStatus status
        = core::ApiStatus::invalid(QStringLiteral("apps"), core::Admission::admit(object));
    QCOMPARE(status.code, 422);
    QCOMPARE(status.reason, QStringLiteral("Invalid"));
    QCOMPARE(status.causes.size(), 3);
    QCOMPARE(status.causes.at(1).reason, QStringLiteral("FieldValueInvalid"));
    QCOMPARE(status.causes.at(1).field, QStringLiteral("spec.replicas"));
    QCOMPARE(status.causes.at(1).message,
             QStringLiteral("Invalid value: -1: must be greater than or equal to 0"));
    QCOMPARE(status.causes.at(1).pos.line, 6);
    // The API has no file: no positions in what it sends.
    QVERIFY2(!status.message.contains(QLatin1String("web.yaml")), qPrintable(status.message));
    QVERIFY(status.message.startsWith(
        QLatin1String("StatefulSet.apps \"web\" is invalid: [spec.podManagementPolicy: ")));
    // kubectl's rendering for a manifest keeps them.
    QVERIFY(status.kubectlText().contains(QLatin1String("(web.yaml:6:13)")));
    const auto located = status.locatedMessages();
    QCOMPARE(located.size(), 3);
    QCOMPARE(located.at(1).first.column, 13);
    QCOMPARE(located.at(1).second,
             QStringLiteral("The StatefulSet \"web\" is invalid: spec.replicas: Invalid value: "
                            "-1: must be greater than or equal to 0"));
}

void TestOperations::applyIsAllOrNothing()
{
    core::Simulation sim;
    core::Operations operations(sim);
    const qint64 version = sim.store().resourceVersion();
    const qsizetype actions = sim.actionCount();
    QList<core::ManifestObject> objects = load(kService, QStringLiteral("svc.yaml"));
    objects += load(kStatefulSet, QStringLiteral("web.yaml"));
    const core::ApplyResult result = operations.apply(objects, false);
    QVERIFY(!result.ok);
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().kind, QStringLiteral("StatefulSet"));
    QVERIFY(result.applied.isEmpty());
    QCOMPARE(result.error, result.errors.first().kubectlText());
    QCOMPARE(sim.store().resourceVersion(), version);
    QCOMPARE(sim.actionCount(), actions);
    QVERIFY(!sim.store().find<core::Service>(QStringLiteral("default/nginx")));

    // Without the bad object, everything is written, in order.
    const core::ApplyResult applied = operations.apply(objects.mid(0, 1), false);
    QVERIFY2(applied.ok, qPrintable(applied.error));
    QCOMPARE(applied.applied.size(), 1);
    QCOMPARE(applied.applied.first().outcome, core::ApplyResult::Applied::Outcome::Created);
    QCOMPARE(applied.lines, QStringList { QStringLiteral("service/nginx created") });
    QVERIFY(sim.store().find<core::Service>(QStringLiteral("default/nginx")));
    const core::ApplyResult again = operations.apply(objects.mid(0, 1), false);
    QCOMPARE(again.applied.first().outcome, core::ApplyResult::Applied::Outcome::Unchanged);
    const core::ApplyResult created = operations.apply(objects.mid(0, 1), true);
    QVERIFY(!created.ok);
    QCOMPARE(created.errors.first().reason, QStringLiteral("AlreadyExists"));
    QCOMPARE(created.error,
             QStringLiteral("Error from server (AlreadyExists): error when creating "
                            "\"svc.yaml\": services \"nginx\" already exists"));
}

void TestOperations::dryRunWritesNothing()
{
    core::Simulation sim;
    core::Operations operations(sim);
    const qint64 version = sim.store().resourceVersion();
    const core::ApplyResult result
        = operations.apply(load(kService, QStringLiteral("svc.yaml")), false, true);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.applied.size(), 1);
    QCOMPARE(result.applied.first().name, QStringLiteral("nginx"));
    QCOMPARE(result.applied.first().ns, QStringLiteral("default"));
    QCOMPARE(sim.store().resourceVersion(), version);
    QCOMPARE(sim.actionCount(), 0);
}

void TestOperations::refusalsOfTheWriteNameTheirField_data()
{
    QTest::addColumn<QByteArray>("manifest");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("position");
    QTest::addColumn<QString>("text");

    QTest::newRow("cluster-ip-out-of-range")
        << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n"
                      "  clusterIP: 192.168.1.1\n  ports:\n  - port: 80\n")
        << QStringLiteral("Invalid") << QStringLiteral("f.yaml:6:14")
        << QStringLiteral("The Service \"api\" is invalid: spec.clusterIPs: Invalid value: "
                          "[]string{\"192.168.1.1\"}: failed to allocate IP 192.168.1.1: the "
                          "provided IP (192.168.1.1) is not in the valid range. The range of "
                          "valid IPs is 10.0.0.0/16 (f.yaml:6:14)");
    QTest::newRow("cluster-ip-taken")
        << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n"
                      "  clusterIP: 10.0.0.77\n  ports:\n  - port: 80\n---\n"
                      "apiVersion: v1\nkind: Service\nmetadata:\n  name: b\nspec:\n"
                      "  ports:\n  - port: 80\n  clusterIP: 10.0.0.77\n")
        << QStringLiteral("Invalid") << QStringLiteral("f.yaml:17:14")
        << QStringLiteral("The Service \"b\" is invalid: spec.clusterIPs: Invalid value: "
                          "[]string{\"10.0.0.77\"}: failed to allocate IP 10.0.0.77: provided IP "
                          "is already allocated (f.yaml:17:14)");
    QTest::newRow("namespace-not-found")
        << QByteArray("apiVersion: v1\nkind: Pod\nmetadata:\n  name: box\n  namespace: nope\n"
                      "spec:\n  containers:\n  - name: box\n    image: busybox:1.36\n")
        << QStringLiteral("NotFound") << QStringLiteral("f.yaml:5:14")
        << QStringLiteral("Error from server (NotFound): error when retrieving current "
                          "configuration of \"f.yaml\": namespaces \"nope\" not found "
                          "(f.yaml:5:14)");
}

void TestOperations::refusalsOfTheWriteNameTheirField()
{
    QFETCH(QByteArray, manifest);
    QFETCH(QString, reason);
    QFETCH(QString, position);
    QFETCH(QString, text);
    core::Simulation sim;
    const core::ApplyResult result
        = core::Operations(sim).apply(load(manifest, QStringLiteral("f.yaml")), false);
    QVERIFY(!result.ok);
    QCOMPARE(result.errors.size(), 1);
    const core::ApiStatus &status = result.errors.first();
    QCOMPARE(status.reason, reason);
    const core::SourcePos at = status.causes.isEmpty() ? status.pos : status.causes.first().pos;
    QCOMPARE(at.toString(), position);
    QCOMPARE(status.kubectlText(), text);
}

void TestOperations::applyMergesIntoTheLiveObject()
{
    core::Simulation sim;
    core::Operations operations(sim);
    const QByteArray pod("apiVersion: v1\nkind: Pod\nmetadata:\n  name: box\nspec:\n"
                         "  containers:\n  - name: box\n    image: busybox:1.36\n");
    QVERIFY(operations.apply(load(pod, QStringLiteral("pod.yaml")), false).ok);
    sim.advanceUntilSettled(core::kHour);
    const QString node = sim.store().find<core::Pod>(QStringLiteral("default/box"))->spec.nodeName;
    QVERIFY(!node.isEmpty());
    QCOMPARE(operations.apply(load(pod, QStringLiteral("pod.yaml")), false).lines,
             QStringList { QStringLiteral("pod/box unchanged") });
    QByteArray newImage = pod;
    newImage.replace("1.36", "1.37");
    const core::ApplyResult changed
        = operations.apply(load(newImage, QStringLiteral("pod.yaml")), false);
    QVERIFY2(changed.ok, qPrintable(changed.error));
    QCOMPARE(changed.lines, QStringList { QStringLiteral("pod/box configured") });
    const core::Pod *box = sim.store().find<core::Pod>(QStringLiteral("default/box"));
    QCOMPARE(box->spec.containers.first().image, QStringLiteral("busybox:1.37"));
    QCOMPARE(box->spec.nodeName, node);

    const QByteArray nodeManifest("apiVersion: v1\nkind: Node\nmetadata:\n  name: node-9\n");
    QCOMPARE(operations.apply(load(nodeManifest, QStringLiteral("node.yaml")), false).lines,
             QStringList { QStringLiteral("node/node-9 created") });
    const core::ApplyResult again
        = operations.apply(load(nodeManifest, QStringLiteral("node.yaml")), false);
    QVERIFY2(again.ok, qPrintable(again.error));
    QCOMPARE(again.lines, QStringList { QStringLiteral("node/node-9 unchanged") });
}

QTEST_GUILESS_MAIN(TestOperations)
#include "tst_operations.moc"
