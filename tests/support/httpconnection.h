#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QUrlQuery>

class QTcpSocket;

namespace Corrige::Test {

// One parsed HTTP/1.1 request. Header names are lower-case.
struct HttpRequest {
    QByteArray method;
    QByteArray target; // as sent: path and query
    QString path;      // decoded path, without the query
    QUrlQuery query;
    QMap<QByteArray, QByteArray> headers;
    QByteArray body;
    bool keepAlive = true;
};

// One HTTP response. Content-Length and Connection are added when it is written.
struct HttpReply {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const;
};

// Server side of one keep-alive TCP connection: parses requests (request line, headers, Content-Length body)
// one at a time and writes one reply per request. Answers "Expect: 100-continue". A request that arrives while the previous one is still
// unanswered waits in the buffer.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    explicit HttpConnection(QTcpSocket *socket, QObject *parent = nullptr);
    ~HttpConnection() override;

    bool isOpen() const;
    bool isBusy() const { return m_busy; }

    // Answers the current request.
    void reply(const HttpReply &reply);
    // Sends the status line, the headers (with the full Content-Length) and only the first `bytesSent` bytes of the
    // body, then drops the connection.
    void replyAndReset(const HttpReply &reply, qint64 bytesSent);
    // Closes the connection without answering.
    void abort();

signals:
    void requestReceived(const Corrige::Test::HttpRequest &request);
    // The connection is gone (closed by the peer or by us). Emitted once.
    void closed();

private:
    void readIncoming();
    bool parseNext();
    void failAndClose(int status, const QByteArray &message);
    QByteArray serialize(const HttpReply &reply, bool keepAlive) const;
    void handleDisconnect();

    QPointer<QTcpSocket> m_socket;
    QByteArray m_buffer;
    bool m_busy = false;           // a request was delivered and not answered yet
    bool m_currentKeepAlive = true;
    bool m_closing = false;
    bool m_continueSent = false;   // "100 Continue" already sent for the request being received
    bool m_closedEmitted = false;
};

} // namespace Corrige::Test
