#include "panels/lessoncatalog.h"
#include "panels/lessonpanel.h"
#include "panels/lessonstepsmodel.h"
#include "panelfixture.h"

#include "io/manifestloader.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace ordinal;
using namespace ordinal::gui;

// Every lesson and example runs to its end: each step's command succeeds when the steps run
// in order and the cluster settles between them; every example manifest loads and applies.
class TestLessonPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void lessonRunsInOrder_data();
    void lessonRunsInOrder();
    void manifestsLoadAndApply();
    void scriptsMatchSteps();
    void navigation();
    void stepOutputShownInPanel();
    void stepRunTwice_data();
    void stepRunTwice();
    void changesCluster_data();
    void changesCluster();
};

void TestLessonPanel::initTestCase()
{
    LessonCatalog::initResources();
    QVERIFY(QFile::exists(QStringLiteral(":/lessons/topology/seed-svc.yaml")));
    QVERIFY(QFile::exists(QStringLiteral(":/content/examples/zookeeper/zk.yaml")));
}

void TestLessonPanel::lessonRunsInOrder_data()
{
    QTest::addColumn<int>("index");
    const QList<Lesson> lessons = LessonCatalog::lessons();
    QCOMPARE(lessons.size(), 5);
    for (int i = 0; i < lessons.size(); ++i)
        QTest::newRow(qPrintable(lessons.at(i).id)) << i;
}

void TestLessonPanel::lessonRunsInOrder()
{
    QFETCH(int, index);
    Session session;
    session.pause();
    LessonPanel panel(&session);
    QSignalSpy ran(&panel, &LessonPanel::commandRun);
    QSignalSpy documents(&panel, &LessonPanel::documentRequested);
    panel.startLesson(index);
    QCOMPARE(panel.currentLesson(), index);
    QVERIFY(panel.stepCount() > 0);
    for (int step = 0; step < panel.stepCount(); ++step) {
        panel.setCurrentStep(step);
        QCOMPARE(panel.currentStep(), step);
        QVERIFY(!panel.explanationText().isEmpty());
        const core::ConsoleOutput out = panel.runCurrentStep();
        QVERIFY2(out.ok(), qPrintable(QStringLiteral("step %1 (%2) failed:\n%3")
                                          .arg(step + 1)
                                          .arg(panel.stepsModel()->lesson().steps.at(step).command,
                                               out.text)));
        session.advanceUntilSettled();
    }
    QCOMPARE(ran.size(), panel.stepCount());
    QCOMPARE(panel.stepsModel()->doneCount(), panel.stepCount());
    QVERIFY(documents.size() >= 1);

    if (panel.stepsModel()->lesson().id == QLatin1String("topology")) {
        // The lesson's point: after the Pods were recreated, the same name answers a new IP.
        const QString last = ran.constLast().at(1).toString();
        const QString ip = test::podIP(session, QStringLiteral("web-1"));
        QVERIFY2(last.contains(ip), qPrintable(last));
    }
}

void TestLessonPanel::manifestsLoadAndApply()
{
    LessonCatalog::initResources();
    const QDir examples(QStringLiteral(":/content/examples"));
    const QStringList folders = examples.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(folders.size(), 4);
    for (const QString &folder : folders) {
        const QDir dir(examples.filePath(folder));
        core::Simulation sim;
        for (const QString &file : dir.entryList({QStringLiteral("*.yaml")}, QDir::Files)) {
            const core::LoadResult loaded = core::ManifestLoader::loadPath(dir.filePath(file));
            QVERIFY2(loaded.ok() && loaded.warnings.isEmpty(),
                     qPrintable(folder + QLatin1Char('/') + file));
            QVERIFY(!loaded.objects.isEmpty());
            const core::ActionResult result = sim.apply(loaded.objects, false);
            QVERIFY2(result.ok, qPrintable(folder + QLatin1Char('/') + file + QStringLiteral(": ")
                                           + result.error));
        }
        sim.advanceUntilSettled(sim.now() + core::kHour);
        QVERIFY2(!sim.store().all<core::Pod>().isEmpty(), qPrintable(folder));
    }
}

void TestLessonPanel::scriptsMatchSteps()
{
    // resources/examples/<id>/script.txt runs the same commands headless.
    for (const Lesson &lesson : LessonCatalog::lessons()) {
        if (!lesson.baseDir.startsWith(QLatin1String(":/content/examples/")))
            continue;
        QFile script(lesson.baseDir + QStringLiteral("/script.txt"));
        QVERIFY2(script.open(QIODevice::ReadOnly), qPrintable(lesson.id));
        QStringList commands;
        for (const QString &line : QString::fromUtf8(script.readAll()).split(QLatin1Char('\n'))) {
            if (!line.trimmed().isEmpty() && !line.startsWith(QLatin1Char('#')))
                commands << line;
        }
        QStringList steps;
        for (const LessonStep &step : lesson.steps)
            steps << step.command;
        QCOMPARE(commands, steps);
    }
}

void TestLessonPanel::navigation()
{
    Session session;
    session.pause();
    LessonPanel panel(&session);
    panel.setLesson(0);
    QCOMPARE(panel.currentStep(), 0);
    panel.previousStep();
    QCOMPARE(panel.currentStep(), 0);
    panel.nextStep();
    panel.nextStep();
    QCOMPARE(panel.currentStep(), 2);
    panel.setCurrentStep(panel.stepCount() - 1);
    panel.nextStep();
    QCOMPARE(panel.currentStep(), panel.stepCount() - 1);
    panel.setLesson(1);
    QCOMPARE(panel.currentStep(), 0);
}


