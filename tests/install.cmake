# Installation and packaging (issue 14, item 1): cmake --install into a
# temporary prefix, the installed binary, the man page and completions; the
# .deb's Depends; the run-time libclang search (locate_test.c).
add_test(NAME install/prefix COMMAND sh ${CL_SOURCE_DIR}/tests/install.sh ${CMAKE_BINARY_DIR} ${CL_SOURCE_DIR})
set_tests_properties(install/prefix PROPERTIES TIMEOUT 300)
add_test(NAME install/deb COMMAND sh ${CL_SOURCE_DIR}/tests/deb.sh ${CMAKE_BINARY_DIR})
set_tests_properties(install/deb PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
add_executable(locate_test ${CMAKE_CURRENT_SOURCE_DIR}/locate_test.c)
target_link_libraries(locate_test PRIVATE conclint)
add_test(NAME install/libclang-search COMMAND locate_test)

# The pre-commit framework hook (.pre-commit-hooks.yaml), offline, with
# Debian's pre-commit (issue 14, item 2).
add_test(NAME install/pre-commit-hook COMMAND sh ${CL_SOURCE_DIR}/tests/pre-commit-hook.sh
         $<TARGET_FILE:conc-lint> ${CL_SOURCE_DIR})
set_tests_properties(install/pre-commit-hook PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
