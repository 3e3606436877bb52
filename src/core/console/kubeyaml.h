#pragma once

// The YAML kubectl prints (`-o yaml`): sigs.k8s.io/yaml turns the object's JSON into YAML with
// its fork of go-yaml v2. That fixes the text a learner compares against: keys in go-yaml's
// "natural" order (a9 before a10, non-letters before letters), block style with sequences
// not indented inside mappings, strings quoted only when YAML would read them as something
// else ("true", "1.0", timestamps, "") or cannot hold them plain (': ', leading '*'), literal
// blocks (|, |-, |+) for text with newlines, and long plain or quoted strings folded past
// column 80.

#include <nlohmann/json.hpp>

#include <string>

namespace ordinal::core::kubeyaml {

// The document as `kubectl get -o yaml` prints it (ends in a newline).
std::string fromJson(const nlohmann::json &document);

// go-yaml v2's map key order (sorter.go); exposed for tests.
bool keyLess(const std::string &a, const std::string &b);

} // namespace ordinal::core::kubeyaml
