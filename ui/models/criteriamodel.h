#pragma once

#include "core/domain/rubric.h"

#include <QAbstractTableModel>
#include <QList>

namespace Corrige::Ui {

// The criteria of one question's rubric, one row each: what earns points and how many.
// Edits made through setData() are reported by criterionEdited() so the owner can record them for undo;
// the other mutators are silent, for the owner's own (undoable) operations.
class CriteriaModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CriteriaModel)

public:
    enum Column { DescriptionColumn, PointsColumn, ColumnCount };

    explicit CriteriaModel(QObject *parent = nullptr);

    void setCriteria(const QList<Core::Criterion> &criteria);
    const QList<Core::Criterion> &criteria() const { return m_criteria; }
    double total() const;

    // Upper bound of the points column, shown by the editor; 0 means unbounded.
    void setMaximumPoints(double maximum);
    double maximumPoints() const { return m_maximumPoints; }

    void setCriterion(int row, const Core::Criterion &criterion);
    void insertCriterion(int row, const Core::Criterion &criterion);
    void removeCriterion(int row);
    void moveCriterion(int from, int to);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void criterionEdited(int row, const Corrige::Core::Criterion &before, const Corrige::Core::Criterion &after);

private:
    QList<Core::Criterion> m_criteria;
    double m_maximumPoints = 0.0;
};

} // namespace Corrige::Ui