namespace {
int lessonIndex(const QString &id)
{
    const QList<Lesson> lessons = LessonCatalog::lessons();
    for (int i = 0; i < lessons.size(); ++i) {
        if (lessons.at(i).id == id)
            return i;
    }
    return -1;
}
} // namespace

void TestLessonPanel::stepOutputShownInPanel()
{
    // Step 2's point (CLUSTER-IP None) is seen in the lesson panel, whichever tab is in front.
    Session session;
    session.pause();
    LessonPanel panel(&session);
    panel.startLesson(lessonIndex(QStringLiteral("topology")));
    QVERIFY(panel.outputText().isEmpty());
    QVERIFY(panel.runCurrentStep().ok());
    panel.nextStep();
    QVERIFY2(panel.outputText().isEmpty(), "a new step starts without the last step's output");
    const core::ConsoleOutput out = panel.runCurrentStep();
    QVERIFY2(out.ok(), qPrintable(out.text));
    const QString shown = panel.outputText();
    QVERIFY2(shown.contains(QLatin1String("kubectl get service nginx")), qPrintable(shown));
    QVERIFY2(shown.contains(QLatin1String("CLUSTER-IP")), qPrintable(shown));
    QVERIFY2(shown.contains(QLatin1String("None")), qPrintable(shown));
    QCOMPARE(shown.section(QLatin1Char('\n'), 1).trimmed(), out.text.trimmed());
}

void TestLessonPanel::stepRunTwice_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<int>("step");
    QTest::addColumn<bool>("runsAgain");
    QTest::newRow("zookeeper-add-node") << QStringLiteral("zookeeper") << 3 << false;
    QTest::newRow("topology-create-service") << QStringLiteral("topology") << 0 << false;
    QTest::newRow("topology-get-service") << QStringLiteral("topology") << 1 << true;
    QTest::newRow("topology-nslookup") << QStringLiteral("topology") << 7 << true;
}

void TestLessonPanel::stepRunTwice()
{
    QFETCH(QString, lesson);
    QFETCH(int, step);
    QFETCH(bool, runsAgain);
    Session session;
    session.pause();
    LessonPanel panel(&session);
    QSignalSpy ran(&panel, &LessonPanel::commandRun);
    panel.startLesson(lessonIndex(lesson));
    for (int i = 0; i <= step; ++i) {
        panel.setCurrentStep(i);
        const core::ConsoleOutput out = panel.runCurrentStep();
        QVERIFY2(out.ok(), qPrintable(out.text));
        session.advanceUntilSettled();
    }
    const int runs = int(ran.size());
    const qint64 version = session.simulation().store().resourceVersion();
    // Run again: either the same harmless output, or a plain "already ran", never an error.
    const core::ConsoleOutput again = panel.runCurrentStep();
    QVERIFY2(again.ok(), qPrintable(again.text));
    QVERIFY2(!panel.resultText().contains(QLatin1String("failed")), qPrintable(panel.resultText()));
    if (runsAgain) {
        QCOMPARE(ran.size(), runs + 1);
    } else {
        QCOMPARE(ran.size(), runs);
        QCOMPARE(session.simulation().store().resourceVersion(), version);
        QVERIFY2(panel.resultText().contains(QLatin1String("already ran")),
                 qPrintable(panel.resultText()));
    }
    // Seen from another step and back, it still says so.
    panel.nextStep();
    panel.previousStep();
    if (!runsAgain)
        QVERIFY2(panel.resultText().contains(QLatin1String("already ran")),
                 qPrintable(panel.resultText()));
    // A fresh cluster has run nothing: the step runs again.
    panel.startLesson(lessonIndex(lesson));
    QVERIFY(!panel.stepsModel()->isDone(step));
}

void TestLessonPanel::changesCluster_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<bool>("changes");
    QTest::newRow("apply") << QStringLiteral("kubectl apply -f node-3.yaml") << true;
    QTest::newRow("create") << QStringLiteral("kubectl create -f seed-svc.yaml") << true;
    QTest::newRow("delete") << QStringLiteral("kubectl delete pod -l app=nginx") << true;
    QTest::newRow("scale") << QStringLiteral("kubectl scale statefulset web --replicas=4") << true;
    QTest::newRow("sim") << QStringLiteral("sim node-down node-1") << true;
    QTest::newRow("get") << QStringLiteral("kubectl get pods -w -l app=nginx") << false;
    QTest::newRow("describe") << QStringLiteral("kubectl describe pod zk-2") << false;
    QTest::newRow("exec") << QStringLiteral("kubectl exec web-0 -- sh -c 'hostname'") << false;
    QTest::newRow("rollout-status") << QStringLiteral("kubectl rollout status statefulset/web") << false;
    QTest::newRow("nslookup") << QStringLiteral("nslookup web-0.nginx") << false;
    QTest::newRow("dig") << QStringLiteral("dig web-0.nginx.default.svc.cluster.local") << false;
}

void TestLessonPanel::changesCluster()
{
    QFETCH(QString, command);
    QFETCH(bool, changes);
    QCOMPARE(LessonPanel::changesCluster(command), changes);
}

QTEST_MAIN(TestLessonPanel)
#include "tst_lessonpanel.moc"
