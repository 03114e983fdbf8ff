# Reliability (issue 15): only C is parsed, faults outside the program
# (file-size limits, full disks, SIGKILL, read-only caches, concurrent
# writers), hostile configuration, generated files and per-TU limits.
set(CL_BIN $<TARGET_FILE:conc-lint>)

add_test(NAME reliability/only-c COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/only-c.sh ${CL_BIN} ${CL_SOURCE_DIR})

# Faults outside the program (issue 15 item 4): see tests/faults.sh.
foreach(c file-size full-disk readonly-cache concurrent sigkill)
  add_test(NAME reliability/fault-${c}
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/faults.sh ${CL_BIN} ${CL_SOURCE_DIR} ${c})
  set_tests_properties(reliability/fault-${c} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
endforeach()

# Hostile configuration (issue 15 item 5): see tests/hostile-config.sh.
add_test(NAME reliability/hostile-config
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/hostile-config.sh ${CL_BIN} ${CL_SOURCE_DIR})
set_tests_properties(reliability/hostile-config PROPERTIES TIMEOUT 120)

# Generated files (issue 15 item 3): see tests/generated.sh.
add_test(NAME reliability/generated
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/generated.sh ${CL_BIN} ${CL_SOURCE_DIR})

# Per-TU limits and isolation (issue 15 item 1): see tests/tu-limits.sh.
foreach(c timeout memory crash reuse)
  add_test(NAME reliability/tu-limit-${c}
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/tu-limits.sh ${CL_BIN} ${CL_SOURCE_DIR} ${c})
  set_tests_properties(reliability/tu-limit-${c} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
endforeach()
