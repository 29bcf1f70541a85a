"""The one vocabulary perflint reads declarations with.

Every word list lives here: the target parser, the model's reading of each indicator and every rule
(as the defaults of its options) read the same lists, so two parts of perflint never disagree about
what a word means. Lists are tuples (hashable: they key the memoised name helpers); tables that map
a word to a meaning are dicts. Grouped by what they describe; within a group, longest-match users
sort for themselves.
"""
from __future__ import annotations

import re
from decimal import Decimal

# ---------------------------------------------------------------------------------------------
# Operators
# ---------------------------------------------------------------------------------------------

# The canonical operators: what the published templates print (plus > and <).
CANONICAL_OPERATORS = frozenset({"≥", "≤", "=", ">", "<"})
# Symbols as written → canonical, longest first where one is a prefix of another.
SYMBOL_OPERATORS = (
    (">=", "≥"), ("≥", "≥"), ("≧", "≥"), ("⩾", "≥"), ("=>", "≥"),
    ("<=", "≤"), ("≤", "≤"), ("≦", "≤"), ("⩽", "≤"), ("=<", "≤"),
    ("==", "="), ("=", "="), (">", ">"), ("<", "<"),
)
# Characters that can start an operator, in any width or look-alike form.
OPERATOR_CHARS = frozenset("≥≤=<>≧≦⩾⩽＞＜＝﹥﹤﹦")
# Spellings a form may use without complaint: the canonical ones, the ASCII >= <= of the 2020 forms,
# and the full-width ＞ ＜ ＝ (the same symbols in another width: typography, not a defect).
ACCEPTED_OPERATORS = frozenset({"≥", "≤", "=", ">", "<", ">=", "<=", "＞", "＜", "＝", "＞＝", "＜＝"})
# Words before a number: 不低于95%, 大于等于3个.
WORD_OPERATORS = (
    ("大于等于", "≥"), ("大于或等于", "≥"), ("不低于", "≥"), ("不少于", "≥"), ("不小于", "≥"), ("至少", "≥"),
    ("小于等于", "≤"), ("小于或等于", "≤"), ("不高于", "≤"), ("不超过", "≤"), ("不多于", "≤"), ("不大于", "≤"),
    ("至多", "≤"), ("最多", "≤"), ("控制在", "≤"), ("大于", ">"), ("高于", ">"), ("超过", ">"), ("小于", "<"),
    ("低于", "<"), ("等于", "="), ("达到", "≥"),
)
# Words after a number: 95%以上, 3个工作日内, 12月31日前. 内 is a ceiling like 以内.
SUFFIX_OPERATORS = (
    ("以上", "≥"), ("及以上", "≥"), ("以下", "≤"), ("及以下", "≤"), ("以内", "≤"), ("之内", "≤"), ("内", "≤"),
    ("前", "≤"), ("之前", "≤"),
)

# ---------------------------------------------------------------------------------------------
# Units: each unit's kind and, where it converts, its factor to the kind's base unit
# ---------------------------------------------------------------------------------------------

PERCENT, MONEY, DURATION, COUNT, AREA, LENGTH, WEIGHT, VOLUME, FREQUENCY = (
    "percent", "money", "duration", "count", "area", "length", "weight", "volume", "frequency")

# Money in 元.
MONEY_FACTORS = {"元": Decimal(1), "千元": Decimal(1_000), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}
MONEY_UNITS_EN = {"元": "yuan", "千元": "1,000 yuan", "万元": "10,000 yuan", "亿元": "100 million yuan"}  # in English messages
# Multipliers written before a unit or alone after a number: 1.5万人, 20万 (= 20 万元 on a money line).
NUMBER_MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
# Durations in hours (a month is 30 days and a year 365 for comparisons only; never for dates).
DURATION_UNITS = {
    "秒": Decimal(1) / 3600, "分钟": Decimal(1) / 60, "分": Decimal(1) / 60, "小时": Decimal(1), "时": Decimal(1),
    "h": Decimal(1), "H": Decimal(1), "天": Decimal(24), "日": Decimal(24), "工作日": Decimal(24),
    "个工作日": Decimal(24), "周": Decimal(168), "星期": Decimal(168), "个月": Decimal(720), "月": Decimal(720),
    "季度": Decimal(2160), "年": Decimal(8760),
}
# Durations as calendar steps, for deadlines counted from the project start (3个月内).
CALENDAR_STEPS = {"天": "days", "日": "days", "周": "weeks", "个月": "months", "月": "months", "年": "years"}
AREA_UNITS = {"平方米": Decimal(1), "㎡": Decimal(1), "m2": Decimal(1), "m²": Decimal(1), "平米": Decimal(1),
              "亩": Decimal("666.6667"),
              "公顷": Decimal(10_000), "平方公里": Decimal(1_000_000)}
LENGTH_UNITS = {"米": Decimal(1), "m": Decimal(1), "M": Decimal(1), "公里": Decimal(1_000), "千米": Decimal(1_000),
                "km": Decimal(1_000), "厘米": Decimal("0.01")}
