#pragma once

#include "core/domain/copy.h"
#include "core/domain/exam.h"
#include "core/domain/grade.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Corrige::Core {

// The grade that counts for one question of one copy: the teacher's if any, else the AI's final grade.
struct EffectiveGrade {
    QString questionId;
    double maxPoints = 0.0;
    std::optional<double> score; // nullopt: not graded yet
    bool byTeacher = false;
    bool flagged = false;        // blank, illegible, suspicious, clamped or needs review
    GradeFlags flags;
    // Dual mode: the two models disagreed beyond tolerance and the teacher has not decided yet. `score` then holds
    // the provisional mean shown while reviewing, a mark neither model gave: exports leave it out.
    bool undecided = false;
    QString justification;       // the teacher's grade's, else the first model's that says something
    QString teacherComment;      // for the student, typed by the teacher

    // The score an export may show: none while the question is undecided.
    std::optional<double> exportedScore() const { return undecided ? std::nullopt : score; }
};

struct CopyReport {
    Copy copy;
    QList<EffectiveGrade> questions; // in exam order
    double total = 0.0;              // sum of the graded questions
    double maxTotal = 0.0;
    int gradedQuestions = 0;
    int undecidedQuestions = 0;
    QString teacherComment;          // on the whole copy

    // Every question has a score an export may show: the total can be written.
    bool isComplete() const
    {
        return !questions.isEmpty() && gradedQuestions == questions.size() && undecidedQuestions == 0;
    }
};

struct StatusSummary {
    int copies = 0;
    int graded = 0;
    int failed = 0;
    int pending = 0;
    int needsReview = 0;
    int submitted = 0; // in a batch, results not imported yet
};

// A pure view of a session's state, shared by `corrige-cli status` and the windows.
class StatusReport
{
public:
    static StatusReport build(const Exam &exam, const QList<Copy> &copies, const QList<QuestionGrade> &grades,
                              const QList<TeacherComment> &comments = {});

    const Exam &exam() const { return m_exam; }
    const QList<CopyReport> &copies() const { return m_copies; }
    const StatusSummary &summary() const { return m_summary; }

    // The `status --json` document of ARCHITECTURE §6.
    QJsonObject toJson() const;

private:
    Exam m_exam;
    QList<CopyReport> m_copies;
    StatusSummary m_summary;
};

} // namespace Corrige::Core
