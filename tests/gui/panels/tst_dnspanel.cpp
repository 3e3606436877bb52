#include "panels/dnshistorymodel.h"
#include "panels/dnspanel.h"
#include "panels/dnsrecordsmodel.h"
#include "panelfixture.h"

#include "dns/dnsmessage.h"

#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace ordinal;
using namespace ordinal::gui;

// The DNS panel answers from the zone at the viewed moment: a recreated pod's new IP, the
// old IP when scrubbed back, the why of NXDOMAIN, and the name's history.
class TestDnsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answersNewIpAfterRecreation();
    void explainsNxDomain();
    void completesKnownNames();
    void offersDigCommand();
    void followsConsoleLookups_data();
    void followsConsoleLookups();
    void historyShowsEveryAnswer();
};

void TestDnsPanel::answersNewIpAfterRecreation()
{
    Session session;
    session.pause();
    DnsPanel panel(&session);
    QVERIFY(test::applySeed(session));
    const QString oldIp = test::podIP(session, QStringLiteral("web-0"));
    QVERIFY2(!oldIp.isEmpty(), "web-0 has no IP after the seed settled");

    panel.setQuery(QStringLiteral("web-0.nginx"), core::DnsType::A);
    panel.evaluate();
    QCOMPARE(panel.answerAddresses(), QStringList{oldIp});
    QVERIFY2(panel.nslookupText().contains(oldIp), qPrintable(panel.nslookupText()));
    QVERIFY2(panel.digText().contains(oldIp), qPrintable(panel.digText()));
    QCOMPARE(session.highlightedPods(), QStringList{QStringLiteral("default/web-0")});
    const core::Millis beforeDelete = session.now();
    session.advanceBy(core::kSecond);

    QVERIFY(session.runCommand(QStringLiteral("kubectl delete pod web-0")).ok());
    session.advanceUntilSettled();
    const QString newIp = test::podIP(session, QStringLiteral("web-0"));
    QVERIFY2(!newIp.isEmpty() && newIp != oldIp,
             qPrintable(QStringLiteral("web-0 was recreated with %1 (was %2)").arg(newIp, oldIp)));

    // The panel re-evaluates by itself as the view changes.
    QTRY_VERIFY2(panel.nslookupText().contains(newIp), qPrintable(panel.nslookupText()));
    QVERIFY(!panel.nslookupText().contains(oldIp));
    QCOMPARE(panel.answerAddresses(), QStringList{newIp});
    QVERIFY(panel.summaryText().contains(newIp));

    // History: the same name answered the old IP, then (after a gap) the new one.
    QStringList answers;
    for (const DnsHistoryModel::Entry &entry : panel.historyModel()->entries())
        answers << entry.answer;
    QVERIFY2(answers.contains(oldIp) && answers.contains(newIp),
             qPrintable(answers.join(QStringLiteral(" | "))));
    QVERIFY(answers.indexOf(oldIp) < answers.lastIndexOf(newIp));

    // Scrubbed back, the panel answers what the zone said then.
    session.setViewTime(beforeDelete);
    QTRY_VERIFY2(panel.nslookupText().contains(oldIp), qPrintable(panel.nslookupText()));
    session.goLive();
    QTRY_VERIFY(panel.nslookupText().contains(newIp));
}

void TestDnsPanel::explainsNxDomain()
{
    Session session;
    session.pause();
    DnsPanel panel(&session);
    QVERIFY(test::applySeed(session));
    panel.setQuery(QStringLiteral("web-7.nginx"), core::DnsType::A);
    panel.evaluate();
    QVERIFY2(panel.summaryText().contains(QLatin1String("NXDOMAIN")),
             qPrintable(panel.summaryText()));
    QVERIFY2(!panel.whyText().isEmpty(), "no explanation for web-7.nginx");
    QVERIFY(panel.answerAddresses().isEmpty());
    QVERIFY(session.highlightedPods().isEmpty());
}

