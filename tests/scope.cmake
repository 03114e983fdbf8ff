# Program scope (docs/editors.md, "One file, whole program"): `conc-lint -p
# DB FILE` reports the whole program's findings located in FILE, for every
# file of every testdata folder with its own compile database.
file(GLOB_RECURSE CL_SCOPE_DBS ${CL_SOURCE_DIR}/testdata/compile_commands.json)
foreach(db ${CL_SCOPE_DBS})
  get_filename_component(dir ${db} DIRECTORY)
  file(RELATIVE_PATH name ${CL_SOURCE_DIR}/testdata ${dir})
  add_test(NAME scope/program/${name}
           COMMAND sh ${CL_SOURCE_DIR}/tests/one-file-scope.sh $<TARGET_FILE:conc-lint> ${dir})
  set_tests_properties(scope/program/${name} PROPERTIES TIMEOUT 300)
endforeach()

# --scope file analyzes the file's TU alone and says what it left out.
add_test(NAME scope/file-says-unused
         COMMAND ${CL_EXPECT} 0 "--scope file: 6 other translation units of the compile database are not used"
                 ${CL_BIN} --no-cache --scope file -p ${CL_EXAMPLE} ${CL_EXAMPLE}/stats.c)
add_test(NAME scope/bad-scope COMMAND ${CL_EXPECT} 2 "unknown --scope 'tu'" ${CL_BIN} --scope tu x.c)

# --stdin-filename: an editor's unsaved buffer in place of the file on disk.
add_test(NAME scope/stdin-buffer
         COMMAND sh ${CL_SOURCE_DIR}/tests/stdin-buffer.sh ${CL_BIN} ${CL_EXAMPLE})
set_tests_properties(scope/stdin-buffer PROPERTIES TIMEOUT 300)
