# Every case in testdata/ runs through `conc-lint --verify`: single files with
# -pthread, folders through their own compile_commands.json. A pass needs exit
# status 0 and the oracle's summary line (a binary that prints nothing fails).
set(CL_VERIFY sh ${CL_SOURCE_DIR}/tests/expect-exit.sh 0 "verify: " $<TARGET_FILE:conc-lint> --verify)
file(GLOB CL_CASE_DIRS LIST_DIRECTORIES true ${CL_SOURCE_DIR}/testdata/*)
foreach(dir ${CL_CASE_DIRS})
  if(NOT IS_DIRECTORY ${dir})
    continue()
  endif()
  get_filename_component(group ${dir} NAME)
  if(EXISTS ${dir}/compile_commands.json)
    add_test(NAME verify/${group}
             COMMAND ${CL_VERIFY} -j 2 -p ${dir} ${dir})
    set_tests_properties(verify/${group} PROPERTIES LABELS "verify;tsan")
    continue()
  endif()
  file(GLOB cases ${dir}/*.c)
  foreach(c ${cases})
    get_filename_component(name ${c} NAME_WE)
    add_test(NAME verify/${group}/${name} COMMAND ${CL_VERIFY} ${c} -- -pthread)
    set_tests_properties(verify/${group}/${name} PROPERTIES LABELS verify)
  endforeach()
  file(GLOB subdirs LIST_DIRECTORIES true ${dir}/*)
  foreach(sub ${subdirs})
    if(IS_DIRECTORY ${sub} AND EXISTS ${sub}/compile_commands.json)
      get_filename_component(name ${sub} NAME)
      add_test(NAME verify/${group}/${name}
               COMMAND ${CL_VERIFY} -j 2 -p ${sub} ${sub})
      set_tests_properties(verify/${group}/${name} PROPERTIES LABELS "verify;tsan")
    endif()
  endforeach()
endforeach()

# The oracle must be able to fail: a missing finding, an unexpected finding
# and a file without directives each make --verify exit 1 with a message.
foreach(pair "missing-finding:missing finding CL002"
             "unexpected-finding:unexpected finding CL002"
             "no-directives:no directives")
  string(REPLACE ":" ";" parts "${pair}")
  list(GET parts 0 name)
  list(GET parts 1 text)
  add_test(NAME oracle/${name}
           COMMAND sh ${CL_SOURCE_DIR}/tests/expect-exit.sh 1 "${text}"
                   $<TARGET_FILE:conc-lint> --verify ${CL_SOURCE_DIR}/tests/oracle/${name}.c -- -pthread)
endforeach()
