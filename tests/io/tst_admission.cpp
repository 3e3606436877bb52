#include "api/admission.h"
#include "io/manifestloader.h"

#include <QtTest>

using namespace ordinal::core;

namespace {

// 18 lines; positions in the expected messages are counted on this text (after the edit).
const char kStatefulSet[] = "apiVersion: apps/v1\n"        // 1
                            "kind: StatefulSet\n"          // 2
                            "metadata:\n"                  // 3
                            "  name: web\n"                // 4  value at column 9
                            "spec:\n"                      // 5
                            "  serviceName: nginx\n"       // 6  column 16
                            "  replicas: 2\n"              // 7  column 13
                            "  selector:\n"                // 8
                            "    matchLabels:\n"           // 9
                            "      app: nginx\n"           // 10
                            "  template:\n"                // 11
                            "    metadata:\n"              // 12
                            "      labels:\n"              // 13
                            "        app: nginx\n"         // 14 column 9 (the labels map)
                            "    spec:\n"                  // 15
                            "      containers:\n"          // 16
                            "      - name: nginx\n"        // 17
                            "        image: nginx:1.9.1\n"; // 18

const char kService[] = "apiVersion: v1\n"  // 1
                        "kind: Service\n"   // 2
                        "metadata:\n"       // 3
                        "  name: nginx\n"   // 4  column 9
                        "spec:\n"           // 5
                        "  ports:\n"        // 6
                        "  - port: 80\n"    // 7  port value at column 11
                        "    name: web\n"   // 8  column 11
                        "  clusterIP: None\n" // 9 column 14
                        "  selector:\n"     // 10
                        "    app: nginx\n"; // 11

const char kPod[] = "apiVersion: v1\n"     // 1
                    "kind: Pod\n"          // 2
                    "metadata:\n"          // 3
                    "  name: web-0\n"      // 4  column 9
                    "spec:\n"              // 5
                    "  containers:\n"      // 6
                    "  - name: nginx\n"    // 7  column 11
                    "    image: nginx\n";  // 8  column 12

// Applies "from" → "to" (exact text, must occur) to the base manifest.
QByteArray edit(const char *base, const QString &from, const QString &to)
{
    QString text = QString::fromUtf8(base);
    if (!from.isEmpty()) {
        if (!text.contains(from))
            qFatal("test edit does not apply: %s", qPrintable(from));
        text.replace(from, to);
    }
    return text.toUtf8();
}

template<typename T>
T loadOne(const QByteArray &yaml, const QString &file)
{
    const LoadResult r = ManifestLoader::loadText(yaml, file);
    if (!r.ok() || r.objects.size() != 1)
        qFatal("test manifest does not load: %s",
               qPrintable(r.errors.isEmpty() ? QStringLiteral("no object") : r.errors.at(0).message));
    T object = std::get<T>(r.objects.at(0).object);
    Admission::applyDefaults(object);
    return object;
}

const QString kLabelMsg = QStringLiteral(
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and "
    "must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used "
    "for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");

const QString kForbiddenUpdate = QStringLiteral(
    "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', "
    "'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' "
    "and 'minReadySeconds' are forbidden");

} // namespace

// API-server admission: defaults (statefulset.md §1.1) and the validation rows of §1.12 and §3,
// with the texts kubectl prints and Ordinal's file:line:column suffix.
class tst_Admission : public QObject
{
    Q_OBJECT

private slots:
    void statefulSetCreate_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("expected");

