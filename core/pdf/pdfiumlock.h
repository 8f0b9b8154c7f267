#pragma once

class QMutex;

namespace Corrige::Core {

// PDFium, the engine behind QtPdf, is not thread-safe. Every QPdfDocument that Corrige creates off the GUI
// thread is loaded, rendered and destroyed while holding this one process-wide mutex.
QMutex &pdfiumMutex();

} // namespace Corrige::Core
