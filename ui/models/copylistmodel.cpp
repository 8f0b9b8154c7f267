#include "ui/models/copylistmodel.h"

#include "ui/widgets/flagtags.h"
#include "ui/widgets/statusicon.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

namespace Corrige::Ui {

using namespace Corrige::Core;

namespace {

QString number(double value)
{
    return QLocale().toString(value, 'g', QLocale::FloatingPointShortest);
}

QColor statusColor(CopyStatus status)
{
    switch (status) {
    case CopyStatus::Pending: return StatusColor::neutral;
    case CopyStatus::Graded: return StatusColor::ok;
    case CopyStatus::Failed: return StatusColor::problem;
    case CopyStatus::NeedsReview: return StatusColor::attention;
    case CopyStatus::Submitted: return StatusColor::neutral;
    }
    return StatusColor::neutral;
}

// Sorts "to review" and "failed" first: what needs the teacher comes to the top.
int statusOrder(CopyStatus status)
{
    switch (status) {
    case CopyStatus::NeedsReview: return 0;
    case CopyStatus::Failed: return 1;
    case CopyStatus::Pending: return 2;
    case CopyStatus::Submitted: return 2;
    case CopyStatus::Graded: return 3;
    }
    return 4;
}

constexpr GradeFlag allFlags[] = {GradeFlag::NeedsReview, GradeFlag::Suspicious, GradeFlag::Illegible,
                                  GradeFlag::Blank, GradeFlag::Clamped};

int flaggedQuestions(const CopyReport &report)
{
    int count = 0;
    for (const EffectiveGrade &grade : report.questions) {
        if (grade.flagged)
            ++count;
    }
    return count;
}

} // namespace

CopyListModel::CopyListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString CopyListModel::statusText(CopyStatus status)
{
    switch (status) {
    case CopyStatus::Pending: return tr("Not graded");
    case CopyStatus::Graded: return tr("Graded");
    case CopyStatus::Failed: return tr("Failed");
    case CopyStatus::NeedsReview: return tr("To review");
    //: A copy sent in a batch whose results have not come back yet
    case CopyStatus::Submitted: return tr("In a batch");
    }
    return {};
}

bool CopyListModel::isFlagged(const CopyReport &report)
{
    return flaggedQuestions(report) > 0;
}

void CopyListModel::setReport(const StatusReport &report)
{
    beginResetModel();
    m_copies = report.copies();
    m_exam = report.exam();
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
        case StudentColumn: return report.copy.displayName();
        case StatusColumn: return statusText(report.copy.status);
        case TotalColumn:
            if (report.gradedQuestions == 0)
                return tr("– / %1").arg(number(report.maxTotal));
            return tr("%1 / %2").arg(number(report.total), number(report.maxTotal));
        case FlagsColumn: {
            const int count = flaggedQuestions(report);
            return count > 0 ? QVariant(count) : QVariant();
        }
        }
        break;
    case Qt::EditRole:
        if (index.column() == StudentColumn)
            return report.copy.studentName;
        break;
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            return statusDotIcon(statusColor(report.copy.status));
        if (index.column() == FlagsColumn && isFlagged(report))
            return statusDotIcon(StatusColor::attention);
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case StatusColumn:
            if (!report.copy.error.isEmpty())
                return report.copy.error;
            break;
        case StudentColumn:
            return report.copy.studentName.isEmpty()
                       ? tr("%1 has no student name yet. Double-click to type it.").arg(report.copy.label)
                       : tr("%1. Double-click to edit the student's name.").arg(report.copy.label);
        case FlagsColumn: {
            QStringList lines;
            for (const EffectiveGrade &grade : report.questions) {
                if (!grade.flagged)
                    continue;
                QStringList names;
                for (const GradeFlag flag : allFlags) {
                    if (grade.flags.testFlag(flag))
                        names.append(FlagTags::flagText(flag));
                }
                const Question *question = m_exam.question(grade.questionId);
                lines.append(tr("%1: %2").arg(question ? question->displayLabel() : grade.questionId,
                                              names.join(QLatin1String(", "))));
            }
            if (!lines.isEmpty())
                return lines.join(QLatin1Char('\n'));
            break;
        }
        }
        break;
    case Qt::FontRole:
        if (index.column() == StudentColumn && report.copy.studentName.isEmpty()) {
            // No name yet: the copy's label stands in, set apart.
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == PositionColumn || index.column() == TotalColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn && report.copy.status == CopyStatus::Failed)
            return QBrush(StatusColor::problem);
        break;
    case CopyIdRole: return report.copy.id;
    case StatusRole: return int(report.copy.status);
    case FlaggedRole: return isFlagged(report);
    case SortRole:
        switch (index.column()) {
        case PositionColumn:
        case LabelColumn: return report.copy.position;
        case StudentColumn: return report.copy.studentName.toLower();
        case StatusColumn: return statusOrder(report.copy.status);
        case TotalColumn: return report.gradedQuestions == 0 ? -1.0 : report.total;
        case FlagsColumn: return flaggedQuestions(report);
        }
        break;
    }
    return {};
}

bool CopyListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.column() != StudentColumn || role != Qt::EditRole)
        return false;
    const QString name = value.toString().simplified();
    CopyReport &report = m_copies[index.row()];
    if (name == report.copy.studentName)
        return false;
    report.copy.studentName = name;
    Q_EMIT dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole, SortRole});
    Q_EMIT studentNameEdited(report.copy.id, name);
    return true;
}

Qt::ItemFlags CopyListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == StudentColumn)
        result |= Qt::ItemIsEditable;
    return result;
}

QVariant CopyListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == FlagsColumn)
        return tr("Questions flagged blank, illegible, suspicious, clamped or to review");
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PositionColumn: return tr("#");
    case LabelColumn: return tr("Copy");
    case StudentColumn: return tr("Student");
    case StatusColumn: return tr("Status");
    case TotalColumn: return tr("Total");
    case FlagsColumn: return tr("Flags");
    }
    return {};
}

} // namespace Corrige::Ui
