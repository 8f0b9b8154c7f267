// Roster CSV reader: any bytes give entries or one clear line naming the file.
#include "core/pdf/rostercsv.h"
#include "tests/fuzz/fuzzsupport.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Corrige::Fuzz::startApplication(false);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto roster = Corrige::Core::RosterCsv::parse(bytes, QStringLiteral("roster.csv"));
    if (!roster)
        Corrige::Fuzz::checkMessage(roster.errorString(), QStringLiteral("roster.csv"));
    return 0;
}
