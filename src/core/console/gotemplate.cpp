#include "console/gotemplate.h"

#include "console/govalue.h"

#include <QByteArray>
#include <QUrl>

#include <cmath>
#include <cstdio>
#include <optional>

namespace ordinal::core {

using nlohmann::json;

namespace {

// A value during execution: a JSON value, or Go's "no value" (a missing map key, nil).
struct Value
{
    json v;
    bool missing = false;

    static Value none() { return Value { json(), true }; }
};

struct Pipe;

struct Arg
{
    enum class Kind { Field, Variable, Dot, Identifier, Constant, Nil, Pipe };
    Kind kind = Kind::Dot;
    std::string name; // variable or function name
    std::vector<std::string> fields; // the field chain after a variable, dot or parenthesis
    json constant;
    std::shared_ptr<Pipe> pipe;
    std::size_t pos = 0;
    std::string source;
};

struct Command
{
    std::vector<Arg> args;
    std::size_t pos = 0;
    std::string source;
};

struct Pipe
{
    std::vector<std::string> decls;
    bool assign = false; // "=" rather than ":="
    std::vector<Command> cmds;
    std::size_t pos = 0;
};

} // namespace

// One node of a parsed template: text, an action, or a control structure with its body
// (list) and {{else}} part (elseList; an {{else if}} is a nested If there).
struct GoTemplate::Tree
{
    enum class Kind { List, Text, Action, If, Range, With, Break, Continue };
    Kind kind = Kind::List;
    std::string text;
    Pipe pipe;
    std::vector<Tree> list;
    std::vector<Tree> elseList;
    std::size_t pos = 0;
};

namespace {

using Tree = GoTemplate::Tree;

const std::vector<std::string> kFunctions { "and",         "or",    "not",      "len",     "index",
                                            "slice",       "print", "printf",   "println", "eq",
                                            "ne",          "lt",    "le",       "gt",      "ge",
                                            "html",        "js",    "urlquery", "call",    "exists",
                                            "base64decode" };

bool isSpaceChar(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isIdentChar(char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || static_cast<unsigned char>(c) >= 0x80;
}

struct ParseError
{
    std::string message;
};

// A recursive-descent reading of text/template's grammar, straight from the source text.
class Parser
{
public:
    Parser(const std::string &text, const std::string &name)
        : m_text(text)
        , m_name(name)
    {
    }

    // Parses the whole template; throws ParseError.
    Tree parse()
    {
        Tree root;
        const std::string stop = parseList(&root.list, /*topLevel=*/true);
        if (!stop.empty())
            error("unexpected {{" + stop + "}}");
        return root;
    }

private:
    [[noreturn]] void error(const std::string &message) const
    {
        throw ParseError { "template: " + m_name + ":" + std::to_string(line(m_errorPos)) + ": "
                           + message };
    }
    int line(std::size_t pos) const
    {
        int n = 1;
        for (std::size_t i = 0; i < pos && i < m_text.size(); ++i)
            n += m_text[i] == '\n';
        return n;
    }

    // Reads text and actions into list until {{end}}, {{else…}} or the end of input; returns
    // the keyword that stopped it ("end", "else", "else if …" as "else") or "" at EOF.
    std::string parseList(std::vector<Tree> *list, bool topLevel)
    {
        for (;;) {
            const std::size_t open = m_text.find("{{", m_pos);
            std::string text = m_text.substr(
                m_pos, open == std::string::npos ? std::string::npos : open - m_pos);
            if (m_trimNext) {
                std::size_t k = 0;
                while (k < text.size() && isSpaceChar(text[k]))
                    ++k;
                text = text.substr(k);
                m_trimNext = false;
            }
            if (open == std::string::npos) {
                if (!text.empty())
                    list->push_back(textNode(text));
                m_pos = m_text.size();
                if (!topLevel) {
                    m_errorPos = m_text.size();
                    error("unexpected EOF");
                }
                return {};
            }
            std::size_t p = open + 2;
            // "{{- " trims the text before the action.
            if (p + 1 < m_text.size() && m_text[p] == '-' && isSpaceChar(m_text[p + 1])) {
                while (!text.empty() && isSpaceChar(text.back()))
                    text.pop_back();
                p += 2;
            }
            if (!text.empty())
                list->push_back(textNode(text));
            m_pos = p;
            skipSpaces();
            m_errorPos = m_pos;
            // Comments.
            if (m_text.compare(m_pos, 2, "/*") == 0) {
                const std::size_t close = m_text.find("*/", m_pos);
                if (close == std::string::npos)
                    error("unclosed comment");
                m_pos = close + 2;
                skipSpaces();
                closeAction();
                continue;
            }
            const std::size_t actionPos = m_pos;
            const std::string keyword = peekWord();
            if (keyword == "end" || keyword == "else") {
                m_pos += keyword.size();
                if (keyword == "else") {
                    skipSpaces();
                    if (peekWord() == "if" || peekWord() == "with") {
                        // {{else if …}}: the caller reads the rest as a nested if.
                        return "else " + peekWord();
                    }
                }
                skipSpaces();
                closeAction();
                return keyword;
            }
            if (keyword == "if" || keyword == "range" || keyword == "with") {
                m_pos += keyword.size();
                list->push_back(parseControl(keyword, actionPos));
                continue;
            }
            if (keyword == "break" || keyword == "continue") {
                m_pos += keyword.size();
                skipSpaces();
                closeAction();
                Tree t;
                t.kind = keyword == "break" ? Tree::Kind::Break : Tree::Kind::Continue;
                t.pos = actionPos;
                list->push_back(t);
                continue;
            }
            if (keyword == "define" || keyword == "template" || keyword == "block")
                error("Ordinal's template engine does not support {{" + keyword + "}}");
            Tree action;
            action.kind = Tree::Kind::Action;
            action.pos = actionPos;
            action.pipe = parsePipe(true);
            list->push_back(std::move(action));
        }
    }

    Tree parseControl(const std::string &keyword, std::size_t pos)
    {
        // Variables declared in the pipeline or the body end with the control structure.
        const std::size_t mark = m_vars.size();
        Tree t;
        t.kind = keyword == "if" ? Tree::Kind::If
            : keyword == "range" ? Tree::Kind::Range
                                 : Tree::Kind::With;
        t.pos = pos;
        t.pipe = parsePipe(true, keyword == "range");
        std::string stop = parseList(&t.list, false);
        if (stop == "else if" || stop == "else with") {
            // {{else if x}} is {{else}}{{if x}}…{{end}}{{end}} with one shared {{end}}.
            const std::string inner = stop.substr(5);
            const std::size_t innerPos = m_pos;
            m_pos += inner.size();
            t.elseList.push_back(parseControl(inner, innerPos));
            m_vars.resize(mark);
            return t;
        }
        if (stop == "else") {
            stop = parseList(&t.elseList, false);
            if (stop != "end") {
                m_errorPos = m_pos;
                error("expected end; found {{" + stop + "}}");
            }
        }
        m_vars.resize(mark);
        return t;
    }

    void checkVariable(const std::string &name)
    {
        if (std::find(m_vars.begin(), m_vars.end(), name) == m_vars.end())
            error("undefined variable \"" + name + "\"");
    }

    std::string peekWord() const
    {
        std::size_t e = m_pos;
        while (e < m_text.size() && isIdentChar(m_text[e]))
            ++e;
        return m_text.substr(m_pos, e - m_pos);
    }

    void skipSpaces()
    {
        while (m_pos < m_text.size() && isSpaceChar(m_text[m_pos]))
            ++m_pos;
    }

    // Consumes "}}" or " -}}".
    void closeAction()
    {
        skipSpaces();
        if (m_text.compare(m_pos, 3, "-}}") == 0 && m_pos > 0 && isSpaceChar(m_text[m_pos - 1])) {
            m_pos += 3;
            m_trimNext = true;
            return;
        }
        if (m_text.compare(m_pos, 2, "}}") == 0) {
            m_pos += 2;
            return;
        }
        m_errorPos = m_pos;
        if (m_pos >= m_text.size())
            error("unclosed action");
        unexpected();
    }

    [[noreturn]] void unexpected()
    {
        const char c = m_text[m_pos];
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "bad character U+%04X '%c'",
                      unsigned(static_cast<unsigned char>(c)), c);
        error(buffer);
    }

    bool atActionEnd() const
    {
        return m_text.compare(m_pos, 2, "}}") == 0
            || (m_text.compare(m_pos, 3, "-}}") == 0 && m_pos > 0
                && isSpaceChar(m_text[m_pos - 1]));
    }

    // Reads a pipeline up to "}}" (inAction) or ")" (parenthesised).
    Pipe parsePipe(bool inAction, bool rangeDecl = false)
    {
        Pipe pipe;
        skipSpaces();
        pipe.pos = m_pos;
        // Declarations: $x := …, $i, $v := …, $x = ….
        const std::size_t save = m_pos;
        std::vector<std::string> vars;
        while (m_pos < m_text.size() && m_text[m_pos] == '$') {
            std::size_t e = m_pos + 1;
            while (e < m_text.size() && isIdentChar(m_text[e]))
                ++e;
            vars.push_back(m_text.substr(m_pos, e - m_pos));
            m_pos = e;
            skipSpaces();
            if (rangeDecl && vars.size() == 1 && m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                skipSpaces();
                continue;
            }
            break;
        }
        if (!vars.empty() && m_text.compare(m_pos, 2, ":=") == 0) {
            pipe.decls = vars;
            m_vars.insert(m_vars.end(), vars.begin(), vars.end());
            m_pos += 2;
        } else if (vars.size() == 1 && m_pos < m_text.size() && m_text[m_pos] == '='
                   && m_text.compare(m_pos, 2, "==") != 0) {
            checkVariable(vars.front());
            pipe.decls = vars;
            pipe.assign = true;
            m_pos += 1;
        } else {
            m_pos = save;
        }
        for (;;) {
            skipSpaces();
            m_errorPos = m_pos;
            if (m_pos >= m_text.size()) {
                error(inAction ? "unclosed action" : "unclosed left paren");
            }
            if (inAction && atActionEnd()) {
                closeAction();
                break;
            }
            if (!inAction && m_text[m_pos] == ')') {
                ++m_pos;
                break;
            }
            pipe.cmds.push_back(parseCommand(inAction));
            skipSpaces();
            if (m_pos < m_text.size() && m_text[m_pos] == '|') {
                ++m_pos;
                continue;
            }
        }
        if (pipe.cmds.empty())
            error("missing value for command");
        return pipe;
    }

    Command parseCommand(bool inAction)
    {
        Command cmd;
        cmd.pos = m_pos;
        for (;;) {
            skipSpaces();
            if (m_pos >= m_text.size())
                break;
            if (m_text[m_pos] == '|' || (inAction && atActionEnd())
                || (!inAction && m_text[m_pos] == ')'))
                break;
            m_errorPos = m_pos;
            cmd.args.push_back(parseOperand());
        }
        std::size_t end = m_pos;
        while (end > cmd.pos && isSpaceChar(m_text[end - 1]))
            --end;
        cmd.source = m_text.substr(cmd.pos, end - cmd.pos);
        if (cmd.args.empty())
            error("missing value for command");
        return cmd;
    }

    std::vector<std::string> fieldChain()
    {
        std::vector<std::string> fields;
        while (m_pos + 1 < m_text.size() && m_text[m_pos] == '.'
               && isIdentChar(m_text[m_pos + 1])) {
            std::size_t e = m_pos + 1;
            while (e < m_text.size() && isIdentChar(m_text[e]))
                ++e;
            fields.push_back(m_text.substr(m_pos + 1, e - m_pos - 1));
            m_pos = e;
        }
        return fields;
    }

    Arg parseOperand()
    {
        Arg arg;
        arg.pos = m_pos;
        const char c = m_text[m_pos];
        if (c == '.') {
            if (m_pos + 1 < m_text.size() && isIdentChar(m_text[m_pos + 1])) {
                arg.kind = Arg::Kind::Field;
                // Go's parser gives a chain of fields the position of its second field.
                const std::size_t start = m_pos;
                arg.fields = fieldChain();
                if (arg.fields.size() > 1)
                    arg.pos = start + 1 + arg.fields.front().size();
            } else {
                arg.kind = Arg::Kind::Dot;
                ++m_pos;
            }
        } else if (c == '$') {
            std::size_t e = m_pos + 1;
            while (e < m_text.size() && isIdentChar(m_text[e]))
                ++e;
            arg.kind = Arg::Kind::Variable;
            arg.name = m_text.substr(m_pos, e - m_pos);
            checkVariable(arg.name);
            m_pos = e;
            arg.fields = fieldChain();
        } else if (c == '(') {
            ++m_pos;
            arg.kind = Arg::Kind::Pipe;
            arg.pipe = std::make_shared<Pipe>(parsePipe(false));
            arg.fields = fieldChain();
        } else if (c == '"' || c == '`') {
            arg.kind = Arg::Kind::Constant;
            arg.constant = parseString();
        } else if (c == '\'') {
            arg.kind = Arg::Kind::Constant;
            const std::size_t close = m_text.find('\'', m_pos + 1);
            if (close == std::string::npos)
                error("unterminated character constant");
            const std::string body = m_text.substr(m_pos + 1, close - m_pos - 1);
            arg.constant = body.empty() ? 0 : static_cast<unsigned char>(body[0]);
            m_pos = close + 1;
        } else if ((c >= '0' && c <= '9') || c == '-' || c == '+') {
            std::size_t e = m_pos + 1;
            while (e < m_text.size()
                   && (std::isalnum(static_cast<unsigned char>(m_text[e])) || m_text[e] == '.'
                       || m_text[e] == '_'
                       || ((m_text[e] == '-' || m_text[e] == '+')
                           && (m_text[e - 1] == 'e' || m_text[e - 1] == 'E'))))
                ++e;
            const std::string number = m_text.substr(m_pos, e - m_pos);
            m_pos = e;
            arg.kind = Arg::Kind::Constant;
            bool ok = false;
            const QString text = QString::fromStdString(number);
            const long long integer = text.toLongLong(&ok, 0);
            if (ok && number.find_first_of(".eE") == std::string::npos) {
                arg.constant = integer;
            } else {
                const double real = text.toDouble(&ok);
                if (!ok)
                    error("bad number syntax: \"" + number + "\"");
                arg.constant = real;
            }
        } else if (isIdentChar(c)) {
            const std::string word = peekWord();
            m_pos += word.size();
            if (word == "true" || word == "false") {
                arg.kind = Arg::Kind::Constant;
                arg.constant = word == "true";
            } else if (word == "nil") {
                arg.kind = Arg::Kind::Nil;
            } else {
                if (std::find(kFunctions.begin(), kFunctions.end(), word) == kFunctions.end())
                    error("function \"" + word + "\" not defined");
                arg.kind = Arg::Kind::Identifier;
                arg.name = word;
            }
        } else {
            unexpected();
        }
        arg.source
            = m_text.substr(arg.kind == Arg::Kind::Field ? arg.pos : arg.pos, m_pos - arg.pos);
        if (arg.kind == Arg::Kind::Field)
            arg.source = sourceFrom(arg);
        return arg;
    }

    std::string sourceFrom(const Arg &arg) const
    {
        std::string s;
        for (const std::string &f : arg.fields)
            s += "." + f;
        return s;
    }

    json parseString()
    {
        const char quote = m_text[m_pos];
        std::string out;
        std::size_t i = m_pos + 1;
        if (quote == '`') {
            const std::size_t close = m_text.find('`', i);
            if (close == std::string::npos)
                error("unterminated raw quoted string");
            out = m_text.substr(i, close - i);
            m_pos = close + 1;
            return out;
        }
        for (;;) {
            if (i >= m_text.size() || m_text[i] == '\n')
                error("unterminated quoted string");
            const char c = m_text[i];
            if (c == '"')
                break;
            if (c != '\\') {
                out.push_back(c);
                ++i;
                continue;
            }
            const char e = i + 1 < m_text.size() ? m_text[i + 1] : '\0';
            i += 2;
            switch (e) {
            case 'n':
                out.push_back('\n');
                break;
            case 't':
                out.push_back('\t');
                break;
            case 'r':
                out.push_back('\r');
                break;
            case 'a':
                out.push_back('\a');
                break;
            case 'b':
                out.push_back('\b');
                break;
            case 'f':
                out.push_back('\f');
                break;
            case 'v':
                out.push_back('\v');
                break;
            case '\\':
                out.push_back('\\');
                break;
            case '"':
                out.push_back('"');
                break;
            case 'x':
            case 'u':
            case 'U': {
                const int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                bool ok = false;
                const uint value = QString::fromStdString(m_text.substr(i, digits)).toUInt(&ok, 16);
                if (!ok)
                    error("invalid syntax");
                i += digits;
                if (e == 'x') {
                    out.push_back(char(value));
                } else {
                    const char32_t rune = value;
                    out += QString::fromUcs4(&rune, 1).toStdString();
                }
                break;
            }
            default:
                error("invalid syntax");
            }
        }
        m_pos = i + 1;
        return out;
    }

    static Tree textNode(const std::string &text)
    {
        Tree t;
        t.kind = Tree::Kind::Text;
        t.text = text;
        return t;
    }

    const std::string &m_text;
    std::string m_name;
    std::size_t m_pos = 0;
    std::size_t m_errorPos = 0;
    bool m_trimNext = false;
    std::vector<std::string> m_vars { "$" };
};

struct ExecError
{
    std::string message;
};

enum class Flow { Normal, Break, Continue };

bool truth(const Value &value)
{
    if (value.missing)
        return false;
    const json &v = value.v;
    switch (v.type()) {
    case json::value_t::boolean:
        return v.get<bool>();
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
        return v.get<long long>() != 0;
    case json::value_t::number_float:
        return v.get<double>() != 0;
    case json::value_t::string:
        return !v.get_ref<const std::string &>().empty();
    case json::value_t::object:
    case json::value_t::array:
        return !v.empty();
    default:
        return false;
    }
}

// fmt.Sprint of one operand.
std::string printText(const Value &value)
{
    if (value.missing || value.v.is_null())
        return "<no value>";
    return govalue::sprint(value.v, govalue::Numbers::Int64);
}

std::string goType(const Value &value)
{
    if (value.missing)
        return "<nil>";
    return govalue::typeName(value.v, "int64", "<nil>");
}

// Go's fmt.Sprintf for the verbs templates use.
std::string sprintf(const std::string &format, const std::vector<Value> &args)
{
    std::string out;
    std::size_t argIndex = 0;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%') {
            out.push_back(format[i]);
            continue;
        }
        std::size_t j = i + 1;
        std::string flags;
        while (j < format.size() && std::string("-+# 0").find(format[j]) != std::string::npos)
            flags.push_back(format[j++]);
        std::string width;
        while (j < format.size() && std::isdigit(static_cast<unsigned char>(format[j])))
            width.push_back(format[j++]);
        std::string precision;
        bool hasPrecision = false;
        if (j < format.size() && format[j] == '.') {
            hasPrecision = true;
            ++j;
            while (j < format.size() && std::isdigit(static_cast<unsigned char>(format[j])))
                precision.push_back(format[j++]);
        }
        if (j >= format.size()) {
            out += "%!(NOVERB)";
            break;
        }
        const char verb = format[j];
        i = j;
        if (verb == '%') {
            out.push_back('%');
            continue;
        }
        if (argIndex >= args.size()) {
            out += std::string("%!") + verb + "(MISSING)";
            continue;
        }
        const Value &arg = args[argIndex++];
        const json &v = arg.v;
        std::string text;
        bool bad = false;
        const bool isInt = v.is_number_integer() || v.is_number_unsigned();
        switch (verb) {
        case 'v':
            text = arg.missing ? "<nil>" : govalue::sprint(v, govalue::Numbers::Int64);
            break;
        case 's':
            if (v.is_string())
                text = v.get<std::string>();
            else
                bad = true;
            break;
        case 'q':
            if (v.is_string())
                text = govalue::quote(v.get<std::string>());
            else
                bad = true;
            break;
        case 'd':
            if (isInt)
                text = std::to_string(v.get<long long>());
            else
                bad = true;
            break;
        case 't':
            if (v.is_boolean())
                text = v.get<bool>() ? "true" : "false";
            else
                bad = true;
            break;
        case 'f':
        case 'F':
        case 'e':
        case 'g':
            if (v.is_number_float()) {
                char buffer[128];
                const std::string spec = "%." + (hasPrecision ? precision : std::string("6"))
                    + (verb == 'F' ? 'f' : verb);
                if (verb == 'g' && !hasPrecision)
                    text = govalue::formatFloat(v.get<double>());
                else {
                    std::snprintf(buffer, sizeof buffer, spec.c_str(), v.get<double>());
                    text = buffer;
                }
            } else {
                bad = true;
            }
            break;
        case 'x':
        case 'X':
            if (isInt) {
                char buffer[64];
                std::snprintf(buffer, sizeof buffer, verb == 'x' ? "%llx" : "%llX",
                              v.get<long long>());
                text = buffer;
            } else if (v.is_string()) {
                char buffer[4];
                for (unsigned char c : v.get<std::string>()) {
                    std::snprintf(buffer, sizeof buffer, verb == 'x' ? "%02x" : "%02X", c);
                    text += buffer;
                }
            } else {
                bad = true;
            }
            break;
        default:
            bad = true;
        }
        if (bad) {
            text = std::string("%!") + verb + "(" + goType(arg) + "="
                + (arg.missing ? "<nil>" : govalue::sprint(v, govalue::Numbers::Int64)) + ")";
        } else if (!width.empty()) {
            const std::size_t w = std::size_t(std::stoi(width));
            const std::size_t length = QString::fromStdString(text).size();
            if (length < w) {
                const bool left = flags.find('-') != std::string::npos;
                const bool zero = flags.find('0') != std::string::npos && !left
                    && (isInt || v.is_number_float());
                const std::string pad(w - length, zero ? '0' : ' ');
                text = left ? text + pad : pad + text;
            }
        }
        out += text;
    }
    if (argIndex < args.size()) {
        out += "%!(EXTRA ";
        for (std::size_t k = argIndex; k < args.size(); ++k) {
            if (k > argIndex)
                out += ", ";
            out += goType(args[k]) + "=" + printText(args[k]);
        }
        out += ")";
    }
    return out;
}

