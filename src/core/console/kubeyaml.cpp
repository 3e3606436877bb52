#include "console/kubeyaml.h"

#include "console/govalue.h"

#include <QChar>
#include <QRegularExpression>
#include <QString>

#include <algorithm>

namespace ordinal::core::kubeyaml {

using nlohmann::json;

namespace {

constexpr int kBestIndent = 2;
constexpr int kBestWidth = 80;

std::u32string runes(const std::string &text)
{
    const QList<uint> ucs4 = QString::fromStdString(text).toUcs4();
    return std::u32string(ucs4.begin(), ucs4.end());
}

std::string utf8(char32_t c)
{
    return QString::fromUcs4(&c, 1).toStdString();
}

// go-yaml's resolve(): what a plain scalar with this text would be read as. Only a text that
// reads back as a string may be written plain.
bool resolvesToString(const std::string &s)
{
    if (s.empty())
        return false;
    static const char *const special[]
        = { "~",    "null", "Null",  "NULL",  "y",     "Y",     "yes",   "Yes",   "YES",  "on",
            "On",   "ON",   "true",  "True",  "TRUE",  "n",     "N",     "no",    "No",   "NO",
            "off",  "Off",  "OFF",   "false", "False", "FALSE", ".nan",  ".NaN",  ".NAN", ".inf",
            ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "<<" };
    for (const char *word : special) {
        if (s == word)
            return false;
    }
    const char hint = s[0];
    const bool numeric = (hint >= '0' && hint <= '9') || hint == '+' || hint == '-' || hint == '.';
    if (!numeric)
        return true;
    const QString text = QString::fromStdString(s);
    if (hint == '.') {
        bool ok = false;
        text.toDouble(&ok);
        return !ok;
    }
    // Timestamps: 2006-1-2, 2006-1-2T15:4:5Z (with optional fraction and zone), "2006-1-2 15:4:5".
    static const QRegularExpression timestamp(QStringLiteral(
        "^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]*)?"
        "(Z|[+-][0-9]{2}:[0-9]{2}))|( [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]*)?))?$"));
    if (timestamp.match(text).hasMatch())
        return false;
    QString plain = text;
    plain.remove(QLatin1Char('_'));
    // strconv.ParseInt / ParseUint with base 0: decimal, 0x, 0o, 0b and leading-zero octal.
    static const QRegularExpression integer(
        QStringLiteral("^[+-]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$"));
    if (integer.match(plain).hasMatch())
        return false;
    static const QRegularExpression yamlFloat(
        QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    if (yamlFloat.match(plain).hasMatch())
        return false;
    // go-yaml writes base 60 floats (1:20) quoted for YAML 1.1 readers.
    static const QRegularExpression base60(
        QStringLiteral("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$"));
    return !base60.match(text).hasMatch();
}

bool isBreak(char32_t c)
{
    return c == U'\r' || c == U'\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

bool isBlank(char32_t c)
{
    return c == U' ' || c == U'\t';
}

// go-yaml's is_printable, on runes.
bool isPrintable(char32_t c)
{
    return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
}

// yaml_emitter_analyze_scalar.
struct Analysis
{
    bool multiline = false;
    bool blockPlainAllowed = true;
    bool singleQuotedAllowed = true;
    bool blockAllowed = true;
};

Analysis analyze(const std::u32string &value)
{
    Analysis a;
    if (value.empty()) {
        a.blockAllowed = false;
        return a;
    }
    bool blockIndicators = false;
    bool lineBreaks = false;
    bool special = false;
    bool leadingSpace = false;
    bool leadingBreak = false;
    bool trailingSpace = false;
    bool trailingBreak = false;
    bool breakSpace = false;
    bool spaceBreak = false;
    bool precededByWhitespace = true;
    bool previousSpace = false;
    bool previousBreak = false;
    if (value.size() >= 3 && (value.compare(0, 3, U"---") == 0 || value.compare(0, 3, U"...") == 0))
        blockIndicators = true;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char32_t c = value[i];
        const bool followedByWhitespace
            = i + 1 >= value.size() || isBlank(value[i + 1]) || isBreak(value[i + 1]);
        if (i == 0) {
            switch (c) {
            case U'#':
            case U',':
            case U'[':
            case U']':
            case U'{':
            case U'}':
            case U'&':
            case U'*':
            case U'!':
            case U'|':
            case U'>':
            case U'\'':
            case U'"':
            case U'%':
            case U'@':
            case U'`':
                blockIndicators = true;
                break;
            case U'?':
            case U':':
            case U'-':
                if (followedByWhitespace)
                    blockIndicators = true;
                break;
            default:
                break;
            }
        } else if (c == U':' && followedByWhitespace) {
            blockIndicators = true;
        } else if (c == U'#' && precededByWhitespace) {
            blockIndicators = true;
        }
        if (!isPrintable(c))
            special = true;
        if (c == U' ') {
            if (i == 0)
                leadingSpace = true;
            if (i + 1 == value.size())
                trailingSpace = true;
            if (previousBreak)
                breakSpace = true;
            previousSpace = true;
            previousBreak = false;
        } else if (isBreak(c)) {
            lineBreaks = true;
            if (i == 0)
                leadingBreak = true;
            if (i + 1 == value.size())
                trailingBreak = true;
            if (previousSpace)
                spaceBreak = true;
            previousSpace = false;
            previousBreak = true;
        } else {
            previousSpace = false;
            previousBreak = false;
        }
        precededByWhitespace = isBlank(c) || isBreak(c);
    }
    a.multiline = lineBreaks;
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak)
        a.blockPlainAllowed = false;
    if (trailingSpace)
        a.blockAllowed = false;
    if (breakSpace) {
        a.blockPlainAllowed = false;
        a.singleQuotedAllowed = false;
    }
    if (spaceBreak || special) {
        a.blockPlainAllowed = false;
        a.singleQuotedAllowed = false;
        a.blockAllowed = false;
    }
    if (lineBreaks)
        a.blockPlainAllowed = false;
    if (blockIndicators)
        a.blockPlainAllowed = false;
    return a;
}

// Writes text and keeps the emitter's column (in runes).
class Writer
{
public:
    std::string out;
    int column = 0;

