#include "core/grading/copypreparation.h"

#include "core/grading/anonymizer.h"
#include "core/grading/gradingprompt.h"
#include "core/llm/llmclient.h"

#include <algorithm>

namespace Corrige::Core {

QList<RequestPartPlan> CopyPreparation::splitIntoParts(const Exam &exam, const QStringList &questionIds, int pageCount,
                                                       bool perQuestion)
{
    QList<int> allPages;
    for (int i = 0; i < pageCount; ++i)
        allPages.append(i);
    if (!perQuestion)
        return {RequestPartPlan{questionIds, allPages}};
    QList<RequestPartPlan> parts;
    for (const QString &id : questionIds) {
        const Question *question = exam.question(id);
        QList<int> pages;
        if (question) {
            for (int page : question->pages) {
                if (page >= 1 && page <= pageCount)
                    pages.append(page - 1);
            }
        }
        if (pages.isEmpty())
            pages = allPages; // no mapping (or one outside this copy): show the whole copy
        auto same = std::find_if(parts.begin(), parts.end(), [&pages](const RequestPartPlan &part) { return part.pages == pages; });
        if (same != parts.end())
            same->questionIds.append(id);
        else
            parts.append(RequestPartPlan{{id}, pages});
    }
    return parts;
}

Result<QList<PreparedRequest>> CopyPreparation::prepare(const CopyPreparationInput &input,
                                                          const std::atomic_bool *cancelled)
{
    QList<QByteArray> pages;
    for (const auto &[pdf, indexes] : input.scans) {
        if (cancelled && cancelled->load())
            return Error{ErrorCode::Cancelled, QString()};
        Result<QList<PageImage>> extracted = PageImageExtractor::extract(pdf, indexes, input.images);
        if (!extracted)
            return extracted.error();
        for (const PageImage &image : extracted.value())
            pages.append(image.jpeg);
    }
    if (input.anonymize && !pages.isEmpty()) {
        Result<QByteArray> masked = Anonymizer::maskJpeg(pages.constFirst(), input.mask, input.images.jpegQuality);
        if (!masked)
            return masked.error();
        pages[0] = masked.value();
    }
    // Base64 and JSON of a few megabytes of images: on the pool, not in the GUI thread.
    QList<PreparedRequest> prepared;
    for (const RequestPartPlan &part : input.parts) {
        QList<QByteArray> partPages;
        QList<int> pageNumbers;
        for (int index : part.pages) {
            if (index < pages.size()) {
                partPages.append(pages.at(index));
                pageNumbers.append(index + 1);
            }
        }
        const LlmRequest request = GradingPrompt::build(input.exam, part.questionIds, input.pseudonym, partPages, pageNumbers);
        for (const ProviderConfig &config : input.models)
            prepared.append(LlmClient::prepare(config, request));
    }
    return prepared;
}

} // namespace Corrige::Core
