#include "console/jsonpath.h"

#include "console/govalue.h"

#include <QRegularExpression>

#include <cmath>
#include <functional>
#include <map>
#include <optional>

namespace ordinal::core {

using nlohmann::json;

// One node of the parsed template, as client-go's parser builds them.
struct JsonPath::Node
{
    enum class Type {
        List,
        Text,
        Field,
        Array,
        Filter,
        Int,
        Float,
        Bool,
        Wildcard,
        Recursive,
        Union,
        Identifier
    };
    struct Param
    {
        int value = 0;
        bool known = false;
        bool derived = false;
    };

    Type type = Type::List;
    std::string text; // Text, Field, Identifier; the operator of a Filter
    long long intValue = 0;
    double floatValue = 0;
    bool boolValue = false;
    Param params[3];
    // List: its nodes; Filter: the left and right lists; Union: one list per member.
    std::vector<Node> nodes;
};

namespace {

using Node = JsonPath::Node;
using Type = Node::Type;

constexpr int kEof = -1;

bool isSpace(int r)
{
    return r == ' ' || r == '\t';
}

bool isEndOfLine(int r)
{
    return r == '\r' || r == '\n';
}

bool isTerminator(int r)
{
    if (isSpace(r) || isEndOfLine(r))
        return true;
    switch (r) {
    case kEof:
    case '.':
    case ',':
    case '[':
    case ']':
    case '$':
    case '@':
    case '{':
    case '}':
        return true;
    default:
        return false;
    }
}

bool isAlphaNumeric(int r)
{
    // Bytes of multi-byte UTF-8 sequences count as letters (unicode.IsLetter on the rune).
    return r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')
        || r >= 0x80;
}

bool isDigit(int r)
{
    return r >= '0' && r <= '9';
}

// strconv.UnquoteChar-based unquoting of "…" or '…' (parser.go's UnquoteExtend).
bool unquoteExtend(const std::string &s, std::string *out)
{
    const std::size_t n = s.size();
    if (n < 2 || s[0] != s[n - 1] || (s[0] != '"' && s[0] != '\''))
        return false;
    const char quote = s[0];
    out->clear();
    for (std::size_t i = 1; i < n - 1;) {
        const char c = s[i];
        if (c == quote && quote == '\'')
            return false;
        if (c == quote)
            return false;
        if (c != '\\') {
            out->push_back(c);
            ++i;
            continue;
        }
        if (i + 1 >= n - 1)
            return false;
        const char e = s[i + 1];
        i += 2;
        switch (e) {
        case 'a':
            out->push_back('\a');
            break;
        case 'b':
            out->push_back('\b');
            break;
        case 'f':
            out->push_back('\f');
            break;
        case 'n':
            out->push_back('\n');
            break;
        case 'r':
            out->push_back('\r');
            break;
        case 't':
            out->push_back('\t');
            break;
        case 'v':
            out->push_back('\v');
            break;
        case '\\':
            out->push_back('\\');
            break;
        case '\'':
        case '"':
            if (e != quote)
                return false;
            out->push_back(e);
            break;
        case 'x':
        case 'u':
        case 'U': {
            const int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            if (i + digits > n - 1)
                return false;
            const QString hexText = QString::fromStdString(s.substr(i, digits));
            bool ok = false;
            const uint value = hexText.toUInt(&ok, 16);
            if (!ok)
                return false;
            i += digits;
            if (e == 'x')
                out->push_back(char(value));
            else
                *out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&value), 1)
                            .toStdString();
            break;
        }
        default:
            if (e >= '0' && e <= '7') {
                if (i + 1 > n - 1)
                    return false;
                const int value = (e - '0') * 64 + (s[i] - '0') * 8 + (s[i + 1] - '0');
                i += 2;
                out->push_back(char(value));
                break;
            }
            return false;
        }
    }
    return true;
}

// A port of client-go's jsonpath Parser: a hand-written scanner that appends nodes to lists.
class Parser
{
public:
    explicit Parser(std::string input)
        : m_input(std::move(input))
    {
    }

