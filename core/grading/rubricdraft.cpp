#include "core/grading/rubricdraft.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

#include <cmath>

namespace Corrige::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Corrige::Core::RubricDraft", text);
}

double stepFor(double maxPoints)
{
    return maxPoints <= 2 ? 0.25 : 0.5;
}

} // namespace

QJsonObject RubricDraft::responseSchema()
{
    const QJsonObject criterion{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("description"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                     {QStringLiteral("points"), QJsonObject{{QStringLiteral("type"), QStringLiteral("number")}}}}},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("description"), QStringLiteral("points")}},
        {QStringLiteral("additionalProperties"), false}};
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("criteria"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("items"), criterion}}},
                     {QStringLiteral("guidelines"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("criteria"), QStringLiteral("guidelines")}},
        {QStringLiteral("additionalProperties"), false}};
}

LlmRequest RubricDraft::build(const Exam &exam, const Question &question, const QList<QByteArray> &blankExamPages)
{
    const QString language = QLocale::languageToString(QLocale(exam.language).language());
    LlmRequest request;
    request.systemInstruction =
        QStringLiteral("You are an experienced teacher writing the grading rubric of one exam question. Write 1 to 6 "
                       "criteria a grader can check on a student's handwritten answer, each with points; the points "
                       "must add up exactly to the question's maximum. Add short guidelines for the grader (accepted "
                       "variants, common mistakes, partial credit). Write in %1. Answer only with JSON matching the "
                       "requested schema.")
            .arg(language.isEmpty() ? QStringLiteral("English") : language);
    QString text = QStringLiteral("Exam: %1\nQuestion %2 (%3): %4\nMaximum: %5 points.\n")
                       .arg(exam.title, question.id, question.displayLabel(), question.text,
                            QString::number(question.maxPoints, 'g', 6));
    if (question.rubric && !question.rubric->guidelines.trimmed().isEmpty())
        text += QStringLiteral("The teacher's notes or answer key: %1\n").arg(question.rubric->guidelines.trimmed());
    if (!blankExamPages.isEmpty())
        text += QStringLiteral("The pages of the blank exam follow, for context.\n");
    request.userText = text;
    request.jpegImages = blankExamPages;
    request.responseSchema = responseSchema();
    request.schemaName = QStringLiteral("rubric_draft");
    return request;
}

Result<Rubric> RubricDraft::parse(const QJsonObject &json, const Question &question)
{
    Rubric rubric;
    rubric.origin = RubricOrigin::Ai;
    rubric.step = stepFor(question.maxPoints);
    rubric.guidelines = json.value(QStringLiteral("guidelines")).toString().trimmed();
    for (const QJsonValue &value : json.value(QStringLiteral("criteria")).toArray()) {
        const QJsonObject object = value.toObject();
        const QString description = object.value(QStringLiteral("description")).toString().trimmed();
        const double points = object.value(QStringLiteral("points")).toDouble(-1);
        if (description.isEmpty() || !(points > 0) || !std::isfinite(points))
            continue;
        rubric.criteria.append({description, points});
    }
    if (rubric.criteria.isEmpty())
        return Result<Rubric>::failure(ErrorCode::BadResponse,
                                       tr("The model's draft for %1 has no usable criteria. Try again or write the "
                                          "rubric yourself.")
                                           .arg(question.displayLabel()));
    // Rescale when the sum is off, to the step, and give the rounding remainder to the largest criterion.
    const double total = rubric.criteriaTotal();
    if (std::abs(total - question.maxPoints) > 1e-9) {
        double assigned = 0;
        for (Criterion &criterion : rubric.criteria) {
            criterion.points = std::max(rubric.step, std::round(criterion.points / total * question.maxPoints / rubric.step)
                                                         * rubric.step);
            assigned += criterion.points;
        }
        auto largest = std::max_element(rubric.criteria.begin(), rubric.criteria.end(),
                                        [](const Criterion &a, const Criterion &b) { return a.points < b.points; });
        largest->points += question.maxPoints - assigned;
        if (largest->points <= 0)
            return Result<Rubric>::failure(ErrorCode::BadResponse,
                                           tr("The model's draft for %1 does not fit its %2 points. Try again or write "
                                              "the rubric yourself.")
                                               .arg(question.displayLabel())
                                               .arg(question.maxPoints));
    }
    return rubric;
}

} // namespace Corrige::Core
