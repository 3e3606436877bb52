#include "io/manifestloader.h"

#include <QtTest>

#include <sys/stat.h>

using namespace ordinal::core;

// Loading manifests as `kubectl apply -f` reads them: documents, lists, JSON, folders, the
// fields types.h models, positions, and kubectl's error texts.
class tst_ManifestLoader : public QObject
{
    Q_OBJECT

private:
    static QString data(const QString &name)
    {
        return QStringLiteral(ORDINAL_TEST_DATA "/") + name;
    }
    template<typename T>
    static const T &as(const LoadResult &r, int i)
    {
        return std::get<T>(r.objects.at(i).object);
    }

private slots:
    void lessonManifest()
    {
        const QString path = data(QStringLiteral("web.yaml"));
        const LoadResult r = ManifestLoader::loadPath(path);
        QVERIFY2(r.ok(), qPrintable(r.errors.value(0).message));
        QCOMPARE(r.objects.size(), 2);
        QCOMPARE(r.objects.at(0).kind, ObjectKind::Service);
        QCOMPARE(r.objects.at(1).kind, ObjectKind::StatefulSet);

        const Service &svc = as<Service>(r, 0);
        QCOMPARE(svc.metadata.name, QStringLiteral("nginx"));
        QVERIFY(svc.isHeadless());
        QCOMPARE(svc.spec.ports.size(), 1);
        QCOMPARE(svc.spec.ports.at(0).port, 80);
        QCOMPARE(svc.spec.ports.at(0).name, QStringLiteral("web"));
        QCOMPARE(svc.spec.selector.value(QStringLiteral("app")), QStringLiteral("nginx"));

        const StatefulSet &set = as<StatefulSet>(r, 1);
        QCOMPARE(set.metadata.name, QStringLiteral("web"));
        QCOMPARE(set.spec.replicas, 2);
        QCOMPARE(set.spec.serviceName, QStringLiteral("nginx"));
        QVERIFY(set.spec.hasSelector);
        QCOMPARE(set.spec.selector.matchLabels.value(QStringLiteral("app")), QStringLiteral("nginx"));
        QCOMPARE(set.spec.podTemplate.spec.containers.size(), 1);
        const Container &c = set.spec.podTemplate.spec.containers.at(0);
        QCOMPARE(c.image, QStringLiteral("registry.k8s.io/nginx-slim:0.7"));
        QCOMPARE(c.ports.at(0).containerPort, 80);
        QCOMPARE(c.volumeMounts.at(0).mountPath, QStringLiteral("/usr/share/nginx/html"));
        QCOMPARE(set.spec.volumeClaimTemplates.size(), 1);
        QCOMPARE(set.spec.volumeClaimTemplates.at(0).metadata.name, QStringLiteral("www"));
        QCOMPARE(set.spec.volumeClaimTemplates.at(0).spec.accessModes,
                 QStringList{QStringLiteral("ReadWriteOnce")});
        QCOMPARE(set.spec.volumeClaimTemplates.at(0).spec.storage.value, Q_INT64_C(1073741824));
        // Defaulted fields stay empty until admission defaults them.
        QVERIFY(set.spec.updateStrategy.type.isEmpty());
        QVERIFY(!set.spec.updateStrategy.rollingUpdate.has_value());

        // Positions: the second document starts on line 15; "replicas: 2" is line 21, value at 13.
        QCOMPARE(r.objects.at(1).pos.line, 15);
        QCOMPARE(r.objects.at(1).pos.column, 1);
        QCOMPARE(set.metadata.source.line, 15);
        QCOMPARE(set.metadata.source.file, path);
        const SourcePos replicas = set.metadata.fieldSources.value(QStringLiteral("spec.replicas"));
        QCOMPARE(replicas.line, 21);
        QCOMPARE(replicas.column, 13);
        const SourcePos image = set.metadata.fieldSources.value(
            QStringLiteral("spec.template.spec.containers[0].image"));
        QCOMPARE(image.line, 32);
        QCOMPARE(image.column, 16);
    }

