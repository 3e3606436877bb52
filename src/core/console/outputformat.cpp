#include "console/outputformat.h"

#include "console/gotemplate.h"
#include "console/govalue.h"
#include "console/jsonpath.h"
#include "console/kubeyaml.h"
#include "console/tablewriter.h"

#include <QRegularExpression>

namespace ordinal::core {

using nlohmann::json;

namespace {

const QStringList &allowedFormats()
{
    static const QStringList formats { QStringLiteral("custom-columns"),
                                       QStringLiteral("custom-columns-file"),
                                       QStringLiteral("go-template"),
                                       QStringLiteral("go-template-file"),
                                       QStringLiteral("json"),
                                       QStringLiteral("jsonpath"),
                                       QStringLiteral("jsonpath-as-json"),
                                       QStringLiteral("jsonpath-file"),
                                       QStringLiteral("name"),
                                       QStringLiteral("template"),
                                       QStringLiteral("templatefile"),
                                       QStringLiteral("wide"),
                                       QStringLiteral("yaml") };
    return formats;
}

const QStringList kTemplateFormats { QStringLiteral("template"), QStringLiteral("go-template"),
                                     QStringLiteral("go-template-file"),
                                     QStringLiteral("templatefile") };
const QStringList kJsonPathFormats { QStringLiteral("jsonpath"), QStringLiteral("jsonpath-as-json"),
                                     QStringLiteral("jsonpath-file") };
const QStringList kColumnFormats { QStringLiteral("custom-columns"),
                                   QStringLiteral("custom-columns-file") };

QString noPrinterError(const QString &format)
{
    return QStringLiteral("error: unable to match a printer suitable for the output format "
                          "\"%1\", allowed formats are: %2")
        .arg(format, allowedFormats().join(QLatin1Char(',')));
}

// Splits "-o jsonpath={.a}" into the format and its value, for the formats listed.
bool splitFormat(const QString &output, const QStringList &formats, QString *format, QString *value)
{
    for (const QString &f : formats) {
        if (output == f) {
            *format = f;
            value->clear();
            return true;
        }
        if (output.startsWith(f + QLatin1Char('='))) {
            *format = f;
            *value = output.mid(f.size() + 1);
            return true;
        }
    }
    return false;
}

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

// What kubectl hands the printers for several objects: a v1 List.
json listOf(const std::vector<json> &objects)
{
    json list = json::object();
    list["apiVersion"] = "v1";
    list["items"] = json(objects);
    list["kind"] = "List";
    list["metadata"] = json { { "resourceVersion", "" } };
    return list;
}

} // namespace

ObjectPrinter::ObjectPrinter() = default;
ObjectPrinter::~ObjectPrinter() = default;

bool ObjectPrinter::handles(const PrintFlags &flags)
{
    if (flags.output.isEmpty())
        return flags.templateText && !flags.templateText->isEmpty();
    return flags.output != QLatin1String("wide");
}

bool ObjectPrinter::configure(const PrintFlags &flags, QString *error, const FileReader &readFile)
{
    QString output = flags.output;
    const bool templateGiven = flags.templateText && !flags.templateText->isEmpty();
    // kubectl: --template without -o means go-template.
    if (templateGiven && output.isEmpty())
        output = QStringLiteral("go-template");
    m_noHeaders = flags.noHeaders;
    if (output == QLatin1String("json")) {
        m_format = Format::Json;
        return true;
    }
    if (output == QLatin1String("yaml")) {
        m_format = Format::Yaml;
        return true;
    }
    if (output == QLatin1String("name")) {
        m_format = Format::Name;
        return true;
    }
    const auto readTemplate = [&](const QString &path, const QString &what, QString *text) {
        QString readError;
        const std::optional<QString> data = readFile ? readFile(path, &readError) : std::nullopt;
        if (!data) {
            if (readError.isEmpty())
                readError = QStringLiteral("open %1: no such file or directory").arg(path);
            *error = QStringLiteral("error: error reading %1 %2, %3\n").arg(what, path, readError);
            return false;
        }
        *text = *data;
        return true;
    };
    QString format;
    QString value;
    if (splitFormat(output, kTemplateFormats, &format, &value)) {
        if (templateGiven)
            value = *flags.templateText;
        if (value.isEmpty()) {
            *error = QStringLiteral("error: template format specified but no template given");
            return false;
        }
        if (format == QLatin1String("go-template-file")
            || format == QLatin1String("templatefile")) {
            if (!readTemplate(value, QStringLiteral("--template"), &value))
                return false;
        }
        m_format = Format::GoTemplate;
        m_template = value;
        m_goTemplate = std::make_shared<GoTemplate>();
        QString parseError;
        if (!m_goTemplate->parse(value, &parseError)) {
            *error
                = QStringLiteral("error: error parsing template %1, %2\n").arg(value, parseError);
            return false;
        }
        m_goTemplate->setMissingKeyError(!flags.allowMissingTemplateKeys);
        return true;
    }
    if (splitFormat(output, kJsonPathFormats, &format, &value)) {
        if (templateGiven)
            value = *flags.templateText;
        if (value.isEmpty()) {
            *error = QStringLiteral("error: template format specified but no template given");
            return false;
        }
        if (format == QLatin1String("jsonpath-file")) {
            if (!readTemplate(value, QStringLiteral("--template"), &value))
                return false;
        }
        m_format = Format::JsonPath;
        m_template = value;
        m_jsonPath = std::make_shared<JsonPath>();
        QString parseError;
        if (!m_jsonPath->parse(value, &parseError)) {
            *error
                = QStringLiteral("error: error parsing jsonpath %1, %2\n").arg(value, parseError);
            return false;
        }
        m_jsonPath->setAllowMissingKeys(flags.allowMissingTemplateKeys);
        m_jsonPath->setJsonOutput(format == QLatin1String("jsonpath-as-json"));
        return true;
    }
    if (splitFormat(output, kColumnFormats, &format, &value)) {
        if (templateGiven)
            value = *flags.templateText;
        if (value.isEmpty()) {
            *error = QStringLiteral("error: custom-columns format specified but no custom "
                                    "columns given");
            return false;
        }
        m_format = Format::CustomColumns;
        if (format == QLatin1String("custom-columns-file")) {
            QString text;
            if (!readTemplate(value, QStringLiteral("template"), &text))
                return false;
            return configureColumnsFile(text, error);
        }
        return configureColumns(value, error);
    }
    *error = noPrinterError(output);
    return false;
}

bool ObjectPrinter::configureColumns(const QString &spec, QString *error)
{
    m_columns.clear();
    for (const QString &part : spec.split(QLatin1Char(','))) {
        const qsizetype colon = part.indexOf(QLatin1Char(':'));
        if (colon < 0) {
            *error = QStringLiteral("error: unexpected custom-columns spec: %1, expected "
                                    "<header>:<json-path-expr>")
                         .arg(part);
            return false;
        }
        QString expression;
        QString relaxError;
        if (!relaxedJsonPathExpression(part.mid(colon + 1), &expression, &relaxError)) {
            *error = QStringLiteral("error: ") + relaxError;
            return false;
        }
        Column column;
        column.header = part.left(colon);
        // Upstream parses each column's path when it prints the first object.
        column.path = std::make_shared<JsonPath>();
        m_columns << column;
        m_template += expression + QLatin1Char('\n');
    }
    return true;
}

bool ObjectPrinter::configureColumnsFile(const QString &text, QString *error)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    if (lines.isEmpty() || (lines.size() == 1 && lines.first().isEmpty())) {
        *error = QStringLiteral("error: invalid template, missing header line. Expected format "
                                "is one line of space separated headers, one line of space "
                                "separated column specs.");
        return false;
    }
    if (lines.size() < 2 || (lines.size() == 2 && lines[1].isEmpty())) {
        *error = QStringLiteral("error: invalid template, missing spec line. Expected format is "
                                "one line of space separated headers, one line of space "
                                "separated column specs.");
        return false;
    }
    const QStringList headers = lines[0].split(whitespace, Qt::SkipEmptyParts);
    const QStringList specs = lines[1].split(whitespace, Qt::SkipEmptyParts);
    if (headers.size() != specs.size()) {
        *error = QStringLiteral("error: number of headers (%1) and field specifications (%2) "
                                "don't match")
                     .arg(headers.size())
                     .arg(specs.size());
        return false;
    }
    QStringList parts;
    for (qsizetype i = 0; i < headers.size(); ++i)
        parts << headers[i] + QLatin1Char(':') + specs[i];
    m_noHeaders = false;
    return configureColumns(parts.join(QLatin1Char(',')), error);
}

