#pragma once

#include <QStyledItemDelegate>

namespace Corrige::Ui {

// Edits a number of points with a spin box that steps by the rubric's step (0.25, 0.5, 1).
class PointsDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PointsDelegate)

public:
    explicit PointsDelegate(QObject *parent = nullptr);

    void setStep(double step);
    double step() const { return m_step; }
    // 0 means no upper bound.
    void setMaximum(double maximum);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private:
    double m_step = 0.5;
    double m_maximum = 0.0;
};

} // namespace Corrige::Ui
