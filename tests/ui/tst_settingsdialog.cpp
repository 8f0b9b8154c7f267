#include "core/secrets/secretstore.h"
#include "core/settings/appsettings.h"
#include "ui/dialogs/settingsdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGroupBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace Corrige;
using Core::AppSettings;
using Core::ModelSlot;
using Core::SecretLocation;
using Core::SecretStore;
using Ui::SettingsDialog;

namespace {

template<typename T>
T *child(QWidget *parent, const QString &name)
{
    auto *widget = parent->findChild<T *>(name);
    if (!widget)
        qWarning("no child named %s", qPrintable(name));
    return widget;
}

void setText(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void typeNumber(QAbstractSpinBox *spin, const QString &text)
{
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, text);
    QTest::keyClick(spin, Qt::Key_Tab);
}

void selectData(QComboBox *combo, const QString &data)
{
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data));
    combo->setCurrentIndex(index);
}

// Distinct colours in a sample of the image: a blank or single-colour grab has one or two.
int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    const int stepX = std::max(1, image.width() / 200);
    const int stepY = std::max(1, image.height() / 200);
    for (int y = 0; y < image.height(); y += stepY)
        for (int x = 0; x < image.width(); x += stepX)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

} // namespace

class TstSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void open_showsTheStoredSettings();
    void accept_savesEveryChangedField();
    void cancel_discardsEverything();
    void modelName_followsTheProviderUnlessChosen();
    void modelB_isEnabledOnlyInDualMode();
    void invalidBaseUrl_keepsTheDialogOpenWithTheReason_data();
    void invalidBaseUrl_keepsTheDialogOpenWithTheReason();
    void duplicatePriceRows_areRefused();
    void priceTable_addAndRemoveRows();
    void keyStatus_saysWhereEachKeyLives();
    void typedKey_isStoredAndNeverWrittenToTheSettingsFile();
    void keyThatCannotBePersisted_keepsTheDialogOpenWithAWarning();
    void forgetKey_removesTheKeyFromMemory();
    void languageChange_isSignalled();
    void everyLabelWithAMnemonic_hasABuddy();
    void everyField_hasAnObjectName();
    void tabOrder_followsTheForm();
    void screenshot_isNotBlank();

private:
    std::unique_ptr<SettingsDialog> openDialog();
    AppSettings rereadSettings() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_ini;
    std::unique_ptr<QSettings> m_reread;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
};

void TstSettingsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("QT_SCALE_FACTOR", "1");
}

void TstSettingsDialog::init()
{
    for (const char *variable : {"GEMINI_API_KEY", "OPENAI_API_KEY", "CORRIGE_API_KEY"})
        qunsetenv(variable);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_ini = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("corrige.ini")), QSettings::IniFormat);
    m_settings = std::make_unique<AppSettings>(m_ini.get());
    m_secrets = std::make_unique<SecretStore>();
    m_secrets->setKeychainEnabled(false);
}

void TstSettingsDialog::cleanup()
{
    m_secrets.reset();
    m_settings.reset();
    m_reread.reset();
    m_ini.reset();
    m_dir.reset();
    for (const char *variable : {"GEMINI_API_KEY", "OPENAI_API_KEY", "CORRIGE_API_KEY"})
        qunsetenv(variable);
}

std::unique_ptr<SettingsDialog> TstSettingsDialog::openDialog()
{
    auto dialog = std::make_unique<SettingsDialog>(m_settings.get(), m_secrets.get());
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get()))
        qWarning("the settings dialog was not exposed");
    return dialog;
}

// What a fresh reader of the file sees: proves the values reached the disk.
AppSettings TstSettingsDialog::rereadSettings() const
{
    m_ini->sync();
    auto *self = const_cast<TstSettingsDialog *>(this);
    self->m_reread = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("corrige.ini")), QSettings::IniFormat);
    return AppSettings(m_reread.get());
}

