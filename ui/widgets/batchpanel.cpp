#include "ui/widgets/batchpanel.h"

#include "core/llm/providerconfig.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Corrige::Ui {

using namespace Corrige::Core;

BatchPanel::BatchPanel(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("batchPanel"));
    setFrameShape(QFrame::StyledPanel);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("batchTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    // Long lines wrap: the panel never widens the copy list at the expense of the grades beside it.
    m_title->setWordWrap(true);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_list = new QLabel(this);
    m_list->setObjectName(QStringLiteral("batchList"));
    m_list->setWordWrap(true);
    m_list->setTextFormat(Qt::PlainText);
    m_list->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_cancelButton = new QPushButton(tr("Cancel the batches and grade the rest live"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelBatchesButton"));
    m_cancelButton->setToolTip(tr("What the batches completed is imported; the other copies go back to “not graded”, "
                                  "ready for Grade all."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_list);
    layout->addWidget(m_cancelButton, 0, Qt::AlignLeft);
    connect(m_cancelButton, &QPushButton::clicked, this, &BatchPanel::cancelRequested);
    hide();
}

QString BatchPanel::stateText(const QString &state)
{
    if (state == QLatin1String("creating"))
        return tr("being created");
    if (state == QLatin1String("pending"))
        return tr("waiting");
    if (state == QLatin1String("running"))
        return tr("running");
    if (state == QLatin1String("cancelling"))
        return tr("being cancelled");
    if (state == QLatin1String("succeeded"))
        return tr("finished, importing");
    if (state == QLatin1String("failed"))
        return tr("failed");
    if (state == QLatin1String("expired"))
        return tr("expired");
    if (state == QLatin1String("cancelled"))
        return tr("cancelled");
    if (state == QLatin1String("imported"))
        return tr("imported");
    if (state == QLatin1String("lost"))
        return tr("never created");
    return state;
}

QString BatchPanel::describe(const BatchJob &job, const QDateTime &now)
{
    const qint64 minutes = std::max<qint64>(0, job.submittedAt.secsTo(now) / 60);
    const QString age = minutes < 60 ? tr("%n min ago", nullptr, int(minutes)) : tr("%n h ago", nullptr, int(minutes / 60));
    bool ok = false;
    const ProviderKind kind = providerKindFromString(job.provider, &ok);
    return tr("%1 · %2: %3, %4 of %5 done, %6 failed, sent %7")
        .arg(ok ? providerDisplayName(kind) : job.provider, job.model, stateText(job.state))
        .arg(job.completed)
        .arg(job.total)
        .arg(job.failed)
        .arg(age);
}

void BatchPanel::setJobs(const QList<BatchJob> &jobs)
{
    QStringList lines;
    int open = 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const BatchJob &job : jobs) {
        if (job.isSettled())
            continue;
        ++open;
        lines.append(describe(job, now));
    }
    m_title->setText(tr("%n batch(es) out: half price, results usually within hours, at most 24 h", nullptr, open));
    m_list->setText(lines.join(QLatin1Char('\n')));
    setVisible(open > 0);
}

} // namespace Corrige::Ui
