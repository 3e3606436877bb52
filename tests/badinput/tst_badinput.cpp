// The bad-input corpus (issue 19): a folder per case under cases/, each applied with
// `kubectl apply -f <input>` through the console, as a user would.
//
// A case folder holds:
//   input.yaml | input.json | input/   what is applied (a file or a folder), or
//   generate                           one word naming an input made at run time, for what
//                                      git cannot (or should not) hold: fifo, dev-zero,
//                                      too-large, symlink-loop, dangling-link, bad-name,
//                                      empty-folder, directory-file, missing, big-annotations,
//                                      many-objects, long-scalar, object-too-large,
//                                      objects-under-limit
//   before.yaml                        (optional) applied first, and must succeed: for updates
//   expected.txt                       the console's whole answer
//   exit                               the expected exit status
// A case that fails (exit != 0) must leave the cluster as it was: no object added or changed,
// no action recorded. A case that succeeds is then run for a simulated minute, and the
// simulation must stay within its object budget. Every case runs under a 10 s alarm and
// the process under a 4 GiB address-space limit (outside sanitizer builds).

#include "../core/invariants.h"
#include "console/console.h"
#include "sim/simulation.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace ordinal::core;

namespace {

QByteArray currentCase;

// The object budget of the simulations here: smaller than the default (110,000) so that the
// cases that fill it (replicas 2^31 - 1, Parallel) stay quick; the mechanism is the same.
constexpr qsizetype kBudget = 20000;

void onAlarm(int)
{
    const char prefix[] = "tst_badinput: a case ran past its time limit: ";
    [[maybe_unused]] auto a = ::write(2, prefix, sizeof(prefix) - 1);
    [[maybe_unused]] auto b = ::write(2, currentCase.constData(), size_t(currentCase.size()));
    [[maybe_unused]] auto c = ::write(2, "\n", 1);
    ::_exit(3);
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct Counts
{
    qsizetype objects = 0;
    qint64 resourceVersion = 0;
    qsizetype actions = 0;
    bool operator==(const Counts &) const = default;
};

Counts countsOf(const Simulation &sim)
{
    return { sim.objectCount(), sim.store().resourceVersion(), sim.actionCount() };
}

// Makes a generated input in dir; returns the path to apply (relative to dir).
QString generate(const QString &kind, const QString &dir)
{
    const QByteArray base = QFile::encodeName(dir);
    if (kind == QLatin1String("fifo")) {
        ::mkfifo((base + "/input.yaml").constData(), 0600);
        return QStringLiteral("input.yaml");
    }
    if (kind == QLatin1String("dev-zero")) {
        ::symlink("/dev/zero", (base + "/input.yaml").constData());
        return QStringLiteral("input.yaml");
    }
    if (kind == QLatin1String("too-large")) {
        // A valid manifest padded with comments past the 3 MiB limit.
        QFile f(dir + QStringLiteral("/input.yaml"));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write("apiVersion: v1\nkind: Namespace\nmetadata: {name: big}\n");
        const QByteArray comment = "# " + QByteArray(1021, 'x') + '\n';
        for (int i = 0; i < 3 * 1024 + 1; ++i)
            f.write(comment);
        return QStringLiteral("input.yaml");
    }
    if (kind == QLatin1String("symlink-loop")) {
        QDir(dir).mkdir(QStringLiteral("input"));
        QFile::copy(QStringLiteral(ORDINAL_BADINPUT_DIR "/ns.yaml"),
                    dir + QStringLiteral("/input/a.yaml"));
        ::symlink("b.yaml", (base + "/input/b.yaml").constData());
        return QStringLiteral("input");
    }
    if (kind == QLatin1String("dangling-link")) {
        QDir(dir).mkdir(QStringLiteral("input"));
        QFile::copy(QStringLiteral(ORDINAL_BADINPUT_DIR "/ns.yaml"),
                    dir + QStringLiteral("/input/a.yaml"));
        ::symlink("missing.yaml", (base + "/input/b.yaml").constData());
        return QStringLiteral("input");
    }
    if (kind == QLatin1String("bad-name")) {
        QDir(dir).mkdir(QStringLiteral("input"));
        QFile::copy(QStringLiteral(ORDINAL_BADINPUT_DIR "/ns.yaml"),
                    dir + QStringLiteral("/input/a.yaml"));
        // The raw bytes of the name, which are not UTF-8.
        const QByteArray text = readAll(QStringLiteral(ORDINAL_BADINPUT_DIR "/ns.yaml"));
        const int fd = ::open((base + "/input/b\xff.yaml").constData(), O_WRONLY | O_CREAT, 0600);
        if (fd < 0 || ::write(fd, text.constData(), size_t(text.size())) != text.size())
            return {};
        ::close(fd);
        return QStringLiteral("input");
    }
    if (kind == QLatin1String("empty-folder")) {
        QDir(dir).mkdir(QStringLiteral("input"));
        return QStringLiteral("input");
    }
    if (kind == QLatin1String("missing"))
        return QStringLiteral("input.yaml");
    const auto write = [&](const QByteArray &text) {
        QFile f(dir + QStringLiteral("/input.yaml"));
        if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
            return QString();
        return QStringLiteral("input.yaml");
    };
    if (kind == QLatin1String("big-annotations")) {
        // Two annotations of 130 KiB each: more than 256 KiB together.
        return write("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: big\n  annotations:\n"
                     "    a: "
                     + QByteArray(130 * 1024, 'x') + "\n    b: " + QByteArray(130 * 1024, 'y')
                     + "\n");
    }
    if (kind == QLatin1String("many-objects")) {
        // One more Namespace than one apply may hold.
        QByteArray text = "apiVersion: v1\nkind: List\nitems:\n";
        for (int i = 0; i <= 10000; ++i)
            text += "- {apiVersion: v1, kind: Namespace, metadata: {name: n" + QByteArray::number(i)
                + "}}\n";
        return write(text);
    }
    if (kind == QLatin1String("long-scalar")) {
        // A 1 MiB plain scalar as a Namespace label value: read, then refused by validation.
        return write("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: long\n  labels:\n"
                     "    a: "
                     + QByteArray(1024 * 1024, 'v') + "\n");
    }
    // A Namespace whose labels take `bytes` of text, as a document of its own.
    const auto labelledNamespace = [](const QByteArray &name, qsizetype bytes) {
        QByteArray text
            = "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name + "\n  labels:\n";
        const qsizetype start = text.size();
        for (int i = 0; text.size() - start < bytes; ++i)
            text += "    l" + QByteArray::number(i) + ": v\n";
        return text;
    };
    if (kind == QLatin1String("object-too-large")) {
        // One valid object over etcd's 1.5 MiB, in a file under the 3 MiB limit.
        return write(labelledNamespace("big", 1536 * 1024 + 1024));
    }
    if (kind == QLatin1String("objects-under-limit")) {
        // Two objects of 1.25 MiB of text each: the limit is per object, not per file. Comments
        // inside the object make up the size (Ordinal measures the text), so that applying
        // and running them stays cheap.
        const auto padded = [](const QByteArray &name) {
            QByteArray text = "---\napiVersion: v1\nkind: Namespace\nmetadata:\n";
            const QByteArray comment = "  # " + QByteArray(1019, 'x') + '\n';
            for (int i = 0; i < 1280; ++i)
                text += comment;
            return text + "  name: " + name + '\n';
        };
        return write(padded("big-a") + padded("big-b"));
    }
    if (kind == QLatin1String("directory-file")) {
        // A folder whose name looks like a manifest, inside the applied folder: skipped.
        QDir(dir).mkpath(QStringLiteral("input/sub.yaml"));
        QFile::copy(QStringLiteral(ORDINAL_BADINPUT_DIR "/ns.yaml"),
                    dir + QStringLiteral("/input/a.yaml"));
        return QStringLiteral("input");
    }
    return {};
}

} // namespace

class tst_BadInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        std::signal(SIGALRM, onAlarm);
        if (!kSanitized) {
            rlimit limit {};
            limit.rlim_cur = limit.rlim_max = rlim_t(4) << 30;
            QVERIFY(::setrlimit(RLIMIT_AS, &limit) == 0);
        }
    }

    void corpus_data()
    {
        QTest::addColumn<QString>("dir");
        const QDir cases(QStringLiteral(ORDINAL_BADINPUT_DIR "/cases"));
        const QStringList names = cases.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY2(names.size() >= 150, qPrintable(QString::number(names.size())));
        for (const QString &name : names)
            QTest::newRow(qPrintable(name)) << cases.filePath(name);
    }

    void corpus()
    {
        QFETCH(QString, dir);
        currentCase = QDir(dir).dirName().toUtf8();
        const QByteArray expected = readAll(dir + QStringLiteral("/expected.txt"));
        bool statusOk = false;
        const int expectedExit = readAll(dir + QStringLiteral("/exit")).trimmed().toInt(&statusOk);
        QVERIFY2(statusOk, "the case has no exit file");

        QString baseDir = dir;
        QString input;
        QTemporaryDir scratch;
        const QString kind
            = QString::fromUtf8(readAll(dir + QStringLiteral("/generate")).trimmed());
        if (!kind.isEmpty()) {
            QVERIFY(scratch.isValid());
            baseDir = scratch.path();
            input = generate(kind, baseDir);
            QVERIFY2(!input.isEmpty(), qPrintable(kind));
        } else {
            const QStringList inputs = QDir(dir).entryList({ QStringLiteral("input*") },
                                                           QDir::AllEntries | QDir::System);
            QCOMPARE(inputs.size(), 1);
            input = inputs.first();
        }

        Simulation sim;
        sim.setObjectBudget(kBudget);
        Console console(sim);
        if (QFile::exists(dir + QStringLiteral("/before.yaml"))) {
            const ConsoleOutput setup
                = console.execute(QStringLiteral("kubectl apply -f before.yaml"), dir);
            QVERIFY2(setup.exitCode == 0, qPrintable(setup.text));
            sim.advanceBy(30 * kSecond); // let the controllers act on it
        }
        const Counts before = countsOf(sim);
        ::alarm(kSanitized ? 60 : 10);
        const ConsoleOutput out
            = console.execute(QStringLiteral("kubectl apply -f ") + input, baseDir);
        ::alarm(0);

        if (qEnvironmentVariableIsSet("ORDINAL_BADINPUT_PRINT"))
            qInfo().noquote() << "exit" << out.exitCode << "\n" << out.text;
        // For a new case: write the answer as expected.txt, to be checked against upstream.
        if (qEnvironmentVariableIsSet("ORDINAL_BADINPUT_WRITE")) {
            QFile f(dir + QStringLiteral("/expected.txt"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(out.text.toUtf8());
        }
        QCOMPARE(out.text.toUtf8(), expected);
        QCOMPARE(out.exitCode, expectedExit);
        if (expectedExit != 0) {
            QVERIFY2(countsOf(sim) == before, "a failed apply changed the cluster");
            return;
        }
        // Accepted: a simulated minute later the simulation is still within its budget, and
        // the cluster's invariants hold (unique pod IPs and ClusterIPs, ordering).
        ordinal::test::InvariantChecker checker(sim);
        checker.checkState();
        ::alarm(kSanitized ? 60 : 10);
        sim.advanceBy(60 * kSecond);
        ::alarm(0);
        checker.checkState();
        QVERIFY2(checker.violations().isEmpty(),
                 qPrintable(checker.violations().mid(0, 5).join(QLatin1Char('\n'))));
        QVERIFY2(sim.objectCount() <= sim.objectBudget(),
                 qPrintable(QString::number(sim.objectCount())));
    }

    // The API server does not validate a StatefulSet's pod template (upstream's
    // ValidatePodTemplateSpecForStatefulSet leaves the pod spec out): the set is created, and
    // each pod creation fails with a FailedCreate event, as in a real cluster.
    void invalidTemplateFailsAtPodCreation()
    {
        Simulation sim;
        sim.setObjectBudget(kBudget);
        Console console(sim);
        const ConsoleOutput out = console.execute(
            QStringLiteral("kubectl apply -f input.yaml"),
            QStringLiteral(ORDINAL_BADINPUT_DIR
                           "/cases/accepted-statefulset-template-containers-empty"));
        QCOMPARE(out.exitCode, 0);
        sim.advanceBy(30 * kSecond);
        QVERIFY2(sim.store().all<Pod>().isEmpty(), "a pod without containers was created");
        bool failedCreate = false;
        for (const Event &event : sim.store().all<Event>()) {
            failedCreate = failedCreate
                || (event.reason == QLatin1String("FailedCreate")
                    && event.message
                        == QLatin1String("create Pod web-0 in StatefulSet web failed error: Pod "
                                         "\"web-0\" is invalid: spec.containers: Required value"));
        }
        QVERIFY2(failedCreate, "no FailedCreate event for web-0");
        bool decided = false;
        for (const Decision &decision : sim.decisions())
            decided = decided || decision.message.contains(QLatin1String("web-0 not created"));
        QVERIFY2(decided, "no Decision says why web-0 was not created");
    }

    // Ordinals never pass 2^31 - 1 (UBSan once reported 2147483647 + 2 in the controller).
    void ordinalsStopAtInt32Max()
    {
        Simulation sim;
        sim.setObjectBudget(kBudget);
        Console console(sim);
        const ConsoleOutput out = console.execute(
            QStringLiteral("kubectl apply -f input.yaml"),
            QStringLiteral(ORDINAL_BADINPUT_DIR "/cases/size-ordinals-near-max-parallel"));
        QCOMPARE(out.exitCode, 0);
        sim.advanceBy(60 * kSecond);
        QStringList names;
        for (const Pod &pod : sim.store().all<Pod>())
            names << pod.metadata.name;
        names.sort();
        QStringList expected;
        for (qint64 ordinal = 2147483640; ordinal <= 2147483647; ++ordinal)
            expected << QStringLiteral("web-%1").arg(ordinal);
        QCOMPARE(names, expected);
    }

    // replicas: 2147483647 is accepted; the controller's work stays bounded: OrderedReady makes
    // pods one at a time, Parallel stops at the object budget and says so.
    void hugeReplicasStayWithinBudget()
    {
        Simulation ordered;
        Console orderedConsole(ordered);
        QCOMPARE(orderedConsole
                     .execute(QStringLiteral("kubectl apply -f input.yaml"),
                              QStringLiteral(ORDINAL_BADINPUT_DIR "/cases/size-replicas-max"))
                     .exitCode,
                 0);
        ordered.advanceBy(60 * kSecond);
        QVERIFY2(ordered.store().all<Pod>().size() < 100,
                 qPrintable(QString::number(ordered.store().all<Pod>().size())));

        Simulation parallel;
        parallel.setObjectBudget(kBudget);
        Console parallelConsole(parallel);
        QCOMPARE(
            parallelConsole
                .execute(QStringLiteral("kubectl apply -f input.yaml"),
                         QStringLiteral(ORDINAL_BADINPUT_DIR "/cases/size-replicas-max-parallel"))
                .exitCode,
            0);
        parallel.advanceBy(10 * kSecond);
        QCOMPARE(parallel.objectCount(), parallel.objectBudget());
        bool budgetDecision = false;
        for (const Decision &decision : parallel.decisions())
            budgetDecision = budgetDecision || decision.message.contains(QLatin1String("budget"));
        QVERIFY2(budgetDecision, "no Decision names the object budget");
    }
};

QTEST_GUILESS_MAIN(tst_BadInput)
#include "tst_badinput.moc"
