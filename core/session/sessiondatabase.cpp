#include "core/session/sessiondatabase.h"

#include "core/session/sessionschema.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QtEndian>

namespace Corrige::Core {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Corrige::Core::SessionDatabase", text, disambiguation, n);
}

QString newConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("corrige-session-%1").arg(counter.fetchAndAddRelaxed(1));
}

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime fromText(const QVariant &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QString pagesToText(const QList<int> &pages)
{
    QJsonArray array;
    for (int page : pages)
        array.append(page);
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<int> pagesFromText(const QString &text)
{
    QList<int> pages;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &value : array)
        pages.append(value.toInt());
    return pages;
}

QString rubricToText(const std::optional<Rubric> &rubric)
{
    if (!rubric)
        return {};
    return QString::fromUtf8(QJsonDocument(rubric->toJson()).toJson(QJsonDocument::Compact));
}

QString scoreText(std::optional<double> score)
{
    return score ? QString::number(*score) : QString();
}

// SQLite's file header: "SQLite format 3\0", page size at 16, page count at 28, application id at 68.
struct SqliteHeader {
    bool isSqlite = false;
    quint32 applicationId = 0;
    qint64 declaredSize = 0;
};

SqliteHeader readHeader(QFile &file)
{
    SqliteHeader header;
    const QByteArray bytes = file.read(100);
    if (bytes.size() < 100 || !bytes.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        return header;
    header.isSqlite = true;
    const auto *data = reinterpret_cast<const uchar *>(bytes.constData());
    quint32 pageSize = qFromBigEndian<quint16>(data + 16);
    if (pageSize == 1)
        pageSize = 65536;
    const quint32 pageCount = qFromBigEndian<quint32>(data + 28);
    const quint32 changeCounter = qFromBigEndian<quint32>(data + 24);
    const quint32 validFor = qFromBigEndian<quint32>(data + 92);
    if (changeCounter == validFor)
        header.declaredSize = qint64(pageSize) * pageCount;
    header.applicationId = qFromBigEndian<quint32>(data + 68);
    return header;
}

// How a read-only connection reaches the file. With no -wal beside it, every change is in the main file and
// no other connection is writing (a writer in WAL mode always has one): the file is read as immutable, which
// takes no lock and creates no -shm or -wal, so it works in a read-only folder and leaves nothing behind.
// Otherwise SQLite needs its shared memory to read the -wal: the normal read-only way.
struct ReadOnlyAccess {
    QString databaseName;
    QString options;
};

ReadOnlyAccess readOnlyAccess(const QString &path)
{
    if (QFileInfo::exists(path + QStringLiteral("-wal")))
        return {path, QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")};
    QUrl url = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
    url.setQuery(QStringLiteral("immutable=1"));
    return {url.toString(QUrl::FullyEncoded),
            QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=5000")};
}

// Set to "0" while a session is open for writing, to "1" when it is closed: a file not closed cleanly gets the
// full quick_check on its next open.
const QString closedCleanlyKey = QStringLiteral("closed_cleanly");

// Rolls back unless committed.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db) : m_db(std::move(db)) { m_active = m_db.transaction(); }
    ~Transaction()
    {
        if (m_active && !m_committed)
            m_db.rollback();
    }
    bool isActive() const { return m_active; }
    bool commit()
    {
        m_committed = m_db.commit();
        return m_committed;
    }

private:
    QSqlDatabase m_db;
    bool m_active = false;
    bool m_committed = false;
};

} // namespace

SessionDatabase::SessionDatabase(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName))
{
}

SessionDatabase::~SessionDatabase()
{
    if (!m_readOnly && m_markedWriting)
        writeMeta(closedCleanlyKey, QStringLiteral("1"));
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Status SessionDatabase::validate(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    QFileInfo info(path);
    if (!info.exists())
        return Status::failure(ErrorCode::FileNotFound,
                               tr("The session file %1 does not exist. Check the path, or create a new session.")
                                   .arg(name));
    QFile file(path);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly))
        return Status::failure(ErrorCode::FileUnreadable,
                               tr("Cannot read the session file %1: %2. Check that it is a file you may read.")
                                   .arg(name, file.errorString()));
    const SqliteHeader header = readHeader(file);
    if (!header.isSqlite || header.applicationId != quint32(SessionSchema::applicationId))
        return Status::failure(ErrorCode::NotASession,
                               tr("%1 is not a Corrige session file. Open a file ending in .corrige, or create a new "
                                  "session and import the scans into it.")
                                   .arg(name));
    if (header.declaredSize > file.size())
        return Status::failure(ErrorCode::CorruptSession,
                               tr("The session file %1 is damaged (it is shorter than it should be; was the copy "
                                  "interrupted?). Corrige has not changed it: restore it from a backup or copy it again.")
                                   .arg(name));
    file.close();
    if (QFileInfo::exists(path + QStringLiteral("-wal")) && !QFileInfo(info.absolutePath()).isWritable())
        return Status::failure(ErrorCode::FileUnreadable,
                               tr("The session file %1 has changes not yet merged into it (in %1-wal), and its folder "
                                  "is read-only. Copy both files to a folder you may write to, and open the copy.")
                                   .arg(name));
    const ReadOnlyAccess access = readOnlyAccess(path);

    const QString connectionName = newConnectionName();
    Status status;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(access.databaseName);
        db.setConnectOptions(access.options);
        const auto damaged = [&](const QString &detail) {
            return Status::failure(ErrorCode::CorruptSession,
                                   tr("The session file %1 is damaged (%2). Corrige has not changed it: restore it "
                                      "from a backup.")
                                       .arg(name, QString(detail).replace(QChar(0), QLatin1Char(' ')).simplified()));
        };
        if (!db.open()) {
            status = damaged(db.lastError().text());
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'")) || !query.next()) {
                status = damaged(tr("its version is missing"));
            } else {
                bool ok = false;
                const int version = query.value(0).toString().toInt(&ok);
                if (!ok || version < 1) {
                    status = damaged(tr("its version is unreadable"));
                } else if (version > SessionSchema::currentVersion) {
                    status = Status::failure(
                        ErrorCode::NewerSession,
                        tr("%1 was saved by a newer version of Corrige (session format %2; this version reads up to "
                           "format %3). Update Corrige to open it; the file was not changed.")
                            .arg(name)
                            .arg(version)
                            .arg(SessionSchema::currentVersion));
                } else {
                    // Every page of a copy must lie within its scan (a crafted index would overflow later).
                    query.finish();
                    if (!query.exec(QStringLiteral(
                            "SELECT c.label, p.page_index, d.page_count FROM copy_pages p JOIN copies c ON c.id = p.copy_id "
                            "JOIN documents d ON d.id = p.document_id "
                            "WHERE p.page_index < 0 OR p.page_index >= d.page_count LIMIT 1"))) {
                        status = damaged(query.lastError().text());
                    } else if (query.next()) {
                        status = damaged(tr("%1 names page %2 of a scan that has %3 pages")
                                             .arg(query.value(0).toString(), query.value(1).toString(),
                                                  query.value(2).toString()));
                    }
                    // quick_check reads every page of the file, the PDFs included: only when the file was not
                    // closed cleanly (a crash, a kill, a full disk) or comes from before the marker existed.
                    query.finish();
                    if (status && query.exec(QStringLiteral("SELECT value FROM meta WHERE key = '%1'").arg(closedCleanlyKey))
                        && query.next() && query.value(0).toString() == QLatin1String("1")) {
                        query.finish();
                    } else if (status) {
                        query.finish();
                        if (!query.exec(QStringLiteral("PRAGMA quick_check(1)")) || !query.next())
                            status = damaged(query.lastError().text());
                        else if (query.value(0).toString() != QLatin1String("ok"))
                            status = damaged(query.value(0).toString());
                    }
                }
            }
            query.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
    return status;
}

