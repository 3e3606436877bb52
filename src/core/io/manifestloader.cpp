#include "io/manifestloader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace ordinal::core {

namespace {

// Aborts decoding of one document; carries the finished kubectl-style message.
struct DecodeFailure
{
    SourcePos pos;
    QString message;
};

// What a YAML node becomes after sigs.k8s.io/yaml converts it to JSON.
enum class JsonKind { Null, String, Number, Bool, Array, Object };

QString jsonKindName(JsonKind kind)
{
    switch (kind) {
    case JsonKind::Null: return QStringLiteral("null");
    case JsonKind::String: return QStringLiteral("string");
    case JsonKind::Number: return QStringLiteral("number");
    case JsonKind::Bool: return QStringLiteral("bool");
    case JsonKind::Array: return QStringLiteral("array");
    case JsonKind::Object: return QStringLiteral("object");
    }
    return {};
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// YAML 1.1 plain-scalar resolution as go-yaml v2 (used by sigs.k8s.io/yaml) does it.
JsonKind resolvePlain(const QString &text)
{
    static const QStringList nulls = {QString(), QStringLiteral("~"), QStringLiteral("null"),
                                      QStringLiteral("Null"), QStringLiteral("NULL")};
    // go-yaml v2 also lists y/Y/n/N; Ordinal keeps those single letters strings so that a
    // node or pod called "n" still loads.
    static const QStringList bools = {
        QStringLiteral("yes"),
        QStringLiteral("Yes"),   QStringLiteral("YES"),
        QStringLiteral("no"),    QStringLiteral("No"),
        QStringLiteral("NO"),    QStringLiteral("true"),  QStringLiteral("True"),
        QStringLiteral("TRUE"),  QStringLiteral("false"), QStringLiteral("False"),
        QStringLiteral("FALSE"), QStringLiteral("on"),    QStringLiteral("On"),
        QStringLiteral("ON"),    QStringLiteral("off"),   QStringLiteral("Off"),
        QStringLiteral("OFF")};
    static const QRegularExpression number(QStringLiteral(
        "^(?:[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?0[0-7_]+|[-+]?0b[01_]+|"
        "[-+]?(?:\\.[0-9]+|[0-9][0-9_]*(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|"
        "[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"));
    if (nulls.contains(text))
        return JsonKind::Null;
    if (bools.contains(text))
        return JsonKind::Bool;
    if (number.match(text).hasMatch())
        return JsonKind::Number;
    return JsonKind::String;
}

bool plainTrue(const QString &text)
{
    static const QStringList trues = {QStringLiteral("yes"),  QStringLiteral("Yes"),
                                      QStringLiteral("YES"),  QStringLiteral("true"),
                                      QStringLiteral("True"), QStringLiteral("TRUE"),
                                      QStringLiteral("on"),   QStringLiteral("On"),
                                      QStringLiteral("ON")};
    return trues.contains(text);
}

JsonKind jsonKind(const YAML::Node &node)
{
    if (!node.IsDefined() || node.IsNull())
        return JsonKind::Null;
    if (node.IsMap())
        return JsonKind::Object;
    if (node.IsSequence())
        return JsonKind::Array;
    const std::string &tag = node.Tag();
    if (tag == "!" || tag == "tag:yaml.org,2002:str")
        return JsonKind::String;
    if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float")
        return JsonKind::Number;
    if (tag == "tag:yaml.org,2002:bool")
        return JsonKind::Bool;
    return resolvePlain(qs(node.Scalar()));
}

// Parses a YAML 1.1 number; returns false for .inf/.nan.
bool numberValue(const QString &text, double *value)
{
    QString t = text;
    t.remove(QLatin1Char('_'));
    bool negative = false;
    if (t.startsWith(QLatin1Char('-')) || t.startsWith(QLatin1Char('+'))) {
        negative = t.startsWith(QLatin1Char('-'));
        t.remove(0, 1);
    }
    bool ok = false;
    double v = 0;
    if (t.startsWith(QLatin1String("0x"))) {
        v = double(t.mid(2).toLongLong(&ok, 16));
    } else if (t.startsWith(QLatin1String("0b"))) {
        v = double(t.mid(2).toLongLong(&ok, 2));
    } else if (t.size() > 1 && t.startsWith(QLatin1Char('0')) && !t.contains(QLatin1Char('.'))
               && !t.contains(QLatin1Char('e')) && !t.contains(QLatin1Char('E'))) {
        v = double(t.toLongLong(&ok, 8));
    } else {
        v = t.toDouble(&ok);
    }
    if (!ok || !std::isfinite(v))
        return false;
    *value = negative ? -v : v;
    return true;
}

// The value kubectl's strategic text gives a yaml-cpp syntax error (go-yaml's wording).
QString goYamlMessage(const std::string &msg)
{
    using namespace YAML::ErrorMsg;
    if (msg == MAP_VALUE)
        return QStringLiteral("mapping values are not allowed in this context");
    if (msg == MAP_KEY)
        return QStringLiteral("mapping keys are not allowed in this context");
    if (msg == END_OF_MAP)
        return QStringLiteral("did not find expected key");
    if (msg == END_OF_SEQ)
        return QStringLiteral("did not find expected '-' indicator");
    if (msg == END_OF_MAP_FLOW)
        return QStringLiteral("did not find expected ',' or '}'");
    if (msg == END_OF_SEQ_FLOW)
        return QStringLiteral("did not find expected ',' or ']'");
    if (msg == BLOCK_ENTRY)
        return QStringLiteral("block sequence entries are not allowed in this context");
    if (msg == TAB_IN_INDENTATION)
        return QStringLiteral("found character that cannot start any token");
    if (msg == EOF_IN_SCALAR)
        return QStringLiteral("found unexpected end of stream");
    if (msg == UNKNOWN_ANCHOR)
        return QStringLiteral("unknown anchor referenced");
    return qs(msg);
}

const QString kQuantityPattern =
    QStringLiteral("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$");

// Kubernetes resource.Quantity → canonical integer (millicores for cpu, otherwise base units),
// rounded up as the API does. Returns false when the text is not a quantity.
bool parseQuantity(const QString &text, bool milli, qint64 *value)
{
    static const QRegularExpression re(kQuantityPattern);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return false;
    bool ok = false;
    const double number = m.captured(1).toDouble(&ok);
    if (!ok)
        return false;
    const QString suffix = m.captured(2);
    static const QMap<QString, double> suffixes = {
        {QString(), 1.0},
        {QStringLiteral("n"), 1e-9},
        {QStringLiteral("u"), 1e-6},
        {QStringLiteral("m"), 1e-3},
        {QStringLiteral("k"), 1e3},
        {QStringLiteral("M"), 1e6},
        {QStringLiteral("G"), 1e9},
        {QStringLiteral("T"), 1e12},
        {QStringLiteral("P"), 1e15},
        {QStringLiteral("E"), 1e18},
        {QStringLiteral("Ki"), 1024.0},
        {QStringLiteral("Mi"), 1024.0 * 1024},
        {QStringLiteral("Gi"), 1024.0 * 1024 * 1024},
        {QStringLiteral("Ti"), 1024.0 * 1024 * 1024 * 1024},
        {QStringLiteral("Pi"), 1024.0 * 1024 * 1024 * 1024 * 1024},
        {QStringLiteral("Ei"), 1024.0 * 1024 * 1024 * 1024 * 1024 * 1024},
    };
    double factor = 0;
    if (suffixes.contains(suffix)) {
        factor = suffixes.value(suffix);
    } else {
        static const QRegularExpression exponent(QStringLiteral("^[eE]([-+]?[0-9]+)$"));
        const QRegularExpressionMatch e = exponent.match(suffix);
        if (!e.hasMatch())
            return false;
        factor = std::pow(10.0, e.captured(1).toDouble());
    }
    const double scaled = number * factor * (milli ? 1000.0 : 1.0);
    // Round up like resource.Quantity.ScaledValue, tolerating binary floating-point noise.
    *value = qint64(std::ceil(scaled - 1e-9));
    return true;
}

// Decodes one document (or List item) into an Ordinal API object. The Go type names are the
// upstream ones so that type errors read like the API server's.
class Decoder
{
public:
    Decoder(const QString &file, const QString &kind, ObjectMeta *meta)
        : m_file(file), m_kind(kind), m_meta(meta)
    {
    }

    SourcePos pos(const YAML::Node &node) const
    {
        const YAML::Mark mark = node.Mark();
        if (mark.line < 0)
            return {m_file, 0, 0};
        return {m_file, mark.line + 1, mark.column + 1};
    }

    [[noreturn]] void fail(const YAML::Node &node, const QString &jsonMessage) const
    {
        const SourcePos p = pos(node);
        const QString text = ManifestLoader::tr(
            "Error from server (BadRequest): error when creating \"%1\": %2 in version \"v1\" "
            "cannot be handled as a %2: %3")
                                 .arg(m_file, m_kind, jsonMessage);
        throw DecodeFailure{p, p.isValid() ? text + QStringLiteral(" (%1)").arg(p.toString())
                                           : text};
    }

    // json: cannot unmarshal <what> into Go struct field <Struct>.<path> of type <type>
    [[noreturn]] void typeError(const YAML::Node &node, const QString &path, const char *goStruct,
                                const char *goType, const QString &what = {}) const
    {
        static const QRegularExpression index(QStringLiteral("\\[[0-9]+\\]"));
        QString goPath = path;
        goPath.remove(index);
        fail(node, QStringLiteral("json: cannot unmarshal %1 into Go struct field %2.%3 of type %4")
                       .arg(what.isEmpty() ? jsonKindName(jsonKind(node)) : what,
                            QLatin1String(goStruct), goPath, QLatin1String(goType)));
    }

    void record(const QString &path, const YAML::Node &node)
    {
        if (m_meta)
            m_meta->fieldSources.insert(path, pos(node));
    }

    // Calls f(key, value, path) for each entry of a mapping; null means "absent".
    template<typename F>
    void fields(const YAML::Node &node, const QString &path, const char *goStruct,
                const char *goType, F f)
    {
        const JsonKind kind = jsonKind(node);
        if (kind == JsonKind::Null)
            return;
        if (kind != JsonKind::Object)
            typeError(node, path, goStruct, goType);
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = qs(it->first.Scalar());
            const QString child = path.isEmpty() ? key : path + QLatin1Char('.') + key;
            const YAML::Node value = it->second;
            record(child, jsonKind(value) == JsonKind::Null ? it->first : value);
            f(key, value, child);
        }
    }

    // Calls f(item, path[i]) for each item of a sequence.
    template<typename F>
    void items(const YAML::Node &node, const QString &path, const char *goStruct,
               const char *goType, F f)
    {
        const JsonKind kind = jsonKind(node);
        if (kind == JsonKind::Null)
            return;
        if (kind != JsonKind::Array)
            typeError(node, path, goStruct, goType);
        int i = 0;
        for (auto it = node.begin(); it != node.end(); ++it, ++i) {
            const QString child = QStringLiteral("%1[%2]").arg(path).arg(i);
            record(child, *it);
            f(*it, child);
        }
    }

    QString str(const YAML::Node &node, const QString &path, const char *goStruct)
    {
        const JsonKind kind = jsonKind(node);
        if (kind == JsonKind::Null)
            return {};
        if (kind != JsonKind::String)
            typeError(node, path, goStruct, "string");
        return qs(node.Scalar());
    }

    qint64 integer(const YAML::Node &node, const QString &path, const char *goStruct,
                   const char *goType = "int32")
    {
        const JsonKind kind = jsonKind(node);
        if (kind == JsonKind::Null)
            return 0;
        if (kind != JsonKind::Number)
            typeError(node, path, goStruct, goType);
        double v = 0;
        const QString text = qs(node.Scalar());
        const bool is32 = qstrcmp(goType, "int32") == 0;
        const double limit = is32 ? 2147483647.0 : 9.2e18;
        if (!numberValue(text, &v) || v != std::floor(v) || v > limit || v < -limit - 1)
            typeError(node, path, goStruct, goType, QStringLiteral("number ") + text);
        return qint64(v);
    }

    bool boolean(const YAML::Node &node, const QString &path, const char *goStruct)
    {
        const JsonKind kind = jsonKind(node);
        if (kind == JsonKind::Null)
            return false;
        if (kind != JsonKind::Bool)
            typeError(node, path, goStruct, "bool");
        return plainTrue(qs(node.Scalar())) || node.Scalar() == "true";
    }

    // intstr.IntOrString: a number or a string, kept as written.
    QString intOrString(const YAML::Node &node)
    {
        const JsonKind kind = jsonKind(node);
        if (kind == JsonKind::Null)
            return {};
        if (kind == JsonKind::String)
            return qs(node.Scalar());
        if (kind == JsonKind::Number) {
            double v = 0;
            if (numberValue(qs(node.Scalar()), &v) && v == std::floor(v)
                && std::abs(v) <= 2147483647.0)
                return QString::number(qint64(v));
            fail(node, QStringLiteral("json: cannot unmarshal number %1 into Go value of type int32")
                           .arg(qs(node.Scalar())));
        }
        fail(node, QStringLiteral("json: cannot unmarshal %1 into Go value of type int32")
                       .arg(jsonKindName(kind)));
    }

    QStringList strings(const YAML::Node &node, const QString &path, const char *goStruct)
    {
        QStringList result;
        items(node, path, goStruct, "[]string", [&](const YAML::Node &item, const QString &) {
            const JsonKind kind = jsonKind(item);
            if (kind != JsonKind::String && kind != JsonKind::Null)
                typeError(item, path, goStruct, "string");
            result << qs(item.Scalar());
        });
        return result;
    }

    QMap<QString, QString> stringMap(const YAML::Node &node, const QString &path,
                                     const char *goStruct)
    {
        QMap<QString, QString> result;
        fields(node, path, goStruct, "map[string]string",
               [&](const QString &key, const YAML::Node &value, const QString &) {
                   const JsonKind kind = jsonKind(value);
                   if (kind != JsonKind::String && kind != JsonKind::Null)
                       typeError(value, path, goStruct, "string");
                   result.insert(key, kind == JsonKind::Null ? QString() : qs(value.Scalar()));
               });
        return result;
    }

    Quantity quantity(const YAML::Node &node, bool milli)
    {
        const JsonKind kind = jsonKind(node);
        Quantity q;
        if (kind == JsonKind::Null)
            return q;
        if (kind != JsonKind::String && kind != JsonKind::Number)
            fail(node, QStringLiteral("quantities must match the regular expression '%1'")
                           .arg(kQuantityPattern));
        q.text = qs(node.Scalar());
        if (!parseQuantity(q.text, milli, &q.value))
            fail(node, QStringLiteral("quantities must match the regular expression '%1'")
                           .arg(kQuantityPattern));
        return q;
    }

    QMap<QString, Quantity> quantities(const YAML::Node &node, const QString &path,
                                       const char *goStruct)
    {
        QMap<QString, Quantity> result;
        fields(node, path, goStruct, "v1.ResourceList",
               [&](const QString &key, const YAML::Node &value, const QString &) {
                   result.insert(key, quantity(value, key == QLatin1String("cpu")));
               });
        return result;
    }

    // --- object pieces -------------------------------------------------------------------

    void objectMeta(const YAML::Node &node, const QString &path, ObjectMeta &meta)
    {
        fields(node, path, "ObjectMeta", "v1.ObjectMeta",
               [&](const QString &key, const YAML::Node &v, const QString &p) {
                   if (key == QLatin1String("name"))
                       meta.name = str(v, p, "ObjectMeta");
                   else if (key == QLatin1String("namespace"))
                       meta.namespaceName = str(v, p, "ObjectMeta");
                   else if (key == QLatin1String("labels"))
                       meta.labels = stringMap(v, p, "ObjectMeta");
                   else if (key == QLatin1String("annotations"))
                       meta.annotations = stringMap(v, p, "ObjectMeta");
               });
    }

    LabelSelector labelSelector(const YAML::Node &node, const QString &path)
    {
        LabelSelector selector;
        fields(node, path, "LabelSelector", "v1.LabelSelector",
               [&](const QString &key, const YAML::Node &v, const QString &p) {
                   if (key == QLatin1String("matchLabels")) {
                       selector.matchLabels = stringMap(v, p, "LabelSelector");
                   } else if (key == QLatin1String("matchExpressions")) {
                       items(v, p, "LabelSelector", "[]v1.LabelSelectorRequirement",
                             [&](const YAML::Node &item, const QString &ip) {
                                 LabelSelectorRequirement req;
                                 fields(item, ip, "LabelSelectorRequirement",
                                        "v1.LabelSelectorRequirement",
                                        [&](const QString &k, const YAML::Node &iv,
                                            const QString &fp) {
                                            if (k == QLatin1String("key"))
                                                req.key = str(iv, fp, "LabelSelectorRequirement");
                                            else if (k == QLatin1String("operator"))
                                                req.op = str(iv, fp, "LabelSelectorRequirement");
                                            else if (k == QLatin1String("values"))
                                                req.values =
                                                    strings(iv, fp, "LabelSelectorRequirement");
                                        });
                                 selector.matchExpressions << req;
                             });
                   }
               });
        return selector;
    }

    Probe probe(const YAML::Node &node, const QString &path)
    {
        Probe probe;
        fields(node, path, "Probe", "v1.Probe",
               [&](const QString &key, const YAML::Node &v, const QString &p) {
                   if (key == QLatin1String("initialDelaySeconds"))
                       probe.initialDelaySeconds = int(integer(v, p, "Probe"));
                   else if (key == QLatin1String("periodSeconds"))
                       probe.periodSeconds = int(integer(v, p, "Probe"));
                   else if (key == QLatin1String("timeoutSeconds"))
                       probe.timeoutSeconds = int(integer(v, p, "Probe"));
                   else if (key == QLatin1String("successThreshold"))
                       probe.successThreshold = int(integer(v, p, "Probe"));
                   else if (key == QLatin1String("failureThreshold"))
                       probe.failureThreshold = int(integer(v, p, "Probe"));
                   else if (key == QLatin1String("httpGet"))
                       httpGet(v, p, probe);
                   else if (key == QLatin1String("tcpSocket") || key == QLatin1String("grpc")) {
                       QString port;
                       fields(v, p, "Probe", "v1.TCPSocketAction",
                              [&](const QString &k, const YAML::Node &pv, const QString &) {
                                  if (k == QLatin1String("port"))
                                      port = intOrString(pv);
                              });
                       probe.handler = key;
                       probe.detail = key == QLatin1String("grpc")
                           ? QStringLiteral("grpc <pod>:%1 ").arg(port)
                           : QStringLiteral("tcp-socket :%1").arg(port);
                   } else if (key == QLatin1String("exec")) {
                       QStringList command;
                       fields(v, p, "Probe", "v1.ExecAction",
                              [&](const QString &k, const YAML::Node &cv, const QString &cp) {
                                  if (k == QLatin1String("command"))
                                      command = strings(cv, cp, "ExecAction");
                              });
                       probe.handler = key;
                       probe.detail = QStringLiteral("exec [%1]").arg(command.join(QLatin1Char(' ')));
                   }
               });
        return probe;
    }

    void httpGet(const YAML::Node &node, const QString &path, Probe &probe)
    {
        QString httpPath, port, host, scheme = QStringLiteral("HTTP");
        fields(node, path, "HTTPGetAction", "v1.HTTPGetAction",
               [&](const QString &key, const YAML::Node &v, const QString &p) {
                   if (key == QLatin1String("path"))
                       httpPath = str(v, p, "HTTPGetAction");
                   else if (key == QLatin1String("port"))
                       port = intOrString(v);
                   else if (key == QLatin1String("host"))
                       host = str(v, p, "HTTPGetAction");
                   else if (key == QLatin1String("scheme"))
                       scheme = str(v, p, "HTTPGetAction");
               });
        probe.handler = QStringLiteral("httpGet");
        // As kubectl describe prints it: "http-get http://:80/healthz".
        probe.detail = QStringLiteral("http-get %1://%2:%3%4")
                           .arg(scheme.toLower(), host, port, httpPath);
    }

    Container container(const YAML::Node &node, const QString &path)
    {
        Container c;
        fields(node, path, "Container", "v1.Container",
               [&](const QString &key, const YAML::Node &v, const QString &p) {
                   if (key == QLatin1String("name"))
                       c.name = str(v, p, "Container");
                   else if (key == QLatin1String("image"))
                       c.image = str(v, p, "Container");
                   else if (key == QLatin1String("imagePullPolicy"))
                       c.imagePullPolicy = str(v, p, "Container");
                   else if (key == QLatin1String("command"))
                       c.command = strings(v, p, "Container");
                   else if (key == QLatin1String("args"))
                       c.args = strings(v, p, "Container");
                   else if (key == QLatin1String("ports"))
                       items(v, p, "Container", "[]v1.ContainerPort",
                             [&](const YAML::Node &item, const QString &ip) {
                                 ContainerPort port;
                                 port.protocol.clear(); // defaulted by admission
                                 fields(item, ip, "ContainerPort", "v1.ContainerPort",
                                        [&](const QString &k, const YAML::Node &pv,
                                            const QString &pp) {
                                            if (k == QLatin1String("name"))
                                                port.name = str(pv, pp, "ContainerPort");
                                            else if (k == QLatin1String("containerPort"))
                                                port.containerPort =
                                                    int(integer(pv, pp, "ContainerPort"));
                                            else if (k == QLatin1String("protocol"))
                                                port.protocol = str(pv, pp, "ContainerPort");
                                        });
                                 c.ports << port;
                             });
                   else if (key == QLatin1String("volumeMounts"))
                       items(v, p, "Container", "[]v1.VolumeMount",
                             [&](const YAML::Node &item, const QString &ip) {
                                 VolumeMount mount;
                                 fields(item, ip, "VolumeMount", "v1.VolumeMount",
                                        [&](const QString &k, const YAML::Node &mv,
                                            const QString &mp) {
                                            if (k == QLatin1String("name"))
                                                mount.name = str(mv, mp, "VolumeMount");
                                            else if (k == QLatin1String("mountPath"))
                                                mount.mountPath = str(mv, mp, "VolumeMount");
                                            else if (k == QLatin1String("readOnly"))
                                                mount.readOnly = boolean(mv, mp, "VolumeMount");
                                        });
                                 c.volumeMounts << mount;
                             });
                   else if (key == QLatin1String("resources"))
                       fields(v, p, "Container", "v1.ResourceRequirements",
                              [&](const QString &k, const YAML::Node &rv, const QString &rp) {
                                  if (k == QLatin1String("requests"))
                                      c.resources.requests =
                                          quantities(rv, rp, "ResourceRequirements");
                                  else if (k == QLatin1String("limits"))
                                      c.resources.limits =
                                          quantities(rv, rp, "ResourceRequirements");
                              });
                   else if (key == QLatin1String("readinessProbe"))
                       c.readinessProbe = probe(v, p);
                   else if (key == QLatin1String("livenessProbe"))
                       c.livenessProbe = probe(v, p);
                   else if (key == QLatin1String("startupProbe"))
                       c.startupProbe = probe(v, p);
               });
        return c;
    }

    QList<NodeSelectorRequirement> nodeSelectorRequirements(const YAML::Node &node,
                                                             const QString &path)
    {
        QList<NodeSelectorRequirement> result;
        items(node, path, "NodeSelectorTerm", "[]v1.NodeSelectorRequirement",
              [&](const YAML::Node &item, const QString &ip) {
                  NodeSelectorRequirement req;
                  fields(item, ip, "NodeSelectorRequirement", "v1.NodeSelectorRequirement",
                         [&](const QString &k, const YAML::Node &v, const QString &p) {
                             if (k == QLatin1String("key"))
                                 req.key = str(v, p, "NodeSelectorRequirement");
                             else if (k == QLatin1String("operator"))
                                 req.op = str(v, p, "NodeSelectorRequirement");
                             else if (k == QLatin1String("values"))
                                 req.values = strings(v, p, "NodeSelectorRequirement");
                         });
                  result << req;
              });
        return result;
    }

    PodAffinityTerm podAffinityTerm(const YAML::Node &node, const QString &path)
    {
        PodAffinityTerm term;
        fields(node, path, "PodAffinityTerm", "v1.PodAffinityTerm",
               [&](const QString &k, const YAML::Node &v, const QString &p) {
                   if (k == QLatin1String("labelSelector"))
                       term.labelSelector = labelSelector(v, p);
                   else if (k == QLatin1String("namespaces"))
                       term.namespaces = strings(v, p, "PodAffinityTerm");
                   else if (k == QLatin1String("topologyKey"))
                       term.topologyKey = str(v, p, "PodAffinityTerm");
               });
        return term;
    }

    void podAffinity(const YAML::Node &node, const QString &path, QList<PodAffinityTerm> &required,
                     QList<WeightedPodAffinityTerm> &preferred)
    {
        fields(node, path, "Affinity", "v1.PodAffinity",
               [&](const QString &k, const YAML::Node &v, const QString &p) {
                   if (k == QLatin1String("requiredDuringSchedulingIgnoredDuringExecution")) {
                       items(v, p, "PodAffinity", "[]v1.PodAffinityTerm",
                             [&](const YAML::Node &item, const QString &ip) {
                                 required << podAffinityTerm(item, ip);
                             });
                   } else if (k == QLatin1String("preferredDuringSchedulingIgnoredDuringExecution")) {
                       items(v, p, "PodAffinity", "[]v1.WeightedPodAffinityTerm",
                             [&](const YAML::Node &item, const QString &ip) {
                                 WeightedPodAffinityTerm weighted;
                                 fields(item, ip, "WeightedPodAffinityTerm",
                                        "v1.WeightedPodAffinityTerm",
                                        [&](const QString &wk, const YAML::Node &wv,
                                            const QString &wp) {
                                            if (wk == QLatin1String("weight"))
                                                weighted.weight = int(
                                                    integer(wv, wp, "WeightedPodAffinityTerm"));
                                            else if (wk == QLatin1String("podAffinityTerm"))
                                                weighted.term = podAffinityTerm(wv, wp);
                                        });
                                 preferred << weighted;
                             });
                   }
               });
    }

    Affinity affinity(const YAML::Node &node, const QString &path)
    {
        Affinity a;
        fields(node, path, "PodSpec", "v1.Affinity",
               [&](const QString &k, const YAML::Node &v, const QString &p) {
                   if (k == QLatin1String("nodeAffinity")) {
                       fields(v, p, "Affinity", "v1.NodeAffinity",
                              [&](const QString &nk, const YAML::Node &nv, const QString &np) {
                                  if (nk != QLatin1String(
                                          "requiredDuringSchedulingIgnoredDuringExecution"))
                                      return; // preferred node affinity is not modelled
                                  fields(nv, np, "NodeAffinity", "v1.NodeSelector",
                                         [&](const QString &sk, const YAML::Node &sv,
                                             const QString &sp) {
                                             if (sk != QLatin1String("nodeSelectorTerms"))
                                                 return;
                                             items(sv, sp, "NodeSelector", "[]v1.NodeSelectorTerm",
                                                   [&](const YAML::Node &term, const QString &tp) {
                                                       QList<NodeSelectorRequirement> reqs;
                                                       fields(term, tp, "NodeSelectorTerm",
                                                              "v1.NodeSelectorTerm",
                                                              [&](const QString &tk,
                                                                  const YAML::Node &tv,
                                                                  const QString &tvp) {
                                                                  if (tk == QLatin1String(
                                                                          "matchExpressions"))
                                                                      reqs =
                                                                          nodeSelectorRequirements(
                                                                              tv, tvp);
                                                              });
                                                       a.nodeRequired << reqs;
                                                   });
                                         });
                              });
                   } else if (k == QLatin1String("podAffinity")) {
                       podAffinity(v, p, a.podAffinityRequired, a.podAffinityPreferred);
                   } else if (k == QLatin1String("podAntiAffinity")) {
                       podAffinity(v, p, a.podAntiAffinityRequired, a.podAntiAffinityPreferred);
                   }
               });
        return a;
    }

    Volume volume(const YAML::Node &node, const QString &path)
    {
        Volume vol;
        vol.kind.clear();
        fields(node, path, "Volume", "v1.Volume",
               [&](const QString &k, const YAML::Node &v, const QString &p) {
                   if (k == QLatin1String("name")) {
                       vol.name = str(v, p, "Volume");
                       return;
                   }
                   vol.kind = k;
                   if (k == QLatin1String("persistentVolumeClaim"))
                       fields(v, p, "Volume", "v1.PersistentVolumeClaimVolumeSource",
                              [&](const QString &ck, const YAML::Node &cv, const QString &cp) {
                                  if (ck == QLatin1String("claimName"))
                                      vol.claimName =
                                          str(cv, cp, "PersistentVolumeClaimVolumeSource");
                              });
               });
        if (vol.kind.isEmpty())
            vol.kind = QStringLiteral("emptyDir"); // the API's default volume source
        return vol;
    }

    void podSpec(const YAML::Node &node, const QString &path, PodSpec &spec)
    {
        spec.restartPolicy.clear(); // defaulted by admission
        spec.dnsPolicy.clear();
        fields(node, path, "PodSpec", "v1.PodSpec",
               [&](const QString &k, const YAML::Node &v, const QString &p) {
                   if (k == QLatin1String("containers") || k == QLatin1String("initContainers")) {
                       QList<Container> &list =
                           k == QLatin1String("containers") ? spec.containers : spec.initContainers;
                       items(v, p, "PodSpec", "[]v1.Container",
                             [&](const YAML::Node &item, const QString &ip) {
                                 list << container(item, ip);
                             });
                   } else if (k == QLatin1String("volumes")) {
                       items(v, p, "PodSpec", "[]v1.Volume",
                             [&](const YAML::Node &item, const QString &ip) {
                                 spec.volumes << volume(item, ip);
                             });
                   } else if (k == QLatin1String("nodeName")) {
                       spec.nodeName = str(v, p, "PodSpec");
                   } else if (k == QLatin1String("nodeSelector")) {
                       spec.nodeSelector = stringMap(v, p, "PodSpec");
                   } else if (k == QLatin1String("tolerations")) {
                       items(v, p, "PodSpec", "[]v1.Toleration",
                             [&](const YAML::Node &item, const QString &ip) {
                                 Toleration t;
                                 t.op.clear();
                                 fields(item, ip, "Toleration", "v1.Toleration",
                                        [&](const QString &tk, const YAML::Node &tv,
                                            const QString &tp) {
                                            if (tk == QLatin1String("key"))
                                                t.key = str(tv, tp, "Toleration");
                                            else if (tk == QLatin1String("operator"))
                                                t.op = str(tv, tp, "Toleration");
                                            else if (tk == QLatin1String("value"))
                                                t.value = str(tv, tp, "Toleration");
                                            else if (tk == QLatin1String("effect"))
                                                t.effect = str(tv, tp, "Toleration");
                                            else if (tk == QLatin1String("tolerationSeconds")
                                                     && jsonKind(tv) != JsonKind::Null)
                                                t.tolerationSeconds =
                                                    integer(tv, tp, "Toleration", "int64");
                                        });
                                 if (t.op.isEmpty())
                                     t.op = QStringLiteral("Equal"); // the API's default
                                 spec.tolerations << t;
                             });
                   } else if (k == QLatin1String("affinity")) {
                       spec.affinity = affinity(v, p);
                   } else if (k == QLatin1String("hostname")) {
                       spec.hostname = str(v, p, "PodSpec");
                   } else if (k == QLatin1String("subdomain")) {
                       spec.subdomain = str(v, p, "PodSpec");
                   } else if (k == QLatin1String("restartPolicy")) {
                       spec.restartPolicy = str(v, p, "PodSpec");
                   } else if (k == QLatin1String("dnsPolicy")) {
                       spec.dnsPolicy = str(v, p, "PodSpec");
                   } else if (k == QLatin1String("schedulerName")) {
                       spec.schedulerName = str(v, p, "PodSpec");
                   } else if (k == QLatin1String("terminationGracePeriodSeconds")) {
                       if (jsonKind(v) != JsonKind::Null)
                           spec.terminationGracePeriodSeconds = integer(v, p, "PodSpec", "int64");
                   } else if (k == QLatin1String("activeDeadlineSeconds")) {
                       if (jsonKind(v) != JsonKind::Null)
                           spec.activeDeadlineSeconds = integer(v, p, "PodSpec", "int64");
                   } else if (k == QLatin1String("hostNetwork")) {
                       spec.hostNetwork = boolean(v, p, "PodSpec");
                   }
               });
    }

    void podTemplate(const YAML::Node &node, const QString &path, PodTemplateSpec &tpl)
    {
        bool sawSpec = false;
        fields(node, path, "StatefulSetSpec", "v1.PodTemplateSpec",
               [&](const QString &k, const YAML::Node &v, const QString &p) {
                   if (k == QLatin1String("metadata")) {
                       objectMeta(v, p, tpl.metadata);
                   } else if (k == QLatin1String("spec")) {
                       podSpec(v, p, tpl.spec);
                       sawSpec = true;
                   }
               });
        if (!sawSpec) {
            tpl.spec.restartPolicy.clear();
            tpl.spec.dnsPolicy.clear();
        }
    }

    void pvcSpec(const YAML::Node &node, const QString &path, PersistentVolumeClaimSpec &spec)
    {
        fields(node, path, "PersistentVolumeClaim", "v1.PersistentVolumeClaimSpec",
               [&](const QString &k, const YAML::Node &v, const QString &p) {
                   if (k == QLatin1String("accessModes")) {
                       spec.accessModes = strings(v, p, "PersistentVolumeClaimSpec");
                   } else if (k == QLatin1String("storageClassName")) {
                       spec.storageClassName = str(v, p, "PersistentVolumeClaimSpec");
                   } else if (k == QLatin1String("volumeName")) {
                       spec.volumeName = str(v, p, "PersistentVolumeClaimSpec");
                   } else if (k == QLatin1String("resources")) {
                       fields(v, p, "PersistentVolumeClaimSpec", "v1.VolumeResourceRequirements",
                              [&](const QString &rk, const YAML::Node &rv, const QString &rp) {
                                  if (rk == QLatin1String("requests"))
                                      spec.storage = quantities(rv, rp, "VolumeResourceRequirements")
                                                         .value(QStringLiteral("storage"));
                              });
                   }
               });
    }

    PersistentVolumeClaim pvc(const YAML::Node &node, const QString &path)
    {
        PersistentVolumeClaim claim;
        fields(node, path, "PersistentVolumeClaim", "v1.PersistentVolumeClaim",
               [&](const QString &k, const YAML::Node &v, const QString &p) {
                   if (k == QLatin1String("metadata"))
                       objectMeta(v, p, claim.metadata);
                   else if (k == QLatin1String("spec"))
                       pvcSpec(v, p, claim.spec);
               });
        return claim;
    }

    void statefulSetSpec(const YAML::Node &node, const QString &path, StatefulSetSpec &spec)
    {
        // Kept empty when absent so that admission can tell a defaulted type from a written one
        // (only a defaulted type gets a rollingUpdate block, statefulset.md §1.1).
        spec.updateStrategy.type.clear();
        spec.podManagementPolicy.clear();
        spec.podTemplate.spec.restartPolicy.clear();
        spec.podTemplate.spec.dnsPolicy.clear();
        const char *s = "StatefulSetSpec";
        fields(node, path, s, "v1.StatefulSetSpec",
               [&](const QString &k, const YAML::Node &v, const QString &p) {
                   if (k == QLatin1String("replicas")) {
                       if (jsonKind(v) != JsonKind::Null)
                           spec.replicas = int(integer(v, p, s));
                   } else if (k == QLatin1String("selector")) {
                       spec.hasSelector = jsonKind(v) != JsonKind::Null;
                       spec.selector = labelSelector(v, p);
                   } else if (k == QLatin1String("template")) {
                       podTemplate(v, p, spec.podTemplate);
                   } else if (k == QLatin1String("serviceName")) {
                       spec.serviceName = str(v, p, s);
                   } else if (k == QLatin1String("podManagementPolicy")) {
                       spec.podManagementPolicy = str(v, p, s);
                   } else if (k == QLatin1String("updateStrategy")) {
                       fields(v, p, s, "v1.StatefulSetUpdateStrategy",
                              [&](const QString &uk, const YAML::Node &uv, const QString &up) {
                                  if (uk == QLatin1String("type")) {
                                      spec.updateStrategy.type =
                                          str(uv, up, "StatefulSetUpdateStrategy");
                                  } else if (uk == QLatin1String("rollingUpdate")
                                             && jsonKind(uv) != JsonKind::Null) {
                                      RollingUpdateStrategy ru;
                                      fields(uv, up, "StatefulSetUpdateStrategy",
                                             "v1.RollingUpdateStatefulSetStrategy",
                                             [&](const QString &rk, const YAML::Node &rv,
                                                 const QString &rp) {
                                                 if (rk == QLatin1String("partition"))
                                                     ru.partition = int(integer(
                                                         rv, rp, "RollingUpdateStatefulSetStrategy"));
                                                 else if (rk == QLatin1String("maxUnavailable"))
                                                     ru.maxUnavailable = intOrString(rv);
                                             });
                                      spec.updateStrategy.rollingUpdate = ru;
                                  }
                              });
                   } else if (k == QLatin1String("revisionHistoryLimit")) {
                       if (jsonKind(v) != JsonKind::Null)
                           spec.revisionHistoryLimit = int(integer(v, p, s));
                   } else if (k == QLatin1String("minReadySeconds")) {
                       spec.minReadySeconds = int(integer(v, p, s));
                   } else if (k == QLatin1String("ordinals")) {
                       if (jsonKind(v) == JsonKind::Null)
                           return;
                       spec.ordinalsStart = 0;
                       fields(v, p, s, "v1.StatefulSetOrdinals",
                              [&](const QString &ok, const YAML::Node &ov, const QString &op) {
                                  if (ok == QLatin1String("start"))
                                      spec.ordinalsStart =
                                          int(integer(ov, op, "StatefulSetOrdinals"));
                              });
                   } else if (k == QLatin1String("volumeClaimTemplates")) {
                       items(v, p, s, "[]v1.PersistentVolumeClaim",
                             [&](const YAML::Node &item, const QString &ip) {
                                 spec.volumeClaimTemplates << pvc(item, ip);
                             });
                   } else if (k == QLatin1String("persistentVolumeClaimRetentionPolicy")) {
                       fields(v, p, s, "v1.StatefulSetPersistentVolumeClaimRetentionPolicy",
                              [&](const QString &pk, const YAML::Node &pv, const QString &pp) {
                                  const char *ps = "StatefulSetPersistentVolumeClaimRetentionPolicy";
                                  const QString value = str(pv, pp, ps);
                                  // An empty policy is defaulted to Retain, as upstream.
                                  if (pk == QLatin1String("whenDeleted"))
                                      spec.whenDeleted =
                                          value.isEmpty() ? QStringLiteral("Retain") : value;
                                  else if (pk == QLatin1String("whenScaled"))
                                      spec.whenScaled =
                                          value.isEmpty() ? QStringLiteral("Retain") : value;
                              });
                   }
               });
    }

    void serviceSpec(const YAML::Node &node, const QString &path, ServiceSpec &spec)
    {
        const char *s = "ServiceSpec";
        spec.type.clear();
        QStringList clusterIPs;
        bool sawClusterIP = false;
        fields(node, path, s, "v1.ServiceSpec",
               [&](const QString &k, const YAML::Node &v, const QString &p) {
                   if (k == QLatin1String("type")) {
                       spec.type = str(v, p, s);
                   } else if (k == QLatin1String("clusterIP")) {
                       spec.clusterIP = str(v, p, s);
                       sawClusterIP = true;
                   } else if (k == QLatin1String("clusterIPs")) {
                       clusterIPs = strings(v, p, s);
                   } else if (k == QLatin1String("selector")) {
                       spec.selector = stringMap(v, p, s);
                   } else if (k == QLatin1String("publishNotReadyAddresses")) {
                       spec.publishNotReadyAddresses = boolean(v, p, s);
                   } else if (k == QLatin1String("externalName")) {
                       spec.externalName = str(v, p, s);
                   } else if (k == QLatin1String("ports")) {
                       items(v, p, s, "[]v1.ServicePort",
                             [&](const YAML::Node &item, const QString &ip) {
                                 ServicePort port;
                                 port.protocol.clear();
                                 fields(item, ip, "ServicePort", "v1.ServicePort",
                                        [&](const QString &pk, const YAML::Node &pv,
                                            const QString &pp) {
                                            if (pk == QLatin1String("name"))
                                                port.name = str(pv, pp, "ServicePort");
                                            else if (pk == QLatin1String("protocol"))
                                                port.protocol = str(pv, pp, "ServicePort");
                                            else if (pk == QLatin1String("port"))
                                                port.port = int(integer(pv, pp, "ServicePort"));
                                            else if (pk == QLatin1String("targetPort"))
                                                port.targetPort = intOrString(pv);
                                            else if (pk == QLatin1String("nodePort"))
                                                port.nodePort =
                                                    int(integer(pv, pp, "ServicePort"));
                                        });
                                 spec.ports << port;
                             });
                   }
               });
        if (!sawClusterIP && !clusterIPs.isEmpty()) {
            spec.clusterIP = clusterIPs.first();
            if (m_meta && m_meta->fieldSources.contains(path + QStringLiteral(".clusterIPs[0]")))
                m_meta->fieldSources.insert(path + QStringLiteral(".clusterIP"),
                                            m_meta->fieldSources.value(path
                                                                       + QStringLiteral(
                                                                           ".clusterIPs[0]")));
        }
    }

    void nodeFields(const YAML::Node &node, Node &out)
    {
        fields(node, QString(), "Node", "v1.Node",
               [&](const QString &k, const YAML::Node &v, const QString &p) {
                   if (k == QLatin1String("spec")) {
                       fields(v, p, "Node", "v1.NodeSpec",
                              [&](const QString &sk, const YAML::Node &sv, const QString &sp) {
                                  if (sk == QLatin1String("podCIDR"))
                                      out.podCIDR = str(sv, sp, "NodeSpec");
                                  else if (sk == QLatin1String("unschedulable"))
                                      out.unschedulable = boolean(sv, sp, "NodeSpec");
                                  else if (sk == QLatin1String("taints"))
                                      items(sv, sp, "NodeSpec", "[]v1.Taint",
                                            [&](const YAML::Node &item, const QString &ip) {
                                                Taint t;
                                                fields(item, ip, "Taint", "v1.Taint",
                                                       [&](const QString &tk, const YAML::Node &tv,
                                                           const QString &tp) {
                                                           if (tk == QLatin1String("key"))
                                                               t.key = str(tv, tp, "Taint");
                                                           else if (tk == QLatin1String("value"))
                                                               t.value = str(tv, tp, "Taint");
                                                           else if (tk == QLatin1String("effect"))
                                                               t.effect = str(tv, tp, "Taint");
                                                       });
                                                out.taints << t;
                                            });
                              });
                   } else if (k == QLatin1String("status")) {
                       fields(v, p, "Node", "v1.NodeStatus",
                              [&](const QString &sk, const YAML::Node &sv, const QString &sp) {
                                  if (sk == QLatin1String("capacity"))
                                      out.capacity = quantities(sv, sp, "NodeStatus");
                                  else if (sk == QLatin1String("allocatable"))
                                      out.allocatable = quantities(sv, sp, "NodeStatus");
                              });
                   }
               });
    }

private:
    QString m_file;
    QString m_kind;
    ObjectMeta *m_meta;
};

struct KindInfo
{
    ObjectKind kind;
    const char *apiVersion;
};

const QMap<QString, KindInfo> &knownKinds()
{
    static const QMap<QString, KindInfo> kinds = {
        {QStringLiteral("Service"), {ObjectKind::Service, "v1"}},
        {QStringLiteral("StatefulSet"), {ObjectKind::StatefulSet, "apps/v1"}},
        {QStringLiteral("Pod"), {ObjectKind::Pod, "v1"}},
        {QStringLiteral("Node"), {ObjectKind::Node, "v1"}},
        {QStringLiteral("Namespace"), {ObjectKind::Namespace, "v1"}},
        {QStringLiteral("PersistentVolumeClaim"), {ObjectKind::PersistentVolumeClaim, "v1"}},
    };
    return kinds;
}

QString suffix(const SourcePos &pos)
{
    return pos.isValid() ? QStringLiteral(" (%1)").arg(pos.toString()) : QString();
}

// Decodes one object (a document or a List item) into result; throws DecodeFailure.
void decodeObject(const YAML::Node &node, const QString &file, LoadResult &result)
{
    Decoder probe(file, QString(), nullptr);
    const SourcePos objectPos = probe.pos(node);
    if (jsonKind(node) != JsonKind::Object) {
        throw DecodeFailure{objectPos,
                            ManifestLoader::tr("error: unable to decode \"%1\": json: cannot "
                                               "unmarshal %2 into Go value of type "
                                               "map[string]interface {}")
                                    .arg(file, jsonKindName(jsonKind(node)))
                                + suffix(objectPos)};
    }
    const auto scalarOf = [&](const char *key) {
        const YAML::Node value = node[key];
        return value.IsDefined() && value.IsScalar() ? qs(value.Scalar()) : QString();
    };
    const QString apiVersion = scalarOf("apiVersion");
    const QString kind = scalarOf("kind");
    QStringList missing;
    if (apiVersion.isEmpty())
        missing << QStringLiteral("apiVersion not set");
    if (kind.isEmpty())
        missing << QStringLiteral("kind not set");
    if (!missing.isEmpty()) {
        const QString data = missing.size() == 1
            ? missing.first()
            : QLatin1Char('[') + missing.join(QStringLiteral(", ")) + QLatin1Char(']');
        throw DecodeFailure{objectPos,
                            ManifestLoader::tr("error: error validating \"%1\": error validating "
                                               "data: %2; if you choose to ignore these errors, "
                                               "turn validation off with --validate=false")
                                    .arg(file, data)
                                + suffix(objectPos)};
    }

    // kind: List (or FooList) with items, as kubectl flattens it.
    if (kind.endsWith(QLatin1String("List")) && node["items"].IsDefined()) {
        const YAML::Node list = node["items"];
        if (jsonKind(list) == JsonKind::Null)
            return;
        if (!list.IsSequence())
            probe.fail(list, QStringLiteral("json: cannot unmarshal %1 into Go struct field "
                                            "List.items of type []runtime.RawExtension")
                                 .arg(jsonKindName(jsonKind(list))));
        for (const YAML::Node &item : list)
            decodeObject(item, file, result);
        return;
    }

    const auto known = knownKinds().constFind(kind);
    if (known == knownKinds().cend() || apiVersion != QLatin1String(known->apiVersion)) {
        QString name, ns;
        const YAML::Node meta = node["metadata"];
        if (meta.IsDefined() && meta.IsMap()) {
            if (meta["name"].IsDefined() && meta["name"].IsScalar())
                name = qs(meta["name"].Scalar());
            if (meta["namespace"].IsDefined() && meta["namespace"].IsScalar())
                ns = qs(meta["namespace"].Scalar());
        }
        result.warnings << ManifestLoader::tr("resource mapping not found for name: \"%1\" "
                                              "namespace: \"%2\" from \"%3\": no matches for kind "
                                              "\"%4\" in version \"%5\"")
                                   .arg(name, ns, file, kind, apiVersion)
                + suffix(objectPos);
        return;
    }

    ManifestObject out;
    out.kind = known->kind;
    out.pos = objectPos;
    const auto decodeInto = [&](auto object, auto decodeBody) {
        object.metadata.source = objectPos;
        Decoder d(file, kind, &object.metadata);
        d.fields(node, QString(), "", "",
                 [&](const QString &k, const YAML::Node &v, const QString &p) {
                     if (k == QLatin1String("metadata"))
                         d.objectMeta(v, p, object.metadata);
                     else
                         decodeBody(d, object, k, v, p);
                 });
        return object;
    };

    switch (known->kind) {
    case ObjectKind::StatefulSet: {
        StatefulSet set;
        set.spec.updateStrategy.type.clear();
        set.spec.podManagementPolicy.clear();
        set.spec.podTemplate.spec.restartPolicy.clear();
        set.spec.podTemplate.spec.dnsPolicy.clear();
        out.object = decodeInto(set, [](Decoder &d, StatefulSet &o, const QString &k,
                                        const YAML::Node &v, const QString &p) {
            if (k == QLatin1String("spec"))
                d.statefulSetSpec(v, p, o.spec);
        });
        break;
    }
    case ObjectKind::Service: {
        Service service;
        service.spec.type.clear();
        out.object = decodeInto(service, [](Decoder &d, Service &o, const QString &k,
                                            const YAML::Node &v, const QString &p) {
            if (k == QLatin1String("spec"))
                d.serviceSpec(v, p, o.spec);
        });
        break;
    }
    case ObjectKind::Pod: {
        Pod pod;
        pod.spec.restartPolicy.clear();
        pod.spec.dnsPolicy.clear();
        out.object = decodeInto(pod, [](Decoder &d, Pod &o, const QString &k,
                                        const YAML::Node &v, const QString &p) {
            if (k == QLatin1String("spec"))
                d.podSpec(v, p, o.spec);
        });
        break;
    }
    case ObjectKind::Node: {
        Node n;
        n.metadata.source = objectPos;
        Decoder d(file, kind, &n.metadata);
        d.fields(node, QString(), "", "",
                 [&](const QString &k, const YAML::Node &v, const QString &p) {
                     if (k == QLatin1String("metadata"))
                         d.objectMeta(v, p, n.metadata);
                 });
        d.nodeFields(node, n);
        out.object = n;
        break;
    }
    case ObjectKind::Namespace:
        out.object = decodeInto(Namespace(), [](Decoder &, Namespace &, const QString &,
                                                const YAML::Node &, const QString &) {});
        break;
    case ObjectKind::PersistentVolumeClaim:
        out.object = decodeInto(PersistentVolumeClaim(),
                                [](Decoder &d, PersistentVolumeClaim &o, const QString &k,
                                   const YAML::Node &v, const QString &p) {
                                    if (k == QLatin1String("spec"))
                                        d.pvcSpec(v, p, o.spec);
                                });
        break;
    default:
        return;
    }
    result.objects << out;
}

} // namespace

