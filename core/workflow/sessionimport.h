#pragma once

#include "core/domain/result.h"

#include <QList>
#include <QString>

#include <functional>

namespace Corrige::Core {

class SessionDatabase;

struct ImportRequest {
    QStringList pdfPaths;
    int pagesPerCopy = 0;      // 0: one copy per PDF
    QString rosterPath;        // optional CSV with a `name` column
    QString password;          // for password-protected PDFs
    bool allowDuplicate = false; // import a scan whose copies are already in the session, on purpose
};

struct ImportOutcome {
    int documents = 0;         // PDFs validated
    int newDocuments = 0;      // of those, not already stored in the session
    QList<qint64> copyIds;     // copies created
};

// Validates every PDF, plans the copies and stores them in one transaction: all or nothing.
// `progress(done, total, fileName)` is called after each PDF is validated.
class SessionImport
{
public:
    using Progress = std::function<void(int done, int total, const QString &fileName)>;
    // A scan already in the session, with copies from it, is refused unless request.allowDuplicate: importing
    // the same scan twice would silently double the class.
    static Result<ImportOutcome> run(SessionDatabase &session, const ImportRequest &request,
                                     const Progress &progress = {});
    // The file names (as first imported) of the scans among `sha256s` that copies of the session already use.
    static QStringList alreadyImported(const SessionDatabase &session, const QList<QByteArray> &sha256s);
};

} // namespace Corrige::Core
