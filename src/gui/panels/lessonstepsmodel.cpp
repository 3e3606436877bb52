#include "lessonstepsmodel.h"

#include <QApplication>
#include <QFont>
#include <QStyle>

namespace ordinal::gui {

LessonStepsModel::LessonStepsModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void LessonStepsModel::setLesson(const Lesson &lesson)
{
    beginResetModel();
    m_lesson = lesson;
    m_current = 0;
    m_done.clear();
    endResetModel();
}

void LessonStepsModel::updateTexts(const Lesson &lesson)
{
    if (lesson.steps.size() != m_lesson.steps.size()) {
        setLesson(lesson);
        return;
    }
    m_lesson = lesson;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

void LessonStepsModel::setCurrent(int step)
{
    if (step == m_current || step < 0 || step >= rowCount())
        return;
    const int old = m_current;
    m_current = step;
    Q_EMIT dataChanged(index(old), index(old));
    Q_EMIT dataChanged(index(step), index(step));
}

void LessonStepsModel::setDone(int step, bool done)
{
    if (step < 0 || step >= rowCount() || isDone(step) == done)
        return;
    if (done)
        m_done.insert(step);
    else
        m_done.remove(step);
    Q_EMIT dataChanged(index(step), index(step));
}

int LessonStepsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lesson.steps.size());
}

QVariant LessonStepsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LessonStep &step = m_lesson.steps.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1. %2").arg(index.row() + 1).arg(step.title);
    case Qt::ToolTipRole:
    case CommandRole:
        return step.command;
    case Qt::DecorationRole:
        // Done steps are ticked, the current one points; the rest stay plain.
        if (isDone(index.row()))
            return QApplication::style()->standardIcon(QStyle::SP_DialogApplyButton);
        if (index.row() == m_current)
            return QApplication::style()->standardIcon(QStyle::SP_ArrowRight);
        return {};
    case Qt::FontRole:
        if (index.row() == m_current) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case DoneRole:
        return isDone(index.row());
    default:
        return {};
    }
}

} // namespace ordinal::gui
