#include "dnshistorymodel.h"

#include "console/tablewriter.h"

#include <QApplication>
#include <QFont>
#include <QPalette>

namespace ordinal::gui {

DnsHistoryModel::DnsHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DnsHistoryModel::setEntries(const QList<Entry> &entries)
{
    beginResetModel();
    m_entries = entries;
    m_current = -1;
    endResetModel();
}

int DnsHistoryModel::rowAt(core::Millis t) const
{
    int row = -1;
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).time <= t)
            row = i;
    }
    return row;
}

void DnsHistoryModel::setViewTime(core::Millis t)
{
    const int row = rowAt(t);
    if (row == m_current)
        return;
    const int old = m_current;
    m_current = row;
    for (int r : {old, row}) {
        if (r >= 0 && r < rowCount())
            Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1), {Qt::FontRole});
    }
}

void DnsHistoryModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int DnsHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int DnsHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DnsHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return core::goDuration(entry.time);
        case AnswerColumn:
            return entry.answer;
        case PodsColumn:
            return entry.pods;
        default:
            return {};
        }
    case Qt::FontRole:
        if (index.row() == m_current) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (entry.negative)
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case TimeRole:
        return QVariant::fromValue<qint64>(entry.time);
    default:
        return {};
    }
}

QVariant DnsHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("From");
    case AnswerColumn:
        return tr("Answer");
    case PodsColumn:
        return tr("Pods");
    default:
        return {};
    }
}

} // namespace ordinal::gui
