#pragma once

#include "core/domain/exam.h"
#include "core/domain/result.h"
#include "core/llm/llmrequest.h"

#include <QJsonObject>

namespace Corrige::Core {

// Asking a model to draft a rubric for one question, and reading its answer. Pure: no I/O.
//
// The draft's points always sum to the question's maximum (rescaled to the step when the model got the sum
// wrong), and its guidelines never change the maximum.
class RubricDraft
{
public:
    static LlmRequest build(const Exam &exam, const Question &question, const QList<QByteArray> &blankExamPages = {});
    static QJsonObject responseSchema();
    static Result<Rubric> parse(const QJsonObject &json, const Question &question);
};

} // namespace Corrige::Core
