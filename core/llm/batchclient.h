#pragma once

#include "core/domain/result.h"
#include "core/llm/batchprotocol.h"
#include "core/llm/llmprovider.h"
#include "core/llm/providerconfig.h"

#include <QObject>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace Corrige::Core {

// The Batch API of one provider account (Gemini batchGenerateContent with the Files API; OpenAI /v1/files and
// /v1/batches): uploads, creates, polls, lists, cancels, downloads and deletes, asynchronously.
//
// Lives in one thread with its own QNetworkAccessManager; each call ends with its callback, called from the event
// loop with `this` as context (never after the client is gone). Calls that are safe to repeat are retried on 429,
// 5xx and lost connections, honouring Retry-After / RetryInfo, with exponential back-off. A create is retried only on
// a 429 (the batch was then not created): after any other failure it may exist, and only a list by its tag can say.
class BatchClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchClient)

public:
    explicit BatchClient(ProviderConfig config, QObject *parent = nullptr);
    ~BatchClient() override;

    const ProviderConfig &config() const { return m_config; }
    void setRetryBaseMs(int ms) { m_retryBaseMs = std::max(1, ms); }
    void setMaxAttempts(int attempts) { m_maxAttempts = std::max(1, attempts); }

    using BatchDone = std::function<void(const Result<RemoteBatch> &)>;
    using TextDone = std::function<void(const Result<QString> &)>;
    using BytesDone = std::function<void(const Result<QByteArray> &)>;
    using ListDone = std::function<void(const Result<QList<RemoteBatch>> &)>;
    using StatusDone = std::function<void(const Status &)>;

    // Uploads a JSONL input file: OpenAI multipart with purpose=batch, Gemini resumable. Answers the file id.
    void uploadFile(const QString &path, const QString &displayName, TextDone done);
    void createFromFile(const QString &fileId, const QString &tag, BatchDone done);
    // Gemini only: the lines of a JSONL input sent inline (under 20 MB).
    void createInline(const QByteArray &jsonl, const QString &tag, BatchDone done);
    void get(const QString &batchId, BatchDone done);
    // The newest batches first, at most `maxPages` pages.
    void list(ListDone done, int maxPages = 20);
    void cancel(const QString &batchId, StatusDone done);
    void download(const QString &fileId, BytesDone done);
    void deleteFile(const QString &fileId, StatusDone done);

private:
    struct Call;
    using Sender = std::function<QNetworkReply *(QNetworkAccessManager *, QNetworkRequest)>;

    QNetworkRequest request(const QString &path, const QString &query = {}) const;
    void send(const std::shared_ptr<Call> &call);
    void finish(const std::shared_ptr<Call> &call, QNetworkReply *reply);
    void listPage(const QString &pageToken, int pagesLeft, const std::shared_ptr<QList<RemoteBatch>> &found, ListDone done);
    Error errorOf(int httpStatus, const QByteArray &body, const HttpHeaders &headers, qint64 *retryAfterMs) const;

    ProviderConfig m_config;
    std::unique_ptr<LlmProvider> m_provider;
    QNetworkAccessManager *m_network = nullptr; // owned (child)
    int m_retryBaseMs = 1000;
    int m_maxAttempts = 5;
};

} // namespace Corrige::Core