Result<std::unique_ptr<SessionDatabase>> SessionDatabase::connect(const QString &path, bool create)
{
    const QString connectionName = newConnectionName();
    std::unique_ptr<SessionDatabase> session(new SessionDatabase(path, connectionName));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    const QString name = QFileInfo(path).fileName();
    if (!db.open())
        return Result<std::unique_ptr<SessionDatabase>>::failure(
            create ? ErrorCode::FileUnreadable : ErrorCode::CorruptSession,
            tr("Cannot open the session file %1: %2. Check the folder exists and you may write to it.")
                .arg(name, db.lastError().text()));
    QSqlQuery query(db);
    for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"}) {
        if (!query.exec(QString::fromLatin1(pragma)))
            return Result<std::unique_ptr<SessionDatabase>>::failure(
                ErrorCode::Database,
                tr("Cannot prepare the session file %1: %2. Check you may write to its folder.")
                    .arg(name, query.lastError().text()));
    }
    return session;
}

Result<std::unique_ptr<SessionDatabase>> SessionDatabase::create(const QString &path, const Exam &exam)
{
    const QString name = QFileInfo(path).fileName();
    if (QFileInfo::exists(path))
        return Result<std::unique_ptr<SessionDatabase>>::failure(
            ErrorCode::InvalidInput,
            tr("%1 already exists. Choose another name, or open it instead of creating it.").arg(name));
    if (!QFileInfo(QFileInfo(path).absolutePath()).isDir())
        return Result<std::unique_ptr<SessionDatabase>>::failure(
            ErrorCode::FileNotFound,
            tr("The folder of %1 does not exist. Create it first or choose another place.").arg(name));

    auto lock = std::make_unique<SessionLock>(path);
    if (const Status locked = lock->lock(); !locked)
        return locked.error();
    Result<std::unique_ptr<SessionDatabase>> connected = connect(path, true);
    if (!connected) {
        QFile::remove(path);
        return connected;
    }
    std::unique_ptr<SessionDatabase> session = std::move(connected).value();
    session->m_markedWriting = true;
    session->m_lock = std::move(lock);
    Status status = [&]() -> Status {
        QSqlDatabase db = QSqlDatabase::database(session->m_connectionName);
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA application_id = %1").arg(SessionSchema::applicationId)))
            return session->fail(tr("mark the file"), query.lastError().text());
        Status migrated = session->migrate();
        if (!migrated)
            return migrated;
        Transaction transaction(db);
        Status written = session->writeExam(exam);
        if (!written)
            return written;
        if (!query.exec(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES('created_at', '%1')").arg(nowText()))
            || !transaction.commit())
            return session->fail(tr("save the exam"), query.lastError().text());
        return Status::ok();
    }();
    if (!status) {
        session.reset();
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        return status.error();
    }
    return session;
}

Result<std::unique_ptr<SessionDatabase>> SessionDatabase::open(const QString &path, Access access)
{
    if (access == Access::ReadOnly)
        return openReadOnly(path);
    const Status valid = validate(path);
    if (!valid)
        return valid.error();
    auto lock = std::make_unique<SessionLock>(path);
    if (const Status locked = lock->lock(); !locked)
        return locked.error();
    Result<std::unique_ptr<SessionDatabase>> connected = connect(path, false);
    if (!connected)
        return connected;
    std::unique_ptr<SessionDatabase> session = std::move(connected).value();
    const Status migrated = session->migrate();
    if (!migrated)
        return migrated.error();
    session->m_lock = std::move(lock);
    return session;
}

Result<std::unique_ptr<SessionDatabase>> SessionDatabase::openReadOnly(const QString &path)
{
    const Status valid = validate(path);
    if (!valid)
        return valid.error();
    const QString connectionName = newConnectionName();
    std::unique_ptr<SessionDatabase> session(new SessionDatabase(path, connectionName));
    session->m_readOnly = true;
    const ReadOnlyAccess access = readOnlyAccess(path);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(access.databaseName);
    db.setConnectOptions(access.options);
    if (!db.open())
        return Result<std::unique_ptr<SessionDatabase>>::failure(
            ErrorCode::FileUnreadable, tr("Cannot read the session file %1: %2. Check that it is a file you may read.")
                                           .arg(QFileInfo(path).fileName(), db.lastError().text()));
    if (session->schemaVersion() < SessionSchema::currentVersion) {
        // An older file is read through its migration, which needs to write.
        session.reset();
        return open(path);
    }
    return session;
}

int SessionDatabase::schemaVersion() const
{
    return meta(QStringLiteral("schema_version"), QStringLiteral("0")).toInt();
}

Status SessionDatabase::fail(const QString &what, const QString &detail) const
{
    return Status::failure(ErrorCode::Database,
                           tr("Could not %1 in the session file %2 (%3). Nothing was changed; check the disk has space "
                              "and the file is not read-only or open in another program.")
                               .arg(what, QFileInfo(m_path).fileName(), detail));
}

Status SessionDatabase::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery query(db);
    int version = 0;
    if (query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'")) && query.next())
        version = query.value(0).toString().toInt();
    query.finish();
    if (version >= SessionSchema::currentVersion)
        return Status::ok();

    // Every step of the upgrade lands together or not at all.
    Transaction transaction(db);
    if (!transaction.isActive())
        return fail(tr("start the upgrade"), db.lastError().text());
    for (int next = version + 1; next <= SessionSchema::currentVersion; ++next) {
        for (const QString &statement : SessionSchema::migration(next)) {
            if (!query.exec(statement))
                return fail(tr("upgrade the file to format %1").arg(next), query.lastError().text());
        }
    }
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', ?)"));
    query.addBindValue(QString::number(SessionSchema::currentVersion));
    if (!query.exec() || !transaction.commit())
        return fail(tr("record the file format"), query.lastError().text());
    return Status::ok();
}

Status SessionDatabase::writeExam(const Exam &exam)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO exam(id, title, language) VALUES(1, COALESCE(?, ''), COALESCE(?, ''))"));
    query.addBindValue(exam.title);
    query.addBindValue(exam.language);
    if (!query.exec())
        return fail(tr("save the exam"), query.lastError().text());
    if (!query.exec(QStringLiteral("DELETE FROM questions")))
        return fail(tr("save the exam"), query.lastError().text());
    query.prepare(QStringLiteral("INSERT INTO questions(id, position, label, text, max_points, pages, rubric) "
                                 "VALUES(?, ?, COALESCE(?, ''), COALESCE(?, ''), ?, ?, ?)"));
    int position = 0;
    for (const Question &question : exam.questions) {
        query.addBindValue(question.id);
        query.addBindValue(++position);
        query.addBindValue(question.label);
        query.addBindValue(question.text);
        query.addBindValue(question.maxPoints);
        query.addBindValue(pagesToText(question.pages));
        query.addBindValue(question.rubric ? QVariant(rubricToText(question.rubric)) : QVariant());
        if (!query.exec())
            return fail(tr("save question %1").arg(question.id), query.lastError().text());
    }
    return Status::ok();
}

