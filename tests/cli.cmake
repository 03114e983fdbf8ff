# Command line contract (docs/ci.md, README "Usage"), the real output
# formats, determinism across -j, and conc-lint's own source being clean.
set(CL_EXPECT sh ${CL_SOURCE_DIR}/tests/expect-exit.sh)
set(CL_BIN $<TARGET_FILE:conc-lint>)
set(CL_EXAMPLE ${CL_SOURCE_DIR}/testdata/example-server)

add_test(NAME cli/unknown-option COMMAND ${CL_EXPECT} 2 "unknown option '--frobnicate'" ${CL_BIN} --frobnicate)
add_test(NAME cli/missing-file COMMAND ${CL_EXPECT} 2 "cannot analyze 'no/such/file.c'" ${CL_BIN} no/such/file.c)
add_test(NAME cli/missing-compdb COMMAND ${CL_EXPECT} 2 "no/such/dir" ${CL_BIN} -p no/such/dir)
add_test(NAME cli/bad-format COMMAND ${CL_EXPECT} 2 "unknown format 'xml'" ${CL_BIN} -f xml x.c)
add_test(NAME cli/empty-rule-list COMMAND ${CL_EXPECT} 2 "empty rule list" ${CL_BIN} --enable "" x.c)
add_test(NAME cli/bad-srcroot COMMAND ${CL_EXPECT} 2 "is not a directory" ${CL_BIN} --srcroot /no/such/dir ${CL_EXAMPLE})
add_test(NAME cli/bad-jobs COMMAND ${CL_EXPECT} 2 "invalid job count" ${CL_BIN} -j 0 x.c)
add_test(NAME cli/no-input COMMAND ${CL_EXPECT} 2 "no input files" ${CL_BIN} --)
add_test(NAME cli/unknown-rule COMMAND ${CL_EXPECT} 2 "unknown rule 'CL999'" ${CL_BIN} --explain CL999)
add_test(NAME cli/version COMMAND ${CL_EXPECT} 0 "conc-lint ${PROJECT_VERSION}" ${CL_BIN} --version)
add_test(NAME cli/help COMMAND ${CL_EXPECT} 0 "usage: conc-lint" ${CL_BIN} --help)
add_test(NAME cli/list-rules COMMAND ${CL_EXPECT} 0 "CL002  unguarded-shared-state" ${CL_BIN} --list-rules)
add_test(NAME cli/explain COMMAND ${CL_EXPECT} 0 "## unguarded-shared-state" ${CL_BIN} --explain CL002)
add_test(NAME cli/explain-lowercase-id COMMAND ${CL_EXPECT} 0 "## sleep-coordination" ${CL_BIN} --explain cl003)
add_test(NAME cli/findings-exit-1 COMMAND ${CL_EXPECT} 1 "[CL002/unguarded-shared-state]" ${CL_BIN} ${CL_EXAMPLE})
# One defect, one rule: the race on a volatile flag is CL013's (the verify
# case checks CL002 stays silent); with CL013 disabled, CL002 reports it.
add_test(NAME cli/disable-cl013-gives-cl002 COMMAND ${CL_EXPECT} 1
         "read of 'g_stop' in 'listener_main' races with write in 'server_shutdown'"
         ${CL_BIN} --no-cache --disable CL013
         ${CL_SOURCE_DIR}/testdata/cl013-volatile-as-sync/01-accept-loop-stop-flag.c -- -pthread)
# Every rule switched off is allowed, but said: a silent clean run would
# read as a clean bill.
add_test(NAME cli/disable-all-warns COMMAND ${CL_EXPECT} 0 "leave no rule on: nothing will be reported"
         ${CL_BIN} --no-cache --disable "*" ${CL_EXAMPLE})
add_test(NAME cli/fail-on-error COMMAND ${CL_EXPECT} 0 "warning:" ${CL_BIN} --fail-on error ${CL_EXAMPLE})
add_test(NAME cli/unparsable COMMAND ${CL_EXPECT} 3 "no translation unit could be parsed"
         ${CL_BIN} ${CL_SOURCE_DIR}/tests/oracle/no-directives.c -- -Xclang -no-such-cc1-flag)
add_test(NAME cli/text-caret COMMAND ${CL_EXPECT} 1 "    stats.bytes_in += n; // expect: CL002"
         ${CL_BIN} -f text ${CL_EXAMPLE})
# libclang must find its resource directory: <stddef.h> and <stdatomic.h>
# come from there, and a parse error would be reported on stderr.
add_test(NAME cli/resource-dir COMMAND ${CL_EXPECT} 0 "verify: 0 expected, 0 found"
         ${CL_BIN} --verify ${CL_SOURCE_DIR}/tests/oracle/resource-dir.c)
