#include "ui/dialogs/settingsdialog.h"

#include "ui/widgets/teardown.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace Corrige::Ui {

using namespace Corrige::Core;

namespace {

constexpr int priceModelColumn = 0;
constexpr int priceInputColumn = 1;
constexpr int priceOutputColumn = 2;
constexpr double maxPrice = 100000.0;

const QString gemini = QStringLiteral("gemini");
const QString openai = QStringLiteral("openai");
const QString compatible = QStringLiteral("compatible");
const QString exampleCompatibleUrl = QStringLiteral("http://localhost:11434/v1");
const QString exampleCompatibleModel = QStringLiteral("qwen2.5vl:7b");

QString providerTitle(const QString &provider)
{
    if (provider == gemini)
        return SettingsDialog::tr("Google Gemini");
    if (provider == openai)
        return SettingsDialog::tr("OpenAI");
    return SettingsDialog::tr("OpenAI-compatible server (Ollama, vLLM, llama.cpp)");
}

// localhost, 127.0.0.0/8 or ::1: the only hosts plain http:// may reach.
bool isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 || host == QLatin1String("::1"))
        return true;
    const QStringList parts = host.split(QLatin1Char('.'));
    if (parts.size() != 4 || parts.first() != QLatin1String("127"))
        return false;
    return std::all_of(parts.cbegin(), parts.cend(), [](const QString &part) {
        bool ok = false;
        const int value = part.toInt(&ok);
        return ok && value >= 0 && value <= 255;
    });
}

// Prices are edited in a spin box with enough decimals for cheap models (0.075 $ per million tokens).
class PriceDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        if (index.column() == priceModelColumn)
            return QStyledItemDelegate::createEditor(parent, option, index);
        auto *editor = new QDoubleSpinBox(parent);
        editor->setObjectName(QStringLiteral("priceEditor"));
        editor->setDecimals(4);
        editor->setRange(0.0, maxPrice);
        editor->setSingleStep(0.05);
        editor->setFrame(false);
        return editor;
    }

    QString displayText(const QVariant &value, const QLocale &locale) const override
    {
        if (value.typeId() == QMetaType::Double)
            return locale.toString(value.toDouble(), 'f', QLocale::FloatingPointShortest);
        return QStyledItemDelegate::displayText(value, locale);
    }
};

} // namespace

SettingsDialog::SettingsDialog(AppSettings *settings, SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_secrets(secrets)
{
    Q_ASSERT(settings);
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    setSizeGripEnabled(true);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(buildModelsPage(), tr("&Models"));
    m_tabs->addTab(buildKeysPage(), tr("&Keys"));
    m_tabs->addTab(buildGradingPage(), tr("&Grading"));
    m_tabs->addTab(buildPricesPage(), tr("&Prices"));
    m_tabs->addTab(buildLanguagePage(), tr("&Language"));

    auto *messageRow = new QWidget(this);
    messageRow->setObjectName(QStringLiteral("messageRow"));
    auto *messageLayout = new QHBoxLayout(messageRow);
    messageLayout->setContentsMargins(0, 0, 0, 0);
    auto *messageIcon = new QLabel(messageRow);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    messageIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize));
    messageIcon->setAlignment(Qt::AlignTop);
    m_messageLabel = new QLabel(messageRow);
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    messageLayout->addWidget(messageIcon);
    messageLayout->addWidget(m_messageLabel, 1);
    messageRow->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(messageRow);
    layout->addWidget(m_buttons);

    if (m_secrets) {
        connect(m_secrets, &SecretStore::keyRead, this, &SettingsDialog::keyRead);
        connect(m_secrets, &SecretStore::keyWritten, this, &SettingsDialog::keyWritten);
        connect(m_secrets, &SecretStore::failed, this, &SettingsDialog::keyFailed);
    }

    load();
    resize(sizeHint().expandedTo(QSize(620, 0)));
}

