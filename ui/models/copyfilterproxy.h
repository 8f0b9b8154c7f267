#pragma once

#include "core/domain/copy.h"

#include <QSortFilterProxyModel>

namespace Corrige::Ui {

// Sorts the copy list and keeps the copies of one kind: all, not graded, failed, to review or flagged.
class CopyFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CopyFilterProxy)

public:
    enum class Filter { All, NotGraded, Failed, ToReview, Flagged };
    Q_ENUM(Filter)

    explicit CopyFilterProxy(QObject *parent = nullptr);

    Filter filter() const { return m_filter; }
    void setFilter(Filter filter);

    // A copy kept in the list whatever the filter (the one the teacher is on: grading it may change its status,
    // and it should not vanish under their eyes). 0 for none.
    qint64 pinnedCopyId() const { return m_pinned; }
    void setPinnedCopyId(qint64 copyId);

    static QList<Filter> filters();
    static QString filterText(Filter filter);
    static bool accepts(Filter filter, Core::CopyStatus status, bool flagged);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Filter m_filter = Filter::All;
    qint64 m_pinned = 0;
};

} // namespace Corrige::Ui
