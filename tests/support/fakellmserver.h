#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QObject>
#include <QQueue>
#include <QString>
#include <QUrl>

#include <deque>
#include <functional>
#include <memory>

class QTcpServer;

namespace Corrige::Test {

class FakeBatchApis;
class HttpConnection;
class JsonSchemaValidator;
struct HttpReply;
struct HttpRequest;

// A fake Gemini + OpenAI HTTP server on 127.0.0.1 for tests and benchmarks. It speaks HTTP/1.1 with keep-alive,
// answers POST /v1beta/models/{model}:generateContent (key in x-goog-api-key or ?key=) and
// POST /v1/chat/completions (Bearer key), with the status codes, headers and bodies of the real APIs.
//
// Each request to a known endpoint is handled in this order:
//  1. one scripted Step is taken off the queue (or the default step when the queue is empty);
//  2. the key is checked (Fault::InvalidKey, or a wrong/missing key when setRequiredKey() was given);
//  3. the rate limit (setRequestsPerMinute / setRateLimit): above it, an immediate 429 with a retry hint;
//  4. the body is parsed and validated against the official request schema (setSpecsDir); an invalid request
//     gets the provider's 400 and is recorded with schemaValid = false;
//  5. the step's fault, or the responder's answer wrapped in the provider's envelope.
// Every reply except the rate-limit 429 waits for the step's latency (or the default latency) first.
//
// Lives in the thread that created it; the accessors are thread-safe.
class FakeLlmServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeLlmServer)

public:
    enum class Fault {
        None,
        RateLimit429,   // 429: Gemini RESOURCE_EXHAUSTED (+ RetryInfo.retryDelay), OpenAI rate_limit_exceeded (+ Retry-After)
        ServerError500, // 500: Gemini INTERNAL, OpenAI server_error
        Unavailable503, // 503: Gemini UNAVAILABLE "The model is overloaded…", OpenAI server_error
        Hang,           // never answers; the connection stays open until the client gives up
        ResetMidBody,   // status line, headers and half of the body, then the connection is dropped
        MalformedJson,  // 200 envelope whose model text is not valid JSON (single-quoted keys and strings)
        TruncatedJson,  // 200 whose envelope JSON is cut in the middle (Content-Length matches the cut body)
        MaxTokens,      // 200, text cut in the middle; Gemini finishReason MAX_TOKENS, OpenAI finish_reason length
        SafetyBlock,    // Gemini: 200, no candidates, promptFeedback.blockReason SAFETY;
                        // OpenAI: 200, content null, finish_reason content_filter
        Refusal,        // OpenAI: 200, content null, message.refusal set; Gemini: a candidate stopped by SAFETY, no content
        WrongSchema,    // 200, valid JSON that does not match the requested schema
        InvalidKey,     // Gemini 400 API_KEY_INVALID; OpenAI 401 invalid_api_key
        QuotaExhausted, // 429: Gemini per-day quota without RetryInfo; OpenAI insufficient_quota without Retry-After
        BadRequest400,  // 400: Gemini INVALID_ARGUMENT; OpenAI invalid schema for response_format
    };
    Q_ENUM(Fault)

    struct Step {
        Fault fault = Fault::None;
        int latencyMs = -1;       // -1: the default latency
        qint64 retryAfterMs = -1; // 429 hint: Retry-After (OpenAI, whole seconds) / RetryInfo.retryDelay (Gemini); -1: none
    };

    // What the "model" outputs: the server wraps it in the provider's envelope. `api` is "gemini" or "openai".
    using Responder = std::function<QJsonObject(const QJsonObject &requestBody, const QString &api, const QString &model)>;

    struct Record {
        QString api;     // "gemini", "openai", or empty for an unknown path
        QString model;
        QString path;    // URL path without the query (which may hold a key)
        QByteArray body; // empty when bodies are not kept (setKeepBodies(false))
        qint64 bodyBytes = 0;
        QMap<QByteArray, QByteArray> headers; // lower-case names
        qint64 receivedAtMs = 0;              // ms since the epoch
        qint64 finishedAtMs = -1;             // when the reply was written or the connection dropped; -1 while open
        int status = 0;                       // HTTP status sent; 0 when nothing was sent (hang, client gave up)
        Fault fault = Fault::None;            // the fault served (a rate-limit refusal is RateLimit429)
        bool schemaValid = true;
        QString schemaError;
    };

    explicit FakeLlmServer(QObject *parent = nullptr);
    // Validates every request against the schemas in `specsDir` (see setSpecsDir).
    explicit FakeLlmServer(const QString &specsDir, QObject *parent = nullptr);
    ~FakeLlmServer() override;

    // Listens on 127.0.0.1; port 0 picks a free port.
    bool listen(quint16 port = 0);
    quint16 port() const;
    QUrl geminiBaseUrl() const; // http://127.0.0.1:PORT  (the client appends /v1beta/models/{model}:generateContent)
    QUrl openAiBaseUrl() const; // http://127.0.0.1:PORT/v1 (the client appends /chat/completions)

    // Loads gemini_v1beta_rest.schema.json and chat_completions.openapi.json from `dir`. Returns false (and
    // validates nothing) when a file is missing or unreadable.
    bool setSpecsDir(const QString &dir);
    QString specsError() const;

    // Scripting
    void enqueue(const Step &step);
    void enqueue(Fault fault, int count = 1);
    int pendingSteps() const;
    void setDefaultLatency(int ms);
    void setRequestsPerMinute(int limit);                 // 0 = no limit
    void setRateLimit(int limit, int windowMs);           // a sliding window of any length (benchmarks)
    void setRequiredKey(const QString &key);              // empty = no key check
    void setFailureRate(double share, Fault fault = Fault::Unavailable503); // random faults when no step is queued
    void setKeepBodies(bool keep);                        // false: records keep only the body size

    void setResponder(Responder responder); // nullptr = the default responder
    // The default responder: an object that validates against the request's response schema
    // (generationConfig.responseJsonSchema / responseSchema, or response_format.json_schema.schema), one item per
    // question listed in the schema, scores between 0 and their maximum (from the schema, or from prompt lines such
    // as "id: q1 … (maximum 4 points, step 0.5)"), else 0; deterministic for a given request and model.
    static QJsonObject defaultResponse(const QJsonObject &requestBody, const QString &api, const QString &model);
    // The response schema a request asks for, or an empty object.
    static QJsonObject responseSchemaOf(const QJsonObject &requestBody, const QString &api);

    // The Batch APIs (OpenAI /v1/files + /v1/batches, Gemini batchGenerateContent + Files): scripting and records.
    // Their requests are recorded here too, with api "openai" or "gemini" and the path.
    FakeBatchApis &batches();

    // Record
    QList<Record> records() const;
    int requestCount() const;
    int maxConcurrent() const; // the highest number of requests open at the same time
    int inFlight() const;
    qint64 nowMs() const;      // the clock of Record::receivedAtMs
    // Forgets records, steps, counters and the rate-limit window; keeps listening, key, latency and responder.
    void reset();

