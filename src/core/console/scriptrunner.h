#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace ordinal::core {

class Console;

// Runs a console script and writes the transcript as console.md specifies: manifests first,
// each echoed as `$ kubectl apply -f <path>`; then every command echoed as `$ <command>` and
// followed by its output; blank lines and `#` comments skipped. Returns 0 when every command
// succeeded, 1 when any failed (the script still runs to its end).
class ScriptRunner
{
    Q_DECLARE_TR_FUNCTIONS(ScriptRunner)

public:
    explicit ScriptRunner(Console &console);

    int applyManifests(const QStringList &paths, QTextStream &out);
    // baseDir resolves relative paths inside the script (the script's folder).
    int runScript(const QString &script, const QString &baseDir, QTextStream &out);
    // Runs one line (echo + output); returns the command's exit code (0 for skipped lines).
    int runLine(const QString &line, const QString &baseDir, QTextStream &out);

private:
    Console &m_console;
};

} // namespace ordinal::core
