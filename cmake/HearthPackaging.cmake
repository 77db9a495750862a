# What an installation contains besides the executables, and the installers CPack makes from it:
# a DEB on Linux (`cpack -G DEB` in the build folder), a DMG on macOS (`cpack -G DragNDrop`).
# The AppImage's AppDir (packaging/linux/make-appdir.sh) and the MSI (packaging/windows/) are
# made from the same installation. packaging/build-packages.sh runs every Linux step.
include(GNUInstallDirs)

set(HEARTH_APP_ID org.hearth.Hearth)
set(HEARTH_PACKAGING_DIR ${PROJECT_SOURCE_DIR}/packaging)

if(WIN32)
    # The icon of hearth.exe; a window of its own (no console) like every Windows program.
    set(HEARTH_ICO ${PROJECT_SOURCE_DIR}/resources/icons/hearth.ico)
    configure_file(${HEARTH_PACKAGING_DIR}/windows/hearth.rc.in ${CMAKE_BINARY_DIR}/packaging/hearth.rc @ONLY)
    target_sources(hearth PRIVATE ${CMAKE_BINARY_DIR}/packaging/hearth.rc)
    set_target_properties(hearth PROPERTIES WIN32_EXECUTABLE TRUE)
    # The MSVC runtime DLLs beside the programs (app-local), so the MSI needs no redistributable.
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
    include(InstallRequiredSystemLibraries)
    # The licence texts of Hearth and of the Qt the MSI carries.
    install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/licenses DESTINATION ${CMAKE_INSTALL_BINDIR})
    # Qt's DLLs and plugins beside the programs: `cmake --install` gives the MSI's payload folder.
    find_program(WINDEPLOYQT_EXECUTABLE windeployqt HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}")
    if(WINDEPLOYQT_EXECUTABLE)
        install(CODE "
            set(bin \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\")
            execute_process(COMMAND \"${WINDEPLOYQT_EXECUTABLE}\" --release --no-translations
                    --no-system-d3d-compiler --no-opengl-sw
                    \"\${bin}/hearth.exe\" \"\${bin}/hearth-server.exe\" \"\${bin}/hearthctl.exe\"
                COMMAND_ERROR_IS_FATAL ANY)")
    endif()
endif()

if(APPLE)
    # Hearth.app: Info.plist from packaging/macos, the ICNS in Resources. hearth-server and
    # hearthctl are installed into Contents/MacOS beside it (app/*/CMakeLists.txt), so all three
    # use the frameworks macdeployqt puts into the bundle.
    set(icns ${PROJECT_SOURCE_DIR}/resources/icons/hearth.icns)
    target_sources(hearth PRIVATE ${icns})
    set_source_files_properties(${icns} TARGET_DIRECTORY hearth PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    set_target_properties(hearth PROPERTIES
        OUTPUT_NAME Hearth
        MACOSX_BUNDLE TRUE
        MACOSX_BUNDLE_INFO_PLIST ${HEARTH_PACKAGING_DIR}/macos/Info.plist.in
        MACOSX_BUNDLE_BUNDLE_NAME Hearth
        MACOSX_BUNDLE_GUI_IDENTIFIER ${HEARTH_APP_ID}
        MACOSX_BUNDLE_ICON_FILE hearth.icns
        MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
        MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
        MACOSX_BUNDLE_COPYRIGHT "© 2026 The Hearth developers. GPL 3 or later.")
    # The licence texts of Hearth and of the Qt frameworks macdeployqt puts into the bundle.
    install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/licenses DESTINATION Hearth.app/Contents/Resources)
    # macdeployqt at install time, on the installed bundle: CPack's DragNDrop generator installs
    # into its staging folder first, so the DMG gets the completed bundle.
    find_program(MACDEPLOYQT_EXECUTABLE macdeployqt HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}")
    if(MACDEPLOYQT_EXECUTABLE)
        install(CODE "
            set(app \"\${CMAKE_INSTALL_PREFIX}/Hearth.app\")
            execute_process(COMMAND \"${MACDEPLOYQT_EXECUTABLE}\" \"\${app}\" -always-overwrite
                    \"-executable=\${app}/Contents/MacOS/hearth-server\"
                    \"-executable=\${app}/Contents/MacOS/hearthctl\"
                COMMAND_ERROR_IS_FATAL ANY)")
    endif()
endif()

if(UNIX AND NOT APPLE)
    # Desktop integration: the menu entry, the software-centre metadata and the icon theme.
    install(FILES ${HEARTH_PACKAGING_DIR}/linux/${HEARTH_APP_ID}.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${HEARTH_PACKAGING_DIR}/linux/${HEARTH_APP_ID}.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    foreach(size 16 24 32 48 64 128 256 512)
        install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/png/hearth-${size}.png
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
                RENAME ${HEARTH_APP_ID}.png)
    endforeach()
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/hearth.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${HEARTH_APP_ID}.svg)

    # hearth-server as a system service (installed, not enabled) with its documented settings.
    # Absolute paths: Debian 12 keeps packaged units under /lib (its merged-/usr moratorium), and
    # settings under /etc whatever the prefix. The unit starts /usr/bin/hearth-server, as the DEB
    # installs it.
    set(HEARTH_SYSTEMD_UNIT_DIR "/lib/systemd/system" CACHE STRING "Where hearth-server.service is installed")
    install(FILES ${HEARTH_PACKAGING_DIR}/linux/hearth-server.service DESTINATION ${HEARTH_SYSTEMD_UNIT_DIR})
    install(FILES ${HEARTH_PACKAGING_DIR}/linux/hearth-server.conf DESTINATION /etc/hearth)

    # Debian's documentation files: the machine-readable copyright and the changelog, compressed
    # without a timestamp (gzip -n) so the package is reproducible.
    set(doc_dir ${CMAKE_INSTALL_DATADIR}/doc/hearth)
    install(FILES ${HEARTH_PACKAGING_DIR}/debian/copyright DESTINATION ${doc_dir})
    set(changelog ${CMAKE_BINARY_DIR}/packaging/changelog.gz)
    add_custom_command(OUTPUT ${changelog}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/packaging
        COMMAND gzip -9nc ${HEARTH_PACKAGING_DIR}/debian/changelog > ${changelog}
        DEPENDS ${HEARTH_PACKAGING_DIR}/debian/changelog VERBATIM)

    # Manual pages from each program's --help (help2man), with the sections it cannot know from
    # packaging/man/<program>.h2m. Without help2man the build goes on without them (the packaging
    # script installs it, and lintian would report their absence). Sanitizer builds make none:
    # nobody packages them, and a leak report at exit would fail the build, not a test.
    find_program(HELP2MAN_EXECUTABLE help2man)
    set(man_pages)
    if(HELP2MAN_EXECUTABLE AND NOT HEARTH_SANITIZE)
        set(summary_hearth "live orders for the restaurant back office")
        set(summary_hearth-server "Hearth's reference backend: orders REST API and WebSocket")
        set(summary_hearthctl "check and watch a Hearth dashboard's connection")
        foreach(program hearth hearth-server hearthctl)
            set(page ${CMAKE_BINARY_DIR}/packaging/man/${program}.1)
            # HOME=~: defaults under the home folder read "~/.local/…" in the page, not the
            # builder's home. help2man takes its date from SOURCE_DATE_EPOCH when set.
            add_custom_command(OUTPUT ${page}.gz
                COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/packaging/man
                COMMAND ${CMAKE_COMMAND} -E env HOME=~ QT_QPA_PLATFORM=offscreen
                        ${HELP2MAN_EXECUTABLE} --no-info --section=1 "--name=${summary_${program}}"
                        --include=${HEARTH_PACKAGING_DIR}/man/${program}.h2m --output=${page}
                        $<TARGET_FILE:${program}>
                COMMAND gzip -9nf ${page}
                DEPENDS ${program} ${HEARTH_PACKAGING_DIR}/man/${program}.h2m VERBATIM)
            list(APPEND man_pages ${page}.gz)
        endforeach()
        install(FILES ${man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    else()
        message(STATUS "help2man not found: no manual pages (packaging/build-packages.sh installs it)")
    endif()
    add_custom_target(hearth_packaging_docs ALL DEPENDS ${changelog} ${man_pages})
    install(FILES ${changelog} DESTINATION ${doc_dir})
endif()

# --- CPack -------------------------------------------------------------------------------------
set(CPACK_PACKAGE_NAME hearth)
set(CPACK_PACKAGE_VENDOR "The Hearth developers")
set(CPACK_PACKAGE_CONTACT "The Hearth developers <maintainers@hearth.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "live orders for the restaurant back office")
set(CPACK_PACKAGE_INSTALL_DIRECTORY Hearth)
set(CPACK_PACKAGE_ICON ${PROJECT_SOURCE_DIR}/resources/icons/hearth.icns)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build/;/\\\\.git/")

# DEB: one package (the three programs share the libraries and are small). Depends comes from
# dpkg-shlibdeps, plus what Qt loads as a plugin at run time, which it cannot see: the SQLite
# driver (caches, the server's database) and the platform plugins (xcb is in libqt6gui6 on
# Debian 12, in qt6-qpa-plugins on later releases). TLS needs nothing more: the OpenSSL backend
# ships in libqt6network6, which depends on libssl3. The Analytics page's charts (libqt6charts6)
# are linked, so shlibdeps finds them; they are named as well so a build without shlibdeps
# (cross-packaging) still installs them.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6sql6-sqlite, qt6-qpa-plugins, libqt6charts6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, fonts-dejavu-core, qt6-translations-l10n")
# hearth-server --database postgresql://… loads Qt's PostgreSQL driver, a plugin shlibdeps cannot
# see; SQLite, the default, needs nothing more.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libqt6sql6-psql")
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the extended description.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Hearth is a dashboard that restaurant staff keep open all shift: new orders
appear the moment they are placed, staff acknowledge them and move them
through the kitchen, and the status bar always tells the truth about the
link to the restaurant's server. It keeps working from its local copy of the
orders while the network is down, edits the restaurant's website widgets,
and also connects to Rails and Supabase backends through profiles.
.
The package contains the hearth dashboard, hearth-server (the reference
backend, with a systemd service that is installed but not enabled) and
hearthctl, which checks a dashboard's connection step by step.")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${HEARTH_PACKAGING_DIR}/debian/postinst
    ${HEARTH_PACKAGING_DIR}/debian/prerm
    ${HEARTH_PACKAGING_DIR}/debian/postrm
    ${CMAKE_BINARY_DIR}/packaging/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
file(WRITE ${CMAKE_BINARY_DIR}/packaging/conffiles "/etc/hearth/hearth-server.conf\n")

# DMG (macOS): the hearth.app bundle dragged onto Applications. The bundle is completed by
# macdeployqt (packaging/macos/deploy.cmake), which CPack runs while it stages the bundle.
set(CPACK_DMG_VOLUME_NAME Hearth)
set(CPACK_DMG_FORMAT UDZO)

include(CPack)
