#pragma once

#include "core/domain/result.h"
#include "core/domain/rubric.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Corrige::Core {

struct Question {
    QString id;          // stable key, e.g. "q1"
    QString label;       // what the teacher sees, e.g. "Question 1"
    QString text;        // the question as printed on the exam
    double maxPoints = 0.0;
    QList<int> pages;    // 1-based pages of a copy where the answer is; empty = all pages
    std::optional<Rubric> rubric;

    QString displayLabel() const { return label.isEmpty() ? id : label; }
    friend bool operator==(const Question &, const Question &) = default;
};

struct Exam {
    QString title;
    QString language = QStringLiteral("en"); // BCP 47 code of the exam's language
    QList<Question> questions;

    double maxTotal() const;
    const Question *question(const QString &id) const;
    int indexOf(const QString &questionId) const;

    // The exam JSON of ARCHITECTURE §6. Errors name `fileName` and say what to fix.
    static Result<Exam> fromJson(const QByteArray &json, const QString &fileName);
    static constexpr double maxPointsLimit = 10000; // the most one question may be worth
    QByteArray toJson() const;

    friend bool operator==(const Exam &, const Exam &) = default;
};

} // namespace Corrige::Core

Q_DECLARE_METATYPE(Corrige::Core::Exam)