void TstSettingsDialog::open_showsTheStoredSettings()
{
    m_settings->setMode(QStringLiteral("dual"));
    m_settings->setProvider(ModelSlot::B, QStringLiteral("compatible"));
    m_settings->setModel(ModelSlot::B, QStringLiteral("qwen2.5vl:7b"));
    m_settings->setBaseUrl(ModelSlot::B, QStringLiteral("http://127.0.0.1:11434/v1"));
    m_settings->setConcurrency(6);
    m_settings->setMaxAttempts(5);
    m_settings->setTimeoutSeconds(90);
    m_settings->setDualTolerancePoints(1.0);
    m_settings->setDualTolerancePercent(20.0);
    m_settings->setAnonymiseByDefault(false);
    m_settings->setPriceOverrides({{QStringLiteral("gpt-4.1-mini"), qMakePair(0.4, 1.6)}});
    m_settings->setUiLanguage(QStringLiteral("fr"));

    auto dialog = openDialog();
    QCOMPARE(dialog->currentPage(), SettingsDialog::Page::Models);
    QCOMPARE(child<QComboBox>(dialog.get(), QStringLiteral("modeCombo"))->currentData().toString(),
             QStringLiteral("dual"));
    QCOMPARE(child<QComboBox>(dialog.get(), QStringLiteral("providerComboA"))->currentData().toString(),
             QStringLiteral("gemini"));
    QCOMPARE(child<QLineEdit>(dialog.get(), QStringLiteral("modelEditA"))->text(), QStringLiteral("gemini-2.5-flash"));
    QVERIFY(child<QLineEdit>(dialog.get(), QStringLiteral("baseUrlEditA"))->text().isEmpty());
    QVERIFY(child<QLineEdit>(dialog.get(), QStringLiteral("baseUrlEditA"))
                ->placeholderText()
                .contains(QStringLiteral("https://generativelanguage.googleapis.com")));
    QCOMPARE(child<QComboBox>(dialog.get(), QStringLiteral("providerComboB"))->currentData().toString(),
             QStringLiteral("compatible"));
    QCOMPARE(child<QLineEdit>(dialog.get(), QStringLiteral("modelEditB"))->text(), QStringLiteral("qwen2.5vl:7b"));
    QCOMPARE(child<QLineEdit>(dialog.get(), QStringLiteral("baseUrlEditB"))->text(),
             QStringLiteral("http://127.0.0.1:11434/v1"));
    QCOMPARE(child<QSpinBox>(dialog.get(), QStringLiteral("concurrencySpin"))->value(), 6);
    QCOMPARE(child<QSpinBox>(dialog.get(), QStringLiteral("attemptsSpin"))->value(), 5);
    QCOMPARE(child<QSpinBox>(dialog.get(), QStringLiteral("timeoutSpin"))->value(), 90);
    QCOMPARE(child<QDoubleSpinBox>(dialog.get(), QStringLiteral("tolerancePointsSpin"))->value(), 1.0);
    QCOMPARE(child<QDoubleSpinBox>(dialog.get(), QStringLiteral("tolerancePercentSpin"))->value(), 20.0);
    QVERIFY(!child<QCheckBox>(dialog.get(), QStringLiteral("anonymiseCheck"))->isChecked());
    auto *table = child<QTableWidget>(dialog.get(), QStringLiteral("priceTable"));
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("gpt-4.1-mini"));
    QCOMPARE(table->item(0, 1)->data(Qt::EditRole).toDouble(), 0.4);
    QCOMPARE(table->item(0, 2)->data(Qt::EditRole).toDouble(), 1.6);
    QCOMPARE(child<QComboBox>(dialog.get(), QStringLiteral("languageCombo"))->currentData().toString(),
             QStringLiteral("fr"));
    for (const QString &provider : AppSettings::providerKinds())
        QVERIFY(child<QLineEdit>(dialog.get(), QStringLiteral("keyEdit_") + provider)->text().isEmpty());
}

