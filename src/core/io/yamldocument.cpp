#include "io/yamldocument.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <istream>
#include <map>
#include <streambuf>

namespace ordinal::core {

namespace {

const std::string kEmpty;

// go-yaml's wording for a yaml-cpp parser message.
std::string goYamlText(const std::string &msg)
{
    using namespace YAML::ErrorMsg;
    if (msg == MAP_VALUE)
        return "mapping values are not allowed in this context";
    if (msg == MAP_KEY)
        return "mapping keys are not allowed in this context";
    if (msg == END_OF_MAP)
        return "did not find expected key";
    if (msg == END_OF_SEQ)
        return "did not find expected '-' indicator";
    if (msg == END_OF_MAP_FLOW)
        return "did not find expected ',' or '}'";
    if (msg == END_OF_SEQ_FLOW)
        return "did not find expected ',' or ']'";
    if (msg == BLOCK_ENTRY)
        return "block sequence entries are not allowed in this context";
    if (msg == TAB_IN_INDENTATION)
        return "found character that cannot start any token";
    if (msg == EOF_IN_SCALAR)
        return "found unexpected end of stream";
    if (msg == UNKNOWN_ANCHOR)
        return "unknown anchor referenced";
    if (msg == YAML_MAJOR_VERSION)
        return "found incompatible YAML document";
    if (msg == CHAR_IN_BLOCK)
        return "did not find expected comment or line break";
    if (msg == FLOW_END)
        return "did not find expected node content";
    if (msg.rfind(INVALID_ESCAPE, 0) == 0)
        return "found unknown escape character";
    return msg;
}

// The reader check go-yaml applies before parsing: UTF-8 only, no control characters.
// Returns the byte offset of the first offence (and its message), or npos.
std::size_t checkCharacters(std::string_view text, std::string *message)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        const unsigned char b = bytes[i];
        if (b < 0x80) {
            if (b == 0x09 || b == 0x0A || b == 0x0D || (b >= 0x20 && b <= 0x7E)) {
                ++i;
                continue;
            }
            *message = "control characters are not allowed";
            return i;
        }
        std::size_t width = 0;
        std::uint32_t value = 0;
        if ((b & 0xE0) == 0xC0) {
            width = 2;
            value = b & 0x1F;
        } else if ((b & 0xF0) == 0xE0) {
            width = 3;
            value = b & 0x0F;
        } else if ((b & 0xF8) == 0xF0) {
            width = 4;
            value = b & 0x07;
        } else {
            *message = "invalid leading UTF-8 octet";
            return i;
        }
        if (i + width > size) {
            *message = "incomplete UTF-8 octet sequence";
            return i;
        }
        for (std::size_t k = 1; k < width; ++k) {
            if ((bytes[i + k] & 0xC0) != 0x80) {
                *message = "invalid trailing UTF-8 octet";
                return i;
            }
            value = (value << 6) | (bytes[i + k] & 0x3F);
        }
        if ((width == 2 && value < 0x80) || (width == 3 && value < 0x800)
            || (width == 4 && value < 0x10000)) {
            *message = "invalid length of a UTF-8 sequence";
            return i;
        }
        if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) {
            *message = "invalid Unicode character";
            return i;
        }
        if (!(value == 0x85 || (value >= 0xA0 && value <= 0xD7FF)
              || (value >= 0xE000 && value <= 0xFFFD) || value >= 0x10000)) {
            *message = "control characters are not allowed";
            return i;
        }
        i += width;
    }
    return std::string::npos;
}

// 0-based line and column (in bytes) of a byte offset.
void locate(std::string_view text, std::size_t offset, int *line, int *column)
{
    int l = 0;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++l;
            lineStart = i + 1;
        }
    }
    *line = l;
    *column = int(offset - lineStart);
}

