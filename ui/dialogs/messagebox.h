#pragma once

#include <QMessageBox>

namespace Corrige::Ui {

// QMessageBox with a seam for tests: setNextAnswer() makes the next question return at once, without showing.
class MessageBox
{
public:
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton);
    static void warning(QWidget *parent, const QString &title, const QString &text);

    static void setNextAnswer(QMessageBox::StandardButton answer);
    // The text of the last message shown or answered through the seam, for assertions.
    static QString lastText();

private:
    static QMessageBox::StandardButton s_nextAnswer;
    static QString s_lastText;
};

} // namespace Corrige::Ui
