# The suite is hermetic (tests/CMakeLists.txt gives every test its own HOME,
# XDG_* and TMPDIR): every test is set up so, and representative tests that
# use the default summary cache, run with an empty HOME, leave it empty.
add_test(NAME hermetic/sandboxed
         COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/hermetic-check.py ${CMAKE_CTEST_COMMAND}
                 ${CMAKE_CURRENT_BINARY_DIR} ${CL_SANDBOX}
                 verify/example-server
                 verify/cl002-unguarded-shared-state/01-flag-checked-before-lock
                 self/clean)
set_tests_properties(hermetic/sandboxed PROPERTIES TIMEOUT 300)