SettingsDialog::~SettingsDialog()
{
    disconnectTeardownSenders(this);
    if (m_secrets)
        disconnect(m_secrets, nullptr, this, nullptr);
}

QWidget *SettingsDialog::buildModelsPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("modelsPage"));
    auto *layout = new QVBoxLayout(page);

    auto *modeForm = new QFormLayout;
    m_modeCombo = new QComboBox(page);
    m_modeCombo->setObjectName(QStringLiteral("modeCombo"));
    m_modeCombo->addItem(tr("One model"), QStringLiteral("single"));
    m_modeCombo->addItem(tr("Two models, compared (dual mode)"), QStringLiteral("dual"));
    m_modeCombo->setToolTip(tr("In dual mode two models grade each copy independently; questions where they "
                               "disagree beyond the tolerance are left for you to decide."));
    modeForm->addRow(tr("Gr&ading mode:"), m_modeCombo);
    layout->addLayout(modeForm);
    connect(m_modeCombo, &QComboBox::currentIndexChanged, this, &SettingsDialog::refreshModeState);

    auto *groupA = new QGroupBox(tr("Model A"), page);
    groupA->setObjectName(QStringLiteral("modelAGroup"));
    buildModelFields(m_modelA, ModelSlot::A, groupA);
    layout->addWidget(groupA);

    auto *groupB = new QGroupBox(tr("Model B (dual mode only)"), page);
    groupB->setObjectName(QStringLiteral("modelBGroup"));
    buildModelFields(m_modelB, ModelSlot::B, groupB);
    layout->addWidget(groupB);

    layout->addStretch(1);
    return page;
}

void SettingsDialog::buildModelFields(ModelFields &fields, ModelSlot slot, QGroupBox *group)
{
    const QString suffix = slot == ModelSlot::A ? QStringLiteral("A") : QStringLiteral("B");
    fields.group = group;
    auto *form = new QFormLayout(group);

    fields.provider = new QComboBox(group);
    fields.provider->setObjectName(QStringLiteral("providerCombo") + suffix);
    for (const QString &provider : AppSettings::providerKinds())
        fields.provider->addItem(providerTitle(provider), provider);

    fields.model = new QLineEdit(group);
    fields.model->setObjectName(QStringLiteral("modelEdit") + suffix);
    fields.model->setClearButtonEnabled(true);
    fields.model->setToolTip(tr("The model's identifier as the provider spells it, for example "
                                "gemini-2.5-flash or gpt-4.1-mini."));

    fields.baseUrl = new QLineEdit(group);
    fields.baseUrl->setObjectName(QStringLiteral("baseUrlEdit") + suffix);
    fields.baseUrl->setClearButtonEnabled(true);
    fields.baseUrl->setToolTip(tr("Leave empty for the provider's official address. Plain http:// is allowed only "
                                  "to this computer."));

    // Slot A and slot B use different mnemonics so each field has its own shortcut, none taken by a tab or
    // a dialog button.
    if (slot == ModelSlot::A) {
        form->addRow(tr("Pro&vider:"), fields.provider);
        form->addRow(tr("Mod&el:"), fields.model);
        form->addRow(tr("Base &URL:"), fields.baseUrl);
    } else {
        form->addRow(tr("P&rovider:"), fields.provider);
        form->addRow(tr("Mo&del:"), fields.model);
        form->addRow(tr("&Base URL:"), fields.baseUrl);
    }

    connect(fields.provider, &QComboBox::currentIndexChanged, this, [this, &fields] { providerChanged(fields); });
}

