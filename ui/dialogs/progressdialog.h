#pragma once

#include "core/grading/gradingorchestrator.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QString>

class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTimer;
class QVBoxLayout;
class QWidget;

namespace Corrige::Ui {

// Shows a grading run as it goes: copies done out of the total, the copies being graded, failures as they
// happen, elapsed time and what is left, tokens and cost so far; at the end a summary.
//
// The dialog is not modal and holds no logic: its owner feeds it the orchestrator's signals, or a whole
// RunProgress when it opens (or reopens) late. "Hide" only hides it; the run goes on. "Stop grading" asks
// first, then emits cancelRequested().
class ProgressDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressDialog)

public:
    explicit ProgressDialog(QWidget *parent = nullptr);
    ~ProgressDialog() override;

    // What the run is about: the exam's title, whether two models grade (the summary then shows their
    // agreement), and the names of the copies (by id) for the current-copy line.
    void setRunDescription(const QString &examTitle, bool dual);
    void setCopyLabels(const QHash<qint64, QString> &labels);

    // Shows `progress` as a whole, replacing what was shown: for a dialog that opens or reopens during a run.
    void setProgress(const Core::RunProgress &progress);
    Core::RunProgress progress() const { return m_progress; }

    // Live updates, in the orchestrator's terms.
    void copyStarted(qint64 copyId);
    void copyFinished(qint64 copyId, int status);
    void copyFailed(qint64 copyId, const QString &reason);
    void progressChanged(int done, int total);
    void costChanged(double cost, qint64 inputTokens, qint64 outputTokens);
    void runFinished(const Core::RunProgress &summary);

    // The copy that "Review first flagged copy" opens; 0 when none needs a look (the button is then hidden).
    void setFirstFlaggedCopy(qint64 copyId);
    qint64 firstFlaggedCopy() const { return m_firstFlagged; }

    bool isRunning() const { return m_progress.running; }
    bool isStopping() const { return m_stopping; }

    void reject() override;

Q_SIGNALS:
    // The teacher confirmed "Stop grading".
    void cancelRequested();
    // "Review first flagged copy" was pressed after the run; the dialog closes.
    void reviewRequested(qint64 copyId);

private:
    void buildUi();
    void askToStop();
    void refresh();
    void refreshTimes();
    void refreshCurrent();
    void addFailure(const QString &text);
    void fitHeight();
    QString copyName(qint64 copyId) const;

    Core::RunProgress m_progress;
    QString m_examTitle;
    bool m_dual = false;
    bool m_stopping = false;
    qint64 m_firstFlagged = 0;
    QHash<qint64, QString> m_labels;
    QElapsedTimer m_clock;    // since m_progress.elapsedMs was last set
    QTimer *m_ticker = nullptr;

    QLabel *m_headline = nullptr;
    QProgressBar *m_bar = nullptr;
    QLabel *m_currentLabel = nullptr;
    QLabel *m_elapsedLabel = nullptr;
    QLabel *m_etaTitle = nullptr;
    QLabel *m_etaLabel = nullptr;
    QLabel *m_tokensLabel = nullptr;
    QLabel *m_costTitle = nullptr;
    QLabel *m_costLabel = nullptr;
    QGroupBox *m_failureGroup = nullptr;
    QListWidget *m_failureList = nullptr;
    QWidget *m_summary = nullptr;
    QLabel *m_gradedLabel = nullptr;
    QLabel *m_reviewLabel = nullptr;
    QLabel *m_failedLabel = nullptr;
    QLabel *m_leftLabel = nullptr;
    QLabel *m_agreementLabel = nullptr;
    QLabel *m_fatalLabel = nullptr;
    QVBoxLayout *m_layout = nullptr;
    int m_tailIndex = 0; // the stretch below the failure list
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_hideButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QPushButton *m_reviewButton = nullptr;
    QPushButton *m_closeButton = nullptr;
};

} // namespace Corrige::Ui
