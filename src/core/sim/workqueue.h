#pragma once

#include "api/types.h"

#include <QList>

#include <map>

namespace ordinal::core {

// What the queue can hold. Controller syncs run at the time they are queued (controllers
// react "instantly" in virtual time); kubelet and node-lifecycle steps carry their own delays.
enum class WorkKind {
    SyncStatefulSet,
    SyncEndpoints,
    SchedulePod,
    KubeletStep,
    NodeLifecycle,
    SyncDisruption, // a PodDisruptionBudget's status (disruption controller)
};

struct WorkItem
{
    Millis time = 0;
    qint64 seq = 0;
    WorkKind kind = WorkKind::SyncStatefulSet;
    QString key;   // object key the work is about
    QString uid;   // pod uid for kubelet steps (stale steps of a replaced pod are ignored)
    int step = 0;  // KubeletStep, or a node-lifecycle phase
    qint64 token = 0;
};

// Work items in (time, seq) order. Thousands of pods wait for the same few moments (their
// image pulls, probes and starts take the same time), so items are kept in one list per
// time, in the order they were pushed: with seq increasing on every push, that is seq order.
// A push or pop is a lookup among the distinct times plus an append or a read, not an insert
// into a tree of every item. A value type: a copy (a checkpoint) shares the lists until one
// side changes them.
class WorkQueue
{
public:
    bool isEmpty() const { return m_times.empty(); }
    // The earliest time queued; the queue must not be empty.
    Millis nextTime() const { return m_times.begin()->first; }
    // item.seq must be greater than that of every item pushed before.
    void push(WorkItem item)
    {
        Slot &slot = m_times[item.time];
        if (slot.head > 0 && !slot.items.isDetached()) {
            // Shared with a copy: this side's own list needs only the items still queued.
            slot.items = slot.items.mid(slot.head);
            slot.head = 0;
        }
        slot.items.append(std::move(item));
    }
    // Takes the first item; the queue must not be empty.
    WorkItem pop()
    {
        const auto first = m_times.begin();
        Slot &slot = first->second;
        // Copied, not moved: moving would detach a list a checkpoint still shares.
        WorkItem item = slot.items.at(slot.head++);
        if (slot.head == slot.items.size())
            m_times.erase(first);
        return item;
    }

private:
    struct Slot
    {
        QList<WorkItem> items;
        qsizetype head = 0; // items before it were popped
    };
    std::map<Millis, Slot> m_times;
};

} // namespace ordinal::core
