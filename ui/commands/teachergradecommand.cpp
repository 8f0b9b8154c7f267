#include "ui/commands/teachergradecommand.h"

#include <utility>

namespace Corrige::Ui {

TeacherGradeCommand::TeacherGradeCommand(qint64 copyId, const QString &questionId, std::optional<double> before,
                                         std::optional<double> after, const QString &text, Apply apply)
    : QUndoCommand(text)
    , m_copyId(copyId)
    , m_questionId(questionId)
    , m_before(before)
    , m_after(after)
    , m_apply(std::move(apply))
{
}

void TeacherGradeCommand::undo()
{
    m_apply(m_copyId, m_questionId, m_before);
}

void TeacherGradeCommand::redo()
{
    m_apply(m_copyId, m_questionId, m_after);
}

} // namespace Corrige::Ui
