# Manifest loading (yaml-cpp stays inside these .cpp files) and admission.
target_sources(ordinal_core PRIVATE
    io/manifestloader.cpp io/manifestloader.h
    io/yamldocument.cpp io/yamldocument.h
    api/admission.cpp api/admission.h
)
