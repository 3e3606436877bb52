#include "credentials.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QTimer>

#include <nlohmann/json.hpp>

namespace ordinal::net {

using nlohmann::json;

CredentialSource::CredentialSource(const ResolvedContext &context, QObject *parent)
    : QObject(parent)
    , m_server(context.server)
    , m_caPem(context.caPem)
    , m_insecure(context.insecureSkipTlsVerify)
    , m_token(context.token)
    , m_tokenFile(context.tokenFile)
    , m_exec(context.exec)
{
}

CredentialSource::~CredentialSource()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

void CredentialSource::get(const Callback &done)
{
    if (!m_exec) {
        // As client-go: a token file wins over the static token and is read again on each
        // refresh (projected service account tokens rotate).
        Credentials credentials;
        credentials.token = m_token;
        if (!m_tokenFile.isEmpty()) {
            QFile file(m_tokenFile);
            if (!file.open(QIODevice::ReadOnly)) {
                done({},
                     tr("cannot read the token file \"%1\": %2")
                         .arg(m_tokenFile, file.errorString()));
                return;
            }
            credentials.token = QString::fromUtf8(file.readAll()).trimmed();
        }
        done(credentials, {});
        return;
    }
    if (m_cached && (!m_expires.isValid() || QDateTime::currentDateTimeUtc() < m_expires)) {
        done(*m_cached, {});
        return;
    }
    m_cached.reset();
    m_waiting.append(done);
    if (!m_process)
        runPlugin();
}

void CredentialSource::invalidate(const Credentials &refused)
{
    if (m_cached && m_cached->token == refused.token
        && m_cached->clientCertificatePem == refused.clientCertificatePem)
        m_cached.reset();
}

void CredentialSource::runPlugin()
{
    const ExecConfig &exec = *m_exec;
    const QString apiVersion = exec.apiVersion.isEmpty()
        ? QStringLiteral("client.authentication.k8s.io/v1")
        : exec.apiVersion;
    if (apiVersion != QLatin1String("client.authentication.k8s.io/v1")
        && apiVersion != QLatin1String("client.authentication.k8s.io/v1beta1")) {
        finishPlugin({},
                     tr("the credential plugin \"%1\" asks for %2, which Ordinal does not "
                        "speak (it speaks client.authentication.k8s.io/v1)")
                         .arg(exec.command, apiVersion));
        return;
    }
    // A command with a folder in it is relative to the kubeconfig's folder (client-go).
    QString program = exec.command;
    if (program.contains(QLatin1Char('/')) && QDir::isRelativePath(program))
        program = QDir(exec.baseDir).filePath(program);

    json info = { { "apiVersion", apiVersion.toStdString() },
                  { "kind", "ExecCredential" },
                  { "spec", { { "interactive", false } } } };
    if (exec.provideClusterInfo) {
        json cluster = { { "server", m_server.toStdString() } };
        if (!m_caPem.isEmpty())
            cluster["certificate-authority-data"] = m_caPem.toBase64().toStdString();
        if (m_insecure)
            cluster["insecure-skip-tls-verify"] = true;
        info["spec"]["cluster"] = std::move(cluster);
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : exec.env)
        env.insert(name, value);
    env.insert(QStringLiteral("KUBERNETES_EXEC_INFO"), QString::fromStdString(info.dump()));

    auto *process = new QProcess(this);
    m_process = process;
    ++m_execRuns;
    process->setProcessEnvironment(env);
    process->setProgram(program);
    process->setArguments(exec.args);
    // Not interactive: the plugin gets no terminal and an empty standard input.
    process->setStandardInputFile(QProcess::nullDevice());
    auto *timeout = new QTimer(process);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, this, [this, process, exec]() {
        process->disconnect(this);
        process->kill();
        process->deleteLater();
        finishPlugin({},
                     tr("the credential plugin \"%1\" did not answer within %2 s")
                         .arg(exec.command)
                         .arg(m_execTimeoutMs / 1000));
    });
    timeout->start(m_execTimeoutMs);
    connect(process, &QProcess::errorOccurred, this,
            [this, process, exec](QProcess::ProcessError e) {
                if (e != QProcess::FailedToStart)
                    return;
                process->disconnect(this);
                process->deleteLater();
                QString message = tr("the credential plugin \"%1\" could not be started (%2)")
                                      .arg(exec.command, process->errorString());
                if (!exec.installHint.isEmpty())
                    message += QLatin1Char('\n') + exec.installHint.trimmed();
                finishPlugin({}, message);
            });
    connect(
        process, &QProcess::finished, this,
        [this, process, exec, apiVersion](int code, QProcess::ExitStatus exitStatus) {
            process->disconnect(this);
            process->deleteLater();
            const QString stderrText = QString::fromUtf8(process->readAllStandardError()).trimmed();
            if (exitStatus != QProcess::NormalExit || code != 0) {
                QString message = tr("the credential plugin \"%1\" failed (exit status %2)")
                                      .arg(exec.command)
                                      .arg(code);
                if (!stderrText.isEmpty())
                    message += QStringLiteral(": ") + stderrText.section(QLatin1Char('\n'), -1);
                finishPlugin({}, message);
                return;
            }
            const QByteArray out = process->readAllStandardOutput();
            const json answer
                = json::parse(out.constData(), out.constData() + out.size(), nullptr, false);
            const auto bad = [&](const QString &why) {
                finishPlugin({},
                             tr("the credential plugin \"%1\" printed no usable "
                                "ExecCredential: %2")
                                 .arg(exec.command, why));
            };
            if (!answer.is_object() || answer.value("kind", json()) != "ExecCredential") {
                bad(tr("its output is not an ExecCredential in JSON"));
                return;
            }
            if (answer.value("apiVersion", json()) != apiVersion.toStdString()) {
                bad(tr("it answered in another apiVersion than %1").arg(apiVersion));
                return;
            }
            const json status = answer.value("status", json::object());
            if (!status.is_object()) {
                bad(tr("it has no status"));
                return;
            }
            Credentials credentials;
            const auto field = [&](const char *key) {
                const auto it = status.find(key);
                return it != status.end() && it->is_string()
                    ? QString::fromStdString(it->get<std::string>())
                    : QString();
            };
            credentials.token = field("token");
            credentials.clientCertificatePem = field("clientCertificateData").toUtf8();
            credentials.clientKeyPem = field("clientKeyData").toUtf8();
            if (credentials.token.isEmpty() && credentials.clientCertificatePem.isEmpty()) {
                bad(tr("it carries neither a token nor a client certificate"));
                return;
            }
            if (credentials.clientCertificatePem.isEmpty() != credentials.clientKeyPem.isEmpty()) {
                bad(tr("it carries a client certificate without its key or the reverse"));
                return;
            }
            m_expires = {};
            if (const QString expiry = field("expirationTimestamp"); !expiry.isEmpty()) {
                m_expires = QDateTime::fromString(expiry, Qt::ISODate);
                if (!m_expires.isValid()) {
                    bad(tr("its expirationTimestamp is not an RFC 3339 time"));
                    return;
                }
            }
            finishPlugin(credentials, {});
        });
    process->start();
}

void CredentialSource::finishPlugin(const Credentials &credentials, const QString &error)
{
    m_process = nullptr; // it deletes itself later; a new run may start at once
    if (error.isEmpty())
        m_cached = credentials;
    const QList<Callback> waiting = std::exchange(m_waiting, {});
    for (const Callback &done : waiting)
        done(credentials, error);
}

} // namespace ordinal::net
