#pragma once

#include "cluster/clusterconfig.h"
#include "cluster/store.h"
#include "console/console.h"
#include "sim/simulation.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace ordinal::core {
class ClusterDns;
}

namespace ordinal::gui {

// A manifest file as applied: its name (for messages and positions) and its text.
using ManifestText = QPair<QString, QByteArray>;

// The GUI's handle on one simulated cluster: owns the Simulation and its Console, maps wall
// time × speed onto virtual time with a timer that runs only while something is scheduled,
// and knows which moment the user is looking at (live, or scrubbed back into history).
// Views never touch the simulation's internals: they read viewStore() and listen to signals.
// Acting while scrubbed back branches history: the later future is discarded (say so in the UI).
class Session : public QObject
{
    Q_OBJECT

public:
    explicit Session(const core::ClusterConfig &config = core::ClusterConfig::defaultCluster(),
                     QObject *parent = nullptr);
    ~Session() override;

    core::Simulation &simulation() { return *m_sim; }
    const core::Simulation &simulation() const { return *m_sim; }
    core::Console &console() { return *m_console; }
    const core::ClusterConfig &config() const { return m_config; }

    // The present of the simulation.
    core::Millis now() const { return m_sim->now(); }
    // The moment shown: now() when live, else a past time.
    core::Millis viewTime() const { return m_live ? m_sim->now() : m_viewTime; }
    bool isLive() const { return m_live; }
    // The store at viewTime() (the live store when live).
    const core::Store &viewStore() const;
    // The DNS zone at viewTime(), rebuilt only when the viewed store changed.
    std::shared_ptr<const core::ClusterDns> dnsAtView() const;
    // The virtual time of the last recorded change (for the timeline's extent).
    core::Millis historyEnd() const;

    // Shared selection across canvas and panels: an object kind ("Pod", "Node", ...) and key.
    QString selectedKind() const { return m_selectedKind; }
    QString selectedKey() const { return m_selectedKey; }
    // Pods to emphasise on the canvas (e.g. the answer of a DNS lookup), by key.
    QStringList highlightedPods() const { return m_highlighted; }

    bool isPlaying() const { return m_playing; }
    double speed() const { return m_speed; }

    // Replaces the simulation with a fresh cluster (File > New, reload).
    void resetCluster(const core::ClusterConfig &config);
    // Shows another simulation from now on and hands back the one shown so far (the live view
    // keeps its recording while the window shows the simulation, and the reverse). Fires
    // clusterReset and viewChanged as resetCluster does.
    std::unique_ptr<core::Simulation> swapSimulation(std::unique_ptr<core::Simulation> sim);
    // Live view: every command and manifest the window would run goes to the gate first; when
    // it answers, the answer stands and the simulation is not touched (a live view's window
    // actions are refused, or sent to the cluster, there). Empty: no gate.
    using CommandGate = std::function<std::optional<core::ConsoleOutput>(const QString &line)>;
    void setCommandGate(CommandGate gate) { m_gate = std::move(gate); }

    // Runs a console command at viewTime() (branching if scrubbed back); the console's output.
    core::ConsoleOutput runCommand(const QString &line, const QString &baseDir = {});
    // Decodes manifest texts (YAML/JSON, as ManifestLoader) and applies them all-or-nothing at
    // viewTime(), through core::Operations as the console's `kubectl apply -f` does: every
    // object of every file is admitted, or nothing changes. Objects without a namespace land
    // in "default", as a file opened in the window always has. On failure the result holds a
    // Status per problem (a file that does not decode, an object refused), each naming
    // file:line:column. manifestsApplied fires on success. dryRun only admits (the YAML
    // panel's check): nothing changes and nothing is recorded. objectCount, when given, is
    // set to the number of objects the files hold.
    core::ApplyResult applyManifests(const QList<ManifestText> &files, bool dryRun = false,
                                     int *objectCount = nullptr);
    // Call before any user action taken through simulation() directly: if the view is in the
    // past, history is cut there first (historyBranched fires).
    void prepareAction();
    // Call after acting through simulation() directly: refreshes views, restarts the clock.
    void actionDone();

public Q_SLOTS:
    void play();
    void pause();
    void setPlaying(bool playing);
    void setSpeed(double speed);          // 0.25 … 16
    void setViewTime(core::Millis time);  // time >= now() goes live
    void goLive();
    void stepToNextEvent();               // advances to the next scheduled change (pauses)
    // Advances the simulation by delta of virtual time at once (tests, screenshots).
    void advanceBy(core::Millis delta);
    void advanceUntilSettled(core::Millis bound = core::kHour);
    void select(const QString &kind, const QString &key);
    void setHighlightedPods(const QStringList &podKeys);

Q_SIGNALS:
    // The shown moment or the shown state changed: redraw.
    void viewChanged();
    // The simulation's present moved.
    void timeChanged(core::Millis now);
    // A change happened in the live simulation (fires while live and while scrubbed).
    void watchEvent(const core::WatchEvent &event);
    // A controller decision was recorded.
    void decisionMade(const core::Decision &decision);
    void playingChanged(bool playing);
    void speedChanged(double speed);
    // An action at a past moment discarded the history after it.
    void historyBranched(core::Millis at);
    // History was cut back (undo or branch): models that keep rows must reload.
    void historyRewound(core::Millis at);
    // The whole simulation was replaced (resetCluster).
    void clusterReset();
    void selectionChanged(const QString &kind, const QString &key);
    void highlightChanged(const QStringList &podKeys);
    // runCommand ran a line that changed the cluster (for the scenario log and autosave).
    void commandRecorded(core::Millis at, const QString &line, const QString &baseDir,
                         const QString &ns);
    // applyManifests applied these files at virtual time `at`.
    void manifestsApplied(core::Millis at, const QList<ManifestText> &files);

private:
    class Relay; // forwards SimulationListener calls to the signals
    void tick();
    void updateClock();

    core::ClusterConfig m_config;
    std::unique_ptr<core::Simulation> m_sim;
    std::unique_ptr<core::Console> m_console;
    std::unique_ptr<Relay> m_relay;
    QTimer m_timer;
    QElapsedTimer m_wall;
    bool m_playing = true;
    double m_speed = 1.0;
    bool m_live = true;
    core::Millis m_viewTime = 0;
    mutable std::optional<core::Store> m_viewStore; // cached store at m_viewTime
    mutable std::shared_ptr<const core::ClusterDns> m_dns;
    mutable qint64 m_dnsVersion = -1;
    mutable core::Millis m_dnsTime = -1;
    QString m_selectedKind;
    QString m_selectedKey;
    QStringList m_highlighted;
    CommandGate m_gate;
};

} // namespace ordinal::gui
