# Manifest loading (yaml-cpp stays inside these .cpp files) and admission.
target_sources(ordinal_core PRIVATE
)
