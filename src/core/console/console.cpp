#include "console/console.h"

#include "api/admission.h"
#include "api/json.h"
#include "console/coreutils.h"
#include "console/kubectlinfo.h"
#include "console/outputformat.h"
#include "console/printers.h"
#include "console/printers_workloads.h"
#include "console/shellline.h"
#include "controllers/eviction.h"
#include "dns/clusterdns.h"
#include "dns/dnstools.h"
#include "dns/podresolver.h"
#include "io/manifestloader.h"
#include "sim/operations.h"
#include "sim/simulation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace ordinal::core {

namespace {

// The Unix time (ms) of virtual time 0 in what the console prints: 2026-01-01T00:00:00Z, the
// epoch of describe's timestamps, so -o json/yaml agree with describe.
constexpr qint64 kConsoleEpochMs = 1767225600000;

ConsoleOutput fail(const QString &text, int code = 1)
{
    return ConsoleOutput{text.endsWith(QLatin1Char('\n')) ? text : text + QLatin1Char('\n'), code};
}

ConsoleOutput okText(const QString &text)
{
    if (text.isEmpty() || text.endsWith(QLatin1Char('\n')))
        return ConsoleOutput{text, 0};
    return ConsoleOutput{text + QLatin1Char('\n'), 0};
}

QString lines(const QStringList &list)
{
    QString out;
    for (const QString &line : list)
        out += line + QLatin1Char('\n');
    return out;
}

// Resource names kubectl accepts, mapped to the kind.
enum class Resource {
    None,
    Pods,
    StatefulSets,
    Services,
    Endpoints,
    Nodes,
    Claims,
    Events,
    Budgets
};

Resource resourceOf(const QString &word)
{
    static const QMap<QString, Resource> names {
        { QStringLiteral("pods"), Resource::Pods },
        { QStringLiteral("pod"), Resource::Pods },
        { QStringLiteral("po"), Resource::Pods },
        { QStringLiteral("statefulsets"), Resource::StatefulSets },
        { QStringLiteral("statefulset"), Resource::StatefulSets },
        { QStringLiteral("sts"), Resource::StatefulSets },
        { QStringLiteral("statefulsets.apps"), Resource::StatefulSets },
        { QStringLiteral("statefulset.apps"), Resource::StatefulSets },
        { QStringLiteral("services"), Resource::Services },
        { QStringLiteral("service"), Resource::Services },
        { QStringLiteral("svc"), Resource::Services },
        { QStringLiteral("endpoints"), Resource::Endpoints },
        { QStringLiteral("ep"), Resource::Endpoints },
        { QStringLiteral("nodes"), Resource::Nodes },
        { QStringLiteral("node"), Resource::Nodes },
        { QStringLiteral("no"), Resource::Nodes },
        { QStringLiteral("persistentvolumeclaims"), Resource::Claims },
        { QStringLiteral("persistentvolumeclaim"), Resource::Claims },
        { QStringLiteral("pvc"), Resource::Claims },
        { QStringLiteral("events"), Resource::Events },
        { QStringLiteral("event"), Resource::Events },
        { QStringLiteral("ev"), Resource::Events },
        { QStringLiteral("poddisruptionbudgets"), Resource::Budgets },
        { QStringLiteral("poddisruptionbudget"), Resource::Budgets },
        { QStringLiteral("pdb"), Resource::Budgets },
        { QStringLiteral("poddisruptionbudgets.policy"), Resource::Budgets },
        { QStringLiteral("poddisruptionbudget.policy"), Resource::Budgets },
    };
    return names.value(word.toLower(), Resource::None);
}

QString pluralOf(Resource r)
{
    switch (r) {
    case Resource::Pods:
        return QStringLiteral("pods");
    case Resource::StatefulSets:
        return QStringLiteral("statefulsets.apps");
    case Resource::Services:
        return QStringLiteral("services");
    case Resource::Endpoints:
        return QStringLiteral("endpoints");
    case Resource::Nodes:
        return QStringLiteral("nodes");
    case Resource::Claims:
        return QStringLiteral("persistentvolumeclaims");
    case Resource::Events:
        return QStringLiteral("events");
    case Resource::Budgets:
        return QStringLiteral("poddisruptionbudgets.policy");
    case Resource::None:
        break;
    }
    return {};
}

QString singularOf(Resource r)
{
    switch (r) {
    case Resource::Pods:
        return QStringLiteral("pod");
    case Resource::StatefulSets:
        return QStringLiteral("statefulset.apps");
    case Resource::Services:
        return QStringLiteral("service");
    case Resource::Endpoints:
        return QStringLiteral("endpoints");
    case Resource::Nodes:
        return QStringLiteral("node");
    case Resource::Claims:
        return QStringLiteral("persistentvolumeclaim");
    case Resource::Events:
        return QStringLiteral("event");
    case Resource::Budgets:
        return QStringLiteral("poddisruptionbudget.policy");
    case Resource::None:
        break;
    }
    return {};
}

// A boolean as Go's strconv.ParseBool reads it (kubectl's boolean flags); nullopt when it is not
// one.
std::optional<bool> goBool(const QString &value)
{
    static const QStringList truths { QStringLiteral("1"),    QStringLiteral("t"),
                                      QStringLiteral("T"),    QStringLiteral("TRUE"),
                                      QStringLiteral("true"), QStringLiteral("True") };
    static const QStringList falsehoods { QStringLiteral("0"),     QStringLiteral("f"),
                                          QStringLiteral("F"),     QStringLiteral("FALSE"),
                                          QStringLiteral("false"), QStringLiteral("False") };
    if (truths.contains(value))
        return true;
    if (falsehoods.contains(value))
        return false;
    return std::nullopt;
}

// A boolean flag's value; false and kubectl's error when it is not one.
bool parseBoolFlag(const QString &flag, const QString &value, bool *result, QString *error)
{
    const std::optional<bool> parsed = goBool(value);
    if (!parsed) {
        *error = QStringLiteral("error: invalid argument \"%1\" for \"--%2\" flag: "
                                "strconv.ParseBool: parsing \"%1\": invalid syntax")
                     .arg(value, flag);
        return false;
    }
    *result = *parsed;
    return true;
}

bool matchesSelector(const std::optional<LabelSelector> &selector, const ObjectMeta &meta)
{
    return !selector || selector->matches(meta.labels);
}

} // namespace

// --- flags -----------------------------------------------------------------------------------

struct Console::Flags
{
    QString verb;
    QStringList positional;
    QStringList afterDash;
    QMap<QString, QStringList> values;
    QSet<QString> bools;
    QString error;

    QString value(const QString &name, const QString &fallback = {}) const
    {
        const QStringList v = values.value(name);
        return v.isEmpty() ? fallback : v.last();
    }
    bool has(const QString &name) const { return bools.contains(name) || values.contains(name); }

