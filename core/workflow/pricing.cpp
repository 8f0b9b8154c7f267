#include "core/workflow/pricing.h"

#include "core/settings/appsettings.h"

namespace Corrige::Core {

PriceTable effectivePrices(const AppSettings &settings)
{
    PriceTable table = PriceTable::defaults();
    const AppSettings::PriceTable overrides = settings.priceOverrides();
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
        table.setPrice(it.key(), ModelPrice{it.value().first, it.value().second});
    return table;
}

} // namespace Corrige::Core