void TstSettingsDialog::accept_savesEveryChangedField()
{
    auto dialog = openDialog();
    QSignalSpy saved(dialog.get(), &SettingsDialog::settingsSaved);
    QSignalSpy finished(dialog.get(), &QDialog::finished);

    selectData(child<QComboBox>(dialog.get(), QStringLiteral("modeCombo")), QStringLiteral("dual"));
    selectData(child<QComboBox>(dialog.get(), QStringLiteral("providerComboA")), QStringLiteral("openai"));
    setText(child<QLineEdit>(dialog.get(), QStringLiteral("modelEditA")), QStringLiteral("gpt-4.1"));
    setText(child<QLineEdit>(dialog.get(), QStringLiteral("baseUrlEditA")),
            QStringLiteral("https://proxy.example.org/v1"));
    selectData(child<QComboBox>(dialog.get(), QStringLiteral("providerComboB")), QStringLiteral("compatible"));
    setText(child<QLineEdit>(dialog.get(), QStringLiteral("modelEditB")), QStringLiteral("llava:13b"));
    setText(child<QLineEdit>(dialog.get(), QStringLiteral("baseUrlEditB")), QStringLiteral("http://localhost:8000/v1"));

    dialog->setCurrentPage(SettingsDialog::Page::Grading);
    typeNumber(child<QSpinBox>(dialog.get(), QStringLiteral("concurrencySpin")), QStringLiteral("12"));
    typeNumber(child<QSpinBox>(dialog.get(), QStringLiteral("attemptsSpin")), QStringLiteral("5"));
    typeNumber(child<QSpinBox>(dialog.get(), QStringLiteral("timeoutSpin")), QStringLiteral("300"));
    child<QDoubleSpinBox>(dialog.get(), QStringLiteral("tolerancePointsSpin"))->setValue(1.25);
    child<QDoubleSpinBox>(dialog.get(), QStringLiteral("tolerancePercentSpin"))->setValue(15.0);
    QTest::mouseClick(child<QCheckBox>(dialog.get(), QStringLiteral("anonymiseCheck")), Qt::LeftButton);

    dialog->setCurrentPage(SettingsDialog::Page::Prices);
    QTest::mouseClick(child<QPushButton>(dialog.get(), QStringLiteral("addPriceButton")), Qt::LeftButton);
    auto *table = child<QTableWidget>(dialog.get(), QStringLiteral("priceTable"));
    QCOMPARE(table->rowCount(), 1);
    QWidget *editor = QApplication::focusWidget();
    QVERIFY(qobject_cast<QLineEdit *>(editor)); // the model cell opens for typing at once
    QTest::keyClicks(editor, QStringLiteral("gpt-4.1"));
    QTest::keyClick(editor, Qt::Key_Return);
    table->item(0, 1)->setData(Qt::EditRole, 2.0);
    table->item(0, 2)->setData(Qt::EditRole, 8.0);

    dialog->setCurrentPage(SettingsDialog::Page::Language);
    selectData(child<QComboBox>(dialog.get(), QStringLiteral("languageCombo")), QStringLiteral("en"));

    QTest::mouseClick(child<QPushButton>(dialog.get(), QStringLiteral("okButton")), Qt::LeftButton);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QCOMPARE(saved.count(), 1);

    const AppSettings back = rereadSettings();
    QCOMPARE(back.mode(), QStringLiteral("dual"));
    QCOMPARE(back.provider(ModelSlot::A), QStringLiteral("openai"));
    QCOMPARE(back.model(ModelSlot::A), QStringLiteral("gpt-4.1"));
    QCOMPARE(back.baseUrl(ModelSlot::A), QStringLiteral("https://proxy.example.org/v1"));
    QCOMPARE(back.provider(ModelSlot::B), QStringLiteral("compatible"));
    QCOMPARE(back.model(ModelSlot::B), QStringLiteral("llava:13b"));
    QCOMPARE(back.baseUrl(ModelSlot::B), QStringLiteral("http://localhost:8000/v1"));
    QCOMPARE(back.concurrency(), 12);
    QCOMPARE(back.maxAttempts(), 5);
    QCOMPARE(back.timeoutSeconds(), 300);
    QCOMPARE(back.dualTolerancePoints(), 1.25);
    QCOMPARE(back.dualTolerancePercent(), 15.0);
    QVERIFY(!back.anonymiseByDefault());
    QCOMPARE(back.priceOverrides().size(), 1);
    QCOMPARE(back.priceOverrides().value(QStringLiteral("gpt-4.1")), qMakePair(2.0, 8.0));
    QCOMPARE(back.uiLanguage(), QStringLiteral("en"));
}

void TstSettingsDialog::cancel_discardsEverything()
{
    m_settings->setConcurrency(3);
    QVERIFY(m_settings->sync());
    const QStringList keysBefore = m_ini->allKeys();

    auto dialog = openDialog();
    QSignalSpy saved(dialog.get(), &SettingsDialog::settingsSaved);
    QSignalSpy written(m_secrets.get(), &SecretStore::keyWritten);
    selectData(child<QComboBox>(dialog.get(), QStringLiteral("modeCombo")), QStringLiteral("dual"));
    setText(child<QLineEdit>(dialog.get(), QStringLiteral("modelEditA")), QStringLiteral("gemini-2.5-pro"));
    child<QSpinBox>(dialog.get(), QStringLiteral("concurrencySpin"))->setValue(20);
    selectData(child<QComboBox>(dialog.get(), QStringLiteral("languageCombo")), QStringLiteral("fr"));
    setText(child<QLineEdit>(dialog.get(), QStringLiteral("keyEdit_gemini")), QStringLiteral("typed-then-cancelled"));

    QTest::mouseClick(child<QPushButton>(dialog.get(), QStringLiteral("cancelButton")), Qt::LeftButton);
    QCOMPARE(dialog->result(), int(QDialog::Rejected));
    QVERIFY(!dialog->isVisible());
    QCOMPARE(saved.count(), 0);

    const AppSettings back = rereadSettings();
    QCOMPARE(back.mode(), QStringLiteral("single"));
    QCOMPARE(back.model(ModelSlot::A), QStringLiteral("gemini-2.5-flash"));
    QCOMPARE(back.concurrency(), 3);
    QCOMPARE(back.uiLanguage(), QString());
    QCOMPARE(m_reread->allKeys(), keysBefore);
    QTest::qWait(0);
    QCOMPARE(written.count(), 0);
    QVERIFY(m_secrets->cachedKey(QStringLiteral("gemini")).isEmpty());
}