QWidget *SettingsDialog::buildKeysPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("keysPage"));
    auto *layout = new QVBoxLayout(page);

    const bool keychain = m_secrets && m_secrets->isKeychainEnabled();
    auto *intro = new QLabel(keychain ? tr("Keys are kept in the system keychain, never in the settings file. Leave "
                                           "a field empty to keep the current key.")
                                      : tr("No system keychain is available: a key entered here is kept in memory "
                                           "until Corrige closes, never in the settings file. To keep a key, set "
                                           "its environment variable. Leave a field empty to keep the current "
                                           "key."),
                             page);
    intro->setObjectName(QStringLiteral("keysIntroLabel"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    QWidget *previous = nullptr;
    for (const QString &provider : AppSettings::providerKinds()) {
        auto *group = new QGroupBox(providerTitle(provider), page);
        group->setObjectName(QStringLiteral("keyGroup_") + provider);
        auto *form = new QFormLayout(group);
        KeyFields fields;

        fields.key = new QLineEdit(group);
        fields.key->setObjectName(QStringLiteral("keyEdit_") + provider);
        fields.key->setEchoMode(QLineEdit::Password);
        fields.key->setClearButtonEnabled(true);
        fields.key->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText
                                        | Qt::ImhNoAutoUppercase);
        fields.key->setPlaceholderText(tr("Paste a new key to replace the current one"));
        fields.key->setAccessibleName(tr("API key for %1").arg(providerTitle(provider)));

        fields.keychain = new QCheckBox(tr("Save in the system keychain"), group);
        fields.keychain->setObjectName(QStringLiteral("keychainCheck_") + provider);
        fields.keychain->setChecked(keychain);
        fields.keychain->setToolTip(tr("Unchecked, the key is used until Corrige closes and then forgotten."));

        fields.status = new QLabel(tr("Looking for the key…"), group);
        fields.status->setObjectName(QStringLiteral("keyStatus_") + provider);
        fields.status->setWordWrap(true);
        fields.status->setForegroundRole(QPalette::PlaceholderText);
        fields.forget = new QPushButton(tr("Forget key"), group);
        fields.forget->setObjectName(QStringLiteral("forgetKeyButton_") + provider);
        fields.forget->setToolTip(tr("Delete the key of %1 from the keychain and from memory.")
                                      .arg(providerTitle(provider)));
        fields.forget->setEnabled(false);
        auto *statusRow = new QHBoxLayout;
        statusRow->addWidget(fields.status, 1);
        statusRow->addWidget(fields.forget);

        fields.problem = new QLabel(group);
        fields.problem->setObjectName(QStringLiteral("keyProblem_") + provider);
        fields.problem->setWordWrap(true);
        fields.problem->setTextFormat(Qt::PlainText);
        fields.problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
        fields.problem->hide();

        // One mnemonic per provider for its key field.
        QString label;
        if (provider == gemini)
            label = tr("Gem&ini key:");
        else if (provider == openai)
            label = tr("Op&enAI key:");
        else
            label = tr("&Server key:");
        form->addRow(label, fields.key);
        form->addRow(QString(), fields.keychain);
        form->setRowVisible(fields.keychain, keychain); // without a keychain the intro says where keys go
        form->addRow(QString(), statusRow);
        form->addRow(QString(), fields.problem);

        if (previous)
            setTabOrder(previous, fields.key);
        setTabOrder(fields.key, fields.keychain);
        setTabOrder(fields.keychain, fields.forget);
        previous = fields.forget;

        connect(fields.forget, &QPushButton::clicked, this, [this, provider] { forgetKey(provider); });
        m_keys.insert(provider, fields);
        layout->addWidget(group);
    }
    layout->addStretch(1);
    return page;
}

