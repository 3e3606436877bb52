// kubectl's object printers (-o json|yaml|name|jsonpath|jsonpath-as-json|go-template|
// custom-columns, --template) over the objects' JSON, compared byte for byte with what the real
// kubectl 1.33 printed for the same objects (data/kubectlformat: cases.txt lists the commands,
// capture.sh recorded objects/ and expected/ against `ordinal --serve-api`).

#include "api/json.h"
#include "cluster/store.h"
#include "console/console.h"
#include "console/gotemplate.h"
#include "console/govalue.h"
#include "console/jsonpath.h"
#include "console/kubeyaml.h"
#include "console/outputformat.h"
#include "console/tablewriter.h"
#include "recordedcases.h"
#include "sim/simulation.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace ordinal::core;
using nlohmann::json;

namespace {

const QString kData = QStringLiteral(ORDINAL_TEST_DATA "/kubectlformat");

using recorded::readAll;

std::vector<json> items(const QString &file)
{
    const json list
        = json::parse(readAll(kData + QStringLiteral("/objects/") + file).toStdString());
    return list.at("items").get<std::vector<json>>();
}

// The result of one case: what kubectl would print for `kubectl get ARGS`.
struct Printed
{
    QString out;
    QString err;
    int exitCode = 0;
};

Printed runCase(const QString &argumentLine)
{
    QStringList args;
    if (!Console::tokenize(argumentLine, &args))
        return { QString(), QStringLiteral("bad case line\n"), 99 };
    PrintFlags flags;
    QString selector;
    QStringList words;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("-o"))
            flags.output = args.value(++i);
        else if (a.startsWith(QLatin1String("-o")))
            flags.output = a.mid(2);
        else if (a.startsWith(QLatin1String("--template=")))
            flags.templateText = a.mid(11);
        else if (a == QLatin1String("--allow-missing-template-keys=false"))
            flags.allowMissingTemplateKeys = false;
        else if (a == QLatin1String("--no-headers"))
            flags.noHeaders = true;
        else if (a == QLatin1String("-l"))
            selector = args.value(++i);
        else
            words << a;
    }
    const QString resource = words.value(0);
    const QStringList names = words.mid(1);
    std::vector<json> all = resource.startsWith(QLatin1String("pod"))
        ? items(QStringLiteral("pods.json"))
        : resource == QLatin1String("sts") ? items(QStringLiteral("sts.json"))
                                           : items(QStringLiteral("svc.json"));
    std::vector<json> chosen;
    if (names.isEmpty()) {
        for (const json &o : all) {
            if (selector.isEmpty()
                || o["metadata"]["labels"].value(
                       selector.section(QLatin1Char('='), 0, 0).toStdString(), std::string())
                    == selector.section(QLatin1Char('='), 1).toStdString())
                chosen.push_back(o);
        }
    } else {
        for (const QString &name : names) {
            for (const json &o : all) {
                if (o["metadata"]["name"] == name.toStdString())
                    chosen.push_back(o);
            }
        }
    }
    ObjectPrinter printer;
    QString error;
    const auto readFile = [](const QString &path, QString *readError) -> std::optional<QString> {
        QFile file(kData + QLatin1Char('/') + path);
        if (!file.open(QIODevice::ReadOnly)) {
            *readError = QStringLiteral("open %1: no such file or directory").arg(path);
            return std::nullopt;
        }
        return QString::fromUtf8(file.readAll());
    };
    if (!printer.configure(flags, &error, readFile)) {
        // kubectl's fatal() ends the message with one newline.
        if (!error.endsWith(QLatin1Char('\n')))
            error += QLatin1Char('\n');
        return { QString(), error, 1 };
    }
    const PrintResult result = printer.print(chosen, names.size() == 1);
    return { result.out, result.err, result.exitCode };
}

} // namespace

class TestKubectlFormat : public QObject
{
    Q_OBJECT

private slots:
    void recordedCases_data();
    void recordedCases();
    void labelColumns();
    void yamlKeyOrder();
    void goValues();
    void jsonPathDirect();
    void goTemplateDirect();
    void handles();
    void fromSimulation();
};

void TestKubectlFormat::recordedCases_data()
{
    QTest::addColumn<QString>("arguments");
    const auto rows = recorded::cases(kData);
    for (const auto &[name, arguments] : rows)
        QTest::newRow(qPrintable(name)) << arguments;
    QVERIFY2(rows.size() > 100, "cases.txt should hold the recorded cases");
}

