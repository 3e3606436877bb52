#include "session.h"

#include "dns/clusterdns.h"
#include "io/manifestloader.h"
#include "sim/operations.h"

#include <algorithm>

namespace ordinal::gui {

namespace {
constexpr int kFrameInterval = 16; // ms of wall time between clock ticks while playing
} // namespace

class Session::Relay : public core::SimulationListener
{
public:
    explicit Relay(Session *session)
        : m_session(session)
    {
    }
    void watchEvent(const core::WatchEvent &event) override { Q_EMIT m_session->watchEvent(event); }
    void decisionMade(const core::Decision &decision) override
    {
        Q_EMIT m_session->decisionMade(decision);
    }
    void timeChanged(core::Millis now) override { Q_EMIT m_session->timeChanged(now); }
    void historyRewound(core::Millis time) override { Q_EMIT m_session->historyRewound(time); }

private:
    Session *m_session;
};

Session::Session(const core::ClusterConfig &config, QObject *parent)
    : QObject(parent)
    , m_relay(std::make_unique<Relay>(this))
{
    m_timer.setInterval(kFrameInterval);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Session::tick);
    resetCluster(config);
}

Session::~Session()
{
    if (m_sim)
        m_sim->removeListener(m_relay.get());
}

void Session::resetCluster(const core::ClusterConfig &config)
{
    swapSimulation(std::make_unique<core::Simulation>(config));
}

std::unique_ptr<core::Simulation> Session::swapSimulation(std::unique_ptr<core::Simulation> sim)
{
    if (m_sim)
        m_sim->removeListener(m_relay.get());
    m_console.reset();
    std::unique_ptr<core::Simulation> previous = std::exchange(m_sim, std::move(sim));
    m_config = m_sim->config();
    m_console = std::make_unique<core::Console>(*m_sim);
    m_sim->addListener(m_relay.get());
    m_live = true;
    m_viewStore.reset();
    m_dns.reset();
    m_dnsVersion = -1;
    Q_EMIT clusterReset();
    Q_EMIT viewChanged();
    updateClock();
    return previous;
}

const core::Store &Session::viewStore() const
{
    if (m_live)
        return m_sim->store();
    if (!m_viewStore)
        m_viewStore = m_sim->storeAt(m_viewTime);
    return *m_viewStore;
}

std::shared_ptr<const core::ClusterDns> Session::dnsAtView() const
{
    const core::Store &store = viewStore();
    if (!m_dns || m_dnsVersion != store.resourceVersion() || m_dnsTime != viewTime()) {
        m_dns = core::ClusterDns::build(store, m_config, viewTime(), m_dns.get());
        m_dnsVersion = store.resourceVersion();
        m_dnsTime = viewTime();
    }
    return m_dns;
}

core::Millis Session::historyEnd() const
{
    return m_sim->now();
}

core::ConsoleOutput Session::runCommand(const QString &line, const QString &baseDir)
{
    if (m_gate) {
        if (std::optional<core::ConsoleOutput> answer = m_gate(line))
            return *answer;
    }
    prepareAction();
    const qsizetype before = m_sim->actionCount();
    const core::Millis at = m_sim->now();
    const QString ns = m_console->currentNamespace();
    core::ConsoleOutput out = m_console->executeInteractive(line, baseDir);
    if (m_sim->actionCount() > before)
        Q_EMIT commandRecorded(at, line, baseDir, ns);
    actionDone();
    return out;
}

core::ApplyResult Session::applyManifests(const QList<ManifestText> &files, bool dryRun,
                                          int *objectCount)
{
    if (m_gate && !files.isEmpty()) {
        if (std::optional<core::ConsoleOutput> answer
            = m_gate(QStringLiteral("kubectl apply -f ") + files.first().first)) {
            core::ApplyResult refused;
            static_cast<core::ActionResult &>(refused)
                = core::ActionResult::failure(answer->text.trimmed());
            return refused;
        }
    }
    QList<core::ManifestObject> objects;
    core::ApplyResult failed;
    failed.ok = false;
    QStringList warnings;
    for (const ManifestText &file : files) {
        const core::LoadResult loaded = core::ManifestLoader::loadText(file.second, file.first);
        for (const core::ManifestError &e : loaded.errors) {
            // The loader's message is already worded as kubectl prints it.
            core::ApiStatus status = core::ApiStatus::badRequest(e.message);
            status.printed = e.message;
            status.pos = e.pos;
            failed.errors << status;
        }
        warnings += loaded.warnings;
        objects += loaded.objects;
    }
    if (objectCount)
        *objectCount = int(objects.size());
    if (failed.errors.isEmpty() && objects.isEmpty() && !dryRun) {
        // As kubectl: what was skipped (unknown kinds), then why nothing happened.
        const QString message = tr("error: no objects passed to apply");
        core::ApiStatus status = core::ApiStatus::badRequest(message);
        status.printed = (warnings + QStringList { message }).join(QLatin1Char('\n'));
        failed.errors << status;
    }
    if (!failed.errors.isEmpty()) {
        QStringList texts;
        for (const core::ApiStatus &status : std::as_const(failed.errors))
            texts << status.kubectlText();
        failed.error = texts.join(QLatin1Char('\n'));
        return failed;
    }
    if (dryRun) // nothing to admit is not a problem yet, only when it is applied
        return core::Operations(*m_sim).apply(objects, false, true);
    prepareAction();
    const core::Millis at = m_sim->now();
    core::ApplyResult result = core::Operations(*m_sim).apply(objects, false);
    if (result.ok)
        Q_EMIT manifestsApplied(at, files);
    actionDone();
    return result;
}