WEIGHT_UNITS = {"公斤": Decimal(1), "千克": Decimal(1), "kg": Decimal(1), "斤": Decimal("0.5"), "吨": Decimal(1_000),
                "克": Decimal("0.001")}
VOLUME_UNITS = {"立方米": Decimal(1), "m3": Decimal(1), "方": Decimal(1), "升": Decimal("0.001")}
PERCENT_UNITS = ("%", "‰", "百分比", "个百分点", "百分点")
# Units spelled as words that mean a symbol (≥100百分比 is ≥100%).
UNIT_SPELLINGS = {"百分比": "%", "百分点": "个百分点"}
# Unit letters that stand for a unit a form should spell in Chinese (80M is 80 米).
LOOSE_UNIT_LETTERS = {"M": "米", "m": "米", "KM": "公里", "km": "公里", "h": "小时", "H": "小时"}
# Counters: what a count is counted in.
COUNTERS = ("人次", "个", "家", "项", "场", "次", "批", "篇", "份", "套", "台", "件", "户", "名", "位", "座", "所",
            "条", "部", "本", "期", "人", "辆", "处", "类", "种", "门", "册", "张", "头", "只", "株", "棵", "块",
            "间", "栋", "幢", "盏", "根", "组", "队", "支", "村", "镇", "批次", "场次", "户次", "架次", "课时", "学时")
# Characters no unit holds: they belong to a deadline or a comparison (4月前配送, 3天内完成).
NOT_IN_UNITS = ("前", "后", "内", "以", "完成", "达到", "及", "等", "左右", "之")
# Words that make a target a time limit (11月前, 3个工作日内完成), and the time units such a limit is
# counted in right after its number (=4月前配送, =3个工作日内).
DEADLINE_MARKS = ("前", "之前", "以前", "底前", "以内", "之内", "内完成", "内")
DEADLINE_UNITS = ("月", "日", "号", "个月", "季度", "个工作日", "工作日", "天", "周", "年底", "年末", "底")
# Words that introduce a total (or a yearly or per-head figure) before its number: 建设内容共计3类, 全年365天.
TOTAL_WORDS = ("共计", "合计", "总计", "累计", "共", "计", "全年", "年均", "日均", "月均", "人均", "户均")
# Zero written in words: 零事故, 不发生, 杜绝, 无 (in a target cell: none happens).
ZERO_WORDS = ("零事故", "零发生", "零投诉", "零差错", "零伤亡", "零", "不发生", "未发生", "不产生", "未产生", "不造成",
              "未造成", "杜绝", "无")
# The end of a list that its count closes: 涵盖政策、技能等4类 (4类, not a vague "and so on").
LIST_CLOSERS = ("等",)
# Verbs that may follow a deadline (12月底前完成, 24小时内响应, 6月30日前完成招标).
DEADLINE_VERBS = ("完成", "完工", "办结", "响应", "到场", "到位", "上线", "验收", "交付", "配送", "招标", "结束",
                  "开工", "竣工", "提交", "上报", "发放", "拨付", "兑现", "处置", "处理", "修复", "解决", "反馈")
# A condition a time limit is counted from: 接到报修后2小时内, 检验结论作出后20个工作日内, 自受理之日起3日内.
CONDITION_ENDS = ("之日起", "后", "起")
# Notes in brackets after a unit that do not change it: 万元（含税）, 台（套）.
UNIT_NOTES = ("含税", "不含税", "含", "套", "件", "个", "台", "次", "人次", "约")
# Words joining two parts of one name (参观人数及讲解场次).
JOINERS = ("及", "和", "与", "或", "并", "以及", "暨")
# Decimals an amount may carry: 分 for 元; 6 decimals (= 0.01 元) for 万元.
MONEY_DECIMALS = {"元": 2, "万元": 6}
# People and organisations: units that count who is reached.
PEOPLE_UNITS = ("人", "人次", "名", "位", "户", "家")
# A count per period: 一次/周, 2次/月, 每月1次, 每半年1次.
PER_PERIOD = ("/年", "/季度", "/季", "/月", "/周", "/天", "/日", "/年度", "/半年", "/学期")
PERIODS = ("半年", "季度", "学期", "年度", "年", "季", "月", "周", "天", "日")

# ---------------------------------------------------------------------------------------------
# Numbers written in words
# ---------------------------------------------------------------------------------------------

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_POWERS = {"十": 10, "百": 100, "千": 1000, "万": 10_000}
# A rank: 全市前八, 排名前3, 位列第一.
RANK_MARKS = ("前", "第", "排名", "名列", "位列", "位居")
RANK_SCOPES = ("全国", "全省", "全市", "全区", "全县", "全州", "全镇", "同类", "系统内", "行业")

# ---------------------------------------------------------------------------------------------
# Change verbs and comparisons
# ---------------------------------------------------------------------------------------------