void TestKubectlFormat::recordedCases()
{
    QFETCH(QString, arguments);
    const QString name = QString::fromLatin1(QTest::currentDataTag());
    const Printed printed = runCase(arguments);
    // ORDINAL_KUBECTLFORMAT_DUMP=DIR writes what Ordinal printed, to diff against expected/.
    const QString dump = qEnvironmentVariable("ORDINAL_KUBECTLFORMAT_DUMP");
    if (!dump.isEmpty()) {
        QFile out(dump + QLatin1Char('/') + name + QStringLiteral(".out"));
        if (out.open(QIODevice::WriteOnly))
            out.write(printed.out.toUtf8());
        QFile err(dump + QLatin1Char('/') + name + QStringLiteral(".err"));
        if (err.open(QIODevice::WriteOnly))
            err.write(printed.err.toUtf8());
    }
    QCOMPARE(printed.out, recorded::expected(kData, name, "out"));
    QCOMPARE(printed.err, recorded::expected(kData, name, "err"));
    QCOMPARE(printed.exitCode, recorded::exitCodes(kData).value(name, -1));
}

void TestKubectlFormat::labelColumns()
{
    // kubectl get pods -L app -L statefulset.kubernetes.io/pod-name --show-labels, recorded
    // beside the plain table of the same moment.
    const QString plain
        = QString::fromUtf8(readAll(kData + QStringLiteral("/expected/labels-plain.txt")));
    const QString labelled
        = QString::fromUtf8(readAll(kData + QStringLiteral("/expected/labels-columns.txt")));
    QList<QStringList> rows;
    for (const QString &line : plain.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        rows << line.split(QRegularExpression(QStringLiteral("\\s{2,}")));
    QList<QMap<QString, QString>> labels;
    for (const json &pod : items(QStringLiteral("pods.json"))) {
        QMap<QString, QString> map;
        for (auto it = pod["metadata"]["labels"].begin(); it != pod["metadata"]["labels"].end();
             ++it)
            map.insert(QString::fromStdString(it.key()),
                       QString::fromStdString(it.value().get<std::string>()));
        labels << map;
    }
    addLabelColumns(&rows, labels,
                    splitLabelColumns({ QStringLiteral("app"),
                                        QStringLiteral("statefulset.kubernetes.io/pod-name") }),
                    true);
    TableWriter table;
    QCOMPARE(table.flush(rows), labelled);
    QCOMPARE(splitLabelColumns({ QStringLiteral("a,b"), QStringLiteral("c") }),
             QStringList({ QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }));
}

void TestKubectlFormat::yamlKeyOrder()
{
    // go-yaml v2 sorts digits as numbers and puts non-letters before letters.
    QVERIFY(kubeyaml::keyLess("a9", "a10"));
    QVERIFY(!kubeyaml::keyLess("a10", "a9"));
    QVERIFY(kubeyaml::keyLess("a-b", "aB"));
    QVERIFY(kubeyaml::keyLess("A", "a"));
    QVERIFY(kubeyaml::keyLess("b10", "b1x"));
    QVERIFY(kubeyaml::keyLess("a0", "a00"));
    QCOMPARE(QString::fromStdString(
                 kubeyaml::fromJson(json::parse(R"({"b":[],"a":{},"c":[[1,2],{"x":null}]})"))),
             QStringLiteral("a: {}\nb: []\nc:\n- - 1\n  - 2\n- x: null\n"));
}

void TestKubectlFormat::goValues()
{
    using namespace govalue;
    QCOMPARE(formatFloat(30), std::string("30"));
    QCOMPARE(formatFloat(1.5), std::string("1.5"));
    QCOMPARE(formatFloat(1e6), std::string("1e+06"));
    QCOMPARE(formatFloat(123456), std::string("123456"));
    QCOMPARE(formatFloat(0.0001), std::string("0.0001"));
    QCOMPARE(formatFloat(0.00001), std::string("1e-05"));
    QCOMPARE(quote("a\"b\\\n\x01\xe2\x80\xa8日"), std::string("\"a\\\"b\\\\\\n\\x01\\u2028日\""));
    const json doc = json::parse(R"({"b":[1,"x",null,true],"a":{"k":1.5}})");
    QCOMPARE(sprint(doc, Numbers::Int64), std::string("map[a:map[k:1.5] b:[1 x <nil> true]]"));
    QCOMPARE(sprintGoSyntax(doc, Numbers::Int64),
             std::string("map[string]interface {}{\"a\":map[string]interface {}{\"k\":1.5}, "
                         "\"b\":[]interface {}{1, \"x\", interface {}(nil), true}}"));
    QCOMPARE(marshal(json::parse(R"({"h":"<a&b>","n":1e21,"f":0.5,"e":[],"o":{}})")),
             std::string(R"({"e":[],"f":0.5,"h":"\u003ca\u0026b\u003e","n":1e+21,"o":{}})"));
}

void TestKubectlFormat::jsonPathDirect()
{
    const json doc
        = json::parse(R"({"a":[{"n":1,"s":"x"},{"n":2,"s":"y"},{"n":3}],"m":{"k":"v"}})");
    const auto run = [&](const char *text, bool allowMissing = true) {
        JsonPath path;
        QString error;
        if (!path.parse(QString::fromUtf8(text), &error))
            return QStringLiteral("parse: ") + error;
        path.setAllowMissingKeys(allowMissing);
        QString out;
        if (!path.execute(doc, &out, &error))
            return QStringLiteral("exec: ") + error;
        return out;
    };
    QCOMPARE(run("{.a[*].n}"), QStringLiteral("1 2 3"));
    QCOMPARE(run("{.a[?(@.n>1)].n}"), QStringLiteral("2 3"));
    QCOMPARE(run("{.a[?(@.n>1.5)].n}"), QStringLiteral("exec: incompatible types for comparison"));
    QCOMPARE(run("{.a[*].s}"), QStringLiteral("x y"));
    QCOMPARE(run("{.a[*].s}", false), QStringLiteral("x y"));
    QCOMPARE(run("{.nope}", false), QStringLiteral("exec: nope is not found"));
    QCOMPARE(run("{.a[-2].n}"), QStringLiteral("2"));
    QCOMPARE(run("{.a[0:3:0]}"), QStringLiteral("exec: step must be > 0"));
    QCOMPARE(run("{.m.*}"), QStringLiteral("v"));
    // Go walks a map in random order (kubectl prints {.metadata.labels.*} differently from run
    // to run); Ordinal walks keys sorted, so its output is one of kubectl's.
    QCOMPARE(run("{.a[0].*}"), QStringLiteral("1 x"));
    QCOMPARE(run("{....a}"), QStringLiteral("parse: invalid multiple recursive descent"));
    QCOMPARE(run("{.m}{\"x"), QStringLiteral("parse: unterminated quoted string"));
    QCOMPARE(run("{range .a[*]}{.n},{end}!"), QStringLiteral("1,2,3,!"));
    QCOMPARE(run("{.m.k[?(@.x)]}"),
             QStringLiteral("exec: v is not array or slice and cannot be filtered"));

    QString expression;
    QString error;
    QVERIFY(relaxedJsonPathExpression(QStringLiteral("metadata.name"), &expression, &error));
    QCOMPARE(expression, QStringLiteral("{.metadata.name}"));
    QVERIFY(!relaxedJsonPathExpression(QStringLiteral("{a}{b}"), &expression, &error));
}

void TestKubectlFormat::goTemplateDirect()
{
    const json doc = json::parse(R"({"items":[{"n":"a","v":1.0},{"n":"b","v":2.0}],"s":"x"})");
    const auto run = [&](const char *text) {
        GoTemplate t;
        QString error;
        if (!t.parse(QString::fromUtf8(text), &error))
            return QStringLiteral("parse: ") + error;
        QString out;
        if (!t.execute(doc, &out, &error))
            return out + QStringLiteral("|exec: ") + error;
        return out;
    };
    QCOMPARE(run("{{range .items}}{{if gt .v 1.0}}{{.n}}{{else}}-{{end}}{{end}}"),
             QStringLiteral("-b"));
    QCOMPARE(run("{{range .items}}{{if eq .n \"b\"}}{{break}}{{end}}{{.n}}{{end}}"),
             QStringLiteral("a"));
    QCOMPARE(run("{{range .items}}{{if eq .n \"a\"}}{{continue}}{{end}}{{.n}}{{end}}"),
             QStringLiteral("b"));
    QCOMPARE(run("{{if eq .s \"y\"}}1{{else if eq .s \"x\"}}2{{else}}3{{end}}"),
             QStringLiteral("2"));
    QCOMPARE(run("{{printf \"%-4s|%03d|%5.2f\" .s 7 1.5}}"), QStringLiteral("x   |007| 1.50"));
    QCOMPARE(run("{{.s | len | printf \"%d\"}}"), QStringLiteral("1"));
    QCOMPARE(run("{{index .items 1 \"n\"}}"), QStringLiteral("b"));
    QCOMPARE(run("{{.items.x}}"),
             QStringLiteral("|exec: template: output:1:8: executing \"output\" at <.items.x>: "
                            "can't evaluate field x in type interface {}"));
    QCOMPARE(run("a{{$x}}"),
             QStringLiteral("parse: template: output:1: undefined variable \"$x\""));
    QCOMPARE(run("{{if .s}}"), QStringLiteral("parse: template: output:1: unexpected EOF"));
}

void TestKubectlFormat::handles()
{
    PrintFlags flags;
    QVERIFY(!ObjectPrinter::handles(flags));
    flags.output = QStringLiteral("wide");
    QVERIFY(!ObjectPrinter::handles(flags));
    flags.output = QStringLiteral("yaml");
    QVERIFY(ObjectPrinter::handles(flags));
    flags.output.clear();
    flags.templateText = QStringLiteral("{{.kind}}");
    QVERIFY(ObjectPrinter::handles(flags));
    QCOMPARE(ordinal::core::objectName(json::parse(
                 R"({"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"web"}})")),
             QStringLiteral("statefulset.apps/web"));
}

