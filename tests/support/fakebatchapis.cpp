#include "tests/support/fakebatchapis.h"

#include "tests/support/httpconnection.h"
#include "tests/support/jsonschemavalidator.h"
#include "tests/support/providerbodies.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>

namespace Corrige::Test {

namespace {

const QString gemini = QStringLiteral("gemini");
const QString openAi = QStringLiteral("openai");
constexpr qint64 geminiInlineLimit = 20 * 1024 * 1024;

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QJsonValue orNull(qint64 seconds)
{
    return seconds > 0 ? QJsonValue(seconds) : QJsonValue(QJsonValue::Null);
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QByteArray jsonLine(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QString describe(const QList<SchemaViolation> &violations)
{
    if (violations.isEmpty())
        return {};
    const SchemaViolation &first = violations.first();
    return (first.pointer().isEmpty() ? QStringLiteral("/") : first.pointer()) + QStringLiteral(": ") + first.message;
}

QString keyOf(const HttpRequest &request, bool isGemini)
{
    if (isGemini) {
        const QString key = QString::fromUtf8(request.headers.value("x-goog-api-key"));
        return key.isEmpty() ? request.query.queryItemValue(QStringLiteral("key"), QUrl::FullyDecoded) : key;
    }
    const QByteArray authorization = request.headers.value("authorization");
    if (authorization.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        return QString::fromUtf8(authorization.mid(7).trimmed());
    return {};
}

struct Part {
    QMap<QByteArray, QByteArray> headers;
    QByteArray name;
    QByteArray fileName;
    QByteArray body;
};

// multipart/form-data as browsers and SDKs send it (RFC 7578).
QList<Part> parseMultipart(const QByteArray &body, const QByteArray &contentType, bool *ok)
{
    *ok = false;
    QList<Part> parts;
    const qsizetype at = contentType.indexOf("boundary=");
    if (!contentType.startsWith("multipart/form-data") || at < 0)
        return parts;
    QByteArray boundary = contentType.mid(at + 9);
    if (const qsizetype semicolon = boundary.indexOf(';'); semicolon >= 0)
        boundary.truncate(semicolon);
    if (boundary.startsWith('"') && boundary.endsWith('"'))
        boundary = boundary.mid(1, boundary.size() - 2);
    const QByteArray delimiter = "--" + boundary;
    qsizetype position = body.indexOf(delimiter);
    if (position < 0)
        return parts;
    while (true) {
        position += delimiter.size();
        if (body.mid(position, 2) == "--")
            break; // the closing delimiter
        if (body.mid(position, 2) != "\r\n")
            return {};
        position += 2;
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", position);
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), position);
        if (headersEnd < 0 || next < 0 || headersEnd > next)
            return {};
        Part part;
        for (const QByteArray &line : body.mid(position, headersEnd - position).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                part.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        const QByteArray disposition = part.headers.value("content-disposition");
        static const QRegularExpression nameRe(QStringLiteral("(?:^|;)\\s*name=\"([^\"]*)\""));
        static const QRegularExpression fileRe(QStringLiteral("filename=\"([^\"]*)\""));
        part.name = nameRe.match(QString::fromUtf8(disposition)).captured(1).toUtf8();
        part.fileName = fileRe.match(QString::fromUtf8(disposition)).captured(1).toUtf8();
        part.body = body.mid(headersEnd + 4, next - headersEnd - 4);
        parts.append(part);
        position = next + 2;
    }
    *ok = true;
    return parts;
}

} // namespace

struct FakeBatchApis::File {
    QString id;          // OpenAI "file-…"; Gemini "files/…"
    QString name;
    QString purpose;     // batch, batch_output (OpenAI); input, output (Gemini)
    QByteArray data;
    qint64 createdMs = 0;
};

struct FakeBatchApis::Batch {
    QString api;
    QString id;           // OpenAI "batch_…"; Gemini "batches/…"
    QString model;
    QString endpoint;     // OpenAI
    QString displayName;  // Gemini
    QJsonObject metadata; // OpenAI
    QString inputFileId;
    bool inlineInput = false;
    bool parsed = false;       // the input's lines are read (at the end of "validating")
    QByteArray pendingInput;   // the input file until then
    QList<std::pair<QString, QByteArray>> lines; // key, request body
    QString invalid;      // why validation fails; empty = valid
    Script script;
    qint64 createdMs = 0;
    qint64 offsetMs = 0;
    qint64 cancelledMs = -1;
    int completedAtCancel = 0;
    QString state;        // OpenAI status words; Gemini without the prefix (PENDING, RUNNING…)
    bool finalized = false;
    QString outputFileId;
    QString errorFileId;
    QJsonArray inlined;
    int succeeded = 0;
    int failed = 0;
    int latePolls = 0;
    qint64 phaseMs[4] = {0, 0, 0, 0}; // in progress, finalizing, final, cancelling

    qint64 elapsed() const { return now() - createdMs + offsetMs; }
};

FakeBatchApis::FakeBatchApis(Answerer answerer)
    : m_answerer(std::move(answerer))
{
}

FakeBatchApis::~FakeBatchApis() = default;

bool FakeBatchApis::loadSpecs(const QString &dir, QString *error)
{
    auto batches = std::make_shared<JsonSchemaValidator>();
    auto lines = std::make_shared<JsonSchemaValidator>();
    auto geminiSchema = std::make_shared<JsonSchemaValidator>();
    const QDir specs(dir);
    if (!batches->loadFile(specs.filePath(QStringLiteral("batches_files.openapi.json")), error)
        || !lines->loadFile(specs.filePath(QStringLiteral("batch_jsonl_line_schemas_2025-06.json")), error)
        || !geminiSchema->loadFile(specs.filePath(QStringLiteral("gemini_v1beta_rest.schema.json")), error))
        return false;
    batches->setRejectUndeclaredProperties(true);
    QMutexLocker locker(&m_mutex);
    m_openAiBatch = std::move(batches);
    m_openAiLines = std::move(lines);
    m_gemini = std::move(geminiSchema);
    return true;
}

bool FakeBatchApis::handles(const HttpRequest &request)
{
    const QString &path = request.path;
    return path.startsWith(QLatin1String("/v1/files")) || path.startsWith(QLatin1String("/v1/batches"))
        || path.startsWith(QLatin1String("/upload/v1beta/files")) || path.startsWith(QLatin1String("/download/v1beta/"))
        || path.startsWith(QLatin1String("/v1beta/files")) || path.startsWith(QLatin1String("/v1beta/batches"))
        || (path.startsWith(QLatin1String("/v1beta/models/")) && path.endsWith(QLatin1String(":batchGenerateContent")));
}

void FakeBatchApis::enqueue(const Script &script)
{
    QMutexLocker locker(&m_mutex);
    m_scripts.enqueue(script);
}

void FakeBatchApis::setTimeline(const Timeline &timeline)
{
    QMutexLocker locker(&m_mutex);
    m_timeline = timeline;
}

void FakeBatchApis::reset()
{
    QMutexLocker locker(&m_mutex);
    m_scripts.clear();
    m_lines.clear();
    m_created = 0;
    m_createRequests = 0;
}

int FakeBatchApis::createCount() const
{
    QMutexLocker locker(&m_mutex);
    return m_created;
}

int FakeBatchApis::createRequests() const
{
    QMutexLocker locker(&m_mutex);
    return m_createRequests;
}

QList<FakeBatchApis::LineRecord> FakeBatchApis::lineRecords()
{
    QMutexLocker locker(&m_mutex);
    for (const auto &batch : std::as_const(m_batches))
        readInput(*batch);
    return m_lines;
}

QStringList FakeBatchApis::liveFileIds() const
{
    QMutexLocker locker(&m_mutex);
    QStringList ids;
    for (const auto &file : m_files) {
        if (file->purpose == QLatin1String("batch") || file->purpose == QLatin1String("input"))
            ids.append(file->id);
    }
    return ids;
}

QStringList FakeBatchApis::batchIds() const
{
    QMutexLocker locker(&m_mutex);
    return m_batchOrder;
}

QString FakeBatchApis::stateOf(const QString &batchId)
{
    QMutexLocker locker(&m_mutex);
    const auto batch = m_batches.value(batchId);
    if (!batch)
        return {};
    update(*batch);
    return batch->state;
}

void FakeBatchApis::advance(const QString &batchId, qint64 ms)
{
    QMutexLocker locker(&m_mutex);
    if (const auto batch = m_batches.value(batchId))
        batch->offsetMs += ms;
}

FakeBatchApis::Script FakeBatchApis::nextScript()
{
    return m_scripts.isEmpty() ? Script{} : m_scripts.head();
}

HttpReply FakeBatchApis::handle(const HttpRequest &request, const QUrl &serverBase, bool *hang)
{
    *hang = false;
    const bool isGemini = !request.path.startsWith(QLatin1String("/v1/"));
    QMutexLocker locker(&m_mutex);
    return isGemini ? handleGemini(request, serverBase, hang) : handleOpenAi(request, serverBase, hang);
}

// ---------------------------------------------------------------------------------------------------- OpenAI

HttpReply FakeBatchApis::handleOpenAi(const HttpRequest &request, const QUrl &, bool *hang)
{
    const QString invalidRequest = QStringLiteral("invalid_request_error");
    if (keyOf(request, false).isEmpty())
        return OpenAiBodies::missingKey();
    const QStringList segments = request.path.mid(4).split(QLatin1Char('/'), Qt::SkipEmptyParts); // after "/v1/"
    const QByteArray &method = request.method;

    if (segments.value(0) == QLatin1String("files")) {
        if (segments.size() == 1 && method == "POST") {
            bool ok = false;
            const QList<Part> parts = parseMultipart(request.body, request.headers.value("content-type"), &ok);
            if (!ok)
                return OpenAiBodies::error(400, QStringLiteral("Invalid multipart/form-data body."), invalidRequest,
                                           QJsonValue::Null, QJsonValue::Null);
            QJsonObject form;
            QByteArray data;
            QString fileName;
            for (const Part &part : parts) {
                if (part.name == "file") {
                    data = part.body;
                    fileName = QString::fromUtf8(part.fileName);
                    form.insert(QStringLiteral("file"), QStringLiteral("<binary>"));
                } else {
                    form.insert(QString::fromUtf8(part.name), QString::fromUtf8(part.body));
                }
            }
            const QString problem = m_openAiBatch ? describe(m_openAiBatch->validate(form, QStringLiteral("#/components/schemas/CreateFileRequest"))) : QString();
            if (!problem.isEmpty())
                return OpenAiBodies::error(400, QStringLiteral("Invalid upload: %1").arg(problem), invalidRequest,
                                           QJsonValue::Null, QJsonValue::Null);
            auto file = std::make_shared<File>();
            file->id = QStringLiteral("file-%1").arg(m_nextId++, 8, 16, QLatin1Char('0'));
            file->name = fileName;
            file->purpose = form.value(QStringLiteral("purpose")).toString();
            file->data = data;
            file->createdMs = now();
            m_files.insert(file->id, file);
            return OpenAiBodies::json(200, QJsonObject{{QStringLiteral("id"), file->id},
                                                       {QStringLiteral("object"), QStringLiteral("file")},
                                                       {QStringLiteral("bytes"), qint64(data.size())},
                                                       {QStringLiteral("created_at"), file->createdMs / 1000},
                                                       {QStringLiteral("filename"), fileName},
                                                       {QStringLiteral("purpose"), file->purpose},
                                                       {QStringLiteral("status"), QStringLiteral("processed")}});
        }
        const auto file = m_files.value(segments.value(1));
        if (!file)
            return OpenAiBodies::error(404, QStringLiteral("No such File object: %1").arg(segments.value(1)),
                                       invalidRequest, QStringLiteral("id"), QJsonValue::Null);
        if (segments.size() == 3 && segments.at(2) == QLatin1String("content") && method == "GET") {
            HttpReply reply;
            reply.headers = {{"Content-Type", "application/octet-stream"}};
            reply.body = file->data;
            return reply;
        }
        if (segments.size() == 2 && method == "DELETE") {
            m_files.remove(file->id);
            return OpenAiBodies::json(200, QJsonObject{{QStringLiteral("id"), file->id},
                                                       {QStringLiteral("object"), QStringLiteral("file")},
                                                       {QStringLiteral("deleted"), true}});
        }
        if (segments.size() == 2 && method == "GET") {
            return OpenAiBodies::json(200, QJsonObject{{QStringLiteral("id"), file->id},
                                                       {QStringLiteral("object"), QStringLiteral("file")},
                                                       {QStringLiteral("bytes"), qint64(file->data.size())},
                                                       {QStringLiteral("created_at"), file->createdMs / 1000},
                                                       {QStringLiteral("filename"), file->name},
                                                       {QStringLiteral("purpose"), file->purpose},
                                                       {QStringLiteral("status"), QStringLiteral("processed")}});
        }
        return OpenAiBodies::invalidUrl(method, request.path);
    }

    // /v1/batches…
    if (segments.size() == 1 && method == "POST") {
        ++m_createRequests;
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        return openAiCreate(body, hang);
    }
    if (segments.size() == 1 && method == "GET") {
        const int limit = std::clamp(request.query.queryItemValue(QStringLiteral("limit")).toInt(), 1, 100);
        const QString after = request.query.queryItemValue(QStringLiteral("after"));
        QJsonArray data;
        bool started = after.isEmpty();
        bool more = false;
        for (auto it = m_batchOrder.crbegin(); it != m_batchOrder.crend(); ++it) { // newest first
            const auto batch = m_batches.value(*it);
            if (batch->api != openAi)
                continue;
            if (!started) {
                started = batch->id == after;
                continue;
            }
            if (data.size() == limit) {
                more = true;
                break;
            }
            data.append(openAiBatchJson(*batch));
        }
        QJsonObject list{{QStringLiteral("object"), QStringLiteral("list")},
                         {QStringLiteral("data"), data},
                         {QStringLiteral("has_more"), more}};
        if (!data.isEmpty()) {
            list.insert(QStringLiteral("first_id"), data.first().toObject().value(QStringLiteral("id")));
            list.insert(QStringLiteral("last_id"), data.last().toObject().value(QStringLiteral("id")));
        }
        return OpenAiBodies::json(200, list);
    }
    const auto batch = m_batches.value(segments.value(1));
    if (!batch || batch->api != openAi)
        return OpenAiBodies::error(404, QStringLiteral("No batch found with id '%1'.").arg(segments.value(1)),
                                   invalidRequest, QJsonValue::Null, QJsonValue::Null);
    if (segments.size() == 2 && method == "GET")
        return OpenAiBodies::json(200, openAiBatchJson(*batch));
    if (segments.size() == 3 && segments.at(2) == QLatin1String("cancel") && method == "POST") {
        update(*batch);
        if (batch->state == QLatin1String("validating") || batch->state == QLatin1String("in_progress")
            || batch->state == QLatin1String("finalizing")) {
            readInput(*batch);
            batch->cancelledMs = batch->elapsed();
            const qint64 running = batch->cancelledMs - m_timeline.validatingMs;
            batch->completedAtCancel = batch->script.completeLines >= 0
                ? std::min<int>(batch->script.completeLines, int(batch->lines.size()))
                : int(batch->lines.size() * std::clamp<double>(double(running) / std::max(1, m_timeline.runningMs), 0, 1));
            update(*batch);
        }
        return OpenAiBodies::json(200, openAiBatchJson(*batch));
    }
    return OpenAiBodies::invalidUrl(method, request.path);
}

HttpReply FakeBatchApis::openAiCreate(const QJsonObject &body, bool *hang)
{
    const QString invalidRequest = QStringLiteral("invalid_request_error");
    const Script script = nextScript();
    if (!m_scripts.isEmpty() && m_scripts.head().create429 > 0) {
        --m_scripts.head().create429;
        HttpReply reply = OpenAiBodies::error(429, QStringLiteral("Too many batch creations. Please try again in 1s."),
                                              QStringLiteral("requests"), QJsonValue::Null,
                                              QStringLiteral("rate_limit_exceeded"));
        reply.headers.emplaceBack("Retry-After", "1");
        return reply;
    }
    const QList<SchemaViolation> violations = m_openAiBatch ? m_openAiBatch->validate(body, QStringLiteral("#/components/schemas/CreateBatchRequest")) : QList<SchemaViolation>();
    if (!violations.isEmpty())
        return OpenAiBodies::error(400, QStringLiteral("Invalid request: %1").arg(describe(violations)), invalidRequest,
                                   violations.first().path.join(QLatin1Char('.')), QJsonValue::Null);
    const QJsonObject metadata = body.value(QStringLiteral("metadata")).toObject();
    if (metadata.size() > 16)
        return OpenAiBodies::error(400, QStringLiteral("Invalid 'metadata': too many properties (max 16)."), invalidRequest,
                                   QStringLiteral("metadata"), QJsonValue::Null);
    for (auto it = metadata.constBegin(); it != metadata.constEnd(); ++it) {
        if (it.key().size() > 64 || it.value().toString().size() > 512)
            return OpenAiBodies::error(400, QStringLiteral("Invalid 'metadata': key or value too long."), invalidRequest,
                                       QStringLiteral("metadata"), QJsonValue::Null);
    }
    const auto input = m_files.value(body.value(QStringLiteral("input_file_id")).toString());
    if (!input || input->purpose != QLatin1String("batch"))
        return OpenAiBodies::error(400, QStringLiteral("Cannot find file %1.").arg(body.value(QStringLiteral("input_file_id")).toString()),
                                   invalidRequest, QStringLiteral("input_file_id"), QJsonValue::Null);
    if (!m_scripts.isEmpty())
        m_scripts.dequeue();

    auto batch = std::make_shared<Batch>();
    batch->api = openAi;
    batch->id = QStringLiteral("batch_%1").arg(m_nextId++, 12, 16, QLatin1Char('0'));
    batch->endpoint = body.value(QStringLiteral("endpoint")).toString();
    batch->metadata = metadata;
    batch->inputFileId = input->id;
    batch->script = script;
    batch->createdMs = now();
    batch->pendingInput = input->data; // read at the end of "validating", as the service does
    m_batches.insert(batch->id, batch);
    m_batchOrder.append(batch->id);
    ++m_created;
    *hang = script.hangCreate;
    return OpenAiBodies::json(200, openAiBatchJson(*batch));
}

QJsonObject FakeBatchApis::openAiBatchJson(Batch &batch)
{
    update(batch);
    const bool late = batch.finalized && batch.state == QLatin1String("completed") && batch.latePolls > 0;
    if (late)
        --batch.latePolls;
    const auto at = [&batch](qint64 offset) { return offset > 0 ? orNull((batch.createdMs + offset) / 1000) : QJsonValue(QJsonValue::Null); };
    QJsonObject errors;
    if (batch.state == QLatin1String("failed")) {
        errors = QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                             {QStringLiteral("data"), QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("invalid_request")},
                                                                             {QStringLiteral("message"), batch.invalid.isEmpty() ? QStringLiteral("The batch failed validation.") : batch.invalid},
                                                                             {QStringLiteral("param"), QJsonValue::Null},
                                                                             {QStringLiteral("line"), QJsonValue::Null}}}}};
    }
    const int total = int(batch.lines.size());
    const int failedNow = batch.finalized ? batch.failed : 0;
    const int doneNow = batch.finalized ? batch.succeeded : 0;
    QJsonObject json{
        {QStringLiteral("id"), batch.id},
        {QStringLiteral("object"), QStringLiteral("batch")},
        {QStringLiteral("endpoint"), batch.endpoint},
        {QStringLiteral("model"), batch.model},
        {QStringLiteral("errors"), errors.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(errors)},
        {QStringLiteral("input_file_id"), batch.inputFileId},
        {QStringLiteral("completion_window"), QStringLiteral("24h")},
        {QStringLiteral("status"), batch.state},
        {QStringLiteral("output_file_id"), !late && !batch.outputFileId.isEmpty() ? QJsonValue(batch.outputFileId) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("error_file_id"), !late && !batch.errorFileId.isEmpty() ? QJsonValue(batch.errorFileId) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("created_at"), batch.createdMs / 1000},
        {QStringLiteral("in_progress_at"), at(batch.phaseMs[0])},
        {QStringLiteral("expires_at"), (batch.createdMs / 1000) + 86400},
        {QStringLiteral("finalizing_at"), at(batch.phaseMs[1])},
        {QStringLiteral("completed_at"), batch.state == QLatin1String("completed") ? at(batch.phaseMs[2]) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("failed_at"), batch.state == QLatin1String("failed") ? at(batch.phaseMs[2]) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("expired_at"), batch.state == QLatin1String("expired") ? at(batch.phaseMs[2]) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("cancelling_at"), at(batch.phaseMs[3])},
        {QStringLiteral("cancelled_at"), batch.state == QLatin1String("cancelled") ? at(batch.phaseMs[2]) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("request_counts"), QJsonObject{{QStringLiteral("total"), total},
                                                       {QStringLiteral("completed"), doneNow},
                                                       {QStringLiteral("failed"), failedNow}}},
        {QStringLiteral("metadata"), batch.metadata},
    };
    // The real API sends null for what is not set yet; the official schema (no "nullable") wants them left out.
    for (auto it = json.begin(); it != json.end();) {
        if (it.value().isNull())
            it = json.erase(it);
        else
            ++it;
    }
    return json;
}