CHANGE_UP = ("提升", "提高", "增长", "增加", "上升", "扩大", "改善", "增强", "优化")
CHANGE_DOWN = ("降低", "减少", "下降", "减小", "压缩", "缩短", "节约")
CHANGE_WORDS = CHANGE_UP + CHANGE_DOWN
# What a change is measured against, longest first where one is a prefix of another.
COMPARE_PREFIXES = ("较上一年度", "较上年度", "比上年度", "较上年", "比上年", "较去年", "比去年", "同比", "环比",
                    "较基期", "比基期", "较", "比")
# Names that measure a growth: 参观人数增长率.
GROWTH_MEASURES = ("增长率", "增幅", "增长幅度", "提升率", "提高率", "下降率", "降幅", "下降幅度", "减少率")
# Names whose percentage may exceed 100% (a growth, a return, a multiple).
GROWTH_WORDS = ("增长", "增幅", "增速", "增加", "提升", "提高", "回报率", "收益率", "杠杆", "带动", "倍", "同比", "环比",
                "比上年", "较上年", "超额")

# ---------------------------------------------------------------------------------------------
# Vague and qualitative wording
# ---------------------------------------------------------------------------------------------

# Words that make a number approximate or open: 若干, 3个左右, 等 (read as words: see targets._vague).
APPROXIMATE_WORDS = ("若干", "等", "左右", "约", "大约", "适量", "一定", "多个", "部分")
# Of those, the ones that are open wherever they stand (约, 左右 and 等 only around a number or a list).
OPEN_WORDS = ("若干", "适量", "一定数量", "一定规模", "多个", "部分")
# Words that make a figure in prose approximate: 约500万元, 近15000人次, 500余场.
APPROXIMATE_PROSE = ("约", "近", "余", "多", "左右", "超过", "以上", "逾")
# Graded scales a qualitative target may take one level of.
GRADED_SCALES = ("好/较好/一般/较差/差", "优/良/中/差", "优秀/良好/合格/不合格", "达到/基本达到/未达到", "是/否",
                 "满意/基本满意/不满意", "完成/基本完成/未完成", "优良/合格/不合格",
                 "Ⅰ类/Ⅱ类/Ⅲ类/Ⅳ类/Ⅴ类/劣Ⅴ类", "I类/II类/III类/IV类/V类/劣V类", "一级/二级/三级/四级",
                 "甲等/乙等/丙等", "甲级/乙级/丙级", "A级/2A级/3A级/4A级/5A级", "AAA级/AAAA级/AAAAA级")
# Names that grade what they measure: a level of a scale is their value (考核等级: 良好及以上).
GRADE_NAME_ENDINGS = ("等级", "等次", "类别", "评级", "级别", "考核结果", "评定结果")
# Properties graded X / 基本X / 不X when the name states the property (…健全性, 是否规范).
GRADED_PROPERTIES = ("健全", "完善", "合理", "有效", "规范", "合规", "完整", "准确", "及时", "安全", "稳定", "到位",
                     "齐全", "清晰", "明确", "可行", "达标", "落实", "严格", "科学")
GRADE_NEGATIONS = ("基本", "不", "未", "无")
# Timeliness targets that name a definite period or cadence without a number (免费开放时间: 全年;
# 生活垃圾清运: 日产日清): assessable as they stand.
PERIOD_TARGETS = ("全年", "全年度", "常年", "每日", "每天", "当日", "当天", "日产日清", "日清日结", "每周", "每月", "按月",
                  "每季度", "按季度", "每学期", "按学期")
GRADE_FLOORS = ("及以上", "以上")
# Vague wording that names no level: 有效, 正常, 规范, 满足需求.
VAGUE_WORDS = ("有效", "正常", "规范", "合理", "明显", "显著", "良好", "满足", "充分", "积极", "稳步", "进一步", "大幅",
               "逐步", "较大", "提升", "改善", "加强", "提高", "增强", "效果明显", "明显提升")
# The words that make an indicator about building institutions (制度, 机制 …): reviewers accept the
# institution's own states as its levels (健全, 建立健全, 健全有效, 规范, 完善).
INSTITUTION_WORDS = ("制度", "机制", "体系", "规章", "办法", "规范化", "管理规定", "工作规则", "台账", "档案")
INSTITUTION_STATES = ("健全", "建立健全", "健全有效", "健全完善", "完善", "建立", "规范", "规范有效", "有效", "落实",
                      "执行有效", "已建立", "建立并执行", "严格执行")
# A verdict, not a measurement: what an actual value must not be.
VERDICT_WORDS = ("达成预期指标", "达成预期", "达成", "已完成", "完成", "达标", "基本达成", "部分达成", "未达成", "符合")

