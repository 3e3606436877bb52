# Translations of the user interface, included from packaging/CMakeLists.txt.
#
# translations/*.ts are the sources; the normal build compiles them to .qm (lrelease) and
# embeds them in the `ordinal` executable under :/i18n/ (e.g. :/i18n/ordinal_zh_CN.qm).
# Qt's own strings (standard dialogs, QDialogButtonBox, ...) come from the system's
# qtbase_zh_CN.qm, embedded alongside as :/i18n/qtbase_zh_CN.qm when it is available.
#
# To refresh the .ts files after changing tr() strings:
#     cmake --build build --target update_translations
# then translate with `linguist translations/ordinal_zh_CN.ts`.
# packaging/check-translations.sh fails while any entry is unfinished, obsolete or vanished.

set(ORDINAL_TS_FILES
    "${PROJECT_SOURCE_DIR}/translations/ordinal_zh_CN.ts"
)

# Qt 6.4's qt_add_translations() has no SOURCE_TARGETS, and by default scans only the
# SOURCES of the target it is given (here `ordinal`, which holds main.cpp alone). So list
# the sources of every target with user-visible strings explicitly, as absolute paths:
# relative entries are relative to each target's own folder, not to this one.
set(ordinal_i18n_targets ordinal_core ordinal_net ordinal_gui ordinal)
set(ordinal_i18n_sources "")
foreach(target IN LISTS ordinal_i18n_targets)
    get_target_property(target_sources ${target} SOURCES)
    get_target_property(target_dir ${target} SOURCE_DIR)
    foreach(source IN LISTS target_sources)
        if(source MATCHES "\\$<")
            continue()  # generator expressions: generated files, nothing to translate
        endif()
        cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY "${target_dir}" NORMALIZE)
        if(source MATCHES "\\.(cpp|h|ui)$" AND NOT source MATCHES "^${PROJECT_BINARY_DIR}/")
            list(APPEND ordinal_i18n_sources "${source}")
        endif()
    endforeach()
endforeach()
list(REMOVE_DUPLICATES ordinal_i18n_sources)
list(SORT ordinal_i18n_sources)

# lupdate's include path is that of `ordinal`, which carries every library's public include
# directories by linking them. -no-obsolete: update_translations drops strings whose source
# is gone, so a stale translation never lingers in the .ts file.
qt_add_translations(ordinal
    TS_FILES ${ORDINAL_TS_FILES}
    SOURCES ${ordinal_i18n_sources}
    RESOURCE_PREFIX /i18n
    LUPDATE_OPTIONS -no-obsolete -locations relative
    LRELEASE_OPTIONS -nounfinished -removeidentical)

# Qt's own translations, from the system (package qt6-translations-l10n on Debian).
set(ordinal_qt_translations_dir "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_TRANSLATIONS}")
set(ordinal_qt_qm_files "")
foreach(ts IN LISTS ORDINAL_TS_FILES)
    get_filename_component(name "${ts}" NAME_WE)
    string(REGEX REPLACE "^ordinal_" "" locale "${name}")
    set(qm "${ordinal_qt_translations_dir}/qtbase_${locale}.qm")
    if(EXISTS "${qm}")
        list(APPEND ordinal_qt_qm_files "${qm}")
    else()
        message(STATUS "Ordinal: ${qm} not found; Qt's own dialogs stay untranslated "
                       "for ${locale} (install qt6-translations-l10n)")
    endif()
endforeach()
if(ordinal_qt_qm_files)
    qt_add_resources(ordinal ordinal_qt_translations
        PREFIX /i18n
        BASE "${ordinal_qt_translations_dir}"
        FILES ${ordinal_qt_qm_files})
endif()

# For packaging/check-translations.sh: where the TS files and lupdate's project are.
file(GENERATE OUTPUT "${CMAKE_CURRENT_BINARY_DIR}/translations-check.env"
    CONTENT "LUPDATE=$<TARGET_FILE:Qt6::lupdate>
LUPDATE_PROJECT_CMAKE=${CMAKE_CURRENT_BINARY_DIR}/.lupdate/ordinal_project.cmake
LUPDATE_PROJECT_SCRIPT=${_Qt6_LINGUIST_TOOLS_DIR}/GenerateLUpdateProject.cmake
TS_FILES=\"${ORDINAL_TS_FILES}\"
")
