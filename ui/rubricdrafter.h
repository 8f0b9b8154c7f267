#pragma once

#include "core/domain/exam.h"
#include "core/llm/providerconfig.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>

namespace Corrige::Core {
class LlmClient;
class LlmOutcome;
}

namespace Corrige::Ui {

class RubricDialog;

// Drafts rubrics with a model for the RubricDialog: one asynchronous request per question, answered with
// drafted() or failed() in the same order of events as the replies arrive. cancel() drops every request in
// flight; their late answers are never delivered. Nothing here blocks the GUI thread.
class RubricDrafter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RubricDrafter)

public:
    explicit RubricDrafter(QObject *parent = nullptr);
    ~RubricDrafter() override;

    // The model that drafts, key included (kept only in memory). Requests in flight are cancelled. Requests
    // made before the first setProvider() (the key is still being read) wait for it.
    void setProvider(const Core::ProviderConfig &config);
    bool hasProvider() const { return m_hasProvider; }
    Core::ProviderConfig provider() const { return m_config; }
    // How many questions are drafted at the same time (default 2).
    void setMaxConcurrency(int maximum);

    // Asks for a draft of each question of `exam` named in `questionIds`; unknown ids fail at once (from the
    // event loop). A question already being drafted is asked again only after its answer.
    void draft(const Core::Exam &exam, const QStringList &questionIds);
    void cancel();
    bool isBusy() const { return !m_requests.isEmpty() || !m_waiting.isEmpty(); }
    QStringList pendingQuestionIds() const;

    // Wires a rubric dialog to this drafter: its requests and cancels come here, the answers go back to it.
    void attach(RubricDialog *dialog);

Q_SIGNALS:
    void drafted(const QString &questionId, const Corrige::Core::Rubric &rubric);
    void failed(const QString &questionId, const QString &message);

private:
    void ensureClient();
    void onFinished(quint64 requestId, const Core::LlmOutcome &outcome);

    Core::ProviderConfig m_config;
    bool m_hasProvider = false;
    QList<std::pair<Core::Exam, QStringList>> m_waiting; // asked before the provider was known
    int m_maxConcurrency = 2;
    std::unique_ptr<Core::LlmClient> m_client;
    QHash<quint64, QString> m_requests;           // client request id -> question id
    QHash<QString, Core::Question> m_questions;   // the questions asked, as they were when asked
};

} // namespace Corrige::Ui