// fmt.Sprint: spaces between operands when neither side is a string.
std::string sprintArgs(const std::vector<Value> &args, bool ln)
{
    std::string out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const bool isString = args[i].v.is_string() && !args[i].missing;
        if (i > 0 && (ln || (!isString && !(args[i - 1].v.is_string() && !args[i - 1].missing))))
            out.push_back(' ');
        out += args[i].missing ? "<nil>" : govalue::sprint(args[i].v, govalue::Numbers::Int64);
    }
    if (ln)
        out.push_back('\n');
    return out;
}

enum class BasicKind { Bool, Int, Float, String, Invalid };

BasicKind basicKind(const Value &value)
{
    if (value.missing)
        return BasicKind::Invalid;
    switch (value.v.type()) {
    case json::value_t::boolean:
        return BasicKind::Bool;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
        return BasicKind::Int;
    case json::value_t::number_float:
        return BasicKind::Float;
    case json::value_t::string:
        return BasicKind::String;
    default:
        return BasicKind::Invalid;
    }
}

bool equalValues(const Value &a, const Value &b)
{
    const BasicKind ka = basicKind(a);
    const BasicKind kb = basicKind(b);
    if (ka == BasicKind::Invalid || kb == BasicKind::Invalid)
        throw ExecError { "invalid type for comparison" };
    if (ka != kb)
        throw ExecError { "incompatible types for comparison" };
    return a.v == b.v;
}