    void put(const std::string &text)
    {
        out += text;
        column += int(runes(text).size());
    }
    void put(char32_t c) { put(utf8(c)); }
    void newline()
    {
        out.push_back('\n');
        column = 0;
    }
    void indentTo(int indent)
    {
        while (column < indent)
            put(U' ');
    }

    enum class Style { Plain, Single, Double, Literal };

    // Writes a string scalar after "key: " or "- " (the leading space already written).
    // indent is the emitter's indent for the scalar: where continuation lines start.
    void scalar(const std::string &text, int indent, bool simpleKey)
    {
        const std::u32string value = runes(text);
        const Analysis a = analyze(value);
        Style style = Style::Double;
        if (text.find('\n') != std::string::npos)
            style = Style::Literal;
        else if (resolvesToString(text))
            style = Style::Plain;
        if (simpleKey && a.multiline)
            style = Style::Double;
        if (style == Style::Plain && !a.blockPlainAllowed)
            style = Style::Single;
        if (style == Style::Single && !a.singleQuotedAllowed)
            style = Style::Double;
        if (style == Style::Literal && (!a.blockAllowed || simpleKey))
            style = Style::Double;
        const bool allowBreaks = !simpleKey;
        switch (style) {
        case Style::Plain:
            plain(value, indent, allowBreaks);
            break;
        case Style::Single:
            singleQuoted(value, indent, allowBreaks);
            break;
        case Style::Double:
            doubleQuoted(value, indent, allowBreaks);
            break;
        case Style::Literal:
            literal(value, indent);
            break;
        }
    }

private:
    void plain(const std::u32string &value, int indent, bool allowBreaks)
    {
        bool spaces = false;
        for (std::size_t i = 0; i < value.size(); ++i) {
            const char32_t c = value[i];
            if (c == U' ') {
                if (allowBreaks && !spaces && column > kBestWidth && i + 1 < value.size()
                    && value[i + 1] != U' ') {
                    newline();
                    indentTo(indent);
                } else {
                    put(c);
                }
                spaces = true;
            } else {
                put(c);
                spaces = false;
            }
        }
    }

