#include "ui/widgets/pointsdelegate.h"

#include <QDoubleSpinBox>

namespace Corrige::Ui {

namespace {
constexpr double unboundedMaximum = 1000.0;
}

PointsDelegate::PointsDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void PointsDelegate::setStep(double step)
{
    m_step = step > 0.0 ? step : 0.5;
}

void PointsDelegate::setMaximum(double maximum)
{
    m_maximum = maximum;
}

QWidget *PointsDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *editor = new QDoubleSpinBox(parent);
    editor->setObjectName(QStringLiteral("pointsEditor"));
    editor->setFrame(false);
    editor->setDecimals(2);
    editor->setSingleStep(m_step);
    editor->setRange(0.0, m_maximum > 0.0 ? m_maximum : unboundedMaximum);
    editor->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return editor;
}

void PointsDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *spin = qobject_cast<QDoubleSpinBox *>(editor);
    Q_ASSERT(spin);
    spin->setValue(index.data(Qt::EditRole).toDouble());
    spin->selectAll();
}

void PointsDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    auto *spin = qobject_cast<QDoubleSpinBox *>(editor);
    Q_ASSERT(spin);
    spin->interpretText();
    model->setData(index, spin->value(), Qt::EditRole);
}

} // namespace Corrige::Ui
