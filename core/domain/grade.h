#pragma once

#include <QDateTime>
#include <QFlags>
#include <QMetaType>
#include <QString>

namespace Corrige::Core {

// Who gave a grade. The teacher's grade always wins; `Final` is derived per question.
enum class GradeSource { ModelA, ModelB, Teacher, Final };

QString gradeSourceToString(GradeSource source); // "model_a", "model_b", "teacher", "final"
GradeSource gradeSourceFromString(const QString &text, bool *ok = nullptr);

enum class GradeFlag {
    None = 0x0,
    Blank = 0x1,        // nothing written
    Illegible = 0x2,
    Suspicious = 0x4,   // the copy contains instructions aimed at the grader
    Clamped = 0x8,      // the model's score was outside [0, max] and was clamped
    NeedsReview = 0x10, // models disagree beyond tolerance, or the model was unsure
};
Q_DECLARE_FLAGS(GradeFlags, GradeFlag)
Q_DECLARE_OPERATORS_FOR_FLAGS(GradeFlags)

QStringList gradeFlagsToStrings(GradeFlags flags); // "blank", "illegible", "suspicious", "clamped", "needs_review"
GradeFlags gradeFlagsFromStrings(const QStringList &names);

// One grade of one question of one copy, from one source.
struct QuestionGrade {
    qint64 copyId = 0;
    QString questionId;
    GradeSource source = GradeSource::ModelA;
    double score = 0.0;
    double maxPoints = 0.0;
    QString justification;
    QString transcription;  // what the model read on the page
    double confidence = -1; // 0..1, or -1 when unknown
    GradeFlags flags;
    QString model;          // provider/model that produced it, empty for the teacher
    qint64 runId = 0;
    QDateTime createdAt;

    friend bool operator==(const QuestionGrade &, const QuestionGrade &) = default;
};

// A teacher's comment for the student, on one question or on the whole copy. Shown in the annotated PDF and in
// Moodle's feedback; kept with the audit log.
struct TeacherComment {
    qint64 copyId = 0;
    QString questionId; // empty: the comment is on the whole copy
    QString text;

    friend bool operator==(const TeacherComment &, const TeacherComment &) = default;
};

} // namespace Corrige::Core

Q_DECLARE_METATYPE(Corrige::Core::QuestionGrade)
Q_DECLARE_METATYPE(Corrige::Core::TeacherComment)
