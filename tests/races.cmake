# The labelled data-race suite (testdata/races/): file-level precision and
# recall of CL002 against its targets (precision >= 0.95, recall
# >= 0.90), printed per class (`// class:` comments) as well. Each file is
# also checked line-exactly by its verify/races/<name> test (testdata.cmake).
add_test(NAME races/precision-recall
         COMMAND python3 ${CL_SOURCE_DIR}/scripts/race-score.py
                 --conc-lint $<TARGET_FILE:conc-lint> ${CL_SOURCE_DIR}/testdata/races)
set_tests_properties(races/precision-recall PROPERTIES LABELS races)
