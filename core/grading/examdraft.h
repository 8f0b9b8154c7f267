#pragma once

#include "core/domain/exam.h"
#include "core/domain/result.h"
#include "core/llm/llmrequest.h"

#include <QJsonObject>

namespace Corrige::Core {

// Asking a vision model to list the questions of a blank exam from its pages, and reading its answer. Pure: no
// I/O.
//
// The draft is a starting point the teacher reviews: points the exam does not print come back as 0, pages are
// the 1-based pages of the blank exam where each answer is expected (empty when the model could not tell).
class ExamDraft
{
public:
    // `blankPageJpegs`: the blank exam's pages in order (page 1 first). `languageHint`: a BCP 47 code the exam is
    // probably written in (the teacher's choice so far), or empty.
    static LlmRequest build(const QList<QByteArray> &blankPageJpegs, const QString &languageHint = {});
    static QJsonObject responseSchema();
    // Validates the model's answer: at least one question, each with text and points >= 0. Ids that are missing
    // or used twice are replaced by q1, q2… in order. Errors are BadResponse. The language is a lower-case BCP 47
    // tag, or empty when the model gave none that looks like one.
    static Result<Exam> parse(const QJsonObject &json);
};

} // namespace Corrige::Core