bool lessValues(const Value &a, const Value &b)
{
    const BasicKind ka = basicKind(a);
    const BasicKind kb = basicKind(b);
    if (ka == BasicKind::Invalid || kb == BasicKind::Invalid || ka == BasicKind::Bool
        || kb == BasicKind::Bool)
        throw ExecError { "invalid type for comparison" };
    if (ka != kb)
        throw ExecError { "incompatible types for comparison" };
    if (ka == BasicKind::String)
        return a.v.get<std::string>() < b.v.get<std::string>();
    if (ka == BasicKind::Int)
        return a.v.get<long long>() < b.v.get<long long>();
    return a.v.get<double>() < b.v.get<double>();
}

std::string htmlEscape(const std::string &s)
{
    std::string out;
    for (char c : s) {
        switch (c) {
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '&':
            out += "&amp;";
            break;
        case '\'':
            out += "&#39;";
            break;
        case '"':
            out += "&#34;";
            break;
        case '\0':
            out += "\xEF\xBF\xBD";
            break;
        default:
            out.push_back(c);
        }
    }
    return out;
}

std::string jsEscape(const std::string &s)
{
    std::string out;
    for (char c : s) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\'':
            out += "\\'";
            break;
        case '"':
            out += "\\\"";
            break;
        case '<':
            out += "\\u003C";
            break;
        case '>':
            out += "\\u003E";
            break;
        case '&':
            out += "\\u0026";
            break;
        case '=':
            out += "\\u003D";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out.push_back(c);
        }
    }
    return out;
}