    void fullStatefulSetAndServices()
    {
        const LoadResult r = ManifestLoader::loadPath(data(QStringLiteral("sts-full.yaml")));
        QVERIFY2(r.ok(), qPrintable(r.errors.value(0).message));
        QCOMPARE(r.objects.size(), 3);
        const StatefulSet &set = as<StatefulSet>(r, 0);
        QCOMPARE(set.spec.replicas, 5);
        QCOMPARE(set.spec.minReadySeconds, 10);
        QCOMPARE(set.spec.revisionHistoryLimit, 3);
        QCOMPARE(set.spec.podManagementPolicy, QStringLiteral("Parallel"));
        QCOMPARE(set.spec.ordinalsStart, std::optional<int>(2));
        QCOMPARE(set.spec.updateStrategy.type, QStringLiteral("RollingUpdate"));
        QVERIFY(set.spec.updateStrategy.rollingUpdate.has_value());
        QCOMPARE(set.spec.updateStrategy.rollingUpdate->partition, 2);
        QCOMPARE(set.spec.updateStrategy.rollingUpdate->maxUnavailable, QStringLiteral("50%"));
        QCOMPARE(set.spec.whenDeleted, QStringLiteral("Delete"));
        QCOMPARE(set.spec.whenScaled, QStringLiteral("Retain"));
        QCOMPARE(set.spec.selector.matchExpressions.size(), 1);
        QCOMPARE(set.spec.selector.matchExpressions.at(0).op, QStringLiteral("Exists"));
        QCOMPARE(set.spec.volumeClaimTemplates.at(0).spec.storage.value, Q_INT64_C(524288000));
        QCOMPARE(set.spec.volumeClaimTemplates.at(0).spec.storage.text, QStringLiteral("500Mi"));
        QCOMPARE(set.spec.volumeClaimTemplates.at(0).spec.storageClassName, QStringLiteral("fast"));

        const Service &np = as<Service>(r, 1);
        QCOMPARE(np.spec.type, QStringLiteral("NodePort"));
        QVERIFY(np.spec.publishNotReadyAddresses);
        QCOMPARE(np.spec.ports.at(0).targetPort, QStringLiteral("http"));
        QCOMPARE(np.spec.ports.at(0).nodePort, 30080);
        QCOMPARE(np.spec.ports.at(1).targetPort, QStringLiteral("9101"));
        QCOMPARE(np.spec.ports.at(1).protocol, QStringLiteral("UDP"));

        const Service &ext = as<Service>(r, 2);
        QCOMPARE(ext.spec.type, QStringLiteral("ExternalName"));
        QCOMPARE(ext.spec.externalName, QStringLiteral("db.example.com"));
    }