# A --verify case with a parse error fails (exit 3), whatever its expectations say.
add_test(NAME cli/verify-parse-error COMMAND ${CL_EXPECT} 3 "had parse errors: verdict withheld"
         ${CL_BIN} --verify ${CL_SOURCE_DIR}/tests/oracle/verify-parse-error.c -- -pthread)
set_tests_properties(cli/resource-dir PROPERTIES FAIL_REGULAR_EXPRESSION "file not found")
# libclang is dlopen()ed only to parse: not linked, not loaded by --version
# and the like or by a run served from the cache (analyzer/frontend/libclang.c).
add_test(NAME cli/lazy-libclang COMMAND sh ${CL_SOURCE_DIR}/tests/lazy-libclang.sh
         ${CL_BIN} ${CL_SOURCE_DIR} ${CMAKE_READELF})
set_tests_properties(cli/lazy-libclang PROPERTIES LABELS tsan TIMEOUT 300)

# -o is checked before the analysis: a directory is a usage error.
add_test(NAME cli/output-directory COMMAND ${CL_EXPECT} 2 "is a directory"
         ${CL_BIN} -f sarif -o ${CMAKE_CURRENT_BINARY_DIR} ${CL_EXAMPLE})
# An unwritable destination is found before the analysis: a clear error, nothing written.
add_test(NAME cli/output-unwritable COMMAND ${CL_EXPECT} 2 "cannot write '/proc/conc-lint.sarif'"
         ${CL_BIN} -f sarif -o /proc/conc-lint.sarif ${CL_EXAMPLE})

# Real output formats.
cl_sandbox_dir(CL_SARIF_EXAMPLE_DIR output/sarif-example)
set(CL_SARIF_EXAMPLE ${CL_SARIF_EXAMPLE_DIR}/tmp/example.sarif)
add_test(NAME output/sarif-example
         COMMAND sh -c "\"$1\" -f sarif -o \"$2\" --fail-on none \"$3\" && grep -q '\"ruleId\":' \"$2\""
                 sh ${CL_BIN} ${CL_SARIF_EXAMPLE} ${CL_EXAMPLE})
set_tests_properties(output/sarif-example PROPERTIES FIXTURES_SETUP example_sarif)
if(CL_SARIF_VALIDATE)
  add_test(NAME output/sarif-example-validate
           COMMAND sh ${CL_SOURCE_DIR}/tests/sarif-validate.sh ${CL_SARIF_EXAMPLE}
                   ${CMAKE_BINARY_DIR}/sarif-tool)
  set_tests_properties(output/sarif-example-validate PROPERTIES FIXTURES_REQUIRED example_sarif
                       SKIP_RETURN_CODE 77 TIMEOUT 600 RESOURCE_LOCK sarif_tool)
endif()
add_test(NAME output/json-example COMMAND sh ${CL_SOURCE_DIR}/tests/json-check.sh ${CL_BIN} ${CL_EXAMPLE})

# Same input, any -j: byte-identical output.
add_test(NAME output/deterministic-jobs
         COMMAND sh ${CL_SOURCE_DIR}/tests/same-output.sh ${CL_BIN} ${CL_SOURCE_DIR}/testdata)
set_tests_properties(output/deterministic-jobs PROPERTIES LABELS tsan)

# conc-lint's own source, with the build's compile database, is clean (exit
# 0: no finding but those suppressed in the source with their reason) and
# its thread walks are complete at the default budget.
add_test(NAME self/clean COMMAND ${CL_EXPECT} 0 ", 0 thread walks truncated" ${CL_BIN} --stats -p ${CMAKE_BINARY_DIR}
         ${CL_SOURCE_DIR}/analyzer ${CL_SOURCE_DIR}/rules)
set_tests_properties(self/clean PROPERTIES LABELS tsan)

# A header is not a translation unit: with --scope file, the compile database
# entry that most likely includes it (same stem, else nearest directory) is
# analyzed (in program scope, the whole program's findings in the header are
# reported: tests/scope.cmake).
add_test(NAME cli/header-uses-nearest-entry COMMAND ${CL_EXPECT} 0 "stats.h' is a header; analyzing '${CL_EXAMPLE}/stats.c'"
         ${CL_BIN} --no-cache --scope file -p ${CL_EXAMPLE} ${CL_EXAMPLE}/stats.h)

