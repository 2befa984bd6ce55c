#ifndef QCDC_BUILTIN_RULES_H
#define QCDC_BUILTIN_RULES_H

#include <stddef.h>

/// The national rule set as qcdc compiles it (QCDCKit's RuleSetArchive), recorded in
/// archive.c by the test suite; `count` receives its length in bytes.
const unsigned char *qcdc_builtin_archive(size_t *count);

#endif