signals:
    void requestFinished(int recordIndex);

private:
    struct Pending;
    struct Decision;

    void acceptConnections();
    void handleRequest(HttpConnection *connection, const HttpRequest &request);
    void connectionClosed(HttpConnection *connection);
    Decision decide(const HttpRequest &request, const QString &api, const QString &model, const Step &step, bool scripted,
                    bool batchLine = false);
    void handleBatchRequest(HttpConnection *connection, const HttpRequest &request);
    void finish(quint64 pendingId, int status);

    mutable QMutex m_mutex;
    QTcpServer *m_server = nullptr; // owned as a child
    QString m_specsDir;
    QString m_specsError;
    std::shared_ptr<JsonSchemaValidator> m_geminiSchema; // used by the server's thread only
    std::shared_ptr<JsonSchemaValidator> m_openAiSchema;

    QQueue<Step> m_steps;
    int m_defaultLatency = 0;
    int m_rateLimit = 0;
    int m_rateWindowMs = 60000;
    std::deque<qint64> m_rateWindow; // arrival times of accepted requests
    QString m_requiredKey;
    double m_failureRate = 0.0;
    Fault m_failureFault = Fault::Unavailable503;
    bool m_keepBodies = true;
    Responder m_responder;
    quint64 m_successCount = 0;

    QList<Record> m_records;
    int m_inFlight = 0;
    int m_maxConcurrent = 0;
    quint64 m_nextPendingId = 1;
    QMap<quint64, std::shared_ptr<Pending>> m_pending;
    std::unique_ptr<FakeBatchApis> m_batches;
};

} // namespace Corrige::Test
