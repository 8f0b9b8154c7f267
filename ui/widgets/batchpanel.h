#pragma once

#include "core/session/sessiontypes.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace Corrige::Ui {

// The session's batches above the copy list: each one's state, counts and age, and a button to cancel them and
// grade the rest live. Hidden while no batch is out.
class BatchPanel final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchPanel)

public:
    explicit BatchPanel(QWidget *parent = nullptr);

    void setJobs(const QList<Core::BatchJob> &jobs);
    // What the teacher sees for one batch: "Gemini · gemini-2.5-flash: running, 12 of 200 done, 0 failed, sent 2 h ago".
    static QString describe(const Core::BatchJob &job, const QDateTime &now);
    static QString stateText(const QString &state);

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel *m_title = nullptr;
    QLabel *m_list = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace Corrige::Ui
