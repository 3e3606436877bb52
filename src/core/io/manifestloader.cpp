#include "io/manifestloader.h"

#include "io/yamldocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ordinal::core {

namespace {

using YNode = YamlDocuments::Node;

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

JsonKind jsonKind(const YNode &node)
{
    if (!node.IsDefined() || node.IsNull())
        return JsonKind::Null;
    if (node.IsMap())
        return JsonKind::Object;
    if (node.IsSequence())
        return JsonKind::Array;
    switch (node.tag()) {
    case YamlDocuments::Tag::NonSpecific:
    case YamlDocuments::Tag::Str:
        return JsonKind::String;
    case YamlDocuments::Tag::Number:
        return JsonKind::Number;
    case YamlDocuments::Tag::Bool:
        return JsonKind::Bool;
    default:
        break;
    }
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

// Go's quoteChar: how encoding/json names a character in a syntax error.
QString goQuoteChar(unsigned char c)
{
    if (c == '\'')
        return QStringLiteral("'\\''");
    if (c == '"')
        return QStringLiteral("'\"'");
    switch (c) {
    case '\n':
        return QStringLiteral("'\\n'");
    case '\r':
        return QStringLiteral("'\\r'");
    case '\t':
        return QStringLiteral("'\\t'");
    default:
        break;
    }
    if (c < 0x20 || c == 0x7f)
        return QStringLiteral("'\\x%1'").arg(uint(c), 2, 16, QLatin1Char('0'));
    if (c >= 0x80)
        return QStringLiteral("'\\ufffd'");
    return QStringLiteral("'%1'").arg(QLatin1Char(char(c)));
}

// A syntax check of a stream of JSON values with encoding/json's messages, for input that
// kubectl reads as JSON (its first non-space character is '{'). Returns the byte offset just
// after the offending character (Go's SyntaxError.Offset) and the message, or -1.
qsizetype checkJsonStream(const QByteArray &text, QString *message)
{
    const auto *b = reinterpret_cast<const unsigned char *>(text.constData());
    const qsizetype n = text.size();
    qsizetype i = 0;
    enum class Ctx { Object, Array };
    std::vector<Ctx> stack;
    const auto isSpace
        = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    const auto fail = [&](qsizetype at, const QString &context) {
        *message = QStringLiteral("invalid character %1 %2").arg(goQuoteChar(b[at]), context);
        return at + 1;
    };
    const auto eof = [&] {
        *message = QStringLiteral("unexpected EOF");
        return n;
    };
    const auto skip = [&] {
        while (i < n && isSpace(b[i]))
            ++i;
    };
    // Scans a string starting at b[i] == '"'; returns -1 or the error offset.
    const auto string = [&]() -> qsizetype {
        ++i;
        while (i < n) {
            const unsigned char c = b[i];
            if (c == '"') {
                ++i;
                return -1;
            }
            if (c < 0x20)
                return fail(i, QStringLiteral("in string literal"));
            if (c == '\\') {
                if (++i >= n)
                    return eof();
                const unsigned char e = b[i];
                if (e == 'u') {
                    for (int k = 0; k < 4; ++k) {
                        if (++i >= n)
                            return eof();
                        if (!std::isxdigit(b[i]))
                            return fail(i, QStringLiteral("in \\u hexadecimal character escape"));
                    }
                } else if (!std::strchr("\"\\/bfnrt", e) || e == 0) {
                    return fail(i, QStringLiteral("in string escape code"));
                }
            }
            ++i;
        }
        return eof();
    };
    const auto literal = [&](const char *word) -> qsizetype {
        for (qsizetype k = 0; word[k]; ++k, ++i) {
            if (i >= n)
                return eof();
            if (b[i] != static_cast<unsigned char>(word[k]))
                return fail(i,
                            QStringLiteral("in literal %1 (expecting '%2')")
                                .arg(QLatin1String(word), QString(QLatin1Char(word[k]))));
        }
        return -1;
    };
    const auto number = [&]() -> qsizetype {
        if (b[i] == '-' && ++i >= n)
            return eof();
        if (!std::isdigit(b[i]))
            return fail(i, QStringLiteral("in numeric literal"));
        if (b[i] == '0')
            ++i;
        else
            while (i < n && std::isdigit(b[i]))
                ++i;
        if (i < n && b[i] == '.') {
            if (++i >= n)
                return eof();
            if (!std::isdigit(b[i]))
                return fail(i, QStringLiteral("after decimal point in numeric literal"));
            while (i < n && std::isdigit(b[i]))
                ++i;
        }
        if (i < n && (b[i] == 'e' || b[i] == 'E')) {
            if (++i < n && (b[i] == '+' || b[i] == '-'))
                ++i;
            if (i >= n)
                return eof();
            if (!std::isdigit(b[i]))
                return fail(i, QStringLiteral("in exponent of numeric literal"));
            while (i < n && std::isdigit(b[i]))
                ++i;
        }
        return -1;
    };

    while (true) {
        // A value.
        skip();
        if (i >= n)
            return stack.empty() ? -1 : eof();
        const unsigned char c = b[i];
        qsizetype err = -1;
        if (c == '{') {
            ++i;
            skip();
            if (i >= n)
                return eof();
            if (b[i] == '}') {
                ++i;
            } else {
                if (b[i] != '"')
                    return fail(i, QStringLiteral("looking for beginning of object key string"));
                stack.push_back(Ctx::Object);
                if ((err = string()) >= 0)
                    return err;
                skip();
                if (i >= n)
                    return eof();
                if (b[i] != ':')
                    return fail(i, QStringLiteral("after object key"));
                ++i;
                continue;
            }
        } else if (c == '[') {
            ++i;
            skip();
            if (i >= n)
                return eof();
            if (b[i] == ']') {
                ++i;
            } else {
                stack.push_back(Ctx::Array);
                continue;
            }
        } else if (c == '"') {
            err = string();
        } else if (c == 't') {
            err = literal("true");
        } else if (c == 'f') {
            err = literal("false");
        } else if (c == 'n') {
            err = literal("null");
        } else if (c == '-' || std::isdigit(c)) {
            err = number();
        } else {
            return fail(i, QStringLiteral("looking for beginning of value"));
        }
        if (err >= 0)
            return err;
        // After a value: close containers, or expect the next element.
        while (!stack.empty()) {
            skip();
            if (i >= n)
                return eof();
            const unsigned char d = b[i];
            if (stack.back() == Ctx::Object) {
                if (d == '}') {
                    ++i;
                    stack.pop_back();
                    continue;
                }
                if (d != ',')
                    return fail(i, QStringLiteral("after object key:value pair"));
                ++i;
                skip();
                if (i >= n)
                    return eof();
                if (b[i] != '"')
                    return fail(i, QStringLiteral("looking for beginning of object key string"));
                if ((err = string()) >= 0)
                    return err;
                skip();
                if (i >= n)
                    return eof();
                if (b[i] != ':')
                    return fail(i, QStringLiteral("after object key"));
                ++i;
                break;
            }
            if (d == ']') {
                ++i;
                stack.pop_back();
                continue;
            }
            if (d != ',')
                return fail(i, QStringLiteral("after array element"));
            ++i;
            break;
        }
    }
}

// The JSON field names of the upstream types the decoder walks, for the API server's strict
// field validation (kubectl's default --validate=strict): a field none of them has is an
// "unknown field". Types the decoder does not walk field by field are not checked.
const QSet<QString> *knownFields(const char *goType)
{
    const auto set = [](std::initializer_list<const char *> names) {
        QSet<QString> s;
        for (const char *n : names)
            s.insert(QLatin1String(n));
        return s;
    };
    static const QHash<QByteArray, QSet<QString>> table = {
        { "", set({ "apiVersion", "kind", "metadata", "spec", "status" }) },
        { "v1.ObjectMeta",
          set({ "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion",
                "generation", "creationTimestamp", "deletionTimestamp",
                "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences",
                "finalizers", "managedFields" }) },
        { "v1.StatefulSetSpec",
          set({ "replicas", "selector", "template", "volumeClaimTemplates", "serviceName",
                "podManagementPolicy", "updateStrategy", "revisionHistoryLimit", "minReadySeconds",
                "persistentVolumeClaimRetentionPolicy", "ordinals" }) },
        { "v1.StatefulSetUpdateStrategy", set({ "type", "rollingUpdate" }) },
        { "v1.RollingUpdateStatefulSetStrategy", set({ "partition", "maxUnavailable" }) },
        { "v1.StatefulSetOrdinals", set({ "start" }) },
        { "v1.PodDisruptionBudgetSpec",
          set({ "minAvailable", "selector", "maxUnavailable", "unhealthyPodEvictionPolicy" }) },
        { "v1.StatefulSetPersistentVolumeClaimRetentionPolicy",
          set({ "whenDeleted", "whenScaled" }) },
        { "v1.LabelSelector", set({ "matchLabels", "matchExpressions" }) },
        { "v1.LabelSelectorRequirement", set({ "key", "operator", "values" }) },
        { "v1.PodTemplateSpec", set({ "metadata", "spec" }) },
        { "v1.PodSpec",
          set({ "volumes",
                "initContainers",
                "containers",
                "ephemeralContainers",
                "restartPolicy",
                "terminationGracePeriodSeconds",
                "activeDeadlineSeconds",
                "dnsPolicy",
                "nodeSelector",
                "serviceAccountName",
                "serviceAccount",
                "automountServiceAccountToken",
                "nodeName",
                "hostNetwork",
                "hostPID",
                "hostIPC",
                "shareProcessNamespace",
                "securityContext",
                "imagePullSecrets",
                "hostname",
                "subdomain",
                "affinity",
                "schedulerName",
                "tolerations",
                "hostAliases",
                "priorityClassName",
                "priority",
                "dnsConfig",
                "readinessGates",
                "runtimeClassName",
                "enableServiceLinks",
                "preemptionPolicy",
                "overhead",
                "topologySpreadConstraints",
                "setHostnameAsFQDN",
                "os",
                "hostUsers",
                "schedulingGates",
                "resourceClaims",
                "resources",
                "hostnameOverride" }) },
        { "v1.Container",
          set({ "name",
                "image",
                "command",
                "args",
                "workingDir",
                "ports",
                "envFrom",
                "env",
                "resources",
                "resizePolicy",
                "restartPolicy",
                "restartPolicyRules",
                "volumeMounts",
                "volumeDevices",
                "livenessProbe",
                "readinessProbe",
                "startupProbe",
                "lifecycle",
                "terminationMessagePath",
                "terminationMessagePolicy",
                "imagePullPolicy",
                "securityContext",
                "stdin",
                "stdinOnce",
                "tty" }) },
        { "v1.ContainerPort", set({ "name", "hostPort", "containerPort", "protocol", "hostIP" }) },
        { "v1.VolumeMount",
          set({ "name", "readOnly", "recursiveReadOnly", "mountPath", "subPath", "mountPropagation",
                "subPathExpr" }) },
        { "v1.ResourceRequirements", set({ "limits", "requests", "claims" }) },
        { "v1.Probe",
          set({ "exec", "httpGet", "tcpSocket", "grpc", "initialDelaySeconds", "timeoutSeconds",
                "periodSeconds", "successThreshold", "failureThreshold",
                "terminationGracePeriodSeconds" }) },
        { "v1.Toleration", set({ "key", "operator", "value", "effect", "tolerationSeconds" }) },
        { "v1.PersistentVolumeClaim", set({ "apiVersion", "kind", "metadata", "spec", "status" }) },
        { "v1.PersistentVolumeClaimSpec",
          set({ "accessModes", "selector", "resources", "volumeName", "storageClassName",
                "volumeMode", "dataSource", "dataSourceRef", "volumeAttributesClassName" }) },
        { "v1.ServiceSpec",
          set({ "ports",
                "selector",
                "clusterIP",
                "clusterIPs",
                "type",
                "externalIPs",
                "sessionAffinity",
                "loadBalancerIP",
                "loadBalancerSourceRanges",
                "externalName",
                "externalTrafficPolicy",
                "healthCheckNodePort",
                "publishNotReadyAddresses",
                "sessionAffinityConfig",
                "ipFamilies",
                "ipFamilyPolicy",
                "allocateLoadBalancerNodePorts",
                "loadBalancerClass",
                "internalTrafficPolicy",
                "trafficDistribution" }) },
        { "v1.ServicePort",
          set({ "name", "protocol", "appProtocol", "port", "targetPort", "nodePort" }) },
    };
    const auto it = table.constFind(QByteArray::fromRawData(goType, qstrlen(goType)));
    return it == table.cend() ? nullptr : &it.value();
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

    SourcePos pos(const YNode &node) const
    {
        if (node.line() < 0)
            return {m_file, 0, 0};
        return { m_file, node.line() + 1, node.column() + 1 };
    }

    [[noreturn]] void fail(const YNode &node, const QString &jsonMessage) const
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
    [[noreturn]] void typeError(const YNode &node, const QString &path, const char *goStruct,
                                const char *goType, const QString &what = {}) const
    {
        static const QRegularExpression index(QStringLiteral("\\[[0-9]+\\]"));
        QString goPath = path;
        goPath.remove(index);
        fail(node, QStringLiteral("json: cannot unmarshal %1 into Go struct field %2.%3 of type %4")
                       .arg(what.isEmpty() ? jsonKindName(jsonKind(node)) : what,
                            QLatin1String(goStruct), goPath, QLatin1String(goType)));
    }

    void record(const QString &path, const YNode &node)
    {
        if (m_meta)
            m_meta->fieldSources.insert(path, pos(node));
    }

    // Calls f(key, value, path) for each entry of a mapping; null means "absent".
    template<typename F>
    void fields(const YNode &node, const QString &path, const char *goStruct, const char *goType,
                F f)
    {
        const JsonKind kind = jsonKind(node);
        if (kind == JsonKind::Null)
            return;
        if (kind != JsonKind::Object)
            typeError(node, path, goStruct, goType);
        const QSet<QString> *known = knownFields(goType);
        const std::size_t n = node.size();
        for (std::size_t i = 0; i < n; ++i) {
            const YNode keyNode = node.key(i);
            const QString key = qs(keyNode.Scalar());
            const QString child = path.isEmpty() ? key : path + QLatin1Char('.') + key;
            const YNode value = node.value(i);
            if (known && !known->contains(key)) {
                if (m_unknown.isEmpty())
                    m_unknownPos = pos(keyNode);
                m_unknown << QStringLiteral("unknown field \"%1\"").arg(child);
            }
            record(child, jsonKind(value) == JsonKind::Null ? keyNode : value);
            f(key, value, child);
        }
    }

    // Calls f(item, path[i]) for each item of a sequence.
    template<typename F>
    void items(const YNode &node, const QString &path, const char *goStruct, const char *goType,
               F f)
    {
        const JsonKind kind = jsonKind(node);
        if (kind == JsonKind::Null)
            return;
        if (kind != JsonKind::Array)
            typeError(node, path, goStruct, goType);
        const std::size_t n = node.size();
        for (std::size_t i = 0; i < n; ++i) {
            const QString child = QStringLiteral("%1[%2]").arg(path).arg(i);
            const YNode item = node.item(i);
            record(child, item);
            f(item, child);
        }
    }

    QString str(const YNode &node, const QString &path, const char *goStruct)
    {
        const JsonKind kind = jsonKind(node);
        if (kind == JsonKind::Null)
            return {};
        if (kind != JsonKind::String)
            typeError(node, path, goStruct, "string");
        return qs(node.Scalar());
    }

    qint64 integer(const YNode &node, const QString &path, const char *goStruct,
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

    bool boolean(const YNode &node, const QString &path, const char *goStruct)
    {
        const JsonKind kind = jsonKind(node);
        if (kind == JsonKind::Null)
            return false;
        if (kind != JsonKind::Bool)
            typeError(node, path, goStruct, "bool");
        return plainTrue(qs(node.Scalar())) || node.Scalar() == "true";
    }

    // intstr.IntOrString: a number or a string, kept as written.
    QString intOrString(const YNode &node)
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

    QStringList strings(const YNode &node, const QString &path, const char *goStruct)
    {
        QStringList result;
        items(node, path, goStruct, "[]string", [&](const YNode &item, const QString &) {
            const JsonKind kind = jsonKind(item);
            if (kind != JsonKind::String && kind != JsonKind::Null)
                typeError(item, path, goStruct, "string");
            result << qs(item.Scalar());
        });
        return result;
    }

    QMap<QString, QString> stringMap(const YNode &node, const QString &path, const char *goStruct)
    {
        QMap<QString, QString> result;
        fields(node, path, goStruct, "map[string]string",
               [&](const QString &key, const YNode &value, const QString &) {
                   const JsonKind kind = jsonKind(value);
                   if (kind != JsonKind::String && kind != JsonKind::Null)
                       typeError(value, path, goStruct, "string");
                   result.insert(key, kind == JsonKind::Null ? QString() : qs(value.Scalar()));
               });
        return result;
    }

    Quantity quantity(const YNode &node, bool milli)
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

    QMap<QString, Quantity> quantities(const YNode &node, const QString &path, const char *goStruct)
    {
        QMap<QString, Quantity> result;
        fields(node, path, goStruct, "v1.ResourceList",
               [&](const QString &key, const YNode &value, const QString &) {
                   result.insert(key, quantity(value, key == QLatin1String("cpu")));
               });
        return result;
    }

    // --- object pieces -------------------------------------------------------------------

    void objectMeta(const YNode &node, const QString &path, ObjectMeta &meta)
    {
        fields(node, path, "ObjectMeta", "v1.ObjectMeta",
               [&](const QString &key, const YNode &v, const QString &p) {
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

    LabelSelector labelSelector(const YNode &node, const QString &path)
    {
        LabelSelector selector;
        fields(node, path, "LabelSelector", "v1.LabelSelector",
               [&](const QString &key, const YNode &v, const QString &p) {
                   if (key == QLatin1String("matchLabels")) {
                       selector.matchLabels = stringMap(v, p, "LabelSelector");
                   } else if (key == QLatin1String("matchExpressions")) {
                       items(v, p, "LabelSelector", "[]v1.LabelSelectorRequirement",
                             [&](const YNode &item, const QString &ip) {
                                 LabelSelectorRequirement req;
                                 fields(item, ip, "LabelSelectorRequirement",
                                        "v1.LabelSelectorRequirement",
                                        [&](const QString &k, const YNode &iv, const QString &fp) {
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

    Probe probe(const YNode &node, const QString &path)
    {
        Probe probe;
        fields(node, path, "Probe", "v1.Probe",
               [&](const QString &key, const YNode &v, const QString &p) {
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
                              [&](const QString &k, const YNode &pv, const QString &) {
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
                              [&](const QString &k, const YNode &cv, const QString &cp) {
                                  if (k == QLatin1String("command"))
                                      command = strings(cv, cp, "ExecAction");
                              });
                       probe.handler = key;
                       probe.detail = QStringLiteral("exec [%1]").arg(command.join(QLatin1Char(' ')));
                   }
               });
        return probe;
    }

    void httpGet(const YNode &node, const QString &path, Probe &probe)
    {
        QString httpPath, port, host, scheme = QStringLiteral("HTTP");
        fields(node, path, "HTTPGetAction", "v1.HTTPGetAction",
               [&](const QString &key, const YNode &v, const QString &p) {
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

    // hostPort is not modelled; it is checked as the API server checks it.
    void hostPort(const YNode &node, const QString &path)
    {
        const qint64 port = integer(node, path, "ContainerPort");
        // Only a Pod's own spec: the API server does not validate a StatefulSet's template.
        if (m_kind == QLatin1String("Pod") && port != 0 && (port < 1 || port > 65535))
            invalid(node,
                    QStringLiteral("%1: Invalid value: %2: must be between 1 and 65535, "
                                   "inclusive")
                        .arg(path)
                        .arg(port));
    }

    Container container(const YNode &node, const QString &path)
    {
        Container c;
        fields(node, path, "Container", "v1.Container",
               [&](const QString &key, const YNode &v, const QString &p) {
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
                             [&](const YNode &item, const QString &ip) {
                                 ContainerPort port;
                                 port.protocol.clear(); // defaulted by admission
                                 fields(item, ip, "ContainerPort", "v1.ContainerPort",
                                        [&](const QString &k, const YNode &pv, const QString &pp) {
                                            if (k == QLatin1String("name"))
                                                port.name = str(pv, pp, "ContainerPort");
                                            else if (k == QLatin1String("containerPort"))
                                                port.containerPort =
                                                    int(integer(pv, pp, "ContainerPort"));
                                            else if (k == QLatin1String("protocol"))
                                                port.protocol = str(pv, pp, "ContainerPort");
                                            else if (k == QLatin1String("hostPort"))
                                                hostPort(pv, pp);
                                        });
                                 c.ports << port;
                             });
                   else if (key == QLatin1String("volumeMounts"))
                       items(v, p, "Container", "[]v1.VolumeMount",
                             [&](const YNode &item, const QString &ip) {
                                 VolumeMount mount;
                                 fields(item, ip, "VolumeMount", "v1.VolumeMount",
                                        [&](const QString &k, const YNode &mv, const QString &mp) {
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
                              [&](const QString &k, const YNode &rv, const QString &rp) {
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

    QList<NodeSelectorRequirement> nodeSelectorRequirements(const YNode &node, const QString &path)
    {
        QList<NodeSelectorRequirement> result;
        items(node, path, "NodeSelectorTerm", "[]v1.NodeSelectorRequirement",
              [&](const YNode &item, const QString &ip) {
                  NodeSelectorRequirement req;
                  fields(item, ip, "NodeSelectorRequirement", "v1.NodeSelectorRequirement",
                         [&](const QString &k, const YNode &v, const QString &p) {
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

    PodAffinityTerm podAffinityTerm(const YNode &node, const QString &path)
    {
        PodAffinityTerm term;
        fields(node, path, "PodAffinityTerm", "v1.PodAffinityTerm",
               [&](const QString &k, const YNode &v, const QString &p) {
                   if (k == QLatin1String("labelSelector"))
                       term.labelSelector = labelSelector(v, p);
                   else if (k == QLatin1String("namespaces"))
                       term.namespaces = strings(v, p, "PodAffinityTerm");
                   else if (k == QLatin1String("topologyKey"))
                       term.topologyKey = str(v, p, "PodAffinityTerm");
               });
        return term;
    }

    void podAffinity(const YNode &node, const QString &path, QList<PodAffinityTerm> &required,
                     QList<WeightedPodAffinityTerm> &preferred)
    {
        fields(node, path, "Affinity", "v1.PodAffinity",
               [&](const QString &k, const YNode &v, const QString &p) {
                   if (k == QLatin1String("requiredDuringSchedulingIgnoredDuringExecution")) {
                       items(v, p, "PodAffinity", "[]v1.PodAffinityTerm",
                             [&](const YNode &item, const QString &ip) {
                                 required << podAffinityTerm(item, ip);
                             });
                   } else if (k == QLatin1String("preferredDuringSchedulingIgnoredDuringExecution")) {
                       items(v, p, "PodAffinity", "[]v1.WeightedPodAffinityTerm",
                             [&](const YNode &item, const QString &ip) {
                                 WeightedPodAffinityTerm weighted;
                                 fields(item, ip, "WeightedPodAffinityTerm",
                                        "v1.WeightedPodAffinityTerm",
                                        [&](const QString &wk, const YNode &wv, const QString &wp) {
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

    Affinity affinity(const YNode &node, const QString &path)
    {
        Affinity a;
        fields(node, path, "PodSpec", "v1.Affinity",
               [&](const QString &k, const YNode &v, const QString &p) {
                   if (k == QLatin1String("nodeAffinity")) {
                       fields(v, p, "Affinity", "v1.NodeAffinity",
                              [&](const QString &nk, const YNode &nv, const QString &np) {
                                  if (nk != QLatin1String(
                                          "requiredDuringSchedulingIgnoredDuringExecution"))
                                      return; // preferred node affinity is not modelled
                                  fields(nv, np, "NodeAffinity", "v1.NodeSelector",
                                         [&](const QString &sk, const YNode &sv,
                                             const QString &sp) {
                                             if (sk != QLatin1String("nodeSelectorTerms"))
                                                 return;
                                             items(sv, sp, "NodeSelector", "[]v1.NodeSelectorTerm",
                                                   [&](const YNode &term, const QString &tp) {
                                                       QList<NodeSelectorRequirement> reqs;
                                                       fields(term, tp, "NodeSelectorTerm",
                                                              "v1.NodeSelectorTerm",
                                                              [&](const QString &tk,
                                                                  const YNode &tv,
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

    Volume volume(const YNode &node, const QString &path)
    {
        Volume vol;
        vol.kind.clear();
        fields(node, path, "Volume", "v1.Volume",
               [&](const QString &k, const YNode &v, const QString &p) {
                   if (k == QLatin1String("name")) {
                       vol.name = str(v, p, "Volume");
                       return;
                   }
                   vol.kind = k;
                   if (k == QLatin1String("persistentVolumeClaim"))
                       fields(v, p, "Volume", "v1.PersistentVolumeClaimVolumeSource",
                              [&](const QString &ck, const YNode &cv, const QString &cp) {
                                  if (ck == QLatin1String("claimName"))
                                      vol.claimName =
                                          str(cv, cp, "PersistentVolumeClaimVolumeSource");
                              });
               });
        if (vol.kind.isEmpty())
            vol.kind = QStringLiteral("emptyDir"); // the API's default volume source
        return vol;
    }

    void podSpec(const YNode &node, const QString &path, PodSpec &spec)
    {
        spec.restartPolicy.clear(); // defaulted by admission
        spec.dnsPolicy.clear();
        fields(node, path, "PodSpec", "v1.PodSpec",
               [&](const QString &k, const YNode &v, const QString &p) {
                   if (k == QLatin1String("containers") || k == QLatin1String("initContainers")) {
                       QList<Container> &list =
                           k == QLatin1String("containers") ? spec.containers : spec.initContainers;
                       items(v, p, "PodSpec", "[]v1.Container",
                             [&](const YNode &item, const QString &ip) {
                                 list << container(item, ip);
                             });
                   } else if (k == QLatin1String("volumes")) {
                       items(v, p, "PodSpec", "[]v1.Volume",
                             [&](const YNode &item, const QString &ip) {
                                 spec.volumes << volume(item, ip);
                             });
                   } else if (k == QLatin1String("nodeName")) {
                       spec.nodeName = str(v, p, "PodSpec");
                   } else if (k == QLatin1String("nodeSelector")) {
                       spec.nodeSelector = stringMap(v, p, "PodSpec");
                   } else if (k == QLatin1String("tolerations")) {
                       items(v, p, "PodSpec", "[]v1.Toleration",
                             [&](const YNode &item, const QString &ip) {
                                 Toleration t;
                                 t.op.clear();
                                 fields(item, ip, "Toleration", "v1.Toleration",
                                        [&](const QString &tk, const YNode &tv, const QString &tp) {
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

    void podTemplate(const YNode &node, const QString &path, PodTemplateSpec &tpl)
    {
        bool sawSpec = false;
        fields(node, path, "StatefulSetSpec", "v1.PodTemplateSpec",
               [&](const QString &k, const YNode &v, const QString &p) {
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

    void pvcSpec(const YNode &node, const QString &path, PersistentVolumeClaimSpec &spec)
    {
        fields(node, path, "PersistentVolumeClaim", "v1.PersistentVolumeClaimSpec",
               [&](const QString &k, const YNode &v, const QString &p) {
                   if (k == QLatin1String("accessModes")) {
                       spec.accessModes = strings(v, p, "PersistentVolumeClaimSpec");
                   } else if (k == QLatin1String("storageClassName")) {
                       spec.storageClassName = str(v, p, "PersistentVolumeClaimSpec");
                   } else if (k == QLatin1String("volumeName")) {
                       spec.volumeName = str(v, p, "PersistentVolumeClaimSpec");
                   } else if (k == QLatin1String("resources")) {
                       fields(v, p, "PersistentVolumeClaimSpec", "v1.VolumeResourceRequirements",
                              [&](const QString &rk, const YNode &rv, const QString &rp) {
                                  if (rk == QLatin1String("requests"))
                                      spec.storage = quantities(rv, rp, "VolumeResourceRequirements")
                                                         .value(QStringLiteral("storage"));
                              });
                   }
               });
    }

    // policy/v1 PodDisruptionBudgetSpec.
    void pdbSpec(const YNode &node, const QString &path, PodDisruptionBudgetSpec &spec)
    {
        const char *s = "PodDisruptionBudgetSpec";
        fields(node, path, s, "v1.PodDisruptionBudgetSpec",
               [&](const QString &k, const YNode &v, const QString &p) {
                   if (k == QLatin1String("minAvailable")) {
                       if (jsonKind(v) != JsonKind::Null)
                           spec.minAvailable = intOrString(v);
                   } else if (k == QLatin1String("maxUnavailable")) {
                       if (jsonKind(v) != JsonKind::Null)
                           spec.maxUnavailable = intOrString(v);
                   } else if (k == QLatin1String("selector")) {
                       spec.hasSelector = jsonKind(v) != JsonKind::Null;
                       spec.selector = labelSelector(v, p);
                   } else if (k == QLatin1String("unhealthyPodEvictionPolicy")) {
                       spec.unhealthyPodEvictionPolicy = str(v, p, s);
                   }
               });
    }

    PersistentVolumeClaim pvc(const YNode &node, const QString &path)
    {
        PersistentVolumeClaim claim;
        fields(node, path, "PersistentVolumeClaim", "v1.PersistentVolumeClaim",
               [&](const QString &k, const YNode &v, const QString &p) {
                   if (k == QLatin1String("metadata"))
                       objectMeta(v, p, claim.metadata);
                   else if (k == QLatin1String("spec"))
                       pvcSpec(v, p, claim.spec);
               });
        return claim;
    }

    void statefulSetSpec(const YNode &node, const QString &path, StatefulSetSpec &spec)
    {
        // Kept empty when absent so that admission can tell a defaulted type from a written one
        // (only a defaulted type gets a rollingUpdate block, statefulset.md §1.1).
        spec.updateStrategy.type.clear();
        spec.podManagementPolicy.clear();
        spec.podTemplate.spec.restartPolicy.clear();
        spec.podTemplate.spec.dnsPolicy.clear();
        const char *s = "StatefulSetSpec";
        fields(node, path, s, "v1.StatefulSetSpec",
               [&](const QString &k, const YNode &v, const QString &p) {
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
                              [&](const QString &uk, const YNode &uv, const QString &up) {
                                  if (uk == QLatin1String("type")) {
                                      spec.updateStrategy.type =
                                          str(uv, up, "StatefulSetUpdateStrategy");
                                  } else if (uk == QLatin1String("rollingUpdate")
                                             && jsonKind(uv) != JsonKind::Null) {
                                      RollingUpdateStrategy ru;
                                      fields(uv, up, "StatefulSetUpdateStrategy",
                                             "v1.RollingUpdateStatefulSetStrategy",
                                             [&](const QString &rk, const YNode &rv,
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
                              [&](const QString &ok, const YNode &ov, const QString &op) {
                                  if (ok == QLatin1String("start"))
                                      spec.ordinalsStart =
                                          int(integer(ov, op, "StatefulSetOrdinals"));
                              });
                   } else if (k == QLatin1String("volumeClaimTemplates")) {
                       items(v, p, s, "[]v1.PersistentVolumeClaim",
                             [&](const YNode &item, const QString &ip) {
                                 spec.volumeClaimTemplates << pvc(item, ip);
                             });
                   } else if (k == QLatin1String("persistentVolumeClaimRetentionPolicy")) {
                       fields(v, p, s, "v1.StatefulSetPersistentVolumeClaimRetentionPolicy",
                              [&](const QString &pk, const YNode &pv, const QString &pp) {
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

    void serviceSpec(const YNode &node, const QString &path, ServiceSpec &spec)
    {
        const char *s = "ServiceSpec";
        spec.type.clear();
        QStringList clusterIPs;
        bool sawClusterIP = false;
        fields(node, path, s, "v1.ServiceSpec",
               [&](const QString &k, const YNode &v, const QString &p) {
                   if (k == QLatin1String("type")) {
                       spec.type = str(v, p, s);
                   } else if (k == QLatin1String("clusterIP")) {
                       spec.clusterIP = str(v, p, s);
                       sawClusterIP = true;
                   } else if (k == QLatin1String("clusterIPs")) {
                       clusterIPs = strings(v, p, s);
                   } else if (k == QLatin1String("ipFamilies")) {
                       // Not modelled (Ordinal's cluster is IPv4); checked as upstream.
                       const QStringList families = strings(v, p, s);
                       for (int i = 0; i < families.size(); ++i) {
                           if (families[i] != QLatin1String("IPv4")
                               && families[i] != QLatin1String("IPv6"))
                               invalid(v.item(std::size_t(i)),
                                       QStringLiteral("%1[%2]: Unsupported value: \"%3\": "
                                                      "supported values: \"IPv4\", \"IPv6\"")
                                           .arg(p)
                                           .arg(i)
                                           .arg(families[i]));
                       }
                   } else if (k == QLatin1String("ipFamilyPolicy")) {
                       const QString policy = str(v, p, s);
                       if (!policy.isEmpty() && policy != QLatin1String("SingleStack")
                           && policy != QLatin1String("PreferDualStack")
                           && policy != QLatin1String("RequireDualStack"))
                           invalid(v,
                                   QStringLiteral("%1: Unsupported value: \"%2\": supported "
                                                  "values: \"PreferDualStack\", "
                                                  "\"RequireDualStack\", \"SingleStack\"")
                                       .arg(p, policy));
                   } else if (k == QLatin1String("selector")) {
                       spec.selector = stringMap(v, p, s);
                   } else if (k == QLatin1String("publishNotReadyAddresses")) {
                       spec.publishNotReadyAddresses = boolean(v, p, s);
                   } else if (k == QLatin1String("externalName")) {
                       spec.externalName = str(v, p, s);
                   } else if (k == QLatin1String("ports")) {
                       items(v, p, s, "[]v1.ServicePort",
                             [&](const YNode &item, const QString &ip) {
                                 ServicePort port;
                                 port.protocol.clear();
                                 fields(item, ip, "ServicePort", "v1.ServicePort",
                                        [&](const QString &pk, const YNode &pv, const QString &pp) {
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

    void nodeFields(const YNode &node, Node &out)
    {
        fields(node, QString(), "Node", "v1.Node",
               [&](const QString &k, const YNode &v, const QString &p) {
                   if (k == QLatin1String("spec")) {
                       fields(v, p, "Node", "v1.NodeSpec",
                              [&](const QString &sk, const YNode &sv, const QString &sp) {
                                  if (sk == QLatin1String("podCIDR"))
                                      out.podCIDR = str(sv, sp, "NodeSpec");
                                  else if (sk == QLatin1String("unschedulable"))
                                      out.unschedulable = boolean(sv, sp, "NodeSpec");
                                  else if (sk == QLatin1String("taints"))
                                      items(sv, sp, "NodeSpec", "[]v1.Taint",
                                            [&](const YNode &item, const QString &ip) {
                                                Taint t;
                                                fields(item, ip, "Taint", "v1.Taint",
                                                       [&](const QString &tk, const YNode &tv,
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
                              [&](const QString &sk, const YNode &sv, const QString &sp) {
                                  if (sk == QLatin1String("capacity"))
                                      out.capacity = quantities(sv, sp, "NodeStatus");
                                  else if (sk == QLatin1String("allocatable"))
                                      out.allocatable = quantities(sv, sp, "NodeStatus");
                              });
                   }
               });
    }

    // After an object is decoded: the API server's strict decoding error for unknown fields,
    // then the checks of fields Ordinal reads but does not model (as the API server's
    // validation words them).
    void finish(const ObjectMeta &meta)
    {
        if (!m_unknown.isEmpty()) {
            const QString text
                = ManifestLoader::tr(
                      "Error from server (BadRequest): error when creating \"%1\": %2 in version "
                      "\"v1\" cannot be handled as a %2: strict decoding error: %3")
                      .arg(m_file, m_kind, m_unknown.join(QStringLiteral(", ")));
            throw DecodeFailure { m_unknownPos,
                                  m_unknownPos.isValid()
                                      ? text + QStringLiteral(" (%1)").arg(m_unknownPos.toString())
                                      : text };
        }
        if (m_invalid.isEmpty())
            return;
        QString out = ManifestLoader::tr("The %1 \"%2\" is invalid: ").arg(m_kind, meta.name);
        const auto line = [](const QPair<QString, SourcePos> &e) {
            return e.second.isValid() ? e.first + QStringLiteral(" (%1)").arg(e.second.toString())
                                      : e.first;
        };
        if (m_invalid.size() == 1) {
            out += line(m_invalid.first());
        } else {
            for (const auto &e : std::as_const(m_invalid))
                out += QStringLiteral("\n* ") + line(e);
        }
        throw DecodeFailure { m_invalid.first().second, out };
    }

    void invalid(const YNode &node, const QString &text)
    {
        m_invalid << qMakePair(text, pos(node));
    }

private:
    QString m_file;
    QString m_kind;
    ObjectMeta *m_meta;
    QStringList m_unknown;
    SourcePos m_unknownPos;
    QList<QPair<QString, SourcePos>> m_invalid;
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
        {QStringLiteral("PodDisruptionBudget"), {ObjectKind::PodDisruptionBudget, "policy/v1"}},
    };
    return kinds;
}

QString suffix(const SourcePos &pos)
{
    return pos.isValid() ? QStringLiteral(" (%1)").arg(pos.toString()) : QString();
}

// Decodes one object (a document or a List item) into result; throws DecodeFailure.
void decodeObject(const YNode &node, const QString &file, LoadResult &result)
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
        const YNode value = node[key];
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
        const YNode list = node["items"];
        if (jsonKind(list) == JsonKind::Null)
            return;
        if (!list.IsSequence())
            throw DecodeFailure{probe.pos(list),
                                ManifestLoader::tr("error: unable to decode \"%1\": json: cannot "
                                                   "unmarshal %2 into Go struct field List.items "
                                                   "of type []runtime.RawExtension")
                                        .arg(file, jsonKindName(jsonKind(list)))
                                    + suffix(probe.pos(list))};
        for (std::size_t i = 0; i < list.size(); ++i)
            decodeObject(list.item(i), file, result);
        return;
    }

    const auto known = knownKinds().constFind(kind);
    if (known == knownKinds().cend() || apiVersion != QLatin1String(known->apiVersion)) {
        QString name, ns;
        const YNode meta = node["metadata"];
        if (meta.IsDefined() && meta.IsMap()) {
            if (meta["name"].IsDefined() && meta["name"].IsScalar())
                name = qs(meta["name"].Scalar());
            if (meta["namespace"].IsDefined() && meta["namespace"].IsScalar())
                ns = qs(meta["namespace"].Scalar());
        }
        // kubectl fails the apply (exit 1); Ordinal applies nothing of it.
        throw DecodeFailure { objectPos,
                              ManifestLoader::tr("error: resource mapping not found for name: "
                                                 "\"%1\" namespace: \"%2\" from \"%3\": no "
                                                 "matches for kind \"%4\" in version \"%5\"")
                                      .arg(name, ns, file, kind, apiVersion)
                                  + suffix(objectPos)
                                  + ManifestLoader::tr("\nensure CRDs are installed first") };
    }

    ManifestObject out;
    out.kind = known->kind;
    out.pos = objectPos;
    const auto decodeInto = [&](auto object, auto decodeBody) {
        object.metadata.source = objectPos;
        Decoder d(file, kind, &object.metadata);
        d.fields(node, QString(), "", "", [&](const QString &k, const YNode &v, const QString &p) {
            if (k == QLatin1String("metadata"))
                d.objectMeta(v, p, object.metadata);
            else
                decodeBody(d, object, k, v, p);
        });
        d.finish(object.metadata);
        return object;
    };

    switch (known->kind) {
    case ObjectKind::StatefulSet: {
        StatefulSet set;
        set.spec.updateStrategy.type.clear();
        set.spec.podManagementPolicy.clear();
        set.spec.podTemplate.spec.restartPolicy.clear();
        set.spec.podTemplate.spec.dnsPolicy.clear();
        out.object = decodeInto(
            set,
            [](Decoder &d, StatefulSet &o, const QString &k, const YNode &v, const QString &p) {
                if (k == QLatin1String("spec"))
                    d.statefulSetSpec(v, p, o.spec);
            });
        break;
    }
    case ObjectKind::Service: {
        Service service;
        service.spec.type.clear();
        out.object = decodeInto(
            service,
            [](Decoder &d, Service &o, const QString &k, const YNode &v, const QString &p) {
                if (k == QLatin1String("spec"))
                    d.serviceSpec(v, p, o.spec);
            });
        break;
    }
    case ObjectKind::Pod: {
        Pod pod;
        pod.spec.restartPolicy.clear();
        pod.spec.dnsPolicy.clear();
        out.object = decodeInto(
            pod, [](Decoder &d, Pod &o, const QString &k, const YNode &v, const QString &p) {
                if (k == QLatin1String("spec"))
                    d.podSpec(v, p, o.spec);
            });
        break;
    }
    case ObjectKind::Node: {
        Node n;
        n.metadata.source = objectPos;
        Decoder d(file, kind, &n.metadata);
        d.fields(node, QString(), "", "", [&](const QString &k, const YNode &v, const QString &p) {
            if (k == QLatin1String("metadata"))
                d.objectMeta(v, p, n.metadata);
        });
        d.nodeFields(node, n);
        d.finish(n.metadata);
        out.object = n;
        break;
    }
    case ObjectKind::Namespace:
        out.object = decodeInto(
            Namespace(),
            [](Decoder &, Namespace &, const QString &, const YNode &, const QString &) {});
        break;
    case ObjectKind::PersistentVolumeClaim:
        out.object = decodeInto(PersistentVolumeClaim(),
                                [](Decoder &d, PersistentVolumeClaim &o, const QString &k,
                                   const YNode &v, const QString &p) {
                                    if (k == QLatin1String("spec"))
                                        d.pvcSpec(v, p, o.spec);
                                });
        break;
    case ObjectKind::PodDisruptionBudget:
        out.object = decodeInto(PodDisruptionBudget(),
                                [](Decoder &d, PodDisruptionBudget &o, const QString &k,
                                   const YNode &v, const QString &p) {
                                    if (k == QLatin1String("spec"))
                                        d.pdbSpec(v, p, o.spec);
                                });
        break;
    default:
        return;
    }
    // Refused when stored, so after decoding succeeded: kube-apiserver passes etcd's error on
    // as it comes (a 500 without a reason), and kubectl adds the file.
    if (node.byteSize() > std::size_t(ManifestLoader::kMaxObjectBytes))
        throw DecodeFailure { objectPos,
                              ManifestLoader::tr("Error from server: error when creating \"%1\": "
                                                 "etcdserver: request is too large")
                                      .arg(file)
                                  + suffix(objectPos) };
    result.objects << out;
}

} // namespace

LoadResult ManifestLoader::loadText(const QByteArray &text, const QString &fileName)
{
    LoadResult result;
    if (text.size() > kMaxFileBytes) {
        result.errors << ManifestError { SourcePos { fileName, 0, 0 },
                                         tooLarge(fileName, text.size()) };
        return result;
    }
    // kubectl reads input that starts with '{' as a stream of JSON objects, and falls back to
    // YAML when that fails; when YAML fails too, the JSON error is the one it reports.
    QString jsonMessage;
    qsizetype jsonOffset = -1;
    const qsizetype firstNonSpace = [&] {
        qsizetype i = 0;
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text.at(i))))
            ++i;
        return i;
    }();
    if (firstNonSpace < text.size() && text.at(firstNonSpace) == '{')
        jsonOffset = checkJsonStream(text, &jsonMessage);

    // Each document is decoded as soon as it is parsed and its tree freed before the next one
    // is read. A syntax error anywhere still wins over what earlier documents decoded to, as
    // when the whole file was parsed first: the parse goes on to the end even once decoding
    // has stopped.
    bool decoding = true;
    const auto decodeDocument = [&](const YNode &document) {
        // Empty documents (a stray "---", comments only) are skipped, as kubectl does.
        if (!decoding || document.IsNull())
            return;
        try {
            decodeObject(document, fileName, result);
        } catch (const DecodeFailure &failure) {
            result.errors << ManifestError { failure.pos, failure.message };
        }
        if (result.objects.size() > kMaxObjectsPerFile) {
            result.errors << ManifestError {
                result.objects.constLast().pos,
                tr("error: %1 holds more than %2 objects, the most Ordinal applies from one file")
                        .arg(fileName)
                        .arg(kMaxObjectsPerFile)
                    + suffix(result.objects.constLast().pos)
            };
            decoding = false;
            result.objects.clear();
        }
    };
    try {
        YamlDocuments::parse(std::string_view(text.constData(), size_t(text.size())),
                             decodeDocument);
    } catch (const YamlDocuments::Error &e) {
        result = LoadResult();
        if (jsonOffset >= 0 && jsonMessage == QLatin1String("unexpected EOF")) {
            result.errors << ManifestError {
                SourcePos { fileName, 0, 0 },
                tr("error: error parsing %1: unexpected EOF").arg(fileName)
            };
            return result;
        }
        if (jsonOffset >= 0) {
            const qsizetype at = std::max<qsizetype>(0, jsonOffset - 1);
            const qsizetype lineStart = text.lastIndexOf('\n', at == 0 ? 0 : at - 1) + 1;
            const SourcePos pos { fileName, int(text.left(at).count('\n')) + 1,
                                  int(at - lineStart) + 1 };
            result.errors << ManifestError { pos,
                                             tr("error: error parsing %1: json: offset %2: %3")
                                                     .arg(fileName)
                                                     .arg(jsonOffset)
                                                     .arg(jsonMessage)
                                                 + suffix(pos) };
            return result;
        }
        const SourcePos pos { fileName, e.line + 1, e.column + 1 };
        if (e.ordinalLimit) {
            result.errors << ManifestError {
                pos,
                tr("error: error parsing %1: YAML nested more than %2 levels deep: Ordinal's "
                   "parser (yaml-cpp) reads at most %2 levels, kubectl's %3")
                        .arg(fileName)
                        .arg(YamlDocuments::kMaxDepth)
                        .arg(YamlDocuments::kGoYamlMaxDepth)
                    + suffix(pos)
            };
            return result;
        }
        const QString where = e.hasLine ? tr("line %1: ").arg(pos.line) : QString();
        result.errors << ManifestError {
            pos,
            tr("error: error parsing %1: error converting YAML to JSON: yaml: %2%3")
                    .arg(fileName, where, qs(e.message))
                + suffix(pos)
        };
        return result;
    }

    // All or nothing: one bad document and the caller gets no objects to apply.
    if (!result.errors.isEmpty())
        result.objects.clear();
    return result;
}

QString ManifestLoader::tooLarge(const QString &fileName, qint64 size)
{
    return tr("error: %1 is too large: %2 bytes, and Ordinal reads at most %3 bytes (3 MiB, "
              "the API server's request limit) from one file")
        .arg(fileName)
        .arg(size)
        .arg(kMaxFileBytes);
}

bool ManifestLoader::readFile(const QString &path, QByteArray *bytes, QString *error)
{
    // Built-in lessons and examples live in Qt resources, which are neither devices nor endless.
    if (path.startsWith(QLatin1Char(':'))) {
        QFile resource(path);
        if (!resource.open(QIODevice::ReadOnly)) {
            *error = tr("error: open %1: no such file or directory").arg(path);
            return false;
        }
        if (resource.size() > kMaxFileBytes) {
            *error = tooLarge(path, resource.size());
            return false;
        }
        *bytes = resource.readAll();
        return true;
    }
    // Opened without blocking (a FIFO with no writer would otherwise wait forever) and checked
    // on the open descriptor, so that what is read is what was checked.
    const QByteArray native = QFile::encodeName(path);
    const auto lowerFirst = [](const char *text) {
        QString s = QString::fromLocal8Bit(text);
        if (!s.isEmpty())
            s[0] = s[0].toLower();
        return s;
    };
    const int fd = ::open(native.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *error = tr("error: open %1: %2").arg(path, lowerFirst(std::strerror(errno)));
        return false;
    }
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        *error = S_ISDIR(st.st_mode)
            ? tr("error: read %1: is a directory").arg(path)
            : tr("error: %1 is not a regular file (a device, FIFO or socket); Ordinal reads "
                 "manifests from regular files only")
                  .arg(path);
        return false;
    }
    if (st.st_size > kMaxFileBytes) {
        ::close(fd);
        *error = tooLarge(path, st.st_size);
        return false;
    }
    // Read at most one byte past the limit: a file that grows while it is read is refused too.
    QByteArray data(qsizetype(st.st_size) + 1, Qt::Uninitialized);
    qsizetype filled = 0;
    for (;;) {
        if (filled == data.size()) {
            if (data.size() > kMaxFileBytes)
                break;
            data.resize(std::min<qsizetype>(data.size() * 2, kMaxFileBytes + 1));
        }
        const ssize_t n = ::read(fd, data.data() + filled, size_t(data.size() - filled));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int saved = errno;
            ::close(fd);
            *error = tr("error: read %1: %2").arg(path, lowerFirst(std::strerror(saved)));
            return false;
        }
        if (n == 0)
            break;
        filled += n;
    }
    ::close(fd);
    if (filled > kMaxFileBytes) {
        *error = tooLarge(path, filled);
        return false;
    }
    data.truncate(filled);
    *bytes = std::move(data);
    return true;
}

LoadResult ManifestLoader::loadPath(const QString &path)
{
    LoadResult result;
    const QFileInfo info(path);
    if (!info.exists() && !info.isSymLink()) {
        result.errors << ManifestError{SourcePos{path, 0, 0},
                                       tr("error: the path \"%1\" does not exist").arg(path)};
        return result;
    }
    QStringList files;
    if (info.isDir()) {
        // Every entry with a manifest extension, whatever it is: an unreadable file, a dangling
        // or looping link or a device fails the apply as it does in kubectl, never silently.
        const QDir dir(path);
        const QStringList names = dir.entryList(
            { QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json") },
            QDir::Files | QDir::System | QDir::Hidden, QDir::NoSort);
        // Byte order of the names, as kubectl's filepath.Walk; independent of the locale.
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end());
        for (const QString &name : sorted)
            files << (path.endsWith(QLatin1Char('/')) ? path + name
                                                      : path + QLatin1Char('/') + name);
        // Names that are not UTF-8 cannot be shown or reopened reliably (Qt leaves them out of
        // the listing); they fail the apply instead of being skipped.
        if (!path.startsWith(QLatin1Char(':'))) {
            if (DIR *raw = ::opendir(QFile::encodeName(path).constData())) {
                QByteArrayList bad;
                while (const dirent *entry = ::readdir(raw)) {
                    const QByteArray name(entry->d_name);
                    if (!name.endsWith(".yaml") && !name.endsWith(".yml")
                        && !name.endsWith(".json"))
                        continue;
                    QStringDecoder utf8(QStringDecoder::Utf8);
                    [[maybe_unused]] const QString decoded = utf8.decode(name);
                    if (utf8.hasError())
                        bad << name;
                }
                ::closedir(raw);
                std::sort(bad.begin(), bad.end());
                for (const QByteArray &name : std::as_const(bad)) {
                    const QString shown = QDir(path).filePath(
                        QString::fromLatin1(name.toPercentEncoding("/.-_~+")));
                    result.errors << ManifestError{SourcePos{path, 0, 0},
                                                   tr("error: %1: the file name is not valid "
                                                      "UTF-8; rename the file")
                                                       .arg(shown)};
                }
            }
        }
        if (files.isEmpty() && result.errors.isEmpty()) {
            result.errors << ManifestError {
                SourcePos { path, 0, 0 },
                tr("error: error reading [%1]: recognized file extensions are [.json .yaml .yml]")
                    .arg(path)
            };
            return result;
        }
    } else {
        files << path;
    }

    for (const QString &file : std::as_const(files)) {
        QByteArray bytes;
        QString error;
        if (!readFile(file, &bytes, &error)) {
            result.errors << ManifestError { SourcePos { file, 0, 0 }, error };
            continue;
        }
        const LoadResult one = loadText(bytes, file);
        result.objects << one.objects;
        result.errors << one.errors;
        result.warnings << one.warnings;
        if (result.objects.size() > kMaxObjectsPerFile) {
            result.errors << ManifestError {
                SourcePos { path, 0, 0 },
                tr("error: %1 holds more than %2 objects, the most Ordinal applies at once")
                    .arg(path)
                    .arg(kMaxObjectsPerFile)
            };
            break;
        }
    }
    // Empty files, comments only, "---" only, an empty List: kubectl applies nothing and fails.
    if (result.errors.isEmpty() && result.objects.isEmpty())
        result.errors << ManifestError { SourcePos { path, 0, 0 },
                                         tr("error: no objects passed to apply") };
    if (!result.errors.isEmpty())
        result.objects.clear();
    return result;
}

} // namespace ordinal::core
