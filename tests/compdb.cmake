# Unit tests of the compile database reader (analyzer/cli/compdb.c) and of the
# --verify oracle (analyzer/report/verify.c). Both are plain C programs that exit
# non-zero on the first failed check run; verify_test needs the real rule
# registry (CL001..CL004) from the conclint library.
foreach(t compdb_test verify_test)
  add_executable(${t} ${CMAKE_CURRENT_SOURCE_DIR}/${t}.c)
  target_link_libraries(${t} PRIVATE conclint)
  add_test(NAME ${t} COMMAND ${t})
  set_tests_properties(${t} PROPERTIES TIMEOUT 120 LABELS unit)
endforeach()