    void singleQuoted(const std::u32string &value, int indent, bool allowBreaks)
    {
        put(U'\'');
        bool spaces = false;
        bool breaks = false;
        for (std::size_t i = 0; i < value.size(); ++i) {
            const char32_t c = value[i];
            if (c == U' ') {
                if (allowBreaks && !spaces && column > kBestWidth && i != 0 && i != value.size() - 1
                    && value[i + 1] != U' ') {
                    newline();
                    indentTo(indent);
                } else {
                    put(c);
                }
                spaces = true;
            } else if (isBreak(c)) {
                // A line or paragraph separator is copied and starts a new line, as go-yaml's
                // write_break does.
                out += utf8(c);
                column = 0;
                breaks = true;
            } else {
                if (breaks)
                    indentTo(indent);
                if (c == U'\'')
                    put(U'\'');
                put(c);
                spaces = false;
                breaks = false;
            }
        }
        put(U'\'');
    }

    void doubleQuoted(const std::u32string &value, int indent, bool allowBreaks)
    {
        put(U'"');
        bool spaces = false;
        for (std::size_t i = 0; i < value.size(); ++i) {
            const char32_t c = value[i];
            if (!isPrintable(c) || c == 0xFEFF || isBreak(c) || c == U'"' || c == U'\\') {
                put(escape(c));
                spaces = false;
            } else if (c == U' ') {
                if (allowBreaks && !spaces && column > kBestWidth && i != 0
                    && i != value.size() - 1) {
                    newline();
                    indentTo(indent);
                    if (i + 1 < value.size() && value[i + 1] == U' ')
                        put(U'\\');
                } else {
                    put(c);
                }
                spaces = true;
            } else {
                put(c);
                spaces = false;
            }
        }
        put(U'"');
    }

    static std::string escape(char32_t c)
    {
        switch (c) {
        case 0:
            return "\\0";
        case 0x07:
            return "\\a";
        case 0x08:
            return "\\b";
        case 0x09:
            return "\\t";
        case 0x0A:
            return "\\n";
        case 0x0B:
            return "\\v";
        case 0x0C:
            return "\\f";
        case 0x0D:
            return "\\r";
        case 0x1B:
            return "\\e";
        case 0x22:
            return "\\\"";
        case 0x5C:
            return "\\\\";
        case 0x85:
            return "\\N";
        case 0xA0:
            return "\\_";
        case 0x2028:
            return "\\L";
        case 0x2029:
            return "\\P";
        default:
            break;
        }
        char buffer[16];
        if (c <= 0xFF)
            std::snprintf(buffer, sizeof buffer, "\\x%02X", unsigned(c));
        else if (c <= 0xFFFF)
            std::snprintf(buffer, sizeof buffer, "\\u%04X", unsigned(c));
        else
            std::snprintf(buffer, sizeof buffer, "\\U%08X", unsigned(c));
        return buffer;
    }