QWidget *SettingsDialog::buildGradingPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("gradingPage"));
    auto *layout = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);

    m_concurrencySpin = new QSpinBox(page);
    m_concurrencySpin->setObjectName(QStringLiteral("concurrencySpin"));
    m_concurrencySpin->setRange(AppSettings::minConcurrency, AppSettings::maxConcurrency);
    m_concurrencySpin->setToolTip(tr("At most this many requests are sent at once. Corrige slows down by itself "
                                     "when a provider limits the rate."));
    form->addRow(tr("&Requests at the same time:"), m_concurrencySpin);

    m_attemptsSpin = new QSpinBox(page);
    m_attemptsSpin->setObjectName(QStringLiteral("attemptsSpin"));
    m_attemptsSpin->setRange(AppSettings::minMaxAttempts, AppSettings::maxMaxAttempts);
    m_attemptsSpin->setToolTip(tr("How many times a copy is sent before it is marked as failed, the first "
                                  "attempt included. Failed copies can be graded again later."));
    form->addRow(tr("&Attempts per copy:"), m_attemptsSpin);

    m_timeoutSpin = new QSpinBox(page);
    m_timeoutSpin->setObjectName(QStringLiteral("timeoutSpin"));
    m_timeoutSpin->setRange(AppSettings::minTimeoutSeconds, AppSettings::maxTimeoutSeconds);
    m_timeoutSpin->setSingleStep(10);
    //: Suffix of a number of seconds
    m_timeoutSpin->setSuffix(tr(" s"));
    form->addRow(tr("&Time allowed per request:"), m_timeoutSpin);

    m_tolerancePointsSpin = new QDoubleSpinBox(page);
    m_tolerancePointsSpin->setObjectName(QStringLiteral("tolerancePointsSpin"));
    m_tolerancePointsSpin->setRange(0.0, 100.0);
    m_tolerancePointsSpin->setDecimals(2);
    m_tolerancePointsSpin->setSingleStep(0.25);
    //: Suffix of a number of points in a grade
    m_tolerancePointsSpin->setSuffix(tr(" pt"));
    form->addRow(tr("Dual mode tolerance, poi&nts:"), m_tolerancePointsSpin);

    m_tolerancePercentSpin = new QDoubleSpinBox(page);
    m_tolerancePercentSpin->setObjectName(QStringLiteral("tolerancePercentSpin"));
    m_tolerancePercentSpin->setRange(0.0, 100.0);
    m_tolerancePercentSpin->setDecimals(1);
    m_tolerancePercentSpin->setSingleStep(1.0);
    m_tolerancePercentSpin->setSuffix(tr(" %"));
    form->addRow(tr("Dual mode tolerance, % of the &question:"), m_tolerancePercentSpin);

    auto *toleranceNote = new QLabel(tr("Two grades agree when they differ by at most the larger of the two "
                                        "tolerances; otherwise the question is left for you to decide."),
                                     page);
    toleranceNote->setObjectName(QStringLiteral("toleranceNote"));
    toleranceNote->setWordWrap(true);
    toleranceNote->setForegroundRole(QPalette::PlaceholderText);
    layout->addLayout(form);
    layout->addWidget(toleranceNote);
    layout->addSpacing(style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing, nullptr, this));

    m_anonymiseCheck = new QCheckBox(tr("&Hide student names from the models in new sessions"), page);
    m_anonymiseCheck->setObjectName(QStringLiteral("anonymiseCheck"));
    m_anonymiseCheck->setToolTip(tr("A mask hides the name area of each first page, and copies are sent under a "
                                    "pseudonym."));
    layout->addWidget(m_anonymiseCheck);
    layout->addStretch(1);
    return page;
}

