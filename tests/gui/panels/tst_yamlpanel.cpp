#include "panels/yamleditor.h"
#include "panels/yamlpanel.h"
#include "panelfixture.h"

#include <QFile>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

using namespace ordinal;
using namespace ordinal::gui;

// The YAML panel validates as the loader and the API server would, with positions, and
// applies only valid documents.
class TestYamlPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rejectsInvalid_data();
    void rejectsInvalid();
    void validatesWhileTyping();
    void appliesValid();
    void clickingProblemMovesCursor();
    void marksEveryCauseAtItsField();
    void marksRefusalsOfTheWrite_data();
    void marksRefusalsOfTheWrite();
    void checksInTheNamespaceItApplies();
    void nothingToApply();
};

void TestYamlPanel::rejectsInvalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("yaml-syntax") << QStringLiteral(
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: bad\nspec:\n  ports:\n"
        "  - port: 80\n   name: web\n") << 8 << 0;
    QTest::newRow("wrong-type") << QStringLiteral(
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n"
        "  replicas: two\n") << 6 << 13;
    QTest::newRow("admission-negative-replicas") << QStringLiteral(
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n"
        "  serviceName: nginx\n  replicas: -1\n  selector:\n    matchLabels:\n      app: x\n"
        "  template:\n    metadata:\n      labels:\n        app: x\n    spec:\n"
        "      containers:\n      - name: c\n        image: nginx\n") << 7 << 13;
}

void TestYamlPanel::rejectsInvalid()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    Session session;
    session.pause();
    YamlPanel panel(&session);
    panel.setDocument(text, QStringLiteral("bad.yaml"));
    QVERIFY(!panel.validate());
    const QList<YamlPanel::Problem> problems = panel.problems();
    QVERIFY(!problems.isEmpty());
    QString all;
    for (const YamlPanel::Problem &p : problems)
        all += QStringLiteral("%1:%2 %3\n").arg(p.line).arg(p.column).arg(p.message);
    QVERIFY2(problems.constFirst().line == line, qPrintable(all));
    if (column > 0)
        QVERIFY2(problems.constFirst().column == column, qPrintable(all));
    else
        QVERIFY2(problems.constFirst().column > 0, qPrintable(all));
    // The error is underlined in the editor at that line.
    QVERIFY(!panel.editor()->marks().isEmpty());
    QCOMPARE(panel.editor()->marks().constFirst().line, line);

    const qint64 version = session.simulation().store().resourceVersion();
    QSignalSpy applied(&panel, &YamlPanel::applied);
    QVERIFY(!panel.apply());
    QCOMPARE(applied.size(), 1);
    QCOMPARE(applied.at(0).at(0).toBool(), false);
    QCOMPARE(session.simulation().store().resourceVersion(), version);
}

void TestYamlPanel::validatesWhileTyping()
{
    Session session;
    session.pause();
    YamlPanel panel(&session);
    panel.setDocument(QStringLiteral("apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n"
                                     "spec:\n  clusterIP: None\n"),
                      QStringLiteral("a.yaml"));
    QVERIFY2(panel.problems().isEmpty(), qPrintable(panel.problems().value(0).message));
    QSignalSpy validated(&panel, &YamlPanel::validated);
    panel.editor()->moveCursor(QTextCursor::End);
    panel.editor()->insertPlainText(QStringLiteral("  ports: 7\n"));
    QTRY_COMPARE(validated.size(), 1);
    QCOMPARE(validated.at(0).at(0).toBool(), false);
    QCOMPARE(panel.problems().constFirst().line, 7);
}

