#pragma once

#include "core/llm/llmerror.h"
#include "core/llm/providerconfig.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Corrige::Core {

// Where a provider batch stands, whatever the provider calls it.
enum class BatchState { Pending, Running, Succeeded, Failed, Expired, Cancelling, Cancelled, Unknown };

QString batchStateToString(BatchState state); // "pending", "running", "succeeded", "failed", "expired", "cancelling", "cancelled"

// A batch as the provider describes it (OpenAI Batch, Gemini batch Operation).
struct RemoteBatch {
    QString id;          // "batch_…" / "batches/…"
    QString tag;         // our local tag, from metadata.corrige_tag / displayName
    BatchState state = BatchState::Unknown;
    QString rawState;    // as sent: "in_progress", "BATCH_STATE_RUNNING", "JOB_STATE_SUCCEEDED"…
    int total = 0;
    int completed = 0;
    int failed = 0;
    QString inputFile;
    QString outputFile;  // OpenAI output_file_id, Gemini responsesFile
    QString errorFile;   // OpenAI error_file_id
    QJsonArray inlined;  // Gemini inline results
    bool hasInlined = false;
    QString error;       // why the batch failed (errors.data[], operation error)

    bool isFinal() const;
    // Final, and its results (if any are to come) can be read. A batch that says it succeeded before its results
    // file is there is not ready yet: poll again.
    bool resultsReady() const;
};

// One line of a results file: the answer to one key, or why there is none.
struct BatchLineResult {
    QString key;
    int httpStatus = 0;   // of the request; 0 when it did not run
    QByteArray body;      // the response body (or an error body) to give the provider's parser
    bool notRun = false;  // expired or cancelled before it ran: back to pending, not a failure
};

// The wire formats of the Batch APIs. Pure functions; the request bodies are those of live grading, unchanged
// (Gemini's keys are spelled snake_case inside batch files, as the batch service expects).
class BatchProtocol
{
public:
    static constexpr const char *tagMetadataKey = "corrige_tag";
    static constexpr qint64 geminiInlineLimit = 20 * 1000 * 1000; // bytes; above it, a JSONL file

    // The line of a JSONL input file for one request body built by the provider.
    static QByteArray inputLine(ProviderKind kind, const QString &key, const QByteArray &body);
    // A Gemini request with its keys spelled snake_case (the response schema's own names are left alone).
    static QJsonObject snakeCaseRequest(const QJsonObject &request);
    // The same for a body as GeminiProvider builds it (compact JSON), without parsing its megabytes of base64.
    static QByteArray snakeCaseBody(const QByteArray &body);

    static QByteArray openAiCreateBody(const QString &inputFileId, const QString &tag);
    static QByteArray geminiFileCreateBody(const QString &fileName, const QString &tag);
    // Inline requests, from Gemini JSONL input lines.
    static QByteArray geminiInlineCreateBody(const QByteArray &jsonl, const QString &tag);

    static RemoteBatch parseOpenAiBatch(const QJsonObject &batch);
    static RemoteBatch parseGeminiOperation(const QJsonObject &operation);
    // Both spellings: BATCH_STATE_* (REST) and JOB_STATE_* (SDKs, the guide's sample).
    static BatchState geminiState(const QString &state);
    static BatchState openAiState(const QString &status);

    // Results, keyed as sent. OpenAI output and error files; Gemini results files; Gemini inline results (keyed by
    // their metadata, or by position when the service returns none).
    static QList<BatchLineResult> parseOpenAiResults(const QByteArray &jsonl);
    static QList<BatchLineResult> parseGeminiResults(const QByteArray &jsonl);
    static QList<BatchLineResult> parseGeminiInline(const QJsonArray &inlined, const QStringList &keysInOrder);
};

} // namespace Corrige::Core
