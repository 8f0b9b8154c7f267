#include "ui/dialogs/filedialog.h"

#include <QFileDialog>

namespace Corrige::Ui {

QString FileDialog::s_nextFileName;
bool FileDialog::s_hasNext = false;

bool FileDialog::takeNext(QString *fileName)
{
    if (!s_hasNext)
        return false;
    *fileName = s_nextFileName;
    s_hasNext = false;
    s_nextFileName.clear();
    return true;
}

QString FileDialog::getOpenFileName(QWidget *parent, const QString &caption, const QString &dir,
                                    const QString &filter)
{
    QString fileName;
    if (takeNext(&fileName))
        return fileName;
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

QString FileDialog::getSaveFileName(QWidget *parent, const QString &caption, const QString &dir,
                                    const QString &filter)
{
    QString fileName;
    if (takeNext(&fileName))
        return fileName;
    return QFileDialog::getSaveFileName(parent, caption, dir, filter);
}

void FileDialog::setNextFileName(const QString &fileName)
{
    s_nextFileName = fileName;
    s_hasNext = true;
}

} // namespace Corrige::Ui