class Executor
{
public:
    Executor(const std::string &name, const std::string &text, bool missingKeyError)
        : m_name(name)
        , m_text(text)
        , m_missingKeyError(missingKeyError)
    {
    }

    std::string out;

    void run(const Tree &root, const json &data)
    {
        m_vars.push_back({ "$", Value { data } });
        walkList(root.list, Value { data });
    }

private:
    [[noreturn]] void fail(std::size_t pos, const std::string &context, const std::string &message)
    {
        int line = 1;
        std::size_t lineStart = 0;
        for (std::size_t i = 0; i < pos && i < m_text.size(); ++i) {
            if (m_text[i] == '\n') {
                ++line;
                lineStart = i + 1;
            }
        }
        const std::string &shown = context;
        throw ExecError { "template: " + m_name + ":" + std::to_string(line) + ":"
                          + std::to_string(pos - lineStart) + ": executing \"" + m_name + "\" at <"
                          + shown + ">: " + message };
    }

    Flow walkList(const std::vector<Tree> &list, const Value &dot)
    {
        for (const Tree &node : list) {
            const Flow flow = walk(node, dot);
            if (flow != Flow::Normal)
                return flow;
        }
        return Flow::Normal;
    }

    Flow walk(const Tree &node, const Value &dot)
    {
        switch (node.kind) {
        case Tree::Kind::List:
            return walkList(node.list, dot);
        case Tree::Kind::Text:
            out += node.text;
            return Flow::Normal;
        case Tree::Kind::Action: {
            const Value value = evalPipe(dot, node.pipe);
            if (node.pipe.decls.empty())
                out += printText(value);
            return Flow::Normal;
        }
        case Tree::Kind::If:
        case Tree::Kind::With: {
            const std::size_t mark = m_vars.size();
            const Value value = evalPipe(dot, node.pipe);
            Flow flow = Flow::Normal;
            if (truth(value))
                flow = walkList(node.list, node.kind == Tree::Kind::With ? value : dot);
            else
                flow = walkList(node.elseList, dot);
            m_vars.resize(mark);
            return flow;
        }
        case Tree::Kind::Range:
            return walkRange(node, dot);
        case Tree::Kind::Break:
            return Flow::Break;
        case Tree::Kind::Continue:
            return Flow::Continue;
        }
        return Flow::Normal;
    }

