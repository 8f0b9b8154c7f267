#include "ui/dialogs/aboutdialog.h"

#include "core/workflow/appinfo.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFont>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace Corrige::Ui {

using Core::AppInfo;

namespace {

const QString helpLink = QStringLiteral("corrige:help");

QString noticesHtml()
{
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"4\">");
    for (const AppInfo::Notice &notice : AppInfo::thirdPartyNotices()) {
        html += QStringLiteral("<tr><td><b><a href=\"%1\">%2</a></b><br>%3</td><td>%4<br>%5</td></tr>")
                    .arg(notice.url.toHtmlEscaped(), notice.name.toHtmlEscaped(), notice.use.toHtmlEscaped(),
                         notice.licence.toHtmlEscaped(), notice.copyright.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    return html;
}

} // namespace

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Corrige"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/corrige-128.png")).pixmap(96, 96));
    icon->setAlignment(Qt::AlignTop);

    auto *name = new QLabel(QStringLiteral("Corrige"), this);
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.8);
    nameFont.setBold(true);
    name->setFont(nameFont);
    auto *version = new QLabel(tr("Version %1").arg(AppInfo::version()), this);
    version->setObjectName(QStringLiteral("versionLabel"));
    version->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *qt = new QLabel(tr("Built on %1").arg(AppInfo::qtVersion()), this);
    qt->setObjectName(QStringLiteral("qtVersionLabel"));
    qt->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *description = new QLabel(
        tr("Grades scanned, handwritten exam copies with vision language models. You review every grade; yours "
           "always win."),
        this);
    description->setWordWrap(true);

    auto *licence = new QLabel(tr("Corrige is free software under the %1 (%2), and comes with no warranty. "
                                  "<a href=\"%3\">Read the help</a>.")
                                   .arg(AppInfo::licenceName().toHtmlEscaped(), AppInfo::licence(), helpLink),
                               this);
    licence->setObjectName(QStringLiteral("licenceLabel"));
    licence->setWordWrap(true);
    licence->setTextFormat(Qt::RichText);
    connect(licence, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == helpLink)
            Q_EMIT helpRequested();
    });

    auto *noticesTitle = new QLabel(tr("Corrige uses and, in its installers, includes:"), this);
    auto *notices = new QTextBrowser(this);
    notices->setObjectName(QStringLiteral("noticesView"));
    notices->setOpenExternalLinks(true);
    notices->setHtml(noticesHtml());
    notices->setMinimumHeight(200);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *licenceButton = buttons->addButton(tr("&Licence…"), QDialogButtonBox::ActionRole);
    licenceButton->setObjectName(QStringLiteral("licenceButton"));
    QPushButton *helpButton = buttons->addButton(tr("&Help"), QDialogButtonBox::HelpRole);
    helpButton->setObjectName(QStringLiteral("helpButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(licenceButton, &QPushButton::clicked, this, &AboutDialog::showLicence);
    connect(helpButton, &QPushButton::clicked, this, &AboutDialog::helpRequested);

    auto *text = new QVBoxLayout;
    text->addWidget(name);
    text->addWidget(version);
    text->addWidget(qt);
    text->addSpacing(6);
    text->addWidget(description);
    text->addWidget(licence);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addSpacing(12);
    top->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(6);
    layout->addWidget(noticesTitle);
    layout->addWidget(notices, 1);
    layout->addWidget(buttons);
    resize(620, 560);
}

AboutDialog::~AboutDialog() = default;

void AboutDialog::showLicence()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("licenceDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(AppInfo::licenceName());
    auto *view = new QPlainTextEdit(dialog);
    view->setObjectName(QStringLiteral("licenceText"));
    view->setReadOnly(true);
    view->setFont(QFont(QStringLiteral("monospace")));
    QFile file(QStringLiteral(":/help/LICENSE"));
    if (file.open(QIODevice::ReadOnly))
        view->setPlainText(QString::fromUtf8(file.readAll()));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(view);
    layout->addWidget(buttons);
    dialog->resize(700, 600);
    dialog->open();
}

HelpWindow::HelpWindow(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("helpWindow"));
    setWindowTitle(tr("Corrige help"));
    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("helpBrowser"));
    m_browser->setOpenExternalLinks(true);
    m_browser->setSource(QUrl(QStringLiteral("qrc:/help/README.md")), QTextDocument::MarkdownResource);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
    resize(900, 700);
}

HelpWindow::~HelpWindow() = default;

} // namespace Corrige::Ui
