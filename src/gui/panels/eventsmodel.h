#pragma once

#include "cluster/store.h"
#include "sim/decision.h"

#include <QAbstractTableModel>

namespace ordinal::gui {

class Session;

// The event log as a table: one `kubectl get pods -w` row per change of a Pod, interleaved in
// time order with the controllers' Decisions in plain language. Rows are appended as the live
// simulation records them and reloaded from history when it is cut back or replaced; rows
// after the viewed moment (the user scrubbed back) are shown dimmed.
class EventsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, NameColumn, ReadyColumn, StatusColumn, RestartsColumn, AgeColumn,
                  NoteColumn, ColumnCount };
    enum Role {
        TimeRole = Qt::UserRole + 1, // core::Millis of the row
        IsDecisionRole,              // bool
        PodKeyRole,                  // "namespace/name" of the pod the row is about, or empty
        ObjectKindRole,              // "Pod", "StatefulSet", "Node", ...
        ObjectKeyRole,
    };

    explicit EventsModel(Session *session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Rebuilds every row from the simulation's recorded history.
    void reload();
    // Re-reads translated texts (headers, notes) after a language change.
    void retranslate();

private:
    struct Row
    {
        core::Millis time = 0;
        bool decision = false;
        QStringList cells;   // pod rows: NAME READY STATUS RESTARTS AGE
        QString note;        // decision text, or the change type of a pod row
        QString controller;
        QString objectKind;
        QString objectKey;
        QString podKey;
    };
    static Row podRow(const core::WatchEvent &event);
    static Row decisionRow(const core::Decision &decision);
    void append(Row row);
    void viewTimeChanged();

    Session *m_session;
    QList<Row> m_rows;
    core::Millis m_shownTime = -1;
};

} // namespace ordinal::gui
