#pragma once

#include "core/llm/pricetable.h"

namespace Corrige::Core {

class AppSettings;

// The prices used for estimates and running costs: the built-in list, with the teacher's own prices from
// Settings in place of the built-in ones.
PriceTable effectivePrices(const AppSettings &settings);

} // namespace Corrige::Core
