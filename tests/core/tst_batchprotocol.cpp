// The Batch APIs' wire formats: states in both spellings, recorded jobs, result lines, input lines that fit the
// official schemas, and input files split under the limits.
#include "core/llm/batchfilewriter.h"
#include "core/llm/batchprotocol.h"
#include "core/llm/geminiprovider.h"
#include "core/llm/llmclient.h"
#include "tests/support/jsonschemavalidator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Corrige::Core;

namespace {

const QString dataDir = QStringLiteral(CORRIGE_TEST_DATA_DIR "/api");

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
}

LlmRequest gradingRequest()
{
    LlmRequest request;
    request.systemInstruction = QStringLiteral("Grade the copy.");
    request.userText = QStringLiteral("q1 (maximum 4 points)");
    request.jpegImages = {QByteArray("\xff\xd8\xff\xe0 fake jpeg", 14)};
    request.imageLabels = {QStringLiteral("Page 1")};
    request.responseSchema = QJsonObject{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"), QJsonObject{{QStringLiteral("maxScore"), QJsonObject{{QStringLiteral("type"), QStringLiteral("number")}}}}},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("maxScore")}},
        {QStringLiteral("additionalProperties"), false}};
    request.schemaName = QStringLiteral("copy_grades");
    return request;
}

} // namespace

