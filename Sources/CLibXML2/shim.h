#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU; its encoding.h would pull in the system ICU headers,
// which clash with the ICU copy inside Foundation ("'UErrorCode' has different definitions").
// We never touch the ICU-only fields, so hide them.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

// `xmlFree` is a global function pointer, which Swift 6 treats as shared mutable state.
static inline void evidence_xml_free(void *pointer) { xmlFree(pointer); }
