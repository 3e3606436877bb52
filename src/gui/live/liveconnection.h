#pragma once

#include "console/console.h"
#include "kubeconfig.h"
#include "sim/simulation.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QAction;
class QLabel;
class QMainWindow;

namespace ordinal::net {
class LiveClient;
class LiveRecorder;
class LiveScript;
} // namespace ordinal::net

namespace ordinal::gui {

class Session;

// The window's live view of a real cluster (docs/live.md): File ▸ Connect to Cluster… and
// `ordinal --kubeconfig`. While connected, the window shows an observe-only simulation fed by a
// LiveClient (so the canvas, DNS panel, events and timeline work as for the simulation), a Live
// badge and the cluster's name in the title. Every window action reaches the session's command
// gate: reading commands run on the console, changing ones are refused unless Allow changes
// was chosen, and then each asks first (naming cluster and context) and goes to the real API.
// Back to the Simulation keeps the recording; connecting again starts a new one.
class LiveConnection : public QObject
{
    Q_OBJECT

public:
    LiveConnection(Session *session, QMainWindow *window);
    ~LiveConnection() override;

    QAction *connectAction() const { return m_connectAction; }
    QAction *backAction() const { return m_backAction; }
    QAction *importAction() const { return m_importAction; }
    void retranslate();

    // Connects the window (closing a live view already open).
    void connectTo(const net::ResolvedContext &context, const QString &namespaceFilter,
                   bool allowChanges);
    bool isConnected() const { return m_client != nullptr; }
    bool allowsChanges() const;
    net::LiveClient *client() const { return m_client.get(); }
    // The live recording kept after going back to the simulation (nullptr when none).
    const core::Simulation *keptRecording() const { return m_kept.get(); }
    // Asks the user before a change is sent; tests replace it.
    void setConfirm(std::function<bool(const QString &question)> confirm)
    {
        m_confirm = std::move(confirm);
    }

public Q_SLOTS:
    void showConnectDialog();
    // Shows the simulation again; the live recording is kept.
    void backToSimulation();
    // Turns the Services and StatefulSets seen live (and their namespaces) into manifests and
    // applies them to the simulation, going back to it: the cluster's apps to experiment on
    // offline. Returns what was applied (or the error) in words.
    QString importIntoSimulation();

Q_SIGNALS:
    // Connected or back to the simulation.
    void liveChanged(bool live);

private:
    std::optional<core::ConsoleOutput> gate(const QString &line);
    void updateBadge();

    Session *m_session;
    QMainWindow *m_window;
    QAction *m_connectAction;
    QAction *m_backAction;
    QAction *m_importAction;
    QLabel *m_badge;
    QString m_simulationTitle;
    std::unique_ptr<net::LiveClient> m_client;
    std::unique_ptr<net::LiveRecorder> m_recorder;
    std::unique_ptr<net::LiveScript> m_script;
    std::unique_ptr<core::Simulation> m_parked; // the simulation while live
    std::unique_ptr<core::Simulation> m_kept; // the live recording after going back
    std::function<bool(const QString &)> m_confirm;
};

} // namespace ordinal::gui