Exam SessionDatabase::exam() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery query(db);
    Exam exam;
    if (!query.exec(QStringLiteral("SELECT title, language FROM exam WHERE id = 1")))
        readFailed(query);
    else if (query.next()) {
        exam.title = query.value(0).toString();
        exam.language = query.value(1).toString();
    }
    if (!query.exec(QStringLiteral("SELECT id, label, text, max_points, pages, rubric FROM questions ORDER BY position"))) {
        readFailed(query);
    } else {
        while (query.next()) {
            Question question;
            question.id = query.value(0).toString();
            question.label = query.value(1).toString();
            question.text = query.value(2).toString();
            question.maxPoints = query.value(3).toDouble();
            question.pages = pagesFromText(query.value(4).toString());
            if (!query.value(5).isNull())
                question.rubric = Rubric::fromJson(QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object());
            exam.questions.append(question);
        }
    }
    return exam;
}

QList<StoredDocument> SessionDatabase::documents() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery query(db);
    QList<StoredDocument> documents;
    if (!query.exec(QStringLiteral("SELECT id, file_name, sha256, page_count, size FROM documents ORDER BY id"))) {
        readFailed(query);
    } else {
        while (query.next())
            documents.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toByteArray(),
                              query.value(3).toInt(), query.value(4).toLongLong()});
    }
    return documents;
}

Result<QByteArray> SessionDatabase::documentData(qint64 documentId) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT data FROM documents WHERE id = ?"));
    query.addBindValue(documentId);
    if (!query.exec())
        return fail(tr("read a scan"), query.lastError().text()).error();
    if (!query.next())
        return Result<QByteArray>::failure(ErrorCode::CorruptSession,
                                           tr("The scan %1 is missing from the session file %2.")
                                               .arg(documentId)
                                               .arg(QFileInfo(m_path).fileName()));
    return query.value(0).toByteArray();
}

namespace {

const QString copyColumns =
    QStringLiteral("SELECT id, position, label, student_name, student_id, student_email, status, error, student_username FROM copies ");

// One row of `copyColumns`, without its pages.
Copy readCopy(const QSqlQuery &query)
{
    Copy copy;
    copy.id = query.value(0).toLongLong();
    copy.position = query.value(1).toInt();
    copy.label = query.value(2).toString();
    copy.studentName = query.value(3).toString();
    copy.studentId = query.value(4).toString();
    copy.studentEmail = query.value(5).toString();
    copy.status = copyStatusFromString(query.value(6).toString());
    copy.error = query.value(7).toString();
    copy.studentUsername = query.value(8).toString();
    return copy;
}

} // namespace

QList<Copy> SessionDatabase::copies() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery query(db);
    QList<Copy> copies;
    QHash<qint64, qsizetype> indexById;
    if (!query.exec(copyColumns + QStringLiteral("ORDER BY position, id"))) {
        readFailed(query);
        return copies;
    }
    while (query.next()) {
        Copy copy = readCopy(query);
        indexById.insert(copy.id, copies.size());
        copies.append(copy);
    }
    if (!query.exec(QStringLiteral("SELECT copy_id, document_id, page_index FROM copy_pages ORDER BY copy_id, position"))) {
        readFailed(query);
    } else {
        while (query.next()) {
            const auto it = indexById.constFind(query.value(0).toLongLong());
            if (it != indexById.constEnd())
                copies[*it].pages.append({query.value(1).toLongLong(), query.value(2).toInt()});
        }
    }
    return copies;
}

std::optional<Copy> SessionDatabase::copy(qint64 copyId) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery query(db);
    query.prepare(copyColumns + QStringLiteral("WHERE id = ?"));
    query.addBindValue(copyId);
    if (!query.exec()) {
        readFailed(query);
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    Copy copy = readCopy(query);
    query.prepare(QStringLiteral("SELECT document_id, page_index FROM copy_pages WHERE copy_id = ? ORDER BY position"));
    query.addBindValue(copyId);
    if (!query.exec())
        readFailed(query);
    while (query.isActive() && query.next())
        copy.pages.append({query.value(0).toLongLong(), query.value(1).toInt()});
    return copy;
}

