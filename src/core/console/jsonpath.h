#pragma once

// client-go's JSONPath (k8s.io/client-go/util/jsonpath), as `kubectl -o jsonpath=…`,
// `-o jsonpath-as-json=…` and custom-columns evaluate it: the template syntax ({.a.b}, [*], [i],
// slices, .., unions, filters [?(@.x=="y")], {range}…{end}, quoted text), the order of results,
// how each result prints, and upstream's error texts. Pure: a parsed template and a JSON
// document in, text or an error out.

#include <nlohmann/json.hpp>

#include <QString>

#include <memory>
#include <vector>

namespace ordinal::core {

class JsonPath
{
public:
    JsonPath();
    ~JsonPath();
    JsonPath(JsonPath &&) noexcept;
    JsonPath &operator=(JsonPath &&) noexcept;

    // Parses a template; false and upstream's parse error ("unclosed action", "invalid array
    // index x", …) when it is not one.
    bool parse(const QString &text, QString *error);

    // kubectl sets this from --allow-missing-template-keys (default true): a missing field
    // then gives no result instead of the error "<name> is not found".
    void setAllowMissingKeys(bool allow) { m_allowMissingKeys = allow; }
    // -o jsonpath-as-json: each group of results prints as one indented JSON array.
    void setJsonOutput(bool json) { m_jsonOutput = json; }

    // Evaluates the template over data and prints the results as kubectl does (values joined by
    // spaces, maps and lists as compact JSON). False and the bare error text ("array index out
    // of bounds: index 5, length 4") on failure.
    bool execute(const nlohmann::json &data, QString *out, QString *error) const;

    // The groups of results (one per top-level node or range iteration), for custom-columns.
    bool findResults(const nlohmann::json &data, std::vector<std::vector<nlohmann::json>> *results,
                     QString *error) const;

    struct Node;

private:
    std::unique_ptr<Node> m_root;
    bool m_allowMissingKeys = false;
    bool m_jsonOutput = false;
};

// kubectl's massaging of a custom-columns path: "metadata.name", ".metadata.name" and
// "{.metadata.name}" all become "{.metadata.name}". False and upstream's text otherwise.
bool relaxedJsonPathExpression(const QString &path, QString *expression, QString *error);

} // namespace ordinal::core
