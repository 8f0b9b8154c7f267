#include "core/llm/batchprotocol.h"

#include <QJsonDocument>

namespace Corrige::Core {

namespace {

QString camelToSnake(const QString &name)
{
    QString out;
    out.reserve(name.size() + 4);
    for (const QChar c : name) {
        if (c.isUpper()) {
            out += QLatin1Char('_');
            out += c.toLower();
        } else {
            out += c;
        }
    }
    return out;
}

bool isSchemaKey(const QString &snake)
{
    return snake == QLatin1String("response_json_schema") || snake == QLatin1String("response_schema");
}

QJsonValue snakeCase(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(snakeCase(item));
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject out;
    const QJsonObject object = value.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString key = camelToSnake(it.key());
        out.insert(key, isSchemaKey(key) ? it.value() : snakeCase(it.value()));
    }
    return out;
}

QByteArray jsonString(const QString &text)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

int intOf(const QJsonValue &value)
{
    // Gemini's int64 counts are strings.
    return value.isString() ? value.toString().toInt() : value.toInt();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

QString batchStateToString(BatchState state)
{
    switch (state) {
    case BatchState::Pending: return QStringLiteral("pending");
    case BatchState::Running: return QStringLiteral("running");
    case BatchState::Succeeded: return QStringLiteral("succeeded");
    case BatchState::Failed: return QStringLiteral("failed");
    case BatchState::Expired: return QStringLiteral("expired");
    case BatchState::Cancelling: return QStringLiteral("cancelling");
    case BatchState::Cancelled: return QStringLiteral("cancelled");
    case BatchState::Unknown: break;
    }
    return QStringLiteral("unknown");
}

bool RemoteBatch::isFinal() const
{
    return state == BatchState::Succeeded || state == BatchState::Failed || state == BatchState::Expired
        || state == BatchState::Cancelled;
}

bool RemoteBatch::resultsReady() const
{
    if (!isFinal())
        return false;
    if (state == BatchState::Succeeded) {
        // Gemini: SUCCEEDED can come before responsesFile. OpenAI: completed with answers but no output file yet.
        if (outputFile.isEmpty() && errorFile.isEmpty() && !hasInlined)
            return false;
        if (outputFile.isEmpty() && completed > 0 && !hasInlined)
            return false;
    }
    return true;
}

QByteArray BatchProtocol::inputLine(ProviderKind kind, const QString &key, const QByteArray &body)
{
    if (kind == ProviderKind::Gemini)
        return "{\"key\":" + jsonString(key) + ",\"request\":" + snakeCaseBody(body) + "}\n";
    // The body is compact JSON already: no need to parse a few megabytes of base64 again.
    return "{\"custom_id\":" + jsonString(key) + ",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":"
        + body.trimmed() + "}\n";
}

QJsonObject BatchProtocol::snakeCaseRequest(const QJsonObject &request)
{
    return snakeCase(request).toObject();
}

QByteArray BatchProtocol::snakeCaseBody(const QByteArray &body)
{
    // The keys GeminiProvider::buildBody writes. In compact JSON a key follows "{" or "," directly, while a quote
    // inside a string is always escaped: "{\"inlineData\":" cannot come from the text of a prompt. The schema's own
    // keywords are not in this list, so the response schema is left as it is. One pass from quote to quote: the
    // megabytes of base64 hold none.
    static const std::pair<QByteArray, QByteArray> keys[] = {
        {"inlineData\":", "inline_data\":"},
        {"mimeType\":", "mime_type\":"},
        {"generationConfig\":", "generation_config\":"},
        {"maxOutputTokens\":", "max_output_tokens\":"},
        {"responseMimeType\":", "response_mime_type\":"},
        {"responseJsonSchema\":", "response_json_schema\":"},
        {"systemInstruction\":", "system_instruction\":"},
    };
    const QByteArray in = body.trimmed();
    QByteArray out;
    out.reserve(in.size() + 256);
    qsizetype copied = 0;
    qsizetype quote = in.indexOf('"');
    while (quote >= 0) {
        const char lead = quote > 0 ? in.at(quote - 1) : 0;
        if (lead == '{' || lead == ',') {
            for (const auto &[camel, snake] : keys) {
                if (QByteArrayView(in).sliced(quote + 1).startsWith(camel)) {
                    out.append(QByteArrayView(in).sliced(copied, quote + 1 - copied));
                    out.append(snake);
                    copied = quote + 1 + camel.size();
                    break;
                }
            }
        }
        quote = in.indexOf('"', std::max(quote + 1, copied));
    }
    out.append(QByteArrayView(in).sliced(copied));
    return out;
}

QByteArray BatchProtocol::openAiCreateBody(const QString &inputFileId, const QString &tag)
{
    return compact(QJsonObject{{QStringLiteral("input_file_id"), inputFileId},
                               {QStringLiteral("endpoint"), QStringLiteral("/v1/chat/completions")},
                               {QStringLiteral("completion_window"), QStringLiteral("24h")},
                               {QStringLiteral("metadata"), QJsonObject{{QLatin1String(tagMetadataKey), tag}}}});
}

QByteArray BatchProtocol::geminiFileCreateBody(const QString &fileName, const QString &tag)
{
    return compact(QJsonObject{{QStringLiteral("batch"), QJsonObject{{QStringLiteral("displayName"), tag},
                                                                      {QStringLiteral("inputConfig"), QJsonObject{{QStringLiteral("fileName"), fileName}}}}}});
}

QByteArray BatchProtocol::geminiInlineCreateBody(const QByteArray &jsonl, const QString &tag)
{
    QJsonArray requests;
    for (const QByteArray &raw : jsonl.split('\n')) {
        if (raw.trimmed().isEmpty())
            continue;
        const QJsonObject line = QJsonDocument::fromJson(raw).object();
        requests.append(QJsonObject{{QStringLiteral("request"), line.value(QStringLiteral("request"))},
                                    {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("key"), line.value(QStringLiteral("key"))}}}});
    }
    return compact(QJsonObject{
        {QStringLiteral("batch"),
         QJsonObject{{QStringLiteral("displayName"), tag},
                     {QStringLiteral("inputConfig"),
                      QJsonObject{{QStringLiteral("requests"), QJsonObject{{QStringLiteral("requests"), requests}}}}}}}});
}

