#include "panels/consolepanel.h"
#include "panels/dnspanel.h"
#include "panels/eventsmodel.h"
#include "panels/eventspanel.h"
#include "panels/lessonpanel.h"
#include "panels/objectsmodel.h"
#include "panels/objectspanel.h"
#include "panels/yamlpanel.h"
#include "panelfixture.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

using namespace ordinal;
using namespace ordinal::gui;

namespace {

// Translates every string of Ordinal's panels to "ZZ:<source>", to see retranslation happen
// without depending on the .qm file.
class MarkingTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        Q_UNUSED(disambiguation)
        const QByteArray ctx(context);
        if (!ctx.startsWith("ordinal::gui::") && !ctx.startsWith("LessonCatalog"))
            return {};
        QString text = QString::fromUtf8(sourceText);
        if (n >= 0)
            text.replace(QStringLiteral("%n"), QString::number(n));
        return QStringLiteral("ZZ:") + text;
    }
};

// Texts of the panel's labels, buttons, group boxes and placeholders.
QStringList visibleTexts(const QWidget *panel)
{
    QStringList texts;
    for (const QLabel *label : panel->findChildren<QLabel *>())
        texts << label->text();
    for (const QAbstractButton *button : panel->findChildren<QAbstractButton *>())
        texts << button->text();
    for (const QGroupBox *box : panel->findChildren<QGroupBox *>())
        texts << box->title();
    for (const QLineEdit *edit : panel->findChildren<QLineEdit *>())
        texts << edit->placeholderText();
    return texts;
}

bool anyMarked(const QStringList &texts)
{
    return std::any_of(texts.cbegin(), texts.cend(),
                       [](const QString &t) { return t.startsWith(QLatin1String("ZZ:")); });
}

} // namespace

// The console, events and objects panels against a live session, and run-time language
// switching of every panel.
class TestPanels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void consoleRunsAndStreamsWatch();
    void consoleHistoryAndCompletion();
    void eventsClickSelectsAndJumps();
    void objectsFollowSelection();
    void languageSwitchRetranslates();
};

void TestPanels::consoleRunsAndStreamsWatch()
{
    Session session;
    session.pause();
    ConsolePanel console(&session);
    console.setBaseDirectory(test::seedDir());
    console.runCommand(QStringLiteral("kubectl apply -f seed-svc.yaml"));
    QVERIFY2(console.transcript().contains(QLatin1String("$ kubectl apply -f seed-svc.yaml\n"
                                                         "service/nginx created")),
             qPrintable(console.transcript()));
    QSignalSpy finished(&console, &ConsolePanel::commandFinished);
    console.runCommand(QStringLiteral("kubectl create -f seed-statefulset.yaml"));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(1).toInt(), 0);
    console.runCommand(QStringLiteral("kubectl get pods -w -l app=nginx"));
    QVERIFY(session.console().isWatching());
    QVERIFY(!console.transcript().contains(QLatin1String("Running")));
    // The watch streams as virtual time passes.
    session.advanceBy(30 * core::kSecond);
    QTRY_VERIFY2(console.transcript().contains(QLatin1String("web-0   1/1     Running")),
                 qPrintable(console.transcript()));
    // Ctrl+C stops it.
    QTest::keyClick(console.input(), Qt::Key_C, Qt::ControlModifier);
    QVERIFY(!session.console().isWatching());
    QVERIFY(console.transcript().endsWith(QLatin1String("^C\n")));
    console.runCommand(QStringLiteral("kubectl get pod web-9"));
    QCOMPARE(finished.constLast().at(1).toInt(), 1);
    QVERIFY(console.transcript().contains(
        QLatin1String("Error from server (NotFound): pods \"web-9\" not found")));
}

void TestPanels::consoleHistoryAndCompletion()
{
    Session session;
    session.pause();
    ConsolePanel console(&session);
    QVERIFY(test::applySeed(session));
    console.runCommand(QStringLiteral("kubectl get pods"));
    console.runCommand(QStringLiteral("nslookup web-0.nginx"));
    QTest::keyClick(console.input(), Qt::Key_Up);
    QCOMPARE(console.input()->text(), QStringLiteral("nslookup web-0.nginx"));
    QTest::keyClick(console.input(), Qt::Key_Up);
    QCOMPARE(console.input()->text(), QStringLiteral("kubectl get pods"));
    QTest::keyClick(console.input(), Qt::Key_Down);
    QTest::keyClick(console.input(), Qt::Key_Down);
    QCOMPARE(console.input()->text(), QString());

    QCOMPARE(console.completions(QStringLiteral("kubectl ge")), QStringList{QStringLiteral("get")});
    QCOMPARE(console.completions(QStringLiteral("kubectl exec we")),
             (QStringList{QStringLiteral("web-0"), QStringLiteral("web-1")}));
    console.input()->setText(QStringLiteral("kubectl delete pod web-1"));
    console.input()->setText(QStringLiteral("kubectl desc"));
    QTest::keyClick(console.input(), Qt::Key_Tab);
    QCOMPARE(console.input()->text(), QStringLiteral("kubectl describe "));
}