PrintResult ObjectPrinter::printColumns(const std::vector<json> &objects) const
{
    PrintResult result;
    QList<QStringList> rows;
    if (!m_noHeaders) {
        QStringList header;
        for (const Column &column : m_columns)
            header << column.header;
        rows << header;
    }
    TableWriter table;
    // Parse every column's path (each parse error ends the printing, after the header).
    const QStringList expressions = m_template.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    std::vector<JsonPath> paths(std::size_t(m_columns.size()));
    for (std::size_t i = 0; i < paths.size() && !objects.empty(); ++i) {
        QString error;
        if (!paths[i].parse(expressions.value(qsizetype(i)), &error)) {
            result.out = table.flush(rows);
            result.err = QStringLiteral("error: ") + error + QLatin1Char('\n');
            result.exitCode = 1;
            return result;
        }
        paths[i].setAllowMissingKeys(true);
    }
    for (const json &object : objects) {
        QStringList row;
        for (std::size_t i = 0; i < paths.size(); ++i) {
            std::vector<std::vector<json>> groups;
            QString error;
            if (!paths[i].findResults(object, &groups, &error)) {
                result.out = table.flush(rows);
                result.err = QStringLiteral("error: ") + error + QLatin1Char('\n');
                result.exitCode = 1;
                return result;
            }
            QStringList cells;
            if (groups.empty() || groups.front().empty())
                cells << QStringLiteral("<none>");
            for (const std::vector<json> &group : groups) {
                for (const json &value : group)
                    cells << q(govalue::sprint(value, govalue::Numbers::Int64));
            }
            row << cells.join(QLatin1Char(','));
        }
        rows << row;
    }
    result.out = table.flush(rows);
    return result;
}