void TstSettingsDialog::modelName_followsTheProviderUnlessChosen()
{
    auto dialog = openDialog();
    auto *provider = child<QComboBox>(dialog.get(), QStringLiteral("providerComboA"));
    auto *model = child<QLineEdit>(dialog.get(), QStringLiteral("modelEditA"));
    QCOMPARE(model->text(), QStringLiteral("gemini-2.5-flash"));
    selectData(provider, QStringLiteral("openai"));
    QCOMPARE(model->text(), QStringLiteral("gpt-4.1-mini"));
    setText(model, QStringLiteral("gpt-4.1"));
    selectData(provider, QStringLiteral("gemini"));
    QCOMPARE(model->text(), QStringLiteral("gpt-4.1")); // a chosen name is the teacher's: left alone
    setText(model, QString());
    selectData(provider, QStringLiteral("compatible"));
    QVERIFY(model->text().isEmpty());
    QVERIFY(model->placeholderText().contains(QStringLiteral("qwen2.5vl")));

    // The default is not pinned in the file, so a later default follows.
    selectData(provider, QStringLiteral("gemini"));
    QCOMPARE(model->text(), QStringLiteral("gemini-2.5-flash"));
    QTest::mouseClick(child<QPushButton>(dialog.get(), QStringLiteral("okButton")), Qt::LeftButton);
    QTRY_COMPARE(dialog->result(), int(QDialog::Accepted));
    QVERIFY(!m_ini->contains(QStringLiteral("models/a/model")));
}

void TstSettingsDialog::modelB_isEnabledOnlyInDualMode()
{
    auto dialog = openDialog();
    auto *groupB = child<QGroupBox>(dialog.get(), QStringLiteral("modelBGroup"));
    auto *mode = child<QComboBox>(dialog.get(), QStringLiteral("modeCombo"));
    QVERIFY(!groupB->isEnabled());
    selectData(mode, QStringLiteral("dual"));
    QVERIFY(groupB->isEnabled());
    selectData(mode, QStringLiteral("single"));
    QVERIFY(!groupB->isEnabled());

    // Model B's fields are not checked when it is not used.
    selectData(child<QComboBox>(dialog.get(), QStringLiteral("providerComboB")), QStringLiteral("compatible"));
    QTest::mouseClick(child<QPushButton>(dialog.get(), QStringLiteral("okButton")), Qt::LeftButton);
    QTRY_COMPARE(dialog->result(), int(QDialog::Accepted));
    QCOMPARE(rereadSettings().provider(ModelSlot::B), QStringLiteral("compatible"));
}

void TstSettingsDialog::invalidBaseUrl_keepsTheDialogOpenWithTheReason_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("reasonContains");
    QTest::newRow("compatible needs an address") << QStringLiteral("compatible") << QString()
                                                 << QStringLiteral("needs its address");
    QTest::newRow("not a web address") << QStringLiteral("openai") << QStringLiteral("api.openai.com/v1")
                                       << QStringLiteral("not a web address");
    QTest::newRow("ftp") << QStringLiteral("gemini") << QStringLiteral("ftp://example.com")
                         << QStringLiteral("not a web address");
    QTest::newRow("plain http to another computer") << QStringLiteral("openai")
                                                    << QStringLiteral("http://example.com/v1")
                                                    << QStringLiteral("unencrypted");
}

