/* ofd_libs: opens libzip, libxml2 and hb-subset when the first OFD is
 * written (see ofd_libs.h for why). Their sonames come from the build:
 * ofd_sonames.h, made by tools/ofd-sonames.sh from the installed
 * libraries the headers belong to. */
#define OFD_LIBS_LOADER
#include "ofd_libs.h"

#include <dlfcn.h>

#include "ofd_sonames.h"

#include "base/i18n.h"

ofd_lib_table ofd_lib;

/* Opens one library and looks up its functions. */
#define OFD_LIB_OPEN(soname, FUNCS)                                                                \
    do {                                                                                           \
        void *handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);                                      \
        if (!handle) {                                                                             \
            diag_error(dl, path, _("cannot write OFD: %s (make installs it)"), dlerror());         \
            return false;                                                                          \
        }                                                                                          \
        FUNCS(OFD_LIB_LOOKUP)                                                                      \
    } while (0)

#define OFD_LIB_LOOKUP(f)                                                                          \
    if (!(*(void **)&ofd_lib.f = dlsym(handle, #f))) {                                             \
        diag_error(dl, path, _("cannot write OFD: %s has no function %s"), soname, #f);            \
        return false;                                                                              \
    }

static bool open_all(const char *path, diag_list *dl)
{
    {
        const char *soname = OFD_LIBZIP_SONAME;
        OFD_LIB_OPEN(soname, OFD_ZIP_FUNCS);
    }
    {
        const char *soname = OFD_LIBXML_SONAME;
        OFD_LIB_OPEN(soname, OFD_XML_FUNCS);
    }
    {
        const char *soname = OFD_SUBSET_SONAME;
        OFD_LIB_OPEN(soname, OFD_SUBSET_FUNCS);
    }
    return true;
}

/* A library once opened stays for the process (as when linked). */
bool ofd_libs_open(const char *path, diag_list *dl)
{
    static bool opened;
    if (!opened)
        opened = open_all(path, dl);
    return opened;
}
