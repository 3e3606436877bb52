#include "lessonpanel.h"

#include "lessonstepsmodel.h"
#include "session.h"

#include "console/console.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

namespace ordinal::gui {

LessonPanel::LessonPanel(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_lessons(LessonCatalog::lessons())
    , m_steps(new LessonStepsModel(this))
    , m_lessonCombo(new QComboBox(this))
    , m_start(new QPushButton(this))
    , m_summary(new QLabel(this))
    , m_stepList(new QListView(this))
    , m_progress(new QProgressBar(this))
    , m_stepTitle(new QLabel(this))
    , m_explanation(new QLabel(this))
    , m_commandLabel(new QLabel(this))
    , m_command(new QLineEdit(this))
    , m_run(new QPushButton(this))
    , m_watchLabel(new QLabel(this))
    , m_watch(new QLabel(this))
    , m_result(new QLabel(this))
    , m_output(new QPlainTextEdit(this))
    , m_previous(new QPushButton(this))
    , m_next(new QPushButton(this))
{
    setObjectName(QStringLiteral("LessonPanel"));
    m_lessonCombo->setObjectName(QStringLiteral("lessonCombo"));
    m_summary->setWordWrap(true);
    m_stepList->setModel(m_steps);
    m_stepList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_stepList->setObjectName(QStringLiteral("lessonSteps"));
    QFont bold = m_stepTitle->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_stepTitle->setFont(bold);
    m_stepTitle->setWordWrap(true);
    for (QLabel *label : {m_explanation, m_watch, m_result}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_explanation->setObjectName(QStringLiteral("lessonExplanation"));
    m_result->setObjectName(QStringLiteral("lessonResult"));
    // The step's output right under it: the point of a step (CLUSTER-IP None, an address) is
    // seen where the learner looks, whichever panel is in front.
    m_output->setObjectName(QStringLiteral("lessonOutput"));
    m_output->setReadOnly(true);
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->setMinimumHeight(m_output->fontMetrics().lineSpacing() * 5);
    m_output->hide();
    m_command->setReadOnly(true);
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_run->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_run->setDefault(true);
    m_previous->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    m_next->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    QFont watchFont = m_watchLabel->font();
    watchFont.setBold(true);
    m_watchLabel->setFont(watchFont);
    m_commandLabel->setFont(watchFont);

    auto *top = new QHBoxLayout;
    top->addWidget(m_lessonCombo, 1);
    top->addWidget(m_start);

    auto *stepBox = new QFrame(this);
    stepBox->setFrameShape(QFrame::StyledPanel);
    auto *stepLayout = new QVBoxLayout(stepBox);
    stepLayout->addWidget(m_stepTitle);
    stepLayout->addWidget(m_explanation);
    stepLayout->addWidget(m_commandLabel);
    auto *commandRow = new QHBoxLayout;
    commandRow->addWidget(m_command, 1);
    commandRow->addWidget(m_run);
    stepLayout->addLayout(commandRow);
    stepLayout->addWidget(m_watchLabel);
    stepLayout->addWidget(m_watch);
    stepLayout->addWidget(m_result);
    stepLayout->addWidget(m_output, 1);
    stepLayout->addStretch(0);

    auto *navigation = new QHBoxLayout;
    navigation->addWidget(m_previous);
    navigation->addWidget(m_progress, 1);
    navigation->addWidget(m_next);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_stepList, 2);
    layout->addWidget(stepBox, 3);
    layout->addLayout(navigation);

    for (const Lesson &lesson : std::as_const(m_lessons))
        m_lessonCombo->addItem(lesson.title, lesson.id);
    connect(m_lessonCombo, &QComboBox::currentIndexChanged, this, &LessonPanel::setLesson);
    connect(m_start, &QPushButton::clicked, this,
            [this] { startLesson(m_lessonCombo->currentIndex()); });
    connect(m_run, &QPushButton::clicked, this, &LessonPanel::runCurrentStep);
    // A cluster started again (File > New, Reload) has run none of the steps.
    connect(m_session, &Session::clusterReset, this, [this] {
        const int step = currentStep();
        m_steps->setLesson(m_steps->lesson());
        m_steps->setCurrent(step);
        m_output->clear();
        m_output->hide();
        showStep();
    });
    connect(m_previous, &QPushButton::clicked, this, &LessonPanel::previousStep);
    connect(m_next, &QPushButton::clicked, this, &LessonPanel::nextStep);
    connect(m_stepList, &QListView::clicked, this,
            [this](const QModelIndex &index) { setCurrentStep(index.row()); });

    m_steps->setLesson(m_lessons.value(0));
    retranslateUi();
}

void LessonPanel::setLesson(int index)
{
    if (index < 0 || index >= m_lessons.size())
        return;
    if (m_lessonCombo->currentIndex() != index)
        m_lessonCombo->setCurrentIndex(index); // comes back here through the signal
    if (index == m_lessonIndex && m_steps->lesson().id == m_lessons.at(index).id)
        return;
    m_lessonIndex = index;
    m_steps->setLesson(m_lessons.at(index));
    m_result->clear();
    showStep();
}

void LessonPanel::startLesson(int index)
{
    setLesson(index);
    m_started = true;
    m_session->resetCluster(m_session->config());
    m_steps->setLesson(m_lessons.at(m_lessonIndex));
    m_result->setText(tr("A fresh cluster is ready. Run the first step."));
    m_output->clear();
    m_output->hide();
    showStep();
}

int LessonPanel::currentStep() const
{
    return m_steps->current();
}

int LessonPanel::stepCount() const
{
    return m_steps->rowCount();
}

void LessonPanel::setCurrentStep(int step)
{
    if (step < 0 || step >= stepCount())
        return;
    if (step != m_steps->current()) {
        m_result->clear();
        m_output->clear();
        m_output->hide();
    }
    m_steps->setCurrent(step);
    showStep();
}

void LessonPanel::nextStep()
{
    setCurrentStep(currentStep() + 1);
}

void LessonPanel::previousStep()
{
    setCurrentStep(currentStep() - 1);
}

bool LessonPanel::changesCluster(const QString &command)
{
    QStringList tokens;
    if (!core::Console::tokenize(command, &tokens) || tokens.isEmpty())
        return true;
    const QString tool = tokens.at(0);
    // Lookups and `sleep` (time moves on, nothing else) are as good the second time.
    if (tool == QLatin1String("nslookup") || tool == QLatin1String("dig")
        || tool == QLatin1String("host") || tool == QLatin1String("sleep"))
        return false;
    if (tool != QLatin1String("kubectl") || tokens.size() < 2)
        return true;
    static const QStringList readOnly = {
        QStringLiteral("get"), QStringLiteral("describe"), QStringLiteral("logs"),
        QStringLiteral("exec"), QStringLiteral("explain"), QStringLiteral("top"),
        QStringLiteral("version"), QStringLiteral("cluster-info"), QStringLiteral("api-resources")};
    const QString verb = tokens.at(1);
    if (readOnly.contains(verb))
        return false;
    if (verb == QLatin1String("rollout") && tokens.size() > 2)
        return tokens.at(2) != QLatin1String("status") && tokens.at(2) != QLatin1String("history");
    return true;
}

bool LessonPanel::alreadyRan(int step) const
{
    return step >= 0 && step < stepCount() && m_steps->isDone(step)
        && changesCluster(m_steps->lesson().steps.at(step).command);
}

core::ConsoleOutput LessonPanel::runCurrentStep()
{
    m_started = true; // following the lesson, whether or not it was started afresh
    const int step = currentStep();
    if (step < 0 || step >= stepCount())
        return {};
    if (alreadyRan(step)) {
        // Applying a node or creating a Service twice is refused by the API server; the
        // lesson's point was made the first time.
        m_result->setText(alreadyRanText());
        showStep();
        return {};
    }
    const Lesson &lesson = m_steps->lesson();
    const QString command = lesson.steps.at(step).command;
    const core::ConsoleOutput out = m_session->runCommand(command, lesson.baseDir);
    Q_EMIT commandRun(command, out.text, out.exitCode);
    m_output->setPlainText(QStringLiteral("$ %1\n%2").arg(command, out.text.trimmed()));
    m_output->show();
    if (out.ok()) {
        m_steps->setDone(step, true);
        m_result->setText(step + 1 < stepCount()
                              ? tr("Done. Watch the canvas, then go on with Next.")
                              : tr("Done. That was the last step of this lesson."));
        requestDocuments(command);
    } else {
        m_result->setText(tr("The command failed (exit status %1): %2")
                              .arg(out.exitCode)
                              .arg(out.text.trimmed()));
    }
    showStep();
    return out;
}

QString LessonPanel::alreadyRanText() const
{
    return tr("This step already ran: its command changed the cluster, so it is not run twice. "
              "Go on with Next, or press Start Lesson to begin again on a fresh cluster.");
}

QString LessonPanel::outputText() const
{
    return m_output->isHidden() ? QString() : m_output->toPlainText();
}

QString LessonPanel::resultText() const
{
    return m_result->text();
}

void LessonPanel::requestDocuments(const QString &command)
{
    // `kubectl apply|create -f FILE`: show the file in the YAML panel.
    QStringList tokens;
    if (!core::Console::tokenize(command, &tokens) || tokens.size() < 4
        || tokens.at(0) != QLatin1String("kubectl"))
        return;
    if (tokens.at(1) != QLatin1String("apply") && tokens.at(1) != QLatin1String("create"))
        return;
    const qsizetype f = tokens.indexOf(QStringLiteral("-f"));
    if (f < 0 || f + 1 >= tokens.size())
        return;
    const QString path = QDir(m_steps->lesson().baseDir).filePath(tokens.at(f + 1));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    Q_EMIT documentRequested(QString::fromUtf8(file.readAll()), QFileInfo(path).fileName());
}

void LessonPanel::showStep()
{
    const Lesson &lesson = m_steps->lesson();
    const int step = currentStep();
    m_summary->setText(lesson.summary);
    m_progress->setRange(0, qMax(1, stepCount()));
    m_progress->setValue(m_steps->doneCount());
    m_progress->setFormat(tr("Step %1 of %2").arg(step + 1).arg(stepCount()));
    m_stepList->setCurrentIndex(m_steps->index(step));
    m_previous->setEnabled(step > 0);
    m_next->setEnabled(step + 1 < stepCount());
    if (step < 0 || step >= stepCount()) {
        m_stepTitle->clear();
        m_explanation->clear();
        m_command->clear();
        m_watch->clear();
        return;
    }
    const LessonStep &s = lesson.steps.at(step);
    m_stepTitle->setText(s.title);
    Q_EMIT stepShown();
    m_explanation->setText(s.explanation);
    m_command->setText(s.command);
    m_watch->setText(s.watch);
    const bool ran = alreadyRan(step);
    m_run->setEnabled(!ran);
    if (ran) {
        m_run->setToolTip(tr("This step already ran"));
        if (m_output->isHidden())
            m_result->setText(alreadyRanText());
    } else {
        m_run->setToolTip(tr("Run this step's command, as if typed in the Console; its output "
                             "appears below"));
    }
}

QString LessonPanel::currentStepCaption() const
{
    const int step = currentStep();
    if (!m_started || step < 0 || step >= stepCount())
        return {};
    return tr("Step %1 of %2 · %3")
        .arg(step + 1)
        .arg(stepCount())
        .arg(m_steps->lesson().steps.at(step).title);
}

QString LessonPanel::explanationText() const
{
    return m_explanation->text();
}

void LessonPanel::retranslateUi()
{
    m_lessons = LessonCatalog::lessons();
    for (int i = 0; i < m_lessons.size() && i < m_lessonCombo->count(); ++i)
        m_lessonCombo->setItemText(i, m_lessons.at(i).title);
    m_steps->updateTexts(m_lessons.value(m_lessonIndex));
    m_lessonCombo->setToolTip(tr("The guided lesson and the examples"));
    m_start->setText(tr("&Start Lesson"));
    m_start->setToolTip(tr("Start this lesson at step 1 on a fresh cluster (the cluster shown "
                           "now is discarded)"));
    m_commandLabel->setText(tr("Command:"));
    m_run->setText(tr("&Run Step"));
    m_watchLabel->setText(tr("What to watch:"));
    m_previous->setText(tr("&Previous"));
    m_next->setText(tr("&Next"));
    showStep();
}

void LessonPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace ordinal::gui