// ---------------------------------------------------------------------------------------------------- state

void FakeBatchApis::readInput(Batch &batch)
{
    if (batch.parsed)
        return;
    batch.parsed = true;
    if (batch.api == gemini) {
        for (const QByteArray &raw : batch.pendingInput.split('\n')) {
            if (raw.trimmed().isEmpty())
                continue;
            QJsonParseError parseError;
            const QJsonObject line = QJsonDocument::fromJson(raw, &parseError).object();
            const QString problem = parseError.error != QJsonParseError::NoError
                ? QStringLiteral("a line is not JSON")
                : (m_gemini ? describe(m_gemini->validate(line, QStringLiteral("#/$defs/BatchJsonlLine"))) : QString());
            const QString key = line.value(QStringLiteral("key")).toString();
            m_lines.append({gemini, batch.id, key, problem.isEmpty(), problem});
            const QJsonObject request = problem.isEmpty() ? line.value(QStringLiteral("request")).toObject()
                                                          : QJsonObject{{QStringLiteral("invalid"), true}};
            batch.lines.append({key, QJsonDocument(request).toJson(QJsonDocument::Compact)});
        }
        batch.pendingInput.clear();
        if (batch.lines.isEmpty()) {
            batch.invalid = QStringLiteral("The batch holds no request.");
            batch.script.end = End::FailValidation;
        }
        return;
    }
    QSet<QString> keys;
    int lineNumber = 0;
    for (const QByteArray &raw : batch.pendingInput.split('\n')) {
        ++lineNumber;
        if (raw.trimmed().isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonObject line = QJsonDocument::fromJson(raw, &parseError).object();
        LineRecord record{openAi, batch.id, line.value(QStringLiteral("custom_id")).toString(), true, {}};
        QString problem = parseError.error != QJsonParseError::NoError
            ? QStringLiteral("line %1 is not JSON").arg(lineNumber)
            : (m_openAiLines ? describe(m_openAiLines->validate(line, QStringLiteral("#/BatchRequestInput"))) : QString());
        if (problem.isEmpty() && (!line.value(QStringLiteral("custom_id")).isString() || !line.value(QStringLiteral("body")).isObject()
                                  || line.value(QStringLiteral("method")).toString() != QLatin1String("POST")))
            problem = QStringLiteral("line %1 needs custom_id, method POST and a body").arg(lineNumber);
        if (problem.isEmpty() && line.value(QStringLiteral("url")).toString() != batch.endpoint)
            problem = QStringLiteral("line %1: url %2 differs from the batch's endpoint %3")
                          .arg(lineNumber).arg(line.value(QStringLiteral("url")).toString(), batch.endpoint);
        if (problem.isEmpty() && keys.contains(record.key))
            problem = QStringLiteral("duplicate custom_id %1 on line %2").arg(record.key).arg(lineNumber);
        const QString model = line.value(QStringLiteral("body")).toObject().value(QStringLiteral("model")).toString();
        if (problem.isEmpty() && !batch.model.isEmpty() && model != batch.model)
            problem = QStringLiteral("line %1 uses model %2; a batch file holds one model (%3)").arg(lineNumber).arg(model, batch.model);
        keys.insert(record.key);
        if (batch.model.isEmpty())
            batch.model = model;
        if (!problem.isEmpty()) {
            record.schemaValid = false;
            record.schemaError = problem;
            if (batch.invalid.isEmpty())
                batch.invalid = problem;
        }
        m_lines.append(record);
        batch.lines.append({record.key, QJsonDocument(line.value(QStringLiteral("body")).toObject()).toJson(QJsonDocument::Compact)});
    }
    if (batch.lines.isEmpty())
        batch.invalid = QStringLiteral("The input file is empty.");
    if (!batch.invalid.isEmpty())
        batch.script.end = End::FailValidation;
    batch.pendingInput.clear();
}


void FakeBatchApis::update(Batch &batch)
{
    const bool isGemini = batch.api == gemini;
    const qint64 elapsed = batch.elapsed();
    const qint64 validating = m_timeline.validatingMs;
    const qint64 running = validating + m_timeline.runningMs;
    const qint64 finishing = running + m_timeline.finalizingMs;
    QString state;
    bool final = false;
    if (batch.finalized)
        return;
    if (!batch.parsed && (elapsed >= validating || batch.cancelledMs >= 0))
        readInput(batch);
    if (batch.cancelledMs >= 0) {
        batch.phaseMs[3] = batch.cancelledMs;
        if (elapsed >= batch.cancelledMs + m_timeline.finalizingMs) {
            state = isGemini ? QStringLiteral("CANCELLED") : QStringLiteral("cancelled");
            final = true;
        } else {
            state = isGemini ? QStringLiteral("RUNNING") : QStringLiteral("cancelling");
        }
    } else if (batch.script.end == End::FailValidation && elapsed >= validating) {
        state = isGemini ? QStringLiteral("FAILED") : QStringLiteral("failed");
        final = true;
    } else if (elapsed < validating) {
        state = isGemini ? QStringLiteral("PENDING") : QStringLiteral("validating");
    } else if (elapsed < running) {
        batch.phaseMs[0] = validating;
        state = isGemini ? QStringLiteral("RUNNING") : QStringLiteral("in_progress");
    } else if (batch.script.end == End::Expire) {
        state = isGemini ? QStringLiteral("EXPIRED") : QStringLiteral("expired");
        final = true;
    } else if (elapsed < finishing) {
        batch.phaseMs[1] = running;
        state = isGemini ? QStringLiteral("RUNNING") : QStringLiteral("finalizing");
    } else {
        state = isGemini ? QStringLiteral("SUCCEEDED") : QStringLiteral("completed");
        final = true;
    }
    batch.state = state;
    if (final) {
        batch.phaseMs[2] = elapsed;
        finalize(batch);
    }
}

void FakeBatchApis::finalize(Batch &batch)
{
    batch.finalized = true;
    batch.latePolls = batch.script.resultsLatePolls;
    const bool isGemini = batch.api == gemini;
    const int total = int(batch.lines.size());
    int done = total;
    QString unfinishedCode;
    if (batch.script.end == End::FailValidation) {
        return; // no output at all
    } else if (batch.cancelledMs >= 0) {
        done = batch.completedAtCancel;
        unfinishedCode = QStringLiteral("batch_cancelled");
    } else if (batch.script.end == End::Expire) {
        if (isGemini)
            return; // an expired Gemini job has no results
        done = batch.script.completeLines >= 0 ? std::min(batch.script.completeLines, total) : total / 2;
        unfinishedCode = QStringLiteral("batch_expired");
    }

    QList<QByteArray> output;
    QList<QByteArray> errors;
    QJsonArray inlined;
    for (int i = 0; i < total; ++i) {
        const auto &[key, body] = batch.lines.at(i);
        const QString requestId = QStringLiteral("batch_req_%1").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
        QJsonObject geminiError;
        if (i >= done) {
            if (!isGemini) {
                errors.append(jsonLine({{QStringLiteral("id"), requestId}, {QStringLiteral("custom_id"), key},
                                        {QStringLiteral("response"), QJsonValue::Null},
                                        {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), unfinishedCode},
                                                                              {QStringLiteral("message"), QStringLiteral("This request could not be executed before the batch ended.")}}}}));
                ++batch.failed;
            }
            continue;
        }
        if (i >= total - batch.script.dropLines)
            continue; // lost: no line at all
        Answer answer;
        if (i < batch.script.failLines) {
            answer.status = 500;
            answer.body = QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("message"), QStringLiteral("The server had an error while processing your request.")},
                                                                             {QStringLiteral("type"), QStringLiteral("server_error")},
                                                                             {QStringLiteral("param"), QJsonValue::Null},
                                                                             {QStringLiteral("code"), QJsonValue::Null}}}};
            if (isGemini)
                geminiError = QJsonObject{{QStringLiteral("code"), 13}, {QStringLiteral("message"), QStringLiteral("Internal error encountered.")},
                                          {QStringLiteral("status"), QStringLiteral("INTERNAL")}};
        } else {
            answer = m_answerer(body, batch.api, batch.model);
            if (isGemini && answer.status != 200) {
                geminiError = answer.body.value(QStringLiteral("error")).toObject();
                if (geminiError.isEmpty())
                    geminiError = QJsonObject{{QStringLiteral("code"), answer.status}, {QStringLiteral("message"), QStringLiteral("Request failed.")}};
            }
        }
        if (!answer.schemaValid) {
            for (LineRecord &record : m_lines) {
                if (record.batchId == batch.id && record.key == key) {
                    record.schemaValid = false;
                    record.schemaError = answer.schemaError;
                }
            }
        }
        const bool ok = answer.status == 200;
        ok ? ++batch.succeeded : ++batch.failed;
        if (isGemini) {
            QJsonObject line{{QStringLiteral("key"), key}};
            QJsonObject entry{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("key"), key}}}};
            if (ok) {
                line.insert(QStringLiteral("response"), answer.body);
                entry.insert(QStringLiteral("response"), answer.body);
            } else {
                line.insert(QStringLiteral("error"), geminiError);
                entry.insert(QStringLiteral("error"), geminiError);
            }
            output.append(jsonLine(line));
            inlined.append(entry);
        } else {
            const QJsonObject line{{QStringLiteral("id"), requestId},
                                   {QStringLiteral("custom_id"), key},
                                   {QStringLiteral("response"), QJsonObject{{QStringLiteral("status_code"), answer.status},
                                                                            {QStringLiteral("request_id"), QStringLiteral("req_%1").arg(i)},
                                                                            {QStringLiteral("body"), answer.body}}},
                                   {QStringLiteral("error"), QJsonValue::Null}};
            (ok ? output : errors).append(jsonLine(line));
        }
    }
    // Output order is not input order.
    QRandomGenerator shuffle(qHash(batch.id));
    std::shuffle(output.begin(), output.end(), shuffle);
    std::shuffle(errors.begin(), errors.end(), shuffle);

    const auto store = [this](const QString &id, const QString &purpose, const QList<QByteArray> &lines) {
        auto file = std::make_shared<File>();
        file->id = id;
        file->name = id;
        file->purpose = purpose;
        file->data = lines.join();
        file->createdMs = now();
        m_files.insert(id, file);
        return id;
    };
    if (isGemini) {
        if (batch.inlineInput)
            batch.inlined = inlined;
        else
            batch.outputFileId = store(QStringLiteral("files/batch-") + batch.id.mid(8), QStringLiteral("output"), output);
    } else {
        if (!output.isEmpty())
            batch.outputFileId = store(QStringLiteral("file-out%1").arg(m_nextId++, 8, 16, QLatin1Char('0')), QStringLiteral("batch_output"), output);
        if (!errors.isEmpty())
            batch.errorFileId = store(QStringLiteral("file-err%1").arg(m_nextId++, 8, 16, QLatin1Char('0')), QStringLiteral("batch_output"), errors);
    }
}

