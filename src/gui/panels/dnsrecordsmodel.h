#pragma once

#include "dns/dnsmessage.h"

#include <QAbstractTableModel>

namespace ordinal::gui {

// The records of one DNS answer as a table (section, name, TTL, type, data), the way dig lists
// them, with the answer section first, then authority and additional.
class DnsRecordsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SectionColumn, NameColumn, TtlColumn, TypeColumn, DataColumn, ColumnCount };
    enum class Section { Answer, Authority, Additional };

    explicit DnsRecordsModel(QObject *parent = nullptr);

    void setRecords(const QList<core::DnsRecord> &answer, const QList<core::DnsRecord> &authority,
                    const QList<core::DnsRecord> &additional);
    void clear();
    const core::DnsRecord &record(int row) const { return m_rows.at(row).record; }
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        Section section = Section::Answer;
        core::DnsRecord record;
    };
    QList<Row> m_rows;
};

} // namespace ordinal::gui
