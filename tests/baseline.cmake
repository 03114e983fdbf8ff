# --baseline (analyzer/report/baseline.c) and the GitHub Actions writer
# (analyzer/report/report_github.c): unit tests on synthetic logs and findings, and
# an end-to-end check that SARIF partialFingerprints survive unrelated edits
# (blank lines inserted, a function reformatted, the checkout moved).
add_executable(baseline_test ${CMAKE_CURRENT_SOURCE_DIR}/baseline_test.c)
target_link_libraries(baseline_test PRIVATE conclint)
add_test(NAME baseline-unit COMMAND baseline_test)
set_tests_properties(baseline-unit PROPERTIES TIMEOUT 120 LABELS unit)

# Needs python3 to compare the logs; exit 77 (skipped) without it.
add_test(NAME baseline/fingerprint-stability
         COMMAND sh ${CL_SOURCE_DIR}/tests/fingerprint-stability.sh
                 $<TARGET_FILE:conc-lint> ${CL_SOURCE_DIR})
set_tests_properties(baseline/fingerprint-stability PROPERTIES
                     SKIP_RETURN_CODE 77 TIMEOUT 300)