// ---------------------------------------------------------------------------------------------------- Gemini

HttpReply FakeBatchApis::handleGemini(const HttpRequest &request, const QUrl &base, bool *hang)
{
    const QString &path = request.path;
    const QByteArray &method = request.method;
    // The upload address of a resumable upload authorises the upload by itself.
    const bool uploadStep = path == QLatin1String("/upload/v1beta/files") && request.query.hasQueryItem(QStringLiteral("upload_id"));
    if (!uploadStep && keyOf(request, true).isEmpty())
        return GeminiBodies::missingKey();

    if (path == QLatin1String("/upload/v1beta/files") && method == "POST") {
        const QByteArray command = request.headers.value("x-goog-upload-command").toLower();
        if (!uploadStep && request.headers.value("x-goog-upload-protocol").toLower() != "resumable")
            return GeminiBodies::error(400, QStringLiteral("INVALID_ARGUMENT"), QStringLiteral("Only resumable uploads are served here."));
        if (command == "start") {
            bool ok = false;
            const qint64 size = request.headers.value("x-goog-upload-header-content-length").toLongLong(&ok);
            if (!ok || size <= 0)
                return GeminiBodies::error(400, QStringLiteral("INVALID_ARGUMENT"), QStringLiteral("X-Goog-Upload-Header-Content-Length is missing."));
            const QJsonObject file = QJsonDocument::fromJson(request.body).object().value(QStringLiteral("file")).toObject();
            const QString uploadId = QStringLiteral("up%1").arg(m_nextId++);
            QString displayName = file.value(QStringLiteral("display_name")).toString();
            if (displayName.isEmpty())
                displayName = file.value(QStringLiteral("displayName")).toString();
            m_uploads.insert(uploadId, {displayName, size});
            QUrl url = base;
            url.setPath(QStringLiteral("/upload/v1beta/files"));
            url.setQuery(QStringLiteral("upload_id=%1&upload_protocol=resumable").arg(uploadId));
            HttpReply reply;
            reply.headers = {{"X-Goog-Upload-Status", "active"},
                             {"X-Goog-Upload-URL", url.toEncoded()},
                             {"X-Goog-Upload-Chunk-Granularity", "8388608"},
                             {"Content-Type", "text/plain; charset=utf-8"}};
            return reply;
        }
        const QString uploadId = request.query.queryItemValue(QStringLiteral("upload_id"));
        if (!m_uploads.contains(uploadId))
            return GeminiBodies::error(404, QStringLiteral("NOT_FOUND"), QStringLiteral("Unknown upload."));
        if (!command.contains("upload") || !command.contains("finalize") || request.headers.value("x-goog-upload-offset") != "0")
            return GeminiBodies::error(400, QStringLiteral("INVALID_ARGUMENT"), QStringLiteral("Expected one \"upload, finalize\" at offset 0."));
        const auto [displayName, size] = m_uploads.take(uploadId);
        if (request.body.size() != size)
            return GeminiBodies::error(400, QStringLiteral("INVALID_ARGUMENT"),
                                       QStringLiteral("Upload size %1 differs from the declared %2.").arg(request.body.size()).arg(size));
        auto file = std::make_shared<File>();
        file->id = QStringLiteral("files/%1").arg(m_nextId++, 12, 36, QLatin1Char('0'));
        file->name = displayName;
        file->purpose = QStringLiteral("input");
        file->data = request.body;
        file->createdMs = now();
        m_files.insert(file->id, file);
        HttpReply reply = GeminiBodies::json(200, QJsonObject{{QStringLiteral("file"), QJsonObject{
            {QStringLiteral("name"), file->id},
            {QStringLiteral("displayName"), displayName},
            {QStringLiteral("mimeType"), QStringLiteral("application/jsonl")},
            {QStringLiteral("sizeBytes"), QString::number(size)},
            {QStringLiteral("createTime"), isoTime(file->createdMs)},
            {QStringLiteral("expirationTime"), isoTime(file->createdMs + 48LL * 3600 * 1000)},
            {QStringLiteral("uri"), QString(base.toString() + QStringLiteral("/v1beta/") + file->id)},
            {QStringLiteral("state"), QStringLiteral("ACTIVE")}}}});
        reply.headers.emplaceBack("X-Goog-Upload-Status", "final");
        return reply;
    }

    static const QRegularExpression download(QStringLiteral("^(?:/download)?/v1beta/(files/[^/:]+):download$"));
    if (const auto match = download.match(path); match.hasMatch() && method == "GET") {
        const auto file = m_files.value(match.captured(1));
        if (!file)
            return GeminiBodies::error(404, QStringLiteral("NOT_FOUND"), QStringLiteral("File %1 not found.").arg(match.captured(1)));
        HttpReply reply;
        reply.headers = {{"Content-Type", "application/octet-stream"}};
        reply.body = file->data;
        return reply;
    }
    if (path.startsWith(QLatin1String("/v1beta/files/")) && method == "DELETE") {
        if (!m_files.remove(path.mid(8)))
            return GeminiBodies::error(404, QStringLiteral("NOT_FOUND"), QStringLiteral("File %1 not found.").arg(path.mid(8)));
        return GeminiBodies::json(200, QJsonObject{});
    }

    static const QRegularExpression create(QStringLiteral("^/v1beta/models/([^/:]+):batchGenerateContent$"));
    if (const auto match = create.match(path); match.hasMatch() && method == "POST") {
        ++m_createRequests;
        return geminiCreate(match.captured(1), QJsonDocument::fromJson(request.body).object(), hang);
    }
    if (path == QLatin1String("/v1beta/batches") && method == "GET") {
        const int pageSize = std::clamp(request.query.queryItemValue(QStringLiteral("pageSize")).toInt(), 1, 100);
        const int from = request.query.queryItemValue(QStringLiteral("pageToken")).toInt();
        QList<std::shared_ptr<Batch>> all;
        for (auto it = m_batchOrder.crbegin(); it != m_batchOrder.crend(); ++it) {
            const auto batch = m_batches.value(*it);
            if (batch->api == gemini)
                all.append(batch);
        }
        QJsonArray operations;
        for (int i = from; i < all.size() && operations.size() < pageSize; ++i)
            operations.append(geminiOperationJson(*all.at(i)));
        QJsonObject list{{QStringLiteral("operations"), operations}};
        if (from + operations.size() < all.size())
            list.insert(QStringLiteral("nextPageToken"), QString::number(from + operations.size()));
        return GeminiBodies::json(200, list);
    }
    static const QRegularExpression batchPath(QStringLiteral("^/v1beta/(batches/[^/:]+)(:cancel)?$"));
    if (const auto match = batchPath.match(path); match.hasMatch()) {
        const auto batch = m_batches.value(match.captured(1));
        if (!batch)
            return GeminiBodies::error(404, QStringLiteral("NOT_FOUND"), QStringLiteral("Batch %1 not found.").arg(match.captured(1)));
        if (match.captured(2).isEmpty() && method == "GET")
            return GeminiBodies::json(200, geminiOperationJson(*batch));
        if (!match.captured(2).isEmpty() && method == "POST") {
            update(*batch);
            if (!batch->finalized && batch->cancelledMs < 0) {
                readInput(*batch);
            batch->cancelledMs = batch->elapsed();
                const qint64 running = batch->cancelledMs - m_timeline.validatingMs;
                batch->completedAtCancel = batch->script.completeLines >= 0
                    ? std::min<int>(batch->script.completeLines, int(batch->lines.size()))
                    : int(batch->lines.size() * std::clamp<double>(double(running) / std::max(1, m_timeline.runningMs), 0, 1));
                update(*batch);
            }
            return GeminiBodies::json(200, QJsonObject{});
        }
    }
    return GeminiBodies::methodNotFound();
}

