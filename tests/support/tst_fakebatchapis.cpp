// The fake server's Batch APIs: uploads, creates, state walks on the clock, results, faults, lists and cancels,
// checked against the official schemas and the recorded jobs.
#include "tests/support/fakebatchapis.h"
#include "tests/support/fakellmserver.h"
#include "tests/support/jsonschemavalidator.h"

#include <QFile>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace Corrige::Test;

namespace {

const QString specsDir = QStringLiteral(CORRIGE_TEST_DATA_DIR "/api/specs");
const QString examplesDir = QStringLiteral(CORRIGE_TEST_DATA_DIR "/api/examples");

struct Reply {
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QMap<QByteArray, QByteArray> headers;
};

QJsonObject schema()
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                       {QStringLiteral("properties"), QJsonObject{{QStringLiteral("score"), QJsonObject{{QStringLiteral("type"), QStringLiteral("number")},
                                                                                                          {QStringLiteral("minimum"), 0},
                                                                                                          {QStringLiteral("maximum"), 4}}}}},
                       {QStringLiteral("required"), QJsonArray{QStringLiteral("score")}},
                       {QStringLiteral("additionalProperties"), false}};
}

QJsonObject openAiBody(const QString &model = QStringLiteral("gpt-4.1-mini"))
{
    return QJsonObject{
        {QStringLiteral("model"), model},
        {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                            {QStringLiteral("content"), QStringLiteral("Grade q1 (maximum 4 points).")}}}},
        {QStringLiteral("response_format"), QJsonObject{{QStringLiteral("type"), QStringLiteral("json_schema")},
                                                        {QStringLiteral("json_schema"), QJsonObject{{QStringLiteral("name"), QStringLiteral("grade")},
                                                                                                    {QStringLiteral("schema"), schema()},
                                                                                                    {QStringLiteral("strict"), true}}}}}};
}

QJsonObject geminiRequest()
{
    return QJsonObject{
        {QStringLiteral("contents"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                            {QStringLiteral("parts"), QJsonArray{QJsonObject{{QStringLiteral("text"), QStringLiteral("Grade q1.")}}}}}}},
        {QStringLiteral("generation_config"), QJsonObject{{QStringLiteral("response_mime_type"), QStringLiteral("application/json")},
                                                          {QStringLiteral("response_json_schema"), schema()}}}};
}

QByteArray openAiLines(int count, const QString &secondModel = {})
{
    QByteArray out;
    for (int i = 0; i < count; ++i) {
        const QJsonObject line{{QStringLiteral("custom_id"), QStringLiteral("c%1").arg(i)},
                               {QStringLiteral("method"), QStringLiteral("POST")},
                               {QStringLiteral("url"), QStringLiteral("/v1/chat/completions")},
                               {QStringLiteral("body"), openAiBody(i == 1 && !secondModel.isEmpty() ? secondModel : QStringLiteral("gpt-4.1-mini"))}};
        out += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    }
    return out;
}

QMap<QString, QJsonObject> linesByKey(const QByteArray &jsonl, const QString &keyName)
{
    QMap<QString, QJsonObject> lines;
    for (const QByteArray &raw : jsonl.split('\n')) {
        if (!raw.trimmed().isEmpty()) {
            const QJsonObject line = QJsonDocument::fromJson(raw).object();
            lines.insert(line.value(keyName).toString(), line);
        }
    }
    return lines;
}

QStringList keysInOrder(const QByteArray &jsonl, const QString &keyName)
{
    QStringList keys;
    for (const QByteArray &raw : jsonl.split('\n')) {
        if (!raw.trimmed().isEmpty())
            keys.append(QJsonDocument::fromJson(raw).object().value(keyName).toString());
    }
    return keys;
}

} // namespace

class TstFakeBatchApis : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void openAi_uploadCreatePollDownload();
    void openAi_failedLinesGoToTheErrorFile();
    void openAi_validationFailure_twoModelsInOneFile();
    void openAi_expiredKeepsItsCompletedLines();
    void openAi_cancelKeepsPartialResults_andListFindsByMetadata();
    void openAi_createIsValidatedAndRateLimited();
    void gemini_resumableUploadAndJsonlBatch();
    void gemini_inlineBatch_inInputOrder();
    void gemini_lateResultsFile_andJobStateSpelling();
    void gemini_expiredHasNoResults_andListAndCancel();
    void recordedGeminiOperation_hasTheSameShape();

