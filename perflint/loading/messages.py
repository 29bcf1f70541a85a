"""Messages for problems found while reading a file (before any rule runs)."""
from perflint.core.diagnostic import Message

UTF16 = Message(
    "文件不是 UTF-8 编码（看起来是 UTF-16/UTF-32）：请另存为 UTF-8。",
    "The file is not UTF-8 (it looks like UTF-16/UTF-32): save it as UTF-8.",
)
BOM = Message(
    "文件以 BOM（字节顺序标记）开头：请另存为不带 BOM 的 UTF-8。",
    "The file starts with a byte-order mark: save it as UTF-8 without BOM.",
)
EMPTY = Message("文件为空：没有可检查的申报内容。", "The file is empty: there is no declaration to check.")
TAB = Message(
    "缩进使用了制表符（Tab）：YAML 只允许空格缩进，请把 Tab 换成空格。",
    "Tab character used for indentation: YAML allows only spaces; replace the tab with spaces.",
)
MERGE_KEY = Message("不支持合并键 `<<`：请直接写出各字段。", "Merge keys `<<` are not supported: write the fields out.")


def not_utf8(offset: int) -> Message:
    return Message(
        f"文件不是有效的 UTF-8（第 {offset} 字节起）：请另存为 UTF-8（例如从 GBK 转换）。",
        f"The file is not valid UTF-8 (from byte {offset}): save it as UTF-8 (for example, convert from GBK).",
    )


def too_large(size: int, limit: int) -> Message:
    return Message(
        f"文件过大（{size} 字节，上限 {limit} 字节）：未检查。",
        f"The file is too large ({size} bytes, limit {limit}): not checked.",
    )


def too_deep(limit: int) -> Message:
    return Message(
        f"嵌套层级超过 {limit} 层：申报表不需要这样的结构，文件未检查。",
        f"Nesting deeper than {limit} levels: a declaration never needs this; the file was not checked.",
    )


def too_many_nodes(limit: int) -> Message:
    return Message(
        f"展开别名后节点数超过 {limit}（疑似“别名炸弹”）：文件未检查。",
        f"More than {limit} nodes after expanding aliases (an alias bomb?): the file was not checked.",
    )


def multi_doc(count: int) -> Message:
    return Message(
        f"文件包含 {count} 个 YAML 文档（以 --- 分隔）：每个文件只应有一张申报表，只检查第一个。",
        f"The file holds {count} YAML documents (separated by ---): one declaration per file; only the first is checked.",
    )


def custom_tag(tag: str) -> Message:
    return Message(
        f"不允许使用 YAML 标签 `{tag}`：该值已被忽略，请删除标签。",
        f"YAML tag `{tag}` is not allowed: the value was ignored; remove the tag.",
    )


def complex_key() -> Message:
    return Message("字段名必须是简单文本。", "A key must be plain text.")


def duplicate_key(key: str, first_line: int) -> Message:
    return Message(
        f"字段 `{key}` 重复（第 {first_line} 行已出现）：YAML 会静默丢弃其中一个值，请合并。",
        f"Duplicate key `{key}` (first at line {first_line}): YAML would silently drop one value; merge them.",
    )


def syntax(problem: str, hint: Message | None) -> Message:
    zh = f"YAML 语法错误：{problem}。"
    en = f"YAML syntax error: {problem}."
    if hint:
        zh, en = f"{zh}{hint.zh}", f"{en} {hint.en}"
    return Message(zh, en)


def quote_hint(char: str) -> Message:
    return Message(
        f"以 `{char}` 开头的值必须加引号，例如 \"{char}=4次\" 写作 '\"{char}=4次\"'。",
        f"A value starting with `{char}` must be quoted, e.g. write \"{char}=4次\" with quotes.",
    )


def coercion(raw: str, becomes: str) -> Message:
    return Message(
        f"YAML 会把 `{raw}` 读成 {becomes}，而不是原文：请加引号写作 \"{raw}\"。",
        f"YAML reads `{raw}` as {becomes}, not as the text you wrote: quote it as \"{raw}\".",
    )


LINK_OUTSIDE = Message(
    "符号链接指向被检查的目录之外（或不存在的文件）：未读取。申报表请直接提交文件本身。",
    "A symbolic link pointing outside the linted tree (or to nothing): not read. Commit the declaration itself.",
)


def not_regular(kind_zh: str, kind_en: str) -> Message:
    return Message(f"这是{kind_zh}，不是普通文件：未读取。", f"This is {kind_en}, not a regular file: not read.")


def name_not_utf8(shown: str) -> Message:
    return Message(
        f"文件名不是有效的 UTF-8（显示为 {shown}）：请改用 UTF-8 文件名，否则其他工具可能读不到它。",
        f"The file name is not valid UTF-8 (shown as {shown}): rename it in UTF-8, or other tools may not find it.",
    )