    bool parse(Node *root, std::string *error)
    {
        m_root = root;
        root->type = Type::List;
        m_error = error;
        return parseText(root);
    }

private:
    int next()
    {
        if (m_pos >= m_input.size()) {
            m_width = 0;
            return kEof;
        }
        m_width = 1;
        return static_cast<unsigned char>(m_input[m_pos++]);
    }
    int peek()
    {
        const int r = next();
        backup();
        return r;
    }
    void backup() { m_pos -= m_width; }
    std::string consumeText()
    {
        std::string value = m_input.substr(m_start, m_pos - m_start);
        m_start = m_pos;
        return value;
    }
    bool hasPrefix(const char *prefix) const
    {
        return m_input.compare(m_pos, std::strlen(prefix), prefix) == 0;
    }
    bool fail(const std::string &message)
    {
        *m_error = message;
        return false;
    }
    static Node text(const std::string &t)
    {
        Node n;
        n.type = Type::Text;
        n.text = t;
        return n;
    }

    bool parseText(Node *cur)
    {
        for (;;) {
            if (hasPrefix("{")) {
                if (m_pos > m_start)
                    cur->nodes.push_back(text(consumeText()));
                return parseLeftDelim(cur);
            }
            if (next() == kEof)
                break;
        }
        if (m_pos > m_start)
            cur->nodes.push_back(text(consumeText()));
        return true;
    }

    bool parseLeftDelim(Node *cur)
    {
        m_pos += 1;
        consumeText();
        cur->nodes.push_back(Node {});
        return parseInsideAction(&cur->nodes.back());
    }

