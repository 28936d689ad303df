/* meaning: a figure's meaning put into the words a sheet prints: the
 * period and scope under a card or in a table, a rank as a statement.
 * Calls: model/sheet, base/strbuf. Pure. */
#ifndef MODEL_MEANING_H
#define MODEL_MEANING_H

#include <stdbool.h>

#include "base/strbuf.h"
#include "model/sheet.h"

/* When and whose, as far as the data says: "1—11月 · 公立医院",
 * "截至2024年1月", "近年来"; nothing for a whole year of the whole city.
 * Appends to out; false when out failed. */
bool meaning_when_where(const sheet_indicator *ind, strbuf *out);

/* A rank as a statement: "全国433个市级行政区医改监测评价中第4，A+等次",
 * "全省第2"; with a scope, whose rank it is: "醴陵市白兔潭镇中心卫生院在全国
 * 乡镇卫生院排名第11". */
bool meaning_rank(const sheet_indicator *ind, strbuf *out);

/* A rank's place as the big figure of a card: "第4". */
bool meaning_rank_place(const sheet_indicator *ind, strbuf *out);

/* "2024-01" -> "2024年1月", "2024-01-15" -> "2024年1月15日". */
bool meaning_month(const char *iso, strbuf *out);

#endif
