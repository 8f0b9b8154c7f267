#include "core/domain/copy.h"
#include "ui/dialogs/messagebox.h"
#include "ui/dialogs/progressdialog.h"

#include <QAbstractItemModelTester>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

#include "screenshot.h"

using namespace Corrige;

namespace {

template<typename T>
T *child(QWidget *parent, const char *name)
{
    auto *widget = parent->findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qWarning("no child named %s", name);
    return widget;
}

QString text(QWidget *parent, const char *name)
{
    auto *label = child<QLabel>(parent, name);
    return label ? label->text() : QString();
}

QHash<qint64, QString> labels()
{
    QHash<qint64, QString> labels;
    for (qint64 id = 1; id <= 6; ++id)
        labels.insert(id * 10, QStringLiteral("Copy %1").arg(id));
    return labels;
}

Core::RunProgress running(int total)
{
    Core::RunProgress progress;
    progress.runId = 7;
    progress.total = total;
    progress.running = true;
    return progress;
}

} // namespace

class TstProgressDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void start_showsTotalAndRunningButtons();
    void signals_moveTheBarAndNameTheCurrentCopies();
    void failures_areListedAsTheyHappen();
    void tokensAndCost_areShown();
    void timeLeft_isSaidInMinutes_data();
    void timeLeft_isSaidInMinutes();
    void hide_keepsRunning_andReopenShowsTheSnapshot();
    void escape_whileRunning_onlyHides();
    void stop_asksFirst_data();
    void stop_asksFirst();
    void summary_countsEveryOutcome_data();
    void summary_countsEveryOutcome();
    void cancelledRun_saysGradedCopiesAreKept();
    void fatalError_isShown();
    void review_emitsTheFlaggedCopy();
    void noFlaggedCopy_offersOnlyClose();
};

void TstProgressDialog::initTestCase()
{
    installEnglishCatalogue(this);
    QStandardPaths::setTestModeEnabled(true);
}

void TstProgressDialog::cleanup()
{
    Ui::MessageBox::setNextAnswer(QMessageBox::NoButton);
}

void TstProgressDialog::start_showsTotalAndRunningButtons()
{
    Ui::ProgressDialog dialog;
    dialog.setRunDescription(QStringLiteral("Mechanics"), false);
    dialog.setCopyLabels(labels());
    dialog.setProgress(running(5));
    dialog.show();

    auto *bar = child<QProgressBar>(&dialog, "progressBar");
    QVERIFY(bar);
    QCOMPARE(bar->maximum(), 5);
    QCOMPARE(bar->value(), 0);
    QVERIFY(dialog.windowTitle().contains(QStringLiteral("Mechanics")));
    QVERIFY(text(&dialog, "headlineLabel").contains(QStringLiteral("Mechanics")));
    QCOMPARE(bar->text(), QStringLiteral("0 of 5 copies"));
    QVERIFY(child<QPushButton>(&dialog, "hideButton")->isVisible());
    QVERIFY(child<QPushButton>(&dialog, "stopButton")->isVisible());
    QVERIFY(!child<QPushButton>(&dialog, "closeButton")->isVisible());
    QVERIFY(!child<QWidget>(&dialog, "summaryPanel")->isVisible());
    QVERIFY(!child<QWidget>(&dialog, "failureGroup")->isVisible());
    QCOMPARE(text(&dialog, "etaLabel"), QStringLiteral("estimating…"));
}

void TstProgressDialog::signals_moveTheBarAndNameTheCurrentCopies()
{
    Ui::ProgressDialog dialog;
    dialog.setCopyLabels(labels());
    dialog.setProgress(running(6));
    dialog.show();

    dialog.copyStarted(10);
    dialog.copyStarted(20);
    QString current = text(&dialog, "currentCopyLabel");
    QVERIFY2(current.contains(QStringLiteral("Copy 1")) && current.contains(QStringLiteral("Copy 2")), qPrintable(current));

    dialog.copyFinished(10, int(Core::CopyStatus::Graded));
    dialog.progressChanged(1, 6);
    current = text(&dialog, "currentCopyLabel");
    QVERIFY2(!current.contains(QStringLiteral("Copy 1")) && current.contains(QStringLiteral("Copy 2")), qPrintable(current));
    QCOMPARE(child<QProgressBar>(&dialog, "progressBar")->value(), 1);
    QCOMPARE(child<QProgressBar>(&dialog, "progressBar")->text(), QStringLiteral("1 of 6 copies"));
    QVERIFY(!text(&dialog, "etaLabel").contains(QStringLiteral("estimating")));

    // Many copies at once: three are named, the rest counted.
    for (qint64 id : {30, 40, 50, 60})
        dialog.copyStarted(id);
    current = text(&dialog, "currentCopyLabel");
    QVERIFY2(current.contains(QStringLiteral("and 2 more")), qPrintable(current));
    QVERIFY(!current.contains(QStringLiteral("Copy 6")));

    dialog.copyFinished(20, int(Core::CopyStatus::NeedsReview));
    dialog.progressChanged(2, 6);
    QCOMPARE(dialog.progress().graded, 1);
    QCOMPARE(dialog.progress().needsReview, 1);
    QCOMPARE(dialog.progress().done, 2);
}

