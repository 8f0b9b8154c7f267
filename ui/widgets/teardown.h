#pragma once

#include <QCoreApplication>
#include <QObject>

namespace Corrige::Ui {

// Called first thing in the destructor of a widget that connects its children's signals, or the application's,
// to itself: while the base classes finish destroying the children (a header resized, the focus moving on), those
// signals still fire, and would reach a receiver whose own part is already gone.
inline void disconnectTeardownSenders(QObject *receiver)
{
    if (QCoreApplication *app = QCoreApplication::instance())
        QObject::disconnect(app, nullptr, receiver, nullptr);
    const QList<QObject *> children = receiver->findChildren<QObject *>();
    for (QObject *child : children)
        QObject::disconnect(child, nullptr, receiver, nullptr);
}

} // namespace Corrige::Ui