namespace {

QList<QuestionGrade> readGrades(QSqlQuery &query)
{
    QList<QuestionGrade> grades;
    while (query.next()) {
        QuestionGrade grade;
        grade.copyId = query.value(0).toLongLong();
        grade.questionId = query.value(1).toString();
        grade.source = gradeSourceFromString(query.value(2).toString());
        grade.score = query.value(3).toDouble();
        grade.maxPoints = query.value(4).toDouble();
        grade.justification = query.value(5).toString();
        grade.transcription = query.value(6).toString();
        grade.confidence = query.value(7).toDouble();
        grade.flags = gradeFlagsFromStrings(query.value(8).toString().split(QLatin1Char(','), Qt::SkipEmptyParts));
        grade.model = query.value(9).toString();
        grade.runId = query.value(10).toLongLong();
        grade.createdAt = fromText(query.value(11));
        grades.append(grade);
    }
    return grades;
}

const QString gradeColumns = QStringLiteral(
    "SELECT g.copy_id, g.question_id, g.source, g.score, g.max_points, g.justification, g.transcription, g.confidence, "
    "g.flags, g.model, g.run_id, g.created_at FROM grades g ");

} // namespace

QList<QuestionGrade> SessionDatabase::grades() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery query(db);
    if (!query.exec(gradeColumns + QStringLiteral("JOIN copies c ON c.id = g.copy_id "
                                                  "LEFT JOIN questions q ON q.id = g.question_id "
                                                  "ORDER BY c.position, q.position, g.source"))) {
        readFailed(query);
        return {};
    }
    return readGrades(query);
}

QList<QuestionGrade> SessionDatabase::grades(qint64 copyId) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery query(db);
    query.prepare(gradeColumns + QStringLiteral("LEFT JOIN questions q ON q.id = g.question_id "
                                               "WHERE g.copy_id = ? ORDER BY q.position, g.source"));
    query.addBindValue(copyId);
    if (!query.exec()) {
        readFailed(query);
        return {};
    }
    return readGrades(query);
}

QList<RunInfo> SessionDatabase::runs() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery query(db);
    QList<RunInfo> runs;
    if (!query.exec(QStringLiteral("SELECT id, mode, models, started_at, finished_at, status, graded, failed, "
                                   "input_tokens, output_tokens, cost FROM runs ORDER BY id"))) {
        readFailed(query);
        return runs;
    }
    while (query.next()) {
        RunInfo run;
        run.id = query.value(0).toLongLong();
        run.mode = query.value(1).toString();
        run.models = query.value(2).toString();
        run.startedAt = fromText(query.value(3));
        run.finishedAt = fromText(query.value(4));
        run.status = query.value(5).toString();
        run.graded = query.value(6).toInt();
        run.failed = query.value(7).toInt();
        run.inputTokens = query.value(8).toLongLong();
        run.outputTokens = query.value(9).toLongLong();
        run.cost = query.value(10).toDouble();
        runs.append(run);
    }
    return runs;
}

std::optional<RunInfo> SessionDatabase::unfinishedRun() const
{
    const QList<RunInfo> all = runs();
    if (all.isEmpty())
        return std::nullopt;
    const RunInfo &last = all.constLast();
    if (last.status == QLatin1String("finished"))
        return std::nullopt;
    // Only worth offering when there is something left to grade.
    for (const Copy &copy : copies()) {
        if (copy.status == CopyStatus::Pending)
            return last;
    }
    return std::nullopt;
}

QList<RequestLogEntry> SessionDatabase::requestLog(qint64 runId) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT run_id, copy_id, provider, model, attempt, http_status, latency_ms, "
                                 "input_tokens, output_tokens, error, at FROM request_log WHERE run_id = ? ORDER BY id"));
    query.addBindValue(runId);
    QList<RequestLogEntry> entries;
    if (!query.exec()) {
        readFailed(query);
        return entries;
    }
    while (query.next()) {
        RequestLogEntry entry;
        entry.runId = query.value(0).toLongLong();
        entry.copyId = query.value(1).toLongLong();
        entry.provider = query.value(2).toString();
        entry.model = query.value(3).toString();
        entry.attempt = query.value(4).toInt();
        entry.httpStatus = query.value(5).toInt();
        entry.latencyMs = query.value(6).toLongLong();
        entry.inputTokens = query.value(7).toLongLong();
        entry.outputTokens = query.value(8).toLongLong();
        entry.error = query.value(9).toString();
        entry.at = fromText(query.value(10));
        entries.append(entry);
    }
    return entries;
}

QList<AuditEntry> SessionDatabase::auditLog() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery query(db);
    QList<AuditEntry> entries;
    if (!query.exec(QStringLiteral("SELECT id, at, action, copy_id, question_id, before, after FROM audit ORDER BY id"))) {
        readFailed(query);
        return entries;
    }
    while (query.next())
        entries.append({query.value(0).toLongLong(), fromText(query.value(1)), query.value(2).toString(),
                        query.value(3).toLongLong(), query.value(4).toString(), query.value(5).toString(),
                        query.value(6).toString()});
    return entries;
}

QList<TeacherComment> SessionDatabase::comments() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery query(db);
    QList<TeacherComment> comments;
    if (!query.exec(QStringLiteral("SELECT copy_id, question_id, text FROM comments ORDER BY copy_id, question_id")))
        return comments;
    while (query.next())
        comments.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString()});
    return comments;
}

