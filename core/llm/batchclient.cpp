#include "core/llm/batchclient.h"

#include "core/llm/llmerrors.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

namespace Corrige::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Corrige::Core::BatchClient", text);
}

const QByteArray jsonType = QByteArrayLiteral("application/json");

} // namespace

struct BatchClient::Call {
    QNetworkRequest request;
    Sender sender;
    bool retryTransport = true; // a lost connection may be retried
    bool retryServer = true;    // a 5xx may be retried (a 429 always is)
    int attempt = 0;
    std::function<void(int status, const QByteArray &body, const HttpHeaders &headers, const Error &error)> done;
};

BatchClient::BatchClient(ProviderConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_provider(makeProvider(m_config.kind)),
      m_network(new QNetworkAccessManager(this))
{
    m_network->setAutoDeleteReplies(false);
}

BatchClient::~BatchClient() = default;

QNetworkRequest BatchClient::request(const QString &path, const QString &query) const
{
    QUrl url = m_config.effectiveBaseUrl();
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    if (!query.isEmpty())
        url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    const QByteArray key = m_config.apiKey.trimmed().toUtf8();
    if (m_config.kind == ProviderKind::Gemini)
        request.setRawHeader("x-goog-api-key", key);
    else if (!key.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + key);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_config.timeoutMs);
    return request;
}

Error BatchClient::errorOf(int httpStatus, const QByteArray &body, const HttpHeaders &headers, qint64 *retryAfterMs) const
{
    const LlmOutcome outcome = m_provider->parseResponse(httpStatus, body, headers);
    if (outcome) { // an answer that is not an error body
        *retryAfterMs = -1;
        return Error{ErrorCode::ServerError, tr("The server answered %1.").arg(httpStatus)};
    }
    *retryAfterMs = outcome.error().retryAfterMs;
    return outcome.error().error;
}

void BatchClient::send(const std::shared_ptr<Call> &call)
{
    ++call->attempt;
    QNetworkReply *reply = call->sender(m_network, call->request);
    connect(reply, &QNetworkReply::finished, this, [this, call, reply] { finish(call, reply); });
}

void BatchClient::finish(const std::shared_ptr<Call> &call, QNetworkReply *reply)
{
    reply->deleteLater();
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    const QByteArray body = reply->readAll();
    HttpHeaders headers;
    for (const auto &[name, value] : reply->rawHeaderPairs())
        headers.insert(name.toLower(), value);
    const auto retryLater = [this, call](qint64 hintMs) {
        const qint64 backoff = std::min<qint64>(qint64(m_retryBaseMs) << std::min(call->attempt - 1, 6), 60000);
        QTimer::singleShot(int(hintMs >= 0 ? std::min<qint64>(hintMs, 120000) : backoff), this, [this, call] { send(call); });
    };
    if (status == 0) {
        const Error error{ErrorCode::Network,
                          tr("Cannot reach %1 (%2). Check the connection; the batch is kept and checked again later.")
                              .arg(providerDisplayName(m_config.kind), redactSecrets(reply->errorString(), m_config.apiKey))};
        if (call->retryTransport && call->attempt < m_maxAttempts)
            retryLater(-1);
        else
            call->done(0, {}, headers, error);
        return;
    }
    if (status >= 200 && status < 300) {
        call->done(status, body, headers, Error{});
        return;
    }
    qint64 hint = -1;
    const Error error = errorOf(status, body, headers, &hint);
    const bool retryable = status == 429 ? error.code != ErrorCode::QuotaExhausted : (status >= 500 && call->retryServer);
    if (retryable && call->attempt < m_maxAttempts)
        retryLater(hint);
    else
        call->done(status, body, headers, error);
}

