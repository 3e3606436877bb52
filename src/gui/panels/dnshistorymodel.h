#pragma once

#include "api/types.h"

#include <QAbstractTableModel>

namespace ordinal::gui {

// The answers one DNS question got over virtual time: one row per moment the answer changed
// (same name, new IP after a pod was recreated). Filled by DnsPanel from the recorded history.
class DnsHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, AnswerColumn, PodsColumn, ColumnCount };
    enum Role { TimeRole = Qt::UserRole + 1 };

    struct Entry
    {
        core::Millis time = 0;
        QString answer; // addresses, or the rcode when there are none
        QString pods;   // pods holding the addresses
        bool negative = false;
    };

    explicit DnsHistoryModel(QObject *parent = nullptr);

    void setEntries(const QList<Entry> &entries);
    const QList<Entry> &entries() const { return m_entries; }
    // The row in effect at time t (the last entry at or before t), or -1.
    int rowAt(core::Millis t) const;
    // Marks the row in effect at the viewed moment (shown bold).
    void setViewTime(core::Millis t);
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Entry> m_entries;
    int m_current = -1;
};

} // namespace ordinal::gui