    // Parses kubectl's flags (GNU style, --a=b, --a b, -a b, -ab for booleans).
    static Flags parse(const QString &verb, const QStringList &args)
    {
        static const QMap<QString, QString> valueFlags {
            { QStringLiteral("-l"), QStringLiteral("selector") },
            { QStringLiteral("--selector"), QStringLiteral("selector") },
            { QStringLiteral("-o"), QStringLiteral("output") },
            { QStringLiteral("--output"), QStringLiteral("output") },
            { QStringLiteral("-n"), QStringLiteral("namespace") },
            { QStringLiteral("--namespace"), QStringLiteral("namespace") },
            { QStringLiteral("-f"), QStringLiteral("filename") },
            { QStringLiteral("--filename"), QStringLiteral("filename") },
            { QStringLiteral("-p"), QStringLiteral("patch") },
            { QStringLiteral("--patch"), QStringLiteral("patch") },
            { QStringLiteral("-c"), QStringLiteral("container") },
            { QStringLiteral("--container"), QStringLiteral("container") },
            { QStringLiteral("--replicas"), QStringLiteral("replicas") },
            { QStringLiteral("--grace-period"), QStringLiteral("grace-period") },
            { QStringLiteral("--timeout"), QStringLiteral("timeout") },
            { QStringLiteral("--request-timeout"), QStringLiteral("request-timeout") },
            { QStringLiteral("--type"), QStringLiteral("type") },
            { QStringLiteral("--cascade"), QStringLiteral("cascade") },
            { QStringLiteral("--wait"), QStringLiteral("wait") },
            { QStringLiteral("--force"), QStringLiteral("force") },
            { QStringLiteral("--template"), QStringLiteral("template") },
            { QStringLiteral("-L"), QStringLiteral("label-columns") },
            { QStringLiteral("--label-columns"), QStringLiteral("label-columns") },
            { QStringLiteral("--allow-missing-template-keys"),
              QStringLiteral("allow-missing-template-keys") },
            { QStringLiteral("--api-group"), QStringLiteral("api-group") },
            { QStringLiteral("--verbs"), QStringLiteral("verbs") },
            { QStringLiteral("--categories"), QStringLiteral("categories") },
            { QStringLiteral("--sort-by"), QStringLiteral("sort-by") },
            { QStringLiteral("--namespaced"), QStringLiteral("namespaced") },
            { QStringLiteral("--client"), QStringLiteral("client") },
        };
        // Flags only some commands have (the rest are refused as unknown, as before).
        static const QMap<QString, QStringList> verbsOf {
            { QStringLiteral("template"), { QStringLiteral("get") } },
            { QStringLiteral("label-columns"), { QStringLiteral("get") } },
            { QStringLiteral("allow-missing-template-keys"), { QStringLiteral("get") } },
            { QStringLiteral("no-headers"),
              { QStringLiteral("get"), QStringLiteral("api-resources") } },
            { QStringLiteral("api-group"), { QStringLiteral("api-resources") } },
            { QStringLiteral("verbs"), { QStringLiteral("api-resources") } },
            { QStringLiteral("categories"), { QStringLiteral("api-resources") } },
            { QStringLiteral("sort-by"), { QStringLiteral("api-resources") } },
            { QStringLiteral("namespaced"), { QStringLiteral("api-resources") } },
            { QStringLiteral("client"), { QStringLiteral("version") } },
        };
        static const QMap<QString, QString> boolFlags {
            { QStringLiteral("-w"), QStringLiteral("watch") },
            { QStringLiteral("--watch"), QStringLiteral("watch") },
            { QStringLiteral("-A"), QStringLiteral("all-namespaces") },
            { QStringLiteral("--all-namespaces"), QStringLiteral("all-namespaces") },
            { QStringLiteral("--now"), QStringLiteral("now") },
            { QStringLiteral("-i"), QStringLiteral("stdin") },
            { QStringLiteral("--stdin"), QStringLiteral("stdin") },
            { QStringLiteral("-t"), QStringLiteral("tty") },
            { QStringLiteral("--tty"), QStringLiteral("tty") },
            { QStringLiteral("--ignore-daemonsets"), QStringLiteral("ignore-daemonsets") },
            { QStringLiteral("--delete-emptydir-data"), QStringLiteral("delete-emptydir-data") },
            { QStringLiteral("--current"), QStringLiteral("current") },
            { QStringLiteral("--all"), QStringLiteral("all") },
            { QStringLiteral("--overwrite"), QStringLiteral("overwrite") },
            { QStringLiteral("--show-labels"), QStringLiteral("show-labels") },
            { QStringLiteral("--no-headers"), QStringLiteral("no-headers") },
        };
        // Flags that take an optional value only as --flag=value.
        static const QSet<QString> optionalValue { QStringLiteral("--wait"),
                                                   QStringLiteral("--force"),
                                                   QStringLiteral("--allow-missing-template-keys"),
                                                   QStringLiteral("--namespaced"),
                                                   QStringLiteral("--client") };
        Flags flags;
        flags.verb = verb;
        for (qsizetype i = 0; i < args.size(); ++i) {
            const QString &arg = args[i];
            if (arg == QLatin1String("--")) {
                flags.afterDash = args.mid(i + 1);
                break;
            }
            if (!arg.startsWith(QLatin1Char('-')) || arg == QLatin1String("-")) {
                flags.positional << arg;
                continue;
            }
            QString name = arg;
            QString value;
            bool hasValue = false;
            if (arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('='))) {
                name = arg.section(QLatin1Char('='), 0, 0);
                value = arg.section(QLatin1Char('='), 1);
                hasValue = true;
            } else if (!arg.startsWith(QLatin1String("--")) && arg.size() > 2
                       && valueFlags.contains(arg.left(2))) {
                name = arg.left(2);
                value = arg.mid(2);
                if (value.startsWith(QLatin1Char('=')))
                    value = value.mid(1);
                hasValue = true;
            }
            const QString known = valueFlags.value(name, boolFlags.value(name));
            if (verbsOf.contains(known) && !verbsOf.value(known).contains(verb)) {
                flags.error = QStringLiteral("error: unknown flag: %1\nSee 'kubectl %2 --help' "
                                             "for usage.")
                                  .arg(name, verb);
                return flags;
            }
            if (valueFlags.contains(name) && !(optionalValue.contains(name) && !hasValue)) {
                if (!hasValue) {
                    if (i + 1 >= args.size()) {
                        flags.error = QStringLiteral("error: flag needs an argument: %1")
                                          .arg(name.startsWith(QLatin1String("--"))
                                                   ? name
                                                   : QStringLiteral("'%1' in %2")
                                                         .arg(name.mid(1), name));
                        return flags;
                    }
                    value = args[++i];
                }
                flags.values[valueFlags.value(name)] << value;
                continue;
            }
            if (optionalValue.contains(name)) {
                flags.values[valueFlags.value(name)] << QStringLiteral("true");
                continue;
            }
            if (boolFlags.contains(name)) {
                flags.bools.insert(boolFlags.value(name));
                continue;
            }
            // Combined short booleans: -it, -wA.
            if (!name.startsWith(QLatin1String("--")) && name.size() > 2) {
                bool all = true;
                for (qsizetype c = 1; c < name.size(); ++c)
                    all = all && boolFlags.contains(QStringLiteral("-") + name[c]);
                if (all) {
                    for (qsizetype c = 1; c < name.size(); ++c)
                        flags.bools.insert(boolFlags.value(QStringLiteral("-") + name[c]));
                    continue;
                }
            }
            if (name.startsWith(QLatin1String("--")))
                flags.error = QStringLiteral("error: unknown flag: %1").arg(name);
            else
                flags.error = QStringLiteral("error: unknown shorthand flag: '%1' in %2")
                                  .arg(name.mid(1, 1), arg);
            flags.error += QStringLiteral("\nSee 'kubectl %1 --help' for usage.").arg(verb);
            return flags;
        }
        return flags;
    }
};

// --- watches ---------------------------------------------------------------------------------

// A running `kubectl get pods -w`: listens to the simulation and formats one row per change
// of a matching pod, in a table whose widths only grow.
struct Console::Watch : public SimulationListener
{
    Simulation &sim;
    QString ns; // empty: all namespaces
    QStringList names;
    std::optional<LabelSelector> selector;
    bool wide = false;
    QStringList labelColumns; // -L
    bool showLabels = false;
    // -o json, name, jsonpath, …: kubectl prints every object (the first list's and each
    // event's) through the printer as a single item, instead of table rows.
    std::shared_ptr<const ObjectPrinter> printer;
    TableWriter table;
    bool headerShown = false;
    QString pending;

    explicit Watch(Simulation &s)
        : sim(s)
    {
        sim.addListener(this);
    }
    ~Watch() override { sim.removeListener(this); }

    bool matches(const Pod &pod) const
    {
        if (!ns.isEmpty() && pod.metadata.namespaceName != ns)
            return false;
        if (!names.isEmpty() && !names.contains(pod.metadata.name))
            return false;
        return matchesSelector(selector, pod.metadata);
    }

    // body's rows with labels[i] the labels of body[i]'s pod.
    QString rows(const QList<QStringList> &body, const QList<QMap<QString, QString>> &labels)
    {
        // addLabelColumns takes rows[0] as the header, so one is always there to extend; it
        // prints only the first time.
        QStringList header = printers::podHeader(wide);
        if (ns.isEmpty())
            header.prepend(QStringLiteral("NAMESPACE"));
        QList<QStringList> all { header };
        all << body;
        if (!labelColumns.isEmpty() || showLabels)
            addLabelColumns(&all, labels, labelColumns, showLabels);
        if (headerShown || body.isEmpty())
            all.removeFirst();
        headerShown = headerShown || !body.isEmpty();
        return all.isEmpty() ? QString() : table.flush(all);
    }

    QString printed(const Pod &pod) const
    {
        const PrintResult r = printer->print({ apijson::toJson(pod, kConsoleEpochMs) }, true);
        return r.out + r.err;
    }

    QStringList row(const Pod &pod, Millis at) const
    {
        QStringList r = printers::podRow(pod, at, wide);
        if (ns.isEmpty())
            r.prepend(pod.metadata.namespaceName);
        return r;
    }

    void watchEvent(const WatchEvent &event) override
    {
        const Pod *pod = event.as<Pod>();
        if (!pod || !matches(*pod))
            return;
        if (printer)
            pending += printed(*pod);
        else
            pending += rows({ row(*pod, event.time) }, { pod->metadata.labels });
    }
};

// --- console ---------------------------------------------------------------------------------

Console::Console(Simulation &sim)
    : m_sim(sim)
{
}

Console::~Console() = default;

bool Console::tokenize(const QString &line, QStringList *tokens)
{
    tokens->clear();
    QString current;
    bool inToken = false;
    QChar quote;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (!quote.isNull()) {
            if (c == quote) {
                quote = QChar();
            } else if (c == QLatin1Char('\\') && quote == QLatin1Char('"') && i + 1 < line.size()
                       && (line[i + 1] == QLatin1Char('"') || line[i + 1] == QLatin1Char('\\'))) {
                current += line[++i];
            } else {
                current += c;
            }
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            inToken = true;
        } else if (c == QLatin1Char('\\') && i + 1 < line.size()) {
            current += line[++i];
            inToken = true;
        } else if (c.isSpace()) {
            if (inToken)
                *tokens << current;
            current.clear();
            inToken = false;
        } else {
            current += c;
            inToken = true;
        }
    }
    if (!quote.isNull())
        return false;
    if (inToken)
        *tokens << current;
    return true;
}

std::shared_ptr<const ClusterDns> Console::dns()
{
    if (!m_dns || m_dnsVersion != m_sim.store().resourceVersion()) {
        m_dns = ClusterDns::build(m_sim.store(), m_sim.config(), m_sim.now(), m_dns.get());
        m_dnsVersion = m_sim.store().resourceVersion();
    }
    return m_dns;
}

bool Console::advanceUntil(const std::function<bool()> &done, Millis deadline)
{
    m_sim.advanceTo(m_sim.now());
    while (!done()) {
        const std::optional<Millis> next = m_sim.nextWorkTime();
        if (!next || *next > deadline)
            return false;
        m_sim.advanceTo(*next);
    }
    return true;
}

