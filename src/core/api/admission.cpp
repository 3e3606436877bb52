#include "api/admission.h"

#include <QRegularExpression>
#include <QSet>

#include <variant>

namespace ordinal::core {

namespace {

// Go's %q for a string.
QString goQuote(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : s) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\') + c;
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c == QLatin1Char('\t'))
            out += QStringLiteral("\\t");
        else
            out += c;
    }
    return out + QLatin1Char('"');
}

// Go's %#v for a map[string]string (keys sorted, as fmt prints maps). An empty map is shown
// as nil: a manifest without labels decodes to a nil map.
QString goMap(const QMap<QString, QString> &map)
{
    if (map.isEmpty())
        return QStringLiteral("map[string]string(nil)");
    QStringList parts;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        parts << goQuote(it.key()) + QLatin1Char(':') + goQuote(it.value());
    return QStringLiteral("map[string]string{%1}").arg(parts.join(QStringLiteral(", ")));
}

QString goStrings(const QStringList &list)
{
    if (list.isEmpty())
        return QStringLiteral("[]string(nil)");
    QStringList quoted;
    for (const QString &s : list)
        quoted << goQuote(s);
    return QStringLiteral("[]string{%1}").arg(quoted.join(QStringLiteral(", ")));
}

QString goLabelSelector(const LabelSelector &selector)
{
    QString expressions = QStringLiteral("[]v1.LabelSelectorRequirement(nil)");
    if (!selector.matchExpressions.isEmpty()) {
        QStringList parts;
        for (const LabelSelectorRequirement &req : selector.matchExpressions)
            parts << QStringLiteral("v1.LabelSelectorRequirement{Key:%1, Operator:%2, Values:%3}")
                         .arg(goQuote(req.key), goQuote(req.op), goStrings(req.values));
        expressions =
            QStringLiteral("[]v1.LabelSelectorRequirement{%1}").arg(parts.join(QStringLiteral(", ")));
    }
    return QStringLiteral("v1.LabelSelector{MatchLabels:%1, MatchExpressions:%2}")
        .arg(goMap(selector.matchLabels), expressions);
}

// Go prints a non-nil pointer inside %#v as its address; Ordinal prints a fixed one so that
// transcripts stay byte-for-byte reproducible.
const QString kFakeAddress = QStringLiteral("0xc000a1e000");

QString goIntOrString(const QString &text)
{
    bool isInt = false;
    const int value = text.toInt(&isInt);
    if (isInt)
        return QStringLiteral("intstr.IntOrString{Type:0, IntVal:%1, StrVal:\"\"}").arg(value);
    return QStringLiteral("intstr.IntOrString{Type:1, IntVal:0, StrVal:%1}").arg(goQuote(text));
}

QString goRollingUpdate(const RollingUpdateStrategy &ru)
{
    return QStringLiteral("apps.RollingUpdateStatefulSetStrategy{Partition:%1, MaxUnavailable:%2}")
        .arg(ru.partition)
        .arg(ru.maxUnavailable.isEmpty()
                 ? QStringLiteral("(*intstr.IntOrString)(nil)")
                 : QStringLiteral("(*intstr.IntOrString)(%1)").arg(kFakeAddress));
}

// The error list of one object, with field.Error's constructors. Each error may name another
// field to look its position up by (posKey), when the path itself was not written in the
// manifest (spec.clusterIPs[0] is written as spec.clusterIP).
class Errors
{
public:
    struct Entry
    {
        FieldError error;
        QString posKey;
    };

    void add(FieldErrorType type, const QString &path, const QString &value, const QString &detail,
             const QString &posKey = {})
    {
        m_list << Entry { FieldError { type, path, value, detail, {} }, posKey };
    }
    void required(const QString &path, const QString &detail = {}, const QString &posKey = {})
    {
        add(FieldErrorType::Required, path, {}, detail, posKey);
    }
    void invalid(const QString &path, const QString &value, const QString &detail,
                 const QString &posKey = {})
    {
        add(FieldErrorType::Invalid, path, value, detail, posKey);
    }
    void invalid(const QString &path, qint64 value, const QString &detail)
    {
        invalid(path, QString::number(value), detail);
    }
    void notSupported(const QString &path, const QString &value, const QStringList &supported)
    {
        QStringList quoted;
        for (const QString &s : supported)
            quoted << goQuote(s);
        add(FieldErrorType::NotSupported, path, goQuote(value),
            QStringLiteral("supported values: ") + quoted.join(QStringLiteral(", ")));
    }
    void forbidden(const QString &path, const QString &detail, const QString &posKey = {})
    {
        add(FieldErrorType::Forbidden, path, {}, detail, posKey);
    }
    void duplicate(const QString &path, const QString &value)
    {
        add(FieldErrorType::Duplicate, path, value, {});
    }
    void notFound(const QString &path, const QString &value)
    {
        add(FieldErrorType::NotFound, path, value, {});
    }
    void tooLong(const QString &path, const QString &detail)
    {
        add(FieldErrorType::TooLong, path, {}, detail);
    }
    void nonNegative(const QString &path, qint64 value)
    {
        if (value < 0)
            invalid(path, value, Admission::tr("must be greater than or equal to 0"));
    }

    bool isEmpty() const { return m_list.isEmpty(); }
    const QList<Entry> &list() const { return m_list; }

private:
    QList<Entry> m_list;
};

} // namespace

SourcePos Admission::fieldPosition(const ObjectMeta &meta, const QString &field)
{
    QString key = field;
    key.replace(QStringLiteral("spec.clusterIPs[0]"), QStringLiteral("spec.clusterIP"));
    while (!key.isEmpty()) {
        const auto it = meta.fieldSources.constFind(key);
        if (it != meta.fieldSources.cend() && it->isValid())
            return *it;
        const int dot = key.lastIndexOf(QLatin1Char('.'));
        const int bracket = key.lastIndexOf(QLatin1Char('['));
        const int cut = std::max(dot, bracket);
        key = cut > 0 ? key.left(cut) : QString();
    }
    return meta.source;
}