Status SessionDatabase::setComment(qint64 copyId, const QString &questionId, const QString &text)
{
    if (!questionId.isEmpty() && !exam().question(questionId))
        return Status::failure(ErrorCode::InvalidInput,
                               tr("The exam has no question %1. Check the question id.").arg(questionId));
    if (!copy(copyId))
        return Status::failure(ErrorCode::InvalidInput, tr("There is no copy %1 in this session.").arg(copyId));
    const QString comment = text.trimmed();
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    Transaction transaction(db);
    if (!transaction.isActive())
        return fail(tr("save your comment"), db.lastError().text());
    QSqlQuery query(db);
    QString before;
    query.prepare(QStringLiteral("SELECT text FROM comments WHERE copy_id = ? AND question_id = ?"));
    query.addBindValue(copyId);
    query.addBindValue(questionId);
    if (!query.exec())
        return fail(tr("save your comment"), query.lastError().text());
    if (query.next())
        before = query.value(0).toString();
    if (before == comment)
        return Status::ok();
    if (comment.isEmpty()) {
        query.prepare(QStringLiteral("DELETE FROM comments WHERE copy_id = ? AND question_id = ?"));
        query.addBindValue(copyId);
        query.addBindValue(questionId);
    } else {
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO comments(copy_id, question_id, text, updated_at) "
                                     "VALUES(?, ?, ?, ?)"));
        query.addBindValue(copyId);
        query.addBindValue(questionId);
        query.addBindValue(comment);
        query.addBindValue(nowText());
    }
    if (!query.exec())
        return fail(tr("save your comment"), query.lastError().text());
    query.prepare(QStringLiteral("INSERT INTO audit(at, action, copy_id, question_id, before, after) "
                                 "VALUES(?, 'comment', ?, ?, ?, ?)"));
    query.addBindValue(nowText());
    query.addBindValue(copyId);
    query.addBindValue(questionId.isEmpty() ? QVariant() : QVariant(questionId));
    query.addBindValue(before);
    query.addBindValue(comment);
    if (!query.exec())
        return fail(tr("save your comment"), query.lastError().text());
    if (!transaction.commit())
        return fail(tr("save your comment"), db.lastError().text());
    return Status::ok();
}

QString SessionDatabase::meta(const QString &key, const QString &fallback) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    query.addBindValue(key);
    if (query.exec() && query.next())
        return query.value(0).toString();
    return fallback;
}

void SessionDatabase::readFailed(const QSqlQuery &query) const
{
    if (!m_readError)
        m_readError = Error{ErrorCode::Database,
                            tr("Could not read the session file %1 (%2). Nothing was changed; check the disk, or "
                               "restore the file from a backup.")
                                .arg(QFileInfo(m_path).fileName(), query.lastError().text())};
}

Status SessionDatabase::takeReadError() const
{
    if (!m_readError)
        return Status::ok();
    const Error error = *m_readError;
    m_readError.reset();
    return error;
}

SessionSnapshot SessionDatabase::snapshot() const
{
    SessionSnapshot snapshot;
    snapshot.path = m_path;
    snapshot.exam = exam();
    snapshot.copies = copies();
    snapshot.grades = grades();
    snapshot.comments = comments();
    snapshot.documents = documents();
    snapshot.unfinishedRun = unfinishedRun();
    snapshot.readOnly = m_readOnly;
    snapshot.lockHolder = m_readOnly ? SessionLock::liveHolder(m_path) : std::nullopt;
    snapshot.batchJobs = batchJobs();
    return snapshot;
}

Result<QList<qint64>> SessionDatabase::applyImport(const ImportPlan &plan)
{
    if (Status marked = markWriting(); !marked)
        return Result<QList<qint64>>(marked.error());
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    Transaction transaction(db);
    if (!transaction.isActive())
        return fail(tr("start the import"), db.lastError().text()).error();
    QSqlQuery query(db);

    // Documents are stored once per SHA-256, whatever their name.
    QList<qint64> documentIds;
    for (const ImportDocument &document : plan.documents) {
        query.prepare(QStringLiteral("SELECT id FROM documents WHERE sha256 = ?"));
        query.addBindValue(QString::fromLatin1(document.sha256));
        if (!query.exec())
            return fail(tr("import %1").arg(document.fileName), query.lastError().text()).error();
        if (query.next()) {
            documentIds.append(query.value(0).toLongLong());
            continue;
        }
        query.prepare(QStringLiteral("INSERT INTO documents(sha256, file_name, page_count, size, data, added_at) "
                                     "VALUES(?, ?, ?, ?, ?, ?)"));
        query.addBindValue(QString::fromLatin1(document.sha256));
        query.addBindValue(document.fileName);
        query.addBindValue(document.pageCount);
        query.addBindValue(qint64(document.data.size()));
        query.addBindValue(document.data);
        query.addBindValue(nowText());
        if (!query.exec())
            return fail(tr("import %1").arg(document.fileName), query.lastError().text()).error();
        documentIds.append(query.lastInsertId().toLongLong());
    }

    int position = 0;
    if (query.exec(QStringLiteral("SELECT COALESCE(MAX(position), 0) FROM copies")) && query.next())
        position = query.value(0).toInt();

    QList<qint64> copyIds;
    for (const PlannedCopy &planned : plan.copies) {
        if (planned.documentIndex < 0 || planned.documentIndex >= documentIds.size())
            return Result<QList<qint64>>::failure(ErrorCode::Internal, tr("The import plan names a missing scan."));
        query.prepare(QStringLiteral("INSERT INTO copies(position, label, student_name, student_id, student_email, student_username, "
                                     "status) VALUES(?, ?, COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), "
                                     "'pending')"));
        query.addBindValue(++position);
        query.addBindValue(planned.label);
        query.addBindValue(planned.studentName);
        query.addBindValue(planned.studentId);
        query.addBindValue(planned.studentEmail);
        query.addBindValue(planned.studentUsername);
        if (!query.exec())
            return fail(tr("add %1").arg(planned.label), query.lastError().text()).error();
        const qint64 copyId = query.lastInsertId().toLongLong();
        copyIds.append(copyId);
        int pagePosition = 0;
        query.prepare(QStringLiteral("INSERT INTO copy_pages(copy_id, position, document_id, page_index) VALUES(?, ?, ?, ?)"));
        for (int pageIndex : planned.pageIndexes) {
            query.addBindValue(copyId);
            query.addBindValue(++pagePosition);
            query.addBindValue(documentIds.at(planned.documentIndex));
            query.addBindValue(pageIndex);
            if (!query.exec())
                return fail(tr("add %1").arg(planned.label), query.lastError().text()).error();
        }
    }
    query.prepare(QStringLiteral("INSERT INTO audit(at, action, after) VALUES(?, 'import', ?)"));
    query.addBindValue(nowText());
    query.addBindValue(tr("%n copy(ies)", nullptr, int(copyIds.size())));
    if (!query.exec() || !transaction.commit())
        return fail(tr("finish the import"), db.lastError().text()).error();
    return copyIds;
}

