// Debian's libxml2 is built with ICU; its headers then clash with Foundation's copy of
// UErrorCode. Reckon uses no ICU-backed encodings, so switch the ICU declarations off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/entities.h>
#include <libxml/xpath.h>
#include <libxml/xmlschemas.h>
