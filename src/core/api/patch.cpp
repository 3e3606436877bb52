#include "api/patch.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <cctype>
#include <optional>

namespace ordinal::core::apijson {

using nlohmann::json;

namespace {

// A failure on the way, with the Status the API server would answer.
struct PatchFailure
{
    int code;
    QString message;
    QString cause;
};

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

[[noreturn]] void badRequest(const QString &message)
{
    throw PatchFailure{400, message, {}};
}

// errors.NewGenericServerResponse(422, ...): the text is only the cause.
[[noreturn]] void unprocessable(const QString &cause)
{
    throw PatchFailure{422,
                       QStringLiteral("the server rejected our request due to an error in our "
                                      "request"),
                       cause};
}

// A plain Go error reaching the handler becomes an InternalError.
[[noreturn]] void internal(const QString &text)
{
    throw PatchFailure{500, QStringLiteral("Internal error occurred: ") + text, {}};
}

// --- Go's words --------------------------------------------------------------------------------

// strconv.Quote of one byte, in single quotes, as encoding/json's quoteChar.
QString goQuoteChar(unsigned char c)
{
    if (c == '\'')
        return QStringLiteral("'\\''");
    if (c == '"')
        return QStringLiteral("'\"'");
    switch (c) {
    case '\n': return QStringLiteral("'\\n'");
    case '\r': return QStringLiteral("'\\r'");
    case '\t': return QStringLiteral("'\\t'");
    case '\b': return QStringLiteral("'\\b'");
    case '\f': return QStringLiteral("'\\f'");
    case '\\': return QStringLiteral("'\\\\'");
    default: break;
    }
    if (c < 0x20 || c == 0x7f)
        return QStringLiteral("'\\x%1'").arg(int(c), 2, 16, QLatin1Char('0'));
    return QLatin1Char('\'') + QChar(ushort(c)) + QLatin1Char('\'');
}

// A validating scanner that stops at the first error with encoding/json's text.
class GoJsonScanner
{
public:
    explicit GoJsonScanner(const QByteArray &text) : m_text(text) {}

    QString check()
    {
        try {
            skipSpace();
            value(QStringLiteral("looking for beginning of value"));
            skipSpace();
            if (m_pos < m_text.size())
                fail(QStringLiteral("after top-level value"));
        } catch (const QString &message) {
            return message;
        }
        return {};
    }

private:
    [[noreturn]] void fail(const QString &context)
    {
        if (m_pos >= m_text.size())
            throw QStringLiteral("unexpected end of JSON input");
        throw QStringLiteral("invalid character %1 %2")
            .arg(goQuoteChar(uchar(m_text.at(m_pos))), context);
    }
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text.at(m_pos); }
    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }
    void need()
    {
        if (atEnd())
            throw QStringLiteral("unexpected end of JSON input");
    }

    void value(const QString &context)
    {
        need();
        const char c = peek();
        if (c == '{')
            object();
        else if (c == '[')
            array();
        else if (c == '"')
            string();
        else if (c == '-' || (c >= '0' && c <= '9'))
            number();
        else if (c == 't')
            literal("true");
        else if (c == 'f')
            literal("false");
        else if (c == 'n')
            literal("null");
        else
            fail(context);
    }

    void object()
    {
        ++m_pos;
        skipSpace();
        need();
        if (peek() == '}') {
            ++m_pos;
            return;
        }
        for (;;) {
            need();
            if (peek() != '"')
                fail(QStringLiteral("looking for beginning of object key string"));
            string();
            skipSpace();
            need();
            if (peek() != ':')
                fail(QStringLiteral("after object key"));
            ++m_pos;
            skipSpace();
            value(QStringLiteral("looking for beginning of value"));
            skipSpace();
            need();
            if (peek() == ',') {
                ++m_pos;
                skipSpace();
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                return;
            }
            fail(QStringLiteral("after object key:value pair"));
        }
    }

    void array()
    {
        ++m_pos;
        skipSpace();
        need();
        if (peek() == ']') {
            ++m_pos;
            return;
        }
        for (;;) {
            value(QStringLiteral("looking for beginning of value"));
            skipSpace();
            need();
            if (peek() == ',') {
                ++m_pos;
                skipSpace();
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                return;
            }
            fail(QStringLiteral("after array element"));
        }
    }

