#include "yamleditor.h"

#include "yamlhighlighter.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QTextBlock>

namespace ordinal::gui {

namespace {

// The gutter only paints; the editor owns the logic.
class Gutter : public QWidget
{
public:
    explicit Gutter(YamlEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    {
    }
    QSize sizeHint() const override { return {m_editor->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event); }

private:
    YamlEditor *m_editor;
};

} // namespace

YamlEditor::YamlEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new Gutter(this))
    , m_highlighter(new YamlHighlighter(document()))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabChangesFocus(false);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &YamlEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &YamlEditor::updateGutter);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &YamlEditor::updateSelections);
    updateGutterWidth();
}

int YamlEditor::gutterWidth() const
{
    int digits = 1;
    for (int max = qMax(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    return 10 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * qMax(3, digits);
}

void YamlEditor::updateGutterWidth()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

void YamlEditor::updateGutter(const QRect &rect, int dy)
{
    if (dy)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateGutterWidth();
}

void YamlEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), gutterWidth(), cr.height()));
}

void YamlEditor::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    QSet<int> errorLines;
    for (const Mark &mark : std::as_const(m_marks))
        errorLines.insert(mark.line);
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int current = textCursor().blockNumber();
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int line = block.blockNumber() + 1;
            QColor color = pal.color(QPalette::PlaceholderText);
            if (errorLines.contains(line)) {
                painter.fillRect(0, top, m_gutter->width(), bottom - top, QColor(220, 50, 47, 60));
                color = QColor(220, 50, 47);
            } else if (block.blockNumber() == current) {
                color = pal.color(QPalette::Text);
            }
            painter.setPen(color);
            painter.drawText(0, top, m_gutter->width() - 5, fontMetrics().height(),
                             Qt::AlignRight, QString::number(line));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

void YamlEditor::setMarks(const QList<Mark> &marks)
{
    m_marks = marks;
    updateSelections();
    m_gutter->update();
}

void YamlEditor::updateSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (!isReadOnly()) {
        QTextEdit::ExtraSelection currentLine;
        QColor lineColor = palette().color(QPalette::Highlight);
        lineColor.setAlpha(28);
        currentLine.format.setBackground(lineColor);
        currentLine.format.setProperty(QTextFormat::FullWidthSelection, true);
        currentLine.cursor = textCursor();
        currentLine.cursor.clearSelection();
        selections.append(currentLine);
    }
    for (const Mark &mark : std::as_const(m_marks)) {
        const QTextBlock block = document()->findBlockByNumber(mark.line - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection error;
        error.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        error.format.setUnderlineColor(QColor(220, 50, 47));
        error.format.setToolTip(mark.message);
        QTextCursor cursor(block);
        const QString text = block.text();
        int start = qBound(0, mark.column - 1, int(text.size()));
        if (mark.column <= 0) {
            while (start < text.size() && text.at(start).isSpace())
                ++start;
        }
        // Underline from the column to the end of the token (or at least one character).
        int end = start;
        while (end < text.size() && !text.at(end).isSpace())
            ++end;
        if (end == start)
            end = qMin(int(text.size()), start + 1);
        if (end == start && start > 0)
            --start;
        cursor.setPosition(block.position() + start);
        cursor.setPosition(block.position() + end, QTextCursor::KeepAnchor);
        error.cursor = cursor;
        selections.append(error);
    }
    setExtraSelections(selections);
}

void YamlEditor::goTo(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(qMax(0, line - 1));
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + qBound(0, column - 1, block.length() - 1));
    setTextCursor(cursor);
    centerCursor();
    setFocus();
}

void YamlEditor::keyPressEvent(QKeyEvent *event)
{
    // YAML forbids tabs for indentation: Tab inserts two spaces.
    if (event->key() == Qt::Key_Tab && event->modifiers() == Qt::NoModifier) {
        insertPlainText(QStringLiteral("  "));
        return;
    }
    // Keep the indentation of the current line on Return.
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && event->modifiers() == Qt::NoModifier) {
        const QString text = textCursor().block().text();
        qsizetype indent = 0;
        while (indent < text.size() && text.at(indent) == QLatin1Char(' '))
            ++indent;
        QString extra;
        if (text.trimmed().endsWith(QLatin1Char(':')))
            extra = QStringLiteral("  ");
        QPlainTextEdit::keyPressEvent(event);
        insertPlainText(QString(indent, QLatin1Char(' ')) + extra);
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void YamlEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->updateFormats();
    QPlainTextEdit::changeEvent(event);
}

} // namespace ordinal::gui