Status SessionDatabase::setRubric(const QString &questionId, const std::optional<Rubric> &rubric, const QString &actor)
{
    if (Status marked = markWriting(); !marked)
        return marked;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    Transaction transaction(db);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT rubric FROM questions WHERE id = ?"));
    query.addBindValue(questionId);
    if (!query.exec() || !query.next())
        return Status::failure(ErrorCode::InvalidInput,
                               tr("The exam has no question %1. Check the question id.").arg(questionId));
    const QString before = query.value(0).toString();
    query.prepare(QStringLiteral("UPDATE questions SET rubric = ? WHERE id = ?"));
    query.addBindValue(rubric ? QVariant(rubricToText(rubric)) : QVariant());
    query.addBindValue(questionId);
    if (!query.exec())
        return fail(tr("save the rubric of %1").arg(questionId), query.lastError().text());
    query.prepare(QStringLiteral("INSERT INTO audit(at, action, question_id, before, after) VALUES(?, ?, ?, ?, ?)"));
    query.addBindValue(nowText());
    query.addBindValue(QStringLiteral("rubric:%1").arg(actor));
    query.addBindValue(questionId);
    query.addBindValue(before);
    query.addBindValue(rubricToText(rubric));
    if (!query.exec() || !transaction.commit())
        return fail(tr("save the rubric of %1").arg(questionId), db.lastError().text());
    return Status::ok();
}

Status SessionDatabase::saveCopyResult(qint64 copyId, const QList<QuestionGrade> &grades, CopyStatus status,
                                       const QString &error, const QList<RequestLogEntry> &requests)
{
    if (Status marked = markWriting(); !marked)
        return marked;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    Transaction transaction(db);
    if (!transaction.isActive())
        return fail(tr("save a graded copy"), db.lastError().text());
    QSqlQuery query(db);
    for (const QuestionGrade &grade : grades) {
        if (grade.source == GradeSource::Teacher)
            continue; // the teacher's grade is only ever written by the teacher
        query.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO grades(copy_id, question_id, source, score, max_points, justification, transcription, "
            "confidence, flags, model, run_id, created_at) VALUES(?, ?, ?, ?, ?, COALESCE(?, ''), COALESCE(?, ''), ?, "
            "COALESCE(?, ''), COALESCE(?, ''), ?, ?)"));
        query.addBindValue(copyId);
        query.addBindValue(grade.questionId);
        query.addBindValue(gradeSourceToString(grade.source));
        query.addBindValue(grade.score);
        query.addBindValue(grade.maxPoints);
        query.addBindValue(grade.justification);
        query.addBindValue(grade.transcription);
        query.addBindValue(grade.confidence);
        query.addBindValue(gradeFlagsToStrings(grade.flags).join(QLatin1Char(',')));
        query.addBindValue(grade.model);
        query.addBindValue(grade.runId ? QVariant(grade.runId) : QVariant());
        query.addBindValue((grade.createdAt.isValid() ? grade.createdAt.toUTC() : QDateTime::currentDateTimeUtc())
                               .toString(Qt::ISODateWithMs));
        if (!query.exec())
            return fail(tr("save a graded copy"), query.lastError().text());
    }
    for (const RequestLogEntry &entry : requests) {
        query.prepare(QStringLiteral("INSERT INTO request_log(run_id, copy_id, provider, model, attempt, http_status, "
                                     "latency_ms, input_tokens, output_tokens, error, at) "
                                     "VALUES(?, ?, COALESCE(?, ''), COALESCE(?, ''), ?, ?, ?, ?, ?, COALESCE(?, ''), ?)"));
        query.addBindValue(entry.runId ? QVariant(entry.runId) : QVariant());
        query.addBindValue(copyId);
        query.addBindValue(entry.provider);
        query.addBindValue(entry.model);
        query.addBindValue(entry.attempt);
        query.addBindValue(entry.httpStatus);
        query.addBindValue(entry.latencyMs);
        query.addBindValue(entry.inputTokens);
        query.addBindValue(entry.outputTokens);
        query.addBindValue(entry.error);
        query.addBindValue((entry.at.isValid() ? entry.at.toUTC() : QDateTime::currentDateTimeUtc())
                               .toString(Qt::ISODateWithMs));
        if (!query.exec())
            return fail(tr("save the request log"), query.lastError().text());
    }
    query.prepare(QStringLiteral("UPDATE copies SET status = ?, error = COALESCE(?, '') WHERE id = ?"));
    query.addBindValue(copyStatusToString(status));
    query.addBindValue(error);
    query.addBindValue(copyId);
    if (!query.exec() || query.numRowsAffected() != 1)
        return fail(tr("save a graded copy"), query.lastError().text());
    if (status != CopyStatus::Failed) {
        Status recomputed = updateCopyStatusAfterTeacher(copyId);
        if (!recomputed)
            return recomputed;
    }
    if (!transaction.commit())
        return fail(tr("save a graded copy"), db.lastError().text());
    return Status::ok();
}

// A copy is settled when every question has a teacher grade or a final grade; it needs review while a final
// grade is flagged and the teacher has not decided.
Status SessionDatabase::updateCopyStatusAfterTeacher(qint64 copyId)
{
    const Exam currentExam = exam();
    const QList<QuestionGrade> copyGrades = grades(copyId);
    bool allSettled = true;
    bool needsReview = false;
    for (const Question &question : currentExam.questions) {
        bool teacher = false;
        const QuestionGrade *final = nullptr;
        for (const QuestionGrade &grade : copyGrades) {
            if (grade.questionId != question.id)
                continue;
            if (grade.source == GradeSource::Teacher)
                teacher = true;
            else if (grade.source == GradeSource::Final)
                final = &grade;
        }
        if (!teacher && !final)
            allSettled = false;
        else if (!teacher && final->flags.testFlag(GradeFlag::NeedsReview))
            needsReview = true;
    }
    const std::optional<Copy> current = copy(copyId);
    if (!current)
        return Status::failure(ErrorCode::InvalidInput, tr("There is no copy %1 in this session.").arg(copyId));
    CopyStatus status = current->status;
    if (allSettled)
        status = needsReview ? CopyStatus::NeedsReview : CopyStatus::Graded;
    else if (status == CopyStatus::Graded || status == CopyStatus::NeedsReview)
        status = needsReview ? CopyStatus::NeedsReview : CopyStatus::Pending;
    if (status == current->status)
        return Status::ok();
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    // A note on a copy that waits for the teacher ("only one model answered") stays until the teacher settles it.
    query.prepare(QStringLiteral("UPDATE copies SET status = ?, error = CASE WHEN ? IN ('failed', 'needs_review') "
                                 "THEN error ELSE '' END WHERE id = ?"));
    query.addBindValue(copyStatusToString(status));
    query.addBindValue(copyStatusToString(status));
    query.addBindValue(copyId);
    if (!query.exec())
        return fail(tr("update the copy's status"), query.lastError().text());
    return Status::ok();
}