void TstSettingsDialog::invalidBaseUrl_keepsTheDialogOpenWithTheReason()
{
    QFETCH(QString, provider);
    QFETCH(QString, url);
    QFETCH(QString, reasonContains);

    auto dialog = openDialog();
    QSignalSpy saved(dialog.get(), &SettingsDialog::settingsSaved);
    selectData(child<QComboBox>(dialog.get(), QStringLiteral("providerComboA")), provider);
    if (provider == QLatin1String("compatible"))
        setText(child<QLineEdit>(dialog.get(), QStringLiteral("modelEditA")), QStringLiteral("llava:13b"));
    auto *baseUrl = child<QLineEdit>(dialog.get(), QStringLiteral("baseUrlEditA"));
    setText(baseUrl, url);
    dialog->setCurrentPage(SettingsDialog::Page::Language);

    QTest::mouseClick(child<QPushButton>(dialog.get(), QStringLiteral("okButton")), Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QCOMPARE(saved.count(), 0);
    auto *message = child<QLabel>(dialog.get(), QStringLiteral("messageLabel"));
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(reasonContains), qPrintable(message->text()));
    QCOMPARE(dialog->currentPage(), SettingsDialog::Page::Models);
    QCOMPARE(QApplication::focusWidget(), baseUrl);
    QVERIFY(!m_ini->contains(QStringLiteral("models/a/provider")));

    // Fixed, it saves; the loopback address is fine over plain http.
    setText(baseUrl, QStringLiteral("http://127.0.0.1:11434/v1"));
    QTest::mouseClick(child<QPushButton>(dialog.get(), QStringLiteral("okButton")), Qt::LeftButton);
    QTRY_COMPARE(dialog->result(), int(QDialog::Accepted));
    QCOMPARE(rereadSettings().baseUrl(ModelSlot::A), QStringLiteral("http://127.0.0.1:11434/v1"));
}

void TstSettingsDialog::duplicatePriceRows_areRefused()
{
    m_settings->setPriceOverrides({{QStringLiteral("gpt-4.1"), qMakePair(2.0, 8.0)}});
    auto dialog = openDialog();
    dialog->setCurrentPage(SettingsDialog::Page::Prices);
    auto *table = child<QTableWidget>(dialog.get(), QStringLiteral("priceTable"));
    QTest::mouseClick(child<QPushButton>(dialog.get(), QStringLiteral("addPriceButton")), Qt::LeftButton);
    QWidget *editor = QApplication::focusWidget();
    QVERIFY(qobject_cast<QLineEdit *>(editor));
    QTest::keyClicks(editor, QStringLiteral(" gpt-4.1 "));
    QTest::keyClick(editor, Qt::Key_Return);
    QCOMPARE(table->rowCount(), 2);

    dialog->setCurrentPage(SettingsDialog::Page::Models);
    QTest::mouseClick(child<QPushButton>(dialog.get(), QStringLiteral("okButton")), Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->currentPage(), SettingsDialog::Page::Prices);
    QVERIFY(child<QLabel>(dialog.get(), QStringLiteral("messageLabel"))->text().contains(QStringLiteral("twice")));
}

void TstSettingsDialog::priceTable_addAndRemoveRows()
{
    m_settings->setPriceOverrides({{QStringLiteral("a-model"), qMakePair(1.0, 2.0)},
                                   {QStringLiteral("b-model"), qMakePair(3.0, 4.0)}});
    auto dialog = openDialog();
    dialog->setCurrentPage(SettingsDialog::Page::Prices);
    auto *table = child<QTableWidget>(dialog.get(), QStringLiteral("priceTable"));
    auto *remove = child<QPushButton>(dialog.get(), QStringLiteral("removePriceButton"));
    QCOMPARE(table->rowCount(), 2);
    QVERIFY(!remove->isEnabled());
    table->selectRow(0);
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(table->rowCount(), 1);

    // A row left without a model name is ignored.
    QTest::mouseClick(child<QPushButton>(dialog.get(), QStringLiteral("addPriceButton")), Qt::LeftButton);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(table->rowCount(), 2);

    QTest::mouseClick(child<QPushButton>(dialog.get(), QStringLiteral("okButton")), Qt::LeftButton);
    QTRY_COMPARE(dialog->result(), int(QDialog::Accepted));
    const AppSettings::PriceTable prices = rereadSettings().priceOverrides();
    QCOMPARE(prices.keys(), QStringList{QStringLiteral("b-model")});
    QCOMPARE(prices.value(QStringLiteral("b-model")), qMakePair(3.0, 4.0));
}

