# The byte helpers of analyzer/util/bytes.c: the content hash the summary
# cache keys file changes on.
add_executable(bytes_test ${CMAKE_CURRENT_SOURCE_DIR}/bytes_test.c)
target_link_libraries(bytes_test PRIVATE conclint)
add_test(NAME util/content-hash COMMAND bytes_test)
set_tests_properties(util/content-hash PROPERTIES TIMEOUT 60 LABELS unit)