    void string()
    {
        ++m_pos;
        for (;;) {
            need();
            const uchar c = uchar(peek());
            if (c == '"') {
                ++m_pos;
                return;
            }
            if (c == '\\') {
                ++m_pos;
                need();
                const char e = peek();
                if (e == 'u') {
                    ++m_pos;
                    for (int i = 0; i < 4; ++i) {
                        need();
                        if (!std::isxdigit(uchar(peek())))
                            fail(QStringLiteral("in \\u hexadecimal character escape"));
                        ++m_pos;
                    }
                    continue;
                }
                if (QByteArrayView("\"\\/bfnrt").contains(e)) {
                    ++m_pos;
                    continue;
                }
                fail(QStringLiteral("in string escape code"));
            }
            if (c < 0x20)
                fail(QStringLiteral("in string literal"));
            ++m_pos;
        }
    }

    void digits()
    {
        while (!atEnd() && peek() >= '0' && peek() <= '9')
            ++m_pos;
    }

    void number()
    {
        if (peek() == '-') {
            ++m_pos;
            need();
            if (peek() < '0' || peek() > '9')
                fail(QStringLiteral("in numeric literal"));
        }
        if (peek() == '0')
            ++m_pos;
        else
            digits();
        if (!atEnd() && peek() == '.') {
            ++m_pos;
            need();
            if (peek() < '0' || peek() > '9')
                fail(QStringLiteral("after decimal point in numeric literal"));
            digits();
        }
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            ++m_pos;
            need();
            if (peek() == '+' || peek() == '-')
                ++m_pos;
            need();
            if (peek() < '0' || peek() > '9')
                fail(QStringLiteral("in exponent of numeric literal"));
            digits();
        }
    }

    void literal(const char *word)
    {
        ++m_pos;
        for (const char *w = word + 1; *w; ++w) {
            need();
            if (peek() != *w)
                fail(QStringLiteral("in literal %1 (expecting %2)")
                         .arg(QLatin1String(word), goQuoteChar(uchar(*w))));
            ++m_pos;
        }
    }

    const QByteArray &m_text;
    qsizetype m_pos = 0;
};

// The JSON type name encoding/json uses in "cannot unmarshal X into ...".
QString goKindName(const json &value)
{
    switch (value.type()) {
    case json::value_t::object: return QStringLiteral("object");
    case json::value_t::array: return QStringLiteral("array");
    case json::value_t::string: return QStringLiteral("string");
    case json::value_t::boolean: return QStringLiteral("bool");
    case json::value_t::null: return QStringLiteral("null");
    default: return QStringLiteral("number");
    }
}

// fmt's %v of a decoded JSON value (map keys sorted, as Go prints maps).
QString goValue(const json &value)
{
    switch (value.type()) {
    case json::value_t::object: {
        QStringList parts;
        for (auto it = value.begin(); it != value.end(); ++it)
            parts << qs(it.key()) + QLatin1Char(':') + goValue(it.value());
        return QStringLiteral("map[") + parts.join(QLatin1Char(' ')) + QLatin1Char(']');
    }
    case json::value_t::array: {
        QStringList parts;
        for (const json &item : value)
            parts << goValue(item);
        return QLatin1Char('[') + parts.join(QLatin1Char(' ')) + QLatin1Char(']');
    }
    case json::value_t::string: return qs(value.get<std::string>());
    case json::value_t::boolean: return value.get<bool>() ? QStringLiteral("true")
                                                          : QStringLiteral("false");
    case json::value_t::null: return QStringLiteral("<nil>");
    case json::value_t::number_float: return QString::number(value.get<double>(), 'g', 17);
    default: return qs(value.dump());
    }
}

// Parses a patch body; syntax errors in Go's words with the caller's prefix.
json parseBody(const QByteArray &body, const QString &prefix)
{
    const QString syntax = goJsonSyntaxError(body);
    if (!syntax.isEmpty())
        badRequest(prefix + syntax);
    return json::parse(body.constBegin(), body.constEnd());
}

// --- JSON patch (RFC 6902, evanphx/json-patch v4 rules) ----------------------------------------

QString decodePointerToken(QString token)
{
    token.replace(QStringLiteral("~1"), QStringLiteral("/"));
    token.replace(QStringLiteral("~0"), QStringLiteral("~"));
    return token;
}

// strconv.Atoi: an optional sign and decimal digits.
std::optional<qint64> goAtoi(const QString &text, QString *error)
{
    static const QRegularExpression re(QStringLiteral("^[+-]?[0-9]+$"));
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!re.match(text).hasMatch() || !ok) {
        if (error)
            *error = QStringLiteral("strconv.Atoi: parsing \"%1\": invalid syntax").arg(text);
        return std::nullopt;
    }
    return value;
}

QString invalidIndex(qint64 index)
{
    return QStringLiteral("Unable to access invalid index: %1: invalid index referenced").arg(index);
}

