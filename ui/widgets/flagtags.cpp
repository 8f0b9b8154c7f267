#include "ui/widgets/flagtags.h"

#include "ui/widgets/statusicon.h"

#include <QHBoxLayout>
#include <QLabel>

namespace Corrige::Ui {

using namespace Corrige::Core;

namespace {

constexpr GradeFlag shownFlags[] = {GradeFlag::NeedsReview, GradeFlag::Suspicious, GradeFlag::Illegible,
                                    GradeFlag::Blank, GradeFlag::Clamped};

} // namespace

FlagTags::FlagTags(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("flagTags"));
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(fontMetrics().averageCharWidth() / 2 + 1);
    for (const GradeFlag flag : shownFlags) {
        auto *tag = new QLabel(flagText(flag), this);
        const QString name = gradeFlagsToStrings(GradeFlags(flag)).value(0);
        tag->setObjectName(QStringLiteral("flagTag_%1").arg(name));
        tag->setToolTip(flagToolTip(flag));
        styleAsTag(tag, flagColor(flag));
        tag->hide();
        m_layout->addWidget(tag);
    }
    m_layout->addStretch(1);
}

void FlagTags::setFlags(GradeFlags flags)
{
    m_flags = flags;
    int index = 0;
    for (const GradeFlag flag : shownFlags) {
        if (QWidget *tag = m_layout->itemAt(index++)->widget())
            tag->setVisible(flags.testFlag(flag));
    }
}

QString FlagTags::flagText(GradeFlag flag)
{
    switch (flag) {
    case GradeFlag::Blank: return tr("Blank");
    case GradeFlag::Illegible: return tr("Illegible");
    case GradeFlag::Suspicious: return tr("Suspicious");
    case GradeFlag::Clamped: return tr("Clamped");
    case GradeFlag::NeedsReview: return tr("Needs review");
    case GradeFlag::None: break;
    }
    return {};
}

QString FlagTags::flagToolTip(GradeFlag flag)
{
    switch (flag) {
    case GradeFlag::Blank: return tr("The model found no answer to this question.");
    case GradeFlag::Illegible: return tr("The model could not read part of the answer.");
    case GradeFlag::Suspicious:
        return tr("The copy contains text aimed at the grader (for example an instruction to give full marks). "
                  "The model reported it instead of obeying.");
    case GradeFlag::Clamped: return tr("The model gave a score outside the allowed range; it was brought back.");
    case GradeFlag::NeedsReview:
        return tr("The two models disagree beyond the tolerance, or the model was unsure. Your decision is needed.");
    case GradeFlag::None: break;
    }
    return {};
}

QColor FlagTags::flagColor(GradeFlag flag)
{
    switch (flag) {
    case GradeFlag::Suspicious:
    case GradeFlag::NeedsReview: return StatusColor::problem;
    case GradeFlag::Illegible:
    case GradeFlag::Clamped: return StatusColor::attention;
    case GradeFlag::Blank:
    case GradeFlag::None: break;
    }
    return StatusColor::neutral;
}

void FlagTags::styleAsTag(QLabel *label, const QColor &color)
{
    // A pale tint of the colour with the colour itself, darkened, as text: legible on light and dark themes.
    const QColor background = QColor::fromRgbF(1.0 - (1.0 - color.redF()) * 0.18, 1.0 - (1.0 - color.greenF()) * 0.18,
                                               1.0 - (1.0 - color.blueF()) * 0.18);
    const QColor foreground = color.darker(150);
    label->setStyleSheet(QStringLiteral("QLabel { background-color: %1; color: %2; border: 1px solid %3; "
                                        "border-radius: 0.5em; padding: 0 0.45em; }")
                             .arg(background.name(), foreground.name(), color.lighter(130).name()));
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    label->setTextFormat(Qt::PlainText);
}

} // namespace Corrige::Ui
