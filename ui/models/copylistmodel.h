#pragma once

#include "core/export/statusreport.h"

#include <QAbstractTableModel>

namespace Corrige::Ui {

// The copies of a session, one row each: position, copy label, student, status, total and flags.
// The student's name is editable; an edit is reported by studentNameEdited() for the owner to store.
class CopyListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CopyListModel)

public:
    enum Column { PositionColumn, LabelColumn, StudentColumn, StatusColumn, TotalColumn, FlagsColumn, ColumnCount };
    enum Role {
        CopyIdRole = Qt::UserRole + 1,
        StatusRole,  // int(Core::CopyStatus)
        FlaggedRole, // bool: at least one question is flagged
        SortRole,    // a value that sorts the column naturally (numbers as numbers)
    };

    explicit CopyListModel(QObject *parent = nullptr);

    void setReport(const Core::StatusReport &report);
    const Core::CopyReport *copyAt(int row) const;
    int rowOfCopy(qint64 copyId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusText(Core::CopyStatus status);
    static bool isFlagged(const Core::CopyReport &report);

Q_SIGNALS:
    void studentNameEdited(qint64 copyId, const QString &name);

private:
    QList<Core::CopyReport> m_copies;
    Core::Exam m_exam;
};

} // namespace Corrige::Ui
