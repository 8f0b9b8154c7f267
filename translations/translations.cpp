// Anchors the corrige_translations library; the .qm files are embedded by qt_add_translations.
namespace Corrige {
int translationsAnchor = 0;
}
