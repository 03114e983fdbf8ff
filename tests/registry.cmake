# The rule registry: every rule has its file, registry line, docs row, help
# text with a fix, and at least 6 positive and 6 negative --verify cases
# (scripts/check-registry.py); scripts/new-rule creates all of those.
find_package(Python3 COMPONENTS Interpreter REQUIRED)
add_test(NAME registry/complete
         COMMAND ${Python3_EXECUTABLE} ${CL_SOURCE_DIR}/scripts/check-registry.py
                 $<TARGET_FILE:conc-lint> ${CL_SOURCE_DIR})
set_tests_properties(registry/complete PROPERTIES LABELS unit)
add_test(NAME registry/new-rule
         COMMAND bash ${CL_SOURCE_DIR}/tests/new-rule.sh ${CL_SOURCE_DIR} ${CMAKE_C_COMPILER})
set_tests_properties(registry/new-rule PROPERTIES LABELS unit)
