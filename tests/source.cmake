# Checks on the source tree itself: no function over 150 lines
# (scripts/check-function-length.py, itself tested on tests/source/lengths.c),
# and libclang's API only in analyzer/frontend/ (its private libclang.h).
add_test(NAME source/function-length
         COMMAND python3 scripts/check-function-length.py --max 150 analyzer rules
         WORKING_DIRECTORY ${CL_SOURCE_DIR})
add_test(NAME source/function-length-checker
         COMMAND sh ${CL_SOURCE_DIR}/tests/function-length-check.sh ${CL_SOURCE_DIR})
add_test(NAME source/clang-api-stays-in-frontend
         COMMAND sh -c "! grep -rln --include=*.c --include=*.h 'clang-c/' \"$1/analyzer\" \"$1/rules\" | grep -v '/analyzer/frontend/'"
                 sh ${CL_SOURCE_DIR})
