# Engine and registry checks.
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

# The flow engine's step budget is reported, never silent (analysis/flow.h).
add_test(NAME engine/budget-notified
         COMMAND bash ${CL_SOURCE_DIR}/tests/engine-budget.sh $<TARGET_FILE:conc-lint>
                 ${CL_SOURCE_DIR}/tests/engine/deep-contexts.c
                 ${CL_SOURCE_DIR}/tests/engine/recursive-contexts.c)
set_tests_properties(engine/budget-notified PROPERTIES LABELS unit)

# The flow engine's meaning of control flow and the tree queries, on code
# parsed by the real frontend (analysis/flow.h, analysis/callgraph.h).
add_executable(engine_test ${CMAKE_CURRENT_SOURCE_DIR}/engine_test.c)
target_link_libraries(engine_test PRIVATE conclint)
add_test(NAME engine_test COMMAND engine_test)
set_tests_properties(engine_test PROPERTIES TIMEOUT 120 LABELS unit)