void TstProgressDialog::failures_areListedAsTheyHappen()
{
    Ui::ProgressDialog dialog;
    dialog.setCopyLabels(labels());
    dialog.setProgress(running(4));
    dialog.show();
    auto *list = child<QListWidget>(&dialog, "failureList");
    QVERIFY(list);
    QAbstractItemModelTester tester(list->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    dialog.copyStarted(30);
    dialog.copyFailed(30, QStringLiteral("the model's answer was cut off"));
    dialog.progressChanged(1, 4);
    QCOMPARE(list->count(), 1);
    QCOMPARE(list->item(0)->text(), QStringLiteral("Copy 3: the model's answer was cut off"));
    QVERIFY(child<QGroupBox>(&dialog, "failureGroup")->isVisible());
    QVERIFY(child<QGroupBox>(&dialog, "failureGroup")->title().contains(QStringLiteral("1")));
    QVERIFY(!text(&dialog, "currentCopyLabel").contains(QStringLiteral("Copy 3")));

    dialog.copyFailed(99, QString()); // an unknown copy still gets a readable line
    QCOMPARE(list->count(), 2);
    QVERIFY(list->item(1)->text().contains(QStringLiteral("99")));
    QCOMPARE(dialog.progress().failed, 2);
    QCOMPARE(dialog.progress().failures.size(), 2);

    // A snapshot replaces the list (reopening late), and the tester sees a consistent reset.
    Core::RunProgress snapshot = running(4);
    snapshot.done = 3;
    snapshot.failed = 1;
    snapshot.failures = {QStringLiteral("Copy 4: refused")};
    dialog.setProgress(snapshot);
    QCOMPARE(list->count(), 1);
    QCOMPARE(list->item(0)->text(), QStringLiteral("Copy 4: refused"));
}

void TstProgressDialog::tokensAndCost_areShown()
{
    Ui::ProgressDialog dialog;
    dialog.setProgress(running(2));
    QVERIFY(text(&dialog, "costLabel").contains(QStringLiteral("no price")));
    dialog.costChanged(0.1234, 12345, 678);
    const QString tokens = text(&dialog, "tokensLabel");
    QVERIFY2(tokens.contains(QLocale().toString(12345)) && tokens.contains(QLocale().toString(678)), qPrintable(tokens));
    QCOMPARE(text(&dialog, "costLabel"), QStringLiteral("$0.12"));
    dialog.costChanged(0.0042, 1, 1);
    QCOMPARE(text(&dialog, "costLabel"), QStringLiteral("$0.0042"));
}

void TstProgressDialog::timeLeft_isSaidInMinutes_data()
{
    QTest::addColumn<qint64>("elapsedMs");
    QTest::addColumn<int>("done");
    QTest::addColumn<int>("total");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nothing done yet") << qint64(5000) << 0 << 10 << QStringLiteral("estimating…");
    QTest::newRow("seconds") << qint64(20000) << 5 << 6 << QStringLiteral("less than a minute");
    QTest::newRow("minutes") << qint64(600000) << 1 << 4 << QStringLiteral("about 30 min");
    QTest::newRow("hours") << qint64(600000) << 1 << 10 << QStringLiteral("about 1 h 30 min");
}

void TstProgressDialog::timeLeft_isSaidInMinutes()
{
    QFETCH(qint64, elapsedMs);
    QFETCH(int, done);
    QFETCH(int, total);
    QFETCH(QString, expected);
    Ui::ProgressDialog dialog;
    Core::RunProgress progress = running(total);
    progress.done = done;
    progress.elapsedMs = elapsedMs;
    dialog.setProgress(progress);
    QCOMPARE(text(&dialog, "etaLabel"), expected);
}

void TstProgressDialog::hide_keepsRunning_andReopenShowsTheSnapshot()
{
    Ui::ProgressDialog dialog;
    dialog.setCopyLabels(labels());
    dialog.setProgress(running(6));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy finished(&dialog, &QDialog::finished);
    QSignalSpy cancelled(&dialog, &Ui::ProgressDialog::cancelRequested);

    QTest::mouseClick(child<QPushButton>(&dialog, "hideButton"), Qt::LeftButton);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(finished.count(), 0);
    QCOMPARE(cancelled.count(), 0);

    // While hidden the run went on; reopening shows the orchestrator's snapshot, not the stale state.
    Core::RunProgress snapshot = running(6);
    snapshot.done = 4;
    snapshot.graded = 3;
    snapshot.failed = 1;
    snapshot.failures = {QStringLiteral("Copy 2: the server did not answer")};
    snapshot.copiesInFlight = {50};
    snapshot.tokens = {4000, 300, 4300};
    snapshot.cost = 0.5;
    snapshot.elapsedMs = 65000;
    dialog.setProgress(snapshot);
    dialog.show();
    QVERIFY(dialog.isVisible());
    QCOMPARE(child<QProgressBar>(&dialog, "progressBar")->value(), 4);
    QCOMPARE(child<QListWidget>(&dialog, "failureList")->count(), 1);
    QVERIFY(text(&dialog, "currentCopyLabel").contains(QStringLiteral("Copy 5")));
    QVERIFY(text(&dialog, "tokensLabel").contains(QLocale().toString(4000)));
    QVERIFY2(text(&dialog, "elapsedLabel").startsWith(QStringLiteral("1 min 05")), qPrintable(text(&dialog, "elapsedLabel")));
    // 65 s for 4 copies, 2 left: about half a minute more.
    QCOMPARE(text(&dialog, "etaLabel"), QStringLiteral("less than a minute"));
}

void TstProgressDialog::escape_whileRunning_onlyHides()
{
    Ui::ProgressDialog dialog;
    dialog.setProgress(running(3));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy finished(&dialog, &QDialog::finished);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(finished.count(), 0);

    Core::RunProgress done = running(3);
    done.running = false;
    done.done = 3;
    done.graded = 3;
    dialog.runFinished(done);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QTRY_COMPARE(finished.count(), 1);
}

void TstProgressDialog::stop_asksFirst_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("stops");
    QTest::newRow("no") << int(QMessageBox::No) << false;
    QTest::newRow("yes") << int(QMessageBox::Yes) << true;
}

