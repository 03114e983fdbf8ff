# The IR the frontend produces (analyzer/frontend/, analyzer/ir/): labels,
# goto targets and do-while loops in --dump-ir, and their trip through the
# summary format. The expectations are `ir:` comments in tests/ir/jumps.c.
add_executable(ir_test ${CMAKE_CURRENT_SOURCE_DIR}/ir_test.c)
target_link_libraries(ir_test PRIVATE conclint)
add_test(NAME ir/jumps COMMAND ir_test ${CMAKE_CURRENT_SOURCE_DIR}/ir/jumps.c)
set_tests_properties(ir/jumps PROPERTIES TIMEOUT 120 LABELS unit)
