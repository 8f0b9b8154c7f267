#include "ui/models/criteriamodel.h"

#include <QLocale>

#include <cmath>

namespace Corrige::Ui {

using namespace Corrige::Core;

CriteriaModel::CriteriaModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CriteriaModel::setCriteria(const QList<Criterion> &criteria)
{
    beginResetModel();
    m_criteria = criteria;
    endResetModel();
}

double CriteriaModel::total() const
{
    double sum = 0.0;
    for (const Criterion &criterion : m_criteria)
        sum += criterion.points;
    return sum;
}

void CriteriaModel::setMaximumPoints(double maximum)
{
    m_maximumPoints = maximum;
}

void CriteriaModel::setCriterion(int row, const Criterion &criterion)
{
    Q_ASSERT(row >= 0 && row < m_criteria.size());
    if (m_criteria.at(row) == criterion)
        return;
    m_criteria[row] = criterion;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void CriteriaModel::insertCriterion(int row, const Criterion &criterion)
{
    Q_ASSERT(row >= 0 && row <= m_criteria.size());
    beginInsertRows({}, row, row);
    m_criteria.insert(row, criterion);
    endInsertRows();
}

void CriteriaModel::removeCriterion(int row)
{
    Q_ASSERT(row >= 0 && row < m_criteria.size());
    beginRemoveRows({}, row, row);
    m_criteria.removeAt(row);
    endRemoveRows();
}

void CriteriaModel::moveCriterion(int from, int to)
{
    Q_ASSERT(from >= 0 && from < m_criteria.size() && to >= 0 && to < m_criteria.size());
    if (from == to)
        return;
    // beginMoveRows wants the destination as the row *before which* the moved row lands.
    const int destination = to > from ? to + 1 : to;
    beginMoveRows({}, from, from, {}, destination);
    m_criteria.move(from, to);
    endMoveRows();
}

int CriteriaModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_criteria.size());
}

int CriteriaModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CriteriaModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Criterion &criterion = m_criteria.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == DescriptionColumn)
            return criterion.description;
        return QLocale().toString(criterion.points);
    case Qt::EditRole:
        if (index.column() == DescriptionColumn)
            return criterion.description;
        return criterion.points;
    case Qt::ToolTipRole:
        return index.column() == DescriptionColumn ? criterion.description : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == PointsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

bool CriteriaModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const Criterion before = m_criteria.at(index.row());
    Criterion after = before;
    if (index.column() == DescriptionColumn) {
        after.description = value.toString().trimmed();
    } else {
        bool ok = false;
        const double points = value.toDouble(&ok);
        if (!ok || !std::isfinite(points) || points < 0.0)
            return false;
        after.points = points;
    }
    if (after == before)
        return true;
    m_criteria[index.row()] = after;
    Q_EMIT dataChanged(index, index);
    Q_EMIT criterionEdited(index.row(), before, after);
    return true;
}

Qt::ItemFlags CriteriaModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable | Qt::ItemNeverHasChildren;
}

QVariant CriteriaModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case DescriptionColumn: return tr("Criterion");
    case PointsColumn: return tr("Points");
    default: return {};
    }
}

} // namespace Corrige::Ui
