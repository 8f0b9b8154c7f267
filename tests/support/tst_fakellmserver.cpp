#include "tests/support/fakellmserver.h"
#include "tests/support/jsonschemavalidator.h"
#include "tests/support/schemainstancegenerator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QThread>
#include <QUrlQuery>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <memory>

using Corrige::Test::FakeLlmServer;
using Corrige::Test::JsonSchemaValidator;
using Corrige::Test::SchemaInstanceGenerator;
using Corrige::Test::SchemaViolation;
using Fault = FakeLlmServer::Fault;
using Headers = QList<QPair<QByteArray, QByteArray>>;

Q_DECLARE_METATYPE(FakeLlmServer::Fault)

namespace {

const QString specsDir = QStringLiteral(CORRIGE_TEST_DATA_DIR "/api/specs");
const QString examplesDir = QStringLiteral(CORRIGE_TEST_DATA_DIR "/api/examples");
const QString geminiKey = QStringLiteral("gemini-test-key-0123456789");
const QString openAiKey = QStringLiteral("sk-test-0123456789abcdef");

struct HttpResult {
    int status = 0;
    QByteArray body;
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    bool finished = false;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    bool isJson() const { return !QJsonDocument::fromJson(body).isNull(); }
};

QJsonObject parseObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

QJsonObject parseObject(const QString &json)
{
    return parseObject(json.toUtf8());
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The schema a grading request asks for: one item per question, a score between 0 and 4.
QJsonObject gradingSchema()
{
    return parseObject(QByteArrayLiteral(R"({
        "type": "object",
        "properties": {
            "questions": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string", "enum": ["q1", "q2", "q3"]},
                        "score": {"type": "number", "minimum": 0, "maximum": 4},
                        "justification": {"type": "string"},
                        "flags": {"type": "array", "items": {"type": "string", "enum": ["blank", "illegible", "suspicious"]}}
                    },
                    "required": ["id", "score", "justification", "flags"],
                    "additionalProperties": false
                }
            }
        },
        "required": ["questions"],
        "additionalProperties": false
    })"));
}

QString imageBase64()
{
    return QString::fromLatin1(QByteArray("\xff\xd8\xff\xe0 not really a JPEG, but base64 all the same").toBase64());
}

QJsonObject geminiBody(const QJsonObject &schema = gradingSchema())
{
    return QJsonObject{
        {QStringLiteral("systemInstruction"),
         QJsonObject{{QStringLiteral("parts"), QJsonArray{QJsonObject{{QStringLiteral("text"), QStringLiteral("You grade exams.")}}}}}},
        {QStringLiteral("contents"),
         QJsonArray{QJsonObject{
             {QStringLiteral("role"), QStringLiteral("user")},
             {QStringLiteral("parts"),
              QJsonArray{QJsonObject{{QStringLiteral("text"), QStringLiteral("Grade this copy.")}},
                         QJsonObject{{QStringLiteral("inlineData"),
                                      QJsonObject{{QStringLiteral("mimeType"), QStringLiteral("image/jpeg")},
                                                  {QStringLiteral("data"), imageBase64()}}}}}}}}},
        {QStringLiteral("generationConfig"),
         QJsonObject{{QStringLiteral("temperature"), 0},
                     {QStringLiteral("responseMimeType"), QStringLiteral("application/json")},
                     {QStringLiteral("responseJsonSchema"), schema}}}};
}

QJsonObject openAiBody(const QJsonObject &schema = gradingSchema(), bool strict = true)
{
    const QString model = QStringLiteral("gpt-4o-mini");
    return QJsonObject{
        {QStringLiteral("model"), model},
        {QStringLiteral("messages"),
         QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                {QStringLiteral("content"), QStringLiteral("You grade exams.")}},
                    QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                {QStringLiteral("content"),
                                 QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                                        {QStringLiteral("text"), QStringLiteral("Grade this copy.")}},
                                            QJsonObject{{QStringLiteral("type"), QStringLiteral("image_url")},
                                                        {QStringLiteral("image_url"),
                                                         QJsonObject{{QStringLiteral("url"),
                                                                      QString(QStringLiteral("data:image/jpeg;base64,")
                                                                              + imageBase64())},
                                                                     {QStringLiteral("detail"), QStringLiteral("high")}}}}}}}}},
        {QStringLiteral("temperature"), 0},
        {QStringLiteral("response_format"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("json_schema")},
                     {QStringLiteral("json_schema"),
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("grading")},
                                  {QStringLiteral("strict"), strict},
                                  {QStringLiteral("schema"), schema}}}}}};
}

// A recorded body: files of the error folders wrap it as {"_source": …, "body": …}.
QJsonValue readRecorded(const QString &relativePath)
{
    QFile file(examplesDir + QLatin1Char('/') + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        return QJsonValue(QJsonValue::Undefined);
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    if (document.isObject() && document.object().contains(QLatin1String("_source")))
        return document.object().value(QLatin1String("body"));
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

QJsonObject readRecordedObject(const QString &relativePath)
{
    const QJsonValue value = readRecorded(relativePath);
    return value.isArray() ? value.toArray().first().toObject() : value.toObject();
}

// Every key of `actual` is in `recorded` with a value of the same JSON type, recursively (array items are compared
// with the recorded item of the same "@type", else the first one). With `exact`, the key sets are equal.
bool sameShape(const QJsonValue &actual, const QJsonValue &recorded, bool exact, const QString &path, QString *why)
{
    auto fail = [&](const QString &reason) {
        *why = path + QStringLiteral(": ") + reason;
        return false;
    };
    if (actual.type() != recorded.type()) {
        if (actual.isNull() || recorded.isNull())
            return true; // nullable fields
        return fail(QStringLiteral("type %1 instead of %2").arg(actual.type()).arg(recorded.type()));
    }
    if (actual.isObject()) {
        const QJsonObject a = actual.toObject();
        const QJsonObject r = recorded.toObject();
        for (auto it = a.constBegin(); it != a.constEnd(); ++it) {
            if (!r.contains(it.key()))
                return fail(QStringLiteral("unexpected key '%1'").arg(it.key()));
            if (!sameShape(it.value(), r.value(it.key()), exact, path + QLatin1Char('/') + it.key(), why))
                return false;
        }
        if (exact) {
            for (auto it = r.constBegin(); it != r.constEnd(); ++it) {
                if (!a.contains(it.key()))
                    return fail(QStringLiteral("missing key '%1'").arg(it.key()));
            }
        }
        return true;
    }
    if (actual.isArray()) {
        const QJsonArray a = actual.toArray();
        const QJsonArray r = recorded.toArray();
        if (r.isEmpty())
            return a.isEmpty() || fail(QStringLiteral("the recording has no items to compare with"));
        for (qsizetype i = 0; i < a.size(); ++i) {
            QJsonValue counterpart = r.first();
            const QString type = a.at(i).toObject().value(QLatin1String("@type")).toString();
            for (const QJsonValue &candidate : r) {
                if (!type.isEmpty() && candidate.toObject().value(QLatin1String("@type")).toString() == type)
                    counterpart = candidate;
            }
            if (!sameShape(a.at(i), counterpart, exact, path + QStringLiteral("[%1]").arg(i), why))
                return false;
        }
    }
    return true;
}

QString geminiText(const QJsonObject &response)
{
    QString text;
    const QJsonArray parts = response.value(QLatin1String("candidates"))
                                 .toArray()
                                 .first()
                                 .toObject()
                                 .value(QLatin1String("content"))
                                 .toObject()
                                 .value(QLatin1String("parts"))
                                 .toArray();
    for (const QJsonValue &part : parts)
        text += part.toObject().value(QLatin1String("text")).toString();
    return text;
}

QJsonObject openAiMessage(const QJsonObject &response)
{
    return response.value(QLatin1String("choices")).toArray().first().toObject().value(QLatin1String("message")).toObject();
}

QJsonObject firstChoice(const QJsonObject &response)
{
    return response.value(QLatin1String("choices")).toArray().first().toObject();
}

QJsonObject firstCandidate(const QJsonObject &response)
{
    return response.value(QLatin1String("candidates")).toArray().first().toObject();
}

// The model's text of either API.
QString modelText(const QString &api, const QJsonObject &response)
{
    return api == QLatin1String("gemini") ? geminiText(response)
                                          : openAiMessage(response).value(QLatin1String("content")).toString();
}

QJsonObject detailOfType(const QJsonObject &error, const QString &type)
{
    const QJsonArray details = error.value(QLatin1String("error")).toObject().value(QLatin1String("details")).toArray();
    for (const QJsonValue &detail : details) {
        if (detail.toObject().value(QLatin1String("@type")).toString().endsWith(type))
            return detail.toObject();
    }
    return {};
}

QString violationsText(const QList<SchemaViolation> &violations)
{
    QStringList lines;
    for (const SchemaViolation &v : violations)
        lines.append(v.pointer() + QStringLiteral(" [") + v.keyword + QStringLiteral("] ") + v.message);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestFakeLlmServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // Envelopes
    void geminiAnswerHasTheRecordedEnvelope();
    void geminiTextIsSometimesSplitOverTwoParts();
    void openAiAnswerHasTheRecordedEnvelope();
    void customResponderIsWrapped();
    void recordsDescribeEveryRequest();

    // Faults
    void errorFaultsHaveTheRecordedShapes_data();
    void errorFaultsHaveTheRecordedShapes();
    void answerFaults_data();
    void answerFaults();
    void truncatedBodyIsCompleteHttpButBrokenJson_data();
    void truncatedBodyIsCompleteHttpButBrokenJson();
    void resetMidBodyDropsTheConnection_data();
    void resetMidBodyDropsTheConnection();
    void hangNeverAnswers_data();
    void hangNeverAnswers();
    void stepsAreConsumedInOrderThenDefault();
    void failureRateServesRandomFaults();

    // Keys, limits, timing
    void keysAreCheckedLikeTheRealApis();
    void rateLimitRefusesWithAHint();
    void rateLimitWindowSlides();
    void latencyDelaysAnswers();
    void maxConcurrentCountsOpenRequests();

    // Validation and routing
    void requestValidation_data();
    void requestValidation();
    void unknownPathsAre404();
    void keepAliveAndPipelinedRequests();

    // Default responder
    void defaultResponseFitsTheSchema_data();
    void defaultResponseFitsTheSchema();
    void defaultResponseIsDeterministic();
    void defaultResponseReadsMaximaFromThePrompt();

    // JsonSchemaValidator
    void validatorKeywords_data();
    void validatorKeywords();
    void validatorReportsTheDeepestBranch();
    void validatorRejectsUndeclaredPropertiesWhenAsked();
    void validatorAcceptsRecordedResponses();

    // Threads and the tool
    void serverRunsInItsOwnThread();
    void standaloneToolServes();

private:
    QUrl geminiUrl(const QString &model = QStringLiteral("gemini-2.5-flash")) const;
    QUrl openAiUrl() const;
    QNetworkReply *send(const QUrl &url, const QByteArray &body, const Headers &headers = {}, int timeoutMs = 0,
                        const QByteArray &verb = "POST");
    HttpResult collect(QNetworkReply *reply, int waitMs = 20000);
    HttpResult post(const QUrl &url, const QByteArray &body, const Headers &headers = {}, int timeoutMs = 0);
    HttpResult postGemini(const QJsonObject &body, const QString &model = QStringLiteral("gemini-2.5-flash"));
    HttpResult postOpenAi(const QJsonObject &body);
    HttpResult postApi(const QString &api, const QJsonObject &body);

    QNetworkAccessManager m_nam;
    std::unique_ptr<FakeLlmServer> m_server;
    JsonSchemaValidator m_geminiSpec;
    JsonSchemaValidator m_openAiSpec;
};

void TestFakeLlmServer::initTestCase()
{
    QString error;
    QVERIFY2(m_geminiSpec.loadFile(specsDir + QStringLiteral("/gemini_v1beta_rest.schema.json"), &error), qPrintable(error));
    QVERIFY2(m_openAiSpec.loadFile(specsDir + QStringLiteral("/chat_completions.openapi.json"), &error), qPrintable(error));
    QVERIFY(!readRecorded(QStringLiteral("gemini_errors/429_resource_exhausted_retryinfo.json")).isUndefined());
}

void TestFakeLlmServer::init()
{
    m_server = std::make_unique<FakeLlmServer>(specsDir);
    QVERIFY2(m_server->specsError().isEmpty(), qPrintable(m_server->specsError()));
    QVERIFY(m_server->listen());
    QVERIFY(m_server->port() != 0);
}

void TestFakeLlmServer::cleanup()
{
    m_server.reset();
    m_nam.clearConnectionCache();
}

QUrl TestFakeLlmServer::geminiUrl(const QString &model) const
{
    QUrl url = m_server->geminiBaseUrl();
    url.setPath(QStringLiteral("/v1beta/models/%1:generateContent").arg(model));
    return url;
}

QUrl TestFakeLlmServer::openAiUrl() const
{
    QUrl url = m_server->openAiBaseUrl();
    url.setPath(url.path() + QStringLiteral("/chat/completions"));
    return url;
}

QNetworkReply *TestFakeLlmServer::send(const QUrl &url, const QByteArray &body, const Headers &headers, int timeoutMs,
                                       const QByteArray &verb)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (timeoutMs > 0)
        request.setTransferTimeout(timeoutMs);
    return m_nam.sendCustomRequest(request, verb, body);
}

HttpResult TestFakeLlmServer::collect(QNetworkReply *reply, int waitMs)
{
    HttpResult result;
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(waitMs);
    }
    result.finished = reply->isFinished();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    if (reply->isOpen())
        result.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return result;
}