ConsoleOutput Console::execute(const QString &line, const QString &baseDir)
{
    stopWatch();
    if (ShellLine::needsShell(line))
        return runShell(line, baseDir);
    QStringList tokens;
    if (!tokenize(line, &tokens))
        return fail(QStringLiteral("ordinal: syntax error: unterminated quoted string"), 2);
    return run(tokens, baseDir, false);
}

ConsoleOutput Console::executeInteractive(const QString &line, const QString &baseDir)
{
    stopWatch();
    // A watch inside a pipe or a loop runs to its end, as in a script: its rows feed the
    // next command.
    if (ShellLine::needsShell(line))
        return runShell(line, baseDir);
    QStringList tokens;
    if (!tokenize(line, &tokens))
        return fail(QStringLiteral("ordinal: syntax error: unterminated quoted string"), 2);
    ConsoleOutput out = run(tokens, baseDir, true);
    if (m_watch)
        out.text += takeWatchOutput();
    return out;
}

namespace {

// What one console command wrote, as the shell's streams.
ShellResult shellResultOf(const ConsoleOutput &output)
{
    ShellResult result;
    result.text = output.text;
    result.exitCode = output.exitCode;
    if (output.out) {
        result.out = *output.out;
        const qsizetype at = output.text.indexOf(result.out);
        result.err = at < 0 || result.out.isEmpty()
            ? output.text
            : output.text.left(at) + output.text.mid(at + result.out.size());
    } else if (output.exitCode == 0) {
        result.out = output.text;
    } else {
        result.err = output.text;
    }
    return result;
}

} // namespace

ConsoleOutput Console::runShell(const QString &line, const QString &baseDir)
{
    if (!m_shell) {
        m_shell = std::make_unique<ShellLine>([this](const QStringList &argv, const QString &) {
            return shellResultOf(run(argv, m_shellBaseDir, false));
        });
    }
    m_shellBaseDir = baseDir;
    const ShellResult result = m_shell->run(line);
    return ConsoleOutput { result.text, result.exitCode, result.out };
}

bool Console::isWatching() const
{
    return m_watch != nullptr;
}

QString Console::takeWatchOutput()
{
    if (!m_watch)
        return {};
    QString out;
    std::swap(out, m_watch->pending);
    return out;
}

void Console::stopWatch()
{
    m_watch.reset();
}

ConsoleOutput Console::run(const QStringList &tokens, const QString &baseDir, bool interactive)
{
    if (tokens.isEmpty())
        return {};
    const QString command = tokens.first();
    const QStringList args = tokens.mid(1);
    // What the previous command set in motion at this instant happens before the next one
    // reads the cluster — except for a watch, which shows those changes as they happen.
    const bool watch = args.contains(QLatin1String("-w")) || args.contains(QLatin1String("--watch"));
    if (!watch)
        m_sim.advanceTo(m_sim.now());
    if (command == QLatin1String("kubectl") || command == QLatin1String("k"))
        return kubectl(args, baseDir, interactive);
    if (command == QLatin1String("nslookup"))
        return nslookup(args, nullptr);
    if (command == QLatin1String("dig"))
        return dig(args);
    if (command == QLatin1String("sleep"))
        return sleep(args);
    if (command == QLatin1String("wait"))
        return wait(args);
    if (command == QLatin1String("sim"))
        return sim(args);
    return fail(QStringLiteral("ordinal: %1: command not found").arg(command), 127);
}

ConsoleOutput Console::kubectl(QStringList args, const QString &baseDir, bool interactive)
{
    if (args.isEmpty())
        return fail(QStringLiteral("error: You must specify the type of resource to get."));
    const QString verb = args.takeFirst();
    using Handler = std::function<ConsoleOutput(Console *, Flags &)>;
    const auto nodeVerb = [verb](Console *c, Flags &f) { return c->node(verb, f); };
    const QMap<QString, Handler> handlers {
        { QStringLiteral("get"),
          [baseDir, interactive](Console *c, Flags &f) {
              return c->get(f, baseDir, interactive);
          } },
        { QStringLiteral("describe"), &Console::describe },
        { QStringLiteral("apply"),
          [baseDir](Console *c, Flags &f) { return c->apply(f, baseDir, false); } },
        { QStringLiteral("create"),
          [baseDir](Console *c, Flags &f) { return c->apply(f, baseDir, true); } },
        { QStringLiteral("delete"),
          [baseDir](Console *c, Flags &f) { return c->remove(f, baseDir); } },
        { QStringLiteral("scale"), &Console::scale },
        { QStringLiteral("set"), &Console::setImage },
        { QStringLiteral("patch"), &Console::patch },
        { QStringLiteral("rollout"), &Console::rollout },
        { QStringLiteral("exec"), &Console::exec },
        { QStringLiteral("config"), &Console::config },
        { QStringLiteral("cordon"), nodeVerb },
        { QStringLiteral("uncordon"), nodeVerb },
        { QStringLiteral("drain"), nodeVerb },
        { QStringLiteral("taint"), nodeVerb },
        { QStringLiteral("version"), &Console::version },
        { QStringLiteral("api-resources"), &Console::apiResources },
    };
    const Handler handler = handlers.value(verb);
    if (!handler) {
        return fail(QStringLiteral("error: unknown command \"%1\" for \"kubectl\"\n"
                                   "Run 'kubectl --help' for usage.")
                        .arg(verb));
    }
    Flags flags = Flags::parse(verb, args);
    if (!flags.error.isEmpty())
        return fail(flags.error);
    return handler(this, flags);
}

// Splits "pods/web-0" forms and the resource word from names.
template<typename FlagSet>
static bool resourceAndNames(const FlagSet &flags, Resource *resource, QStringList *names,
                             QString *error)
{
    QStringList words = flags.positional;
    if (words.isEmpty()) {
        *error = QStringLiteral("error: You must specify the type of resource to %1. Use "
                                "\"kubectl api-resources\" for a complete list of supported "
                                "resources.")
                     .arg(flags.verb);
        return false;
    }
    if (words.first().contains(QLatin1Char('/'))) {
        *resource = resourceOf(words.first().section(QLatin1Char('/'), 0, 0));
        for (const QString &w : std::as_const(words)) {
            if (resourceOf(w.section(QLatin1Char('/'), 0, 0)) != *resource) {
                *error = QStringLiteral("error: there is no need to specify a resource type as a "
                                        "separate argument when passing arguments in "
                                        "resource/name form");
                return false;
            }
            *names << w.section(QLatin1Char('/'), 1);
        }
    } else {
        *resource = resourceOf(words.first());
        *names = words.mid(1);
    }
    if (*resource == Resource::None) {
        *error = QStringLiteral("error: the server doesn't have a resource type \"%1\"")
                     .arg(words.first().section(QLatin1Char('/'), 0, 0));
        return false;
    }
    return true;
}

// The StatefulSet names of a command that only works on StatefulSets (scale, set image,
// patch, rollout status); an error text when the arguments name something else.
template<typename FlagSet>
static bool statefulSetNames(const FlagSet &flags, const QString &refusal, QStringList *names,
                             QString *error)
{
    Resource resource = Resource::None;
    if (!resourceAndNames(flags, &resource, names, error))
        return false;
    if (resource != Resource::StatefulSets) {
        *error = refusal;
        return false;
    }
    return true;
}