cl_sandbox_dir(d cli/bad-shard)
add_test(NAME cli/bad-shard COMMAND ${CL_EXPECT} 2 "invalid shard" ${CL_BIN} --shard 1/99999999999999999999 --cache-dir ${d}/tmp/shard ${CL_EXAMPLE})
add_test(NAME cli/shard-no-cache COMMAND ${CL_EXPECT} 2 "--shard needs a cache (where the summaries go), and --no-cache turns it off"
         ${CL_BIN} --shard 1/2 --no-cache ${CL_EXAMPLE})
add_test(NAME cli/missing-link-dir COMMAND ${CL_EXPECT} 2 "is not a directory of summaries" ${CL_BIN} --link ${CMAKE_CURRENT_BINARY_DIR}/no-such-dir ${CL_EXAMPLE})

# --stats splits the rules phase: each active rule's time, then the
# suppression scan.
cl_sandbox_dir(d cli/stats-per-rule)
add_test(NAME cli/stats-per-rule COMMAND ${CL_EXPECT} 0 "rules: CL001 "
         ${CL_BIN} --no-cache --stats --disable CL003 --fail-on none -f sarif -o ${d}/tmp/stats.sarif ${CL_EXAMPLE})
cl_sandbox_dir(d cli/stats-skips-disabled-rule)
add_test(NAME cli/stats-skips-disabled-rule
         COMMAND sh -c "out=$(\"$1\" --no-cache --stats --disable CL003 --fail-on none -f sarif -o \"$2\" \"$3\" 2>&1) && printf '%s\\n' \"$out\" && printf '%s\\n' \"$out\" | grep -q 'rules: CL001 [0-9]' && ! printf '%s\\n' \"$out\" | grep -q 'CL003 [0-9]'"
                 sh ${CL_BIN} ${d}/tmp/stats.sarif ${CL_EXAMPLE})

# Code nested deeper than the lowering's bound (clang parses it) is a
# warning, not a stack overflow.
add_test(NAME cli/deep-nesting COMMAND sh ${CL_SOURCE_DIR}/tests/deep-nesting.sh ${CL_BIN})

# -o naming one of the inputs is refused (exit 2): the report would
# overwrite the source.
add_test(NAME cli/output-is-input COMMAND sh -c "d=$(mktemp -d) && cp \"$1\" \"$d/in.c\" && sh \"$2\" 2 \"cannot also be the output\" \"$3\" --no-cache -o \"$d/in.c\" \"$d/in.c\" -- && cmp -s \"$1\" \"$d/in.c\"; rc=$?; rm -rf \"$d\"; exit $rc"
         sh ${CL_SOURCE_DIR}/testdata/cl002-unguarded-shared-state/01-flag-checked-before-lock.c ${CL_SOURCE_DIR}/tests/expect-exit.sh ${CL_BIN})
# So is -o naming a header a translation unit includes, or the compile
# database (a new user's -o compile_commands.json overwrote it).
set(CL_MODULES_CASE ${CL_SOURCE_DIR}/testdata/races/682-module-table-start-spawns-flusher)
add_test(NAME cli/output-is-header COMMAND sh -c "d=$(mktemp -d) && cp \"$1\"/* \"$d\" && sh \"$2\" 2 \"a file the analysis reads\" \"$3\" --no-cache -p \"$d\" -o \"$d/module.h\" \"$d\" && cmp -s \"$1/module.h\" \"$d/module.h\"; rc=$?; rm -rf \"$d\"; exit $rc"
         sh ${CL_MODULES_CASE} ${CL_SOURCE_DIR}/tests/expect-exit.sh ${CL_BIN})
add_test(NAME cli/output-is-database COMMAND sh -c "d=$(mktemp -d) && cp \"$1\"/* \"$d\" && sh \"$2\" 2 \"is the compile database\" \"$3\" --no-cache -p \"$d\" -f json -o \"$d/compile_commands.json\" \"$d\" && cmp -s \"$1/compile_commands.json\" \"$d/compile_commands.json\"; rc=$?; rm -rf \"$d\"; exit $rc"
         sh ${CL_MODULES_CASE} ${CL_SOURCE_DIR}/tests/expect-exit.sh ${CL_BIN})

# Thread coverage (docs/json-format.md "threadCoverage"): spawn sites named
# through spawn wrappers in a library without main(), in --stats, and the
# same figures in JSON when the findings come from the result cache (whose
# "stats" count the TU as read from the cache); --stats lists the sites left
# unresolved.
set(CL_COVERAGE_LIB ${CL_SOURCE_DIR}/tests/coverage/library.c)
add_test(NAME cli/coverage-stats
         COMMAND ${CL_EXPECT} 0 "thread coverage: 2 spawn sites in project code, 1 resolved, 2 threads in the model, 0 thread walks truncated"
                 ${CL_BIN} --no-cache --stats -q ${CL_COVERAGE_LIB} -- -pthread)
