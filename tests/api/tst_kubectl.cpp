// The real kubectl against `ordinal --headless --serve-api`: the seed lesson and the basic
// StatefulSet tutorial's steps (tutorial.txt), typed into bash as a user would, must print what
// tests/api/expected/tutorial.txt holds (ages, addresses and rollout progress masked: they
// follow the wall clock). Run once with each kubectl found: the installed one (1.30+) and
// Debian's kubernetes-client 1.20 unpacked into the build folder. A kubectl that is not there
// is skipped with a message, never passed.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

const QString kSource = QStringLiteral(ORDINAL_SOURCE_DIR);

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// What follows the wall clock is masked: ages ("12s", "3m4s"), addresses, and kubectl's
// progress lines while a rollout runs (how many it prints depends on timing).
QString masked(QString text)
{
    static const QRegularExpression progress(QStringLiteral(R"(^Waiting for .*\n)"),
                                             QRegularExpression::MultilineOption);
    static const QRegularExpression age(
        QStringLiteral(R"((?<=\s)(?=\d)(\d+d)?(\d+h)?(\d+m)?(\d+s)?(?=\s|$))"),
        QRegularExpression::MultilineOption);
    static const QRegularExpression address(QStringLiteral(R"(\b\d+\.\d+\.\d+\.\d+\b)"));
    static const QRegularExpression spaces(QStringLiteral(R"( {2,})"));
    text.remove(progress);
    text.replace(address, QStringLiteral("<ip>"));
    text.replace(age, QStringLiteral("<age>"));
    // Column widths follow the masked cells' widths.
    text.replace(spaces, QStringLiteral("  "));
    return text;
}

QString legacyKubectl()
{
    const QString path = QStringLiteral(ORDINAL_LEGACY_KUBECTL);
    return QFile::exists(path) ? path : QString();
}

} // namespace

class TestKubectl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tutorial_data();
    void tutorial();
    void sameAsConsole();
};

namespace {

// The transcript of steps run with the real kubectl against `ordinal --serve-api` (a failed
// check inside ends the calling test).
void kubectlTranscript(const QString &kubectl, const QString &steps, QString *transcript)
{
    QTemporaryDir dir;
    const QString kubeconfig = dir.filePath(QStringLiteral("kubeconfig"));
    QProcess ordinal;
    ordinal.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    ordinal.start(QStringLiteral(ORDINAL_BINARY),
                  {QStringLiteral("--headless"), QStringLiteral("--serve-api"),
                   QStringLiteral("127.0.0.1:0"), QStringLiteral("--write-kubeconfig"), kubeconfig,
                   QStringLiteral("--speed"), QStringLiteral("20")});
    QVERIFY2(ordinal.waitForStarted(), qPrintable(ordinal.errorString()));
    QTRY_VERIFY2_WITH_TIMEOUT(readFile(kubeconfig).contains(QLatin1String("token:")),
                              "no kubeconfig", 20000);

    QProcess bash;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KUBECTL"), kubectl);
    env.insert(QStringLiteral("KUBECONFIG"), kubeconfig);
    env.insert(QStringLiteral("HOME"), dir.path()); // kubectl's discovery cache goes there
    bash.setProcessEnvironment(env);
    bash.setWorkingDirectory(kSource + QStringLiteral("/resources/lessons/topology"));
    bash.setProcessChannelMode(QProcess::MergedChannels);
    bash.start(QStringLiteral("bash"), {kSource + QStringLiteral("/tests/api/run-steps.sh"), steps});
    QVERIFY(bash.waitForFinished(600000));
    *transcript = QString::fromUtf8(bash.readAll());

    // Serving ends cleanly on SIGTERM.
    ::kill(pid_t(ordinal.processId()), SIGTERM);
    QVERIFY(ordinal.waitForFinished(20000));
    QCOMPARE(ordinal.exitStatus(), QProcess::NormalExit);
    QCOMPARE(ordinal.exitCode(), 0);
}

void compareLines(const QString &got, const QString &want, const QString &what)
{
    if (got == want)
        return;
    const QStringList a = got.split(QLatin1Char('\n'));
    const QStringList b = want.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
        if (a.value(i) != b.value(i)) {
            QFAIL(qPrintable(QStringLiteral("%1: line %2 differs:\n  got:  %3\n  want: %4")
                                 .arg(what)
                                 .arg(i + 1)
                                 .arg(a.value(i), b.value(i))));
        }
    }
}

} // namespace

void TestKubectl::tutorial_data()
{
    QTest::addColumn<QString>("kubectl");
    QTest::newRow("installed") << QStandardPaths::findExecutable(QStringLiteral("kubectl"));
    QTest::newRow("kubernetes-client-1.20") << legacyKubectl();
}

void TestKubectl::tutorial()
{
    QFETCH(QString, kubectl);
    if (kubectl.isEmpty())
        QSKIP("this kubectl is not installed (the installed one: package kubectl; 1.20: "
              ".ci/bootstrap.sh unpacks Debian's kubernetes-client into the build folder)");

    QString transcript;
    kubectlTranscript(kubectl, kSource + QStringLiteral("/tests/api/tutorial.txt"), &transcript);
    if (QTest::currentTestFailed())
        return;
    transcript = masked(transcript);

    const QString expectedPath = kSource + QStringLiteral("/tests/api/expected/")
        + QString::fromLatin1(QTest::currentDataTag()) + QStringLiteral(".txt");
    if (qEnvironmentVariableIsSet("ORDINAL_UPDATE_EXPECTED")) {
        QFile out(expectedPath);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(transcript.toUtf8());
    }
    compareLines(transcript, readFile(expectedPath), expectedPath);
}

// What Ordinal's own console prints for the same steps is what the real kubectl prints
// against the API server: one set of printers, one simulation.
void TestKubectl::sameAsConsole()
{
    const QString kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
    if (kubectl.isEmpty())
        QSKIP("kubectl is not installed (package kubectl, or Debian's kubernetes-client)");
    const QString steps = kSource + QStringLiteral("/tests/api/common.txt");
    QString viaApi;
    kubectlTranscript(kubectl, steps, &viaApi);
    if (QTest::currentTestFailed())
        return;
    viaApi = masked(viaApi);

    QProcess console;
    console.setProcessChannelMode(QProcess::MergedChannels);
    console.setWorkingDirectory(kSource + QStringLiteral("/resources/lessons/topology"));
    console.start(QStringLiteral(ORDINAL_BINARY),
                  {QStringLiteral("--headless"), QStringLiteral("--script"), QStringLiteral("-")});
    console.write(readFile(steps).toUtf8());
    console.closeWriteChannel();
    QVERIFY(console.waitForFinished(60000));
    // The console echoes commands as the steps runner does; it reports a failed command by
    // its exit status only.
    QString viaConsole = masked(QString::fromUtf8(console.readAll()));
    QString expected = viaApi;
    expected.remove(QRegularExpression(QStringLiteral(R"(^\[exit \d+\]\n)"),
                                       QRegularExpression::MultilineOption));
    compareLines(viaConsole, expected, QStringLiteral("console vs kubectl"));
}

QTEST_GUILESS_MAIN(TestKubectl)
#include "tst_kubectl.moc"
