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
    # custlearn/_cli.py
    'usage: ':
        '用法：',
    'positional arguments':
        '位置参数',
    'options':
        '选项',
    'show this help message and exit':
        '显示这条帮助信息并退出',
    '%(prog)s: error: %(message)s\n':
        '%(prog)s：错误：%(message)s\n',
    'argument %(argument_name)s: %(message)s':
        '参数 %(argument_name)s：%(message)s',
    'the following arguments are required: %s':
        '缺少以下必需的参数：%s',
    'unrecognized arguments: %s':
        '无法识别的参数：%s',
    'invalid choice: %(value)r (choose from %(choices)s)':
        '无效的选项：%(value)r（请从 %(choices)s 中选择）',
    'invalid %(type)s value: %(value)r':
        '无效的 %(type)s 值：%(value)r',
    'expected one argument':
        '需要一个参数值',
    'ambiguous option: %(option)s could match %(matches)s':
        '有歧义的选项：%(option)s 可以匹配 %(matches)s',
    # custlearn/_purchases.py
    'Only {n} gap(s) between repeat purchases were found, too few to set {what} from the data. {fix}':
        '只找到 {n} 个重复购买之间的间隔，太少了，无法根据数据确定{what}。{fix}',
    # custlearn/_recovery.py
    'Hours are counted from the moment the ticket was opened: check the sign of those rows.':
        '小时数从工单创建的那一刻开始计算：请检查这些行的正负号。',
    # custlearn/_stats.py
    'successes must be at most n, but successes={successes} and n={n} were given. Pass the number who answered yes and the number who answered in total.':
        'successes 不能大于 n，但传入的是 successes={successes} 和 n={n}。请传入回答“是”的人数和回答的总人数。',
    # custlearn/_tables.py
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
    'true/false values':
        '真/假值',
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
    'text':
        '文本',
    'true/false values':
        '真/假值',
    'dates':
        '日期',
    'The column "{col}" of the {table} table holds {kind} (dtype {dtype}), but numbers are expected. Examples found: {examples}. Convert it first, e.g. df["{col}"] = pd.to_numeric(df["{col}"], errors="coerce"), and look at the rows that became NaN.':
        '{table} 表的 "{col}" 列存放的是{kind}（dtype {dtype}），但这里需要数字。找到的例子：{examples}。请先转换，例如 df["{col}"] = pd.to_numeric(df["{col}"], errors="coerce")，再查看变成 NaN 的那些行。',
    'values':
        '值',
    'whole numbers':
        '整数',
    'from {low} to {high}':
        '介于 {low} 到 {high} 之间',
    'Check the scale of the question (a 1-10 or 0-100 scale needs converting) and drop or fix those answers.':
        '请检查这道题的量表（1-10 或 0-100 的量表需要换算），并删除或修正这些回答。',
    'The column "{col}" of the {table} table must hold {what} {rng}, but {n} value(s) are outside that range: {examples}. {fix}':
        '{table} 表的 "{col}" 列必须存放{what}（{rng}），但有 {n} 个值超出这个范围：{examples}。{fix}',
    'The column "{col}" of the {table} table must hold whole numbers {rng}, but {n} value(s) have decimals: {examples}. Scores on this scale are whole points, and an average of scores is not a score: use the answers themselves.':
        '{table} 表的 "{col}" 列必须存放整数（{rng}），但有 {n} 个值带小数：{examples}。这个量表的评分是整数分，评分的平均值不是评分：请使用原始回答。',
    'value(s)':
        '值',
    'The column "{col}" of the {table} table must hold true/false (or 1/0) values, but other values were found: {examples}. Convert it on purpose, e.g. df["{col}"] = df["{col}"].eq("yes").':
        '{table} 表的 "{col}" 列必须存放真/假（或 1/0）值，但发现了其他值：{examples}。请有意识地转换，例如 df["{col}"] = df["{col}"].eq("yes")。',
    ' If your data calls it something else, pass {argument}="<your column name>".':
        '如果你的数据里这一列叫别的名字，请传入 {argument}="<你的列名>"。',
    ' Rename your column, or pass the name your data uses.':
        '请给你的列改名，或传入你的数据所用的列名。',
    'The column "{name}" is not in the {table} table. The table has these columns: {columns}.{fix}':
        '列 "{name}" 不在 {table} 表中。该表有这些列：{columns}。{fix}',
    'value(s)':
        '值',
    'The {table} table has {n} repeated id(s) in "{key}" (e.g. {examples}), but one row per id is expected. Remove the repeats on purpose (df.drop_duplicates("{key}") if they are exact copies; lesson 01 shows how to merge real duplicates).':
        '{table} 表的 "{key}" 列中有 {n} 个重复的编号（例如 {examples}），但每个编号应只有一行。请有意识地去掉重复（如果它们是完全相同的副本，用 df.drop_duplicates("{key}")；第 01 课讲了如何合并真正的重复记录）。',
    'If these rows are refunds or returns, pass allow_refunds=True to net them into the customer\'s spend; if they are errors, drop them first (orders[orders["{col}"] >= 0]).':
        '如果这些行是退款或退货，请传入 allow_refunds=True，把它们从该客户的消费中冲减；如果它们是错误，请先删除它们（orders[orders["{col}"] >= 0]）。',
    'nothing (None)':
        '空值（None）',
    '{table} must be the table that {made_by} returns (a pandas DataFrame), but {kind} was given. Make it first, e.g. {table} = {made_by}(...), and pass it whole.':
        '{table} 必须是 {made_by} 返回的表（一个 pandas DataFrame），但传入的是{kind}。请先生成它，例如 {table} = {made_by}(...)，再整个传入。',
    # custlearn/_validate.py
    "{table} must be a pandas DataFrame, but a {kind} was given. Pass the table itself, for example shop.{table} after shop = datasets.load('shop'), or pd.read_csv(...) of your own file.":
        "{table} 必须是 pandas DataFrame，但传入的是 {kind}。请传入表本身，例如先 shop = datasets.load('shop')，再用 shop.{table}；或用 pd.read_csv(...) 读入你自己的文件。",
    '{table} has {n} rows, but at least {min_rows} is needed. Check the filter that produced it (a date window or a condition that matched nothing).':
        '{table} 有 {n} 行，但至少需要 {min_rows} 行。请检查生成它的筛选条件（日期窗口，或一个没有匹配到任何行的条件）。',
    '{table} has {n} rows, but at least {min_rows} are needed. Check the filter that produced it (a date window or a condition that matched nothing).':
        '{table} 有 {n} 行，但至少需要 {min_rows} 行。请检查生成它的筛选条件（日期窗口，或一个没有匹配到任何行的条件）。',
    'The columns {names} are not in the {table} table. The table has these columns: {columns}.{fix}':
        '列 {names} 不在 {table} 表中。该表有这些列：{columns}。{fix}',
    'The column {names} is not in the {table} table. The table has these columns: {columns}.{fix}':
        '列 {names} 不在 {table} 表中。该表有这些列：{columns}。{fix}',
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
    ' For example {argument}={example}.':
        '例如 {argument}={example}。',
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
    '{argument} is missing. Give a date as "YYYY-MM-DD", e.g. {argument}="2025-12-31".':
        '缺少 {argument}。请按 "YYYY-MM-DD" 格式给出日期，例如 {argument}="2025-12-31"。',
    # custlearn/cases.py
    'orders has no visit on or before as_of. Check as_of and the date column.':
        'orders 中没有在 as_of 当天或之前的到店记录。请检查 as_of 和日期列。',
    'No member could be matched: each needs at least 2 weeks between the first visit and joining, an after-window that ends by as_of and a comparison guest. Try a shorter post_weeks or a larger tolerance or cohort_weeks.':
        '没有一位会员能够匹配：每位会员需要在首次到店和入会之间至少相隔 2 周，入会后的观察窗口要在 as_of 之前结束，并且要有一位可比的非会员顾客。请尝试更短的 post_weeks，或更大的 tolerance 或 cohort_weeks。',
    "rates must hold both members and non-members (the column 'member' has only {only}).":
        "rates 必须同时包含会员和非会员（'member' 列只有 {only}）。",
    "columns is empty: name at least one driver, e.g. ['staff_attitude'].":
        "columns 是空的：请至少给出一个驱动因素，例如 ['staff_attitude']。",
    # custlearn/lifecycle.py
    'at_risk_quantile={at_risk_quantile:g} and lost_quantile={lost_quantile:g} must satisfy 0 < at_risk_quantile < lost_quantile < 1, e.g. 0.90 and 0.98: a customer is at risk before being lost.':
        'at_risk_quantile={at_risk_quantile:g} 和 lost_quantile={lost_quantile:g} 必须满足 0 < at_risk_quantile < lost_quantile < 1，例如 0.90 和 0.98：客户先有流失风险，然后才流失。',
    'thresholds':
        '阈值',
    'Pass at_risk_days=... and lost_days=... yourself (e.g. 90 and 180).':
        '请自己传入 at_risk_days=... 和 lost_days=...（例如 90 和 180）。',
    'lost_days ({lost_days}) must be larger than at_risk_days ({at_risk_days}): a customer is at risk before being lost. E.g. at_risk_days=90, lost_days=180.':
        'lost_days（{lost_days}）必须大于 at_risk_days（{at_risk_days}）：客户先有流失风险，然后才流失。例如 at_risk_days=90，lost_days=180。',
    "dates is empty. Give at least one date, e.g. pd.date_range('2024-03-31', '2025-12-31', freq='QE').":
        "dates 是空的。请至少给出一个日期，例如 pd.date_range('2024-03-31', '2025-12-31', freq='QE')。",
    'end ({end}) must be after start ({start}). Swap them, or pick a later end date.':
        'end（{end}）必须晚于 start（{start}）。请交换两者，或选一个更晚的结束日期。',
    # custlearn/loyalty.py
    "NPS uses the 0-10 'How likely are you to recommend us?' question; drop or fix those answers (a 1-5 or 1-10 scale is not the NPS scale).":
        '净推荐值使用 0-10 分的“您有多大可能向他人推荐我们？”这道题；请删除或修正这些回答（1-5 或 1-10 的量表不是净推荐值的量表）。',
    'NPS {nps:.1f} ({confidence:.0%} interval {lower:.1f} to {upper:.1f}; standard error {standard_error:.1f} points; n = {n}; {method})':
        '净推荐值 {nps:.1f}（{confidence:.0%} 区间 {lower:.1f} 到 {upper:.1f}；标准误 {standard_error:.1f} 分；n = {n}；{method}）',
    'NPSInterval.{old} is deprecated and will be removed in the next release: use .{new} (every interval in custlearn has .lower and .upper).':
        'NPSInterval.{old} 已弃用，将在下一个版本中删除：请使用 .{new}（custlearn 中的每个区间都有 .lower 和 .upper）。',
    'No customer made a first purchase at least within_days={within_days} days before as_of={end}, so nobody has had the full window to come back. Use a shorter within_days or a later as_of.':
        '没有客户在 as_of={end} 之前至少 within_days={within_days} 天完成首次购买，所以没有人有完整的窗口期来再次购买。请使用更短的 within_days 或更晚的 as_of。',
    'No order is dated on or before as_of={end}; the first order is on {min_date}. Choose a later as_of.':
        '没有日期在 as_of={end} 当天或之前的订单；第一笔订单在 {min_date}。请选择更晚的 as_of。',
    'None of the customers in the customers table has an order (matched on "{customer_col}"{up_to}). Check that both tables use the same customer ids, or that the subset of customers is not empty.':
        'customers 表中没有任何客户有订单（按 "{customer_col}" 匹配{up_to}）。请检查两张表是否使用相同的客户编号，或所选的客户子集是否为空。',
    ' up to as_of':
        '，截至 as_of',
    'attitude_cols is empty; name at least one attitude item, e.g. attitude_cols=["attitude_1"].':
        'attitude_cols 是空的；请至少给出一道态度题，例如 attitude_cols=["attitude_1"]。',
    'The loyalty matrix has no rows, so shares cannot be computed.':
        '忠诚矩阵没有任何行，所以无法计算占比。',
    'levels must be a non-empty list of whole-number satisfaction levels, e.g. levels=[1, 2, 3, 4, 5], but {levels!r} was given.':
        'levels 必须是一个非空列表，列出整数的满意度等级，例如 levels=[1, 2, 3, 4, 5]，但传入的是 {levels!r}。',
    'The column "{satisfaction_col}" of the surveys table must hold the levels {levels}, but {n} value(s) are not among them: {found}. Fix those answers or pass levels=[...] for your scale.':
        'surveys 表的 "{satisfaction_col}" 列必须取等级 {levels} 之一，但有 {n} 个值不在其中：{found}。请修正这些回答，或按你的量表传入 levels=[...]。',
    # custlearn/widgets.py
    "demo needs at least one control, e.g. {{'n': ipywidgets.IntSlider(...)}}.":
        "demo 至少需要一个控件，例如 {{'n': ipywidgets.IntSlider(...)}}。",
    'demo needs ipywidgets controls, but "{name}" is {ctl!r} (a {kind}). Pass a widget such as ipywidgets.IntSlider(...).':
        'demo 需要 ipywidgets 控件，但 "{name}" 是 {ctl!r}（一个 {kind}）。请传入 ipywidgets.IntSlider(...) 这样的控件。',
    '<b>Try it:</b> {title}':
        '<b>动手试试：</b>{title}',
    'Try it: {title} (interactive: run this cell in JupyterLab to use the controls)':
        '动手试试：{title}（交互式：在 JupyterLab 中运行这个单元格即可使用控件）',
    'Try it (interactive: run this cell in JupyterLab to use the controls)':
        '动手试试（交互式：在 JupyterLab 中运行这个单元格即可使用控件）',
    "table_explorer needs at least one company, e.g. {{'shop': datasets.load('shop')}}.":
        "table_explorer 至少需要一家公司，例如 {{'shop': datasets.load('shop')}}。",
    'Company':
        '公司',
    'Table':
        '表',
    '**{company}.{table}**: {n:,} rows × {shape} columns':
        '**{company}.{table}**：{n:,} 行 × {shape} 列',
    'choose a company and a table to see what it holds.':
        '选择一家公司和一张表，看看里面有什么。',
    '**Lost after** ({lost} days) must be longer than **at risk after** ({at_risk} days).':
        '**已流失阈值**（{lost} 天）必须长于**有流失风险阈值**（{at_risk} 天）。',
    'Stages on {as_of:%d %b %Y}: at risk after {at_risk} days, lost after {lost}':
        '{as_of:%Y}年{as_of:%m}月{as_of:%d}日的阶段：{at_risk} 天后为有流失风险的客户，{lost} 天后为已流失客户',
    '**{n_risky:,} customer at risk**; they spent USD {n:,.0f} in the last 365 days. The {top} most valuable:':
        '**{n_risky:,} 位有流失风险的客户**；他们在过去 365 天消费了 USD {n:,.0f}。价值最高的 {top} 位：',
    '**{n_risky:,} customers at risk**; they spent USD {n:,.0f} in the last 365 days. The {top} most valuable:':
        '**{n_risky:,} 位有流失风险的客户**；他们在过去 365 天消费了 USD {n:,.0f}。价值最高的 {top} 位：',
    'At risk after':
        '有流失风险（天）',
    'Lost after':
        '已流失（天）',
    'move the thresholds and watch the funnel and the at-risk list.':
        '移动阈值，观察漏斗图和有流失风险的客户名单。',
    'Promoters ({promoters:.0%}) and detractors ({detractors:.0%}) add up to more than 100%: lower one of them.':
        '推荐者（{promoters:.0%}）和贬损者（{detractors:.0%}）加起来超过了 100%：请调低其中一个。',
    'Share of answers (%)':
        '回答的占比（%）',
    'NPS = {nps:.0f} (95% interval {lower:.0f} to {upper:.0f}), {answers:,} answers':
        '净推荐值 = {nps:.0f}（95% 区间 {lower:.0f} 到 {upper:.0f}），{answers:,} 个回答',
    '**NPS = {nps:.1f}** = {n_pro:.0%} promoters − {n_det:.0%} detractors. 95% interval **{lower:.1f} to {upper:.1f}** (± {half:.1f} points; standard error {standard_error:.1f}). Two surveys of {answers:,} answers each from the *same* customers differ by chance alone by up to **{noise:.1f} points** (19 times in 20): a smaller change between two such surveys may be noise.':
        '**净推荐值 = {nps:.1f}** = {n_pro:.0%} 推荐者 − {n_det:.0%} 贬损者。95% 区间 **{lower:.1f} 到 {upper:.1f}**（± {half:.1f} 分；标准误 {standard_error:.1f}）。对*同一批*客户做两次各 {answers:,} 个回答的调查，仅凭偶然就可能相差多达 **{noise:.1f} 分**（20 次中有 19 次）：两次这样的调查之间更小的变化可能只是噪声。',
    'Promoters (9-10)':
        '推荐者（9-10）',
    'Detractors (0-6)':
        '贬损者（0-6）',
    'Answers':
        '回答数',
    'move the shares of promoters and detractors and the number of answers; watch the NPS and its interval.':
        '移动推荐者和贬损者的占比以及回答数，观察净推荐值及其区间。',
    'planning with a 50% share':
        '按 50% 的占比规划',
    'observed share {observed:.0%}':
        '观察到的占比 {observed:.0%}',
    'target ±{value:.1f} points':
        '目标 ±{value:.1f} 个百分点',
    'n needed for the target: {need:,}':
        '达到目标所需的 n：{need:,}',
    'Margin of error of a share at {level} confidence':
        '{level} 置信水平下占比的误差范围',
    'Respondents (n)':
        '受访者人数（n）',
    'Margin of error (± percentage points)':
        '误差范围（± 百分点）',
    'The sample (n = {n:,}) cannot be larger than the population ({population:,}).':
        '样本（n = {n:,}）不能大于总体（{population:,}）。',
    '**n = {n:,}, {yes:,} said yes ({observed:.1%})**: {level} Wilson interval {lower:.1%} to {upper:.1%}':
        '**n = {n:,}，{yes:,} 人回答“是”（{observed:.1%}）**：{level} Wilson 区间 {lower:.1%} 到 {upper:.1%}',
    "{head}. With fewer than 5 'yes' or 'no' answers the ± margin formula breaks down (it would claim ±{value:.1f} points): trust the Wilson interval.  \nFor ±{value2:.1f} points, plan with 50%: **{need_safe:,} respondents**.":
        '{head}。当“是”或“否”的回答少于 5 个时，± 误差范围公式就失效了（它会给出 ±{value:.1f} 个百分点）：请以 Wilson 区间为准。  \n要达到 ±{value2:.1f} 个百分点，请按 50% 规划：**{need_safe:,} 位受访者**。',
    '{head}; margin of error ±{value:.1f} percentage points.  \nFor ±{value2:.1f} points you need **{need:,} respondents** at this share ({need_safe:,} if you plan with 50%). Four times the respondents halve the margin.':
        '{head}；误差范围 ±{value:.1f} 个百分点。  \n要达到 ±{value2:.1f} 个百分点，在这个占比下需要 **{need:,} 位受访者**（如果按 50% 规划则需要 {need_safe:,} 位）。受访者增加到四倍，误差范围减半。',
    'Respondents n':
        '受访者人数 n',
    'Observed share':
        '观察到的占比',
    'Target margin ±':
        '目标误差范围 ±',
    'move the number of respondents and the observed share; watch the interval and the sample size a target margin needs.':
        '移动受访者人数和观察到的占比，观察区间以及达到目标误差范围所需的样本量。',
    'rise by {step:.1f}: predicted gain':
        '上升 {step:.1f}：预测的增益',
    'fall by {step:.1f}: predicted loss':
        '下降 {step:.1f}：预测的损失',
    'fall by {step:.1f}':
        '下降 {step:.1f}',
    'rise by {step:.1f}':
        '上升 {step:.1f}',
    'Predicted change in {measure} (percentage points)':
        '{measure} 的预测变化（百分点）',
    '{label}: what a rise earns and a fall costs':
        '{label}：上升带来多少，下降损失多少',
    '95% interval':
        '95% 区间',
    'touch_point="{touch_point}" is not a touch point of these surveys. The touch points are: {names}. Pick one of them.':
        'touch_point="{touch_point}" 不是这些调查的接触点。接触点有：{names}。请选择其中一个。',
    'a rise earns about what a fall costs':
        '上升带来的大约等于下降损失的',
    'a fall costs more than a rise earns: keep it from failing first':
        '下降损失的多于上升带来的：先防止它出问题',
    'a rise earns more than a fall costs: a chance to delight':
        '上升带来的多于下降损失的：这是让顾客惊喜的机会',
    '**{label} +{change:.1f} rating points**: predicted top-{top_box}-box {now:.1f}% → **{after:.1f}%** ({gain:+.1f} points, 95% interval {lower:+.1f} to {upper:+.1f}). The same fall would cost {loss:.1f} points ({value:.1f} to {value2:.1f}): here {verdict}. A survey shows association, not what a change would cause.':
        '**{label} +{change:.1f} 个评分点**：预测的最高 {top_box} 档占比 {now:.1f}% → **{after:.1f}%**（{gain:+.1f} 个百分点，95% 区间 {lower:+.1f} 到 {upper:+.1f}）。同样幅度的下降会损失 {loss:.1f} 个百分点（{value:.1f} 到 {value2:.1f}）：这里{verdict}。调查显示的是关联，而不是某个改变会带来的结果。',
    'top-{top_box}-box share':
        '最高 {top_box} 档占比',
    'Step (rating points)':
        '步长（评分点）',
    'pick a touch point and a step; see what a rise earns and a fall of the same size costs.':
        '选择一个接触点和一个步长，看看上升带来多少，同样幅度的下降又损失多少。',
    'Discounted expected margin by year: CLV = {currency} {clv_value:,.0f}':
        '各年折现后的预期利润：客户终身价值 = {currency} {clv_value:,.0f}',
    'Year after acquisition':
        '获取客户后的年份',
    'Expected margin today ({currency})':
        '折算到今天的预期利润（{currency}）',
    "**CLV = {currency} {margin:,.0f} × {retention:.0%} / (1 + {discount:.0%} − {retention:.0%}) = {currency} {clv_value:,.0f}**; margin multiple **{multiple:.2f}** (the customer is worth {multiple:.2f} times one year's margin).  \n":
        '**客户终身价值 = {currency} {margin:,.0f} × {retention:.0%} / (1 + {discount:.0%} − {retention:.0%}) = {currency} {clv_value:,.0f}**；利润倍数 **{multiple:.2f}**（这位客户的价值相当于一年利润的 {multiple:.2f} 倍）。  \n',
    'The first 5 years bring {share:.0%} of it; the {years} years drawn bring {currency} {shown:,.0f}, the years after them the rest.':
        '前 5 年带来其中的 {share:.0%}；图中画出的 {years} 年带来 {currency} {shown:,.0f}，其余来自之后的年份。',
    'With no margin or no retention a customer brings nothing after the first year.':
        '没有利润或没有客户保持，客户在第一年之后就不再带来任何价值。',
    'Margin per year ({currency})':
        '每年利润（{currency}）',
    'Retention rate':
        '客户保持率',
    'Discount rate':
        '折现率',
    'move the margin, the retention rate and the discount rate; watch the lifetime value.':
        '移动利润、客户保持率和折现率，观察客户终身价值。',
    'Candidate pairs by name similarity (truth in colour)':
        '按姓名相似度排列的候选配对（颜色表示真实情况）',
    'On names alone, a threshold of **{threshold:.2f}** finds **{pairs_found:,} pairs**: {true_pairs:,} true and **{false_pairs:,} false** (different people with similar names), and misses {true_pairs_missed:,} of the {n_true:,} true pairs. Requiring also the same e-mail or phone: {true_pairs2:,} true and **{false_pairs2:,} false** pairs.':
        '只看姓名，阈值 **{threshold:.2f}** 找到 **{pairs_found:,} 对**：{true_pairs:,} 对是真的，**{false_pairs:,} 对是假的**（姓名相似的不同的人），并漏掉了 {n_true:,} 对真实配对中的 {true_pairs_missed:,} 对。如果还要求电子邮箱或电话相同：{true_pairs2:,} 对真的，**{false_pairs2:,} 对假的**。',
    'Name similarity ≥':
        '姓名相似度 ≥',
    'move the name-similarity threshold; watch the pairs found, true and false.':
        '移动姓名相似度阈值，观察找到的配对，以及其中的真配对和假配对。',
    'Labelled churned, truly still active':
        '被标为流失，实际仍然活跃',
    'Truly gone, not labelled churned':
        '实际已离开，未被标为流失',
    'window {window} days':
        '窗口 {window} 天',
    'Churn window {window} days: {mean:.0%} of buyers labelled churned':
        '流失判定窗口 {window} 天：{mean:.0%} 的购买者被标为流失',
    'Churn window: days without a purchase (days)':
        '流失判定窗口：未购买的天数（天）',
    'Customers (count)':
        '客户（人数）',
    '**Window {window} days:** {n:,} of {n2:,} buyers ({mean:.0%}) are labelled churned. Of them, **{fa:,} are truly still active** (false alarms). **{miss:,} truly gone customers** bought within the window and are **missed**.':
        '**窗口 {window} 天：**{n2:,} 位购买者中有 {n:,} 位（{mean:.0%}）被标为流失。其中 **{fa:,} 位实际仍然活跃**（误报）。**{miss:,} 位实际已离开的客户**在窗口内有过购买，因而被**漏掉**。',
    'Churn window (days)':
        '流失判定窗口（天）',
    'move the churn window; watch the churn rate, the false alarms and the misses.':
        '移动流失判定窗口，观察客户流失率、误报和漏报。',
    '{label}: limit {table:g} h':
        '{label}：时限 {table:g} 小时',
    'closed in time at the chosen limit':
        '在所选时限内关闭',
    'resolved at all: no limit gets above it':
        '最终解决的比例：任何时限都不会超过它',
    'Time limit (hours from opening the ticket)':
        '服务时限（从工单创建起的小时数）',
    'Tickets closed within the limit':
        '在时限内关闭的工单',
    'Tickets closed within the time limit, by {by}':
        '在服务时限内关闭的工单，按 {by} 分组',
    '{label} {share:.0%} within {hours:g} h':
        '{label} {share:.0%} 在 {hours:g} 小时内',
    '**Closed in time: {n:,} of {tickets:,} tickets ({share:.0%}).** {parts}. **{late:,} late ticket costs {currency} {cost:,.0f}.**':
        '**按时关闭：{tickets:,} 个工单中的 {n:,} 个（{share:.0%}）。**{parts}。**{late:,} 个超时工单的成本为 {currency} {cost:,.0f}。**',
    '**Closed in time: {n:,} of {tickets:,} tickets ({share:.0%}).** {parts}. **{late:,} late tickets cost {currency} {cost:,.0f}.**':
        '**按时关闭：{tickets:,} 个工单中的 {n:,} 个（{share:.0%}）。**{parts}。**{late:,} 个超时工单的成本为 {currency} {cost:,.0f}。**',
    '{label} limit (hours)':
        '{label} 时限（小时）',
    'Cost per late ticket ({currency})':
        '每个超时工单的成本（{currency}）',
    'move the time limit of each stage; watch the share of tickets closed in time and the cost of the late ones.':
        '移动每个阶段的服务时限，观察按时关闭的工单占比和超时工单的成本。',
    'selected group':
        '选中的群体',
    'Recency score (5 = bought most recently)':
        '最近购买得分（5 = 最近刚买过）',
    'Frequency score (5 = most orders)':
        '购买频率得分（5 = 订单最多）',
    'Customers by recency and frequency score (framed: selected)':
        '按最近购买和购买频率得分划分的客户（框内：选中）',
    '**Selected (R ≥ {r_min} and F ≥ {f_min}): {n:,} customers, {mean:.0%} of buyers, {share_rev:.0%} of revenue.** Loosen a cut-off and the group grows but its average value falls.':
        '**选中（R ≥ {r_min} 且 F ≥ {f_min}）：{n:,} 位客户，占购买者的 {mean:.0%}，占收入的 {share_rev:.0%}。**放宽分界点，群体会变大，但平均价值会下降。',
    'R score at least':
        'R 得分至少为',
    'F score at least':
        'F 得分至少为',
    'move the score cut-offs of the best-customer group; watch its size and its revenue.':
        '移动最佳客户群体的得分分界点，观察它的规模和收入。',
    '**Choose at least one feature** (hold Ctrl or Cmd and click to choose several).':
        '**请至少选择一个特征**（按住 Ctrl 或 Cmd 点击可选择多个）。',
    '**This choice cannot be clustered:** {error}':
        '**这个选择无法聚类：**{error}',
    '**k = {k} on {columns} ({units}): silhouette {silhouette:.3f}; smallest cluster {smallest_cluster:.1%} of the customers.** Compare silhouettes only for the same features and scaling; ask whether each cluster can be named and treated differently.':
        '**在 {columns} 上 k = {k}（{units}）：轮廓系数 {silhouette:.3f}；最小的聚类占客户的 {smallest_cluster:.1%}。**只在特征和缩放方式相同时比较轮廓系数；要问每个聚类能否命名、能否区别对待。',
    'log and scaled':
        '取对数并标准化',
    'raw units':
        '原始单位',
    'Customers by recency and spend: {k} clusters':
        '按最近购买和消费划分的客户：{k} 个聚类',
    'Days since the last order ({recency_col})':
        '距最后一笔订单的天数（{recency_col}）',
    'Total spend ({monetary_col}, log scale)':
        '总消费（{monetary_col}，对数刻度）',
    'cluster':
        '聚类',
    'Features':
        '特征',
    'log and scale':
        '取对数并标准化',
    'choose k and the features; watch the silhouette, the profiles and the crosstab against the RFM segments.':
        '选择 k 和特征，观察轮廓系数、聚类画像，以及与 RFM 细分的交叉表。',
    "segments must be a Series of labels indexed by customer id (e.g. value.rfm_segments(scores)['segment']), but a {kind} was given.":
        "segments 必须是以客户编号为索引的标签 Series（例如 value.rfm_segments(scores)['segment']），但传入的是一个 {kind}。",
    'segments has no label for {n} customer(s) of the features (e.g. {missing}). Pass one label per customer, indexed like the features.':
        'segments 中没有特征表里 {n} 位客户的标签（例如 {missing}）。请每位客户给一个标签，索引与特征表相同。',
    'expected value saved':
        '预期挽回价值',
    'money spent (break-even)':
        '花费的金额（盈亏平衡线）',
    'the plan':
        '计划',
    'budget':
        '预算',
    'Plan: contact {n:,} customers for {currency} {spent:,.0f}':
        '计划：联系 {n:,} 位客户，花费 {currency} {spent:,.0f}',
    'Money spent on contacts, best customers first ({currency})':
        '用于联系客户的花费，最值得联系的客户在前（{currency}）',
    'Expected value saved ({currency})':
        '预期挽回价值（{currency}）',
    '**No customer is worth a contact** at {currency} {cost:,.2f} per contact and a {save:.0%} save rate: the best one would save {currency} {value:,.2f}.':
        '**没有值得联系的客户**：每次联系 {currency} {cost:,.2f}，挽回率 {save:.0%}，最好的一位也只能挽回 {currency} {value:,.2f}。',
    'the budget runs out first':
        '预算先用完了',
    'the next contact would save less than it costs; {currency} {left:,.0f} of the budget is better kept or spent elsewhere':
        '下一次联系挽回的会少于它的成本；预算中的 {currency} {left:,.0f} 最好留着或用在别处',
    '**{n:,} customer contacted** for **{currency} {spent:,.0f}**; expected value saved **{currency} {saved:,.0f}**, net **{currency} {net:,.0f}**, **ROI {roi:.0%}**. The plan stops at {n:,} because {why}.':
        '**联系 {n:,} 位客户**，花费 **{currency} {spent:,.0f}**；预期挽回价值 **{currency} {saved:,.0f}**，净额 **{currency} {net:,.0f}**，**投资回报率 {roi:.0%}**。计划停在 {n:,} 位，因为{why}。',
    '**{n:,} customers contacted** for **{currency} {spent:,.0f}**; expected value saved **{currency} {saved:,.0f}**, net **{currency} {net:,.0f}**, **ROI {roi:.0%}**. The plan stops at {n:,} because {why}.':
        '**联系 {n:,} 位客户**，花费 **{currency} {spent:,.0f}**；预期挽回价值 **{currency} {saved:,.0f}**，净额 **{currency} {net:,.0f}**，**投资回报率 {roi:.0%}**。计划停在 {n:,} 位，因为{why}。',
    'Budget ({currency})':
        '预算（{currency}）',
    'Cost per contact ({currency})':
        '每次联系的成本（{currency}）',
    'Save rate':
        '挽回率',
    'move the budget, the cost of a contact and the save rate; watch who is contacted and what it returns.':
        '移动预算、每次联系的成本和挽回率，观察联系了谁、带来多少回报。',
    '{argument} must give an effect for each of {LEVERS}; missing: {missing}. Pass a mapping such as {{"staff_attitude": (b, lower, upper), ...}}.':
        '{argument} 必须为 {LEVERS} 中的每一项给出效应；缺少：{missing}。请传入这样的映射：{{"staff_attitude": (b, lower, upper), ...}}。',
    'Estimated from the data (95% interval)':
        '根据数据估计（95% 区间）',
    'Planted (true) effect':
        '预设的（真实）效应',
    'Account closures avoided per year (of about {closures:,.0f})':
        '每年避免的销户数（约 {closures:,.0f} 个中）',
    'Closures avoided per year (accounts)':
        '每年避免的销户数（账户）',
    'Practice':
        '做法',
    '**+{attitude:.1f} points of staff attitude, +{knowledge:.1f} of product knowledge, {cut:.0%} fewer unresolved complaints:** about **{estimate:,.0f} closures avoided per year** (95% interval {lower:,.0f} to {upper:,.0f}). Largest single lever here: **{lower2}** ({order:,.0f} a year).':
        '**服务态度 +{attitude:.1f} 分，产品知识 +{knowledge:.1f} 分，未解决的投诉减少 {cut:.0%}：**每年约**避免 {estimate:,.0f} 个销户**（95% 区间 {lower:,.0f} 到 {upper:,.0f}）。这里作用最大的单项是：**{lower2}**（每年 {order:,.0f} 个）。',
    ' At {currency} {value:,.0f} margin per account-year, that keeps about {currency} {kept:,.0f} of margin in the first year.':
        '按每个账户每年 {currency} {value:,.0f} 的利润计算，第一年约能保住 {currency} {kept:,.0f} 的利润。',
    '  \nWith the planted effects: **{planted:,.0f} closures avoided per year**.':
        '  \n按预设的效应：**每年避免 {planted:,.0f} 个销户**。',
    " The data's estimates of the staff effects are smaller than the planted ones: survey scores measure the experience with noise, which shrinks the slopes.":
        '根据数据估计的员工效应小于预设的效应：调查评分在衡量体验时带有噪声，这会使斜率变小。',
    'Staff attitude + (points)':
        '服务态度 +（分）',
    'Product knowledge + (points)':
        '产品知识 +（分）',
    'Unresolved complaints cut by':
        '未解决的投诉减少',
    'Instructor: show the planted effects':
        '讲师：显示预设的效应',
    'raise staff attitude and product knowledge, cut unresolved complaints; watch the closures avoided per year.':
        '提升服务态度和产品知识，减少未解决的投诉，观察每年避免的销户数。',
    'estimate (95% interval)':
        '估计值（95% 区间）',
    'true effect {true_effect:+.0%}':
        '真实效应 {true_effect:+.0%}',
    'Effect of membership: after-window {weeks} weeks, match within {tolerance} visit(s)':
        '会员的效应：入会后窗口 {weeks} 周，匹配容差 {tolerance} 次到店',
    'Change in visits per week from joining (%, 95% interval)':
        '入会带来的每周到店次数变化（%，95% 区间）',
    'Estimate':
        '估计',
    ' True effect: **{effect:+.0%}**.':
        '真实效应：**{effect:+.0%}**。',
    '**{n:,} members matched.** Naive gap **{est:+.0%}**; matched after joining **{est2:+.0%}**; difference-in-differences **{effect:+.0%}** (95% interval {lower:+.0%} to {upper:+.0%}).{truth}':
        '**匹配了 {n:,} 位会员。**简单对比的差距 **{est:+.0%}**；匹配后入会之后的差距 **{est2:+.0%}**；双重差分 **{effect:+.0%}**（95% 区间 {lower:+.0%} 到 {upper:+.0%}）。{truth}',
    'After-window (weeks)':
        '入会后窗口（周）',
    'Tolerance (visits before)':
        '容差（入会前到店次数）',
    'move the after-window and the matching tolerance; watch the estimates against the truth.':
        '移动入会后窗口和匹配容差，把估计值与真实情况对照。',
    '{name} must be one of {options}, but {first!r} was given.':
        '{name} 必须是 {options} 之一，但传入的是 {first!r}。',
    "At **{orders:,} million orders** everything fits in the laptop's **{memory} GB** (the most: {max_held:,.1f} GB, {idxmax}). Leave some room for the system and JupyterLab.":
        '在 **{orders:,} 百万笔订单**时，一切都能放进笔记本电脑的 **{memory} GB** 内存（最多的是 {max_held:,.1f} GB，{idxmax}）。请给系统和 JupyterLab 留一些空间。',
    "At **{orders:,} million orders**, {too_big} of the {ways} ways of holding them in memory needs more than the laptop's **{memory} GB**. Keep the orders in files ({files} on disk) and let DuckDB read them":
        '在 **{orders:,} 百万笔订单**时，{ways} 种在内存中存放订单的方式中有 {too_big} 种需要的内存超过笔记本电脑的 **{memory} GB**。请把订单保存在文件中（磁盘上 {files}），让 DuckDB 读取它们',
    "At **{orders:,} million orders**, {too_big} of the {ways} ways of holding them in memory need more than the laptop's **{memory} GB**. Keep the orders in files ({files} on disk) and let DuckDB read them":
        '在 **{orders:,} 百万笔订单**时，{ways} 种在内存中存放订单的方式中有 {too_big} 种需要的内存超过笔记本电脑的 **{memory} GB**。请把订单保存在文件中（磁盘上 {files}），让 DuckDB 读取它们',
    '; in pandas, only: {kept}.':
        '；在 pandas 中只能用：{kept}。',
    'Orders (millions)':
        '订单数（百万）',
    'Laptop memory (GB)':
        '笔记本电脑内存（GB）',
    'grow the company and change the laptop; see which ways of holding the orders still fit.':
        '扩大公司规模、更换笔记本电脑，看看哪些存放订单的方式仍然放得下。',
    # custlearn/churn/_define.py
    'Non-contractual churn is read from purchases: pass the orders table, or use kind="contractual" if your customers close accounts.':
        '非契约型流失要从购买记录中读出：请传入 orders 表；如果你的客户会销户，请使用 kind="contractual"。',
    '{n} customer id(s) in the orders table are not in the customers table (e.g. {seen}). Use the same ids in both tables.':
        'orders 表中有 {n} 个客户编号不在 customers 表中（例如 {seen}）。请在两张表中使用相同的编号。',
    'as_of (the last day observed) is needed when there are no orders to read it from. Pass as_of="YYYY-MM-DD", e.g. as_of="2025-12-31".':
        '没有订单可以读出 as_of（观察到的最后一天）时，需要传入它。请传入 as_of="YYYY-MM-DD"，例如 as_of="2025-12-31"。',
    'a default churn window':
        '默认的流失判定窗口',
    'Pass window_days=... yourself (e.g. window_days=90).':
        '请自己传入 window_days=...（例如 window_days=90）。',
    'No customer is a customer at the cut-off {cutoff} ({rule}). Choose a later cut-off.':
        '在截止日 {cutoff} 没有任何客户（{rule}）。请选择更晚的截止日。',
    'a purchase on or before it':
        '即在截止日当天或之前有过购买',
    'an open account':
        '即账户处于开通状态',
    'The churn window runs from the cut-off {cutoff} to {window_end} ({window_days} days), but the data end on {end}: the outcome of the last {days} days is unknown. Choose a cut-off on or before {end2} or a shorter window_days.':
        '流失判定窗口从截止日 {cutoff} 到 {window_end}（{window_days} 天），但数据在 {end} 结束：最后 {days} 天的结果未知。请选择在 {end2} 当天或之前的截止日，或更短的 window_days。',
    'Customer {bad} has "{closed_col}" before "{signup_col}". Fix the dates: an account closes after it opens.':
        '客户 {bad} 的 "{closed_col}" 早于 "{signup_col}"。请修正日期：账户先开户，后销户。',
    # custlearn/churn/_features.py
    "dataset must hold several tables (customers, orders and optionally surveys and tickets), but {given} was given. Pass shop = datasets.load('shop'), or a dict such as {{'customers': ..., 'orders': ...}}.":
        "dataset 必须包含多张表（customers、orders，可选 surveys 和 tickets），但传入的是{given}。请传入 shop = datasets.load('shop')，或一个字典，例如 {{'customers': ..., 'orders': ...}}。",
    'nothing':
        '空值',
    'one DataFrame':
        '一个 DataFrame',
    "dataset has no {n} table. Pass shop = datasets.load('shop'), or a dict with 'customers' and 'orders' DataFrames (and optionally 'surveys', 'tickets').":
        "dataset 中没有 {n} 表。请传入 shop = datasets.load('shop')，或一个含有 'customers' 和 'orders' 两个 DataFrame 的字典（可选 'surveys'、'tickets'）。",
    'survey_cols must be a list of survey column names, e.g. survey_cols=["overall_satisfaction"], but {survey_cols!r} was given.':
        'survey_cols 必须是调查列名的列表，例如 survey_cols=["overall_satisfaction"]，但传入的是 {survey_cols!r}。',
    # custlearn/churn/_model.py
    'ChurnRiskModel({kind}, window {window_days} days; trained at {train_cutoff}, tested at {test_cutoff}: held-out AUC {auc:.3f}, training AUC {train_auc:.3f})':
        'ChurnRiskModel（{kind}，窗口 {window_days} 天；在 {train_cutoff} 训练，在 {test_cutoff} 测试：留出数据的 AUC {auc:.3f}，训练数据的 AUC {train_auc:.3f}）',
    "The data at {cutoff} lack the model's feature(s) {missing}.":
        '{cutoff} 的数据缺少模型的特征 {missing}。',
    'training':
        '训练',
    'test':
        '测试',
    'churn_risk_model passes its extra keywords to churn_features, which has no {unknown}=. Its keywords are: {allowed}.':
        'churn_risk_model 会把额外的关键字参数传给 churn_features，而它没有 {unknown}=。它的关键字参数有：{allowed}。',
    'The training outcome window ({train_cutoff} + {window_days} days = {train_cutoff2}) ends after test_cutoff {test_cutoff}: at test time the training outcome would not be known yet (a leak from the future). Choose train_cutoff on or before {test_cutoff2}.':
        '训练期的结果窗口（{train_cutoff} + {window_days} 天 = {train_cutoff2}）在 test_cutoff {test_cutoff} 之后才结束：到测试时，训练期的结果还不可能知道（这是来自未来的信息泄漏）。请选择在 {test_cutoff2} 当天或之前的 train_cutoff。',
    'features names {unknown}, which churn_features does not make. Choose among: {columns}.':
        'features 中给出的 {unknown} 不是 churn_features 生成的特征。请从这些中选择：{columns}。',
    'The {period} period has no customers.':
        '{period}期没有任何客户。',
    'In the {period} period every customer has the same outcome (churned = {churned} for all {n}), so there is nothing to learn or judge. Change the cut-offs or window_days.':
        '在{period}期，每位客户的结果都相同（全部 {n} 位都是 churned = {churned}），所以无从学习，也无从评判。请改变截止日或 window_days。',
    'y_true has {n} values but score has {n2}: give one outcome and one score per customer.':
        'y_true 有 {n} 个值，但 score 有 {n2} 个：请为每位客户给出一个结果和一个评分。',
    'y_true must be True/False (or 1/0), but {y!r} was found.':
        'y_true 必须是 True/False（或 1/0），但发现了 {y!r}。',
    'There are {n} customers, fewer than the {deciles} groups asked for. Pass a smaller deciles=.':
        '只有 {n} 位客户，少于要求的 {deciles} 组。请传入更小的 deciles=。',
    'No customer churned (y_true is all False): capture and lift are undefined.':
        '没有客户流失（y_true 全是 False）：捕获率和提升度都没有定义。',
    # custlearn/churn/_moved.py
    'custlearn.churn.{name} is deprecated and will be removed in the next release: use custlearn.service.{name} (complaint management is part of lesson 06, customer service management). It takes the same arguments and gives the same table.':
        'custlearn.churn.{name} 已弃用，将在下一个版本中删除：请使用 custlearn.service.{name}（客户投诉管理属于第 06 课“客户服务管理”）。它的参数相同，给出的表也相同。',
    # custlearn/churn/_survival.py
    '{name} must be one column (a Series, list or array), not a DataFrame. Pick one column, e.g. df["{first}"].':
        '{name} 必须是一列（Series、列表或数组），而不是 DataFrame。请选出一列，例如 df["{first}"]。',
    '{name} must be a list, array or Series with one value per customer, but {values!r} was given.':
        '{name} 必须是列表、数组或 Series，每位客户一个值，但传入的是 {values!r}。',
    'durations must be 0 or more (time from the start to churn or to the end of observation), but {n} negative value(s) were found, e.g. {bad:g}. Check that start and end dates are not swapped.':
        'durations 必须大于或等于 0（从起点到流失或到观察结束的时间），但发现了 {n} 个负值，例如 {bad:g}。请检查开始日期和结束日期是否写反了。',
    'observed has {n} missing value(s). Each customer needs True (churn seen) or False (still a customer at the end: censored).':
        'observed 有 {n} 个缺失值。每位客户都需要 True（观察到流失）或 False（到最后仍是客户：删失）。',
    'observed must be True/False (or 1/0): True if churn was seen, False if the customer was still there at the end (censored). Found {bad!r}.':
        'observed 必须是 True/False（或 1/0）：观察到流失为 True，到最后客户仍在则为 False（删失）。发现了 {bad!r}。',
    'durations has {n} values but observed has {n2}: give one duration and one True/False per customer, in the same order.':
        'durations 有 {n} 个值，但 observed 有 {n2} 个：请为每位客户给出一个时长和一个 True/False，顺序相同。',
    'durations is empty: there are no customers to follow. Check the filter that produced it.':
        'durations 是空的：没有可以跟踪的客户。请检查生成它的筛选条件。',
    'groups has {n} values but durations has {n2}: give one group label per customer.':
        'groups 有 {n} 个值，但 durations 有 {n2} 个：请为每位客户给出一个分组标签。',
    'groups has {n} missing value(s). Give every customer a group, e.g. groups.fillna("unknown"), or drop those customers.':
        'groups 有 {n} 个缺失值。请给每位客户一个分组，例如 groups.fillna("unknown")，或删除这些客户。',
    'Log-rank test: chi-square = {chi_square:.3f} on {df} df, p = {p_value:.3g}':
        '对数秩检验：卡方 = {chi_square:.3f}，自由度 {df}，p = {p_value:.3g}',
    'groups has only one label ({labels!r}): the log-rank test compares two or more groups. Check the column you passed as groups.':
        'groups 只有一个标签（{labels!r}）：对数秩检验比较的是两个或更多组。请检查你作为 groups 传入的列。',
    'No churn is observed in any group (observed is all False): there is nothing to compare.':
        '所有组都没有观察到流失（observed 全是 False）：没有可比较的内容。',
    'A group has nobody at risk at any churn time (all its customers left before the first churn), so the groups cannot be compared. Drop that group or merge it with another.':
        '有一组在每个流失时间点都没有处于风险中的客户（它的客户都在第一次流失之前就离开了观察），所以这些组无法比较。请删除这一组，或把它与另一组合并。',
    # custlearn/customer_data/_duplicates.py
    'The two columns of names must be equally long, but they have {n} and {n2} values. Pass the two names of each pair side by side.':
        '两列名字必须一样长，但它们分别有 {n} 个和 {n2} 个值。请把每一对的两个名字并排传入。',
    'pairs name {n} id(s) that are not in the customers table, e.g. {unknown}. Find the pairs on the same customers table you merge.':
        'pairs 中有 {n} 个编号不在 customers 表中，例如 {unknown}。请在你要合并的同一张 customers 表上查找配对。',
    # custlearn/customer_data/_privacy.py
    "pseudonymize needs a secret key, but none was given. Make one once with secrets.token_hex(32), keep it in a password vault or an environment variable (not in the notebook), and pass key=os.environ['...'].":
        "pseudonymize 需要一个密钥，但没有传入。请用 secrets.token_hex(32) 生成一次，把它保存在密码库或环境变量中（不要放在笔记本里），然后传入 key=os.environ['...']。",
    'key must be text or bytes, but a {kind} was given. Use secrets.token_hex(32) to make one.':
        'key 必须是文本或字节串，但传入的是一个 {kind}。请用 secrets.token_hex(32) 生成一个。',
    'The key is too short ({n} bytes; at least 16 are needed): a short key can be guessed. Make one with secrets.token_hex(32).':
        'key 太短（{n} 字节；至少需要 16 字节）：短密钥可能被猜出。请用 secrets.token_hex(32) 生成一个。',
    "columns is empty: name the identifying columns to pseudonymise, e.g. ['email', 'phone'].":
        "columns 是空的：请给出要假名化的标识列，例如 ['email', 'phone']。",
    'prefix is the text put before each token, e.g. prefix="c_", but {prefix!r} was given.':
        'prefix 是放在每个假名前面的文本，例如 prefix="c_"，但传入的是 {prefix!r}。',
    # custlearn/customer_data/_profile.py
    "ranges must be a dict such as {{'age': (18, 100)}}, but a {kind} was given.":
        "ranges 必须是一个字典，例如 {{'age': (18, 100)}}，但传入的是一个 {kind}。",
    'ranges[{col!r}] must be two numbers (low, high), e.g. {{{col!r}: (18, 100)}}; use None for no limit, but {limits!r} was given.':
        'ranges[{col!r}] 必须是两个数（下限, 上限），例如 {{{col!r}: (18, 100)}}；没有限制时用 None，但传入的是 {limits!r}。',
    "window must be two dates (start, end), e.g. window=('2024-01-01', '2025-12-31').":
        "window 必须是两个日期（开始, 结束），例如 window=('2024-01-01', '2025-12-31')。",
    'window ends ({end}) before it starts ({start}). Swap the two dates.':
        'window 的结束日期（{end}）早于开始日期（{start}）。请交换这两个日期。',
    # custlearn/customer_data/_standardize.py
    'country_code="{country_code}" is not a country calling code: give 1-3 digits without the plus, e.g. country_code="1" (North America), "44" (UK) or "86" (China).':
        'country_code="{country_code}" 不是国际电话区号：请给出 1-3 位数字，不带加号，例如 country_code="1"（北美）、"44"（英国）或 "86"（中国）。',
    'aliases must be a dict of text, {{other name: city}}, e.g. aliases={{"NYC": "New York"}}.':
        'aliases 必须是一个文本字典，{{别名: 城市}}，例如 aliases={{"NYC": "New York"}}。',
    # custlearn/customer_data/_text.py
    '{name} must be one column (a Series, list or array), but a whole DataFrame with columns {columns} was given. Pick one column, e.g. df["{name}"].':
        '{name} 必须是一列（Series、列表或数组），但传入的是一整个 DataFrame，它的列有 {columns}。请选出一列，例如 df["{name}"]。',
    '{name} must be a column of values (a Series, list or array), but a single {kind} was given. Wrap one value in a list: [{values!r}].':
        '{name} 必须是一列值（Series、列表或数组），但传入的是单个 {kind}。请把这个值放进列表：[{values!r}]。',
    '{name} must hold text, but it holds {kind} (dtype {dtype}). Pass the column that holds the {name}.':
        '{name} 必须是文本，但它存放的是{kind}（dtype {dtype}）。请传入存放 {name} 的那一列。',
    # custlearn/customer_data/_view.py
    "single_customer_view needs the customers and orders tables: pass a dataset (datasets.load('shop')) or customers=... and orders=....":
        "single_customer_view 需要 customers 和 orders 两张表：请传入一个数据集（datasets.load('shop')），或 customers=... 和 orders=...。",
    "as_of is missing and the orders have no dates. Pass as_of='YYYY-MM-DD'.":
        "缺少 as_of，而订单中也没有日期。请传入 as_of='YYYY-MM-DD'。",
    # custlearn/datasets/__init__.py
    'A {name} dataset has no table or attribute {item!r}. Its tables are: {tables}.':
        '{name} 数据集中没有名为 {item!r} 的表或属性。它的表有：{tables}。',
    'Dataset raw extract of {name}':
        '数据集 {name} 的原始数据提取',
    'Dataset {name}':
        '数据集 {name}',
    '{title}: {start:%Y-%m-%d} to {end:%Y-%m-%d} (as_of {as_of:%Y-%m-%d})':
        '{title}：{start:%Y-%m-%d} 至 {end:%Y-%m-%d}（as_of {as_of:%Y-%m-%d}）',
    '  {table:<10} {rows:>9,} rows x {cols:>2} columns':
        '  {table:<10} {rows:>9,} 行 × {cols:>2} 列',
    'All people are fictional. See datasets.describe({name!r}).':
        '所有人物均为虚构。详见 datasets.describe({name!r})。',
    ': {start:%Y-%m-%d} to {end:%Y-%m-%d} (as_of {as_of:%Y-%m-%d})':
        '：{start:%Y-%m-%d} 至 {end:%Y-%m-%d}（as_of {as_of:%Y-%m-%d}）',
    '<table><thead><tr><th>table</th><th>rows</th><th>columns</th></tr></thead><tbody>{rows}</tbody></table>':
        '<table><thead><tr><th>表</th><th>行数</th><th>列数</th></tr></thead><tbody>{rows}</tbody></table>',
    "<p>All people are fictional. See <code>datasets.describe('{name}')</code>.</p>":
        "<p>所有人物均为虚构。详见 <code>datasets.describe('{name}')</code>。</p>",
    'There is no scenario "{name}". The scenarios are: {scenarios}. Use one of them, e.g. datasets.load("shop").':
        '没有名为 "{name}" 的场景。可用的场景有：{scenarios}。请使用其中一个，例如 datasets.load("shop")。',
    'The {scenario} dataset has no table "{table}". Its tables are: {tables}.':
        '{scenario} 数据集中没有 "{table}" 表。它的表有：{tables}。',
    'end={e:%Y-%m-%d} is before start={s:%Y-%m-%d}. The observation window must run forward: swap them, e.g. start="{e:%Y-%m-%d}", end="{s:%Y-%m-%d}".':
        'end={e:%Y-%m-%d} 早于 start={s:%Y-%m-%d}。观察窗口必须向后推进：请交换两者，例如 start="{e:%Y-%m-%d}"，end="{s:%Y-%m-%d}"。',
    'The window {s:%Y-%m-%d} to {e:%Y-%m-%d} is {days} days long, but at least 28 days are needed to simulate purchases. Move end later, e.g. end="{s2:%Y-%m-%d}".':
        '窗口 {s:%Y-%m-%d} 到 {e:%Y-%m-%d} 只有 {days} 天，但模拟购买至少需要 28 天。请把 end 往后移，例如 end="{s2:%Y-%m-%d}"。',
    'seed must be a whole number of at least 0, but {seed!r} was given. Pass e.g. seed=7.':
        'seed 必须是不小于 0 的整数，但传入的是 {seed!r}。请传入例如 seed=7。',
    'The raw extract exists for "shop" only, not "{name}". Use datasets.load("shop", raw=True).':
        '原始数据提取只有 "shop" 才有，"{name}" 没有。请使用 datasets.load("shop", raw=True)。',
    'The raw extract exists for "shop" only, not "{n}". Use datasets.raw_problems("shop").':
        '原始数据提取只有 "shop" 才有，"{n}" 没有。请使用 datasets.raw_problems("shop")。',
    'The raw extract exists for "shop" only, not "{n}". Use datasets.duplicates("shop").':
        '原始数据提取只有 "shop" 才有，"{n}" 没有。请使用 datasets.duplicates("shop")。',
    'The raw extract exists for "shop" only, not "{n}".':
        '原始数据提取只有 "shop" 才有，"{n}" 没有。',
    'changes must be a dict of rating column -> change in points, e.g. {{"{columns}": 0.5}}, but {changes!r} was given.':
        'changes 必须是“评分列 -> 变化的分数”的字典，例如 {{"{columns}": 0.5}}，但传入的是 {changes!r}。',
    'changes names "{column}", which is not a touch-point column of {scenario}. Its touch points are: {columns}.':
        'changes 中的 "{column}" 不是 {scenario} 的接触点列。它的接触点有：{columns}。',
    '{out} is inside the shipped datasets folder {shipped_dir}; the lessons depend on those files. Write somewhere else (--out DIR), or pass --force (force=True) if you really mean to replace shipped data (then run the manifest test).':
        '{out} 位于随课程提供的数据集文件夹 {shipped_dir} 之内；各课都依赖这些文件。请写到别处（--out DIR）；如果你确实要替换随附的数据，请传入 --force（force=True），然后运行清单测试。',
    '{out} exists and is a file, not a folder. Choose a folder name for --out.':
        '{out} 已存在，而且是一个文件，不是文件夹。请为 --out 选一个文件夹名。',
    '{out} already exists and is not empty. Choose a new folder, or pass --force (force=True) to replace it.':
        '{out} 已存在且不为空。请选择一个新文件夹，或传入 --force（force=True）来替换它。',
    # custlearn/datasets/__main__.py
    'Generate the synthetic datasets of custlearn (all people are fictional).':
        '生成 custlearn 的模拟数据集（所有人物均为虚构）。',
    'generate one scenario into a folder (CSV + manifest.json)':
        '把一个场景生成到一个文件夹中（CSV + manifest.json）',
    'shop, cafe or bank':
        'shop、cafe 或 bank',
    'output folder (created; written via a temporary folder)':
        '输出文件夹（会自动创建；先写入临时文件夹）',
    'replace an existing folder, even the shipped datasets/':
        '替换已存在的文件夹，即使是随课程提供的 datasets/',
    'regenerate all shipped scenarios from their recorded seeds':
        '按记录的随机种子重新生成所有随附的场景',
    'regenerate all shipped scenarios into datasets/ from their recorded seeds':
        '按记录的随机种子把所有随附的场景重新生成到 datasets/ 中',
    'another base folder instead of datasets/ (for checks)':
        '用另一个基础文件夹代替 datasets/（用于检查）',
    'accepted for symmetry with build; ship always replaces the shipped files':
        '为与 build 对称而接受；ship 总是替换随附的文件',
    '{name}: {customers} customers, seed {seed}, {files} files, {mb:.2f} MB':
        '{name}：{customers} 位客户，随机种子 {seed}，{files} 个文件，{mb:.2f} MB',
    'build needs --scenario and --out, e.g. build --scenario shop --customers 100000 --seed 7 --out shop_100k':
        'build 需要 --scenario 和 --out，例如 build --scenario shop --customers 100000 --seed 7 --out shop_100k',
    '{scenario}: wrote {files} files ({mb:.2f} MB) and manifest.json to {out}':
        '{scenario}：已把 {files} 个文件（{mb:.2f} MB）和 manifest.json 写入 {out}',
    'error: {message}':
        '错误：{message}',
    'done in {seconds:.1f} s':
        '完成，用时 {seconds:.1f} 秒',
    # custlearn/datasets/_addons.py
    'The add-on {stream!r} returned the columns {given} but declares {declared}. Return exactly the declared columns, or declare the ones it returns.':
        '附加模块 {stream!r} 返回的列是 {given}，但它声明的是 {declared}。请只返回声明过的列，或者声明它实际返回的列。',
    'The add-on {stream!r} would overwrite the column {table}.{name}, which already exists. An add-on only adds: give its column a new name.':
        '附加模块 {stream!r} 会覆盖已存在的列 {table}.{name}。附加模块只能添加：请给它的列起一个新名字。',
    'The add-on {stream!r} gave {n} values for {table}.{name}, but {table} has {n2} rows.':
        '附加模块 {stream!r} 为 {table}.{name} 给出了 {n} 个值，但 {table} 有 {n2} 行。',
    # custlearn/datasets/_bank.py
    'simulating {scenario}':
        '正在模拟 {scenario}',
    # custlearn/datasets/_io.py
    'Cannot write into {parent} ({reason}). Choose a folder you can write to, e.g. --out ~/custlearn-data/{name}, or fix its permissions.':
        '无法写入 {parent}（{reason}）。请选择一个你有写权限的文件夹，例如 --out ~/custlearn-data/{name}，或修正它的权限。',
    # custlearn/datasets/_journey.py
    'The reviews parameters give mean expectations from {min_mean:.2f} to {max_mean:.2f}, but they must lie in 1-5. Make expectation_per_star smaller.':
        '评价参数给出的平均期望在 {min_mean:.2f} 到 {max_mean:.2f} 之间，但它们必须落在 1-5 之内。请把 expectation_per_star 调小。',
    "The planted journey effects give mean answers from {min_eta:.2f} to {max_eta:.2f}, but every profile's mean must lie strictly inside 1-5. Make the penalties, rewards or need_weight smaller.":
        '预设的旅程效应给出的平均回答在 {min_eta:.2f} 到 {max_eta:.2f} 之间，但每种情形的平均值都必须严格落在 1-5 之内。请把惩罚、奖励或 need_weight 调小。',
    'The journey answer model could not match the shares of the overall answers. Check the journey parameters.':
        '旅程回答模型无法吻合总体回答的占比。请检查旅程参数。',
    # custlearn/datasets/_people.py
    'locale="{locale}" is not a locale Faker knows ({n} are available). Valid examples: {few}. Pass one of them, e.g. locale="zh_CN".':
        'locale="{locale}" 不是 Faker 支持的区域设置（共有 {n} 个可用）。有效的例子：{few}。请传入其中一个，例如 locale="zh_CN"。',
    # custlearn/datasets/_streams.py
    'An add-on stream needs a non-empty name (text), but {name!r} was given. Name it after what it draws, e.g. "touch points".':
        '附加模块的随机数流需要一个非空的名字（文本），但传入的是 {name!r}。请按它抽取的内容命名，例如 "touch points"。',
    # custlearn/satisfaction/_drivers.py
    'target must be one column name, e.g. "overall_satisfaction", but {target!r} was given.':
        'target 必须是一个列名，例如 "overall_satisfaction"，但传入的是 {target!r}。',
    '{argument} is empty: give the columns that may drive the target, e.g. {EXAMPLES}.':
        '{argument} 是空的：请给出可能驱动目标的列，例如 {EXAMPLES}。',
    '{argument} lists a column twice: {drivers}. Give each column once.':
        '{argument} 中有一列出现了两次：{drivers}。每列只给一次。',
    'The target "{target}" is also in {argument}. A measure cannot drive itself: remove it from {argument}.':
        '目标 "{target}" 也出现在 {argument} 中。一个指标不能驱动它自己：请把它从 {argument} 中去掉。',
    'drivers':
        '驱动因素',
    'touch points':
        '接触点',
    'predictor':
        '预测变量',
    'predictors':
        '预测变量',
    'Only {n} complete row(s){where} (no missing value in {target} or the {things}), but at least {need} are needed to fit {p} {noun}(s). Use more responses or fewer {noun}s.':
        '只有 {n} 行完整的数据{where}（{target} 和各{things}都没有缺失值），但拟合 {p} 个{noun}至少需要 {need} 行。请使用更多回答，或更少的{noun}。',
    'The column(s) {constant} have the same value on every complete row{where}, so they cannot explain or be explained (standard deviation 0). Drop them.':
        '列 {constant} 在每一行完整数据中的值都相同{where}，所以它们既不能解释别的列，也不能被解释（标准差为 0）。请去掉它们。',
    'The drivers {drivers} are perfectly collinear (one is an exact mix of the others), so their separate weights are not defined. Drop the redundant driver.':
        '驱动因素 {drivers} 完全共线（其中一个恰好是其他几个的组合），所以它们各自的权重没有定义。请去掉多余的驱动因素。',
    '{argument} must be a Series or dict with one value per attribute (the attribute names as index/keys), but a {kind} was given. For example driver_analysis(...)["standardised_weight"] or scores.mean().':
        '{argument} 必须是 Series 或字典，每个属性一个值（属性名作为索引/键），但传入的是一个 {kind}。例如 driver_analysis(...)["standardised_weight"] 或 scores.mean()。',
    '{argument} names an attribute twice: {dup}. Give each once.':
        '{argument} 中有属性出现了两次：{dup}。每个属性只给一次。',
    'importance was given as a table without a standardised_weight column. Pass the result of driver_analysis(...), or one column of numbers per attribute, e.g. table["my_importance"].':
        'importance 传入的是一张没有 standardised_weight 列的表。请传入 driver_analysis(...) 的结果，或每个属性一个数的一列，例如 table["my_importance"]。',
    'only importance has: {names}':
        '只有 importance 中有：{names}',
    'only performance has: {names}':
        '只有 performance 中有：{names}',
    'importance and performance must name the same attributes, but {found}. Check the spelling of the names, or select the same attributes in both.':
        'importance 和 performance 必须给出相同的属性，但{found}。请检查名字的拼写，或在两者中选择相同的属性。',
    'importance has {n} attribute(s), but a grid needs at least 2 to compare. Give one value per attribute.':
        'importance 只有 {n} 个属性，但这个矩阵至少需要 2 个属性来比较。请为每个属性给出一个值。',
    # custlearn/satisfaction/_expectations.py
    'expectation must be one column name, e.g. "prior_expectation", but {expectation!r} was given.':
        'expectation 必须是一个列名，例如 "prior_expectation"，但传入的是 {expectation!r}。',
    'The expectation column "{expectation}" is also the target or a performance column. Expectation is what the customer expected before, performance what they got: give two different columns.':
        '期望列 "{expectation}" 同时也是目标列或绩效列。期望是顾客事先预期的，绩效是他们实际得到的：请给出两个不同的列。',
    ' among those who read reviews':
        '（在读过评价的人中）',
    # custlearn/satisfaction/_regression.py
    '{n} complete row(s) cannot fit {p} coefficients: at least {p2} are needed. Use more responses or fewer columns.':
        '{n} 行完整数据无法拟合 {p} 个系数：至少需要 {p2} 行。请使用更多回答，或更少的列。',
    'The columns {names} are perfectly collinear (one is an exact mix of the others, or of the intercept), so their separate effects are not defined. Drop the redundant column.':
        '列 {names} 完全共线（其中一列恰好是其他列或截距的组合），所以它们各自的效应没有定义。请去掉多余的列。',
    # custlearn/satisfaction/_reliability.py
    'items must be a DataFrame with one column per item and one row per respondent, but a {kind} was given. Select the items, e.g. surveys.filter(like="per_reliability_").':
        'items 必须是一个 DataFrame，每道题一列，每位受访者一行，但传入的是一个 {kind}。请选出这些题，例如 surveys.filter(like="per_reliability_")。',
    'items has {n} column(s) ({columns}), but at least {min_items} items are needed: reliability is about how several items agree. Pass all the items of the scale as columns.':
        'items 只有 {n} 列（{columns}），但至少需要 {min_items} 道题：信度衡量的是几道题之间是否一致。请把量表的所有题都作为列传入。',
    'none':
        '无',
    "Every respondent has the same total score, so the total variance is 0 and Cronbach's alpha is undefined. Reliability needs respondents who differ.":
        '每位受访者的总分都相同，所以总方差为 0，克朗巴哈系数没有定义。衡量信度需要受访者之间有差异。',
    # custlearn/satisfaction/_scores.py
    "top_box must be smaller than scale: top_box={top_box} on a 1-{scale} scale would count every answer. Use top_box=2 for 'top-2-box' (e.g. 4 and 5 on a 1-5 scale).":
        'top_box 必须小于 scale：在 1-{scale} 的量表上，top_box={top_box} 会把每个回答都计算在内。最高两档占比请用 top_box=2（例如 1-5 量表上的 4 和 5）。',
    'This function expects answers on a 1-{scale} scale; pass scale= if yours differs.':
        '这个函数需要 1-{scale} 量表上的回答；如果你的量表不同，请传入 scale=。',
    'The sample (n={n}) cannot be larger than the population (population={population}). Give the number of customers you could survey as population=, or leave it out.':
        '样本（n={n}）不能大于总体（population={population}）。请把你能调查到的客户总数作为 population= 传入，或者不传。',
    # custlearn/satisfaction/_servqual.py
    'No item columns for the SERVQUAL dimension "{dimension}" were found: expected columns named "{prefix}{dimension}_1", "{prefix}{dimension}_2", ... in the surveys table. If your columns use another prefix, pass {argument}="<prefix>"; if you measure other dimensions, pass dimensions=[...].':
        '没有找到服务质量量表维度 "{dimension}" 的题目列：surveys 表中应有名为 "{prefix}{dimension}_1"、"{prefix}{dimension}_2"……的列。如果你的列用的是别的前缀，请传入 {argument}="<前缀>"；如果你测量的是其他维度，请传入 dimensions=[...]。',
    'dimensions must be a list of dimension names such as {DIMENSIONS}, but {dimensions!r} was given.':
        'dimensions 必须是维度名的列表，例如 {DIMENSIONS}，但传入的是 {dimensions!r}。',
    'dimensions lists a name twice: {dims}. Give each dimension once.':
        'dimensions 中有名字出现了两次：{dims}。每个维度只给一次。',
    'The SERVQUAL dimension "{dimension}" has expectation items {values} but perception items {values2}: {missing} is missing. SERVQUAL pairs each expectation item with the perception item of the same number; make the two sets match (load the missing column, or drop its partner on purpose).':
        '服务质量量表维度 "{dimension}" 的期望题是 {values}，但感知题是 {values2}：缺少 {missing}。服务质量量表把每道期望题与同编号的感知题配对；请让两组题一一对应（载入缺少的列，或有意识地去掉与它配对的题）。',
    'SERVQUAL items are answered on a 1-{scale} scale; pass scale= if yours differs.':
        '服务质量量表的题目按 1-{scale} 的量表作答；如果你的量表不同，请传入 scale=。',
    # custlearn/satisfaction/_touch_points.py
    'No touch-point columns were found: by default every column whose name starts with "{TOUCH_POINT_PREFIX}" is one (e.g. rating_delivery), but the surveys table has none. Pass touch_points=[...] with the columns of your touch-point ratings.':
        '没有找到接触点列：默认情况下，名字以 "{TOUCH_POINT_PREFIX}" 开头的列都是接触点列（例如 rating_delivery），但 surveys 表中没有这样的列。请传入 touch_points=[...]，列出你的接触点评分列。',
    ' of the segment {segment}="{label}"':
        '（细分群体 {segment}="{label}"）',
    'low (<= {low:g})':
        '为低分（<= {low:g}）',
    'high (>= {high:g})':
        '为高分（>= {high:g}）',
    'in the middle (between {low:g} and {high:g})':
        '为中间分（介于 {low:g} 和 {high:g} 之间）',
    'No complete answer rates the touch point "{name}" {what}, so its penalty and reward cannot be estimated. Move the cut points (low=, high=), or leave that touch point out.':
        '没有任何完整的回答把接触点 "{name}" 评{what}，所以无法估计它的惩罚和奖励。请移动分界点（low=、high=），或不考虑这个接触点。',
    # custlearn/satisfaction/_what_if.py
    'changes must be a dict of touch point -> change in rating points, e.g. changes={{"{names}": 0.5}}, but {changes!r} was given.':
        'changes 必须是“接触点 -> 评分变化的分数”的字典，例如 changes={{"{names}": 0.5}}，但传入的是 {changes!r}。',
    'changes names "{column}", which is not a touch point here. The touch points are: {names}. Use one of those column names.':
        'changes 中的 "{column}" 不是这里的接触点。接触点有：{names}。请使用其中一个列名。',
    'This what-if reads 1-{scale} answers; pass scale= if yours differ.':
        '这个假设分析读取 1-{scale} 的回答；如果你的量表不同，请传入 scale=。',
    # custlearn/service/_chain.py
    '{n} office(s) of the customers table have no staff in the staff table (e.g. "{missing}"), so their staff cannot be measured. Pass the staff of every office, or drop those customers first.':
        'customers 表中有 {n} 个网点在 staff 表中没有员工（例如 "{missing}"），所以无法衡量它们的员工。请传入每个网点的员工，或先删除这些客户。',
    '{name:>9}: {estimate:+.4f} per point ({lower:+.4f} to {upper:+.4f})':
        '{name:>9}：每分 {estimate:+.4f}（{lower:+.4f} 到 {upper:+.4f}）',
    'Service-profit chain: {outcome} against {driver}, {units} units':
        '服务利润链：{outcome} 对 {driver}，{units} 个单位',
    'adjust_for must name the confounder columns, e.g. adjust_for=["city_centre"] (or [] for none), but {adjust_for!r} was given.':
        'adjust_for 必须给出混杂因素的列名，例如 adjust_for=["city_centre"]（没有则用 []），但传入的是 {adjust_for!r}。',
    'The driver "{driver}" has the same value in every unit, so its effect cannot be estimated. Use units whose staff differ.':
        '驱动因素 "{driver}" 在每个单位中的值都相同，所以无法估计它的效应。请使用员工情况不同的单位。',
    'adjust_for names "{a}", which holds {kind}, but a confounder enters the line as a number. Use a 1/0 column (office_table gives city_centre), or make one, e.g. table["{a}_1"] = (table["{a}"] == "city centre").astype(int).':
        'adjust_for 中的 "{a}" 存放的是{kind}，但混杂因素要以数字的形式进入回归线。请使用一个 1/0 列（office_table 给出了 city_centre），或自己生成一个，例如 table["{a}_1"] = (table["{a}"] == "city centre").astype(int)。',
    'The adjusters {adjusters} move together with the driver (or with each other), so their effects cannot be told apart. Drop one of them.':
        '调整变量 {adjusters} 与驱动因素（或彼此之间）同步变动，所以无法区分它们的效应。请去掉其中一个。',
    # custlearn/service/_classify.py
    'short_hours ({short_hours:g}) must be below long_hours ({long_hours:g}): a short service ends before a long one starts. Pass e.g. short_hours=24, long_hours=168.':
        'short_hours（{short_hours:g}）必须小于 long_hours（{long_hours:g}）：短时服务在长时服务开始之前就结束了。请传入例如 short_hours=24，long_hours=168。',
    '{n} resolved ticket(s) have no "{hours_col}" (e.g. {ticket_col} {data}), but a resolved ticket\'s duration needs its hours. Fill them, or mark those tickets unresolved on purpose.':
        '有 {n} 个已解决的工单没有 "{hours_col}"（例如 {ticket_col} {data}），但已解决工单的时长需要用到小时数。请补上它们，或有意识地把这些工单标为未解决。',
    'by={given} is not a classification of the services. Use one or two of: {SERVICE_CLASSIFICATIONS} (deck 001\'s six ways), e.g. by="timing" or by=["timing", "nature"].':
        'by={given} 不是服务的分类方式。请使用以下一种或两种：{SERVICE_CLASSIFICATIONS}（课件 001 的六种分类），例如 by="timing" 或 by=["timing", "nature"]。',
    # custlearn/service/_complaints.py
    'There are no complaints in the tickets table ({complaint_col} is never True). Check the filter, or pass complaints_only=False to judge every contact.':
        'tickets 表中没有投诉（{complaint_col} 从来不是 True）。请检查筛选条件，或传入 complaints_only=False 来评估每一次联系。',
    'cutoff is needed: only complaints known at the cut-off may explain churn after it. Pass cutoff="YYYY-MM-DD" or labels from label_churn (they carry it).':
        '需要 cutoff：只有在截止日已知的投诉才能解释之后的流失。请传入 cutoff="YYYY-MM-DD"，或传入 label_churn 给出的 labels（其中带有截止日）。',
    # custlearn/service/_key_accounts.py
    'There is no customer to rank: no order on or before {day} (and none in among). Check as_of, or pass the customers to rank as among=...':
        '没有可以排名的客户：在 {day} 当天或之前没有订单（among 中也没有客户）。请检查 as_of，或用 among=... 传入要排名的客户。',
    'among must be a list of customer ids (e.g. labels.index), but {kind} {among!r} was given. Pass the ids of the customers to rank.':
        'among 必须是客户编号的列表（例如 labels.index），但传入的是 {kind} {among!r}。请传入要排名的客户的编号。',
    'among must list each customer id once, with none missing: drop the blanks and the repeats (e.g. pd.Index(ids).dropna().unique()) and pass it again.':
        'among 中每个客户编号只能出现一次，且不能有缺失：请去掉空值和重复（例如 pd.Index(ids).dropna().unique()），再传入一次。',
    'key lists a customer more than once; it must have one row per customer, as key_accounts returns it. Make it again with key_accounts(...), or drop the repeats on purpose.':
        'key 中有客户出现了不止一次；它必须每位客户一行，就像 key_accounts 返回的那样。请用 key_accounts(...) 重新生成，或有意识地去掉重复。',
    # custlearn/service/_kpis.py
    'limits must be a dict of hours per {by}, e.g. limits={example}, but a {kind} was given.':
        'limits 必须是按 {by} 给出小时数的字典，例如 limits={example}，但传入的是一个 {kind}。',
    'limits has no time limit for "{label}" (a label of the {by} column). Give every label one, e.g. limits={example}.':
        'limits 中没有 "{label}"（{by} 列的一个标签）的服务时限。请为每个标签都给出一个，例如 limits={example}。',
    'The time limit for "{label}" must be a number of hours greater than 0, but {text!r} was given. For example limits={example}.':
        '"{label}" 的服务时限必须是大于 0 的小时数，但传入的是 {text!r}。例如 limits={example}。',
    # custlearn/sql/_churn.py
    'Only {n} gap(s) between repeat purchases were found, too few to set a default churn window from the data. Pass window_days=... yourself (e.g. window_days=90).':
        '只找到 {n} 个重复购买之间的间隔，太少了，无法根据数据确定默认的流失判定窗口。请自己传入 window_days=...（例如 window_days=90）。',
    '{unknown} customer id(s) in the orders table are not in the customers table (e.g. {example}). Use the same ids in both tables.':
        'orders 表中有 {unknown} 个客户编号不在 customers 表中（例如 {example}）。请在两张表中使用相同的编号。',
    # custlearn/sql/_engines.py
    "connection must be a DuckDB connection (duckdb.connect(...)), but a {kind} was given. Leave it out to use custlearn's in-memory database.":
        'connection 必须是 DuckDB 连接（duckdb.connect(...)），但传入的是一个 {kind}。不传它就会使用 custlearn 的内存数据库。',
    'engine="spark" needs PySpark and Java 17: pip install "custlearn[warehouse]" (or `make test-spark`, which installs it into .venv).':
        'engine="spark" 需要 PySpark 和 Java 17：pip install "custlearn[warehouse]"（或运行 `make test-spark`，它会把 PySpark 安装到 .venv 中）。',
    'spark must be a SparkSession, but a {kind} was given. Leave it out to start a local one (custlearn.sql.spark_session()).':
        'spark 必须是 SparkSession，但传入的是一个 {kind}。不传它就会启动一个本地会话（custlearn.sql.spark_session()）。',
    'spark= is given but engine="duckdb": pass engine="spark" to run on that session.':
        '传入了 spark=，但 engine="duckdb"：要在这个会话上运行，请传入 engine="spark"。',
    'connection= is a DuckDB connection, but engine="spark": pass spark=<your session> or leave engine="duckdb".':
        'connection= 是 DuckDB 连接，但 engine="spark"：请传入 spark=<你的会话>，或保留 engine="duckdb"。',
    # custlearn/sql/_footprint.py
    'footprint needs orders on or before as_of={as_of}, but there are none. Give an extract with orders, and an as_of inside its dates.':
        'footprint 需要在 as_of={as_of} 当天或之前的订单，但一笔也没有。请给出一份有订单的数据提取，以及落在其日期范围内的 as_of。',
    # custlearn/sql/_inputs.py
    '{table}="{text}" is neither a file nor a folder that exists. Give the path to a CSV or Parquet file, a glob such as "{parent}", or a folder of Parquet files.':
        '{table}="{text}" 既不是已存在的文件，也不是已存在的文件夹。请给出 CSV 或 Parquet 文件的路径、"{parent}" 这样的通配模式，或一个存放 Parquet 文件的文件夹。',
    'files of kinds {kinds}':
        '多种类型的文件（{kinds}）',
    'no CSV or Parquet file':
        '没有任何 CSV 或 Parquet 文件',
    '{table}="{text}" holds {what}. custlearn.sql reads CSV files (.csv) or Parquet files (.parquet), one kind at a time.':
        '{table}="{text}" 中{what}。custlearn.sql 读取 CSV 文件（.csv）或 Parquet 文件（.parquet），一次只读一种。',
    '{table} must be a pandas DataFrame, a path to CSV or Parquet files, or the name of a table of the engine, but {kind} was given. For example {table}=shop.{table} or {table}="_build/warehouse/{table}".':
        '{table} 必须是 pandas DataFrame、CSV 或 Parquet 文件的路径，或计算引擎中一张表的名字，但传入的是{kind}。例如 {table}=shop.{table} 或 {table}="_build/warehouse/{table}"。',
    'the files "{text}"':
        '文件 "{text}"',
    'a table called "{text}" in the {engine} engine':
        '{engine} 引擎中名为 "{text}" 的表',
    '{table}: could not read {where}: {first}. Check the path or the table name (a file path needs a folder or an extension such as .csv or .parquet).':
        '{table}：无法读取{where}：{first}。请检查路径或表名（文件路径需要带文件夹，或 .csv、.parquet 这样的扩展名）。',
    'The column "{column}" of the {table} table should hold dates, but it holds {kind} (type {columns}). Convert it to dates first (CAST or strptime in SQL, pd.to_datetime in pandas).':
        '{table} 表的 "{column}" 列应存放日期，但存放的是{kind}（类型 {columns}）。请先把它转换为日期（SQL 中用 CAST 或 strptime，pandas 中用 pd.to_datetime）。',
    'The column "{column}" of the {table} table holds {what} (type {columns}), but numbers are expected. Convert it first (CAST(... AS DOUBLE) in SQL, pd.to_numeric in pandas) and look at the rows that do not convert.':
        '{table} 表的 "{column}" 列存放的是{what}（类型 {columns}），但这里需要数字。请先转换（SQL 中用 CAST(... AS DOUBLE)，pandas 中用 pd.to_numeric），再查看无法转换的那些行。',
    'Drop those rows on purpose (WHERE "{c}" IS NOT NULL) or fill them, then call again.':
        '请有意识地删除这些行（WHERE "{c}" IS NOT NULL）或填补它们，然后再调用。',
    'The column "{column}" of the {table} table has {count} {what}, but every row needs one. {fix}':
        '{table} 表的 "{column}" 列有 {count} 个{what}，但每一行都需要有值。{fix}',
    'The orders table has {n} rows, but at least {min_rows} is needed. Check the filter that produced it (a date window or a condition that matched nothing).':
        'orders 表有 {n} 行，但至少需要 {min_rows} 行。请检查生成它的筛选条件（日期窗口，或一个没有匹配到任何行的条件）。',
    'missing id(s)':
        '缺失的编号',
    'missing date(s)':
        '缺失的日期',
    'missing value(s)':
        '缺失值',
    'missing id(s)':
        '缺失的编号',
    'The column "{date_col}" of the orders table should hold dates, but {unreadable_dates} value(s) cannot be read as a date. Fix or drop those rows (TRY_CAST(... AS DATE) IS NULL finds them).':
        'orders 表的 "{date_col}" 列应存放日期，但有 {unreadable_dates} 个值无法读作日期。请修正或删除这些行（用 TRY_CAST(... AS DATE) IS NULL 可以找到它们）。',
    'The column "{amount_col}" of the orders table has {negative_amounts} negative value(s), but values of zero or more are expected here. If these rows are refunds or returns, pass allow_refunds=True to net them into the customer\'s spend; if they are errors, drop them first (WHERE "{amount_col}" >= 0).':
        'orders 表的 "{amount_col}" 列有 {negative_amounts} 个负值，但这里需要大于或等于零的值。如果这些行是退款或退货，请传入 allow_refunds=True，把它们从该客户的消费中冲减；如果它们是错误，请先删除它们（WHERE "{amount_col}" >= 0）。',
    'as_of={as_of} is before every order (the first order is on {first_day}), so no customer has bought yet. Give an as_of date inside or after the order history, e.g. as_of="{last_day}".':
        'as_of={as_of} 早于所有订单（第一笔订单在 {first_day}），所以还没有任何客户购买过。请给出落在订单历史之内或之后的 as_of 日期，例如 as_of="{last_day}"。',
    'missing id(s)':
        '缺失的编号',
    'The customers table has {repeated_ids} repeated id(s) in "{customer_col}", but one row per id is expected. Remove the repeats on purpose (SELECT DISTINCT if they are exact copies; lesson 01 shows how to merge real duplicates).':
        'customers 表的 "{customer_col}" 列中有 {repeated_ids} 个重复的编号，但每个编号应只有一行。请有意识地去掉重复（如果它们是完全相同的副本，用 SELECT DISTINCT；第 01 课讲了如何合并真正的重复记录）。',
    'missing date(s)':
        '缺失的日期',
    'The column "{column}" of the customers table should hold dates, but {counts} value(s) cannot be read as a date. Fix or drop those rows.':
        'customers 表的 "{column}" 列应存放日期，但有 {counts} 个值无法读作日期。请修正或删除这些行。',
    '{column} is empty: there are no answers, so there is nothing to score. Check the filter that produced it (a date window or a segment with no survey responses).':
        '{column} 是空的：没有任何回答，所以无从计分。请检查生成它的筛选条件（日期窗口，或一个没有调查回答的细分群体）。',
    '{column} has {missing} missing value(s), but missing values are not allowed here. Drop them first (WHERE "{column}" IS NOT NULL): a blank answer is not a score.':
        '{column} 有 {missing} 个缺失值，但这里不允许缺失值。请先删除它们（WHERE "{column}" IS NOT NULL）：空白的回答不是评分。',
    '{column} must be whole numbers from {low:g} to {high:g}, but {bad} value(s) are {problem}. {fix}':
        '{column} 必须是 {low:g} 到 {high:g} 之间的整数，但有 {bad} 个值{problem}。{fix}',
    'not whole':
        '不是整数',
    'outside that range':
        '超出这个范围',
    # custlearn/sql/_loyalty.py
    'No order is dated on or before as_of={end}; the first order is on {first_day}. Choose a later as_of.':
        '没有日期在 as_of={end} 当天或之前的订单；第一笔订单在 {first_day}。请选择更晚的 as_of。',
    # custlearn/sql/_value.py
    'ties="id" cannot run in SQL exactly: that rule cuts positions with pd.qcut, whose group edges are floating-point quantiles; an edge that should fall exactly on a position can land one rounding error to either side, so SQL would give some customers a different score. Use ties="same" (equal values, equal scores), or value.rfm_scores(..., ties="id") in pandas.':
        'ties="id" 无法在 SQL 中精确实现：这个规则用 pd.qcut 按位置切分，而它的分组边界是浮点数分位数；本应恰好落在某个位置上的边界，可能因为一次舍入误差偏向任意一侧，于是 SQL 会给一些客户不同的评分。请使用 ties="same"（值相同，评分相同），或在 pandas 中使用 value.rfm_scores(..., ties="id")。',
    'values is empty: a Pareto curve needs at least one customer.':
        'values 是空的：帕累托曲线至少需要一位客户。',
    'values has missing or infinite values; every customer needs a finite amount. Drop them on purpose or fix the calculation that produced them.':
        'values 中有缺失值或无穷大的值；每位客户都需要一个有限的金额。请有意识地删除它们，或修正生成它们的计算。',
    'values has {n} negative value(s) (e.g. {v:g}), but a Pareto curve of revenue needs values of 0 or more. For profit, which can be negative, use value.whale_curve(profit).':
        'values 有 {n} 个负值（例如 {v:g}），但收入的帕累托曲线需要大于或等于 0 的值。利润可能为负，请用 value.whale_curve(profit)。',
    'values add up to 0, so shares of the total cannot be computed.':
        'values 的总和为 0，所以无法计算占总额的比例。',
    # custlearn/sql/_warehouse.py
    'writing {scenario}':
        '正在写入 {scenario}',
    'Write a large company as partitioned Parquet (lesson 09).':
        '把一家大公司的数据写成分区的 Parquet 文件（第 09 课）。',
    'write <out>/orders (by month), <out>/customers, <out>/manifest.json':
        '写入 <out>/orders（按月分区）、<out>/customers 和 <out>/manifest.json',
    'Wrote {orders:,} orders of {customers:,} customers to {out}/ in {seconds:.0f} s (peak memory {peak_rss_mb:,} MB).':
        '已把 {customers:,} 位客户的 {orders:,} 笔订单写入 {out}/，用时 {seconds:.0f} 秒（内存峰值 {peak_rss_mb:,} MB）。',
    # custlearn/value/_btyd.py
    'This {name} model is not fitted yet. Call {name}().fit(summary) first.':
        '这个 {name} 模型还没有拟合。请先调用 {name}().fit(summary)。',
    'The {model} fit failed (the likelihood could not be computed). Check the summary: frequency, recency and T must be finite, in one time unit, with 0 <= recency <= T.':
        '{model} 拟合失败（无法计算似然）。请检查汇总表：frequency、recency 和 T 必须是有限值，使用同一个时间单位，并且 0 <= recency <= T。',
    'No customer in the summary made a repeat purchase (frequency is 0 for all), so the purchase and drop-out rates cannot be told apart. Use a longer observation period (an earlier start or a later as_of).':
        '汇总表中没有客户有重复购买（frequency 全为 0），所以无法区分购买率和流失率。请使用更长的观察期（更早的起点或更晚的 as_of）。',
    'this BetaGeo model was fitted':
        '这个 BetaGeo 模型的拟合',
    't has {n} values but the summary has {n2} customers: give one horizon, or one per customer.':
        't 有 {n} 个值，但汇总表有 {n2} 位客户：请给出一个时长，或每位客户一个时长。',
    "t must be a time of 0 or more (in the summary's time unit), but {t} was given.":
        't 必须是大于或等于 0 的时间（使用汇总表的时间单位），但传入的是 {t}。',
    "t must be a time of 0 or more (in the model's time unit), but {shown:g} was given. Give the time since the first purchase, e.g. t=52 for a year in weeks.":
        't 必须是大于或等于 0 的时间（使用模型的时间单位），但传入的是 {shown:g}。请给出自首次购买以来的时间，例如以周为单位的一年是 t=52。',
    'The BG/NBD expectation needs a != 1 (Fader, Hardie & Lee 2005); refit or check the parameters.':
        'BG/NBD 模型的期望值要求 a != 1（Fader, Hardie & Lee 2005）；请重新拟合或检查参数。',
    'The BG/NBD expectation needs a != 1 (eq. 10 of Fader, Hardie & Lee 2005).':
        'BG/NBD 模型的期望值要求 a != 1（Fader, Hardie & Lee 2005 的公式 10）。',
    'The summary is in {stored} (summary.attrs["time_unit"]), but {what} on a summary in {unit}. Rebuild the summary with clv_summary(..., time_unit="{unit}") or refit the model on this one.':
        '汇总表的时间单位是 {stored}（summary.attrs["time_unit"]），但{what}用的是以 {unit} 为单位的汇总表。请用 clv_summary(..., time_unit="{unit}") 重新生成汇总表，或在这个汇总表上重新拟合模型。',
    'The Gamma-Gamma model needs a positive "{monetary_col}" for every customer with repeat purchases, but {n} have 0 or less (first: {index}). Drop free orders or refunds from the orders before clv_summary(...).':
        'Gamma-Gamma 模型要求每位有重复购买的客户的 "{monetary_col}" 为正，但有 {n} 位小于或等于 0（第一位：{index}）。请在 clv_summary(...) 之前从订单中去掉免费订单或退款。',
    'The Gamma-Gamma model is fitted on customers with repeat purchases, but only {n} have any. Use a longer observation period.':
        'Gamma-Gamma 模型是在有重复购买的客户上拟合的，但只有 {n} 位客户有重复购买。请使用更长的观察期。',
    "The fitted q = {q:.3g} is 1 or less, so the model's average spend is infinite. Check the spend data for extreme values.":
        '拟合得到的 q = {q:.3g} 小于或等于 1，所以模型的平均消费是无穷大。请检查消费数据中的极端值。',
    'Give the horizon once: months={months!r} and horizon={horizon!r} were both given. Use months=12, or horizon=39, horizon_unit="weeks".':
        '时长只能给一次：months={months!r} 和 horizon={horizon!r} 都传入了。请使用 months=12，或 horizon=39, horizon_unit="weeks"。',
    '{argument} must be a whole number of {unit}, but {given:g} was given. A horizon that is not a whole number of {unit} can be given in {smaller}: e.g. horizon={given2}, horizon_unit="{smaller}".':
        '{argument} 必须是整数（单位：{unit}），但传入的是 {given:g}。不是整数个 {unit} 的时长可以用 {smaller} 来表示：例如 horizon={given2}, horizon_unit="{smaller}"。',
    'discount_rate={rate:g} per month is {value:.0%} a year: that is probably an annual rate. Pass rate_per="year" (it is converted to (1 + rate) ** (1/12) - 1 per month), or a monthly rate such as 0.01.':
        '每月 discount_rate={rate:g} 相当于每年 {value:.0%}：这很可能是年利率。请传入 rate_per="year"（会换算为每月 (1 + rate) ** (1/12) - 1），或传入 0.01 这样的月利率。',
    'The time unit of the summary is unknown, so times cannot be converted. Pass time_unit="days" or "weeks" (the unit of recency and T), or make the summary with clv_summary(..., time_unit=...).':
        '汇总表的时间单位未知，所以无法换算时间。请传入 time_unit="days" 或 "weeks"（recency 和 T 的单位），或用 clv_summary(..., time_unit=...) 生成汇总表。',
    'The BetaGeo model was fitted on a summary in {time_unit_}, but this summary is in {unit}. Use the same time unit for fitting and predicting.':
        'BetaGeo 模型是在以 {time_unit_} 为单位的汇总表上拟合的，但这个汇总表的单位是 {unit}。拟合和预测请使用相同的时间单位。',
    'clv(purchases_model, spend_model, summary): give a fitted BetaGeo and a fitted GammaGamma, but got {kind} and {kind2}.':
        'clv(purchases_model, spend_model, summary)：请给出一个拟合好的 BetaGeo 和一个拟合好的 GammaGamma，但传入的是 {kind} 和 {kind2}。',
    # custlearn/value/_cluster.py
    "{name} must be one label per customer (a Series, list or array), but {kind} was given. Pass one column, e.g. clusters.labels or segments['segment'].":
        "{name} 必须是每位客户一个标签（Series、列表或数组），但传入的是{kind}。请传入一列，例如 clusters.labels 或 segments['segment']。",
    "{name} has {n} missing label(s); every customer needs one. Drop those customers from both, or fill them with a label such as 'none'.":
        "{name} 有 {n} 个缺失的标签；每位客户都需要一个。请从两者中删除这些客户，或用 'none' 这样的标签填补。",
    'labels_a and labels_b must have one label per customer id, but an id repeats. Drop the repeated ids first (s[~s.index.duplicated()]).':
        'labels_a 和 labels_b 必须每个客户编号一个标签，但有编号重复。请先去掉重复的编号（s[~s.index.duplicated()]）。',
    'labels_a and labels_b must label the same customers, but {n} customer(s) are in only one of them (e.g. {only}). Keep the common ones, e.g. a.loc[a.index.intersection(b.index)].':
        'labels_a 和 labels_b 必须标注同一批客户，但有 {n} 位客户只出现在其中一个里（例如 {only}）。请保留共同的客户，例如 a.loc[a.index.intersection(b.index)]。',
    'labels_a and labels_b must label the same customers, but they have {n} and {n2} labels. Pass two labellings of the same customers.':
        'labels_a 和 labels_b 必须标注同一批客户，但它们分别有 {n} 个和 {n2} 个标签。请传入对同一批客户的两种标注。',
    'labels_a and labels_b are empty: there are no customers to compare. Check the filter that produced them.':
        'labels_a 和 labels_b 是空的：没有可比较的客户。请检查生成它们的筛选条件。',
    'chosen by the silhouette over k = {ks}':
        '按轮廓系数从 k = {ks} 中选出',
    'given':
        '由参数给定',
    '{k} clusters of {n:,} customers on {columns} (k {how}; silhouette {silhouette:.3f}). {names}.':
        '在 {columns} 上把 {n:,} 位客户分为 {k} 个聚类（k {how}；轮廓系数 {silhouette:.3f}）。{names}。',
    ' Stability: {stable}.':
        '稳定性：{stable}。',
    'k_range must be a range or list of whole numbers of 2 or more, but {k_range!r} was given. For example k_range=range(2, 9).':
        'k_range 必须是由不小于 2 的整数组成的 range 或列表，但传入的是 {k_range!r}。例如 k_range=range(2, 9)。',
    'k_range is empty: give the numbers of clusters to try, e.g. k_range=range(2, 9).':
        'k_range 是空的：请给出要尝试的聚类数，例如 k_range=range(2, 9)。',
    'columns must be a list of feature columns, but {columns!r} was given. For example columns=["recency", "frequency", "monetary"].':
        'columns 必须是特征列的列表，但传入的是 {columns!r}。例如 columns=["recency", "frequency", "monetary"]。',
    'log=True takes log(1 + value), which needs values of 0 or more, but "{negative}" has {n} negative value(s) (refunds?). Remove or correct them, or pass log=False.':
        'log=True 会取 log(1 + value)，这要求值大于或等于 0，但 "{negative}" 有 {n} 个负值（退款？）。请删除或修正它们，或传入 log=False。',
    'The features have {distinct} distinct customer(s) (rows of {columns}), so at most {max} clusters can be told apart, but k up to {max2} was asked. Pass a smaller k (or k_range), or more customers.':
        '特征中只有 {distinct} 位互不相同的客户（{columns} 的取值组合），所以最多只能区分出 {max} 个聚类，但要求的 k 最大为 {max2}。请传入更小的 k（或 k_range），或使用更多客户。',
    # custlearn/value/_clv.py
    '{name} must be numbers, but {dtype} values were given.':
        '{name} 必须是数字，但传入的是 {dtype} 类型的值。',
    '{name} has {n} missing value(s); give a number for every customer.':
        '{name} 有 {n} 个缺失值；请为每位客户给出一个数。',
    'from {low:g} up to (not including) {high:g}':
        '从 {low:g} 到 {high:g}（不含 {high:g}）',
    '{name} must be {rng}, but {shown:g} was given. {hint}':
        '{name} 的取值必须{rng}，但传入的是 {shown:g}。{hint}',
    'Give it as a share, e.g. 0.8 for 80% retained per period.':
        '请以比例给出，例如每期保持 80% 就写 0.8。',
    'Give it as a share per period, e.g. 0.12 for 12% a year.':
        '请以每期的比例给出，例如每年 12% 就写 0.12。',
    'Give it as a share per year, e.g. 0.1 for 10%.':
        '请以每年的比例给出，例如 10% 就写 0.1。',
    'The summary table looks transposed (its rows are named "frequency", "recency", ...): was it written summary.T? In a table with a column called "T", summary.T is the transpose. Pass the summary itself and use summary["T"] for the column.':
        '汇总表看起来被转置了（它的行名是 "frequency"、"recency"……）：是不是写成了 summary.T？在有一列叫 "T" 的表中，summary.T 是转置。请传入汇总表本身，并用 summary["T"] 取这一列。',
    'The column "{column}" is not in the summary table. The table has these columns: {columns}. {column} is each customer\'s time from the first purchase to the end of the observation period; clv_summary(orders, as_of) makes it (or pass T_col="<your column name>"). Note: summary["T"] is the column, summary.T is the transpose.':
        '列 "{column}" 不在汇总表中。该表有这些列：{columns}。{column} 是每位客户从首次购买到观察期结束的时间；clv_summary(orders, as_of) 会生成它（或传入 T_col="<你的列名>"）。注意：summary["T"] 是这一列，summary.T 是转置。',
    'The column "{frequency_col}" of the summary must hold whole numbers of 0 or more (repeat purchases), but {x:g} was found. Make the summary with clv_summary(orders, as_of).':
        '汇总表的 "{frequency_col}" 列必须是大于或等于 0 的整数（重复购买次数），但发现了 {x:g}。请用 clv_summary(orders, as_of) 生成汇总表。',
    '{recency_col} and {T_col} must be 0 or more, but negative values were found. Check that as_of is after the orders and rebuild with clv_summary(orders, as_of).':
        '{recency_col} 和 {T_col} 必须大于或等于 0，但发现了负值。请检查 as_of 是否在订单之后，并用 clv_summary(orders, as_of) 重新生成。',
    'Some customers have {recency_col} > {T_col} (last purchase after the end of the observation period), e.g. row {index}. recency is measured from the first purchase to the last; T from the first purchase to as_of. Rebuild the summary with clv_summary(orders, as_of).':
        '有些客户的 {recency_col} > {T_col}（最后一次购买在观察期结束之后），例如第 {index} 行。recency 从首次购买算到最后一次购买；T 从首次购买算到 as_of。请用 clv_summary(orders, as_of) 重新生成汇总表。',
    'Some customers have frequency 0 but {recency_col} > 0: in the BTYD convention recency is the time from the first to the last purchase, so it is 0 for one-time buyers. Did you pass RFM recency (days since the last order)? Use clv_summary(orders, as_of).':
        '有些客户的 frequency 为 0，但 {recency_col} > 0：按 BTYD 的约定，recency 是从首次购买到最后一次购买的时间，所以只买过一次的客户应为 0。你是不是传入了 RFM 的 recency（距最后一笔订单的天数）？请使用 clv_summary(orders, as_of)。',
    'time_unit="{time_unit}" was given, but the summary was made with time_unit="{stored}" (see summary.attrs). Recency and T are in {stored}: pass time_unit="{stored}" or rebuild the summary.':
        '传入的是 time_unit="{time_unit}"，但汇总表是用 time_unit="{stored}" 生成的（见 summary.attrs）。recency 和 T 的单位是 {stored}：请传入 time_unit="{stored}"，或重新生成汇总表。',
    # custlearn/value/_curves.py
    '{name} has infinite values; every customer needs a finite amount. Check the division or join that produced them.':
        '{name} 中有无穷大的值；每位客户都需要一个有限的金额。请检查生成它们的除法或连接。',
    'The top {top:.0%} of {customers:,} customers bring {top_share:.1%} of the total of {total:,.2f}.':
        '{customers:,} 位客户中排名前 {top:.0%} 的客户贡献了总额 {total:,.2f} 的 {top_share:.1%}。',
    'Top {top:.0%} of customers: {top_share:.1%} of profit. Bottom {bottom:.0%}: {bottom_share:.1%} of profit. Peak {peak_height:.1%} of total profit at {peak_customer_share:.1%} of customers.':
        '排名前 {top:.0%} 的客户：占利润的 {top_share:.1%}。排名后 {bottom:.0%}：占利润的 {bottom_share:.1%}。曲线峰值为总利润的 {peak_height:.1%}，出现在 {peak_customer_share:.1%} 的客户处。',
    'values has {n} negative value(s) (e.g. {s:g}), but a Pareto curve of revenue needs values of 0 or more. For profit, which can be negative, use whale_curve(profit).':
        'values 有 {n} 个负值（例如 {s:g}），但收入的帕累托曲线需要大于或等于 0 的值。利润可能为负，请用 whale_curve(profit)。',
    'profit is empty: a whale curve needs at least one customer.':
        'profit 是空的：鲸鱼曲线至少需要一位客户。',
    'The total profit is {total:,.2f}, but a whale curve shows shares of a positive total profit. With a total loss, plot cumulative profit in money instead (whale_curve needs profit.sum() > 0).':
        '总利润是 {total:,.2f}，但鲸鱼曲线展示的是占正的总利润的比例。总体亏损时，请改为绘制以金额表示的累计利润（whale_curve 要求 profit.sum() > 0）。',
    "customer_profit needs the orders: customer_profit(customers, orders, tickets), or pass a loaded dataset: customer_profit(datasets.load('shop')).":
        "customer_profit 需要订单：customer_profit(customers, orders, tickets)，或传入一个已载入的数据集：customer_profit(datasets.load('shop'))。",
    '{table} has {n} row(s) of customers not in the customers table (e.g. {customer_col} {owners}). Every cost must belong to a known customer: load the matching customers table, or drop those rows first.':
        '{table} 中有 {n} 行属于不在 customers 表中的客户（例如 {customer_col} {owners}）。每一项成本都必须属于一位已知的客户：请载入对应的 customers 表，或先删除这些行。',
    # custlearn/value/_holdout.py
    'model must be a fitted BetaGeo, but a {kind} was given. Fit one first: BetaGeo().fit(calibration_holdout(orders, ...)).':
        'model 必须是拟合好的 BetaGeo，但传入的是一个 {kind}。请先拟合一个：BetaGeo().fit(calibration_holdout(orders, ...))。',
    'holdout_end={hold_end} must be after calibration_end={cal_end}: the holdout period is (calibration_end, holdout_end]. Give a later holdout_end or an earlier calibration_end.':
        'holdout_end={hold_end} 必须晚于 calibration_end={cal_end}：验证期是 (calibration_end, holdout_end]。请给出更晚的 holdout_end 或更早的 calibration_end。',
    ' (the first is on {day})':
        '（第一笔在 {day}）',
    'No order is dated on or before calibration_end={cal_end}{first}, so there is nobody to calibrate on. Give a later calibration_end, or check the filter that produced the orders.':
        '没有日期在 calibration_end={cal_end} 当天或之前的订单{first}，所以没有可以用来校准的客户。请给出更晚的 calibration_end，或检查生成订单的筛选条件。',
    # custlearn/value/_orders.py
    '{as_of_argument}={as_of_ts} is before every order (the first order is on {first}), so no customer has bought yet. Give an {as_of_argument} date inside or after the order history, e.g. {as_of_argument}="{last}".':
        '{as_of_argument}={as_of_ts} 早于所有订单（第一笔订单在 {first}），所以还没有任何客户购买过。请给出落在订单历史之内或之后的 {as_of_argument} 日期，例如 {as_of_argument}="{last}"。',
    # custlearn/value/_scorecard.py
    'Indicator scorecard: value (interval, where it is a sample estimate)':
        '指标记分卡：数值（若是样本估计，括号内为区间）',
    'segments must be one label per customer (a Series indexed by customer id, or a table with a {segment_col!r} column), but {kind} was given. Pass e.g. clusters.labels or value.rfm_segments(scores).':
        'segments 必须是每位客户一个标签（以客户编号为索引的 Series，或有 {segment_col!r} 列的表），但传入的是{kind}。请传入例如 clusters.labels 或 value.rfm_segments(scores)。',
    "segments has {n} missing label(s) among {n2}; every customer needs one. Drop those customers first, or fill them with a label such as 'none'.":
        "segments 的 {n2} 个标签中有 {n} 个缺失；每位客户都需要一个。请先删除这些客户，或用 'none' 这样的标签填补。",
    'segments has repeated customer ids (e.g. {index}); one label per customer is needed. Drop the repeats first.':
        'segments 中有重复的客户编号（例如 {index}）；每位客户只需要一个标签。请先去掉重复。',
    "None of the {n:,} customers of the segments has an order on or before {end} (ids such as {ids}; the orders have {clean}). Check that the segments are indexed by the orders' customer ids.":
        'segments 中的 {n:,} 位客户都没有在 {end} 当天或之前的订单（编号如 {ids}；订单中的编号是 {clean}）。请检查 segments 是否以订单中的客户编号为索引。',
    "clv must be a Series indexed by customer id (e.g. value.clv(...)['clv']), so that each value finds its customer. Give it an index, e.g. pd.Series(values, index=ids).":
        "clv 必须是以客户编号为索引的 Series（例如 value.clv(...)['clv']），这样每个值才能对应到它的客户。请给它一个索引，例如 pd.Series(values, index=ids)。",
    'clv has no value for {n} customer(s) of the segments (e.g. {lacking}). Pass one value per customer, e.g. clv.reindex(segments.index, fill_value=0) if they have not bought yet.':
        'clv 中没有 segments 里 {n} 位客户的值（例如 {lacking}）。请为每位客户给出一个值；如果他们还没有购买过，可以用 clv.reindex(segments.index, fill_value=0)。',
}
