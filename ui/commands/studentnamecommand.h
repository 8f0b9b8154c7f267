#pragma once

#include <QString>
#include <QUndoCommand>

#include <functional>

namespace Corrige::Ui {

// A change of the student's name on one copy, undoable. The command does no IO: `apply` stores the name.
class StudentNameCommand final : public QUndoCommand
{
public:
    using Apply = std::function<void(qint64 copyId, const QString &name)>;

    StudentNameCommand(qint64 copyId, const QString &before, const QString &after, const QString &text, Apply apply);

    void undo() override;
    void redo() override;

    qint64 copyId() const { return m_copyId; }

private:
    const qint64 m_copyId;
    const QString m_before;
    const QString m_after;
    const Apply m_apply;
};

} // namespace Corrige::Ui