Status SessionDatabase::setTeacherGrade(qint64 copyId, const QString &questionId, std::optional<double> score,
                                        const QString &comment)
{
    if (Status marked = markWriting(); !marked)
        return marked;
    const Exam currentExam = exam();
    const Question *question = currentExam.question(questionId);
    if (!question)
        return Status::failure(ErrorCode::InvalidInput,
                               tr("The exam has no question %1. Check the question id.").arg(questionId));
    if (score && (*score < 0 || *score > question->maxPoints))
        return Status::failure(ErrorCode::InvalidInput,
                               tr("%1 is out of range for %2: give a score between 0 and %3.")
                                   .arg(*score)
                                   .arg(question->displayLabel())
                                   .arg(question->maxPoints));
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    Transaction transaction(db);
    if (!transaction.isActive())
        return fail(tr("save your grade"), db.lastError().text());
    QSqlQuery query(db);
    std::optional<double> before;
    query.prepare(QStringLiteral("SELECT score FROM grades WHERE copy_id = ? AND question_id = ? AND source = 'teacher'"));
    query.addBindValue(copyId);
    query.addBindValue(questionId);
    if (query.exec() && query.next())
        before = query.value(0).toDouble();
    if (score) {
        query.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO grades(copy_id, question_id, source, score, max_points, justification, created_at) "
            "VALUES(?, ?, 'teacher', ?, ?, COALESCE(?, ''), ?)"));
        query.addBindValue(copyId);
        query.addBindValue(questionId);
        query.addBindValue(*score);
        query.addBindValue(question->maxPoints);
        query.addBindValue(comment);
        query.addBindValue(nowText());
    } else {
        query.prepare(QStringLiteral("DELETE FROM grades WHERE copy_id = ? AND question_id = ? AND source = 'teacher'"));
        query.addBindValue(copyId);
        query.addBindValue(questionId);
    }
    if (!query.exec())
        return fail(tr("save your grade"), query.lastError().text());
    query.prepare(QStringLiteral("INSERT INTO audit(at, action, copy_id, question_id, before, after) "
                                 "VALUES(?, 'teacher_grade', ?, ?, ?, ?)"));
    query.addBindValue(nowText());
    query.addBindValue(copyId);
    query.addBindValue(questionId);
    query.addBindValue(scoreText(before));
    query.addBindValue(scoreText(score));
    if (!query.exec())
        return fail(tr("save your grade"), query.lastError().text());
    Status status = updateCopyStatusAfterTeacher(copyId);
    if (!status)
        return status;
    if (!transaction.commit())
        return fail(tr("save your grade"), db.lastError().text());
    return Status::ok();
}

Status SessionDatabase::setStudent(qint64 copyId, const QString &name, const QString &id, const QString &email)
{
    if (Status marked = markWriting(); !marked)
        return marked;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    Transaction transaction(db);
    QSqlQuery query(db);
    const std::optional<Copy> current = copy(copyId);
    if (!current)
        return Status::failure(ErrorCode::InvalidInput, tr("There is no copy %1 in this session.").arg(copyId));
    query.prepare(QStringLiteral("UPDATE copies SET student_name = COALESCE(?, ''), student_id = COALESCE(?, ''), "
                                 "student_email = COALESCE(?, '') WHERE id = ?"));
    query.addBindValue(name);
    query.addBindValue(id);
    query.addBindValue(email);
    query.addBindValue(copyId);
    if (!query.exec())
        return fail(tr("save the student's name"), query.lastError().text());
    query.prepare(QStringLiteral("INSERT INTO audit(at, action, copy_id, before, after) VALUES(?, 'student', ?, ?, ?)"));
    query.addBindValue(nowText());
    query.addBindValue(copyId);
    query.addBindValue(current->studentName);
    query.addBindValue(name);
    if (!query.exec() || !transaction.commit())
        return fail(tr("save the student's name"), db.lastError().text());
    return Status::ok();
}

Status SessionDatabase::setCopiesStatus(const QList<qint64> &copyIds, CopyStatus status, const QString &error)
{
    if (Status marked = markWriting(); !marked)
        return marked;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    Transaction transaction(db);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE copies SET status = ?, error = COALESCE(?, '') WHERE id = ?"));
    for (qint64 copyId : copyIds) {
        query.addBindValue(copyStatusToString(status));
        query.addBindValue(error);
        query.addBindValue(copyId);
        if (!query.exec())
            return fail(tr("update the copies' status"), query.lastError().text());
    }
    if (!transaction.commit())
        return fail(tr("update the copies' status"), db.lastError().text());
    return Status::ok();
}

Result<qint64> SessionDatabase::beginRun(const QString &mode, const QString &models)
{
    if (Status marked = markWriting(); !marked)
        return Result<qint64>(marked.error());
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery query(db);
    // A run left "running" by a crash or a kill is closed as interrupted when the next one starts.
    if (!query.exec(QStringLiteral("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")))
        return fail(tr("start the run"), query.lastError().text()).error();
    query.prepare(QStringLiteral("INSERT INTO runs(started_at, mode, models, status) VALUES(?, ?, ?, 'running')"));
    query.addBindValue(nowText());
    query.addBindValue(mode);
    query.addBindValue(models);
    if (!query.exec())
        return fail(tr("start the run"), query.lastError().text()).error();
    return query.lastInsertId().toLongLong();
}

Status SessionDatabase::finishRun(const RunInfo &run)
{
    if (Status marked = markWriting(); !marked)
        return marked;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("UPDATE runs SET finished_at = ?, status = ?, graded = ?, failed = ?, input_tokens = ?, "
                                 "output_tokens = ?, cost = ? WHERE id = ?"));
    query.addBindValue(nowText());
    query.addBindValue(run.status);
    query.addBindValue(run.graded);
    query.addBindValue(run.failed);
    query.addBindValue(run.inputTokens);
    query.addBindValue(run.outputTokens);
    query.addBindValue(run.cost);
    query.addBindValue(run.id);
    if (!query.exec())
        return fail(tr("finish the run"), query.lastError().text());
    return Status::ok();
}

