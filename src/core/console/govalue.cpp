#include "console/govalue.h"

#include <QChar>
#include <QString>

#include <charconv>
#include <cstdio>
#include <cstdlib>

namespace ordinal::core::govalue {

using nlohmann::json;

namespace {

// The shortest decimal digits that read back as v, and the exponent of the first digit
// (v = 0.d1d2d3... * 10^(exponent+1)), as strconv's shortest formatting computes them.
void shortestDigits(double v, std::string *digits, int *exponent)
{
    char buffer[64];
    const auto result
        = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::scientific);
    const std::string text(buffer, result.ptr);
    const std::size_t e = text.find('e');
    std::string mantissa = text.substr(0, e);
    *exponent = std::atoi(text.c_str() + e + 1);
    digits->clear();
    for (char c : mantissa) {
        if (c >= '0' && c <= '9')
            digits->push_back(c);
    }
}

std::string fixedFromDigits(const std::string &digits, int exponent)
{
    std::string out;
    if (exponent < 0) {
        out = "0." + std::string(std::size_t(-exponent - 1), '0') + digits;
        return out;
    }
    const std::size_t intDigits = std::size_t(exponent) + 1;
    if (digits.size() <= intDigits)
        return digits + std::string(intDigits - digits.size(), '0');
    return digits.substr(0, intDigits) + "." + digits.substr(intDigits);
}

std::string exponentFromDigits(const std::string &digits, int exponent, bool twoDigits)
{
    std::string out = digits.substr(0, 1);
    if (digits.size() > 1)
        out += "." + digits.substr(1);
    out += exponent < 0 ? "e-" : "e+";
    const int magnitude = std::abs(exponent);
    if (twoDigits && magnitude < 10)
        out += "0";
    out += std::to_string(magnitude);
    return out;
}

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
bool goPrintable(char32_t c)
{
    if (c == U' ')
        return true;
    const QChar::Category category = QChar::category(c);
    switch (category) {
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
        return false;
    default:
        return true;
    }
}

// Decodes one UTF-8 sequence at text[i]; returns its length (1 with ok=false on bad bytes).
std::size_t decodeRune(const std::string &text, std::size_t i, char32_t *rune, bool *ok)
{
    const auto b = static_cast<unsigned char>(text[i]);
    *ok = true;
    if (b < 0x80) {
        *rune = b;
        return 1;
    }
    std::size_t length = 0;
    char32_t value = 0;
    if ((b & 0xE0) == 0xC0) {
        length = 2;
        value = b & 0x1F;
    } else if ((b & 0xF0) == 0xE0) {
        length = 3;
        value = b & 0x0F;
    } else if ((b & 0xF8) == 0xF0) {
        length = 4;
        value = b & 0x07;
    } else {
        *ok = false;
        *rune = 0xFFFD;
        return 1;
    }
    if (i + length > text.size()) {
        *ok = false;
        *rune = 0xFFFD;
        return 1;
    }
    for (std::size_t k = 1; k < length; ++k) {
        const auto c = static_cast<unsigned char>(text[i + k]);
        if ((c & 0xC0) != 0x80) {
            *ok = false;
            *rune = 0xFFFD;
            return 1;
        }
        value = (value << 6) | (c & 0x3F);
    }
    *rune = value;
    return length;
}

std::string hex(unsigned value, int width)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%0*x", width, value);
    return buffer;
}

std::string numberText(const json &value, Numbers numbers)
{
    if (value.is_number_float() || numbers == Numbers::Float64)
        return formatFloat(value.get<double>());
    if (value.is_number_unsigned())
        return std::to_string(value.get<std::uint64_t>());
    return std::to_string(value.get<std::int64_t>());
}

void marshalTo(const json &value, std::string *out, const std::string *indent, int depth);

void newline(std::string *out, const std::string *indent, int depth)
{
    if (!indent)
        return;
    out->push_back('\n');
    for (int i = 0; i < depth; ++i)
        *out += *indent;
}

// A double-quoted literal of text: escape(rune, valid, bytes) gives each UTF-8 sequence's
// spelling (valid is false for a byte that starts no sequence).
template<typename Escape> std::string quoted(const std::string &text, Escape escape)
{
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size();) {
        char32_t rune = 0;
        bool ok = true;
        const std::size_t length = decodeRune(text, i, &rune, &ok);
        out += escape(rune, ok, text.substr(i, length));
        i += length;
    }
    return out + "\"";
}

// encoding/json's string: HTML-safe, U+2028 and U+2029 escaped, bad bytes as U+FFFD.
std::string jsonString(const std::string &text)
{
    return quoted(text, [](char32_t rune, bool ok, const std::string &bytes) -> std::string {
        if (!ok)
            return "\\ufffd";
        switch (rune) {
        case U'"':
            return "\\\"";
        case U'\\':
            return "\\\\";
        case U'\n':
            return "\\n";
        case U'\r':
            return "\\r";
        case U'\t':
            return "\\t";
        default:
            break;
        }
        if (rune < 0x20 || rune == U'<' || rune == U'>' || rune == U'&' || rune == 0x2028
            || rune == 0x2029)
            return "\\u" + hex(unsigned(rune), 4);
        return bytes;
    });
}

std::string jsonNumber(const json &value)
{
    if (!value.is_number_float())
        return value.dump();
    const double v = value.get<double>();
    const double magnitude = std::abs(v);
    std::string digits;
    int exponent = 0;
    shortestDigits(v, &digits, &exponent);
    const std::string sign = v < 0 ? "-" : "";
    if (v == 0)
        return "0";
    if (magnitude < 1e-6 || magnitude >= 1e21)
        return sign + exponentFromDigits(digits, exponent, false);
    return sign + fixedFromDigits(digits, exponent);
}

