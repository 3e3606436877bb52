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

QTEST_MAIN(TestLessonPanel)
#include "tst_lessonpanel.moc"
