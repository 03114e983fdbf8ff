# Reliability (issue 15): only C is parsed, faults outside the program
# (file-size limits, full disks, SIGKILL, read-only caches, concurrent
# writers), hostile configuration, generated files and per-TU limits.
set(CL_BIN $<TARGET_FILE:conc-lint>)

add_test(NAME reliability/only-c COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/only-c.sh ${CL_BIN})