# ---------------------------------------------------------------------------------------------
# The endings that make a name state a property (财务管理制度健全性, 健全程度).
PROPERTY_TAILS = ("性", "程度", "度")
# Endings dropped before a property is named in a suggested name (长效管理制度建设 → 长效管理制度健全性).
RENAME_DROPPED_TAILS = ("建设情况", "建设", "情况", "建立", "工作", "水平", "状况")
# What a rate measured in another unit really is (系统更新及时率 ≤24小时 is a 时长).
RATE_RENAMES = {"time": "时长", "count": "数量", "money": "金额"}
# A timeliness rate measured in hours is a response time: (the ending, what it really is).
RATE_AS_TIME = ("及时率", "响应时间")
# Verbs a rate's name ends with before 率 (信息公开实现率 → 信息公开).
RATE_BASE_VERBS = ("及时", "实现", "完成", "达标", "执行")
# Examples for the output dimensions a declaration lacks: (target, name).
DIMENSION_EXAMPLES = {"quantity": ("≥200(批次)", "接待批次"), "quality": ("≥95%", "验收通过率"),
                      "timeliness": ("12月31日前", "完成时间")}

# ---------------------------------------------------------------------------------------------
# What an indicator's name measures (by how it ends)
# ---------------------------------------------------------------------------------------------

RATE_ENDINGS = ("率", "占比", "比例", "比重", "百分比")
# Endings in 率 that are not shares: a frequency counts per period, 效率/速率 are speeds.
NOT_RATE_ENDINGS = ("频率", "效率", "速率", "功率", "汇率", "税率", "利率", "概率")
FREQUENCY_ENDINGS = ("频率", "频次", "频度")
COUNT_ENDINGS = ("数", "数量", "人次", "场次", "批次", "户次", "架次", "总量", "规模")
NOT_COUNT_ENDINGS = ("指数", "系数", "分数", "倍数", "参数", "函数", "基数")
# Pure numbers, measured in no unit: 灌溉水有效利用系数 ≥0.6, 空气质量指数 ≤100, 本息覆盖倍数 ≥1.2.
DIMENSIONLESS_ENDINGS = ("系数", "指数", "倍数", "比值")
# An event counted, never a share of anything: 系统故障 ≤3% has no base.
EVENT_ENDINGS = ("故障", "事故", "投诉", "差错", "失误", "违规", "违纪", "案件", "事件")
MONEY_ENDINGS = ("成本", "费用", "金额", "经费", "资金", "价格", "单价", "造价", "投资额")
TIME_ENDINGS = ("时间", "时长", "时限", "天数", "周期", "工期", "用时", "耗时")
GRADE_ENDINGS = ("性", "程度", "情况", "水平", "状况", "效果", "质量")
# A rank named: 排名, 名次.
RANK_ENDINGS = ("排名", "名次", "位次")

# Endings that name the dimension, not the subject: 故障响应速度 / 故障响应时间 / 故障响应及时性 measure one thing.
DIMENSION_ENDINGS = ("及时性", "及时率", "时效性", "速度", "时间", "时长", "时限", "用时", "耗时", "效率", "率", "性",
                     "程度", "情况", "水平", "数量", "次数", "人数", "数", "量")

# Polarity: a positive indicator is better higher (≥), a reverse one lower (≤); the longest ending wins.
POSITIVE_ENDINGS = (
    "满意度", "合格率", "达标率", "覆盖率", "完成率", "通过率", "知晓率", "利用率", "使用率", "到位率",
    "及时率", "执行率", "实现率", "普及率", "参与率", "验收率", "办结率", "响应率", "解决率", "就业率",
    "完好率", "在线率", "可用率", "正确率", "准确率", "优良率", "达成率", "入住率", "出勤率",
    "人数", "人次", "次数", "场次", "批次", "数量", "个数", "户数",
)
REVERSE_ENDINGS = (
    "故障率", "事故率", "发生率", "投诉率", "差错率", "失误率", "出错率", "返工率", "流失率", "空置率",
    "损耗率", "误报率", "漏报率", "违规率", "超支率", "故障", "事故", "投诉", "差错",
    "事故次数", "故障次数", "投诉次数", "差错次数", "投诉数", "故障数", "事故数",
    "成本", "费用", "单价", "响应时间", "响应时长", "等待时间", "等待时长", "处理时间", "处理时限",
    "办结时间", "办理时限", "审批时限", "修复时间", "停机时间", "停机时长", "故障时长", "排队时间",
)

# ---------------------------------------------------------------------------------------------
# What an indicator's content is about (the dimension its name states), checked against where it is filed
# ---------------------------------------------------------------------------------------------

# Each dimension's words, strongest first; a name is read by its most specific evidence (see
# model.reading). Endings (…及时性) weigh more than words inside the name.
TIMELINESS_ENDINGS = ("及时性", "及时率", "按时完成率", "按期完成率", "完成时间", "完成时限", "响应时间", "响应时长",
                      "办结时限", "时效", "时效性", "按时率", "准时率", "周期")
TIMELINESS_WORDS = ("及时率", "及时性", "及时", "时效", "按时", "按期", "准时", "响应时间", "响应", "更新时间",
                    "完成时间", "时限")
QUALITY_ENDINGS = ("合格率", "达标率", "通过率", "验收率", "优良率", "准确率", "正确率", "完好率", "完整率", "完整性",
                   "准确性", "规范性", "合规性", "可靠性", "稳定性", "安全性", "质量")
