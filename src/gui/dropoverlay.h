#pragma once

#include <QWidget>

namespace ordinal::gui {

// The highlight shown over the canvas while files are dragged onto the window: a tinted
// surface with a dashed border and a line saying what a drop does. Transparent to the mouse.
class DropOverlay : public QWidget
{
    Q_OBJECT

public:
    explicit DropOverlay(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }

protected:
    void paintEvent(QPaintEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString m_text;
};

} // namespace ordinal::gui