BatchState BatchProtocol::openAiState(const QString &status)
{
    if (status == QLatin1String("validating"))
        return BatchState::Pending;
    if (status == QLatin1String("in_progress") || status == QLatin1String("finalizing"))
        return BatchState::Running;
    if (status == QLatin1String("completed"))
        return BatchState::Succeeded;
    if (status == QLatin1String("failed"))
        return BatchState::Failed;
    if (status == QLatin1String("expired"))
        return BatchState::Expired;
    if (status == QLatin1String("cancelling"))
        return BatchState::Cancelling;
    if (status == QLatin1String("cancelled"))
        return BatchState::Cancelled;
    return BatchState::Unknown;
}

BatchState BatchProtocol::geminiState(const QString &state)
{
    QString bare = state;
    for (const char *prefix : {"BATCH_STATE_", "JOB_STATE_"}) {
        if (bare.startsWith(QLatin1String(prefix)))
            bare = bare.mid(int(qstrlen(prefix)));
    }
    if (bare == QLatin1String("PENDING") || bare == QLatin1String("QUEUED"))
        return BatchState::Pending;
    if (bare == QLatin1String("RUNNING"))
        return BatchState::Running;
    if (bare == QLatin1String("SUCCEEDED"))
        return BatchState::Succeeded;
    if (bare == QLatin1String("FAILED"))
        return BatchState::Failed;
    if (bare == QLatin1String("EXPIRED"))
        return BatchState::Expired;
    if (bare == QLatin1String("CANCELLING"))
        return BatchState::Cancelling;
    if (bare == QLatin1String("CANCELLED"))
        return BatchState::Cancelled;
    return BatchState::Unknown;
}

RemoteBatch BatchProtocol::parseOpenAiBatch(const QJsonObject &batch)
{
    RemoteBatch remote;
    remote.id = batch.value(QStringLiteral("id")).toString();
    remote.tag = batch.value(QStringLiteral("metadata")).toObject().value(QLatin1String(tagMetadataKey)).toString();
    remote.rawState = batch.value(QStringLiteral("status")).toString();
    remote.state = openAiState(remote.rawState);
    const QJsonObject counts = batch.value(QStringLiteral("request_counts")).toObject();
    remote.total = counts.value(QStringLiteral("total")).toInt();
    remote.completed = counts.value(QStringLiteral("completed")).toInt();
    remote.failed = counts.value(QStringLiteral("failed")).toInt();
    remote.inputFile = batch.value(QStringLiteral("input_file_id")).toString();
    remote.outputFile = batch.value(QStringLiteral("output_file_id")).toString();
    remote.errorFile = batch.value(QStringLiteral("error_file_id")).toString();
    QStringList errors;
    for (const QJsonValue &error : batch.value(QStringLiteral("errors")).toObject().value(QStringLiteral("data")).toArray()) {
        const QJsonObject e = error.toObject();
        errors.append(e.value(QStringLiteral("message")).toString(e.value(QStringLiteral("code")).toString()));
    }
    remote.error = errors.join(QStringLiteral("; "));
    return remote;
}

