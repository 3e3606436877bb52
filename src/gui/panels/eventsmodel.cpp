#include "eventsmodel.h"

#include "session.h"

#include "console/printers.h"
#include "console/tablewriter.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStyle>

#include <algorithm>

namespace ordinal::gui {

EventsModel::EventsModel(Session *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    connect(session, &Session::watchEvent, this, [this](const core::WatchEvent &event) {
        if (event.kind == core::ObjectKind::Pod && event.object)
            append(podRow(event));
    });
    connect(session, &Session::decisionMade, this,
            [this](const core::Decision &decision) { append(decisionRow(decision)); });
    connect(session, &Session::historyRewound, this, &EventsModel::reload);
    connect(session, &Session::clusterReset, this, &EventsModel::reload);
    connect(session, &Session::viewChanged, this, &EventsModel::viewTimeChanged);
    reload();
}

EventsModel::Row EventsModel::podRow(const core::WatchEvent &event)
{
    const core::Pod *pod = event.as<core::Pod>();
    Row row;
    row.time = event.time;
    row.cells = core::printers::podRow(*pod, event.time, false);
    if (event.type == core::WatchEventType::Deleted)
        row.note = tr("deleted");
    else if (event.type == core::WatchEventType::Added)
        row.note = tr("added");
    row.objectKind = QStringLiteral("Pod");
    row.objectKey = event.key;
    row.podKey = event.key;
    return row;
}

EventsModel::Row EventsModel::decisionRow(const core::Decision &decision)
{
    Row row;
    row.time = decision.time;
    row.decision = true;
    row.note = decision.message;
    row.controller = decision.controller;
    row.objectKind = decision.objectKind;
    row.objectKey = decision.objectKey;
    const QString ns = decision.objectKey.contains(QLatin1Char('/'))
        ? decision.objectKey.section(QLatin1Char('/'), 0, 0)
        : QString();
    if (decision.objectKind == QLatin1String("Pod"))
        row.podKey = decision.objectKey;
    else if (!decision.subject.isEmpty() && !ns.isEmpty())
        row.podKey = core::objectKey(ns, decision.subject);
    const QString name = decision.subject.isEmpty()
        ? decision.objectKey.section(QLatin1Char('/'), -1)
        : decision.subject;
    row.cells = QStringList{name};
    return row;
}

void EventsModel::reload()
{
    beginResetModel();
    m_rows.clear();
    const core::Simulation &sim = m_session->simulation();
    const auto &events = sim.watchEvents();
    const auto &decisions = sim.decisions();
    m_rows.reserve(events.size() + decisions.size());
    // Merge by time; at the same instant a pod change comes before the decision it caused.
    qsizetype e = 0, d = 0;
    while (e < events.size() || d < decisions.size()) {
        const bool takeEvent = d >= decisions.size()
            || (e < events.size() && events.at(e).time <= decisions.at(d).time);
        if (takeEvent) {
            const core::WatchEvent &event = events.at(e++);
            if (event.kind == core::ObjectKind::Pod && event.object)
                m_rows.append(podRow(event));
        } else {
            m_rows.append(decisionRow(decisions.at(d++)));
        }
    }
    m_shownTime = m_session->viewTime();
    endResetModel();
}

void EventsModel::retranslate()
{
    reload();
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void EventsModel::append(Row row)
{
    // Rows arrive in time order from the live simulation; keep the order if one is late.
    qsizetype at = m_rows.size();
    while (at > 0 && m_rows.at(at - 1).time > row.time)
        --at;
    beginInsertRows({}, int(at), int(at));
    m_rows.insert(at, std::move(row));
    endInsertRows();
}

void EventsModel::viewTimeChanged()
{
    const core::Millis time = m_session->isLive() ? -1 : m_session->viewTime();
    if (time == m_shownTime || m_rows.isEmpty()) {
        m_shownTime = time;
        return;
    }
    m_shownTime = time;
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                       {Qt::ForegroundRole});
}

int EventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return core::goDuration(row.time);
        if (index.column() == NoteColumn) {
            if (row.decision && role == Qt::DisplayRole)
                return row.note;
            if (row.decision)
                return tr("%1: %2").arg(row.controller, row.note);
            return row.note;
        }
        return row.cells.value(index.column() - NameColumn);
    case Qt::DecorationRole:
        if (index.column() == NameColumn && row.decision)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation);
        return {};
    case Qt::FontRole:
        if (row.decision) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (!m_session->isLive() && row.time > m_session->viewTime())
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        if (row.decision)
            return QApplication::palette().brush(QPalette::Link);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == TimeColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case TimeRole:
        return QVariant::fromValue<qint64>(row.time);
    case IsDecisionRole:
        return row.decision;
    case PodKeyRole:
        return row.podKey;
    case ObjectKindRole:
        return row.objectKind;
    case ObjectKeyRole:
        return row.objectKey;
    default:
        return {};
    }
}

QVariant EventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case NameColumn:
        return QStringLiteral("NAME");
    case ReadyColumn:
        return QStringLiteral("READY");
    case StatusColumn:
        return QStringLiteral("STATUS");
    case RestartsColumn:
        return QStringLiteral("RESTARTS");
    case AgeColumn:
        return QStringLiteral("AGE");
    case NoteColumn:
        return tr("Explanation");
    default:
        return {};
    }
}

} // namespace ordinal::gui
