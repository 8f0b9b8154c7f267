#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Corrige::Core {

class StatusReport;

// One copy an export should not send out without the teacher knowing.
struct ReviewItem {
    enum class Kind { NotGraded, Failed, NeedsReview };
    qint64 copyId = 0;
    int position = 0;
    QString who;    // the student, or the copy's label
    Kind kind = Kind::NotGraded;
    QString reason; // for the teacher: the failure, or the questions to decide
};

// What every export lists before writing: the copies not graded, failed, or still to review (a flag a model
// raised, or two models that disagree). The GUI asks "Review first" or "Export anyway"; the CLI stops with exit 3
// unless --allow-unreviewed.
class ReviewGate
{
    Q_DECLARE_TR_FUNCTIONS(Corrige::Core::ReviewGate)

public:
    static QList<ReviewItem> items(const StatusReport &report);
    // One line per item: "Copy 3 (Ada Lovelace): grading failed: …".
    static QStringList lines(const QList<ReviewItem> &items);
    // A short word for the status column of a spreadsheet: "graded", "to review", "failed", "not graded".
    static QString statusWord(ReviewItem::Kind kind);
};

} // namespace Corrige::Core
