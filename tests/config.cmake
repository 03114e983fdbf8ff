# Unit tests of the configuration file reader (analyzer/cli/config.c) and of
# inline suppression comments (analyzer/report/suppress.c). Plain C programs that
# exit non-zero when a check fails; both need the real rule registry
# (CL001..CL004) from the conclint library.
foreach(t config_test suppress_test)
  add_executable(${t} ${CMAKE_CURRENT_SOURCE_DIR}/${t}.c)
  target_link_libraries(${t} PRIVATE conclint)
  add_test(NAME ${t} COMMAND ${t})
  set_tests_properties(${t} PROPERTIES TIMEOUT 120 LABELS unit)
endforeach()
