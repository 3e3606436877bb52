// One history of everything the user did: console, lesson, window and Kubernetes API entries
// undone and redone in turn, branches that keep what they replace, and Edit ▸ History.

#include "apiclient.h"
#include "guitestutil.h"

#include "apiserving.h"
#include "history/history.h"
#include "history/historydialog.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "panels/consolepanel.h"
#include "panels/lessonpanel.h"
#include "session.h"

#include <QAbstractItemModel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>
#include <QUndoView>

using namespace ordinal;
using namespace ordinal::gui;

namespace {

const QString kSet = QStringLiteral("default/web");
const QString kSetPath = QStringLiteral("/apis/apps/v1/namespaces/default/statefulsets/web");

const core::StatefulSet *statefulSet(Session &session)
{
    return session.simulation().store().find<core::StatefulSet>(kSet);
}

bool cordoned(Session &session, const QString &node)
{
    const core::Node *n = session.simulation().store().find<core::Node>(node);
    return n && n->unschedulable;
}

QStringList entries(const QUndoStack *stack)
{
    QStringList texts;
    for (int i = 0; i < stack->count(); ++i)
        texts << stack->text(i);
    return texts;
}

} // namespace

class tst_UndoHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::isolateSettings(); }
    void undoRedoAcrossSources();
    void actingAfterUndoStartsBranch();
    void actingInThePastStartsBranch();
    void historyViewStepsThrough();
};

