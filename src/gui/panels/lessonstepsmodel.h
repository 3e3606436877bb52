#pragma once

#include "lessoncatalog.h"

#include <QAbstractListModel>
#include <QSet>

namespace ordinal::gui {

// The steps of one lesson as a list: numbered titles, the current step in bold, steps whose
// command ran successfully marked done.
class LessonStepsModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { CommandRole = Qt::UserRole + 1, DoneRole };

    explicit LessonStepsModel(QObject *parent = nullptr);

    void setLesson(const Lesson &lesson);
    // Replaces the texts (after a language change) keeping progress.
    void updateTexts(const Lesson &lesson);
    const Lesson &lesson() const { return m_lesson; }
    void setCurrent(int step);
    int current() const { return m_current; }
    void setDone(int step, bool done);
    bool isDone(int step) const { return m_done.contains(step); }
    int doneCount() const { return int(m_done.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    Lesson m_lesson;
    int m_current = 0;
    QSet<int> m_done;
};

} // namespace ordinal::gui
