# The CI-gate contract: config, suppressions, baseline, GitHub annotations,
# parse failures (tests/gate-check.sh).
add_test(NAME gate/contract
         COMMAND sh ${CL_SOURCE_DIR}/tests/gate-check.sh $<TARGET_FILE:conc-lint> ${CL_SOURCE_DIR})
set_tests_properties(gate/contract PROPERTIES TIMEOUT 300)
