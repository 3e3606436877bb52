// kubectl exec, attach and run -i against an in-process net::ApiServer, once with each real
// kubectl: the installed one (1.30+) must stream over WebSocket (v5.channel.k8s.io) and
// Debian's 1.20 over SPDY/3.1 — the server counts the sessions of each transport, so a kubectl
// that fell back to SPDY fails the row. A kubectl that is not there is skipped.

#include "apiserver.h"
#include "sim/simulation.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ordinal;

namespace {

const QString kSource = QStringLiteral(ORDINAL_SOURCE_DIR);

QString legacyKubectl()
{
    const QString path = QStringLiteral(ORDINAL_LEGACY_KUBECTL);
    return QFile::exists(path) ? path : QString();
}

struct Run
{
    int exitCode = -1;
    QString out; // stdout and stderr
};

} // namespace

class tst_Streaming : public QObject
{
    Q_OBJECT

private:
    core::Simulation m_sim;
    std::unique_ptr<net::ApiServer> m_server;
    QTemporaryDir m_home;
    QString m_kubeconfig;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"), m_kubeconfig);
        env.insert(QStringLiteral("HOME"), m_home.path()); // kubectl's discovery cache
        return env;
    }

    // Runs kubectl to its end with the event loop running (the server is in this process).
    Run kubectl(const QString &binary, const QStringList &args, const QByteArray &input = {})
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.setWorkingDirectory(kSource + QStringLiteral("/resources/lessons/topology"));
        process.start(binary, args);
        Run run;
        if (!process.waitForStarted(10000))
            return run;
        if (!input.isEmpty())
            process.write(input);
        process.closeWriteChannel();
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000)) {
            process.kill();
            process.waitForFinished();
            run.out = QStringLiteral("(timed out) ") + QString::fromUtf8(process.readAll());
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAll());
        return run;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<net::ApiServer>(m_sim);
        QString error;
        QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        m_kubeconfig = m_home.filePath(QStringLiteral("kubeconfig"));
        QFile file(m_kubeconfig);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(m_server->kubeconfig());
        file.close();
        m_server->followWallClock(20);
    }

    void streams_data()
    {
        QTest::addColumn<QString>("binary");
        QTest::addColumn<QByteArray>("transport");
        QTest::newRow("installed")
            << QStandardPaths::findExecutable(QStringLiteral("kubectl")) << QByteArray("websocket");
        QTest::newRow("kubernetes-client-1.20") << legacyKubectl() << QByteArray("SPDY/3.1");
    }

    void streams()
    {
        QFETCH(QString, binary);
        QFETCH(QByteArray, transport);
        if (binary.isEmpty())
            QSKIP("this kubectl is not installed (the installed one: package kubectl; 1.20: "
                  ".ci/bootstrap.sh unpacks Debian's kubernetes-client into the build folder)");
        const QByteArray other = transport == "websocket" ? "SPDY/3.1" : "websocket";
        const int otherBefore = m_server->streamSessions(other);

        if (!m_sim.store().find<core::Pod>(QStringLiteral("default"), QStringLiteral("web-0"))) {
            const Run created = kubectl(binary,
                                        { QStringLiteral("apply"), QStringLiteral("-f"),
                                          QStringLiteral("seed-svc.yaml"), QStringLiteral("-f"),
                                          QStringLiteral("seed-statefulset.yaml") });
            QVERIFY2(created.exitCode == 0, qPrintable(created.out));
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const core::Pod *pod = m_sim.store().find<core::Pod>(QStringLiteral("default"),
                                                                     QStringLiteral("web-0"));
                return pod && pod->status.phase == core::PodPhase::Running;
            }(),
            60000);

        struct Case
        {
            const char *name;
            QStringList args;
            QByteArray input;
            int exitCode;
            QString output; // exact, or "~text": contains
        };
        const QList<Case> cases = {
            { "exec",
              { QStringLiteral("exec"), QStringLiteral("web-0"), QStringLiteral("--"),
                QStringLiteral("hostname") },
              {},
              0,
              QStringLiteral("web-0\n") },
            { "exec -i with piped input",
              { QStringLiteral("exec"), QStringLiteral("-i"), QStringLiteral("web-0"),
                QStringLiteral("--"), QStringLiteral("sh") },
              "hostname\nhostname\n",
              0,
              QStringLiteral("web-0\nweb-0\n") },
            { "exit code",
              { QStringLiteral("exec"), QStringLiteral("web-0"), QStringLiteral("--"),
                QStringLiteral("cat"), QStringLiteral("/nope") },
              {},
              1,
              QStringLiteral("cat: /nope: No such file or directory\n"
                             "command terminated with exit code 1\n") },
            { "run -i --rm (attach)",
              { QStringLiteral("run"), QStringLiteral("-i"), QStringLiteral("--rm"),
                QStringLiteral("--image"), QStringLiteral("busybox:1.28"),
                QStringLiteral("dns-test"), QStringLiteral("--restart=Never"), QStringLiteral("--"),
                QStringLiteral("nslookup"), QStringLiteral("web-0.nginx") },
              {},
              0,
              QStringLiteral("~Name:      web-0.nginx\n") },
        };
        for (const Case &c : cases) {
            const int before = m_server->streamSessions(transport);
            const Run run = kubectl(binary, c.args, c.input);
            const QString what = QStringLiteral("%1: exit %2, printed:\n%3")
                                     .arg(QLatin1String(c.name))
                                     .arg(run.exitCode)
                                     .arg(run.out);
            QVERIFY2(run.exitCode == c.exitCode, qPrintable(what));
            if (c.output.startsWith(QLatin1Char('~')))
                QVERIFY2(run.out.contains(c.output.mid(1)), qPrintable(what));
            else
                QVERIFY2(run.out == c.output, qPrintable(what));
            QVERIFY2(m_server->streamSessions(transport) == before + 1,
                     qPrintable(QStringLiteral("%1: not streamed over %2")
                                    .arg(QLatin1String(c.name), QLatin1String(transport))));
        }

        // kubectl attach to nginx's own process: it prints nothing and runs until detached.
        const int before = m_server->streamSessions(transport);
        QProcess attach;
        attach.setProcessEnvironment(environment());
        attach.start(binary, { QStringLiteral("attach"), QStringLiteral("web-0") });
        QVERIFY(attach.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(m_server->streamSessions(transport) == before + 1, 30000);
        QCOMPARE(attach.state(), QProcess::Running);
        attach.kill();
        attach.waitForFinished();

        QVERIFY2(m_server->streamSessions(other) == otherBefore,
                 qPrintable(QStringLiteral("a session went over %1").arg(QLatin1String(other))));
    }
};

QTEST_GUILESS_MAIN(tst_Streaming)
#include "tst_streaming.moc"
