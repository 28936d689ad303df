/* ofd_libs: the OFD writer's three libraries, opened the first time an OFD
 * is written (ofd_libs_open), so that a run that writes PDF never loads
 * them: libzip (with libcrypto), libxml2 (with ICU) and hb-subset cost every
 * process about 10 million instructions of symbol relocation and 2.9 MB of
 * memory when linked (make bench). The OFD sources include this header
 * instead of the libraries' own; it names each function they call after a
 * pointer the loader fills, so their code reads as plain calls. */
#ifndef RENDER_OFD_LIBS_H
#define RENDER_OFD_LIBS_H

#include <hb-subset.h>
#include <libxml/xmlwriter.h>
#include <stdbool.h>
#include <zip.h>

#include "base/diag.h"

#define OFD_ZIP_FUNCS(X)                                                                           \
    X(zip_close)                                                                                   \
    X(zip_discard)                                                                                 \
    X(zip_error_fini)                                                                              \
    X(zip_error_init)                                                                              \
    X(zip_error_strerror)                                                                          \
    X(zip_file_add)                                                                                \
    X(zip_file_set_mtime)                                                                          \
    X(zip_open_from_source)                                                                        \
    X(zip_set_file_compression)                                                                    \
    X(zip_source_buffer)                                                                           \
    X(zip_source_buffer_create)                                                                    \
    X(zip_source_close)                                                                            \
    X(zip_source_free)                                                                             \
    X(zip_source_keep)                                                                             \
    X(zip_source_open)                                                                             \
    X(zip_source_read)                                                                             \
    X(zip_source_stat)                                                                             \
    X(zip_stat_init)                                                                               \
    X(zip_strerror)

#define OFD_XML_FUNCS(X)                                                                           \
    X(xmlBufferContent)                                                                            \
    X(xmlBufferCreate)                                                                             \
    X(xmlBufferFree)                                                                               \
    X(xmlBufferLength)                                                                             \
    X(xmlFreeTextWriter)                                                                           \
    X(xmlNewTextWriterMemory)                                                                      \
    X(xmlTextWriterEndDocument)                                                                    \
    X(xmlTextWriterEndElement)                                                                     \
    X(xmlTextWriterStartDocument)                                                                  \
    X(xmlTextWriterStartElementNS)                                                                 \
    X(xmlTextWriterWriteAttribute)                                                                 \
    X(xmlTextWriterWriteString)

#define OFD_SUBSET_FUNCS(X)                                                                        \
    X(hb_subset_input_create_or_fail)                                                              \
    X(hb_subset_input_destroy)                                                                     \
    X(hb_subset_input_glyph_set)                                                                   \
    X(hb_subset_input_set)                                                                         \
    X(hb_subset_input_set_flags)                                                                   \
    X(hb_subset_input_unicode_set)                                                                 \
    X(hb_subset_or_fail)

#define OFD_LIB_POINTER(f) __typeof__(f) *f;
typedef struct ofd_lib_table {
    OFD_ZIP_FUNCS(OFD_LIB_POINTER)
    OFD_XML_FUNCS(OFD_LIB_POINTER)
    OFD_SUBSET_FUNCS(OFD_LIB_POINTER)
} ofd_lib_table;
#undef OFD_LIB_POINTER

extern ofd_lib_table ofd_lib;

/* Opens the three libraries once per process; false, with a message naming
 * the library, when one is missing. */
bool ofd_libs_open(const char *path, diag_list *dl);

#ifndef OFD_LIBS_LOADER
#define OFD_LIB_CALL(f) (ofd_lib.f)
#define zip_close OFD_LIB_CALL(zip_close)
#define zip_discard OFD_LIB_CALL(zip_discard)
#define zip_error_fini OFD_LIB_CALL(zip_error_fini)
#define zip_error_init OFD_LIB_CALL(zip_error_init)
#define zip_error_strerror OFD_LIB_CALL(zip_error_strerror)
#define zip_file_add OFD_LIB_CALL(zip_file_add)
#define zip_file_set_mtime OFD_LIB_CALL(zip_file_set_mtime)
#define zip_open_from_source OFD_LIB_CALL(zip_open_from_source)
#define zip_set_file_compression OFD_LIB_CALL(zip_set_file_compression)
#define zip_source_buffer OFD_LIB_CALL(zip_source_buffer)
#define zip_source_buffer_create OFD_LIB_CALL(zip_source_buffer_create)
#define zip_source_close OFD_LIB_CALL(zip_source_close)
#define zip_source_free OFD_LIB_CALL(zip_source_free)
#define zip_source_keep OFD_LIB_CALL(zip_source_keep)
#define zip_source_open OFD_LIB_CALL(zip_source_open)
#define zip_source_read OFD_LIB_CALL(zip_source_read)
#define zip_source_stat OFD_LIB_CALL(zip_source_stat)
#define zip_stat_init OFD_LIB_CALL(zip_stat_init)
#define zip_strerror OFD_LIB_CALL(zip_strerror)
#define xmlBufferContent OFD_LIB_CALL(xmlBufferContent)
#define xmlBufferCreate OFD_LIB_CALL(xmlBufferCreate)
#define xmlBufferFree OFD_LIB_CALL(xmlBufferFree)
#define xmlBufferLength OFD_LIB_CALL(xmlBufferLength)
#define xmlFreeTextWriter OFD_LIB_CALL(xmlFreeTextWriter)
#define xmlNewTextWriterMemory OFD_LIB_CALL(xmlNewTextWriterMemory)
#define xmlTextWriterEndDocument OFD_LIB_CALL(xmlTextWriterEndDocument)
#define xmlTextWriterEndElement OFD_LIB_CALL(xmlTextWriterEndElement)
#define xmlTextWriterStartDocument OFD_LIB_CALL(xmlTextWriterStartDocument)
#define xmlTextWriterStartElementNS OFD_LIB_CALL(xmlTextWriterStartElementNS)
#define xmlTextWriterWriteAttribute OFD_LIB_CALL(xmlTextWriterWriteAttribute)
#define xmlTextWriterWriteString OFD_LIB_CALL(xmlTextWriterWriteString)
#define hb_subset_input_create_or_fail OFD_LIB_CALL(hb_subset_input_create_or_fail)
#define hb_subset_input_destroy OFD_LIB_CALL(hb_subset_input_destroy)
#define hb_subset_input_glyph_set OFD_LIB_CALL(hb_subset_input_glyph_set)
#define hb_subset_input_set OFD_LIB_CALL(hb_subset_input_set)
#define hb_subset_input_set_flags OFD_LIB_CALL(hb_subset_input_set_flags)
#define hb_subset_input_unicode_set OFD_LIB_CALL(hb_subset_input_unicode_set)
#define hb_subset_or_fail OFD_LIB_CALL(hb_subset_or_fail)
#endif

#endif