    Flow walkRange(const Tree &node, const Value &dot)
    {
        const std::size_t mark = m_vars.size();
        Pipe pipe = node.pipe;
        const std::vector<std::string> decls = pipe.decls;
        pipe.decls.clear();
        const Value value = evalPipe(dot, pipe);
        const auto body = [&](const Value &key, const Value &element) {
            if (decls.size() == 1) {
                m_vars.push_back({ decls[0], element });
            } else if (decls.size() == 2) {
                m_vars.push_back({ decls[0], key });
                m_vars.push_back({ decls[1], element });
            }
            const Flow flow = walkList(node.list, element);
            m_vars.resize(mark);
            return flow;
        };
        bool any = false;
        if (!value.missing && value.v.is_array()) {
            long long index = 0;
            for (const json &element : value.v) {
                any = true;
                if (body(Value { json(index++) }, Value { element }) == Flow::Break)
                    break;
            }
        } else if (!value.missing && value.v.is_object()) {
            for (auto it = value.v.begin(); it != value.v.end(); ++it) {
                any = true;
                if (body(Value { json(it.key()) }, Value { it.value() }) == Flow::Break)
                    break;
            }
        } else if (!value.missing && value.v.is_number_integer()) {
            for (long long i = 0; i < value.v.get<long long>(); ++i) {
                any = true;
                if (body(Value { json(i) }, Value { json(i) }) == Flow::Break)
                    break;
            }
        } else if (!value.missing && !value.v.is_null()) {
            fail(node.pipe.pos, node.pipe.cmds.front().source,
                 "range can't iterate over " + printText(value));
        }
        if (!any) {
            const Flow flow = walkList(node.elseList, dot);
            m_vars.resize(mark);
            return flow;
        }
        return Flow::Normal;
    }

