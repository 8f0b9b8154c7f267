// Exam JSON loader: any bytes give an exam or one clear line naming the file.
#include "core/domain/exam.h"
#include "tests/fuzz/fuzzsupport.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Corrige::Fuzz::startApplication(false);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto exam = Corrige::Core::Exam::fromJson(bytes, QStringLiteral("exam.json"));
    if (!exam)
        Corrige::Fuzz::checkMessage(exam.errorString(), QStringLiteral("exam.json"));
    return 0;
}