COST_WORDS = ("成本", "单价", "造价", "费用", "支出标准", "经费标准", "补助标准", "补贴标准")
# Economic effects: money earned, produced or raised in the economy.
ECONOMIC_WORDS = ("经济", "产值", "税收", "营收", "营业收入", "销售额", "利润", "增加值", "GDP", "融资额", "投资额",
                  "产量", "增产")
# Money coming in: a revenue is an economic effect, never a cost.
REVENUE_WORDS = ("收入", "营收", "营业收入", "销售额", "利润", "税收", "产值", "增加值", "创收", "增收")
# Awareness and popular science: a social effect, never an economic one.
AWARENESS_WORDS = ("科普", "知晓", "宣传", "普及", "意识", "素养", "知名度")
# Taking part and using: a social effect or an output, never an ecological one.
PARTICIPATION_WORDS = ("参与率", "参与人数", "参与人次", "参与度", "使用频率", "使用次数", "访问量", "点击量", "浏览量",
                       "参观人数", "参观人次", "接待人数", "接待人次")
# Names that end in a cost (人均培训成本, 单位运维成本): with a money target, a cost wherever it is filed.
COST_ENDINGS = ("成本", "单价", "造价", "费用", "成本控制")
# The state of the environment itself (森林覆盖率, 空气质量优良天数比例): an ecological effect.
ECOLOGICAL_STATE_WORDS = ("森林覆盖", "绿化覆盖", "植被覆盖", "空气质量", "优良天数", "水质达标", "PM2.5", "碳排放",
                          "能耗", "水土流失")
# The state of society itself (社区治理水平, 居民安全感): a social effect, never an economic one.
SOCIAL_STATE_WORDS = ("社区治理", "基层治理", "社会治理", "网格化治理", "安全感", "幸福感", "获得感", "社会稳定", "社会治安",
                      "社会秩序")
# People counted (参与人次, 参与人数): an output or a social effect, never an ecological one.
PARTICIPATION_COUNTS = ("参与人次", "参与人数", "参加人次", "参加人数", "参观人次", "参观人数")
# Accepting a delivered output (验收合格率): its quality, wherever it is filed.
ACCEPTANCE_WORDS = ("验收合格率", "验收通过率", "验收率", "验收合格")
# A technical specification of what is bought (射程 ≥80米): its quality, not a quantity of output.
SPECIFICATION_WORDS = ("射程", "功率", "精度", "分辨率", "带宽", "续航", "载重", "扬程", "转速")
# Words of judging or approving that make a score a satisfaction measure without saying 满意.
SATISFACTION_LIKE = ("满意", "认可", "好评", "评价", "口碑", "获得感", "幸福感", "信任", "赞誉", "称赞")
# Economic words that, inside these phrases, are not the economy's: 节约成本 is a saving.
ECONOMIC_EXCEPTIONS = ("社会经济", "经济社会", "社会", "经济困难", "家庭经济", "减轻", "负担")
# Social effects: awareness, public services, people reached.
SOCIAL_WORDS = ("知晓", "知名度", "影响力", "宣传", "科普", "普及", "意识", "素养", "社会", "公众", "群众", "居民",
                "市民", "民生", "就业", "安全感", "获得感", "参与", "服务能力", "文明", "教育", "健康", "帮扶", "脱贫",
                "扶贫", "困难群众")
# Ecological effects: environment, resources, emissions.
ECOLOGICAL_WORDS = ("生态", "环境", "空气", "大气", "水质", "水体", "土壤", "污染", "排放", "减排", "节能", "能耗",
                    "碳", "绿化", "植被", "森林", "湿地", "降尘", "扬尘", "噪声", "垃圾", "固废", "废水", "废气",
                    "环保", "PM2.5", "PM10", "优良天数", "水土流失", "资源利用", "生物多样性")
# Ecological measures that would otherwise read as quality (服务周期内空气质量 is the air's, not the service's).
ECOLOGICAL_QUALITY = ("空气质量", "水质", "环境质量", "水环境质量", "大气质量", "土壤质量")
SUSTAINABLE_WORDS = ("可持续", "持续", "长效", "长期", "机制", "后续", "推广", "示范", "辐射带动")
# Inputs: spending money or acquiring resources.
INPUT_WORDS = ("经费", "资金", "预算执行", "拨付", "房租", "租金", "租赁", "付款", "支付")
# Money a project attracts or saves, or ties to results, is a result.
INPUT_EXEMPT_WORDS = ("带动", "吸引", "撬动", "引导", "募集", "节约", "节省", "挂钩", "挂勾", "负担", "减轻")
# Grant and subsidy programmes: funding projects and paying out the money is what they deliver.
GRANT_PROGRAMME_WORDS = ("补助", "补贴", "资助", "奖补", "奖励", "扶持", "专项资金", "引导资金", "转移支付", "衔接资金",
                         "以奖代补", "贴息", "救助", "抚恤", "慰问")
