#include "console/scriptrunner.h"

#include "console/console.h"

namespace ordinal::core {

ScriptRunner::ScriptRunner(Console &console)
    : m_console(console)
{
}

int ScriptRunner::runLine(const QString &line, const QString &baseDir, QTextStream &out)
{
    const QString trimmed = line.trimmed();
    if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
        return 0;
    out << "$ " << trimmed << '\n';
    const ConsoleOutput result = m_console.execute(trimmed, baseDir);
    out << result.text;
    out.flush();
    return result.exitCode;
}

int ScriptRunner::applyManifests(const QStringList &paths, QTextStream &out)
{
    int status = 0;
    for (const QString &path : paths) {
        if (runLine(QStringLiteral("kubectl apply -f ") + path, {}, out) != 0)
            status = 1;
    }
    return status;
}

int ScriptRunner::runScript(const QString &script, const QString &baseDir, QTextStream &out)
{
    int status = 0;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (runLine(line, baseDir, out) != 0)
            status = 1;
    }
    return status;
}

} // namespace ordinal::core