HttpResult TestFakeLlmServer::post(const QUrl &url, const QByteArray &body, const Headers &headers, int timeoutMs)
{
    return collect(send(url, body, headers, timeoutMs));
}

HttpResult TestFakeLlmServer::postGemini(const QJsonObject &body, const QString &model)
{
    return post(geminiUrl(model), compact(body), {{"x-goog-api-key", geminiKey.toUtf8()}});
}

HttpResult TestFakeLlmServer::postOpenAi(const QJsonObject &body)
{
    return post(openAiUrl(), compact(body), {{"Authorization", "Bearer " + openAiKey.toUtf8()}});
}

HttpResult TestFakeLlmServer::postApi(const QString &api, const QJsonObject &body)
{
    return api == QLatin1String("gemini") ? postGemini(body == QJsonObject() ? geminiBody() : body)
                                          : postOpenAi(body == QJsonObject() ? openAiBody() : body);
}

// ---------------------------------------------------------------------------------------------------------------
// Envelopes

void TestFakeLlmServer::geminiAnswerHasTheRecordedEnvelope()
{
    const HttpResult result = postGemini(geminiBody());
    QCOMPARE(result.error, QNetworkReply::NoError);
    QCOMPARE(result.status, 200);
    QVERIFY(result.headers.value("content-type").startsWith("application/json"));
    const QJsonObject response = result.json();

    const QList<SchemaViolation> violations = m_geminiSpec.validate(response, QStringLiteral("#/$defs/GenerateContentResponse"));
    QVERIFY2(violations.isEmpty(), qPrintable(violationsText(violations)));
    QString why;
    const QJsonValue recorded =
        readRecorded(QStringLiteral("gemini_firebase_sdk_test_data/googleai/unary-success-thinking-reply-thought-summary.json"));
    QVERIFY2(sameShape(response, recorded, false, QString(), &why), qPrintable(why));

    const QJsonObject candidate = firstCandidate(response);
    QCOMPARE(candidate.value(QLatin1String("finishReason")).toString(), QStringLiteral("STOP"));
    QCOMPARE(candidate.value(QLatin1String("content")).toObject().value(QLatin1String("role")).toString(), QStringLiteral("model"));
    QCOMPARE(response.value(QLatin1String("modelVersion")).toString(), QStringLiteral("gemini-2.5-flash"));
    QVERIFY(!response.value(QLatin1String("responseId")).toString().isEmpty());

    const QJsonObject answer = parseObject(geminiText(response));
    QVERIFY(!answer.isEmpty());
    const QList<SchemaViolation> answerViolations = JsonSchemaValidator::validateAgainst(answer, gradingSchema());
    QVERIFY2(answerViolations.isEmpty(), qPrintable(violationsText(answerViolations)));

    // Usage: the image billed at 258 tokens, totals add up with the thinking tokens of a 2.5 model.
    const QJsonObject usage = response.value(QLatin1String("usageMetadata")).toObject();
    const qint64 prompt = usage.value(QLatin1String("promptTokenCount")).toInteger();
    const qint64 output = usage.value(QLatin1String("candidatesTokenCount")).toInteger();
    const qint64 thoughts = usage.value(QLatin1String("thoughtsTokenCount")).toInteger();
    QVERIFY(prompt > 258);
    QVERIFY(output > 0);
    QVERIFY(thoughts > 0);
    QCOMPARE(usage.value(QLatin1String("totalTokenCount")).toInteger(), prompt + output + thoughts);
    bool imageBilled = false;
    for (const QJsonValue &detail : usage.value(QLatin1String("promptTokensDetails")).toArray()) {
        if (detail.toObject().value(QLatin1String("modality")).toString() == QLatin1String("IMAGE"))
            imageBilled = detail.toObject().value(QLatin1String("tokenCount")).toInteger() == 258;
    }
    QVERIFY(imageBilled);

    // A model without thinking: no thoughtsTokenCount, per-modality output details as in the 2.0 recordings.
    const QJsonObject flash20 = postGemini(geminiBody(), QStringLiteral("gemini-2.0-flash")).json();
    const QJsonObject usage20 = flash20.value(QLatin1String("usageMetadata")).toObject();
    QVERIFY(!usage20.contains(QLatin1String("thoughtsTokenCount")));
    QVERIFY(usage20.contains(QLatin1String("candidatesTokensDetails")));
    QCOMPARE(usage20.value(QLatin1String("totalTokenCount")).toInteger(),
             usage20.value(QLatin1String("promptTokenCount")).toInteger()
                 + usage20.value(QLatin1String("candidatesTokenCount")).toInteger());
}

void TestFakeLlmServer::geminiTextIsSometimesSplitOverTwoParts()
{
    int splitCount = 0;
    for (int i = 0; i < 4; ++i) {
        const QJsonObject response = postGemini(geminiBody()).json();
        const QJsonArray parts =
            firstCandidate(response).value(QLatin1String("content")).toObject().value(QLatin1String("parts")).toArray();
        QVERIFY(parts.size() == 1 || parts.size() == 2);
        if (parts.size() == 2) {
            ++splitCount;
            // Neither half is JSON on its own; joined, they are the answer.
            QVERIFY(QJsonDocument::fromJson(parts.at(0).toObject().value(QLatin1String("text")).toString().toUtf8()).isNull());
            QVERIFY(JsonSchemaValidator::validateAgainst(parseObject(geminiText(response)), gradingSchema()).isEmpty());
        }
    }
    QCOMPARE(splitCount, 2);
}

void TestFakeLlmServer::openAiAnswerHasTheRecordedEnvelope()
{
    const HttpResult result = postOpenAi(openAiBody());
    QCOMPARE(result.error, QNetworkReply::NoError);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.headers.value("content-type"), QByteArrayLiteral("application/json"));
    QVERIFY(result.headers.value("x-request-id").startsWith("req_"));
    const QJsonObject response = result.json();

    const QList<SchemaViolation> violations =
        m_openAiSpec.validate(response, QStringLiteral("#/components/schemas/CreateChatCompletionResponse"));
    QVERIFY2(violations.isEmpty(), qPrintable(violationsText(violations)));
    QString why;
    const QJsonValue recorded = readRecorded(QStringLiteral("openai/chat_completion_image_input.response.json"));
    QVERIFY2(sameShape(response, recorded, true, QString(), &why), qPrintable(why));

    QCOMPARE(response.value(QLatin1String("object")).toString(), QStringLiteral("chat.completion"));
    QCOMPARE(response.value(QLatin1String("model")).toString(), QStringLiteral("gpt-4o-mini"));
    QVERIFY(response.value(QLatin1String("id")).toString().startsWith(QLatin1String("chatcmpl-")));
    QCOMPARE(firstChoice(response).value(QLatin1String("finish_reason")).toString(), QStringLiteral("stop"));
    const QJsonObject message = openAiMessage(response);
    QVERIFY(message.value(QLatin1String("refusal")).isNull());
    const QJsonObject answer = parseObject(message.value(QLatin1String("content")).toString());
    const QList<SchemaViolation> answerViolations = JsonSchemaValidator::validateAgainst(answer, gradingSchema());
    QVERIFY2(answerViolations.isEmpty(), qPrintable(violationsText(answerViolations)));

    const QJsonObject usage = response.value(QLatin1String("usage")).toObject();
    const qint64 prompt = usage.value(QLatin1String("prompt_tokens")).toInteger();
    QVERIFY(prompt > 765); // a high-detail image
    QCOMPARE(usage.value(QLatin1String("total_tokens")).toInteger(),
             prompt + usage.value(QLatin1String("completion_tokens")).toInteger());
}

