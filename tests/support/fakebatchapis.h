#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QQueue>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace Corrige::Test {

class JsonSchemaValidator;
struct HttpReply;
struct HttpRequest;

// The Batch APIs of Gemini and OpenAI, as FakeLlmServer serves them (see fakellmserver.h):
//
// OpenAI: POST /v1/files (multipart/form-data: file + purpose=batch), GET /v1/files/{id}, GET /v1/files/{id}/content,
//   DELETE /v1/files/{id}, POST /v1/batches, GET /v1/batches (list: limit, after), GET /v1/batches/{id},
//   POST /v1/batches/{id}/cancel.
// Gemini: POST /upload/v1beta/files (resumable: start, then "upload, finalize" to the x-goog-upload-url),
//   GET /download/v1beta/files/{id}:download?alt=media (also /v1beta/files/{id}:download), DELETE /v1beta/files/{id},
//   POST /v1beta/models/{model}:batchGenerateContent (inline requests or a JSONL file), GET /v1beta/batches (list:
//   pageSize, pageToken), GET /v1beta/batches/{id}, POST /v1beta/batches/{id}:cancel.
//
// Requests are validated against the official schemas (batches_files.openapi.json, batch_jsonl_line_schemas_2025-06.json,
// the Gemini schema's BatchGenerateContentRequest / BatchJsonlLine); every line's request body is answered exactly
// as a live request would be (the same validation and responder), at the end of the batch's timeline.
//
// A batch walks its states on the server's clock: validating (OpenAI) / PENDING, then in_progress / RUNNING, then
// finalizing, then completed / SUCCEEDED. Output lines come back shuffled. A BatchScript, queued before the create,
// makes the next batch fail lines, lose lines, expire, fail validation, report success before its results file,
// spell its states JOB_STATE_*, refuse the create with 429s, or create the batch and never answer the create.
class FakeBatchApis
{
public:
    enum class End {
        Complete,       // every line answered (but the scripted failed and dropped ones)
        Expire,         // expires at the end of the running phase with `completeLines` done
        FailValidation, // OpenAI "failed" with errors.data[]; Gemini BATCH_STATE_FAILED with an error
    };

    struct Script {
        int failLines = 0;         // the first N lines (input order) fail: OpenAI 500 in the error file, Gemini an error line
        int dropLines = 0;         // the last N lines get no result line at all
        int completeLines = -1;    // lines done before an expiry or a cancel; -1 = in proportion to the time run
        End end = End::Complete;
        int resultsLatePolls = 0;  // "succeeded" is reported N times without its results file / output file id
        bool jobStateSpelling = false; // Gemini: JOB_STATE_* instead of BATCH_STATE_*
        int create429 = 0;         // refuse the first N creates with 429 (the batch is not created)
        bool hangCreate = false;   // create the batch, then never answer the create request
    };

    struct Timeline {
        int validatingMs = 100;
        int runningMs = 300;
        int finalizingMs = 100;
    };

    // One batch line as the server saw it.
    struct LineRecord {
        QString api;
        QString batchId;
        QString key;
        bool schemaValid = true;
        QString schemaError;
    };

    // What a live request with this body would get: HTTP status, JSON body, whether the body was valid.
    struct Answer {
        int status = 200;
        QJsonObject body;
        bool schemaValid = true;
        QString schemaError;
    };
    using Answerer = std::function<Answer(const QByteArray &body, const QString &api, const QString &model)>;

    explicit FakeBatchApis(Answerer answerer);
    ~FakeBatchApis();

    bool loadSpecs(const QString &dir, QString *error);

    // True for the paths above; handle() answers them (at once, without latency).
    static bool handles(const HttpRequest &request);
    HttpReply handle(const HttpRequest &request, const QUrl &serverBase, bool *hang);

    void enqueue(const Script &script);
    void setTimeline(const Timeline &timeline);
    void reset();

    int createCount() const;                      // batches created (accepted creates)
    int createRequests() const;                   // create requests received (429s and hung ones included)
    QList<LineRecord> lineRecords();              // every line of every batch created
    QStringList liveFileIds() const;              // uploaded input files not deleted
    QStringList batchIds() const;
    QString stateOf(const QString &batchId);      // the state the next GET will show
    // Moves a batch's clock on by `ms` (a batch "created" earlier), so tests need not wait.
    void advance(const QString &batchId, qint64 ms);

private:
    struct File;
    struct Batch;

    HttpReply handleOpenAi(const HttpRequest &request, const QUrl &base, bool *hang);
    HttpReply handleGemini(const HttpRequest &request, const QUrl &base, bool *hang);
    HttpReply openAiCreate(const QJsonObject &body, bool *hang);
    HttpReply geminiCreate(const QString &model, const QJsonObject &body, bool *hang);
    void update(Batch &batch);
    void readInput(Batch &batch);
    void finalize(Batch &batch);
    QJsonObject openAiBatchJson(Batch &batch);
    QJsonObject geminiOperationJson(Batch &batch);
    Script nextScript();

    Answerer m_answerer;
    mutable QMutex m_mutex;
    std::shared_ptr<JsonSchemaValidator> m_openAiBatch;   // batches_files.openapi.json
    std::shared_ptr<JsonSchemaValidator> m_openAiLines;   // batch_jsonl_line_schemas_2025-06.json
    std::shared_ptr<JsonSchemaValidator> m_gemini;        // gemini_v1beta_rest.schema.json
    QQueue<Script> m_scripts;
    Timeline m_timeline;
    QMap<QString, std::shared_ptr<File>> m_files;
    QMap<QString, std::shared_ptr<Batch>> m_batches;
    QList<QString> m_batchOrder; // creation order
    QMap<QString, std::pair<QString, qint64>> m_uploads; // Gemini upload id → (display name, declared size)
    QList<LineRecord> m_lines;
    int m_created = 0;
    int m_createRequests = 0;
    quint64 m_nextId = 1;
};

} // namespace Corrige::Test
