#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class AboutDialog;
}

namespace ordinal::gui {

// Help > About: the application's name, version and purpose.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    std::unique_ptr<Ui::AboutDialog> m_ui;
};

} // namespace ordinal::gui
