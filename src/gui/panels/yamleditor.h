#pragma once

#include <QPlainTextEdit>

namespace ordinal::gui {

class YamlHighlighter;

// A plain-text editor for manifests: monospace, YAML highlighting, a line-number gutter (error
// lines marked), two-space indentation with Tab, and wavy underlines at error positions.
class YamlEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    struct Mark
    {
        int line = 0;   // 1-based
        int column = 0; // 1-based; 0 marks the whole line
        QString message;
    };

    explicit YamlEditor(QWidget *parent = nullptr);

    void setMarks(const QList<Mark> &marks);
    QList<Mark> marks() const { return m_marks; }
    // Moves the cursor to a 1-based line and column and shows it.
    void goTo(int line, int column);

    int gutterWidth() const;
    void paintGutter(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateGutterWidth();
    void updateGutter(const QRect &rect, int dy);
    void updateSelections();

    QWidget *m_gutter;
    YamlHighlighter *m_highlighter;
    QList<Mark> m_marks;
};

} // namespace ordinal::gui