void TstSettingsDialog::keyStatus_saysWhereEachKeyLives()
{
    qputenv("GEMINI_API_KEY", "env-gemini");
    QSignalSpy written(m_secrets.get(), &SecretStore::keyWritten);
    m_secrets->write(QStringLiteral("openai"), QStringLiteral("sk-memory"), false);
    QVERIFY(written.wait());

    auto dialog = openDialog();
    dialog->setCurrentPage(SettingsDialog::Page::Keys);
    auto *gemini = child<QLabel>(dialog.get(), QStringLiteral("keyStatus_gemini"));
    auto *openai = child<QLabel>(dialog.get(), QStringLiteral("keyStatus_openai"));
    auto *compatible = child<QLabel>(dialog.get(), QStringLiteral("keyStatus_compatible"));
    QTRY_COMPARE(gemini->text(), SecretStore::describe(SecretLocation::Environment, QStringLiteral("gemini")));
    QVERIFY(gemini->text().contains(QStringLiteral("GEMINI_API_KEY")));
    QTRY_COMPARE(openai->text(), SecretStore::describe(SecretLocation::Memory));
    QTRY_COMPARE(compatible->text(), SecretStore::describe(SecretLocation::None));

    // Only a key Corrige holds can be forgotten; the environment is the user's.
    QVERIFY(!child<QPushButton>(dialog.get(), QStringLiteral("forgetKeyButton_gemini"))->isEnabled());
    QVERIFY(child<QPushButton>(dialog.get(), QStringLiteral("forgetKeyButton_openai"))->isEnabled());
    QVERIFY(!child<QPushButton>(dialog.get(), QStringLiteral("forgetKeyButton_compatible"))->isEnabled());

    // Without a keychain there is nothing to choose, and the page says where keys go instead.
    auto *keychain = child<QCheckBox>(dialog.get(), QStringLiteral("keychainCheck_gemini"));
    QVERIFY(!keychain->isVisibleTo(dialog.get()));
    QVERIFY(!keychain->isChecked());
    QVERIFY(child<QLabel>(dialog.get(), QStringLiteral("keysIntroLabel"))->text().contains(QStringLiteral("memory")));

    // The key itself is never shown.
    for (const QString &provider : AppSettings::providerKinds()) {
        auto *edit = child<QLineEdit>(dialog.get(), QStringLiteral("keyEdit_") + provider);
        QVERIFY(edit->text().isEmpty());
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
    }
}