    Value evalPipe(const Value &dot, const Pipe &pipe)
    {
        Value value = Value::none();
        bool first = true;
        for (const Command &cmd : pipe.cmds) {
            value = evalCommand(dot, cmd, first ? nullptr : &value);
            first = false;
        }
        if (!pipe.decls.empty()) {
            if (pipe.assign) {
                for (auto it = m_vars.rbegin(); it != m_vars.rend(); ++it) {
                    if (it->first == pipe.decls[0]) {
                        it->second = value;
                        return value;
                    }
                }
                fail(pipe.pos, pipe.decls[0], "undefined variable: " + pipe.decls[0]);
            }
            for (const std::string &name : pipe.decls)
                m_vars.push_back({ name, value });
        }
        return value;
    }

    Value variable(const std::string &name, const Arg &arg)
    {
        for (auto it = m_vars.rbegin(); it != m_vars.rend(); ++it) {
            if (it->first == name)
                return it->second;
        }
        fail(arg.pos, arg.source, "undefined variable: " + name);
    }

    Value fieldChain(Value receiver, const std::vector<std::string> &fields, const Arg &arg)
    {
        for (const std::string &field : fields) {
            if (receiver.missing) {
                if (m_missingKeyError)
                    fail(arg.pos, arg.source, "nil data; no entry for key \"" + field + "\"");
                return Value::none();
            }
            if (receiver.v.is_null())
                fail(arg.pos, arg.source, "nil pointer evaluating interface {}." + field);
            if (!receiver.v.is_object())
                fail(arg.pos, arg.source,
                     "can't evaluate field " + field + " in type interface {}");
            const auto it = receiver.v.find(field);
            if (it == receiver.v.end()) {
                if (m_missingKeyError)
                    fail(arg.pos, arg.source, "map has no entry for key \"" + field + "\"");
                receiver = Value::none();
                continue;
            }
            receiver = Value { *it };
        }
        return receiver;
    }

