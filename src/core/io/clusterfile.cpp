#include "io/clusterfile.h"

#include "console/tablewriter.h"

#include <QFile>

#include <yaml-cpp/yaml.h>

namespace ordinal::core {

namespace {

QString where(const QString &file, const YAML::Node &node)
{
    const YAML::Mark mark = node.Mark();
    return QStringLiteral("%1:%2:%3").arg(file).arg(mark.line + 1).arg(mark.column + 1);
}

QString text(const YAML::Node &node)
{
    return QString::fromStdString(node.as<std::string>());
}

struct Reader
{
    QString file;
    QString error;

    bool fail(const YAML::Node &node, const QString &message)
    {
        error = QStringLiteral("%1: %2").arg(where(file, node), message);
        return false;
    }

    bool duration(const YAML::Node &node, Millis *out)
    {
        if (!node.IsScalar())
            return fail(node, ClusterFile::tr("expected a duration such as 17s"));
        const Millis d = parseDuration(text(node));
        if (d < 0)
            return fail(node, ClusterFile::tr("invalid duration \"%1\"").arg(text(node)));
        *out = d;
        return true;
    }

    bool stringMap(const YAML::Node &node, QMap<QString, QString> *out)
    {
        if (!node.IsMap())
            return fail(node, ClusterFile::tr("expected a mapping"));
        for (const auto &entry : node)
            out->insert(text(entry.first), entry.second.IsNull() ? QString() : text(entry.second));
        return true;
    }

    bool node(const YAML::Node &yaml, NodeTemplate *out)
    {
        if (!yaml.IsMap())
            return fail(yaml, ClusterFile::tr("a node must be a mapping"));
        for (const auto &entry : yaml) {
            const QString key = text(entry.first);
            const YAML::Node &value = entry.second;
            if (key == QLatin1String("name")) {
                out->name = text(value);
            } else if (key == QLatin1String("controlPlane")) {
                out->controlPlane = value.as<bool>();
            } else if (key == QLatin1String("labels")) {
                if (!stringMap(value, &out->labels))
                    return false;
            } else if (key == QLatin1String("taints")) {
                if (!value.IsSequence())
                    return fail(value, ClusterFile::tr("taints must be a list"));
                for (const YAML::Node &t : value) {
                    Taint taint;
                    taint.key = t["key"] ? text(t["key"]) : QString();
                    taint.value = t["value"] ? text(t["value"]) : QString();
                    taint.effect = t["effect"] ? text(t["effect"]) : QString();
                    if (taint.key.isEmpty()
                        || !QStringList{QStringLiteral("NoSchedule"),
                                        QStringLiteral("PreferNoSchedule"),
                                        QStringLiteral("NoExecute")}
                                .contains(taint.effect))
                        return fail(t, ClusterFile::tr("a taint needs a key and an effect "
                                                       "(NoSchedule, PreferNoSchedule, "
                                                       "NoExecute)"));
                    out->taints << taint;
                }
            } else if (key == QLatin1String("cpu")) {
                out->cpu = text(value);
            } else if (key == QLatin1String("memory")) {
                out->memory = text(value);
            } else if (key == QLatin1String("pods")) {
                out->pods = value.as<int>();
            } else {
                return fail(entry.first, ClusterFile::tr("unknown node field \"%1\"").arg(key));
            }
        }
        if (out->name.isEmpty())
            return fail(yaml, ClusterFile::tr("a node needs a name"));
        if (out->controlPlane) {
            out->labels.insert(QStringLiteral("node-role.kubernetes.io/control-plane"), QString());
            out->taints << Taint{QStringLiteral("node-role.kubernetes.io/control-plane"), {},
                                 QStringLiteral("NoSchedule"), std::nullopt};
        }
        return true;
    }
};

} // namespace

bool ClusterFile::load(const QString &path, ClusterConfig *config, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read cluster file \"%1\": %2").arg(path, file.errorString());
        return false;
    }
    return parse(file.readAll(), path, config, error);
}

bool ClusterFile::parse(const QByteArray &data, const QString &fileName, ClusterConfig *config,
                        QString *error)
{
    Reader reader{fileName, {}};
    ClusterConfig result;
    try {
        const YAML::Node root = YAML::Load(data.toStdString());
        if (!root.IsMap()) {
            *error = tr("%1: a cluster file is a mapping with a nodes list").arg(fileName);
            return false;
        }
        bool ok = true;
        for (const auto &entry : root) {
            const QString key = text(entry.first);
            const YAML::Node &value = entry.second;
            if (key == QLatin1String("nodes")) {
                if (!value.IsSequence() || value.size() == 0) {
                    ok = reader.fail(value, tr("nodes must be a non-empty list"));
                    break;
                }
                for (const YAML::Node &n : value) {
                    NodeTemplate node;
                    if (!(ok = reader.node(n, &node)))
                        break;
                    result.nodes << node;
                }
            } else if (key == QLatin1String("podCIDRPrefix")) {
                result.podCidrPrefix = text(value);
            } else if (key == QLatin1String("serviceCIDR")) {
                result.serviceCidr = text(value);
            } else if (key == QLatin1String("dnsServiceIP")) {
                result.dnsServiceIP = text(value);
            } else if (key == QLatin1String("clusterDomain")) {
                result.clusterDomain = text(value);
            } else if (key == QLatin1String("timing")) {
                for (const auto &t : value) {
                    const QString tk = text(t.first);
                    TimingModel &timing = result.timing;
                    if (tk == QLatin1String("pullTime"))
                        ok = reader.duration(t.second, &timing.defaultPullTime);
                    else if (tk == QLatin1String("containerStart"))
                        ok = reader.duration(t.second, &timing.containerStart);
                    else if (tk == QLatin1String("containerStop"))
                        ok = reader.duration(t.second, &timing.containerStop);
                    else if (tk == QLatin1String("initContainerRun"))
                        ok = reader.duration(t.second, &timing.initContainerRun);
                    else if (tk == QLatin1String("nodeMonitorGracePeriod"))
                        ok = reader.duration(t.second, &timing.nodeMonitorGracePeriod);
                    else if (tk == QLatin1String("defaultTolerationSeconds"))
                        timing.defaultTolerationSeconds = t.second.as<qint64>();
                    else if (tk == QLatin1String("unpullableImages")) {
                        for (const YAML::Node &image : t.second)
                            timing.unpullableImages << text(image);
                    } else if (tk == QLatin1String("pullTimes")) {
                        for (const auto &p : t.second) {
                            Millis d = 0;
                            if (!(ok = reader.duration(p.second, &d)))
                                break;
                            timing.pullTimes.insert(text(p.first), d);
                        }
                    } else {
                        ok = reader.fail(t.first, tr("unknown timing field \"%1\"").arg(tk));
                    }
                    if (!ok)
                        break;
                }
            } else {
                ok = reader.fail(entry.first, tr("unknown field \"%1\"").arg(key));
            }
            if (!ok)
                break;
        }
        if (!ok) {
            *error = reader.error;
            return false;
        }
        if (result.nodes.isEmpty()) {
            *error = tr("%1: the cluster has no nodes").arg(fileName);
            return false;
        }
    } catch (const YAML::Exception &e) {
        *error = QStringLiteral("%1:%2:%3: %4")
                     .arg(fileName)
                     .arg(e.mark.line + 1)
                     .arg(e.mark.column + 1)
                     .arg(QString::fromStdString(e.msg));
        return false;
    }
    *config = result;
    return true;
}

} // namespace ordinal::core