// findObject: the container holding the pointer's last token, or nullptr.
json *findContainer(json &doc, const QString &path, QString *key)
{
    const QStringList split = path.split(QLatin1Char('/'));
    if (split.size() < 2)
        return nullptr;
    json *current = &doc;
    for (qsizetype i = 1; i < split.size() - 1; ++i) {
        const QString part = decodePointerToken(split.at(i));
        json *next = nullptr;
        if (current->is_object()) {
            const auto it = current->find(part.toStdString());
            if (it != current->end())
                next = &*it;
        } else if (current->is_array()) {
            std::optional<qint64> index = goAtoi(part, nullptr);
            const qint64 size = qint64(current->size());
            if (index && *index < 0 && *index >= -size)
                *index += size;
            if (index && *index >= 0 && *index < size)
                next = &(*current)[size_t(*index)];
        }
        if (!next || !(next->is_object() || next->is_array()))
            return nullptr;
        current = next;
    }
    *key = decodePointerToken(split.last());
    return current;
}

// The array index key names, validated as partialArray.get does; std::nullopt and *error set.
std::optional<size_t> arrayIndex(const json &array, const QString &key, QString *error)
{
    const std::optional<qint64> parsed = goAtoi(key, error);
    if (!parsed)
        return std::nullopt;
    qint64 index = *parsed;
    const qint64 size = qint64(array.size());
    if (index < 0) {
        if (index < -size) {
            *error = invalidIndex(index);
            return std::nullopt;
        }
        index += size;
    }
    if (index >= size) {
        *error = invalidIndex(index);
        return std::nullopt;
    }
    return size_t(index);
}

// get: the value (nullptr for a missing map key) or an error for a bad array index.
const json *containerGet(json &container, const QString &key, QString *error)
{
    if (container.is_object()) {
        const auto it = container.find(key.toStdString());
        return it == container.end() ? nullptr : &*it;
    }
    const std::optional<size_t> index = arrayIndex(container, key, error);
    return index ? &container[*index] : nullptr;
}

bool containerAdd(json &container, const QString &key, const json &value, QString *error)
{
    if (container.is_object()) {
        container[key.toStdString()] = value;
        return true;
    }
    if (key == QLatin1String("-")) {
        container.push_back(value);
        return true;
    }
    QString atoiError;
    const std::optional<qint64> parsed = goAtoi(key, &atoiError);
    if (!parsed) {
        *error = QStringLiteral("value was not a proper array index: '%1': %2").arg(key, atoiError);
        return false;
    }
    qint64 index = *parsed;
    const qint64 size = qint64(container.size()) + 1;
    if (index >= size || index < -size) {
        *error = invalidIndex(index);
        return false;
    }
    if (index < 0)
        index += size;
    container.insert(container.begin() + index, value);
    return true;
}

bool containerRemove(json &container, const QString &key, QString *error)
{
    if (container.is_object()) {
        if (container.erase(key.toStdString()) == 0) {
            *error = QStringLiteral("Unable to remove nonexistent key: %1: missing value").arg(key);
            return false;
        }
        return true;
    }
    const std::optional<size_t> index = arrayIndex(container, key, error);
    if (!index)
        return false;
    container.erase(container.begin() + qsizetype(*index));
    return true;
}