LoadResult ManifestLoader::loadText(const QByteArray &text, const QString &fileName)
{
    LoadResult result;
    std::vector<YAML::Node> documents;
    try {
        documents = YAML::LoadAll(text.toStdString());
    } catch (const YAML::Exception &e) {
        const SourcePos pos{fileName, e.mark.line + 1, e.mark.column + 1};
        result.errors << ManifestError{
            pos, tr("error: error parsing %1: error converting YAML to JSON: yaml: line %2: %3")
                         .arg(fileName)
                         .arg(pos.line)
                         .arg(goYamlMessage(e.msg))
                + suffix(pos)};
        return result;
    }

    for (const YAML::Node &document : documents) {
        // Empty documents (a stray "---", comments only) are skipped, as kubectl does.
        if (document.IsNull() || !document.IsDefined())
            continue;
        try {
            decodeObject(document, fileName, result);
        } catch (const DecodeFailure &failure) {
            result.errors << ManifestError{failure.pos, failure.message};
        } catch (const YAML::Exception &e) {
            const SourcePos pos{fileName, e.mark.line + 1, e.mark.column + 1};
            result.errors << ManifestError{pos, tr("error: unable to decode \"%1\": %2")
                                                        .arg(fileName, qs(e.msg))
                                                    + suffix(pos)};
        }
    }
    // All or nothing: one bad document and the caller gets no objects to apply.
    if (!result.errors.isEmpty())
        result.objects.clear();
    return result;
}

LoadResult ManifestLoader::loadPath(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        LoadResult result;
        result.errors << ManifestError{SourcePos{path, 0, 0},
                                       tr("error: the path \"%1\" does not exist").arg(path)};
        return result;
    }
    QStringList files;
    if (info.isDir()) {
        const QDir dir(path);
        const QStringList names =
            dir.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml"),
                           QStringLiteral("*.json")},
                          QDir::Files | QDir::Readable, QDir::NoSort);
        // Byte order of the names, as kubectl's filepath.Walk; independent of the locale.
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end());
        for (const QString &name : sorted)
            files << (path.endsWith(QLatin1Char('/')) ? path + name
                                                      : path + QLatin1Char('/') + name);
    } else {
        files << path;
    }

    LoadResult result;
    for (const QString &file : files) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            result.errors << ManifestError{SourcePos{file, 0, 0},
                                           tr("error: open %1: %2").arg(file, f.errorString())};
            continue;
        }
        const LoadResult one = loadText(f.readAll(), file);
        result.objects << one.objects;
        result.errors << one.errors;
        result.warnings << one.warnings;
    }
    if (!result.errors.isEmpty())
        result.objects.clear();
    return result;
}

} // namespace ordinal::core
