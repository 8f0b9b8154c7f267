#include "ui/models/copylistmodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace Corrige::Ui {

using namespace Corrige::Core;

namespace {

QString statusText(CopyStatus status)
{
    switch (status) {
    case CopyStatus::Pending: return CopyListModel::tr("Not graded");
    case CopyStatus::Graded: return CopyListModel::tr("Graded");
    case CopyStatus::Failed: return CopyListModel::tr("Failed");
    case CopyStatus::NeedsReview: return CopyListModel::tr("To review");
    }
    return {};
}

bool isFlagged(const CopyReport &report)
{
    for (const EffectiveGrade &grade : report.questions) {
        if (grade.flagged)
            return true;
    }
    return false;
}

} // namespace

CopyListModel::CopyListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CopyListModel::setReport(const StatusReport &report)
{
    beginResetModel();
    m_copies = report.copies();
    endResetModel();
}

const CopyReport *CopyListModel::copyAt(int row) const
{
    return row >= 0 && row < m_copies.size() ? &m_copies.at(row) : nullptr;
}

int CopyListModel::rowOfCopy(qint64 copyId) const
{
    for (int row = 0; row < m_copies.size(); ++row) {
        if (m_copies.at(row).copy.id == copyId)
            return row;
    }
    return -1;
}

int CopyListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_copies.size());
}

int CopyListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CopyListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CopyReport &report = m_copies.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PositionColumn: return report.copy.position;
        case LabelColumn: return report.copy.label;
        case StudentColumn: return report.copy.studentName;
        case StatusColumn: return statusText(report.copy.status);
        case TotalColumn:
            if (report.gradedQuestions == 0)
                return tr("– / %1").arg(QLocale().toString(report.maxTotal));
            return tr("%1 / %2").arg(QLocale().toString(report.total), QLocale().toString(report.maxTotal));
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && !report.copy.error.isEmpty())
            return report.copy.error;
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == PositionColumn || index.column() == TotalColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn && report.copy.status == CopyStatus::Failed)
            return QBrush(QColor(0xb0, 0x00, 0x20));
        break;
    case CopyIdRole: return report.copy.id;
    case StatusRole: return int(report.copy.status);
    case FlaggedRole: return isFlagged(report);
    }
    return {};
}

QVariant CopyListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PositionColumn: return tr("#");
    case LabelColumn: return tr("Copy");
    case StudentColumn: return tr("Student");
    case StatusColumn: return tr("Status");
    case TotalColumn: return tr("Total");
    }
    return {};
}

} // namespace Corrige::Ui
