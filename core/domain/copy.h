#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace Corrige::Core {

// One page of one stored PDF.
struct PageRef {
    qint64 documentId = 0; // row id of the stored PDF in the session
    int pageIndex = 0;     // 0-based page within that PDF

    friend bool operator==(const PageRef &, const PageRef &) = default;
};

// Submitted: sent in a provider batch whose results are not imported yet (see corrige-cli batch).
enum class CopyStatus { Pending, Graded, Failed, NeedsReview, Submitted };

QString copyStatusToString(CopyStatus status); // "pending", "graded", "failed", "needs_review", "submitted"
CopyStatus copyStatusFromString(const QString &text);

// One student's copy: a label, who wrote it (if known), and its pages.
struct Copy {
    qint64 id = 0;           // 0 until stored
    int position = 0;        // order within the session, from 1
    QString label;           // e.g. "Copy 3"; also the pseudonym sent to models
    QString studentName;     // never sent to a model unless the teacher allows it
    QString studentId;
    QString studentEmail;
    QString studentUsername; // the school platform's login (Moodle's "username")
    QList<PageRef> pages;
    CopyStatus status = CopyStatus::Pending;
    QString error;           // why grading failed, when status is Failed

    QString displayName() const { return studentName.isEmpty() ? label : studentName; }
    friend bool operator==(const Copy &, const Copy &) = default;
};

} // namespace Corrige::Core

Q_DECLARE_METATYPE(Corrige::Core::Copy)
