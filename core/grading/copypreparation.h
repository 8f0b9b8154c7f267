#pragma once

#include "core/domain/exam.h"
#include "core/domain/result.h"
#include "core/llm/preparedrequest.h"
#include "core/llm/providerconfig.h"
#include "core/pdf/pageimageextractor.h"

#include <QByteArray>
#include <QList>
#include <QRectF>
#include <QStringList>

#include <atomic>
#include <utility>

namespace Corrige::Core {

// The questions of one request and the copy's pages it shows (0-based positions within the copy).
struct RequestPartPlan {
    QStringList questionIds;
    QList<int> pages;
};

// Everything needed to build one copy's requests, by value, so it can run on a pool thread.
struct CopyPreparationInput {
    QList<std::pair<QByteArray, QList<int>>> scans; // PDF bytes and the copy's page indexes in it, in page order
    PageImageOptions images;
    bool anonymize = true;
    QList<QRectF> mask;
    Exam exam;
    QList<RequestPartPlan> parts;
    QString pseudonym;
    QList<ProviderConfig> models; // model A, then model B in dual mode
};

// The requests of one copy, as live grading and batch grading both send them: page images (the scanner's JPEG
// when it can be passed through), the name mask on the first page, the grading prompt with the pseudonym, and each
// model's body. Pure and thread-safe.
class CopyPreparation
{
public:
    // One request for the whole copy, or (per question) one per set of pages a question is on.
    static QList<RequestPartPlan> splitIntoParts(const Exam &exam, const QStringList &questionIds, int pageCount,
                                                 bool perQuestion);
    // Part by part, model by model: parts.size() × models.size() requests. `cancelled`, when given, is checked
    // between scans: once set, the preparation stops with ErrorCode::Cancelled.
    static Result<QList<PreparedRequest>> prepare(const CopyPreparationInput &input,
                                                  const std::atomic_bool *cancelled = nullptr);
};

} // namespace Corrige::Core