private:
    Reply request(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                  const QList<QPair<QByteArray, QByteArray>> &headers = {}, QHttpMultiPart *multipart = nullptr,
                  const QUrl &absolute = {});
    QString uploadOpenAi(const QByteArray &jsonl);
    QString createOpenAi(const QString &fileId, const QJsonObject &metadata = {});
    QJsonObject waitOpenAi(const QString &batchId, const QString &finalState);
    QJsonObject waitGemini(const QString &name);
    QString uploadGemini(const QByteArray &jsonl);

    std::unique_ptr<FakeLlmServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TstFakeBatchApis::init()
{
    m_server = std::make_unique<FakeLlmServer>(specsDir);
    QVERIFY2(m_server->specsError().isEmpty(), qPrintable(m_server->specsError()));
    QVERIFY(m_server->listen());
    m_server->batches().setTimeline({50, 150, 50});
    m_network = std::make_unique<QNetworkAccessManager>();
}

Reply TstFakeBatchApis::request(const QByteArray &verb, const QString &path, const QByteArray &body,
                                const QList<QPair<QByteArray, QByteArray>> &headers, QHttpMultiPart *multipart,
                                const QUrl &absolute)
{
    QUrl url = m_server->geminiBaseUrl();
    url.setPath(path.section(QLatin1Char('?'), 0, 0));
    url.setQuery(path.section(QLatin1Char('?'), 1));
    QNetworkRequest request(absolute.isEmpty() ? url : absolute);
    const bool isGemini = !path.startsWith(QLatin1String("/v1/"));
    if (isGemini)
        request.setRawHeader("x-goog-api-key", "gemini-key");
    else
        request.setRawHeader("Authorization", "Bearer sk-key");
    if (!multipart && !body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = multipart ? m_network->post(request, multipart)
                                     : m_network->sendCustomRequest(request, verb, body);
    if (multipart)
        multipart->setParent(reply);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.insert(pair.first.toLower(), pair.second);
    reply->deleteLater();
    return result;
}

QString TstFakeBatchApis::uploadOpenAi(const QByteArray &jsonl)
{
    auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart purpose;
    purpose.setHeader(QNetworkRequest::ContentDispositionHeader, QStringLiteral("form-data; name=\"purpose\""));
    purpose.setBody("batch");
    QHttpPart file;
    file.setHeader(QNetworkRequest::ContentDispositionHeader, QStringLiteral("form-data; name=\"file\"; filename=\"lines.jsonl\""));
    file.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/jsonl"));
    file.setBody(jsonl);
    multipart->append(purpose);
    multipart->append(file);
    const Reply reply = request("POST", QStringLiteral("/v1/files"), {}, {}, multipart);
    if (reply.status != 200)
        qWarning("%s", reply.body.constData());
    JsonSchemaValidator spec;
    spec.loadFile(specsDir + QStringLiteral("/batches_files.openapi.json"));
    if (!spec.isValid(reply.json, QStringLiteral("#/components/schemas/OpenAIFile")))
        qWarning("upload answer does not fit OpenAIFile");
    return reply.json.value(QStringLiteral("id")).toString();
}

QString TstFakeBatchApis::createOpenAi(const QString &fileId, const QJsonObject &metadata)
{
    QJsonObject body{{QStringLiteral("input_file_id"), fileId},
                     {QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions")},
                     {QStringLiteral("completion_window"), QStringLiteral("24h")}};
    if (!metadata.isEmpty())
        body.insert(QStringLiteral("metadata"), metadata);
    const Reply reply = request("POST", QStringLiteral("/v1/batches"), QJsonDocument(body).toJson());
    if (reply.status != 200)
        qWarning("%s", reply.body.constData());
    return reply.json.value(QStringLiteral("id")).toString();
}

QJsonObject TstFakeBatchApis::waitOpenAi(const QString &batchId, const QString &finalState)
{
    JsonSchemaValidator spec;
    spec.loadFile(specsDir + QStringLiteral("/batches_files.openapi.json"));
    QJsonObject batch;
    QStringList seen;
    for (int i = 0; i < 200; ++i) {
        batch = request("GET", QStringLiteral("/v1/batches/") + batchId).json;
        const auto violations = spec.validate(batch, QStringLiteral("#/components/schemas/Batch"));
        if (!violations.isEmpty())
            qWarning("Batch does not fit its schema: %s", qPrintable(violations.first().message));
        const QString state = batch.value(QStringLiteral("status")).toString();
        if (seen.isEmpty() || seen.last() != state)
            seen.append(state);
        if (state == finalState)
            return batch;
        QTest::qWait(20);
    }
    qWarning("states seen: %s", qPrintable(seen.join(QLatin1Char(' '))));
    return {};
}

void TstFakeBatchApis::openAi_uploadCreatePollDownload()
{
    const QString fileId = uploadOpenAi(openAiLines(12));
    QVERIFY(fileId.startsWith(QLatin1String("file-")));
    const QString batchId = createOpenAi(fileId, {{QStringLiteral("corrige_tag"), QStringLiteral("t1")}});
    QVERIFY(!batchId.isEmpty());
    QCOMPARE(m_server->batches().stateOf(batchId), QStringLiteral("validating"));
    QStringList seen;
    QJsonObject batch;
    for (int i = 0; i < 200 && seen.value(seen.size() - 1) != QLatin1String("completed"); ++i) {
        batch = request("GET", QStringLiteral("/v1/batches/") + batchId).json;
        const QString state = batch.value(QStringLiteral("status")).toString();
        if (seen.isEmpty() || seen.last() != state)
            seen.append(state);
        QTest::qWait(10);
    }
    QCOMPARE(seen, (QStringList{QStringLiteral("validating"), QStringLiteral("in_progress"), QStringLiteral("finalizing"),
                                QStringLiteral("completed")}));
    QCOMPARE(batch.value(QStringLiteral("request_counts")).toObject().value(QStringLiteral("completed")).toInt(), 12);
    QVERIFY(!batch.contains(QStringLiteral("error_file_id")));
    const Reply output = request("GET", QStringLiteral("/v1/files/%1/content").arg(batch.value(QStringLiteral("output_file_id")).toString()));
    QCOMPARE(output.status, 200);
    const QStringList order = keysInOrder(output.body, QStringLiteral("custom_id"));
    QCOMPARE(order.size(), 12);
    QStringList sorted = order;
    std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) { return a.mid(1).toInt() < b.mid(1).toInt(); });
    QVERIFY2(order != sorted, "output lines come back shuffled");
    JsonSchemaValidator lineSpec;
    QVERIFY(lineSpec.loadFile(specsDir + QStringLiteral("/batch_jsonl_line_schemas_2025-06.json")));
    JsonSchemaValidator chat;
    QVERIFY(chat.loadFile(specsDir + QStringLiteral("/chat_completions.openapi.json")));
    for (const QJsonObject &line : linesByKey(output.body, QStringLiteral("custom_id"))) {
        QVERIFY(lineSpec.isValid(line, QStringLiteral("#/BatchRequestOutput")));
        const QJsonObject response = line.value(QStringLiteral("response")).toObject();
        QCOMPARE(response.value(QStringLiteral("status_code")).toInt(), 200);
        QVERIFY(chat.isValid(response.value(QStringLiteral("body")), QStringLiteral("#/components/schemas/CreateChatCompletionResponse")));
    }
    for (const auto &record : m_server->batches().lineRecords())
        QVERIFY2(record.schemaValid, qPrintable(record.schemaError));

    // The input file can be deleted afterwards.
    QCOMPARE(m_server->batches().liveFileIds(), QStringList{fileId});
    QCOMPARE(request("DELETE", QStringLiteral("/v1/files/") + fileId).status, 200);
    QVERIFY(m_server->batches().liveFileIds().isEmpty());
}