void applyOperation(json &doc, const json &op)
{
    const QString kind = op.contains("op") && op["op"].is_string() ? qs(op["op"].get<std::string>())
                                                                   : QStringLiteral("unknown");
    const bool hasPath = op.contains("path") && op["path"].is_string();
    const QString path = hasPath ? qs(op["path"].get<std::string>()) : QString();
    const bool hasFrom = op.contains("from") && op["from"].is_string();
    const QString from = hasFrom ? qs(op["from"].get<std::string>()) : QString();
    const bool hasValue = op.contains("value");
    const json value = hasValue ? op["value"] : json();
    const QString missingPath = QStringLiteral("operation missing path field: missing value");
    QString key, error;

    if (kind == QLatin1String("add")) {
        if (!hasPath)
            unprocessable(QStringLiteral("add operation failed to decode path: missing value"));
        json *con = findContainer(doc, path, &key);
        if (!con)
            unprocessable(QStringLiteral("add operation does not apply: doc is missing path: "
                                         "\"%1\": missing value")
                              .arg(path));
        if (!containerAdd(*con, key, value, &error))
            unprocessable(QStringLiteral("error in add for path: '%1': %2").arg(path, error));
    } else if (kind == QLatin1String("remove")) {
        if (!hasPath)
            unprocessable(QStringLiteral("remove operation failed to decode path: missing value"));
        json *con = findContainer(doc, path, &key);
        if (!con)
            unprocessable(QStringLiteral("remove operation does not apply: doc is missing path: "
                                         "\"%1\": missing value")
                              .arg(path));
        if (!containerRemove(*con, key, &error))
            unprocessable(QStringLiteral("error in remove for path: '%1': %2").arg(path, error));
    } else if (kind == QLatin1String("replace")) {
        if (!hasPath)
            unprocessable(QStringLiteral("replace operation failed to decode path: ") + missingPath);
        if (path.isEmpty()) {
            // The whole document; the library silently ignores a scalar here.
            if (value.is_object() || value.is_array())
                doc = value;
            return;
        }
        json *con = findContainer(doc, path, &key);
        if (!con)
            unprocessable(QStringLiteral("replace operation does not apply: doc is missing path: "
                                         "%1: missing value")
                              .arg(path));
        if (con->is_object()) {
            // v4 quirk kept by the API server: a missing map key is simply set.
            (*con)[key.toStdString()] = value;
        } else {
            const std::optional<size_t> index = arrayIndex(*con, key, &error);
            if (!index)
                unprocessable(QStringLiteral("replace operation does not apply: doc is missing "
                                             "key: %1: missing value")
                                  .arg(path));
            (*con)[*index] = value;
        }
    } else if (kind == QLatin1String("move")) {
        if (!hasFrom)
            unprocessable(QStringLiteral("move operation failed to decode from: operation, "
                                         "missing from field: missing value"));
        json *con = findContainer(doc, from, &key);
        if (!con)
            unprocessable(QStringLiteral("move operation does not apply: doc is missing from "
                                         "path: %1: missing value")
                              .arg(from));
        const json *found = containerGet(*con, key, &error);
        if (!error.isEmpty())
            unprocessable(QStringLiteral("error in move for path: '%1': %2").arg(key, error));
        const json moved = found ? *found : json();
        if (!containerRemove(*con, key, &error))
            unprocessable(QStringLiteral("error in move for path: '%1': %2").arg(key, error));
        if (!hasPath)
            unprocessable(QStringLiteral("move operation failed to decode path: ") + missingPath);
        con = findContainer(doc, path, &key);
        if (!con)
            unprocessable(QStringLiteral("move operation does not apply: doc is missing "
                                         "destination path: %1: missing value")
                              .arg(path));
        if (!containerAdd(*con, key, moved, &error))
            unprocessable(QStringLiteral("error in move for path: '%1': %2").arg(path, error));
    } else if (kind == QLatin1String("copy")) {
        if (!hasFrom)
            unprocessable(QStringLiteral("copy operation failed to decode from: operation, "
                                         "missing from field: missing value"));
        json *con = findContainer(doc, from, &key);
        if (!con)
            unprocessable(QStringLiteral("copy operation does not apply: doc is missing from "
                                         "path: %1: missing value")
                              .arg(from));
        const json *found = containerGet(*con, key, &error);
        if (!error.isEmpty())
            unprocessable(QStringLiteral("error in copy for from: '%1': %2").arg(from, error));
        const json copied = found ? *found : json();
        if (!hasPath)
            unprocessable(QStringLiteral("copy operation failed to decode path: missing value"));
        con = findContainer(doc, path, &key);
        if (!con)
            unprocessable(QStringLiteral("copy operation does not apply: doc is missing "
                                         "destination path: %1: missing value")
                              .arg(path));
        if (!containerAdd(*con, key, copied, &error))
            unprocessable(QStringLiteral("error while adding value during copy: ") + error);
    } else if (kind == QLatin1String("test")) {
        if (!hasPath)
            unprocessable(QStringLiteral("test operation failed to decode path: ") + missingPath);
        const QString failed = QStringLiteral("testing value %1 failed: test failed").arg(path);
        if (path.isEmpty()) {
            if (doc != value)
                unprocessable(failed);
            return;
        }
        json *con = findContainer(doc, path, &key);
        if (!con)
            unprocessable(QStringLiteral("test operation does not apply: is missing path: %1: "
                                         "missing value")
                              .arg(path));
        const json *found = containerGet(*con, key, &error);
        if (!error.isEmpty())
            unprocessable(QStringLiteral("error in test for path: '%1': %2").arg(path, error));
        if (!found) {
            if (!hasValue)
                return;
            unprocessable(failed);
        }
        if (!hasValue || *found != value)
            unprocessable(failed);
    } else {
        unprocessable(QStringLiteral("Unexpected kind: %1").arg(kind));
    }
}