// Where go-yaml's scanner would stop on nesting deeper than kGoYamlMaxDepth flow collections:
// the byte offset of the '[' or '{' that opens level 10,001, or npos. Only called once
// yaml-cpp has refused the nesting, so it counts brackets outside quotes and comments without
// tokenizing the rest.
std::size_t goYamlFlowDepthOffset(std::string_view text)
{
    int depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '#'
            && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')) {
            while (i < text.size() && text[i] != '\n')
                ++i;
        } else if (c == '"' || c == '\'') {
            for (++i; i < text.size() && text[i] != c; ++i) {
                if (c == '"' && text[i] == '\\')
                    ++i;
            }
        } else if (c == '[' || c == '{') {
            if (++depth > YamlDocuments::kGoYamlMaxDepth)
                return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::string_view::npos;
}

// go-yaml's scanner refuses a tab where it looks for the next token in block context: in the
// indentation of a line. yaml-cpp takes such a tab as indentation or as part of a scalar and
// fails later with another message, or not at all. Returns the offset of the first tab that
// comes before any other character of its line (spaces aside), on a line that holds more than
// a comment and is not inside a block scalar ('|' or '>'), up to the line of offset limit;
// npos if none.
std::size_t indentationTabOffset(std::string_view text, std::size_t limit)
{
    std::size_t lineStart = 0;
    std::size_t blockIndent = std::string_view::npos; // the indentation of a '|' or '>' line
    while (lineStart < text.size() && lineStart <= limit) {
        std::size_t lineEnd = text.find('\n', lineStart);
        if (lineEnd == std::string_view::npos)
            lineEnd = text.size();
        std::size_t i = lineStart;
        while (i < lineEnd && text[i] == ' ')
            ++i;
        const std::size_t indent = i - lineStart;
        const bool blank = i == lineEnd || text[i] == '\r';
        const bool inBlockScalar = blockIndent != std::string_view::npos
            && (blank || (text[i] != '\t' && indent > blockIndent));
        if (!inBlockScalar) {
            blockIndent = std::string_view::npos;
            if (i < lineEnd && text[i] == '\t') {
                std::size_t j = i;
                while (j < lineEnd && (text[j] == ' ' || text[j] == '\t'))
                    ++j;
                if (j < lineEnd && text[j] != '\r' && text[j] != '#')
                    return i;
            }
            // A block scalar's header ends its line: "key: |", "- >-", "|2".
            std::size_t last = lineEnd;
            while (last > i && (text[last - 1] == ' ' || text[last - 1] == '\r'))
                --last;
            std::size_t k = last;
            while (k > i
                   && (text[k - 1] == '-' || text[k - 1] == '+'
                       || (text[k - 1] >= '1' && text[k - 1] <= '9')))
                --k;
            if (k > i && (text[k - 1] == '|' || text[k - 1] == '>')
                && (k - 1 == i || text[k - 2] == ' '))
                blockIndent = indent;
        }
        lineStart = lineEnd + 1;
    }
    return std::string_view::npos;
}

// go-yaml v2's tolerance for alias expansion: generous for small documents, tight for big ones.
double allowedAliasRatio(double expanded)
{
    constexpr double low = 400000, high = 4000000;
    if (expanded <= low)
        return 0.99;
    if (expanded >= high)
        return 0.10;
    return 0.99 - 0.89 * ((expanded - low) / (high - low));
}

// Lets yaml-cpp read the caller's text in place (an istringstream would copy it).
class TextBuffer : public std::streambuf
{
public:
    explicit TextBuffer(std::string_view text)
    {
        char *begin = const_cast<char *>(text.data()); // read only: no put area is set
        setg(begin, begin, begin + text.size());
    }
};

} // namespace

// Builds YamlDocuments from parser events, one document at a time, and hands each document to
// the caller before reading the next.
class YamlTreeBuilder : public YAML::EventHandler
{
public:
    YamlTreeBuilder(YamlDocuments &docs, std::string_view text, std::size_t eventBudget,
                    const std::function<void(YamlDocuments::Node)> &onDocument)
        : m_docs(docs)
        , m_text(text)
        , m_eventBudget(eventBudget)
        , m_onDocument(onDocument)
    {
    }

