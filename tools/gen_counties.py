#!/usr/bin/python3
"""gen_counties: writes N simulated county-level fact sheets for benchmarks.

    tools/gen_counties.py --count 1000 --out DIR [--seed 1] [--year 2025]

Each sheet is a data file in the schema of schema/factsheet.schema.json, as a
county health bureau would report its year: life expectancy, mortality rates,
health literacy, beds, doctors, nurses, institutions, visits, the county
medical community (医共体) and family-doctor contracts. Figures are written
as statisticians write them (78.60 keeps its zero), each with its unit and a
source quote "<label><value><unit>"; the source is "generated.txt", titled
模拟数据（非真实统计）: none of these figures is real.

Every kind of block is used: kpi, bar (one unit), hbar (sorted by value),
line (one indicator; all sheets of a run share one year and one folder, so
the line has the sheet's own point only), ring (% 0-100), bullet (the five
indicators with national 2030 targets), text (two short paragraphs, each
quoting two of the sheet's figures exactly) and note.

Writes into DIR:
  0001.json ... NNNN.json   the sheets (stale NNNN.json from an earlier run are removed)
  targets/                  the national targets, copied from data/targets/
  sources/generated.txt     every quote, one a line, so tests/check_sources.py
                            can be pointed at DIR/sources

County names are unique, built from real-looking two-character stems plus
县/市/区, and use only characters of GB2312 level 1 (the 3755 common
characters), so no font lacks a glyph. The same --seed gives the same files,
and the first k sheets of --count N are the sheets of --count k.
Python 3 standard library only.
"""
import argparse
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, os.pardir))

# Two-character stems of real county-level places; those with a character
# outside GB2312 level 1 (醴陵, 渌口, 芦淞 ...) are dropped by gb2312_level1().
REAL_STEMS = """
茶陵 炎陵 醴陵 渌口 芦淞 荷塘 石峰 天元 湘潭 韶山 湘乡 衡阳 衡山 衡东 祁东 常宁
衡南 南岳 邵东 新邵 隆回 洞口 绥宁 新宁 城步 武冈 华容 湘阴 平江 汨罗 临湘 汉寿
安乡 桃源 石门 津市 临澧 慈利 桑植 桃江 安化 沅江 桂阳 宜章 永兴 嘉禾 临武 汝城
桂东 安仁 资兴 祁阳 东安 双牌 江永 宁远 蓝山 新田 江华 中方 沅陵 辰溪 溆浦 会同
麻阳 新晃 芷江 靖州 通道 洪江 双峰 新化 冷水 涟源 吉首 泸溪 凤凰 花垣 保靖 古丈
永顺 龙山 浏阳 宁乡 望城 莲花 上栗 芦溪 万载 上高 宜丰 靖安 铜鼓 丰城 樟树 高安
奉新 修水 武宁 永修 德安 都昌 湖口 彭泽 瑞昌 共青 婺源 乐平 浮梁 余干 鄱阳 万年
弋阳 横峰 铅山 玉山 广丰 德兴 南丰 黎川 崇仁 乐安 宜黄 金溪 资溪 广昌 瑞金 会昌
寻乌 安远 定南 全南 龙南 信丰 大余 崇义 上犹 南康 于都 兴国 宁都 石城 泰和 遂川
万安 安福 永丰 峡江 新干 吉水 永新 嘉鱼 通城 崇阳 通山 赤壁 大冶 阳新 黄梅 蕲春
浠水 罗田 英山 麻城 红安 团风 孝昌 大悟 云梦 应城 安陆 汉川 京山 沙洋 钟祥 宜城
南漳 保康 谷城 枣阳 广水 金堂 大邑 蒲江 新津 崇州 邛崃 彭州 简阳 射洪 蓬溪 大英
安岳 乐至 仁寿 彭山 洪雅 丹棱 青神 夹江 沐川 峨边 马边 犍为 井研 富顺 合江 叙永
古蔺 江安 长宁 高县 筠连 兴文 屏山 中牟 巩义 荥阳 新密 新郑 登封 兰考 通许 尉氏
内黄 汤阴 林州 获嘉 原阳 延津 封丘 长垣 修武 博爱 武陟 温县 沁阳 孟州 清丰 南乐
台前 平阴 商河 章丘 济阳 莱西 平度 胶州 即墨 沂水 沂南 兰陵 平邑 蒙阴 阳山 连山
连南 英德 连州 佛冈 翁源 乳源 新丰 始兴 仁化 南雄 乐昌 安吉 德清 长兴 桐乡 海宁
海盐 嘉善 平湖 诸暨 新昌 上虞 天台 仙居 三门 临海 温岭 玉环 遂昌 松阳 云和 庆元
景宁 龙泉
""".split()

