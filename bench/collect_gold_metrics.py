"""Build fixtures/dev/gold_metrics.jsonl from the gold files: python bench/collect_gold_metrics.py tests/gold/dev

Run by hand when the gold files or the catalogue change; every unmapped metric needs a reason below,
and the test (tests/test_indicators.py) then pins what the matcher makes of each metric."""
import collections, json, pathlib, sys
from zjnews_extract.indicators import match_metric

WHY = {
    "a size-threshold breakdown (1亿美元以上) that the catalogue does not model": [
        "1亿元以上产业项目", "1亿美元以上企业合同外资", "1亿美元以上企业合同外资占总量", "1亿美元以上企业投资总额",
        "1亿美元以上企业投资总额占总量", "新设投资总额1亿美元以上企业", "新设投资总额1亿美元以上企业比去年同期增加"],
    "a count of places meeting a condition, not a statistic of a place": [
        "GDP同比增速高于全国水平的省(区、市)", "晒出上半年经济运行成绩单的省(区、市)", "经济总量超过1万亿元的省份",
        "省、自治区、直辖市", "重点旅游城市"],
    "an output of a campaign, programme or event (events held, firms served, vouchers, orders): no official statistic": [
        "“外贸优品中华行”等活动", "“投资浙里”招商活动", "专项促消费政策", "主题促消费活动", "促消费活动", "活动",
        "拓市场对接活动", "团组", "组织团组", "带动企业", "服务企业", "企业", "参展企业", "展位", "采购商", "精准匹配",
        "意向订单", "贸易采购", "浙江出口网上交易会", "消费券", "带动消费", "惠及消费者", "使用资金", "品类",
        "新增“同线同标同质”产品", "新增“同线同标同质”企业", "应用场景", "项目", "投资金额", "总投资额", "链主型企业",
        "领航企业", "冠军企业", "万亿级产业", "千亿级产业链", "五千亿级产业链", "省级以上首店", "面上产业投资", "信贷融资"],
    "a company's own brand line, dealer count or profit appropriation: no CSRC item shared by companies (channels and recurring profit are mapped)": [
        "国内经销商", "国内经销商净减少", "国外经销商", "系列酒产品营收", "茅台酒营收", "分配利润", "留待以后年度分配"],
    "the size of a classification (41 industry divisions, 619 products): the base that a count of growing ones is taken of, no series": [
        "大类行业", "规模以上工业行业大类", "产品"],
    "an amount a campaign spurred (拉动消费 in yuan), not a contribution rate or pull: no official statistic": ["拉动消费"],
    "several statistics or breakdowns named together, one figure for all (水电、核电、风电、太阳能 is their sum, which is neither renewables nor non-fossil power)": [
        "进出口、出口和进口增速", "水电、核电、风电、太阳能发电量", "水电、核电、风电、太阳能发电量占发电量的比重",
        "英国、德国、意大利的实际外资", "批发和零售业、住宿和餐饮业、租赁和商务服务业、交通运输/仓储和邮政业全年用电量",
        "铝冶炼等高载能行业用电量", "进出口、出口增长贡献率"],
    "a streak (months of growth), not the statistic itself": ["外贸进出口连续保持同比增长"],
    "bound to its context: a developers' funding source only in a sentence on 到位资金; alone, no indicator": ["国内贷款"],
    "bound to its context: 投资总额 is FDI's total investment only in a sentence on foreign investment; alone, no indicator": [
        "投资总额", "累计投资总额"],
    "a contraction outside MOFCOM's terms (共设); 设立外商投资企业 and 累计批准设立外商投资企业 map to fdi.new_enterprises": [
        "累计共设外商投资企业"],
    "a count of trade partners or investment sources, not a statistic of one": ["贸易伙伴", "投资来源地"],
    "a wording outside MCT's terms (有组织); 旅行社组织出境旅游 and 旅行社出境旅游组织人次 map to tourism.outbound_organized": [
        "旅行社有组织出境旅游者"],
    "a yield without its crop (每亩产量 heads a crop named earlier in the sentence: 粮食每亩产量, 早稻每亩产量)": [
        "每亩产量比2021年增加"],
    "a venue's gate count, a survey sample's size or a count of resource types: no series of the catalogue": [
        "入园总人数", "大型餐饮样本企业", "旅游资源类型"],
}
why_of = {m: why for why, ms in WHY.items() for m in ms}
rows = []
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.jsonl")):
    for line in path.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line) if line.strip() else {}
        if "metric" in obj:
            rows.append((obj["metric"], obj["kind"], obj["unit"]))
counts = collections.Counter(rows)
out = []
for (metric, kind, unit), n in sorted(counts.items(), key=lambda x: (x[0][0] or "", x[0][1], x[0][2] or "")):
    m = match_metric(metric, kind=kind, unit=unit)
    row = {"metric": metric, "kind": kind, "unit": unit, "facts": n, "indicator": m.indicator, "scope": m.scope}
    if m.indicator is None:
        if metric not in why_of:
            sys.exit(f"no reason for unmapped {metric!r}")
        row["why"] = why_of[metric]
    out.append(row)
pathlib.Path("fixtures/dev/gold_metrics.jsonl").write_text(
    "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
mapped = sum(r["facts"] for r in out if r["indicator"])
print(f"{len(out)} metric rows, {sum(r['facts'] for r in out)} facts, {mapped} with an indicator")