GRANT_OUTPUT_WORDS = ("资助", "补助", "补贴", "扶持", "奖励", "奖补", "发放", "兑现", "兑付", "拨付", "下达", "到位",
                      "支持", "结算", "支付", "立项", "项目数", "项目个数", "受益", "救助")
# Activities a project delivers (outputs), and the nouns that count them.
ACTIVITY_WORDS = ("参观", "接待", "参展", "参会", "培训", "举办", "展览", "讲座", "路演", "访问")
ACTIVITY_COUNT_WORDS = ("人数", "人次", "次数", "场次", "批次", "数量", "个数", "总数", "家数")
# Projects that build or fit out something: people using what is built (visitors to a new site) are
# what the output leads to, a benefit, not an activity the project delivers.
CONSTRUCTION_WORDS = ("基础设施", "工程", "新建", "扩建", "改建", "修建", "改造", "修缮", "高标准农田", "道路",
                      "厂房", "设施建设", "基地建设", "景区建设", "旅游开发")
# Work measures that are not satisfaction (a 满意度 block holding them is misfiled).
NOT_SATISFACTION_WORDS = ("效率", "投诉", "及时率", "合格率", "完成率", "覆盖率", "达标率", "次数", "时长", "时间")
# Outcome words that make an activity count a benefit (培训带动就业人数, 受益人数).
OUTCOME_COUNT_WORDS = ("带动", "就业", "增收", "受益", "惠及", "脱贫", "解决")

# ---------------------------------------------------------------------------------------------
# Indicator categories: every era's and region's spelling of a first or second level → its canonical id
# (labels as printed, after the suffix 指标 / 目标, spaces and a printed weight are dropped)
# ---------------------------------------------------------------------------------------------

LEVEL1_ALIASES = {
    "产出": "output", "效益": "benefit", "效果": "benefit", "满意度": "satisfaction", "服务对象满意度": "satisfaction",
    "社会公众或服务对象满意度": "satisfaction", "社会公众满意度": "satisfaction", "成本": "cost",
    "投入和管理": "management", "投入与管理": "management", "投入管理": "management", "影响力": "impact",
}
LEVEL2_ALIASES = {
    "数量": "quantity", "质量": "quality", "时效": "timeliness", "成本": "cost",
    "经济成本": "cost", "社会成本": "cost", "生态环境成本": "cost", "生态成本": "cost", "环境成本": "cost",
    "总成本": "cost", "单位成本": "cost", "分项成本": "cost",
    "经济效益": "economic", "社会效益": "social", "生态效益": "ecological", "环境效益": "ecological",
    "生态环境效益": "ecological", "可持续影响": "sustainable", "可持续": "sustainable", "可持续效益": "sustainable",
    "可持续发展": "sustainable", "满意度": "satisfaction", "服务对象满意度": "satisfaction",
    "社会公众或服务对象满意度": "satisfaction", "社会公众满意度": "satisfaction", "群众满意度": "satisfaction",
    "长效管理": "long-term", "配套设施": "long-term", "人力资源": "long-term", "档案管理": "long-term",
    "信息共享": "long-term",
}
# Kinds of cost stated in words (财预〔2021〕101号): the social and the ecological cost of a project.
WORDED_COSTS = ("社会成本", "生态环境成本", "生态成本", "环境成本")
# Second levels under 投入和管理 are free labels (财务管理, 项目实施, 合规性 …): these words make one.
MANAGEMENT_LEVEL2_WORDS = ("管理", "实施", "合规", "制度", "财务", "投入", "预算")
# Label suffixes dropped before lookup.
LEVEL_SUFFIXES = ("指标", "目标")

# ---------------------------------------------------------------------------------------------
# Satisfaction respondents
# ---------------------------------------------------------------------------------------------

# The project's own staff: asking them measures nothing.
SELF_RESPONDENTS = ("项目执行者", "项目管理者", "项目管理人员", "项目实施人员", "项目执行人员", "实施主体", "实施单位",
                    "项目单位", "项目组", "主管部门", "本单位")
# Words that name a respondent group (service recipients, organisations included).
RESPONDENT_WORDS = ("者", "人员", "人", "用户", "受众", "群众", "公众", "市民", "居民", "村民", "农户", "企业", "单位",
                    "对象", "客户", "学员", "学生", "师生", "观众", "游客", "患者", "员工", "职工", "家长", "商", "团组",
                    "代表", "机构", "部门", "局", "委", "办", "处", "科室", "学校", "医院", "社区", "村", "户", "农民",
                    "老人", "儿童", "妇女", "残疾人", "群体", "主体", "社会", "教师", "老师", "医生", "毕业生",
                    "考生", "家属", "业主", "商户", "经营户", "会员", "员")
# Words that name no one: the generic 服务对象 and the measure itself.
GENERIC_RESPONDENTS = ("服务对象", "满意度", "满意")

# ---------------------------------------------------------------------------------------------
# Goals and narratives
# ---------------------------------------------------------------------------------------------

