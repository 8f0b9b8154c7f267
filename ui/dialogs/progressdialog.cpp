#include "ui/dialogs/progressdialog.h"

#include "core/llm/pricetable.h"

#include "ui/dialogs/messagebox.h"
#include "ui/widgets/statusicon.h"
#include "ui/widgets/teardown.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QSize>
#include <QVBoxLayout>

#include <cmath>

namespace Corrige::Ui {

using namespace Corrige::Core;

namespace {

constexpr int tickMs = 1000;
constexpr int namesShown = 3; // copies named on the "now grading" line

QString formatDuration(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(0, (ms + 500) / 1000);
    if (seconds < 60)
        return ProgressDialog::tr("%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return ProgressDialog::tr("%1 min %2 s").arg(minutes).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return ProgressDialog::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

// What is left, said as a person would: a precise count of seconds would only flicker.
QString formatRemaining(qint64 ms)
{
    const qint64 minutes = (ms + 59999) / 60000;
    if (minutes <= 1)
        return ProgressDialog::tr("less than a minute");
    if (minutes < 60)
        return ProgressDialog::tr("about %1 min").arg(minutes);
    return ProgressDialog::tr("about %1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString percent(double rate)
{
    return QLocale().toString(rate * 100.0, 'f', 0);
}

QLabel *valueLabel(const char *name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ProgressDialog::ProgressDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("progressDialog"));
    setModal(false);
    m_ticker = new QTimer(this);
    m_ticker->setInterval(tickMs);
    connect(m_ticker, &QTimer::timeout, this, &ProgressDialog::refreshTimes);
    buildUi();
    refresh();
    resize(std::max(sizeHint().width(), fontMetrics().averageCharWidth() * 90), sizeHint().height());
}

ProgressDialog::~ProgressDialog()
{
    disconnectTeardownSenders(this);
}

void ProgressDialog::buildUi()
{
    setWindowTitle(tr("Grading"));
    setSizeGripEnabled(true);

    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("headlineLabel"));
    m_headline->setWordWrap(true);
    QFont headlineFont = m_headline->font();
    headlineFont.setBold(true);
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.15);
    m_headline->setFont(headlineFont);

    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("progressBar"));
    m_bar->setRange(0, 1);
    m_bar->setValue(0);
    //: Inside the progress bar: copies done of all copies.
    m_bar->setFormat(tr("%v of %m copies"));

    m_currentLabel = valueLabel("currentCopyLabel", this);
    m_currentLabel->setWordWrap(true);

    auto *grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    grid->setHorizontalSpacing(fontMetrics().averageCharWidth() * 2);
    m_elapsedLabel = valueLabel("elapsedLabel", this);
    m_etaLabel = valueLabel("etaLabel", this);
    m_tokensLabel = valueLabel("tokensLabel", this);
    m_costLabel = valueLabel("costLabel", this);
    m_costLabel->setToolTip(tr("Estimated from the prices in Settings; your provider's bill is what counts."));
    grid->addWidget(new QLabel(tr("Elapsed:"), this), 0, 0);
    grid->addWidget(m_elapsedLabel, 0, 1);
    m_etaTitle = new QLabel(tr("Time left:"), this);
    grid->addWidget(m_etaTitle, 0, 2);
    grid->addWidget(m_etaLabel, 0, 3);
    m_costTitle = new QLabel(tr("Cost so far:"), this);
    grid->addWidget(m_costTitle, 1, 0);
    grid->addWidget(m_costLabel, 1, 1);
    grid->addWidget(new QLabel(tr("Tokens:"), this), 1, 2);
    grid->addWidget(m_tokensLabel, 1, 3);

    m_failureGroup = new QGroupBox(this);
    m_failureGroup->setObjectName(QStringLiteral("failureGroup"));
    auto *failureLayout = new QVBoxLayout(m_failureGroup);
    m_failureList = new QListWidget(m_failureGroup);
    m_failureList->setObjectName(QStringLiteral("failureList"));
    m_failureList->setWordWrap(true);
    m_failureList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_failureList->setTextElideMode(Qt::ElideRight);
    const int dotSize = fontMetrics().height() / 2 + 2;
    m_failureList->setIconSize(QSize(dotSize, dotSize));
    failureLayout->addWidget(m_failureList);

    m_summary = new QGroupBox(tr("Summary"), this);
    m_summary->setObjectName(QStringLiteral("summaryPanel"));
    auto *summaryLayout = new QGridLayout(m_summary);
    summaryLayout->setColumnStretch(2, 1);
    const auto addRow = [this, summaryLayout](int row, const QColor &color, const QString &title, QLabel *value) {
        auto *dot = new QLabel(m_summary);
        dot->setPixmap(statusDotIcon(color).pixmap(fontMetrics().height() / 2 + 2));
        summaryLayout->addWidget(dot, row, 0);
        summaryLayout->addWidget(new QLabel(title, m_summary), row, 1);
        summaryLayout->addWidget(value, row, 2);
    };
    m_gradedLabel = valueLabel("summaryGradedLabel", m_summary);
    m_reviewLabel = valueLabel("summaryReviewLabel", m_summary);
    m_failedLabel = valueLabel("summaryFailedLabel", m_summary);
    m_leftLabel = valueLabel("summaryLeftLabel", m_summary);
    addRow(0, StatusColor::ok, tr("Graded:"), m_gradedLabel);
    addRow(1, StatusColor::attention, tr("To review:"), m_reviewLabel);
    addRow(2, StatusColor::problem, tr("Failed:"), m_failedLabel);
    addRow(3, StatusColor::neutral, tr("Not graded:"), m_leftLabel);
    m_agreementLabel = valueLabel("agreementLabel", m_summary);
    m_agreementLabel->setWordWrap(true);
    summaryLayout->addWidget(m_agreementLabel, 4, 0, 1, 3);

    m_fatalLabel = valueLabel("fatalLabel", this);
    m_fatalLabel->setWordWrap(true);
    m_fatalLabel->setFrameShape(QFrame::StyledPanel);
    m_fatalLabel->setMargin(fontMetrics().averageCharWidth());
    {
        QPalette palette = m_fatalLabel->palette();
        palette.setColor(QPalette::WindowText, StatusColor::problem);
        m_fatalLabel->setPalette(palette);
    }

    m_buttons = new QDialogButtonBox(this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_hideButton = m_buttons->addButton(tr("Hide"), QDialogButtonBox::RejectRole);
    m_hideButton->setObjectName(QStringLiteral("hideButton"));
    m_hideButton->setToolTip(tr("Grading goes on in the background; the main window can show this window again."));
    m_stopButton = m_buttons->addButton(tr("Stop grading…"), QDialogButtonBox::ActionRole);
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_stopButton->setToolTip(tr("Copies already graded are kept; the others stay to be graded later."));
    m_reviewButton = m_buttons->addButton(tr("Review first flagged copy"), QDialogButtonBox::AcceptRole);
    m_reviewButton->setObjectName(QStringLiteral("reviewButton"));
    m_closeButton = m_buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    connect(m_hideButton, &QPushButton::clicked, this, &QWidget::hide);
    connect(m_stopButton, &QPushButton::clicked, this, &ProgressDialog::askToStop);
    connect(m_reviewButton, &QPushButton::clicked, this, [this] {
        const qint64 copyId = m_firstFlagged;
        done(QDialog::Accepted);
        emit reviewRequested(copyId);
    });
    connect(m_closeButton, &QPushButton::clicked, this, [this] { done(QDialog::Rejected); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(m_bar);
    layout->addWidget(m_currentLabel);
    layout->addLayout(grid);
    layout->addWidget(m_fatalLabel);
    layout->addWidget(m_summary);
    layout->addWidget(m_failureGroup, 1);
    m_tailIndex = layout->count();
    layout->addStretch(1); // takes the spare height while there is no failure list to give it to
    layout->addWidget(m_buttons);
    m_layout = layout;
    setMinimumWidth(fontMetrics().averageCharWidth() * 50);
}

void ProgressDialog::setRunDescription(const QString &examTitle, bool dual)
{
    m_examTitle = examTitle;
    m_dual = dual;
    setWindowTitle(examTitle.isEmpty() ? tr("Grading") : tr("Grading — %1").arg(examTitle));
    refresh();
}

void ProgressDialog::setCopyLabels(const QHash<qint64, QString> &labels)
{
    m_labels = labels;
    refresh();
}

void ProgressDialog::setProgress(const RunProgress &progress)
{
    m_progress = progress;
    m_clock.start();
    if (!progress.running)
        m_stopping = false;
    m_failureList->clear();
    for (const QString &failure : progress.failures)
        addFailure(failure);
    refresh();
}

void ProgressDialog::copyStarted(qint64 copyId)
{
    if (!m_progress.copiesInFlight.contains(copyId))
        m_progress.copiesInFlight.append(copyId);
    refreshCurrent();
}

void ProgressDialog::copyFinished(qint64 copyId, int status)
{
    m_progress.copiesInFlight.removeAll(copyId);
    if (CopyStatus(status) == CopyStatus::NeedsReview)
        ++m_progress.needsReview;
    else
        ++m_progress.graded;
    refresh();
}

void ProgressDialog::copyFailed(qint64 copyId, const QString &reason)
{
    m_progress.copiesInFlight.removeAll(copyId);
    ++m_progress.failed;
    //: A failed copy in the list: "Copy 3: the model's answer was cut off".
    const QString text = tr("%1: %2").arg(copyName(copyId), reason.isEmpty() ? tr("unknown error") : reason);
    m_progress.failures.append(text);
    addFailure(text);
    refresh();
}

void ProgressDialog::progressChanged(int done, int total)
{
    m_progress.done = done;
    m_progress.total = total;
    refresh();
}

void ProgressDialog::costChanged(double cost, qint64 inputTokens, qint64 outputTokens)
{
    m_progress.cost = cost;
    m_progress.tokens.input = inputTokens;
    m_progress.tokens.output = outputTokens;
    m_progress.tokens.total = inputTokens + outputTokens;
    refresh();
}

void ProgressDialog::runFinished(const RunProgress &summary)
{
    setProgress(summary);
}

void ProgressDialog::setFirstFlaggedCopy(qint64 copyId)
{
    m_firstFlagged = copyId;
    refresh();
}

void ProgressDialog::reject()
{
    // Escape and the window's close button only hide a running grading; afterwards they close.
    if (m_progress.running) {
        hide();
        return;
    }
    QDialog::reject();
}

void ProgressDialog::askToStop()
{
    if (!m_progress.running || m_stopping)
        return;
    const auto answer = MessageBox::question(this, tr("Stop grading?"),
                                             tr("Stop grading? Copies already graded are kept."),
                                             QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes || !m_progress.running)
        return;
    m_stopping = true;
    refresh();
    emit cancelRequested();
}

void ProgressDialog::addFailure(const QString &text)
{
    auto *item = new QListWidgetItem(statusDotIcon(StatusColor::problem), text, m_failureList);
    item->setToolTip(text);
    m_failureList->scrollToItem(item);
}

QString ProgressDialog::copyName(qint64 copyId) const
{
    const QString label = m_labels.value(copyId);
    return label.isEmpty() ? tr("Copy #%1").arg(copyId) : label;
}

void ProgressDialog::refreshCurrent()
{
    if (!m_progress.running || m_stopping || m_progress.copiesInFlight.isEmpty()) {
        m_currentLabel->setText(m_progress.running && !m_stopping ? tr("Preparing the copies…") : QString());
        m_currentLabel->setVisible(m_progress.running);
        return;
    }
    QStringList names;
    for (qint64 copyId : std::as_const(m_progress.copiesInFlight)) {
        if (names.size() == namesShown)
            break;
        names.append(copyName(copyId));
    }
    const int more = int(m_progress.copiesInFlight.size()) - int(names.size());
    QString text = QLocale().createSeparatedList(names);
    if (more > 0)
        text = tr("%1 and %2 more").arg(names.join(QStringLiteral(", "))).arg(more);
    m_currentLabel->setText(tr("Now grading: %1").arg(text));
    m_currentLabel->setVisible(true);
}

void ProgressDialog::refreshTimes()
{
    qint64 elapsed = m_progress.elapsedMs;
    if (m_progress.running && m_clock.isValid())
        elapsed += m_clock.elapsed();
    m_elapsedLabel->setText(formatDuration(elapsed));

    const int left = m_progress.total - m_progress.done;
    if (!m_progress.running) {
        m_etaLabel->setText(QStringLiteral("—"));
    } else if (m_stopping) {
        m_etaLabel->setText(tr("stopping…"));
    } else if (m_progress.done == 0 || left <= 0) {
        m_etaLabel->setText(left <= 0 ? tr("almost done") : tr("estimating…"));
    } else {
        m_etaLabel->setText(formatRemaining(elapsed * left / m_progress.done));
    }
}

void ProgressDialog::refresh()
{
    const RunProgress &p = m_progress;
    const bool finished = !p.running && (p.runId != 0 || p.done > 0 || p.cancelled || !p.fatalError.isEmpty());

    // Headline
    QString headline;
    if (p.running && m_stopping)
        headline = tr("Stopping… Copies already graded are kept.");
    else if (p.running)
        headline = m_examTitle.isEmpty() ? tr("Grading…") : tr("Grading “%1”…").arg(m_examTitle);
    else if (!p.fatalError.isEmpty())
        headline = tr("Grading stopped because of an error");
    else if (p.cancelled)
        headline = tr("Grading stopped. Copies already graded are kept.");
    else if (finished)
        headline = p.failed > 0 ? tr("Grading finished, with failures") : tr("Grading finished");
    else
        headline = tr("Getting ready to grade…");
    m_headline->setText(headline);

    m_bar->setRange(0, std::max(1, p.total));
    m_bar->setValue(std::clamp(p.done, 0, std::max(1, p.total)));
    m_bar->setFormat(p.total > 0 ? tr("%v of %m copies") : tr("No copies to grade"));

    refreshCurrent();
    refreshTimes();

    const QLocale locale;
    m_tokensLabel->setText(tr("%1 sent · %2 received")
                               .arg(locale.toString(p.tokens.input), locale.toString(p.tokens.output)));
    m_costTitle->setText(p.running || !finished ? tr("Cost so far:") : tr("Cost:"));
    m_etaTitle->setVisible(p.running);
    m_etaLabel->setVisible(p.running);
    m_costLabel->setText(p.cost > 0 ? PriceTable::formatUsd(p.cost) : tr("no price set"));
    if (p.cost <= 0)
        m_costLabel->setToolTip(tr("Set the price of the model in Settings › Prices to see an estimate."));

    // Failures
    const int failures = m_failureList->count();
    m_failureGroup->setTitle(failures > 0 ? tr("Failed copies: %1").arg(failures) : tr("Failed copies: none"));
    m_failureGroup->setVisible(failures > 0);
    m_layout->setStretch(m_tailIndex, failures > 0 ? 0 : 1);

    // Summary
    m_summary->setVisible(finished);
    if (finished) {
        m_gradedLabel->setText(locale.toString(p.graded));
        m_reviewLabel->setText(p.needsReview > 0 ? tr("%1 (the models disagreed or were unsure)")
                                                        .arg(locale.toString(p.needsReview))
                                                 : locale.toString(0));
        m_failedLabel->setText(p.failed > 0 ? tr("%1 (Grade all again retries them)").arg(locale.toString(p.failed))
                                            : locale.toString(0));
        const int left = std::max(0, p.total - p.done);
        m_leftLabel->setText(left > 0 ? tr("%1 (Grade all again grades them)").arg(locale.toString(left))
                                      : locale.toString(0));
        const Agreement &a = p.agreement;
        const bool showAgreement = m_dual && a.compared > 0;
        m_agreementLabel->setVisible(showAgreement);
        if (showAgreement) {
            m_agreementLabel->setText(
                tr("Agreement between the two models, over %1 questions: same score %2 %, within tolerance %3 %, "
                   "mean difference %4 points.")
                    .arg(locale.toString(a.compared), percent(a.exactRate()), percent(a.withinToleranceRate()),
                         locale.toString(a.meanAbsoluteDifference(), 'f', 2)));
        }
    }
    m_fatalLabel->setText(p.fatalError);
    m_fatalLabel->setVisible(!p.fatalError.isEmpty());

    // Buttons
    m_hideButton->setVisible(p.running);
    m_stopButton->setVisible(p.running);
    m_stopButton->setEnabled(!m_stopping);
    m_reviewButton->setVisible(!p.running && m_firstFlagged != 0);
    m_closeButton->setVisible(!p.running);
    if (!p.running && m_firstFlagged != 0)
        m_reviewButton->setDefault(true);
    else if (!p.running)
        m_closeButton->setDefault(true);

    if (p.running && !m_ticker->isActive())
        m_ticker->start();
    else if (!p.running)
        m_ticker->stop();
    fitHeight();
}

void ProgressDialog::fitHeight()
{
    // A section that appears (failures, the summary) gets room; the dialog never shrinks under the teacher.
    m_layout->activate();
    const int needed = m_layout->hasHeightForWidth() ? m_layout->totalHeightForWidth(width()) : sizeHint().height();
    if (height() < needed)
        resize(width(), needed);
}

} // namespace Corrige::Ui