HttpReply FakeBatchApis::geminiCreate(const QString &model, const QJsonObject &body, bool *hang)
{
    const Script script = nextScript();
    if (!m_scripts.isEmpty() && m_scripts.head().create429 > 0) {
        --m_scripts.head().create429;
        // No RetryInfo on a batch create's 429 (python-genai #1901).
        return GeminiBodies::error(429, QStringLiteral("RESOURCE_EXHAUSTED"), QStringLiteral("Resource has been exhausted (e.g. check quota)."));
    }
    const QList<SchemaViolation> violations = m_gemini ? m_gemini->validate(body, QStringLiteral("#/$defs/BatchGenerateContentRequest")) : QList<SchemaViolation>();
    if (!violations.isEmpty())
        return GeminiBodies::error(400, QStringLiteral("INVALID_ARGUMENT"), QStringLiteral("Invalid batch: %1").arg(describe(violations)));
    const QJsonObject spec = body.value(QStringLiteral("batch")).toObject();
    QJsonObject input = spec.value(QStringLiteral("inputConfig")).toObject();
    if (input.isEmpty())
        input = spec.value(QStringLiteral("input_config")).toObject();
    auto batch = std::make_shared<Batch>();
    batch->api = gemini;
    batch->id = QStringLiteral("batches/%1").arg(m_nextId++, 16, 36, QLatin1Char('0'));
    batch->model = model;
    batch->displayName = spec.value(QStringLiteral("displayName")).toString(spec.value(QStringLiteral("display_name")).toString());
    batch->script = script;
    QList<QJsonObject> lines; // {key, request}
    if (input.contains(QStringLiteral("requests"))) {
        if (QJsonDocument(body).toJson(QJsonDocument::Compact).size() >= geminiInlineLimit)
            return GeminiBodies::error(400, QStringLiteral("INVALID_ARGUMENT"),
                                       QStringLiteral("Request payload size exceeds the limit: %1 bytes.").arg(geminiInlineLimit));
        batch->inlineInput = true;
        batch->parsed = true;
        const QJsonArray requests = input.value(QStringLiteral("requests")).toObject().value(QStringLiteral("requests")).toArray();
        for (qsizetype i = 0; i < requests.size(); ++i) {
            const QJsonObject item = requests.at(i).toObject();
            QString key = item.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("key")).toString();
            if (key.isEmpty())
                key = QString::number(i);
            lines.append(QJsonObject{{QStringLiteral("key"), key}, {QStringLiteral("request"), item.value(QStringLiteral("request"))}});
        }
    } else {
        const QString fileName = input.value(QStringLiteral("fileName")).toString(input.value(QStringLiteral("file_name")).toString());
        const auto file = m_files.value(fileName);
        if (!file)
            return GeminiBodies::error(400, QStringLiteral("INVALID_ARGUMENT"), QStringLiteral("Cannot find file %1.").arg(fileName));
        batch->inputFileId = fileName;
        batch->pendingInput = file->data; // read when it starts running
    }
    if (!m_scripts.isEmpty())
        m_scripts.dequeue();
    for (const QJsonObject &line : std::as_const(lines)) {
        const QString key = line.value(QStringLiteral("key")).toString();
        if (std::none_of(m_lines.cbegin(), m_lines.cend(), [&](const LineRecord &r) { return r.batchId == batch->id && r.key == key; }))
            m_lines.append({gemini, batch->id, key, true, {}});
        batch->lines.append({key, QJsonDocument(line.value(QStringLiteral("request")).toObject()).toJson(QJsonDocument::Compact)});
    }
    if (batch->parsed && batch->lines.isEmpty()) {
        batch->invalid = QStringLiteral("The batch holds no request.");
        batch->script.end = End::FailValidation;
    }
    batch->createdMs = now();
    m_batches.insert(batch->id, batch);
    m_batchOrder.append(batch->id);
    ++m_created;
    *hang = script.hangCreate;
    return GeminiBodies::json(200, geminiOperationJson(*batch));
}

