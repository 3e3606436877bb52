#include "liverecorder.h"

#include "liveclient.h"

#include <QDateTime>

namespace ordinal::net {

LiveRecorder::LiveRecorder(core::Simulation &sim, LiveClient &client, QObject *parent)
    : QObject(parent)
    , m_sim(&sim)
    , m_client(&client)
    , m_start(sim.now())
{
    Q_ASSERT(sim.config().observeOnly);
    m_wall.start();
    client.setEpoch(QDateTime::currentMSecsSinceEpoch() - m_start);
    connect(&client, &LiveClient::changesSeen, this, &LiveRecorder::record);
}

LiveRecorder::~LiveRecorder() = default;

core::Millis LiveRecorder::virtualNow() const
{
    return m_start + m_wall.elapsed();
}

void LiveRecorder::detach()
{
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = nullptr;
}

void LiveRecorder::record(const QList<core::ObservedChange> &changes)
{
    const core::Millis t = virtualNow();
    if (t > m_sim->now())
        m_sim->advanceTo(t);
    m_sim->observe(changes);
    m_changes += changes.size();
    Q_EMIT recorded(m_sim->now(), int(changes.size()));
}

} // namespace ordinal::net
