#pragma once

#include "core/domain/exam.h"
#include "core/llm/llmrequest.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace Corrige::Core {

// Builds the request that grades one copy: the instructions, the questions with their rubrics and maxima,
// the page images, and the JSON schema the model must answer with.
//
// The student's pages are untrusted data: the instructions say so, and ask the model to report (never obey)
// anything written on a copy that addresses the grader. Only the copy's pseudonym is sent, never a name.
class GradingPrompt
{
public:
    // `pageNumbers`: the copy's page number of each image (1-based), when only some pages are sent;
    // empty = the images are pages 1, 2, 3…
    static LlmRequest build(const Exam &exam, const QStringList &questionIds, const QString &pseudonym,
                            const QList<QByteArray> &pageJpegs, const QList<int> &pageNumbers = {});
    static QString systemInstruction(const QString &language);
    static QJsonObject responseSchema(const QStringList &questionIds);
};

} // namespace Corrige::Core