    void OnDocumentStart(const YAML::Mark &mark) override
    {
        m_docMark = mark;
        m_docFirstNode = m_docs.m_nodes.size();
        m_root = kNone;
    }

    void OnDocumentEnd() override
    {
        if (m_root == kNone)
            return;
        const YamlDocuments::Data &root = m_docs.m_nodes[m_root];
        // yaml-cpp 0.7 answers a token that cannot start a node (a stray `,`) with an empty
        // document without consuming the token, and then the same document again, forever.
        if (root.type == YamlDocuments::Type::Null) {
            if (m_lastEmptyLine == root.line && m_lastEmptyColumn == root.column)
                throw YamlDocuments::Error { root.line, root.column,
                                             "did not find expected node content" };
            m_lastEmptyLine = root.line;
            m_lastEmptyColumn = root.column;
        } else {
            m_lastEmptyLine = m_lastEmptyColumn = -2;
        }
        checkAliasing();
        m_onDocument(YamlDocuments::Node(&m_docs, m_root));
        // The document is done with: its nodes go, and anchors do not reach across documents.
        m_docs.m_nodes.clear();
        m_docs.m_children.clear();
        m_weight.clear();
        m_anchors.clear();
        m_anchorNames.clear();
        m_docFirstNode = 0;
    }

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const std::uint32_t n = add(YamlDocuments::Type::Null, mark, YamlDocuments::Tag::Plain);
        anchorNode(anchor, n, true);
        attach(n);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        count();
        const auto it = m_anchors.find(anchor);
        if (it == m_anchors.end())
            throw YamlDocuments::Error { mark.line, mark.column, "unknown anchor referenced" };
        if (!it->second.closed)
            throw YamlDocuments::Error { mark.line, mark.column,
                                         "anchor '" + m_anchorNames[anchor]
                                             + "' value contains itself" };
        m_aliases = true;
        attach(it->second.node);
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        if (tag == "!")
            checkQuoteClosed(mark);
        const std::uint32_t n = add(YamlDocuments::Type::Scalar, mark, tagOf(tag));
        YamlDocuments::Data &d = m_docs.m_nodes[n];
        d.scalar = value;
        d.end = std::uint32_t(std::min(m_text.size(), std::size_t(d.offset) + value.size()));
        anchorNode(anchor, n, true);
        attach(n);
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        open(YamlDocuments::Type::Sequence, mark, tag, anchor);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        open(YamlDocuments::Type::Map, mark, tag, anchor);
    }
    void OnMapEnd() override { close(); }

    void OnAnchor(const YAML::Mark &, const std::string &name) override { m_pendingName = name; }

