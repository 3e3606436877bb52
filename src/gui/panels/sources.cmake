# Panels (docks) and their item models.
target_sources(ordinal_gui PRIVATE
)
