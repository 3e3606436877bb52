// A second real client against `ordinal --headless --serve-api`: the Kubernetes JavaScript
// client, @kubernetes/client-node, run by node on tests/api/clientnode/client.mjs. It creates
// the lesson's Service and StatefulSet from their YAML, follows the pods through an informer
// (list, then watch), checks ordered creation through the watch, deletes web-0 and waits for
// its replacement, reads the StatefulSet's status and deletes everything; what it prints must
// be tests/api/expected/clientnode.txt. Skipped with a message when node or the package
// (installed into the build folder by .ci/bootstrap.sh) is absent, never passed.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

const QString kSource = QStringLiteral(ORDINAL_SOURCE_DIR);
const QString kClientDir = QStringLiteral(ORDINAL_CLIENT_NODE_DIR);

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestClientNode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listWatchCreateDelete();
};

void TestClientNode::listWatchCreateDelete()
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty())
        QSKIP("node is not installed (Debian's nodejs; .ci/bootstrap.sh installs it)");
    // The pinned client (tests/api/clientnode/package.json) needs node 20 (AbortSignal.any);
    // Debian 12's own nodejs is 18.
    QProcess version;
    version.start(node, {QStringLiteral("-p"), QStringLiteral("process.versions.node")});
    QVERIFY(version.waitForFinished(30000));
    const QString nodeVersion = QString::fromUtf8(version.readAllStandardOutput()).trimmed();
    if (nodeVersion.section(QLatin1Char('.'), 0, 0).toInt() < 20)
        QSKIP(qPrintable(QStringLiteral("node %1 is older than @kubernetes/client-node 1.4 "
                                        "needs (20)")
                             .arg(nodeVersion)));
    const QString modules = kClientDir + QStringLiteral("/node_modules");
    if (!QFile::exists(modules + QStringLiteral("/@kubernetes/client-node/package.json")))
        QSKIP(qPrintable(QStringLiteral("@kubernetes/client-node is not installed in %1 "
                                        "(.ci/bootstrap.sh installs it with npm from "
                                        "tests/api/clientnode/package-lock.json)")
                             .arg(kClientDir)));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
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

    QProcess client;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KUBECONFIG"), kubeconfig);
    env.insert(QStringLiteral("NODE_PATH"), modules); // client.mjs resolves the package by it
    env.insert(QStringLiteral("HOME"), dir.path());
    client.setProcessEnvironment(env);
    client.setWorkingDirectory(kClientDir);
    client.start(node, {kSource + QStringLiteral("/tests/api/clientnode/client.mjs"),
                        kSource + QStringLiteral("/resources/lessons/topology")});
    QVERIFY2(client.waitForStarted(), qPrintable(client.errorString()));
    const bool finished = client.waitForFinished(300000);
    const QString out = QString::fromUtf8(client.readAllStandardOutput());
    const QString err = QString::fromUtf8(client.readAllStandardError());
    if (!finished)
        client.kill();

    // Serving ends cleanly on SIGTERM.
    ::kill(pid_t(ordinal.processId()), SIGTERM);
    QVERIFY(ordinal.waitForFinished(20000));
    QCOMPARE(ordinal.exitStatus(), QProcess::NormalExit);
    QCOMPARE(ordinal.exitCode(), 0);

    QVERIFY2(finished, qPrintable(QStringLiteral("client.mjs did not finish; it printed:\n")
                                  + out + err));
    QVERIFY2(client.exitStatus() == QProcess::NormalExit && client.exitCode() == 0,
             qPrintable(QStringLiteral("client.mjs failed (exit %1):\n%2%3")
                            .arg(client.exitCode())
                            .arg(out, err)));

    const QString expectedPath = kSource + QStringLiteral("/tests/api/expected/clientnode.txt");
    if (qEnvironmentVariableIsSet("ORDINAL_UPDATE_EXPECTED")) {
        QFile file(expectedPath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(out.toUtf8());
    }
    const QStringList got = out.split(QLatin1Char('\n'));
    const QStringList want = readFile(expectedPath).split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < std::max(got.size(), want.size()); ++i) {
        if (got.value(i) != want.value(i)) {
            QFAIL(qPrintable(QStringLiteral("%1: line %2 differs:\n  got:  %3\n  want: %4\n"
                                            "client.mjs printed:\n%5%6")
                                 .arg(expectedPath)
                                 .arg(i + 1)
                                 .arg(got.value(i), want.value(i), out, err)));
        }
    }
}

QTEST_GUILESS_MAIN(TestClientNode)
#include "tst_clientnode.moc"