void TstSettingsDialog::typedKey_isStoredAndNeverWrittenToTheSettingsFile()
{
    const QString key = QStringLiteral("sk-typed-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    auto dialog = openDialog();
    dialog->setCurrentPage(SettingsDialog::Page::Keys);
    auto *edit = child<QLineEdit>(dialog.get(), QStringLiteral("keyEdit_openai"));
    setText(edit, QStringLiteral("  ") + key + QStringLiteral("  "));
    QSignalSpy finished(dialog.get(), &QDialog::finished);

    QTest::keyClick(edit, Qt::Key_Return); // Enter in a field presses OK
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QCOMPARE(m_secrets->cachedKey(QStringLiteral("openai")), key);
    QCOMPARE(m_secrets->cachedLocation(QStringLiteral("openai")), SecretLocation::Memory);
    QVERIFY(edit->text().isEmpty());

    m_ini->sync();
    QFile file(m_dir->filePath(QStringLiteral("corrige.ini")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray contents = file.readAll();
    QVERIFY(contents.contains("grading")); // the settings were written
    QVERIFY(!contents.contains(key.toUtf8()));
    QVERIFY(!contents.contains("sk-typed"));
}

void TstSettingsDialog::keyThatCannotBePersisted_keepsTheDialogOpenWithAWarning()
{
    if (!SecretStore::isKeychainAvailable())
        QSKIP("built without QtKeychain");
#if defined(Q_OS_LINUX)
    if (qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("a D-Bus session may hold a real keychain; this test only runs where none can answer");
#else
    QSKIP("this platform always has a keychain; the test would touch the user's real one");
#endif
    m_secrets->setKeychainService(QStringLiteral("corrige-test"));
    m_secrets->setKeychainEnabled(true);
    auto dialog = openDialog();
    dialog->setCurrentPage(SettingsDialog::Page::Keys);
    auto *keychain = child<QCheckBox>(dialog.get(), QStringLiteral("keychainCheck_gemini"));
    QVERIFY(keychain->isVisibleTo(dialog.get()));
    QVERIFY(keychain->isChecked());
    QVERIFY(child<QLabel>(dialog.get(), QStringLiteral("keysIntroLabel"))->text().contains(QStringLiteral("keychain")));
    auto *edit = child<QLineEdit>(dialog.get(), QStringLiteral("keyEdit_gemini"));
    setText(edit, QStringLiteral("gemini-key-without-keychain"));
    QSignalSpy saved(dialog.get(), &SettingsDialog::settingsSaved);

    QTest::mouseClick(child<QPushButton>(dialog.get(), QStringLiteral("okButton")), Qt::LeftButton);
    auto *problem = child<QLabel>(dialog.get(), QStringLiteral("keyProblem_gemini"));
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), 30000);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->isSaving());
    QCOMPARE(saved.count(), 1); // the rest is saved
    QVERIFY2(problem->text().contains(QStringLiteral("GEMINI_API_KEY")), qPrintable(problem->text()));
    QCOMPARE(dialog->currentPage(), SettingsDialog::Page::Keys);
    QVERIFY(child<QLabel>(dialog.get(), QStringLiteral("messageLabel"))->isVisible());
    QCOMPARE(child<QLabel>(dialog.get(), QStringLiteral("keyStatus_gemini"))->text(),
             SecretStore::describe(SecretLocation::Memory));
    QCOMPARE(m_secrets->cachedKey(QStringLiteral("gemini")), QStringLiteral("gemini-key-without-keychain"));
    QVERIFY(edit->text().isEmpty());
    QVERIFY(child<QPushButton>(dialog.get(), QStringLiteral("okButton"))->isEnabled());

    // The user has read it: OK now closes.
    QTest::mouseClick(child<QPushButton>(dialog.get(), QStringLiteral("okButton")), Qt::LeftButton);
    QTRY_COMPARE(dialog->result(), int(QDialog::Accepted));
}

void TstSettingsDialog::forgetKey_removesTheKeyFromMemory()
{
    QSignalSpy written(m_secrets.get(), &SecretStore::keyWritten);
    m_secrets->write(QStringLiteral("compatible"), QStringLiteral("local-key"), false);
    QVERIFY(written.wait());

    auto dialog = openDialog();
    dialog->setCurrentPage(SettingsDialog::Page::Keys);
    auto *forget = child<QPushButton>(dialog.get(), QStringLiteral("forgetKeyButton_compatible"));
    auto *status = child<QLabel>(dialog.get(), QStringLiteral("keyStatus_compatible"));
    QTRY_VERIFY(forget->isEnabled());
    QTest::mouseClick(forget, Qt::LeftButton);
    QTRY_COMPARE(status->text(), SecretStore::describe(SecretLocation::None));
    QVERIFY(!forget->isEnabled());
    QVERIFY(m_secrets->cachedKey(QStringLiteral("compatible")).isEmpty());
    QVERIFY(dialog->isVisible());
}

void TstSettingsDialog::languageChange_isSignalled()
{
    auto dialog = openDialog();
    QSignalSpy language(dialog.get(), &SettingsDialog::languageChanged);
    selectData(child<QComboBox>(dialog.get(), QStringLiteral("languageCombo")), QStringLiteral("fr"));
    QTest::mouseClick(child<QPushButton>(dialog.get(), QStringLiteral("okButton")), Qt::LeftButton);
    QTRY_COMPARE(language.count(), 1);
    QCOMPARE(language.at(0).at(0).toString(), QStringLiteral("fr"));

    auto again = openDialog();
    QSignalSpy unchanged(again.get(), &SettingsDialog::languageChanged);
    QTest::mouseClick(child<QPushButton>(again.get(), QStringLiteral("okButton")), Qt::LeftButton);
    QTRY_COMPARE(again->result(), int(QDialog::Accepted));
    QCOMPARE(unchanged.count(), 0);
}

void TstSettingsDialog::everyLabelWithAMnemonic_hasABuddy()
{
    auto dialog = openDialog();
    int mnemonics = 0;
    for (QLabel *label : dialog->findChildren<QLabel *>()) {
        const QString text = QString(label->text()).remove(QStringLiteral("&&"));
        if (!text.contains(QLatin1Char('&')))
            continue;
        ++mnemonics;
        QVERIFY2(label->buddy(), qPrintable(label->text()));
    }
    QVERIFY(mnemonics >= 12);

    // On every page, each mnemonic reaches one thing: a field, a button or a tab.
    auto *tabs = child<QTabWidget>(dialog.get(), QStringLiteral("settingsTabs"));
    for (int page = 0; page < tabs->count(); ++page) {
        dialog->setCurrentPage(SettingsDialog::Page(page));
        QMap<QKeySequence, QString> seen;
        const auto claim = [&seen](const QString &text) {
            const QKeySequence key = QKeySequence::mnemonic(text);
            if (key.isEmpty())
                return true;
            if (seen.contains(key)) {
                qWarning("%s and %s share a mnemonic", qPrintable(seen.value(key)), qPrintable(text));
                return false;
            }
            seen.insert(key, text);
            return true;
        };
        for (int tab = 0; tab < tabs->count(); ++tab)
            QVERIFY(claim(tabs->tabText(tab)));
        for (QLabel *label : dialog->findChildren<QLabel *>())
            if (label->isVisibleTo(dialog.get()) && label->buddy())
                QVERIFY(claim(label->text()));
        for (QAbstractButton *button : dialog->findChildren<QAbstractButton *>())
            if (button->isVisibleTo(dialog.get()))
                QVERIFY(claim(button->text()));
    }
}

void TstSettingsDialog::everyField_hasAnObjectName()
{
    auto dialog = openDialog();
    const QList<QWidget *> widgets = dialog->findChildren<QWidget *>();
    int fields = 0;
    for (QWidget *widget : widgets) {
        const bool field = qobject_cast<QLineEdit *>(widget) || qobject_cast<QComboBox *>(widget)
            || qobject_cast<QAbstractSpinBox *>(widget) || qobject_cast<QAbstractButton *>(widget)
            || qobject_cast<QTableWidget *>(widget);
        if (!field)
            continue;
        // Parts that Qt builds inside its own widgets are not ours to name.
        QWidget *parent = widget->parentWidget();
        if (qobject_cast<QAbstractSpinBox *>(parent) || qobject_cast<QComboBox *>(parent) || qobject_cast<QLineEdit *>(parent)
            || qobject_cast<QTabBar *>(parent) || qobject_cast<QAbstractScrollArea *>(parent)
            || (parent && qobject_cast<QAbstractScrollArea *>(parent->parentWidget())))
            continue;
        ++fields;
        QVERIFY2(!widget->objectName().isEmpty(), widget->metaObject()->className());
    }
    QVERIFY(fields >= 25);
}

void TstSettingsDialog::tabOrder_followsTheForm()
{
    auto dialog = openDialog();
    QApplication::setActiveWindow(dialog.get());
    QVERIFY(QTest::qWaitForWindowActive(dialog.get()));

    auto *model = child<QLineEdit>(dialog.get(), QStringLiteral("modelEditA"));
    model->setFocus();
    QTest::keyClick(model, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(dialog.get(), QStringLiteral("baseUrlEditA")));

    // A mnemonic jumps to its field, on the page shown.
    QTest::keyClick(dialog.get(), Qt::Key_E, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), model);

    dialog->setCurrentPage(SettingsDialog::Page::Keys);
    auto *gemini = child<QLineEdit>(dialog.get(), QStringLiteral("keyEdit_gemini"));
    gemini->setFocus();
    // Without a keychain its box is hidden and nothing can be forgotten, so Tab goes to the next provider's key.
    QTest::keyClick(gemini, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(dialog.get(), QStringLiteral("keyEdit_openai")));
    QTest::keyClick(dialog.get(), Qt::Key_S, Qt::AltModifier); // "&Server key:"
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(dialog.get(), QStringLiteral("keyEdit_compatible")));
}

