#include "ui/rubricdrafter.h"

#include "core/grading/rubricdraft.h"
#include "core/llm/llmclient.h"
#include "ui/dialogs/rubricdialog.h"

#include <QTimer>

namespace Corrige::Ui {

using namespace Corrige::Core;

RubricDrafter::RubricDrafter(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Rubric>();
}

RubricDrafter::~RubricDrafter()
{
    cancel();
}

void RubricDrafter::setProvider(const ProviderConfig &config)
{
    const QList<std::pair<Exam, QStringList>> waiting = std::exchange(m_waiting, {});
    cancel();
    m_client.reset();
    m_config = config;
    m_hasProvider = true;
    for (const auto &[exam, questionIds] : waiting)
        draft(exam, questionIds);
}

QStringList RubricDrafter::pendingQuestionIds() const
{
    QStringList ids = m_requests.values();
    for (const auto &request : m_waiting) {
        for (const QString &id : request.second) {
            if (!ids.contains(id))
                ids.append(id);
        }
    }
    return ids;
}

void RubricDrafter::setMaxConcurrency(int maximum)
{
    m_maxConcurrency = std::max(1, maximum);
    if (m_client)
        m_client->setMaxConcurrency(m_maxConcurrency);
}

void RubricDrafter::ensureClient()
{
    if (m_client)
        return;
    m_client = std::make_unique<LlmClient>(m_config);
    m_client->setMaxConcurrency(m_maxConcurrency);
    connect(m_client.get(), &LlmClient::finished, this,
            [this](quint64 id, const LlmOutcome &outcome, int) { onFinished(id, outcome); });
}

void RubricDrafter::draft(const Exam &exam, const QStringList &questionIds)
{
    if (!m_hasProvider) {
        m_waiting.append({exam, questionIds});
        return;
    }
    const QStringList pending = pendingQuestionIds();
    for (const QString &questionId : questionIds) {
        if (pending.contains(questionId))
            continue;
        const Question *question = exam.question(questionId);
        if (!question) {
            // Answered from the event loop, like every other answer.
            QTimer::singleShot(0, this, [this, questionId] {
                emit failed(questionId, tr("The exam has no question “%1”.").arg(questionId));
            });
            continue;
        }
        ensureClient();
        m_questions.insert(questionId, *question);
        m_requests.insert(m_client->submit(RubricDraft::build(exam, *question)), questionId);
    }
}

void RubricDrafter::cancel()
{
    m_waiting.clear();
    const QHash<quint64, QString> requests = std::exchange(m_requests, {});
    m_questions.clear();
    if (m_client && !requests.isEmpty())
        m_client->cancelAll();
}

void RubricDrafter::onFinished(quint64 requestId, const LlmOutcome &outcome)
{
    const auto it = m_requests.constFind(requestId);
    if (it == m_requests.constEnd())
        return; // cancelled
    const QString questionId = *it;
    m_requests.erase(it);
    const Question question = m_questions.take(questionId);
    if (!outcome) {
        emit failed(questionId, outcome.error().message());
        return;
    }
    Result<Rubric> rubric = RubricDraft::parse(outcome.reply().json, question);
    if (!rubric) {
        emit failed(questionId, rubric.errorString());
        return;
    }
    emit drafted(questionId, rubric.value());
}

void RubricDrafter::attach(RubricDialog *dialog)
{
    const QPointer<RubricDialog> target(dialog);
    connect(dialog, &RubricDialog::draftRequested, this,
            [this, target](const QStringList &questionIds) {
                if (target)
                    draft(target->exam(), questionIds);
            });
    connect(dialog, &RubricDialog::draftCancelled, this, &RubricDrafter::cancel);
    connect(this, &RubricDrafter::drafted, dialog, &RubricDialog::applyDraft);
    connect(this, &RubricDrafter::failed, dialog, &RubricDialog::draftFailed);
    connect(dialog, &QObject::destroyed, this, [this] { cancel(); });
}

} // namespace Corrige::Ui
