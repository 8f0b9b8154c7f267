#include "ui/widgets/scorespinbox.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QLocale>
#include <QWheelEvent>

#include <algorithm>

namespace Corrige::Ui {

namespace {
const QString noScore = QStringLiteral("–");
}

ScoreSpinBox::ScoreSpinBox(QWidget *parent)
    : QDoubleSpinBox(parent)
{
    setDecimals(2);
    setKeyboardTracking(false);
    setSpecialValueText(noScore);
    setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setFocusPolicy(Qt::StrongFocus);
    setAccelerated(false);
    setCorrectionMode(QAbstractSpinBox::CorrectToNearestValue);
    connect(lineEdit(), &QLineEdit::textEdited, this, [this] { m_typing = true; });
    connect(this, &QAbstractSpinBox::editingFinished, this, [this] { m_typing = false; });
}

void ScoreSpinBox::setMaximumScore(double maximum, double step)
{
    // One step below zero is the "no score" value shown as "–".
    setSingleStep(step > 0.0 ? step : 0.5);
    setRange(-singleStep(), std::max(0.0, maximum));
}

void ScoreSpinBox::setScore(std::optional<double> score)
{
    if (hasFocus() && m_typing)
        return;
    const QSignalBlocker blocker(this);
    setValue(score ? std::clamp(*score, 0.0, maximum()) : minimum());
}

std::optional<double> ScoreSpinBox::enteredScore() const
{
    const QString text = normalized(cleanText()).trimmed();
    if (text.isEmpty() || text == noScore)
        return std::nullopt;
    bool ok = false;
    const double value = locale().toDouble(text, &ok);
    if (!ok || value < 0.0)
        return std::nullopt;
    return std::min(value, maximum());
}

QString ScoreSpinBox::textFromValue(double value) const
{
    return locale().toString(value, 'g', QLocale::FloatingPointShortest);
}

double ScoreSpinBox::valueFromText(const QString &text) const
{
    bool ok = false;
    const double value = locale().toDouble(normalized(text).trimmed(), &ok);
    return ok ? value : minimum();
}

QValidator::State ScoreSpinBox::validate(QString &input, int &pos) const
{
    input = normalized(input);
    const QString text = input.trimmed();
    if (text.isEmpty() || text == noScore)
        return QValidator::Intermediate;
    if (text == QString(locale().decimalPoint()))
        return QValidator::Intermediate;
    bool ok = false;
    const double value = locale().toDouble(text, &ok);
    if (!ok)
        return QValidator::Invalid;
    Q_UNUSED(pos)
    // Above the maximum is a typo, not a wish: refuse the keystroke rather than clamp it silently.
    return value >= 0.0 && value <= maximum() + 1e-9 ? QValidator::Acceptable : QValidator::Invalid;
}

QString ScoreSpinBox::normalized(const QString &text) const
{
    // A French teacher may type "1.5" and an English one "1,5": both mean one and a half.
    QString result = text;
    const QString decimal = locale().decimalPoint();
    result.replace(decimal == QStringLiteral(",") ? QLatin1Char('.') : QLatin1Char(','), decimal.at(0));
    return result;
}

void ScoreSpinBox::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        event->accept();
        Q_EMIT returnPressed();
        return;
    }
    // Some platforms bind Alt+Up/Down to text navigation, which would swallow the panel's shortcut here.
    if (event->modifiers() == Qt::AltModifier && (event->key() == Qt::Key_Down || event->key() == Qt::Key_Up)) {
        event->accept();
        if (event->key() == Qt::Key_Down)
            Q_EMIT nextRequested();
        else
            Q_EMIT previousRequested();
        return;
    }
    QDoubleSpinBox::keyPressEvent(event);
}

void ScoreSpinBox::wheelEvent(QWheelEvent *event)
{
    if (!hasFocus()) {
        event->ignore(); // let the scroll area scroll
        return;
    }
    QDoubleSpinBox::wheelEvent(event);
}

void ScoreSpinBox::focusInEvent(QFocusEvent *event)
{
    QDoubleSpinBox::focusInEvent(event);
    m_typing = false;
    selectAll();
}

} // namespace Corrige::Ui
