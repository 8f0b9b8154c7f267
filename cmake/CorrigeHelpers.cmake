# Shared build helpers for Corrige.

# One INTERFACE target carries warnings and the QT_NO_* flags for every target we build.
add_library(corrige_options INTERFACE)
target_compile_definitions(corrige_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
if(MSVC)
    target_compile_options(corrige_options INTERFACE /W4 /permissive- /utf-8)
    if(CORRIGE_WARNINGS_AS_ERRORS)
        target_compile_options(corrige_options INTERFACE /WX)
    endif()
else()
    target_compile_options(corrige_options INTERFACE -Wall -Wextra -Wpedantic
        -Wnon-virtual-dtor -Woverloaded-virtual -Wno-missing-field-initializers)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        target_compile_options(corrige_options INTERFACE -Wshadow=local)
    endif()
    if(CORRIGE_WARNINGS_AS_ERRORS)
        target_compile_options(corrige_options INTERFACE -Werror)
    endif()
endif()

# The core libraries (one per area under core/) must never link Qt Widgets.
set_property(GLOBAL PROPERTY CORRIGE_CORE_MODULES "")

# corrige_add_core_module(<name> SOURCES ... LIBS ...)
# Builds the static library corrige_<name> from core/<name>/ and adds it to the corrige_core umbrella.
function(corrige_add_core_module name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
    set(target corrige_${name})
    qt_add_library(${target} STATIC ${ARG_SOURCES})
    target_include_directories(${target} PUBLIC "${PROJECT_SOURCE_DIR}")
    target_link_libraries(${target} PUBLIC corrige_options ${ARG_LIBS})
    set_property(GLOBAL APPEND PROPERTY CORRIGE_CORE_MODULES ${target})
endfunction()

# Fails the configure step if any core library reaches Qt Widgets, directly or through a dependency.
function(_corrige_collect_links target out)
    set(seen ${${out}})
    if(NOT TARGET ${target} OR target IN_LIST seen)
        set(${out} ${seen} PARENT_SCOPE)
        return()
    endif()
    list(APPEND seen ${target})
    get_target_property(type ${target} TYPE)
    set(props INTERFACE_LINK_LIBRARIES)
    if(NOT type STREQUAL "INTERFACE_LIBRARY")
        list(APPEND props LINK_LIBRARIES)
    endif()
    foreach(prop IN LISTS props)
        get_target_property(links ${target} ${prop})
        if(links)
            foreach(link IN LISTS links)
                string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" link "${link}")
                if(TARGET ${link})
                    _corrige_collect_links(${link} seen)
                endif()
            endforeach()
        endif()
    endforeach()
    set(${out} ${seen} PARENT_SCOPE)
endfunction()

function(corrige_check_core_has_no_widgets)
    get_property(modules GLOBAL PROPERTY CORRIGE_CORE_MODULES)
    foreach(module IN LISTS modules corrige_core)
        set(all "")
        _corrige_collect_links(${module} all)
        foreach(dep IN LISTS all)
            if(dep MATCHES "Widgets")
                message(FATAL_ERROR "${module} links ${dep}: the core libraries must never depend on Qt Widgets.")
            endif()
        endforeach()
    endforeach()
endfunction()

# corrige_add_test(<name> SOURCES ... LIBS ... [GUI] [TIMEOUT seconds])
# One QtTest executable run by ctest on the offscreen platform, without the user's real configuration.
function(corrige_add_test name)
    cmake_parse_arguments(ARG "GUI" "TIMEOUT" "SOURCES;LIBS" ${ARGN})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    qt_add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE corrige_options Qt6::Test ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE
        CORRIGE_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
    add_test(NAME ${name} COMMAND ${name})
    # Labelled by folder (core, cli, ui, support): the sanitizer scripts pick suites by label.
    get_filename_component(area "${CMAKE_CURRENT_SOURCE_DIR}" NAME)
    set_tests_properties(${name} PROPERTIES
        LABELS "${area}"
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=*.debug=false;LC_ALL=C.UTF-8")
endfunction()

# The version, from project() only: a generated header for every target that shows it (corrige_version).
configure_file("${CMAKE_CURRENT_LIST_DIR}/corrigeversion.h.in" "${PROJECT_BINARY_DIR}/generated/corrigeversion.h" @ONLY)
add_library(corrige_version INTERFACE)
target_include_directories(corrige_version INTERFACE "${PROJECT_BINARY_DIR}/generated")