void Session::prepareAction()
{
    if (m_live)
        return;
    const core::Millis at = m_viewTime;
    const bool discards = m_sim->now() > at;
    m_sim->rewindTo(at);
    m_live = true;
    m_viewStore.reset();
    if (discards)
        Q_EMIT historyBranched(at);
}

void Session::actionDone()
{
    m_viewStore.reset();
    Q_EMIT viewChanged();
    updateClock();
}

void Session::play()
{
    setPlaying(true);
}

void Session::pause()
{
    setPlaying(false);
}

void Session::setPlaying(bool playing)
{
    if (m_playing == playing)
        return;
    m_playing = playing;
    Q_EMIT playingChanged(playing);
    updateClock();
}

void Session::setSpeed(double speed)
{
    speed = std::clamp(speed, 0.25, 16.0);
    if (qFuzzyCompare(speed, m_speed))
        return;
    m_speed = speed;
    Q_EMIT speedChanged(speed);
}

void Session::setViewTime(core::Millis time)
{
    time = std::max<core::Millis>(0, time);
    if (time >= m_sim->now()) {
        goLive();
        return;
    }
    if (!m_live && time == m_viewTime)
        return;
    m_live = false;
    m_viewTime = time;
    m_viewStore.reset();
    updateClock();
    Q_EMIT viewChanged();
}

void Session::goLive()
{
    if (m_live)
        return;
    m_live = true;
    m_viewStore.reset();
    updateClock();
    Q_EMIT viewChanged();
}

void Session::stepToNextEvent()
{
    setPlaying(false);
    if (!m_live) {
        // Step through history: the next recorded change after the viewed moment.
        const auto &events = m_sim->watchEvents();
        const auto next = std::find_if(events.cbegin(), events.cend(),
                                       [&](const auto &e) { return e.time > m_viewTime; });
        setViewTime(next == events.cend() ? m_sim->now() : next->time);
        return;
    }
    if (const std::optional<core::Millis> next = m_sim->nextWorkTime()) {
        m_sim->advanceTo(*next);
        Q_EMIT viewChanged();
    }
}

void Session::advanceBy(core::Millis delta)
{
    m_sim->advanceTo(m_sim->now() + delta);
    Q_EMIT viewChanged();
}

void Session::advanceUntilSettled(core::Millis bound)
{
    m_sim->advanceUntilSettled(m_sim->now() + bound);
    Q_EMIT viewChanged();
}

void Session::select(const QString &kind, const QString &key)
{
    if (kind == m_selectedKind && key == m_selectedKey)
        return;
    m_selectedKind = kind;
    m_selectedKey = key;
    Q_EMIT selectionChanged(kind, key);
}

void Session::setHighlightedPods(const QStringList &podKeys)
{
    if (podKeys == m_highlighted)
        return;
    m_highlighted = podKeys;
    Q_EMIT highlightChanged(podKeys);
}

void Session::updateClock()
{
    // The clock runs only while playing live and something is scheduled to change.
    const bool run = m_playing && m_live && !m_sim->isSettled();
    if (run && !m_timer.isActive()) {
        m_wall.start();
        m_timer.start();
    } else if (!run && m_timer.isActive()) {
        m_timer.stop();
    }
}

void Session::tick()
{
    const qint64 elapsed = m_wall.restart();
    const auto delta = core::Millis(double(elapsed) * m_speed);
    if (delta > 0)
        m_sim->advanceTo(m_sim->now() + delta);
    Q_EMIT viewChanged();
    updateClock();
}

} // namespace ordinal::gui