ConsoleOutput Console::get(Flags &flags, const QString &baseDir, bool interactive)
{
    Resource resource = Resource::None;
    QStringList names;
    QString error;
    if (!resourceAndNames(flags, &resource, &names, &error))
        return fail(error);
    const QString output = flags.value(QStringLiteral("output"));
    PrintFlags printFlags;
    printFlags.output = output;
    if (flags.values.contains(QStringLiteral("template")))
        printFlags.templateText = flags.value(QStringLiteral("template"));
    printFlags.noHeaders = flags.has(QStringLiteral("no-headers"));
    if (flags.values.contains(QStringLiteral("allow-missing-template-keys"))) {
        QString boolError;
        if (!parseBoolFlag(QStringLiteral("allow-missing-template-keys"),
                           flags.value(QStringLiteral("allow-missing-template-keys")),
                           &printFlags.allowMissingTemplateKeys, &boolError))
            return fail(boolError);
    }
    // -o yaml of a pod or a StatefulSet keeps the console's own short form that the scenario
    // transcripts hold; every other format and kind prints the objects' JSON as kubectl does.
    const bool shortYaml = output == QLatin1String("yaml")
        && (resource == Resource::Pods || resource == Resource::StatefulSets)
        && !printFlags.templateText;
    std::shared_ptr<ObjectPrinter> printer;
    if (ObjectPrinter::handles(printFlags) && !shortYaml) {
        printer = std::make_shared<ObjectPrinter>();
        const auto readFile
            = [baseDir](const QString &path, QString *readError) -> std::optional<QString> {
            QFile file(QDir::isAbsolutePath(path) || baseDir.isEmpty()
                           ? path
                           : QDir(baseDir).filePath(path));
            if (!file.open(QIODevice::ReadOnly)) {
                *readError = QStringLiteral("open %1: no such file or directory").arg(path);
                return std::nullopt;
            }
            return QString::fromUtf8(file.readAll());
        };
        QString printerError;
        if (!printer->configure(printFlags, &printerError, readFile))
            return fail(printerError);
    }
    const bool wide = output == QLatin1String("wide");
    const bool noHeaders = printFlags.noHeaders;
    const QStringList labelColumns
        = splitLabelColumns(flags.values.value(QStringLiteral("label-columns")));
    const bool showLabels = flags.has(QStringLiteral("show-labels"));
    const bool allNamespaces = flags.has(QStringLiteral("all-namespaces"));
    const QString ns = allNamespaces ? QString() : flags.value(QStringLiteral("namespace"), m_namespace);
    std::optional<LabelSelector> selector;
    if (flags.values.contains(QStringLiteral("selector"))) {
        QString selectorError;
        selector = LabelSelector::parse(flags.value(QStringLiteral("selector")), &selectorError);
        if (!selector)
            return fail(QStringLiteral("error: %1").arg(selectorError));
    }
    const Store &store = m_sim.store();
    const Millis now = m_sim.now();
    const bool clusterScoped = resource == Resource::Nodes;

    QList<QStringList> rows;
    QList<QMap<QString, QString>> labels;
    std::vector<nlohmann::json> objects;
    QStringList notFound;
    QString yaml;
    const auto add = [&](const auto &object, QStringList row, const QString &yamlText) {
        const ObjectMeta &meta = object.metadata;
        if (!matchesSelector(selector, meta))
            return;
        if (allNamespaces && !clusterScoped)
            row.prepend(meta.namespaceName);
        rows << row;
        labels << meta.labels;
        if (printer)
            objects.push_back(apijson::toJson(object, kConsoleEpochMs));
        if (!yaml.isEmpty())
            yaml += QStringLiteral("---\n");
        yaml += yamlText;
    };
    const auto collect = [&](auto tag, auto rowOf, auto yamlOf) {
        using T = decltype(tag);
        if (names.isEmpty()) {
            for (const T *object : store.list<T>(clusterScoped ? QString() : ns))
                add(*object, rowOf(*object), yamlOf(*object));
            return;
        }
        for (const QString &name : std::as_const(names)) {
            const T *object = store.find<T>(clusterScoped ? QString() : ns, name);
            if (!object)
                notFound << name;
            else
                add(*object, rowOf(*object), yamlOf(*object));
        }
    };
    const auto noYaml = [](const auto &) { return QString(); };
    QStringList header;
    switch (resource) {
    case Resource::Pods:
        header = printers::podHeader(wide);
        collect(Pod{}, [&](const Pod &p) { return printers::podRow(p, now, wide); },
                [](const Pod &p) { return printers::podYaml(p); });
        break;
    case Resource::StatefulSets:
        header = printers::statefulSetHeader(wide);
        collect(StatefulSet{},
                [&](const StatefulSet &s) { return printers::statefulSetRow(s, now, wide); },
                [](const StatefulSet &s) { return printers::statefulSetYaml(s); });
        break;
    case Resource::Services:
        header = printers::serviceHeader(wide);
        collect(Service{}, [&](const Service &s) { return printers::serviceRow(s, now, wide); },
                noYaml);
        break;
    case Resource::Endpoints:
        header = printers::endpointsHeader();
        collect(Endpoints{}, [&](const Endpoints &e) { return printers::endpointsRow(e, now); },
                noYaml);
        break;
    case Resource::Nodes:
        header = printers::nodeHeader(wide);
        collect(Node{}, [&](const Node &n) { return printers::nodeRow(n, now, wide); }, noYaml);
        break;
    case Resource::Claims:
        header = printers::claimHeader();
        collect(PersistentVolumeClaim{},
                [&](const PersistentVolumeClaim &c) { return printers::claimRow(c, now); },
                noYaml);
        break;
    case Resource::Events: {
        header = printers::eventHeader();
        // kubectl get events lists in the server's order (by name: per object, then time).
        collect(Event{}, [&](const Event &e) { return printers::eventRow(e, now); }, noYaml);
        break;
    }
    case Resource::Budgets:
        header = printers::podDisruptionBudgetHeader();
        collect(
            PodDisruptionBudget {},
            [&](const PodDisruptionBudget &b) { return printers::podDisruptionBudgetRow(b, now); },
            noYaml);
        break;
    case Resource::None:
        break;
    }
    if (allNamespaces && !clusterScoped)
        header.prepend(QStringLiteral("NAMESPACE"));

    QString text;
    if (resource == Resource::Endpoints)
        text += QStringLiteral("Warning: v1 Endpoints is deprecated in v1.33+; use "
                               "discovery.k8s.io/v1 EndpointSlice\n");
    QString notFoundText;
    for (const QString &name : std::as_const(notFound)) {
        notFoundText += QStringLiteral("Error from server (NotFound): %1 \"%2\" not found\n")
                            .arg(pluralOf(resource), name);
    }
    const bool watch = flags.has(QStringLiteral("watch"));
    if (watch && resource != Resource::Pods)
        return fail(tr("error: Ordinal watches pods only (kubectl get pods -w)"));

    // kubectl gets the named objects before it watches them: a missing one ends the command.
    if (watch && !notFound.isEmpty())
        return ConsoleOutput { text + notFoundText, 1 };
    if (watch) {
        auto w = std::make_unique<Watch>(m_sim);
        w->ns = ns;
        w->names = names;
        w->selector = selector;
        w->wide = wide;
        w->labelColumns = labelColumns;
        w->showLabels = showLabels;
        w->headerShown = noHeaders;
        w->printer = printer;
        if (printer) {
            for (const Pod *pod : store.list<Pod>(ns)) {
                if (w->matches(*pod))
                    text += w->printed(*pod);
            }
        } else if (!rows.isEmpty()) {
            text += w->rows(rows, labels);
        }
        const QString timeoutText = flags.value(QStringLiteral("request-timeout"));
        Millis timeout = 5 * kMinute;
        if (!timeoutText.isEmpty() && timeoutText != QLatin1String("0")) {
            timeout = parseDuration(timeoutText);
            if (timeout < 0)
                return fail(QStringLiteral("error: invalid argument \"%1\" for "
                                           "\"--request-timeout\" flag")
                                .arg(timeoutText));
        }
        if (interactive) {
            m_watch = std::move(w);
            return ConsoleOutput{text, 0};
        }
        const Millis deadline = m_sim.now() + timeout;
        const bool settled = advanceUntil([] { return false; }, deadline);
        Q_UNUSED(settled)
        // A request timeout is a time the user asked to watch for: it passes even when
        // nothing happens (without one, the watch ends when the cluster settles).
        if (!timeoutText.isEmpty() && timeoutText != QLatin1String("0"))
            m_sim.advanceTo(deadline);
        text += w->pending;
        return ConsoleOutput { text, 0 };
    }

    if (printer) {
        // As kubectl's printGeneric: one named object that is missing is only its error; else
        // what was found prints (an empty List included), then the errors.
        const bool singleItemImplied = names.size() == 1 && !selector && !allNamespaces;
        if (singleItemImplied && objects.empty())
            return ConsoleOutput { text + notFoundText, 1 };
        const PrintResult printed = printer->print(objects, singleItemImplied);
        text += printed.out + notFoundText + printed.err;
        return ConsoleOutput { text, printed.exitCode != 0 || !notFound.isEmpty() ? 1 : 0,
                               printed.out };
    }
    text += notFoundText;
    if (rows.isEmpty() && notFound.isEmpty()) {
        if (clusterScoped || allNamespaces)
            text += QStringLiteral("No resources found\n");
        else
            text += QStringLiteral("No resources found in %1 namespace.\n").arg(ns);
        // kubectl writes this to standard error: a pipe reads nothing.
        return ConsoleOutput { text, 0, QString() };
    }
    if (shortYaml) {
        text += yaml;
    } else if (!rows.isEmpty()) {
        rows.prepend(header);
        if (!labelColumns.isEmpty() || showLabels)
            addLabelColumns(&rows, labels, labelColumns, showLabels);
        if (noHeaders)
            rows.removeFirst();
        const QString table = TableWriter().flush(rows);
        return ConsoleOutput { text + table, notFound.isEmpty() ? 0 : 1, table };
    }
    return ConsoleOutput { text, notFound.isEmpty() ? 0 : 1, shortYaml ? yaml : QString() };
}

namespace {

ConsoleOutput printed(const PrintResult &result)
{
    return ConsoleOutput { result.out + result.err, result.exitCode, result.out };
}

} // namespace

ConsoleOutput Console::version(Flags &flags)
{
    kubectlinfo::VersionFlags versionFlags;
    versionFlags.output = flags.value(QStringLiteral("output"));
    QString error;
    if (flags.values.contains(QStringLiteral("client"))
        && !parseBoolFlag(QStringLiteral("client"), flags.value(QStringLiteral("client")),
                          &versionFlags.client, &error))
        return fail(error);
    return printed(kubectlinfo::version(
        versionFlags, versionFlags.client ? nlohmann::json() : kubectlinfo::serverVersion()));
}

ConsoleOutput Console::apiResources(Flags &flags)
{
    kubectlinfo::ApiResourcesFlags resourceFlags;
    resourceFlags.output = flags.value(QStringLiteral("output"));
    resourceFlags.noHeaders = flags.has(QStringLiteral("no-headers"));
    QString error;
    if (flags.values.contains(QStringLiteral("namespaced"))) {
        bool namespaced = true;
        if (!parseBoolFlag(QStringLiteral("namespaced"), flags.value(QStringLiteral("namespaced")),
                           &namespaced, &error))
            return fail(error);
        resourceFlags.namespaced = namespaced;
    }
    if (flags.values.contains(QStringLiteral("api-group")))
        resourceFlags.apiGroup = flags.value(QStringLiteral("api-group"));
    // String slices: every flag may hold a comma-separated list.
    for (const QString &v : flags.values.value(QStringLiteral("verbs")))
        resourceFlags.verbs << v.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &v : flags.values.value(QStringLiteral("categories")))
        resourceFlags.categories << v.split(QLatin1Char(','), Qt::SkipEmptyParts);
    resourceFlags.sortBy = flags.value(QStringLiteral("sort-by"));
    return printed(kubectlinfo::apiResources(resourceFlags));
}

