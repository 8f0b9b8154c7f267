#pragma once

#include <QFrame>
#include <QString>

namespace Corrige::Ui {

// One line of plain text that shrinks with an ellipsis instead of widening its layout; the full text is the
// tooltip. Used for question statements in narrow panels.
class ElidedLabel final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidedLabel)

public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    bool isElided() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
};

} // namespace Corrige::Ui
