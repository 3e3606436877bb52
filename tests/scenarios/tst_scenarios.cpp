// Scenario tests: every folder under tests/scenarios/ holds a script.txt (console commands),
// the manifests it applies, optionally a cluster.yaml (--cluster), and expected.txt, the whole
// transcript. The script runs through the real console; the transcript must match byte for
// byte, the invariants must hold after every command, and a second run must be identical.

#include "../core/invariants.h"

#include "console/console.h"
#include "console/scriptrunner.h"
#include "io/clusterfile.h"
#include "sim/simulation.h"

#include <QDir>
#include <QProcess>
#include <QTest>

using namespace ordinal;

namespace {

const QString kScenarios = QStringLiteral(ORDINAL_SOURCE_DIR "/tests/scenarios");

QString readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

struct Run
{
    QString transcript;
    int status = 0;
    QStringList violations;
};

Run runScenario(const QString &dir)
{
    core::ClusterConfig config = core::ClusterConfig::defaultCluster();
    if (QFile::exists(dir + QStringLiteral("/cluster.yaml"))) {
        QString error;
        if (!core::ClusterFile::load(dir + QStringLiteral("/cluster.yaml"), &config, &error))
            return Run{QStringLiteral("cluster.yaml: ") + error, 2, {}};
    }
    core::Simulation sim(config);
    core::Console console(sim);
    core::ScriptRunner runner(console);
    test::InvariantChecker checker(sim);
    QString transcript;
    QTextStream out(&transcript);
    int status = 0;
    const QStringList lines = readFile(dir + QStringLiteral("/script.txt")).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (runner.runLine(line, dir, out) != 0)
            status = 1;
        checker.checkState();
    }
    out.flush();
    return Run{transcript, status, checker.violations()};
}

// Where two transcripts first differ, with a little context, for the failure message.
QString firstDifference(const QString &actual, const QString &expected)
{
    const QStringList a = actual.split(QLatin1Char('\n'));
    const QStringList e = expected.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < std::max(a.size(), e.size()); ++i) {
        if (a.value(i) != e.value(i)) {
            return QStringLiteral("line %1:\n  expected: %2\n  actual:   %3")
                .arg(i + 1)
                .arg(e.value(i), a.value(i));
        }
    }
    return {};
}

} // namespace

class tst_Scenarios : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Q_INIT_RESOURCE(lessons); }

    void transcript_data()
    {
        QTest::addColumn<QString>("dir");
        const QStringList cases =
            QDir(kScenarios).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY2(cases.size() >= 10, "the scenario folders are missing");
        for (const QString &name : cases)
            QTest::newRow(name.toUtf8().constData()) << kScenarios + QLatin1Char('/') + name;
    }

    void transcript()
    {
        QFETCH(QString, dir);
        const Run run = runScenario(dir);
        // For reviewing a changed scenario: write what ran next to what is expected.
        if (qEnvironmentVariableIsSet("ORDINAL_WRITE_ACTUAL")) {
            QFile out(dir + QStringLiteral("/actual.txt"));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(run.transcript.toUtf8());
        }
        const QString expected = readFile(dir + QStringLiteral("/expected.txt"));
        QVERIFY2(!expected.isEmpty(), qPrintable(dir + QStringLiteral(" has no expected.txt")));
        QVERIFY2(run.transcript == expected,
                 qPrintable(firstDifference(run.transcript, expected)));
        QVERIFY2(run.violations.isEmpty(), qPrintable(run.violations.join(QLatin1Char('\n'))));
        // Determinism: the same inputs give the same transcript, byte for byte.
        QCOMPARE(runScenario(dir).transcript, run.transcript);
        // The exit status a headless run would return: 1 when the script expects a failure.
        const bool expectsFailure = QFile::exists(dir + QStringLiteral("/fails"));
        QCOMPARE(run.status, expectsFailure ? 1 : 0);
    }

#ifdef ORDINAL_EXECUTABLE
    // The real executable, as the README runs it: the built-in lesson, headless.
    void headlessLesson()
    {
        QProcess ordinal;
        ordinal.start(QStringLiteral(ORDINAL_EXECUTABLE),
                      {QStringLiteral("--headless"), QStringLiteral("--lesson")});
        QVERIFY(ordinal.waitForFinished(30000));
        QCOMPARE(ordinal.exitStatus(), QProcess::NormalExit);
        QCOMPARE(ordinal.exitCode(), 0);
        const QString expected = readFile(kScenarios + QStringLiteral("/lesson/expected.txt"));
        const QString actual = QString::fromUtf8(ordinal.readAllStandardOutput());
        QVERIFY2(actual == expected, qPrintable(firstDifference(actual, expected)));
    }

    // Exit status 2 for usage errors, as the console contract says.
    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown-option") << QStringList{QStringLiteral("--headless"),
                                                       QStringLiteral("--bogus")};
        QTest::newRow("unreadable-script")
            << QStringList{QStringLiteral("--headless"), QStringLiteral("--script"),
                           QStringLiteral("/nonexistent/script.txt")};
        QTest::newRow("missing-manifest")
            << QStringList{QStringLiteral("--headless"), QStringLiteral("/nonexistent.yaml")};
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QProcess ordinal;
        ordinal.start(QStringLiteral(ORDINAL_EXECUTABLE), args);
        QVERIFY(ordinal.waitForFinished(30000));
        QCOMPARE(ordinal.exitCode(), 2);
    }
#endif
};

QTEST_GUILESS_MAIN(tst_Scenarios)
#include "tst_scenarios.moc"
