#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace ordinal::net {

// users[].user.exec: a client.authentication.k8s.io credential plugin.
struct ExecConfig
{
    QString apiVersion; // client.authentication.k8s.io/v1 (v1beta1 is accepted too)
    QString command;
    QStringList args;
    QList<std::pair<QString, QString>> env; // added to the plugin's environment, in order
    QString installHint;
    bool provideClusterInfo = false;
    QString interactiveMode; // Never, IfAvailable, Always
    QString baseDir; // a relative command is found from the kubeconfig's folder
};

struct KubeCluster
{
    QString server;
    QString certificateAuthority; // a file (absolute once loaded)
    QByteArray certificateAuthorityData; // PEM (decoded from base64)
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;
};

struct KubeUser
{
    QString clientCertificate;
    QByteArray clientCertificateData;
    QString clientKey;
    QByteArray clientKeyData;
    QString token;
    QString tokenFile;
    std::optional<ExecConfig> exec;
};

struct KubeContext
{
    QString cluster;
    QString user;
    QString namespaceName;
};

// What one context amounts to: where the cluster is and how to prove who we are, with files
// read and inline data decoded.
struct ResolvedContext
{
    QString contextName;
    QString clusterName;
    QString userName;
    QString server;
    QString namespaceName; // the context's namespace, "default" when it names none
    QByteArray caPem; // empty: the system's CAs
    bool insecureSkipTlsVerify = false;
    QByteArray clientCertificatePem;
    QByteArray clientKeyPem;
    QString token;
    QString tokenFile; // read again on every credential refresh, as client-go does
    std::optional<ExecConfig> exec;
};

// A kubeconfig as kubectl assembles it from several files (clientcmd's loading rules): the
// files of $KUBECONFIG in order, or ~/.kube/config. For clusters, users and contexts, the
// first file that defines a name wins, and so does the first file that sets current-context;
// later files only add names. Files that do not exist are skipped; a file that cannot be read
// or parsed is an error. Relative paths in a file are relative to that file's folder.
class Kubeconfig
{
    Q_DECLARE_TR_FUNCTIONS(Kubeconfig)

public:
    // The files kubectl would read: $KUBECONFIG split on ':' (duplicates dropped), else
    // ~/.kube/config.
    static QStringList defaultFiles();
    // Loads and merges files. Returns nullopt and sets *error (naming the file) on failure.
    static std::optional<Kubeconfig> load(const QStringList &files, QString *error);
    // Parses one document (for tests); baseDir resolves relative paths.
    static std::optional<Kubeconfig> parse(const QByteArray &text, const QString &baseDir,
                                           QString *error);

    // Adds what other does not already define (the merge rule above).
    void merge(const Kubeconfig &other);

    QString currentContext() const { return m_currentContext; }
    QStringList contextNames() const { return m_contexts.keys(); }
    const QMap<QString, KubeContext> &contexts() const { return m_contexts; }
    const QMap<QString, KubeCluster> &clusters() const { return m_clusters; }
    const QMap<QString, KubeUser> &users() const { return m_users; }

    // Resolves contextName (current-context when empty): reads certificate and key files.
    // Returns nullopt and sets *error ("context \"x\" names cluster \"y\", which no kubeconfig
    // file defines") when something is missing.
    std::optional<ResolvedContext> resolve(const QString &contextName, QString *error) const;

private:
    QString m_currentContext;
    QMap<QString, KubeCluster> m_clusters;
    QMap<QString, KubeUser> m_users;
    QMap<QString, KubeContext> m_contexts;
};

} // namespace ordinal::net
