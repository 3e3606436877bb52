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

QTEST_MAIN(TestYamlPanel)
#include "tst_yamlpanel.moc"
