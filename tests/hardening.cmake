# Hostile and broken inputs (README "Usage": untrusted compile databases): compile DBs that are not
# JSON, not arrays, miss keys, name missing files, use command/arguments,
# response files or plugins (never run, never loaded); binary, empty, 50,000-
# line, non-UTF-8 and unparsable sources; paths with spaces and non-ASCII;
# unwritable -o targets. See tests/hardening.sh.
add_test(NAME hardening/inputs
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/hardening.sh $<TARGET_FILE:conc-lint>)
set_tests_properties(hardening/inputs PROPERTIES TIMEOUT 900 LABELS hardening)