QWidget *SettingsDialog::buildPricesPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("pricesPage"));
    auto *layout = new QVBoxLayout(page);

    auto *intro = new QLabel(tr("Prices in US dollars per million tokens, for the cost shown during grading. "
                                "They replace Corrige's built-in prices for these models."),
                             page);
    intro->setObjectName(QStringLiteral("pricesIntroLabel"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_priceTable = new QTableWidget(0, 3, page);
    m_priceTable->setObjectName(QStringLiteral("priceTable"));
    m_priceTable->setHorizontalHeaderLabels({tr("Model"), tr("Input ($ / M tokens)"), tr("Output ($ / M tokens)")});
    m_priceTable->setItemDelegate(new PriceDelegate(m_priceTable));
    m_priceTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_priceTable->setAlternatingRowColors(true);
    m_priceTable->setTabKeyNavigation(false);
    m_priceTable->verticalHeader()->hide();
    m_priceTable->horizontalHeader()->setSectionResizeMode(priceModelColumn, QHeaderView::Stretch);
    m_priceTable->horizontalHeader()->setSectionResizeMode(priceInputColumn, QHeaderView::ResizeToContents);
    m_priceTable->horizontalHeader()->setSectionResizeMode(priceOutputColumn, QHeaderView::ResizeToContents);
    m_priceTable->setAccessibleName(tr("Price per model"));
    layout->addWidget(m_priceTable, 1);

    auto *buttons = new QHBoxLayout;
    m_addPriceButton = new QPushButton(tr("A&dd model"), page);
    m_addPriceButton->setObjectName(QStringLiteral("addPriceButton"));
    m_removePriceButton = new QPushButton(tr("&Remove"), page);
    m_removePriceButton->setObjectName(QStringLiteral("removePriceButton"));
    m_removePriceButton->setEnabled(false);
    buttons->addWidget(m_addPriceButton);
    buttons->addWidget(m_removePriceButton);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(m_addPriceButton, &QPushButton::clicked, this, [this] {
        addPriceRow();
        const int row = m_priceTable->rowCount() - 1;
        m_priceTable->setCurrentCell(row, priceModelColumn);
        m_priceTable->setFocus();
        m_priceTable->editItem(m_priceTable->item(row, priceModelColumn));
    });
    connect(m_removePriceButton, &QPushButton::clicked, this, &SettingsDialog::removeSelectedPriceRows);
    connect(m_priceTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_removePriceButton->setEnabled(m_priceTable->selectionModel()->hasSelection()); });
    return page;
}

QWidget *SettingsDialog::buildLanguagePage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("languagePage"));
    auto *layout = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);

    m_languageCombo = new QComboBox(page);
    m_languageCombo->setObjectName(QStringLiteral("languageCombo"));
    m_languageCombo->addItem(tr("Same as the system"), QString());
    // Each language is named in itself, so it can be found whatever the current language.
    m_languageCombo->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    form->addRow(tr("&Interface language:"), m_languageCombo);
    layout->addLayout(form);

    auto *note = new QLabel(tr("The new language is used the next time Corrige starts."), page);
    note->setObjectName(QStringLiteral("languageNote"));
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(note);
    layout->addStretch(1);
    return page;
}

void SettingsDialog::load()
{
    m_modeCombo->setCurrentIndex(std::max(0, m_modeCombo->findData(m_settings->mode())));
    for (auto [fields, slot] : {std::pair{&m_modelA, ModelSlot::A}, std::pair{&m_modelB, ModelSlot::B}}) {
        const QString provider = m_settings->provider(slot);
        const QSignalBlocker blocker(fields->provider);
        fields->provider->setCurrentIndex(std::max(0, fields->provider->findData(provider)));
        fields->shownProvider = provider;
        fields->model->setText(m_settings->model(slot));
        fields->baseUrl->setText(m_settings->baseUrl(slot));
        providerChanged(*fields);
    }
    refreshModeState();

    m_concurrencySpin->setValue(m_settings->concurrency());
    m_attemptsSpin->setValue(m_settings->maxAttempts());
    m_timeoutSpin->setValue(m_settings->timeoutSeconds());
    m_tolerancePointsSpin->setValue(m_settings->dualTolerancePoints());
    m_tolerancePercentSpin->setValue(m_settings->dualTolerancePercent());
    m_anonymiseCheck->setChecked(m_settings->anonymiseByDefault());

    const AppSettings::PriceTable prices = m_settings->priceOverrides();
    for (auto it = prices.cbegin(); it != prices.cend(); ++it)
        addPriceRow(it.key(), it.value().first, it.value().second);

    m_languageCombo->setCurrentIndex(std::max(0, m_languageCombo->findData(m_settings->uiLanguage())));

    for (const QString &provider : AppSettings::providerKinds()) {
        if (m_secrets)
            m_secrets->read(provider);
        else
            m_keys[provider].status->setText(tr("Keys cannot be changed here."));
    }
}

