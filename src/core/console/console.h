#pragma once

#include "api/types.h"
#include "console/tablewriter.h"

#include <QCoreApplication>

#include <functional>
#include <memory>
#include <optional>

namespace ordinal::core {

class Simulation;
class ClusterDns;
class ShellLine;
struct ShellResult;
struct WatchEvent;

// What one command printed (stdout and stderr interleaved, as a terminal shows them; every
// line ends in "\n") and its exit status.
struct ConsoleOutput
{
    QString text;
    int exitCode = 0;
    // Standard output alone, when a command knows it and it is one run of text: a shell pipe
    // takes only this, and the rest of text is standard error. Unset: all of text is standard
    // output when the command succeeded and standard error when it failed.
    std::optional<QString> out;

    bool ok() const { return exitCode == 0; }
};

// The one command interpreter behind the GUI console, `ordinal --headless --script` and the
// scenario tests (console.md): kubectl, busybox nslookup, dig, sleep, wait and the `sim`
// faults, printing what the real tools print. Virtual time advances only through sleep,
// wait, watches, `rollout status` and a waiting `kubectl delete`; every command first lets
// the controllers react to what is already queued for the current instant.
class Console
{
    Q_DECLARE_TR_FUNCTIONS(Console)

public:
    explicit Console(Simulation &sim);
    ~Console();

    // Runs one command line to completion. Watches (-w) run until the cluster settles or the
    // request timeout passes. baseDir resolves relative manifest paths.
    ConsoleOutput execute(const QString &line, const QString &baseDir = {});

    // Interactive use (GUI): like execute, but a watch is left running; its later rows are
    // collected as the simulation advances and handed out by takeWatchOutput().
    ConsoleOutput executeInteractive(const QString &line, const QString &baseDir = {});
    bool isWatching() const;
    QString takeWatchOutput();
    void stopWatch();

    QString currentNamespace() const { return m_namespace; }
    void setCurrentNamespace(const QString &ns) { m_namespace = ns; }

    // Splits a command line as a POSIX shell would (quotes, backslashes); false on an
    // unterminated quote.
    static bool tokenize(const QString &line, QStringList *tokens);
    // The zone at the current time (rebuilt only when the store changed).
    std::shared_ptr<const ClusterDns> dns();

private:
    struct Watch;
    struct Flags;

    ConsoleOutput run(const QStringList &tokens, const QString &baseDir, bool interactive);
    // A line with shell syntax (pipes, lists, loops, $(…)) through m_shell.
    ConsoleOutput runShell(const QString &line, const QString &baseDir);
    ConsoleOutput kubectl(QStringList args, const QString &baseDir, bool interactive);
    ConsoleOutput get(Flags &flags, const QString &baseDir, bool interactive);
    ConsoleOutput describe(Flags &flags);
    ConsoleOutput version(Flags &flags);
    ConsoleOutput apiResources(Flags &flags);
    ConsoleOutput apply(Flags &flags, const QString &baseDir, bool create);
    ConsoleOutput remove(Flags &flags, const QString &baseDir);
    ConsoleOutput scale(Flags &flags);
    ConsoleOutput setImage(Flags &flags);
    ConsoleOutput patch(Flags &flags);
    ConsoleOutput rollout(Flags &flags);
    ConsoleOutput exec(Flags &flags);
    // One command in the pod's container (hostname, cat of the files Ordinal knows,
    // nslookup, Ordinal's word on programs that need the real application); nullopt when the
    // container has no such program.
    std::optional<ConsoleOutput> inPod(const Pod &pod, const QStringList &command);
    static QString podHostname(const Pod &pod);
    ConsoleOutput node(const QString &verb, Flags &flags);
    ConsoleOutput config(Flags &flags);
    ConsoleOutput nslookup(const QStringList &args, const Pod *fromPod);
    ConsoleOutput dig(const QStringList &args);
    ConsoleOutput sleep(const QStringList &args);
    ConsoleOutput wait(const QStringList &args);
    ConsoleOutput sim(const QStringList &args);

    // Advances until the condition holds, the queue empties or the deadline passes.
    bool advanceUntil(const std::function<bool()> &done, Millis deadline);

    Simulation &m_sim;
    QString m_namespace = QStringLiteral("default");
    std::unique_ptr<Watch> m_watch;
    // The terminal's shell: its variables persist between lines.
    std::unique_ptr<ShellLine> m_shell;
    QString m_shellBaseDir; // the baseDir of the line m_shell runs
    std::shared_ptr<const ClusterDns> m_dns;
    qint64 m_dnsVersion = -1;
};

} // namespace ordinal::core
