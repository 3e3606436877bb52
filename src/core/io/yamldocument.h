#pragma once

#include <cstdint>
#include <memory>
#include <string>
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
    };

    // Parses every document of text; throws Error.
    static std::unique_ptr<YamlDocuments> parse(const std::string &text);

    std::size_t documentCount() const { return m_roots.size(); }
    Node document(std::size_t i) const { return Node(this, m_roots[i]); }
    std::size_t nodeCount() const { return m_nodes.size(); }

    // Limits, documented in docs/reliability.md.
    static constexpr std::uint64_t kMinAliasBudget = 1000; // expanded nodes before the ratio counts

private:
    friend class YamlTreeBuilder;
    std::vector<Data> m_nodes;
    std::vector<std::uint32_t> m_children;
    std::vector<std::uint32_t> m_roots;
};

} // namespace ordinal::core