void TestFakeLlmServer::customResponderIsWrapped()
{
    QJsonObject seenBody;
    QStringList seen;
    m_server->setResponder([&](const QJsonObject &body, const QString &api, const QString &model) {
        seenBody = body;
        seen.append(api + QLatin1Char('/') + model);
        return QJsonObject{{QStringLiteral("echo"), model}};
    });
    QCOMPARE(parseObject(geminiText(postGemini(geminiBody(), QStringLiteral("gemini-x")).json())),
             (QJsonObject{{QStringLiteral("echo"), QStringLiteral("gemini-x")}}));
    QVERIFY(seenBody.contains(QLatin1String("contents")));
    const QJsonObject openAi = postOpenAi(openAiBody()).json();
    QCOMPARE(parseObject(openAiMessage(openAi).value(QLatin1String("content")).toString()),
             (QJsonObject{{QStringLiteral("echo"), QStringLiteral("gpt-4o-mini")}}));
    QCOMPARE(seen, (QStringList{QStringLiteral("gemini/gemini-x"), QStringLiteral("openai/gpt-4o-mini")}));

    m_server->setResponder(nullptr);
    QVERIFY(parseObject(geminiText(postGemini(geminiBody()).json())).contains(QLatin1String("questions")));
}

void TestFakeLlmServer::recordsDescribeEveryRequest()
{
    const QByteArray geminiPayload = compact(geminiBody());
    QUrl keyed = geminiUrl(QStringLiteral("gemini-2.5-pro"));
    keyed.setQuery(QStringLiteral("key=") + geminiKey);
    QCOMPARE(post(keyed, geminiPayload).status, 200);
    QCOMPARE(postOpenAi(openAiBody()).status, 200);

    const QList<FakeLlmServer::Record> records = m_server->records();
    QCOMPARE(records.size(), 2);
    const FakeLlmServer::Record &gemini = records.at(0);
    QCOMPARE(gemini.api, QStringLiteral("gemini"));
    QCOMPARE(gemini.model, QStringLiteral("gemini-2.5-pro"));
    QCOMPARE(gemini.path, QStringLiteral("/v1beta/models/gemini-2.5-pro:generateContent"));
    QVERIFY(!gemini.path.contains(geminiKey));
    QCOMPARE(gemini.body, geminiPayload);
    QCOMPARE(gemini.bodyBytes, qint64(geminiPayload.size()));
    QCOMPARE(gemini.headers.value("content-type"), QByteArrayLiteral("application/json"));
    QCOMPARE(gemini.status, 200);
    QCOMPARE(gemini.fault, Fault::None);
    QVERIFY(gemini.schemaValid);
    QVERIFY(gemini.schemaError.isEmpty());
    QVERIFY(gemini.receivedAtMs > 0);
    QVERIFY(gemini.finishedAtMs >= gemini.receivedAtMs);

    const FakeLlmServer::Record &openAi = records.at(1);
    QCOMPARE(openAi.api, QStringLiteral("openai"));
    QCOMPARE(openAi.model, QStringLiteral("gpt-4o-mini"));
    QCOMPARE(openAi.path, QStringLiteral("/v1/chat/completions"));
    QCOMPARE(openAi.headers.value("authorization"), "Bearer " + openAiKey.toUtf8());
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(m_server->inFlight(), 0);

    m_server->setKeepBodies(false);
    QCOMPARE(postOpenAi(openAiBody()).status, 200);
    QVERIFY(m_server->records().last().body.isEmpty());
    QVERIFY(m_server->records().last().bodyBytes > 0);

    m_server->enqueue(Fault::ServerError500);
    m_server->reset();
    QCOMPARE(m_server->requestCount(), 0);
    QCOMPARE(m_server->pendingSteps(), 0);
    QCOMPARE(m_server->maxConcurrent(), 0);
    QCOMPARE(postOpenAi(openAiBody()).status, 200);
}

// ---------------------------------------------------------------------------------------------------------------
// Faults

void TestFakeLlmServer::errorFaultsHaveTheRecordedShapes_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("recording"); // the recorded body whose shape must match
    QTest::addColumn<bool>("exact");        // same keys both ways, else a subset of the recording's
    QTest::addColumn<QString>("kind");      // Gemini error.status / OpenAI error.code (or type when code is null)

    const QString gemini = QStringLiteral("gemini");
    const QString openAi = QStringLiteral("openai");
    const QString gemini429 = QStringLiteral("gemini_errors/429_resource_exhausted_retryinfo.json");
    const QString geminiPlain = QStringLiteral("gemini_errors/403_missing_api_key.json");
    const QString openAiStrict = QStringLiteral("openai_errors/400_invalid_strict_schema.json");

    QTest::newRow("gemini 429 with hint") << gemini << Fault::RateLimit429 << qint64(1500) << 429 << gemini429 << true
                                          << QStringLiteral("RESOURCE_EXHAUSTED");
    QTest::newRow("gemini 429 without hint") << gemini << Fault::RateLimit429 << qint64(-1) << 429 << gemini429 << false
                                             << QStringLiteral("RESOURCE_EXHAUSTED");
    QTest::newRow("gemini quota") << gemini << Fault::QuotaExhausted << qint64(-1) << 429 << gemini429 << false
                                  << QStringLiteral("RESOURCE_EXHAUSTED");
    QTest::newRow("gemini invalid key")
        << gemini << Fault::InvalidKey << qint64(-1) << 400
        << QStringLiteral("gemini_firebase_sdk_test_data/googleai/unary-failure-api-key.json") << true
        << QStringLiteral("INVALID_ARGUMENT");
    QTest::newRow("gemini 500") << gemini << Fault::ServerError500 << qint64(-1) << 500 << geminiPlain << true
                                << QStringLiteral("INTERNAL");
    QTest::newRow("gemini 503") << gemini << Fault::Unavailable503 << qint64(-1) << 503 << geminiPlain << true
                                << QStringLiteral("UNAVAILABLE");
    QTest::newRow("gemini 400") << gemini << Fault::BadRequest400 << qint64(-1) << 400 << geminiPlain << true
                                << QStringLiteral("INVALID_ARGUMENT");

    QTest::newRow("openai 429 with hint") << openAi << Fault::RateLimit429 << qint64(1500) << 429
                                          << QStringLiteral("openai_errors/429_rate_limit_exceeded_tokens.json") << true
                                          << QStringLiteral("rate_limit_exceeded");
    QTest::newRow("openai 429 without hint") << openAi << Fault::RateLimit429 << qint64(-1) << 429
                                             << QStringLiteral("openai_errors/429_rate_limit_exceeded_tokens.json")
                                             << true << QStringLiteral("rate_limit_exceeded");
    QTest::newRow("openai quota") << openAi << Fault::QuotaExhausted << qint64(-1) << 429
                                  << QStringLiteral("openai_errors/429_insufficient_quota.json") << true
                                  << QStringLiteral("insufficient_quota");
    QTest::newRow("openai invalid key") << openAi << Fault::InvalidKey << qint64(-1) << 401 << openAiStrict << true
                                        << QStringLiteral("invalid_api_key");
    QTest::newRow("openai 500") << openAi << Fault::ServerError500 << qint64(-1) << 500 << openAiStrict << true
                                << QStringLiteral("server_error");
    QTest::newRow("openai 503") << openAi << Fault::Unavailable503 << qint64(-1) << 503 << openAiStrict << true
                                << QStringLiteral("server_error");
    QTest::newRow("openai 400") << openAi << Fault::BadRequest400 << qint64(-1) << 400 << openAiStrict << true
                                << QStringLiteral("invalid_request_error");
}

void TestFakeLlmServer::errorFaultsHaveTheRecordedShapes()
{
    QFETCH(QString, api);
    QFETCH(Fault, fault);
    QFETCH(qint64, retryAfterMs);
    QFETCH(int, status);
    QFETCH(QString, recording);
    QFETCH(bool, exact);
    QFETCH(QString, kind);

    m_server->enqueue(FakeLlmServer::Step{fault, -1, retryAfterMs});
    const HttpResult result = postApi(api, {});
    QCOMPARE(result.status, status);
    QVERIFY(result.headers.value("content-type").startsWith("application/json"));
    const QJsonObject body = result.json();
    QVERIFY(body.contains(QLatin1String("error")));

    // Same shape as the recording, and valid against the official error schema.
    const QJsonObject recorded = readRecordedObject(recording);
    QVERIFY2(!recorded.isEmpty(), qPrintable(recording));
    QString why;
    QVERIFY2(sameShape(body, recorded, exact, QString(), &why), qPrintable(why));
    const QList<SchemaViolation> violations = api == QLatin1String("gemini")
        ? m_geminiSpec.validate(body, QStringLiteral("#/$defs/ErrorResponse"))
        : m_openAiSpec.validate(body, QStringLiteral("#/components/schemas/ErrorResponse"));
    QVERIFY2(violations.isEmpty(), qPrintable(violationsText(violations)));

    const QJsonObject error = body.value(QLatin1String("error")).toObject();
    if (api == QLatin1String("gemini")) {
        QCOMPARE(error.value(QLatin1String("code")).toInt(), status);
        QCOMPARE(error.value(QLatin1String("status")).toString(), kind);
        // Gemini's hint is in the body, never in a header.
        QVERIFY(!result.headers.contains("retry-after"));
        const QJsonObject retryInfo = detailOfType(body, QStringLiteral("google.rpc.RetryInfo"));
        if (fault == Fault::RateLimit429 && retryAfterMs >= 0)
            QCOMPARE(retryInfo.value(QLatin1String("retryDelay")).toString(), QStringLiteral("1.500s"));
        else
            QVERIFY(retryInfo.isEmpty());
        if (fault == Fault::QuotaExhausted) {
            const QJsonObject quota = detailOfType(body, QStringLiteral("google.rpc.QuotaFailure"));
            QVERIFY(quota.value(QLatin1String("violations")).toArray().first().toObject()
                        .value(QLatin1String("quotaId")).toString().contains(QLatin1String("PerDay")));
        }
        if (fault == Fault::InvalidKey) {
            QCOMPARE(detailOfType(body, QStringLiteral("google.rpc.ErrorInfo")).value(QLatin1String("reason")).toString(),
                     QStringLiteral("API_KEY_INVALID"));
        }
    } else {
        const QString code = error.value(QLatin1String("code")).toString();
        QCOMPARE(code.isEmpty() ? error.value(QLatin1String("type")).toString() : code, kind);
        if (fault == Fault::RateLimit429 && retryAfterMs >= 0)
            QCOMPARE(result.headers.value("retry-after"), QByteArrayLiteral("2"));
        else
            QVERIFY(!result.headers.contains("retry-after"));
        if (fault == Fault::QuotaExhausted)
            QCOMPARE(body, recorded); // word for word
        if (fault == Fault::BadRequest400)
            QCOMPARE(error.value(QLatin1String("param")).toString(), QStringLiteral("response_format"));
    }

    const FakeLlmServer::Record record = m_server->records().last();
    QCOMPARE(record.fault, fault);
    QCOMPARE(record.status, status);
    QVERIFY(record.schemaValid);
}

