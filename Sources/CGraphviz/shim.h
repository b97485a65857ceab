// The Graphviz C API as kubereach uses it (Graphviz 2.42+, libgraphviz-dev).
#ifndef KUBEREACH_CGRAPHVIZ_SHIM_H
#define KUBEREACH_CGRAPHVIZ_SHIM_H

#if !__has_include(<graphviz/gvc.h>)
#error "install libgraphviz-dev: sudo apt-get install libgraphviz-dev (or run scripts/ensure-deps)"
#endif

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

// Swift 6 refuses to read mutable C globals from nonisolated code: these return them.
static inline Agdesc_t kr_directed(void) { return Agdirected; }
static inline Agdesc_t kr_undirected(void) { return Agundirected; }

// Replaces the default ID discipline's functions (used by agmemread) process-wide. The
// default numbers names by the address of their interned string, so subgraph order (and
// the layout) could change from call to call in one process.
static inline void kr_install_id_discipline(
    void *(*open)(Agraph_t *, Agdisc_t *),
    long (*map)(void *, int, char *, IDTYPE *, int),
    long (*alloc)(void *, int, IDTYPE),
    void (*free_)(void *, int, IDTYPE),
    char *(*print)(void *, int, IDTYPE),
    void (*close)(void *),
    void (*idregister)(void *, int, void *))
{
    AgIdDisc.open = open;
    AgIdDisc.map = map;
    AgIdDisc.alloc = alloc;
    AgIdDisc.free = free_;
    AgIdDisc.print = print;
    AgIdDisc.close = close;
    AgIdDisc.idregister = idregister;
}

#endif
