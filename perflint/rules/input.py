"""Problems found while reading a file or checking it against the schema.

They are reported by the loader and the schema check, not by a check function, but they are rules
like any other: they can be listed, explained, re-severitied, ignored and suppressed.
"""
from perflint.core.diagnostic import Severity
from perflint.engine.rule import Example, Rule, msg


def _input_rule(id, severity, summary, description, examples=()):
    return Rule(id=id, severity=Severity.parse(severity), group="Y", summary=summary, description=description,
                rationale=msg("文件读不准，后面的检查就不可信：先修正文件本身。",
                              "If the file cannot be read exactly, no later check can be trusted: fix the file first."),
                basis="C", examples=examples, kinds=("declaration", "self-evaluation"))


RULES = (
    _input_rule("yaml-syntax", "error", msg("YAML 语法错误", "YAML syntax error"),
                msg("解析器拒绝的内容，附行列号和写法提示（例如以 > 开头的值须加引号）。",
                    "Anything the YAML parser rejects, with its line and column and a hint (a value starting with > must be quoted)."),
                (Example("target: '>=4次'"), Example("target: >=4次", ("",)))),
    _input_rule("yaml-encoding", "error", msg("文件须为 UTF-8 编码", "Files must be UTF-8"),
                msg("UTF-16/UTF-32 或含非法 UTF-8 字节（如 GBK 文本）的文件。", "UTF-16/32 files, or bytes that are not valid UTF-8 (such as GBK text).")),
    _input_rule("yaml-bom", "warning", msg("文件不应带 BOM", "No byte-order mark"),
                msg("UTF-8 BOM 会让部分工具读错第一个字段。", "A UTF-8 BOM confuses some tools about the first key.")),
    _input_rule("yaml-tab", "error", msg("不得用 Tab 缩进", "No tab indentation"),
                msg("YAML 只允许空格缩进。", "YAML allows only spaces for indentation.")),
    _input_rule("yaml-duplicate-key", "error", msg("字段不得重复", "No duplicate keys"),
                msg("同一映射中重复的字段会被 YAML 静默丢弃一个。", "YAML silently drops one of two equal keys in a mapping."),
                (Example("name: a\nfiscal_year: 2024"), Example("name: a\nname: b", ("/name",)))),
    _input_rule("yaml-empty", "error", msg("文件为空", "Empty file"), msg("文件没有任何内容。", "The file has no content.")),
    _input_rule("yaml-multi-document", "error", msg("每个文件只有一个文档", "One document per file"),
                msg("以 --- 分隔的多个文档只检查第一个。", "Only the first of several ---separated documents is checked.")),
    _input_rule("yaml-tag", "error", msg("不允许 YAML 标签", "No YAML tags"),
                msg("自定义标签和 !!python/… 标签一律拒绝，永不构造对象；合并键 << 同样不支持。",
                    "Custom and !!python/… tags are refused and never constructed; merge keys << are not supported."),
                (Example("name: x"), Example("name: !!python/object:os.system x", ("/name",)))),
    _input_rule("yaml-too-large", "error", msg("文件过大", "File too large"),
                msg("超过 2 MiB 的文件不检查。", "Files over 2 MiB are not checked.")),
    _input_rule("file-not-regular", "error", msg("只读取普通文件", "Regular files only"),
                msg("指向被检查目录之外的符号链接、设备、FIFO 和套接字一律不读取（它们可能泄露其他文件或让检查挂起），"
                    "各报告一次；目录之内的符号链接按其目标文件检查一次。",
                    "Symbolic links pointing outside the linted tree, devices, FIFOs and sockets are never read (they could "
                    "leak other files or hang the run); each is reported once. A link inside the tree is checked once, as its target.")),
    _input_rule("file-name-encoding", "warning", msg("文件名须为 UTF-8", "File names must be UTF-8"),
                msg("文件名中不是 UTF-8 的字节显示为 \\xNN；文件内容照常检查。",
                    "Bytes of a file name that are not UTF-8 are shown as \\xNN; the content is still checked.")),
    _input_rule("yaml-too-complex", "error", msg("结构过深或过大", "Structure too deep or too large"),
                msg("嵌套超过 64 层或展开别名后超过 10 万个节点（别名炸弹）的文件不检查，时间和内存均有上限。",
                    "Nesting over 64 levels, or over 100,000 nodes after expanding aliases (an alias bomb): not checked; time and memory stay bounded.")),
    _input_rule("yaml-coercion", "warning", msg("YAML 会改写的值", "Values YAML silently changes"),
                msg("文本字段中未加引号、会被 YAML 改写的值：1.10 变成 1.1，012 变成 10，yes 变成 true，2023-01-01 变成日期。",
                    "Unquoted values in text fields that YAML changes: 1.10 becomes 1.1, 012 becomes 10, yes becomes true, 2023-01-01 becomes a date."),
                (Example("indicators: [{level1: 产出指标, level2: 数量指标, name: 版本, target: '1.10'}]"),
                 Example("indicators: [{level1: 产出指标, level2: 数量指标, name: 版本, target: 1.10}]", ("/indicators/0/target",)))),
    _input_rule("schema", "error", msg("不符合申报表格式", "Does not match the declaration format"),
                msg("缺少必填字段、字段类型不对或出现未知字段（见 perflint schema）。",
                    "A required field is missing, a field has the wrong type, or a field is unknown (see perflint schema)."),
                (Example("kind: declaration\nfiscal_year: 2024\nproject: {name: x}\nindicators: []"),
                 Example("kind: declaration\nfiscal_year: 二〇二四\nproject: {name: x}\nindicators: []", ("/fiscal_year",)))),
    _input_rule("suppression-invalid", "warning", msg("抑制注释写法错误", "Malformed suppression comment"),
                msg("形如 # perflint: disable=规则 -- 理由；规则名须存在，配置要求时须写理由。",
                    "Write # perflint: disable=rule -- reason; the rule must exist, and the reason is required when the configuration says so.")),
    _input_rule("suppression-unused", "warning", msg("未使用的抑制注释", "Unused suppression"),
                msg("抑制注释没有抑制任何问题：删除它。", "The suppression comment suppresses nothing: remove it.")),
    _input_rule("internal-error", "error", msg("规则内部错误", "Internal error in a rule"),
                msg("某条规则在这个文件上出错；其他规则照常运行。请报告此问题。",
                    "A rule failed on this file; the other rules still ran. Please report it.")),
)
