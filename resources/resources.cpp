// Anchors the corrige_resources library; the resources themselves are added by qt_add_resources.
namespace Corrige {
int resourcesAnchor = 0;
}
