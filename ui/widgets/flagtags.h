#pragma once

#include "core/domain/grade.h"

#include <QWidget>

class QColor;
class QHBoxLayout;
class QLabel;

namespace Corrige::Ui {

// The flags of a grade as small coloured tags ("Blank", "Needs review"), each with a tooltip saying why.
class FlagTags final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlagTags)

public:
    explicit FlagTags(QWidget *parent = nullptr);

    void setFlags(Core::GradeFlags flags);
    Core::GradeFlags flags() const { return m_flags; }

    static QString flagText(Core::GradeFlag flag);
    static QString flagToolTip(Core::GradeFlag flag);
    static QColor flagColor(Core::GradeFlag flag);
    // Makes `label` look like a tag of `color`: tinted background, dark text, rounded; sizes follow the font.
    static void styleAsTag(QLabel *label, const QColor &color);

private:
    Core::GradeFlags m_flags;
    QHBoxLayout *m_layout = nullptr;
};

} // namespace Corrige::Ui