void BatchClient::uploadFile(const QString &path, const QString &displayName, TextDone done)
{
    const qint64 size = QFileInfo(path).size();
    if (m_config.kind != ProviderKind::Gemini) {
        auto call = std::make_shared<Call>();
        call->request = request(QStringLiteral("/files"));
        call->sender = [path, displayName](QNetworkAccessManager *network, QNetworkRequest request) {
            auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
            QHttpPart purpose;
            purpose.setHeader(QNetworkRequest::ContentDispositionHeader, QStringLiteral("form-data; name=\"purpose\""));
            purpose.setBody("batch");
            QHttpPart filePart;
            filePart.setHeader(QNetworkRequest::ContentDispositionHeader,
                               QStringLiteral("form-data; name=\"file\"; filename=\"%1.jsonl\"").arg(displayName));
            filePart.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/jsonl"));
            auto *file = new QFile(path, multipart);
            file->open(QIODevice::ReadOnly);
            filePart.setBodyDevice(file);
            multipart->append(purpose);
            multipart->append(filePart);
            QNetworkReply *reply = network->post(request, multipart);
            multipart->setParent(reply);
            return reply;
        };
        call->done = [done](int, const QByteArray &body, const HttpHeaders &, const Error &error) {
            if (error.isError())
                return done(error);
            const QString id = QJsonDocument::fromJson(body).object().value(QStringLiteral("id")).toString();
            if (id.isEmpty())
                return done(Error{ErrorCode::BadResponse, tr("The upload was not acknowledged with a file id.")});
            done(id);
        };
        send(call);
        return;
    }
    // Gemini: a resumable upload, started, then sent in one piece and finalized.
    auto start = std::make_shared<Call>();
    start->request = request(QStringLiteral("/upload/v1beta/files"));
    start->request.setHeader(QNetworkRequest::ContentTypeHeader, jsonType);
    start->request.setRawHeader("X-Goog-Upload-Protocol", "resumable");
    start->request.setRawHeader("X-Goog-Upload-Command", "start");
    start->request.setRawHeader("X-Goog-Upload-Header-Content-Length", QByteArray::number(size));
    start->request.setRawHeader("X-Goog-Upload-Header-Content-Type", "application/jsonl");
    const QByteArray startBody = QJsonDocument(QJsonObject{{QStringLiteral("file"), QJsonObject{{QStringLiteral("display_name"), displayName}}}}).toJson(QJsonDocument::Compact);
    start->sender = [startBody](QNetworkAccessManager *network, QNetworkRequest request) { return network->post(request, startBody); };
    start->done = [this, path, size, done](int, const QByteArray &, const HttpHeaders &headers, const Error &error) {
        if (error.isError())
            return done(error);
        const QUrl uploadUrl = QUrl::fromEncoded(headers.value("x-goog-upload-url"));
        if (!uploadUrl.isValid() || uploadUrl.scheme().isEmpty())
            return done(Error{ErrorCode::BadResponse, tr("The upload was not given an address to send the file to.")});
        auto upload = std::make_shared<Call>();
        upload->request = QNetworkRequest(uploadUrl); // the upload address carries its own authorisation
        upload->request.setRawHeader("X-Goog-Upload-Command", "upload, finalize");
        upload->request.setRawHeader("X-Goog-Upload-Offset", "0");
        upload->request.setHeader(QNetworkRequest::ContentLengthHeader, size);
        upload->request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/jsonl"));
        upload->request.setTransferTimeout(m_config.timeoutMs);
        upload->retryTransport = false; // a resumable upload is finished or restarted, not sent twice
        upload->sender = [path](QNetworkAccessManager *network, QNetworkRequest request) {
            auto *file = new QFile(path);
            file->open(QIODevice::ReadOnly);
            QNetworkReply *reply = network->post(request, file);
            file->setParent(reply);
            return reply;
        };
        upload->done = [done](int, const QByteArray &body, const HttpHeaders &, const Error &uploadError) {
            if (uploadError.isError())
                return done(uploadError);
            const QString name = QJsonDocument::fromJson(body).object().value(QStringLiteral("file")).toObject().value(QStringLiteral("name")).toString();
            if (name.isEmpty())
                return done(Error{ErrorCode::BadResponse, tr("The upload was not acknowledged with a file name.")});
            done(name);
        };
        send(upload);
    };
    send(start);
}

namespace {

Result<RemoteBatch> batchFrom(ProviderKind kind, const QByteArray &body, const Error &error)
{
    if (error.isError())
        return error;
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    RemoteBatch batch = kind == ProviderKind::Gemini ? BatchProtocol::parseGeminiOperation(object)
                                                     : BatchProtocol::parseOpenAiBatch(object);
    if (batch.id.isEmpty())
        return Error{ErrorCode::BadResponse, tr("The server's answer does not describe a batch.")};
    return batch;
}

QString geminiModel(const QString &model)
{
    const QString trimmed = model.trimmed();
    return trimmed.startsWith(QLatin1String("models/")) ? trimmed.mid(7) : trimmed;
}

} // namespace

void BatchClient::createFromFile(const QString &fileId, const QString &tag, BatchDone done)
{
    const bool gemini = m_config.kind == ProviderKind::Gemini;
    auto call = std::make_shared<Call>();
    call->request = gemini ? request(QStringLiteral("/v1beta/models/%1:batchGenerateContent").arg(geminiModel(m_config.model)))
                           : request(QStringLiteral("/batches"));
    call->request.setHeader(QNetworkRequest::ContentTypeHeader, jsonType);
    call->retryTransport = false;
    call->retryServer = false;
    const QByteArray body = gemini ? BatchProtocol::geminiFileCreateBody(fileId, tag) : BatchProtocol::openAiCreateBody(fileId, tag);
    call->sender = [body](QNetworkAccessManager *network, QNetworkRequest request) { return network->post(request, body); };
    const ProviderKind kind = m_config.kind;
    call->done = [kind, done](int, const QByteArray &reply, const HttpHeaders &, const Error &error) { done(batchFrom(kind, reply, error)); };
    send(call);
}