ConsoleOutput Console::describe(Flags &flags)
{
    Resource resource = Resource::None;
    QStringList names;
    QString error;
    if (!resourceAndNames(flags, &resource, &names, &error))
        return fail(error);
    const QString ns = flags.value(QStringLiteral("namespace"), m_namespace);
    const Store &store = m_sim.store();
    std::optional<LabelSelector> selector;
    if (flags.values.contains(QStringLiteral("selector")))
        selector = LabelSelector::parse(flags.value(QStringLiteral("selector")));
    QStringList blocks;
    QString errors;
    const auto describeAll = [&](auto tag, auto describeOne) {
        using T = decltype(tag);
        const bool cluster = std::is_same_v<T, Node>;
        if (names.isEmpty()) {
            for (const T *o : store.list<T>(cluster ? QString() : ns)) {
                if (matchesSelector(selector, o->metadata))
                    blocks << describeOne(*o);
            }
            return;
        }
        for (const QString &name : std::as_const(names)) {
            if (const T *o = store.find<T>(cluster ? QString() : ns, name))
                blocks << describeOne(*o);
            else
                errors += QStringLiteral("Error from server (NotFound): %1 \"%2\" not found\n")
                              .arg(pluralOf(resource), name);
        }
    };
    switch (resource) {
    case Resource::Pods:
        describeAll(Pod{}, [&](const Pod &p) { return printers::describePod(m_sim, p); });
        break;
    case Resource::StatefulSets:
        describeAll(StatefulSet{},
                    [&](const StatefulSet &s) { return printers::describeStatefulSet(m_sim, s); });
        break;
    case Resource::Services:
        describeAll(Service{},
                    [&](const Service &s) { return printers::describeService(m_sim, s); });
        break;
    case Resource::Nodes:
        describeAll(Node{}, [&](const Node &n) { return printers::describeNode(m_sim, n); });
        break;
    case Resource::Budgets:
        describeAll(PodDisruptionBudget {}, [&](const PodDisruptionBudget &b) {
            return printers::describePodDisruptionBudget(m_sim, b);
        });
        break;
    default:
        return fail(tr("error: Ordinal describes pods, statefulsets, services, nodes and "
                       "poddisruptionbudgets"));
    }
    QString text = blocks.join(QLatin1Char('\n')) + errors;
    if (blocks.isEmpty() && errors.isEmpty())
        text = QStringLiteral("No resources found in %1 namespace.\n").arg(ns);
    return ConsoleOutput{text, errors.isEmpty() ? 0 : 1};
}

namespace {

// The path as the user wrote it in place of the path as loaded, at the start of a position's
// file: a folder's files keep their own names ("manifests/web.yaml").
void renameFile(SourcePos &pos, const QString &loaded, const QString &written)
{
    if (pos.file.startsWith(loaded))
        pos.file = written + pos.file.mid(loaded.size());
}

// The files an -f names, loaded: each object's positions name the path as the user wrote it,
// and a namespaced object without a namespace lands in ns. Loader errors and warnings are
// appended to text; false when a file failed to load.
bool loadFiles(const QStringList &files, const QString &baseDir, const QString &ns,
               QList<ManifestObject> *objects, QString *text)
{
    bool ok = true;
    for (const QString &file : files) {
        const QString path = QDir::isAbsolutePath(file) || baseDir.isEmpty()
            ? file
            : QDir(baseDir).filePath(file);
        LoadResult loaded = ManifestLoader::loadPath(path);
        // Messages name the path as the user wrote it.
        for (const ManifestError &e : std::as_const(loaded.errors)) {
            *text += QString(e.message).replace(path, file) + QLatin1Char('\n');
            ok = false;
        }
        for (const QString &w : std::as_const(loaded.warnings))
            *text += QString(w).replace(path, file) + QLatin1Char('\n');
        for (ManifestObject &object : loaded.objects) {
            renameFile(object.pos, path, file);
            std::visit(
                [&](auto &o) {
                    using T = std::decay_t<decltype(o)>;
                    renameFile(o.metadata.source, path, file);
                    for (SourcePos &pos : o.metadata.fieldSources)
                        renameFile(pos, path, file);
                    if constexpr (std::is_same_v<T, StatefulSet>) {
                        for (SourcePos &pos : o.spec.podTemplate.metadata.fieldSources)
                            renameFile(pos, path, file);
                    }
                    if constexpr (!std::is_same_v<T, Node> && !std::is_same_v<T, Namespace>) {
                        if (o.metadata.namespaceName.isEmpty())
                            o.metadata.namespaceName = ns;
                    }
                },
                object.object);
            *objects << object;
        }
    }
    return ok;
}

} // namespace

ConsoleOutput Console::apply(Flags &flags, const QString &baseDir, bool create)
{
    const QStringList files = flags.values.value(QStringLiteral("filename"));
    if (files.isEmpty()) {
        return fail(QStringLiteral("error: must specify one of -f and -k\n\n"
                                   "See 'kubectl %1 -h' for help and examples")
                        .arg(flags.verb));
    }
    QList<ManifestObject> objects;
    QString text;
    if (!loadFiles(files, baseDir, flags.value(QStringLiteral("namespace"), m_namespace), &objects,
                   &text))
        return ConsoleOutput{text, 1};
    const ApplyResult result = Operations(m_sim).apply(objects, create);
    if (!result.ok) {
        for (const ApiStatus &status : result.errors)
            text += status.kubectlText() + QLatin1Char('\n');
        return ConsoleOutput { text, 1 };
    }
    text += lines(result.lines);
    return ConsoleOutput{text, 0};
}

namespace {

ObjectKind kindOf(Resource resource)
{
    switch (resource) {
    case Resource::StatefulSets:
        return ObjectKind::StatefulSet;
    case Resource::Services:
        return ObjectKind::Service;
    case Resource::Endpoints:
        return ObjectKind::Endpoints;
    case Resource::Nodes:
        return ObjectKind::Node;
    case Resource::Claims:
        return ObjectKind::PersistentVolumeClaim;
    case Resource::Events:
        return ObjectKind::Event;
    case Resource::Budgets:
        return ObjectKind::PodDisruptionBudget;
    default:
        return ObjectKind::Pod;
    }
}

// kubectl's --cascade (GetCascadingStrategy): orphan, background or foreground; a boolean is
// deprecated, with a warning, and means background (true) or orphan (false).
bool cascadePolicy(const QString &flag, QString *policy, QString *text)
{
    const std::optional<bool> boolean = goBool(flag);
    if (boolean) {
        const bool isTrue = *boolean;
        const QString replacement
            = isTrue ? QStringLiteral("background") : QStringLiteral("orphan");
        *text += QStringLiteral("warning: --cascade=%1 is deprecated (boolean value) and can be "
                                "replaced with --cascade=%2.\n")
                     .arg(flag, replacement);
        *policy = isTrue ? QStringLiteral("Background") : QStringLiteral("Orphan");
        return true;
    }
    static const QMap<QString, QString> policies = {
        { QStringLiteral("orphan"), QStringLiteral("Orphan") },
        { QStringLiteral("foreground"), QStringLiteral("Foreground") },
        { QStringLiteral("background"), QStringLiteral("Background") },
    };
    *policy = policies.value(flag);
    if (policy->isEmpty()) {
        *text += QStringLiteral("error: invalid cascade value (%1). Must be \"background\", "
                                "\"foreground\", or \"orphan\"\n")
                     .arg(flag);
        return false;
    }
    return true;
}

} // namespace

