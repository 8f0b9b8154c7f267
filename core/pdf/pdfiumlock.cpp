#include "core/pdf/pdfiumlock.h"

#include <QMutex>

namespace Corrige::Core {

QMutex &pdfiumMutex()
{
    static QMutex mutex;
    return mutex;
}

} // namespace Corrige::Core
