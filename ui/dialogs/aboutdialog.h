#pragma once

#include <QDialog>

class QTextBrowser;

namespace Corrige::Ui {

// Help > About Corrige: the version (the CMake project version), the Qt in use, the licence, the third-party
// notices, and a link to the help.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;

Q_SIGNALS:
    // The teacher followed the link to the help.
    void helpRequested();

private:
    void showLicence();
};

// Help > Corrige help: the README, with its screenshots, rendered in a window of its own.
class HelpWindow final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelpWindow)

public:
    explicit HelpWindow(QWidget *parent = nullptr);
    ~HelpWindow() override;

    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser = nullptr;
};

} // namespace Corrige::Ui