void TestFakeLlmServer::answerFaults_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<Fault>("fault");
    for (const QString &api : {QStringLiteral("gemini"), QStringLiteral("openai")}) {
        for (const Fault fault : {Fault::MaxTokens, Fault::SafetyBlock, Fault::Refusal, Fault::WrongSchema, Fault::MalformedJson}) {
            const char *name = QMetaEnum::fromType<Fault>().valueToKey(int(fault));
            QTest::addRow("%s %s", qPrintable(api), name) << api << fault;
        }
    }
}

void TestFakeLlmServer::answerFaults()
{
    QFETCH(QString, api);
    QFETCH(Fault, fault);
    const bool gemini = api == QLatin1String("gemini");

    m_server->enqueue(fault);
    const HttpResult result = postApi(api, {});
    QCOMPARE(result.error, QNetworkReply::NoError);
    QCOMPARE(result.status, 200);
    const QJsonObject response = result.json();
    const QList<SchemaViolation> envelopeViolations = gemini
        ? m_geminiSpec.validate(response, QStringLiteral("#/$defs/GenerateContentResponse"))
        : m_openAiSpec.validate(response, QStringLiteral("#/components/schemas/CreateChatCompletionResponse"));
    QVERIFY2(envelopeViolations.isEmpty(), qPrintable(violationsText(envelopeViolations)));

    const QString text = modelText(api, response);
    switch (fault) {
    case Fault::MaxTokens:
        QCOMPARE(gemini ? firstCandidate(response).value(QLatin1String("finishReason")).toString()
                        : firstChoice(response).value(QLatin1String("finish_reason")).toString(),
                 gemini ? QStringLiteral("MAX_TOKENS") : QStringLiteral("length"));
        QVERIFY(!text.isEmpty());
        QVERIFY(QJsonDocument::fromJson(text.toUtf8()).isNull());
        QVERIFY(text.startsWith(QLatin1String("{\"questions\":")));
        break;
    case Fault::SafetyBlock:
        if (gemini) {
            QVERIFY(response.value(QLatin1String("candidates")).toArray().isEmpty());
            QCOMPARE(response.value(QLatin1String("promptFeedback")).toObject().value(QLatin1String("blockReason")).toString(),
                     QStringLiteral("SAFETY"));
        } else {
            QVERIFY(openAiMessage(response).value(QLatin1String("content")).isNull());
            QCOMPARE(firstChoice(response).value(QLatin1String("finish_reason")).toString(), QStringLiteral("content_filter"));
        }
        break;
    case Fault::Refusal:
        if (gemini) {
            QCOMPARE(firstCandidate(response).value(QLatin1String("finishReason")).toString(), QStringLiteral("SAFETY"));
            QVERIFY(!firstCandidate(response).contains(QLatin1String("content")));
        } else {
            QVERIFY(openAiMessage(response).value(QLatin1String("content")).isNull());
            QVERIFY(!openAiMessage(response).value(QLatin1String("refusal")).toString().isEmpty());
            QCOMPARE(firstChoice(response).value(QLatin1String("finish_reason")).toString(), QStringLiteral("stop"));
        }
        break;
    case Fault::WrongSchema: {
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
        QVERIFY(document.isObject());
        QVERIFY(!JsonSchemaValidator::validateAgainst(document.object(), gradingSchema()).isEmpty());
        break;
    }
    case Fault::MalformedJson:
        QVERIFY(!text.isEmpty());
        QVERIFY(QJsonDocument::fromJson(text.toUtf8()).isNull());
        break;
    default:
        QFAIL("not an answer fault");
    }
    QCOMPARE(m_server->records().last().fault, fault);
    QCOMPARE(m_server->records().last().status, 200);
}

void TestFakeLlmServer::truncatedBodyIsCompleteHttpButBrokenJson_data()
{
    QTest::addColumn<QString>("api");
    QTest::newRow("gemini") << QStringLiteral("gemini");
    QTest::newRow("openai") << QStringLiteral("openai");
}

void TestFakeLlmServer::truncatedBodyIsCompleteHttpButBrokenJson()
{
    QFETCH(QString, api);
    m_server->enqueue(Fault::TruncatedJson);
    const HttpResult result = postApi(api, {});
    QCOMPARE(result.error, QNetworkReply::NoError);
    QCOMPARE(result.status, 200);
    QVERIFY(!result.body.isEmpty());
    QVERIFY(!result.isJson());
    QCOMPARE(result.headers.value("content-length").toLongLong(), qint64(result.body.size()));
    QVERIFY(result.body.startsWith('{'));
    QCOMPARE(m_server->records().last().fault, Fault::TruncatedJson);

    // The connection stays usable.
    QCOMPARE(postApi(api, {}).status, 200);
}

void TestFakeLlmServer::resetMidBodyDropsTheConnection_data()
{
    truncatedBodyIsCompleteHttpButBrokenJson_data();
}

void TestFakeLlmServer::resetMidBodyDropsTheConnection()
{
    QFETCH(QString, api);
    m_server->enqueue(Fault::ResetMidBody);
    const HttpResult result = postApi(api, {});
    QVERIFY(result.finished);
    // Qt 6.4's QNetworkAccessManager reports either the reset, or (a race in its HTTP channel) a success whose body
    // is shorter than its Content-Length. Either way the body is not the whole answer.
    const bool shortBody = result.body.size() < result.headers.value("content-length").toLongLong();
    QVERIFY2(result.error != QNetworkReply::NoError || shortBody,
             qPrintable(QStringLiteral("status %1, %2 bytes of %3")
                            .arg(result.status)
                            .arg(result.body.size())
                            .arg(QString::fromLatin1(result.headers.value("content-length")))));
    QVERIFY(!result.isJson());
    QCOMPARE(m_server->records().last().fault, Fault::ResetMidBody);
    QTRY_COMPARE(m_server->inFlight(), 0);

    QCOMPARE(postApi(api, {}).status, 200);
}

void TestFakeLlmServer::hangNeverAnswers_data()
{
    truncatedBodyIsCompleteHttpButBrokenJson_data();
}

void TestFakeLlmServer::hangNeverAnswers()
{
    QFETCH(QString, api);
    m_server->enqueue(Fault::Hang);
    const bool gemini = api == QLatin1String("gemini");
    QNetworkReply *reply = send(gemini ? geminiUrl() : openAiUrl(), compact(gemini ? geminiBody() : openAiBody()), {}, 300);
    QTRY_COMPARE(m_server->inFlight(), 1);
    const HttpResult result = collect(reply);
    QVERIFY(result.finished);
    QCOMPARE(result.error, QNetworkReply::OperationCanceledError); // the client's transfer timeout
    QCOMPARE(result.status, 0);

    QTRY_COMPARE(m_server->inFlight(), 0);
    const FakeLlmServer::Record record = m_server->records().last();
    QCOMPARE(record.fault, Fault::Hang);
    QCOMPARE(record.status, 0);
    QVERIFY(record.finishedAtMs >= record.receivedAtMs);
}

void TestFakeLlmServer::stepsAreConsumedInOrderThenDefault()
{
    m_server->enqueue(Fault::ServerError500);
    m_server->enqueue(FakeLlmServer::Step{Fault::Unavailable503, 0, -1});
    m_server->enqueue(Fault::RateLimit429, 2);
    QCOMPARE(m_server->pendingSteps(), 4);
    QList<int> statuses;
    for (int i = 0; i < 6; ++i)
        statuses.append(postApi(i % 2 ? QStringLiteral("openai") : QStringLiteral("gemini"), {}).status);
    QCOMPARE(statuses, (QList<int>{500, 503, 429, 429, 200, 200}));
    QCOMPARE(m_server->pendingSteps(), 0);
}

void TestFakeLlmServer::failureRateServesRandomFaults()
{
    m_server->setFailureRate(1.0, Fault::Unavailable503);
    QCOMPARE(postGemini(geminiBody()).status, 503);
    m_server->enqueue(Fault::None); // a scripted step wins over the random faults
    QCOMPARE(postOpenAi(openAiBody()).status, 200);
    m_server->setFailureRate(0.0);
    QCOMPARE(postOpenAi(openAiBody()).status, 200);
}

// ---------------------------------------------------------------------------------------------------------------
// Keys, limits, timing

