// `kubectl api-resources` and `kubectl version` as Ordinal builds them from its resource table,
// compared with what kubectl 1.33 printed against `ordinal --serve-api` (data/kubectlinfo).

#include "console/console.h"
#include "console/kubectlinfo.h"
#include "recordedcases.h"

#include <QFile>
#include <QTest>

using namespace ordinal::core;

namespace {

const QString kData = QStringLiteral(ORDINAL_TEST_DATA "/kubectlinfo");

PrintResult runCase(const QString &line)
{
    QStringList args;
    Console::tokenize(line, &args);
    const QString verb = args.takeFirst();
    const auto value = [](const QString &arg, const char *name) -> std::optional<QString> {
        const QString prefix = QStringLiteral("--%1=").arg(QLatin1String(name));
        if (arg.startsWith(prefix))
            return arg.mid(prefix.size());
        return std::nullopt;
    };
    if (verb == QLatin1String("api-resources")) {
        kubectlinfo::ApiResourcesFlags flags;
        for (qsizetype i = 0; i < args.size(); ++i) {
            const QString &a = args[i];
            if (a == QLatin1String("-o"))
                flags.output = args.value(++i);
            else if (a == QLatin1String("--no-headers"))
                flags.noHeaders = true;
            else if (auto v = value(a, "namespaced"))
                flags.namespaced = *v == QLatin1String("true");
            else if (auto v = value(a, "api-group"))
                flags.apiGroup = *v;
            else if (auto v = value(a, "verbs"))
                flags.verbs = v->split(QLatin1Char(','));
            else if (auto v = value(a, "categories"))
                flags.categories = v->split(QLatin1Char(','));
            else if (auto v = value(a, "sort-by"))
                flags.sortBy = *v;
        }
        return kubectlinfo::apiResources(flags);
    }
    kubectlinfo::VersionFlags flags;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("-o"))
            flags.output = args.value(++i);
        else if (args[i] == QLatin1String("--client"))
            flags.client = true;
    }
    return kubectlinfo::version(flags, kubectlinfo::serverVersion());
}

} // namespace

class TestKubectlInfo : public QObject
{
    Q_OBJECT

private slots:
    void recordedCases_data();
    void recordedCases();
    void versionSkew();
};

void TestKubectlInfo::recordedCases_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<int>("exitCode");
    const QMap<QString, int> codes = recorded::exitCodes(kData);
    const auto rows = recorded::cases(kData);
    for (const auto &[name, arguments] : rows)
        QTest::newRow(qPrintable(name)) << arguments << codes.value(name, -1);
    QVERIFY2(rows.size() > 10, "cases.txt should hold the recorded cases");
}

void TestKubectlInfo::recordedCases()
{
    QFETCH(QString, arguments);
    QFETCH(int, exitCode);
    const QString name = QString::fromLatin1(QTest::currentDataTag());
    const PrintResult result = runCase(arguments);
    QCOMPARE(result.out, recorded::expected(kData, name, "out"));
    QCOMPARE(result.err, recorded::expected(kData, name, "err"));
    QCOMPARE(result.exitCode, exitCode);
}

void TestKubectlInfo::versionSkew()
{
    nlohmann::json old = kubectlinfo::serverVersion();
    old["minor"] = "30";
    old["gitVersion"] = "v1.30.0";
    const PrintResult r = kubectlinfo::version({}, old);
    QCOMPARE(r.err,
             QStringLiteral("WARNING: version difference between client (1.33) and server "
                            "(1.30) exceeds the supported minor version skew of +/-1\n"));
    QVERIFY(r.out.endsWith(QLatin1String("Server Version: v1.30.0\n")));
}

QTEST_GUILESS_MAIN(TestKubectlInfo)
#include "tst_kubectlinfo.moc"