void TstProgressDialog::stop_asksFirst()
{
    QFETCH(int, answer);
    QFETCH(bool, stops);
    Ui::ProgressDialog dialog;
    dialog.setProgress(running(3));
    dialog.show();
    QSignalSpy cancelled(&dialog, &Ui::ProgressDialog::cancelRequested);

    Ui::MessageBox::setNextAnswer(QMessageBox::StandardButton(answer));
    QTest::mouseClick(child<QPushButton>(&dialog, "stopButton"), Qt::LeftButton);
    QCOMPARE(Ui::MessageBox::lastText(), QStringLiteral("Stop grading? Copies already graded are kept."));
    QCOMPARE(cancelled.count(), stops ? 1 : 0);
    QCOMPARE(dialog.isStopping(), stops);
    QCOMPARE(child<QPushButton>(&dialog, "stopButton")->isEnabled(), !stops);
    QCOMPARE(text(&dialog, "headlineLabel").startsWith(QStringLiteral("Stopping")), stops);
    if (stops)
        QVERIFY(text(&dialog, "headlineLabel").contains(QStringLiteral("already graded are kept")));
}

void TstProgressDialog::summary_countsEveryOutcome_data()
{
    QTest::addColumn<bool>("dual");
    QTest::newRow("single") << false;
    QTest::newRow("dual") << true;
}

