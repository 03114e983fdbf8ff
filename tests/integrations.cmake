# How conc-lint fits the tools C teams use (issue 14): GitHub code scanning's
# SARIF and annotations, the HTML report, progress and summaries, clang-tidy
# conventions.
set(CL_BIN $<TARGET_FILE:conc-lint>)
add_test(NAME integrations/sarif-upload COMMAND sh ${CL_SOURCE_DIR}/tests/sarif-upload.sh
         ${CL_BIN} ${CL_SOURCE_DIR} ${CMAKE_BINARY_DIR}/sarif-tool)
set_tests_properties(integrations/sarif-upload PROPERTIES TIMEOUT 600 RESOURCE_LOCK sarif_tool)
add_test(NAME integrations/github-annotations COMMAND sh ${CL_SOURCE_DIR}/tests/github-annotations.sh ${CL_BIN})
# The HTML report in headless Chromium (skipped without chromium, except in CI).
add_test(NAME integrations/html-report COMMAND sh ${CL_SOURCE_DIR}/tests/html-report.sh ${CL_BIN} ${CL_SOURCE_DIR})
set_tests_properties(integrations/html-report PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
# Progress line, end-of-run summary, --quiet, --stats in JSON, and the
# conventions clang-tidy users bring (NOLINT, globs, --list-checks, --color,
# config beside the analyzed file).
add_executable(progress_test ${CMAKE_CURRENT_SOURCE_DIR}/progress_test.c)
target_link_libraries(progress_test PRIVATE conclint)
add_test(NAME integrations/progress-unit COMMAND progress_test)
add_test(NAME integrations/conventions COMMAND sh ${CL_SOURCE_DIR}/tests/conventions.sh ${CL_BIN} ${CL_SOURCE_DIR})
