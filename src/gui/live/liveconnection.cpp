#include "liveconnection.h"

#include "connectdialog.h"
#include "session.h"

#include "liveclient.h"
#include "liverecorder.h"
#include "livescript.h"

#include "api/json.h"

#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>

#include <nlohmann/json.hpp>

namespace ordinal::gui {

LiveConnection::LiveConnection(Session *session, QMainWindow *window)
    : QObject(window)
    , m_session(session)
    , m_window(window)
{
    m_connectAction = new QAction(this);
    m_connectAction->setObjectName(QStringLiteral("connectClusterAction"));
    connect(m_connectAction, &QAction::triggered, this, &LiveConnection::showConnectDialog);
    m_backAction = new QAction(this);
    m_backAction->setObjectName(QStringLiteral("backToSimulationAction"));
    m_backAction->setEnabled(false);
    connect(m_backAction, &QAction::triggered, this, &LiveConnection::backToSimulation);
    m_importAction = new QAction(this);
    m_importAction->setObjectName(QStringLiteral("importLiveAction"));
    m_importAction->setEnabled(false);
    connect(m_importAction, &QAction::triggered, this,
            [this]() { m_window->statusBar()->showMessage(importIntoSimulation(), 10000); });
    m_badge = new QLabel(window);
    m_badge->setObjectName(QStringLiteral("liveBadge"));
    m_badge->setStyleSheet(QStringLiteral(
        "QLabel { background: #c62828; color: white; font-weight: bold; border-radius: 3px;"
        " padding: 1px 8px; }"));
    m_badge->hide();
    window->statusBar()->addPermanentWidget(m_badge);
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(m_window, tr("Change the cluster?"), question,
                                     QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    };
    retranslate();
}

LiveConnection::~LiveConnection()
{
    m_session->setCommandGate({});
}

void LiveConnection::retranslate()
{
    m_connectAction->setText(tr("Connect to &Cluster…"));
    m_connectAction->setStatusTip(tr("Watch a real Kubernetes cluster from a kubeconfig"));
    m_backAction->setText(tr("&Back to the Simulation"));
    m_importAction->setText(tr("&Import into Simulation"));
    m_importAction->setStatusTip(
        tr("Make manifests of the Services and StatefulSets seen live and apply them to the "
           "simulation"));
    updateBadge();
}

bool LiveConnection::allowsChanges() const
{
    return m_client && m_client->allowsChanges();
}

void LiveConnection::showConnectDialog()
{
    ConnectDialog dialog(m_window);
    if (dialog.exec() != QDialog::Accepted || !dialog.resolved())
        return;
    connectTo(*dialog.resolved(), dialog.namespaceFilter(), dialog.allowChanges());
}

void LiveConnection::connectTo(const net::ResolvedContext &context, const QString &namespaceFilter,
                               bool allowChanges)
{
    const bool wasLive = isConnected();
    m_recorder.reset();
    m_script.reset();
    m_client.reset();
    if (!wasLive)
        m_simulationTitle = m_window->windowTitle();
    core::ClusterConfig observed = core::ClusterConfig::defaultCluster();
    observed.observeOnly = true;
    std::unique_ptr<core::Simulation> previous
        = m_session->swapSimulation(std::make_unique<core::Simulation>(observed));
    if (!wasLive)
        m_parked = std::move(previous);
    m_session->console().setCurrentNamespace(namespaceFilter.isEmpty() ? context.namespaceName
                                                                       : namespaceFilter);
    m_client = std::make_unique<net::LiveClient>(context);
    m_client->setNamespaceFilter(namespaceFilter);
    m_client->setAllowChanges(allowChanges);
    m_recorder = std::make_unique<net::LiveRecorder>(m_session->simulation(), *m_client);
    m_script = std::make_unique<net::LiveScript>(m_session->console(), *m_client);
    connect(m_recorder.get(), &net::LiveRecorder::recorded, m_session, &Session::actionDone);
    connect(m_client.get(), &net::LiveClient::problem, this, [this](const QString &message) {
        m_window->statusBar()->showMessage(message, 15000);
        updateBadge();
    });
    connect(m_client.get(), &net::LiveClient::recovered, this, &LiveConnection::updateBadge);
    connect(m_client.get(), &net::LiveClient::synced, this, [this]() {
        if (m_client && m_client->listedKinds() == 0)
            QMessageBox::warning(m_window, tr("Cannot read the cluster"),
                                 m_client->problems().join(QLatin1Char('\n')));
    });
    m_session->setCommandGate([this](const QString &line) { return gate(line); });
    m_client->start();
    m_backAction->setEnabled(true);
    m_importAction->setEnabled(true);
    m_window->setWindowTitle(
        tr("%1 (context %2) — Live — Ordinal").arg(context.clusterName, context.contextName));
    updateBadge();
    Q_EMIT liveChanged(true);
}

void LiveConnection::backToSimulation()
{
    if (!isConnected())
        return;
    m_recorder.reset();
    m_script.reset();
    m_client.reset();
    m_session->setCommandGate({});
    m_kept = m_session->swapSimulation(m_parked ? std::move(m_parked)
                                                : std::make_unique<core::Simulation>());
    m_backAction->setEnabled(false);
    m_importAction->setEnabled(m_kept != nullptr);
    m_window->setWindowTitle(m_simulationTitle);
    updateBadge();
    Q_EMIT liveChanged(false);
}

QString LiveConnection::importIntoSimulation()
{
    const core::Simulation *recording = isConnected() ? &m_session->simulation() : m_kept.get();
    if (!recording)
        return tr("Nothing was seen live yet.");
    const core::Store &store = recording->store();
    // What a user would write: spec and labels, not what the cluster filled in.
    const auto manifest = [](nlohmann::json object) {
        object.erase("status");
        nlohmann::json &meta = object["metadata"];
        for (const char *field : { "uid", "resourceVersion", "creationTimestamp", "generation",
                                   "ownerReferences", "managedFields", "deletionTimestamp" })
            meta.erase(field);
        return QByteArray::fromStdString(object.dump(2));
    };
    static const QStringList system
        = { QStringLiteral("kube-system"), QStringLiteral("kube-public"),
            QStringLiteral("kube-node-lease") };
    QList<ManifestText> files;
    QSet<QString> namespaces;
    QStringList names;
    for (const core::Service &service : store.all<core::Service>()) {
        const QString &ns = service.metadata.namespaceName;
        if (system.contains(ns)
            || (ns == QLatin1String("default")
                && service.metadata.name == QLatin1String("kubernetes")))
            continue;
        nlohmann::json json = core::apijson::toJson(service, 0);
        // A ClusterIP is the simulation's to hand out; a headless Service stays headless.
        if (!service.isHeadless()) {
            json["spec"].erase("clusterIP");
            json["spec"].erase("clusterIPs");
        }
        namespaces.insert(ns);
        names << QStringLiteral("service/") + service.metadata.name;
        files << ManifestText(QStringLiteral("%1-service-%2.json").arg(ns, service.metadata.name),
                              manifest(json));
    }
    for (const core::StatefulSet &set : store.all<core::StatefulSet>()) {
        const QString &ns = set.metadata.namespaceName;
        if (system.contains(ns))
            continue;
        namespaces.insert(ns);
        names << QStringLiteral("statefulset/") + set.metadata.name;
        files << ManifestText(QStringLiteral("%1-statefulset-%2.json").arg(ns, set.metadata.name),
                              manifest(core::apijson::toJson(set, 0)));
    }
    if (files.isEmpty())
        return tr("No Service or StatefulSet was seen outside the system namespaces.");
    QList<ManifestText> all;
    for (const QString &ns : namespaces) {
        if (ns == QLatin1String("default"))
            continue;
        all << ManifestText(QStringLiteral("namespace-%1.json").arg(ns),
                            QStringLiteral("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\","
                                           "\"metadata\":{\"name\":\"%1\"}}")
                                .arg(ns)
                                .toUtf8());
    }
    all << files;
    backToSimulation();
    const core::ActionResult result = m_session->applyManifests(all);
    if (!result.ok)
        return tr("The seen objects could not be applied to the simulation: %1").arg(result.error);
    return tr("Imported into the simulation: %1").arg(names.join(QStringLiteral(", ")));
}

void LiveConnection::updateBadge()
{
    if (!m_client) {
        m_badge->hide();
        return;
    }
    const net::ResolvedContext &c = m_client->context();
    m_badge->setText(m_client->allowsChanges()
                         ? tr("LIVE · %1 · changes allowed").arg(c.clusterName)
                         : tr("LIVE · %1 · read-only").arg(c.clusterName));
    QString tip = tr("Watching %1 (context %2)").arg(c.server, c.contextName);
    if (!m_client->problems().isEmpty())
        tip += QLatin1Char('\n') + m_client->problems().join(QLatin1Char('\n'));
    m_badge->setToolTip(tip);
    m_badge->show();
}

std::optional<core::ConsoleOutput> LiveConnection::gate(const QString &line)
{
    QStringList tokens;
    core::Console::tokenize(line, &tokens);
    const net::CommandEffect effect = net::commandEffect(tokens);
    if (effect == net::CommandEffect::Reads)
        return std::nullopt; // the console answers from the live recording
    const net::ResolvedContext &c = m_client->context();
    core::ConsoleOutput refused;
    refused.exitCode = 1;
    if (effect != net::CommandEffect::Changes) {
        refused.text = tr("\"%1\" belongs to the simulation; the live view of %2 only reads it.")
                           .arg(line, c.clusterName)
            + QLatin1Char('\n');
        return refused;
    }
    if (!m_client->allowsChanges()) {
        refused.text = tr("Cluster %1 (context %2) is shown read-only: nothing was sent. Connect "
                          "again with Allow changes to change it.")
                           .arg(c.clusterName, c.contextName)
            + QLatin1Char('\n');
        return refused;
    }
    if (!m_confirm(tr("Send this change to cluster %1 (context %2)?\n\n%3")
                       .arg(c.clusterName, c.contextName, line))) {
        refused.text = tr("Not sent.") + QLatin1Char('\n');
        return refused;
    }
    QString text;
    QTextStream out(&text);
    const int code = m_script->runLine(line, out);
    out.flush();
    core::ConsoleOutput sent;
    sent.exitCode = code;
    sent.text = text.section(QLatin1Char('\n'), 1); // without the "$ line" echo
    return sent;
}

} // namespace ordinal::gui