GOAL_DELIVERABLES = ("平台", "系统", "方案", "报告", "建议", "规划", "活动", "展览", "课题", "标准", "指南", "软件",
                     "数据库", "网站", "设备", "工程", "论文", "专利", "教材", "手册")
# Not 开发: it also means "opening up" (浦东开发开放) in policy prose.
GOAL_ACTIONS = ("采购", "购置", "聘用", "招聘", "建成", "研发", "编制", "出版", "举办", "召开")
GOAL_AMOUNT_WORDS = ("足额", "全额", "全覆盖", "年内", "年底前", "年底", "年末", "月底前")
# Units a goal's quantities are stated in besides counters (regular-expression fragments: 周 but not 周年).
GOAL_MEASURE_UNITS = ("个百分点", "%", "‰", "万元", "亿元", "元", "平方米", "公里", "吨", "个工作日", "工作日", "个月",
                      "小时", "天", "日", "月", "年", "周(?!年)")
GOAL_STOP_WORDS = ("项目", "工作", "任务", "完成", "开展", "建设", "活动", "数量", "个数", "次数", "场次", "人数",
                   "总数", "全年", "年度", "服务", "管理", "相关", "主要", "各项", "计划")

# ---------------------------------------------------------------------------------------------
# Blanks, booleans, codes
# ---------------------------------------------------------------------------------------------

# What a form writes in a cell it did not fill: these count as blank.
BLANK_MARKS = frozenset({"", "无", "/", "／", "-", "－", "—", "——", "–", "空", "暂无", "N/A", "n/a", "NA"})
# The plain scalars YAML 1.1 reads as true / false (perflint keeps them as the text written).
YAML_TRUE = ("yes", "true", "on", "y")
YAML_FALSE = ("no", "false", "off", "n")
YAML_BOOLEANS = frozenset(YAML_TRUE + YAML_FALSE)
# Text fields that hold a date as printed (填报日期, a schedule row's 开始/完成时间): an unquoted ISO date there
# is read as that same text, so YAML resolving it to a date loses nothing (pointer tokens, "*" for an index).
DATE_TEXT_FIELDS = frozenset({("filled_date",), ("project", "schedule", "*", "start"), ("project", "schedule", "*", "end")})
# The header cells a form prints, by key: (中文 label, English label).
FIELD_LABELS = {
    "declaring_unit": ("申报单位名称", "declaring unit"),
    "department": ("主管部门", "supervising department"),
    "implementing_unit": ("实施单位", "implementing unit"),
    "project.name": ("项目名称", "project name"),
    "project.nature": ("项目类型/类别/性质", "project nature"),
    "project.category": ("项目类别", "expense class"),
    "project.performance_type": ("资金用途/绩效类型", "spending type"),
    "project.start": ("计划开始日期", "planned start"),
    "project.end": ("计划完成日期", "planned end"),
    "project.overview": ("项目概况", "overview"),
    "project.basis": ("立项依据", "basis"),
    "project.necessity": ("项目设立的必要性", "necessity"),
    "project.measures": ("保证项目实施的制度、措施", "measures"),
    "project.plan": ("项目实施计划", "implementation plan"),
    "budget.total": ("项目总预算", "project total"),
    "budget.annual": ("项目当年预算/年度资金总额", "annual amount"),
    "budget.sources.appropriation": ("当年财政拨款", "current appropriation"),
    "budget.previous_year.budget": ("同名项目上年预算额", "last year's budget"),
    "budget.previous_year.executed": ("同名项目上年预算执行数", "last year's execution"),
    "department_code": ("主管部门编码", "department code"),
    "project.period": ("项目实施期", "project period"),
    "project.manager": ("项目负责人", "project manager"),
    "project.manager_phone": ("项目负责人联系电话", "manager's phone"),
    "filled_by": ("填表人", "preparer"),
    "filled_date": ("填报日期", "date filled in"),
    "goals.overall": ("项目总目标", "overall goal"),
    "goals.annual": ("年度绩效目标", "annual goal"),
}
# Administrative cells (who filled the form in, when, whom to call): a blank one is worth a note only.
ADMINISTRATIVE_FIELDS = ("filled_by", "filled_phone", "filled_date", "project.manager", "project.manager_phone",
                         "department_code")
# A template's fill-in hint left in a name: 公猪舍(≥**平方米), 景点开发数量( ≥**个 ), 排污沟(≥米), ≥**人.
# A single leading * is the template's mark of a core indicator, not a hint.
PLACEHOLDER_MARKS = ("**", "＊＊", "XX", "xx", "××", "…", "____")
# Words that introduce the total of a cost estimate (资金测算): 合计15万元.
ESTIMATE_TOTAL_WORDS = ("合计", "共计", "总计", "小计", "总额", "共需", "总共", "共")
# Multiplication signs in a cost estimate: 3人×5万元/人.
TIMES_SIGNS = "×xX*＊✕"
# Tick marks of check boxes as printed.
TICKED = ("☑", "√", "✓", "✔", "■", "▇")
UNTICKED = ("□", "☐", "口")

