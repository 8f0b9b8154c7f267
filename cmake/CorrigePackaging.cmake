# Installation and packages: a .deb on Linux (cpack -G DEB), an NSIS installer on Windows (cpack -G NSIS) and a
# DragNDrop .dmg on macOS (cpack -G DragNDrop). Every platform installs the same things; only where and how differ.

include(GNUInstallDirs)

set(CORRIGE_APP_ID "org.corrige.Corrige")
set(CORRIGE_HOMEPAGE_URL "https://github.com/corrige/corrige" CACHE STRING "Where Corrige is published")
set(CORRIGE_SCREENSHOT_URL "https://raw.githubusercontent.com/corrige/corrige/main/resources/screenshots"
    CACHE STRING "Where the AppStream screenshots are published (resources/screenshots)")
set(CORRIGE_RUNTIME_DIRS "" CACHE STRING "Windows: more folders where the DLLs to install are found")
set(CORRIGE_MAINTAINER "Corrige maintainers <maintainers@corrige.org>" CACHE STRING "The packages' maintainer")

set(_pkg "${PROJECT_SOURCE_DIR}/packaging")
set(_icons "${PROJECT_SOURCE_DIR}/resources/icons")
set(_demo_files
    "${PROJECT_SOURCE_DIR}/resources/demo/exam.json"
    "${PROJECT_SOURCE_DIR}/resources/demo/roster.csv"
    "${PROJECT_SOURCE_DIR}/resources/demo/scans.pdf"
    "${PROJECT_SOURCE_DIR}/resources/demo/ATTRIBUTION.md"
    "${PROJECT_SOURCE_DIR}/resources/demo/LICENSE_AGPL-3.0.txt")

# The executables carry their icon on Windows and macOS.
if(WIN32 AND TARGET corrige)
    file(TO_CMAKE_PATH "${_icons}/corrige.ico" _ico)
    file(WRITE "${PROJECT_BINARY_DIR}/generated/corrige.rc" "IDI_ICON1 ICON \"${_ico}\"\n")
    target_sources(corrige PRIVATE "${PROJECT_BINARY_DIR}/generated/corrige.rc")
