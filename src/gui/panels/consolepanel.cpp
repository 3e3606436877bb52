#include "consolepanel.h"

#include "session.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextCursor>
#include <QVBoxLayout>

namespace ordinal::gui {

namespace {

constexpr int kMaxLines = 20000;

QString lastWord(const QString &line)
{
    const qsizetype space = line.lastIndexOf(QLatin1Char(' '));
    return space < 0 ? line : line.mid(space + 1);
}

} // namespace

ConsolePanel::ConsolePanel(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_output(new QPlainTextEdit(this))
    , m_prompt(new QLabel(QStringLiteral("$"), this))
    , m_input(new QLineEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("ConsolePanel"));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_output->setReadOnly(true);
    m_output->setFont(fixed);
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setMaximumBlockCount(kMaxLines);
    m_output->setObjectName(QStringLiteral("consoleOutput"));
    m_output->setFocusProxy(m_input);
    m_prompt->setFont(fixed);
    m_input->setFont(fixed);
    m_input->setObjectName(QStringLiteral("consoleInput"));
    m_input->installEventFilter(this);
    m_output->installEventFilter(this);
    m_status->setWordWrap(true);

    auto *inputRow = new QHBoxLayout;
    inputRow->setSpacing(4);
    inputRow->addWidget(m_prompt);
    inputRow->addWidget(m_input, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_output, 1);
    layout->addLayout(inputRow);
    layout->addWidget(m_status);
    setFocusProxy(m_input);

    connect(m_input, &QLineEdit::returnPressed, this, &ConsolePanel::submit);
    connect(session, &Session::viewChanged, this, &ConsolePanel::pollWatch);
    connect(session, &Session::clusterReset, this, [this] {
        append(tr("# a new cluster was started") + QLatin1Char('\n'));
        updateStatus();
    });
    connect(session, &Session::historyBranched, this, [this](core::Millis at) {
        append(tr("# history branched at %1: the later future was discarded")
                   .arg(core::goDuration(at))
               + QLatin1Char('\n'));
    });

    applyColors();
    retranslateUi();
}

void ConsolePanel::applyColors()
{
    // A terminal look that follows the light or dark palette: Base/Text of the system theme.
    QPalette p = m_output->palette();
    const QPalette app = palette();
    p.setColor(QPalette::Base, app.color(QPalette::Base));
    p.setColor(QPalette::Text, app.color(QPalette::Text));
    m_output->setPalette(p);
}

void ConsolePanel::submit()
{
    const QString line = m_input->text();
    m_input->clear();
    runCommand(line);
}

void ConsolePanel::runCommand(const QString &line)
{
    const QString trimmed = line.trimmed();
    if (trimmed.isEmpty()) {
        append(QStringLiteral("$ \n"));
        return;
    }
    if (m_history.isEmpty() || m_history.constLast() != trimmed)
        m_history.append(trimmed);
    m_historyPos = int(m_history.size());
    m_draft.clear();
    if (trimmed == QLatin1String("clear")) {
        clear();
        return;
    }
    if (m_session->console().isWatching())
        m_session->console().stopWatch();
    append(QStringLiteral("$ %1\n").arg(trimmed));
    const core::ConsoleOutput out = m_session->runCommand(trimmed, m_baseDir);
    append(out.text);
    updateStatus();
    Q_EMIT commandFinished(trimmed, out.exitCode);
}

void ConsolePanel::showCommand(const QString &line, const QString &output)
{
    append(QStringLiteral("$ %1\n").arg(line));
    append(output);
    updateStatus();
}

void ConsolePanel::interrupt()
{
    if (m_session->console().isWatching()) {
        append(m_session->console().takeWatchOutput());
        m_session->console().stopWatch();
    }
    append(QStringLiteral("^C\n"));
    m_input->clear();
    updateStatus();
}

void ConsolePanel::clear()
{
    m_output->clear();
}

QString ConsolePanel::transcript() const
{
    return m_output->toPlainText();
}

void ConsolePanel::pollWatch()
{
    core::Console &console = m_session->console();
    if (!console.isWatching()) {
        if (!m_status->text().isEmpty())
            updateStatus();
        return;
    }
    const QString text = console.takeWatchOutput();
    if (!text.isEmpty())
        append(text);
    updateStatus();
}

void ConsolePanel::append(const QString &text)
{
    if (text.isEmpty())
        return;
    QScrollBar *bar = m_output->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    QTextCursor cursor(m_output->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text);
    if (atEnd)
        bar->setValue(bar->maximum());
}

void ConsolePanel::updateStatus()
{
    if (m_session->console().isWatching())
        m_status->setText(tr("Watching: rows appear as the cluster changes. Press Ctrl+C to stop."));
    else
        m_status->clear();
    m_status->setVisible(!m_status->text().isEmpty());
}

QStringList ConsolePanel::completions(const QString &line) const
{
    static const QStringList kCommands{
        QStringLiteral("kubectl"), QStringLiteral("nslookup"), QStringLiteral("dig"),
        QStringLiteral("sleep"),   QStringLiteral("wait"),     QStringLiteral("sim"),
        QStringLiteral("clear")};
    static const QStringList kVerbs{
        QStringLiteral("apply"),    QStringLiteral("create"),   QStringLiteral("get"),
        QStringLiteral("describe"), QStringLiteral("delete"),   QStringLiteral("scale"),
        QStringLiteral("set"),      QStringLiteral("patch"),    QStringLiteral("rollout"),
        QStringLiteral("exec"),     QStringLiteral("cordon"),   QStringLiteral("uncordon"),
        QStringLiteral("drain"),    QStringLiteral("taint"),    QStringLiteral("config")};
    static const QStringList kResources{
        QStringLiteral("pods"),     QStringLiteral("statefulsets"), QStringLiteral("sts"),
        QStringLiteral("services"), QStringLiteral("svc"),          QStringLiteral("endpoints"),
        QStringLiteral("nodes"),    QStringLiteral("pvc"),          QStringLiteral("events")};
    static const QStringList kSim{
        QStringLiteral("node-down"), QStringLiteral("node-up"), QStringLiteral("unready"),
        QStringLiteral("ready"),     QStringLiteral("crash"),   QStringLiteral("fail"),
        QStringLiteral("pull-time"), QStringLiteral("time")};

    QStringList words;
    core::Console::tokenize(line, &words);
    if (line.endsWith(QLatin1Char(' ')) || words.isEmpty())
        words.append(QString());
    const QString prefix = words.constLast();
    QStringList pool;
    const core::Store &store = m_session->simulation().store();
    const auto names = [&](auto tag) {
        using T = decltype(tag);
        QStringList result;
        for (const T &object : store.all<T>())
            result << object.metadata.name;
        return result;
    };
    if (words.size() == 1) {
        pool = kCommands;
    } else if (words.first() == QLatin1String("sim")) {
        pool = words.size() == 2 ? kSim : names(core::Pod{}) + names(core::Node{});
    } else if (words.first() == QLatin1String("kubectl")) {
        if (words.size() == 2) {
            pool = kVerbs;
        } else {
            const QString verb = words.at(1);
            if (words.size() == 3 && verb != QLatin1String("exec")
                && verb != QLatin1String("cordon") && verb != QLatin1String("uncordon")
                && verb != QLatin1String("drain"))
                pool = kResources;
            else if (verb == QLatin1String("exec"))
                pool = names(core::Pod{});
            else if (words.size() >= 4) {
                const QString resource = words.at(2);
                if (resource.startsWith(QLatin1String("po")))
                    pool = names(core::Pod{});
                else if (resource.startsWith(QLatin1String("st")))
                    pool = names(core::StatefulSet{});
                else if (resource.startsWith(QLatin1String("s")))
                    pool = names(core::Service{});
                else if (resource.startsWith(QLatin1String("no")))
                    pool = names(core::Node{});
            }
            if (verb == QLatin1String("cordon") || verb == QLatin1String("uncordon")
                || verb == QLatin1String("drain"))
                pool = names(core::Node{});
        }
    }
    QStringList result;
    for (const QString &word : std::as_const(pool)) {
        if (word.startsWith(prefix))
            result << word;
    }
    result.removeDuplicates();
    return result;
}

void ConsolePanel::completeInput()
{
    const QString line = m_input->text();
    const QStringList options = completions(line);
    if (options.isEmpty())
        return;
    const QString word = lastWord(line);
    // Complete to the longest common prefix; list the options when it is ambiguous.
    QString common = options.constFirst();
    for (const QString &option : options) {
        qsizetype n = 0;
        while (n < common.size() && n < option.size() && common.at(n) == option.at(n))
            ++n;
        common.truncate(n);
    }
    const QString head = line.left(line.size() - word.size());
    if (options.size() == 1)
        m_input->setText(head + common + QLatin1Char(' '));
    else if (common.size() > word.size())
        m_input->setText(head + common);
    else
        append(QStringLiteral("$ %1\n%2\n").arg(line, options.join(QStringLiteral("  "))));
}

bool ConsolePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress || (watched != m_input && watched != m_output))
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    if (key->key() == Qt::Key_C && key->modifiers() == Qt::ControlModifier) {
        // Ctrl+C copies a selection in the output; otherwise it interrupts, as in a terminal.
        if (watched == m_output && m_output->textCursor().hasSelection())
            return false;
        if (watched == m_input && m_input->hasSelectedText())
            return false;
        interrupt();
        return true;
    }
    if (watched != m_input)
        return false;
    switch (key->key()) {
    case Qt::Key_Up:
        if (m_historyPos > 0) {
            if (m_historyPos == m_history.size())
                m_draft = m_input->text();
            m_input->setText(m_history.at(--m_historyPos));
        }
        return true;
    case Qt::Key_Down:
        if (m_historyPos < m_history.size()) {
            ++m_historyPos;
            m_input->setText(m_historyPos == m_history.size() ? m_draft
                                                              : m_history.at(m_historyPos));
        }
        return true;
    case Qt::Key_Tab:
        completeInput();
        return true;
    default:
        return false;
    }
}

void ConsolePanel::retranslateUi()
{
    m_input->setPlaceholderText(
        tr("Type a command, e.g. kubectl get pods -w (Tab completes, Up/Down for history)"));
    m_output->setToolTip(tr("Console transcript"));
    updateStatus();
}

void ConsolePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::PaletteChange)
        applyColors();
    QWidget::changeEvent(event);
}

} // namespace ordinal::gui
