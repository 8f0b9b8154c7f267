#pragma once

#include <QDoubleSpinBox>

#include <optional>

namespace Corrige::Ui {

// A score: "1.5" rather than "1.50", "–" when there is none, either decimal separator accepted, and no change
// from a wheel that only meant to scroll the panel. Enter is reported rather than passed to a default button.
class ScoreSpinBox final : public QDoubleSpinBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScoreSpinBox)

public:
    explicit ScoreSpinBox(QWidget *parent = nullptr);

    void setMaximumScore(double maximum, double step);
    // Shows `score`, or "–" for none. Text being typed is kept, so a refresh never eats a teacher's keystrokes.
    void setScore(std::optional<double> score);
    // What the field says now: nothing (empty or "–") or a number within [0, maximum].
    std::optional<double> enteredScore() const;
    bool isTyping() const { return m_typing; }
    void stopTyping() { m_typing = false; }

    QString textFromValue(double value) const override;
    double valueFromText(const QString &text) const override;
    QValidator::State validate(QString &input, int &pos) const override;

Q_SIGNALS:
    void returnPressed();
    void nextRequested();
    void previousRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;

private:
    QString normalized(const QString &text) const;

    bool m_typing = false;
};

} // namespace Corrige::Ui