void BatchClient::createInline(const QByteArray &jsonl, const QString &tag, BatchDone done)
{
    auto call = std::make_shared<Call>();
    call->request = request(QStringLiteral("/v1beta/models/%1:batchGenerateContent").arg(geminiModel(m_config.model)));
    call->request.setHeader(QNetworkRequest::ContentTypeHeader, jsonType);
    call->retryTransport = false;
    call->retryServer = false;
    const QByteArray body = BatchProtocol::geminiInlineCreateBody(jsonl, tag);
    call->sender = [body](QNetworkAccessManager *network, QNetworkRequest request) { return network->post(request, body); };
    call->done = [done](int, const QByteArray &reply, const HttpHeaders &, const Error &error) {
        done(batchFrom(ProviderKind::Gemini, reply, error));
    };
    send(call);
}

void BatchClient::get(const QString &batchId, BatchDone done)
{
    auto call = std::make_shared<Call>();
    call->request = m_config.kind == ProviderKind::Gemini ? request(QStringLiteral("/v1beta/") + batchId)
                                                          : request(QStringLiteral("/batches/") + batchId);
    call->sender = [](QNetworkAccessManager *network, QNetworkRequest request) { return network->get(request); };
    const ProviderKind kind = m_config.kind;
    call->done = [kind, done](int, const QByteArray &reply, const HttpHeaders &, const Error &error) { done(batchFrom(kind, reply, error)); };
    send(call);
}

void BatchClient::list(ListDone done, int maxPages)
{
    listPage({}, maxPages, std::make_shared<QList<RemoteBatch>>(), std::move(done));
}

void BatchClient::listPage(const QString &pageToken, int pagesLeft, const std::shared_ptr<QList<RemoteBatch>> &found, ListDone done)
{
    const bool gemini = m_config.kind == ProviderKind::Gemini;
    QUrlQuery query;
    query.addQueryItem(gemini ? QStringLiteral("pageSize") : QStringLiteral("limit"), QStringLiteral("100"));
    if (!pageToken.isEmpty())
        query.addQueryItem(gemini ? QStringLiteral("pageToken") : QStringLiteral("after"), pageToken);
    auto call = std::make_shared<Call>();
    call->request = request(gemini ? QStringLiteral("/v1beta/batches") : QStringLiteral("/batches"), query.toString(QUrl::FullyEncoded));
    call->sender = [](QNetworkAccessManager *network, QNetworkRequest request) { return network->get(request); };
    call->done = [this, gemini, pagesLeft, found, done](int, const QByteArray &reply, const HttpHeaders &, const Error &error) {
        if (error.isError())
            return done(error);
        const QJsonObject page = QJsonDocument::fromJson(reply).object();
        const QJsonArray items = page.value(gemini ? QStringLiteral("operations") : QStringLiteral("data")).toArray();
        for (const QJsonValue &item : items)
            found->append(gemini ? BatchProtocol::parseGeminiOperation(item.toObject()) : BatchProtocol::parseOpenAiBatch(item.toObject()));
        const QString next = gemini ? page.value(QStringLiteral("nextPageToken")).toString()
                                    : (page.value(QStringLiteral("has_more")).toBool() ? page.value(QStringLiteral("last_id")).toString() : QString());
        if (next.isEmpty() || pagesLeft <= 1)
            return done(*found);
        listPage(next, pagesLeft - 1, found, done);
    };
    send(call);
}

void BatchClient::cancel(const QString &batchId, StatusDone done)
{
    auto call = std::make_shared<Call>();
    call->request = m_config.kind == ProviderKind::Gemini ? request(QStringLiteral("/v1beta/%1:cancel").arg(batchId))
                                                          : request(QStringLiteral("/batches/%1/cancel").arg(batchId));
    call->request.setHeader(QNetworkRequest::ContentTypeHeader, jsonType);
    call->sender = [](QNetworkAccessManager *network, QNetworkRequest request) { return network->post(request, QByteArrayLiteral("{}")); };
    call->done = [done](int, const QByteArray &, const HttpHeaders &, const Error &error) { done(error.isError() ? Status(error) : Status::ok()); };
    send(call);
}

void BatchClient::download(const QString &fileId, BytesDone done)
{
    auto call = std::make_shared<Call>();
    call->request = m_config.kind == ProviderKind::Gemini
        ? request(QStringLiteral("/download/v1beta/%1:download").arg(fileId), QStringLiteral("alt=media"))
        : request(QStringLiteral("/files/%1/content").arg(fileId));
    call->sender = [](QNetworkAccessManager *network, QNetworkRequest request) { return network->get(request); };
    call->done = [done](int, const QByteArray &body, const HttpHeaders &, const Error &error) {
        if (error.isError())
            return done(error);
        done(body);
    };
    send(call);
}

void BatchClient::deleteFile(const QString &fileId, StatusDone done)
{
    auto call = std::make_shared<Call>();
    call->request = m_config.kind == ProviderKind::Gemini ? request(QStringLiteral("/v1beta/") + fileId)
                                                          : request(QStringLiteral("/files/") + fileId);
    call->sender = [](QNetworkAccessManager *network, QNetworkRequest request) { return network->deleteResource(request); };
    call->done = [done](int, const QByteArray &, const HttpHeaders &, const Error &error) { done(error.isError() ? Status(error) : Status::ok()); };
    send(call);
}

} // namespace Corrige::Core