void TstFakeBatchApis::openAi_failedLinesGoToTheErrorFile()
{
    FakeBatchApis::Script script;
    script.failLines = 2;
    script.dropLines = 1;
    m_server->batches().enqueue(script);
    const QString batchId = createOpenAi(uploadOpenAi(openAiLines(6)));
    const QJsonObject batch = waitOpenAi(batchId, QStringLiteral("completed"));
    QVERIFY(!batch.isEmpty());
    const auto output = linesByKey(request("GET", QStringLiteral("/v1/files/%1/content").arg(batch.value(QStringLiteral("output_file_id")).toString())).body, QStringLiteral("custom_id"));
    const auto errors = linesByKey(request("GET", QStringLiteral("/v1/files/%1/content").arg(batch.value(QStringLiteral("error_file_id")).toString())).body, QStringLiteral("custom_id"));
    QCOMPARE(output.keys(), (QStringList{QStringLiteral("c2"), QStringLiteral("c3"), QStringLiteral("c4")}));
    QCOMPARE(errors.keys(), (QStringList{QStringLiteral("c0"), QStringLiteral("c1")}));
    QCOMPARE(errors.value(QStringLiteral("c0")).value(QStringLiteral("response")).toObject().value(QStringLiteral("status_code")).toInt(), 500);
}

