/* libclang.h - the libclang C API as the frontend calls it (private to
 * analyzer/frontend/; the only header that includes clang-c/Index.h).
 *
 * conc-lint does not link libclang: a run whose summaries all come from the
 * cache never needs it, and loading it (with libLLVM) would cost more than
 * such a run. It is dlopen()ed the first time a TU is parsed (libclang.c),
 * and every clang_* function the frontend calls is taken from it into the
 * table cl_libclang. CL_LIBCLANG_FUNCS lists them, and the #defines below
 * route each call through the table. The build checks that the two lists
 * agree: a function missing from either one is a compile error or an
 * undefined reference at link time.
 */
#ifndef CL_FRONTEND_LIBCLANG_H
#define CL_FRONTEND_LIBCLANG_H

#include <clang-c/Index.h>

#define CL_LIBCLANG_FUNCS(X)                 \
    X(clang_Cursor_Evaluate)                 \
    X(clang_Cursor_getArgument)              \
    X(clang_Cursor_getNumArguments)          \
    X(clang_Cursor_getVarDeclInitializer)    \
    X(clang_Cursor_hasVarDeclGlobalStorage)  \
    X(clang_Cursor_isAnonymousRecordDecl)    \
    X(clang_Cursor_isBitField)               \
    X(clang_Cursor_isNull)                   \
    X(clang_EvalResult_dispose)              \
    X(clang_EvalResult_getAsLongLong)        \
    X(clang_EvalResult_getKind)              \
    X(clang_File_isEqual)                    \
    X(clang_File_tryGetRealPathName)         \
    X(clang_Location_isInSystemHeader)       \
    X(clang_createIndex)                     \
    X(clang_disposeDiagnostic)               \
    X(clang_disposeIndex)                    \
    X(clang_disposeString)                   \
    X(clang_disposeTokens)                   \
    X(clang_disposeTranslationUnit)          \
    X(clang_equalCursors)                    \
    X(clang_equalLocations)                  \
    X(clang_getCString)                      \
    X(clang_getCanonicalType)                \
    X(clang_getTypeDeclaration)              \
    X(clang_getCursorBinaryOperatorKind)     \
    X(clang_getFieldDeclBitWidth)            \
    X(clang_getCursorDefinition)             \
    X(clang_getCursorExtent)                 \
    X(clang_getCursorKind)                   \
    X(clang_getCursorLinkage)                \
    X(clang_getCursorLocation)               \
    X(clang_getCursorReferenced)             \
    X(clang_getCursorSemanticParent)         \
    X(clang_getCursorSpelling)               \
    X(clang_getCursorTLSKind)                \
    X(clang_getCursorType)                   \
    X(clang_getCursorUSR)                    \
    X(clang_getCursorUnaryOperatorKind)      \
    X(clang_getDiagnostic)                   \
    X(clang_getDiagnosticLocation)           \
    X(clang_getDiagnosticSeverity)           \
    X(clang_getDiagnosticSpelling)           \
    X(clang_getExpansionLocation)            \
    X(clang_getFileName)                     \
    X(clang_getFileContents)                 \
    X(clang_getFileUniqueID)                 \
    X(clang_getInclusions)                   \
    X(clang_getNullCursor)                   \
    X(clang_getNumDiagnostics)               \
    X(clang_getPointeeType)                  \
    X(clang_getRange)                        \
    X(clang_getRangeEnd)                     \
    X(clang_getRangeStart)                   \
    X(clang_getSpellingLocation)             \
    X(clang_getTokenKind)                    \
    X(clang_getTokenLocation)                \
    X(clang_getTokenSpelling)                \
    X(clang_getTranslationUnitCursor)        \
    X(clang_isConstQualifiedType)            \
    X(clang_isCursorDefinition)              \
    X(clang_isExpression)                    \
    X(clang_isFunctionTypeVariadic)          \
    X(clang_isStatement)                     \
    X(clang_isVolatileQualifiedType)         \
    X(clang_parseTranslationUnit2FullArgv)   \
    X(clang_Type_getOffsetOf)                \
    X(clang_tokenize)                        \
    X(clang_visitChildren)

typedef struct cl_libclang_api {
#define CL_LIBCLANG_SLOT(fn) __typeof__(fn) *fn;
    CL_LIBCLANG_FUNCS(CL_LIBCLANG_SLOT)
#undef CL_LIBCLANG_SLOT
} cl_libclang_api;

/* The functions of the loaded libclang. Filled once by cl_frontend_load
 * (frontend.h); use them only after it returned 0. */
extern cl_libclang_api cl_libclang;

/* From here on, a call of clang_xxx calls through cl_libclang.clang_xxx
 * (libclang.c, which fills the table, does without). */