void TestKubectlFormat::fromSimulation()
{
    // The printers over what the console has: apijson::toJson of the store's objects.
    Simulation sim;
    Console console(sim);
    console.execute(QStringLiteral("kubectl apply -f web.yaml"),
                    QStringLiteral(ORDINAL_SOURCE_DIR "/tests/scenarios/ordered-creation"));
    console.execute(QStringLiteral("wait"));
    constexpr qint64 kEpoch = 1796306400000; // 2026-12-03T14:00:00Z
    std::vector<json> pods;
    for (const Pod *pod : sim.store().list<Pod>(QStringLiteral("default")))
        pods.push_back(apijson::toJson(*pod, kEpoch));
    QCOMPARE(pods.size(), std::size_t(3));

    const auto print = [&](const QString &output, bool single) {
        PrintFlags flags;
        flags.output = output;
        ObjectPrinter printer;
        QString error;
        if (!printer.configure(flags, &error))
            return error;
        const std::vector<json> objects = single ? std::vector<json> { pods.front() } : pods;
        const PrintResult r = printer.print(objects, single);
        return r.err + r.out;
    };
    QCOMPARE(print(QStringLiteral("name"), false),
             QStringLiteral("pod/web-0\npod/web-1\npod/web-2\n"));
    const QString ips = print(
        QStringLiteral("jsonpath={range .items[*]}{.metadata.name} {.status.podIP}{\"\\n\"}{end}"),
        false);
    QVERIFY2(QRegularExpression(QStringLiteral("^(web-[0-2] 10\\.244\\.[0-9]+\\.[0-9]+\\n){3}$"))
                 .match(ips)
                 .hasMatch(),
             qPrintable(ips));
    const QString yaml = print(QStringLiteral("yaml"), true);
    QVERIFY2(yaml.startsWith(QLatin1String("apiVersion: v1\nkind: Pod\nmetadata:\n")),
             qPrintable(yaml));
    QVERIFY2(yaml.contains(QLatin1String("  creationTimestamp: \"2026-12-03T14:00:00Z\"\n")),
             qPrintable(yaml));
    const QString columns = print(QStringLiteral("custom-columns=NAME:.metadata.name,READY:"
                                                 ".status.containerStatuses[0].ready"),
                                  false);
    QCOMPARE(columns, QStringLiteral("NAME    READY\nweb-0   true\nweb-1   true\nweb-2   true\n"));
}

QTEST_GUILESS_MAIN(TestKubectlFormat)
#include "tst_kubectlformat.moc"
