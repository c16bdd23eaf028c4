"""The Chinese catalogue of custlearn's messages: English template -> Chinese template.

Read by :func:`custlearn._i18n.tr` when the language is ``"zh"``. Each key is
an English template exactly as it is written in a ``tr("...")`` call of the
package; its value says the same in natural Simplified Chinese for business
trainees, with the same ``{fields}`` (tests/test_i18n.py checks both). Terms
are the glossary's (docs/glossary.yml ``zh``); code in a message (``df.dropna()``,
``pd.to_datetime(...)``) and column names stay as they are.
Sorted by module, in the order of the code.
"""

MESSAGES: dict[str, str] = {
    # custlearn/_i18n.py
    '{source} must be a language code as text, e.g. "zh" or "en", but {kind} {value} was given.':
        '{source} 必须是表示语言代码的文本，例如 "zh" 或 "en"，但传入的是 {kind} {value}。',
    '{source}="{value}" is not a language custlearn speaks. The choices are {shown}; e.g. custlearn.set_language("zh").':
        '{source}="{value}" 不是 custlearn 支持的语言。可选的有 {shown}；例如 custlearn.set_language("zh")。',
    # custlearn/_validate.py
    "{table} must be a pandas DataFrame, but a {kind} was given. Pass the table itself, for example shop.{table} after shop = datasets.load('shop'), or pd.read_csv(...) of your own file.":
        "{table} 必须是 pandas DataFrame，但传入的是 {kind}。请传入表本身，例如先 shop = datasets.load('shop')，再用 shop.{table}；或用 pd.read_csv(...) 读入你自己的文件。",
    '{table} has {n} rows, but at least {min_rows} is needed. Check the filter that produced it (a date window or a condition that matched nothing).':
        '{table} 有 {n} 行，但至少需要 {min_rows} 行。请检查生成它的筛选条件（日期窗口，或一个没有匹配到任何行的条件）。',
    '{table} has {n} rows, but at least {min_rows} are needed. Check the filter that produced it (a date window or a condition that matched nothing).':
        '{table} 有 {n} 行，但至少需要 {min_rows} 行。请检查生成它的筛选条件（日期窗口，或一个没有匹配到任何行的条件）。',
    ' If your data calls it something else, pass {argument}="<your column name>".':
        '如果你的数据里这一列叫别的名字，请传入 {argument}="<你的列名>"。',
    ' Rename your column, or pass the name your data uses.':
        '请给你的列改名，或传入你的数据所用的列名。',
    'The columns {names} are not in the {table} table. The table has these columns: {columns}.{fix}':
        '列 {names} 不在 {table} 表中。该表有这些列：{columns}。{fix}',
    'The column {names} is not in the {table} table. The table has these columns: {columns}.{fix}':
        '列 {names} 不在 {table} 表中。该表有这些列：{columns}。{fix}',
    'text':
        '文本',
    'true/false values':
        '真/假值',
    'dates':
        '日期',
    'The column "{column}" of the {table} table holds {kind} (dtype {dtype}), but numbers are expected. Examples found: {examples}. Convert it first, e.g. df["{column}"] = pd.to_numeric(df["{column}"], errors="coerce"), and look at the rows that became NaN.':
        '{table} 表的 "{column}" 列存放的是{kind}（dtype {dtype}），但这里需要数字。找到的例子：{examples}。请先转换，例如 df["{column}"] = pd.to_numeric(df["{column}"], errors="coerce")，再查看变成 NaN 的那些行。',
    'The column "{column}" of the {table} table should hold dates, but it holds numbers (dtype {dtype}). Examples found: {examples}. Convert it with pd.to_datetime(df["{column}"], ...) using the right unit or format.':
        '{table} 表的 "{column}" 列应存放日期，但存放的是数字（dtype {dtype}）。找到的例子：{examples}。请用 pd.to_datetime(df["{column}"], ...) 并指定正确的单位或格式来转换。',
    'The column "{column}" of the {table} table should hold dates, but {n} value(s) cannot be read as a date: {examples}. Fix or drop those rows, e.g. pd.to_datetime(df["{column}"], errors="coerce") turns them into NaT.':
        '{table} 表的 "{column}" 列应存放日期，但有 {n} 个值无法读作日期：{examples}。请修正或删除这些行，例如 pd.to_datetime(df["{column}"], errors="coerce") 会把它们变成 NaT。',
    'The column "{column}" of the {table} table has {n} missing value(s) (first at row {first}), but missing values are not allowed here. Drop them (df.dropna(subset=["{column}"])) or fill them on purpose before calling.':
        '{table} 表的 "{column}" 列有 {n} 个缺失值（第一个在第 {first} 行），但这里不允许缺失值。调用前请删除它们（df.dropna(subset=["{column}"])），或有意识地填补它们。',
    '{name} must be one column of numbers (a Series, list or array), but a whole DataFrame with columns {columns} was given. Pick one column, e.g. df["{first}"].':
        '{name} 必须是一列数字（Series、列表或数组），但传入的是一整个 DataFrame，它的列有 {columns}。请选出一列，例如 df["{first}"]。',
    '{name} must be numbers, but true/false values were found. Scores are numbers such as 0-10; convert yes/no answers on purpose (e.g. .astype(int)) if that is meant.':
        '{name} 必须是数字，但发现了真/假值。评分是 0-10 这样的数字；如果确实要用是/否回答，请有意识地转换（例如 .astype(int)）。',
    '{name} must be numbers, but text was found: {examples}. Convert with pd.to_numeric(...) first and decide what to do with answers that are not numbers.':
        '{name} 必须是数字，但发现了文本：{examples}。请先用 pd.to_numeric(...) 转换，并决定如何处理不是数字的回答。',
    '{name} has {n} missing value(s), but missing values are not allowed here. Drop them first (values.dropna()): a blank answer is not a score.':
        '{name} 有 {n} 个缺失值，但这里不允许缺失值。请先删除它们（values.dropna()）：空白的回答不是评分。',
    '{name} has {n} infinite value(s). They usually come from dividing by zero upstream: fix the calculation, or drop those values on purpose.':
        '{name} 有 {n} 个无穷大的值。它们通常来自前面某一步除以零：请修正计算，或有意识地删除这些值。',
    'values':
        '值',
    'whole numbers':
        '整数',
    'Check the scale of the question (a 1-10 or 0-100 scale needs converting) and drop or fix those answers.':
        '请检查这道题的量表（1-10 或 0-100 的量表需要换算），并删除或修正这些回答。',
    '{name} must be {what} {rng}, but {n} value(s) are outside that range: {examples}. {fix}':
        '{name} 必须是{what}（{rng}），但有 {n} 个值超出这个范围：{examples}。{fix}',
    '{name} must be whole numbers {rng}, but {n} value(s) have decimals: {examples}. Scores on this scale are whole points; an average of scores is not a score. {fix}':
        '{name} 必须是整数（{rng}），但有 {n} 个值带小数：{examples}。这个量表的评分是整数分；评分的平均值不是评分。{fix}',
    '{argument}="{value}" is not one of the valid choices: {shown}. Pass one of them, e.g. {argument}="{choices}".':
        '{argument}="{value}" 不是有效的选项之一：{shown}。请传入其中一个，例如 {argument}="{choices}"。',
    '{argument} must be a whole number {rng}, but {given} was given.':
        '{argument} 必须是整数（{rng}），但传入的是 {given}。',
    '"{value}" (text)':
        '"{value}"（文本）',
    'from {low} to {high}':
        '介于 {low} 到 {high} 之间',
    'of at least {low}':
        '不小于 {low}',
    'of at most {high}':
        '不大于 {high}',
    'a number':
        '一个数',
    'a number {range}':
        '一个数（{range}）',
    ' For example {argument}={example}.':
        '例如 {argument}={example}。',
    ' Pass it without quotes, e.g. {argument}={value}.':
        '请不带引号传入，例如 {argument}={value}。',
    '{argument} must be {what}, but {given} was given.{fix}':
        '{argument} 必须是{what}，但传入的是 {given}。{fix}',
    '{argument} must be a number greater than 0, but {given} was given.{fix}':
        '{argument} 必须是大于 0 的数，但传入的是 {given}。{fix}',
    'from 0 to 1':
        '介于 0 到 1 之间（含 0 和 1）',
    'strictly between 0 and 1':
        '严格介于 0 和 1 之间',
    ' Give a fraction, not a percentage: {fraction:g}, not {value:g}.':
        '请给出小数，而不是百分数：是 {fraction:g}，而不是 {value:g}。',
    '{argument} must be a fraction {rng}, e.g. {argument}={example}, but {given} was given.{fix}':
        '{argument} 必须是小数（{rng}），例如 {argument}={example}，但传入的是 {given}。{fix}',
    '{argument} must be a whole number of {unit} of at least 1, but {given} was given. A window counts forward from its start: give its length, e.g. {argument}={example}.':
        '{argument} 必须是不小于 1 的整数（单位：{unit}），但传入的是 {given}。窗口从起点向后计算：请给出它的长度，例如 {argument}={example}。',
    '{argument} must be True or False, but {given} was given.':
        '{argument} 必须是 True 或 False，但传入的是 {given}。',
    '{argument} is missing. Give a date as "YYYY-MM-DD", e.g. {argument}="2025-12-31".':
        '缺少 {argument}。请按 "YYYY-MM-DD" 格式给出日期，例如 {argument}="2025-12-31"。',
    '{argument}="{value}" is not a date. Give it as "YYYY-MM-DD", e.g. {argument}="2025-12-31".':
        '{argument}="{value}" 不是日期。请按 "YYYY-MM-DD" 格式给出，例如 {argument}="2025-12-31"。',
    # custlearn/_tables.py
    'a {kind}':
        '一个 {kind}',
    'nothing (None)':
        '空值（None）',
    " A Series is one column; pass the whole table (e.g. shop.orders, not shop.orders['amount']).":
        "Series 只是一列；请传入整张表（例如 shop.orders，而不是 shop.orders['amount']）。",
    "{table} must be a pandas DataFrame, but {kind} was given.{hint} Pass the table itself, for example shop.{table} after shop = datasets.load('shop'), or pd.read_csv(...) of your own file.":
        "{table} 必须是 pandas DataFrame，但传入的是{kind}。{hint}请传入表本身，例如先 shop = datasets.load('shop')，再用 shop.{table}；或用 pd.read_csv(...) 读入你自己的文件。",
    'The {table} table has {n} rows, but at least {min_rows} is needed. Check the filter that produced it (a date window or a condition that matched nothing).':
        '{table} 表有 {n} 行，但至少需要 {min_rows} 行。请检查生成它的筛选条件（日期窗口，或一个没有匹配到任何行的条件）。',
    'The {table} table has {n} rows, but at least {min_rows} are needed. Check the filter that produced it (a date window or a condition that matched nothing).':
        '{table} 表有 {n} 行，但至少需要 {min_rows} 行。请检查生成它的筛选条件（日期窗口，或一个没有匹配到任何行的条件）。',
    'The column "{col}" of the {table} table has {n} missing {what} (first at row {rows}), but every row needs one. Drop those rows on purpose (df.dropna(subset=["{col}"])) or fill them, then call again.':
        '{table} 表的 "{col}" 列有 {n} 个缺失的{what}（最先出现在第 {rows} 行），但每一行都需要有值。请有意识地删除这些行（df.dropna(subset=["{col}"])）或填补它们，然后再调用。',
    'id(s)':
        '编号',
    'The column "{col}" of the {table} table should hold dates, but it holds {kind} (dtype {dtype}). Examples found: {examples}. Convert it with pd.to_datetime(df["{col}"], ...) using the right unit or format.':
        '{table} 表的 "{col}" 列应存放日期，但存放的是{kind}（dtype {dtype}）。找到的例子：{examples}。请用 pd.to_datetime(df["{col}"], ...) 并指定正确的单位或格式来转换。',
    'numbers':
        '数字',
    'date(s)':
        '日期',
    'The column "{col}" of the {table} table should hold dates, but {n} value(s) cannot be read as a date: {examples}. Fix or drop those rows, e.g. pd.to_datetime(df["{col}"], errors="coerce") turns them into NaT.':
        '{table} 表的 "{col}" 列应存放日期，但有 {n} 个值无法读作日期：{examples}。请修正或删除这些行，例如 pd.to_datetime(df["{col}"], errors="coerce") 会把它们变成 NaT。',
    '{name} is empty: there are no answers, so there is nothing to score. Check the filter that produced it (a date window or a segment with no survey responses).':
        '{name} 是空的：没有任何回答，所以无从计分。请检查生成它的筛选条件（日期窗口，或一个没有调查回答的细分群体）。',
    'value(s)':
        '值',
    'The column "{col}" of the {table} table has {n} infinite value(s) (first at row {index}). They usually come from dividing by zero upstream: fix the calculation, or replace them with NaN and drop those rows on purpose.':
        '{table} 表的 "{col}" 列有 {n} 个无穷大的值（第一个在第 {index} 行）。它们通常来自前面某一步除以零：请修正计算，或把它们替换为 NaN 并有意识地删除这些行。',
    'Check the sign of those rows, or drop them on purpose.':
        '请检查这些行的正负号，或有意识地删除它们。',
    'The column "{col}" of the {table} table has {n} negative value(s) (first: {values:g} at row {index}), but values of zero or more are expected here. {fix}':
        '{table} 表的 "{col}" 列有 {n} 个负值（第一个：第 {index} 行的 {values:g}），但这里需要大于或等于零的值。{fix}',
    'The column "{col}" of the {table} table holds {kind} (dtype {dtype}), but numbers are expected. Examples found: {examples}. Convert it first, e.g. df["{col}"] = pd.to_numeric(df["{col}"], errors="coerce"), and look at the rows that became NaN.':
        '{table} 表的 "{col}" 列存放的是{kind}（dtype {dtype}），但这里需要数字。找到的例子：{examples}。请先转换，例如 df["{col}"] = pd.to_numeric(df["{col}"], errors="coerce")，再查看变成 NaN 的那些行。',
    'The column "{col}" of the {table} table must hold {what} {rng}, but {n} value(s) are outside that range: {examples}. {fix}':
        '{table} 表的 "{col}" 列必须存放{what}（{rng}），但有 {n} 个值超出这个范围：{examples}。{fix}',
    'The column "{col}" of the {table} table must hold whole numbers {rng}, but {n} value(s) have decimals: {examples}. Scores on this scale are whole points, and an average of scores is not a score: use the answers themselves.':
        '{table} 表的 "{col}" 列必须存放整数（{rng}），但有 {n} 个值带小数：{examples}。这个量表的评分是整数分，评分的平均值不是评分：请使用原始回答。',
    'The column "{col}" of the {table} table must hold true/false (or 1/0) values, but other values were found: {examples}. Convert it on purpose, e.g. df["{col}"] = df["{col}"].eq("yes").':
        '{table} 表的 "{col}" 列必须存放真/假（或 1/0）值，但发现了其他值：{examples}。请有意识地转换，例如 df["{col}"] = df["{col}"].eq("yes")。',
    'The column "{name}" is not in the {table} table. The table has these columns: {columns}.{fix}':
        '列 "{name}" 不在 {table} 表中。该表有这些列：{columns}。{fix}',
    'The {table} table has {n} repeated id(s) in "{key}" (e.g. {examples}), but one row per id is expected. Remove the repeats on purpose (df.drop_duplicates("{key}") if they are exact copies; lesson 01 shows how to merge real duplicates).':
        '{table} 表的 "{key}" 列中有 {n} 个重复的编号（例如 {examples}），但每个编号应只有一行。请有意识地去掉重复（如果它们是完全相同的副本，用 df.drop_duplicates("{key}")；第 01 课讲了如何合并真正的重复记录）。',
    'If these rows are refunds or returns, pass allow_refunds=True to net them into the customer\'s spend; if they are errors, drop them first (orders[orders["{col}"] >= 0]).':
        '如果这些行是退款或退货，请传入 allow_refunds=True，把它们从该客户的消费中冲减；如果它们是错误，请先删除它们（orders[orders["{col}"] >= 0]）。',
    '{table} must be the table that {made_by} returns (a pandas DataFrame), but {kind} was given. Make it first, e.g. {table} = {made_by}(...), and pass it whole.':
        '{table} 必须是 {made_by} 返回的表（一个 pandas DataFrame），但传入的是{kind}。请先生成它，例如 {table} = {made_by}(...)，再整个传入。',
    # custlearn/_purchases.py
    'Only {n} gap(s) between repeat purchases were found, too few to set {what} from the data. {fix}':
        '只找到 {n} 个重复购买之间的间隔，太少了，无法根据数据确定{what}。{fix}',
    # custlearn/_stats.py
    'successes must be at most n, but successes={successes} and n={n} were given. Pass the number who answered yes and the number who answered in total.':
        'successes 不能大于 n，但传入的是 successes={successes} 和 n={n}。请传入回答“是”的人数和回答的总人数。',
    # custlearn/_recovery.py
    'Hours are counted from the moment the ticket was opened: check the sign of those rows.':
        '小时数从工单创建的那一刻开始计算：请检查这些行的正负号。',
}