void SettingsDialog::providerChanged(ModelFields &fields)
{
    const QString provider = fields.provider->currentData().toString();
    const QString model = fields.model->text().trimmed();
    // A model name that was only the previous provider's default follows the new provider.
    if (provider != fields.shownProvider
        && (model.isEmpty() || model == AppSettings::defaultModel(fields.shownProvider)))
        fields.model->setText(AppSettings::defaultModel(provider));
    fields.shownProvider = provider;

    const QString defaultModel = AppSettings::defaultModel(provider);
    fields.model->setPlaceholderText(tr("for example %1")
                                         .arg(defaultModel.isEmpty() ? exampleCompatibleModel : defaultModel));
    const QString defaultUrl = AppSettings::defaultBaseUrl(provider);
    fields.baseUrl->setPlaceholderText(defaultUrl.isEmpty() ? tr("for example %1").arg(exampleCompatibleUrl)
                                                            : tr("default: %1").arg(defaultUrl));
}

void SettingsDialog::refreshModeState()
{
    m_modelB.group->setEnabled(m_modeCombo->currentData().toString() == QLatin1String("dual"));
}

void SettingsDialog::addPriceRow(const QString &model, double input, double output)
{
    const int row = m_priceTable->rowCount();
    m_priceTable->insertRow(row);
    m_priceTable->setItem(row, priceModelColumn, new QTableWidgetItem(model));
    for (const auto &[column, value] : {std::pair{priceInputColumn, input}, std::pair{priceOutputColumn, output}}) {
        auto *item = new QTableWidgetItem;
        item->setData(Qt::EditRole, value);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_priceTable->setItem(row, column, item);
    }
}