    bool parseInsideAction(Node *cur)
    {
        for (;;) {
            if (hasPrefix("}"))
                return parseRightDelim();
            if (hasPrefix("[?("))
                return parseFilter(cur);
            if (hasPrefix(".."))
                return parseRecursive(cur);
            const int r = next();
            if (r == kEof || isEndOfLine(r))
                return fail("unclosed action");
            if (r == ' ' || r == '@' || r == '$') {
                consumeText();
                continue;
            }
            if (r == '[')
                return parseArray(cur);
            if (r == '"' || r == '\'')
                return parseQuote(cur, r);
            if (r == '.')
                return parseField(cur);
            if (r == '+' || r == '-' || isDigit(r)) {
                backup();
                return parseNumber(cur);
            }
            if (isAlphaNumeric(r)) {
                backup();
                return parseIdentifier(cur);
            }
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "U+%04X '%c'", r, char(r));
            return fail(std::string("unrecognized character in action: ") + buffer);
        }
    }

    bool parseRightDelim()
    {
        m_pos += 1;
        consumeText();
        return parseText(m_root);
    }

    bool parseIdentifier(Node *cur)
    {
        for (;;) {
            const int r = next();
            if (isTerminator(r)) {
                backup();
                break;
            }
        }
        const std::string value = consumeText();
        Node n;
        if (value == "true" || value == "false") {
            n.type = Type::Bool;
            n.boolValue = value == "true";
        } else {
            n.type = Type::Identifier;
            n.text = value;
        }
        cur->nodes.push_back(n);
        return parseInsideAction(cur);
    }

    bool parseRecursive(Node *cur)
    {
        if (!cur->nodes.empty() && cur->nodes.back().type == Type::Recursive)
            return fail("invalid multiple recursive descent");
        m_pos += 2;
        consumeText();
        Node n;
        n.type = Type::Recursive;
        cur->nodes.push_back(n);
        if (isAlphaNumeric(peek()))
            return parseField(cur);
        return parseInsideAction(cur);
    }

    bool parseNumber(Node *cur)
    {
        int r = peek();
        if (r == '+' || r == '-')
            next();
        for (;;) {
            r = next();
            if (r != '.' && !isDigit(r)) {
                backup();
                break;
            }
        }
        const std::string value = consumeText();
        const QString text = QString::fromStdString(value);
        static const QRegularExpression intPattern(QStringLiteral("^[+-]?[0-9]+$"));
        Node n;
        bool ok = false;
        if (intPattern.match(text).hasMatch()) {
            n.type = Type::Int;
            n.intValue = text.toLongLong(&ok);
        }
        if (!ok) {
            n.type = Type::Float;
            n.floatValue = text.toDouble(&ok);
        }
        if (!ok)
            return fail("cannot parse number " + value);
        cur->nodes.push_back(n);
        return parseInsideAction(cur);
    }

    // Parses "{" + text + "}" on its own and returns its action's list.
    bool parseAction(const std::string &text, Node *list)
    {
        Node root;
        Parser sub("{" + text + "}");
        if (!sub.parse(&root, m_error))
            return false;
        *list = std::move(root.nodes.front());
        return true;
    }

    bool parseArray(Node *cur)
    {
        for (;;) {
            const int r = next();
            if (r == kEof || r == '\n')
                return fail("unterminated array");
            if (r == ']')
                break;
        }
        std::string text = consumeText();
        text = text.substr(1, text.size() - 2);
        if (text == "*")
            text = ":";

        // A union: [a,b] evaluates each member on the same input.
        const QStringList members = QString::fromStdString(text).split(QLatin1Char(','));
        if (members.size() > 1) {
            Node u;
            u.type = Type::Union;
            for (const QString &member : members) {
                Node list;
                if (!parseAction("[" + member.trimmed().toStdString() + "]", &list))
                    return false;
                u.nodes.push_back(std::move(list));
            }
            cur->nodes.push_back(std::move(u));
            return parseInsideAction(cur);
        }

        // A dict key: ['name'].
        static const QRegularExpression dictKey(QStringLiteral("^'([^']*)'$"));
        const QRegularExpressionMatch key = dictKey.match(QString::fromStdString(text));
        if (key.hasMatch()) {
            Node list;
            if (!parseAction("." + key.captured(1).toStdString(), &list))
                return false;
            for (Node &n : list.nodes)
                cur->nodes.push_back(std::move(n));
            return parseInsideAction(cur);
        }

        static const QRegularExpression slice(
            QStringLiteral("^(-?[\\d]*)(:-?[\\d]*)?(:-?[\\d]*)?$"));
        const QRegularExpressionMatch match = slice.match(QString::fromStdString(text));
        if (!match.hasMatch())
            return fail("invalid array index " + text);
        Node a;
        a.type = Type::Array;
        for (int i = 0; i < 3; ++i) {
            QString value = match.captured(i + 1);
            if (!value.isEmpty()) {
                if (i > 0)
                    value = value.mid(1);
                if (i > 0 && value.isEmpty()) {
                    a.params[i].known = false;
                } else {
                    bool ok = false;
                    a.params[i].known = true;
                    a.params[i].value = value.toInt(&ok);
                    if (!ok)
                        return fail("array index " + value.toStdString() + " is not a number");
                }
            } else if (i == 1) {
                a.params[i].known = true;
                a.params[i].value = a.params[0].value + 1;
                a.params[i].derived = true;
            } else {
                a.params[i].known = false;
                a.params[i].value = 0;
            }
        }
        cur->nodes.push_back(a);
        return parseInsideAction(cur);
    }

    bool parseFilter(Node *cur)
    {
        m_pos += 3;
        consumeText();
        bool begin = false;
        bool end = false;
        int pair = 0;
        for (;;) {
            const int r = next();
            if (r == kEof || r == '\n')
                return fail("unterminated filter");
            if (r == '"' || r == '\'') {
                if (!begin) {
                    begin = true;
                    pair = r;
                    continue;
                }
                if (m_input[m_pos - 2] != '\\' && r == pair)
                    end = true;
            } else if (r == ')') {
                if (begin == end)
                    break;
            }
        }
        if (next() != ']')
            return fail("unclosed array expect ]");
        std::string text = consumeText();
        text = text.substr(0, text.size() - 2);
        static const QRegularExpression comparison(QStringLiteral("^([^!<>=]+)([!<>=]+)(.+?)$"));
        const QRegularExpressionMatch match = comparison.match(QString::fromStdString(text));
        Node f;
        f.type = Type::Filter;
        Node left;
        Node right;
        if (!match.hasMatch()) {
            if (!parseAction(text, &left))
                return false;
            f.text = "exists";
        } else {
            if (!parseAction(match.captured(1).toStdString(), &left)
                || !parseAction(match.captured(3).toStdString(), &right))
                return false;
            f.text = match.captured(2).toStdString();
        }
        f.nodes.push_back(std::move(left));
        f.nodes.push_back(std::move(right));
        cur->nodes.push_back(std::move(f));
        return parseInsideAction(cur);
    }

    bool parseQuote(Node *cur, int end)
    {
        for (;;) {
            const int r = next();
            if (r == kEof || r == '\n')
                return fail("unterminated quoted string");
            if (r == end && m_input[m_pos - 2] != '\\')
                break;
        }
        const std::string value = consumeText();
        std::string unquoted;
        if (!unquoteExtend(value, &unquoted))
            return fail("unquote string " + value + " error invalid syntax");
        cur->nodes.push_back(text(unquoted));
        return parseInsideAction(cur);
    }

    bool parseField(Node *cur)
    {
        consumeText();
        for (;;) {
            const int r = next();
            if (r == '\\') {
                next();
            } else if (isTerminator(r)) {
                backup();
                break;
            }
        }
        std::string value = consumeText();
        Node n;
        if (value == "*") {
            n.type = Type::Wildcard;
        } else {
            n.type = Type::Field;
            std::string field;
            for (char c : value) {
                if (c != '\\')
                    field.push_back(c);
            }
            n.text = field;
        }
        cur->nodes.push_back(n);
        return parseInsideAction(cur);
    }

    std::string m_input;
    std::size_t m_pos = 0;
    std::size_t m_start = 0;
    std::size_t m_width = 0;
    Node *m_root = nullptr;
    std::string *m_error = nullptr;
};

