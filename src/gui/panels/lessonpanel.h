#pragma once

#include "lessoncatalog.h"

#include "console/console.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace ordinal::gui {

class LessonStepsModel;
class Session;

// The Lesson dock: the guided lesson and the examples as steps. Each step explains an idea in
// plain words, runs its console command on demand and says what to watch on the canvas;
// a list, previous/next and a progress bar keep the learner oriented. Starting a lesson
// begins from a fresh cluster.
class LessonPanel : public QWidget
{
    Q_OBJECT

public:
    explicit LessonPanel(Session *session, QWidget *parent = nullptr);

    QList<Lesson> lessons() const { return m_lessons; }
    int currentLesson() const { return m_lessonIndex; }
    // Shows a lesson's steps (without touching the cluster).
    void setLesson(int index);
    // Shows a lesson and starts it on a fresh cluster (Session::resetCluster), at step 1.
    void startLesson(int index);
    int currentStep() const;
    void setCurrentStep(int step);
    int stepCount() const;
    // Runs the current step's command through the session; returns the console's output,
    // which the panel shows under the step. A step whose command changed the cluster runs
    // once: asked again, it says so and runs nothing (exit code 0, empty text).
    core::ConsoleOutput runCurrentStep();
    // Whether a step's command changes the cluster (running it twice is not the same as once).
    static bool changesCluster(const QString &command);
    // The output of the last command run from this panel, as shown.
    QString outputText() const;
    QString resultText() const;
    void nextStep();
    void previousStep();
    LessonStepsModel *stepsModel() const { return m_steps; }
    QString explanationText() const;
    // "Step 3 of 13 · Create the StatefulSet", for a caption.
    // "Step 2 of 13 · Check the Service" once a lesson was started or a step run; empty before.
    QString currentStepCaption() const;

    void retranslateUi();

Q_SIGNALS:
    // A step's command ran (for the console panel's transcript).
    void commandRun(const QString &command, const QString &output, int exitCode);
    // A step applied a manifest file (for the YAML panel): its text and file name.
    void documentRequested(const QString &text, const QString &fileName);
    // Another step (or lesson) is shown.
    void stepShown();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showStep();
    void requestDocuments(const QString &command);
    bool alreadyRan(int step) const;
    QString alreadyRanText() const;

    Session *m_session;
    QList<Lesson> m_lessons;
    int m_lessonIndex = 0;
    LessonStepsModel *m_steps;
    QComboBox *m_lessonCombo;
    QPushButton *m_start;
    bool m_started = false; // a lesson was started (the presenter strip names its step)
    QLabel *m_summary;
    QListView *m_stepList;
    QProgressBar *m_progress;
    QLabel *m_stepTitle;
    QLabel *m_explanation;
    QLabel *m_commandLabel;
    QLineEdit *m_command;
    QPushButton *m_run;
    QLabel *m_watchLabel;
    QLabel *m_watch;
    QLabel *m_result;
    QPlainTextEdit *m_output;
    QPushButton *m_previous;
    QPushButton *m_next;
};

} // namespace ordinal::gui