void SettingsDialog::removeSelectedPriceRows()
{
    QList<int> rows;
    for (const QModelIndex &index : m_priceTable->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (const int row : rows)
        m_priceTable->removeRow(row);
}

void SettingsDialog::setCurrentPage(Page page)
{
    m_tabs->setCurrentIndex(static_cast<int>(page));
}

SettingsDialog::Page SettingsDialog::currentPage() const
{
    return static_cast<Page>(m_tabs->currentIndex());
}

void SettingsDialog::clearProblems()
{
    m_messageLabel->clear();
    m_messageLabel->parentWidget()->hide();
    for (auto it = m_keys.begin(); it != m_keys.end(); ++it) {
        it->problem->clear();
        it->problem->hide();
    }
    m_keyProblems.clear();
}

void SettingsDialog::showProblem(Page page, QWidget *field, const QString &message)
{
    m_messageLabel->setText(message);
    m_messageLabel->parentWidget()->show();
    setCurrentPage(page);
    if (field)
        field->setFocus(Qt::OtherFocusReason);
}

bool SettingsDialog::validate()
{
    const bool dual = m_modeCombo->currentData().toString() == QLatin1String("dual");
    for (const auto &[fields, name] : {std::pair{&m_modelA, tr("model A")}, std::pair{&m_modelB, tr("model B")}}) {
        if (fields == &m_modelB && !dual)
            continue;
        const QString provider = fields->provider->currentData().toString();
        if (provider == compatible && fields->model->text().trimmed().isEmpty()) {
            showProblem(Page::Models, fields->model,
                        tr("Enter the name of the model the server serves for %1, for example %2.")
                            .arg(name, exampleCompatibleModel));
            return false;
        }
        const QString text = fields->baseUrl->text().trimmed();
        if (text.isEmpty()) {
            if (provider == compatible) {
                showProblem(Page::Models, fields->baseUrl,
                            tr("An OpenAI-compatible server needs its address for %1, for example %2 for Ollama.")
                                .arg(name, exampleCompatibleUrl));
                return false;
            }
            continue;
        }
        const QUrl url(text, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty()
            || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
            showProblem(Page::Models, fields->baseUrl,
                        tr("The base URL of %1, “%2”, is not a web address. Write it like "
                           "https://example.com/v1, or leave it empty for the provider's default.")
                            .arg(name, text));
            return false;
        }
        if (scheme == QLatin1String("http") && !isLoopback(url.host())) {
            showProblem(Page::Models, fields->baseUrl,
                        tr("The base URL of %1 uses plain http:// to another computer, which would send your key "
                           "unencrypted. Use https://, or http:// only to localhost.")
                            .arg(name));
            return false;
        }
    }

    QSet<QString> models;
    for (int row = 0; row < m_priceTable->rowCount(); ++row) {
        const QTableWidgetItem *item = m_priceTable->item(row, priceModelColumn);
        const QString model = item ? item->text().trimmed() : QString();
        if (model.isEmpty())
            continue;
        if (models.contains(model)) {
            showProblem(Page::Prices, m_priceTable,
                        tr("The model “%1” appears twice in the price table. Keep one row.").arg(model));
            m_priceTable->setCurrentCell(row, priceModelColumn);
            return false;
        }
        models.insert(model);
    }
    return true;
}

bool SettingsDialog::save()
{
    const QString previousLanguage = m_settings->uiLanguage();

    m_settings->setMode(m_modeCombo->currentData().toString());
    for (auto [fields, slot] : {std::pair{&m_modelA, ModelSlot::A}, std::pair{&m_modelB, ModelSlot::B}}) {
        m_settings->setProvider(slot, fields->provider->currentData().toString());
        const QString model = fields->model->text().trimmed();
        // The provider's default is not pinned, so a later default follows.
        m_settings->setModel(slot, model == AppSettings::defaultModel(fields->provider->currentData().toString())
                                       ? QString()
                                       : model);
        m_settings->setBaseUrl(slot, fields->baseUrl->text());
    }
    m_settings->setConcurrency(m_concurrencySpin->value());
    m_settings->setMaxAttempts(m_attemptsSpin->value());
    m_settings->setTimeoutSeconds(m_timeoutSpin->value());
    m_settings->setDualTolerancePoints(m_tolerancePointsSpin->value());
    m_settings->setDualTolerancePercent(m_tolerancePercentSpin->value());
    m_settings->setAnonymiseByDefault(m_anonymiseCheck->isChecked());

    AppSettings::PriceTable prices;
    for (int row = 0; row < m_priceTable->rowCount(); ++row) {
        const QTableWidgetItem *model = m_priceTable->item(row, priceModelColumn);
        const QTableWidgetItem *input = m_priceTable->item(row, priceInputColumn);
        const QTableWidgetItem *output = m_priceTable->item(row, priceOutputColumn);
        if (!model || model->text().trimmed().isEmpty() || !input || !output)
            continue;
        prices.insert(model->text().trimmed(),
                      qMakePair(input->data(Qt::EditRole).toDouble(), output->data(Qt::EditRole).toDouble()));
    }
    m_settings->setPriceOverrides(prices);

    const QString language = m_languageCombo->currentData().toString();
    m_settings->setUiLanguage(language);

    if (!m_settings->sync()) {
        showProblem(currentPage(), nullptr,
                    tr("The settings could not be written to %1. Check that the folder exists and that you may "
                       "write to it.")
                        .arg(m_settings->store()->fileName()));
        return false;
    }
    Q_EMIT settingsSaved();
    if (language != previousLanguage)
        Q_EMIT languageChanged(language);
    return true;
}

void SettingsDialog::accept()
{
    if (isSaving())
        return;
    clearProblems();
    if (!validate())
        return;
    if (!save())
        return;

    writeKeys();
    if (isSaving()) {
        m_closeWhenWritten = true;
        setBusy(true);
        return;
    }
    if (m_keyProblems.isEmpty())
        QDialog::accept();
}

void SettingsDialog::reject()
{
    m_closeWhenWritten = false;
    QDialog::reject();
}

void SettingsDialog::writeKeys()
{
    if (!m_secrets)
        return;
    for (const QString &provider : AppSettings::providerKinds()) {
        const KeyFields &fields = m_keys[provider];
        const QString key = fields.key->text().trimmed();
        if (key.isEmpty())
            continue;
        m_pendingWrites.insert(provider);
        m_secrets->write(provider, key, fields.keychain->isChecked());
    }
}

void SettingsDialog::forgetKey(const QString &provider)
{
    if (!m_secrets || m_pendingForgets.contains(provider))
        return;
    m_pendingForgets.insert(provider);
    KeyFields &fields = m_keys[provider];
    fields.problem->hide();
    fields.forget->setEnabled(false);
    fields.status->setText(tr("Forgetting the key…"));
    m_secrets->remove(provider);
}

void SettingsDialog::refreshKeyStatus(const QString &provider)
{
    if (!m_secrets || !m_keys.contains(provider))
        return;
    KeyFields &fields = m_keys[provider];
    const SecretLocation where = m_secrets->cachedLocation(provider);
    fields.status->setText(SecretStore::describe(where, provider));
    fields.forget->setEnabled(!m_pendingForgets.contains(provider)
                              && (where == SecretLocation::Keychain || where == SecretLocation::Memory));
}

void SettingsDialog::setKeyProblem(const QString &provider, const QString &message)
{
    if (!m_keys.contains(provider))
        return;
    KeyFields &fields = m_keys[provider];
    fields.problem->setText(message);
    fields.problem->setVisible(!message.isEmpty());
}

void SettingsDialog::setBusy(bool busy)
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    for (auto it = m_keys.cbegin(); it != m_keys.cend(); ++it)
        it->key->setReadOnly(busy);
    if (busy) {
        m_messageLabel->setText(tr("Saving the keys…"));
        m_messageLabel->parentWidget()->show();
    }
}