void TstProgressDialog::summary_countsEveryOutcome()
{
    QFETCH(bool, dual);
    Ui::ProgressDialog dialog;
    dialog.setRunDescription(QStringLiteral("Mechanics"), dual);
    dialog.setProgress(running(5));
    dialog.show();

    Core::RunProgress summary = running(5);
    summary.running = false;
    summary.done = 5;
    summary.graded = 3;
    summary.needsReview = 1;
    summary.failed = 1;
    summary.failures = {QStringLiteral("Copy 4: refused")};
    if (dual) {
        summary.agreement.compared = 20;
        summary.agreement.exact = 15;
        summary.agreement.withinTolerance = 19;
        summary.agreement.sumAbsoluteDifference = 5.0;
    }
    dialog.runFinished(summary);

    QVERIFY(child<QWidget>(&dialog, "summaryPanel")->isVisible());
    QCOMPARE(text(&dialog, "headlineLabel"), QStringLiteral("Grading finished, with failures"));
    QCOMPARE(text(&dialog, "summaryGradedLabel"), QStringLiteral("3"));
    QVERIFY(text(&dialog, "summaryReviewLabel").startsWith(QStringLiteral("1 ")));
    QVERIFY(text(&dialog, "summaryFailedLabel").startsWith(QStringLiteral("1 ")));
    QCOMPARE(text(&dialog, "summaryLeftLabel"), QStringLiteral("0"));
    QCOMPARE(child<QListWidget>(&dialog, "failureList")->count(), 1);
    QVERIFY(!child<QPushButton>(&dialog, "stopButton")->isVisible());
    QVERIFY(!child<QPushButton>(&dialog, "hideButton")->isVisible());
    QVERIFY(child<QPushButton>(&dialog, "closeButton")->isVisible());

    auto *agreement = child<QLabel>(&dialog, "agreementLabel");
    QCOMPARE(agreement->isVisible(), dual);
    if (dual) {
        const QString line = agreement->text();
        QVERIFY2(line.contains(QStringLiteral("75 %")) && line.contains(QStringLiteral("95 %"))
                     && line.contains(QStringLiteral("0.25")),
                 qPrintable(line));
    }
}

void TstProgressDialog::cancelledRun_saysGradedCopiesAreKept()
{
    Ui::ProgressDialog dialog;
    dialog.setProgress(running(5));
    Ui::MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(child<QPushButton>(&dialog, "stopButton"), Qt::LeftButton);

    Core::RunProgress summary = running(5);
    summary.running = false;
    summary.cancelled = true;
    summary.done = 2;
    summary.graded = 2;
    dialog.runFinished(summary);
    QVERIFY(!dialog.isStopping());
    QVERIFY(text(&dialog, "headlineLabel").contains(QStringLiteral("stopped")));
    QVERIFY(text(&dialog, "headlineLabel").contains(QStringLiteral("kept")));
    QCOMPARE(text(&dialog, "summaryGradedLabel"), QStringLiteral("2"));
    QVERIFY(text(&dialog, "summaryLeftLabel").startsWith(QStringLiteral("3 ")));
    QVERIFY(text(&dialog, "summaryLeftLabel").contains(QStringLiteral("Grade all again")));
}

void TstProgressDialog::fatalError_isShown()
{
    Ui::ProgressDialog dialog;
    dialog.setProgress(running(5));
    dialog.show();
    QVERIFY(!child<QLabel>(&dialog, "fatalLabel")->isVisible());
    Core::RunProgress summary = running(5);
    summary.running = false;
    summary.cancelled = true;
    summary.fatalError = QStringLiteral("The API key of Gemini was refused.");
    summary.fatalCode = Core::ErrorCode::InvalidKey;
    dialog.runFinished(summary);
    QVERIFY(child<QLabel>(&dialog, "fatalLabel")->isVisible());
    QCOMPARE(text(&dialog, "fatalLabel"), summary.fatalError);
    QVERIFY(text(&dialog, "headlineLabel").contains(QStringLiteral("error")));
}

void TstProgressDialog::review_emitsTheFlaggedCopy()
{
    Ui::ProgressDialog dialog;
    dialog.setProgress(running(2));
    dialog.show();
    QVERIFY(!child<QPushButton>(&dialog, "reviewButton")->isVisible());
    Core::RunProgress summary = running(2);
    summary.running = false;
    summary.done = 2;
    summary.graded = 1;
    summary.needsReview = 1;
    dialog.runFinished(summary);
    dialog.setFirstFlaggedCopy(20);

    auto *review = child<QPushButton>(&dialog, "reviewButton");
    QVERIFY(review->isVisible());
    QSignalSpy requested(&dialog, &Ui::ProgressDialog::reviewRequested);
    QTest::mouseClick(review, Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().first().toLongLong(), 20);
    QVERIFY(!dialog.isVisible());
}

void TstProgressDialog::noFlaggedCopy_offersOnlyClose()
{
    Ui::ProgressDialog dialog;
    dialog.setProgress(running(2));
    dialog.show();
    Core::RunProgress summary = running(2);
    summary.running = false;
    summary.done = 2;
    summary.graded = 2;
    dialog.runFinished(summary);
    dialog.setFirstFlaggedCopy(0);
    QVERIFY(!child<QPushButton>(&dialog, "reviewButton")->isVisible());
    QSignalSpy finished(&dialog, &QDialog::finished);
    QTest::mouseClick(child<QPushButton>(&dialog, "closeButton"), Qt::LeftButton);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(text(&dialog, "headlineLabel"), QStringLiteral("Grading finished"));
}

QTEST_MAIN(TstProgressDialog)
#include "tst_progressdialog.moc"