void TestDnsPanel::completesKnownNames()
{
    Session session;
    session.pause();
    DnsPanel panel(&session);
    QVERIFY(test::applySeed(session));
    panel.evaluate();
    const QStringList names = panel.completionNames();
    for (const char *name : {"nginx", "web-0.nginx", "web-1.nginx.default.svc.cluster.local",
                             "_web._tcp.nginx.default.svc.cluster.local"})
        QVERIFY2(names.contains(QLatin1String(name)), name);
}

void TestDnsPanel::offersDigCommand()
{
    Session session;
    session.pause();
    DnsPanel panel(&session);
    QVERIFY(test::applySeed(session));
    panel.setQuery(QStringLiteral("web-1.nginx"), core::DnsType::A);
    panel.evaluate();
    QCOMPARE(panel.digCommand(),
             QStringLiteral("dig @127.0.0.1 -p 5353 web-1.nginx.default.svc.cluster.local. A"));
    panel.setDnsServerAddress(QStringLiteral("127.0.0.1"), 15353);
    QVERIFY(panel.digCommand().startsWith(QLatin1String("dig @127.0.0.1 -p 15353 ")));
}

void TestDnsPanel::followsConsoleLookups_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("type");
    QTest::newRow("nslookup") << QStringLiteral("nslookup web-1.nginx") << QStringLiteral("web-1.nginx")
                              << int(core::DnsType::A);
    QTest::newRow("dig-srv") << QStringLiteral("dig _web._tcp.nginx.default.svc.cluster.local SRV +short")
                             << QStringLiteral("_web._tcp.nginx.default.svc.cluster.local")
                             << int(core::DnsType::SRV);
    QTest::newRow("not-a-lookup") << QStringLiteral("kubectl get pods") << QString() << 0;
}

void TestDnsPanel::followsConsoleLookups()
{
    QFETCH(QString, line);
    QFETCH(QString, name);
    QFETCH(int, type);
    Session session;
    session.pause();
    DnsPanel panel(&session);
    QVERIFY(test::applySeed(session));
    panel.setQuery(QStringLiteral("web-0.nginx"), core::DnsType::A);
    QCOMPARE(panel.followCommand(line), !name.isEmpty());
    if (name.isEmpty()) {
        QCOMPARE(panel.queryName(), QStringLiteral("web-0.nginx"));
        return;
    }
    QCOMPARE(panel.queryName(), name);
    QCOMPARE(int(panel.queryType()), type);
    QVERIFY2(!panel.summaryText().isEmpty(), "answered at once");
}

void TestDnsPanel::historyShowsEveryAnswer()
{
    // Old and new address both visible in "Answers over time", not scrolled away.
    Session session;
    session.pause();
    DnsPanel panel(&session);
    panel.resize(420, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(test::applySeed(session));
    panel.setQuery(QStringLiteral("web-0.nginx"), core::DnsType::A);
    panel.evaluate();
    QVERIFY(session.runCommand(QStringLiteral("kubectl delete pod web-0")).ok());
    session.advanceUntilSettled();
    panel.evaluate();
    const int rows = panel.historyModel()->rowCount();
    QVERIFY2(rows >= 3, qPrintable(QString::number(rows))); // old IP, none, new IP
    auto *view = panel.findChild<QTableView *>(QStringLiteral("dnsHistory"));
    QVERIFY(view);
    QCoreApplication::processEvents();
    // The records table shows the address without scrolling.
    auto *records = panel.findChild<QTableView *>(QStringLiteral("dnsRecords"));
    QVERIFY(records);
    const QRect data = records->visualRect(panel.recordsModel()->index(0, DnsRecordsModel::DataColumn));
    QVERIFY2(records->viewport()->rect().contains(data), "the address column is in view");
    for (int row = 0; row < rows; ++row) {
        const QRect r = view->visualRect(panel.historyModel()->index(row, 0));
        QVERIFY2(view->viewport()->rect().contains(r),
                 qPrintable(QStringLiteral("row %1 of %2 is out of view").arg(row).arg(rows)));
    }
}

QTEST_MAIN(TestDnsPanel)
#include "tst_dnspanel.moc"
