#include "tests/support/httpconnection.h"

#include <QDateTime>
#include <QLocale>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace Corrige::Test {

namespace {

constexpr qsizetype maxHeaderBytes = 64 * 1024;
constexpr qint64 maxBodyBytes = 512LL * 1024 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 499: return "Client Closed Request";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Unknown";
    }
}

// Closing with SO_LINGER 0 sends a TCP RST instead of a FIN: the peer sees "connection reset", not a clean end.
void setResetOnClose(QTcpSocket *socket)
{
    const qintptr descriptor = socket->socketDescriptor();
    if (descriptor == -1)
        return;
    linger option{};
    option.l_onoff = 1;
    option.l_linger = 0;
#ifdef Q_OS_WIN
    setsockopt(static_cast<SOCKET>(descriptor), SOL_SOCKET, SO_LINGER, reinterpret_cast<const char *>(&option),
               sizeof option);
#else
    setsockopt(static_cast<int>(descriptor), SOL_SOCKET, SO_LINGER, &option, sizeof option);
#endif
}

QByteArray httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

} // namespace

QByteArray HttpReply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpConnection::HttpConnection(QTcpSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::readIncoming);
    connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::handleDisconnect);
    connect(socket, &QTcpSocket::errorOccurred, this, [this] {
        if (!m_socket || m_socket->state() == QAbstractSocket::UnconnectedState)
            handleDisconnect();
    });
    if (socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &HttpConnection::readIncoming);
}

HttpConnection::~HttpConnection() = default;

bool HttpConnection::isOpen() const
{
    return m_socket && !m_closing && m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpConnection::readIncoming()
{
    if (!m_socket)
        return;
    m_buffer += m_socket->readAll();
    while (!m_busy && !m_closing && parseNext()) {
    }
}

// Takes one complete request off the buffer and delivers it. Returns false when more bytes are needed.
bool HttpConnection::parseNext()
{
    const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (m_buffer.size() > maxHeaderBytes)
            failAndClose(431, "request headers too large");
        return false;
    }
    if (headerEnd > maxHeaderBytes) {
        failAndClose(431, "request headers too large");
        return false;
    }
    const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        failAndClose(400, "malformed request line");
        return false;
    }

    HttpRequest request;
    request.method = requestLine.at(0);
    request.target = requestLine.at(1);
    const bool http10 = requestLine.at(2) == "HTTP/1.0";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            failAndClose(400, "malformed header line");
            return false;
        }
        request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }

    if (request.headers.contains("transfer-encoding")) {
        failAndClose(501, "chunked request bodies are not supported");
        return false;
    }
    qint64 contentLength = 0;
    if (request.headers.contains("content-length")) {
        bool ok = false;
        contentLength = request.headers.value("content-length").toLongLong(&ok);
        if (!ok || contentLength < 0) {
            failAndClose(400, "bad Content-Length");
            return false;
        }
        if (contentLength > maxBodyBytes) {
            failAndClose(413, "request body too large");
            return false;
        }
    }
    const qsizetype bodyStart = headerEnd + 4;
    if (m_buffer.size() - bodyStart < contentLength) {
        if (!m_continueSent && request.headers.value("expect").toLower() == "100-continue") {
            m_continueSent = true;
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        }
        return false;
    }
    m_continueSent = false;

    request.body = m_buffer.mid(bodyStart, contentLength);
    m_buffer.remove(0, bodyStart + contentLength);

    const QUrl url(QString::fromLatin1(request.target), QUrl::StrictMode);
    request.path = url.path(QUrl::FullyDecoded);
    request.query = QUrlQuery(url);
    const QByteArray connection = request.headers.value("connection").toLower();
    request.keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");

    m_busy = true;
    m_currentKeepAlive = request.keepAlive;
    emit requestReceived(request);
    return true;
}

void HttpConnection::failAndClose(int status, const QByteArray &message)
{
    HttpReply reply;
    reply.status = status;
    reply.headers.emplaceBack("Content-Type", "text/plain");
    reply.body = message + '\n';
    m_busy = true;
    m_currentKeepAlive = false;
    this->reply(reply);
}

QByteArray HttpConnection::serialize(const HttpReply &reply, bool keepAlive) const
{
    QByteArray out;
    out.reserve(reply.body.size() + 512);
    out += "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    out += "Date: " + httpDate() + "\r\n";
    for (const auto &[name, value] : reply.headers)
        out += name + ": " + value + "\r\n";
    out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    out += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    out += "\r\n";
    return out;
}

void HttpConnection::reply(const HttpReply &reply)
{
    if (!m_socket || !m_busy)
        return;
    m_socket->write(serialize(reply, m_currentKeepAlive) + reply.body);
    m_busy = false;
    if (!m_currentKeepAlive) {
        m_closing = true;
        m_socket->disconnectFromHost();
        return;
    }
    if (!m_buffer.isEmpty())
        QTimer::singleShot(0, this, &HttpConnection::readIncoming);
}

void HttpConnection::replyAndReset(const HttpReply &reply, qint64 bytesSent)
{
    if (!m_socket || !m_busy)
        return;
    m_busy = false;
    m_closing = true;
    m_socket->write(serialize(reply, true) + reply.body.left(bytesSent));
    m_socket->flush();
    auto dropWhenSent = [this] {
        if (m_socket && m_socket->bytesToWrite() == 0) {
            // Give the peer time to read the partial body, then reset the connection.
            QTimer::singleShot(50, this, [this] {
                if (m_socket)
                    setResetOnClose(m_socket);
                abort();
            });
        }
    };
    connect(m_socket, &QTcpSocket::bytesWritten, this, dropWhenSent);
    dropWhenSent();
}

void HttpConnection::abort()
{
    m_closing = true;
    if (m_socket)
        m_socket->abort();
    handleDisconnect();
}

void HttpConnection::handleDisconnect()
{
    if (m_closedEmitted)
        return;
    m_closedEmitted = true;
    m_closing = true;
    emit closed();
}

} // namespace Corrige::Test
