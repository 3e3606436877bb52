#include "yamlhighlighter.h"

#include <QApplication>
#include <QPalette>
#include <QRegularExpression>

namespace ordinal::gui {

YamlHighlighter::YamlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    updateFormats();
}

void YamlHighlighter::updateFormats()
{
    const QPalette palette = QApplication::palette();
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    m_key.setForeground(dark ? QColor(0x7f, 0xb4, 0xff) : QColor(0x1f, 0x4e, 0x9c));
    m_key.setFontWeight(QFont::DemiBold);
    m_comment.setForeground(dark ? QColor(0x8a, 0x93, 0x9b) : QColor(0x6a, 0x73, 0x7d));
    m_comment.setFontItalic(true);
    m_string.setForeground(dark ? QColor(0xa5, 0xd6, 0x8a) : QColor(0x22, 0x80, 0x22));
    m_number.setForeground(dark ? QColor(0xf0, 0xa8, 0x6b) : QColor(0xa0, 0x50, 0x00));
    m_keyword.setForeground(dark ? QColor(0xd8, 0x9c, 0xf6) : QColor(0x80, 0x20, 0xa0));
    m_punctuation.setForeground(palette.color(QPalette::PlaceholderText));
    m_document.setForeground(dark ? QColor(0xff, 0x9e, 0x9e) : QColor(0xb0, 0x20, 0x20));
    m_document.setFontWeight(QFont::Bold);
    rehighlight();
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression documentMarker(QStringLiteral("^(---|\\.\\.\\.)\\s*$"));
    static const QRegularExpression key(
        QStringLiteral("^(\\s*(?:-\\s+)*)([^\\s#'\"][^:#]*?|\"[^\"]*\"|'[^']*')\\s*:(?=\\s|$)"));
    static const QRegularExpression dash(QStringLiteral("^\\s*(-)(?=\\s|$)"));
    static const QRegularExpression quoted(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'"));
    static const QRegularExpression number(
        QStringLiteral("(?<=[\\s:\\[,-])(-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?|0x[0-9a-fA-F]+)"
                       "(?=\\s*(?:$|#|,|\\]))"));
    static const QRegularExpression keyword(
        QStringLiteral("(?<=[\\s:\\[,])(true|false|yes|no|on|off|null|True|False|~)"
                       "(?=\\s*(?:$|#|,|\\]))"));
    static const QRegularExpression block(QStringLiteral(":\\s*([|>][-+]?)\\s*$"));

    if (documentMarker.match(text).hasMatch()) {
        setFormat(0, int(text.size()), m_document);
        return;
    }
    // A comment starts at '#' at line start or after whitespace, outside quotes.
    int commentAt = -1;
    QChar quote;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
        } else if (c == QLatin1Char('#') && (i == 0 || text.at(i - 1).isSpace())) {
            commentAt = i;
            break;
        }
    }
    const QString code = commentAt >= 0 ? text.left(commentAt) : text;

    if (const auto m = dash.match(code); m.hasMatch())
        setFormat(int(m.capturedStart(1)), 1, m_punctuation);
    if (const auto m = key.match(code); m.hasMatch())
        setFormat(int(m.capturedStart(2)), int(m.capturedLength(2)), m_key);
    for (auto it = number.globalMatch(code); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_number);
    }
    for (auto it = keyword.globalMatch(code); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_keyword);
    }
    if (const auto m = block.match(code); m.hasMatch())
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_keyword);
    for (auto it = quoted.globalMatch(code); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_string);
    }
    if (commentAt >= 0)
        setFormat(commentAt, int(text.size()) - commentAt, m_comment);
}

} // namespace ordinal::gui
