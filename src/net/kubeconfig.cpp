#include "kubeconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <yaml-cpp/yaml.h>

namespace ordinal::net {

namespace {

QString text(const YAML::Node &node, const char *key)
{
    const YAML::Node value = node[key];
    if (!value || !value.IsScalar())
        return {};
    return QString::fromStdString(value.as<std::string>());
}

bool flag(const YAML::Node &node, const char *key)
{
    const YAML::Node value = node[key];
    return value && value.IsScalar() && value.as<std::string>() == "true";
}

QString absolute(const QString &path, const QString &baseDir)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path) || baseDir.isEmpty())
        return path;
    return QDir(baseDir).filePath(path);
}

QByteArray decoded(const QString &base64)
{
    return QByteArray::fromBase64(base64.trimmed().toLatin1());
}

} // namespace

QStringList Kubeconfig::defaultFiles()
{
    const QString variable = qEnvironmentVariable("KUBECONFIG");
    if (!variable.isEmpty()) {
        QStringList files;
        for (const QString &file : variable.split(QDir::listSeparator(), Qt::SkipEmptyParts)) {
            if (!files.contains(file))
                files << file;
        }
        return files;
    }
    return { QDir::home().filePath(QStringLiteral(".kube/config")) };
}

std::optional<Kubeconfig> Kubeconfig::load(const QStringList &files, QString *error)
{
    Kubeconfig merged;
    bool any = false;
    for (const QString &path : files) {
        if (!QFileInfo::exists(path))
            continue; // as kubectl: a missing file in $KUBECONFIG is skipped
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("cannot read the kubeconfig \"%1\": %2").arg(path, file.errorString());
            return std::nullopt;
        }
        QString parseError;
        const std::optional<Kubeconfig> one
            = parse(file.readAll(), QFileInfo(path).absolutePath(), &parseError);
        if (!one) {
            *error = tr("the kubeconfig \"%1\" is not valid: %2").arg(path, parseError);
            return std::nullopt;
        }
        merged.merge(*one);
        any = true;
    }
    if (!any) {
        *error = files.size() == 1
            ? tr("there is no kubeconfig at \"%1\"").arg(files.value(0))
            : tr("none of the kubeconfig files exists: %1").arg(files.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    return merged;
}

std::optional<Kubeconfig> Kubeconfig::parse(const QByteArray &document, const QString &baseDir,
                                            QString *error)
{
    Kubeconfig config;
    YAML::Node root;
    try {
        root = YAML::Load(document.toStdString());
    } catch (const YAML::Exception &e) {
        *error = tr("line %1, column %2: %3")
                     .arg(e.mark.line + 1)
                     .arg(e.mark.column + 1)
                     .arg(QString::fromStdString(e.msg));
        return std::nullopt;
    }
    if (!root || root.IsNull())
        return config; // an empty file adds nothing
    if (!root.IsMap()) {
        *error = tr("it is not a YAML mapping");
        return std::nullopt;
    }
    try {
        config.m_currentContext = text(root, "current-context");
        const auto each = [&](const char *list, const char *inner, const auto &read) {
            const YAML::Node items = root[list];
            if (!items || !items.IsSequence())
                return;
            for (const YAML::Node &item : items) {
                const QString name = text(item, "name");
                if (name.isEmpty())
                    continue;
                const YAML::Node body = item[inner];
                read(name, body ? body : YAML::Node(YAML::NodeType::Map));
            }
        };
        each("clusters", "cluster", [&](const QString &name, const YAML::Node &c) {
            if (config.m_clusters.contains(name))
                return; // the first definition in a file wins as well
            KubeCluster cluster;
            cluster.server = text(c, "server");
            cluster.certificateAuthority = absolute(text(c, "certificate-authority"), baseDir);
            cluster.certificateAuthorityData = decoded(text(c, "certificate-authority-data"));
            cluster.insecureSkipTlsVerify = flag(c, "insecure-skip-tls-verify");
            cluster.tlsServerName = text(c, "tls-server-name");
            config.m_clusters.insert(name, cluster);
        });
        each("users", "user", [&](const QString &name, const YAML::Node &u) {
            if (config.m_users.contains(name))
                return;
            KubeUser user;
            user.clientCertificate = absolute(text(u, "client-certificate"), baseDir);
            user.clientCertificateData = decoded(text(u, "client-certificate-data"));
            user.clientKey = absolute(text(u, "client-key"), baseDir);
            user.clientKeyData = decoded(text(u, "client-key-data"));
            user.token = text(u, "token");
            user.tokenFile = absolute(text(u, "tokenFile"), baseDir);
            if (const YAML::Node e = u["exec"]; e && e.IsMap()) {
                ExecConfig exec;
                exec.apiVersion = text(e, "apiVersion");
                exec.command = text(e, "command");
                if (const YAML::Node args = e["args"]; args && args.IsSequence()) {
                    for (const YAML::Node &arg : args)
                        exec.args << QString::fromStdString(arg.as<std::string>());
                }
                if (const YAML::Node env = e["env"]; env && env.IsSequence()) {
                    for (const YAML::Node &var : env)
                        exec.env.append({ text(var, "name"), text(var, "value") });
                }
                exec.installHint = text(e, "installHint");
                exec.provideClusterInfo = flag(e, "provideClusterInfo");
                exec.interactiveMode = text(e, "interactiveMode");
                exec.baseDir = baseDir;
                user.exec = exec;
            }
            config.m_users.insert(name, user);
        });
        each("contexts", "context", [&](const QString &name, const YAML::Node &c) {
            if (config.m_contexts.contains(name))
                return;
            config.m_contexts.insert(
                name, KubeContext { text(c, "cluster"), text(c, "user"), text(c, "namespace") });
        });
    } catch (const YAML::Exception &e) {
        *error = QString::fromStdString(e.msg);
        return std::nullopt;
    }
    return config;
}

void Kubeconfig::merge(const Kubeconfig &other)
{
    // clientcmd's rule: the first file to set a value wins; later files only fill gaps.
    if (m_currentContext.isEmpty())
        m_currentContext = other.m_currentContext;
    for (auto it = other.m_clusters.cbegin(); it != other.m_clusters.cend(); ++it) {
        if (!m_clusters.contains(it.key()))
            m_clusters.insert(it.key(), it.value());
    }
    for (auto it = other.m_users.cbegin(); it != other.m_users.cend(); ++it) {
        if (!m_users.contains(it.key()))
            m_users.insert(it.key(), it.value());
    }
    for (auto it = other.m_contexts.cbegin(); it != other.m_contexts.cend(); ++it) {
        if (!m_contexts.contains(it.key()))
            m_contexts.insert(it.key(), it.value());
    }
}

std::optional<ResolvedContext> Kubeconfig::resolve(const QString &contextName, QString *error) const
{
    const QString name = contextName.isEmpty() ? m_currentContext : contextName;
    if (name.isEmpty()) {
        *error = tr("the kubeconfig sets no current-context; choose a context");
        return std::nullopt;
    }
    if (!m_contexts.contains(name)) {
        *error = tr("there is no context \"%1\" in the kubeconfig").arg(name);
        return std::nullopt;
    }
    const KubeContext &context = m_contexts[name];
    if (!m_clusters.contains(context.cluster)) {
        *error = tr("context \"%1\" names cluster \"%2\", which no kubeconfig file defines")
                     .arg(name, context.cluster);
        return std::nullopt;
    }
    const KubeCluster &cluster = m_clusters[context.cluster];
    if (cluster.server.isEmpty()) {
        *error = tr("cluster \"%1\" has no server address").arg(context.cluster);
        return std::nullopt;
    }
    ResolvedContext resolved;
    resolved.contextName = name;
    resolved.clusterName = context.cluster;
    resolved.userName = context.user;
    resolved.server = cluster.server;
    resolved.namespaceName
        = context.namespaceName.isEmpty() ? QStringLiteral("default") : context.namespaceName;
    resolved.insecureSkipTlsVerify = cluster.insecureSkipTlsVerify;
    const auto readFile = [&](const QString &path, const QString &what, QByteArray *into) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("cannot read the %1 \"%2\": %3").arg(what, path, file.errorString());
            return false;
        }
        *into = file.readAll();
        return true;
    };
    // Inline data wins over a file, as in client-go.
    resolved.caPem = cluster.certificateAuthorityData;
    if (resolved.caPem.isEmpty() && !cluster.certificateAuthority.isEmpty()
        && !readFile(cluster.certificateAuthority, tr("certificate authority"), &resolved.caPem))
        return std::nullopt;
    if (!context.user.isEmpty()) {
        // A context may name a user no file defines: kubectl then connects without
        // credentials.
        const KubeUser user = m_users.value(context.user);
        resolved.clientCertificatePem = user.clientCertificateData;
        if (resolved.clientCertificatePem.isEmpty() && !user.clientCertificate.isEmpty()
            && !readFile(user.clientCertificate, tr("client certificate"),
                         &resolved.clientCertificatePem))
            return std::nullopt;
        resolved.clientKeyPem = user.clientKeyData;
        if (resolved.clientKeyPem.isEmpty() && !user.clientKey.isEmpty()
            && !readFile(user.clientKey, tr("client key"), &resolved.clientKeyPem))
            return std::nullopt;
        if (resolved.clientCertificatePem.isEmpty() != resolved.clientKeyPem.isEmpty()) {
            *error = tr("user \"%1\" has a client certificate without its key, or a key without "
                        "its certificate")
                         .arg(context.user);
            return std::nullopt;
        }
        resolved.token = user.token;
        resolved.tokenFile = user.tokenFile;
        resolved.exec = user.exec;
    }
    return resolved;
}

} // namespace ordinal::net
