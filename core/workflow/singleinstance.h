#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;

namespace Corrige::Core {

// One Corrige per user: a second start (a double-clicked session while Corrige runs) hands its files to the
// running instance through a local socket (QLocalServer/QLocalSocket), then ends.
class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    enum class Role {
        Primary,    // no Corrige was running: this one listens for the next starts
        HandedOver, // a running Corrige took the request: this process should end
    };

    // `key` names the channel; the default is private to the current user.
    explicit SingleInstance(QString key = defaultKey(), QObject *parent = nullptr);
    ~SingleInstance() override;

    static QString defaultKey();

    // Hands `sessionPaths` (made absolute) and the demo request to a running instance, or becomes the running
    // instance. Waits at most `timeoutMs` for an answer: call it before the event loop starts.
    Role start(const QStringList &sessionPaths, bool demo, int timeoutMs = 3000);
    bool isListening() const;
    QString errorString() const { return m_error; }

Q_SIGNALS:
    // Another start asked to open these sessions (none: just show the window), or the demo.
    void openRequested(const QStringList &sessionPaths, bool demo);

private:
    bool handOver(const QStringList &sessionPaths, bool demo, int timeoutMs);
    bool listen();
    void readRequest();

    QString m_key;
    QLocalServer *m_server = nullptr;
    QString m_error;
};

} // namespace Corrige::Core