void TestFakeLlmServer::keysAreCheckedLikeTheRealApis()
{
    m_server->setRequiredKey(geminiKey);
    const QByteArray geminiPayload = compact(geminiBody());
    QCOMPARE(post(geminiUrl(), geminiPayload, {{"x-goog-api-key", geminiKey.toUtf8()}}).status, 200);
    QUrl keyed = geminiUrl();
    keyed.setQuery(QStringLiteral("key=") + geminiKey);
    QCOMPARE(post(keyed, geminiPayload).status, 200);

    const HttpResult wrong = post(geminiUrl(), geminiPayload, {{"x-goog-api-key", "wrong-key"}});
    QCOMPARE(wrong.status, 400);
    QCOMPARE(detailOfType(wrong.json(), QStringLiteral("google.rpc.ErrorInfo")).value(QLatin1String("reason")).toString(),
             QStringLiteral("API_KEY_INVALID"));
    QCOMPARE(m_server->records().last().fault, Fault::InvalidKey);

    const HttpResult missing = post(geminiUrl(), geminiPayload);
    QCOMPARE(missing.status, 403);
    QCOMPARE(missing.json(), readRecordedObject(QStringLiteral("gemini_errors/403_missing_api_key.json")));

    m_server->setRequiredKey(openAiKey);
    const QByteArray openAiPayload = compact(openAiBody());
    QCOMPARE(post(openAiUrl(), openAiPayload, {{"Authorization", "Bearer " + openAiKey.toUtf8()}}).status, 200);
    const QString otherKey = QStringLiteral("sk-proj-abcdefghijklmnopqrstuvwxyz123456");
    const HttpResult refused = post(openAiUrl(), openAiPayload, {{"Authorization", "Bearer " + otherKey.toUtf8()}});
    QCOMPARE(refused.status, 401);
    const QJsonObject refusedError = refused.json().value(QLatin1String("error")).toObject();
    QCOMPARE(refusedError.value(QLatin1String("code")).toString(), QStringLiteral("invalid_api_key"));
    QVERIFY(!refused.body.contains(otherKey.toUtf8()));         // masked like the real API
    QVERIFY(refused.body.contains(otherKey.right(4).toUtf8())); // …except its last characters
    const HttpResult none = post(openAiUrl(), openAiPayload);
    QCOMPARE(none.status, 401);
    QVERIFY(none.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).isNull());
    QVERIFY(none.json().value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString()
                .startsWith(QLatin1String("You didn't provide an API key")));

    m_server->setRequiredKey(QString()); // compatible servers: any key, or none
    QCOMPARE(post(openAiUrl(), openAiPayload).status, 200);
}

void TestFakeLlmServer::rateLimitRefusesWithAHint()
{
    m_server->setRequestsPerMinute(2);
    const HttpResult first = postOpenAi(openAiBody());
    QCOMPARE(first.status, 200);
    QCOMPARE(first.headers.value("x-ratelimit-limit-requests"), QByteArrayLiteral("2"));
    QCOMPARE(first.headers.value("x-ratelimit-remaining-requests"), QByteArrayLiteral("1"));
    QCOMPARE(postGemini(geminiBody()).status, 200);

    const HttpResult gemini = postGemini(geminiBody());
    QCOMPARE(gemini.status, 429);
    const QString delay = detailOfType(gemini.json(), QStringLiteral("google.rpc.RetryInfo")).value(QLatin1String("retryDelay")).toString();
    QVERIFY2(delay.endsWith(QLatin1Char('s')), qPrintable(delay));
    const double seconds = delay.chopped(1).toDouble();
    QVERIFY2(seconds > 0 && seconds <= 60, qPrintable(delay));
    QCOMPARE(m_server->records().last().fault, Fault::RateLimit429);

    const HttpResult openAi = postOpenAi(openAiBody());
    QCOMPARE(openAi.status, 429);
    const int retryAfter = openAi.headers.value("retry-after").toInt();
    QVERIFY(retryAfter >= 1 && retryAfter <= 60);
    QCOMPARE(openAi.headers.value("x-ratelimit-remaining-requests"), QByteArrayLiteral("0"));
    QCOMPARE(openAi.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("rate_limit_exceeded"));

    m_server->setRequestsPerMinute(0);
    QCOMPARE(postOpenAi(openAiBody()).status, 200);
}

void TestFakeLlmServer::rateLimitWindowSlides()
{
    m_server->setRateLimit(1, 200);
    QCOMPARE(postGemini(geminiBody()).status, 200);
    QCOMPARE(postGemini(geminiBody()).status, 429);
    QTest::qWait(300);
    QCOMPARE(postGemini(geminiBody()).status, 200);
    // Refused requests do not count.
    const QList<FakeLlmServer::Record> records = m_server->records();
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.at(1).fault, Fault::RateLimit429);
}

void TestFakeLlmServer::latencyDelaysAnswers()
{
    m_server->setDefaultLatency(200);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(postGemini(geminiBody()).status, 200);
    QVERIFY(timer.elapsed() >= 195);
    FakeLlmServer::Record record = m_server->records().last();
    QVERIFY(record.finishedAtMs - record.receivedAtMs >= 195);

    m_server->enqueue(FakeLlmServer::Step{Fault::ServerError500, 400, -1});
    timer.restart();
    QCOMPARE(postOpenAi(openAiBody()).status, 500);
    QVERIFY(timer.elapsed() >= 395);
    record = m_server->records().last();
    QVERIFY(record.finishedAtMs - record.receivedAtMs >= 395);
}

void TestFakeLlmServer::maxConcurrentCountsOpenRequests()
{
    m_server->setDefaultLatency(300);
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 4; ++i)
        replies.append(send(openAiUrl(), compact(openAiBody())));
    QTRY_COMPARE(m_server->inFlight(), 4);
    for (QNetworkReply *reply : std::as_const(replies))
        QCOMPARE(collect(reply).status, 200);
    QCOMPARE(m_server->maxConcurrent(), 4);
    QTRY_COMPARE(m_server->inFlight(), 0);

    m_server->reset();
    m_server->setDefaultLatency(20);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(postGemini(geminiBody()).status, 200);
    QCOMPARE(m_server->maxConcurrent(), 1);
    QCOMPARE(m_server->requestCount(), 3);
}

// ---------------------------------------------------------------------------------------------------------------
// Validation and routing

void TestFakeLlmServer::requestValidation_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("recording"); // the recorded error body this one must equal, word for word
    QTest::addColumn<QString>("expected");  // a piece of the error message

    const QString gemini = QStringLiteral("gemini");
    const QString openAi = QStringLiteral("openai");

    // Official examples and the documented request forms are accepted.
    QFile curl(examplesDir + QStringLiteral("/openai/chat_completion_image_input.request.curl.txt"));
    QVERIFY(curl.open(QIODevice::ReadOnly));
    const QByteArray curlText = curl.readAll();
    const qsizetype start = curlText.indexOf("-d '") + 4;
    const QByteArray curlBody = curlText.mid(start, curlText.lastIndexOf('\'') - start);
    QVERIFY(QJsonDocument::fromJson(curlBody).isObject());
    QTest::newRow("openai recorded image request") << openAi << curlBody << 200 << QString() << QString();
    QFile batchLine(examplesDir + QStringLiteral("/openai/batch_input_line.example.jsonl"));
    QVERIFY(batchLine.open(QIODevice::ReadOnly));
    QTest::newRow("openai recorded batch line body")
        << openAi << compact(parseObject(batchLine.readLine()).value(QLatin1String("body")).toObject()) << 200
        << QString() << QString();
    QTest::newRow("openai grading request") << openAi << compact(openAiBody()) << 200 << QString() << QString();
    QTest::newRow("gemini camelCase") << gemini << compact(geminiBody()) << 200 << QString() << QString();
    QTest::newRow("gemini snake_case as in the REST samples")
        << gemini
        << QByteArray(R"({"system_instruction": {"parts": [{"text": "Grade."}]},
                          "contents": [{"parts": [{"text": "Copy 1"},
                                                  {"inline_data": {"mime_type": "image/jpeg", "data": "AAAA"}}]}],
                          "generation_config": {"response_mime_type": "application/json",
                                                "response_json_schema": {"type": "object"}, "max_output_tokens": 100}})")
        << 200 << QString() << QString();

    // Broken requests get the provider's 400.
    QTest::newRow("gemini unknown top-level field")
        << gemini << QByteArray(R"({"contents": [{"parts": [{"text": "x"}]}], "web_search_options": {}})") << 400
        << QStringLiteral("gemini_errors/400_unknown_field_openai_compat_endpoint.json") << QString();
    QTest::newRow("gemini unknown nested field")
        << gemini << QByteArray(R"({"contents": [{"parts": [{"text": "x"}]}], "generationConfig": {"maxTokens": 10}})")
        << 400 << QString()
        << QStringLiteral("Unknown name \"maxTokens\" at 'generation_config': Cannot find field.");
    QTest::newRow("gemini without contents")
        << gemini << QByteArray(R"({"generationConfig": {"temperature": 0}})") << 400 << QString()
        << QStringLiteral("contents is not specified");
    QTest::newRow("gemini schema without mime type")
        << gemini
        << QByteArray(R"({"contents": [{"parts": [{"text": "x"}]}], "generationConfig": {"responseJsonSchema": {"type": "object"}}})")
        << 400 << QString() << QStringLiteral("response_mime_type");
    QTest::newRow("gemini part with two data fields")
        << gemini
        << QByteArray(R"({"contents": [{"parts": [{"text": "x", "inlineData": {"mimeType": "image/png", "data": "AA"}}]}]})")
        << 400 << QString() << QStringLiteral("Request contains an invalid argument.");
    QTest::newRow("gemini temperature as text")
        << gemini << QByteArray(R"({"contents": [{"parts": [{"text": "x"}]}], "generationConfig": {"temperature": "0"}})")
        << 400 << QString() << QStringLiteral("Invalid value at 'generation_config.temperature'");
    QTest::newRow("gemini invalid JSON") << gemini << QByteArray(R"({"contents": [)") << 400 << QString()
                                         << QStringLiteral("Invalid JSON payload received.");

    QTest::newRow("openai misplaced schema")
        << openAi
        << QByteArray(R"({"model": "gpt-4o", "messages": [{"role": "user", "content": "x"}],
                          "response_format": {"type": "json_schema", "schema": {"type": "object"}}})")
        << 400 << QStringLiteral("openai_errors/400_unknown_parameter.json") << QString();
    QTest::newRow("openai strict schema left open")
        << openAi
        << QByteArray(R"({"model": "gpt-4o", "messages": [{"role": "user", "content": "x"}],
                          "response_format": {"type": "json_schema", "json_schema": {"name": "default", "strict": true,
                              "schema": {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]}}}})")
        << 400 << QStringLiteral("openai_errors/400_invalid_strict_schema.json") << QString();
    QTest::newRow("openai strict schema with an optional property")
        << openAi
        << QByteArray(R"({"model": "gpt-4o", "messages": [{"role": "user", "content": "x"}],
                          "response_format": {"type": "json_schema", "json_schema": {"name": "g", "strict": true,
                              "schema": {"type": "object", "additionalProperties": false,
                                         "properties": {"a": {"type": "string"}, "b": {"type": "string"}}, "required": ["a"]}}}})")
        << 400 << QString() << QStringLiteral("Missing 'b'");
    QTest::newRow("openai without messages") << openAi << QByteArray(R"({"model": "gpt-4o"})") << 400 << QString()
                                             << QStringLiteral("Missing required parameter: 'messages'.");
    QTest::newRow("openai unknown parameter")
        << openAi << QByteArray(R"({"model": "gpt-4o", "messages": [{"role": "user", "content": "x"}], "max_output_tokens": 5})")
        << 400 << QString() << QStringLiteral("Unknown parameter: 'max_output_tokens'.");
    QTest::newRow("openai unknown role")
        << openAi << QByteArray(R"({"model": "gpt-4o", "messages": [{"role": "robot", "content": "x"}]})") << 400
        << QString() << QStringLiteral("Invalid value: 'robot'. Supported values are: 'developer', 'system', 'user'");
    QTest::newRow("openai json_schema without name")
        << openAi
        << QByteArray(R"({"model": "gpt-4o", "messages": [{"role": "user", "content": "x"}],
                          "response_format": {"type": "json_schema", "json_schema": {"schema": {"type": "object"}}}})")
        << 400 << QString() << QStringLiteral("Missing required parameter: 'response_format.json_schema.name'.");
    QTest::newRow("openai empty messages") << openAi << QByteArray(R"({"model": "gpt-4o", "messages": []})") << 400
                                           << QString() << QStringLiteral("empty array");
    QTest::newRow("openai invalid JSON") << openAi << QByteArray("{\"model\": ") << 400 << QString()
                                         << QStringLiteral("We could not parse the JSON body of your request.");
}