ConsoleOutput Console::remove(Flags &flags, const QString &baseDir)
{
    const QString ns = flags.value(QStringLiteral("namespace"), m_namespace);
    const bool wait = flags.value(QStringLiteral("wait"), QStringLiteral("true"))
        != QLatin1String("false");
    const bool force = flags.value(QStringLiteral("force")) == QLatin1String("true");
    std::optional<qint64> grace;
    if (flags.values.contains(QStringLiteral("grace-period"))) {
        bool ok = false;
        grace = flags.value(QStringLiteral("grace-period")).toLongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("error: invalid argument \"%1\" for \"--grace-period\" "
                                       "flag: strconv.ParseInt: parsing \"%1\": invalid syntax")
                            .arg(flags.value(QStringLiteral("grace-period"))));
    }
    if (flags.has(QStringLiteral("now")))
        grace = 1;
    // kubectl: --force alone means --grace-period=0; with a non-zero grace period it is a
    // plain graceful delete; --grace-period=0 without --force becomes 1, so that nothing is
    // deleted at once by accident.
    if (force && !grace)
        grace = 0;
    if (grace == 0 && !force)
        grace = 1;

    QString text;
    DeleteOptions options;
    options.gracePeriodSeconds = grace;
    if (!cascadePolicy(flags.value(QStringLiteral("cascade"), QStringLiteral("background")),
                       &options.propagationPolicy, &text))
        return ConsoleOutput { text, 1 };

    // What to delete: (kind, namespace, name), from the files or from the arguments.
    struct Target
    {
        ObjectKind kind;
        QString ns;
        QString name;
    };
    QList<Target> targets;
    int exitCode = 0;
    if (flags.values.contains(QStringLiteral("filename"))) {
        QList<ManifestObject> objects;
        if (!loadFiles(flags.values.value(QStringLiteral("filename")), baseDir, ns, &objects,
                       &text))
            exitCode = 1;
        for (const ManifestObject &object : std::as_const(objects)) {
            const ObjectMeta &meta = std::visit(
                [](const auto &o) -> const ObjectMeta & { return o.metadata; }, object.object);
            targets << Target { object.kind, meta.namespaceName, meta.name };
        }
    } else {
        Resource resource = Resource::None;
        QStringList names;
        QString error;
        if (!resourceAndNames(flags, &resource, &names, &error))
            return fail(error);
        const bool bySelector = flags.values.contains(QStringLiteral("selector"));
        if (names.isEmpty() && !bySelector && !flags.has(QStringLiteral("all")))
            return fail(
                QStringLiteral("error: resource(s) were provided, but no name was specified"));
        const ObjectKind kind = kindOf(resource);
        if (!Operations::canDelete(kind))
            return fail(tr("error: Ordinal deletes pods, statefulsets, services and nodes"));
        if (names.isEmpty()) {
            // -l or --all: every object of the kind in the namespace that matches.
            std::optional<LabelSelector> selector;
            if (bySelector) {
                QString selectorError;
                selector = LabelSelector::parse(flags.value(QStringLiteral("selector")),
                                                &selectorError);
                if (!selector)
                    return fail(QStringLiteral("error: %1").arg(selectorError));
            }
            const bool clusterScoped = !apijson::resourceInfo(kind).namespaced;
            forKind(kind, [&](auto type) {
                using T = typename decltype(type)::type;
                for (const T *object : m_sim.store().list<T>(clusterScoped ? QString() : ns)) {
                    if (matchesSelector(selector, object->metadata))
                        names << object->metadata.name;
                }
            });
            if (names.isEmpty())
                return okText(QStringLiteral("No resources found"));
        }
        for (const QString &name : std::as_const(names))
            targets << Target { kind, ns, name };
    }

    Operations operations(m_sim);
    QStringList waitFor; // uids of the pods to wait for
    for (const Target &target : std::as_const(targets)) {
        if (!Operations::canDelete(target.kind)) {
            text += tr("error: Ordinal cannot delete %1 objects").arg(kindName(target.kind))
                + QLatin1Char('\n');
            exitCode = 1;
            continue;
        }
        const apijson::ResourceInfo &resource = apijson::resourceInfo(target.kind);
        const OperationResult r = operations.remove(resource, target.ns, target.name, options);
        if (!r.ok()) {
            text += r.status.kubectlText() + QLatin1Char('\n');
            exitCode = 1;
            continue;
        }
        if (target.kind == ObjectKind::Pod && grace == 0) {
            text += QStringLiteral("Warning: Immediate deletion does not wait for confirmation "
                                   "that the running resource has been terminated. The resource "
                                   "may continue to run on the cluster indefinitely.\n"
                                   "pod \"%1\" force deleted\n")
                        .arg(target.name);
            continue;
        }
        text
            += QStringLiteral("%1 \"%2\" deleted\n").arg(resource.qualifiedSingular(), target.name);
        if (target.kind == ObjectKind::Pod && r.object)
            waitFor << std::get<Pod>(*r.object).metadata.uid;
    }

    if (wait && !waitFor.isEmpty()) {
        // kubectl waits until the deleted objects (by UID) are gone; a pod re-created with the
        // same name is a different object.
        const auto gone = [&] {
            for (const QString &uid : std::as_const(waitFor)) {
                for (const Pod &pod : m_sim.store().all<Pod>()) {
                    if (pod.metadata.uid == uid)
                        return false;
                }
            }
            return true;
        };
        const Millis deadline = m_sim.now() + 5 * kMinute;
        if (!advanceUntil(gone, deadline)) {
            m_sim.advanceTo(deadline);
            for (const QString &uid : std::as_const(waitFor)) {
                for (const Pod &pod : m_sim.store().all<Pod>()) {
                    if (pod.metadata.uid == uid) {
                        text += QStringLiteral("error: timed out waiting for the condition on "
                                               "pods/%1\n")
                                    .arg(pod.metadata.name);
                    }
                }
            }
            exitCode = 1;
        }
    }
    return ConsoleOutput{text, exitCode};
}

ConsoleOutput Console::scale(Flags &flags)
{
    QStringList names;
    QString error;
    if (!statefulSetNames(flags, tr("error: Ordinal scales statefulsets only"), &names, &error))
        return fail(error);
    if (!flags.values.contains(QStringLiteral("replicas")))
        return fail(QStringLiteral("error: required flag(s) \"replicas\" not set"));
    bool ok = false;
    const int replicas = flags.value(QStringLiteral("replicas")).toInt(&ok);
    if (!ok)
        return fail(QStringLiteral("error: invalid argument \"%1\" for \"--replicas\" flag: "
                                   "strconv.ParseInt: parsing \"%1\": invalid syntax")
                        .arg(flags.value(QStringLiteral("replicas"))));
    // kubectl checks the count itself before it asks the API server.
    if (replicas < 0)
        return fail(QStringLiteral("error: The --replicas=COUNT flag is required, and COUNT must "
                                   "be greater than or equal to 0"));
    const QString ns = flags.value(QStringLiteral("namespace"), m_namespace);
    Operations operations(m_sim);
    QString text;
    int exitCode = 0;
    for (const QString &name : std::as_const(names)) {
        const OperationResult r = operations.scale(ns, name, replicas, false);
        if (r.ok()) {
            text += QStringLiteral("statefulset.apps/%1 scaled\n").arg(name);
        } else {
            text += r.status.kubectlText() + QLatin1Char('\n');
            exitCode = 1;
        }
    }
    return ConsoleOutput{text, exitCode};
}

ConsoleOutput Console::setImage(Flags &flags)
{
    if (flags.positional.value(0) != QLatin1String("image"))
        return fail(QStringLiteral("error: unknown command \"%1\" for \"kubectl set\"")
                        .arg(flags.positional.value(0)));
    flags.positional.removeFirst();
    QStringList assignments;
    QStringList targets;
    for (const QString &word : std::as_const(flags.positional))
        (word.contains(QLatin1Char('=')) ? assignments : targets) << word;
    Flags targetFlags = flags;
    targetFlags.positional = targets;
    QStringList names;
    QString error;
    if (!statefulSetNames(targetFlags, tr("error: Ordinal sets images of statefulsets only"),
                          &names, &error))
        return fail(error);
    if (assignments.isEmpty())
        return fail(QStringLiteral("error: at least one image update is required"));
    const QString ns = flags.value(QStringLiteral("namespace"), m_namespace);
    QString text;
    for (const QString &name : std::as_const(names)) {
        const StatefulSet *set = m_sim.store().find<StatefulSet>(ns, name);
        if (!set)
            return fail(ActionResult::notFound(QStringLiteral("statefulsets.apps"), name).error);
        // A strategic merge patch of the named containers' images, admitted as any update.
        nlohmann::json containers = nlohmann::json::array();
        for (const QString &a : std::as_const(assignments)) {
            const QString container = a.section(QLatin1Char('='), 0, 0);
            const QString image = a.section(QLatin1Char('='), 1);
            bool found = false;
            for (const Container &c : set->spec.podTemplate.spec.containers) {
                if (c.name == container || container == QLatin1String("*")) {
                    containers.push_back(
                        {{"name", c.name.toStdString()}, {"image", image.toStdString()}});
                    found = true;
                }
            }
            if (!found)
                return fail(QStringLiteral("error: unable to find container named \"%1\"")
                                .arg(container));
        }
        const nlohmann::json patch = {
            {"spec", {{"template", {{"spec", {{"containers", containers}}}}}}}};
        Operations operations(m_sim);
        const OperationResult r = operations.patch(
            apijson::resourceInfo(ObjectKind::StatefulSet), ns, name,
            QByteArray::fromStdString(patch.dump()), apijson::PatchType::StrategicMerge, false);
        text += r.ok() ? QStringLiteral("statefulset.apps/%1 image updated\n").arg(name)
                       : r.status.kubectlText() + QLatin1Char('\n');
    }
    return okText(text);
}