namespace {

// The object's errors, each with the position of its field.
FieldErrors compose(const QString &kind, const ObjectMeta &meta, const Errors &errors)
{
    FieldErrors out { kind, meta.name, {} };
    out.errors.reserve(errors.list().size());
    for (const Errors::Entry &entry : errors.list()) {
        FieldError error = entry.error;
        error.pos
            = Admission::fieldPosition(meta, entry.posKey.isEmpty() ? error.field : entry.posKey);
        out.errors << error;
    }
    return out;
}

// --- k8s.io/apimachinery/pkg/util/validation ------------------------------------------------

QString regexError(const QString &msg, const QString &fmt, const QStringList &examples)
{
    QString out = msg + QStringLiteral(" (e.g. ");
    for (int i = 0; i < examples.size(); ++i) {
        if (i > 0)
            out += QStringLiteral(" or ");
        out += QLatin1Char('\'') + examples.at(i) + QStringLiteral("', ");
    }
    return out + QStringLiteral("regex used for validation is '") + fmt + QStringLiteral("')");
}

QString maxLenError(int length)
{
    return Admission::tr("must be no more than %1 characters").arg(length);
}

bool fullMatch(const QString &pattern, const QString &value)
{
    // Compiled once per pattern: compiling on every call was most of the cost of applying
    // thousands of objects (issue 19). Looked up only, never iterated.
    thread_local QHash<QString, QRegularExpression> compiled;
    auto it = compiled.constFind(pattern);
    if (it == compiled.cend())
        it = compiled.insert(pattern, QRegularExpression(QStringLiteral("^(?:") + pattern
                                                         + QStringLiteral(")$")));
    return it->match(value).hasMatch();
}

const QString kDns1123LabelFmt = QStringLiteral("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
const QString kDns1123SubdomainFmt =
    QStringLiteral("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
const QString kDns1035LabelFmt = QStringLiteral("[a-z]([-a-z0-9]*[a-z0-9])?");

QStringList isDns1123Label(const QString &value)
{
    QStringList errs;
    if (value.size() > 63)
        errs << maxLenError(63);
    if (!fullMatch(kDns1123LabelFmt, value))
        errs << regexError(Admission::tr("a lowercase RFC 1123 label must consist of lower case "
                                         "alphanumeric characters or '-', and must start and end "
                                         "with an alphanumeric character"),
                           kDns1123LabelFmt, {QStringLiteral("my-name"), QStringLiteral("123-abc")});
    return errs;
}

QStringList isDns1123Subdomain(const QString &value)
{
    QStringList errs;
    if (value.size() > 253)
        errs << maxLenError(253);
    if (!fullMatch(kDns1123SubdomainFmt, value))
        errs << regexError(Admission::tr("a lowercase RFC 1123 subdomain must consist of lower "
                                         "case alphanumeric characters, '-' or '.', and must "
                                         "start and end with an alphanumeric character"),
                           kDns1123SubdomainFmt, {QStringLiteral("example.com")});
    return errs;
}

QStringList isDns1035Label(const QString &value)
{
    QStringList errs;
    if (value.size() > 63)
        errs << maxLenError(63);
    if (!fullMatch(kDns1035LabelFmt, value))
        errs << regexError(Admission::tr("a DNS-1035 label must consist of lower case "
                                         "alphanumeric characters or '-', start with an "
                                         "alphabetic character, and end with an alphanumeric "
                                         "character"),
                           kDns1035LabelFmt, {QStringLiteral("my-name"), QStringLiteral("abc-123")});
    return errs;
}

const QString kQualifiedNameFmt = QStringLiteral("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

QStringList isQualifiedName(const QString &value)
{
    const QString nameMsg = Admission::tr("must consist of alphanumeric characters, '-', '_' or "
                                          "'.', and must start and end with an alphanumeric "
                                          "character");
    const QStringList examples = {QStringLiteral("MyName"), QStringLiteral("my.name"),
                                  QStringLiteral("123-abc")};
    QStringList errs;
    const QStringList parts = value.split(QLatin1Char('/'));
    QString name;
    if (parts.size() == 1) {
        name = parts.first();
    } else if (parts.size() == 2) {
        name = parts.at(1);
        if (parts.first().isEmpty()) {
            errs << QStringLiteral("prefix part ") + Admission::tr("must be non-empty");
        } else {
            for (const QString &msg : isDns1123Subdomain(parts.first()))
                errs << QStringLiteral("prefix part ") + msg;
        }
    } else {
        return {QStringLiteral("a qualified name ") + regexError(nameMsg, kQualifiedNameFmt, examples)
                + Admission::tr(" with an optional DNS subdomain prefix and '/' (e.g. "
                                "'example.com/MyName')")};
    }
    if (name.isEmpty())
        errs << QStringLiteral("name part ") + Admission::tr("must be non-empty");
    else if (name.size() > 63)
        errs << QStringLiteral("name part ") + maxLenError(63);
    if (!fullMatch(kQualifiedNameFmt, name))
        errs << QStringLiteral("name part ") + regexError(nameMsg, kQualifiedNameFmt, examples);
    return errs;
}

QStringList isValidLabelValue(const QString &value)
{
    const QString fmt = QStringLiteral("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    QStringList errs;
    if (value.size() > 63)
        errs << maxLenError(63);
    if (!fullMatch(fmt, value))
        errs << regexError(Admission::tr("a valid label must be an empty string or consist of "
                                         "alphanumeric characters, '-', '_' or '.', and must "
                                         "start and end with an alphanumeric character"),
                           fmt, {QStringLiteral("MyValue"), QStringLiteral("my_value"),
                                 QStringLiteral("12345")});
    return errs;
}

QStringList isValidPortNum(qint64 port)
{
    if (port >= 1 && port <= 65535)
        return {};
    return {Admission::tr("must be between 1 and 65535, inclusive")};
}

QStringList isValidPortName(const QString &port)
{
    QStringList errs;
    if (port.size() > 15)
        errs << maxLenError(15);
    if (!fullMatch(QStringLiteral("[-a-z0-9]+"), port))
        errs << Admission::tr("must contain only alpha-numeric characters (a-z, 0-9), and "
                              "hyphens (-)");
    if (!fullMatch(QStringLiteral(".*[a-z].*"), port))
        errs << Admission::tr("must contain at least one letter (a-z)");
    if (port.contains(QStringLiteral("--")))
        errs << Admission::tr("must not contain consecutive hyphens");
    if (port.startsWith(QLatin1Char('-')) || port.endsWith(QLatin1Char('-')))
        errs << Admission::tr("must not begin or end with a hyphen");
    return errs;
}

bool isValidIPv4(const QString &ip)
{
    static const QRegularExpression re(QStringLiteral(
        "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"));
    return re.match(ip).hasMatch();
}

// --- metav1 validation ----------------------------------------------------------------------

void validateLabels(const QMap<QString, QString> &labels, const QString &path, Errors &errs,
                    const QString &posKey = {})
{
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        for (const QString &msg : isQualifiedName(it.key()))
            errs.invalid(path, goQuote(it.key()), msg, posKey);
        for (const QString &msg : isValidLabelValue(it.value()))
            errs.invalid(path, goQuote(it.value()), msg, posKey);
    }
}

void validateLabelSelector(const LabelSelector &selector, const QString &path, Errors &errs)
{
    for (int i = 0; i < selector.matchExpressions.size(); ++i) {
        const LabelSelectorRequirement &req = selector.matchExpressions.at(i);
        const QString p = QStringLiteral("%1.matchExpressions[%2]").arg(path).arg(i);
        if (req.op == QLatin1String("In") || req.op == QLatin1String("NotIn")) {
            if (req.values.isEmpty())
                errs.required(p + QStringLiteral(".values"),
                              Admission::tr("must be specified when `operator` is 'In' or "
                                            "'NotIn'"));
        } else if (req.op == QLatin1String("Exists") || req.op == QLatin1String("DoesNotExist")) {
            if (!req.values.isEmpty())
                errs.forbidden(p + QStringLiteral(".values"),
                               Admission::tr("may not be specified when `operator` is 'Exists' "
                                             "or 'DoesNotExist'"));
        } else {
            errs.invalid(p + QStringLiteral(".operator"), goQuote(req.op),
                         Admission::tr("not a valid selector operator"));
        }
        for (const QString &msg : isQualifiedName(req.key))
            errs.invalid(p + QStringLiteral(".key"), goQuote(req.key), msg);
    }
    validateLabels(selector.matchLabels, path + QStringLiteral(".matchLabels"), errs);
}

bool selectorIsValid(const LabelSelector &selector)
{
    for (const LabelSelectorRequirement &req : selector.matchExpressions) {
        const bool needsValues = req.op == QLatin1String("In") || req.op == QLatin1String("NotIn");
        const bool noValues =
            req.op == QLatin1String("Exists") || req.op == QLatin1String("DoesNotExist");
        if ((!needsValues && !noValues) || (needsValues && req.values.isEmpty())
            || (noValues && !req.values.isEmpty()))
            return false;
    }
    return true;
}

using NameCheck = QStringList (*)(const QString &);

// ValidateAnnotationsSize: keys and values together at most 256 KiB.
void validateAnnotationsSize(const ObjectMeta &meta, Errors &errs)
{
    constexpr qint64 kLimit = 256 * 1024;
    qint64 total = 0;
    for (auto it = meta.annotations.cbegin(); it != meta.annotations.cend(); ++it)
        total += it.key().toUtf8().size() + it.value().toUtf8().size();
    if (total > kLimit)
        errs.tooLong(QStringLiteral("metadata.annotations"),
                     QStringLiteral("must have at most %1 bytes").arg(kLimit));
}

// ValidateResourceQuantityValue for a container's requests or limits: never negative.
void validateResourceList(const QMap<QString, Quantity> &list, const QString &path, Errors &errs)
{
    for (auto it = list.cbegin(); it != list.cend(); ++it) {
        if (it->value < 0)
            errs.invalid(QStringLiteral("%1[%2]").arg(path, it.key()), goQuote(it->text),
                         Admission::tr("must be greater than or equal to 0"));
    }
}

void validateObjectMeta(const ObjectMeta &meta, bool namespaced, NameCheck nameCheck,
                        Errors &errs)
{
    if (meta.name.isEmpty()) {
        errs.required(QStringLiteral("metadata.name"),
                      Admission::tr("name or generateName is required"));
    } else {
        for (const QString &msg : nameCheck(meta.name))
            errs.invalid(QStringLiteral("metadata.name"), goQuote(meta.name), msg);
    }
    if (namespaced) {
        if (meta.namespaceName.isEmpty()) {
            errs.required(QStringLiteral("metadata.namespace"));
        } else {
            for (const QString &msg : isDns1123Label(meta.namespaceName))
                errs.invalid(QStringLiteral("metadata.namespace"), goQuote(meta.namespaceName),
                             msg);
        }
    }
    validateLabels(meta.labels, QStringLiteral("metadata.labels"), errs);
    validateAnnotationsSize(meta, errs);
}

void validateObjectMetaUpdate(const ObjectMeta &old, const ObjectMeta &updated, Errors &errs)
{
    if (old.name != updated.name)
        errs.invalid(QStringLiteral("metadata.name"), goQuote(updated.name),
                     Admission::tr("field is immutable"));
    if (old.namespaceName != updated.namespaceName)
        errs.invalid(QStringLiteral("metadata.namespace"), goQuote(updated.namespaceName),
                     Admission::tr("field is immutable"));
    validateLabels(updated.labels, QStringLiteral("metadata.labels"), errs);
}

// --- core/v1 pod spec -----------------------------------------------------------------------

void validateProbe(const std::optional<Probe> &probe, const QString &path, bool mustSucceedOnce,
                   Errors &errs)
{
    if (!probe)
        return;
    if (probe->handler.isEmpty())
        errs.required(path, Admission::tr("must specify a handler type"));
    errs.nonNegative(path + QStringLiteral(".initialDelaySeconds"), probe->initialDelaySeconds);
    errs.nonNegative(path + QStringLiteral(".timeoutSeconds"), probe->timeoutSeconds);
    errs.nonNegative(path + QStringLiteral(".periodSeconds"), probe->periodSeconds);
    errs.nonNegative(path + QStringLiteral(".successThreshold"), probe->successThreshold);
    errs.nonNegative(path + QStringLiteral(".failureThreshold"), probe->failureThreshold);
    if (mustSucceedOnce && probe->successThreshold != 1)
        errs.invalid(path + QStringLiteral(".successThreshold"), probe->successThreshold,
                     Admission::tr("must be 1"));
}

void validateContainers(const QList<Container> &containers, const QString &path,
                        const QSet<QString> &volumes, QSet<QString> &allNames,
                        QSet<QString> &portNames, Errors &errs)
{
    for (int i = 0; i < containers.size(); ++i) {
        const Container &c = containers.at(i);
        const QString p = QStringLiteral("%1[%2]").arg(path).arg(i);
        if (c.name.isEmpty()) {
            errs.required(p + QStringLiteral(".name"));
        } else {
            for (const QString &msg : isDns1123Label(c.name))
                errs.invalid(p + QStringLiteral(".name"), goQuote(c.name), msg);
            if (allNames.contains(c.name))
                errs.duplicate(p + QStringLiteral(".name"), goQuote(c.name));
            allNames.insert(c.name);
        }
        if (c.image.trimmed().isEmpty())
            errs.required(p + QStringLiteral(".image"));
        static const QStringList pullPolicies = {QStringLiteral("Always"),
                                                 QStringLiteral("IfNotPresent"),
                                                 QStringLiteral("Never")};
        if (c.imagePullPolicy.isEmpty())
            errs.required(p + QStringLiteral(".imagePullPolicy"));
        else if (!pullPolicies.contains(c.imagePullPolicy))
            errs.notSupported(p + QStringLiteral(".imagePullPolicy"), c.imagePullPolicy,
                              pullPolicies);
        for (int j = 0; j < c.ports.size(); ++j) {
            const ContainerPort &port = c.ports.at(j);
            const QString pp = QStringLiteral("%1.ports[%2]").arg(p).arg(j);
            if (!port.name.isEmpty()) {
                for (const QString &msg : isValidPortName(port.name))
                    errs.invalid(pp + QStringLiteral(".name"), goQuote(port.name), msg);
                if (portNames.contains(port.name))
                    errs.duplicate(pp + QStringLiteral(".name"), goQuote(port.name));
                portNames.insert(port.name);
            }
            if (port.containerPort == 0)
                errs.required(pp + QStringLiteral(".containerPort"));
            else
                for (const QString &msg : isValidPortNum(port.containerPort))
                    errs.invalid(pp + QStringLiteral(".containerPort"), port.containerPort, msg);
            static const QStringList protocols = {QStringLiteral("SCTP"), QStringLiteral("TCP"),
                                                  QStringLiteral("UDP")};
            if (port.protocol.isEmpty())
                errs.required(pp + QStringLiteral(".protocol"));
            else if (!protocols.contains(port.protocol))
                errs.notSupported(pp + QStringLiteral(".protocol"), port.protocol, protocols);
        }
        for (int j = 0; j < c.volumeMounts.size(); ++j) {
            const VolumeMount &mount = c.volumeMounts.at(j);
            const QString mp = QStringLiteral("%1.volumeMounts[%2]").arg(p).arg(j);
            if (mount.name.isEmpty())
                errs.required(mp + QStringLiteral(".name"));
            else if (!volumes.contains(mount.name))
                errs.notFound(mp + QStringLiteral(".name"), goQuote(mount.name));
            if (mount.mountPath.isEmpty())
                errs.required(mp + QStringLiteral(".mountPath"));
        }
        validateProbe(c.readinessProbe, p + QStringLiteral(".readinessProbe"), false, errs);
        validateProbe(c.livenessProbe, p + QStringLiteral(".livenessProbe"), true, errs);
        validateProbe(c.startupProbe, p + QStringLiteral(".startupProbe"), true, errs);
        validateResourceList(c.resources.limits, p + QStringLiteral(".resources.limits"), errs);
        validateResourceList(c.resources.requests, p + QStringLiteral(".resources.requests"), errs);
        for (auto it = c.resources.requests.cbegin(); it != c.resources.requests.cend(); ++it) {
            const auto limit = c.resources.limits.constFind(it.key());
            if (limit != c.resources.limits.cend() && it->value > limit->value)
                errs.invalid(p + QStringLiteral(".resources.requests"), goQuote(it->text),
                             Admission::tr("must be less than or equal to %1 limit of %2")
                                 .arg(it.key(), limit->text));
        }
    }
}

const QStringList kTaintEffects = {QStringLiteral("NoSchedule"), QStringLiteral("PreferNoSchedule"),
                                   QStringLiteral("NoExecute")};

void validateTolerations(const QList<Toleration> &tolerations, const QString &path, Errors &errs)
{
    for (int i = 0; i < tolerations.size(); ++i) {
        const Toleration &t = tolerations.at(i);
        const QString p = QStringLiteral("%1[%2]").arg(path).arg(i);
        if (!t.key.isEmpty())
            for (const QString &msg : isQualifiedName(t.key))
                errs.invalid(p + QStringLiteral(".key"), goQuote(t.key), msg);
        if (t.key.isEmpty() && t.op != QLatin1String("Exists"))
            errs.invalid(p + QStringLiteral(".operator"), goQuote(t.op),
                         Admission::tr("operator must be Exists when `key` is empty, which means "
                                       "\"match all values and all keys\""));
        if (t.tolerationSeconds && t.effect != QLatin1String("NoExecute"))
            errs.invalid(p + QStringLiteral(".effect"), goQuote(t.effect),
                         Admission::tr("effect must be 'NoExecute' when `tolerationSeconds` is "
                                       "set"));
        if (t.op == QLatin1String("Exists")) {
            if (!t.value.isEmpty())
                errs.invalid(p + QStringLiteral(".operator"),
                             QStringLiteral("core.Toleration{Key:%1, Operator:\"Exists\", "
                                            "Value:%2, Effect:%3, TolerationSeconds:%4}")
                                 .arg(goQuote(t.key), goQuote(t.value), goQuote(t.effect),
                                      t.tolerationSeconds ? QStringLiteral("(*int64)(%1)")
                                                                .arg(kFakeAddress)
                                                          : QStringLiteral("(*int64)(nil)")),
                             Admission::tr("value must be empty when `operator` is 'Exists'"));
        } else if (t.op == QLatin1String("Equal") || t.op.isEmpty()) {
            for (const QString &msg : isValidLabelValue(t.value))
                errs.invalid(p + QStringLiteral(".operator"), goQuote(t.value), msg);
        } else {
            errs.notSupported(p + QStringLiteral(".operator"), t.op,
                              {QStringLiteral("Equal"), QStringLiteral("Exists")});
        }
        if (!t.effect.isEmpty() && !kTaintEffects.contains(t.effect))
            errs.notSupported(p + QStringLiteral(".effect"), t.effect, kTaintEffects);
    }
}

void validatePodSpec(const PodSpec &spec, const QString &path, Errors &errs)
{
    QSet<QString> volumes;
    for (int i = 0; i < spec.volumes.size(); ++i) {
        const Volume &v = spec.volumes.at(i);
        const QString p = QStringLiteral("%1.volumes[%2]").arg(path).arg(i);
        if (v.name.isEmpty()) {
            errs.required(p + QStringLiteral(".name"));
        } else {
            for (const QString &msg : isDns1123Label(v.name))
                errs.invalid(p + QStringLiteral(".name"), goQuote(v.name), msg);
            if (volumes.contains(v.name))
                errs.duplicate(p + QStringLiteral(".name"), goQuote(v.name));
            volumes.insert(v.name);
        }
        if (v.kind == QLatin1String("persistentVolumeClaim") && v.claimName.isEmpty())
            errs.required(p + QStringLiteral(".persistentVolumeClaim.claimName"));
    }
    QSet<QString> names, portNames;
    if (spec.containers.isEmpty())
        errs.required(path + QStringLiteral(".containers"));
    validateContainers(spec.initContainers, path + QStringLiteral(".initContainers"), volumes,
                       names, portNames, errs);
    validateContainers(spec.containers, path + QStringLiteral(".containers"), volumes, names,
                       portNames, errs);
    static const QStringList restartPolicies = {QStringLiteral("Always"),
                                                QStringLiteral("OnFailure"),
                                                QStringLiteral("Never")};
    if (spec.restartPolicy.isEmpty())
        errs.required(path + QStringLiteral(".restartPolicy"));
    else if (!restartPolicies.contains(spec.restartPolicy))
        errs.notSupported(path + QStringLiteral(".restartPolicy"), spec.restartPolicy,
                          restartPolicies);
    static const QStringList dnsPolicies = {QStringLiteral("ClusterFirstWithHostNet"),
                                            QStringLiteral("ClusterFirst"),
                                            QStringLiteral("Default"), QStringLiteral("None")};
    if (spec.dnsPolicy.isEmpty())
        errs.required(path + QStringLiteral(".dnsPolicy"));
    else if (!dnsPolicies.contains(spec.dnsPolicy))
        errs.notSupported(path + QStringLiteral(".dnsPolicy"), spec.dnsPolicy, dnsPolicies);
    validateLabels(spec.nodeSelector, path + QStringLiteral(".nodeSelector"), errs);
    validateTolerations(spec.tolerations, path + QStringLiteral(".tolerations"), errs);
    if (spec.activeDeadlineSeconds && *spec.activeDeadlineSeconds <= 0)
        errs.invalid(path + QStringLiteral(".activeDeadlineSeconds"), *spec.activeDeadlineSeconds,
                     Admission::tr("must be between 1 and 2147483647, inclusive"));
    if (!spec.hostname.isEmpty())
        for (const QString &msg : isDns1123Label(spec.hostname))
            errs.invalid(path + QStringLiteral(".hostname"), goQuote(spec.hostname), msg);
    if (!spec.subdomain.isEmpty())
        for (const QString &msg : isDns1123Label(spec.subdomain))
            errs.invalid(path + QStringLiteral(".subdomain"), goQuote(spec.subdomain), msg);
}

void defaultPodSpec(PodSpec &spec)
{
    if (spec.restartPolicy.isEmpty())
        spec.restartPolicy = QStringLiteral("Always");
    if (spec.dnsPolicy.isEmpty())
        spec.dnsPolicy = QStringLiteral("ClusterFirst");
    if (spec.schedulerName.isEmpty())
        spec.schedulerName = QStringLiteral("default-scheduler");
    const auto defaultContainer = [](Container &c) {
        if (c.imagePullPolicy.isEmpty()) {
            // As SetDefaults_Container: ":latest" or no tag pulls Always, a digest or any other
            // tag IfNotPresent. The tag is after the last ':' of the last path segment.
            const QString last = c.image.section(QLatin1Char('/'), -1);
            const bool digest = last.contains(QLatin1Char('@'));
            const QString tag = last.contains(QLatin1Char(':')) ? last.section(QLatin1Char(':'), -1)
                                                                : QString();
            c.imagePullPolicy = !digest && (tag.isEmpty() || tag == QLatin1String("latest"))
                ? QStringLiteral("Always")
                : QStringLiteral("IfNotPresent");
        }
        for (ContainerPort &port : c.ports) {
            if (port.protocol.isEmpty())
                port.protocol = QStringLiteral("TCP");
        }
        for (std::optional<Probe> *probe : {&c.readinessProbe, &c.livenessProbe, &c.startupProbe}) {
            if (!*probe)
                continue;
            // Zero means "unset" for these int32 fields in the v1 API.
            if ((*probe)->periodSeconds == 0)
                (*probe)->periodSeconds = 10;
            if ((*probe)->timeoutSeconds == 0)
                (*probe)->timeoutSeconds = 1;
            if ((*probe)->successThreshold == 0)
                (*probe)->successThreshold = 1;
            if ((*probe)->failureThreshold == 0)
                (*probe)->failureThreshold = 3;
        }
    };
    for (Container &c : spec.initContainers)
        defaultContainer(c);
    for (Container &c : spec.containers)
        defaultContainer(c);
}

QString defaultNamespace()
{
    return QStringLiteral("default");
}

} // namespace

// --- defaults -------------------------------------------------------------------------------

void Admission::applyDefaults(StatefulSet &set)
{
    if (set.metadata.namespaceName.isEmpty())
        set.metadata.namespaceName = defaultNamespace();
    if (set.spec.podManagementPolicy.isEmpty())
        set.spec.podManagementPolicy = QStringLiteral("OrderedReady");
    StatefulSetUpdateStrategy &strategy = set.spec.updateStrategy;
    // As SetDefaults_StatefulSet: the rollingUpdate block is added only when the type itself is
    // defaulted; an explicit "type: RollingUpdate" keeps rollingUpdate nil.
    if (strategy.type.isEmpty()) {
        strategy.type = QStringLiteral("RollingUpdate");
        if (!strategy.rollingUpdate)
            strategy.rollingUpdate = RollingUpdateStrategy{};
    }
    if (set.spec.whenDeleted.isEmpty())
        set.spec.whenDeleted = QStringLiteral("Retain");
    if (set.spec.whenScaled.isEmpty())
        set.spec.whenScaled = QStringLiteral("Retain");
    defaultPodSpec(set.spec.podTemplate.spec);
    for (PersistentVolumeClaim &claim : set.spec.volumeClaimTemplates) {
        if (claim.phase.isEmpty())
            claim.phase = QStringLiteral("Pending");
    }
}

void Admission::applyDefaults(Service &service)
{
    if (service.metadata.namespaceName.isEmpty())
        service.metadata.namespaceName = defaultNamespace();
    if (service.spec.type.isEmpty())
        service.spec.type = QStringLiteral("ClusterIP");
    for (ServicePort &port : service.spec.ports) {
        if (port.protocol.isEmpty())
            port.protocol = QStringLiteral("TCP");
        if (port.targetPort.isEmpty() || port.targetPort == QLatin1String("0"))
            port.targetPort = QString::number(port.port);
    }
}

void Admission::applyDefaults(Pod &pod)
{
    if (pod.metadata.namespaceName.isEmpty())
        pod.metadata.namespaceName = defaultNamespace();
    defaultPodSpec(pod.spec);
    // The DefaultTolerationSeconds admission plugin: tolerate a not-ready or unreachable node
    // for 300 s before eviction, unless the pod already says otherwise for that taint.
    const auto hasToleration = [&](const QString &key) {
        for (const Toleration &t : pod.spec.tolerations) {
            if ((t.key == key || (t.key.isEmpty() && t.op == QLatin1String("Exists")))
                && (t.effect.isEmpty() || t.effect == QLatin1String("NoExecute")))
                return true;
        }
        return false;
    };
    for (const QString &key : {QStringLiteral("node.kubernetes.io/not-ready"),
                               QStringLiteral("node.kubernetes.io/unreachable")}) {
        if (hasToleration(key))
            continue;
        Toleration t;
        t.key = key;
        t.op = QStringLiteral("Exists");
        t.effect = QStringLiteral("NoExecute");
        t.tolerationSeconds = 300;
        pod.spec.tolerations << t;
    }
}

void Admission::applyDefaults(Node &node)
{
    node.metadata.namespaceName.clear(); // cluster-scoped; kubectl ignores a namespace here
    if (node.allocatable.isEmpty())
        node.allocatable = node.capacity;
}

void Admission::applyDefaults(Namespace &ns)
{
    ns.metadata.namespaceName.clear();
    if (ns.phase.isEmpty())
        ns.phase = QStringLiteral("Active");
}

void Admission::applyDefaults(PersistentVolumeClaim &claim)
{
    if (claim.metadata.namespaceName.isEmpty())
        claim.metadata.namespaceName = defaultNamespace();
    if (claim.phase.isEmpty())
        claim.phase = QStringLiteral("Pending");
}

void Admission::applyUpdateDefaults(const Service &old, Service &updated)
{
    const auto needsClusterIP = [](const Service &s) {
        return s.spec.type != QLatin1String("ExternalName");
    };
    if (needsClusterIP(old) && needsClusterIP(updated) && updated.spec.clusterIP.isEmpty())
        updated.spec.clusterIP = old.spec.clusterIP;
    for (ServicePort &port : updated.spec.ports) {
        if (port.nodePort != 0)
            continue;
        for (const ServicePort &previous : old.spec.ports) {
            if (previous.port == port.port && previous.protocol == port.protocol)
                port.nodePort = previous.nodePort;
        }
    }
}

// --- StatefulSet ----------------------------------------------------------------------------

namespace {

void validateStatefulSetSpec(const StatefulSetSpec &spec, Errors &errs)
{
    if (spec.podManagementPolicy.isEmpty())
        errs.required(QStringLiteral("spec.podManagementPolicy"));
    else if (spec.podManagementPolicy != QLatin1String("OrderedReady")
             && spec.podManagementPolicy != QLatin1String("Parallel"))
        errs.invalid(QStringLiteral("spec.podManagementPolicy"), goQuote(spec.podManagementPolicy),
                     Admission::tr("must be 'OrderedReady' or 'Parallel'"));

    const StatefulSetUpdateStrategy &strategy = spec.updateStrategy;
    if (strategy.type.isEmpty()) {
        errs.required(QStringLiteral("spec.updateStrategy"));
    } else if (strategy.type == QLatin1String("OnDelete")) {
        if (strategy.rollingUpdate)
            errs.invalid(QStringLiteral("spec.updateStrategy.rollingUpdate"),
                         goRollingUpdate(*strategy.rollingUpdate),
                         Admission::tr("only allowed for updateStrategy 'RollingUpdate'"));
    } else if (strategy.type == QLatin1String("RollingUpdate")) {
        if (strategy.rollingUpdate) {
            const RollingUpdateStrategy &ru = *strategy.rollingUpdate;
            errs.nonNegative(QStringLiteral("spec.updateStrategy.rollingUpdate.partition"),
                             ru.partition);
            if (!ru.maxUnavailable.isEmpty()) {
                const QString p = QStringLiteral("spec.updateStrategy.rollingUpdate.maxUnavailable");
                const QString value = goIntOrString(ru.maxUnavailable);
                const bool percent = ru.maxUnavailable.endsWith(QLatin1Char('%'));
                bool isInt = false;
                const int number = ru.maxUnavailable.toInt(&isInt);
                int scalar = number;
                if (percent || !isInt) {
                    if (!fullMatch(QStringLiteral("[0-9]+%"), ru.maxUnavailable))
                        errs.invalid(p, value,
                                     regexError(Admission::tr("a valid percent string must be a "
                                                              "numeric string followed by an "
                                                              "ending '%'"),
                                                QStringLiteral("[0-9]+%"),
                                                {QStringLiteral("1%"), QStringLiteral("93%")}));
                    scalar = ru.maxUnavailable.chopped(1).toInt();
                } else if (number < 0) {
                    errs.invalid(p, number, Admission::tr("must be greater than or equal to 0"));
                }
                if (scalar == 0)
                    errs.invalid(p, value, Admission::tr("cannot be 0"));
                if ((percent || !isInt) && scalar > 100)
                    errs.invalid(p, value, Admission::tr("must not be greater than 100%"));
            }
        }
    } else {
        errs.invalid(QStringLiteral("spec.updateStrategy"),
                     QStringLiteral("apps.StatefulSetUpdateStrategy{Type:%1, RollingUpdate:%2}")
                         .arg(goQuote(strategy.type),
                              strategy.rollingUpdate
                                  ? QStringLiteral("(*apps.RollingUpdateStatefulSetStrategy)(%1)")
                                        .arg(kFakeAddress)
                                  : QStringLiteral("(*apps.RollingUpdateStatefulSetStrategy)(nil)")),
                     Admission::tr("must be 'RollingUpdate' or 'OnDelete'"));
    }

    const QStringList policies = {QStringLiteral("Retain"), QStringLiteral("Delete")};
    if (!policies.contains(spec.whenDeleted))
        errs.notSupported(QStringLiteral("spec.persistentVolumeClaimRetentionPolicy.whenDeleted"),
                          spec.whenDeleted, policies);
    if (!policies.contains(spec.whenScaled))
        errs.notSupported(QStringLiteral("spec.persistentVolumeClaimRetentionPolicy.whenScaled"),
                          spec.whenScaled, policies);

    errs.nonNegative(QStringLiteral("spec.replicas"), spec.replicas);
    errs.nonNegative(QStringLiteral("spec.revisionHistoryLimit"), spec.revisionHistoryLimit);
    errs.nonNegative(QStringLiteral("spec.minReadySeconds"), spec.minReadySeconds);
    if (spec.ordinalsStart)
        errs.nonNegative(QStringLiteral("spec.ordinals.start"), *spec.ordinalsStart);

    if (!spec.hasSelector) {
        errs.required(QStringLiteral("spec.selector"));
    } else {
        validateLabelSelector(spec.selector, QStringLiteral("spec.selector"), errs);
        if (spec.selector.isEmpty())
            errs.invalid(QStringLiteral("spec.selector"), goLabelSelector(spec.selector),
                         Admission::tr("empty selector is invalid for statefulset"));
    }

    // LabelSelectorAsSelector: a missing selector selects nothing (so the template check still
    // fails), an empty one everything; a malformed one was reported above.
    const QMap<QString, QString> &labels = spec.podTemplate.metadata.labels;
    if (!spec.hasSelector || (selectorIsValid(spec.selector) && !spec.selector.isEmpty()
                              && !spec.selector.matches(labels)))
        errs.invalid(QStringLiteral("spec.template.metadata.labels"), goMap(labels),
                     Admission::tr("`selector` does not match template `labels`"));
    validateLabels(labels, QStringLiteral("spec.template.labels"), errs,
                   QStringLiteral("spec.template.metadata.labels"));

    if (spec.podTemplate.spec.restartPolicy != QLatin1String("Always"))
        errs.notSupported(QStringLiteral("spec.template.spec.restartPolicy"),
                          spec.podTemplate.spec.restartPolicy, {QStringLiteral("Always")});
    if (spec.podTemplate.spec.activeDeadlineSeconds)
        errs.forbidden(QStringLiteral("spec.template.spec.activeDeadlineSeconds"),
                       Admission::tr("activeDeadlineSeconds in StatefulSet is not Supported"));
}

bool sameSelector(const LabelSelector &a, const LabelSelector &b)
{
    if (a.matchLabels != b.matchLabels || a.matchExpressions.size() != b.matchExpressions.size())
        return false;
    for (int i = 0; i < a.matchExpressions.size(); ++i) {
        const LabelSelectorRequirement &x = a.matchExpressions.at(i);
        const LabelSelectorRequirement &y = b.matchExpressions.at(i);
        if (x.key != y.key || x.op != y.op || x.values != y.values)
            return false;
    }
    return true;
}

bool sameClaimTemplates(const QList<PersistentVolumeClaim> &a,
                        const QList<PersistentVolumeClaim> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i) {
        const PersistentVolumeClaim &x = a.at(i);
        const PersistentVolumeClaim &y = b.at(i);
        if (x.metadata.name != y.metadata.name || x.metadata.labels != y.metadata.labels
            || x.metadata.annotations != y.metadata.annotations
            || x.spec.accessModes != y.spec.accessModes || x.spec.storage.value != y.spec.storage.value
            || x.spec.storageClassName != y.spec.storageClassName
            || x.spec.volumeName != y.spec.volumeName)
            return false;
    }
    return true;
}

} // namespace

FieldErrors Admission::validateCreate(const StatefulSet &set)
{
    Errors errs;
    validateObjectMeta(set.metadata, true, isDns1123Label, errs);
    validateStatefulSetSpec(set.spec, errs);
    return compose(QStringLiteral("StatefulSet"), set.metadata, errs);
}

FieldErrors Admission::validateUpdate(const StatefulSet &old, const StatefulSet &updated)
{
    Errors errs;
    validateObjectMetaUpdate(old.metadata, updated.metadata, errs);
    validateStatefulSetSpec(updated.spec, errs);
    // The spec minus the mutable fields must be unchanged. The message points at the first
    // changed immutable field so that the learner sees which line caused it.
    QString changed;
    if (updated.spec.hasSelector != old.spec.hasSelector
        || !sameSelector(updated.spec.selector, old.spec.selector))
        changed = QStringLiteral("spec.selector");
    else if (updated.spec.serviceName != old.spec.serviceName)
        changed = QStringLiteral("spec.serviceName");
    else if (updated.spec.podManagementPolicy != old.spec.podManagementPolicy)
        changed = QStringLiteral("spec.podManagementPolicy");
    else if (!sameClaimTemplates(updated.spec.volumeClaimTemplates, old.spec.volumeClaimTemplates))
        changed = QStringLiteral("spec.volumeClaimTemplates");
    if (!changed.isEmpty())
        errs.forbidden(QStringLiteral("spec"),
                       tr("updates to statefulset spec for fields other than 'replicas', "
                          "'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', "
                          "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are "
                          "forbidden"),
                       changed);
    return compose(QStringLiteral("StatefulSet"), updated.metadata, errs);
}

// --- Service --------------------------------------------------------------------------------

namespace {

void validateServiceSpec(const Service &service, Errors &errs)
{
    const ServiceSpec &spec = service.spec;
    static const QStringList types = {QStringLiteral("ClusterIP"), QStringLiteral("ExternalName"),
                                      QStringLiteral("LoadBalancer"), QStringLiteral("NodePort")};
    if (spec.type.isEmpty())
        errs.required(QStringLiteral("spec.type"));
    else if (!types.contains(spec.type))
        errs.notSupported(QStringLiteral("spec.type"), spec.type, types);

    const bool externalName = spec.type == QLatin1String("ExternalName");
    if (spec.ports.isEmpty() && !service.isHeadless() && !externalName)
        errs.required(QStringLiteral("spec.ports"));

    if (externalName) {
        if (!spec.clusterIP.isEmpty())
            errs.forbidden(QStringLiteral("spec.clusterIPs"),
                           Admission::tr("may not be set for ExternalName services"),
                           QStringLiteral("spec.clusterIP"));
        QString clean = spec.externalName;
        if (clean.endsWith(QLatin1Char('.')))
            clean.chop(1);
        if (clean.isEmpty())
            errs.required(QStringLiteral("spec.externalName"));
        else
            for (const QString &msg : isDns1123Subdomain(clean))
                errs.invalid(QStringLiteral("spec.externalName"), goQuote(clean), msg);
    } else if (!spec.clusterIP.isEmpty() && !service.isHeadless()) {
        if (!isValidIPv4(spec.clusterIP))
            errs.invalid(QStringLiteral("spec.clusterIPs[0]"), goQuote(spec.clusterIP),
                         Admission::tr("must be a valid IP address, (e.g. 10.9.8.7 or "
                                       "2001:db8::ffff)"));
    } else if (service.isHeadless()
               && (spec.type == QLatin1String("NodePort")
                   || spec.type == QLatin1String("LoadBalancer"))) {
        errs.invalid(QStringLiteral("spec.clusterIPs[0]"), goQuote(spec.clusterIP),
                     Admission::tr("may not be set to 'None' for %1 services").arg(spec.type));
    }

    QSet<QString> names;
    const bool requireName = spec.ports.size() > 1;
    for (int i = 0; i < spec.ports.size(); ++i) {
        const ServicePort &port = spec.ports.at(i);
        const QString p = QStringLiteral("spec.ports[%1]").arg(i);
        if (port.name.isEmpty()) {
            if (requireName)
                errs.required(p + QStringLiteral(".name"));
        } else {
            for (const QString &msg : isDns1123Label(port.name))
                errs.invalid(p + QStringLiteral(".name"), goQuote(port.name), msg);
            if (names.contains(port.name))
                errs.duplicate(p + QStringLiteral(".name"), goQuote(port.name));
            names.insert(port.name);
        }
        for (const QString &msg : isValidPortNum(port.port))
            errs.invalid(p + QStringLiteral(".port"), port.port, msg);
        static const QStringList protocols = {QStringLiteral("SCTP"), QStringLiteral("TCP"),
                                              QStringLiteral("UDP")};
        if (port.protocol.isEmpty())
            errs.required(p + QStringLiteral(".protocol"));
        else if (!protocols.contains(port.protocol))
            errs.notSupported(p + QStringLiteral(".protocol"), port.protocol, protocols);
        bool numeric = false;
        const int target = port.targetPort.toInt(&numeric);
        if (numeric) {
            for (const QString &msg : isValidPortNum(target))
                errs.invalid(p + QStringLiteral(".targetPort"), target, msg);
        } else if (!port.targetPort.isEmpty()) {
            for (const QString &msg : isValidPortName(port.targetPort))
                errs.invalid(p + QStringLiteral(".targetPort"), goQuote(port.targetPort), msg);
        }
    }
    // Ports are unique by (protocol, port); the duplicate is printed as the internal type.
    QSet<QString> pairs;
    for (int i = 0; i < spec.ports.size(); ++i) {
        const ServicePort &port = spec.ports.at(i);
        const QString pair = port.protocol + QLatin1Char('/') + QString::number(port.port);
        if (pairs.contains(pair))
            errs.duplicate(QStringLiteral("spec.ports[%1]").arg(i),
                           QStringLiteral("core.ServicePort{Name:\"\", Protocol:%1, "
                                          "AppProtocol:(*string)(nil), Port:%2, "
                                          "TargetPort:intstr.IntOrString{Type:0, IntVal:0, "
                                          "StrVal:\"\"}, NodePort:0}")
                               .arg(goQuote(port.protocol))
                               .arg(port.port));
        pairs.insert(pair);
    }
    validateLabels(spec.selector, QStringLiteral("spec.selector"), errs);
}

} // namespace

FieldErrors Admission::validateCreate(const Service &service)
{
    Errors errs;
    validateObjectMeta(service.metadata, true, isDns1035Label, errs);
    validateServiceSpec(service, errs);
    return compose(QStringLiteral("Service"), service.metadata, errs);
}

FieldErrors Admission::validateUpdate(const Service &old, const Service &updated)
{
    Errors errs;
    validateObjectMetaUpdate(old.metadata, updated.metadata, errs);
    // As the pre-dual-stack ValidateServiceUpdate; ExternalName services have no clusterIP.
    const auto hasClusterIP = [](const Service &s) {
        return s.spec.type != QLatin1String("ExternalName");
    };
    if (hasClusterIP(old) && hasClusterIP(updated) && !old.spec.clusterIP.isEmpty()
        && old.spec.clusterIP != updated.spec.clusterIP)
        errs.invalid(QStringLiteral("spec.clusterIP"), goQuote(updated.spec.clusterIP),
                     tr("field is immutable"));
    validateServiceSpec(updated, errs);
    return compose(QStringLiteral("Service"), updated.metadata, errs);
}

// --- Pod ------------------------------------------------------------------------------------

FieldErrors Admission::validateCreate(const Pod &pod)
{
    Errors errs;
    validateObjectMeta(pod.metadata, true, isDns1123Subdomain, errs);
    validatePodSpec(pod.spec, QStringLiteral("spec"), errs);
    return compose(QStringLiteral("Pod"), pod.metadata, errs);
}

FieldErrors Admission::validateUpdate(const Pod &old, const Pod &updated)
{
    Errors errs;
    validateObjectMetaUpdate(old.metadata, updated.metadata, errs);
    validatePodSpec(updated.spec, QStringLiteral("spec"), errs);
    // Compare the spec with the mutable parts (images, activeDeadlineSeconds, added
    // tolerations) taken from the old one.
    PodSpec a = old.spec;
    PodSpec b = updated.spec;
    const auto stripImages = [](PodSpec &s) {
        for (Container &c : s.containers)
            c.image.clear();
        for (Container &c : s.initContainers)
            c.image.clear();
        s.activeDeadlineSeconds.reset();
    };
    stripImages(a);
    stripImages(b);
    bool tolerationsOk = b.tolerations.size() >= a.tolerations.size();
    for (int i = 0; tolerationsOk && i < a.tolerations.size(); ++i) {
        const Toleration &x = a.tolerations.at(i);
        const Toleration &y = b.tolerations.at(i);
        tolerationsOk = x.key == y.key && x.op == y.op && x.value == y.value && x.effect == y.effect;
    }
    const auto sameContainers = [](const QList<Container> &x, const QList<Container> &y) {
        if (x.size() != y.size())
            return false;
        for (int i = 0; i < x.size(); ++i) {
            const Container &c = x.at(i);
            const Container &d = y.at(i);
            if (c.name != d.name || c.imagePullPolicy != d.imagePullPolicy || c.command != d.command
                || c.args != d.args || c.ports.size() != d.ports.size()
                || c.volumeMounts.size() != d.volumeMounts.size()
                || c.readinessProbe.has_value() != d.readinessProbe.has_value()
                || c.livenessProbe.has_value() != d.livenessProbe.has_value())
                return false;
            for (int j = 0; j < c.ports.size(); ++j) {
                if (c.ports.at(j).containerPort != d.ports.at(j).containerPort
                    || c.ports.at(j).name != d.ports.at(j).name)
                    return false;
            }
        }
        return true;
    };
    const bool same = tolerationsOk && sameContainers(a.containers, b.containers)
        && sameContainers(a.initContainers, b.initContainers) && a.nodeName == b.nodeName
        && a.nodeSelector == b.nodeSelector && a.restartPolicy == b.restartPolicy
        && a.dnsPolicy == b.dnsPolicy && a.hostname == b.hostname && a.subdomain == b.subdomain
        && a.terminationGracePeriodSeconds == b.terminationGracePeriodSeconds
        && a.volumes.size() == b.volumes.size();
    if (!same)
        errs.forbidden(QStringLiteral("spec"),
                       tr("pod updates may not change fields other than "
                          "`spec.containers[*].image`,`spec.initContainers[*].image`,"
                          "`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to "
                          "existing tolerations),`spec.terminationGracePeriodSeconds` (allow it "
                          "to be set to 1 if it was previously negative)"));
    return compose(QStringLiteral("Pod"), updated.metadata, errs);
}

// --- Node, Namespace, PersistentVolumeClaim -------------------------------------------------

namespace {

void validateNodeSpec(const Node &node, Errors &errs)
{
    QSet<QString> seen;
    for (int i = 0; i < node.taints.size(); ++i) {
        const Taint &t = node.taints.at(i);
        const QString p = QStringLiteral("spec.taints[%1]").arg(i);
        if (t.key.isEmpty()) {
            errs.required(p + QStringLiteral(".key"));
        } else {
            for (const QString &msg : isQualifiedName(t.key))
                errs.invalid(p + QStringLiteral(".key"), goQuote(t.key), msg);
        }
        if (!t.value.isEmpty())
            for (const QString &msg : isValidLabelValue(t.value))
                errs.invalid(p + QStringLiteral(".value"), goQuote(t.value), msg);
        if (t.effect.isEmpty())
            errs.required(p + QStringLiteral(".effect"));
        else if (!kTaintEffects.contains(t.effect))
            errs.notSupported(p + QStringLiteral(".effect"), t.effect, kTaintEffects);
        const QString keyEffect = t.key + QLatin1Char(':') + t.effect;
        if (seen.contains(keyEffect))
            errs.duplicate(p, QStringLiteral("core.Taint{Key:%1, Value:%2, Effect:%3, "
                                             "TimeAdded:<nil>}")
                                  .arg(goQuote(t.key), goQuote(t.value), goQuote(t.effect)));
        seen.insert(keyEffect);
    }
}

} // namespace

FieldErrors Admission::validateCreate(const Node &node)
{
    Errors errs;
    validateObjectMeta(node.metadata, false, isDns1123Subdomain, errs);
    validateNodeSpec(node, errs);
    return compose(QStringLiteral("Node"), node.metadata, errs);
}

FieldErrors Admission::validateUpdate(const Node &old, const Node &updated)
{
    Errors errs;
    validateObjectMetaUpdate(old.metadata, updated.metadata, errs);
    validateNodeSpec(updated, errs);
    if (!old.podCIDR.isEmpty() && old.podCIDR != updated.podCIDR)
        errs.forbidden(QStringLiteral("spec.podCIDRs"), tr("node updates may not change podCIDR "
                                                           "except from \"\" to valid"));
    return compose(QStringLiteral("Node"), updated.metadata, errs);
}

FieldErrors Admission::validateCreate(const Namespace &ns)
{
    Errors errs;
    validateObjectMeta(ns.metadata, false, isDns1123Label, errs);
    return compose(QStringLiteral("Namespace"), ns.metadata, errs);
}

FieldErrors Admission::validateUpdate(const Namespace &old, const Namespace &updated)
{
    Errors errs;
    validateObjectMetaUpdate(old.metadata, updated.metadata, errs);
    return compose(QStringLiteral("Namespace"), updated.metadata, errs);
}

FieldErrors Admission::validateCreate(const PersistentVolumeClaim &claim)
{
    Errors errs;
    validateObjectMeta(claim.metadata, true, isDns1123Subdomain, errs);
    if (claim.spec.accessModes.isEmpty())
        errs.required(QStringLiteral("spec.accessModes"),
                      tr("at least 1 access mode is required"));
    if (!claim.spec.storage.isSet())
        errs.required(QStringLiteral("spec.resources[storage]"));
    return compose(QStringLiteral("PersistentVolumeClaim"), claim.metadata, errs);
}

FieldErrors Admission::validateUpdate(const PersistentVolumeClaim &old,
                                      const PersistentVolumeClaim &updated)
{
    Errors errs;
    validateObjectMetaUpdate(old.metadata, updated.metadata, errs);
    const PersistentVolumeClaimSpec &a = old.spec;
    const PersistentVolumeClaimSpec &b = updated.spec;
    if (a.accessModes != b.accessModes
        || (!b.storageClassName.isEmpty() && a.storageClassName != b.storageClassName)
        || (!b.volumeName.isEmpty() && a.volumeName != b.volumeName)) {
        errs.forbidden(QStringLiteral("spec"),
                       tr("spec is immutable after creation except resources.requests and "
                          "volumeAttributesClassName for bound claims"));
    } else if (b.storage.isSet()) {
        // A bound claim may grow, never shrink below what it has.
        const Quantity &floor = old.capacity.isSet() ? old.capacity : a.storage;
        if (b.storage.value < floor.value)
            errs.forbidden(QStringLiteral("spec.resources.requests.storage"),
                           old.capacity.isSet() ? tr("field can not be less than status.capacity")
                                                : tr("field can not be less than previous value"));
    }
    return compose(QStringLiteral("PersistentVolumeClaim"), updated.metadata, errs);
}

// --- policy/v1 PodDisruptionBudget (pkg/apis/policy/validation) ------------------------------

namespace {

// ValidatePositiveIntOrPercent plus IsNotMoreThan100Percent, as for a budget's minAvailable and
// maxUnavailable: a non-negative integer, or a percent string of at most 100%.
void validateBudgetValue(const QString &value, const QString &path, Errors &errs)
{
    bool isInt = false;
    const qint64 number = value.toLongLong(&isInt);
    if (isInt) {
        errs.nonNegative(path, number);
        return;
    }
    if (!fullMatch(QStringLiteral("[0-9]+%"), value)) {
        errs.invalid(path, goIntOrString(value),
                     regexError(Admission::tr("a valid percent string must be a numeric string "
                                              "followed by an ending '%'"),
                                QStringLiteral("[0-9]+%"),
                                {QStringLiteral("1%"), QStringLiteral("93%")}));
        return;
    }
    if (value.chopped(1).toInt() > 100)
        errs.invalid(path, goIntOrString(value), Admission::tr("must not be greater than 100%"));
}

void validateBudgetSpec(const PodDisruptionBudgetSpec &spec, Errors &errs)
{
    if (spec.minAvailable && spec.maxUnavailable) {
        // Upstream prints the whole spec with %#v here; Ordinal names the two values.
        errs.invalid(QStringLiteral("spec"),
                     QStringLiteral("policy.PodDisruptionBudgetSpec{MinAvailable:%1, "
                                    "MaxUnavailable:%2}")
                         .arg(goIntOrString(*spec.minAvailable),
                              goIntOrString(*spec.maxUnavailable)),
                     Admission::tr("minAvailable and maxUnavailable cannot be both set"));
    }
    if (spec.minAvailable)
        validateBudgetValue(*spec.minAvailable, QStringLiteral("spec.minAvailable"), errs);
    if (spec.maxUnavailable)
        validateBudgetValue(*spec.maxUnavailable, QStringLiteral("spec.maxUnavailable"), errs);
    if (spec.hasSelector)
        validateLabelSelector(spec.selector, QStringLiteral("spec.selector"), errs);
    if (!spec.unhealthyPodEvictionPolicy.isEmpty()
        && spec.unhealthyPodEvictionPolicy != QLatin1String("IfHealthyBudget")
        && spec.unhealthyPodEvictionPolicy != QLatin1String("AlwaysAllow")) {
        errs.notSupported(QStringLiteral("spec.unhealthyPodEvictionPolicy"),
                          spec.unhealthyPodEvictionPolicy,
                          {QStringLiteral("AlwaysAllow"), QStringLiteral("IfHealthyBudget")});
    }
}

} // namespace

void Admission::applyDefaults(PodDisruptionBudget &pdb)
{
    if (pdb.metadata.namespaceName.isEmpty())
        pdb.metadata.namespaceName = defaultNamespace();
}

FieldErrors Admission::validateCreate(const PodDisruptionBudget &pdb)
{
    Errors errs;
    validateObjectMeta(pdb.metadata, true, isDns1123Subdomain, errs);
    validateBudgetSpec(pdb.spec, errs);
    return compose(QStringLiteral("PodDisruptionBudget"), pdb.metadata, errs);
}

FieldErrors Admission::validateUpdate(const PodDisruptionBudget &old,
                                      const PodDisruptionBudget &updated)
{
    // policy/v1 budgets are mutable (since 1.15): the update is validated as the new object.
    Errors errs;
    validateObjectMetaUpdate(old.metadata, updated.metadata, errs);
    validateBudgetSpec(updated.spec, errs);
    return compose(QStringLiteral("PodDisruptionBudget"), updated.metadata, errs);
}

// --- any kind -------------------------------------------------------------------------------

FieldErrors Admission::admit(AnyObject &object, const AnyObject *existing)
{
    return std::visit(
        [existing](auto &obj) -> FieldErrors {
            using T = std::decay_t<decltype(obj)>;
            if constexpr (std::is_same_v<T, StatefulSet> || std::is_same_v<T, Service>
                          || std::is_same_v<T, Pod> || std::is_same_v<T, Node>
                          || std::is_same_v<T, Namespace>
                          || std::is_same_v<T, PodDisruptionBudget>) {
                applyDefaults(obj);
                const T *old = existing ? std::get_if<T>(existing) : nullptr;
                if (!old)
                    return validateCreate(obj);
                if constexpr (std::is_same_v<T, Service>)
                    applyUpdateDefaults(*old, obj);
                return validateUpdate(*old, obj);
            } else if constexpr (std::is_same_v<T, PersistentVolumeClaim>) {
                applyDefaults(obj);
                const T *old = existing ? std::get_if<T>(existing) : nullptr;
                if (!old)
                    return validateCreate(obj);
                FieldErrors created = validateCreate(obj);
                return created.isEmpty() ? validateUpdate(*old, obj) : created;
            } else {
                return {};
            }
        },
        object);
}

} // namespace ordinal::core
