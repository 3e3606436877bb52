#pragma once

#include "sim/simulation.h"

#include <QElapsedTimer>
#include <QObject>

namespace ordinal::net {

class LiveClient;

// Records what a LiveClient sees into an observe-only Simulation: each batch of changes is
// written at the virtual time the wall clock has reached since recording began (virtual time
// follows the wall clock one to one), as a recorded action, so the timeline can be scrubbed back
// over the live cluster and the history replays it. The simulation stays deterministic: the
// feed is its input, with the time it was seen at.
class LiveRecorder : public QObject
{
    Q_OBJECT

public:
    // sim must be observe-only (ClusterConfig::observeOnly); the client's epoch is set so that
    // the objects' timestamps agree with the virtual clock.
    LiveRecorder(core::Simulation &sim, LiveClient &client, QObject *parent = nullptr);
    ~LiveRecorder() override;

    // The virtual time the wall clock has reached.
    core::Millis virtualNow() const;
    // Stops recording (the client may go on).
    void detach();
    qint64 changesRecorded() const { return m_changes; }

Q_SIGNALS:
    // A batch was written at virtual time `time`.
    void recorded(ordinal::core::Millis time, int changes);

private:
    void record(const QList<core::ObservedChange> &changes);

    core::Simulation *m_sim;
    LiveClient *m_client;
    QElapsedTimer m_wall;
    core::Millis m_start = 0;
    qint64 m_changes = 0;
};

} // namespace ordinal::net
