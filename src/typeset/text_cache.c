/* text_cache: text_new, which sets each (string, style, width) once and
 * hands out references to it after (text_priv.h). */
#include <string.h>

#include "text_priv.h"

/* Past this many texts the cache starts afresh: about one sheet's worth
 * (the 2025 sheet sets 325), so a batch of a thousand sheets does not keep
 * them all. Each text holds a few KB: 4 096 had cost a 300-sheet batch
 * 4 MB more peak memory for 2 % fewer instructions. */
enum { TEXT_CACHE_MAX = 512 };

/* A cache key: every input of text_new, exactly (the numbers bit for bit,
 * then the string), behind its length. Packed field by field, so no padding
 * byte of text_style takes part; the same key through printf("%a") cost ten
 * times as much. */
typedef struct cache_key {
    size_t len;
    unsigned char bytes[];
} cache_key;

/* A field added to text_style must join the key, or two texts that differ
 * only in it would share one cache entry: this fails to compile when
 * text_style grows (a mirror of its fields, in order). */
struct text_style_fields {
    text_face face;
    double size, pitch;
    text_align align;
    double indent, han_latin_em, tracking;
};
_Static_assert(sizeof(text_style) == sizeof(struct text_style_fields),
               "text_style changed: add the new field to text_cache_key");

static cache_key *text_cache_key(const char *utf8, const text_style *s, double width)
{
    const int ints[] = {(int)s->face, (int)s->align};
    const double nums[] = {s->size, s->pitch, s->indent, s->han_latin_em, s->tracking, width};
    size_t n = strlen(utf8);
    cache_key *k = g_malloc(sizeof *k + sizeof ints + sizeof nums + n);
    k->len = sizeof ints + sizeof nums + n;
    memcpy(k->bytes, ints, sizeof ints);
    memcpy(k->bytes + sizeof ints, nums, sizeof nums);
    memcpy(k->bytes + sizeof ints + sizeof nums, utf8, n);
    return k;
}

static guint cache_key_hash(const void *p)
{
    const cache_key *k = p;
    guint h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < k->len; i++)
        h = (h ^ k->bytes[i]) * 16777619u;
    return h;
}

static gboolean cache_key_equal(const void *a, const void *b)
{
    const cache_key *x = a, *y = b;
    return x->len == y->len && memcmp(x->bytes, y->bytes, x->len) == 0;
}

static void forget_text(void *t)
{
    text_free(t);
}

GHashTable *text_cache_new(void)
{
    return g_hash_table_new_full(cache_key_hash, cache_key_equal, g_free, forget_text);
}

text *text_new(text_fonts *f, const char *utf8, const text_style *style, double width,
               uint32_t *missing)
{
    *missing = 0;
    cache_key *key = text_cache_key(utf8, style, width);
    text *t = g_hash_table_lookup(f->made, key);
    if (t) {
        g_free(key);
        return text_ref(t);
    }
    t = text_set(f, utf8, style, width, missing);
    if (!t) {
        g_free(key);
        return NULL;
    }
    if (g_hash_table_size(f->made) >= TEXT_CACHE_MAX)
        g_hash_table_remove_all(f->made);
    g_hash_table_insert(f->made, key, text_ref(t));
    return t;
}
