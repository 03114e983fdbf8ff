# `conc-lint lsp`, the language server (docs/editors.md, "Language server"):
# a scripted JSON-RPC session on the example server (lifecycle, the
# cross-file race in both files, the suppression quick fix, edits that clear
# it, bad input), and Neovim's built-in client on it (skipped without nvim;
# scripts/setup.sh installs it).
add_test(NAME lsp/session
         COMMAND python3 ${CL_SOURCE_DIR}/tests/lsp-session.py $<TARGET_FILE:conc-lint> ${CL_SOURCE_DIR})
set_tests_properties(lsp/session PROPERTIES TIMEOUT 600 LABELS tsan)
add_test(NAME lsp/nvim
         COMMAND sh ${CL_SOURCE_DIR}/tests/lsp-nvim.sh $<TARGET_FILE:conc-lint> ${CL_SOURCE_DIR})
set_tests_properties(lsp/nvim PROPERTIES TIMEOUT 600 SKIP_RETURN_CODE 77)
# The server's findings equal the command line's on the same content after
# each edit of a multi-file program (a race added, removed, moved between
# files, a comment edit, an undo, a callee changed in a third file), and
# every analysis agrees with its --check from scratch.
add_test(NAME lsp/incremental
         COMMAND python3 ${CL_SOURCE_DIR}/tests/lsp-incremental.py $<TARGET_FILE:conc-lint>)
set_tests_properties(lsp/incremental PROPERTIES TIMEOUT 600)