// Go's reflect type name of a value in an unstructured object, for error texts.
std::string goTypeName(const json &v)
{
    return govalue::typeName(v, "int64", "interface {}");
}

enum class Kind { Bool, Int, Float, String, Other };

Kind basicKind(const json &v)
{
    switch (v.type()) {
    case json::value_t::boolean:
        return Kind::Bool;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
        return Kind::Int;
    case json::value_t::number_float:
        return Kind::Float;
    case json::value_t::string:
        return Kind::String;
    default:
        return Kind::Other;
    }
}

// The comparisons of client-go's forked text/template funcs (eq, ne, lt, le, gt, ge).
bool compare(const json &left, const json &right, const std::string &op, bool *pass,
             std::string *error)
{
    const Kind k1 = basicKind(left);
    const Kind k2 = basicKind(right);
    if (k1 == Kind::Other || k2 == Kind::Other) {
        *error = "invalid type for comparison";
        return false;
    }
    if (k1 != k2) {
        *error = "incompatible types for comparison";
        return false;
    }
    const bool equality = op == "==" || op == "!=";
    if (!equality && k1 == Kind::Bool) {
        *error = "invalid type for comparison";
        return false;
    }
    int order = 0; // -1, 0, 1
    switch (k1) {
    case Kind::Bool:
        order = left.get<bool>() == right.get<bool>() ? 0 : 1;
        break;
    case Kind::Int: {
        const long long a = left.get<long long>();
        const long long b = right.get<long long>();
        order = a < b ? -1 : a > b ? 1 : 0;
        break;
    }
    case Kind::Float: {
        const double a = left.get<double>();
        const double b = right.get<double>();
        order = a < b ? -1 : a > b ? 1 : 0;
        break;
    }
    case Kind::String: {
        const std::string &a = left.get_ref<const std::string &>();
        const std::string &b = right.get_ref<const std::string &>();
        order = a < b ? -1 : a > b ? 1 : 0;
        break;
    }
    case Kind::Other:
        break;
    }
    if (op == "==")
        *pass = order == 0;
    else if (op == "!=")
        *pass = order != 0;
    else if (op == "<")
        *pass = order < 0;
    else if (op == ">")
        *pass = order > 0;
    else if (op == "<=")
        *pass = order <= 0;
    else if (op == ">=")
        *pass = order >= 0;
    else {
        *error = "unrecognized filter operator " + op;
        return false;
    }
    return true;
}

using Values = std::vector<json>;

// The evaluation state of one Execute: client-go keeps range bookkeeping in the JSONPath
// object and evaluates the nodes after a {range} once per element, recursively.
class Evaluator
{
public:
    explicit Evaluator(bool allowMissingKeys)
        : m_allowMissingKeys(allowMissingKeys)
    {
    }

    // client-go's FindResults: the nodes after a {range} run once per element (or once over
    // nothing when there is none, to find the {end}); evaluation then resumes after that {end}.
    bool findResults(const json &data, const std::vector<Node> &nodes, std::size_t from,
                     std::vector<Values> *full)
    {
        const Values cur { data };
        for (std::size_t i = from; i < nodes.size(); ++i) {
            Values results;
            if (!walk(cur, nodes[i], &results))
                return false;
            // An {end}: this pass over the range's body is over.
            if (m_endRange > 0 && m_endRange <= m_inRange) {
                --m_endRange;
                m_lastEnd = i;
                break;
            }
            if (m_beginRange > 0) {
                --m_beginRange;
                ++m_inRange;
                if (!results.empty()) {
                    for (const json &value : results) {
                        if (!findResults(value, nodes, i + 1, full))
                            return false;
                    }
                } else {
                    std::vector<Values> discarded;
                    if (!findResults(json(), nodes, i + 1, &discarded))
                        return false;
                }
                --m_inRange;
                if (m_lastEnd > i)
                    i = m_lastEnd;
                continue;
            }
            full->push_back(std::move(results));
        }
        return true;
    }

