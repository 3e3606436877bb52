#pragma once

#include "api/jsondecode.h"
#include "kubeconfig.h"
#include "sim/simulation.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace ordinal::net {

class CredentialSource;

// Watches a real cluster through its Kubernetes API, as client-go's reflectors do: for each
// kind Ordinal draws (namespaces, nodes, services, EndpointSlices — Endpoints on servers
// without them —, StatefulSets, ControllerRevisions, pods, PersistentVolumeClaims, events) it
// lists (500 at a time), then watches from the list's resourceVersion with bookmarks, resumes
// from the last resourceVersion it saw when a watch ends or drops, lists again on 410 Gone, and
// backs off (0.8 s doubling to 30 s) while the cluster cannot be reached. A 403 on one kind
// leaves the others running. Every trouble is a problem() in plain words; nothing blocks.
//
// Objects are decoded with the core's JSON codec and handed out as ObservedChanges, in the order
// they arrived. EndpointSlices are folded into the Endpoints of their Service, so that the DNS
// zone logic reads them as it reads the simulation's.
//
// Read-only unless allowed: sendChange() (and the helpers on it) sends nothing and answers with
// an error while allowsChanges() is false.
class LiveClient : public QObject
{
    Q_OBJECT

public:
    explicit LiveClient(const ResolvedContext &context, QObject *parent = nullptr);
    ~LiveClient() override;

    const ResolvedContext &context() const { return m_context; }
    // Only this namespace's objects (nodes and the namespace itself still); empty: all.
    // Takes effect at start().
    void setNamespaceFilter(const QString &ns) { m_namespace = ns; }
    QString namespaceFilter() const { return m_namespace; }
    // Unix time (ms) of virtual time 0, for the objects' timestamps.
    void setEpoch(qint64 epochMs) { m_epochMs = epochMs; }
    qint64 epochMs() const { return m_epochMs; }
    // The first wait after an error and the longest (ms); client-go's 800 ms and 30 s by default.
    void setBackoff(int initialMs, int maxMs);
    // How long a list may take, and a watch may stay silent beyond its timeoutSeconds (ms).
    void setRequestTimeout(int ms) { m_requestTimeoutMs = ms; }

    void start();
    void stop();
    bool isRunning() const { return !m_streams.empty(); }
    // Every kind was listed once, or its list failed (see problems()).
    bool isSynced() const { return m_synced; }
    // Kinds whose first list succeeded.
    int listedKinds() const;
    QStringList problems() const { return m_problems; }
    CredentialSource *credentials() const { return m_credentials.get(); }

    // --- changes (only when allowed) ------------------------------------------------------
    void setAllowChanges(bool allow) { m_allowChanges = allow; }
    bool allowsChanges() const { return m_allowChanges; }
    // status: HTTP status (0 when nothing was sent or the server was not reached); body: the
    // answer; error: plain words, empty on success.
    using Reply = std::function<void(int status, const QByteArray &body, const QString &error)>;
    // Sends one request that changes the cluster (path with its query, e.g.
    // "/api/v1/namespaces/default/pods/web-0"). Returns false, sends nothing and calls done
    // with an error when changes are not allowed.
    bool sendChange(const QByteArray &method, const QString &path, const QByteArray &contentType,
                    const QByteArray &body, const Reply &done);
    bool deletePod(const QString &ns, const QString &name, const Reply &done);
    bool scaleStatefulSet(const QString &ns, const QString &name, int replicas, const Reply &done);
    bool cordonNode(const QString &name, bool cordon, const Reply &done);
    bool setPartition(const QString &ns, const QString &name, int partition, const Reply &done);

Q_SIGNALS:
    // Objects seen, in arrival order: one list (after the first, with removals of what is gone)
    // or the events of one read of a watch.
    void changesSeen(const QList<ordinal::core::ObservedChange> &changes);
    // Every kind was listed once (or failed to be): the first picture is complete.
    void synced();
    // Something went wrong, in words for a person ("Not allowed to list pods in namespace
    // default (403 Forbidden) …"). Each trouble is told once until it clears.
    void problem(const QString &message);
    // A trouble that was told cleared (the kind is watched again).
    void recovered(const QString &resource);

private:
    struct Stream;

    void startList(Stream *stream);
    void startWatch(Stream *stream);
    void send(Stream *stream, const QUrl &url, bool watch);
    QNetworkRequest request(const QUrl &url, const struct Credentials &credentials) const;
    void listFinished(Stream *stream, QNetworkReply *reply);
    void watchData(Stream *stream, QNetworkReply *reply);
    void watchFinished(Stream *stream, QNetworkReply *reply);
    // A failed request: words, then retry after the back-off (relist when gone is true).
    void failed(Stream *stream, const QString &message, bool relist);
    void retryLater(Stream *stream, bool relist);
    void markListed(Stream *stream);
    void report(Stream *stream, const QString &message);
    void clearReport(Stream *stream);
    QString transportError(QNetworkReply *reply, Stream *stream) const;
    QString statusMessage(const QByteArray &body) const;
    // Decodes one object of the stream's kind into changes (EndpointSlices: the Service's
    // Endpoints); false with *error on a malformed object.
    bool decode(Stream *stream, const nlohmann::json &object, bool removed,
                QList<core::ObservedChange> *changes, QString *error);
    QUrl url(const QString &pathAndQuery) const;

    ResolvedContext m_context;
    QString m_namespace;
    qint64 m_epochMs = 0;
    int m_initialBackoffMs = 800;
    int m_maxBackoffMs = 30000;
    int m_requestTimeoutMs = 30000;
    bool m_allowChanges = false;
    bool m_synced = false;
    QSslConfiguration m_tls;
    std::unique_ptr<CredentialSource> m_credentials;
    std::vector<std::unique_ptr<Stream>> m_streams;
    QStringList m_problems;
    QNetworkAccessManager *m_writes = nullptr;
};

} // namespace ordinal::net
