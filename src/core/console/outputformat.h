#pragma once

// kubectl's object printers over the objects' JSON (apijson::toJson): -o json, yaml, name,
// jsonpath, jsonpath-as-json, jsonpath-file, go-template, go-template-file, template,
// templatefile, custom-columns and custom-columns-file, with --template,
// --allow-missing-template-keys and --no-headers; plus the label columns (--show-labels,
// -L/--label-columns) that kubectl adds to the table printer's rows. Pure: flags and objects
// in, the text kubectl prints (stdout and stderr apart) out.

#include <nlohmann/json.hpp>

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace ordinal::core {

class JsonPath;
class GoTemplate;

// The printing flags of `kubectl get` as given on the command line.
struct PrintFlags
{
    QString output; // -o / --output; "" and "wide" are the table
    std::optional<QString> templateText; // --template (also set when given empty)
    bool allowMissingTemplateKeys = true; // --allow-missing-template-keys
    bool noHeaders = false; // --no-headers (custom-columns)
};

// What printing wrote: standard output and standard error apart (a failed go-template writes
// its debugging help to stdout, the error to stderr), and kubectl's exit status.
struct PrintResult
{
    QString out;
    QString err;
    int exitCode = 0;
};

class ObjectPrinter
{
    Q_DECLARE_TR_FUNCTIONS(ObjectPrinter)

public:
    // Reads FILE of the *-file formats; nullopt and an error text when it cannot.
    using FileReader = std::function<std::optional<QString>(const QString &path, QString *error)>;

    ObjectPrinter();
    ~ObjectPrinter();

    // True when the flags select one of these printers rather than the table ("" or wide):
    // -o is one of them, or --template is given without -o.
    static bool handles(const PrintFlags &flags);

    // Checks the flags and parses the template, as kubectl does before it asks the server:
    // false and kubectl's whole error text ("error: unable to match a printer suitable for the
    // output format \"foo\", …", "error: error parsing jsonpath {.a, unclosed action").
    bool configure(const PrintFlags &flags, QString *error, const FileReader &readFile = {});

    // Prints the objects. singleItemImplied: the command named exactly one object (`get pod
    // web-0`), which prints as itself; otherwise the objects print as a `kind: List`.
    PrintResult print(const std::vector<nlohmann::json> &objects, bool singleItemImplied) const;

private:
    enum class Format { Json, Yaml, Name, JsonPath, GoTemplate, CustomColumns };
    struct Column
    {
        QString header;
        std::shared_ptr<JsonPath> path;
    };

    bool configureColumns(const QString &spec, QString *error);
    bool configureColumnsFile(const QString &text, QString *error);
    PrintResult printColumns(const std::vector<nlohmann::json> &objects) const;

    Format m_format = Format::Json;
    QString m_template;
    std::shared_ptr<JsonPath> m_jsonPath;
    std::shared_ptr<GoTemplate> m_goTemplate;
    QList<Column> m_columns;
    bool m_noHeaders = false;
};

// `kubectl get -o name`: "pod/web-0", "statefulset.apps/web" (the kind in lower case,
// qualified by the API group).
QString objectName(const nlohmann::json &object);

// The table printer's label columns. rows[0] is the header; labels[i] are the labels of the
// object of rows[i + 1]. Appends one column per -L key (header: the key's last path segment in
// upper case; cell: the value or empty) and, with showLabels, a LABELS column
// ("app=nginx,tier=web" sorted by key, or "<none>").
void addLabelColumns(QList<QStringList> *rows, const QList<QMap<QString, QString>> &labels,
                     const QStringList &labelColumns, bool showLabels);

// The -L values as kubectl reads them: every flag may hold a comma-separated list.
QStringList splitLabelColumns(const QStringList &flagValues);

} // namespace ordinal::core
