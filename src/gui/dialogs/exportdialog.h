#pragma once

#include "api/types.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ExportDialog;
}

namespace ordinal::gui {

// File > Export > Frame Sequence: a virtual-time range, the interval between frames, the
// image size and the folder to write to. Durations are typed as the console takes them
// (500ms, 30s, 2m).
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(core::Millis end, QWidget *parent = nullptr);
    ~ExportDialog() override;

    core::Millis from() const;
    core::Millis to() const;
    core::Millis step() const;
    QSize frameSize() const;
    QString folder() const;
    bool presenterStyle() const;
    void setFolder(const QString &folder);

protected:
    void changeEvent(QEvent *event) override;

private:
    void validate();

    std::unique_ptr<Ui::ExportDialog> m_ui;
    core::Millis m_end;
};

} // namespace ordinal::gui