void marshalTo(const json &value, std::string *out, const std::string *indent, int depth)
{
    switch (value.type()) {
    case json::value_t::object: {
        if (value.empty()) {
            *out += "{}";
            return;
        }
        out->push_back('{');
        bool first = true;
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (!first)
                out->push_back(',');
            first = false;
            newline(out, indent, depth + 1);
            *out += jsonString(it.key());
            *out += indent ? ": " : ":";
            marshalTo(it.value(), out, indent, depth + 1);
        }
        newline(out, indent, depth);
        out->push_back('}');
        return;
    }
    case json::value_t::array: {
        if (value.empty()) {
            *out += "[]";
            return;
        }
        out->push_back('[');
        bool first = true;
        for (const json &item : value) {
            if (!first)
                out->push_back(',');
            first = false;
            newline(out, indent, depth + 1);
            marshalTo(item, out, indent, depth + 1);
        }
        newline(out, indent, depth);
        out->push_back(']');
        return;
    }
    case json::value_t::string:
        *out += jsonString(value.get_ref<const std::string &>());
        return;
    case json::value_t::number_float:
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
        *out += jsonNumber(value);
        return;
    case json::value_t::boolean:
        *out += value.get<bool>() ? "true" : "false";
        return;
    default:
        *out += "null";
        return;
    }
}

} // namespace

std::string formatFloat(double v)
{
    if (v == 0)
        return std::signbit(v) ? "-0" : "0";
    std::string digits;
    int exponent = 0;
    shortestDigits(v, &digits, &exponent);
    const std::string sign = v < 0 ? "-" : "";
    // strconv's %g with the shortest precision switches to an exponent at 1e+06 and below 1e-4.
    if (exponent < -4 || exponent >= 21 || exponent >= 6)
        return sign + exponentFromDigits(digits, exponent, true);
    return sign + fixedFromDigits(digits, exponent);
}

std::string typeName(const json &value, const std::string &integerType, const std::string &nullType)
{
    switch (value.type()) {
    case json::value_t::object:
        return "map[string]interface {}";
    case json::value_t::array:
        return "[]interface {}";
    case json::value_t::string:
        return "string";
    case json::value_t::boolean:
        return "bool";
    case json::value_t::number_float:
        return "float64";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
        return integerType;
    default:
        return nullType;
    }
}

std::string quote(const std::string &text)
{
    return quoted(text, [](char32_t rune, bool ok, const std::string &bytes) -> std::string {
        if (!ok)
            return "\\x" + hex(static_cast<unsigned char>(bytes[0]), 2);
        if (rune == U'"' || rune == U'\\')
            return std::string("\\") + char(rune);
        if (goPrintable(rune))
            return bytes;
        switch (rune) {
        case U'\a':
            return "\\a";
        case U'\b':
            return "\\b";
        case U'\f':
            return "\\f";
        case U'\n':
            return "\\n";
        case U'\r':
            return "\\r";
        case U'\t':
            return "\\t";
        case U'\v':
            return "\\v";
        default:
            break;
        }
        if (rune < U' ' || rune == 0x7F)
            return "\\x" + hex(unsigned(rune), 2);
        if (rune < 0x10000)
            return "\\u" + hex(unsigned(rune), 4);
        return "\\U" + hex(unsigned(rune), 8);
    });
}

std::string sprint(const json &value, Numbers numbers)
{
    switch (value.type()) {
    case json::value_t::object: {
        std::string out = "map[";
        bool first = true;
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (!first)
                out.push_back(' ');
            first = false;
            out += it.key() + ":" + sprint(it.value(), numbers);
        }
        return out + "]";
    }
    case json::value_t::array: {
        std::string out = "[";
        bool first = true;
        for (const json &item : value) {
            if (!first)
                out.push_back(' ');
            first = false;
            out += sprint(item, numbers);
        }
        return out + "]";
    }
    case json::value_t::string:
        return value.get<std::string>();
    case json::value_t::boolean:
        return value.get<bool>() ? "true" : "false";
    case json::value_t::number_float:
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
        return numberText(value, numbers);
    default:
        return "<nil>";
    }
}

std::string sprintGoSyntax(const json &value, Numbers numbers)
{
    switch (value.type()) {
    case json::value_t::object: {
        std::string out = "map[string]interface {}{";
        bool first = true;
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (!first)
                out += ", ";
            first = false;
            out += quote(it.key()) + ":" + sprintGoSyntax(it.value(), numbers);
        }
        return out + "}";
    }
    case json::value_t::array: {
        std::string out = "[]interface {}{";
        bool first = true;
        for (const json &item : value) {
            if (!first)
                out += ", ";
            first = false;
            out += sprintGoSyntax(item, numbers);
        }
        return out + "}";
    }
    case json::value_t::string:
        return quote(value.get<std::string>());
    case json::value_t::boolean:
        return value.get<bool>() ? "true" : "false";
    case json::value_t::number_float:
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
        return numberText(value, numbers);
    default:
        return "interface {}(nil)";
    }
}

std::string marshal(const json &value)
{
    std::string out;
    marshalTo(value, &out, nullptr, 0);
    return out;
}

std::string marshalIndent(const json &value, const std::string &indent)
{
    std::string out;
    marshalTo(value, &out, &indent, 0);
    return out;
}

} // namespace ordinal::core::govalue
