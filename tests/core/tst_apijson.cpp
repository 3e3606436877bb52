// apijson: the API objects as the API server writes them. Every manifest Ordinal ships loads,
// is admitted, becomes JSON, and that JSON loads back into the same object (the loader reads
// JSON); a settled simulation's objects carry the status fields kubectl reads.

#include "api/admission.h"
#include "api/json.h"
#include "console/console.h"
#include "io/manifestloader.h"
#include "sim/simulation.h"

#include <QDir>
#include <QRegularExpression>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace ordinal;
using nlohmann::json;

namespace {

// 2026-12-03T14:00:00Z
constexpr qint64 kEpoch = 1796306400000;

QString text(const json &value)
{
    return QString::fromStdString(value.dump(2));
}

// What the loader reads back: everything but status and the server-set metadata.
json specPart(json document)
{
    document.erase("status");
    if (document.contains("metadata")) {
        json &meta = document["metadata"];
        for (const char *key : {"uid", "resourceVersion", "generation", "creationTimestamp",
                                "deletionTimestamp", "deletionGracePeriodSeconds",
                                "ownerReferences"})
            meta.erase(key);
    }
    // A claim template's status is the defaulted phase, which the loader does not read.
    if (document.contains("spec") && document["spec"].contains("volumeClaimTemplates")) {
        for (json &claim : document["spec"]["volumeClaimTemplates"])
            claim.erase("status");
    }
    return document;
}

const json *at(const json &document, std::initializer_list<const char *> path)
{
    const json *node = &document;
    for (const char *key : path) {
        if (!node->is_object() || !node->contains(key))
            return nullptr;
        node = &(*node)[key];
    }
    return node;
}

QString str(const json &document, std::initializer_list<const char *> path)
{
    const json *node = at(document, path);
    return node && node->is_string() ? QString::fromStdString(node->get<std::string>()) : QString();
}

// QCOMPARE for JSON values, printing both documents on a mismatch.
#define JCOMPARE(actual, expected)                                                                 \
    QVERIFY2((actual) == (expected),                                                               \
             qPrintable(QStringLiteral("%1 is %2, expected %3")                                    \
                            .arg(QStringLiteral(#actual), text(actual), text(expected))))

const QRegularExpression &rfc3339Pattern()
{
    static const QRegularExpression re(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"));
    return re;
}

} // namespace

class tst_ApiJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Q_INIT_RESOURCE(lessons); }

    void rfc3339_data()
    {
        QTest::addColumn<qint64>("virtualTime");
        QTest::addColumn<qint64>("epoch");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zero") << qint64(0) << kEpoch << QStringLiteral("2026-12-03T14:00:00Z");
        QTest::newRow("truncated-to-second")
            << qint64(65 * core::kSecond + 999) << kEpoch << QStringLiteral("2026-12-03T14:01:05Z");
        QTest::newRow("next-day") << qint64(10 * core::kHour) << kEpoch
                                  << QStringLiteral("2026-12-04T00:00:00Z");
        QTest::newRow("unix-epoch") << qint64(0) << qint64(0)
                                    << QStringLiteral("1970-01-01T00:00:00Z");
        QTest::newRow("before-epoch-rounds-down") << qint64(-1) << qint64(0)
                                                  << QStringLiteral("1969-12-31T23:59:59Z");
    }

    void rfc3339()
    {
        QFETCH(qint64, virtualTime);
        QFETCH(qint64, epoch);
        QFETCH(QString, expected);
        QCOMPARE(core::apijson::rfc3339(virtualTime, epoch), expected);
    }

    void resourceTable()
    {
        const auto &table = core::apijson::resourceTable();
        QCOMPARE(table.size(), 10);
        QSet<int> kinds;
        for (const auto &info : table) {
            kinds.insert(int(info.kind));
            QCOMPARE(info.kindName, core::kindName(info.kind));
            QVERIFY2(info.verbs.contains(QStringLiteral("patch")), qPrintable(info.plural));
            QCOMPARE(&core::apijson::resourceInfo(info.kind), &info);
        }
        QCOMPARE(kinds.size(), 10);
        const auto *sts = core::apijson::findResource(QStringLiteral("sts"));
        QVERIFY(sts);
        QCOMPARE(sts->apiVersion(), QStringLiteral("apps/v1"));
        QCOMPARE(sts->plural, QStringLiteral("statefulsets"));
        QVERIFY(sts->namespaced);
        const auto *nodes = core::apijson::findResource(QStringLiteral("Node"));
        QVERIFY(nodes);
        QCOMPARE(nodes->apiVersion(), QStringLiteral("v1"));
        QVERIFY(!nodes->namespaced);
        QCOMPARE(core::apijson::findResource(QStringLiteral("po"))->kind, core::ObjectKind::Pod);
        const auto *pdb = core::apijson::findResource(QStringLiteral("pdb"));
        QVERIFY(pdb);
        QCOMPARE(pdb->apiVersion(), QStringLiteral("policy/v1"));
        QCOMPARE(pdb->qualifiedSingular(), QStringLiteral("poddisruptionbudget.policy"));
        QCOMPARE(core::apijson::findResource(QStringLiteral("deployments")), nullptr);
    }

    // Load, admit, toJson, load the JSON back, admit, toJson: the same document.
    void roundTrip_data()
    {
        QTest::addColumn<QString>("path");
        QStringList files;
        QDir scenarios(QStringLiteral(ORDINAL_SOURCE_DIR "/tests/scenarios"));
        for (const QString &dir : scenarios.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            QDir d(scenarios.filePath(dir));
            for (const QString &f : d.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name))
                files << d.filePath(f);
        }
        QDir data(QStringLiteral(ORDINAL_TEST_DATA "/apijson"));
        for (const QString &f : data.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name))
            files << data.filePath(f);
        for (const QString &file : files) {
            const QString name = QFileInfo(file).dir().dirName() + QLatin1Char('/')
                + QFileInfo(file).fileName();
            QTest::newRow(qPrintable(name)) << file;
        }
    }

    void roundTrip()
    {
        QFETCH(QString, path);
        const core::LoadResult loaded = core::ManifestLoader::loadPath(path);
        if (!loaded.ok())
            QSKIP("the manifest does not load (an error case)");
        int checked = 0;
        for (const core::ManifestObject &mo : loaded.objects) {
            core::AnyObject first = mo.object;
            if (!core::Admission::admit(first).isEmpty())
                continue; // an invalid object (a validation scenario)
            const json firstJson = core::apijson::toJson(first, kEpoch);
            const QByteArray bytes = QByteArray::fromStdString(firstJson.dump());
            const core::LoadResult again =
                core::ManifestLoader::loadText(bytes, QStringLiteral("x.json"));
            QVERIFY2(again.ok() && again.objects.size() == 1,
                     qPrintable(QStringLiteral("%1 does not load back: %2\n%3")
                                    .arg(mo.pos.toString(),
                                         again.errors.isEmpty() ? QString()
                                                                : again.errors.first().message,
                                         QString::fromUtf8(bytes))));
            core::AnyObject second = again.objects.first().object;
            const QString admitted = core::Admission::admit(second).text();
            QVERIFY2(admitted.isEmpty(), qPrintable(admitted));
            const json secondJson = core::apijson::toJson(second, kEpoch);
            const json a = specPart(firstJson);
            const json b = specPart(secondJson);
            if (a != b) {
                const json diff = json::diff(a, b);
                QFAIL(qPrintable(QStringLiteral("%1 changes in the round trip: %2")
                                     .arg(mo.pos.toString(), text(diff))));
            }
            // Status and metadata are written as a whole too.
            QVERIFY(firstJson.contains("apiVersion") && firstJson.contains("kind"));
            QVERIFY(rfc3339Pattern().match(str(firstJson, {"metadata", "creationTimestamp"})).hasMatch());
            ++checked;
        }
        if (checked == 0)
            QSKIP("admission rejects every object (a validation case)");
    }

    // The shapes of fields the round trip cannot see (the loader reads them into text).
    void upstreamShapes()
    {
        const core::LoadResult loaded = core::ManifestLoader::loadPath(
            QStringLiteral(ORDINAL_TEST_DATA "/apijson/kitchen-sink.yaml"));
        QVERIFY(loaded.ok());
        json pod, set, service, node;
        for (const core::ManifestObject &mo : loaded.objects) {
            core::AnyObject object = mo.object;
            QCOMPARE(core::Admission::admit(object).text(), QString());
            const json j = core::apijson::toJson(object, kEpoch);
            if (mo.kind == core::ObjectKind::Pod)
                pod = j;
            else if (mo.kind == core::ObjectKind::StatefulSet)
                set = j;
            else if (mo.kind == core::ObjectKind::Service)
                service = j;
            else if (mo.kind == core::ObjectKind::Node)
                node = j;
        }
        const json &main = pod["spec"]["containers"][0];
        JCOMPARE(main["livenessProbe"]["tcpSocket"], json({{"port", 8080}}));
        JCOMPARE(main["readinessProbe"]["exec"], json({{"command", {"cat", "/tmp/ready"}}}));
        JCOMPARE(main["startupProbe"]["httpGet"],
                 json({{"path", "/healthz"}, {"port", "http"}, {"scheme", "HTTPS"}}));
        JCOMPARE(main["startupProbe"]["timeoutSeconds"], json(4));
        JCOMPARE(main["resources"]["requests"]["cpu"], json("250m"));
        JCOMPARE(main["resources"]["limits"]["memory"], json("128Mi"));
        JCOMPARE(pod["spec"]["volumes"][1]["persistentVolumeClaim"]["claimName"], json("data"));
        JCOMPARE(pod["spec"]["volumes"][2]["configMap"], json::object());
        JCOMPARE(pod["status"]["qosClass"], json("Burstable"));
        JCOMPARE(pod["apiVersion"], json("v1"));

        JCOMPARE(set["apiVersion"], json("apps/v1"));
        JCOMPARE(set["spec"]["updateStrategy"]["rollingUpdate"],
                 json({{"partition", 1}, {"maxUnavailable", "50%"}}));
        JCOMPARE(set["spec"]["ordinals"]["start"], json(5));
        JCOMPARE(set["spec"]["template"]["metadata"]["creationTimestamp"], json());
        JCOMPARE(set["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["grpc"]["port"],
                 json(9000));
        const json &claim = set["spec"]["volumeClaimTemplates"][0];
        JCOMPARE(claim["kind"], json("PersistentVolumeClaim"));
        JCOMPARE(claim["spec"]["resources"]["requests"]["storage"], json("1Gi"));
        JCOMPARE(claim["status"]["phase"], json("Pending"));

        JCOMPARE(service["spec"]["clusterIPs"], json({"10.0.0.42"}));
        JCOMPARE(service["spec"]["ports"][0]["targetPort"], json("http"));
        JCOMPARE(service["spec"]["ports"][1]["targetPort"], json(9100));
        JCOMPARE(service["spec"]["ipFamilies"], json({"IPv4"}));

        JCOMPARE(node["spec"]["taints"][0],
                 json({{"key", "dedicated"}, {"value", "db"}, {"effect", "NoSchedule"}}));
        JCOMPARE(node["status"]["allocatable"]["memory"], json("8Gi"));
        QVERIFY(!node["metadata"].contains("namespace"));
    }

    // A settled cluster: the status fields kubectl and the API server's clients read.
    void settledCluster()
    {
        core::Simulation sim;
        core::Console console(sim);
        console.execute(QStringLiteral("kubectl apply -f web.yaml"),
                        QStringLiteral(ORDINAL_SOURCE_DIR "/tests/scenarios/ordered-creation"));
        console.execute(QStringLiteral("wait"));
        const core::Store &store = sim.store();

        const auto *set = store.find<core::StatefulSet>(QStringLiteral("default"),
                                                        QStringLiteral("web"));
        QVERIFY(set);
        const json s = core::apijson::toJson(core::AnyObject(*set), kEpoch);
        JCOMPARE(s["kind"], json("StatefulSet"));
        JCOMPARE(s["status"]["replicas"], json(3));
        JCOMPARE(s["status"]["readyReplicas"], json(3));
        JCOMPARE(s["status"]["availableReplicas"], json(3));
        QVERIFY(!str(s, {"status", "currentRevision"}).isEmpty());
        JCOMPARE(s["status"]["currentRevision"], s["status"]["updateRevision"]);
        QVERIFY(s["metadata"]["resourceVersion"].is_string());
        QVERIFY(!str(s, {"metadata", "uid"}).isEmpty());

        for (const QString &name : {QStringLiteral("web-0"), QStringLiteral("web-1"),
                                   QStringLiteral("web-2")}) {
            const auto *pod = store.find<core::Pod>(QStringLiteral("default"), name);
            QVERIFY2(pod, qPrintable(name));
            const json p = core::apijson::toJson(*pod, kEpoch);
            QVERIFY2(p["status"]["phase"] == "Running", qPrintable(name));
            QVERIFY2(!str(p, {"status", "podIP"}).isEmpty(), qPrintable(name));
            JCOMPARE(p["status"]["podIPs"][0]["ip"], p["status"]["podIP"]);
            JCOMPARE(p["status"]["hostIPs"][0]["ip"], p["status"]["hostIP"]);
            QVERIFY(rfc3339Pattern().match(str(p, {"status", "startTime"})).hasMatch());
            bool ready = false;
            for (const json &c : p["status"]["conditions"]) {
                QVERIFY(c.contains("lastTransitionTime"));
                if (c["type"] == "Ready")
                    ready = c["status"] == "True";
            }
            QVERIFY2(ready, qPrintable(name));
            const json &cs = p["status"]["containerStatuses"][0];
            JCOMPARE(cs["name"], json("nginx"));
            JCOMPARE(cs["ready"], json(true));
            QVERIFY(rfc3339Pattern()
                        .match(QString::fromStdString(cs["state"]["running"]["startedAt"]))
                        .hasMatch());
            JCOMPARE(cs["lastState"], json::object());
            JCOMPARE(p["status"]["qosClass"], json("BestEffort"));
            const json &owner = p["metadata"]["ownerReferences"][0];
            JCOMPARE(owner["kind"], json("StatefulSet"));
            JCOMPARE(owner["name"], json("web"));
            JCOMPARE(owner["controller"], json(true));
            JCOMPARE(owner["uid"], s["metadata"]["uid"]);
            JCOMPARE(p["spec"]["hostname"], json(name.toStdString()));
            JCOMPARE(p["spec"]["subdomain"], json("nginx"));
            QVERIFY(!str(p, {"spec", "nodeName"}).isEmpty());
        }

        const auto &nodes = store.all<core::Node>();
        QVERIFY(!nodes.isEmpty());
        for (const core::Node &node : nodes) {
            const json n = core::apijson::toJson(node, kEpoch);
            QVERIFY(!n["metadata"].contains("namespace"));
            JCOMPARE(n["status"]["nodeInfo"]["kubeletVersion"], json(node.kubeletVersion.toStdString()));
            bool hasInternal = false;
            for (const json &a : n["status"]["addresses"])
                hasInternal |= a["type"] == "InternalIP" && !a["address"].get<std::string>().empty();
            QVERIFY2(hasInternal, qPrintable(node.metadata.name));
            bool ready = false;
            for (const json &c : n["status"]["conditions"])
                ready |= c["type"] == "Ready" && c["status"] == "True";
            QVERIFY2(ready, qPrintable(node.metadata.name));
            QVERIFY(n["status"]["capacity"].contains("cpu"));
        }

        const auto *endpoints = store.find<core::Endpoints>(QStringLiteral("default"),
                                                            QStringLiteral("nginx"));
        QVERIFY(endpoints);
        const json e = core::apijson::toJson(*endpoints, kEpoch);
        JCOMPARE(e["subsets"][0]["addresses"].size(), size_t(3));
        JCOMPARE(e["subsets"][0]["addresses"][0]["targetRef"]["kind"], json("Pod"));

        const auto &revisions = store.all<core::ControllerRevision>();
        QVERIFY(!revisions.isEmpty());
        const json r = core::apijson::toJson(revisions.first(), kEpoch);
        JCOMPARE(r["apiVersion"], json("apps/v1"));
        JCOMPARE(r["data"]["spec"]["template"]["$patch"], json("replace"));
        JCOMPARE(r["data"]["spec"]["template"]["spec"]["containers"][0]["image"], json("nginx:1.25"));
        JCOMPARE(r["revision"], json(1));

        const auto &events = store.all<core::Event>();
        QVERIFY(!events.isEmpty());
        const json ev = core::apijson::toJson(events.first(), kEpoch);
        QVERIFY(!str(ev, {"involvedObject", "kind"}).isEmpty());
        QVERIFY(!str(ev, {"source", "component"}).isEmpty());
        QVERIFY(rfc3339Pattern().match(str(ev, {"lastTimestamp"})).hasMatch());
        QVERIFY(ev["count"].get<int>() >= 1);

        // AnyObject dispatches to the same writer.
        const core::Pod *web0 = store.find<core::Pod>(QStringLiteral("default"), QStringLiteral("web-0"));
        JCOMPARE(core::apijson::toJson(core::AnyObject(*web0), kEpoch),
                 core::apijson::toJson(*web0, kEpoch));
    }

    // The API server's update path (a PATCH or PUT of a live object): every object of a kind the
    // loader reads serializes, loads back, passes admission as an update of itself, and comes
    // back with the same spec.
    void settledObjectsReload()
    {
        core::Simulation sim;
        core::Console console(sim);
        console.execute(QStringLiteral("kubectl apply -f web.yaml"),
                        QStringLiteral(ORDINAL_SOURCE_DIR "/tests/scenarios/pvc-retention"));
        console.execute(QStringLiteral("wait"));
        const core::Store &store = sim.store();
        int checked = 0;
        const auto check = [&](const auto &objects) {
            for (const auto &object : objects) {
                const core::AnyObject existing(object);
                const json first = core::apijson::toJson(existing, kEpoch);
                const QByteArray bytes = QByteArray::fromStdString(first.dump());
                const core::LoadResult again =
                    core::ManifestLoader::loadText(bytes, QStringLiteral("x.json"));
                QVERIFY2(again.ok() && again.objects.size() == 1, bytes.constData());
                core::AnyObject updated = again.objects.first().object;
                const QString message = core::Admission::admit(updated, &existing).text();
                QVERIFY2(message.isEmpty(), qPrintable(object.metadata.name + QLatin1String(": ")
                                                       + message));
                const json second = core::apijson::toJson(updated, kEpoch);
                const json a = specPart(first);
                const json b = specPart(second);
                QVERIFY2(a == b, qPrintable(object.metadata.name + QLatin1String(": ")
                                            + text(json::diff(a, b))));
                ++checked;
            }
        };
        check(store.all<core::StatefulSet>());
        check(store.all<core::Pod>());
        check(store.all<core::Service>());
        check(store.all<core::Node>());
        check(store.all<core::Namespace>());
        check(store.all<core::PersistentVolumeClaim>());
        QVERIFY(checked > 5);
    }
};

QTEST_GUILESS_MAIN(tst_ApiJson)
#include "tst_apijson.moc"