    Value evalArg(const Value &dot, const Arg &arg)
    {
        switch (arg.kind) {
        case Arg::Kind::Dot:
            return dot;
        case Arg::Kind::Field:
            return fieldChain(dot, arg.fields, arg);
        case Arg::Kind::Variable:
            return fieldChain(variable(arg.name, arg), arg.fields, arg);
        case Arg::Kind::Constant:
            return Value { arg.constant };
        case Arg::Kind::Nil:
            return Value::none();
        case Arg::Kind::Pipe:
            return fieldChain(evalPipe(dot, *arg.pipe), arg.fields, arg);
        case Arg::Kind::Identifier:
            return callFunction(dot, arg.name, {}, nullptr, arg.pos, arg.source);
        }
        return Value::none();
    }

    Value evalCommand(const Value &dot, const Command &cmd, const Value *final)
    {
        const Arg &first = cmd.args.front();
        if (first.kind == Arg::Kind::Identifier) {
            const std::vector<Arg> args(cmd.args.begin() + 1, cmd.args.end());
            return callFunction(dot, first.name, args, final, cmd.pos, cmd.source);
        }
        if (cmd.args.size() > 1 || final) {
            if (first.kind == Arg::Kind::Field || first.kind == Arg::Kind::Variable)
                fail(first.pos, first.source, first.source + " is not a method but has arguments");
            fail(first.pos, first.source, "can't give argument to non-function " + first.source);
        }
        return evalArg(dot, first);
    }

    Value callFunction(const Value &dot, const std::string &name, const std::vector<Arg> &argNodes,
                       const Value *final, std::size_t pos, const std::string &source)
    {
        // and/or evaluate their arguments only as far as needed.
        if (name == "and" || name == "or") {
            const std::size_t count = argNodes.size() + (final ? 1 : 0);
            if (count < 1)
                fail(pos, source, "wrong number of args for " + name + ": want at least 1 got 0");
            Value value;
            for (std::size_t i = 0; i < count; ++i) {
                value = i < argNodes.size() ? evalArg(dot, argNodes[i]) : *final;
                if (truth(value) == (name == "or"))
                    return value;
            }
            return value;
        }
        std::vector<Value> args;
        for (const Arg &a : argNodes)
            args.push_back(evalArg(dot, a));
        if (final)
            args.push_back(*final);
        const auto want = [&](std::size_t n) {
            if (args.size() != n)
                fail(pos, source,
                     "wrong number of args for " + name + ": want " + std::to_string(n) + " got "
                         + std::to_string(args.size()));
        };
        try {
            if (name == "not") {
                want(1);
                return Value { json(!truth(args[0])) };
            }
            if (name == "len") {
                want(1);
                const Value &v = args[0];
                if (!v.missing && v.v.is_string())
                    return Value { json(static_cast<long long>(v.v.get<std::string>().size())) };
                if (!v.missing && (v.v.is_array() || v.v.is_object()))
                    return Value { json(static_cast<long long>(v.v.size())) };
                throw ExecError { "len of type " + goType(v) };
            }
            if (name == "index")
                return index(args, pos, source);
            if (name == "slice")
                return slice(args);
            if (name == "print")
                return Value { json(sprintArgs(args, false)) };
            if (name == "println")
                return Value { json(sprintArgs(args, true)) };
            if (name == "printf") {
                if (args.empty())
                    fail(pos, source, "wrong number of args for printf: want at least 1 got 0");
                if (!args[0].v.is_string())
                    throw ExecError { "wrong type for value; expected string; got "
                                      + goType(args[0]) };
                return Value { json(sprintf(args[0].v.get<std::string>(),
                                            std::vector<Value>(args.begin() + 1, args.end()))) };
            }
            if (name == "eq") {
                if (args.size() < 2)
                    throw ExecError { "missing argument for comparison" };
                for (std::size_t i = 1; i < args.size(); ++i) {
                    if (equalValues(args[0], args[i]))
                        return Value { json(true) };
                }
                return Value { json(false) };
            }
            if (name == "ne") {
                want(2);
                return Value { json(!equalValues(args[0], args[1])) };
            }
            if (name == "lt" || name == "le" || name == "gt" || name == "ge") {
                want(2);
                const bool less = lessValues(args[0], args[1]);
                const bool equal = !less && !lessValues(args[1], args[0]);
                const bool result = name == "lt" ? less
                    : name == "le"               ? less || equal
                    : name == "gt"               ? !less && !equal
                                                 : !less;
                return Value { json(result) };
            }
            if (name == "html" || name == "js" || name == "urlquery") {
                std::string text;
                if (args.size() == 1 && args[0].v.is_string())
                    text = args[0].v.get<std::string>();
                else
                    text = sprintArgs(args, false);
                if (name == "html")
                    return Value { json(htmlEscape(text)) };
                if (name == "js")
                    return Value { json(jsEscape(text)) };
                QByteArray encoded
                    = QUrl::toPercentEncoding(QString::fromStdString(text), QByteArrayLiteral(" "));
                encoded.replace(' ', '+');
                return Value { json(encoded.toStdString()) };
            }
            if (name == "exists") {
                if (args.empty())
                    return Value { json(false) };
                Value v = args[0];
                for (std::size_t i = 1; i < args.size(); ++i) {
                    if (v.missing)
                        return Value { json(false) };
                    if (v.v.is_object() && args[i].v.is_string()) {
                        const auto it = v.v.find(args[i].v.get<std::string>());
                        if (it == v.v.end())
                            return Value { json(false) };
                        v = Value { *it };
                    } else if (v.v.is_array() && args[i].v.is_number_integer()) {
                        const long long k = args[i].v.get<long long>();
                        if (k < 0 || k >= static_cast<long long>(v.v.size()))
                            return Value { json(false) };
                        v = Value { v.v[std::size_t(k)] };
                    } else {
                        return Value { json(false) };
                    }
                }
                return Value { json(!v.missing && !v.v.is_null()) };
            }
            if (name == "base64decode") {
                want(1);
                const QByteArray input = QByteArray::fromStdString(
                    args[0].v.is_string() ? args[0].v.get<std::string>() : std::string());
                const auto decoded = QByteArray::fromBase64Encoding(
                    input, QByteArray::AbortOnBase64DecodingErrors);
                if (!decoded)
                    throw ExecError { "illegal base64 data at input byte 0" };
                return Value { json(decoded.decoded.toStdString()) };
            }
        } catch (const ExecError &e) {
            fail(pos, source, "error calling " + name + ": " + e.message);
        }
        fail(pos, source, "\"" + name + "\" is not a defined function");
    }

