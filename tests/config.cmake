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

# CL001 reads `registration_apis`: a callback that a project function runs in
# its own accept loop is a request handler only when the config names that
# function (tests/cl001/registration-api.c); without the key the finding is
# missing, so the key is what makes the first test pass.
set(CL001_CASES ${CL_SOURCE_DIR}/tests/cl001)
add_test(NAME config/cl001-registration-api
         COMMAND sh ${CL_SOURCE_DIR}/tests/expect-exit.sh 0 "1 expected, 1 found"
                 $<TARGET_FILE:conc-lint> --no-cache --verify
                 --config ${CL001_CASES}/registration-api.json
                 ${CL001_CASES}/registration-api.c -- -pthread)
add_test(NAME config/cl001-registration-api-needs-key
         COMMAND sh ${CL_SOURCE_DIR}/tests/expect-exit.sh 1 "missing finding CL001"
                 $<TARGET_FILE:conc-lint> --no-cache --verify
                 --config ${CL001_CASES}/no-registration-apis.json
                 ${CL001_CASES}/registration-api.c -- -pthread)
set_tests_properties(config/cl001-registration-api config/cl001-registration-api-needs-key
                     PROPERTIES LABELS "unit;verify")

# "event_loops" switches the event-loop model (docs/config.md): the same
# libevent program (a handler that every worker's loop runs bumps a global)
# reports its race with the key on (testdata/event-loops/.conc-lint.json, the
# verify/event-loops/* tests) and nothing with the key off, the default.
set(CL_EVLOOP_RACE ${CL_SOURCE_DIR}/testdata/event-loops/700-libevent-workers-handler-stats.c)
add_test(NAME config/event-loops-on
         COMMAND sh ${CL_SOURCE_DIR}/tests/expect-exit.sh 0 "1 expected, 1 found"
                 $<TARGET_FILE:conc-lint> --no-cache --verify
                 --config ${CL_SOURCE_DIR}/testdata/event-loops/.conc-lint.json
                 ${CL_EVLOOP_RACE} -- -pthread)
add_test(NAME config/event-loops-off
         COMMAND sh ${CL_SOURCE_DIR}/tests/expect-exit.sh 1 "missing finding CL002"
                 $<TARGET_FILE:conc-lint> --no-cache --verify
                 --config ${CL_SOURCE_DIR}/testdata/event-loops-off/.conc-lint.json
                 ${CL_EVLOOP_RACE} -- -pthread)
set_tests_properties(config/event-loops-on config/event-loops-off PROPERTIES LABELS "unit;verify")
