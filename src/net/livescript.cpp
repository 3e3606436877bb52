#include "livescript.h"

#include "liveclient.h"

#include "console/console.h"
#include "console/tablewriter.h"

#include <QEventLoop>
#include <QTimer>

namespace ordinal::net {

namespace {

// The flags' values a changing command needs: namespace, --replicas, -p, --type; the rest are
// its positional words.
struct Words
{
    QStringList positional;
    QString ns;
    QString replicas;
    QString patch;
    QString patchType = QStringLiteral("strategic");
};

Words parseWords(const QStringList &args)
{
    Words w;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const auto value = [&](const QString &shortName, const QString &longName, QString *into) {
            for (const QString &name : { shortName, longName }) {
                if (name.isEmpty())
                    continue;
                if (a == name && i + 1 < args.size()) {
                    *into = args[++i];
                    return true;
                }
                if (name.startsWith(QLatin1String("--")) && a.startsWith(name + QLatin1Char('='))) {
                    *into = a.mid(name.size() + 1);
                    return true;
                }
            }
            return false;
        };
        if (value(QStringLiteral("-n"), QStringLiteral("--namespace"), &w.ns)
            || value({}, QStringLiteral("--replicas"), &w.replicas)
            || value(QStringLiteral("-p"), QStringLiteral("--patch"), &w.patch)
            || value({}, QStringLiteral("--type"), &w.patchType))
            continue;
        if (!a.startsWith(QLatin1Char('-')))
            w.positional << a;
    }
    return w;
}

// "pod web-0", "pods/web-0", "po web-0" -> (kind word, name)
std::pair<QString, QString> target(const QStringList &positional)
{
    if (positional.isEmpty())
        return {};
    if (positional.first().contains(QLatin1Char('/')))
        return { positional.first().section(QLatin1Char('/'), 0, 0).toLower(),
                 positional.first().section(QLatin1Char('/'), 1) };
    return { positional.first().toLower(), positional.value(1) };
}

bool isKind(const QString &word, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        if (word == QLatin1String(name))
            return true;
    }
    return false;
}

} // namespace

CommandEffect commandEffect(const QStringList &tokens)
{
    if (tokens.isEmpty())
        return CommandEffect::Reads;
    const QString &command = tokens.first();
    if (command == QLatin1String("nslookup") || command == QLatin1String("dig"))
        return CommandEffect::Reads;
    if (command == QLatin1String("sleep"))
        return CommandEffect::Waits;
    if (command != QLatin1String("kubectl") && command != QLatin1String("k"))
        return CommandEffect::Unavailable;
    const QString verb = tokens.value(1);
    if (verb.isEmpty())
        return CommandEffect::Reads;
    static const QStringList reads
        = { QStringLiteral("get"),    QStringLiteral("describe"), QStringLiteral("api-resources"),
            QStringLiteral("config"), QStringLiteral("version"),  QStringLiteral("explain") };
    static const QStringList unavailable = { QStringLiteral("exec"), QStringLiteral("logs"),
                                             QStringLiteral("attach"), QStringLiteral("run") };
    if (reads.contains(verb))
        return CommandEffect::Reads;
    if (unavailable.contains(verb))
        return CommandEffect::Unavailable;
    if (verb == QLatin1String("rollout"))
        return tokens.value(2) == QLatin1String("status")
                || tokens.value(2) == QLatin1String("history")
            ? CommandEffect::Reads
            : CommandEffect::Changes;
    // apply, create, delete, scale, set, patch, cordon, uncordon, drain, taint, label, ... and
    // anything not known to read: judged as changing, so it is never sent unasked.
    return CommandEffect::Changes;
}

LiveScript::LiveScript(core::Console &console, LiveClient &client)
    : m_console(console)
    , m_client(client)
{
}

int LiveScript::runScript(const QString &script, QTextStream &out)
{
    int status = 0;
    for (const QString &line : script.split(QLatin1Char('\n'))) {
        if (runLine(line, out) != 0)
            status = 1;
    }
    return status;
}