json applyJsonPatch(const json &original, const QByteArray &body)
{
    const QString prefix = QStringLiteral("error decoding patch: ");
    const json patch = parseBody(body, prefix);
    if (patch.is_null())
        return original;
    if (!patch.is_array())
        badRequest(prefix
                   + QStringLiteral("json: cannot unmarshal %1 into Go value of type "
                                    "[]handlers.jsonPatchOp")
                         .arg(goKindName(patch)));
    for (const json &op : patch) {
        if (op.is_null())
            continue;
        if (!op.is_object())
            badRequest(prefix
                       + QStringLiteral("json: cannot unmarshal %1 into Go value of type "
                                        "handlers.jsonPatchOp")
                             .arg(goKindName(op)));
        for (const char *field : {"op", "path", "from"}) {
            if (op.contains(field) && !op[field].is_string() && !op[field].is_null())
                badRequest(prefix
                           + QStringLiteral("json: cannot unmarshal %1 into Go struct field "
                                            "jsonPatchOp.%2 of type string")
                                 .arg(goKindName(op[field]), QLatin1String(field)));
        }
    }
    if (patch.size() > 10000)
        throw PatchFailure{413,
                           QStringLiteral("The allowed maximum operations in a JSON patch is "
                                          "10000, got %1")
                               .arg(patch.size()),
                           {}};
    json doc = original;
    for (const json &op : patch) {
        if (!op.is_null())
            applyOperation(doc, op);
    }
    return doc;
}

// --- merge patch (RFC 7386) ------------------------------------------------------------------------

json applyMergePatch(const json &original, const QByteArray &body)
{
    const QString prefix = QStringLiteral("error decoding patch: ");
    const json patch = parseBody(body, prefix);
    if (patch.is_null())
        return original; // decodes to an empty map: nothing to merge
    if (!patch.is_object())
        badRequest(prefix
                   + QStringLiteral("json: cannot unmarshal %1 into Go value of type "
                                    "map[string]interface {}")
                         .arg(goKindName(patch)));
    json doc = original;
    doc.merge_patch(patch);
    return doc;
}

// --- strategic merge patch ---------------------------------------------------------------------

// How a list field merges, from the patchStrategy/patchMergeKey struct tags of k8s.io/api.
struct ListStrategy
{
    enum Kind { Replace, MergeByKey, MergePrimitive };
    Kind kind = Replace;
    QString key;
};

// path: the field names from the object's root, joined by '.', without list indices.
ListStrategy listStrategy(ObjectKind kind, const QString &path)
{
    const auto byKey = [](const char *key) {
        return ListStrategy{ListStrategy::MergeByKey, QLatin1String(key)};
    };
    const ListStrategy primitive{ListStrategy::MergePrimitive, {}};

    // ObjectMeta, wherever it is embedded.
    if (path == QLatin1String("metadata.finalizers") || path.endsWith(QLatin1String(".metadata.finalizers")))
        return primitive;
    if (path == QLatin1String("metadata.ownerReferences")
        || path.endsWith(QLatin1String(".metadata.ownerReferences")))
        return byKey("uid");

    // The PodSpec of a Pod, or of a StatefulSet's template.
    QString podSpec;
    if (kind == ObjectKind::Pod && path.startsWith(QLatin1String("spec.")))
        podSpec = path.mid(5);
    else if (kind == ObjectKind::StatefulSet
             && path.startsWith(QLatin1String("spec.template.spec.")))
        podSpec = path.mid(19);
    if (!podSpec.isEmpty()) {
        static const QStringList containerLists = {QStringLiteral("containers"),
                                                   QStringLiteral("initContainers"),
                                                   QStringLiteral("ephemeralContainers")};
        const QString list = podSpec.section(QLatin1Char('.'), 0, 0);
        const QString rest = podSpec.section(QLatin1Char('.'), 1);
        if (containerLists.contains(list)) {
            if (rest.isEmpty())
                return byKey("name");
            if (rest == QLatin1String("ports"))
                return byKey("containerPort");
            if (rest == QLatin1String("env"))
                return byKey("name");
            if (rest == QLatin1String("volumeMounts"))
                return byKey("mountPath");
            if (rest == QLatin1String("volumeDevices"))
                return byKey("devicePath");
            return {};
        }
        if (podSpec == QLatin1String("volumes") || podSpec == QLatin1String("imagePullSecrets")
            || podSpec == QLatin1String("resourceClaims")
            || podSpec == QLatin1String("schedulingGates"))
            return byKey("name");
        if (podSpec == QLatin1String("hostAliases"))
            return byKey("ip");
        if (podSpec == QLatin1String("topologySpreadConstraints"))
            return byKey("topologyKey");
        return {}; // tolerations, readinessGates, affinity terms, ...: replaced
    }

    if (path == QLatin1String("status.conditions"))
        return byKey("type"); // Pod, Node, StatefulSet, PVC, Namespace conditions
    switch (kind) {
    case ObjectKind::Pod:
        if (path == QLatin1String("status.podIPs") || path == QLatin1String("status.hostIPs"))
            return byKey("ip");
        break;
    case ObjectKind::Node:
        if (path == QLatin1String("status.addresses"))
            return byKey("type");
        if (path == QLatin1String("spec.podCIDRs"))
            return primitive;
        if (path == QLatin1String("status.volumesAttached"))
            return byKey("name");
        break;
    case ObjectKind::Service:
        if (path == QLatin1String("spec.ports"))
            return byKey("port");
        break;
    default:
        break;
    }
    return {}; // volumeClaimTemplates, subsets, clusterIPs, ...: replaced
}

