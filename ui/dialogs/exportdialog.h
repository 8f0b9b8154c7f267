#pragma once

#include "core/domain/result.h"
#include "core/export/csvexporter.h"
#include "core/export/statusreport.h"
#include "core/session/sessiontypes.h"

#include <QDialog>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <atomic>
#include <memory>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QThreadPool;
template<typename T>
class QFutureWatcher;

namespace Corrige::Core {
class SessionStore;
}

namespace Corrige::Ui {

// Exports the session shown: a spreadsheet (plain, Moodle or Pronote CSV) or one annotated PDF per copy.
//
// The teacher picks the format, the destination (a file for the spreadsheets, a folder for the PDFs) and whether
// existing files may be replaced; what the chosen spreadsheet leaves out or cannot say is listed before writing.
// Writing runs on the work pool. For PDFs the session's scans are read first through the storage thread, then the
// PDFs are written with a progress bar and Cancel (the PDFs finished before a cancel are kept).
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    enum class Format { Csv, Moodle, Pronote, AnnotatedPdfs, Xlsx };
    Q_ENUM(Format)

    // `store` gives the bytes of the scans for the PDFs (not owned; may be destroyed first).
    ExportDialog(QThreadPool *workPool, Core::SessionStore *store, const Core::SessionSnapshot &snapshot,
                 QWidget *parent = nullptr);
    ~ExportDialog() override;

    Format format() const;
    void setFormat(Format format);
    // The file (spreadsheets) or folder (PDFs) to write; empty until chosen.
    QString destination() const;
    void setDestination(const QString &path);
    bool replacesExisting() const;
    void setReplacesExisting(bool replace);

    // The options of the chosen format (the same as corrige-cli export's).
    Core::CsvOptions csvOptions() const;
    void setCsvOptions(const Core::CsvOptions &options);
    // The annotated PDFs also go into one file, in class order, for printing.
    bool writesMergedPdf() const;
    void setWritesMergedPdf(bool merged);
    // The copies that need review, failed or are not graded: asked about before writing.
    QStringList reviewList() const;

    // Asks for the destination through FileDialog, starting from the suggested name.
    void chooseDestination();
    // Starts writing; does nothing while busy or without a destination.
    void startExport();
    void cancelExport();

    // The warnings shown for the chosen format (one sentence each).
    QStringList notes() const { return m_notes; }
    bool isBusy() const { return m_busy; }
    // The error of the last export, empty if it worked.
    QString errorText() const { return m_errorText; }
    // The files written by the last export.
    QStringList writtenFiles() const { return m_writtenFiles; }

    // "<exam title> - <format>.csv", safe as a file name.
    static QString suggestedFileName(const QString &examTitle, Format format);

    void reject() override;

Q_SIGNALS:
    // The export is over: `files` were written (all of them unless `cancelled`).
    void exportFinished(const QStringList &files, bool cancelled);
    void exportFailed(const QString &message);

private:
    struct Outcome {
        QStringList files;
        bool cancelled = false;
        Core::Error error;
    };

    void buildUi();
    void formatChanged();
    void refreshButtons();
    void setBusy(bool busy);
    void showError(const QString &message);

    void startFile();
    bool confirmUnreviewed();
    void startPdfs();
    void documentLoaded(quint64 requestId, qint64 documentId, const QByteArray &data);
    void documentFailed(quint64 requestId, const Core::Error &error);
    void writePdfs();
    void finished(const Outcome &outcome);

    QThreadPool *m_workPool;              // not owned
    QPointer<Core::SessionStore> m_store; // not owned
    Core::SessionSnapshot m_snapshot;
    Core::StatusReport m_report;
    QHash<int, QString> m_destinations;   // per format, what the teacher chose
    QStringList m_notes;
    bool m_busy = false;
    QString m_errorText;
    QStringList m_writtenFiles;

    // The PDFs being written.
    QSet<quint64> m_documentRequests;
    QHash<qint64, QByteArray> m_documents;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QFutureWatcher<Outcome> *m_watcher = nullptr;
    int m_pdfTotal = 0;

    QButtonGroup *m_formatGroup = nullptr;
    QLabel *m_destinationLabel = nullptr;
    QLineEdit *m_destinationEdit = nullptr;
    QPushButton *m_browseButton = nullptr;
    QLabel *m_notesTitle = nullptr;
    QListWidget *m_notesList = nullptr;
    QCheckBox *m_replaceCheck = nullptr;
    QWidget *m_optionsRow = nullptr;
    QLabel *m_dialectLabel = nullptr;
    QComboBox *m_dialectCombo = nullptr;
    QLabel *m_moodleIdLabel = nullptr;
    QComboBox *m_moodleIdCombo = nullptr;
    QCheckBox *m_feedbackCheck = nullptr;
    QCheckBox *m_mergedCheck = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace Corrige::Ui