int LiveScript::runLine(const QString &line, QTextStream &out)
{
    const QString trimmed = line.trimmed();
    if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
        return 0;
    out << "$ " << trimmed << '\n';
    out.flush();
    QStringList tokens;
    if (!core::Console::tokenize(trimmed, &tokens)) {
        out << m_console.execute(trimmed).text; // the console words the quoting error
        return 1;
    }
    switch (commandEffect(tokens)) {
    case CommandEffect::Reads: {
        const core::ConsoleOutput result = m_console.execute(trimmed);
        out << result.text;
        return result.exitCode;
    }
    case CommandEffect::Waits: {
        const core::Millis duration = core::parseDuration(tokens.value(1));
        if (tokens.size() != 2 || duration < 0) {
            out << m_console.execute(trimmed).text; // the console's usage message
            return 1;
        }
        // The cluster moves on in real time: its watches are read meanwhile.
        QEventLoop loop;
        QTimer::singleShot(int(std::min<core::Millis>(duration, 24 * core::kHour)), &loop,
                           &QEventLoop::quit);
        loop.exec();
        return 0;
    }
    case CommandEffect::Unavailable:
        out << tr("error: \"%1\" belongs to the simulation; a live view only reads the cluster "
                  "(kubectl get, describe, nslookup, dig) and, when allowed, sends changes")
                   .arg(tokens.mid(0, 2).join(QLatin1Char(' ')))
            << '\n';
        return 1;
    case CommandEffect::Changes:
        break;
    }
    if (!m_client.allowsChanges()) {
        out << tr("error: \"%1\" would change cluster \"%2\" (context \"%3\"); the live view is "
                  "read-only. Run with --allow-changes to send it.")
                   .arg(trimmed, m_client.context().clusterName, m_client.context().contextName)
            << '\n';
        return 1;
    }
    return change(tokens, out);
}

int LiveScript::change(const QStringList &tokens, QTextStream &out)
{
    const QString verb = tokens.value(1);
    const Words w = parseWords(tokens.mid(2));
    const QString ns = w.ns.isEmpty() ? m_console.currentNamespace() : w.ns;
    const auto [kind, name] = target(w.positional);
    QEventLoop loop;
    int exitCode = 1;
    QString done;
    bool finished = false;
    const auto reply = [&](int status, const QByteArray &, const QString &error) {
        Q_UNUSED(status)
        finished = true;
        if (error.isEmpty()) {
            out << done << '\n';
            exitCode = 0;
        } else {
            out << QStringLiteral("Error from server: ") << error << '\n';
        }
        loop.quit();
    };
    bool sent = false;
    if (verb == QLatin1String("delete") && isKind(kind, { "pod", "pods", "po" })
        && !name.isEmpty()) {
        done = QStringLiteral("pod \"%1\" deleted").arg(name);
        sent = m_client.deletePod(ns, name, reply);
    } else if (verb == QLatin1String("scale")
               && isKind(kind, { "statefulset", "statefulsets", "sts" }) && !name.isEmpty()
               && !w.replicas.isEmpty()) {
        done = QStringLiteral("statefulset.apps/%1 scaled").arg(name);
        sent = m_client.scaleStatefulSet(ns, name, w.replicas.toInt(), reply);
    } else if ((verb == QLatin1String("cordon") || verb == QLatin1String("uncordon"))
               && !kind.isEmpty()) {
        const QString node = name.isEmpty() ? kind : name;
        done = QStringLiteral("node/%1 %2")
                   .arg(node,
                        verb == QLatin1String("cordon") ? QStringLiteral("cordoned")
                                                        : QStringLiteral("uncordoned"));
        sent = m_client.cordonNode(node, verb == QLatin1String("cordon"), reply);
    } else if (verb == QLatin1String("patch")
               && isKind(kind, { "statefulset", "statefulsets", "sts" }) && !name.isEmpty()
               && !w.patch.isEmpty()) {
        const QByteArray type = w.patchType == QLatin1String("merge")
            ? QByteArrayLiteral("application/merge-patch+json")
            : w.patchType == QLatin1String("json")
            ? QByteArrayLiteral("application/json-patch+json")
            : QByteArrayLiteral("application/strategic-merge-patch+json");
        done = QStringLiteral("statefulset.apps/%1 patched").arg(name);
        sent = m_client.sendChange(
            "PATCH", QStringLiteral("/apis/apps/v1/namespaces/%1/statefulsets/%2").arg(ns, name),
            type, w.patch.toUtf8(), reply);
    } else {
        out << tr("error: a live view sends only these changes: kubectl delete pod, kubectl "
                  "scale statefulset, kubectl patch statefulset, kubectl cordon and uncordon")
            << '\n';
        return 1;
    }
    if (sent && !finished)
        loop.exec();
    return exitCode;
}

} // namespace ordinal::net
