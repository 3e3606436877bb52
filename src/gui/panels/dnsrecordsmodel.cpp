#include "dnsrecordsmodel.h"

#include <QFont>
#include <QFontDatabase>

namespace ordinal::gui {

DnsRecordsModel::DnsRecordsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DnsRecordsModel::setRecords(const QList<core::DnsRecord> &answer,
                                 const QList<core::DnsRecord> &authority,
                                 const QList<core::DnsRecord> &additional)
{
    beginResetModel();
    m_rows.clear();
    for (const core::DnsRecord &r : answer)
        m_rows.append({Section::Answer, r});
    for (const core::DnsRecord &r : authority)
        m_rows.append({Section::Authority, r});
    for (const core::DnsRecord &r : additional)
        m_rows.append({Section::Additional, r});
    endResetModel();
}

void DnsRecordsModel::clear()
{
    setRecords({}, {}, {});
}

void DnsRecordsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, SectionColumn), index(rowCount() - 1, SectionColumn));
}

int DnsRecordsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DnsRecordsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DnsRecordsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == Qt::FontRole && index.column() != SectionColumn)
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case SectionColumn:
        switch (row.section) {
        case Section::Answer:
            return tr("answer");
        case Section::Authority:
            return tr("authority");
        case Section::Additional:
            return tr("additional");
        }
        return {};
    case NameColumn:
        return row.record.name;
    case TtlColumn:
        return row.record.ttl;
    case TypeColumn:
        return core::DnsType::toString(row.record.type);
    case DataColumn:
        return row.record.rdataText();
    default:
        return {};
    }
}

QVariant DnsRecordsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SectionColumn:
        return tr("Section");
    case NameColumn:
        return tr("Name");
    case TtlColumn:
        return QStringLiteral("TTL");
    case TypeColumn:
        return tr("Type");
    case DataColumn:
        return tr("Data");
    default:
        return {};
    }
}

} // namespace ordinal::gui