private:
    static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

    // yaml-cpp 0.7 ends a quoted scalar that is never closed at the end of the input, as if it
    // were closed there; go-yaml refuses it.
    void checkQuoteClosed(const YAML::Mark &mark)
    {
        const std::string_view text = m_text;
        if (mark.pos < 0 || std::size_t(mark.pos) >= text.size())
            return;
        const char quote = text[std::size_t(mark.pos)];
        if (quote != '"' && quote != '\'')
            return;
        for (std::size_t i = std::size_t(mark.pos) + 1; i < text.size(); ++i) {
            if (quote == '"' && text[i] == '\\') {
                ++i;
            } else if (text[i] == quote) {
                if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                    ++i; // '' is a quote inside a single-quoted scalar
                    continue;
                }
                return;
            }
        }
        int line = 0, column = 0;
        locate(text, text.size(), &line, &column);
        throw YamlDocuments::Error{line, column, "found unexpected end of stream"};
    }

    struct Anchor
    {
        std::uint32_t node = 0;
        bool closed = false;
    };

    static YamlDocuments::Tag tagOf(const std::string &tag)
    {
        if (tag.empty() || tag == "?")
            return YamlDocuments::Tag::Plain;
        if (tag == "!")
            return YamlDocuments::Tag::NonSpecific;
        if (tag == "tag:yaml.org,2002:str")
            return YamlDocuments::Tag::Str;
        if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float")
            return YamlDocuments::Tag::Number;
        if (tag == "tag:yaml.org,2002:bool")
            return YamlDocuments::Tag::Bool;
        return YamlDocuments::Tag::Other;
    }

    void count()
    {
        if (++m_events > m_eventBudget)
            throw YamlDocuments::Error { m_docMark.line, m_docMark.column,
                                         "did not find expected node content" };
    }

    std::uint32_t add(YamlDocuments::Type type, const YAML::Mark &mark, YamlDocuments::Tag tag)
    {
        count();
        YamlDocuments::Data d;
        d.type = type;
        d.tag = tag;
        d.line = mark.line;
        d.column = mark.column;
        d.offset = mark.pos > 0 ? std::uint32_t(mark.pos) : 0;
        d.end = d.offset;
        m_docs.m_nodes.push_back(std::move(d));
        m_weight.push_back(1);
        return std::uint32_t(m_docs.m_nodes.size() - 1);
    }

    void anchorNode(YAML::anchor_t anchor, std::uint32_t node, bool closed)
    {
        if (anchor == YAML::NullAnchor)
            return;
        m_anchors[anchor] = Anchor { node, closed };
        if (!m_pendingName.empty())
            m_anchorNames[anchor] = m_pendingName;
        m_pendingName.clear();
    }

    void attach(std::uint32_t node)
    {
        if (m_stack.empty()) {
            m_root = node;
            return;
        }
        m_pending.push_back(node);
    }

    void open(YamlDocuments::Type type, const YAML::Mark &mark, const std::string &tag,
              YAML::anchor_t anchor)
    {
        const std::uint32_t n = add(type, mark, tagOf(tag));
        anchorNode(anchor, n, false);
        m_stack.push_back({ n, anchor, m_pending.size() });
    }

    void close()
    {
        count();
        const Open top = m_stack.back();
        m_stack.pop_back();
        YamlDocuments::Data &d = m_docs.m_nodes[top.node];
        d.first = std::uint32_t(m_docs.m_children.size());
        d.count = std::uint32_t(m_pending.size() - top.pendingStart);
        m_docs.m_children.insert(m_docs.m_children.end(),
                                 m_pending.begin() + std::ptrdiff_t(top.pendingStart),
                                 m_pending.end());
        // The node's size with its aliases expanded; aliases point at closed nodes only.
        double w = 1;
        for (std::size_t i = top.pendingStart; i < m_pending.size(); ++i) {
            w += m_weight[m_pending[i]];
            d.end = std::max(d.end, m_docs.m_nodes[m_pending[i]].end);
        }
        m_weight[top.node] = std::min(w, 1e18);
        m_pending.resize(top.pendingStart);
        if (top.anchor != YAML::NullAnchor)
            m_anchors[top.anchor].closed = true;
        attach(top.node);
    }

    // Refuses a document whose aliases expand far beyond its size (what a decoder that copies
    // aliased values, as go-yaml does, would visit).
    void checkAliasing()
    {
        if (!m_aliases)
            return;
        m_aliases = false;
        const double expanded = m_weight[m_root];
        const double aliased = expanded - double(m_docs.m_nodes.size() - m_docFirstNode);
        if (expanded > double(YamlDocuments::kMinAliasBudget) && aliased > 100
            && aliased / expanded > allowedAliasRatio(expanded))
            throw YamlDocuments::Error { m_docMark.line, m_docMark.column,
                                         "document contains excessive aliasing", false };
    }

    struct Open
    {
        std::uint32_t node;
        YAML::anchor_t anchor;
        std::size_t pendingStart;
    };

    YamlDocuments &m_docs;
    std::string_view m_text;
    std::size_t m_eventBudget;
    const std::function<void(YamlDocuments::Node)> &m_onDocument;
    std::size_t m_events = 0;
    YAML::Mark m_docMark;
    std::size_t m_docFirstNode = 0;
    std::uint32_t m_root = kNone;
    int m_lastEmptyLine = -2;
    int m_lastEmptyColumn = -2;
    bool m_aliases = false;
    std::vector<Open> m_stack;
    std::vector<std::uint32_t> m_pending;
    std::map<YAML::anchor_t, Anchor> m_anchors;
    std::map<YAML::anchor_t, std::string> m_anchorNames;
    std::string m_pendingName;
    std::vector<double> m_weight;
};