    void fullPod()
    {
        const LoadResult r = ManifestLoader::loadPath(data(QStringLiteral("pod-full.yaml")));
        QVERIFY2(r.ok(), qPrintable(r.errors.value(0).message));
        QCOMPARE(r.objects.size(), 1);
        const Pod &pod = as<Pod>(r, 0);
        QCOMPARE(pod.metadata.namespaceName, QStringLiteral("shop"));
        QCOMPARE(pod.spec.terminationGracePeriodSeconds, Q_INT64_C(10));
        QCOMPARE(pod.spec.nodeSelector.value(QStringLiteral("disk")), QStringLiteral("ssd"));
        QCOMPARE(pod.spec.tolerations.size(), 2);
        QCOMPARE(pod.spec.tolerations.at(0).effect, QStringLiteral("NoSchedule"));
        QCOMPARE(pod.spec.tolerations.at(1).op, QStringLiteral("Exists"));
        QCOMPARE(pod.spec.tolerations.at(1).tolerationSeconds, std::optional<qint64>(60));
        QCOMPARE(pod.spec.affinity.nodeRequired.size(), 1);
        QCOMPARE(pod.spec.affinity.nodeRequired.at(0).at(0).values,
                 (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(pod.spec.affinity.podAntiAffinityRequired.size(), 1);
        QCOMPARE(pod.spec.affinity.podAntiAffinityRequired.at(0).topologyKey,
                 QStringLiteral("kubernetes.io/hostname"));
        QCOMPARE(pod.spec.affinity.podAntiAffinityPreferred.size(), 1);
        QCOMPARE(pod.spec.affinity.podAntiAffinityPreferred.at(0).weight, 50);
        QCOMPARE(pod.spec.affinity.podAntiAffinityPreferred.at(0)
                     .term.labelSelector.matchExpressions.at(0).op,
                 QStringLiteral("NotIn"));
        QCOMPARE(pod.spec.volumes.size(), 2);
        QCOMPARE(pod.spec.volumes.at(0).kind, QStringLiteral("persistentVolumeClaim"));
        QCOMPARE(pod.spec.volumes.at(0).claimName, QStringLiteral("data-db-0"));
        QCOMPARE(pod.spec.volumes.at(1).kind, QStringLiteral("emptyDir"));

        const Container &c = pod.spec.containers.at(0);
        QCOMPARE(c.command, QStringList{QStringLiteral("postgres")});
        QCOMPARE(c.args.size(), 2);
        QCOMPARE(c.ports.at(0).name, QStringLiteral("pg"));
        QCOMPARE(c.resources.requests.value(QStringLiteral("cpu")).value, Q_INT64_C(500));
        QCOMPARE(c.resources.requests.value(QStringLiteral("memory")).value, Q_INT64_C(268435456));
        QCOMPARE(c.resources.limits.value(QStringLiteral("cpu")).value, Q_INT64_C(1000));
        QVERIFY(c.volumeMounts.at(0).readOnly);
        QVERIFY(c.readinessProbe.has_value());
        QCOMPARE(c.readinessProbe->handler, QStringLiteral("httpGet"));
        QCOMPARE(c.readinessProbe->detail, QStringLiteral("http-get http://:8080/healthz"));
        QCOMPARE(c.readinessProbe->initialDelaySeconds, 5);
        QCOMPARE(c.readinessProbe->periodSeconds, 2);
        QCOMPARE(c.readinessProbe->failureThreshold, 6);
        QCOMPARE(c.readinessProbe->timeoutSeconds, 1);
        QVERIFY(c.livenessProbe.has_value());
        QCOMPARE(c.livenessProbe->handler, QStringLiteral("tcpSocket"));
        QCOMPARE(c.livenessProbe->detail, QStringLiteral("tcp-socket :pg"));
        QCOMPARE(c.livenessProbe->timeoutSeconds, 3);
        QVERIFY(!c.startupProbe.has_value());
    }

    void list()
    {
        const LoadResult r = ManifestLoader::loadPath(data(QStringLiteral("list.yaml")));
        QVERIFY2(r.ok(), qPrintable(r.errors.value(0).message));
        QCOMPARE(r.objects.size(), 2);
        QCOMPARE(r.objects.at(0).kind, ObjectKind::Service);
        QCOMPARE(r.objects.at(1).kind, ObjectKind::StatefulSet);
        // The item's position, not the List's.
        QCOMPARE(r.objects.at(1).pos.line, 12);
        QCOMPARE(r.objects.at(1).pos.column, 3);
    }

    void json()
    {
        const LoadResult r = ManifestLoader::loadPath(data(QStringLiteral("web.json")));
        QVERIFY2(r.ok(), qPrintable(r.errors.value(0).message));
        QCOMPARE(r.objects.size(), 1);
        const StatefulSet &set = as<StatefulSet>(r, 0);
        QCOMPARE(set.spec.replicas, 3);
        QCOMPARE(set.metadata.namespaceName, QStringLiteral("demo"));
        const SourcePos replicas = set.metadata.fieldSources.value(QStringLiteral("spec.replicas"));
        QCOMPARE(replicas.line, 6);
        QCOMPARE(replicas.column, 17);
    }

    void folder()
    {
        const QString dir = data(QStringLiteral("folder"));
        const LoadResult r = ManifestLoader::loadPath(dir);
        QVERIFY2(r.ok(), qPrintable(r.errors.value(0).message));
        // a-ns.json, b-svc.yaml, c-node.yml in name order; notes.txt and sub/ are not read.
        QCOMPARE(r.objects.size(), 3);
        QCOMPARE(r.objects.at(0).kind, ObjectKind::Namespace);
        QCOMPARE(r.objects.at(1).kind, ObjectKind::Service);
        QCOMPARE(r.objects.at(2).kind, ObjectKind::Node);
        QCOMPARE(r.objects.at(1).pos.file, dir + QStringLiteral("/b-svc.yaml"));

        const Node &node = std::get<Node>(r.objects.at(2).object);
        QCOMPARE(node.metadata.name, QStringLiteral("node-3"));
        QCOMPARE(node.metadata.labels.value(QStringLiteral("zone")), QStringLiteral("b"));
        QCOMPARE(node.taints.size(), 1);
        QCOMPARE(node.taints.at(0).toString(), QStringLiteral("dedicated=db:NoSchedule"));
        QCOMPARE(node.capacity.value(QStringLiteral("cpu")).value, Q_INT64_C(2000));
        QCOMPARE(node.capacity.value(QStringLiteral("memory")).value, Q_INT64_C(8589934592));
        QCOMPARE(node.capacity.value(QStringLiteral("pods")).value, Q_INT64_C(110));
    }

    void quantities_data()
    {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("value");
        QTest::newRow("cpu-cores") << "cpu" << "\"2\"" << Q_INT64_C(2000);
        QTest::newRow("cpu-millicores") << "cpu" << "500m" << Q_INT64_C(500);
        QTest::newRow("cpu-fraction") << "cpu" << "0.25" << Q_INT64_C(250);
        QTest::newRow("memory-gibibytes") << "memory" << "8Gi" << Q_INT64_C(8589934592);
        QTest::newRow("memory-megabytes") << "memory" << "100M" << Q_INT64_C(100000000);
        QTest::newRow("memory-kibibytes") << "memory" << "1Ki" << Q_INT64_C(1024);
        QTest::newRow("memory-exponent") << "memory" << "1e3" << Q_INT64_C(1000);
        QTest::newRow("pods-count") << "pods" << "110" << Q_INT64_C(110);
    }
    void quantities()
    {
        QFETCH(QString, resource);
        QFETCH(QString, text);
        QFETCH(qint64, value);
        const QByteArray yaml = QStringLiteral("apiVersion: v1\nkind: Node\nmetadata:\n  name: n\n"
                                               "status:\n  capacity:\n    %1: %2\n")
                                    .arg(resource, text)
                                    .toUtf8();
        const LoadResult r = ManifestLoader::loadText(yaml, QStringLiteral("node.yaml"));
        QVERIFY2(r.ok(), qPrintable(r.errors.value(0).message));
        QCOMPARE(std::get<Node>(r.objects.at(0).object).capacity.value(resource).value, value);
    }

    void multiDocumentAndEmptyDocuments()
    {
        const QByteArray yaml = "---\n# only a comment\n---\napiVersion: v1\nkind: Namespace\n"
                                "metadata:\n  name: a\n---\n---\napiVersion: v1\nkind: Namespace\n"
                                "metadata:\n  name: b\n";
        const LoadResult r = ManifestLoader::loadText(yaml, QStringLiteral("ns.yaml"));
        QVERIFY2(r.ok(), qPrintable(r.errors.value(0).message));
        QCOMPARE(r.objects.size(), 2);
        QCOMPARE(std::get<Namespace>(r.objects.at(1).object).metadata.name, QStringLiteral("b"));
        QCOMPARE(r.objects.at(1).pos.line, 10);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");

        // go-yaml: "mapping values are not allowed in this context" at the second colon.
        QTest::newRow("syntax-mapping-value")
            << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\nspec:\n"
                          "  ports:\n  - port: 80\n    name: web: x\n")
            << QStringLiteral("error: error parsing web.yaml: error converting YAML to JSON: "
                              "yaml: line 8: mapping values are not allowed in this context "
                              "(web.yaml:8:14)")
            << 8 << 14;
        QTest::newRow("syntax-bad-indentation")
            << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n    name: nginx\n"
                          "  labels: {}\n")
            << QStringLiteral("error: error parsing web.yaml: error converting YAML to JSON: "
                              "yaml: line 5: did not find expected key (web.yaml:5:3)")
            << 5 << 3;
        QTest::newRow("syntax-unclosed-flow")
            << QByteArray("apiVersion: v1\nkind: Service\nmetadata: {name: nginx\n")
            << QStringLiteral("error: error parsing web.yaml: error converting YAML to JSON: "
                              "yaml: line 4: did not find expected ',' or '}' (web.yaml:4:1)")
            << 4 << 1;
        QTest::newRow("replicas-two")
            << QByteArray("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n"
                          "  replicas: two\n")
            << QStringLiteral("Error from server (BadRequest): error when creating \"web.yaml\": "
                              "StatefulSet in version \"v1\" cannot be handled as a StatefulSet: "
                              "json: cannot unmarshal string into Go struct field "
                              "StatefulSetSpec.spec.replicas of type int32 (web.yaml:6:13)")
            << 6 << 13;
        QTest::newRow("replicas-fraction")
            << QByteArray("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n"
                          "  replicas: 1.5\n")
            << QStringLiteral("Error from server (BadRequest): error when creating \"web.yaml\": "
                              "StatefulSet in version \"v1\" cannot be handled as a StatefulSet: "
                              "json: cannot unmarshal number 1.5 into Go struct field "
                              "StatefulSetSpec.spec.replicas of type int32 (web.yaml:6:13)")
            << 6 << 13;
        QTest::newRow("container-port-string")
            << QByteArray("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n"
                          "  containers:\n  - name: c\n    image: busybox\n    ports:\n"
                          "    - containerPort: \"80\"\n")
            << QStringLiteral("Error from server (BadRequest): error when creating \"web.yaml\": "
                              "Pod in version \"v1\" cannot be handled as a Pod: json: cannot "
                              "unmarshal string into Go struct field "
                              "ContainerPort.spec.containers.ports.containerPort of type int32 "
                              "(web.yaml:10:22)")
            << 10 << 22;
        // YAML 1.1: an unquoted "on" is a bool, which a label value cannot be.
        QTest::newRow("label-value-bool")
            << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\n  labels:\n"
                          "    enabled: on\n")
            << QStringLiteral("Error from server (BadRequest): error when creating \"web.yaml\": "
                              "Service in version \"v1\" cannot be handled as a Service: json: "
                              "cannot unmarshal bool into Go struct field "
                              "ObjectMeta.metadata.labels of type string (web.yaml:6:14)")
            << 6 << 14;
        QTest::newRow("containers-not-a-list")
            << QByteArray("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n"
                          "  containers: busybox\n")
            << QStringLiteral("Error from server (BadRequest): error when creating \"web.yaml\": "
                              "Pod in version \"v1\" cannot be handled as a Pod: json: cannot "
                              "unmarshal string into Go struct field PodSpec.spec.containers of "
                              "type []v1.Container (web.yaml:6:15)")
            << 6 << 15;
        QTest::newRow("quantity-invalid")
            << QByteArray("apiVersion: v1\nkind: Node\nmetadata:\n  name: n\nstatus:\n"
                          "  capacity:\n    cpu: 2 cores\n")
            << QStringLiteral("Error from server (BadRequest): error when creating \"web.yaml\": "
                              "Node in version \"v1\" cannot be handled as a Node: quantities "
                              "must match the regular expression "
                              "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' (web.yaml:7:10)")
            << 7 << 10;
        QTest::newRow("kind-not-set")
            << QByteArray("apiVersion: v1\nmetadata:\n  name: nginx\n")
            << QStringLiteral("error: error validating \"web.yaml\": error validating data: kind "
                              "not set; if you choose to ignore these errors, turn validation off "
                              "with --validate=false (web.yaml:1:1)")
            << 1 << 1;
        QTest::newRow("apiversion-and-kind-not-set")
            << QByteArray("metadata:\n  name: nginx\n")
            << QStringLiteral("error: error validating \"web.yaml\": error validating data: "
                              "[apiVersion not set, kind not set]; if you choose to ignore these "
                              "errors, turn validation off with --validate=false (web.yaml:1:1)")
            << 1 << 1;
    }
    void errors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, message);
        QFETCH(int, line);
        QFETCH(int, column);
        const LoadResult r = ManifestLoader::loadText(yaml, QStringLiteral("web.yaml"));
        QVERIFY(!r.ok());
        QVERIFY(r.objects.isEmpty());
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors.at(0).message, message);
        QCOMPARE(r.errors.at(0).pos.file, QStringLiteral("web.yaml"));
        QCOMPARE(r.errors.at(0).pos.line, line);
        QCOMPARE(r.errors.at(0).pos.column, column);
    }

    void oneBadDocumentLoadsNothing()
    {
        const QByteArray yaml = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: good\n---\n"
                                "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\n"
                                "spec:\n  replicas: [1]\n";
        const LoadResult r = ManifestLoader::loadText(yaml, QStringLiteral("mixed.yaml"));
        QVERIFY(!r.ok());
        QVERIFY2(r.objects.isEmpty(), "the good Namespace must not be returned");
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors.at(0).pos.line, 11);
        QCOMPARE(r.errors.at(0).pos.column, 13);
    }

    // kubectl fails the apply (exit 1) on a kind the server does not know; Ordinal applies
    // nothing of the file (issue 19).
    void unknownKind()
    {
        const QByteArray yaml = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n"
                                "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: kept\n"
                                "---\napiVersion: v1\nkind: StatefulSet\nmetadata:\n  name: web\n"
                                "  namespace: demo\n";
        const LoadResult r = ManifestLoader::loadText(yaml, QStringLiteral("f.yaml"));
        QVERIFY(!r.ok());
        QVERIFY(r.objects.isEmpty());
        QCOMPARE(r.errors.size(), 2);
        QCOMPARE(r.errors.at(0).message,
                 QStringLiteral("error: resource mapping not found for name: \"x\" namespace: \"\" "
                                "from \"f.yaml\": no matches for kind \"Deployment\" in version "
                                "\"apps/v1\" (f.yaml:1:1)\nensure CRDs are installed first"));
        // A known kind in the wrong group/version is no better.
        QCOMPARE(r.errors.at(1).message,
                 QStringLiteral("error: resource mapping not found for name: \"web\" namespace: "
                                "\"demo\" from \"f.yaml\": no matches for kind \"StatefulSet\" in "
                                "version \"v1\" (f.yaml:11:1)\nensure CRDs are installed first"));
    }

    // yaml-cpp 0.7 returns the same empty document forever for a stray comma; the loader stops
    // at the second one and answers as go-yaml does (issue 19, found by fuzz_manifest).
    void strayCommaDoesNotRunAway_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("comma") << QByteArray(",")
                               << QStringLiteral("error: error parsing f.yaml: error converting "
                                                 "YAML to JSON: yaml: line 1: did not find "
                                                 "expected node content (f.yaml:1:1)");
        QTest::newRow("comma-after-document")
            << QByteArray("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n  ,\n")
            << QStringLiteral("error: error parsing f.yaml: error converting YAML to JSON: yaml: "
                              "line 5: did not find expected node content (f.yaml:5:3)");
        QTest::newRow("json-then-comma")
            << QByteArray("{\"apiVersion\": \"v1\", \"kind\": \"Namespace\"},")
            << QStringLiteral("error: error parsing f.yaml: json: offset 42: invalid character "
                              "',' looking for beginning of value (f.yaml:1:42)");
    }
    void strayCommaDoesNotRunAway()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        const LoadResult r = ManifestLoader::loadText(text, QStringLiteral("f.yaml"));
        QVERIFY(r.objects.isEmpty());
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors.at(0).message, message);
    }

    // Files are read within limits: never a device, FIFO or endless input.
    void fileKinds()
    {
        QByteArray bytes;
        QString error;
        QVERIFY(!ManifestLoader::readFile(QStringLiteral("/dev/zero"), &bytes, &error));
        QVERIFY2(error.contains(QStringLiteral("is not a regular file")), qPrintable(error));
        QVERIFY(!ManifestLoader::readFile(QStringLiteral("/dev/null"), &bytes, &error));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString fifo = dir.filePath(QStringLiteral("pipe.yaml"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        // No writer: opening must not block, and the FIFO is refused.
        const LoadResult r = ManifestLoader::loadPath(fifo);
        QCOMPARE(r.errors.size(), 1);
        QVERIFY2(r.errors.at(0).message.contains(QStringLiteral("is not a regular file")),
                 qPrintable(r.errors.at(0).message));
        QVERIFY(!ManifestLoader::readFile(dir.path(), &bytes, &error));
        QVERIFY2(error.contains(QStringLiteral("is a directory")), qPrintable(error));
    }

    void sizeLimit()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("big.yaml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(ManifestLoader::kMaxFileBytes, '#'));
        f.close();
        QByteArray bytes;
        QString error;
        QVERIFY2(ManifestLoader::readFile(path, &bytes, &error), qPrintable(error));
        QCOMPARE(bytes.size(), ManifestLoader::kMaxFileBytes);
        QVERIFY(f.open(QIODevice::Append));
        f.write("\n");
        f.close();
        QVERIFY(!ManifestLoader::readFile(path, &bytes, &error));
        QVERIFY2(error.contains(QStringLiteral("too large")), qPrintable(error));
        const LoadResult text = ManifestLoader::loadText(
            QByteArray(ManifestLoader::kMaxFileBytes + 1, '#'), QStringLiteral("t.yaml"));
        QCOMPARE(text.errors.size(), 1);
    }

    void missingPath()
    {
        const LoadResult r = ManifestLoader::loadPath(QStringLiteral("no/such/x.yaml"));
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors.at(0).message,
                 QStringLiteral("error: the path \"no/such/x.yaml\" does not exist"));
    }
};

QTEST_GUILESS_MAIN(tst_ManifestLoader)
#include "tst_manifestloader.moc"
