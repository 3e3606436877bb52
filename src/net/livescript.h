#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace ordinal::core {
class Console;
}

namespace ordinal::net {

class LiveClient;

// What a console command does to a cluster, judged from its words before the console sees
// them (the console itself does not know about live clusters).
enum class CommandEffect {
    Reads, // kubectl get/describe/api-resources/config, nslookup, dig
    Changes, // kubectl apply/create/delete/scale/patch/set/cordon/..., sent only if allowed
    Waits, // sleep: the live cluster moves on meanwhile
    Unavailable, // sim faults, exec, logs, wait: they belong to the simulation
};

CommandEffect commandEffect(const QStringList &tokens);

// Runs a console script against a live view (`ordinal --headless --kubeconfig`): reading
// commands go to the console, which answers from the observe-only simulation fed by the
// cluster's watches; `sleep` lets the event loop run for that long (wall time), so the watches
// bring what changed; changing commands are refused with a message unless changes are allowed,
// and then sent to the real API (delete pod, scale and patch a StatefulSet, cordon and uncordon
// a node). The transcript has the same shape as ScriptRunner's.
class LiveScript
{
    Q_DECLARE_TR_FUNCTIONS(LiveScript)

public:
    LiveScript(core::Console &console, LiveClient &client);

    int runScript(const QString &script, QTextStream &out);
    int runLine(const QString &line, QTextStream &out);

private:
    int change(const QStringList &tokens, QTextStream &out);

    core::Console &m_console;
    LiveClient &m_client;
};

} // namespace ordinal::net
