#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ordinal::core {

// The YAML documents of one manifest file as a compact, read-only tree, built from yaml-cpp's
// parser events (yaml-cpp itself stays inside the .cpp files). It replaces yaml-cpp's node
// builder so that one parse is bounded:
//  * the input is checked first as go-yaml's reader checks it (valid UTF-8, no control
//    characters);
//  * yaml-cpp 0.7 can return the same empty document forever for a stray `,` (a parser bug
//    fixed after 0.7); a document that makes no progress ends the parse with go-yaml's
//    "did not find expected node content";
//  * the number of parser events is bounded by the input size, nesting by yaml-cpp's depth
//    guard;
//  * an alias shares its anchor's node (as in yaml-cpp); a document whose aliases expand to
//    far more nodes than it holds is refused as go-yaml refuses it ("document contains
//    excessive aliasing"), and an alias to an anchor whose node is still open is refused
//    ("anchor 'a' value contains itself").
// Documents are handed out one at a time (parse() with a callback): a document's nodes live only
// until the next one is read, so a file of many documents costs the memory of its largest one,
// not of all of them.
// Lines and columns are 0-based, as in yaml-cpp's Mark.
class YamlDocuments
{
public:
    enum class Type : std::uint8_t { Undefined, Null, Scalar, Sequence, Map };
    // What the node's tag says about its JSON type; Plain means "resolve from the text".
    enum class Tag : std::uint8_t { Plain, NonSpecific, Str, Number, Bool, Other };

    struct Data
    {
        Type type = Type::Null;
        Tag tag = Tag::Plain;
        int line = -1;
        int column = -1;
        std::uint32_t offset = 0; // byte offset of the node's start in the text
        std::uint32_t end = 0; // byte offset just past the node's last scalar (an estimate for
                               // escaped scalars; what Ordinal measures an object's size by)
        std::uint32_t first = 0; // into children
        std::uint32_t count = 0; // map: 2 × entries (key, value, key, value, ...)
        std::string scalar;
    };

    class Node
    {
    public:
        Node() = default;
        Node(const YamlDocuments *docs, std::uint32_t index)
            : m_docs(docs)
            , m_index(index)
        {
        }

        bool IsDefined() const { return m_docs != nullptr; }
        bool IsNull() const { return !m_docs || data().type == Type::Null; }
        bool IsScalar() const { return m_docs && data().type == Type::Scalar; }
        bool IsSequence() const { return m_docs && data().type == Type::Sequence; }
        bool IsMap() const { return m_docs && data().type == Type::Map; }
        Tag tag() const { return m_docs ? data().tag : Tag::Plain; }
        const std::string &Scalar() const;
        int line() const { return m_docs ? data().line : -1; }
        int column() const { return m_docs ? data().column : -1; }
        // The bytes of text the node spans, from its start to the end of its last scalar.
        std::size_t byteSize() const
        {
            return m_docs && data().end > data().offset ? data().end - data().offset : 0;
        }
        // A map's value for a plain key; undefined when absent or not a map.
        Node operator[](const char *key) const;

        // Items of a sequence, or entries of a map (first = key, second = value).
        std::size_t size() const;
        Node item(std::size_t i) const;
        Node key(std::size_t i) const;
        Node value(std::size_t i) const;

    private:
        const Data &data() const { return m_docs->m_nodes[m_index]; }
        Node child(std::uint32_t offset) const;

        const YamlDocuments *m_docs = nullptr;
        std::uint32_t m_index = 0;
    };

    // Thrown by parse(): a go-yaml message and a 0-based position (line -1 when unknown).
    struct Error
    {
        int line = -1;
        int column = -1;
        std::string message; // go-yaml's text, e.g. "did not find expected node content"
        bool hasLine = true; // false for reader errors, which go-yaml reports without a line
        // Not go-yaml's refusal but one of Ordinal's own limits (message is then Ordinal's
        // sentence): nesting that go-yaml accepts and yaml-cpp cannot parse.
        bool ordinalLimit = false;
    };

    // Parses text document by document and calls onDocument with each document's root (a null
    // node for an empty document) as soon as the document is complete; the node and everything
    // reached from it are valid only during that call. Throws Error, also after documents were
    // handed out: a caller that wants all or nothing keeps what it decoded until parse returns.
    static void parse(std::string_view text, const std::function<void(Node)> &onDocument);

    // Limits, documented in docs/reliability.md.
    static constexpr std::uint64_t kMinAliasBudget = 1000; // expanded nodes before the ratio counts
    // go-yaml's scanner: at most this many nested flow collections ('[' and '{'), and as many
    // nested block collections (max_flow_level and max_indents in scannerc.go).
    static constexpr int kGoYamlMaxDepth = 10000;
    // yaml-cpp 0.7's parser recurses once per level and stops at this depth (DepthGuard).
    static constexpr int kMaxDepth = 2000;

private:
    friend class YamlTreeBuilder;
    std::vector<Data> m_nodes;
    std::vector<std::uint32_t> m_children;
};

} // namespace ordinal::core