    void literal(const std::u32string &value, int indent)
    {
        put(U'|');
        if (!value.empty() && (value[0] == U' ' || isBreak(value[0])))
            put(std::to_string(kBestIndent));
        // Chomping: "-" without a final line break, "+" with more than one.
        if (value.empty() || !isBreak(value.back()))
            put(U'-');
        else if (value.size() == 1 || isBreak(value[value.size() - 2]))
            put(U'+');
        newline();
        bool breaks = true;
        for (const char32_t c : value) {
            if (isBreak(c)) {
                if (c == U'\n')
                    newline();
                else {
                    out += utf8(c);
                    column = 0;
                }
                breaks = true;
            } else {
                if (breaks)
                    indentTo(indent);
                put(c);
                breaks = false;
            }
        }
    }
};

std::string scalarText(const json &value)
{
    switch (value.type()) {
    case json::value_t::boolean:
        return value.get<bool>() ? "true" : "false";
    case json::value_t::number_integer:
        return std::to_string(value.get<std::int64_t>());
    case json::value_t::number_unsigned:
        return std::to_string(value.get<std::uint64_t>());
    case json::value_t::number_float:
        return govalue::formatFloat(value.get<double>());
    default:
        return "null";
    }
}

void writeMapping(Writer &w, const json &map, int indent, bool inlineFirst);
void writeSequence(Writer &w, const json &list, int indent, bool inlineFirst);

// The value after "key:" or "-": nested collections on the next lines, scalars after a space.
void writeValue(Writer &w, const json &value, int indent, bool inSequence)
{
    if (value.is_object() && !value.empty()) {
        if (inSequence) {
            w.put(U' ');
            writeMapping(w, value, indent + kBestIndent, true);
        } else {
            w.newline();
            writeMapping(w, value, indent + kBestIndent, false);
        }
        return;
    }
    if (value.is_array() && !value.empty()) {
        if (inSequence) {
            w.put(U' ');
            writeSequence(w, value, indent + kBestIndent, true);
        } else {
            // go-yaml does not indent a sequence that is a mapping's value.
            w.newline();
            writeSequence(w, value, indent, false);
        }
        return;
    }
    w.put(U' ');
    if (value.is_object())
        w.put("{}");
    else if (value.is_array())
        w.put("[]");
    else if (value.is_string())
        w.scalar(value.get<std::string>(), indent + kBestIndent, false);
    else
        w.put(scalarText(value));
    // A literal block that ends in a line break has already ended its line.
    if (w.column > 0)
        w.newline();
}

void writeMapping(Writer &w, const json &map, int indent, bool inlineFirst)
{
    std::vector<std::string> keys;
    for (auto it = map.begin(); it != map.end(); ++it)
        keys.push_back(it.key());
    std::stable_sort(keys.begin(), keys.end(), keyLess);
    bool first = true;
    for (const std::string &key : keys) {
        if (!(first && inlineFirst))
            w.indentTo(indent);
        first = false;
        w.scalar(key, indent + kBestIndent, true);
        w.put(U':');
        writeValue(w, map.at(key), indent, false);
    }
}

void writeSequence(Writer &w, const json &list, int indent, bool inlineFirst)
{
    bool first = true;
    for (const json &item : list) {
        if (!(first && inlineFirst))
            w.indentTo(indent);
        first = false;
        w.put(U'-');
        writeValue(w, item, indent, true);
    }
}

} // namespace

bool keyLess(const std::string &a, const std::string &b)
{
    const std::u32string ar = runes(a);
    const std::u32string br = runes(b);
    for (std::size_t i = 0; i < ar.size() && i < br.size(); ++i) {
        if (ar[i] == br[i])
            continue;
        const bool al = QChar::isLetter(ar[i]);
        const bool bl = QChar::isLetter(br[i]);
        if (al && bl)
            return ar[i] < br[i];
        if (al || bl)
            return bl;
        // Runs of digits compare as numbers; leading zeros after other digits count.
        long long an = 0;
        long long bn = 0;
        if (ar[i] == U'0' || br[i] == U'0') {
            for (std::size_t j = i; j-- > 0 && QChar::isDigit(ar[j]);) {
                if (ar[j] != U'0') {
                    an = 1;
                    bn = 1;
                    break;
                }
            }
        }
        std::size_t ai = i;
        for (; ai < ar.size() && QChar::isDigit(ar[ai]); ++ai)
            an = an * 10 + (ar[ai] - U'0');
        std::size_t bi = i;
        for (; bi < br.size() && QChar::isDigit(br[bi]); ++bi)
            bn = bn * 10 + (br[bi] - U'0');
        if (an != bn)
            return an < bn;
        if (ai != bi)
            return ai < bi;
        return ar[i] < br[i];
    }
    return ar.size() < br.size();
}

std::string fromJson(const json &document)
{
    Writer w;
    if (document.is_object() && !document.empty()) {
        writeMapping(w, document, 0, false);
    } else if (document.is_array() && !document.empty()) {
        writeSequence(w, document, 0, false);
    } else if (document.is_string()) {
        w.scalar(document.get<std::string>(), kBestIndent, false);
        w.newline();
    } else {
        w.put(document.is_object() ? "{}" : document.is_array() ? "[]" : scalarText(document));
        w.newline();
    }
    return w.out;
}

} // namespace ordinal::core::kubeyaml
