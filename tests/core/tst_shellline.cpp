// The console's shell lines (ShellLine) and text filters (coreutils), compared with what bash
// 5.2 and GNU coreutils printed for the same lines (data/shellline: cases.txt, recorded by
// capture.sh with the stand-in kubectl of fake-kubectl.sh, which fakeKubectl mirrors).

#include "console/coreutils.h"
#include "console/shellline.h"
#include "recordedcases.h"

#include <QFile>
#include <QTest>

using namespace ordinal::core;

namespace {

const QString kData = QStringLiteral(ORDINAL_TEST_DATA "/shellline");

// fake-kubectl.sh, answer for answer.
ShellResult fakeKubectl(const QStringList &argv, const QString &)
{
    if (argv.value(0) != QLatin1String("kubectl"))
        return ShellResult::of(
            {}, QStringLiteral("bash: %1: command not found\n").arg(argv.value(0)), 127);
    const QString args = argv.mid(1).join(QLatin1Char(' '));
    if (args == QLatin1String("get pods"))
        return ShellResult::of(QStringLiteral("NAME    READY   STATUS    RESTARTS   AGE\n"
                                              "web-0   1/1     Running   0          10m\n"
                                              "web-1   1/1     Running   2          9m\n"
                                              "web-2   0/1     Pending   0          1m\n"),
                               {}, 0);
    if (args == QLatin1String("get pods -o name"))
        return ShellResult::of(QStringLiteral("pod/web-0\npod/web-1\npod/web-2\n"), {}, 0);
    if (args == QLatin1String("get pod nosuch"))
        return ShellResult::of(
            {}, QStringLiteral("Error from server (NotFound): pods \"nosuch\" not found\n"), 1);
    if (argv.value(1) == QLatin1String("exec") && argv.size() == 5
        && argv.value(3) == QLatin1String("--") && argv.value(4) == QLatin1String("hostname"))
        return ShellResult::of(argv.value(2) + QLatin1Char('\n'), {}, 0);
    QString out = QStringLiteral("kubectl");
    for (const QString &a : argv.mid(1))
        out += QStringLiteral(" [%1]").arg(a);
    return ShellResult::of(out + QLatin1Char('\n'), {}, 0);
}

} // namespace

class TestShellLine : public QObject
{
    Q_OBJECT

private slots:
    void recordedLines_data();
    void recordedLines();
    void terminalOrder();
    void variablesPersist();
    void loopBound();
    void files();
    void needsShell();
    void realApplication();
};

void TestShellLine::recordedLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("exitCode");
    const QMap<QString, int> codes = recorded::exitCodes(kData);
    const auto rows = recorded::cases(kData);
    for (const auto &[name, line] : rows)
        QTest::newRow(qPrintable(name)) << line << codes.value(name, -1);
    QVERIFY2(rows.size() > 60, "cases.txt should hold the recorded lines");
}

void TestShellLine::recordedLines()
{
    QFETCH(QString, line);
    QFETCH(int, exitCode);
    const QString name = QString::fromLatin1(QTest::currentDataTag());
    ShellLine shell(fakeKubectl);
    const ShellResult result = shell.run(line);
    QCOMPARE(result.out, recorded::expected(kData, name, "out"));
    QCOMPARE(result.err, recorded::expected(kData, name, "err"));
    QCOMPARE(result.exitCode, exitCode);
}

void TestShellLine::terminalOrder()
{
    // A terminal shows each command's output when it runs; a pipeline's errors come before
    // its final output.
    ShellLine shell(fakeKubectl);
    const ShellResult r
        = shell.run(QStringLiteral("echo a; kubectl get pod nosuch | wc -l; echo b"));
    QCOMPARE(r.text,
             QStringLiteral("a\nError from server (NotFound): pods \"nosuch\" not found\n0\nb\n"));
    QCOMPARE(r.out, QStringLiteral("a\n0\nb\n"));
    QCOMPARE(r.exitCode, 0);
}

void TestShellLine::variablesPersist()
{
    ShellLine shell(fakeKubectl);
    shell.run(QStringLiteral("pod=web-2"));
    QCOMPARE(shell.run(QStringLiteral("kubectl exec $pod -- hostname")).out,
             QStringLiteral("web-2\n"));
    shell.run(QStringLiteral("kubectl get pod nosuch"));
    QCOMPARE(shell.run(QStringLiteral("echo $?")).out, QStringLiteral("1\n"));
    QCOMPARE(shell.variable(QStringLiteral("pod")), QStringLiteral("web-2"));
}

void TestShellLine::loopBound()
{
    int calls = 0;
    ShellLine shell([&](const QStringList &argv, const QString &input) {
        ++calls;
        return fakeKubectl(argv, input);
    });
    const ShellResult r
        = shell.run(QStringLiteral("while true; do kubectl get pods -o name; done | tail -1"));
    QCOMPARE(calls, ShellLine::kMaxLoopIterations);
    QCOMPARE(r.out, QStringLiteral("pod/web-2\n"));
    QVERIFY2(r.err.contains(QLatin1String("loop stopped")), qPrintable(r.err));
}

void TestShellLine::files()
{
    ShellLine shell(fakeKubectl);
    const ShellResult r = shell.run(QStringLiteral("kubectl get pods > pods.txt"));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(QLatin1String("ordinal: pods.txt: the console has no files")),
             qPrintable(r.err));
    QCOMPARE(r.out, QString());
}

void TestShellLine::needsShell()
{
    QVERIFY(!ShellLine::needsShell(QStringLiteral("kubectl get pods -w")));
    QVERIFY(!ShellLine::needsShell(QStringLiteral("nslookup web-0.nginx")));
    QVERIFY(ShellLine::needsShell(QStringLiteral("kubectl get pods | grep web")));
    QVERIFY(ShellLine::needsShell(
        QStringLiteral("for i in 0 1; do kubectl exec web-$i -- hostname; done")));
    QVERIFY(ShellLine::needsShell(QStringLiteral("echo hi")));
}

void TestShellLine::realApplication()
{
    QVERIFY(needsRealApplication(QStringLiteral("curl")));
    QVERIFY(needsRealApplication(QStringLiteral("/usr/bin/mysql")));
    QVERIFY(needsRealApplication(QStringLiteral("zkCli.sh")));
    QVERIFY(!needsRealApplication(QStringLiteral("hostname")));
    const QString message = realApplicationMessage(QStringLiteral("curl"), QStringLiteral("web-0"));
    QVERIFY(message.startsWith(
        QLatin1String("ordinal: curl needs the application that runs in web-0")));
    QVERIFY(message.endsWith(QLatin1Char('\n')));
    QVERIFY(!message.contains(QLatin1String("executable file not found")));
}

QTEST_GUILESS_MAIN(TestShellLine)
#include "tst_shellline.moc"