    std::string error;

private:
    bool fail(const std::string &message)
    {
        error = message;
        return false;
    }

    bool walk(const Values &input, const Node &node, Values *out)
    {
        switch (node.type) {
        case Type::List:
            return evalList(input, node, out);
        case Type::Text:
            *out = { json(node.text) };
            return true;
        case Type::Field:
            return evalField(input, node, out);
        case Type::Array:
            return evalArray(input, node, out);
        case Type::Filter:
            return evalFilter(input, node, out);
        case Type::Int:
            *out = Values(input.size(), json(node.intValue));
            return true;
        case Type::Float:
            *out = Values(input.size(), json(node.floatValue));
            return true;
        case Type::Bool:
            *out = Values(input.size(), json(node.boolValue));
            return true;
        case Type::Wildcard:
            return evalWildcard(input, out);
        case Type::Recursive:
            return evalRecursive(input, out);
        case Type::Union:
            return evalUnion(input, node, out);
        case Type::Identifier:
            return evalIdentifier(input, node, out);
        }
        return fail("unexpected Node");
    }

    bool evalList(const Values &input, const Node &node, Values *out)
    {
        Values current = input;
        for (const Node &n : node.nodes) {
            Values next;
            if (!walk(current, n, &next))
                return false;
            current = std::move(next);
        }
        *out = std::move(current);
        return true;
    }

    bool evalIdentifier(const Values &input, const Node &node, Values *out)
    {
        out->clear();
        if (node.text == "range") {
            ++m_beginRange;
            *out = input;
            return true;
        }
        if (node.text == "end") {
            if (m_inRange <= 0)
                return fail("not in range, nothing to end");
            ++m_endRange;
            return true;
        }
        return fail("unrecognized identifier " + node.text);
    }

    bool evalArray(const Values &input, const Node &node, Values *out)
    {
        out->clear();
        for (const json &value : input) {
            if (value.is_null())
                continue;
            if (!value.is_array())
                return fail(goTypeName(value) + " is not array or slice");
            Node::Param params[3] = { node.params[0], node.params[1], node.params[2] };
            const int length = int(value.size());
            if (!params[0].known)
                params[0].value = 0;
            if (params[0].value < 0)
                params[0].value += length;
            if (!params[1].known)
                params[1].value = length;
            if (params[1].value < 0 || (params[1].value == 0 && params[1].derived))
                params[1].value += length;
            if (params[1].value == params[0].value)
                return true;
            if (params[0].value >= length || params[0].value < 0)
                return fail("array index out of bounds: index " + std::to_string(params[0].value)
                            + ", length " + std::to_string(length));
            if (params[1].value > length || params[1].value < 0)
                return fail("array index out of bounds: index "
                            + std::to_string(params[1].value - 1) + ", length "
                            + std::to_string(length));
            if (params[0].value > params[1].value)
                return fail("starting index " + std::to_string(params[0].value)
                            + " is greater than ending index " + std::to_string(params[1].value));
            int step = 1;
            if (params[2].known) {
                if (params[2].value <= 0)
                    return fail("step must be > 0");
                step = params[2].value;
            }
            for (int i = params[0].value; i < params[1].value; i += step)
                out->push_back(value[std::size_t(i)]);
        }
        return true;
    }

    bool evalUnion(const Values &input, const Node &node, Values *out)
    {
        out->clear();
        for (const Node &list : node.nodes) {
            Values part;
            if (!evalList(input, list, &part))
                return false;
            out->insert(out->end(), part.begin(), part.end());
        }
        return true;
    }

    bool evalField(const Values &input, const Node &node, Values *out)
    {
        out->clear();
        if (input.empty())
            return true;
        for (const json &value : input) {
            if (!value.is_object())
                continue;
            const auto it = value.find(node.text);
            if (it != value.end())
                out->push_back(*it);
        }
        if (out->empty() && !m_allowMissingKeys)
            return fail(node.text + " is not found");
        return true;
    }

    static void children(const json &value, Values *out)
    {
        if (value.is_object() || value.is_array()) {
            for (const json &child : value)
                out->push_back(child);
        }
    }

    bool evalWildcard(const Values &input, Values *out)
    {
        out->clear();
        for (const json &value : input)
            children(value, out);
        return true;
    }

