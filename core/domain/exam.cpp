#include "core/domain/exam.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>

namespace Corrige::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Corrige::Core::Exam", text);
}

Result<Exam> fail(QString message)
{
    // One line, whatever the file's ids or texts hold (newlines, NUL characters).
    message.replace(QChar(0), QLatin1Char(' '));
    return Result<Exam>::failure(ErrorCode::InvalidInput, message.simplified());
}

} // namespace

double Exam::maxTotal() const
{
    double total = 0.0;
    for (const Question &question : questions)
        total += question.maxPoints;
    return total;
}

const Question *Exam::question(const QString &id) const
{
    const int index = indexOf(id);
    return index < 0 ? nullptr : &questions.at(index);
}

int Exam::indexOf(const QString &questionId) const
{
    for (int i = 0; i < questions.size(); ++i) {
        if (questions.at(i).id == questionId)
            return i;
    }
    return -1;
}

Result<Exam> Exam::fromJson(const QByteArray &json, const QString &fileName)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Report a line number: teachers edit these files by hand.
        const int line = int(json.left(parseError.offset).count('\n')) + 1;
        return fail(tr("%1 is not valid JSON (line %2: %3). Fix the file and try again.")
                        .arg(fileName)
                        .arg(line)
                        .arg(parseError.errorString()));
    }
    if (!document.isObject())
        return fail(tr("%1 must contain a JSON object with \"title\" and \"questions\".").arg(fileName));

    const QJsonObject root = document.object();
    Exam exam;
    exam.title = root.value(QStringLiteral("title")).toString().trimmed();
    if (exam.title.isEmpty())
        return fail(tr("%1: the exam has no \"title\". Add a title such as \"Physics test 3\".").arg(fileName));
    const QString language = root.value(QStringLiteral("language")).toString().trimmed();
    if (!language.isEmpty())
        exam.language = language;

    const QJsonValue questionsValue = root.value(QStringLiteral("questions"));
    if (!questionsValue.isArray() || questionsValue.toArray().isEmpty())
        return fail(tr("%1: \"questions\" must be a non-empty list of questions.").arg(fileName));

    QSet<QString> ids;
    const QJsonArray questions = questionsValue.toArray();
    for (int i = 0; i < questions.size(); ++i) {
        const int number = i + 1;
        if (!questions.at(i).isObject())
            return fail(tr("%1: question %2 must be an object with \"id\", \"text\" and \"maxPoints\".")
                            .arg(fileName)
                            .arg(number));
        const QJsonObject object = questions.at(i).toObject();
        Question question;
        const QJsonValue idValue = object.value(QStringLiteral("id"));
        if (idValue.isDouble()) {
            // A number is accepted as an id only when it is a whole number (1, 2, …), never rounded or cut.
            const double id = idValue.toDouble();
            if (!std::isfinite(id) || id != std::floor(id) || std::abs(id) > 1e9)
                return fail(tr("%1: question %2 has the id %3; use a whole number or a text such as \"q1\".")
                                .arg(fileName)
                                .arg(number)
                                .arg(id));
            question.id = QString::number(qint64(id));
        } else {
            question.id = idValue.toString().trimmed();
        }
        if (question.id.isEmpty())
            return fail(tr("%1: question %2 has no \"id\".").arg(fileName).arg(number));
        if (ids.contains(question.id))
            return fail(tr("%1: the question id \"%2\" is used twice. Give each question its own id.")
                            .arg(fileName, question.id));
        ids.insert(question.id);
        question.label = object.value(QStringLiteral("label")).toString().trimmed();
        question.text = object.value(QStringLiteral("text")).toString().trimmed();
        const QJsonValue maxValue = object.value(QStringLiteral("maxPoints"));
        if (!maxValue.isDouble() || !std::isfinite(maxValue.toDouble()) || maxValue.toDouble() <= 0.0)
            return fail(tr("%1: question \"%2\" needs \"maxPoints\", a number greater than 0.")
                            .arg(fileName, question.id));
        if (maxValue.toDouble() > maxPointsLimit)
            return fail(tr("%1: question \"%2\" has \"maxPoints\" %3; a question is worth at most %4 points.")
                            .arg(fileName, question.id)
                            .arg(maxValue.toDouble())
                            .arg(maxPointsLimit));
        question.maxPoints = maxValue.toDouble();

        const QJsonValue pagesValue = object.value(QStringLiteral("pages"));
        if (!pagesValue.isUndefined() && !pagesValue.isNull()) {
            if (!pagesValue.isArray())
                return fail(tr("%1: \"pages\" of question \"%2\" must be a list of page numbers, e.g. [1, 2].")
                                .arg(fileName, question.id));
            for (const QJsonValue &page : pagesValue.toArray()) {
                if (!page.isDouble() || page.toInt() < 1 || page.toDouble() != page.toInt())
                    return fail(tr("%1: \"pages\" of question \"%2\" must hold whole page numbers from 1.")
                                    .arg(fileName, question.id));
                question.pages.append(page.toInt());
            }
        }

        const QJsonValue rubricValue = object.value(QStringLiteral("rubric"));
        if (!rubricValue.isUndefined() && !rubricValue.isNull()) {
            if (!rubricValue.isObject())
                return fail(tr("%1: the \"rubric\" of question \"%2\" must be an object with \"criteria\".")
                                .arg(fileName, question.id));
            const QJsonObject rubricObject = rubricValue.toObject();
            const QJsonValue criteria = rubricObject.value(QStringLiteral("criteria"));
            if (!criteria.isUndefined() && !criteria.isArray())
                return fail(tr("%1: \"criteria\" of question \"%2\" must be a list.").arg(fileName, question.id));
            for (const QJsonValue &criterion : criteria.toArray()) {
                const QJsonObject c = criterion.toObject();
                if (c.value(QStringLiteral("description")).toString().trimmed().isEmpty()
                    || !c.value(QStringLiteral("points")).isDouble() || c.value(QStringLiteral("points")).toDouble() < 0)
                    return fail(tr("%1: every criterion of question \"%2\" needs a \"description\" and "
                                   "\"points\" (a number, 0 or more).")
                                    .arg(fileName, question.id));
            }
            Rubric rubric = Rubric::fromJson(rubricObject);
            if (!rubricObject.contains(QStringLiteral("source")))
                rubric.origin = RubricOrigin::Exam;
            if (rubric.criteriaTotal() > question.maxPoints + 1e-9)
                return fail(tr("%1: the criteria of question \"%2\" add up to %3 points, more than its "
                               "maximum of %4. Lower the criteria or raise \"maxPoints\".")
                                .arg(fileName, question.id)
                                .arg(rubric.criteriaTotal())
                                .arg(question.maxPoints));
            question.rubric = rubric;
        }
        exam.questions.append(question);
    }
    return exam;
}

QByteArray Exam::toJson() const
{
    QJsonArray array;
    for (const Question &question : questions) {
        QJsonObject object{{QStringLiteral("id"), question.id},
                           {QStringLiteral("text"), question.text},
                           {QStringLiteral("maxPoints"), question.maxPoints}};
        if (!question.label.isEmpty())
            object.insert(QStringLiteral("label"), question.label);
        if (!question.pages.isEmpty()) {
            QJsonArray pages;
            for (int page : question.pages)
                pages.append(page);
            object.insert(QStringLiteral("pages"), pages);
        }
        if (question.rubric)
            object.insert(QStringLiteral("rubric"), question.rubric->toJson());
        array.append(object);
    }
    const QJsonObject root{{QStringLiteral("title"), title},
                           {QStringLiteral("language"), language},
                           {QStringLiteral("questions"), array}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace Corrige::Core
