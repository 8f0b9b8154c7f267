#pragma once

#include <QString>
#include <QUndoCommand>

#include <functional>
#include <optional>

namespace Corrige::Ui {

// A teacher's score for one question of one copy, undoable. Redo applies the new score, undo puts back the
// one before (or removes the teacher's score when there was none, so the model's applies again).
// The command does no IO: `apply` stores the score (through the session, which keeps the audit log).
class TeacherGradeCommand final : public QUndoCommand
{
public:
    using Apply = std::function<void(qint64 copyId, const QString &questionId, std::optional<double> score)>;

    TeacherGradeCommand(qint64 copyId, const QString &questionId, std::optional<double> before,
                        std::optional<double> after, const QString &text, Apply apply);

    void undo() override;
    void redo() override;

    qint64 copyId() const { return m_copyId; }
    QString questionId() const { return m_questionId; }
    std::optional<double> before() const { return m_before; }
    std::optional<double> after() const { return m_after; }

private:
    const qint64 m_copyId;
    const QString m_questionId;
    const std::optional<double> m_before;
    const std::optional<double> m_after;
    const Apply m_apply;
};

} // namespace Corrige::Ui