void TstFakeBatchApis::openAi_validationFailure_twoModelsInOneFile()
{
    const QString batchId = createOpenAi(uploadOpenAi(openAiLines(3, QStringLiteral("gpt-4.1"))));
    const QJsonObject batch = waitOpenAi(batchId, QStringLiteral("failed"));
    QVERIFY(!batch.isEmpty());
    const QJsonArray errors = batch.value(QStringLiteral("errors")).toObject().value(QStringLiteral("data")).toArray();
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.first().toObject().value(QStringLiteral("message")).toString().contains(QLatin1String("one model")));
    QVERIFY(!batch.contains(QStringLiteral("output_file_id")));
}

void TstFakeBatchApis::openAi_expiredKeepsItsCompletedLines()
{
    FakeBatchApis::Script script;
    script.end = FakeBatchApis::End::Expire;
    script.completeLines = 3;
    m_server->batches().enqueue(script);
    const QJsonObject batch = waitOpenAi(createOpenAi(uploadOpenAi(openAiLines(5))), QStringLiteral("expired"));
    QVERIFY(!batch.isEmpty());
    const auto output = linesByKey(request("GET", QStringLiteral("/v1/files/%1/content").arg(batch.value(QStringLiteral("output_file_id")).toString())).body, QStringLiteral("custom_id"));
    const auto errors = linesByKey(request("GET", QStringLiteral("/v1/files/%1/content").arg(batch.value(QStringLiteral("error_file_id")).toString())).body, QStringLiteral("custom_id"));
    QCOMPARE(output.size(), 3);
    QCOMPARE(errors.size(), 2);
    QCOMPARE(errors.first().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("batch_expired"));
}

void TstFakeBatchApis::openAi_cancelKeepsPartialResults_andListFindsByMetadata()
{
    FakeBatchApis::Script script;
    script.completeLines = 2;
    m_server->batches().enqueue(script);
    const QString first = createOpenAi(uploadOpenAi(openAiLines(4)), {{QStringLiteral("corrige_tag"), QStringLiteral("one")}});
    const QString second = createOpenAi(uploadOpenAi(openAiLines(4)), {{QStringLiteral("corrige_tag"), QStringLiteral("two")}});
    const Reply cancel = request("POST", QStringLiteral("/v1/batches/%1/cancel").arg(first));
    QCOMPARE(cancel.status, 200);
    QCOMPARE(cancel.json.value(QStringLiteral("status")).toString(), QStringLiteral("cancelling"));
    const QJsonObject cancelled = waitOpenAi(first, QStringLiteral("cancelled"));
    QCOMPARE(cancelled.value(QStringLiteral("request_counts")).toObject().value(QStringLiteral("completed")).toInt(), 2);
    QVERIFY(!cancelled.value(QStringLiteral("output_file_id")).toString().isEmpty());

    // Newest first, one page at a time.
    const Reply page1 = request("GET", QStringLiteral("/v1/batches?limit=1"));
    QCOMPARE(page1.json.value(QStringLiteral("data")).toArray().first().toObject().value(QStringLiteral("id")).toString(), second);
    QVERIFY(page1.json.value(QStringLiteral("has_more")).toBool());
    const Reply page2 = request("GET", QStringLiteral("/v1/batches?limit=1&after=") + second);
    const QJsonObject found = page2.json.value(QStringLiteral("data")).toArray().first().toObject();
    QCOMPARE(found.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("corrige_tag")).toString(), QStringLiteral("one"));
    QVERIFY(!page2.json.value(QStringLiteral("has_more")).toBool());
}

