# libFuzzer targets for the readers of untrusted input (tests/fuzz/): the
# config file, the compile DB, the --baseline SARIF log, the summary
# (cache/shard) deserializer and the result-entry reader. Built only with clang and -DCL_FUZZ=ON (the
# ASan build of scripts/test.sh); the normal gcc build skips them.
#
# conclint_fuzz is the analyzer library again, compiled with coverage
# instrumentation (-fsanitize=fuzzer-no-link) and ASan+UBSan; each fuzzer
# links it with libFuzzer's main. ctest fuzz/<name> runs one fuzzer for
# CL_FUZZ_SECONDS (default 20) from its seeds in tests/fuzz/seeds/<name>/
# through tests/fuzz/run-fuzzer.sh, which keeps what libFuzzer writes (new
# corpus inputs, crash reproducers) in the build tree: <build>/tests/fuzz/<name>/.
option(CL_FUZZ "Build the libFuzzer targets and run them in ctest (clang only)" OFF)
set(CL_FUZZ_SECONDS 20 CACHE STRING "How long ctest runs each fuzzer (libFuzzer -max_total_time)")

if(CL_FUZZ AND NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
  message(WARNING "CL_FUZZ needs clang (libFuzzer); ${CMAKE_C_COMPILER_ID} found: fuzz targets skipped")
elseif(CL_FUZZ AND CL_TSAN)
  message(WARNING "CL_FUZZ does not go with CL_TSAN (libFuzzer needs ASan): fuzz targets skipped")
elseif(CL_FUZZ)
  set(CL_FUZZ_DIR ${CMAKE_CURRENT_SOURCE_DIR}/fuzz)
  set(CL_FUZZ_SAN -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)

  add_library(conclint_fuzz STATIC ${CL_ANALYZER_SOURCES} ${CL_RULE_SOURCES})
  target_include_directories(conclint_fuzz PUBLIC ${CL_SOURCE_DIR}/analyzer ${CL_SOURCE_DIR}/rules)
  target_include_directories(conclint_fuzz SYSTEM PUBLIC ${LLVM_INCLUDEDIR})
  target_compile_definitions(conclint_fuzz PUBLIC
    CL_VERSION="${PROJECT_VERSION}"
    CL_RESOURCE_DIR="${CL_RESOURCE_DIR}"
    CL_LIBCLANG_PATH="${CL_LIBCLANG_PATH}"
    _POSIX_C_SOURCE=200809L
    CL_ARENA_MALLOC)  # one malloc per arena allocation: ASan sees each bound
  target_compile_options(conclint_fuzz PRIVATE -fsanitize=fuzzer-no-link)
  target_compile_options(conclint_fuzz PUBLIC ${CL_WARNINGS} ${CL_FUZZ_SAN} -g)
  target_link_options(conclint_fuzz PUBLIC ${CL_FUZZ_SAN})
  target_link_libraries(conclint_fuzz PUBLIC ${CMAKE_DL_LIBS} PkgConfig::CJSON PkgConfig::PCRE2 Threads::Threads)

  # A few C files of testdata/, summarized at start-up as fuzz_summary seeds.
  file(GLOB CL_FUZZ_SUMMARY_SOURCES
    ${CL_SOURCE_DIR}/testdata/cl00*/0[1-3]-*.c
    ${CL_SOURCE_DIR}/testdata/cl00*/2[0-1]-*.c)
  list(JOIN CL_FUZZ_SUMMARY_SOURCES ":" CL_FUZZ_SUMMARY_SOURCES)

  foreach(name config compdb baseline summary result)
    add_executable(fuzz_${name} ${CL_FUZZ_DIR}/fuzz_${name}.c)
    target_compile_options(fuzz_${name} PRIVATE -fsanitize=fuzzer-no-link)
    target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
    target_link_libraries(fuzz_${name} PRIVATE conclint_fuzz)
    set(work ${CMAKE_CURRENT_BINARY_DIR}/fuzz/${name})
    set(seeds ${CL_FUZZ_DIR}/seeds/${name})
    if(name STREQUAL "summary")
      set(env CL_FUZZ_SUMMARY_SEEDS=${work}/generated-seeds
              CL_FUZZ_SUMMARY_SOURCES=${CL_FUZZ_SUMMARY_SOURCES})
      set(seeds ${seeds} ${work}/generated-seeds)
    elseif(name STREQUAL "result")
      set(env CL_FUZZ_RESULT_SEEDS=${work}/generated-seeds)
      set(seeds ${work}/generated-seeds)
    else()
      set(env "")
    endif()
    add_test(NAME fuzz/${name}
      COMMAND ${CMAKE_COMMAND} -E env ${env}
              sh ${CL_FUZZ_DIR}/run-fuzzer.sh $<TARGET_FILE:fuzz_${name}> ${work}
                 ${CL_FUZZ_SECONDS} ${seeds})
    set_tests_properties(fuzz/${name} PROPERTIES TIMEOUT 180 LABELS fuzz)
  endforeach()
endif()
