#pragma once

#include <QElapsedTimer>
#include <QString>

namespace Corrige::Cli {

// A one-line progress bar on stderr, drawn only when stderr is a terminal.
class TerminalProgress
{
public:
    explicit TerminalProgress(QString title);
    ~TerminalProgress();

    bool isEnabled() const { return m_enabled; }
    void update(int done, int total, const QString &detail = {});
    void finish();

private:
    QString m_title;
    QElapsedTimer m_timer;
    bool m_enabled = false;
    bool m_drawn = false;
};

} // namespace Corrige::Cli
