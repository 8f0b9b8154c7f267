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
    // Two choices with their own words: returns QMessageBox::Yes for `acceptText`, QMessageBox::No otherwise.
    // The seam answers it like question().
    static QMessageBox::StandardButton choose(QWidget *parent, const QString &title, const QString &text,
                                              const QString &acceptText, const QString &rejectText);

    static void setNextAnswer(QMessageBox::StandardButton answer);
    // The answers to the next questions, in order (replacing any left).
    static void setNextAnswers(const QList<QMessageBox::StandardButton> &answers);
    // The text of the last message shown or answered through the seam, for assertions.
    static QString lastText();

private:
    static QMessageBox::StandardButton takeNextAnswer();
    static QList<QMessageBox::StandardButton> s_nextAnswers;
    static QString s_lastText;
};

} // namespace Corrige::Ui