void TestYamlPanel::appliesValid()
{
    Session session;
    session.pause();
    YamlPanel panel(&session);
    QFile svc(test::seedDir() + QStringLiteral("/seed-svc.yaml"));
    QFile sts(test::seedDir() + QStringLiteral("/seed-statefulset.yaml"));
    QVERIFY(svc.open(QIODevice::ReadOnly) && sts.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(svc.readAll()) + QStringLiteral("---\n")
        + QString::fromUtf8(sts.readAll());
    panel.setDocument(text, QStringLiteral("web.yaml"));
    QVERIFY(panel.validate());

    QSignalSpy applied(&panel, &YamlPanel::applied);
    // Ctrl+Enter applies.
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.editor()->setFocus();
    QTest::keyClick(panel.editor(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(applied.size(), 1);
    QVERIFY2(applied.at(0).at(0).toBool(), qPrintable(applied.at(0).at(1).toString()));
    QVERIFY(session.simulation().store().find<core::Service>(QStringLiteral("default/nginx")));
    QVERIFY(session.simulation().store().find<core::StatefulSet>(QStringLiteral("default/web")));
    QVERIFY2(panel.lastApplyStatus().contains(QLatin1String("statefulset.apps/web")),
             qPrintable(panel.lastApplyStatus()));

    // Applying again is an update: still valid and accepted.
    session.advanceUntilSettled();
    QVERIFY(panel.validate());
    QVERIFY(panel.apply());
}

void TestYamlPanel::clickingProblemMovesCursor()
{
    Session session;
    session.pause();
    YamlPanel panel(&session);
    panel.setDocument(QStringLiteral("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n"
                                     "  name: web\nspec:\n  replicas: two\n"),
                      QStringLiteral("web.yaml"));
    auto *list = panel.findChild<QListWidget *>(QStringLiteral("yamlProblems"));
    QVERIFY(list);
    QVERIFY(list->count() > 0);
    Q_EMIT list->itemClicked(list->item(0));
    QCOMPARE(panel.editor()->textCursor().blockNumber(), 5);
    QCOMPARE(panel.editor()->textCursor().positionInBlock(), 12);
}

// Several field errors of one object: each is a problem at its own field's line and column,
// taken from admission's structured causes.
void TestYamlPanel::marksEveryCauseAtItsField()
{
    Session session;
    session.pause();
    YamlPanel panel(&session);
    panel.setDocument(QStringLiteral("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n"
                                     "  name: web\nspec:\n"
                                     "  replicas: -1\n"
                                     "  revisionHistoryLimit: -2\n"
                                     "  minReadySeconds: -5\n"
                                     "  selector:\n    matchLabels:\n      app: x\n"
                                     "  template:\n    metadata:\n      labels:\n        app: x\n"
                                     "    spec:\n      containers:\n      - name: c\n"
                                     "        image: nginx\n"),
                      QStringLiteral("web.yaml"));
    QVERIFY(!panel.validate());
    QList<std::pair<int, int>> at;
    QString all;
    for (const YamlPanel::Problem &p : panel.problems()) {
        at.append({ p.line, p.column });
        all += QStringLiteral("%1:%2 %3\n").arg(p.line).arg(p.column).arg(p.message);
        QVERIFY2(p.message.startsWith(QLatin1String("The StatefulSet \"web\" is invalid: ")),
                 qPrintable(all));
        QVERIFY2(!p.message.contains(QLatin1String("web.yaml:")), qPrintable(all));
    }
    const QList<std::pair<int, int>> expected = { { 6, 13 }, { 7, 25 }, { 8, 20 } };
    QVERIFY2(at == expected, qPrintable(all));
    QVERIFY2(panel.problems().at(1).message.endsWith(
                 QLatin1String("spec.revisionHistoryLimit: Invalid value: -2: must be greater "
                               "than or equal to 0")),
             qPrintable(all));
    QCOMPARE(panel.editor()->marks().size(), 3);
}

// What only the write finds (an address out of range, a namespace that does not exist) is
// marked at the field too, as the console names it.
void TestYamlPanel::marksRefusalsOfTheWrite_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("cluster-ip-out-of-range")
        << QStringLiteral("apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n"
                          "  clusterIP: 192.168.1.1\n  ports:\n  - port: 80\n")
        << 6 << 14
        << QStringLiteral("The Service \"api\" is invalid: spec.clusterIPs: Invalid value: "
                          "[]string{\"192.168.1.1\"}: failed to allocate IP 192.168.1.1: the "
                          "provided IP (192.168.1.1) is not in the valid range. The range of "
                          "valid IPs is 10.0.0.0/16");
    QTest::newRow("namespace-not-found")
        << QStringLiteral("apiVersion: v1\nkind: Pod\nmetadata:\n  name: box\n"
                          "  namespace: nope\nspec:\n  containers:\n  - name: box\n"
                          "    image: busybox:1.36\n")
        << 5 << 14
        << QStringLiteral("Error from server (NotFound): error when retrieving current "
                          "configuration of \"box.yaml\": namespaces \"nope\" not found");
}

void TestYamlPanel::marksRefusalsOfTheWrite()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    Session session;
    session.pause();
    YamlPanel panel(&session);
    panel.setDocument(text, QStringLiteral("box.yaml"));
    QVERIFY(!panel.validate());
    QCOMPARE(panel.problems().size(), 1);
    QCOMPARE(panel.problems().constFirst().message, message);
    QCOMPARE(panel.problems().constFirst().line, line);
    QCOMPARE(panel.problems().constFirst().column, column);
    QVERIFY(!panel.apply());
    QVERIFY(!session.simulation().store().find<core::Service>(QStringLiteral("default/api")));
}

// The check and the apply agree on where an object without a namespace goes: the console's
// namespace is not the panel's, so a pod that exists in "default" is checked as an update.
void TestYamlPanel::checksInTheNamespaceItApplies()
{
    Session session;
    session.pause();
    const QString pod = QStringLiteral("apiVersion: v1\nkind: Pod\nmetadata:\n  name: box\n"
                                       "spec:\n  restartPolicy: %1\n  containers:\n"
                                       "  - name: box\n    image: busybox:1.36\n");
    YamlPanel panel(&session);
    panel.setDocument(pod.arg(QStringLiteral("Always")), QStringLiteral("box.yaml"));
    QVERIFY(panel.apply());
    session.advanceUntilSettled();
    QVERIFY(session.simulation().store().find<core::Pod>(QStringLiteral("default/box")));

    session.console().setCurrentNamespace(QStringLiteral("kube-system"));
    panel.setDocument(pod.arg(QStringLiteral("Never")), QStringLiteral("box.yaml"));
    QVERIFY(!panel.validate());
    QVERIFY2(panel.problems().constFirst().message.contains(
                 QLatin1String("Forbidden: pod updates may not change fields")),
             qPrintable(panel.problems().constFirst().message));
    QVERIFY(!session.simulation().store().find<core::Pod>(QStringLiteral("kube-system/box")));

    // The same image change the console would apply: accepted by the check and the apply.
    panel.setDocument(
        pod.arg(QStringLiteral("Always")).replace(QLatin1String("1.36"), QLatin1String("1.37")),
        QStringLiteral("box.yaml"));
    QVERIFY2(panel.validate(), qPrintable(panel.problems().value(0).message));
    QVERIFY(panel.apply());
    QCOMPARE(session.simulation()
                 .store()
                 .find<core::Pod>(QStringLiteral("default/box"))
                 ->spec.containers.constFirst()
                 .image,
             QStringLiteral("busybox:1.37"));
}

// The window's apply (Session::applyManifests) of files that hold no object: kubectl's
// refusal, nothing recorded; the YAML panel's check of the same finds nothing to mark, and its
// apply says there is nothing to apply.
void TestYamlPanel::nothingToApply()
{
    Session session;
    session.pause();
    const ManifestText empty(QStringLiteral("empty.yaml"), QByteArray("# nothing yet\n---\n"));
    const core::ApplyResult result = session.applyManifests({empty});
    QVERIFY(!result.ok);
    QCOMPARE(result.error, QStringLiteral("error: no objects passed to apply"));
    QCOMPARE(session.simulation().actionCount(), 0);

    const core::ApplyResult checked = session.applyManifests({empty}, /*dryRun=*/true);
    QVERIFY(checked.ok);
    YamlPanel panel(&session);
    panel.setDocument(QString::fromUtf8(empty.second), empty.first);
    QVERIFY(panel.validate());
    QVERIFY(!panel.apply());
    QVERIFY2(panel.lastApplyStatus().contains(QLatin1String("Nothing to apply")),
             qPrintable(panel.lastApplyStatus()));
    QCOMPARE(session.simulation().actionCount(), 0);
}

QTEST_MAIN(TestYamlPanel)
#include "tst_yamlpanel.moc"
