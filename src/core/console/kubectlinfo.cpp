#include "console/kubectlinfo.h"

#include "api/json.h"
#include "console/kubeyaml.h"
#include "console/tablewriter.h"

#include <algorithm>

namespace ordinal::core::kubectlinfo {

using nlohmann::json;

namespace {

// The categories upstream gives the kinds Ordinal serves (`kubectl get all`); the API server's
// discovery documents list the same.
QStringList categoriesOf(const apijson::ResourceInfo &info)
{
    static const QStringList all { QStringLiteral("pods"), QStringLiteral("services"),
                                   QStringLiteral("statefulsets") };
    return all.contains(info.plural) ? QStringList { QStringLiteral("all") } : QStringList {};
}

PrintResult failure(const QString &text)
{
    PrintResult r;
    r.err = text + QLatin1Char('\n');
    r.exitCode = 1;
    return r;
}

// encoding/json's MarshalIndent with two spaces, keys in the order given (kubectl prints the
// version structs, whose fields have a fixed order).
QString indented(const std::vector<std::pair<std::string, json>> &fields, int depth)
{
    const QString pad(2 * (depth + 1), QLatin1Char(' '));
    QString out = QStringLiteral("{\n");
    for (std::size_t i = 0; i < fields.size(); ++i) {
        out += pad + QString::fromStdString(json(fields[i].first).dump()) + QStringLiteral(": ");
        if (fields[i].second.is_object()) {
            std::vector<std::pair<std::string, json>> inner;
            for (const char *key : { "major", "minor", "gitVersion", "gitCommit", "gitTreeState",
                                     "buildDate", "goVersion", "compiler", "platform" })
                inner.emplace_back(key, fields[i].second.value(key, std::string()));
            out += indented(inner, depth + 1);
        } else {
            out += QString::fromStdString(fields[i].second.dump());
        }
        out += i + 1 < fields.size() ? QStringLiteral(",\n") : QStringLiteral("\n");
    }
    return out + QString(2 * depth, QLatin1Char(' ')) + QLatin1Char('}');
}

const char *const kKustomizeVersion = "v5.6.0";

} // namespace

PrintResult apiResources(const ApiResourcesFlags &flags)
{
    if (!flags.output.isEmpty() && flags.output != QLatin1String("wide")
        && flags.output != QLatin1String("name"))
        return failure(QStringLiteral("error: --output %1 is not available").arg(flags.output));
    if (!flags.sortBy.isEmpty() && flags.sortBy != QLatin1String("name")
        && flags.sortBy != QLatin1String("kind"))
        return failure(QStringLiteral("error: --sort-by accepts only name or kind"));
    QList<const apijson::ResourceInfo *> chosen;
    for (const apijson::ResourceInfo &info : apijson::resourceTable()) {
        // policy/v1 PodDisruptionBudgets are simulated but not yet offered by the API server's
        // discovery (net/apidiscovery.cpp keeps its own table); listing them would promise
        // kubectl a resource it cannot find through --serve-api. Until the two tables are one.
        if (info.group == QLatin1String("policy"))
            continue;
        if (flags.namespaced && info.namespaced != *flags.namespaced)
            continue;
        if (flags.apiGroup && info.group != *flags.apiGroup)
            continue;
        bool verbs = true;
        for (const QString &verb : flags.verbs)
            verbs = verbs && info.verbs.contains(verb);
        if (!verbs)
            continue;
        bool categories = true;
        for (const QString &category : flags.categories)
            categories = categories && categoriesOf(info).contains(category);
        if (!categories)
            continue;
        chosen << &info;
    }
    // As kubectl: by group (or kind), then by name.
    std::stable_sort(chosen.begin(), chosen.end(), [&](const auto *a, const auto *b) {
        const QString ka = flags.sortBy == QLatin1String("kind") ? a->kindName
            : flags.sortBy == QLatin1String("name")              ? a->plural
                                                                 : a->group;
        const QString kb = flags.sortBy == QLatin1String("kind") ? b->kindName
            : flags.sortBy == QLatin1String("name")              ? b->plural
                                                                 : b->group;
        const int c = ka.compare(kb);
        return c != 0 ? c < 0 : a->plural < b->plural;
    });
    PrintResult result;
    if (flags.output == QLatin1String("name")) {
        for (const auto *info : std::as_const(chosen))
            result.out += info->plural
                + (info->group.isEmpty() ? QString() : QLatin1Char('.') + info->group)
                + QLatin1Char('\n');
        return result;
    }
    const bool wide = flags.output == QLatin1String("wide");
    QList<QStringList> rows;
    if (!flags.noHeaders) {
        QStringList header { QStringLiteral("NAME"), QStringLiteral("SHORTNAMES"),
                             QStringLiteral("APIVERSION"), QStringLiteral("NAMESPACED"),
                             QStringLiteral("KIND") };
        if (wide)
            header << QStringLiteral("VERBS") << QStringLiteral("CATEGORIES");
        rows << header;
    }
    for (const auto *info : std::as_const(chosen)) {
        QStringList row { info->plural, info->shortNames.join(QLatin1Char(',')), info->apiVersion(),
                          info->namespaced ? QStringLiteral("true") : QStringLiteral("false"),
                          info->kindName };
        if (wide)
            row << info->verbs.join(QLatin1Char(',')) << categoriesOf(*info).join(QLatin1Char(','));
        rows << row;
    }
    TableWriter table;
    result.out = table.flush(rows);
    return result;
}

json clientVersion()
{
    return json { { "major", "1" },
                  { "minor", "33" },
                  { "gitVersion", "v1.33.1" },
                  { "gitCommit", "8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828" },
                  { "gitTreeState", "clean" },
                  { "buildDate", "2025-05-15T08:27:33Z" },
                  { "goVersion", "go1.24.2" },
                  { "compiler", "gc" },
                  { "platform", "linux/amd64" } };
}

json serverVersion()
{
    return json { { "major", "1" },
                  { "minor", "33" },
                  { "gitVersion", "v1.33.1" },
                  { "gitCommit", std::string("ordinal-") + ORDINAL_VERSION },
                  { "gitTreeState", "clean" },
                  { "buildDate", "2025-05-15T00:00:00Z" },
                  { "goVersion", "go1.24.2" },
                  { "compiler", "gc" },
                  { "platform", "linux/amd64" } };
}

PrintResult version(const VersionFlags &flags, const json &server)
{
    if (!flags.output.isEmpty() && flags.output != QLatin1String("json")
        && flags.output != QLatin1String("yaml"))
        return failure(QStringLiteral("error: --output must be 'yaml' or 'json'"));
    const bool withServer = !flags.client && server.is_object();
    PrintResult result;
    if (flags.output.isEmpty()) {
        result.out
            = QStringLiteral("Client Version: %1\nKustomize Version: %2\n")
                  .arg(QString::fromStdString(clientVersion()["gitVersion"].get<std::string>()),
                       QLatin1String(kKustomizeVersion));
        if (withServer)
            result.out
                += QStringLiteral("Server Version: %1\n")
                       .arg(QString::fromStdString(server.value("gitVersion", std::string())));
    } else if (flags.output == QLatin1String("json")) {
        std::vector<std::pair<std::string, json>> fields {
            { "clientVersion", clientVersion() }, { "kustomizeVersion", kKustomizeVersion }
        };
        if (withServer)
            fields.emplace_back("serverVersion", server);
        result.out = indented(fields, 0) + QLatin1Char('\n');
    } else {
        json document { { "clientVersion", clientVersion() },
                        { "kustomizeVersion", kKustomizeVersion } };
        if (withServer)
            document["serverVersion"] = server;
        // kubectl prints the YAML with Println, so a blank line ends it.
        result.out = QString::fromStdString(kubeyaml::fromJson(document)) + QLatin1Char('\n');
    }
    // kubectl warns when the server is more than one minor version away.
    if (withServer) {
        const int client = 33;
        const int minor = QString::fromStdString(server.value("minor", std::string())).toInt();
        if (minor > 0 && std::abs(minor - client) > 1)
            result.err = QStringLiteral("WARNING: version difference between client (1.%1) and "
                                        "server (1.%2) exceeds the supported minor version skew "
                                        "of +/-1\n")
                             .arg(client)
                             .arg(minor);
    }
    return result;
}

} // namespace ordinal::core::kubectlinfo
