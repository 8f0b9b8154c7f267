#include "core/domain/copy.h"

namespace Corrige::Core {

QString copyStatusToString(CopyStatus status)
{
    switch (status) {
    case CopyStatus::Pending: return QStringLiteral("pending");
    case CopyStatus::Graded: return QStringLiteral("graded");
    case CopyStatus::Failed: return QStringLiteral("failed");
    case CopyStatus::NeedsReview: return QStringLiteral("needs_review");
    case CopyStatus::Submitted: return QStringLiteral("submitted");
    }
    return QStringLiteral("pending");
}

CopyStatus copyStatusFromString(const QString &text)
{
    if (text == QLatin1String("graded"))
        return CopyStatus::Graded;
    if (text == QLatin1String("failed"))
        return CopyStatus::Failed;
    if (text == QLatin1String("needs_review"))
        return CopyStatus::NeedsReview;
    if (text == QLatin1String("submitted"))
        return CopyStatus::Submitted;
    return CopyStatus::Pending;
}

} // namespace Corrige::Core
