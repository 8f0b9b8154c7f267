// session-lock-holder SESSION: opens a session for writing, as Corrige does, prints "locked" and holds it until its
// standard input closes (then exits cleanly) or it is killed (a crash: the lock file stays behind).
// Tests use it to have another live process, then a crashed one, hold a session.

#include "core/session/sessiondatabase.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    if (argc < 2) {
        QTextStream(stderr) << "usage: session-lock-holder SESSION\n";
        return 2;
    }
    auto session = Corrige::Core::SessionDatabase::open(QString::fromLocal8Bit(argv[1]));
    if (!session) {
        QTextStream(stderr) << session.errorString() << '\n';
        return 2;
    }
    out << "locked" << Qt::endl;
    while (std::getchar() != EOF) {
    }
    return 0;
}
