# Where a Debian system expects things; grids are found at run time relative to the binary
# (<prefix>/bin/../share/ess-eval/criteria), so any prefix works.
include(GNUInstallDirs)

install(TARGETS ess-eval RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES man/ess-eval.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES completion/ess-eval.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME ess-eval)
install(FILES completion/_ess-eval DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions OPTIONAL)
install(DIRECTORY criteria/ DESTINATION ${CMAKE_INSTALL_DATADIR}/ess-eval/criteria
        FILES_MATCHING PATTERN "*.yaml")
install(DIRECTORY schemas/ DESTINATION ${CMAKE_INSTALL_DATADIR}/ess-eval/schemas
        FILES_MATCHING PATTERN "*.json")
install(DIRECTORY examples/dossiers DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
install(FILES README.md doc/guide-instruction.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ess-eval)
set(CPACK_PACKAGE_VENDOR "ess-eval")
set(CPACK_PACKAGE_CONTACT "ess-eval maintainers <maintainers@ess-eval.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # libyaml-cpp0.7, libfmt9, libstdc++6… from the binary
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "pandoc")
set(CPACK_STRIP_FILES ON)
include(CPack)
