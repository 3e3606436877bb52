// Unit rules of the console: kubectl's duration and table formats, label selectors, the pod
// STATUS algorithm, command-line splitting, error texts of unknown commands and flags, the
// printers, kubectl version and api-resources as the console calls them, and shell lines.

#include "console/console.h"
#include "console/printers.h"
#include "console/tablewriter.h"
#include "sim/simulation.h"

#include <QTest>

using namespace ordinal;
using core::kHour;
using core::kMinute;
using core::kSecond;

class tst_Console : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void humanDuration_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        // apimachinery duration.HumanDuration.
        QTest::newRow("zero") << qint64(0) << QStringLiteral("0s");
        QTest::newRow("119s") << qint64(119 * kSecond) << QStringLiteral("119s");
        QTest::newRow("2m") << qint64(2 * kMinute) << QStringLiteral("2m");
        QTest::newRow("2m3s") << qint64(2 * kMinute + 3 * kSecond) << QStringLiteral("2m3s");
        QTest::newRow("10m-drops-seconds") << qint64(10 * kMinute + 5 * kSecond) << QStringLiteral("10m");
        QTest::newRow("179m") << qint64(179 * kMinute) << QStringLiteral("179m");
        QTest::newRow("3h") << qint64(3 * kHour) << QStringLiteral("3h");
        QTest::newRow("3h20m") << qint64(3 * kHour + 20 * kMinute) << QStringLiteral("3h20m");
        QTest::newRow("47h") << qint64(47 * kHour) << QStringLiteral("47h");
        QTest::newRow("2d") << qint64(48 * kHour) << QStringLiteral("2d");
        QTest::newRow("7d23h") << qint64((7 * 24 + 23) * kHour) << QStringLiteral("7d23h");
        QTest::newRow("10d") << qint64(240 * kHour) << QStringLiteral("10d");
        QTest::newRow("negative-small") << qint64(-500) << QStringLiteral("0s");
        QTest::newRow("negative") << qint64(-5 * kSecond) << QStringLiteral("<invalid>");
    }
    void humanDuration()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(core::humanDuration(ms), text);
    }

    void parseDuration_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("ms") << QStringLiteral("500ms") << qint64(500);
        QTest::newRow("seconds") << QStringLiteral("30s") << qint64(30 * kSecond);
        QTest::newRow("minutes") << QStringLiteral("5m") << qint64(5 * kMinute);
        QTest::newRow("hours") << QStringLiteral("1h") << qint64(kHour);
        QTest::newRow("compound") << QStringLiteral("1m30s") << qint64(90 * kSecond);
        QTest::newRow("bare-seconds") << QStringLiteral("2") << qint64(2 * kSecond);
        QTest::newRow("garbage") << QStringLiteral("5 minutes") << qint64(-1);
        QTest::newRow("trailing-junk") << QStringLiteral("5mx") << qint64(-1);
    }
    void parseDuration()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        QCOMPARE(core::parseDuration(text), ms);
    }

    // tabwriter: minwidth 6, padding 3, last column unpadded, widths only grow.
    void tableWriter()
    {
        core::TableWriter table;
        QCOMPARE(table.flush({{QStringLiteral("NAME"), QStringLiteral("READY"), QStringLiteral("AGE")},
                              {QStringLiteral("web-0"), QStringLiteral("0/1"), QStringLiteral("0s")}}),
                 QStringLiteral("NAME    READY   AGE\nweb-0   0/1     0s\n"));
        QCOMPARE(table.flush({{QStringLiteral("a"), QStringLiteral("ContainerCreating"), QStringLiteral("1s")}}),
                 QStringLiteral("a       ContainerCreating   1s\n"));
        QCOMPARE(table.flush({{QStringLiteral("b"), QStringLiteral("x"), QStringLiteral("2s")}}),
                 QStringLiteral("b       x                   2s\n"));
    }

    void selector_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("matchesNginx"); // labels app=nginx, tier=web
        QTest::newRow("equality") << QStringLiteral("app=nginx") << true << true;
        QTest::newRow("double-equals") << QStringLiteral("app==nginx") << true << true;
        QTest::newRow("inequality") << QStringLiteral("app!=nginx") << true << false;
        QTest::newRow("set-in") << QStringLiteral("tier in (web,db)") << true << true;
        QTest::newRow("set-notin") << QStringLiteral("tier notin (web)") << true << false;
        QTest::newRow("exists") << QStringLiteral("tier") << true << true;
        QTest::newRow("not-exists") << QStringLiteral("!tier") << true << false;
        QTest::newRow("and") << QStringLiteral("app=nginx,tier=db") << true << false;
        QTest::newRow("malformed") << QStringLiteral("app=nginx,,") << false << false;
    }
    void selector()
    {
        QFETCH(QString, selector);
        QFETCH(bool, valid);
        QFETCH(bool, matchesNginx);
        const auto parsed = core::LabelSelector::parse(selector);
        QCOMPARE(parsed.has_value(), valid);
        if (parsed) {
            const QMap<QString, QString> labels{{QStringLiteral("app"), QStringLiteral("nginx")},
                                                {QStringLiteral("tier"), QStringLiteral("web")}};
            QCOMPARE(parsed->matches(labels), matchesNginx);
        }
    }

    // printPod's STATUS algorithm (statefulset.md §2.2).
    void podStatus_data()
    {
        QTest::addColumn<int>("phase");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("containerKind");
        QTest::addColumn<QString>("containerReason");
        QTest::addColumn<bool>("deleting");
        QTest::addColumn<QString>("status");
        using K = core::ContainerState::Kind;
        const int pending = int(core::PodPhase::Pending);
        const int running = int(core::PodPhase::Running);
        const int failed = int(core::PodPhase::Failed);
        QTest::newRow("pending") << pending << QString() << int(K::Waiting) << QString() << false << QStringLiteral("Pending");
        QTest::newRow("creating") << pending << QString() << int(K::Waiting) << QStringLiteral("ContainerCreating") << false << QStringLiteral("ContainerCreating");
        QTest::newRow("running") << running << QString() << int(K::Running) << QString() << false << QStringLiteral("Running");
        QTest::newRow("crashloop") << running << QString() << int(K::Waiting) << QStringLiteral("CrashLoopBackOff") << false << QStringLiteral("CrashLoopBackOff");
        QTest::newRow("error") << running << QString() << int(K::Terminated) << QStringLiteral("Error") << false << QStringLiteral("Error");
        QTest::newRow("terminating") << running << QString() << int(K::Running) << QString() << true << QStringLiteral("Terminating");
        QTest::newRow("evicted") << failed << QStringLiteral("Evicted") << int(K::Running) << QString() << false << QStringLiteral("Evicted");
        QTest::newRow("nodelost") << running << QStringLiteral("NodeLost") << int(K::Running) << QString() << true << QStringLiteral("Unknown");
        QTest::newRow("terminal-deleted") << failed << QString() << int(K::Terminated) << QStringLiteral("Error") << true << QStringLiteral("Error");
    }
    void podStatus()
    {
        QFETCH(int, phase);
        QFETCH(QString, reason);
        QFETCH(int, containerKind);
        QFETCH(QString, containerReason);
        QFETCH(bool, deleting);
        QFETCH(QString, status);
        core::Pod pod;
        pod.status.phase = core::PodPhase(phase);
        pod.status.reason = reason;
        core::ContainerStatus cs;
        cs.state.kind = core::ContainerState::Kind(containerKind);
        cs.state.reason = containerReason;
        pod.status.containerStatuses << cs;
        if (deleting)
            pod.metadata.deletionTimestamp = 0;
        QCOMPARE(core::printers::podStatus(pod), status);
    }

    void tokenize_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("tokens");
        QTest::newRow("plain") << QStringLiteral("kubectl get pods") << QStringList{QStringLiteral("kubectl"), QStringLiteral("get"), QStringLiteral("pods")};
        QTest::newRow("single-quotes") << QStringLiteral("sh -c 'hostname -f'") << QStringList{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("hostname -f")};
        QTest::newRow("json") << QStringLiteral("-p '{\"a\":1}'") << QStringList{QStringLiteral("-p"), QStringLiteral("{\"a\":1}")};
        QTest::newRow("double-escaped") << QStringLiteral("a \"b \\\"c\\\"\"") << QStringList{QStringLiteral("a"), QStringLiteral("b \"c\"")};
    }
    void tokenize()
    {
        QFETCH(QString, line);
        QFETCH(QStringList, tokens);
        QStringList actual;
        QVERIFY(core::Console::tokenize(line, &actual));
        QCOMPARE(actual, tokens);
        QVERIFY(!core::Console::tokenize(QStringLiteral("echo 'open"), &actual));
    }

    // Unknown commands, resources and flags: kubectl's text, exit 1, nothing changed.
    void errors_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("output");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("unknown-verb") << QStringLiteral("kubectl frobnicate") << QStringLiteral("error: unknown command \"frobnicate\" for \"kubectl\"\nRun 'kubectl --help' for usage.\n") << 1;
        QTest::newRow("unknown-resource") << QStringLiteral("kubectl get foo") << QStringLiteral("error: the server doesn't have a resource type \"foo\"\n") << 1;
        QTest::newRow("unknown-flag") << QStringLiteral("kubectl get pods --bogus") << QStringLiteral("error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n") << 1;
        QTest::newRow("unknown-shorthand") << QStringLiteral("kubectl get pods -z") << QStringLiteral("error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n") << 1;
        QTest::newRow("not-found") << QStringLiteral("kubectl get pod web-9") << QStringLiteral("Error from server (NotFound): pods \"web-9\" not found\n") << 1;
        QTest::newRow("delete-not-found") << QStringLiteral("kubectl delete pod web-9") << QStringLiteral("Error from server (NotFound): pods \"web-9\" not found\n") << 1;
        QTest::newRow("no-such-program") << QStringLiteral("ls -l") << QStringLiteral("ordinal: ls: command not found\n") << 127;
        QTest::newRow("empty-namespace") << QStringLiteral("kubectl get pods") << QStringLiteral("No resources found in default namespace.\n") << 0;
        QTest::newRow("delete-sts-selector-no-match") << QStringLiteral("kubectl delete statefulset -l app=nginx") << QStringLiteral("No resources found\n") << 0;
        QTest::newRow("delete-svc-all-none") << QStringLiteral("kubectl delete svc --all -n kube-public") << QStringLiteral("No resources found\n") << 0;
        QTest::newRow("delete-bad-cascade") << QStringLiteral("kubectl delete sts web --cascade=sideways") << QStringLiteral("error: invalid cascade value (sideways). Must be \"background\", \"foreground\", or \"orphan\"\n") << 1;
        QTest::newRow("delete-sts-cascade-false-not-found") << QStringLiteral("kubectl delete sts web --cascade=false") << QStringLiteral("warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\nError from server (NotFound): statefulsets.apps \"web\" not found\n") << 1;
        QTest::newRow("delete-claims-refused") << QStringLiteral("kubectl delete pvc --all") << QStringLiteral("error: Ordinal deletes pods, statefulsets, services and nodes\n") << 1;
        QTest::newRow("scale-negative") << QStringLiteral("kubectl scale sts web --replicas=-1") << QStringLiteral("error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n") << 1;
        QTest::newRow("watch-missing-pod") << QStringLiteral("kubectl get pod web-9 -w") << QStringLiteral("Error from server (NotFound): pods \"web-9\" not found\n") << 1;
        QTest::newRow("get-unknown-output") << QStringLiteral("kubectl get pods -o foo") << QStringLiteral("error: unable to match a printer suitable for the output format \"foo\", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n") << 1;
        QTest::newRow("get-missing-template-file") << QStringLiteral("kubectl get pods -o go-template-file=nothing.tmpl") << QStringLiteral("error: error reading --template nothing.tmpl, open nothing.tmpl: no such file or directory\n") << 1;
        QTest::newRow("get-json-missing") << QStringLiteral("kubectl get pod web-9 -o json") << QStringLiteral("Error from server (NotFound): pods \"web-9\" not found\n") << 1;
        QTest::newRow("get-json-empty-list") << QStringLiteral("kubectl get pods -o name") << QString() << 0;
        QTest::newRow("get-bad-allow-missing") << QStringLiteral("kubectl get pods --template '{{.a}}' --allow-missing-template-keys=maybe") << QStringLiteral("error: invalid argument \"maybe\" for \"--allow-missing-template-keys\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\n") << 1;
        QTest::newRow("label-columns-on-delete") << QStringLiteral("kubectl delete pods -L app") << QStringLiteral("error: unknown flag: -L\nSee 'kubectl delete --help' for usage.\n") << 1;
        QTest::newRow("version-client") << QStringLiteral("kubectl version --client") << QStringLiteral("Client Version: v1.33.1\nKustomize Version: v5.6.0\n") << 0;
        QTest::newRow("api-resources-json") << QStringLiteral("kubectl api-resources -o json") << QStringLiteral("error: --output json is not available\n") << 1;
        // A pipe reads standard output only: the error reaches the terminal, wc counts nothing.
        QTest::newRow("pipe-error-not-piped") << QStringLiteral("kubectl get pod web-9 | wc -l") << QStringLiteral("Error from server (NotFound): pods \"web-9\" not found\n0\n") << 0;
        QTest::newRow("pipe-no-resources") << QStringLiteral("kubectl get pods | wc -l") << QStringLiteral("No resources found in default namespace.\n0\n") << 0;
        QTest::newRow("shell-syntax-error") << QStringLiteral("for i in 0 1; do echo $i") << QStringLiteral("bash: syntax error: unexpected end of file\n") << 2;
        QTest::newRow("apply-missing-file") << QStringLiteral("kubectl apply -f nothing-here.yaml") << QStringLiteral("error: the path \"nothing-here.yaml\" does not exist\n") << 1;
    }
    void errors()
    {
        QFETCH(QString, command);
        QFETCH(QString, output);
        QFETCH(int, exitCode);
        core::Simulation sim;
        core::Console console(sim);
        const qint64 before = sim.store().resourceVersion();
        const core::Millis now = sim.now();
        const core::ConsoleOutput out = console.execute(command);
        QCOMPARE(out.text, output);
        QCOMPARE(out.exitCode, exitCode);
        QCOMPARE(sim.store().resourceVersion(), before);
        QCOMPARE(sim.now(), now);
    }

    // Shell variables live on from one line to the next, as in one terminal; interactive
    // lines share the shell with scripted ones.
    void shellVariables()
    {
        core::Simulation sim;
        core::Console console(sim);
        QCOMPARE(console.execute(QStringLiteral("n=web; i=3")).text, QString());
        QCOMPARE(console.execute(QStringLiteral("echo \"$n-$i\"")).text, QStringLiteral("web-3\n"));
        QCOMPARE(console.executeInteractive(QStringLiteral("echo $((i + 1))")).text,
                 QStringLiteral("4\n"));
        QVERIFY(!console.isWatching());
    }
};

QTEST_GUILESS_MAIN(tst_Console)
#include "tst_console.moc"