void SettingsDialog::keyOperationFinished(const QString &provider)
{
    m_pendingWrites.remove(provider);
    if (!m_pendingWrites.isEmpty() || !m_closeWhenWritten)
        return;
    m_closeWhenWritten = false;
    setBusy(false);
    if (m_keyProblems.isEmpty()) {
        QDialog::accept();
        return;
    }
    showProblem(Page::Keys, nullptr,
                tr("The other settings are saved. A key needs your attention: see the message under it, then "
                   "press OK again or Cancel."));
    for (const QString &kind : AppSettings::providerKinds()) {
        if (m_keyProblems.contains(kind)) {
            m_keys[kind].key->setFocus(Qt::OtherFocusReason);
            break;
        }
    }
}

void SettingsDialog::keyRead(const QString &provider, const QString &, SecretLocation)
{
    refreshKeyStatus(provider);
}

void SettingsDialog::keyWritten(const QString &provider, SecretLocation, const QString &warning)
{
    if (!m_keys.contains(provider))
        return;
    if (m_pendingForgets.remove(provider)) {
        refreshKeyStatus(provider);
        setKeyProblem(provider, warning);
        return;
    }
    refreshKeyStatus(provider);
    if (!m_pendingWrites.contains(provider))
        return;
    m_keys[provider].key->clear();
    if (!warning.isEmpty()) {
        setKeyProblem(provider, warning);
        m_keyProblems.insert(provider);
    }
    keyOperationFinished(provider);
}

void SettingsDialog::keyFailed(const QString &provider, const QString &message)
{
    if (!m_keys.contains(provider))
        return;
    setKeyProblem(provider, message);
    if (m_pendingForgets.remove(provider)) {
        refreshKeyStatus(provider);
        return;
    }
    if (m_pendingWrites.contains(provider)) {
        m_keyProblems.insert(provider);
        keyOperationFinished(provider);
        return;
    }
    m_keys[provider].status->setText(tr("The current key could not be read."));
}

} // namespace Corrige::Ui
