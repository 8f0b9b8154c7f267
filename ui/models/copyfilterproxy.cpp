#include "ui/models/copyfilterproxy.h"

#include "ui/models/copylistmodel.h"

namespace Corrige::Ui {

using namespace Corrige::Core;

CopyFilterProxy::CopyFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(CopyListModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void CopyFilterProxy::setFilter(Filter filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateRowsFilter();
}

void CopyFilterProxy::setPinnedCopyId(qint64 copyId)
{
    if (copyId == m_pinned)
        return;
    m_pinned = copyId;
    if (m_filter != Filter::All)
        invalidateRowsFilter();
}

QList<CopyFilterProxy::Filter> CopyFilterProxy::filters()
{
    return {Filter::All, Filter::NotGraded, Filter::ToReview, Filter::Failed, Filter::Flagged};
}

QString CopyFilterProxy::filterText(Filter filter)
{
    switch (filter) {
    case Filter::All: return tr("All copies");
    case Filter::NotGraded: return tr("Not graded");
    case Filter::Failed: return tr("Failed");
    case Filter::ToReview: return tr("To review");
    case Filter::Flagged: return tr("Flagged");
    }
    return {};
}

bool CopyFilterProxy::accepts(Filter filter, CopyStatus status, bool flagged)
{
    switch (filter) {
    case Filter::All: return true;
    case Filter::NotGraded: return status == CopyStatus::Pending || status == CopyStatus::Submitted;
    case Filter::Failed: return status == CopyStatus::Failed;
    case Filter::ToReview: return status == CopyStatus::NeedsReview;
    case Filter::Flagged: return flagged;
    }
    return true;
}

bool CopyFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_pinned != 0 && index.data(CopyListModel::CopyIdRole).toLongLong() == m_pinned)
        return true;
    return accepts(m_filter, CopyStatus(index.data(CopyListModel::StatusRole).toInt()),
                   index.data(CopyListModel::FlaggedRole).toBool());
}

} // namespace Corrige::Ui
