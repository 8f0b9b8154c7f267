#include "ui/dialogs/gradesetupdialog.h"

#include "core/grading/gradingprompt.h"
#include "core/llm/pricetable.h"
#include "core/llm/tokenestimator.h"
#include "core/workflow/pricing.h"
#include "ui/dialogs/settingsdialog.h"
#include "ui/widgets/statusicon.h"
#include "ui/widgets/teardown.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QVBoxLayout>

namespace Corrige::Ui {

using namespace Corrige::Core;

namespace {

const QString compatible = QStringLiteral("compatible");

// What one graded question costs in answer tokens: score, justification, transcription, confidence, flags.
constexpr qint64 outputTokensPerQuestion = 250;
constexpr qint64 outputTokensPerRequest = 50;
// Scans are mostly A4 portrait, rendered or passed through at the default long side.
const QSize typicalPage(1414, PageImageOptions{}.maxLongSide);

QString providerTitle(const QString &provider)
{
    if (provider == QLatin1String("gemini"))
        return GradeSetupDialog::tr("Google Gemini");
    if (provider == QLatin1String("openai"))
        return GradeSetupDialog::tr("OpenAI");
    return GradeSetupDialog::tr("OpenAI-compatible server");
}

// An estimate shown with two significant digits: 89,260 tokens is "about 89,000".
qint64 roughly(qint64 value)
{
    qint64 scale = 1;
    while (value / scale >= 100)
        scale *= 10;
    return (value + scale / 2) / scale * scale;
}

QString keyLocationText(SecretLocation location, const QString &provider)
{
    switch (location) {
    case SecretLocation::Keychain:
        return GradeSetupDialog::tr("in the system keychain");
    case SecretLocation::Environment:
        return GradeSetupDialog::tr("from the %1 variable")
            .arg(SecretStore::environmentVariable(provider));
    case SecretLocation::Memory:
        return GradeSetupDialog::tr("typed in this session, not saved");
    case SecretLocation::None:
        break;
    }
    return {};
}

QLabel *plainLabel(const char *name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

void setColor(QLabel *label, const QColor &color)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

} // namespace

GradeSetupDialog::GradeSetupDialog(const SessionSnapshot &snapshot, AppSettings *settings, SecretStore *secrets,
                                   QWidget *parent)
    : QDialog(parent)
    , m_snapshot(snapshot)
    , m_settings(settings)
    , m_secrets(secrets)
{
    Q_ASSERT(m_settings);
    setObjectName(QStringLiteral("gradeSetupDialog"));
    m_modelA.slot = ModelSlot::A;
    m_modelB.slot = ModelSlot::B;
    buildUi();
    if (m_secrets) {
        connect(m_secrets, &SecretStore::keyRead, this, &GradeSetupDialog::keyRead);
        connect(m_secrets, &SecretStore::failed, this, &GradeSetupDialog::keyFailed);
        connect(m_secrets, &SecretStore::keyWritten, this,
                [this](const QString &provider, SecretLocation, const QString &) {
                    // A key typed in Settings: read it again so the status and the key used follow.
                    if (providerOf(m_modelA) == provider || (isDual() && providerOf(m_modelB) == provider))
                        readKey(provider);
                });
    }
    reloadSettings();
    resize(std::max(sizeHint().width(), fontMetrics().averageCharWidth() * 120), sizeHint().height());
    fitHeight();
}

GradeSetupDialog::~GradeSetupDialog()
{
    disconnectTeardownSenders(this);
    if (m_secrets)
        disconnect(m_secrets, nullptr, this, nullptr);
}

void GradeSetupDialog::buildUi()
{
    setWindowTitle(tr("Grade all copies"));
    setSizeGripEnabled(true);

    m_introLabel = plainLabel("introLabel", this);
    m_introLabel->setText(m_snapshot.exam.title.isEmpty()
                              ? tr("Choose how to grade, then start. You can stop at any time; copies already "
                                   "graded are kept.")
                              : tr("Grade “%1”. Choose how, then start. You can stop at any time; copies already "
                                   "graded are kept.")
                                    .arg(m_snapshot.exam.title));

    // Mode
    auto *modeGroup = new QGroupBox(tr("Models"), this);
    modeGroup->setObjectName(QStringLiteral("modeGroup"));
    auto *modeLayout = new QVBoxLayout(modeGroup);
    m_singleRadio = new QRadioButton(tr("&One model"), modeGroup);
    m_singleRadio->setObjectName(QStringLiteral("singleRadio"));
    m_dualRadio = new QRadioButton(tr("&Two models, compared (dual mode)"), modeGroup);
    m_dualRadio->setObjectName(QStringLiteral("dualRadio"));
    auto *modeButtons = new QButtonGroup(this);
    modeButtons->addButton(m_singleRadio);
    modeButtons->addButton(m_dualRadio);
    m_modeHint = plainLabel("modeHintLabel", modeGroup);
    m_modeHint->setForegroundRole(QPalette::PlaceholderText);
    auto *radioRow = new QHBoxLayout;
    radioRow->addWidget(m_singleRadio);
    radioRow->addWidget(m_dualRadio);
    radioRow->addStretch(1);
    modeLayout->addLayout(radioRow);
    modeLayout->addWidget(m_modeHint);

    auto *modelsRow = new QHBoxLayout;
    buildModelFields(m_modelA, tr("Model A"), "A");
    buildModelFields(m_modelB, tr("Model B"), "B");
    modelsRow->addWidget(m_modelA.group, 1);
    modelsRow->addWidget(m_modelB.group, 1);
    modeLayout->addLayout(modelsRow);

    // What will be graded
    auto *workGroup = new QGroupBox(tr("Copies"), this);
    workGroup->setObjectName(QStringLiteral("workGroup"));
    auto *workLayout = new QVBoxLayout(workGroup);
    m_copiesLabel = plainLabel("copiesLabel", workGroup);
    QFont bold = m_copiesLabel->font();
    bold.setBold(true);
    m_copiesLabel->setFont(bold);
    m_skippedLabel = plainLabel("skippedLabel", workGroup);
    m_regradeCheck = new QCheckBox(tr("&Regrade copies already graded by a model"), workGroup);
    m_regradeCheck->setObjectName(QStringLiteral("regradeCheck"));
    m_regradeCheck->setToolTip(tr("Grade again the questions a model has already graded. Your own grades are "
                                  "never replaced."));
    m_maskCheck = new QCheckBox(tr("&Hide the top of each first page, where names are written"), workGroup);
    m_maskCheck->setObjectName(QStringLiteral("maskCheck"));
    m_maskCheck->setToolTip(tr("The models then see only the copy's number, never the student's name."));
    m_maskCheck->setChecked(m_settings->anonymiseByDefault());
    m_perQuestionCheck = new QCheckBox(tr("Send each question with only the &pages it is on"), workGroup);
    m_perQuestionCheck->setObjectName(QStringLiteral("perQuestionCheck"));
    m_perQuestionCheck->setToolTip(tr("Uses the pages given for each question in the exam: smaller requests, but "
                                      "one request per group of questions instead of one per copy."));
    bool anyPages = false;
    for (const Question &question : m_snapshot.exam.questions)
        anyPages = anyPages || !question.pages.isEmpty();
    m_perQuestionCheck->setEnabled(anyPages);
    workLayout->addWidget(m_copiesLabel);
    workLayout->addWidget(m_skippedLabel);
    workLayout->addWidget(m_regradeCheck);
    workLayout->addWidget(m_maskCheck);
    workLayout->addWidget(m_perQuestionCheck);
    m_batchCheck = new QCheckBox(tr("&Batch: half price, results usually within hours, at most 24 h"), workGroup);
    m_batchCheck->setObjectName(QStringLiteral("batchCheck"));
    m_batchCheck->setToolTip(tr("Sends the copies through the provider's Batch API (Gemini or OpenAI). Corrige "
                                "imports the results when they come, while the session is open or the next time "
                                "you open it."));
    workLayout->addWidget(m_batchCheck);

    auto *costGroup = new QGroupBox(tr("Estimate"), this);
    costGroup->setObjectName(QStringLiteral("estimateGroup"));
    auto *costForm = new QFormLayout(costGroup);
    m_tokensLabel = plainLabel("tokensLabel", costGroup);
    m_costLabel = plainLabel("costLabel", costGroup);
    costForm->addRow(tr("Tokens:"), m_tokensLabel);
    costForm->addRow(tr("Cost:"), m_costLabel);

    m_problemLabel = plainLabel("problemLabel", this);
    m_problemLabel->setFrameShape(QFrame::StyledPanel);
    m_problemLabel->setMargin(fontMetrics().averageCharWidth());
    setColor(m_problemLabel, StatusColor::problem);

    m_buttons = new QDialogButtonBox(this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_startButton = m_buttons->addButton(tr("Start grading"), QDialogButtonBox::AcceptRole);
    m_startButton->setObjectName(QStringLiteral("startButton"));
    m_startButton->setDefault(true);
    QPushButton *cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &GradeSetupDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &GradeSetupDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_introLabel);
    layout->addWidget(modeGroup);
    auto *bottomRow = new QHBoxLayout;
    bottomRow->addWidget(workGroup, 3);
    bottomRow->addWidget(costGroup, 2);
    layout->addLayout(bottomRow);
    layout->addWidget(m_problemLabel);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_dualRadio, &QRadioButton::toggled, this, [this] {
        if (isDual())
            readKey(providerOf(m_modelB));
        refresh();
    });
    connect(m_regradeCheck, &QCheckBox::toggled, this, [this] {
        replan();
        refresh();
    });
    connect(m_batchCheck, &QCheckBox::toggled, this, [this](bool batch) {
        m_startButton->setText(batch ? tr("Submit the batch") : tr("Start grading"));
        refresh();
    });
}

void GradeSetupDialog::buildModelFields(ModelFields &fields, const QString &title, const char *prefix)
{
    const QString suffix = QString::fromLatin1(prefix);
    fields.group = new QGroupBox(title, this);
    fields.group->setObjectName(QStringLiteral("modelGroup") + suffix);
    auto *form = new QFormLayout(fields.group);
    fields.provider = new QComboBox(fields.group);
    fields.provider->setObjectName(QStringLiteral("providerCombo") + suffix);
    for (const QString &provider : AppSettings::providerKinds())
        fields.provider->addItem(providerTitle(provider), provider);
    fields.model = new QLineEdit(fields.group);
    fields.model->setObjectName(QStringLiteral("modelEdit") + suffix);
    fields.model->setToolTip(tr("The model's identifier as the provider spells it, for example gemini-2.5-flash "
                                "or gpt-4.1-mini."));
    fields.server = plainLabel("serverLabel", fields.group);
    fields.server->setObjectName(QStringLiteral("serverLabel") + suffix);
    fields.server->setForegroundRole(QPalette::PlaceholderText);
    fields.server->setTextInteractionFlags(Qt::TextSelectableByMouse);
    fields.keyStatus = plainLabel("keyStatusLabel", fields.group);
    fields.keyStatus->setObjectName(QStringLiteral("keyStatusLabel") + suffix);
    fields.openSettings = new QPushButton(tr("Open Settings…"), fields.group);
    fields.openSettings->setObjectName(QStringLiteral("openSettingsButton") + suffix);
    fields.openSettings->setToolTip(tr("Enter the API key, the server address or the prices"));

    // One line per row, no wrapping: the full explanation of a problem goes under the groups.
    fields.server->setWordWrap(false);
    fields.keyStatus->setWordWrap(false);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(fields.keyStatus, 1);
    keyRow->addWidget(fields.openSettings);
    form->addRow(tr("Provider:"), fields.provider);
    form->addRow(tr("Model:"), fields.model);
    form->addRow(tr("Server:"), fields.server);
    form->addRow(tr("API key:"), keyRow);

    connect(fields.provider, &QComboBox::currentIndexChanged, this, [this, &fields] { providerChanged(fields); });
    connect(fields.model, &QLineEdit::textChanged, this, [this] { refresh(); });
    connect(fields.openSettings, &QPushButton::clicked, this, &GradeSetupDialog::openSettings);
}

void GradeSetupDialog::reloadSettings()
{
    const QSignalBlocker blockDual(m_dualRadio);
    (m_settings->isDualMode() ? m_dualRadio : m_singleRadio)->setChecked(true);
    loadModel(m_modelA);
    loadModel(m_modelB);
    replan();
    readKey(providerOf(m_modelA));
    if (isDual())
        readKey(providerOf(m_modelB));
    refresh();
}

void GradeSetupDialog::loadModel(ModelFields &fields)
{
    const QString provider = m_settings->provider(fields.slot);
    {
        const QSignalBlocker block(fields.provider);
        fields.provider->setCurrentIndex(std::max(0, fields.provider->findData(provider)));
    }
    fields.shownProvider = providerOf(fields);
    fields.model->setText(m_settings->model(fields.slot));
    providerChanged(fields);
}

void GradeSetupDialog::providerChanged(ModelFields &fields)
{
    const QString provider = providerOf(fields);
    const QString model = fields.model->text().trimmed();
    // A model name that was only the previous provider's default follows the new provider.
    if (provider != fields.shownProvider
        && (model.isEmpty() || model == AppSettings::defaultModel(fields.shownProvider)))
        fields.model->setText(AppSettings::defaultModel(provider));
    fields.shownProvider = provider;
    const QString defaultModel = AppSettings::defaultModel(provider);
    fields.model->setPlaceholderText(defaultModel.isEmpty() ? tr("for example llama3.2-vision")
                                                            : tr("for example %1").arg(defaultModel));
    if (fields.slot == ModelSlot::A || isDual())
        readKey(provider);
    refresh();
}

QString GradeSetupDialog::providerOf(const ModelFields &fields) const
{
    return fields.provider->currentData().toString();
}

QString GradeSetupDialog::baseUrlOf(const ModelFields &fields) const
{
    // The address in Settings belongs to the provider chosen there; another provider gets its default.
    if (providerOf(fields) == m_settings->provider(fields.slot))
        return m_settings->baseUrl(fields.slot);
    return {};
}

ProviderConfig GradeSetupDialog::configOf(const ModelFields &fields) const
{
    ProviderConfig config;
    const QString provider = providerOf(fields);
    config.kind = providerKindFromString(provider);
    config.model = fields.model->text().trimmed();
    const QString url = baseUrlOf(fields);
    if (!url.isEmpty())
        config.baseUrl = QUrl(url);
    config.apiKey = m_keys.value(provider);
    config.timeoutMs = m_settings->timeoutSeconds() * 1000;
    return config;
}

bool GradeSetupDialog::isDual() const
{
    return m_dualRadio->isChecked();
}

bool GradeSetupDialog::isRegrade() const
{
    return m_regradeCheck->isChecked();
}

int GradeSetupDialog::questionsToGrade() const
{
    int questions = 0;
    for (const PlannedWork &work : m_plan)
        questions += int(work.questionIds.size());
    return questions;
}

bool GradeSetupDialog::isBatch() const
{
    return m_batchCheck && m_batchCheck->isEnabled() && m_batchCheck->isChecked();
}

GradingOptions GradeSetupDialog::options() const
{
    GradingOptions options;
    options.dual = isDual();
    options.modelA = configOf(m_modelA);
    if (options.dual)
        options.modelB = configOf(m_modelB);
    options.concurrency = m_settings->concurrency();
    options.maxAttempts = m_settings->maxAttempts();
    options.regrade = isRegrade();
    options.tolerance.points = m_settings->dualTolerancePoints();
    options.tolerance.fraction = m_settings->dualTolerancePercent() / 100.0;
    options.anonymize = m_maskCheck->isChecked();
    options.perQuestion = m_perQuestionCheck->isEnabled() && m_perQuestionCheck->isChecked();
    options.usePrices(prices());
    return options;
}

bool GradeSetupDialog::needsKey(const QString &provider) const
{
    return provider != compatible;
}

bool GradeSetupDialog::isReady() const
{
    if (isReadingKeys() || m_plan.isEmpty())
        return false;
    const QList<const ModelFields *> used = isDual() ? QList<const ModelFields *>{&m_modelA, &m_modelB}
                                                     : QList<const ModelFields *>{&m_modelA};
    for (const ModelFields *fields : used) {
        if (!configOf(*fields).validate())
            return false;
    }
    return true;
}

void GradeSetupDialog::readKey(const QString &provider)
{
    if (!m_secrets || provider.isEmpty() || m_pendingKeys.contains(provider))
        return;
    m_pendingKeys.insert(provider);
    m_secrets->read(provider);
}

void GradeSetupDialog::keyRead(const QString &provider, const QString &key, SecretLocation where)
{
    m_pendingKeys.remove(provider);
    m_keyErrors.remove(provider);
    if (where == SecretLocation::None)
        m_keys.remove(provider);
    else
        m_keys.insert(provider, key);
    m_keyLocations.insert(provider, where);
    refresh();
}

void GradeSetupDialog::keyFailed(const QString &provider, const QString &message)
{
    if (!m_pendingKeys.remove(provider))
        return;
    m_keys.remove(provider);
    m_keyLocations.insert(provider, SecretLocation::None);
    m_keyErrors.insert(provider, message);
    refresh();
}

void GradeSetupDialog::openSettings()
{
    if (!m_secrets)
        return;
    auto *dialog = new SettingsDialog(m_settings, m_secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setCurrentPage(SettingsDialog::Page::Keys);
    connect(dialog, &SettingsDialog::settingsSaved, this, [this] {
        // The choices made here stay; keys, addresses, prices and limits come from the new settings.
        m_keyErrors.clear();
        readKey(providerOf(m_modelA));
        if (isDual())
            readKey(providerOf(m_modelB));
        refresh();
        emit settingsChanged();
    });
    dialog->open();
}

void GradeSetupDialog::replan()
{
    m_plan = GradingPlan::build(m_snapshot.exam, m_snapshot.copies, m_snapshot.grades, isRegrade());
    QSet<qint64> planned;
    for (const PlannedWork &work : std::as_const(m_plan))
        planned.insert(work.copyId);

    QHash<qint64, QSet<QString>> teacherGraded;
    for (const QuestionGrade &grade : m_snapshot.grades) {
        if (grade.source == GradeSource::Teacher)
            teacherGraded[grade.copyId].insert(grade.questionId);
    }
    m_skippedByTeacher = 0;
    m_skippedByModel = 0;
    m_failedBefore = 0;
    for (const Copy &copy : m_snapshot.copies) {
        if (copy.pages.isEmpty())
            continue;
        if (planned.contains(copy.id)) {
            if (copy.status == CopyStatus::Failed)
                ++m_failedBefore;
            continue;
        }
        if (teacherGraded.value(copy.id).size() >= m_snapshot.exam.questions.size())
            ++m_skippedByTeacher;
        else
            ++m_skippedByModel;
    }
}

void GradeSetupDialog::refresh()
{
    const bool dual = isDual();
    m_modelB.group->setEnabled(dual);
    m_modeHint->setText(dual ? tr("Each copy is graded by both models. Where they disagree beyond the tolerance, "
                                  "the question is flagged for you to decide.")
                             : tr("Each copy is graded once. Two models cost twice as much but flag the answers "
                                  "they disagree on."));
    refreshKeyStatus(m_modelA);
    refreshKeyStatus(m_modelB);

    const QLocale locale;
    const int copies = copiesToGrade();
    if (copies == 0) {
        m_copiesLabel->setText(tr("Nothing to grade: every copy already has a grade."));
    } else {
        m_copiesLabel->setText(tr("Copies to grade: %1 of %2 (%3 questions)")
                                   .arg(locale.toString(copies), locale.toString(m_snapshot.copies.size()),
                                        locale.toString(questionsToGrade())));
    }
    QStringList skipped;
    if (m_skippedByModel > 0)
        skipped.append(tr("Skipped, already graded by a model: %1").arg(locale.toString(m_skippedByModel)));
    if (m_skippedByTeacher > 0)
        skipped.append(tr("Skipped, graded by you: %1").arg(locale.toString(m_skippedByTeacher)));
    if (m_failedBefore > 0)
        skipped.append(tr("Failed last time, graded again: %1").arg(locale.toString(m_failedBefore)));
    if (skipped.isEmpty())
        skipped.append(tr("No copy is skipped."));
    m_skippedLabel->setText(skipped.join(QLatin1Char('\n')));
    m_regradeCheck->setEnabled(m_skippedByModel > 0 || isRegrade());

    // Compatible servers have no Batch API.
    bool batchPossible = providerOf(m_modelA) != QLatin1String("compatible");
    if (dual)
        batchPossible = batchPossible && providerOf(m_modelB) != QLatin1String("compatible");
    if (!batchPossible)
        m_batchCheck->setChecked(false);
    m_batchCheck->setEnabled(batchPossible);
    refreshEstimate();

    // What stops the start, said once, in the words of the first problem found.
    QString problem;
    if (copies == 0 && !isRegrade() && m_skippedByModel > 0)
        problem = tr("Every copy is already graded. Tick “Regrade copies already graded by a model” to grade them "
                     "again.");
    else if (copies == 0)
        problem = tr("There is no copy to grade.");
    if (problem.isEmpty() && !isReadingKeys()) {
        const QList<const ModelFields *> used = dual ? QList<const ModelFields *>{&m_modelA, &m_modelB}
                                                     : QList<const ModelFields *>{&m_modelA};
        for (const ModelFields *fields : used) {
            const Status valid = configOf(*fields).validate();
            if (!valid) {
                problem = valid.errorString();
                break;
            }
        }
    }
    m_problemLabel->setText(problem);
    m_problemLabel->setVisible(!problem.isEmpty());
    m_startButton->setEnabled(isReady());
    fitHeight();
}

void GradeSetupDialog::fitHeight()
{
    // Texts change after the keys are read; wrapped labels need the height of their new text.
    QLayout *box = layout();
    if (!box)
        return;
    box->activate();
    const int needed = box->hasHeightForWidth() ? box->totalHeightForWidth(width()) : sizeHint().height();
    if (height() < needed)
        resize(width(), needed);
}

void GradeSetupDialog::refreshKeyStatus(ModelFields &fields)
{
    const QString provider = providerOf(fields);
    const bool used = fields.slot == ModelSlot::A || isDual();
    const QString url = baseUrlOf(fields);
    fields.server->setText(url.isEmpty()
                               ? defaultBaseUrl(providerKindFromString(provider)).toString(QUrl::RemoveUserInfo)
                               : url);
    fields.keyStatus->setToolTip(QString());
    bool missing = false;
    if (m_pendingKeys.contains(provider)) {
        fields.keyStatus->setText(tr("looking for it…"));
        setColor(fields.keyStatus, palette().color(QPalette::WindowText));
    } else if (m_keyErrors.contains(provider)) {
        fields.keyStatus->setText(tr("could not be read"));
        fields.keyStatus->setToolTip(m_keyErrors.value(provider));
        missing = true;
    } else if (m_keys.contains(provider)) {
        fields.keyStatus->setText(keyLocationText(m_keyLocations.value(provider), provider));
        setColor(fields.keyStatus, palette().color(QPalette::WindowText));
    } else if (!needsKey(provider)) {
        fields.keyStatus->setText(tr("none (most local servers need none)"));
        setColor(fields.keyStatus, palette().color(QPalette::WindowText));
    } else {
        fields.keyStatus->setText(tr("missing"));
        fields.keyStatus->setToolTip(tr("Enter it in Settings, or set the %1 environment variable.")
                                         .arg(SecretStore::environmentVariable(provider)));
        missing = true;
    }
    if (missing)
        setColor(fields.keyStatus, StatusColor::problem);
    fields.openSettings->setVisible(used && missing && m_secrets);
}

PriceTable GradeSetupDialog::prices() const
{
    return effectivePrices(*m_settings);
}

TokenUsage GradeSetupDialog::estimate(const ProviderConfig &config) const
{
    // Copies asking the same questions with the same number of pages cost the same: estimate each group once.
    struct Group {
        QStringList questionIds;
        int pages = 0;
        int copies = 0;
    };
    QHash<qint64, int> pagesOf;
    for (const Copy &copy : m_snapshot.copies)
        pagesOf.insert(copy.id, int(copy.pages.size()));
    QHash<QString, Group> groups;
    for (const PlannedWork &work : m_plan) {
        const int pages = pagesOf.value(work.copyId);
        Group &group = groups[work.questionIds.join(QLatin1Char('\n')) + QLatin1Char('|') + QString::number(pages)];
        group.questionIds = work.questionIds;
        group.pages = pages;
        ++group.copies;
    }
    TokenUsage total;
    for (const Group &group : std::as_const(groups)) {
        const LlmRequest request = GradingPrompt::build(m_snapshot.exam, group.questionIds, QStringLiteral("Copy"), {});
        const qint64 promptCharacters = request.systemInstruction.size() + request.userText.size()
            + QJsonDocument(request.responseSchema).toJson(QJsonDocument::Compact).size();
        total += TokenEstimator::estimateRun(config.kind, config.model, group.copies, group.pages, typicalPage,
                                             promptCharacters,
                                             outputTokensPerRequest
                                                 + outputTokensPerQuestion * qint64(group.questionIds.size()));
    }
    return total;
}

void GradeSetupDialog::refreshEstimate()
{
    const QLocale locale;
    if (m_plan.isEmpty()) {
        m_tokensLabel->setText(QStringLiteral("—"));
        m_costLabel->setText(QStringLiteral("—"));
        return;
    }
    const PriceTable table = prices();
    TokenUsage usage;
    double cost = 0.0;
    QStringList unpriced;
    const QList<const ModelFields *> used = isDual() ? QList<const ModelFields *>{&m_modelA, &m_modelB}
                                                     : QList<const ModelFields *>{&m_modelA};
    for (const ModelFields *fields : used) {
        const ProviderConfig config = configOf(*fields);
        const TokenUsage one = estimate(config);
        usage += one;
        if (table.hasPrice(config.model))
            cost += table.cost(config.model, one);
        else if (!config.model.isEmpty())
            unpriced.append(config.model);
    }
    m_tokensLabel->setText(tr("about %1 sent, %2 received")
                               .arg(locale.toString(roughly(usage.input)), locale.toString(roughly(usage.output))));
    if (isBatch())
        cost /= 2; // the Batch APIs bill half the list price
    const QString money = PriceTable::formatUsd(cost);
    if (unpriced.isEmpty() && isBatch()) {
        m_costLabel->setText(tr("about %1 at the batch price").arg(money));
        m_costLabel->setToolTip(tr("Half the list prices, without retries. Your provider's bill is what counts."));
    } else if (unpriced.isEmpty()) {
        m_costLabel->setText(tr("about %1").arg(money));
        m_costLabel->setToolTip(tr("From list prices, without retries. Your provider's bill is what counts."));
    } else if (unpriced.size() == int(used.size())) {
        m_costLabel->setText(tr("unknown: no price set for %1 (Settings › Prices)")
                                 .arg(locale.createSeparatedList(unpriced)));
        m_costLabel->setToolTip(QString());
    } else {
        m_costLabel->setText(tr("about %1, plus %2 (no price set)").arg(money, locale.createSeparatedList(unpriced)));
        m_costLabel->setToolTip(QString());
    }
}

void GradeSetupDialog::saveChoices()
{
    m_settings->setMode(isDual() ? QStringLiteral("dual") : QStringLiteral("single"));
    for (const ModelFields *fields : {&m_modelA, &m_modelB}) {
        if (fields->slot == ModelSlot::B && !isDual())
            continue;
        const QString provider = providerOf(*fields);
        if (provider != m_settings->provider(fields->slot)) {
            m_settings->setProvider(fields->slot, provider);
            m_settings->setBaseUrl(fields->slot, QString());
        }
        m_settings->setModel(fields->slot, fields->model->text().trimmed());
    }
    m_settings->sync();
}

void GradeSetupDialog::accept()
{
    if (!isReady())
        return;
    saveChoices();
    QDialog::accept();
}

} // namespace Corrige::Ui