        const QString name64(64, QLatin1Char('a'));
        const QString name53(53, QLatin1Char('a'));
        QTest::newRow("valid") << QString() << QString() << QString();
        QTest::newRow("name-uppercase")
            << "name: web" << "name: Web"
            << QStringLiteral("The StatefulSet \"Web\" is invalid: metadata.name: Invalid value: "
                              "\"Web\": ")
                + kLabelMsg + QStringLiteral(" (web.yaml:4:9)");
        QTest::newRow("name-underscore")
            << "name: web" << "name: web_1"
            << QStringLiteral("The StatefulSet \"web_1\" is invalid: metadata.name: Invalid value: "
                              "\"web_1\": ")
                + kLabelMsg + QStringLiteral(" (web.yaml:4:9)");
        QTest::newRow("name-64-chars")
            << "name: web" << QStringLiteral("name: ") + name64
            << QStringLiteral("The StatefulSet \"%1\" is invalid: metadata.name: Invalid value: "
                              "\"%1\": must be no more than 63 characters (web.yaml:4:9)")
                   .arg(name64);
        // Accepted by the API; pod creation fails later (statefulset.md §1.2).
        QTest::newRow("name-53-chars") << "name: web" << QStringLiteral("name: ") + name53
                                       << QString();
        QTest::newRow("selector-template-mismatch")
            << "\n        app: nginx\n" << "\n        app: b\n"
            << QStringLiteral("The StatefulSet \"web\" is invalid: spec.template.metadata.labels: "
                              "Invalid value: map[string]string{\"app\":\"b\"}: `selector` does "
                              "not match template `labels` (web.yaml:14:9)");
        QTest::newRow("selector-empty")
            << "  selector:\n    matchLabels:\n      app: nginx\n" << "  selector: {}\n"
            << QStringLiteral("The StatefulSet \"web\" is invalid: spec.selector: Invalid value: "
                              "v1.LabelSelector{MatchLabels:map[string]string(nil), "
                              "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty "
                              "selector is invalid for statefulset (web.yaml:8:13)");
        // A nil selector selects nothing, so the template check fails as well.
        QTest::newRow("selector-missing")
            << "  selector:\n    matchLabels:\n      app: nginx\n" << QString()
            << QStringLiteral("The StatefulSet \"web\" is invalid: \n"
                              "* spec.selector: Required value (web.yaml:6:3)\n"
                              "* spec.template.metadata.labels: Invalid value: "
                              "map[string]string{\"app\":\"nginx\"}: `selector` does not match "
                              "template `labels` (web.yaml:11:9)");
        QTest::newRow("selector-bad-operator")
            << "    matchLabels:\n      app: nginx\n"
            << "    matchExpressions:\n    - key: app\n      operator: Is\n      values: [nginx]\n"
            << QStringLiteral("The StatefulSet \"web\" is invalid: "
                              "spec.selector.matchExpressions[0].operator: Invalid value: \"Is\": "
                              "not a valid selector operator (web.yaml:11:17)");
        QTest::newRow("replicas-negative")
            << "replicas: 2" << "replicas: -1"
            << QStringLiteral("The StatefulSet \"web\" is invalid: spec.replicas: Invalid value: "
                              "-1: must be greater than or equal to 0 (web.yaml:7:13)");
        QTest::newRow("minReadySeconds-negative")
            << "  replicas: 2\n" << "  replicas: 2\n  minReadySeconds: -1\n"
            << QStringLiteral("The StatefulSet \"web\" is invalid: spec.minReadySeconds: Invalid "
                              "value: -1: must be greater than or equal to 0 (web.yaml:8:20)");
        QTest::newRow("ordinals-start-negative")
            << "  replicas: 2\n" << "  replicas: 2\n  ordinals:\n    start: -1\n"
            << QStringLiteral("The StatefulSet \"web\" is invalid: spec.ordinals.start: Invalid "
                              "value: -1: must be greater than or equal to 0 (web.yaml:9:12)");
        QTest::newRow("partition-negative")
            << "  replicas: 2\n"
            << "  replicas: 2\n  updateStrategy:\n    rollingUpdate:\n      partition: -1\n"
            << QStringLiteral("The StatefulSet \"web\" is invalid: "
                              "spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: "
                              "must be greater than or equal to 0 (web.yaml:10:18)");
        QTest::newRow("podManagementPolicy-foo")
            << "  replicas: 2\n" << "  replicas: 2\n  podManagementPolicy: Foo\n"
            << QStringLiteral("The StatefulSet \"web\" is invalid: spec.podManagementPolicy: "
                              "Invalid value: \"Foo\": must be 'OrderedReady' or 'Parallel' "
                              "(web.yaml:8:24)");
        QTest::newRow("updateStrategy-type-foo")
            << "  replicas: 2\n" << "  replicas: 2\n  updateStrategy:\n    type: Foo\n"
            << QStringLiteral("The StatefulSet \"web\" is invalid: spec.updateStrategy: Invalid "
                              "value: apps.StatefulSetUpdateStrategy{Type:\"Foo\", "
                              "RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}: must "
                              "be 'RollingUpdate' or 'OnDelete' (web.yaml:9:5)");
        QTest::newRow("ondelete-with-rollingupdate")
            << "  replicas: 2\n"
            << "  replicas: 2\n  updateStrategy:\n    type: OnDelete\n    rollingUpdate:\n"
               "      partition: 1\n"
            << QStringLiteral("The StatefulSet \"web\" is invalid: spec.updateStrategy.rollingUpdate: "
                              "Invalid value: apps.RollingUpdateStatefulSetStrategy{Partition:1, "
                              "MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for "
                              "updateStrategy 'RollingUpdate' (web.yaml:11:7)");
        const QString maxUnavailable =
            QStringLiteral("  replicas: 2\n  updateStrategy:\n    rollingUpdate:\n"
                           "      maxUnavailable: %1\n");
        QTest::newRow("maxUnavailable-zero")
            << "  replicas: 2\n" << maxUnavailable.arg(QStringLiteral("0"))
            << QStringLiteral("The StatefulSet \"web\" is invalid: "
                              "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: "
                              "intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: cannot be 0 "
                              "(web.yaml:10:23)");
        QTest::newRow("maxUnavailable-zero-percent")
            << "  replicas: 2\n" << maxUnavailable.arg(QStringLiteral("\"0%\""))
            << QStringLiteral("The StatefulSet \"web\" is invalid: "
                              "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: "
                              "intstr.IntOrString{Type:1, IntVal:0, StrVal:\"0%\"}: cannot be 0 "
                              "(web.yaml:10:23)");
        QTest::newRow("maxUnavailable-150-percent")
            << "  replicas: 2\n" << maxUnavailable.arg(QStringLiteral("150%"))
            << QStringLiteral("The StatefulSet \"web\" is invalid: "
                              "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: "
                              "intstr.IntOrString{Type:1, IntVal:0, StrVal:\"150%\"}: must not be "
                              "greater than 100% (web.yaml:10:23)");
        QTest::newRow("maxUnavailable-two-accepted")
            << "  replicas: 2\n" << maxUnavailable.arg(QStringLiteral("2")) << QString();
        QTest::newRow("restartPolicy-never")
            << "image: nginx:1.9.1\n" << "image: nginx:1.9.1\n      restartPolicy: Never\n"
            << QStringLiteral("The StatefulSet \"web\" is invalid: spec.template.spec.restartPolicy: "
                              "Unsupported value: \"Never\": supported values: \"Always\" "
                              "(web.yaml:19:22)");
        QTest::newRow("activeDeadlineSeconds-set")
            << "image: nginx:1.9.1\n" << "image: nginx:1.9.1\n      activeDeadlineSeconds: 30\n"
            << QStringLiteral("The StatefulSet \"web\" is invalid: "
                              "spec.template.spec.activeDeadlineSeconds: Forbidden: "
                              "activeDeadlineSeconds in StatefulSet is not Supported "
                              "(web.yaml:19:30)");
        QTest::newRow("pvc-policy-whenScaled-keep")
            << "  replicas: 2\n"
            << "  replicas: 2\n  persistentVolumeClaimRetentionPolicy:\n    whenScaled: Keep\n"
            << QStringLiteral("The StatefulSet \"web\" is invalid: "
                              "spec.persistentVolumeClaimRetentionPolicy.whenScaled: Unsupported "
                              "value: \"Keep\": supported values: \"Retain\", \"Delete\" "
                              "(web.yaml:9:17)");
        QTest::newRow("pvc-policy-delete-accepted")
            << "  replicas: 2\n"
            << "  replicas: 2\n  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: Delete\n"
               "    whenScaled: Delete\n"
            << QString();
        QTest::newRow("template-label-value-invalid")
            << "\n        app: nginx\n" << "\n        app: nginx\n        tier: -web\n"
            << QStringLiteral("The StatefulSet \"web\" is invalid: spec.template.labels: Invalid "
                              "value: \"-web\": a valid label must be an empty string or consist "
                              "of alphanumeric characters, '-', '_' or '.', and must start and "
                              "end with an alphanumeric character (e.g. 'MyValue',  or "
                              "'my_value',  or '12345', regex used for validation is "
                              "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?') (web.yaml:14:9)");
        QTest::newRow("service-name-not-validated")
            << "serviceName: nginx" << "serviceName: \"\"" << QString();
        QTest::newRow("several-errors")
            << "  replicas: 2\n" << "  replicas: -1\n  podManagementPolicy: Foo\n"
            << QStringLiteral("The StatefulSet \"web\" is invalid: \n"
                              "* spec.podManagementPolicy: Invalid value: \"Foo\": must be "
                              "'OrderedReady' or 'Parallel' (web.yaml:8:24)\n"
                              "* spec.replicas: Invalid value: -1: must be greater than or equal "
                              "to 0 (web.yaml:7:13)");
    }
    void statefulSetCreate()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, expected);
        const StatefulSet set =
            loadOne<StatefulSet>(edit(kStatefulSet, from, to), QStringLiteral("web.yaml"));
        QCOMPARE(Admission::validateCreate(set).text(), expected);
    }

    void statefulSetUpdate_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("expected");

        const QString forbidden =
            QStringLiteral("The StatefulSet \"web\" is invalid: ") + kForbiddenUpdate;
        QTest::newRow("update-serviceName")
            << "serviceName: nginx" << "serviceName: other"
            << forbidden + QStringLiteral(" (web.yaml:6:16)");
        QTest::newRow("update-selector")
            << "      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n"
            << "      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n"
            << forbidden + QStringLiteral(" (web.yaml:9:5)");
        QTest::newRow("update-podManagementPolicy")
            << "  replicas: 2\n" << "  replicas: 2\n  podManagementPolicy: Parallel\n"
            << forbidden + QStringLiteral(" (web.yaml:8:24)");
        QTest::newRow("update-volumeClaimTemplates")
            << "image: nginx:1.9.1\n"
            << "image: nginx:1.9.1\n  volumeClaimTemplates:\n  - metadata:\n      name: www\n"
               "    spec:\n      accessModes: [ReadWriteOnce]\n"
            << forbidden + QStringLiteral(" (web.yaml:20:3)"); // the sequence starts at its dash
        QTest::newRow("update-replicas-allowed") << "replicas: 2" << "replicas: 5" << QString();
        QTest::newRow("update-template-allowed")
            << "image: nginx:1.9.1" << "image: nginx:1.25" << QString();
        QTest::newRow("update-updateStrategy-allowed")
            << "  replicas: 2\n" << "  replicas: 2\n  updateStrategy:\n    type: OnDelete\n"
            << QString();
        QTest::newRow("update-minReadySeconds-allowed")
            << "  replicas: 2\n" << "  replicas: 2\n  minReadySeconds: 10\n" << QString();
        QTest::newRow("update-ordinals-allowed")
            << "  replicas: 2\n" << "  replicas: 2\n  ordinals:\n    start: 3\n" << QString();
        QTest::newRow("update-pvc-policy-allowed")
            << "  replicas: 2\n"
            << "  replicas: 2\n  persistentVolumeClaimRetentionPolicy:\n    whenScaled: Delete\n"
            << QString();
        QTest::newRow("update-revisionHistoryLimit-allowed")
            << "  replicas: 2\n" << "  replicas: 2\n  revisionHistoryLimit: 2\n" << QString();
        QTest::newRow("update-still-validated")
            << "replicas: 2" << "replicas: -3"
            << QStringLiteral("The StatefulSet \"web\" is invalid: spec.replicas: Invalid value: "
                              "-3: must be greater than or equal to 0 (web.yaml:7:13)");
    }
    void statefulSetUpdate()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, expected);
        const StatefulSet old = loadOne<StatefulSet>(kStatefulSet, QStringLiteral("old.yaml"));
        const StatefulSet updated =
            loadOne<StatefulSet>(edit(kStatefulSet, from, to), QStringLiteral("web.yaml"));
        QCOMPARE(Admission::validateUpdate(old, updated).text(), expected);
    }

    void statefulSetDefaults()
    {
        StatefulSet set = loadOne<StatefulSet>(
            edit(kStatefulSet, QStringLiteral("  replicas: 2\n"), QString()),
            QStringLiteral("web.yaml"));
        QCOMPARE(set.metadata.namespaceName, QStringLiteral("default"));
        QCOMPARE(set.spec.replicas, 1);
        QCOMPARE(set.spec.revisionHistoryLimit, 10);
        QCOMPARE(set.spec.podManagementPolicy, QStringLiteral("OrderedReady"));
        QCOMPARE(set.spec.updateStrategy.type, QStringLiteral("RollingUpdate"));
        QVERIFY2(set.spec.updateStrategy.rollingUpdate.has_value(),
                 "a defaulted type brings a rollingUpdate block");
        QCOMPARE(set.spec.updateStrategy.rollingUpdate->partition, 0);
        QCOMPARE(set.spec.whenDeleted, QStringLiteral("Retain"));
        QCOMPARE(set.spec.whenScaled, QStringLiteral("Retain"));
        const PodSpec &pod = set.spec.podTemplate.spec;
        QCOMPARE(pod.restartPolicy, QStringLiteral("Always"));
        QCOMPARE(pod.dnsPolicy, QStringLiteral("ClusterFirst"));
        QCOMPARE(pod.terminationGracePeriodSeconds, Q_INT64_C(30));
        QCOMPARE(pod.containers.at(0).imagePullPolicy, QStringLiteral("IfNotPresent"));
        QVERIFY2(pod.tolerations.isEmpty(), "templates get no default tolerations");

        // The nuance of §1.1: an explicit RollingUpdate type keeps rollingUpdate nil.
        StatefulSet explicitType = loadOne<StatefulSet>(
            edit(kStatefulSet, QStringLiteral("  replicas: 2\n"),
                 QStringLiteral("  replicas: 2\n  updateStrategy:\n    type: RollingUpdate\n")),
            QStringLiteral("web.yaml"));
        QCOMPARE(explicitType.spec.updateStrategy.type, QStringLiteral("RollingUpdate"));
        QVERIFY(!explicitType.spec.updateStrategy.rollingUpdate.has_value());
        QCOMPARE(Admission::validateCreate(explicitType).text(), QString());
    }

    void imagePullPolicy_data()
    {
        QTest::addColumn<QString>("image");
        QTest::addColumn<QString>("policy");
        QTest::newRow("no-tag") << "nginx" << "Always";
        QTest::newRow("latest") << "nginx:latest" << "Always";
        QTest::newRow("tag") << "nginx:1.9.1" << "IfNotPresent";
        QTest::newRow("registry-port-no-tag") << "localhost:5000/nginx" << "Always";
        QTest::newRow("registry-port-tag") << "localhost:5000/nginx:1.2" << "IfNotPresent";
        QTest::newRow("digest") << "nginx@sha256:0123abcd" << "IfNotPresent";
    }
    void imagePullPolicy()
    {
        QFETCH(QString, image);
        QFETCH(QString, policy);
        const Pod pod = loadOne<Pod>(edit(kPod, QStringLiteral("image: nginx"),
                                          QStringLiteral("image: ") + image),
                                     QStringLiteral("pod.yaml"));
        QCOMPARE(pod.spec.containers.at(0).imagePullPolicy, policy);
    }

    void podDefaults()
    {
        const Pod pod = loadOne<Pod>(
            edit(kPod, QStringLiteral("    image: nginx\n"),
                 QStringLiteral("    image: nginx\n    ports:\n    - containerPort: 80\n"
                                "    readinessProbe:\n      tcpSocket:\n        port: 80\n"
                                "      periodSeconds: 0\n")),
            QStringLiteral("pod.yaml"));
        QCOMPARE(pod.metadata.namespaceName, QStringLiteral("default"));
        QCOMPARE(pod.spec.restartPolicy, QStringLiteral("Always"));
        QCOMPARE(pod.spec.dnsPolicy, QStringLiteral("ClusterFirst"));
        QCOMPARE(pod.spec.terminationGracePeriodSeconds, Q_INT64_C(30));
        QCOMPARE(pod.spec.containers.at(0).ports.at(0).protocol, QStringLiteral("TCP"));
        QCOMPARE(pod.spec.containers.at(0).readinessProbe->periodSeconds, 10);
        QCOMPARE(pod.spec.tolerations.size(), 2);
        QCOMPARE(pod.spec.tolerations.at(0).key, QStringLiteral("node.kubernetes.io/not-ready"));
        QCOMPARE(pod.spec.tolerations.at(1).key, QStringLiteral("node.kubernetes.io/unreachable"));
        for (const Toleration &t : pod.spec.tolerations) {
            QCOMPARE(t.op, QStringLiteral("Exists"));
            QCOMPARE(t.effect, QStringLiteral("NoExecute"));
            QCOMPARE(t.tolerationSeconds, std::optional<qint64>(300));
        }
        QCOMPARE(Admission::validateCreate(pod).text(), QString());

        // A pod that already tolerates "unreachable" keeps its own toleration.
        const Pod own = loadOne<Pod>(
            edit(kPod, QStringLiteral("spec:\n"),
                 QStringLiteral("spec:\n  tolerations:\n  - key: node.kubernetes.io/unreachable\n"
                                "    operator: Exists\n    effect: NoExecute\n"
                                "    tolerationSeconds: 10\n")),
            QStringLiteral("pod.yaml"));
        QCOMPARE(own.spec.tolerations.size(), 2);
        QCOMPARE(own.spec.tolerations.at(0).tolerationSeconds, std::optional<qint64>(10));
        QCOMPARE(own.spec.tolerations.at(1).key, QStringLiteral("node.kubernetes.io/not-ready"));
    }

    void serviceDefaults()
    {
        const Service svc = loadOne<Service>(kService, QStringLiteral("svc.yaml"));
        QCOMPARE(svc.metadata.namespaceName, QStringLiteral("default"));
        QCOMPARE(svc.spec.type, QStringLiteral("ClusterIP"));
        QCOMPARE(svc.spec.ports.at(0).protocol, QStringLiteral("TCP"));
        QCOMPARE(svc.spec.ports.at(0).targetPort, QStringLiteral("80"));
        QCOMPARE(Admission::validateCreate(svc).text(), QString());
    }

    void service_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("expected");
        QTest::newRow("valid-headless") << QString() << QString() << QString();
        QTest::newRow("valid-cluster-ip") << "clusterIP: None" << "clusterIP: 10.0.0.20"
                                          << QString();
        QTest::newRow("name-dns1035")
            << "name: nginx" << "name: 1nginx"
            << QStringLiteral("The Service \"1nginx\" is invalid: metadata.name: Invalid value: "
                              "\"1nginx\": a DNS-1035 label must consist of lower case "
                              "alphanumeric characters or '-', start with an alphabetic "
                              "character, and end with an alphanumeric character (e.g. "
                              "'my-name',  or 'abc-123', regex used for validation is "
                              "'[a-z]([-a-z0-9]*[a-z0-9])?') (svc.yaml:4:9)");
        QTest::newRow("port-zero")
            << "port: 80" << "port: 0"
            // targetPort defaults to port, so it is invalid as well (as upstream).
            << QStringLiteral("The Service \"nginx\" is invalid: \n"
                              "* spec.ports[0].port: Invalid value: 0: must be between 1 and "
                              "65535, inclusive (svc.yaml:7:11)\n"
                              "* spec.ports[0].targetPort: Invalid value: 0: must be between 1 "
                              "and 65535, inclusive (svc.yaml:7:5)");
        QTest::newRow("target-port-too-large")
            << "    name: web\n" << "    name: web\n    targetPort: 70000\n"
            << QStringLiteral("The Service \"nginx\" is invalid: spec.ports[0].targetPort: "
                              "Invalid value: 70000: must be between 1 and 65535, inclusive "
                              "(svc.yaml:9:17)");
        QTest::newRow("cluster-ip-invalid")
            << "clusterIP: None" << "clusterIP: 10.0.0.300"
            << QStringLiteral("The Service \"nginx\" is invalid: spec.clusterIPs[0]: Invalid "
                              "value: \"10.0.0.300\": must be a valid IP address, (e.g. 10.9.8.7 "
                              "or 2001:db8::ffff) (svc.yaml:9:14)");
        QTest::newRow("type-unsupported")
            << "    app: nginx\n" << "    app: nginx\n  type: Foo\n"
            << QStringLiteral("The Service \"nginx\" is invalid: spec.type: Unsupported value: "
                              "\"Foo\": supported values: \"ClusterIP\", \"ExternalName\", "
                              "\"LoadBalancer\", \"NodePort\" (svc.yaml:12:9)");
        QTest::newRow("port-name-duplicate")
            << "    name: web\n" << "    name: web\n  - port: 81\n    name: web\n"
            << QStringLiteral("The Service \"nginx\" is invalid: spec.ports[1].name: Duplicate "
                              "value: \"web\" (svc.yaml:10:11)");
        QTest::newRow("port-name-required-with-two-ports")
            << "    name: web\n" << "    name: web\n  - port: 81\n"
            << QStringLiteral("The Service \"nginx\" is invalid: spec.ports[1].name: Required "
                              "value (svc.yaml:9:5)");
        QTest::newRow("port-name-invalid")
            << "name: web" << "name: Web"
            << QStringLiteral("The Service \"nginx\" is invalid: spec.ports[0].name: Invalid "
                              "value: \"Web\": ")
                + kLabelMsg + QStringLiteral(" (svc.yaml:8:11)");
        QTest::newRow("target-port-name-invalid")
            << "    name: web\n" << "    name: web\n    targetPort: web_port\n"
            << QStringLiteral("The Service \"nginx\" is invalid: spec.ports[0].targetPort: Invalid "
                              "value: \"web_port\": must contain only alpha-numeric characters "
                              "(a-z, 0-9), and hyphens (-) (svc.yaml:9:17)");
        QTest::newRow("external-name-missing")
            << "  clusterIP: None\n" << "  type: ExternalName\n"
            << QStringLiteral("The Service \"nginx\" is invalid: spec.externalName: Required value "
                              "(svc.yaml:6:3)");
        QTest::newRow("external-name-valid")
            << "  clusterIP: None\n" << "  type: ExternalName\n  externalName: db.example.com.\n"
            << QString();
        QTest::newRow("ports-required-unless-headless")
            << "  ports:\n  - port: 80\n    name: web\n  clusterIP: None\n" << QString()
            << QStringLiteral("The Service \"nginx\" is invalid: spec.ports: Required value "
                              "(svc.yaml:6:3)");
        QTest::newRow("headless-node-port")
            << "    app: nginx\n" << "    app: nginx\n  type: NodePort\n"
            << QStringLiteral("The Service \"nginx\" is invalid: spec.clusterIPs[0]: Invalid "
                              "value: \"None\": may not be set to 'None' for NodePort services "
                              "(svc.yaml:9:14)");
    }
    void service()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, expected);
        const Service svc = loadOne<Service>(edit(kService, from, to), QStringLiteral("svc.yaml"));
        QCOMPARE(Admission::validateCreate(svc).text(), expected);
    }

    void serviceClusterIPImmutable()
    {
        const Service old = loadOne<Service>(
            edit(kService, QStringLiteral("clusterIP: None"), QStringLiteral("clusterIP: 10.0.0.5")),
            QStringLiteral("old.yaml"));
        Service changed = loadOne<Service>(
            edit(kService, QStringLiteral("clusterIP: None"), QStringLiteral("clusterIP: 10.0.0.6")),
            QStringLiteral("svc.yaml"));
        Admission::applyUpdateDefaults(old, changed);
        QCOMPARE(Admission::validateUpdate(old, changed).text(),
                 QStringLiteral("The Service \"nginx\" is invalid: spec.clusterIP: Invalid value: "
                                "\"10.0.0.6\": field is immutable (svc.yaml:9:14)"));

        // Re-applying a manifest without clusterIP keeps the allocated one.
        Service omitted = loadOne<Service>(
            edit(kService, QStringLiteral("  clusterIP: None\n"), QString()),
            QStringLiteral("svc.yaml"));
        Admission::applyUpdateDefaults(old, omitted);
        QCOMPARE(omitted.spec.clusterIP, QStringLiteral("10.0.0.5"));
        QCOMPARE(Admission::validateUpdate(old, omitted).text(), QString());
    }

    void pod_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("expected");
        QTest::newRow("valid") << QString() << QString() << QString();
        QTest::newRow("name-subdomain-allows-dots") << "name: web-0" << "name: web.0" << QString();
        QTest::newRow("name-invalid")
            << "name: web-0" << "name: Web_0"
            << QStringLiteral("The Pod \"Web_0\" is invalid: metadata.name: Invalid value: "
                              "\"Web_0\": a lowercase RFC 1123 subdomain must consist of lower "
                              "case alphanumeric characters, '-' or '.', and must start and end "
                              "with an alphanumeric character (e.g. 'example.com', regex used "
                              "for validation is "
                              "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*') "
                              "(pod.yaml:4:9)");
        QTest::newRow("containers-required")
            << "  containers:\n  - name: nginx\n    image: nginx\n" << "  hostname: x\n"
            << QStringLiteral("The Pod \"web-0\" is invalid: spec.containers: Required value "
                              "(pod.yaml:6:3)");
        QTest::newRow("image-required")
            << "    image: nginx\n" << QString()
            << QStringLiteral("The Pod \"web-0\" is invalid: spec.containers[0].image: Required "
                              "value (pod.yaml:7:5)");
        QTest::newRow("restartPolicy-unsupported")
            << "spec:\n" << "spec:\n  restartPolicy: Sometimes\n"
            << QStringLiteral("The Pod \"web-0\" is invalid: spec.restartPolicy: Unsupported "
                              "value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", "
                              "\"Never\" (pod.yaml:6:18)");
        QTest::newRow("restartPolicy-never-allowed")
            << "spec:\n" << "spec:\n  restartPolicy: Never\n" << QString();
        QTest::newRow("volume-mount-not-found")
            << "    image: nginx\n" << "    image: nginx\n    volumeMounts:\n    - name: www\n"
               "      mountPath: /data\n"
            << QStringLiteral("The Pod \"web-0\" is invalid: spec.containers[0].volumeMounts[0].name: "
                              "Not found: \"www\" (pod.yaml:10:13)");
    }
    void pod()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, expected);
        const Pod pod = loadOne<Pod>(edit(kPod, from, to), QStringLiteral("pod.yaml"));
        QCOMPARE(Admission::validateCreate(pod).text(), expected);
    }

    void nodeAndNamespace()
    {
        const QByteArray node = "apiVersion: v1\nkind: Node\nmetadata:\n  name: node-3\nspec:\n"
                                "  taints:\n  - key: dedicated\n    effect: Sometimes\n";
        QCOMPARE(Admission::validateCreate(loadOne<Node>(node, QStringLiteral("node.yaml"))).text(),
                 QStringLiteral("The Node \"node-3\" is invalid: spec.taints[0].effect: "
                                "Unsupported value: \"Sometimes\": supported values: "
                                "\"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\" "
                                "(node.yaml:8:13)"));
        const QByteArray ns = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: Demo\n";
        QCOMPARE(
            Admission::validateCreate(loadOne<Namespace>(ns, QStringLiteral("ns.yaml"))).text(),
            QStringLiteral("The Namespace \"Demo\" is invalid: metadata.name: Invalid value: "
                           "\"Demo\": ")
                + kLabelMsg + QStringLiteral(" (ns.yaml:4:9)"));
    }

    void sampleManifestsAreAdmitted_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("lesson-web") << "web.yaml";
        QTest::newRow("full-statefulset-and-services") << "sts-full.yaml";
        QTest::newRow("full-pod") << "pod-full.yaml";
        QTest::newRow("list") << "list.yaml";
        QTest::newRow("folder") << "folder";
    }
    void sampleManifestsAreAdmitted()
    {
        QFETCH(QString, file);
        const LoadResult r = ManifestLoader::loadPath(QStringLiteral(ORDINAL_TEST_DATA "/") + file);
        QVERIFY(r.ok());
        QVERIFY(!r.objects.isEmpty());
        for (const ManifestObject &m : r.objects) {
            AnyObject object = m.object;
            const QString message = Admission::admit(object).text();
            QVERIFY2(message.isEmpty(), qPrintable(message));
        }
    }

    void admitAnyObject()
    {
        const LoadResult r = ManifestLoader::loadText(kStatefulSet, QStringLiteral("web.yaml"));
        QVERIFY(r.ok());
        AnyObject created = r.objects.at(0).object;
        QCOMPARE(Admission::admit(created).text(), QString());
        QCOMPARE(std::get<StatefulSet>(created).spec.podManagementPolicy,
                 QStringLiteral("OrderedReady"));

        AnyObject changed = ManifestLoader::loadText(
                                edit(kStatefulSet, QStringLiteral("serviceName: nginx"),
                                     QStringLiteral("serviceName: other")),
                                QStringLiteral("web.yaml"))
                                .objects.at(0)
                                .object;
        QCOMPARE(Admission::admit(changed, &created).text(),
                 QStringLiteral("The StatefulSet \"web\" is invalid: ") + kForbiddenUpdate
                     + QStringLiteral(" (web.yaml:6:16)"));
    }
};

QTEST_GUILESS_MAIN(tst_Admission)
#include "tst_admission.moc"
