# Panels (docks), their item models, and the lesson and example content.
target_sources(ordinal_gui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/eventsmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/eventsmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/eventspanel.cpp ${CMAKE_CURRENT_LIST_DIR}/eventspanel.h
    ${CMAKE_CURRENT_LIST_DIR}/dnsrecordsmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/dnsrecordsmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/dnshistorymodel.cpp ${CMAKE_CURRENT_LIST_DIR}/dnshistorymodel.h
    ${CMAKE_CURRENT_LIST_DIR}/dnspanel.cpp ${CMAKE_CURRENT_LIST_DIR}/dnspanel.h
    ${CMAKE_CURRENT_LIST_DIR}/consolepanel.cpp ${CMAKE_CURRENT_LIST_DIR}/consolepanel.h
    ${CMAKE_CURRENT_LIST_DIR}/yamlhighlighter.cpp ${CMAKE_CURRENT_LIST_DIR}/yamlhighlighter.h
    ${CMAKE_CURRENT_LIST_DIR}/yamleditor.cpp ${CMAKE_CURRENT_LIST_DIR}/yamleditor.h
    ${CMAKE_CURRENT_LIST_DIR}/yamlpanel.cpp ${CMAKE_CURRENT_LIST_DIR}/yamlpanel.h
    ${CMAKE_CURRENT_LIST_DIR}/objectsmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/objectsmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/objectspanel.cpp ${CMAKE_CURRENT_LIST_DIR}/objectspanel.h
    ${CMAKE_CURRENT_LIST_DIR}/lessoncatalog.cpp ${CMAKE_CURRENT_LIST_DIR}/lessoncatalog.h
    ${CMAKE_CURRENT_LIST_DIR}/lessonstepsmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/lessonstepsmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/lessonpanel.cpp ${CMAKE_CURRENT_LIST_DIR}/lessonpanel.h
    ${PROJECT_SOURCE_DIR}/resources/content.qrc
)
