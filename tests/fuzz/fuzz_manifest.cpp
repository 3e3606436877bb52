// libFuzzer entry point for the manifest path: ManifestLoader::loadText (the bounded YAML
// parse, the JSON check, decoding) and Admission on every object it returns. Invariants
// checked: no crash, hang or sanitizer report; a failed load returns no objects; every error
// names the file; admission of a decoded object never throws.

#include "api/admission.h"
#include "io/manifestloader.h"

#include <cstdlib>

using namespace ordinal::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const LoadResult result = ManifestLoader::loadText(text, QStringLiteral("fuzz.yaml"));
    if (!result.errors.isEmpty() && !result.objects.isEmpty())
        std::abort();
    for (const ManifestError &error : result.errors) {
        if (!error.message.contains(QStringLiteral("fuzz.yaml")))
            std::abort();
    }
    for (const ManifestObject &object : result.objects) {
        AnyObject admitted = object.object;
        Admission::admit(admitted, nullptr);
        // Applying the same object again is an update of itself.
        AnyObject again = admitted;
        Admission::admit(again, &admitted);
    }
    return 0;
}