void TestFakeLlmServer::requestValidation()
{
    QFETCH(QString, api);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, recording);
    QFETCH(QString, expected);

    const bool gemini = api == QLatin1String("gemini");
    const HttpResult result = post(gemini ? geminiUrl() : openAiUrl(), body);
    QVERIFY2(result.status == status, result.body.constData());
    const FakeLlmServer::Record record = m_server->records().last();
    QCOMPARE(record.schemaValid, status == 200);
    QCOMPARE(record.schemaError.isEmpty(), status == 200);
    if (status == 200)
        return;

    const QJsonObject error = result.json();
    const QList<SchemaViolation> violations = gemini ? m_geminiSpec.validate(error, QStringLiteral("#/$defs/ErrorResponse"))
                                                     : m_openAiSpec.validate(error, QStringLiteral("#/components/schemas/ErrorResponse"));
    QVERIFY2(violations.isEmpty(), qPrintable(violationsText(violations)));
    if (!recording.isEmpty())
        QCOMPARE(error, readRecordedObject(recording));
    if (!expected.isEmpty()) {
        const QString message = error.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
        QVERIFY2(message.contains(expected), qPrintable(message));
    }
}

void TestFakeLlmServer::unknownPathsAre404()
{
    const QUrl base = m_server->geminiBaseUrl();
    auto at = [&base](const QString &path) {
        QUrl url = base;
        url.setPath(path);
        return url;
    };

    const HttpResult openAiGet = collect(send(openAiUrl(), {}, {}, 0, "GET"));
    QCOMPARE(openAiGet.status, 404);
    QCOMPARE(openAiGet.json().value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString(),
             QStringLiteral("Invalid URL (GET /v1/chat/completions)"));

    const HttpResult openAiUnknown = post(at(QStringLiteral("/v1/responses")), compact(openAiBody()));
    QCOMPARE(openAiUnknown.status, 404);
    QVERIFY(m_openAiSpec.isValid(openAiUnknown.json(), QStringLiteral("#/components/schemas/ErrorResponse")));

    const HttpResult stream = post(at(QStringLiteral("/v1beta/models/gemini-2.5-flash:streamGenerateContent")),
                                   compact(geminiBody()));
    QCOMPARE(stream.status, 404);
    QCOMPARE(stream.json().value(QLatin1String("error")).toObject().value(QLatin1String("status")).toString(),
             QStringLiteral("NOT_FOUND"));

    const HttpResult page = post(at(QStringLiteral("/nowhere")), "{}");
    QCOMPARE(page.status, 404);
    QVERIFY(page.headers.value("content-type").startsWith("text/html"));
    QVERIFY(page.body.contains("<code>/nowhere</code> was not found on this server."));

    for (const FakeLlmServer::Record &record : m_server->records()) {
        QVERIFY(record.api.isEmpty());
        QCOMPARE(record.status, 404);
    }
}

void TestFakeLlmServer::keepAliveAndPipelinedRequests()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(5000));
    const QByteArray body = compact(openAiBody());
    const QByteArray request = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                               "Content-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    // Two requests in one write, then a third one in two pieces.
    socket.write(request + request);
    socket.write(request.left(40));
    socket.flush();
    QTest::qWait(50);
    socket.write(request.mid(40));

    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).count("HTTP/1.1 200 OK") == 3, 10000);
    QCOMPARE(m_server->requestCount(), 3);
    QCOMPARE(received.count("Connection: keep-alive"), 3);

    // Connection: close is honoured.
    socket.write("POST /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 10000);
}

// ---------------------------------------------------------------------------------------------------------------
// Default responder

void TestFakeLlmServer::defaultResponseFitsTheSchema_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<QJsonObject>("schema");
    QTest::addColumn<QString>("check"); // what else to verify

    QTest::newRow("one item per question in the enum") << QStringLiteral("openai") << gradingSchema()
                                                       << QStringLiteral("questions q1 q2 q3, scores 0..4");
    QTest::newRow("one property per question, each its maximum")
        << QStringLiteral("gemini")
        << parseObject(QByteArrayLiteral(R"({"type": "object", "additionalProperties": false,
            "properties": {
                "q1": {"type": "object", "properties": {"score": {"type": "integer", "minimum": 0, "maximum": 2}}, "required": ["score"]},
                "q2": {"type": "object", "properties": {"score": {"type": "number", "minimum": 0, "maximum": 5, "multipleOf": 0.5}}, "required": ["score"]}
            },
            "required": ["q1", "q2"]})"))
        << QStringLiteral("properties q1 q2");
    QTest::newRow("one anyOf variant per question")
        << QStringLiteral("openai")
        << parseObject(QByteArrayLiteral(R"({"type": "object", "properties": {"grades": {"type": "array", "items": {"anyOf": [
                {"type": "object", "properties": {"id": {"const": "q1"}, "score": {"type": "number", "maximum": 3}}, "required": ["id", "score"]},
                {"type": "object", "properties": {"id": {"const": "q2"}, "score": {"type": "number", "maximum": 7}}, "required": ["id", "score"]}
            ]}}}, "required": ["grades"]})"))
        << QStringLiteral("grades q1 q2");
    QTest::newRow("$defs and $ref")
        << QStringLiteral("openai")
        << parseObject(QByteArrayLiteral(R"({"$defs": {"grade": {"type": "object", "properties": {
                "score": {"type": ["number", "null"], "minimum": 0, "maximum": 10},
                "confidence": {"type": "string", "enum": ["low", "medium", "high"]},
                "blank": {"type": "boolean"}}, "required": ["score", "confidence", "blank"]}},
            "type": "object", "properties": {"grade": {"$ref": "#/$defs/grade"}, "notes": {"type": "array", "minItems": 2, "items": {"type": "string", "minLength": 3, "maxLength": 10}}},
            "required": ["grade", "notes"]})"))
        << QStringLiteral("ref");
    QTest::newRow("Gemini responseSchema, upper-case types")
        << QStringLiteral("gemini")
        << parseObject(QByteArrayLiteral(R"({"type": "OBJECT", "properties": {
                "score": {"type": "NUMBER", "minimum": 0, "maximum": 6}, "comment": {"type": "STRING"},
                "tags": {"type": "ARRAY", "items": {"type": "STRING"}}}, "required": ["score", "comment"]})"))
        << QStringLiteral("upper");
}

void TestFakeLlmServer::defaultResponseFitsTheSchema()
{
    QFETCH(QString, api);
    QFETCH(QJsonObject, schema);
    QFETCH(QString, check);

    // Only the first schema follows the strict rules of Structured Outputs.
    QJsonObject body = api == QLatin1String("gemini") ? geminiBody(schema) : openAiBody(schema, check.startsWith(QLatin1String("questions")));
    if (check == QLatin1String("upper")) {
        QJsonObject config = body.value(QLatin1String("generationConfig")).toObject();
        config.remove(QStringLiteral("responseJsonSchema"));
        config.insert(QStringLiteral("responseSchema"), schema);
        body.insert(QStringLiteral("generationConfig"), config);
    }
    QCOMPARE(FakeLlmServer::responseSchemaOf(body, api), schema);
    const QJsonObject answer = FakeLlmServer::defaultResponse(body, api, QStringLiteral("model-a"));
    const QList<SchemaViolation> violations = JsonSchemaValidator::validateAgainst(answer, schema);
    QVERIFY2(violations.isEmpty(), qPrintable(violationsText(violations) + QLatin1Char('\n') + QString::fromUtf8(compact(answer))));

    if (check.startsWith(QLatin1String("questions"))) {
        const QJsonArray questions = answer.value(QLatin1String("questions")).toArray();
        QStringList ids;
        for (const QJsonValue &q : questions) {
            ids.append(q.toObject().value(QLatin1String("id")).toString());
            const double score = q.toObject().value(QLatin1String("score")).toDouble();
            QVERIFY(score >= 0 && score <= 4);
        }
        QCOMPARE(ids, (QStringList{QStringLiteral("q1"), QStringLiteral("q2"), QStringLiteral("q3")}));
    } else if (check.startsWith(QLatin1String("grades"))) {
        const QJsonArray grades = answer.value(QLatin1String("grades")).toArray();
        QCOMPARE(grades.size(), 2);
        QCOMPARE(grades.at(0).toObject().value(QLatin1String("id")).toString(), QStringLiteral("q1"));
        QCOMPARE(grades.at(1).toObject().value(QLatin1String("id")).toString(), QStringLiteral("q2"));
        QVERIFY(grades.at(1).toObject().value(QLatin1String("score")).toDouble() <= 7);
    } else if (check == QLatin1String("ref")) {
        QCOMPARE(answer.value(QLatin1String("notes")).toArray().size(), 2);
        QVERIFY(answer.value(QLatin1String("grade")).toObject().value(QLatin1String("score")).isDouble());
    }

    // Served through the server, the answer is the same object.
    const HttpResult served = api == QLatin1String("gemini") ? postGemini(body, QStringLiteral("model-a"))
                                                             : postOpenAi(body);
    QCOMPARE(served.status, 200);
    if (api == QLatin1String("gemini"))
        QCOMPARE(parseObject(modelText(api, served.json())), answer);
}

