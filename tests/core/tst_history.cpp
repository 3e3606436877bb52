// Time travel in the core: the state at any past virtual time, acting at a past time
// (history is cut and re-simulated), undoing an action, and determinism of replays.

#include "console/console.h"
#include "sim/simulation.h"

#include <QTest>

#include <memory>

using namespace ordinal;

namespace {

const QString kManifest = QStringLiteral(ORDINAL_SOURCE_DIR "/tests/scenarios/lesson");

QString podIP(const core::Store &store, const QString &name)
{
    const core::Pod *pod = store.find<core::Pod>(QStringLiteral("default"), name);
    return pod ? pod->status.podIP : QString();
}

// The lesson up to both pods Ready, then web-0 deleted and re-created.
void runLesson(core::Simulation &sim, core::Console &console)
{
    console.execute(QStringLiteral("kubectl apply -f seed-svc.yaml"), kManifest);
    console.execute(QStringLiteral("kubectl apply -f seed-statefulset.yaml"), kManifest);
    console.execute(QStringLiteral("wait"));
    console.execute(QStringLiteral("kubectl delete pod web-0"));
    console.execute(QStringLiteral("wait"));
    Q_UNUSED(sim)
}

} // namespace

class tst_History : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Q_INIT_RESOURCE(lessons); }

    // storeAt(t) shows the old IP before the deletion and the new one after.
    void storeAtPastTimes_data()
    {
        QTest::addColumn<qint64>("at");
        QTest::addColumn<QString>("web0");
        QTest::addColumn<QString>("web1");
        QTest::newRow("before-web-0-starts") << qint64(10 * core::kSecond) << QString() << QString();
        QTest::newRow("web-0-running") << qint64(20 * core::kSecond)
                                       << QStringLiteral("10.244.1.7") << QString();
        QTest::newRow("both-running") << qint64(38500) << QStringLiteral("10.244.1.7")
                                      << QStringLiteral("10.244.2.7");
        QTest::newRow("after-recreation") << qint64(41 * core::kSecond)
                                          << QStringLiteral("10.244.1.8")
                                          << QStringLiteral("10.244.2.7");
    }

    void storeAtPastTimes()
    {
        QFETCH(qint64, at);
        QFETCH(QString, web0);
        QFETCH(QString, web1);
        core::Simulation sim;
        core::Console console(sim);
        runLesson(sim, console);
        QCOMPARE(sim.now(), 41 * core::kSecond);
        const core::Store past = sim.storeAt(at);
        QCOMPARE(podIP(past, QStringLiteral("web-0")), web0);
        QCOMPARE(podIP(past, QStringLiteral("web-1")), web1);
        // Looking back changes nothing in the present.
        QCOMPARE(podIP(sim.store(), QStringLiteral("web-0")), QStringLiteral("10.244.1.8"));
    }

    // Acting at a past time discards the later history and re-simulates from there.
    void rewindAndBranch()
    {
        core::Simulation sim;
        core::Console console(sim);
        runLesson(sim, console);
        const qsizetype eventsBefore = sim.watchEvents().size();
        sim.rewindTo(30 * core::kSecond);
        QCOMPARE(sim.now(), 30 * core::kSecond);
        QVERIFY(sim.watchEvents().size() < eventsBefore);
        for (const core::WatchEvent &e : sim.watchEvents())
            QVERIFY2(e.time <= 30 * core::kSecond, "an event from the discarded future remains");
        QVERIFY(!sim.hasActionsAfter(30 * core::kSecond));
        // The branch: scale to 3 instead of deleting web-0.
        QVERIFY(sim.scale(QStringLiteral("default"), QStringLiteral("web"), 3).ok);
        sim.advanceUntilSettled(sim.now() + core::kHour);
        QCOMPARE(podIP(sim.store(), QStringLiteral("web-0")), QStringLiteral("10.244.1.7"));
        QVERIFY(!podIP(sim.store(), QStringLiteral("web-2")).isEmpty());
    }

    // Undo of the last action: as if the deletion had never happened.
    void undoLastAction()
    {
        core::Simulation sim;
        core::Console console(sim);
        runLesson(sim, console);
        const qsizetype actions = sim.actionCount();
        QVERIFY(actions >= 3);
        const core::Millis deletedAt = sim.actionTime(actions - 1);
        sim.rewindToAction(actions - 1);
        QCOMPARE(sim.actionCount(), actions - 1);
        QCOMPARE(sim.now(), deletedAt);
        const core::Pod *web0 = sim.store().find<core::Pod>(QStringLiteral("default"),
                                                            QStringLiteral("web-0"));
        QVERIFY(web0);
        QVERIFY(!web0->metadata.isTerminating());
        QCOMPARE(web0->status.podIP, QStringLiteral("10.244.1.7"));
    }

    // Replays are exact: the store rebuilt at now equals the live one, object for object.
    void replayIsDeterministic()
    {
        core::Simulation sim;
        core::Console console(sim);
        runLesson(sim, console);
        const core::Millis t = sim.now() - core::kSecond;
        const core::Store a = sim.storeAt(t);
        const core::Store b = sim.storeAt(t);
        QCOMPARE(a.resourceVersion(), b.resourceVersion());
        QCOMPARE(a.all<core::Pod>().keys(), b.all<core::Pod>().keys());
        for (const core::Pod &pod : a.all<core::Pod>())
            QCOMPARE(b.find<core::Pod>(objectKey(pod.metadata))->metadata.uid, pod.metadata.uid);
    }

    // With history off and no listener wanting objects, a write's watch event comes without
    // its object (a removal's keeps it); the simulation does exactly the same either way.
    void eventObjectsOnlyWhenWanted()
    {
        struct Recorder : core::SimulationListener
        {
            explicit Recorder(bool objects)
                : objects(objects)
            {
            }
            void watchEvent(const core::WatchEvent &e) override
            {
                lines << QStringLiteral("%1 %2 %3 %4")
                             .arg(e.time)
                             .arg(int(e.type))
                             .arg(e.key)
                             .arg(e.resourceVersion);
                withObject += e.object ? 1 : 0;
                deletions += e.type == core::WatchEventType::Deleted ? 1 : 0;
            }
            bool wantsObjects() const override { return objects; }
            const bool objects;
            QStringList lines;
            int withObject = 0;
            int deletions = 0;
        };
        const auto run = [](Recorder &recorder) {
            auto sim = std::make_unique<core::Simulation>();
            sim->setRecordHistory(false);
            sim->addListener(&recorder);
            core::Console console(*sim);
            runLesson(*sim, console);
            sim->removeListener(&recorder);
            return sim;
        };
        Recorder full(true);
        Recorder bare(false);
        const auto a = run(full);
        const auto b = run(bare);
        QVERIFY(full.lines.size() > 20);
        QCOMPARE(bare.lines, full.lines);
        QCOMPARE(full.withObject, full.lines.size());
        QVERIFY(bare.deletions > 0);
        QCOMPARE(bare.withObject, bare.deletions);
        QCOMPARE(b->store().resourceVersion(), a->store().resourceVersion());
        for (const core::Pod &pod : a->store().all<core::Pod>()) {
            const core::Pod *other = b->store().find<core::Pod>(objectKey(pod.metadata));
            QVERIFY(other);
            QCOMPARE(other->status.podIP, pod.status.podIP);
            QCOMPARE(other->isReady(), pod.isReady());
        }
        // A listener that wants objects gets them again as soon as it is added.
        Recorder late(true);
        b->addListener(&late);
        QVERIFY(b->scale(QStringLiteral("default"), QStringLiteral("web"), 3).ok);
        b->advanceUntilSettled(b->now() + core::kHour);
        QVERIFY(late.lines.size() > 3);
        QCOMPARE(late.withObject, late.lines.size());
        b->removeListener(&late);
    }

    // A copy of the store (a checkpoint) shares its objects until either side changes; finding
    // by key must then see each side's own objects, never the other's.
    void storeCopiesFindTheirOwnObjects()
    {
        const auto pod = [](const QString &name, const QString &ip) {
            core::Pod p;
            p.metadata.name = name;
            p.metadata.namespaceName = QStringLiteral("default");
            p.status.podIP = ip;
            return p;
        };
        core::Store live;
        live.put(pod(QStringLiteral("web-0"), QStringLiteral("10.244.1.2")), 0);
        live.put(pod(QStringLiteral("web-1"), QStringLiteral("10.244.2.2")), 0);
        const core::Store checkpoint = live;
        live.put(pod(QStringLiteral("web-0"), QStringLiteral("10.244.1.3")), 1);
        live.remove<core::Pod>(QStringLiteral("default/web-1"), 1);
        live.put(pod(QStringLiteral("web-2"), QStringLiteral("10.244.3.2")), 1);
        QCOMPARE(podIP(live, QStringLiteral("web-0")), QStringLiteral("10.244.1.3"));
        QCOMPARE(podIP(live, QStringLiteral("web-1")), QString());
        QCOMPARE(podIP(live, QStringLiteral("web-2")), QStringLiteral("10.244.3.2"));
        QCOMPARE(podIP(checkpoint, QStringLiteral("web-0")), QStringLiteral("10.244.1.2"));
        QCOMPARE(podIP(checkpoint, QStringLiteral("web-1")), QStringLiteral("10.244.2.2"));
        QCOMPARE(podIP(checkpoint, QStringLiteral("web-2")), QString());

        // Going back: the restored copy changes without touching the checkpoint.
        core::Store restored = checkpoint;
        restored.put(pod(QStringLiteral("web-1"), QStringLiteral("10.244.2.3")), 2);
        QCOMPARE(podIP(restored, QStringLiteral("web-1")), QStringLiteral("10.244.2.3"));
        QCOMPARE(podIP(restored, QStringLiteral("web-0")), QStringLiteral("10.244.1.2"));
        QCOMPARE(podIP(checkpoint, QStringLiteral("web-1")), QStringLiteral("10.244.2.2"));
        QCOMPARE(restored.all<core::Pod>().size(), 2);
    }

    // Changing a stored pod in place: the change is seen by the store that made it, not by a
    // copy taken before (a checkpoint); the event and resourceVersion are those of a write;
    // node usage and the pending pods follow the pod's binding.
    void storeUpdatesInPlace()
    {
        core::Pod pod;
        pod.metadata.name = QStringLiteral("web-0");
        pod.metadata.namespaceName = QStringLiteral("default");
        core::Container container;
        container.resources.requests.insert(QStringLiteral("cpu"),
                                            core::Quantity{250, QStringLiteral("250m")});
        pod.spec.containers = {container};
        const QString key = QStringLiteral("default/web-0");
        core::Store live;
        live.put(pod, 0);
        QCOMPARE(live.pendingPods(), QStringList({key}));
        const core::Store checkpoint = live;
        const core::Pod *stored = nullptr;
        const core::WatchEvent bound = live.update<core::Pod>(
            key, 5, true,
            [](core::Pod &p) {
                p.spec.nodeName = QStringLiteral("node-1");
                p.status.podIP = QStringLiteral("10.244.1.2");
            },
            &stored);
        QCOMPARE(bound.type, core::WatchEventType::Modified);
        QCOMPARE(bound.time, core::Millis(5));
        QCOMPARE(bound.resourceVersion, live.resourceVersion());
        QCOMPARE(stored, live.find<core::Pod>(key));
        QCOMPARE(stored->metadata.resourceVersion, live.resourceVersion());
        QVERIFY(bound.as<core::Pod>());
        QCOMPARE(bound.as<core::Pod>()->status.podIP, QStringLiteral("10.244.1.2"));
        QCOMPARE(podIP(live, QStringLiteral("web-0")), QStringLiteral("10.244.1.2"));
        QCOMPARE(podIP(checkpoint, QStringLiteral("web-0")), QString());
        QCOMPARE(live.pendingPods(), QStringList());
        QCOMPARE(checkpoint.pendingPods(), QStringList({key}));
        QCOMPARE(live.nodeUsage(QStringLiteral("node-1")).pods, 1);
        QCOMPARE(live.nodeUsage(QStringLiteral("node-1")).cpuMilli, qint64(250));
        QCOMPARE(checkpoint.nodeUsage(QStringLiteral("node-1")).pods, 0);

        // A status change leaves the usage alone; failing the pod frees its share.
        live.update<core::Pod>(key, 6, false,
                               [](core::Pod &p) { p.status.phase = core::PodPhase::Running; });
        QCOMPARE(live.nodeUsage(QStringLiteral("node-1")).pods, 1);
        const core::WatchEvent failed = live.update<core::Pod>(
            key, 7, false, [](core::Pod &p) { p.status.phase = core::PodPhase::Failed; });
        QVERIFY(!failed.object);
        QCOMPARE(live.nodeUsage(QStringLiteral("node-1")).pods, 0);
        QCOMPARE(live.nodeUsage(QStringLiteral("node-1")).cpuMilli, qint64(0));
        QCOMPARE(live.podsOnNode(QStringLiteral("node-1")).size(), 1);
        live.remove<core::Pod>(key, 8);
        QCOMPARE(live.podsOnNode(QStringLiteral("node-1")).size(), 0);
        QCOMPARE(live.pendingPods(), QStringList());
    }

    // The work queue hands items out by (time, seq), whatever order the times were pushed in,
    // including items pushed for the time being drained; a copy (a checkpoint) keeps its own.
    void workQueueOrderAndCopies()
    {
        qint64 seq = 0;
        const auto item = [&seq](core::Millis time, const QString &key) {
            core::WorkItem w;
            w.time = time;
            w.seq = ++seq;
            w.key = key;
            return w;
        };
        const auto drain = [](core::WorkQueue queue, core::Millis until) {
            QStringList keys;
            while (!queue.isEmpty() && queue.nextTime() <= until)
                keys << queue.pop().key;
            return keys;
        };
        core::WorkQueue live;
        live.push(item(20, QStringLiteral("a")));
        live.push(item(10, QStringLiteral("b")));
        live.push(item(20, QStringLiteral("c")));
        live.push(item(10, QStringLiteral("d")));
        QCOMPARE(live.nextTime(), core::Millis(10));
        QCOMPARE(live.pop().key, QStringLiteral("b"));
        const core::WorkQueue checkpoint = live;
        live.push(item(10, QStringLiteral("e"))); // pushed while time 10 is being drained
        live.push(item(15, QStringLiteral("f")));
        QCOMPARE(drain(live, 1000),
                 QStringList({QStringLiteral("d"), QStringLiteral("e"), QStringLiteral("f"),
                              QStringLiteral("a"), QStringLiteral("c")}));
        QCOMPARE(drain(live, 15), QStringList({QStringLiteral("d"), QStringLiteral("e"),
                                               QStringLiteral("f")}));
        QCOMPARE(drain(checkpoint, 1000),
                 QStringList({QStringLiteral("d"), QStringLiteral("a"), QStringLiteral("c")}));
        QVERIFY(core::WorkQueue().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_History)
#include "tst_history.moc"