# Characters common in place names, for further stems: first + second.
FIRST = "安平宁永长新东西南北清丰兴德嘉华泰临武龙石桃云金青白黄红高乐广吉富福盛建"
SECOND = "阳江山城源乡溪陵州川河宁安平丰昌化和兴远水林台口田泉湖岭峰冈桥"

SUFFIXES = ["县"] * 6 + ["市"] * 3 + ["区"] * 2


def gb2312_level1(s):
    """True when every character of s is in GB2312 level 1 (rows 16-55)."""
    for c in s:
        try:
            b = c.encode("gb2312")
        except UnicodeEncodeError:
            return False
        if len(b) != 2 or not 0xB0 <= b[0] <= 0xD7:
            return False
    return True


def county_names(rng, n):
    """n unique county names: real stems first (shuffled), then combinations."""
    real = [s for s in dict.fromkeys(REAL_STEMS) if gb2312_level1(s)]
    rng.shuffle(real)
    combos = [a + b for a in FIRST for b in SECOND if a != b]
    combos = [s for s in combos if s not in real and gb2312_level1(s)]
    rng.shuffle(combos)
    names, seen = [], set()
    for stem in real + combos:
        if len(names) == n:
            break
        name = stem + rng.choice(SUFFIXES)
        if name in seen:
            continue
        seen.add(name)
        names.append(name)
    if len(names) < n:
        sys.exit(f"gen_counties: only {len(names)} unique names available, {n} asked")
    return names


class Lit(str):
    """A number's literal text, written into the JSON unquoted (78.60 stays 78.60)."""


