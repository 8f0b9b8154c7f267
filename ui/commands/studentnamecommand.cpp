#include "ui/commands/studentnamecommand.h"

#include <utility>

namespace Corrige::Ui {

StudentNameCommand::StudentNameCommand(qint64 copyId, const QString &before, const QString &after,
                                       const QString &text, Apply apply)
    : QUndoCommand(text)
    , m_copyId(copyId)
    , m_before(before)
    , m_after(after)
    , m_apply(std::move(apply))
{
}

void StudentNameCommand::undo()
{
    m_apply(m_copyId, m_before);
}

void StudentNameCommand::redo()
{
    m_apply(m_copyId, m_after);
}

} // namespace Corrige::Ui