    bool evalRecursive(const Values &input, Values *out)
    {
        out->clear();
        for (const json &value : input) {
            Values kids;
            children(value, &kids);
            if (kids.empty())
                continue;
            out->push_back(value);
            Values deeper;
            if (!evalRecursive(kids, &deeper))
                return false;
            out->insert(out->end(), deeper.begin(), deeper.end());
        }
        return true;
    }

    bool evalFilter(const Values &input, const Node &node, Values *out)
    {
        out->clear();
        for (const json &value : input) {
            if (!value.is_array())
                return fail(govalue::sprint(value, govalue::Numbers::Int64)
                            + " is not array or slice and cannot be filtered");
            for (const json &element : value) {
                const Values one { element };
                Values lefts;
                const bool leftOk = evalList(one, node.nodes[0], &lefts);
                if (node.text == "exists") {
                    if (!lefts.empty())
                        out->push_back(element);
                    continue;
                }
                if (!leftOk)
                    return false;
                if (lefts.empty())
                    continue;
                if (lefts.size() > 1)
                    return fail("can only compare one element at a time");
                Values rights;
                if (!evalList(one, node.nodes[1], &rights))
                    return false;
                if (rights.empty())
                    continue;
                if (rights.size() > 1)
                    return fail("can only compare one element at a time");
                bool pass = false;
                if (!compare(lefts.front(), rights.front(), node.text, &pass, &error))
                    return false;
                if (pass)
                    out->push_back(element);
            }
        }
        return true;
    }

    bool m_allowMissingKeys = false;
    std::size_t m_lastEnd = 0; // index of the {end} that closed the latest range body
    int m_beginRange = 0;
    int m_inRange = 0;
    int m_endRange = 0;
};

} // namespace

JsonPath::JsonPath() = default;
JsonPath::~JsonPath() = default;
JsonPath::JsonPath(JsonPath &&) noexcept = default;
JsonPath &JsonPath::operator=(JsonPath &&) noexcept = default;

bool JsonPath::parse(const QString &text, QString *error)
{
    auto root = std::make_unique<Node>();
    std::string message;
    Parser parser(text.toStdString());
    if (!parser.parse(root.get(), &message)) {
        *error = QString::fromStdString(message);
        m_root.reset();
        return false;
    }
    m_root = std::move(root);
    return true;
}

bool JsonPath::findResults(const json &data, std::vector<std::vector<json>> *results,
                           QString *error) const
{
    results->clear();
    if (!m_root) {
        *error = QStringLiteral("out is an incomplete jsonpath template");
        return false;
    }
    Evaluator evaluator(m_allowMissingKeys);
    if (!evaluator.findResults(data, m_root->nodes, 0, results)) {
        *error = QString::fromStdString(evaluator.error);
        return false;
    }
    return true;
}

bool JsonPath::execute(const json &data, QString *out, QString *error) const
{
    std::vector<std::vector<json>> groups;
    if (!findResults(data, &groups, error))
        return false;
    std::string text;
    for (std::vector<json> &group : groups) {
        if (m_jsonOutput) {
            // jsonpath-as-json: the group becomes one array, printed indented.
            text += govalue::marshalIndent(json(group)) + "\n";
            continue;
        }
        for (std::size_t i = 0; i < group.size(); ++i) {
            const json &value = group[i];
            // Maps, lists and JSON null print as JSON (kubectl 1.33 prints a null as "null").
            if (value.is_object() || value.is_array() || value.is_null())
                text += govalue::marshal(value);
            else
                text += govalue::sprint(value, govalue::Numbers::Int64);
            if (i + 1 != group.size())
                text.push_back(' ');
        }
    }
    *out = QString::fromStdString(text);
    return true;
}

bool relaxedJsonPathExpression(const QString &path, QString *expression, QString *error)
{
    if (path.isEmpty()) {
        *expression = path;
        return true;
    }
    static const QRegularExpression pattern(QStringLiteral("^\\{\\.?([^{}]+)\\}$|^\\.?([^{}]+)$"));
    const QRegularExpressionMatch match = pattern.match(path);
    if (!match.hasMatch()) {
        *error = QStringLiteral("unexpected path string, expected a 'name1.name2' or "
                                "'.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
        return false;
    }
    const QString field = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
    *expression = QStringLiteral("{.%1}").arg(field);
    return true;
}

} // namespace ordinal::core
