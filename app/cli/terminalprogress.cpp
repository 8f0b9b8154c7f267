#include "app/cli/terminalprogress.h"

#include <QCoreApplication>

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#define CORRIGE_ISATTY _isatty
#define CORRIGE_FILENO _fileno
#else
#include <unistd.h>
#define CORRIGE_ISATTY isatty
#define CORRIGE_FILENO fileno
#endif

namespace Corrige::Cli {

namespace {
constexpr int barWidth = 30;
}

TerminalProgress::TerminalProgress(QString title)
    : m_title(std::move(title))
    , m_enabled(CORRIGE_ISATTY(CORRIGE_FILENO(stderr)) != 0)
{
    m_timer.start();
}

TerminalProgress::~TerminalProgress()
{
    finish();
}

void TerminalProgress::update(int done, int total, const QString &detail)
{
    if (!m_enabled || total <= 0)
        return;
    const int filled = barWidth * done / total;
    const QString bar = QString(filled, QLatin1Char('#')) + QString(barWidth - filled, QLatin1Char('.'));
    const QString elapsed = QCoreApplication::translate("Corrige::Cli", "%1 s").arg(m_timer.elapsed() / 1000);
    const QString line = QStringLiteral("\r%1 [%2] %3/%4  %5  %6").arg(m_title, bar).arg(done).arg(total).arg(elapsed, detail);
    std::fputs(line.leftJustified(100).toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    m_drawn = true;
}

void TerminalProgress::finish()
{
    if (m_drawn) {
        std::fputs("\n", stderr);
        std::fflush(stderr);
        m_drawn = false;
    }
}

} // namespace Corrige::Cli
