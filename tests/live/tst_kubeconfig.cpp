// Kubeconfig loading as kubectl does it: several files merged (the first file to define a name
// or set current-context wins), missing files skipped, relative paths from each file's folder,
// inline data over files, exec plugins, and errors that name what is missing.

#include "kubeconfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ordinal::net;

namespace {

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(text);
    return path;
}

const QByteArray kFirst = R"(apiVersion: v1
kind: Config
current-context: kind-dev
clusters:
- name: dev
  cluster:
    server: https://127.0.0.1:6443
    certificate-authority: certs/ca.crt
contexts:
- name: kind-dev
  context: {cluster: dev, user: dev-admin, namespace: shop}
- name: shared
  context: {cluster: dev, user: dev-admin}
users:
- name: dev-admin
  user:
    client-certificate-data: Q0VSVA==
    client-key-data: S0VZ
)";

const QByteArray kSecond = R"(apiVersion: v1
kind: Config
current-context: eks-prod
clusters:
- name: dev
  cluster: {server: https://elsewhere:443}
- name: prod
  cluster:
    server: https://ABC.gr7.eu-west-1.eks.amazonaws.com
    certificate-authority-data: Q0FQRU0=
contexts:
- name: shared
  context: {cluster: prod, user: prod-user}
- name: eks-prod
  context: {cluster: prod, user: prod-user}
users:
- name: prod-user
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: aws
      args: [eks, get-token, --cluster-name, prod]
      env: [{name: AWS_PROFILE, value: prod}]
      interactiveMode: Never
      provideClusterInfo: true
)";

} // namespace

class TestKubeconfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstFileWins();
    void missingFilesSkipped();
    void relativePathsAndInlineData();
    void execPlugin();
    void resolveErrors_data();
    void resolveErrors();
    void kubeconfigVariable();
};

void TestKubeconfig::firstFileWins()
{
    QTemporaryDir dir;
    const QString a = write(dir, QStringLiteral("a/config"), kFirst);
    const QString b = write(dir, QStringLiteral("b/config"), kSecond);
    QString error;
    const std::optional<Kubeconfig> merged = Kubeconfig::load({ a, b }, &error);
    QVERIFY2(merged, qPrintable(error));
    QCOMPARE(merged->currentContext(), QStringLiteral("kind-dev"));
    QCOMPARE(merged->contextNames(),
             (QStringList { QStringLiteral("eks-prod"), QStringLiteral("kind-dev"),
                            QStringLiteral("shared") }));
    // "dev" and "shared" are defined by both files: the first file's definitions stand.
    QCOMPARE(merged->clusters()[QStringLiteral("dev")].server,
             QStringLiteral("https://127.0.0.1:6443"));
    QCOMPARE(merged->contexts()[QStringLiteral("shared")].cluster, QStringLiteral("dev"));
    // Names only the second file has are added.
    QCOMPARE(merged->clusters()[QStringLiteral("prod")].certificateAuthorityData,
             QByteArray("CAPEM"));
    // The other order: the second file's current-context.
    const std::optional<Kubeconfig> reversed = Kubeconfig::load({ b, a }, &error);
    QVERIFY(reversed);
    QCOMPARE(reversed->currentContext(), QStringLiteral("eks-prod"));
    QCOMPARE(reversed->clusters()[QStringLiteral("dev")].server,
             QStringLiteral("https://elsewhere:443"));
}

void TestKubeconfig::missingFilesSkipped()
{
    QTemporaryDir dir;
    const QString a = write(dir, QStringLiteral("config"), kFirst);
    QString error;
    QVERIFY(Kubeconfig::load({ dir.filePath(QStringLiteral("nope")), a }, &error));
    QVERIFY(!Kubeconfig::load({ dir.filePath(QStringLiteral("nope")) }, &error));
    QVERIFY2(error.contains(QLatin1String("nope")), qPrintable(error));
    const QString broken = write(dir, QStringLiteral("broken"), "clusters: [\n  - name: x\n   bad");
    QVERIFY(!Kubeconfig::load({ broken }, &error));
    QVERIFY2(error.contains(QLatin1String("broken")) && error.contains(QLatin1String("line")),
             qPrintable(error));
}

