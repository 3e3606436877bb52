# Manifest loading (yaml-cpp stays inside these .cpp files) and admission.
target_sources(ordinal_core PRIVATE
    io/manifestloader.cpp io/manifestloader.h
    api/admission.cpp api/admission.h
)