endif()
if(APPLE AND TARGET corrige)
    # .icns files made from the same PNG renderings of the SVGs, with Apple's iconutil.
    set(_icns_outputs "")
    foreach(_icon corrige application-x-corrige)
        set(_iconset "${PROJECT_BINARY_DIR}/generated/${_icon}.iconset")
        set(_icns "${PROJECT_BINARY_DIR}/generated/${_icon}.icns")
        set(_copies "")
        foreach(_pair "16;16x16" "32;16x16@2x" "32;32x32" "64;32x32@2x" "128;128x128" "256;128x128@2x"
                      "256;256x256" "512;256x256@2x" "512;512x512" "1024;512x512@2x")
            list(GET _pair 0 _size)
            list(GET _pair 1 _name)
            set(_source "${_icons}/png/${_icon}-${_size}.png")
            if(NOT EXISTS "${_source}")
                set(_source "${_icons}/png/${_icon}-256.png")
            endif()
            list(APPEND _copies COMMAND ${CMAKE_COMMAND} -E copy "${_source}" "${_iconset}/icon_${_name}.png")
        endforeach()
        add_custom_command(OUTPUT "${_icns}"
            COMMAND ${CMAKE_COMMAND} -E make_directory "${_iconset}"
            ${_copies}
            COMMAND iconutil -c icns -o "${_icns}" "${_iconset}"
            DEPENDS "${_icons}/${_icon}.svg"
            VERBATIM)
        list(APPEND _icns_outputs "${_icns}")
    endforeach()
    target_sources(corrige PRIVATE ${_icns_outputs})
    set_source_files_properties(${_icns_outputs} PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    set_target_properties(corrige PROPERTIES
        MACOSX_BUNDLE_INFO_PLIST "${_pkg}/macos/Info.plist.in"
        MACOSX_BUNDLE_BUNDLE_NAME "Corrige"
        MACOSX_BUNDLE_GUI_IDENTIFIER "${CORRIGE_APP_ID}"
        MACOSX_BUNDLE_ICON_FILE "corrige.icns"
        MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
        MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
        MACOSX_BUNDLE_COPYRIGHT "The Corrige authors, AGPL-3.0")
endif()

# ---------------------------------------------------------------------------------------------------------------
# What is installed

if(APPLE)
    # Everything goes inside Corrige.app, which the .dmg offers to drag to Applications.
    set(_bin "corrige.app/Contents/MacOS")
    set(_data "corrige.app/Contents/Resources")
    set(_doc "corrige.app/Contents/Resources")
    install(TARGETS corrige BUNDLE DESTINATION .)
    install(TARGETS corrige-cli RUNTIME DESTINATION "${_bin}")
else()
    set(_bin "${CMAKE_INSTALL_BINDIR}")
    set(_data "${CMAKE_INSTALL_DATADIR}/corrige")
    set(_doc "${CMAKE_INSTALL_DATADIR}/doc/corrige")
    if(WIN32)
        # With the DLLs they import that Qt's windeployqt does not bring: qpdf, QtKeychain and their own (vcpkg).
        install(TARGETS corrige corrige-cli
            RUNTIME_DEPENDENCIES
                PRE_EXCLUDE_REGEXES "api-ms-.*" "ext-ms-.*" "^[Qq]t6.*"
                POST_EXCLUDE_REGEXES ".*[Ss]ystem32/.*[.]dll"
                DIRECTORIES "${QPDF_PREFIX}/bin" ${CORRIGE_RUNTIME_DIRS}
            RUNTIME DESTINATION "${_bin}")
    else()
        install(TARGETS corrige corrige-cli RUNTIME DESTINATION "${_bin}")
    endif()
endif()
install(FILES ${_demo_files} DESTINATION "${_data}/demo")

if(UNIX AND NOT APPLE)
    set(_share "${CMAKE_INSTALL_DATADIR}")
    install(FILES "${_pkg}/linux/${CORRIGE_APP_ID}.desktop" DESTINATION "${_share}/applications")
    configure_file("${_pkg}/linux/${CORRIGE_APP_ID}.metainfo.xml.in"
                   "${PROJECT_BINARY_DIR}/packaging/${CORRIGE_APP_ID}.metainfo.xml" @ONLY)
    install(FILES "${PROJECT_BINARY_DIR}/packaging/${CORRIGE_APP_ID}.metainfo.xml" DESTINATION "${_share}/metainfo")
    install(FILES "${_pkg}/linux/corrige-mime.xml" DESTINATION "${_share}/mime/packages" RENAME "corrige.xml")
    foreach(_size 16 22 24 32 48 64 128 256 512)
        install(FILES "${_icons}/png/corrige-${_size}.png"
                DESTINATION "${_share}/icons/hicolor/${_size}x${_size}/apps" RENAME "corrige.png")
    endforeach()
    foreach(_size 16 22 24 32 48 64 128 256)
        install(FILES "${_icons}/png/application-x-corrige-${_size}.png"
                DESTINATION "${_share}/icons/hicolor/${_size}x${_size}/mimetypes")
    endforeach()
    install(FILES "${_icons}/corrige.svg" DESTINATION "${_share}/icons/hicolor/scalable/apps")
    install(FILES "${_icons}/application-x-corrige.svg" DESTINATION "${_share}/icons/hicolor/scalable/mimetypes")

    # Debian wants the licence in a machine-readable copyright file and a compressed changelog.
    file(READ "${PROJECT_SOURCE_DIR}/LICENSE" _licence)
    string(REGEX REPLACE "\n[ \t]*\n" "\n.\n" _licence "${_licence}")
    string(REGEX REPLACE "\n[ \t]*\n" "\n.\n" _licence "${_licence}")
    string(REPLACE "\n" "\n " _licence "${_licence}")
    string(STRIP "${_licence}" _licence)
    file(WRITE "${PROJECT_BINARY_DIR}/packaging/copyright"
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: Corrige\n"
        "Source: ${CORRIGE_HOMEPAGE_URL}\n"
        "\n"
        "Files: *\n"
        "Copyright: The Corrige authors\n"
        "License: AGPL-3.0\n"
        "\n"
        "Files: usr/share/corrige/demo/*\n"
        "Copyright: The Zesje authors (TU Delft)\n"
        "License: AGPL-3.0\n"
        "Comment: the demo exam and its scans come from the Zesje project, github.com/zesje/zesje.\n"
        "\n"
        "License: AGPL-3.0\n"
        " ${_licence}\n")
    install(FILES "${PROJECT_BINARY_DIR}/packaging/copyright" DESTINATION "${_doc}")
    string(TIMESTAMP CORRIGE_RELEASE_DATE_RFC2822 "%a, %d %b %Y 00:00:00 +0000" UTC)
    if(CORRIGE_RELEASE_DATE)
        execute_process(COMMAND date -u -R -d "${CORRIGE_RELEASE_DATE}"
                        OUTPUT_VARIABLE CORRIGE_RELEASE_DATE_RFC2822 OUTPUT_STRIP_TRAILING_WHITESPACE)
    endif()
    configure_file("${_pkg}/linux/changelog.in" "${PROJECT_BINARY_DIR}/packaging/changelog" @ONLY)
    find_program(CORRIGE_GZIP gzip)
    if(CORRIGE_GZIP)
        add_custom_command(OUTPUT "${PROJECT_BINARY_DIR}/packaging/changelog.gz"
            COMMAND "${CORRIGE_GZIP}" -9 -n -c "${PROJECT_BINARY_DIR}/packaging/changelog"
                    > "${PROJECT_BINARY_DIR}/packaging/changelog.gz"
            DEPENDS "${PROJECT_BINARY_DIR}/packaging/changelog")
        add_custom_target(corrige_changelog ALL DEPENDS "${PROJECT_BINARY_DIR}/packaging/changelog.gz")
        # A native package (its version has no Debian revision): changelog.gz, not changelog.Debian.gz.
        install(FILES "${PROJECT_BINARY_DIR}/packaging/changelog.gz" DESTINATION "${_doc}")
        foreach(_page corrige corrige-cli)
            add_custom_command(OUTPUT "${PROJECT_BINARY_DIR}/packaging/${_page}.1.gz"
                COMMAND "${CORRIGE_GZIP}" -9 -n -c "${_pkg}/linux/${_page}.1"
                        > "${PROJECT_BINARY_DIR}/packaging/${_page}.1.gz"
                DEPENDS "${_pkg}/linux/${_page}.1")
            list(APPEND _man_pages "${PROJECT_BINARY_DIR}/packaging/${_page}.1.gz")
        endforeach()
        add_custom_target(corrige_man_pages ALL DEPENDS ${_man_pages})
        install(FILES ${_man_pages} DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
    endif()
else()
    install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" "${PROJECT_SOURCE_DIR}/README.md" DESTINATION "${_doc}")
endif()
if(WIN32)
    install(FILES "${_icons}/application-x-corrige.ico" DESTINATION "${_data}")
endif()

# Qt and the other libraries go with the executables on Windows and macOS (Linux uses the system's).
if(WIN32 OR APPLE)
    get_target_property(_qmake Qt6::qmake IMPORTED_LOCATION)
    get_filename_component(_qt_bin "${_qmake}" DIRECTORY)
    if(WIN32)
        find_program(CORRIGE_WINDEPLOYQT windeployqt HINTS "${_qt_bin}" REQUIRED)
        install(CODE "
            foreach(exe corrige.exe corrige-cli.exe)
                execute_process(COMMAND \"${CORRIGE_WINDEPLOYQT}\" --no-compiler-runtime --no-system-d3d-compiler
                                        --no-opengl-sw \"\${CMAKE_INSTALL_PREFIX}/${_bin}/\${exe}\"
                                COMMAND_ERROR_IS_FATAL ANY)
            endforeach()")
        set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION "${_bin}")
        include(InstallRequiredSystemLibraries)
    else()
        find_program(CORRIGE_MACDEPLOYQT macdeployqt HINTS "${_qt_bin}" REQUIRED)
        install(CODE "
            execute_process(COMMAND \"${CORRIGE_MACDEPLOYQT}\" \"\${CMAKE_INSTALL_PREFIX}/corrige.app\"
                                    \"-executable=\${CMAKE_INSTALL_PREFIX}/${_bin}/corrige-cli\" -always-overwrite
                            COMMAND_ERROR_IS_FATAL ANY)")
    endif()
endif()

# ---------------------------------------------------------------------------------------------------------------
# Packages

set(CPACK_PACKAGE_NAME "corrige")
set(CPACK_PACKAGE_VENDOR "The Corrige authors")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "${CORRIGE_MAINTAINER}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${CORRIGE_HOMEPAGE_URL}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "grade scanned handwritten exam copies with vision language models")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Corrige")
set(CPACK_PACKAGE_EXECUTABLES "corrige;Corrige")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# Debian
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "education")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded as plugins or data, so shlibdeps cannot see them: the SQLite driver, the window system, Qt's French.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, qt6-translations-l10n")
# CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY first as the synopsis; this is the extended description.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Corrige helps a teacher grade a pile of scanned, handwritten exam copies.
Load the scans, check the rubric of each question, then let one or two
vision language models (Google Gemini, OpenAI GPT, or any OpenAI-compatible
server such as Ollama or vLLM) propose grades that you review and correct.
.
Everything lives in one session file (*.corrige) that can be copied to
another computer and reopened offline. The package holds the desktop
application, the command-line tool corrige-cli and a demo exam.")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)

# Windows (NSIS): Start menu entry, the .corrige file association, an uninstaller that removes both.
set(CPACK_NSIS_PACKAGE_NAME "Corrige")
set(CPACK_NSIS_DISPLAY_NAME "Corrige ${PROJECT_VERSION}")
set(CPACK_NSIS_MUI_ICON "${_icons}/corrige.ico")
set(CPACK_NSIS_MUI_UNIICON "${_icons}/corrige.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\corrige.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${CORRIGE_HOMEPAGE_URL}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_EXECUTABLES_DIRECTORY "bin")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "corrige.exe")
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS "
    WriteRegStr HKCR '.corrige' '' 'Corrige.Session'
    WriteRegStr HKCR '.corrige' 'Content Type' 'application/x-corrige'
    WriteRegStr HKCR 'Corrige.Session' '' 'Corrige session'
    WriteRegStr HKCR 'Corrige.Session\\\\DefaultIcon' '' '$INSTDIR\\\\share\\\\corrige\\\\application-x-corrige.ico'
    WriteRegStr HKCR 'Corrige.Session\\\\shell\\\\open\\\\command' '' '\\\"$INSTDIR\\\\bin\\\\corrige.exe\\\" \\\"%1\\\"'
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "
    DeleteRegKey HKCR '.corrige'
    DeleteRegKey HKCR 'Corrige.Session'
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'")

# macOS
set(CPACK_DMG_VOLUME_NAME "Corrige ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT "UDZO")

include(CPack)