void TstFakeBatchApis::openAi_createIsValidatedAndRateLimited()
{
    const QString fileId = uploadOpenAi(openAiLines(1));
    // Not the official shape: completion_window must be "24h".
    Reply bad = request("POST", QStringLiteral("/v1/batches"),
                        QJsonDocument(QJsonObject{{QStringLiteral("input_file_id"), fileId},
                                                  {QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions")},
                                                  {QStringLiteral("completion_window"), QStringLiteral("48h")}}).toJson());
    QCOMPARE(bad.status, 400);
    FakeBatchApis::Script script;
    script.create429 = 1;
    m_server->batches().enqueue(script);
    const Reply limited = request("POST", QStringLiteral("/v1/batches"),
                                  QJsonDocument(QJsonObject{{QStringLiteral("input_file_id"), fileId},
                                                            {QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions")},
                                                            {QStringLiteral("completion_window"), QStringLiteral("24h")}}).toJson());
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.headers.value("retry-after"), QByteArray("1"));
    QCOMPARE(m_server->batches().createCount(), 0);
    QVERIFY(!createOpenAi(fileId).isEmpty());
    QCOMPARE(m_server->batches().createCount(), 1);
    QCOMPARE(m_server->batches().createRequests(), 3);
}

QString TstFakeBatchApis::uploadGemini(const QByteArray &jsonl)
{
    const Reply start = request("POST", QStringLiteral("/upload/v1beta/files"),
                                QJsonDocument(QJsonObject{{QStringLiteral("file"), QJsonObject{{QStringLiteral("display_name"), QStringLiteral("lines")}}}}).toJson(),
                                {{"X-Goog-Upload-Protocol", "resumable"},
                                 {"X-Goog-Upload-Command", "start"},
                                 {"X-Goog-Upload-Header-Content-Length", QByteArray::number(jsonl.size())},
                                 {"X-Goog-Upload-Header-Content-Type", "application/jsonl"}});
    const QUrl uploadUrl = QUrl::fromEncoded(start.headers.value("x-goog-upload-url"));
    if (start.status != 200 || !uploadUrl.isValid()) {
        qWarning("upload start: %d %s", start.status, start.body.constData());
        return {};
    }
    const Reply done = request("POST", QStringLiteral("/upload/v1beta/files"), jsonl,
                               {{"X-Goog-Upload-Command", "upload, finalize"}, {"X-Goog-Upload-Offset", "0"}}, nullptr, uploadUrl);
    if (done.headers.value("x-goog-upload-status") != "final") {
        qWarning("upload: %d %s", done.status, done.body.constData());
        return {};
    }
    return done.json.value(QStringLiteral("file")).toObject().value(QStringLiteral("name")).toString();
}

QJsonObject TstFakeBatchApis::waitGemini(const QString &name)
{
    for (int i = 0; i < 200; ++i) {
        const QJsonObject operation = request("GET", QStringLiteral("/v1beta/") + name).json;
        if (operation.value(QStringLiteral("done")).toBool())
            return operation;
        QTest::qWait(20);
    }
    return {};
}

void TstFakeBatchApis::gemini_resumableUploadAndJsonlBatch()
{
    QByteArray jsonl;
    for (int i = 0; i < 8; ++i)
        jsonl += QJsonDocument(QJsonObject{{QStringLiteral("key"), QStringLiteral("k%1").arg(i)}, {QStringLiteral("request"), geminiRequest()}}).toJson(QJsonDocument::Compact) + '\n';
    const QString file = uploadGemini(jsonl);
    QVERIFY(file.startsWith(QLatin1String("files/")));
    const Reply created = request("POST", QStringLiteral("/v1beta/models/gemini-2.5-flash:batchGenerateContent"),
                                  QJsonDocument(QJsonObject{{QStringLiteral("batch"), QJsonObject{{QStringLiteral("displayName"), QStringLiteral("corrige-tag")},
                                                                                                  {QStringLiteral("inputConfig"), QJsonObject{{QStringLiteral("fileName"), file}}}}}}).toJson());
    QCOMPARE(created.status, 200);
    const QString name = created.json.value(QStringLiteral("name")).toString();
    QVERIFY(name.startsWith(QLatin1String("batches/")));
    QCOMPARE(created.json.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("BATCH_STATE_PENDING"));
    const QJsonObject done = waitGemini(name);
    QCOMPARE(done.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("BATCH_STATE_SUCCEEDED"));
    QCOMPARE(done.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("batchStats")).toObject().value(QStringLiteral("successfulRequestCount")).toString(), QStringLiteral("8"));
    const QString responses = done.value(QStringLiteral("response")).toObject().value(QStringLiteral("responsesFile")).toString();
    const Reply results = request("GET", QStringLiteral("/download/v1beta/%1:download?alt=media").arg(responses));
    QCOMPARE(results.status, 200);
    const auto lines = linesByKey(results.body, QStringLiteral("key"));
    QCOMPARE(lines.size(), 8);
    for (const QJsonObject &line : lines) {
        const QString text = line.value(QStringLiteral("response")).toObject().value(QStringLiteral("candidates")).toArray().first().toObject()
                                 .value(QStringLiteral("content")).toObject().value(QStringLiteral("parts")).toArray().first().toObject()
                                 .value(QStringLiteral("text")).toString();
        QVERIFY(!text.isEmpty());
    }
    for (const auto &record : m_server->batches().lineRecords())
        QVERIFY2(record.schemaValid, qPrintable(record.schemaError));
    QCOMPARE(request("DELETE", QStringLiteral("/v1beta/") + file).status, 200);
    QVERIFY(m_server->batches().liveFileIds().isEmpty());
}