void TstSettingsDialog::screenshot_isNotBlank()
{
    m_settings->setMode(QStringLiteral("dual"));
    qputenv("GEMINI_API_KEY", "env-gemini");
    auto dialog = openDialog();
    dialog->resize(dialog->sizeHint().expandedTo(QSize(640, 0)));
    QTRY_VERIFY(!child<QLabel>(dialog.get(), QStringLiteral("keyStatus_gemini"))->text().endsWith(QChar(0x2026)));

    QTemporaryDir out;
    QVERIFY(out.isValid());
    const QString path = out.filePath(QStringLiteral("settings.png"));
    QVERIFY(dialog->grab().save(path));
    const QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), dialog->size() * image.devicePixelRatio());
    QVERIFY2(distinctColours(image) > 8, "the grab is blank");

    // Regenerates the documentation screenshot when asked: CORRIGE_SCREENSHOT_DIR=resources/screenshots.
    const QString screenshotDir = qEnvironmentVariable("CORRIGE_SCREENSHOT_DIR");
    if (!screenshotDir.isEmpty()) {
        QVERIFY(QDir().mkpath(screenshotDir));
        QVERIFY(dialog->grab().save(QDir(screenshotDir).filePath(QStringLiteral("settings.png"))));
    }
}

QTEST_MAIN(TstSettingsDialog)
#include "tst_settingsdialog.moc"
