// Scenario files: what the user did, saved and replayed to the same history.

#include "guitestutil.h"

#include "mainwindow.h"
#include "history/scenario.h"
#include "session.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

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
};

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

QTEST_MAIN(tst_Scenario)
#include "tst_scenario.moc"