class TstBatchProtocol : public QObject
{
    Q_OBJECT

private slots:
    void geminiStates_bothSpellings_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<BatchState>("state");
        QTest::newRow("batch pending") << QStringLiteral("BATCH_STATE_PENDING") << BatchState::Pending;
        QTest::newRow("job pending") << QStringLiteral("JOB_STATE_PENDING") << BatchState::Pending;
        QTest::newRow("batch running") << QStringLiteral("BATCH_STATE_RUNNING") << BatchState::Running;
        QTest::newRow("job succeeded") << QStringLiteral("JOB_STATE_SUCCEEDED") << BatchState::Succeeded;
        QTest::newRow("batch succeeded") << QStringLiteral("BATCH_STATE_SUCCEEDED") << BatchState::Succeeded;
        QTest::newRow("job failed") << QStringLiteral("JOB_STATE_FAILED") << BatchState::Failed;
        QTest::newRow("batch expired") << QStringLiteral("BATCH_STATE_EXPIRED") << BatchState::Expired;
        QTest::newRow("job cancelled") << QStringLiteral("JOB_STATE_CANCELLED") << BatchState::Cancelled;
        QTest::newRow("unknown") << QStringLiteral("BATCH_STATE_UNSPECIFIED") << BatchState::Unknown;
    }
    void geminiStates_bothSpellings()
    {
        QFETCH(QString, raw);
        QFETCH(BatchState, state);
        QCOMPARE(BatchProtocol::geminiState(raw), state);
    }

    void openAiStates()
    {
        QCOMPARE(BatchProtocol::openAiState(QStringLiteral("validating")), BatchState::Pending);
        QCOMPARE(BatchProtocol::openAiState(QStringLiteral("finalizing")), BatchState::Running);
        QCOMPARE(BatchProtocol::openAiState(QStringLiteral("completed")), BatchState::Succeeded);
        QCOMPARE(BatchProtocol::openAiState(QStringLiteral("cancelling")), BatchState::Cancelling);
        QCOMPARE(BatchProtocol::openAiState(QStringLiteral("expired")), BatchState::Expired);
    }

    void recordedGeminiJob_isReadable()
    {
        const QJsonObject operation = readJson(dataDir + QStringLiteral("/examples/batch_recorded_ellmer/gemini_batch_operation_get.json"));
        QVERIFY(!operation.isEmpty());
        const RemoteBatch batch = BatchProtocol::parseGeminiOperation(operation);
        QCOMPARE(batch.id, QStringLiteral("batches/o6k1fq34vm2ou69wy5w72wqw56qjigbln6yy"));
        QCOMPARE(batch.tag, QStringLiteral("ellmer-1783003258"));
        QCOMPARE(batch.state, BatchState::Succeeded);
        QCOMPARE(batch.total, 4); // int64 counts come as strings
        QCOMPARE(batch.completed, 4);
        QCOMPARE(batch.outputFile, QStringLiteral("files/batch-o6k1fq34vm2ou69wy5w72wqw56qjigbln6yy"));
        QVERIFY(batch.resultsReady());

        // "Succeeded" before its results file: not ready, poll again.
        QJsonObject early = operation;
        early.remove(QStringLiteral("response"));
        QJsonObject metadata = early.value(QStringLiteral("metadata")).toObject();
        metadata.remove(QStringLiteral("output"));
        early.insert(QStringLiteral("metadata"), metadata);
        const RemoteBatch notYet = BatchProtocol::parseGeminiOperation(early);
        QCOMPARE(notYet.state, BatchState::Succeeded);
        QVERIFY(!notYet.resultsReady());
    }

    void recordedOpenAiJob_isReadable()
    {
        const QJsonObject recorded = readJson(dataDir + QStringLiteral("/examples/batch_recorded_ellmer/state-capitals-openai-responses.json"));
        const RemoteBatch batch = BatchProtocol::parseOpenAiBatch(recorded.value(QStringLiteral("batch")).toObject());
        QCOMPARE(batch.state, BatchState::Succeeded);
        QCOMPARE(batch.total, 4);
        QCOMPARE(batch.completed, 4);
        QVERIFY(!batch.outputFile.isEmpty());
        QVERIFY(batch.resultsReady());

        // Completed with answers but no output file yet: not ready. Completed with only an error file: ready.
        QJsonObject raw = recorded.value(QStringLiteral("batch")).toObject();
        raw.insert(QStringLiteral("output_file_id"), QJsonValue::Null);
        QVERIFY(!BatchProtocol::parseOpenAiBatch(raw).resultsReady());
        raw.insert(QStringLiteral("error_file_id"), QStringLiteral("file-err"));
        raw.insert(QStringLiteral("request_counts"), QJsonObject{{QStringLiteral("total"), 4}, {QStringLiteral("completed"), 0}, {QStringLiteral("failed"), 4}});
        QVERIFY(BatchProtocol::parseOpenAiBatch(raw).resultsReady());
    }

    void openAiResults_joinOnCustomId_andTellFailuresFromLinesThatNeverRan()
    {
        QFile example(dataDir + QStringLiteral("/examples/openai/batch_output_line.example.jsonl"));
        QVERIFY(example.open(QIODevice::ReadOnly));
        QByteArray jsonl = example.readAll();
        jsonl += "\n{\"id\":\"batch_req_2\",\"custom_id\":\"c9-p0-a\",\"response\":null,\"error\":{\"code\":\"batch_expired\",\"message\":\"expired\"}}\n";
        jsonl += "{\"id\":\"batch_req_3\",\"custom_id\":\"c8-p0-a\",\"response\":{\"status_code\":500,\"request_id\":\"r\",\"body\":{\"error\":{\"message\":\"boom\",\"type\":\"server_error\",\"param\":null,\"code\":null}}},\"error\":null}\n";
        const QList<BatchLineResult> results = BatchProtocol::parseOpenAiResults(jsonl);
        QCOMPARE(results.size(), 3);
        QCOMPARE(results.at(0).key, QStringLiteral("request-2"));
        QCOMPARE(results.at(0).httpStatus, 200);
        QVERIFY(results.at(0).body.contains("chat.completion"));
        QVERIFY(results.at(1).notRun);
        QVERIFY(!results.at(2).notRun);
        QCOMPARE(results.at(2).httpStatus, 500);
    }

    void geminiResults_fileAndInline()
    {
        const QByteArray jsonl = "{\"key\":\"c1-p0-a\",\"response\":{\"candidates\":[]}}\n"
                                 "{\"key\":\"c2-p0-a\",\"error\":{\"code\":13,\"message\":\"Internal\",\"status\":\"INTERNAL\"}}\n";
        const QList<BatchLineResult> results = BatchProtocol::parseGeminiResults(jsonl);
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).httpStatus, 200);
        QCOMPARE(results.at(1).httpStatus, 500);
        QVERIFY(results.at(1).body.contains("Internal"));

        // Inline results without their metadata are keyed by position.
        const QJsonArray inlined{QJsonObject{{QStringLiteral("response"), QJsonObject{}}},
                                 QJsonObject{{QStringLiteral("response"), QJsonObject{}}, {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("key"), QStringLiteral("c7-p0-a")}}}}};
        const QList<BatchLineResult> keyed = BatchProtocol::parseGeminiInline(inlined, {QStringLiteral("c5-p0-a"), QStringLiteral("c6-p0-a")});
        QCOMPARE(keyed.at(0).key, QStringLiteral("c5-p0-a"));
        QCOMPARE(keyed.at(1).key, QStringLiteral("c7-p0-a"));
    }

    void inputLines_carryTheLiveBody_andFitTheOfficialSchemas()
    {
        Corrige::Test::JsonSchemaValidator gemini;
        QVERIFY(gemini.loadFile(dataDir + QStringLiteral("/specs/gemini_v1beta_rest.schema.json")));
        Corrige::Test::JsonSchemaValidator lines;
        QVERIFY(lines.loadFile(dataDir + QStringLiteral("/specs/batch_jsonl_line_schemas_2025-06.json")));

        ProviderConfig geminiConfig;
        geminiConfig.kind = ProviderKind::Gemini;
        geminiConfig.model = QStringLiteral("gemini-2.5-flash");
        const PreparedRequest live = LlmClient::prepare(geminiConfig, gradingRequest());
        const QByteArray geminiLine = BatchProtocol::inputLine(ProviderKind::Gemini, QStringLiteral("c1-p0-a"), live.body);
        QVERIFY(geminiLine.endsWith('\n'));
        const QJsonObject line = QJsonDocument::fromJson(geminiLine).object();
        const auto violations = gemini.validate(line, QStringLiteral("#/$defs/BatchJsonlLine"));
        QVERIFY2(violations.isEmpty(), qPrintable(violations.value(0).pointer() + QLatin1Char(' ') + violations.value(0).message));
        const QJsonObject request = line.value(QStringLiteral("request")).toObject();
        // snake_case keys, the schema's own names untouched, the content unchanged.
        QVERIFY(request.contains(QStringLiteral("generation_config")));
        QVERIFY(request.contains(QStringLiteral("system_instruction")));
        const QJsonObject config = request.value(QStringLiteral("generation_config")).toObject();
        QVERIFY(config.value(QStringLiteral("response_json_schema")).toObject().value(QStringLiteral("properties")).toObject().contains(QStringLiteral("maxScore")));
        QVERIFY(QJsonDocument(request).toJson(QJsonDocument::Compact).contains("inline_data"));
        QCOMPARE(BatchProtocol::snakeCaseRequest(QJsonDocument::fromJson(live.body).object()), request);
        // A prompt that quotes a key is data, not a key.
        LlmRequest tricky = gradingRequest();
        tricky.userText = QStringLiteral("{\"inlineData\": 1, \"mimeType\":2}");
        const QByteArray trickyBody = LlmClient::prepare(geminiConfig, tricky).body;
        QCOMPARE(QJsonDocument::fromJson(BatchProtocol::snakeCaseBody(trickyBody)).object(),
                 BatchProtocol::snakeCaseRequest(QJsonDocument::fromJson(trickyBody).object()));

        ProviderConfig openAiConfig;
        openAiConfig.kind = ProviderKind::OpenAi;
        openAiConfig.model = QStringLiteral("gpt-4.1-mini");
        const PreparedRequest openAiLive = LlmClient::prepare(openAiConfig, gradingRequest());
        const QJsonObject openAiLine = QJsonDocument::fromJson(BatchProtocol::inputLine(ProviderKind::OpenAi, QStringLiteral("c1-p0-b"), openAiLive.body)).object();
        QVERIFY(lines.isValid(openAiLine, QStringLiteral("#/BatchRequestInput")));
        QCOMPARE(openAiLine.value(QStringLiteral("custom_id")).toString(), QStringLiteral("c1-p0-b"));
        QCOMPARE(openAiLine.value(QStringLiteral("url")).toString(), QStringLiteral("/v1/chat/completions"));
        QCOMPARE(openAiLine.value(QStringLiteral("body")).toObject(), QJsonDocument::fromJson(openAiLive.body).object());
    }

    void createBodies_carryTheTag()
    {
        const QJsonObject openAi = QJsonDocument::fromJson(BatchProtocol::openAiCreateBody(QStringLiteral("file-1"), QStringLiteral("corrige-x"))).object();
        QCOMPARE(openAi.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("corrige_tag")).toString(), QStringLiteral("corrige-x"));
        QCOMPARE(openAi.value(QStringLiteral("completion_window")).toString(), QStringLiteral("24h"));
        const QJsonObject gemini = QJsonDocument::fromJson(BatchProtocol::geminiFileCreateBody(QStringLiteral("files/a"), QStringLiteral("corrige-y"))).object();
        QCOMPARE(gemini.value(QStringLiteral("batch")).toObject().value(QStringLiteral("displayName")).toString(), QStringLiteral("corrige-y"));
        const QJsonObject inlined = QJsonDocument::fromJson(BatchProtocol::geminiInlineCreateBody(
            "{\"key\":\"k1\",\"request\":{\"contents\":[]}}\n{\"key\":\"k2\",\"request\":{\"contents\":[]}}\n", QStringLiteral("t"))).object();
        const QJsonArray requests = inlined.value(QStringLiteral("batch")).toObject().value(QStringLiteral("inputConfig")).toObject()
                                        .value(QStringLiteral("requests")).toObject().value(QStringLiteral("requests")).toArray();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(1).toObject().value(QStringLiteral("metadata")).toObject().value(QStringLiteral("key")).toString(), QStringLiteral("k2"));
    }

    void fileWriter_splitsByBytesAndByLines()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        BatchFileWriter bytes(BatchLimits{100, 1000}, dir.path(), QStringLiteral("bytes"));
        for (int i = 0; i < 7; ++i)
            QVERIFY(bytes.add(QStringLiteral("k%1").arg(i), QByteArray(30, 'x') + '\n'));
        QVERIFY(bytes.finish());
        QCOMPARE(bytes.chunks().size(), 3); // 3 + 3 + 1 lines of 31 bytes under 100
        QCOMPARE(bytes.chunks().at(0).keys, (QStringList{QStringLiteral("k0"), QStringLiteral("k1"), QStringLiteral("k2")}));
        QFile first(bytes.chunks().at(0).path);
        QVERIFY(first.open(QIODevice::ReadOnly));
        QCOMPARE(first.size(), 93);

        BatchFileWriter lines(BatchLimits{1 << 20, 2}, dir.path(), QStringLiteral("lines"));
        for (int i = 0; i < 5; ++i)
            QVERIFY(lines.add(QStringLiteral("k%1").arg(i), "{}\n"));
        QVERIFY(lines.finish());
        QCOMPARE(lines.chunks().size(), 3);
        QCOMPARE(lines.chunks().last().lines, 1);

        BatchFileWriter tooBig(BatchLimits{10, 10}, dir.path(), QStringLiteral("big"));
        const Status refused = tooBig.add(QStringLiteral("k"), QByteArray(11, 'x'));
        QVERIFY(!refused);
        QVERIFY(!refused.errorString().isEmpty());

        QCOMPARE(BatchLimits::forProvider(ProviderKind::OpenAi).maxLines, 50000);
        QCOMPARE(BatchLimits::forProvider(ProviderKind::OpenAi).maxBytes, 200LL * 1000 * 1000);
    }
};

QTEST_GUILESS_MAIN(TstBatchProtocol)
#include "tst_batchprotocol.moc"