void TestFakeLlmServer::defaultResponseIsDeterministic()
{
    const QJsonObject body = openAiBody();
    const QString api = QStringLiteral("openai");
    QCOMPARE(FakeLlmServer::defaultResponse(body, api, QStringLiteral("m")),
             FakeLlmServer::defaultResponse(body, api, QStringLiteral("m")));

    // Different copies (or models) get different marks somewhere among a few tries.
    QSet<QByteArray> answers;
    for (int i = 0; i < 8; ++i) {
        QJsonObject other = body;
        other.insert(QStringLiteral("user"), QStringLiteral("copy-%1").arg(i));
        answers.insert(compact(FakeLlmServer::defaultResponse(other, api, QStringLiteral("m"))));
    }
    QVERIFY(answers.size() > 1);
}

void TestFakeLlmServer::defaultResponseReadsMaximaFromThePrompt()
{
    const QString prompt = QStringLiteral(
        "Exam: Physics\nQuestions to grade:\n"
        "\n### id: q1 \u2014 Question 1 (maximum 4 points, step 0.5)\nQuestion: Derive E.\n"
        "\n### id: q2 \u2014 Question 2 (maximum 1 points, step 0.25)\nQuestion: Name it.\n");
    const QHash<QString, SchemaInstanceGenerator::QuestionHint> hints = SchemaInstanceGenerator::questionHints(prompt);
    QCOMPARE(hints.size(), 2);
    QCOMPARE(hints.value(QStringLiteral("q1")).maxPoints, 4.0);
    QCOMPARE(hints.value(QStringLiteral("q1")).step, 0.5);
    QCOMPARE(hints.value(QStringLiteral("q2")).maxPoints, 1.0);
    QCOMPARE(hints.value(QStringLiteral("q2")).step, 0.25);

    // The grading schema names the questions but not their maxima; the prompt does.
    const QJsonObject schema = parseObject(QByteArrayLiteral(R"({"type": "object", "additionalProperties": false,
        "required": ["questions"], "properties": {"questions": {"type": "array", "items": {"type": "object",
        "additionalProperties": false,
        "required": ["id", "score", "justification", "transcription", "confidence", "flags"],
        "properties": {"id": {"type": "string", "enum": ["q1", "q2"]}, "score": {"type": "number"},
            "justification": {"type": "string"}, "transcription": {"type": "string"}, "confidence": {"type": "number"},
            "flags": {"type": "array", "items": {"type": "string", "enum": ["blank", "illegible", "suspicious"]}}}}}}})"));
    bool someMarks = false;
    for (int copy = 0; copy < 8; ++copy) {
        QJsonObject body = openAiBody(schema);
        QJsonArray messages = body.value(QLatin1String("messages")).toArray();
        messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                    {QStringLiteral("content"), QString(prompt + QStringLiteral("Copy: C-%1").arg(copy))}});
        body.insert(QStringLiteral("messages"), messages);
        const QJsonObject answer = FakeLlmServer::defaultResponse(body, QStringLiteral("openai"), QStringLiteral("gpt-4o"));
        QVERIFY(JsonSchemaValidator::validateAgainst(answer, schema).isEmpty());
        const QJsonArray questions = answer.value(QLatin1String("questions")).toArray();
        QCOMPARE(questions.size(), 2);
        for (const QJsonValue &value : questions) {
            const QJsonObject question = value.toObject();
            const auto hint = hints.value(question.value(QLatin1String("id")).toString());
            const double score = question.value(QLatin1String("score")).toDouble();
            QVERIFY(score >= 0 && score <= hint.maxPoints);
            QCOMPARE(std::fmod(score, hint.step), 0.0);
            someMarks = someMarks || score > 0;
            const double confidence = question.value(QLatin1String("confidence")).toDouble();
            QVERIFY(confidence >= 0.5 && confidence <= 1.0);
            QVERIFY(question.value(QLatin1String("flags")).toArray().isEmpty());
        }
    }
    QVERIFY(someMarks);
}

// ---------------------------------------------------------------------------------------------------------------
// JsonSchemaValidator

void TestFakeLlmServer::validatorKeywords_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QByteArray>("instance");
    QTest::addColumn<QString>("keyword"); // empty = valid
    QTest::addColumn<QString>("pointer"); // where the first violation is

    auto row = [](const char *name, const char *schema, const char *instance, const char *keyword = "",
                  const char *pointer = "") {
        QTest::newRow(name) << QByteArray(schema) << QByteArray(instance) << QString::fromLatin1(keyword)
                            << QString::fromLatin1(pointer);
    };
    row("type ok", R"({"type": "string"})", R"(["x"])");
    row("type wrong", R"({"type": "string"})", R"([1])", "type", "");
    row("type list", R"({"type": ["string", "null"]})", R"([null])");
    row("integer is a number", R"({"type": "number"})", R"([3])");
    row("fraction is not an integer", R"({"type": "integer"})", R"([3.5])", "type");
    row("upper-case type", R"({"type": "INTEGER"})", R"([3])");
    row("enum", R"({"enum": ["a", 1]})", R"([1])");
    row("enum miss", R"({"enum": ["a", 1]})", R"(["b"])", "enum");
    row("const", R"({"const": {"a": 1}})", R"([{"a": 1}])");
    row("const miss", R"({"const": 2})", R"([3])", "const");
    row("required", R"({"required": ["a"]})", R"([{"b": 1}])", "required");
    row("properties", R"({"properties": {"a": {"type": "integer"}}})", R"([{"a": "x"}])", "type", "/a");
    row("additionalProperties false", R"({"properties": {"a": {}}, "additionalProperties": false})", R"([{"a": 1, "b": 2}])",
        "additionalProperties", "/b");
    row("additionalProperties schema", R"({"additionalProperties": {"type": "string"}})", R"([{"b": 2}])", "type", "/b");
    row("patternProperties", R"({"patternProperties": {"^x_": {"type": "string"}}, "additionalProperties": false})",
        R"([{"x_a": "ok"}])");
    row("minProperties", R"({"minProperties": 2})", R"([{"a": 1}])", "minProperties");
    row("items", R"({"items": {"type": "string"}})", R"([["a", 2]])", "type", "/1");
    row("prefixItems", R"({"prefixItems": [{"type": "string"}, {"type": "integer"}], "items": false})", R"([["a", 1, 2]])",
        "false", "/2");
    row("minItems", R"({"minItems": 1})", R"([[]])", "minItems");
    row("maxItems", R"({"maxItems": 1})", R"([[1, 2]])", "maxItems");
    row("uniqueItems", R"({"uniqueItems": true})", R"([[1, 2, 1]])", "uniqueItems");
    row("minimum", R"({"minimum": 0})", R"([-1])", "minimum");
    row("maximum", R"({"maximum": 2})", R"([2])");
    row("exclusiveMaximum number", R"({"exclusiveMaximum": 2})", R"([2])", "exclusiveMaximum");
    row("exclusiveMinimum OpenAPI 3.0", R"({"minimum": 0, "exclusiveMinimum": true})", R"([0])", "minimum");
    row("multipleOf", R"({"multipleOf": 0.5})", R"([1.5])");
    row("multipleOf miss", R"({"multipleOf": 0.5})", R"([1.2])", "multipleOf");
    row("minLength counts code points", R"({"minLength": 2})", "[\"\xf0\x9f\x98\x80\"]", "minLength");
    row("maxLength", R"({"maxLength": 2})", R"(["abc"])", "maxLength");
    row("pattern", R"({"pattern": "^[a-z]+$"})", R"(["abc1"])", "pattern");
    row("allOf", R"({"allOf": [{"type": "integer"}, {"minimum": 5}]})", R"([3])", "minimum");
    row("anyOf", R"({"anyOf": [{"type": "string"}, {"type": "integer"}]})", R"([3])");
    row("anyOf miss merges types", R"({"anyOf": [{"type": "string"}, {"type": "integer"}]})", R"([true])", "type");
    row("oneOf two matches", R"({"oneOf": [{"type": "integer"}, {"minimum": 0}]})", R"([3])", "oneOf");
    row("oneOf one match", R"({"oneOf": [{"type": "integer"}, {"type": "string"}]})", R"([3])");
    row("not", R"({"not": {"required": ["a"]}})", R"([{"a": 1}])", "not");
    row("if then", R"({"if": {"required": ["a"]}, "then": {"required": ["b"]}})", R"([{"a": 1}])", "required");
    row("if else", R"({"if": {"required": ["a"]}, "else": {"required": ["c"]}})", R"([{"b": 1}])", "required");
    row("$ref to $defs", R"({"$defs": {"n": {"type": "integer"}}, "properties": {"a": {"$ref": "#/$defs/n"}}})",
        R"([{"a": "x"}])", "type", "/a");
    row("$ref to components", R"({"components": {"schemas": {"N": {"type": "integer"}}}, "items": {"$ref": "#/components/schemas/N"}})",
        R"([[1, "x"]])", "type", "/1");
    row("$ref unresolvable", R"({"$ref": "#/$defs/none"})", R"([1])", "$ref");
    row("nullable", R"({"type": "string", "nullable": true})", R"([null])");
    row("false schema", R"({"properties": {"a": false}})", R"([{"a": 1}])", "false", "/a");
    row("true schema", R"({"properties": {"a": true}})", R"([{"a": 1}])");
    row("recursive $ref", R"({"$defs": {"node": {"type": "object", "properties": {"next": {"$ref": "#/$defs/node"}, "v": {"type": "integer"}}}},
        "$ref": "#/$defs/node"})", R"([{"next": {"next": {"v": "deep"}}}])", "type", "/next/next/v");
}

