#pragma once

// The shell lines of the tutorials, run one line at a time as the console reads them: lists
// (;, &&, ||), pipelines (|, !), `for NAME in WORDS; do …; done`, `if …; then …; else …; fi`,
// `while`/`until` (bounded), quoting ('…', "…", \), parameter expansion ($x, ${x}, $?),
// command substitution ($(…) and `…`) with field splitting, the redirections 2>&1, >/dev/null
// and 2>/dev/null, $((…)), ${x#…}/${x%…}/${x:-…}, and the builtins echo, printf, test/[,
// export, unset, true, false, : and exit. Everything else is a
// simple command: the text filters of coreutils.h (grep, head, tail, wc, sort, uniq, cut,
// awk, tr, cat) run here; any other command goes to the caller's runner (the console: kubectl,
// nslookup, dig, sleep, …). Errors are bash's ("bash: syntax error near unexpected token
// `done'"). Deterministic: no processes, no files, no clock.

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace ordinal::core {

// What a command or a whole line wrote. text is what a terminal shows (standard error and
// output in the order they were written); out and err are the two streams apart.
struct ShellResult
{
    QString out;
    QString err;
    QString text;
    int exitCode = 0;

    // A result whose terminal text is stderr then stdout.
    static ShellResult of(const QString &out, const QString &err, int exitCode);
};

class ShellLine
{
    Q_DECLARE_TR_FUNCTIONS(ShellLine)

public:
    // Runs one simple command that is not a builtin or a filter: argv after expansion, and
    // the text piped into it (empty when nothing is). A runner that cannot keep stdout and
    // stderr apart returns everything as out.
    using Runner = std::function<ShellResult(const QStringList &argv, const QString &input)>;

    explicit ShellLine(Runner runner);
    ~ShellLine();

    // Runs the line. Syntax errors print bash's message and give exit status 2, running
    // nothing.
    ShellResult run(const QString &line);

    // Shell variables ($i after a loop, $? of the last line) persist between lines, as in
    // one terminal.
    QString variable(const QString &name) const { return m_variables.value(name); }
    void setVariable(const QString &name, const QString &value) { m_variables[name] = value; }

    // Whether line needs this interpreter, or is a plain simple command the console can
    // run as it always has: true for any of | ; & ( ) < > ` $ and the shell's keywords, or a
    // builtin/filter as the command.
    static bool needsShell(const QString &line);

    // For a shell in a pod (`kubectl exec POD -- sh -c …`): `cat FILE` goes to the runner,
    // which knows the pod's files, instead of the console's file-less cat.
    void setRunnerReadsFiles(bool reads) { m_runnerReadsFiles = reads; }

    // The longest a while/until loop runs (iterations) before Ordinal stops it.
    static constexpr int kMaxLoopIterations = 1000;

    struct Node;

private:
    struct Exec;

    // Runs a line (or a command substitution's text) with $? = *status; updates *status.
    ShellResult runNested(const QString &line, int *status);

    Runner m_runner;
    QMap<QString, QString> m_variables;
    bool m_runnerReadsFiles = false;
};

// True for programs that need the application a container runs (curl, mysql, zkCli.sh,
// nodetool, …): Ordinal simulates the cluster, so inside `kubectl exec` they have nothing to
// talk to.
bool needsRealApplication(const QString &program);

// Ordinal's own explanation for such a program run in pod podName (never a made-up "executable
// file not found"): what Ordinal simulates, and what to try instead. Ends with a newline.
QString realApplicationMessage(const QString &program, const QString &podName);

} // namespace ordinal::core