void tst_UndoHistory::undoRedoAcrossSources()
{
    Session session;
    session.pause();
    MainWindow window(&session);
    auto *lesson = window.findChild<LessonPanel *>();
    auto *console = window.findChild<ConsolePanel *>();
    QVERIFY(lesson && console);
    QUndoStack *stack = window.undoStack();

    // A lesson's steps, a typed command, a window action and a client's write.
    lesson->startLesson(0);
    lesson->setCurrentStep(0);
    QVERIFY(lesson->runCurrentStep().ok());
    lesson->setCurrentStep(2);
    QVERIFY(lesson->runCurrentStep().ok());
    session.advanceUntilSettled();
    const int replicas = statefulSet(session)->spec.replicas;
    console->runCommand(QStringLiteral("kubectl scale statefulset web --replicas=%1").arg(replicas + 1));
    session.advanceUntilSettled();
    QVERIFY(window.cordonNode(QStringLiteral("node-1"), true));
    QString error;
    QVERIFY2(window.apiServing()->start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    QCOMPARE(test::apiRequest(window.apiServing()->server(), "PATCH", kSetPath,
                              R"({"metadata":{"labels":{"tier":"web"}}})"),
             200);
    QCOMPARE(entries(stack),
             QStringList({QStringLiteral("kubectl create -f seed-svc.yaml"),
                          QStringLiteral("kubectl create -f seed-statefulset.yaml"),
                          QStringLiteral("kubectl scale statefulset web --replicas=%1").arg(replicas + 1),
                          QStringLiteral("Cordon node-1"),
                          QStringLiteral("patch statefulsets/web through the Kubernetes API")}));
    QCOMPARE(window.scenarioLog().steps().size(), 5);

    // Undo walks back through every source.
    stack->undo();
    QVERIFY2(!statefulSet(session)->metadata.labels.contains(QStringLiteral("tier")),
             "the API's label is undone");
    QVERIFY(cordoned(session, QStringLiteral("node-1")));
    stack->undo();
    QVERIFY2(!cordoned(session, QStringLiteral("node-1")), "the window's cordon is undone");
    QCOMPARE(statefulSet(session)->spec.replicas, replicas + 1);
    stack->undo();
    QCOMPARE(statefulSet(session)->spec.replicas, replicas);
    stack->undo();
    QVERIFY2(!statefulSet(session), "the lesson's StatefulSet is undone");
    QVERIFY(session.simulation().store().find<core::Service>(QStringLiteral("default/nginx")));
    stack->undo();
    QVERIFY(!session.simulation().store().find<core::Service>(QStringLiteral("default/nginx")));
    QCOMPARE(window.scenarioLog().steps().size(), 0);

    // Redo brings every entry back, in order.
    for (int i = 0; i < 5; ++i)
        stack->redo();
    QVERIFY(statefulSet(session));
    QCOMPARE(statefulSet(session)->spec.replicas, replicas + 1);
    QVERIFY(cordoned(session, QStringLiteral("node-1")));
    QCOMPARE(statefulSet(session)->metadata.labels.value(QStringLiteral("tier")), QStringLiteral("web"));
    QCOMPARE(stack->count(), 5);
    QCOMPARE(window.scenarioLog().steps().size(), 5);
    QVERIFY(window.history()->branches().isEmpty());
}

void tst_UndoHistory::actingAfterUndoStartsBranch()
{
    Session session;
    session.pause();
    MainWindow window(&session);
    QVERIFY(window.openPaths({test::dataFile("web.yaml")}));
    session.advanceUntilSettled();
    QVERIFY(window.cordonNode(QStringLiteral("node-1"), true));
    QVERIFY(window.cordonNode(QStringLiteral("node-2"), true));
    window.undoStack()->undo();
    QSignalSpy branched(window.history(), &History::branched);
    QVERIFY(window.setNodeUp(QStringLiteral("node-2"), false));

    QCOMPARE(branched.size(), 1);
    QCOMPARE(branched.first().at(1).toStringList(), QStringList{QStringLiteral("Cordon node-2")});
    QCOMPARE(entries(window.undoStack()),
             QStringList({QStringLiteral("Apply web.yaml"), QStringLiteral("Cordon node-1"),
                          QStringLiteral("Take node-2 down")}));
    QVERIFY2(window.banner()->text().contains(QStringLiteral("Cordon node-2")),
             qPrintable(window.banner()->text()));
    QCOMPARE(window.history()->branches().size(), 1);
    HistoryDialog *dialog = window.showHistory();
    QCOMPARE(dialog->branchList()->count(), 1);
    QVERIFY2(dialog->branchList()->item(0)->text().contains(QStringLiteral("Cordon node-2")),
             qPrintable(dialog->branchList()->item(0)->text()));
}

void tst_UndoHistory::actingInThePastStartsBranch()
{
    Session session;
    session.pause();
    MainWindow window(&session);
    QVERIFY(window.openPaths({test::dataFile("web.yaml")}));
    session.advanceUntilSettled();
    const core::Millis before = session.now();
    session.advanceBy(10 * core::kSecond);
    QVERIFY(window.cordonNode(QStringLiteral("node-1"), true));
    session.advanceBy(10 * core::kSecond);

    session.setViewTime(before + 5 * core::kSecond);
    QSignalSpy branched(window.history(), &History::branched);
    QVERIFY(window.cordonNode(QStringLiteral("node-2"), true));
    QCOMPARE(branched.size(), 1);
    QCOMPARE(branched.first().at(1).toStringList(), QStringList{QStringLiteral("Cordon node-1")});
    QVERIFY2(!cordoned(session, QStringLiteral("node-1")), "node-1's cordon was in the future");
    QVERIFY(cordoned(session, QStringLiteral("node-2")));
    QCOMPARE(entries(window.undoStack()),
             QStringList({QStringLiteral("Apply web.yaml"), QStringLiteral("Cordon node-2")}));
    // The entry before the branch still undoes.
    window.undoStack()->undo();
    window.undoStack()->undo();
    QVERIFY(!statefulSet(session));
}

void tst_UndoHistory::historyViewStepsThrough()
{
    Session session;
    session.pause();
    MainWindow window(&session);
    QVERIFY(window.openPaths({test::dataFile("web.yaml")}));
    session.advanceUntilSettled();
    QVERIFY(window.cordonNode(QStringLiteral("node-1"), true));
    QVERIFY(window.cordonNode(QStringLiteral("node-2"), true));
    window.action(QStringLiteral("historyAction"))->trigger();
    auto *dialog = window.findChild<HistoryDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    QUndoView *view = dialog->view();
    // The empty state, then one row per entry.
    QCOMPARE(view->model()->rowCount(), 4);
    QCOMPARE(view->model()->index(2, 0).data().toString(), QStringLiteral("Cordon node-1"));
    view->setCurrentIndex(view->model()->index(1, 0));
    QCOMPARE(window.undoStack()->index(), 1);
    QVERIFY(!cordoned(session, QStringLiteral("node-1")));
    QVERIFY(!cordoned(session, QStringLiteral("node-2")));
    view->setCurrentIndex(view->model()->index(3, 0));
    QVERIFY(cordoned(session, QStringLiteral("node-1")));
    QVERIFY(cordoned(session, QStringLiteral("node-2")));
}

QTEST_MAIN(tst_UndoHistory)
#include "tst_undohistory.moc"