void YamlDocuments::parse(std::string_view text, const std::function<void(Node)> &onDocument)
{
    std::string readerMessage;
    const std::size_t bad = checkCharacters(text, &readerMessage);
    if (bad != std::string::npos) {
        Error error;
        locate(text, bad, &error.line, &error.column);
        error.message = readerMessage;
        error.hasLine = false;
        throw error;
    }

    YamlDocuments docs;
    // Every event consumes input, so a parse that produces far more events than the text has
    // bytes is not making progress.
    YamlTreeBuilder builder(docs, text, 4 * text.size() + 64, onDocument);
    TextBuffer buffer(text);
    std::istream in(&buffer);
    try {
        YAML::Parser parser(in);
        while (parser.HandleNextDocument(builder)) { }
    } catch (const YAML::DeepRecursion &e) {
        const std::size_t deep = goYamlFlowDepthOffset(text);
        if (deep == std::string_view::npos) {
            Error error { e.mark.line, e.mark.column,
                          "exceeded max depth of " + std::to_string(kMaxDepth) };
            error.ordinalLimit = true;
            throw error;
        }
        // go-yaml v2 names the line of a scanner error only when it is not the first (it tests
        // the 0-based line against 0 before adding 1).
        Error error;
        locate(text, deep, &error.line, &error.column);
        error.message = "exceeded max depth of " + std::to_string(kGoYamlMaxDepth);
        error.hasLine = error.line != 0;
        throw error;
    } catch (const YAML::Exception &e) {
        // A tab in indentation before the place yaml-cpp stopped is where go-yaml stops.
        const std::size_t at = e.mark.pos >= 0 ? std::size_t(e.mark.pos) : text.size();
        const std::size_t tab = indentationTabOffset(text, at);
        if (tab != std::string_view::npos) {
            Error error;
            locate(text, tab, &error.line, &error.column);
            error.message = "found character that cannot start any token";
            error.hasLine = error.line != 0;
            throw error;
        }
        throw Error { e.mark.line, e.mark.column, goYamlText(e.msg) };
    }
}

const std::string &YamlDocuments::Node::Scalar() const
{
    return m_docs && data().type == Type::Scalar ? data().scalar : kEmpty;
}

YamlDocuments::Node YamlDocuments::Node::child(std::uint32_t offset) const
{
    return Node(m_docs, m_docs->m_children[data().first + offset]);
}

std::size_t YamlDocuments::Node::size() const
{
    if (!m_docs)
        return 0;
    const Data &d = data();
    if (d.type == Type::Map)
        return d.count / 2;
    if (d.type == Type::Sequence)
        return d.count;
    return 0;
}

YamlDocuments::Node YamlDocuments::Node::item(std::size_t i) const
{
    return child(std::uint32_t(i));
}

YamlDocuments::Node YamlDocuments::Node::key(std::size_t i) const
{
    return child(std::uint32_t(2 * i));
}

YamlDocuments::Node YamlDocuments::Node::value(std::size_t i) const
{
    return child(std::uint32_t(2 * i + 1));
}

YamlDocuments::Node YamlDocuments::Node::operator[](const char *key) const
{
    if (!IsMap())
        return {};
    const std::size_t n = size();
    for (std::size_t i = 0; i < n; ++i) {
        const Node k = this->key(i);
        if (k.IsScalar() && k.Scalar() == key)
            return value(i);
    }
    return {};
}

} // namespace ordinal::core