#ifndef CL_LIBCLANG_TABLE_ONLY
#define clang_Cursor_Evaluate (cl_libclang.clang_Cursor_Evaluate)
#define clang_Cursor_getArgument (cl_libclang.clang_Cursor_getArgument)
#define clang_Cursor_getNumArguments (cl_libclang.clang_Cursor_getNumArguments)
#define clang_Cursor_getVarDeclInitializer (cl_libclang.clang_Cursor_getVarDeclInitializer)
#define clang_Cursor_hasVarDeclGlobalStorage (cl_libclang.clang_Cursor_hasVarDeclGlobalStorage)
#define clang_Cursor_isAnonymousRecordDecl (cl_libclang.clang_Cursor_isAnonymousRecordDecl)
#define clang_Cursor_isBitField (cl_libclang.clang_Cursor_isBitField)
#define clang_Cursor_isNull (cl_libclang.clang_Cursor_isNull)
#define clang_EvalResult_dispose (cl_libclang.clang_EvalResult_dispose)
#define clang_EvalResult_getAsLongLong (cl_libclang.clang_EvalResult_getAsLongLong)
#define clang_EvalResult_getKind (cl_libclang.clang_EvalResult_getKind)
#define clang_File_isEqual (cl_libclang.clang_File_isEqual)
#define clang_File_tryGetRealPathName (cl_libclang.clang_File_tryGetRealPathName)
#define clang_Location_isInSystemHeader (cl_libclang.clang_Location_isInSystemHeader)
#define clang_createIndex (cl_libclang.clang_createIndex)
#define clang_disposeDiagnostic (cl_libclang.clang_disposeDiagnostic)
#define clang_disposeIndex (cl_libclang.clang_disposeIndex)
#define clang_disposeString (cl_libclang.clang_disposeString)
#define clang_disposeTokens (cl_libclang.clang_disposeTokens)
#define clang_disposeTranslationUnit (cl_libclang.clang_disposeTranslationUnit)
#define clang_equalCursors (cl_libclang.clang_equalCursors)
#define clang_equalLocations (cl_libclang.clang_equalLocations)
#define clang_getCString (cl_libclang.clang_getCString)
#define clang_getCanonicalType (cl_libclang.clang_getCanonicalType)
#define clang_getTypeDeclaration (cl_libclang.clang_getTypeDeclaration)
#define clang_getCursorBinaryOperatorKind (cl_libclang.clang_getCursorBinaryOperatorKind)
#define clang_getFieldDeclBitWidth (cl_libclang.clang_getFieldDeclBitWidth)
#define clang_getCursorDefinition (cl_libclang.clang_getCursorDefinition)
#define clang_getCursorExtent (cl_libclang.clang_getCursorExtent)
#define clang_getCursorKind (cl_libclang.clang_getCursorKind)
#define clang_getCursorLinkage (cl_libclang.clang_getCursorLinkage)
#define clang_getCursorLocation (cl_libclang.clang_getCursorLocation)
#define clang_getCursorReferenced (cl_libclang.clang_getCursorReferenced)
#define clang_getCursorSemanticParent (cl_libclang.clang_getCursorSemanticParent)
#define clang_getCursorSpelling (cl_libclang.clang_getCursorSpelling)
#define clang_getCursorTLSKind (cl_libclang.clang_getCursorTLSKind)
#define clang_getCursorType (cl_libclang.clang_getCursorType)
#define clang_getCursorUSR (cl_libclang.clang_getCursorUSR)
#define clang_getCursorUnaryOperatorKind (cl_libclang.clang_getCursorUnaryOperatorKind)
#define clang_getDiagnostic (cl_libclang.clang_getDiagnostic)
#define clang_getDiagnosticLocation (cl_libclang.clang_getDiagnosticLocation)
#define clang_getDiagnosticSeverity (cl_libclang.clang_getDiagnosticSeverity)
#define clang_getDiagnosticSpelling (cl_libclang.clang_getDiagnosticSpelling)
#define clang_getExpansionLocation (cl_libclang.clang_getExpansionLocation)
#define clang_getFileName (cl_libclang.clang_getFileName)
#define clang_getFileContents (cl_libclang.clang_getFileContents)
#define clang_getFileUniqueID (cl_libclang.clang_getFileUniqueID)
#define clang_getInclusions (cl_libclang.clang_getInclusions)
#define clang_getNullCursor (cl_libclang.clang_getNullCursor)
#define clang_getNumDiagnostics (cl_libclang.clang_getNumDiagnostics)
#define clang_getPointeeType (cl_libclang.clang_getPointeeType)
#define clang_getRange (cl_libclang.clang_getRange)
#define clang_getRangeEnd (cl_libclang.clang_getRangeEnd)
#define clang_getRangeStart (cl_libclang.clang_getRangeStart)
#define clang_getSpellingLocation (cl_libclang.clang_getSpellingLocation)
#define clang_getTokenKind (cl_libclang.clang_getTokenKind)
#define clang_getTokenLocation (cl_libclang.clang_getTokenLocation)
#define clang_getTokenSpelling (cl_libclang.clang_getTokenSpelling)
#define clang_getTranslationUnitCursor (cl_libclang.clang_getTranslationUnitCursor)
#define clang_isConstQualifiedType (cl_libclang.clang_isConstQualifiedType)
#define clang_isCursorDefinition (cl_libclang.clang_isCursorDefinition)
#define clang_isExpression (cl_libclang.clang_isExpression)
#define clang_isFunctionTypeVariadic (cl_libclang.clang_isFunctionTypeVariadic)
#define clang_isStatement (cl_libclang.clang_isStatement)
#define clang_isVolatileQualifiedType (cl_libclang.clang_isVolatileQualifiedType)
#define clang_parseTranslationUnit2FullArgv (cl_libclang.clang_parseTranslationUnit2FullArgv)
#define clang_Type_getOffsetOf (cl_libclang.clang_Type_getOffsetOf)
#define clang_tokenize (cl_libclang.clang_tokenize)
#define clang_visitChildren (cl_libclang.clang_visitChildren)
#endif

#endif
