#include "ui/widgets/startpage.h"

#include <algorithm>

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Corrige::Ui {

namespace {

constexpr int pathRole = Qt::UserRole + 1;

QPushButton *makeActionButton(const QString &text, const QString &detail, const QIcon &icon, QWidget *parent)
{
    auto *button = new QPushButton(icon, text, parent);
    button->setToolTip(detail);
    const int height = button->fontMetrics().height() * 3;
    button->setMinimumHeight(height);
    button->setIconSize(QSize(height / 2, height / 2));
    QFont font = button->font();
    font.setPointSizeF(font.pointSizeF() * 1.1);
    button->setFont(font);
    return button;
}

// The folder of a session, short enough to read at a glance: its last two parts ("…/Teaching/2B").
QString shortFolder(const QString &path)
{
    const QString folder = QDir::toNativeSeparators(QFileInfo(path).absolutePath());
    const QChar separator = QDir::separator();
    const QStringList parts = folder.split(separator, Qt::SkipEmptyParts);
    if (parts.size() <= 2)
        return folder;
    return QStringLiteral("…") + separator + parts.mid(parts.size() - 2).join(separator);
}

} // namespace

StartPage::StartPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("startPage"));

    auto *title = new QLabel(tr("Corrige"), this);
    title->setObjectName(QStringLiteral("startTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2.2);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *explanation = new QLabel(tr("Grade a class's scanned handwritten copies with AI models, then review "
                                      "and correct every grade yourself."),
                                   this);
    explanation->setObjectName(QStringLiteral("startExplanation"));
    explanation->setWordWrap(true);
    QFont explanationFont = explanation->font();
    explanationFont.setPointSizeF(explanationFont.pointSizeF() * 1.15);
    explanation->setFont(explanationFont);

    QStyle *style = this->style();
    auto *newButton = makeActionButton(tr("&New session…"),
                                       tr("Start from the exam's questions and the scanned copies (PDF)"),
                                       style->standardIcon(QStyle::SP_FileIcon), this);
    newButton->setObjectName(QStringLiteral("newSessionButton"));
    auto *openButton = makeActionButton(tr("&Open session…"), tr("Open a .corrige session file"),
                                        style->standardIcon(QStyle::SP_DialogOpenButton), this);
    openButton->setObjectName(QStringLiteral("openSessionButton"));
    auto *demoButton = makeActionButton(tr("Open the &demo"),
                                        tr("Five real scanned copies of a short exam, to try Corrige"),
                                        style->standardIcon(QStyle::SP_MediaPlay), this);
    demoButton->setObjectName(QStringLiteral("openDemoButton"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(newButton, 1);
    buttons->addWidget(openButton, 1);
    buttons->addWidget(demoButton, 1);

    auto *recentTitle = new QLabel(tr("Recent sessions"), this);
    recentTitle->setObjectName(QStringLiteral("recentTitle"));
    QFont recentFont = recentTitle->font();
    recentFont.setBold(true);
    recentTitle->setFont(recentFont);

    m_recentList = new QListWidget(this);
    m_recentList->setObjectName(QStringLiteral("recentList"));
    m_recentList->setUniformItemSizes(true);
    m_recentList->setIconSize(QSize(24, 24));
    m_recentList->setAlternatingRowColors(true);
    recentTitle->setBuddy(m_recentList);

    m_noRecentLabel = new QLabel(tr("No recent sessions yet. Sessions you open or create appear here."), this);
    m_noRecentLabel->setObjectName(QStringLiteral("noRecentLabel"));
    m_noRecentLabel->setWordWrap(true);
    m_noRecentLabel->setForegroundRole(QPalette::PlaceholderText);

    auto *dropHint = new QLabel(tr("You can also drop a .corrige session, or the scanned PDFs of a new exam, "
                                   "anywhere on this window."),
                                this);
    dropHint->setObjectName(QStringLiteral("dropHint"));
    dropHint->setWordWrap(true);
    dropHint->setForegroundRole(QPalette::PlaceholderText);

    auto *column = new QVBoxLayout;
    column->addStretch(1);
    column->addWidget(title);
    column->addWidget(explanation);
    column->addSpacing(fontMetrics().height());
    column->addLayout(buttons);
    column->addSpacing(fontMetrics().height());
    column->addWidget(recentTitle);
    column->addWidget(m_recentList);
    column->addWidget(m_noRecentLabel);
    column->addSpacing(fontMetrics().height() / 2);
    column->addWidget(dropHint);
    column->addStretch(1);

    auto *columnWidget = new QWidget(this);
    columnWidget->setLayout(column);
    columnWidget->setMaximumWidth(fontMetrics().averageCharWidth() * 110);
    columnWidget->setMinimumWidth(fontMetrics().averageCharWidth() * 60);

    auto *layout = new QHBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(columnWidget, 4);
    layout->addStretch(1);

    connect(newButton, &QPushButton::clicked, this, &StartPage::newSessionRequested);
    connect(openButton, &QPushButton::clicked, this, &StartPage::openSessionRequested);
    connect(demoButton, &QPushButton::clicked, this, &StartPage::demoRequested);
    connect(m_recentList, &QListWidget::itemActivated, this, &StartPage::chooseRecent);
    connect(m_recentList, &QListWidget::itemClicked, this, &StartPage::chooseRecent);

    setRecentSessions({});
}

void StartPage::setRecentSessions(const QStringList &paths)
{
    m_recent = paths;
    m_recentList->clear();
    const QIcon icon = style()->standardIcon(QStyle::SP_FileIcon);
    for (const QString &path : paths) {
        const QFileInfo info(path);
        auto *item = new QListWidgetItem(icon, tr("%1    (in %2)").arg(info.completeBaseName(), shortFolder(path)),
                                         m_recentList);
        item->setData(pathRole, path);
        item->setToolTip(QDir::toNativeSeparators(path));
    }
    // As tall as its entries, up to a screenful; the page stays centred.
    const int rows = std::clamp(int(paths.size()), 1, 8);
    const int rowHeight = std::max(m_recentList->sizeHintForRow(0), fontMetrics().height() + 8);
    m_recentList->setFixedHeight(rows * rowHeight + 2 * m_recentList->frameWidth() + 4);
    m_recentList->setVisible(!paths.isEmpty());
    m_noRecentLabel->setVisible(paths.isEmpty());
}

void StartPage::chooseRecent(QListWidgetItem *item)
{
    // A click and an activation of the same item (double-click, single-click styles) make one choice.
    if (!item || m_choicePending)
        return;
    m_choicePending = true;
    const QString path = item->data(pathRole).toString();
    QMetaObject::invokeMethod(
        this,
        [this, path] {
            m_choicePending = false;
            Q_EMIT recentSessionChosen(path);
        },
        Qt::QueuedConnection);
}

} // namespace Corrige::Ui