// Before the first write of this opening, the file is marked as not closed cleanly: a crash from now on gets the
// full check on the next open. A session only read stays byte for byte as it was.
Status SessionDatabase::markWriting()
{
    if (m_markedWriting)
        return Status::ok();
    const Status marked = writeMeta(closedCleanlyKey, QStringLiteral("0"));
    if (marked)
        m_markedWriting = true;
    return marked;
}

Status SessionDatabase::setMeta(const QString &key, const QString &value)
{
    if (Status marked = markWriting(); !marked)
        return marked;
    return writeMeta(key, value);
}

Status SessionDatabase::writeMeta(const QString &key, const QString &value)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"));
    query.addBindValue(key);
    query.addBindValue(value);
    if (!query.exec())
        return fail(tr("save a setting"), query.lastError().text());
    return Status::ok();
}

QList<qint64> BatchJob::copyIds() const
{
    QList<qint64> ids;
    for (const QJsonValue &value : keys) {
        const qint64 id = value.toObject().value(QLatin1String("copy")).toInteger();
        if (!ids.contains(id))
            ids.append(id);
    }
    return ids;
}

QList<BatchJob> SessionDatabase::batchJobs() const
{
    QList<BatchJob> jobs;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (!query.exec(QStringLiteral("SELECT id, run_id, provider, model, base_url, remote_id, local_tag, input_file, keys, "
                                   "mode, state, remote_state, total, completed, failed, error, submitted_at, finished_at "
                                   "FROM batch_jobs ORDER BY id")))
        return jobs;
    while (query.next()) {
        BatchJob job;
        job.id = query.value(0).toLongLong();
        job.runId = query.value(1).toLongLong();
        job.provider = query.value(2).toString();
        job.model = query.value(3).toString();
        job.baseUrl = query.value(4).toString();
        job.remoteId = query.value(5).toString();
        job.localTag = query.value(6).toString();
        job.inputFile = query.value(7).toString();
        job.keys = QJsonDocument::fromJson(query.value(8).toString().toUtf8()).array();
        job.mode = query.value(9).toString();
        job.state = query.value(10).toString();
        job.remoteState = query.value(11).toString();
        job.total = query.value(12).toInt();
        job.completed = query.value(13).toInt();
        job.failed = query.value(14).toInt();
        job.error = query.value(15).toString();
        job.submittedAt = fromText(query.value(16));
        job.finishedAt = query.value(17).isNull() ? QDateTime() : fromText(query.value(17));
        jobs.append(job);
    }
    return jobs;
}

Result<qint64> SessionDatabase::recordBatchJob(const BatchJob &job)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    Transaction transaction(db);
    if (!transaction.isActive())
        return fail(tr("record a batch"), db.lastError().text()).error();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO batch_jobs(run_id, provider, model, base_url, remote_id, local_tag, input_file, "
                                 "keys, mode, state, remote_state, total, submitted_at) "
                                 "VALUES(?, ?, ?, COALESCE(?, ''), COALESCE(?, ''), ?, COALESCE(?, ''), ?, ?, ?, "
                                 "COALESCE(?, ''), ?, ?)"));
    query.addBindValue(job.runId ? QVariant(job.runId) : QVariant());
    query.addBindValue(job.provider);
    query.addBindValue(job.model);
    query.addBindValue(job.baseUrl);
    query.addBindValue(job.remoteId);
    query.addBindValue(job.localTag);
    query.addBindValue(job.inputFile);
    query.addBindValue(QString::fromUtf8(QJsonDocument(job.keys).toJson(QJsonDocument::Compact)));
    query.addBindValue(job.mode.isEmpty() ? QStringLiteral("single") : job.mode);
    query.addBindValue(job.state.isEmpty() ? QStringLiteral("creating") : job.state);
    query.addBindValue(job.remoteState);
    query.addBindValue(job.total > 0 ? job.total : int(job.keys.size()));
    query.addBindValue(job.submittedAt.isValid() ? job.submittedAt.toUTC().toString(Qt::ISODateWithMs) : nowText());
    if (!query.exec())
        return fail(tr("record a batch"), query.lastError().text()).error();
    const qint64 id = query.lastInsertId().toLongLong();
    query.prepare(QStringLiteral("UPDATE copies SET status = 'submitted', error = '' WHERE id = ?"));
    for (qint64 copyId : job.copyIds()) {
        query.addBindValue(copyId);
        if (!query.exec())
            return fail(tr("record a batch"), query.lastError().text()).error();
    }
    if (!transaction.commit())
        return fail(tr("record a batch"), db.lastError().text()).error();
    return id;
}

Status SessionDatabase::updateBatchJob(const BatchJob &job)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("UPDATE batch_jobs SET remote_id = COALESCE(?, ''), input_file = COALESCE(?, ''), "
                                 "state = ?, remote_state = COALESCE(?, ''), total = ?, completed = ?, failed = ?, "
                                 "error = COALESCE(?, ''), finished_at = ? WHERE id = ?"));
    query.addBindValue(job.remoteId);
    query.addBindValue(job.inputFile);
    query.addBindValue(job.state);
    query.addBindValue(job.remoteState);
    query.addBindValue(job.total);
    query.addBindValue(job.completed);
    query.addBindValue(job.failed);
    query.addBindValue(job.error);
    query.addBindValue(job.finishedAt.isValid() ? QVariant(job.finishedAt.toUTC().toString(Qt::ISODateWithMs)) : QVariant());
    query.addBindValue(job.id);
    if (!query.exec() || query.numRowsAffected() != 1)
        return fail(tr("save a batch's state"), query.lastError().text());
    return Status::ok();
}

Status SessionDatabase::importBatchCopy(qint64 copyId, const QList<QuestionGrade> &grades, CopyStatus status,
                                        const QString &error, const QList<RequestLogEntry> &requests, bool *imported)
{
    *imported = false;
    const std::optional<Copy> current = copy(copyId);
    if (!current || current->status != CopyStatus::Submitted)
        return Status::ok(); // imported already, or taken back (cancelled, graded live)
    const Status saved = saveCopyResult(copyId, grades, status, error, requests);
    *imported = saved.isOk();
    return saved;
}

} // namespace Corrige::Core
