#include "core/workflow/singleinstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QPointer>

namespace Corrige::Core {

namespace {

constexpr qint64 maxRequestBytes = 1 << 20;
const QByteArray acknowledgement = QByteArrayLiteral("ok\n");

QString currentUser()
{
    for (const char *name : {"USER", "USERNAME", "LOGNAME"}) {
        const QString user = qEnvironmentVariable(name);
        if (!user.isEmpty())
            return user;
    }
    return QDir::homePath();
}

} // namespace

SingleInstance::SingleInstance(QString key, QObject *parent) : QObject(parent), m_key(std::move(key))
{
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultKey()
{
    // Local socket names are shared by every user of the computer (Windows pipes, /tmp on Unix): one per user.
    const QByteArray user = (currentUser() + QLatin1Char('|') + QDir::homePath()).toUtf8();
    return QStringLiteral("corrige-") +
           QString::fromLatin1(QCryptographicHash::hash(user, QCryptographicHash::Sha256).toHex().left(16));
}

SingleInstance::Role SingleInstance::start(const QStringList &sessionPaths, bool demo, int timeoutMs)
{
    QStringList absolute;
    for (const QString &path : sessionPaths)
        absolute.append(QFileInfo(path).absoluteFilePath());
    // Two starts at the same moment (a double click on two files) must not both become the running instance.
    QLockFile startLock(QDir(QDir::tempPath()).filePath(m_key + QStringLiteral(".start.lock")));
    startLock.setStaleLockTime(timeoutMs * 3);
    const bool serialised = startLock.tryLock(timeoutMs * 2);
    if (handOver(absolute, demo, timeoutMs))
        return Role::HandedOver;
    listen();
    if (serialised)
        startLock.unlock();
    return Role::Primary;
}

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

bool SingleInstance::handOver(const QStringList &sessionPaths, bool demo, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_key);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QJsonObject request{{QStringLiteral("open"), QJsonArray::fromStringList(sessionPaths)},
                        {QStringLiteral("demo"), demo}};
    socket.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    QByteArray answer;
    while (!answer.contains('\n')) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
        answer += socket.readAll();
    }
    return answer == acknowledgement;
}

bool SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_key)) {
        // Nobody answered: what is there was left by a Corrige that crashed.
        QLocalServer::removeServer(m_key);
        if (!m_server->listen(m_key)) {
            m_error = m_server->errorString();
            return false;
        }
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::readRequest);
    return true;
}

void SingleInstance::readRequest()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        QPointer<QLocalSocket> guard(socket);
        const auto read = [this, guard] {
            if (!guard)
                return;
            if (guard->bytesAvailable() > maxRequestBytes) {
                guard->abort();
                return;
            }
            if (!guard->canReadLine())
                return;
            const QJsonDocument document = QJsonDocument::fromJson(guard->readLine());
            if (!document.isObject()) {
                guard->abort();
                return;
            }
            const QJsonObject request = document.object();
            QStringList paths;
            for (const QJsonValue &value : request.value(QLatin1String("open")).toArray()) {
                if (value.isString() && !value.toString().isEmpty())
                    paths.append(value.toString());
            }
            guard->write(acknowledgement);
            guard->flush();
            Q_EMIT openRequested(paths, request.value(QLatin1String("demo")).toBool());
        };
        connect(socket, &QLocalSocket::readyRead, this, read);
        if (socket->bytesAvailable() > 0)
            read();
    }
}

} // namespace Corrige::Core