const std::string kDirective = "$patch";
const std::string kRetainKeys = "$retainKeys";
const std::string kSetElementOrder = "$setElementOrder/";
const std::string kDeleteFromPrimitiveList = "$deleteFromPrimitiveList/";

bool startsWith(const std::string &text, const std::string &prefix)
{
    return text.compare(0, prefix.size(), prefix) == 0;
}

class StrategicMerger
{
public:
    explicit StrategicMerger(ObjectKind kind) : m_kind(kind) {}

    json mergeMap(json original, const json &patch, const QString &path)
    {
        if (!original.is_object())
            original = json::object();
        if (patch.contains(kDirective)) {
            const json &directive = patch[kDirective];
            if (directive == "replace") {
                json rest = patch;
                rest.erase(kDirective);
                return mergeMap(json::object(), rest, path);
            }
            if (directive == "delete")
                return json::object();
            internal(QStringLiteral("unknown patch type: %1 in map: %2")
                         .arg(goValue(directive), goValue(patch)));
        }

        if (patch.contains(kRetainKeys)) {
            const json &retain = patch[kRetainKeys];
            if (!retain.is_array())
                badRequest(QStringLiteral("invalid patch format of retainKeys"));
            QStringList keys;
            for (const json &k : retain) {
                if (!k.is_string())
                    badRequest(QStringLiteral("invalid patch format of retainKeys"));
                keys << qs(k.get<std::string>());
            }
            // Every field the patch sets must be retained (nulls and directives aside).
            for (auto it = patch.begin(); it != patch.end(); ++it) {
                if (!startsWith(it.key(), "$") && !it.value().is_null()
                    && !keys.contains(qs(it.key())))
                    badRequest(QStringLiteral("invalid patch format of retainKeys"));
            }
            for (auto it = original.begin(); it != original.end();) {
                if (!keys.contains(qs(it.key())))
                    it = original.erase(it);
                else
                    ++it;
            }
        }

        // Orders first, so that a list merged below can be sorted by them.
        QMap<QString, json> orders;
        for (auto it = patch.begin(); it != patch.end(); ++it) {
            if (startsWith(it.key(), kSetElementOrder)) {
                if (!it.value().is_array())
                    badRequest(QStringLiteral("invalid patch format of setElementOrder list"));
                const std::string field = it.key().substr(kSetElementOrder.size());
                if (patch.contains(field) && patch[field].is_array())
                    checkOrderConsistency(patch[field], it.value(), join(path, field));
                orders.insert(qs(field), it.value());
            } else if (startsWith(it.key(), kDeleteFromPrimitiveList)) {
                if (!it.value().is_array())
                    badRequest(QStringLiteral("invalid patch format of primitive list"));
                const std::string field = it.key().substr(kDeleteFromPrimitiveList.size());
                if (original.contains(field) && original[field].is_array()) {
                    json kept = json::array();
                    for (const json &item : original[field]) {
                        if (std::find(it.value().begin(), it.value().end(), item)
                            == it.value().end())
                            kept.push_back(item);
                    }
                    original[field] = std::move(kept);
                }
            }
        }

        for (auto it = patch.begin(); it != patch.end(); ++it) {
            const std::string &field = it.key();
            if (!field.empty() && field.front() == '$')
                continue;
            const QString childPath = join(path, field);
            const json &value = it.value();
            const auto order = orders.constFind(qs(field));
            const json *orderList = order == orders.cend() ? nullptr : &order.value();
            if (value.is_null()) {
                original.erase(field);
                continue;
            }
            const auto existing = original.find(field);
            if (existing == original.end() || existing->type() != value.type()
                || !(value.is_object() || value.is_array())) {
                original[field] = fresh(value, childPath, orderList);
            } else if (value.is_object()) {
                *existing = mergeMap(*existing, value, childPath);
            } else {
                *existing = mergeList(*existing, value, childPath, orderList);
            }
        }

        // A $setElementOrder without the list itself only reorders what is there.
        for (auto it = orders.cbegin(); it != orders.cend(); ++it) {
            const std::string field = it.key().toStdString();
            if (patch.contains(field) || !original.contains(field) || !original[field].is_array())
                continue;
            original[field] =
                mergeList(original[field], json::array(), join(path, field), &it.value());
        }
        return original;
    }

private:
    static QString join(const QString &path, const std::string &field)
    {
        return path.isEmpty() ? qs(field) : path + QLatin1Char('.') + qs(field);
    }