void TstFakeBatchApis::gemini_inlineBatch_inInputOrder()
{
    QJsonArray requests;
    for (int i = 0; i < 5; ++i)
        requests.append(QJsonObject{{QStringLiteral("request"), geminiRequest()}, {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("key"), QStringLiteral("k%1").arg(i)}}}});
    FakeBatchApis::Script script;
    script.failLines = 1;
    m_server->batches().enqueue(script);
    const Reply created = request("POST", QStringLiteral("/v1beta/models/gemini-2.5-flash:batchGenerateContent"),
                                  QJsonDocument(QJsonObject{{QStringLiteral("batch"), QJsonObject{{QStringLiteral("displayName"), QStringLiteral("inline")},
                                                                                                  {QStringLiteral("inputConfig"), QJsonObject{{QStringLiteral("requests"), QJsonObject{{QStringLiteral("requests"), requests}}}}}}}}).toJson());
    QCOMPARE(created.status, 200);
    const QJsonObject done = waitGemini(created.json.value(QStringLiteral("name")).toString());
    const QJsonArray inlined = done.value(QStringLiteral("response")).toObject().value(QStringLiteral("inlinedResponses")).toObject().value(QStringLiteral("inlinedResponses")).toArray();
    QCOMPARE(inlined.size(), 5);
    QVERIFY(inlined.at(0).toObject().contains(QStringLiteral("error")));
    for (int i = 1; i < 5; ++i) {
        QCOMPARE(inlined.at(i).toObject().value(QStringLiteral("metadata")).toObject().value(QStringLiteral("key")).toString(), QStringLiteral("k%1").arg(i));
        QVERIFY(inlined.at(i).toObject().contains(QStringLiteral("response")));
    }
}

void TstFakeBatchApis::gemini_lateResultsFile_andJobStateSpelling()
{
    FakeBatchApis::Script script;
    script.resultsLatePolls = 2;
    script.jobStateSpelling = true;
    m_server->batches().enqueue(script);
    const QByteArray jsonl = QJsonDocument(QJsonObject{{QStringLiteral("key"), QStringLiteral("k0")}, {QStringLiteral("request"), geminiRequest()}}).toJson(QJsonDocument::Compact) + '\n';
    const Reply created = request("POST", QStringLiteral("/v1beta/models/gemini-2.5-flash:batchGenerateContent"),
                                  QJsonDocument(QJsonObject{{QStringLiteral("batch"), QJsonObject{{QStringLiteral("display_name"), QStringLiteral("late")},
                                                                                                  {QStringLiteral("input_config"), QJsonObject{{QStringLiteral("file_name"), uploadGemini(jsonl)}}}}}}).toJson());
    QVERIFY2(created.status == 200, created.body.constData());
    const QJsonObject first = waitGemini(created.json.value(QStringLiteral("name")).toString());
    QCOMPARE(first.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("JOB_STATE_SUCCEEDED"));
    QVERIFY(!first.contains(QStringLiteral("response")));
    const QJsonObject second = request("GET", QStringLiteral("/v1beta/") + first.value(QStringLiteral("name")).toString()).json;
    QVERIFY(!second.contains(QStringLiteral("response")));
    const QJsonObject third = request("GET", QStringLiteral("/v1beta/") + first.value(QStringLiteral("name")).toString()).json;
    QVERIFY(third.value(QStringLiteral("response")).toObject().contains(QStringLiteral("responsesFile")));
}

