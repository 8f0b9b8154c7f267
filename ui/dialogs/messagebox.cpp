#include "ui/dialogs/messagebox.h"

#include <QPushButton>

namespace Corrige::Ui {

QList<QMessageBox::StandardButton> MessageBox::s_nextAnswers;

QMessageBox::StandardButton MessageBox::takeNextAnswer()
{
    return s_nextAnswers.isEmpty() ? QMessageBox::NoButton : s_nextAnswers.takeFirst();
}
QString MessageBox::s_lastText;

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title, const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton)
{
    s_lastText = text;
    if (const QMessageBox::StandardButton answer = takeNextAnswer(); answer != QMessageBox::NoButton)
        return answer;
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

void MessageBox::warning(QWidget *parent, const QString &title, const QString &text)
{
    s_lastText = text;
    if (takeNextAnswer() != QMessageBox::NoButton)
        return;
    QMessageBox::warning(parent, title, text);
}

QMessageBox::StandardButton MessageBox::choose(QWidget *parent, const QString &title, const QString &text,
                                               const QString &acceptText, const QString &rejectText)
{
    s_lastText = text;
    if (const QMessageBox::StandardButton answer = takeNextAnswer(); answer != QMessageBox::NoButton)
        return answer;
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::NoButton, parent);
    QPushButton *reject = box.addButton(rejectText, QMessageBox::RejectRole);
    QPushButton *accept = box.addButton(acceptText, QMessageBox::AcceptRole);
    reject->setObjectName(QStringLiteral("rejectChoiceButton"));
    accept->setObjectName(QStringLiteral("acceptChoiceButton"));
    box.setDefaultButton(reject);
    box.exec();
    return box.clickedButton() == accept ? QMessageBox::Yes : QMessageBox::No;
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    s_nextAnswers = {answer};
}

void MessageBox::setNextAnswers(const QList<QMessageBox::StandardButton> &answers)
{
    s_nextAnswers = answers;
}

QString MessageBox::lastText()
{
    return s_lastText;
}

} // namespace Corrige::Ui