void TestKubeconfig::relativePathsAndInlineData()
{
    QTemporaryDir dir;
    const QString a = write(dir, QStringLiteral("kube/config"), kFirst);
    write(dir, QStringLiteral("kube/certs/ca.crt"), "CA FROM FILE");
    QString error;
    const std::optional<Kubeconfig> config = Kubeconfig::load({ a }, &error);
    QVERIFY(config);
    const std::optional<ResolvedContext> resolved = config->resolve({}, &error);
    QVERIFY2(resolved, qPrintable(error));
    QCOMPARE(resolved->contextName, QStringLiteral("kind-dev"));
    QCOMPARE(resolved->namespaceName, QStringLiteral("shop"));
    QCOMPARE(resolved->caPem, QByteArray("CA FROM FILE"));
    QCOMPARE(resolved->clientCertificatePem, QByteArray("CERT"));
    QCOMPARE(resolved->clientKeyPem, QByteArray("KEY"));
    // A context without a namespace uses "default".
    QCOMPARE(config->resolve(QStringLiteral("shared"), &error)->namespaceName,
             QStringLiteral("default"));
}

void TestKubeconfig::execPlugin()
{
    QTemporaryDir dir;
    QString error;
    const std::optional<Kubeconfig> config
        = Kubeconfig::load({ write(dir, QStringLiteral("config"), kSecond) }, &error);
    QVERIFY(config);
    const std::optional<ResolvedContext> resolved = config->resolve({}, &error);
    QVERIFY2(resolved, qPrintable(error));
    QVERIFY(resolved->exec);
    QCOMPARE(resolved->exec->command, QStringLiteral("aws"));
    QCOMPARE(resolved->exec->args.size(), 4);
    QCOMPARE(resolved->exec->env.value(0).second, QStringLiteral("prod"));
    QVERIFY(resolved->exec->provideClusterInfo);
    QCOMPARE(resolved->exec->interactiveMode, QStringLiteral("Never"));
}

void TestKubeconfig::resolveErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no-current-context")
        << QByteArray("contexts: []\n") << QString() << QStringLiteral("no current-context");
    QTest::newRow("unknown-context")
        << kFirst << QStringLiteral("gke") << QStringLiteral("no context \"gke\"");
    QTest::newRow("missing-cluster")
        << QByteArray("current-context: c\ncontexts:\n- name: c\n  context: {cluster: gone}\n")
        << QString() << QStringLiteral("names cluster \"gone\"");
    QTest::newRow("missing-ca-file") << QByteArray(
        "current-context: c\ncontexts:\n- name: c\n  context: {cluster: x}\nclusters:\n- name: x\n"
        "  cluster: {server: https://h, certificate-authority: /nonexistent/ca.crt}\n")
                                     << QString() << QStringLiteral("/nonexistent/ca.crt");
}

void TestKubeconfig::resolveErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, context);
    QFETCH(QString, expected);
    QString error;
    const std::optional<Kubeconfig> config
        = Kubeconfig::parse(text, QStringLiteral("/tmp"), &error);
    QVERIFY2(config, qPrintable(error));
    QVERIFY(!config->resolve(context, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestKubeconfig::kubeconfigVariable()
{
    qputenv("KUBECONFIG", "/a/one:/b/two:/a/one");
    QCOMPARE(Kubeconfig::defaultFiles(),
             (QStringList { QStringLiteral("/a/one"), QStringLiteral("/b/two") }));
    qunsetenv("KUBECONFIG");
    QVERIFY(Kubeconfig::defaultFiles().value(0).endsWith(QLatin1String("/.kube/config")));
}

QTEST_GUILESS_MAIN(TestKubeconfig)
#include "tst_kubeconfig.moc"