add_test(NAME cli/coverage-unresolved-listed
         COMMAND ${CL_EXPECT} 0 "library.c:55 ('spawn_job')"
                 ${CL_BIN} --no-cache --stats -q ${CL_COVERAGE_LIB} -- -pthread)
# A program with main() whose library API nothing calls, starting its
# thread through two spawn wrappers: walked as an entry point of its own
# (the orphan roots of threads.c), so its site is resolved: the main
# thread, the API thread and the resolver.
add_test(NAME cli/coverage-unreached-api
         COMMAND ${CL_EXPECT} 1 "thread coverage: 1 spawn site in project code, 1 resolved, 3 threads in the model, 0 thread walks truncated"
                 ${CL_BIN} --no-cache --stats -q ${CL_SOURCE_DIR}/testdata/races/684-library-api-unused-by-tool-spawns-via-wrapper.c -- -pthread)
# A spawn call built in two build variants (the server's and its debug
# build's, testdata/races/808) is one spawn site.
add_test(NAME cli/coverage-build-variants
         COMMAND ${CL_EXPECT} 1 "thread coverage: 1 spawn site in project code, 1 resolved, 4 threads in the model, 0 thread walks truncated"
                 ${CL_BIN} --no-cache --stats -q -p ${CL_SOURCE_DIR}/testdata/races/808-build-variants-one-finding-each
                 ${CL_SOURCE_DIR}/testdata/races/808-build-variants-one-finding-each)
# An indirect call the walks resolve to no function (a hook a setup
# function stores from its parameter, races/837) is counted and listed as
# a blind spot; a trampoline's call through its argument (races/835) is
# resolved and is not.
set(CL_HOOK_CASE ${CL_SOURCE_DIR}/testdata/races/837-global-hook-set-from-parameter.c)
add_test(NAME cli/coverage-unresolved-call-listed
         COMMAND ${CL_EXPECT} 0 "837-global-hook-set-from-parameter.c:19 ('gSplit')"
                 ${CL_BIN} --no-cache --stats -q ${CL_HOOK_CASE} -- -pthread)
add_test(NAME cli/coverage-unresolved-call-json
         COMMAND sh -c "\"$1\" --no-cache -f json \"$2\" -- -pthread | tr -d ' \\t\\n' | grep -q '\"truncatedWalks\":0,\"unresolvedIndirectCalls\":1}' && \"$1\" --no-cache -f json \"$3\" -- -pthread | tr -d ' \\t\\n' | grep -q '\"truncatedWalks\":0,\"unresolvedIndirectCalls\":0}'"
                 sh ${CL_BIN} ${CL_HOOK_CASE} ${CL_SOURCE_DIR}/testdata/races/835-trampoline-start-argument-is-the-routine.c)
cl_sandbox_dir(d cli/coverage-unresolved-call-cached-stats)
add_test(NAME cli/coverage-unresolved-call-cached-stats
         COMMAND sh -c "\"$1\" --cache-dir \"$2/c\" -q \"$3\" -- -pthread && \"$1\" --stats --cache-dir \"$2/c\" -q \"$3\" -- -pthread 2>&1 | grep 'findings taken from the cache' >/dev/null && \"$1\" --stats --cache-dir \"$2/c\" -q \"$3\" -- -pthread 2>&1 | grep -q '0 thread walks truncated, 1 indirect call with no known callee'"
                 sh ${CL_BIN} ${d}/tmp ${CL_HOOK_CASE})
cl_sandbox_dir(d cli/coverage-cached-json)
add_test(NAME cli/coverage-cached-json
         COMMAND sh -c "\"$1\" --cache-dir \"$2/c\" -f json -o \"$2/1.json\" \"$3\" -- -pthread && \"$1\" --stats --cache-dir \"$2/c\" -f json -o \"$2/2.json\" \"$3\" -- -pthread 2>&1 | grep -q 'findings taken from the cache' && for f in 1 2; do tr -d ' \\t\\n' < \"$2/$f.json\" | grep -q '\"threadCoverage\":{\"spawnSites\":2,\"resolvedSpawnSites\":1,\"threads\":2,\"truncatedWalks\":0,\"unresolvedIndirectCalls\":0}' || exit 1; done && tr -d ' \\t\\n' < \"$2/2.json\" | grep -q '\"translationUnits\":1,\"parsed\":1,\"fromCache\":1,'"
                 sh ${CL_BIN} ${d}/tmp ${CL_COVERAGE_LIB})
