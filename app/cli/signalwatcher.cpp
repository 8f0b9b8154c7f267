#include "app/cli/signalwatcher.h"

#include <QSocketNotifier>

#include <atomic>
#include <csignal>

#ifdef Q_OS_WIN
#include <QTimer>
#include <windows.h>
#else
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace Corrige::Cli {

namespace {

#ifdef Q_OS_WIN
std::atomic<int> s_pending{0};

BOOL WINAPI consoleHandler(DWORD type)
{
    if (type == CTRL_C_EVENT || type == CTRL_BREAK_EVENT || type == CTRL_CLOSE_EVENT) {
        s_pending.fetch_add(1);
        return TRUE;
    }
    return FALSE;
}
#else
int s_fds[2] = {-1, -1};

void handleSignal(int)
{
    const char byte = 1;
    // write() is async-signal-safe; the event loop reads the byte.
    [[maybe_unused]] const auto written = ::write(s_fds[0], &byte, 1);
}
#endif

} // namespace

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_WIN
    SetConsoleCtrlHandler(consoleHandler, TRUE);
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, [this] {
        while (s_pending.load() > 0) {
            s_pending.fetch_sub(1);
            Q_EMIT interrupted(++m_count);
        }
    });
    timer->start(100);
#else
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_fds) == 0) {
        m_notifier = new QSocketNotifier(s_fds[1], QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::readSignal);
        struct sigaction action = {};
        action.sa_handler = handleSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        sigaction(SIGINT, &action, nullptr);
        sigaction(SIGTERM, &action, nullptr);
    }
#endif
}

SignalWatcher::~SignalWatcher()
{
#ifdef Q_OS_WIN
    SetConsoleCtrlHandler(consoleHandler, FALSE);
#else
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (s_fds[0] >= 0) {
        ::close(s_fds[0]);
        ::close(s_fds[1]);
        s_fds[0] = s_fds[1] = -1;
    }
#endif
}

void SignalWatcher::readSignal()
{
#ifndef Q_OS_WIN
    char byte = 0;
    [[maybe_unused]] const auto read = ::read(s_fds[1], &byte, 1);
    Q_EMIT interrupted(++m_count);
#endif
}

} // namespace Corrige::Cli
