#pragma once

#include <QObject>

class QSocketNotifier;

namespace Corrige::Cli {

// Turns SIGINT and SIGTERM (Ctrl+C and Ctrl+Break on Windows) into a queued Qt signal, so a run can
// cancel cleanly from the event loop instead of dying inside a signal handler.
class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    int signalCount() const { return m_count; }

Q_SIGNALS:
    // The first signal asks for a clean stop; a second one means "now".
    void interrupted(int count);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
    int m_count = 0;
};

} // namespace Corrige::Cli