void TestFakeLlmServer::validatorKeywords()
{
    QFETCH(QByteArray, schema);
    QFETCH(QByteArray, instance);
    QFETCH(QString, keyword);
    QFETCH(QString, pointer);

    const QJsonDocument schemaDocument = QJsonDocument::fromJson(schema);
    QVERIFY2(schemaDocument.isObject(), schema.constData());
    const QJsonDocument instanceDocument = QJsonDocument::fromJson(instance);
    QVERIFY2(instanceDocument.isArray(), instance.constData());
    const QList<SchemaViolation> violations =
        JsonSchemaValidator::validateAgainst(instanceDocument.array().first(), schemaDocument.object());
    if (keyword.isEmpty()) {
        QVERIFY2(violations.isEmpty(), qPrintable(violationsText(violations)));
        return;
    }
    QVERIFY2(!violations.isEmpty(), "expected a violation");
    QCOMPARE(violations.first().keyword, keyword);
    QCOMPARE(violations.first().pointer(), pointer);
    QVERIFY(!violations.first().message.isEmpty());
}

void TestFakeLlmServer::validatorReportsTheDeepestBranch()
{
    const QString request = QStringLiteral("#/components/schemas/CreateChatCompletionRequest");
    // The user-message branch fits the role; its content part is what is wrong.
    QList<SchemaViolation> violations = m_openAiSpec.validate(
        parseObject(QByteArrayLiteral(R"({"model": "gpt-4o", "messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"detail": "low"}}]}]})")),
        request);
    QVERIFY(!violations.isEmpty());
    QCOMPARE(violations.first().keyword, QStringLiteral("required"));
    QCOMPARE(violations.first().pointer(), QStringLiteral("/messages/0/content/0/image_url"));
    QCOMPARE(violations.first().property, QStringLiteral("url"));

    // No branch fits the role: one violation listing every role.
    violations = m_openAiSpec.validate(
        parseObject(QByteArrayLiteral(R"({"model": "gpt-4o", "messages": [{"role": "robot", "content": "x"}]})")), request);
    QCOMPARE(violations.size(), 1);
    QCOMPARE(violations.first().keyword, QStringLiteral("enum"));
    QCOMPARE(violations.first().pointer(), QStringLiteral("/messages/0/role"));
    QVERIFY(violations.first().expected.toArray().contains(QStringLiteral("user")));
    QVERIFY(violations.first().expected.toArray().contains(QStringLiteral("assistant")));

    // Gemini: a Part must hold exactly one data field.
    violations = m_geminiSpec.validate(parseObject(QByteArrayLiteral(R"({"contents": [{"parts": [{"thought": true}]}]})")),
                                       QStringLiteral("#/$defs/GenerateContentRequest"));
    QVERIFY(!violations.isEmpty());
    QCOMPARE(violations.first().pointer(), QStringLiteral("/contents/0/parts/0"));
}

void TestFakeLlmServer::validatorRejectsUndeclaredPropertiesWhenAsked()
{
    const QJsonObject document = parseObject(QByteArrayLiteral(R"({"$defs": {
        "base": {"type": "object", "properties": {"model": {"type": "string"}}},
        "request": {"allOf": [{"$ref": "#/$defs/base"}, {"type": "object", "properties": {"messages": {"type": "array"},
            "format": {"oneOf": [{"type": "object", "properties": {"type": {"const": "text"}}},
                                 {"type": "object", "properties": {"type": {"const": "json"}, "schema": {"type": "object", "additionalProperties": true}}}]},
            "metadata": {"type": "object", "additionalProperties": {"type": "string"}}}}]}}})"));
    JsonSchemaValidator validator(document);
    const QString pointer = QStringLiteral("#/$defs/request");
    const QJsonObject good = parseObject(QByteArrayLiteral(
        R"({"model": "m", "messages": [], "format": {"type": "json", "schema": {"anything": 1}}, "metadata": {"k": "v"}})"));
    const QJsonObject unknownTop = parseObject(QByteArrayLiteral(R"({"model": "m", "extra": 1})"));
    const QJsonObject unknownNested = parseObject(QByteArrayLiteral(R"({"format": {"type": "text", "schema": {}}})"));

    // Plain JSON Schema: open objects.
    QVERIFY(validator.isValid(good, pointer));
    QVERIFY(validator.isValid(unknownTop, pointer));
    QVERIFY(validator.isValid(unknownNested, pointer));

    validator.setRejectUndeclaredProperties(true);
    QList<SchemaViolation> violations = validator.validate(good, pointer);
    QVERIFY2(violations.isEmpty(), qPrintable(violationsText(violations)));
    violations = validator.validate(unknownTop, pointer);
    QCOMPARE(violations.size(), 1);
    QCOMPARE(violations.first().keyword, QStringLiteral("additionalProperties"));
    QCOMPARE(violations.first().property, QStringLiteral("extra"));
    violations = validator.validate(unknownNested, pointer);
    QVERIFY(!violations.isEmpty());
    QCOMPARE(violations.first().pointer(), QStringLiteral("/format/schema"));
}

void TestFakeLlmServer::validatorAcceptsRecordedResponses()
{
    // Every recorded unary Gemini body is a GenerateContentResponse or an ErrorResponse.
    const QDir googleAi(examplesDir + QStringLiteral("/gemini_firebase_sdk_test_data/googleai"));
    const QStringList files = googleAi.entryList({QStringLiteral("unary-*.json")}, QDir::Files);
    QVERIFY(files.size() >= 10);
    for (const QString &file : files) {
        const QJsonObject body = readRecordedObject(QStringLiteral("gemini_firebase_sdk_test_data/googleai/") + file);
        const QString pointer = body.contains(QLatin1String("error")) ? QStringLiteral("#/$defs/ErrorResponse")
                                                                     : QStringLiteral("#/$defs/GenerateContentResponse");
        const QList<SchemaViolation> violations = m_geminiSpec.validate(body, pointer);
        QVERIFY2(violations.isEmpty(), qPrintable(file + QLatin1Char('\n') + violationsText(violations)));
    }
    for (const QString &file : {QStringLiteral("gemini_errors/429_resource_exhausted_retryinfo.json"),
                                QStringLiteral("gemini_errors/403_missing_api_key.json")}) {
        QVERIFY2(m_geminiSpec.isValid(readRecordedObject(file), QStringLiteral("#/$defs/ErrorResponse")), qPrintable(file));
    }
    // And the OpenAI ones.
    QVERIFY(m_openAiSpec.isValid(readRecordedObject(QStringLiteral("openai/chat_completion_image_input.response.json")),
                                 QStringLiteral("#/components/schemas/CreateChatCompletionResponse")));
    const QDir openAiErrors(examplesDir + QStringLiteral("/openai_errors"));
    for (const QString &file : openAiErrors.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        QVERIFY2(m_openAiSpec.isValid(readRecordedObject(QStringLiteral("openai_errors/") + file),
                                      QStringLiteral("#/components/schemas/ErrorResponse")),
                 qPrintable(file));
    }
    // A broken body is refused.
    QVERIFY(!m_openAiSpec.isValid(parseObject(QByteArrayLiteral(R"({"error": {"message": "x"}})")),
                                  QStringLiteral("#/components/schemas/ErrorResponse")));
}

// ---------------------------------------------------------------------------------------------------------------
// Tool

void TestFakeLlmServer::serverRunsInItsOwnThread()
{
    QThread thread;
    thread.start();
    auto *server = new FakeLlmServer(specsDir);
    server->moveToThread(&thread);
    bool listening = false;
    QMetaObject::invokeMethod(server, [&] { listening = server->listen(); }, Qt::BlockingQueuedConnection);
    QVERIFY(listening);
    server->setDefaultLatency(50);
    server->enqueue(Fault::ServerError500);

    QUrl url = server->openAiBaseUrl();
    url.setPath(url.path() + QStringLiteral("/chat/completions"));
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 3; ++i)
        replies.append(send(url, compact(openAiBody())));
    QList<int> statuses;
    for (QNetworkReply *reply : std::as_const(replies))
        statuses.append(collect(reply).status);
    std::sort(statuses.begin(), statuses.end());
    QCOMPARE(statuses, (QList<int>{200, 200, 500}));
    QCOMPARE(server->records().size(), 3);
    QTRY_COMPARE(server->inFlight(), 0);

    QMetaObject::invokeMethod(server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    thread.quit();
    QVERIFY(thread.wait(5000));
}

void TestFakeLlmServer::standaloneToolServes()
{
    QProcess tool;
    tool.setProgram(QStringLiteral(FAKE_LLM_SERVER_PATH));
    tool.setArguments({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--latency-ms"), QStringLiteral("10"),
                       QStringLiteral("--rpm"), QStringLiteral("100"), QStringLiteral("--fail-rate"), QStringLiteral("0")});
    tool.start();
    QVERIFY(tool.waitForStarted(10000));
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += tool.readAllStandardOutput()).count('\n') >= 2, 10000);
    const QRegularExpressionMatch gemini =
        QRegularExpression(QStringLiteral("Gemini base URL: (\\S+)")).match(QString::fromUtf8(output));
    const QRegularExpressionMatch openAi =
        QRegularExpression(QStringLiteral("OpenAI base URL: (\\S+)")).match(QString::fromUtf8(output));
    QVERIFY2(gemini.hasMatch() && openAi.hasMatch(), output.constData());
    QUrl url(openAi.captured(1) + QStringLiteral("/chat/completions"));
    const HttpResult result = post(url, compact(openAiBody()));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.headers.value("x-ratelimit-limit-requests"), QByteArrayLiteral("100"));
    url = QUrl(gemini.captured(1) + QStringLiteral("/v1beta/models/gemini-2.5-flash:generateContent"));
    QCOMPARE(post(url, compact(geminiBody())).status, 200);
    QCOMPARE(post(url, "{\"contents\": 1}").status, 400); // validated against the bundled specs
    tool.kill();
    tool.waitForFinished(5000);

    QProcess bad;
    bad.start(QStringLiteral(FAKE_LLM_SERVER_PATH), {QStringLiteral("--fail-rate"), QStringLiteral("2")});
    QVERIFY(bad.waitForFinished(10000));
    QCOMPARE(bad.exitCode(), 2);
    QVERIFY(bad.readAllStandardError().contains("--fail-rate"));
}

QTEST_GUILESS_MAIN(TestFakeLlmServer)
#include "tst_fakellmserver.moc"
