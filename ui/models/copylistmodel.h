#pragma once

#include "core/export/statusreport.h"

#include <QAbstractTableModel>

namespace Corrige::Ui {

// The copies of a session, one row each: position, copy label, student, status and total.
class CopyListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CopyListModel)

public:
    enum Column { PositionColumn, LabelColumn, StudentColumn, StatusColumn, TotalColumn, ColumnCount };
    enum Role { CopyIdRole = Qt::UserRole + 1, StatusRole, FlaggedRole };

    explicit CopyListModel(QObject *parent = nullptr);

    void setReport(const Core::StatusReport &report);
    const Core::CopyReport *copyAt(int row) const;
    int rowOfCopy(qint64 copyId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Core::CopyReport> m_copies;
};

} // namespace Corrige::Ui