void TstFakeBatchApis::gemini_expiredHasNoResults_andListAndCancel()
{
    FakeBatchApis::Script script;
    script.end = FakeBatchApis::End::Expire;
    m_server->batches().enqueue(script);
    QJsonArray requests{QJsonObject{{QStringLiteral("request"), geminiRequest()}, {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("key"), QStringLiteral("k")}}}}};
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("batch"), QJsonObject{{QStringLiteral("displayName"), QStringLiteral("a")},
                                                                                           {QStringLiteral("inputConfig"), QJsonObject{{QStringLiteral("requests"), QJsonObject{{QStringLiteral("requests"), requests}}}}}}}}).toJson();
    const QString expired = request("POST", QStringLiteral("/v1beta/models/gemini-2.5-flash:batchGenerateContent"), body).json.value(QStringLiteral("name")).toString();
    const QString other = request("POST", QStringLiteral("/v1beta/models/gemini-2.5-flash:batchGenerateContent"), body).json.value(QStringLiteral("name")).toString();
    QCOMPARE(request("POST", QStringLiteral("/v1beta/%1:cancel").arg(other)).status, 200);
    const QJsonObject done = waitGemini(expired);
    QCOMPARE(done.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("BATCH_STATE_EXPIRED"));
    QVERIFY(!done.contains(QStringLiteral("response")));
    QCOMPARE(waitGemini(other).value(QStringLiteral("metadata")).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("BATCH_STATE_CANCELLED"));
    const Reply list = request("GET", QStringLiteral("/v1beta/batches?pageSize=1"));
    QCOMPARE(list.json.value(QStringLiteral("operations")).toArray().size(), 1);
    QCOMPARE(list.json.value(QStringLiteral("nextPageToken")).toString(), QStringLiteral("1"));
    const Reply page2 = request("GET", QStringLiteral("/v1beta/batches?pageSize=1&pageToken=1"));
    QCOMPARE(page2.json.value(QStringLiteral("operations")).toArray().first().toObject().value(QStringLiteral("name")).toString(), expired);
}

void TstFakeBatchApis::recordedGeminiOperation_hasTheSameShape()
{
    QFile file(examplesDir + QStringLiteral("/batch_recorded_ellmer/gemini_batch_operation_get.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject recorded = QJsonDocument::fromJson(file.readAll()).object();
    const QByteArray jsonl = QJsonDocument(QJsonObject{{QStringLiteral("key"), QStringLiteral("k0")}, {QStringLiteral("request"), geminiRequest()}}).toJson(QJsonDocument::Compact) + '\n';
    const Reply created = request("POST", QStringLiteral("/v1beta/models/gemini-2.5-flash:batchGenerateContent"),
                                  QJsonDocument(QJsonObject{{QStringLiteral("batch"), QJsonObject{{QStringLiteral("displayName"), QStringLiteral("x")},
                                                                                                  {QStringLiteral("inputConfig"), QJsonObject{{QStringLiteral("fileName"), uploadGemini(jsonl)}}}}}}).toJson());
    const QJsonObject done = waitGemini(created.json.value(QStringLiteral("name")).toString());
    for (const QString &key : recorded.keys())
        QVERIFY2(done.contains(key), qPrintable(key));
    const QJsonObject recordedMetadata = recorded.value(QStringLiteral("metadata")).toObject();
    const QJsonObject metadata = done.value(QStringLiteral("metadata")).toObject();
    for (const QString &key : recordedMetadata.keys())
        QVERIFY2(metadata.contains(key), qPrintable(key));
    QVERIFY(metadata.value(QStringLiteral("batchStats")).toObject().value(QStringLiteral("requestCount")).isString());
}

QTEST_GUILESS_MAIN(TstFakeBatchApis)
#include "tst_fakebatchapis.moc"
