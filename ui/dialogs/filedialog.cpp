#include "ui/dialogs/filedialog.h"

namespace Corrige::Ui {

QStringList FileDialog::s_nextFileNames;
bool FileDialog::s_hasNext = false;

bool FileDialog::takeNext(QStringList *fileNames)
{
    if (!s_hasNext)
        return false;
    *fileNames = s_nextFileNames;
    fileNames->removeAll(QString());
    s_hasNext = false;
    s_nextFileNames.clear();
    return true;
}

QString FileDialog::getOpenFileName(QWidget *parent, const QString &caption, const QString &dir,
                                    const QString &filter)
{
    QStringList fileNames;
    if (takeNext(&fileNames))
        return fileNames.value(0);
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

QStringList FileDialog::getOpenFileNames(QWidget *parent, const QString &caption, const QString &dir,
                                         const QString &filter)
{
    QStringList fileNames;
    if (takeNext(&fileNames))
        return fileNames;
    return QFileDialog::getOpenFileNames(parent, caption, dir, filter);
}

QString FileDialog::getSaveFileName(QWidget *parent, const QString &caption, const QString &dir,
                                    const QString &filter, QFileDialog::Options options)
{
    QStringList fileNames;
    if (takeNext(&fileNames))
        return fileNames.value(0);
    return QFileDialog::getSaveFileName(parent, caption, dir, filter, nullptr, options);
}

QString FileDialog::getExistingDirectory(QWidget *parent, const QString &caption, const QString &dir)
{
    QStringList fileNames;
    if (takeNext(&fileNames))
        return fileNames.value(0);
    return QFileDialog::getExistingDirectory(parent, caption, dir);
}

void FileDialog::setNextFileName(const QString &fileName)
{
    setNextFileNames({fileName});
}

void FileDialog::setNextFileNames(const QStringList &fileNames)
{
    s_nextFileNames = fileNames;
    s_hasNext = true;
}

} // namespace Corrige::Ui
