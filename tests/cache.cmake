# Summary cache and sharding (analyzer/cache/cache.c, --shard, --link).
add_test(NAME cache/example-server
         COMMAND sh ${CL_SOURCE_DIR}/tests/cache-check.sh $<TARGET_FILE:conc-lint> ${CL_SOURCE_DIR})
set_tests_properties(cache/example-server PROPERTIES LABELS tsan TIMEOUT 300 SKIP_RETURN_CODE 77)
