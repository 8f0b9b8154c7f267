#include "core/workflow/appinfo.h"
#include "ui/dialogs/aboutdialog.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QThreadPool>
#include <QtTest>

#include "screenshot.h"

using namespace Corrige;

class TstAboutDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        installEnglishCatalogue(this);
        QStandardPaths::setTestModeEnabled(true);
        qputenv("CORRIGE_NO_KEYCHAIN", "1");
    }

    void helpMenu_about_showsVersionQtLicenceAndNotices()
    {
        QThreadPool pool;
        Ui::MainWindow window(&pool, nullptr);
        window.show();
        QAction *about = window.findChild<QAction *>(QStringLiteral("aboutAction"));
        QVERIFY(about);
        QCOMPARE(about->menuRole(), QAction::AboutRole);
        QVERIFY(window.menuBar()->actions().last()->menu()->actions().contains(about));
        about->trigger();
        Ui::AboutDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<Ui::AboutDialog *>()) && dialog->isVisible());

        // The version is the CMake project's, in one place.
        const auto *version = dialog->findChild<QLabel *>(QStringLiteral("versionLabel"));
        QCOMPARE(version->text(), QStringLiteral("Version %1").arg(QStringLiteral(CORRIGE_PROJECT_VERSION)));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("qtVersionLabel"))->text().contains(QString::fromLatin1(qVersion())));
        const QString licence = dialog->findChild<QLabel *>(QStringLiteral("licenceLabel"))->text();
        QVERIFY(licence.contains(QStringLiteral("GNU Affero General Public License")));
        QVERIFY(licence.contains(QStringLiteral("AGPL-3.0")));
        const QString notices = dialog->findChild<QTextBrowser *>(QStringLiteral("noticesView"))->toPlainText();
        for (const Core::AppInfo::Notice &notice : Core::AppInfo::thirdPartyNotices()) {
            QVERIFY2(notices.contains(notice.name), qPrintable(notice.name));
            QVERIFY2(notices.contains(notice.licence), qPrintable(notice.licence));
        }
        for (const char *name : {"Qt", "qpdf", "PDFium", "SQLite", "LGPL-3.0-only", "Apache-2.0"})
            QVERIFY2(notices.contains(QLatin1String(name)), name);
        saveScreenshotIfAsked(dialog, QStringLiteral("about"));

        // The licence's full text.
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("licenceButton")), Qt::LeftButton);
        QPlainTextEdit *text = nullptr;
        QTRY_VERIFY((text = dialog->findChild<QPlainTextEdit *>(QStringLiteral("licenceText"))) && text->isVisible());
        QVERIFY(text->toPlainText().contains(QStringLiteral("GNU AFFERO GENERAL PUBLIC LICENSE")));

        // The link to the help opens the README.
        QSignalSpy help(dialog, &Ui::AboutDialog::helpRequested);
        QMetaObject::invokeMethod(dialog->findChild<QLabel *>(QStringLiteral("licenceLabel")), "linkActivated",
                                  Q_ARG(QString, QStringLiteral("corrige:help")));
        QCOMPARE(help.size(), 1);
        Ui::HelpWindow *helpWindow = nullptr;
        QTRY_VERIFY((helpWindow = window.findChild<Ui::HelpWindow *>()) && helpWindow->isVisible());
        const QString readme = helpWindow->browser()->toPlainText();
        QVERIFY2(readme.contains(QStringLiteral("corrige-cli")), qPrintable(readme.left(200)));
        QVERIFY(readme.contains(QStringLiteral("What Corrige does")));
        // The README's screenshots come with it.
        QVERIFY(!helpWindow->browser()->document()->resource(QTextDocument::ImageResource,
                                                              QUrl(QStringLiteral("resources/screenshots/start.png")))
                     .isNull());
        dialog->reject();
    }

    void helpMenu_help_opensOneHelpWindow()
    {
        QThreadPool pool;
        Ui::MainWindow window(&pool, nullptr);
        window.show();
        QAction *help = window.findChild<QAction *>(QStringLiteral("helpAction"));
        QVERIFY(help);
        QCOMPARE(help->shortcut(), QKeySequence(QKeySequence::HelpContents));
        help->trigger();
        help->trigger();
        QCOMPARE(window.findChildren<Ui::HelpWindow *>().size(), 1);
        QVERIFY(window.findChild<Ui::HelpWindow *>()->isVisible());
    }
};

QTEST_MAIN(TstAboutDialog)
#include "tst_aboutdialog.moc"
