#include "yamlpanel.h"

#include "session.h"
#include "yamleditor.h"

#include "sim/simulation.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

namespace ordinal::gui {

namespace {

constexpr int kValidateDelay = 400; // ms after the last keystroke

// One problem per located message of each refusal (a cause of an Invalid status at its
// field's line and column, or the whole refusal at the position it names).
QList<YamlPanel::Problem> problemsFrom(const core::ApplyResult &result)
{
    QList<YamlPanel::Problem> problems;
    for (const core::ApiStatus &status : result.errors) {
        for (const auto &[pos, message] : status.locatedMessages())
            problems.append({ pos.line, pos.column, message });
    }
    return problems;
}

} // namespace

YamlPanel::YamlPanel(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_editor(new YamlEditor(this))
    , m_header(new QLabel(this))
    , m_problemList(new QListWidget(this))
    , m_status(new QLabel(this))
    , m_apply(new QPushButton(this))
    , m_validate(new QPushButton(this))
    , m_timer(new QTimer(this))
    , m_fileName(QStringLiteral("untitled.yaml"))
{
    setObjectName(QStringLiteral("YamlPanel"));
    m_editor->setObjectName(QStringLiteral("yamlEditor"));
    m_problemList->setObjectName(QStringLiteral("yamlProblems"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_apply->setIcon(QIcon::fromTheme(QStringLiteral("dialog-ok-apply")));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_editor);
    splitter->addWidget(m_problemList);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_validate);
    buttons->addWidget(m_apply);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_header);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    m_timer->setSingleShot(true);
    m_timer->setInterval(kValidateDelay);
    connect(m_timer, &QTimer::timeout, this, &YamlPanel::validate);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        m_timer->start();
        updateHeader();
    });
    connect(m_problemList, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        m_editor->goTo(item->data(Qt::UserRole).toInt(), item->data(Qt::UserRole + 1).toInt());
    });
    connect(m_problemList, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        m_editor->goTo(item->data(Qt::UserRole).toInt(), item->data(Qt::UserRole + 1).toInt());
    });
    connect(m_apply, &QPushButton::clicked, this, &YamlPanel::apply);
    connect(m_validate, &QPushButton::clicked, this, &YamlPanel::validate);
    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return),
                                     QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &YamlPanel::apply);
    }
    // Updates are validated against the objects now stored: revalidate when they change.
    connect(session, &Session::clusterReset, this, [this] { m_timer->start(); });

    retranslateUi();
}

void YamlPanel::setDocument(const QString &text, const QString &fileName)
{
    m_fileName = fileName.isEmpty() ? QStringLiteral("untitled.yaml") : fileName;
    m_applyState = ApplyState::None;
    m_editor->setPlainText(text);
    validate();
}

QString YamlPanel::text() const
{
    return m_editor->toPlainText();
}

bool YamlPanel::validate()
{
    m_timer->stop();
    m_validatedOnce = true;
    m_problems.clear();
    m_objectCount = 0;
    const QString text = m_editor->toPlainText();
    if (!text.trimmed().isEmpty()) {
        // The apply path itself, admitting only: what Apply would say, on the same objects in
        // the same namespace.
        const core::ApplyResult result = m_session->applyManifests(
            { ManifestText(m_fileName, text.toUtf8()) }, /*dryRun=*/true, &m_objectCount);
        m_problems = problemsFrom(result);
    }
    showProblems();
    Q_EMIT validated(m_problems.isEmpty());
    return m_problems.isEmpty();
}

bool YamlPanel::apply()
{
    if (!validate()) {
        m_applyState = ApplyState::Failed;
        m_applyMessage = tr("Not applied: fix the problems listed above first.");
        updateHeader();
        Q_EMIT applied(false, m_applyMessage);
        return false;
    }
    if (m_objectCount == 0) {
        m_applyState = ApplyState::Failed;
        m_applyMessage = tr("Nothing to apply: the document holds no objects.");
        updateHeader();
        Q_EMIT applied(false, m_applyMessage);
        return false;
    }
    // Through the session, so the apply is recorded with the scenario (save, autosave).
    const core::ApplyResult result
        = m_session->applyManifests({ ManifestText(m_fileName, m_editor->toPlainText().toUtf8()) });
    m_applyState = result.ok ? ApplyState::Ok : ApplyState::Failed;
    m_applyMessage = result.ok ? result.lines.join(QLatin1Char('\n')) : result.error;
    if (!result.ok) {
        m_problems = problemsFrom(result);
        showProblems();
    }
    updateHeader();
    Q_EMIT applied(result.ok, m_applyMessage);
    return result.ok;
}

QString YamlPanel::lastApplyStatus() const
{
    return m_status->text();
}

void YamlPanel::showProblems()
{
    m_problemList->clear();
    QList<YamlEditor::Mark> marks;
    for (const Problem &problem : std::as_const(m_problems)) {
        auto *item = new QListWidgetItem(m_problemList);
        item->setText(problem.line > 0 ? tr("Line %1, column %2: %3")
                                             .arg(problem.line)
                                             .arg(problem.column)
                                             .arg(problem.message)
                                       : problem.message);
        item->setToolTip(problem.message);
        item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxCritical));
        item->setData(Qt::UserRole, problem.line);
        item->setData(Qt::UserRole + 1, problem.column);
        if (problem.line > 0)
            marks.append({problem.line, problem.column, problem.message});
    }
    m_problemList->setVisible(!m_problems.isEmpty());
    m_editor->setMarks(marks);
    updateHeader();
}

void YamlPanel::updateHeader()
{
    m_header->setText(tr("%1 — %n object(s)", nullptr, m_objectCount).arg(m_fileName));
    QString status;
    if (m_applyState == ApplyState::Ok)
        status = tr("Applied: %1").arg(m_applyMessage);
    else if (m_applyState == ApplyState::Failed)
        status = tr("Apply failed: %1").arg(m_applyMessage);
    else if (!m_validatedOnce || m_editor->toPlainText().trimmed().isEmpty())
        status = tr("Open or type a manifest; Ctrl+Enter applies it.");
    else if (m_problems.isEmpty())
        status = tr("Valid. Ctrl+Enter applies it to the cluster.");
    else
        status = tr("%n problem(s): nothing will be applied until they are fixed.", nullptr,
                    int(m_problems.size()));
    m_status->setText(status);
}

void YamlPanel::retranslateUi()
{
    m_apply->setText(tr("&Apply"));
    m_apply->setToolTip(tr("Apply the document to the cluster (Ctrl+Enter)"));
    m_validate->setText(tr("&Check"));
    m_validate->setToolTip(tr("Check the document as the API server would, without applying"));
    m_editor->setPlaceholderText(tr("# A Service and a StatefulSet, for example"));
    m_problemList->setToolTip(tr("Click a problem to move the cursor there"));
    showProblems();
}

void YamlPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace ordinal::gui
