#pragma once

// How Go prints a JSON document decoded into interface{} values: the fmt verbs %v, %+v and
// %#v, strconv.Quote, and encoding/json's Marshal and MarshalIndent. kubectl's printers are Go
// code that print objects this way (jsonpath and go-template results, custom-columns cells,
// the debugging dumps of a failed template), so Ordinal's imitations need the same texts.
//
// Texts are UTF-8 std::string, as Go strings are bytes.

#include <nlohmann/json.hpp>

#include <string>

namespace ordinal::core::govalue {

// How the numbers of a document are typed on the Go side. kubectl's unstructured objects keep
// integers as int64 (jsonpath, custom-columns); json.Unmarshal into interface{} makes every
// number a float64 (go-template).
enum class Numbers { Int64, Float64 };

// strconv.FormatFloat(v, 'g', -1, 64), as fmt's %v prints a float64: "30", "1.5", "1e+06".
std::string formatFloat(double v);
// The Go type of a value decoded into interface{}, as error texts name it: "string",
// "map[string]interface {}", "[]interface {}", "bool", "float64", integerType for an integer
// ("int64" in unstructured objects, "int" for a template constant), nullType for null.
std::string typeName(const nlohmann::json &value, const std::string &integerType,
                     const std::string &nullType);
// strconv.Quote: a double-quoted Go string literal with Go's escapes.
std::string quote(const std::string &text);
// fmt.Sprint(v) / %v / %+v: "map[a:1 b:[x y]]", "<nil>", strings unquoted.
std::string sprint(const nlohmann::json &value, Numbers numbers);
// %#v: map[string]interface {}{"a":1, "b":[]interface {}{"x"}}.
std::string sprintGoSyntax(const nlohmann::json &value, Numbers numbers);
// json.Marshal: compact, keys sorted, <, > and & escaped as \u003c, \u003e, \u0026.
std::string marshal(const nlohmann::json &value);
// json.MarshalIndent(value, "", indent).
std::string marshalIndent(const nlohmann::json &value, const std::string &indent = "    ");

} // namespace ordinal::core::govalue