    // As validatePatchWithSetOrderList: the patch list's items (deletions aside) must appear in
    // the $setElementOrder list, in the same relative order.
    void checkOrderConsistency(const json &list, const json &order, const QString &path)
    {
        const ListStrategy strategy = listStrategy(m_kind, path);
        if (strategy.kind == ListStrategy::Replace || list.empty() || order.empty())
            return;
        const std::string key = strategy.key.toStdString();
        const auto identity = [&](const json &item) -> json {
            if (strategy.kind == ListStrategy::MergePrimitive)
                return item;
            if (!item.is_object() || !item.contains(key))
                internal(QStringLiteral("map: %1 does not contain declared merge key: %2")
                             .arg(goValue(item), strategy.key));
            return item[key];
        };
        size_t p = 0, o = 0;
        while (p < list.size() && o < order.size()) {
            if (list[p].is_object() && list[p].contains(kDirective)) {
                ++p;
                continue;
            }
            if (identity(list[p]) == identity(order[o]))
                ++p;
            ++o;
        }
        while (p < list.size() && list[p].is_object() && list[p].contains(kDirective))
            ++p;
        if (p < list.size())
            internal(QStringLiteral("the order in patch list:\n%1\n doesn't match "
                                    "$setElementOrder list:\n%2")
                         .arg(goValue(list), goValue(order)));
    }

    // A patch value for a field the original does not have: merged into nothing, so that
    // directives and nulls inside it disappear.
    json fresh(const json &value, const QString &path, const json *order)
    {
        if (value.is_object())
            return mergeMap(json::object(), value, path);
        if (value.is_array())
            return mergeList(json::array(), value, path, order);
        return value;
    }

    json mergeList(const json &original, const json &patch, const QString &path,
                   const json *order)
    {
        const ListStrategy strategy = listStrategy(m_kind, path);
        if (strategy.kind == ListStrategy::Replace) {
            json result = json::array();
            for (const json &item : patch) {
                if (item.is_object() && item.contains(kDirective))
                    continue; // {"$patch": "replace"} on a list that replaces anyway
                result.push_back(item.is_object() ? mergeMap(json::object(), item, path) : item);
            }
            return result;
        }

        if (strategy.kind == ListStrategy::MergePrimitive) {
            json merged = json::array();
            const auto addUnique = [&](const json &item) {
                if (std::find(merged.begin(), merged.end(), item) == merged.end())
                    merged.push_back(item);
            };
            for (const json &item : original)
                addUnique(item);
            for (const json &item : patch)
                addUnique(item);
            return normalizeOrder(merged, order ? *order : patch, original, QString());
        }

        // Merge by key. Special elements first: {"$patch": "replace"} drops the original,
        // {"<key>": v, "$patch": "delete"} removes that element.
        const std::string key = strategy.key.toStdString();
        json base = original;
        json items = json::array();
        bool replace = false;
        for (const json &item : patch) {
            if (!item.is_object()) {
                items.push_back(item);
                continue;
            }
            if (!item.contains(kDirective)) {
                items.push_back(item);
                continue;
            }
            const json &directive = item[kDirective];
            if (directive == "replace") {
                replace = true;
            } else if (directive == "delete") {
                if (!item.contains(key))
                    internal(QStringLiteral("map: %1 does not contain declared merge key: %2")
                                 .arg(goValue(item), strategy.key));
                json kept = json::array();
                for (const json &o : base) {
                    if (!(o.is_object() && o.contains(key) && o[key] == item[key]))
                        kept.push_back(o);
                }
                base = std::move(kept);
            } else if (directive == "merge") {
                internal(QStringLiteral("merging lists cannot yet be specified in the patch"));
            } else {
                internal(QStringLiteral("unknown patch type: %1 in map: %2")
                             .arg(goValue(directive), goValue(item)));
            }
        }
        if (replace) {
            json result = json::array();
            for (const json &item : items)
                result.push_back(item.is_object() ? mergeMap(json::object(), item, path) : item);
            return result;
        }

        json merged = base;
        for (const json &item : items) {
            if (!item.is_object()) {
                // Not a list of maps after all: nothing to merge by; take the patch's items.
                merged.push_back(item);
                continue;
            }
            if (!item.contains(key))
                internal(QStringLiteral("map: %1 does not contain declared merge key: %2")
                             .arg(goValue(item), strategy.key));
            auto found = std::find_if(merged.begin(), merged.end(), [&](const json &o) {
                return o.is_object() && o.contains(key) && o[key] == item[key];
            });
            if (found != merged.end())
                *found = mergeMap(*found, item, path);
            else
                merged.push_back(mergeMap(json::object(), item, path));
        }
        return normalizeOrder(merged, order ? *order : items, original, strategy.key);
    }