    Value index(const std::vector<Value> &args, std::size_t pos, const std::string &source)
    {
        if (args.empty())
            fail(pos, source, "wrong number of args for index: want at least 1 got 0");
        Value item = args[0];
        for (std::size_t i = 1; i < args.size(); ++i) {
            if (item.missing || item.v.is_null())
                throw ExecError { "index of untyped nil" };
            const Value &key = args[i];
            if (item.v.is_array() || item.v.is_string()) {
                if (!key.v.is_number_integer())
                    throw ExecError { "cannot index slice/array with type " + goType(key) };
                const long long k = key.v.get<long long>();
                const long long size = item.v.is_array()
                    ? static_cast<long long>(item.v.size())
                    : static_cast<long long>(item.v.get<std::string>().size());
                if (k < 0 || k >= size)
                    throw ExecError { "index out of range: " + std::to_string(k) };
                if (item.v.is_array())
                    item = Value { item.v[std::size_t(k)] };
                else
                    item = Value { json(static_cast<long long>(
                        static_cast<unsigned char>(item.v.get<std::string>()[std::size_t(k)]))) };
            } else if (item.v.is_object()) {
                if (!key.v.is_string())
                    throw ExecError { "value has type " + goType(key) + "; should be string" };
                const auto it = item.v.find(key.v.get<std::string>());
                item = it == item.v.end() ? Value::none() : Value { *it };
            } else {
                throw ExecError { "can't index item of type " + goType(item) };
            }
        }
        return item;
    }

    Value slice(const std::vector<Value> &args)
    {
        if (args.empty())
            throw ExecError { "wrong number of args for slice: want at least 1 got 0" };
        const Value &item = args[0];
        std::vector<long long> idx;
        for (std::size_t i = 1; i < args.size(); ++i) {
            if (!args[i].v.is_number_integer())
                throw ExecError { "cannot index slice/array with type " + goType(args[i]) };
            idx.push_back(args[i].v.get<long long>());
        }
        if (!item.missing && item.v.is_string()) {
            const std::string s = item.v.get<std::string>();
            const long long size = static_cast<long long>(s.size());
            const long long from = idx.size() > 0 ? idx[0] : 0;
            const long long to = idx.size() > 1 ? idx[1] : size;
            if (from < 0 || to > size || from > to)
                throw ExecError { "index out of range: " + std::to_string(from > to ? from : to) };
            return Value { json(s.substr(std::size_t(from), std::size_t(to - from))) };
        }
        if (!item.missing && item.v.is_array()) {
            const long long size = static_cast<long long>(item.v.size());
            const long long from = idx.size() > 0 ? idx[0] : 0;
            const long long to = idx.size() > 1 ? idx[1] : size;
            if (from < 0 || to > size || from > to)
                throw ExecError { "index out of range: " + std::to_string(from > to ? from : to) };
            json out = json::array();
            for (long long k = from; k < to; ++k)
                out.push_back(item.v[std::size_t(k)]);
            return Value { out };
        }
        throw ExecError { "can't slice item of type " + goType(item) };
    }

    std::string m_name;
    const std::string &m_text;
    bool m_missingKeyError = false;
    std::vector<std::pair<std::string, Value>> m_vars;
};

} // namespace

GoTemplate::GoTemplate() = default;
GoTemplate::~GoTemplate() = default;

bool GoTemplate::parse(const QString &text, QString *error, const QString &name)
{
    const std::string source = text.toStdString();
    try {
        Parser parser(source, name.toStdString());
        m_tree = std::make_unique<Tree>(parser.parse());
        // Execution errors name the template and point into its text.
        m_source = source;
        m_name = name.toStdString();
        return true;
    } catch (const ParseError &e) {
        *error = QString::fromStdString(e.message);
        m_tree.reset();
        return false;
    }
}

bool GoTemplate::execute(const json &data, QString *out, QString *error) const
{
    out->clear();
    if (!m_tree) {
        *error = QStringLiteral("template: output: \"output\" is an incomplete or empty template");
        return false;
    }
    Executor executor(m_name, m_source, m_missingKeyError);
    try {
        executor.run(*m_tree, data);
    } catch (const ExecError &e) {
        *out = QString::fromStdString(executor.out);
        *error = QString::fromStdString(e.message);
        return false;
    }
    *out = QString::fromStdString(executor.out);
    return true;
}

} // namespace ordinal::core
