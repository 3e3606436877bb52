// Scenario files: what the user did, saved and replayed to the same history.

#include "apiclient.h"
#include "guitestutil.h"

#include "apiserving.h"
#include "mainwindow.h"
#include "history/scenario.h"
#include "session.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ordinal;
using namespace ordinal::gui;

class tst_Scenario : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::isolateSettings(); }
    void roundTrip();
    void rejectsForeignJson_data();
    void rejectsForeignJson();
    void undoTruncatesLog();
    void autosaveWritesScenario();
    void apiWriteReplaysWithoutServer();
};

namespace {

// The simulation's whole trace, one line per watch event and decision.
QStringList trace(const core::Simulation &sim)
{
    QStringList lines;
    for (const core::WatchEvent &e : sim.watchEvents())
        lines << QStringLiteral("%1 %2 %3 %4 %5")
                     .arg(e.time)
                     .arg(int(e.type))
                     .arg(int(e.kind))
                     .arg(e.key)
                     .arg(e.resourceVersion);
    for (const core::Decision &d : sim.decisions())
        lines << QStringLiteral("%1 %2 %3 %4").arg(d.time).arg(d.controller, d.objectKey, d.message);
    return lines;
}

} // namespace

void tst_Scenario::roundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.ordinal"));
    QString ip0;
    core::Millis end = 0;
    {
        Session session;
        session.pause();
        MainWindow window(&session);
        QVERIFY(window.openPaths({test::dataFile("web.yaml")}));
        session.advanceUntilSettled();
        QVERIFY(window.deletePod(QStringLiteral("default/web-0"), false));
        session.advanceUntilSettled();
        ip0 = session.simulation().store().find<core::Pod>(QStringLiteral("default/web-0"))->status.podIP;
        end = session.now();
        QVERIFY(window.saveScenario(path));
    }
    Session session;
    session.pause();
    MainWindow window(&session);
    QVERIFY2(window.openPaths({path}), qPrintable(window.lastError()));
    QCOMPARE(session.now(), end);
    const core::Pod *pod = session.simulation().store().find<core::Pod>(QStringLiteral("default/web-0"));
    QVERIFY(pod);
    QCOMPARE(pod->status.podIP, ip0);
    QCOMPARE(window.scenarioLog().steps().size(), 2);
}

void tst_Scenario::rejectsForeignJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not-json") << QByteArray("steps: []");
    QTest::newRow("other-format") << QByteArray(R"({"format":"something","steps":[]})");
    QTest::newRow("empty-step") << QByteArray(R"({"format":"ordinal-scenario","version":1,"steps":[{"at":0}]})");
}

void tst_Scenario::rejectsForeignJson()
{
    QFETCH(QByteArray, json);
    Scenario scenario;
    QString error;
    QVERIFY(!Scenario::fromJson(json, &scenario, &error));
    QVERIFY(!error.isEmpty());
}

void tst_Scenario::undoTruncatesLog()
{
    Session session;
    session.pause();
    MainWindow window(&session);
    QVERIFY(window.openPaths({test::dataFile("web.yaml")}));
    session.advanceUntilSettled();
    QVERIFY(window.crashPod(QStringLiteral("default/web-1")));
    QCOMPARE(window.scenarioLog().steps().size(), 2);
    window.undoStack()->undo();
    QCOMPARE(window.scenarioLog().steps().size(), 1);
}

void tst_Scenario::autosaveWritesScenario()
{
    Session session;
    session.pause();
    MainWindow window(&session);
    QVERIFY(window.openPaths({test::dataFile("web.yaml")}));
    QFile::remove(MainWindow::autosavePath());
    window.writeAutosave();
    Scenario scenario;
    QString error;
    QVERIFY2(Scenario::load(MainWindow::autosavePath(), &scenario, &error), qPrintable(error));
    QCOMPARE(scenario.steps().size(), 1);
    QFile::remove(MainWindow::autosavePath());
}

void tst_Scenario::apiWriteReplaysWithoutServer()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("api.ordinal"));
    QStringList served;
    {
        Session session;
        session.pause();
        MainWindow window(&session);
        QVERIFY(window.openPaths({test::dataFile("web.yaml")}));
        session.advanceUntilSettled();
        QString error;
        QVERIFY2(window.apiServing()->start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        const QString set = QStringLiteral("/apis/apps/v1/namespaces/default/statefulsets/web");
        QCOMPARE(test::apiRequest(window.apiServing()->server(), "PATCH", set,
                                  R"({"spec":{"replicas":3},"metadata":{"labels":{"tier":"web"}}})"),
                 200);
        session.advanceUntilSettled();
        QCOMPARE(test::apiRequest(window.apiServing()->server(), "DELETE",
                                  QStringLiteral("/api/v1/namespaces/default/pods/web-1")),
                 200);
        session.advanceUntilSettled();
        QCOMPARE(window.scenarioLog().steps().size(), 3);
        QVERIFY(window.scenarioLog().steps().at(1).api.has_value());
        served = trace(session.simulation());
        QVERIFY(window.saveScenario(path));
    }
    // Opened without any server: the API's writes replay from the file.
    Session session;
    session.pause();
    MainWindow window(&session);
    QVERIFY2(window.openPaths({path}), qPrintable(window.lastError()));
    QVERIFY(!window.apiServing()->isServing());
    const core::StatefulSet *set =
        session.simulation().store().find<core::StatefulSet>(QStringLiteral("default/web"));
    QVERIFY(set);
    QCOMPARE(set->spec.replicas, 3);
    QCOMPARE(set->metadata.labels.value(QStringLiteral("tier")), QStringLiteral("web"));
    QCOMPARE(trace(session.simulation()), served);
    // Opened again, it is the same scenario: the API steps are in the log too.
    QCOMPARE(window.scenarioLog().steps().size(), 3);
}

QTEST_MAIN(tst_Scenario)
#include "tst_scenario.moc"