void TestPanels::eventsClickSelectsAndJumps()
{
    Session session;
    session.pause();
    EventsPanel panel(&session);
    QVERIFY(test::applySeed(session));
    panel.resize(800, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setFilterText(QStringLiteral("web-1"));
    QAbstractItemModel *proxy = panel.view()->model();
    QVERIFY(proxy->rowCount() > 0);
    // Pick the first pod row of web-1 (not a decision) and click it.
    int row = -1;
    for (int r = 0; r < proxy->rowCount() && row < 0; ++r) {
        if (!proxy->index(r, 0).data(EventsModel::IsDecisionRole).toBool())
            row = r;
    }
    QVERIFY(row >= 0);
    const QModelIndex index = proxy->index(row, EventsModel::StatusColumn);
    const qint64 time = index.data(EventsModel::TimeRole).value<qint64>();
    QVERIFY(time < session.now());
    QSignalSpy selected(&session, &Session::selectionChanged);
    panel.view()->scrollTo(index);
    QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {},
                      panel.view()->visualRect(index).center());
    QCOMPARE(selected.size(), 1);
    QCOMPARE(session.selectedKind(), QStringLiteral("Pod"));
    QCOMPARE(session.selectedKey(), QStringLiteral("default/web-1"));
    QVERIFY(!session.isLive());
    QCOMPARE(session.viewTime(), time);
}

void TestPanels::objectsFollowSelection()
{
    Session session;
    session.pause();
    ObjectsPanel panel(&session);
    QVERIFY(test::applySeed(session));
    session.select(QStringLiteral("Pod"), QStringLiteral("default/web-1"));
    QCOMPARE(panel.view()->currentIndex().data(ObjectsModel::KeyRole).toString(),
             QStringLiteral("default/web-1"));
    QVERIFY2(panel.detailsText().contains(QLatin1String("Name:             web-1")),
             qPrintable(panel.detailsText()));
    // Choosing in the tree selects in the session.
    const QModelIndex svc = panel.model()->indexOf(QStringLiteral("Service"),
                                                   QStringLiteral("default/nginx"));
    QVERIFY(svc.isValid());
    panel.view()->setCurrentIndex(svc);
    QCOMPARE(session.selectedKind(), QStringLiteral("Service"));
    QCOMPARE(session.selectedKey(), QStringLiteral("default/nginx"));
    QVERIFY(panel.detailsText().contains(QLatin1String("Name:              nginx"))
            || panel.detailsText().contains(QLatin1String("nginx")));
}

void TestPanels::languageSwitchRetranslates()
{
    Session session;
    session.pause();
    QVERIFY(test::applySeed(session));
    QWidget window;
    QList<QWidget *> panels{new EventsPanel(&session, &window), new DnsPanel(&session, &window),
                            new ConsolePanel(&session, &window), new YamlPanel(&session, &window),
                            new ObjectsPanel(&session, &window), new LessonPanel(&session, &window)};
    for (QWidget *panel : panels)
        QVERIFY2(!anyMarked(visibleTexts(panel)), qPrintable(panel->objectName()));
    auto *objects = window.findChild<ObjectsPanel *>();
    const QString podsBefore = objects->model()->index(ObjectsModel::Pods, 0).data().toString();

    MarkingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    for (QWidget *panel : panels)
        QTRY_VERIFY2(anyMarked(visibleTexts(panel)), qPrintable(panel->objectName()));
    QCOMPARE(objects->model()->index(ObjectsModel::Pods, 0).data().toString(),
             QStringLiteral("ZZ:") + podsBefore);
    auto *events = window.findChild<EventsPanel *>();
    QVERIFY(events->model()->headerData(EventsModel::NoteColumn, Qt::Horizontal)
                .toString()
                .startsWith(QLatin1String("ZZ:")));

    QVERIFY(QCoreApplication::removeTranslator(&translator));
    for (QWidget *panel : panels)
        QTRY_VERIFY2(!anyMarked(visibleTexts(panel)), qPrintable(panel->objectName()));
}

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