PrintResult ObjectPrinter::print(const std::vector<json> &objects, bool singleItemImplied) const
{
    PrintResult result;
    const bool single = singleItemImplied && objects.size() == 1;
    const json data = single ? objects.front() : listOf(objects);
    switch (m_format) {
    case Format::Json:
        result.out = q(govalue::marshalIndent(data) + "\n");
        return result;
    case Format::Yaml:
        result.out = q(kubeyaml::fromJson(data));
        return result;
    case Format::Name:
        for (const json &object : objects)
            result.out += objectName(object) + QLatin1Char('\n');
        return result;
    case Format::CustomColumns:
        return printColumns(objects);
    case Format::JsonPath: {
        QString error;
        if (!m_jsonPath->execute(data, &result.out, &error)) {
            result.out.clear();
            result.err = QStringLiteral("error: error executing jsonpath %1: Error executing "
                                        "template: %2. Printing more information for debugging "
                                        "the template:\n\ttemplate was:\n\t\t%3\n\tobject given "
                                        "to jsonpath engine was:\n\t\t%4\n\n\n")
                             .arg(q(govalue::quote(m_template.toStdString())), error, m_template,
                                  q(govalue::sprintGoSyntax(data, govalue::Numbers::Int64)));
            result.exitCode = 1;
        }
        return result;
    }
    case Format::GoTemplate: {
        QString error;
        if (!m_goTemplate->execute(data, &result.out, &error)) {
            // kubectl writes the debugging help to the output, then fails.
            result.out += QStringLiteral("Error executing template: %1. Printing more "
                                         "information for debugging the template:\n\ttemplate "
                                         "was:\n\t\t%2\n\traw data was:\n\t\t%3\n\tobject given "
                                         "to template engine was:\n\t\t%4\n\n")
                              .arg(error, m_template, q(govalue::marshal(data)),
                                   q(govalue::sprint(data, govalue::Numbers::Int64)));
            result.err = QStringLiteral("error: error executing template %1: %2\n")
                             .arg(q(govalue::quote(m_template.toStdString())), error);
            result.exitCode = 1;
        }
        return result;
    }
    }
    return result;
}

QString objectName(const json &object)
{
    const std::string apiVersion = object.value("apiVersion", "");
    const std::string kind = object.value("kind", "");
    std::string name = "<unknown>";
    if (object.contains("metadata") && object["metadata"].is_object())
        name = object["metadata"].value("name", name);
    if (name.empty())
        name = "<unknown>";
    const std::size_t slash = apiVersion.find('/');
    const QString group = slash == std::string::npos ? QString() : q(apiVersion.substr(0, slash));
    QString text = q(kind).toLower();
    if (!group.isEmpty())
        text += QLatin1Char('.') + group;
    return text + QLatin1Char('/') + q(name);
}

QStringList splitLabelColumns(const QStringList &flagValues)
{
    QStringList keys;
    for (const QString &value : flagValues) {
        for (const QString &key : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            keys << key.trimmed();
    }
    return keys;
}

void addLabelColumns(QList<QStringList> *rows, const QList<QMap<QString, QString>> &labels,
                     const QStringList &labelColumns, bool showLabels)
{
    if (rows->isEmpty())
        return;
    QStringList &header = (*rows)[0];
    for (const QString &key : labelColumns)
        header << key.section(QLatin1Char('/'), -1).toUpper();
    if (showLabels)
        header << QStringLiteral("LABELS");
    for (qsizetype i = 1; i < rows->size(); ++i) {
        const QMap<QString, QString> objectLabels = labels.value(i - 1);
        QStringList &row = (*rows)[i];
        for (const QString &key : labelColumns)
            row << objectLabels.value(key);
        if (showLabels) {
            QStringList pairs;
            for (auto it = objectLabels.cbegin(); it != objectLabels.cend(); ++it)
                pairs << it.key() + QLatin1Char('=') + it.value();
            row << (pairs.isEmpty() ? QStringLiteral("<none>") : pairs.join(QLatin1Char(',')));
        }
    }
}

} // namespace ordinal::core
