# Report layer: unit tests of finding.c / report*.c on synthetic findings,
# and (with CL_SARIF_VALIDATE) the official SARIF validator on a sample log.
add_executable(report_test ${CMAKE_CURRENT_SOURCE_DIR}/report_test.c)
target_link_libraries(report_test PRIVATE conclint)
add_test(NAME report-unit COMMAND report_test)

if(CL_SARIF_VALIDATE)
  cl_sandbox_dir(d report-sarif-sample)
  set(CL_REPORT_SAMPLE ${d}/tmp/report-sample.sarif)
  add_test(NAME report-sarif-sample COMMAND report_test --write-sarif ${CL_REPORT_SAMPLE})
  set_tests_properties(report-sarif-sample PROPERTIES FIXTURES_SETUP report_sarif_sample)
  # Installs @microsoft/sarif-multitool into the build tree on first use;
  # exit 77 (skipped) when node/npm or the network are not available.
  add_test(NAME report-sarif-validate
           COMMAND sh ${CL_SOURCE_DIR}/tests/sarif-validate.sh ${CL_REPORT_SAMPLE}
                   ${CMAKE_BINARY_DIR}/sarif-tool)
  set_tests_properties(report-sarif-validate PROPERTIES
                       FIXTURES_REQUIRED report_sarif_sample
                       SKIP_RETURN_CODE 77
                       TIMEOUT 600
                       RESOURCE_LOCK sarif_tool)

  # The same with --baseline results (baselineState new, unchanged and
  # absent, an absent result of a rule that no longer exists) and a file
  # name and message that are not UTF-8.
  cl_sandbox_dir(d report-sarif-baseline-sample)
  set(CL_REPORT_BASELINE_SAMPLE ${d}/tmp/report-sample-baseline.sarif)
  add_test(NAME report-sarif-baseline-sample
           COMMAND report_test --write-sarif-baseline ${CL_REPORT_BASELINE_SAMPLE})
  set_tests_properties(report-sarif-baseline-sample PROPERTIES
                       FIXTURES_SETUP report_sarif_baseline_sample)
  add_test(NAME report-sarif-baseline-validate
           COMMAND sh ${CL_SOURCE_DIR}/tests/sarif-validate.sh ${CL_REPORT_BASELINE_SAMPLE}
                   ${CMAKE_BINARY_DIR}/sarif-tool)
  set_tests_properties(report-sarif-baseline-validate PROPERTIES
                       FIXTURES_REQUIRED report_sarif_baseline_sample
                       SKIP_RETURN_CODE 77
                       TIMEOUT 600
                       RESOURCE_LOCK sarif_tool)
endif()
