#pragma once

#include "kubeconfig.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QProcess>

#include <functional>

namespace ordinal::net {

// What a request carries to prove who is asking.
struct Credentials
{
    QString token; // "Authorization: Bearer"; empty for none
    QByteArray clientCertificatePem; // from an exec plugin (the kubeconfig's own are fixed)
    QByteArray clientKeyPem;
};

// The credentials of one kubeconfig user, as client-go finds them: a static token, a token
// file (read again each time the credentials are refreshed), or an exec credential plugin
// (client.authentication.k8s.io/v1, run with QProcess). A plugin's answer is kept until its
// expirationTimestamp; invalidate() (after a 401) makes the next get() run it again. Requests
// asking while the plugin runs wait for the same run. A plugin that cannot start, exits with a
// failure, prints something that is not an ExecCredential or takes longer than the timeout is
// an error in plain words.
class CredentialSource : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const Credentials &, const QString &error)>;

    explicit CredentialSource(const ResolvedContext &context, QObject *parent = nullptr);
    ~CredentialSource() override;

    // Calls done with the credentials (at once when cached, else when the plugin has run).
    void get(const Callback &done);
    // The server refused these credentials (401): forget them if they are still the cached
    // ones (requests that failed with the same old token run the plugin once, not each).
    void invalidate(const Credentials &refused);
    bool usesExec() const { return m_exec.has_value(); }
    // How long a plugin may run (wall ms; 60 s by default).
    void setExecTimeout(int ms) { m_execTimeoutMs = ms; }
    // How many times the plugin was started (for tests).
    int execRuns() const { return m_execRuns; }

private:
    void runPlugin();
    void finishPlugin(const Credentials &credentials, const QString &error);

    QString m_server;
    QByteArray m_caPem;
    bool m_insecure = false;
    QString m_token;
    QString m_tokenFile;
    std::optional<ExecConfig> m_exec;
    std::optional<Credentials> m_cached;
    QDateTime m_expires; // invalid: no expiry
    QList<Callback> m_waiting;
    QPointer<QProcess> m_process;
    int m_execTimeoutMs = 60 * 1000;
    int m_execRuns = 0;
};

} // namespace ordinal::net
