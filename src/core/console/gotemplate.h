#pragma once

// Go's text/template as kubectl's go-template printer runs it (-o go-template=…, --template):
// actions {{.a.b}}, {{"text"}}, numbers, variables ($x := …, $x = …, $, range's $i, $v),
// pipelines (|), parenthesised arguments, {{if}}/{{else if}}/{{else}}, {{range}} (with
// {{else}}, {{break}}, {{continue}}), {{with}}, comments, trim markers ({{- and -}}), and the
// functions kubectl users write: and, or, not, len, index, slice, print, printf, println, eq,
// ne, lt, le, gt, ge, html, js, urlquery, plus kubectl's exists and base64decode. Error texts
// are Go's ("template: output:1:11: executing \"output\" at <.a.b>: map has no entry for key
// \"b\""). Pure: a parsed template and a JSON document in, text out.

#include <nlohmann/json.hpp>

#include <QString>

#include <memory>
#include <string>

namespace ordinal::core {

class GoTemplate
{
public:
    GoTemplate();
    ~GoTemplate();

    // Parses text as the template named name ("output" in kubectl); false and Go's parse
    // error ("template: output:1: unexpected EOF").
    bool parse(const QString &text, QString *error, const QString &name = QStringLiteral("output"));

    // missingkey=error instead of missingkey=default (--allow-missing-template-keys=false).
    void setMissingKeyError(bool error) { m_missingKeyError = error; }

    // Runs the template over data. Integers stay int64 as in kubectl's unstructured objects
    // (so `eq .spec.replicas 3` holds and `eq .spec.replicas 3.0` is an error, as in kubectl).
    // On failure out holds what was written before the error, and error Go's text.
    bool execute(const nlohmann::json &data, QString *out, QString *error) const;

    struct Tree;

private:
    std::unique_ptr<Tree> m_tree;
    std::string m_source;
    std::string m_name;
    bool m_missingKeyError = false;
};

} // namespace ordinal::core
