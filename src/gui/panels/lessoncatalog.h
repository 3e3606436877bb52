#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ordinal::gui {

// One step of a guided lesson: what to understand, the console command that shows it, and
// what to look at on the canvas while it runs.
struct LessonStep
{
    QString title;
    QString explanation;
    QString command;
    QString watch;
};

// A guided lesson or an example: steps run in order against a fresh cluster, with relative
// manifest paths resolved in baseDir (a resource folder such as ":/content/examples/parallel").
struct Lesson
{
    QString id;
    QString title;
    QString summary;
    QString baseDir;
    QList<LessonStep> steps;
};

// The built-in lesson ("StatefulSet topology state", after the commands of the seed lesson)
// and the examples (Parallel policy, partitioned rolling update, node failure, a ZooKeeper-like
// ensemble). Texts are translated when lessons() is called, so call it again after a language
// change. Every command is a console command (console.md) and succeeds when the steps run in
// order with the cluster settling between them.
class LessonCatalog
{
    Q_DECLARE_TR_FUNCTIONS(LessonCatalog)

public:
    static QList<Lesson> lessons();
    // Makes the lesson and example files (":/lessons/…", ":/content/…") available.
    static void initResources();
};

} // namespace ordinal::gui