# ---------------------------------------------------------------------------------------------
# Project natures (项目性质 / 项目类型 / 项目属性): pairs that exclude each other whatever the template
# ---------------------------------------------------------------------------------------------

EXCLUSIVE_NATURES = (
    ("一次性", "经常性"),
    ("新增", "延续"),
    ("新增性", "持续性"),
    ("新增", "结转"),
)


# ---------------------------------------------------------------------------------------------
# Self-evaluation
# ---------------------------------------------------------------------------------------------

# What a self-evaluation writes in 实际完成值 when it gives a verdict instead of a value, by the
# attainment it claims (达成年度指标 / 部分达成并具有一定效果 / 未达成且效果较差); VERDICT_WORDS above
# are all of them.
ATTAINMENT_WORDS = {
    "unmet": ("未达成", "未完成", "未达到", "未达标", "未实现", "没有完成"),
    "partial": ("部分达成", "基本达成", "部分完成", "基本完成", "部分达到", "基本达到", "部分实现", "基本实现"),
    "met": ("达成预期指标", "达成预期目标", "达到预期指标", "达到预期目标", "完成预期指标", "完成预期目标",
            "全部完成", "全面完成", "已完成", "已达成", "已达到", "已达标", "已实现", "达成", "达到", "完成", "达标", "实现"),
}
# Words before the level a qualitative target set that lower it: 健全 set, 基本健全 / 未健全 reached.
ATTAINMENT_HEDGES = {"unmet": ("尚未", "未", "不"), "partial": ("基本", "部分", "初步", "较为", "大部分")}
# The attainment levels the format's `attainment` field takes.
ATTAINMENT_LEVELS = {"达成": "met", "部分达成": "partial", "未达成": "unmet"}
# A printed instruction left in a narrative cell states its own length limit: …(100字以内).
INSTRUCTION_TEXT = re.compile(r"[（(]\s*\d{2,4}\s*字(?:以内|以下|左右)\s*[)）]")
# Self-evaluation grades by their lower bound (MOF 预算司: 优 90–100, 良 80–89, 中 60–79, 差 0–59).
GRADES = (("优", 90), ("良", 80), ("中", 60), ("差", 0))
# The columns of the budget-execution block, for messages.
FUND_COLUMNS = {
    "initial": ("年初预算数", "the initial budget"),
    "full_year": ("全年预算数", "the full-year budget"),
    "executed": ("全年执行数", "the amount spent"),
}
# A stated amount broken down after 其中 (of which): 共完成预算资金89.97万元。其中:30万元…;29.99万元…
AMOUNT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
MONEY_UNITS = r"亿元|万元|元"
BREAKDOWN = re.compile(rf"(?P<total>{AMOUNT})\s*(?P<unit>{MONEY_UNITS})[^。；;其]{{0,12}}[。，,；;]?\s*其中\s*[:：]?(?P<parts>[^。]*)")
BREAKDOWN_PART = re.compile(rf"(?P<num>{AMOUNT})\s*(?P<unit>{MONEY_UNITS})")


# The rows of a self-evaluation's budget-execution block, named as the forms print them (zh, en), for a
# row whose label was not transcribed.
FUND_ROW_NAMES = {
    "total": ("年度资金总额", "the total row (年度资金总额)"),
    "appropriation": ("当年财政拨款", "this year's appropriation (当年财政拨款)"),
    "carryover": ("上年结转资金", "the carry-over (上年结转资金)"),
    "superior": ("上级补助资金", "funds from a higher level of government (上级补助资金)"),
    "special_account": ("财政专户管理资金", "funds in a fiscal special account (财政专户管理资金)"),
    "unit_funds": ("单位资金", "the unit's own funds (单位资金)"),
    "other": ("其他资金", "other funds (其他资金)"),
}

# A unit per a stated base of people or things: 发病率 ≤5/10万, 结核病发病率 ≤50例/10万人, 事故率 ≤0.5起/百公里.
# A rate in such a unit is a ratio with its base written out, as health statistics state them.
PER_BASE_UNIT = re.compile(r"/\s*(?:\d+(?:\.\d+)?\s*[十百千万亿]*|[十百千万亿]+)\s*[\u4e00-\u9fff]{0,3}$")

# Names that state a physical quantity by how they end, and the unit class that quantity is measured in:
# 改造面积 is an area (平方米, 亩), 道路里程 a length (公里). Checked only against another physical class.
PHYSICAL_ENDINGS = {"area": ("面积", "占地面积"), "length": ("长度", "里程", "总长", "距离")}

# The words before a budget amount a narrative quotes exactly (项目预算总额4109.86万元, 资金总额：1121.92万元),
# longest first where one contains another.
BUDGET_QUOTE_KEYS = ("预算总额", "总预算", "预算资金", "预算金额", "资金总额", "当年预算", "年度预算", "资金申请总额", "预算")
BUDGET_QUOTE_PREFIX = "项目"
BUDGET_QUOTE_LINKS = ("为", "是", "共计", "合计", "共", "达", "：", ":")  # between the words and the amount