def js(v):
    """JSON text of a value: Lit raw, str quoted (UTF-8 kept), lists and dicts inline."""
    if isinstance(v, Lit):
        return str(v)
    if isinstance(v, str):
        out = ['"']
        for c in v:
            if c == '"' or c == "\\":
                out.append("\\" + c)
            elif ord(c) < 0x20:
                out.append("\\u%04x" % ord(c))
            else:
                out.append(c)
        out.append('"')
        return "".join(out)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, list):
        return "[" + ", ".join(js(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(js(k) + ": " + js(x) for k, x in v.items()) + "}"
    raise TypeError(type(v))


def dec(x, places):
    """x rounded to places decimals, as literal text; -0 and 0.00 become 0."""
    t = f"{x:.{places}f}"
    if float(t) == 0:
        return Lit("0")
    return Lit(t)


def county_sheet(rng, name, year, schema_ref):
    """One simulated sheet as a dict (values as Lit)."""
    kind = name[-1]                      # 县, 市 or 区
    area = "全" + kind                   # 全县 / 全市 / 全区
    pop = rng.uniform(18, 120)           # 常住人口, 万人
    urban = kind == "区"

    ind = []                             # indicators in order

    def add(id_, label, value, unit, better=None, note=None):
        d = {"id": id_, "label": label, "value": value, "unit": unit}
        if better:
            d["better"] = better
        if note:
            d["note"] = note
        d["source"] = {"file": "generated.txt", "quote": f"{label}{value}{unit}"}
        ind.append(d)
        return value

    # Health outcomes (the five with national targets).
    le = add("life_expectancy", "人均预期寿命", dec(rng.uniform(77.2, 80.4), 2), "岁", "higher")
    mm_raw = 0.0 if rng.random() < 0.05 else rng.uniform(3.5, 22.0)
    add("maternal_mortality", "孕产妇死亡率", dec(mm_raw, 1), "/10万", "lower",
        "县域出生人数少，孕产妇死亡率年际波动较大")
    imr = rng.uniform(1.8, 5.6)
    add("infant_mortality", "婴儿死亡率", dec(imr, 2), "‰", "lower")
    add("under5_mortality", "5岁以下儿童死亡率", dec(imr + rng.uniform(0.4, 1.6), 2), "‰", "lower")
    hl = add("health_literacy", "居民健康素养水平", dec(rng.uniform(22.0, 38.0), 2), "%", "higher")

    # Resources.
    bpk = rng.uniform(5.2, 8.6)
    dpk = rng.uniform(2.2, 3.6)
    npk = dpk * rng.uniform(1.05, 1.40)
    beds = add("beds", "医疗机构床位", Lit(str(round(pop * 10 * bpk))), "张")
    add("beds_per_1000", "每千常住人口床位数", dec(bpk, 2), "张", "higher")
    docs = add("practising_doctors", "执业（助理）医师", Lit(str(round(pop * 10 * dpk))), "人")
    add("doctors_per_1000", "每千常住人口执业（助理）医师", dec(dpk, 2), "人", "higher")
    add("registered_nurses", "注册护士", Lit(str(round(pop * 10 * npk))), "人")
    add("nurses_per_1000", "每千常住人口注册护士", dec(npk, 2), "人", "higher")
    add("village_doctors", "乡村医生", Lit(str(round(pop * rng.uniform(4, 12) * (0.3 if urban else 1)))), "人")
    n_public = rng.randint(3, 12)
    n_private = rng.randint(5, 40)
    n_town = rng.randint(3, 9) if urban else rng.randint(8, 30)
    n_comm = rng.randint(12, 45) if urban else rng.randint(2, 15)
    n_village = rng.randint(30, 120) if urban else rng.randint(150, 600)
    add("public_hospitals", "公立医院", Lit(str(n_public)), "个")
    add("private_hospitals", "民营医院", Lit(str(n_private)), "个")
    add("township_health_centres", "乡镇卫生院", Lit(str(n_town)), "个")
    add("community_health_stations", "社区卫生服务中心（站）", Lit(str(n_comm)), "个")
    add("village_clinics", "村卫生室", Lit(str(n_village)), "个")
    add("institutions_total", "医疗卫生机构",
        Lit(str(n_public + n_private + n_town + n_comm + n_village + rng.randint(8, 40))), "个")

    # Services (万人次, two decimals as the bureau reports them).
    visits = pop * rng.uniform(4.5, 8.0)
    ov = add("outpatient_visits", "总诊疗人次", dec(visits, 2), "万人次")
    s_county = rng.uniform(0.32, 0.45)
    s_town = rng.uniform(0.18, 0.30)
    s_village = rng.uniform(0.10, 0.22) * (0.4 if urban else 1)
    add("county_hospital_visits", "县级医院诊疗人次", dec(visits * s_county, 2), "万人次")
    add("township_visits", "乡镇卫生院诊疗人次", dec(visits * s_town, 2), "万人次")
    add("village_clinic_visits", "村卫生室诊疗人次", dec(visits * s_village, 2), "万人次")
    add("inpatient_discharges", "出院人次", dec(pop * rng.uniform(0.15, 0.24), 2), "万人次")
    add("bed_occupancy", "公立医院病床使用率", dec(rng.uniform(68, 92), 1), "%")

    # County medical community and primary care.
    medcom = add("county_medcoms", "紧密型县域医共体", Lit(str(rng.choice([1, 1, 2, 2, 3]))), "个")
    add("family_doctor_signing_rate", "家庭医生签约率", dec(rng.uniform(36, 55), 2), "%", "higher")
    add("key_population_signing_rate", "重点人群签约率", dec(rng.uniform(75, 93), 2), "%", "higher")
    icv = add("in_county_visit_rate", "县域内就诊率", dec(rng.uniform(85.5, 95.5), 1), "%", "higher")
    add("primary_visit_share", "基层就诊率", dec(rng.uniform(55, 72), 2), "%", "higher")
    add("elderly_health_management_rate", "老年人健康管理率", dec(rng.uniform(62, 82), 1), "%", "higher")

    def largest(ids, short=None):
        """The label of the largest of ids (for a chart title that states the finding)."""
        by_id = {d["id"]: d for d in ind}
        top = max((by_id[i] for i in ids), key=lambda d: float(d["value"]))
        return (short or {}).get(top["id"], top["label"])

    staff_top = largest(["practising_doctors", "registered_nurses", "village_doctors"])
    inst_top = largest(["public_hospitals", "private_hospitals", "township_health_centres",
                        "community_health_stations", "village_clinics"])
    visit_top = largest(["county_hospital_visits", "township_visits", "village_clinic_visits"],
                        {"county_hospital_visits": "县级医院", "township_visits": "乡镇卫生院",
                         "village_clinic_visits": "村卫生室"})

    text1 = (f"{year}年，{area}人均预期寿命为{le}岁，居民健康素养水平为{hl}%。"
             f"医疗卫生服务体系持续完善，{area}医疗机构床位{beds}张，执业（助理）医师{docs}人。")
    text2 = (f"{area}组建紧密型县域医共体{medcom}个，推进优质医疗资源下沉，"
             f"县域内就诊率为{icv}%，群众就近就医更加便捷。")

    sections = [
        {"title": "核心指标", "blocks": [
            {"type": "kpi", "items": ["life_expectancy", "health_literacy", "beds", "practising_doctors",
                                      "outpatient_visits", "family_doctor_signing_rate",
                                      "in_county_visit_rate", "county_medcoms"]},
            {"type": "text", "text": text1},
        ]},
        {"title": "居民健康水平", "blocks": [
            {"type": "bullet", "title": "主要健康指标与2030年国家目标对比",
             "items": ["life_expectancy", "maternal_mortality", "infant_mortality",
                       "under5_mortality", "health_literacy"]},
        ]},
        {"title": "医疗卫生资源", "blocks": [
            {"type": "kpi", "items": ["beds_per_1000", "doctors_per_1000", "nurses_per_1000",
                                      "institutions_total"]},
            {"type": "bar", "title": f"卫生人员中{staff_top}最多", "unit": "人",
             "items": [{"id": "practising_doctors", "label": "执业（助理）医师"},
                       {"id": "registered_nurses", "label": "注册护士"},
                       {"id": "village_doctors", "label": "乡村医生"}]},
            {"type": "hbar", "title": f"各类机构中{inst_top}数量最多", "sort": "value",
             "items": ["public_hospitals", "private_hospitals", "township_health_centres",
                       "community_health_stations", "village_clinics"]},
        ]},
        {"title": "医疗服务", "blocks": [
            {"type": "bar", "title": f"诊疗人次中{visit_top}最多", "unit": "万人次",
             "items": [{"id": "county_hospital_visits", "label": "县级医院"},
                       {"id": "township_visits", "label": "乡镇卫生院"},
                       {"id": "village_clinic_visits", "label": "村卫生室"}]},
            {"type": "line", "title": f"{year}年总诊疗人次{ov}万人次", "items": ["outpatient_visits"]},
            {"type": "kpi", "items": ["inpatient_discharges", "bed_occupancy"]},
        ]},
        {"title": "医共体建设与基层服务", "blocks": [
            {"type": "ring", "title": "县域内就诊率保持高位",
             "items": ["in_county_visit_rate", "primary_visit_share", "family_doctor_signing_rate",
                       "key_population_signing_rate", "elderly_health_management_rate"]},
            {"type": "text", "text": text2},
        ]},
        {"title": "说明", "blocks": [
            {"type": "note", "text": "本概况为性能测试生成的模拟数据，不是真实统计，不得引用。"},
        ]},
    ]

    return {
        "$schema": schema_ref,
        "year": year,
        "title": f"{year}年{name}卫生健康事业发展概况",
        "subtitle": "健康水平、医疗资源与医共体建设主要数据",
        "issuer": f"{name}卫生健康局",
        "date": f"{year + 1}-01-15",
        "sources": [{"file": "generated.txt", "title": "模拟数据（非真实统计）"}],
        "indicators": ind,
        "sections": sections,
    }


def render(sheet):
    """The sheet as JSON text laid out like data/*.json: one indicator, one block a line."""
    lines = ["{"]
    keys = list(sheet)
    for i, k in enumerate(keys):
        v = sheet[k]
        comma = "," if i < len(keys) - 1 else ""
        if k in ("sources", "indicators"):
            lines.append(f"  {js(k)}: [")
            for j, x in enumerate(v):
                lines.append("    " + js(x) + ("," if j < len(v) - 1 else ""))
            lines.append("  ]" + comma)
        elif k == "sections":
            lines.append(f"  {js(k)}: [")
            for j, sec in enumerate(v):
                lines.append("    {" + f"\"title\": {js(sec['title'])}, \"blocks\": [")
                for b, blk in enumerate(sec["blocks"]):
                    lines.append("      " + js(blk) + ("," if b < len(sec["blocks"]) - 1 else ""))
                lines.append("    ]}" + ("," if j < len(v) - 1 else ""))
            lines.append("  ]" + comma)
        else:
            lines.append(f"  {js(k)}: {js(v)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description="Generate simulated county fact sheets for benchmarks.")
    ap.add_argument("--count", type=int, required=True, help="number of sheets")
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--year", type=int, default=2025, help="report year (default 2025)")
    args = ap.parse_args()
    if args.count < 1 or args.count > 9999:
        ap.error("--count must be 1..9999")
    if not 1949 <= args.year <= 2099:
        ap.error("--year must be 1949..2099")

    rng = random.Random(args.seed)
    out = args.out
    os.makedirs(os.path.join(out, "targets"), exist_ok=True)
    os.makedirs(os.path.join(out, "sources"), exist_ok=True)
    # Every *.json beside a sheet is read as another year: drop stale sheets.
    for f in os.listdir(out):
        if re.fullmatch(r"[0-9]{4}\.json", f):
            os.remove(os.path.join(out, f))

    schema_ref = os.path.relpath(os.path.join(ROOT, "schema", "factsheet.schema.json"), out)
    targets_ref = os.path.relpath(os.path.join(ROOT, "schema", "targets.schema.json"),
                                  os.path.join(out, "targets"))
    tdir = os.path.join(ROOT, "data", "targets")
    for f in sorted(os.listdir(tdir)):
        if f.endswith(".json"):
            with open(os.path.join(tdir, f), encoding="utf-8") as fh:
                text = fh.read()
            text = re.sub(r'("\$schema"\s*:\s*)"[^"]*"', lambda m: m.group(1) + js(targets_ref),
                          text, count=1)
            write(os.path.join(out, "targets", f), text)

    quotes = {}
    for seq, name in enumerate(county_names(rng, args.count), 1):
        # One generator per sheet: the first k sheets of --count N are those of --count k.
        sheet = county_sheet(random.Random(f"{args.seed}:{seq}"), name, args.year, schema_ref)
        text = render(sheet)
        bad = [c for c in set(name) if not gb2312_level1(c)]
        if bad:
            sys.exit(f"gen_counties: {name} has characters outside GB2312 level 1: {bad}")
        write(os.path.join(out, f"{seq:04d}.json"), text)
        for d in sheet["indicators"]:
            quotes[d["source"]["quote"]] = None
    write(os.path.join(out, "sources", "generated.txt"),
          "模拟数据（非真实统计），仅供性能测试。\n" + "\n".join(quotes) + "\n")
    print(f"gen_counties: {args.count} sheets for {args.year} in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
