#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace ordinal::gui {

// Colours YAML line by line: comments, keys, list dashes, document separators, quoted
// strings, numbers and booleans, block scalar markers. Follows the palette (light or dark).
class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit YamlHighlighter(QTextDocument *document);
    // Re-reads the colours from the application palette (after a theme change).
    void updateFormats();

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_comment;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_keyword;
    QTextCharFormat m_punctuation;
    QTextCharFormat m_document;
};

} // namespace ordinal::gui
