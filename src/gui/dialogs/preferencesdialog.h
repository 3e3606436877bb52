#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class PreferencesDialog;
}

namespace ordinal::gui {

// The user's settings (QSettings): default speed, presenter-mode speed, whether the canvas
// animates, how often the scenario is autosaved.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    static double defaultSpeed();
    static double presenterSpeed();
    static bool animate();
    static int autosaveSeconds();

    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    std::unique_ptr<Ui::PreferencesDialog> m_ui;
};

} // namespace ordinal::gui