ConsoleOutput Console::patch(Flags &flags)
{
    // kubectl patch TYPE NAME | TYPE/NAME, through the API server's patch (generic over every
    // field of every kind), as the real kubectl does.
    QString typeName = flags.positional.value(0);
    QString name = flags.positional.value(1);
    if (typeName.contains(QLatin1Char('/'))) {
        name = typeName.section(QLatin1Char('/'), 1);
        typeName = typeName.section(QLatin1Char('/'), 0, 0);
    }
    if (typeName.isEmpty() || name.isEmpty())
        return fail(QStringLiteral("error: resource(s) were provided, but no name was specified"));
    const apijson::ResourceInfo *resource = apijson::findResource(typeName);
    if (!resource)
        return fail(QStringLiteral("error: the server doesn't have a resource type \"%1\"")
                        .arg(typeName));
    const QString type = flags.value(QStringLiteral("type"), QStringLiteral("strategic"));
    static const QMap<QString, apijson::PatchType> types = {
        {QStringLiteral("json"), apijson::PatchType::Json},
        {QStringLiteral("merge"), apijson::PatchType::Merge},
        {QStringLiteral("strategic"), apijson::PatchType::StrategicMerge},
    };
    if (!types.contains(type))
        return fail(QStringLiteral("error: --type must be one of [json merge strategic], not "
                                   "\"%1\"")
                        .arg(type));
    if (!flags.values.contains(QStringLiteral("patch")))
        return fail(QStringLiteral("error: must specify --patch or --patch-file containing the "
                                   "contents of the patch"));
    const QString patchText = flags.value(QStringLiteral("patch"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(patchText.toUtf8(), &parseError);
    if (doc.isNull())
        return fail(QStringLiteral("error: unable to parse \"%1\": yaml: %2")
                        .arg(patchText, parseError.errorString()));
    const QString ns = flags.value(QStringLiteral("namespace"), m_namespace);
    Operations operations(m_sim);
    const OperationResult result =
        operations.patch(*resource, ns, name, patchText.toUtf8(), types.value(type), false);
    if (!result.ok())
        return fail(result.status.kubectlText());
    return okText(QStringLiteral("%1/%2 patched%3\n")
                      .arg(resource->qualifiedSingular(), name,
                           result.changed ? QString() : QStringLiteral(" (no change)")));
}

ConsoleOutput Console::rollout(Flags &flags)
{
    if (flags.positional.value(0) != QLatin1String("status"))
        return fail(QStringLiteral("error: Ordinal supports kubectl rollout status"));
    flags.positional.removeFirst();
    QStringList names;
    QString error;
    const QString refusal = tr("error: Ordinal shows the rollout status of one statefulset");
    if (!statefulSetNames(flags, refusal, &names, &error))
        return fail(error);
    if (names.size() != 1)
        return fail(refusal);
    const QString ns = flags.value(QStringLiteral("namespace"), m_namespace);
    const QString name = names.first();
    Millis timeout = 10 * kMinute;
    if (flags.values.contains(QStringLiteral("timeout")))
        timeout = parseDuration(flags.value(QStringLiteral("timeout")));
    const Millis deadline = m_sim.now() + timeout;
    QString text;
    QString last;
    // As kubectl's statefulSetStatusViewer, printed each time the message changes.
    const auto status = [&](bool *done, QString *err) -> QString {
        const StatefulSet *set = m_sim.store().find<StatefulSet>(ns, name);
        *done = false;
        if (!set) {
            *err = QStringLiteral("Error from server (NotFound): statefulsets.apps \"%1\" not "
                                  "found")
                       .arg(name);
            return {};
        }
        if (set->spec.updateStrategy.type != QLatin1String("RollingUpdate")) {
            *err = QStringLiteral("error: rollout status is only available for RollingUpdate "
                                  "strategy type");
            return {};
        }
        const StatefulSetStatus &s = set->status;
        if (s.observedGeneration == 0 || set->metadata.generation > s.observedGeneration)
            return QStringLiteral("Waiting for statefulset spec update to be observed...\n");
        if (s.readyReplicas < set->spec.replicas)
            return QStringLiteral("Waiting for %1 pods to be ready...\n")
                .arg(set->spec.replicas - s.readyReplicas);
        if (set->spec.updateStrategy.rollingUpdate) {
            const int partition = set->spec.updateStrategy.rollingUpdate->partition;
            if (s.updatedReplicas < set->spec.replicas - partition) {
                return QStringLiteral("Waiting for partitioned roll out to finish: %1 out of %2 "
                                      "new pods have been updated...\n")
                    .arg(s.updatedReplicas)
                    .arg(set->spec.replicas - partition);
            }
            *done = true;
            return QStringLiteral("partitioned roll out complete: %1 new pods have been "
                                  "updated...\n")
                .arg(s.updatedReplicas);
        }
        if (s.updateRevision != s.currentRevision) {
            return QStringLiteral("waiting for statefulset rolling update to complete %1 pods at "
                                  "revision %2...\n")
                .arg(s.updatedReplicas)
                .arg(s.updateRevision);
        }
        *done = true;
        return QStringLiteral("statefulset rolling update complete %1 pods at revision %2...\n")
            .arg(s.currentReplicas)
            .arg(s.currentRevision);
    };
    bool done = false;
    QString err;
    const auto step = [&] {
        const QString message = status(&done, &err);
        if (!message.isEmpty() && message != last)
            text += message;
        last = message;
        return done || !err.isEmpty();
    };
    const bool finished = advanceUntil(step, deadline);
    if (!err.isEmpty())
        return ConsoleOutput{text + err + QLatin1Char('\n'), 1};
    if (!finished) {
        m_sim.advanceTo(std::max(m_sim.now(), deadline));
        return ConsoleOutput{text + QStringLiteral("error: timed out waiting for the condition\n"), 1};
    }
    return ConsoleOutput{text, 0};
}

ConsoleOutput Console::exec(Flags &flags)
{
    if (flags.positional.isEmpty())
        return fail(QStringLiteral("error: pod, type/name or --filename must be specified"));
    QString podName = flags.positional.first();
    if (podName.startsWith(QLatin1String("pod/")) || podName.startsWith(QLatin1String("pods/")))
        podName = podName.section(QLatin1Char('/'), 1);
    QStringList command = flags.afterDash;
    if (command.isEmpty())
        command = flags.positional.mid(1);
    if (command.isEmpty())
        return fail(QStringLiteral("error: you must specify at least one command for the "
                                   "container"));
    const QString ns = flags.value(QStringLiteral("namespace"), m_namespace);
    const Pod *pod = m_sim.store().find<Pod>(ns, podName);
    if (!pod)
        return fail(QStringLiteral("Error from server (NotFound): pods \"%1\" not found").arg(podName));
    const QString container = flags.value(QStringLiteral("container"),
                                          pod->spec.containers.value(0).name);
    bool running = false;
    for (const ContainerStatus &cs : pod->status.containerStatuses) {
        if (cs.name == container)
            running = cs.state.kind == ContainerState::Kind::Running;
    }
    if (pod->isTerminal())
        return fail(QStringLiteral("error: cannot exec into a container in a completed pod; "
                                   "current phase is %1")
                        .arg(toString(pod->status.phase)));
    if (!running)
        return fail(QStringLiteral("error: unable to upgrade connection: container not found "
                                   "(\"%1\")")
                        .arg(container));
    if (!m_sim.nodeRuntime(pod->spec.nodeName).heartbeating)
        return fail(QStringLiteral("Error from server: error dialing backend: dial tcp %1:10250: "
                                   "connect: no route to host")
                        .arg(pod->status.hostIP));

    // `sh -c 'CMD'`: a one-word-list CMD runs as it is; one with shell syntax runs through a
    // shell of its own (the container's: no variables shared with the terminal's) whose
    // commands run in the pod.
    const bool shell
        = (command.first() == QLatin1String("sh") || command.first() == QLatin1String("/bin/sh")
           || command.first() == QLatin1String("bash")
           || command.first() == QLatin1String("/bin/bash"))
        && command.value(1) == QLatin1String("-c");
    ConsoleOutput out;
    if (shell && ShellLine::needsShell(command.value(2))
        && !coreutils::isFilter(command.value(2).trimmed().section(QLatin1Char(' '), 0, 0))) {
        ShellLine podShell([this, pod](const QStringList &argv, const QString &) {
            if (std::optional<ConsoleOutput> ran = inPod(*pod, argv))
                return shellResultOf(*ran);
            // dash, the /bin/sh of Debian-based images, names the line.
            return ShellResult::of({}, QStringLiteral("sh: 1: %1: not found\n").arg(argv.first()),
                                   127);
        });
        podShell.setVariable(QStringLiteral("HOSTNAME"), podHostname(*pod));
        podShell.setRunnerReadsFiles(true);
        const ShellResult ran = podShell.run(command.value(2));
        out = ConsoleOutput { ran.text, ran.exitCode, ran.out };
    } else {
        if (shell) {
            QStringList inner;
            if (!tokenize(command.value(2), &inner))
                return fail(QStringLiteral("sh: syntax error: unterminated quoted string\ncommand "
                                           "terminated with exit code 2"),
                            2);
            command = inner;
            if (command.isEmpty())
                return {};
        }
        // Ordinal's message is its own, not the container's: no exit-code line follows it.
        if (needsRealApplication(command.first()))
            return ConsoleOutput { realApplicationMessage(command.first(), pod->metadata.name), 1 };
        std::optional<ConsoleOutput> ran = inPod(*pod, command);
        if (!ran) {
            if (shell)
                return fail(QStringLiteral("sh: 1: %1: not found\ncommand terminated with exit "
                                           "code 127")
                                .arg(command.first()),
                            127);
            return fail(QStringLiteral("error: Internal error occurred: Internal error occurred: "
                                       "error executing command in container: failed to exec in "
                                       "container: failed to start exec: OCI runtime exec "
                                       "failed: exec failed: unable to start container process: "
                                       "exec: \"%1\": executable file not found in $PATH: "
                                       "unknown")
                            .arg(command.first()));
        }
        out = *ran;
    }
    if (out.exitCode != 0) {
        out.text += QStringLiteral("command terminated with exit code %1\n").arg(out.exitCode);
        if (!out.out)
            out.out = QString();
    }
    return out;
}

QString Console::podHostname(const Pod &pod)
{
    return pod.spec.hostname.isEmpty() ? pod.metadata.name : pod.spec.hostname;
}

std::optional<ConsoleOutput> Console::inPod(const Pod &pod, const QStringList &command)
{
    const QString ns = pod.metadata.namespaceName;
    const QString zone = m_sim.config().clusterDomain;
    const PodDnsContext context = PodDnsContext::forPod(pod);
    const QString program = command.first();
    if (program == QLatin1String("hostname")) {
        if (command.value(1) == QLatin1String("-f") || command.value(1) == QLatin1String("--fqdn")) {
            if (!pod.spec.subdomain.isEmpty())
                return okText(QStringLiteral("%1.%2.%3.svc.%4")
                                  .arg(pod.spec.hostname, pod.spec.subdomain, ns, zone));
        }
        return okText(podHostname(pod));
    }
    if (program == QLatin1String("cat")) {
        QString text;
        int code = 0;
        for (const QString &file : command.mid(1)) {
            if (file == QLatin1String("/etc/resolv.conf"))
                text += PodResolver::resolvConf(context, *dns());
            else if (file == QLatin1String("/etc/hosts"))
                text += PodResolver::hostsFile(context, zone);
            else if (file == QLatin1String("/etc/hostname"))
                text += podHostname(pod) + QLatin1Char('\n');
            else {
                text += QStringLiteral("cat: %1: No such file or directory\n").arg(file);
                code = 1;
            }
        }
        return ConsoleOutput{text, code};
    }
    if (program == QLatin1String("nslookup"))
        return nslookup(command.mid(1), &pod);
    // Ordinal's own voice, never a made-up "executable file not found".
    if (needsRealApplication(program))
        return ConsoleOutput { realApplicationMessage(program, pod.metadata.name), 1, QString() };
    return std::nullopt;
}

ConsoleOutput Console::node(const QString &verb, Flags &flags)
{
    if (verb == QLatin1String("taint")) {
        // kubectl taint nodes NODE KEY[=VALUE]:EFFECT[-]
        QStringList words = flags.positional;
        if (!words.isEmpty() && (words.first() == QLatin1String("nodes")
                                 || words.first() == QLatin1String("node")
                                 || words.first() == QLatin1String("no")))
            words.removeFirst();
        if (words.size() < 2)
            return fail(QStringLiteral("error: at least one taint update is required"));
        const QString nodeName = words.first();
        QString text;
        int exitCode = 0;
        for (QString spec : words.mid(1)) {
            const bool removeTaint = spec.endsWith(QLatin1Char('-'));
            if (removeTaint)
                spec.chop(1);
            Taint taint;
            QString keyValue = spec.section(QLatin1Char(':'), 0, 0);
            taint.effect = spec.contains(QLatin1Char(':')) ? spec.section(QLatin1Char(':'), 1) : QString();
            taint.key = keyValue.section(QLatin1Char('='), 0, 0);
            taint.value = keyValue.section(QLatin1Char('='), 1);
            static const QStringList effects{QStringLiteral("NoSchedule"),
                                             QStringLiteral("PreferNoSchedule"),
                                             QStringLiteral("NoExecute")};
            if (!removeTaint && !effects.contains(taint.effect))
                return fail(QStringLiteral("error: invalid taint effect: %1, unsupported taint "
                                           "effect")
                                .arg(taint.effect));
            const ActionResult r = m_sim.taintNode(nodeName, taint, removeTaint);
            if (!r.ok) {
                text += r.error + QLatin1Char('\n');
                exitCode = 1;
            } else {
                text += lines(r.lines);
            }
        }
        return ConsoleOutput{text, exitCode};
    }
    if (flags.positional.isEmpty())
        return fail(QStringLiteral("error: resource(s) were provided, but no name was specified"));
    QString text;
    int exitCode = 0;
    for (QString name : std::as_const(flags.positional)) {
        if (name.startsWith(QLatin1String("node/")) || name.startsWith(QLatin1String("nodes/")))
            name = name.section(QLatin1Char('/'), 1);
        const ActionResult r = m_sim.cordonNode(name, verb != QLatin1String("uncordon"));
        if (!r.ok) {
            text += r.error + QLatin1Char('\n');
            exitCode = 1;
            continue;
        }
        text += lines(r.lines);
        if (verb == QLatin1String("drain")) {
            // kubectl drain evicts every pod (no DaemonSets in Ordinal) and waits for them.
            QList<const Pod *> pods = m_sim.store().podsOnNode(name);
            QStringList uids;
            for (const Pod *pod : std::as_const(pods)) {
                if (pod->metadata.isTerminating())
                    continue;
                text += QStringLiteral("evicting pod %1/%2\n")
                            .arg(pod->metadata.namespaceName, pod->metadata.name);
                uids << pod->metadata.uid;
            }
            QList<QPair<QString, QString>> targets;
            for (const Pod *pod : std::as_const(pods)) {
                if (!pod->metadata.isTerminating())
                    targets << qMakePair(pod->metadata.namespaceName, pod->metadata.name);
            }
            // Each pod through the eviction subresource: a pod a PodDisruptionBudget protects
            // is retried every 5 s, as kubectl drain does, until the drain's timeout.
            const Millis deadline = m_sim.now() + 5 * kMinute;
            QList<QPair<QString, QString>> pending = targets;
            while (!pending.isEmpty()) {
                QList<QPair<QString, QString>> refused;
                for (const auto &t : std::as_const(pending)) {
                    const Pod *pod = m_sim.store().find<Pod>(t.first, t.second);
                    if (!pod)
                        continue;
                    const EvictionVerdict verdict = Eviction::admit(m_sim, *pod);
                    if (verdict.allowed) {
                        m_sim.deletePod(t.first, t.second, std::nullopt, false);
                    } else {
                        text += verdict.drainRetryLine(t.first, t.second) + QLatin1Char('\n');
                        refused << t;
                    }
                }
                pending = refused;
                if (pending.isEmpty() || m_sim.now() + 5 * kSecond > deadline)
                    break;
                advanceUntil([] { return false; }, m_sim.now() + 5 * kSecond);
            }
            const auto gone = [&] {
                for (const Pod &pod : m_sim.store().all<Pod>()) {
                    if (uids.contains(pod.metadata.uid))
                        return false;
                }
                return true;
            };
            if (!advanceUntil(gone, m_sim.now() + 5 * kMinute)) {
                text += QStringLiteral("error: unable to drain node \"%1\" due to error: "
                                       "global timeout reached: 5m0s, continuing command...\n")
                            .arg(name);
                exitCode = 1;
                continue;
            }
            for (const auto &t : std::as_const(targets))
                text += QStringLiteral("pod/%1 evicted\n").arg(t.second);
            text += QStringLiteral("node/%1 drained\n").arg(name);
        }
    }
    return ConsoleOutput{text, exitCode};
}

ConsoleOutput Console::config(Flags &flags)
{
    if (flags.positional.value(0) == QLatin1String("set-context")
        && flags.has(QStringLiteral("current"))
        && flags.values.contains(QStringLiteral("namespace"))) {
        m_namespace = flags.value(QStringLiteral("namespace"));
        return okText(QStringLiteral("Context \"kubernetes-admin@kubernetes\" modified."));
    }
    if (flags.positional.value(0) == QLatin1String("view") || flags.positional.value(0) == QLatin1String("current-context"))
        return okText(QStringLiteral("kubernetes-admin@kubernetes"));
    return fail(tr("error: Ordinal supports kubectl config set-context --current --namespace=NS"));
}

ConsoleOutput Console::nslookup(const QStringList &args, const Pod *fromPod)
{
    const PodDnsContext context =
        fromPod ? PodDnsContext::forPod(*fromPod) : PodDnsContext::forNamespace(m_namespace);
    const ToolOutput out = DnsTools::nslookup(*dns(), context, args);
    return ConsoleOutput{out.text, out.exitCode};
}

ConsoleOutput Console::dig(const QStringList &args)
{
    const ToolOutput out =
        DnsTools::dig(*dns(), PodDnsContext::forNamespace(m_namespace), args, m_sim.now());
    return ConsoleOutput{out.text, out.exitCode};
}

ConsoleOutput Console::sleep(const QStringList &args)
{
    if (args.size() != 1)
        return fail(QStringLiteral("sleep: missing operand"));
    const Millis d = parseDuration(args.first());
    if (d < 0)
        return fail(QStringLiteral("sleep: invalid time interval '%1'").arg(args.first()));
    m_sim.advanceTo(m_sim.now() + d);
    return {};
}

ConsoleOutput Console::wait(const QStringList &args)
{
    Millis bound = kHour;
    for (const QString &arg : args) {
        if (arg.startsWith(QLatin1String("--timeout="))) {
            bound = parseDuration(arg.mid(10));
            if (bound < 0)
                return fail(QStringLiteral("wait: invalid timeout '%1'").arg(arg.mid(10)));
        } else {
            return fail(QStringLiteral("wait: unknown argument '%1'").arg(arg));
        }
    }
    if (!m_sim.advanceUntilSettled(m_sim.now() + bound))
        return fail(tr("wait: still changing after %1").arg(goDuration(bound)));
    return {};
}

ConsoleOutput Console::sim(const QStringList &args)
{
    const QString verb = args.value(0);
    const QString target = args.value(1);
    const auto result = [](const ActionResult &r) {
        return r.ok ? okText(lines(r.lines)) : fail(r.error);
    };
    const QString usage = tr("usage: sim node-down|node-up NODE | unready|ready|crash|fail POD | "
                             "init-fail|init-pass POD | pull-time IMAGE DURATION | time");
    if (verb == QLatin1String("time") && args.size() == 1)
        return okText(goDuration(m_sim.now()));
    if (args.size() < 2)
        return fail(usage);
    if (verb == QLatin1String("node-down") || verb == QLatin1String("node-up"))
        return result(m_sim.setNodeHeartbeat(target, verb == QLatin1String("node-up")));
    if (verb == QLatin1String("unready") || verb == QLatin1String("ready"))
        return result(m_sim.setPodReadiness(m_namespace, target, verb == QLatin1String("ready")));
    if (verb == QLatin1String("init-fail") || verb == QLatin1String("init-pass"))
        return result(m_sim.setInitContainersFailing(m_namespace, target,
                                                     verb == QLatin1String("init-fail")));
    if (verb == QLatin1String("crash"))
        return result(m_sim.crashPod(m_namespace, target));
    if (verb == QLatin1String("fail"))
        return result(m_sim.failPod(m_namespace, target));
    if (verb == QLatin1String("pull-time") && args.size() == 3) {
        const Millis d = parseDuration(args[2]);
        if (d < 0)
            return fail(tr("sim: invalid duration '%1'").arg(args[2]));
        return result(m_sim.setPullTime(target, d));
    }
    return fail(usage);
}

} // namespace ordinal::core