RemoteBatch BatchProtocol::parseGeminiOperation(const QJsonObject &operation)
{
    RemoteBatch remote;
    const QJsonObject metadata = operation.value(QStringLiteral("metadata")).toObject();
    remote.id = operation.value(QStringLiteral("name")).toString(metadata.value(QStringLiteral("name")).toString());
    remote.tag = metadata.value(QStringLiteral("displayName")).toString();
    remote.rawState = metadata.value(QStringLiteral("state")).toString();
    remote.state = geminiState(remote.rawState);
    const QJsonObject stats = metadata.value(QStringLiteral("batchStats")).toObject();
    remote.total = intOf(stats.value(QStringLiteral("requestCount")));
    remote.completed = intOf(stats.value(QStringLiteral("successfulRequestCount")));
    remote.failed = intOf(stats.value(QStringLiteral("failedRequestCount")));
    remote.inputFile = metadata.value(QStringLiteral("inputConfig")).toObject().value(QStringLiteral("fileName")).toString();
    QJsonObject output = operation.value(QStringLiteral("response")).toObject();
    if (output.isEmpty())
        output = metadata.value(QStringLiteral("output")).toObject();
    remote.outputFile = output.value(QStringLiteral("responsesFile")).toString();
    if (output.contains(QStringLiteral("inlinedResponses"))) {
        remote.hasInlined = true;
        remote.inlined = output.value(QStringLiteral("inlinedResponses")).toObject().value(QStringLiteral("inlinedResponses")).toArray();
    }
    const QJsonObject error = operation.value(QStringLiteral("error")).toObject();
    if (!error.isEmpty())
        remote.error = error.value(QStringLiteral("message")).toString();
    if (remote.state == BatchState::Succeeded && operation.contains(QStringLiteral("done"))
        && !operation.value(QStringLiteral("done")).toBool())
        remote.state = BatchState::Running;
    return remote;
}

QList<BatchLineResult> BatchProtocol::parseOpenAiResults(const QByteArray &jsonl)
{
    QList<BatchLineResult> results;
    for (const QByteArray &raw : jsonl.split('\n')) {
        if (raw.trimmed().isEmpty())
            continue;
        const QJsonObject line = QJsonDocument::fromJson(raw).object();
        BatchLineResult result;
        result.key = line.value(QStringLiteral("custom_id")).toString();
        if (result.key.isEmpty())
            continue;
        const QJsonObject response = line.value(QStringLiteral("response")).toObject();
        const QJsonObject error = line.value(QStringLiteral("error")).toObject();
        if (!response.isEmpty()) {
            result.httpStatus = response.value(QStringLiteral("status_code")).toInt();
            result.body = compact(response.value(QStringLiteral("body")).toObject());
        } else {
            const QString code = error.value(QStringLiteral("code")).toString();
            result.notRun = code == QLatin1String("batch_expired") || code == QLatin1String("batch_cancelled");
            result.httpStatus = 500;
            result.body = compact(QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("message"), error.value(QStringLiteral("message")).toString(code)},
                                                                                   {QStringLiteral("type"), QStringLiteral("server_error")},
                                                                                   {QStringLiteral("param"), QJsonValue::Null},
                                                                                   {QStringLiteral("code"), code}}}});
        }
        results.append(result);
    }
    return results;
}

namespace {

BatchLineResult geminiResult(const QString &key, const QJsonObject &item)
{
    BatchLineResult result;
    result.key = key;
    if (item.value(QStringLiteral("response")).isObject()) {
        result.httpStatus = 200;
        result.body = compact(item.value(QStringLiteral("response")).toObject());
        return result;
    }
    QJsonObject error = item.value(QStringLiteral("error")).toObject();
    if (error.isEmpty())
        error = item.value(QStringLiteral("status")).toObject();
    // A google.rpc.Status carries a gRPC code; the HTTP status decides how the provider's parser reads it.
    const int code = error.value(QStringLiteral("code")).toInt();
    result.httpStatus = code >= 400 ? code : 500;
    result.body = compact(QJsonObject{{QStringLiteral("error"), error}});
    return result;
}

} // namespace

QList<BatchLineResult> BatchProtocol::parseGeminiResults(const QByteArray &jsonl)
{
    QList<BatchLineResult> results;
    for (const QByteArray &raw : jsonl.split('\n')) {
        if (raw.trimmed().isEmpty())
            continue;
        const QJsonObject line = QJsonDocument::fromJson(raw).object();
        const QString key = line.value(QStringLiteral("key")).toString();
        if (!key.isEmpty())
            results.append(geminiResult(key, line));
    }
    return results;
}

QList<BatchLineResult> BatchProtocol::parseGeminiInline(const QJsonArray &inlined, const QStringList &keysInOrder)
{
    QList<BatchLineResult> results;
    for (qsizetype i = 0; i < inlined.size(); ++i) {
        const QJsonObject item = inlined.at(i).toObject();
        QString key = item.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("key")).toString();
        if (key.isEmpty()) // no key echoed: inline results come in input order
            key = keysInOrder.value(i);
        if (!key.isEmpty())
            results.append(geminiResult(key, item));
    }
    return results;
}

} // namespace Corrige::Core