QJsonObject FakeBatchApis::geminiOperationJson(Batch &batch)
{
    update(batch);
    const QString prefix = batch.script.jobStateSpelling ? QStringLiteral("JOB_STATE_") : QStringLiteral("BATCH_STATE_");
    const bool hasResults = batch.finalized && (!batch.outputFileId.isEmpty() || batch.inlineInput)
        && batch.state != QLatin1String("FAILED") && batch.state != QLatin1String("EXPIRED");
    bool late = false;
    if (hasResults && batch.latePolls > 0) {
        --batch.latePolls;
        late = true;
    }
    QJsonObject stats{{QStringLiteral("requestCount"), QString::number(batch.lines.size())}};
    if (batch.finalized) {
        if (batch.succeeded > 0)
            stats.insert(QStringLiteral("successfulRequestCount"), QString::number(batch.succeeded));
        if (batch.failed > 0)
            stats.insert(QStringLiteral("failedRequestCount"), QString::number(batch.failed));
    } else {
        stats.insert(QStringLiteral("pendingRequestCount"), QString::number(batch.lines.size()));
    }
    QJsonObject metadata{{QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatch")},
                         {QStringLiteral("model"), QString(QStringLiteral("models/") + batch.model)},
                         {QStringLiteral("displayName"), batch.displayName},
                         {QStringLiteral("createTime"), isoTime(batch.createdMs)},
                         {QStringLiteral("updateTime"), isoTime(now())},
                         {QStringLiteral("batchStats"), stats},
                         {QStringLiteral("state"), QString(prefix + batch.state)},
                         {QStringLiteral("name"), batch.id}};
    metadata.insert(QStringLiteral("inputConfig"), batch.inlineInput ? QJsonObject{{QStringLiteral("requests"), QJsonValue(QJsonObject())}}
                                                                     : QJsonObject{{QStringLiteral("fileName"), batch.inputFileId}});
    QJsonObject operation{{QStringLiteral("name"), batch.id}, {QStringLiteral("metadata"), metadata}};
    if (!batch.finalized)
        return operation;
    metadata.insert(QStringLiteral("endTime"), isoTime(batch.createdMs + batch.phaseMs[2]));
    operation.insert(QStringLiteral("done"), true);
    if (batch.state == QLatin1String("FAILED")) {
        operation.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), 3},
                                                              {QStringLiteral("message"), batch.invalid.isEmpty() ? QStringLiteral("The batch failed.") : batch.invalid}});
    } else if (hasResults && !late) {
        QJsonObject output;
        if (batch.inlineInput)
            output.insert(QStringLiteral("inlinedResponses"), QJsonObject{{QStringLiteral("inlinedResponses"), batch.inlined}});
        else
            output.insert(QStringLiteral("responsesFile"), batch.outputFileId);
        metadata.insert(QStringLiteral("output"), output);
        output.insert(QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatchOutput"));
        operation.insert(QStringLiteral("response"), output);
    }
    operation.insert(QStringLiteral("metadata"), metadata);
    return operation;
}

} // namespace Corrige::Test