    // As normalizeElementOrder: the items named by the patch (or its $setElementOrder) in that
    // order, the others in the original order, the two interleaved by their original
    // positions.
    static json normalizeOrder(const json &merged, const json &patchOrder, const json &serverOrder,
                               const QString &mergeKey)
    {
        const std::string key = mergeKey.toStdString();
        const auto identity = [&](const json &item) -> json {
            if (mergeKey.isEmpty())
                return item;
            return item.is_object() && item.contains(key) ? item[key] : json();
        };
        const auto indexIn = [&](const json &list, const json &item) -> qsizetype {
            const json id = identity(item);
            if (id.is_null())
                return -1;
            for (size_t i = 0; i < list.size(); ++i) {
                if (identity(list[i]) == id)
                    return qsizetype(i);
            }
            return -1;
        };
        QList<json> fromPatch, serverOnly;
        for (const json &item : merged) {
            if (indexIn(patchOrder, item) >= 0)
                fromPatch << item;
            else
                serverOnly << item;
        }
        std::stable_sort(fromPatch.begin(), fromPatch.end(), [&](const json &a, const json &b) {
            return indexIn(patchOrder, a) < indexIn(patchOrder, b);
        });
        std::stable_sort(serverOnly.begin(), serverOnly.end(), [&](const json &a, const json &b) {
            return indexIn(serverOrder, a) < indexIn(serverOrder, b);
        });
        json result = json::array();
        qsizetype i = 0, j = 0;
        while (i < fromPatch.size() || j < serverOnly.size()) {
            if (j >= serverOnly.size()) {
                result.push_back(fromPatch.at(i++));
            } else if (i >= fromPatch.size()) {
                result.push_back(serverOnly.at(j++));
            } else {
                const qsizetype li = indexIn(serverOrder, fromPatch.at(i));
                const qsizetype ri = indexIn(serverOrder, serverOnly.at(j));
                if (li >= 0 && ri >= 0 && li < ri)
                    result.push_back(fromPatch.at(i++));
                else
                    result.push_back(serverOnly.at(j++));
            }
        }
        return result;
    }

    ObjectKind m_kind;
};

json applyStrategicMergePatch(const json &original, const QByteArray &body, ObjectKind kind)
{
    const json patch = parseBody(body, QString());
    if (patch.is_null())
        return original;
    if (!patch.is_object())
        badRequest(QStringLiteral("json: cannot unmarshal %1 into Go value of type "
                                  "map[string]interface {}")
                       .arg(goKindName(patch)));
    StrategicMerger merger(kind);
    return merger.mergeMap(original, patch, QString());
}

} // namespace

QString goJsonSyntaxError(const QByteArray &text)
{
    return GoJsonScanner(text).check();
}

QString contentType(PatchType type)
{
    switch (type) {
    case PatchType::Json: return QStringLiteral("application/json-patch+json");
    case PatchType::Merge: return QStringLiteral("application/merge-patch+json");
    case PatchType::StrategicMerge: return QStringLiteral("application/strategic-merge-patch+json");
    }
    return {};
}

std::optional<PatchType> patchTypeFromContentType(const QString &value)
{
    const QString media = value.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    for (PatchType type : {PatchType::Json, PatchType::Merge, PatchType::StrategicMerge}) {
        if (media == contentType(type))
            return type;
    }
    return std::nullopt;
}

PatchResult applyPatch(const json &original, const QByteArray &patch, PatchType type,
                       ObjectKind kind)
{
    PatchResult result;
    try {
        switch (type) {
        case PatchType::Json:
            result.document = applyJsonPatch(original, patch);
            break;
        case PatchType::Merge:
            result.document = applyMergePatch(original, patch);
            break;
        case PatchType::StrategicMerge:
            result.document = applyStrategicMergePatch(original, patch, kind);
            break;
        }
        result.ok = true;
        result.code = 200;
    } catch (const PatchFailure &failure) {
        result.ok = false;
        result.code = failure.code;
        result.error = failure.message;
        result.cause = failure.cause;
    } catch (const json::exception &e) {
        // Not expected after the syntax check; reported rather than thrown at the caller.
        result.ok = false;
        result.code = 400;
        result.error = QString::fromUtf8(e.what());
    }
    return result;
}

} // namespace ordinal::core::apijson
