#include "panels/dnshistorymodel.h"
#include "panels/dnsrecordsmodel.h"
#include "panels/eventsmodel.h"
#include "panels/eventspanel.h"
#include "panels/lessoncatalog.h"
#include "panels/lessonstepsmodel.h"
#include "panels/objectsmodel.h"
#include "panelfixture.h"

#include "dns/clusterdns.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

using namespace ordinal;
using namespace ordinal::gui;

// Every item model of the panels keeps Qt's model contract while the simulation inserts,
// changes and removes what they show (QAbstractItemModelTester, Qt Test mode: a broken rule fails the test).
class TestPanelModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eventsModel();
    void objectsModel();
    void dnsModels();
    void lessonStepsModel();
};

namespace {

// Drives a session through creation, deletion, scaling and a branch of history.
void exercise(Session &session)
{
    QVERIFY(test::applySeed(session));
    QVERIFY(session.runCommand(QStringLiteral("kubectl delete pod web-0")).ok());
    session.advanceUntilSettled();
    QVERIFY(session.runCommand(QStringLiteral("kubectl scale sts web --replicas=4")).ok());
    session.advanceBy(25 * core::kSecond);
    session.setViewTime(10 * core::kSecond);
    QVERIFY(session.runCommand(QStringLiteral("kubectl scale sts web --replicas=1")).ok());
    session.advanceUntilSettled();
    QVERIFY(session.runCommand(QStringLiteral("sim node-down node-1")).ok());
    session.advanceBy(2 * core::kMinute);
}

} // namespace

void TestPanelModels::eventsModel()
{
    Session session;
    session.pause();
    EventsPanel panel(&session);
    QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(panel.view()->model(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    exercise(session);
    QVERIFY(panel.model()->rowCount() > 5);
    // Rows appended live equal the rows rebuilt from history.
    EventsModel fresh(&session);
    QCOMPARE(panel.model()->rowCount(), fresh.rowCount());
    for (int r = 0; r < fresh.rowCount(); ++r) {
        for (int c = 0; c < EventsModel::ColumnCount; ++c)
            QCOMPARE(panel.model()->index(r, c).data(), fresh.index(r, c).data());
    }
    bool decision = false;
    for (int r = 0; r < panel.model()->rowCount(); ++r)
        decision = decision || panel.model()->index(r, 0).data(EventsModel::IsDecisionRole).toBool();
    QVERIFY2(decision, "no controller decision among the event rows");
    panel.setFilterText(QStringLiteral("web-1"));
    QVERIFY(panel.view()->model()->rowCount() > 0);
    session.resetCluster(session.config());
    QCOMPARE(panel.model()->rowCount(), 0);
}

void TestPanelModels::objectsModel()
{
    Session session;
    session.pause();
    ObjectsModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), int(ObjectsModel::CategoryCount));
    QCOMPARE(model.rowCount(model.index(ObjectsModel::Nodes, 0)), 3);
    exercise(session);
    QVERIFY(model.indexOf(QStringLiteral("StatefulSet"), QStringLiteral("default/web")).isValid());
    QVERIFY(model.indexOf(QStringLiteral("Pod"), QStringLiteral("default/web-0")).isValid());
    // Scrub to the very beginning (only web-0 exists), and back: rows go and come.
    const int podsNow = model.rowCount(model.index(ObjectsModel::Pods, 0));
    session.setViewTime(0);
    QCOMPARE(model.rowCount(model.index(ObjectsModel::Pods, 0)), 1);
    session.goLive();
    QCOMPARE(model.rowCount(model.index(ObjectsModel::Pods, 0)), podsNow);
    session.resetCluster(session.config());
    QCOMPARE(model.rowCount(model.index(ObjectsModel::Pods, 0)), 0);
}

void TestPanelModels::dnsModels()
{
    Session session;
    session.pause();
    QVERIFY(test::applySeed(session));
    DnsRecordsModel records;
    QAbstractItemModelTester recordsTester(&records,
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    const core::DnsResponse srv = session.dnsAtView()->resolve(
        QStringLiteral("_web._tcp.nginx.default.svc.cluster.local."), core::DnsType::SRV);
    records.setRecords(srv.answer, srv.authority, srv.additional);
    QCOMPARE(records.rowCount(), int(srv.answer.size() + srv.authority.size()
                                     + srv.additional.size()));
    QVERIFY(records.rowCount() >= 2);
    records.clear();
    QCOMPARE(records.rowCount(), 0);

    DnsHistoryModel history;
    QAbstractItemModelTester historyTester(&history,
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    history.setEntries({{0, QStringLiteral("NXDOMAIN"), {}, true},
                        {19000, QStringLiteral("10.244.1.7"), QStringLiteral("web-0"), false},
                        {60000, QStringLiteral("10.244.1.8"), QStringLiteral("web-0"), false}});
    QCOMPARE(history.rowAt(30000), 1);
    QCOMPARE(history.rowAt(60000), 2);
    history.setViewTime(30000);
    history.setViewTime(70000);
    history.setEntries({});
    QCOMPARE(history.rowCount(), 0);
}

void TestPanelModels::lessonStepsModel()
{
    LessonStepsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<Lesson> lessons = LessonCatalog::lessons();
    model.setLesson(lessons.at(0));
    QCOMPARE(model.rowCount(), int(lessons.at(0).steps.size()));
    model.setCurrent(3);
    model.setDone(0, true);
    model.setDone(1, true);
    QCOMPARE(model.doneCount(), 2);
    model.updateTexts(lessons.at(0));
    QCOMPARE(model.doneCount(), 2);
    model.setLesson(lessons.at(1));
    QCOMPARE(model.doneCount(), 0);
}

QTEST_MAIN(TestPanelModels)
#include "tst_panelmodels.moc"
