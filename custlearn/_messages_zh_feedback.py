"""The Chinese catalogue of ``check()``'s feedback and of the charts: English template -> Chinese template.

Read by :func:`custlearn._i18n.tr` and :func:`custlearn._i18n.translated` when the
language is ``"zh"`` (custlearn/_messages_zh.py holds the messages, the command
line and the widgets). Each key is an English template exactly as written in a
``tr("...")`` or ``N_("...")`` call; its value says the same in natural
Simplified Chinese for business trainees, with the same ``{fields}``
(tests/test_i18n.py checks both). Terms are the glossary's (docs/glossary.yml).
Sorted by module, in the order of the code.
"""

FEEDBACK: dict[str, str] = {
    # custlearn/exercises/_core.py
    'Not answered yet. Replace the ... after `answer =` with your code, run that cell, then run this check again.':
        '还没有作答。把 `answer =` 后面的 ... 换成你的代码，运行那个单元格，再运行一次这个检查。',
    'Keep at least two significant digits (0.0098, not 0.01; 0.68, not 0.7): round at the end, if at all, e.g. round(answer, 4).':
        '请至少保留两位有效数字（写 0.0098，不写 0.01；写 0.68，不写 0.7）：如果要四舍五入，放到最后再做，例如 round(answer, 4)。',
    'Correct.':
        '正确。',
    'Not yet.':
        '还不对。',
    'Not the kind of answer asked for.':
        '答案的类型不是题目要求的。',
    'Hint: {hint}':
        '提示：{hint}',
    '{n} row':
        '{n} 行',
    '{n} rows':
        '{n} 行',
    '{n} column':
        '{n} 列',
    '{n} columns':
        '{n} 列',
    '{n} value':
        '{n} 个值',
    '{n} values':
        '{n} 个值',
    '{n} point':
        '{n} 个点',
    '{n} points':
        '{n} 个点',
    '{n} word':
        '{n} 个词',
    '{n} words':
        '{n} 个词',
    '{n} character':
        '{n} 个字',
    '{n} characters':
        '{n} 个字',
    'a DataFrame with {rows} and {columns}':
        '一个有 {rows}、{columns}的 DataFrame',
    'a Series of {values}':
        '一个含 {values}的 Series',
    'an array of shape {shape}':
        '一个形状为 {shape} 的数组',
    'the text {text}':
        '文本 {text}',
    'a {kind}':
        '一个 {kind}',
    'Your answer is None.':
        '你的答案是 None。',
    'A cell that ends with print(...) or a function without `return` gives None. Assign the value itself: answer = <your expression>.':
        '以 print(...) 结尾的单元格、或没有 `return` 的函数，得到的都是 None。请直接赋值：answer = <你的表达式>。',
    'This question asks for a fraction between 0 and 1: write 0.25 for 25%. Divide your answer by 100.':
        '这道题要的是 0 到 1 之间的比例：25% 写成 0.25。请把你的答案除以 100。',
    'looks like a percentage':
        '看起来是百分数',
    'looks like a fraction':
        '看起来是比例（0-1）',
    'This question asks for a percentage: write 25 for 25%. Multiply your answer by 100.':
        '这道题要的是百分数：25% 写成 25。请把你的答案乘以 100。',
    'This question asks for points: 100 × the difference of the two shares. Multiply by 100.':
        '这道题要的是百分点：两个占比之差乘以 100。请乘以 100。',
    'is the ratio turned upside down':
        '是把比值倒过来了',
    'You divided the other way round: put the group the question names first on top of the fraction (a ratio above 1 means more, below 1 means less).':
        '你除反了：把题目先提到的那一组放在分子上（比值大于 1 表示更多，小于 1 表示更少）。',
    "Give the ratio itself, not a percentage: write 1.25 for '25% more', 0.8 for '20% less'.":
        '请给出比值本身，而不是百分数：“多 25%”写 1.25，“少 20%”写 0.8。',
    'is the percentage change':
        '是百分比变化',
    'That is (ratio - 1) x 100, the change in percent. Give the ratio itself: 1.25 for 25% more.':
        '这是 (比值 - 1) x 100，即以百分数表示的变化。请给出比值本身：多 25% 写 1.25。',
    'is the change (ratio minus 1)':
        '是变化量（比值减 1）',
    'Give the ratio itself, not the change: 1.25 for 25% more, 0.8 for 20% less.':
        '请给出比值本身，而不是变化量：多 25% 写 1.25，少 20% 写 0.8。',
    'looks like weeks':
        '看起来是周数',
    'The question asks for days: multiply weeks by 7 (or work in days).':
        '题目要的是天数：把周数乘以 7（或直接按天计算）。',
    'looks like months':
        '看起来是月数',
    'The question asks for days: work with day counts.':
        '题目要的是天数：请用天数计算。',
    'This question asks for one number, but your answer is {kind}.':
        '这道题要一个数，但你的答案是{kind}。',
    'Pick the single value asked for, e.g. with .loc[...], .sum(), .mean() or .iloc[0].':
        '只取题目要的那一个值，例如用 .loc[...]、.sum()、.mean() 或 .iloc[0]。',
    '(You gave a one-value container; next time take the number out with .item().) ':
        '（你给的是只装了一个值的容器；下次请用 .item() 把数取出来。）',
    'Your answer is {answer}, a yes/no value; a number is asked for.':
        '你的答案是 {answer}，这是一个是/否值；题目要的是一个数。',
    'Your answer is the text {text}; a number is asked for.':
        '你的答案是文本 {text}；题目要的是一个数。',
    'Your answer is the text {text}, not a number.':
        '你的答案是文本 {text}，不是数。',
    "Remove the quotes so Python stores a number: answer = 0.25, not answer = '0.25'.":
        "去掉引号，Python 才会把它存成数：写 answer = 0.25，不写 answer = '0.25'。",
    'A number is asked for, but your answer is {kind}.':
        '题目要一个数，但你的答案是{kind}。',
    'Your answer is NaN (not a number).':
        '你的答案是 NaN（不是一个数）。',
    'Missing values crept into the calculation: look for NaN in the column you used and decide whether to drop them (.dropna()) first.':
        '计算中混进了缺失值：检查你用到的列里有没有 NaN，再决定是否先删掉它们（.dropna()）。',
    'Your answer, {value}, is rounded too far to tell.':
        '你的答案 {value} 四舍五入得太粗，无法判断。',
    '{coarse} If you did not round: {hint}':
        '{coarse} 如果你没有四舍五入：{hint}',
    'Your answer is {value}.':
        '你的答案是 {value}。',
    'Your answer, {value}, {looks}.':
        '你的答案 {value} {looks}。',
    '{value}{unit} is right (rounded: the exact value is {expected:.6g}).':
        '{value}{unit} 是对的（已四舍五入：精确值为 {expected:.6g}）。',
    '{value}{unit} is right.':
        '{value}{unit} 是对的。',
    'Your answer, {value}, is rounded too far.':
        '你的答案 {value} 四舍五入得太粗了。',
    'Your answer, {value}, has the right size but the wrong sign.':
        '你的答案 {value} 大小对了，但符号反了。',
    'Check the order of the subtraction.':
        '检查减法的先后顺序。',
    'Your answer, {value}, is close but not the same.':
        '你的答案 {value} 很接近，但不相同。',
    'Did you round in the middle of the calculation, or use a slightly different filter or date? Keep full precision until the end. ':
        '你是否在计算中途就四舍五入了，或者用了略有不同的筛选条件或日期？请保留全部精度直到最后一步。',
    'Your answer, {value}, is higher than the right one.':
        '你的答案 {value} 比正确答案大。',
    'Your answer, {value}, is lower than the right one.':
        '你的答案 {value} 比正确答案小。',
    'Your table has {rows}; the answer has {n} (one per {index_name}).':
        '你的表有 {rows}；答案有 {n} 行（每个{index_name}一行）。',
    'Check what each row should be: did you group by the right column and keep only the rows the question asks about?':
        '想清楚每一行应该是什么：是否按正确的列分组，并且只保留了题目问到的行？',
    'Your table lacks the column(s) {missing}. It has: {present}.':
        '你的表缺少列 {missing}。它有的列是：{present}。',
    'Name the columns as the question asks (rename with .rename(columns={{...}})).':
        '按题目的要求给列命名（用 .rename(columns={{...}}) 改名）。',
    'The rows are labelled differently: expected labels such as {lacking}, found {extra}.':
        '行的标签不一样：应有 {lacking} 这样的标签，却找到了 {extra}。',
    'repeated labels':
        '重复的标签',
    'Put the {index_name} in the index (e.g. .set_index(...) or group by it).':
        '把{index_name}放进索引（例如用 .set_index(...)，或按它分组）。',
    'The values are right but the rows are in a different order.':
        '数值都对，但行的顺序不同。',
    'Sort the table as the question asks (sort_values / sort_index).':
        '按题目的要求给表排序（sort_values / sort_index）。',
    'The column {column} differs in {bad} of {rows} (first at {label}: yours {yours}, expected another value).':
        '列 {column} 在 {rows}中有 {bad} 行不同（第一处在 {label}：你的是 {yours}，应为另一个值）。',
    'row':
        '行',
    'A table is asked for, but your answer is {kind}.':
        '题目要一张表，但你的答案是{kind}。',
    'Assign the DataFrame or Series itself, e.g. answer = df.groupby(...)[...].sum().':
        '直接赋值 DataFrame 或 Series 本身，例如 answer = df.groupby(...)[...].sum()。',
    'Your table matches.':
        '你的表是对的。',
    'Your table matches (its rounded values agree with the exact ones).':
        '你的表是对的（四舍五入后的数值与精确值一致）。',
    'Your table is not the one asked for.':
        '你的表不是题目要的那一张。',
    'A written answer (text in quotes) is asked for, but yours is {kind}.':
        '题目要一段书面回答（引号里的文本），但你的答案是{kind}。',
    'Write it between triple quotes: answer = """...""".':
        '把它写在三引号之间：answer = """..."""。',
    'Your answer has {length}; write at least {need}.':
        '你的回答有 {length}；请至少写 {need} 个词。',
    'Your answer has {length}; write at least {need} characters.':
        '你的回答有 {length}；请至少写 {need} 个字。',
    'Say what the result means for a manager and what you would do about it.':
        '说明这个结果对管理者意味着什么，以及你会怎么做。',
    'A strong answer usually also mentions: {keywords}.':
        '好的回答通常还会提到：{keywords}。',
    ', ':
        '、',
    'Thank you: written answers are not graded automatically. Compare yours with the model answer in exercises/solutions/ or discuss it in class.':
        '谢谢：书面回答不会自动评分。请把你的回答与 zh/exercises/solutions/ 里的参考答案对照，或在课堂上讨论。',
    'Answer with one of the option letters: {valid}.':
        '请用一个选项字母作答：{valid}。',
    '{answer} is not one of the options {valid}.':
        '{answer} 不是选项 {valid} 之一。',
    'Option {key} is not the best answer.':
        '选项 {key} 不是最佳答案。',
    'The checker could not evaluate this answer ({error}: {exc}).':
        '检查程序无法评估这个答案（{error}: {exc}）。',
    'Your answer may still be right. Check its type (number, table, chart or text) against the question; if it looks right, tell your instructor: it is a bug in the checker.':
        '你的答案可能仍然是对的。对照题目检查它的类型（数、表、图或文本）；如果看起来没问题，请告诉老师：这是检查程序的错误。',
    # custlearn/exercises/_charts.py
    'line':
        '折线',
    'bar':
        '柱子',
    'points':
        '点',
    'rule':
        '参考线',
    'segments':
        '线段',
    'day':
        '天',
    'week':
        '周',
    'month':
        '月',
    'quarter':
        '季度',
    'year':
        '年',
    'its x labels ({shown}, ...) are not the {index_name}s asked for ({first} to {last})':
        '它的 x 轴标签（{shown}, ...）不是题目要的{index_name}（{first} 至 {last}）',
    'finer step':
        '更细的间隔',
    'it has one point per {per}, several in each {index_name}: the question asks for one per {index_name}':
        '它每个{per}一个点，每个{index_name}有好几个：题目要的是每个{index_name}一个点',
    'it has one point per {per}; the question asks for one per {wanted_per}':
        '它每个{per}一个点；题目要的是每个{wanted_per}一个点',
    'it covers {n} of the {total} {index_name}s ({first} to {last}); the answer runs from {start} to {end}':
        '它覆盖了 {total} 个{index_name}中的 {n} 个（{first} 至 {last}）；答案是从 {start} 到 {end}',
    "its values add up from one point to the next (a running total); draw each point's own value":
        '它的数值是从一个点到下一个点逐步累加的（累计值）；请画出每个点自己的数值',
    'it draws percentages where shares (0-1) are asked for':
        '题目要的是占比（0-1），它画的却是百分数',
    'it draws shares (0-1) where percentages are asked for':
        '题目要的是百分数，它画的却是占比（0-1）',
    'every value is {times} times the right one: a different measure, or a different unit, is drawn':
        '每个数值都是正确值的 {times} 倍：画的是另一个指标，或用了另一个单位',
    'its values differ at {bad} of {n} points (first at {first})':
        '它有 {bad} 个点的数值不同（共 {n} 个点，第一处在 {first}）',
    "it strays from the right curve by up to {gap:.0%} of the curve's height (at x = {x})":
        '它偏离正确曲线最多达曲线高度的 {gap:.0%}（在 x = {x} 处）',
    'it runs from x = {start} to {end}; the curve asked for runs from {wanted_start} to at least {reach}':
        '它从 x = {start} 画到 {end}；题目要的曲线从 {wanted_start} 开始，至少画到 {reach}',
    '{found} of its {points} are at a right position (of {n} asked for)':
        '它的 {points}中有 {found} 个位置正确（题目要求 {n} 个）',
    'it does not show the {first} ({values})':
        '它没有显示{first}（{values}）',
    'it does not show the {name}, in the same units as the {first}':
        '它没有以与{first}相同的单位显示{name}',
    'point':
        '点',
    'A chart is asked for, but your answer is {kind}.':
        '题目要一张图，但你的答案是{kind}。',
    'Keep the Axes the plot was drawn on: fig, ax = plt.subplots(); ...; answer = ax (pandas and seaborn plotting functions return it too).':
        '保留画图用的 Axes：fig, ax = plt.subplots(); ...; answer = ax（pandas 和 seaborn 的绘图函数也会返回它）。',
    'Your chart is empty: nothing is drawn on it.':
        '你的图是空的：上面什么也没画。',
    'Plot the data onto this Axes.':
        '把数据画到这个 Axes 上。',
    'Your chart is nearly right: {problem}.':
        '你的图差不多对了：{problem}。',
    'Your chart draws other data than the question asks for.':
        '你的图画的不是题目要的数据。',
    'Your chart does not show the data asked for: {problem}.':
        '你的图没有显示题目要的数据：{problem}。',
    'the {name} data':
        '“{name}”的数据',
    'the data asked for':
        '题目要的数据',
    ' and ':
        '和',
    'it shows {done} but not {what}':
        '它显示了{done}，但没有{what}',
    'for {what}, {note}':
        '对于{what}，{note}',
    'none of its lines, bars or points carries {what}':
        '它的折线、柱或点都没有画出{what}',
    'the numbers are right, but drawn as {mark}s; the question asks for a bar chart':
        '数值是对的，但画成了{mark}；题目要的是柱状图',
    'the numbers are right, but drawn as {mark}s; the question asks for a line chart':
        '数值是对的，但画成了{mark}；题目要的是折线图',
    'the lines are right, but nothing says which is which: add a legend (label=... and ax.legend())':
        '线都对了，但看不出哪条是哪条：请加上图例（label=... 和 ax.legend()）',
    'the line labelled {label} shows the {name} data, not the {other} data: swap the labels':
        '标为 {label} 的线显示的是“{name}”的数据，而不是“{other}”的数据：请交换标签',
    'Your chart shows the right data but has no title.':
        '你的图数据正确，但没有标题。',
    "A reader should know what the chart shows without you: ax.set_title('...').":
        "读者应该不需要你解释就知道图在表达什么：ax.set_title('...')。",
    'Your chart shows the right data, but the {which} axis has no label.':
        '你的图数据正确，但 {which} 轴没有标签。',
    "Say what the axis measures and its unit: ax.set_{which}label('... (unit)').":
        "说明这条轴度量的是什么及其单位：ax.set_{which}label('...（单位）')。",
    'Your chart shows the right data ({title}).':
        '你的图数据正确（{title}）。',
    # custlearn/exercises/__init__.py
    'The exercise id must be text such as "00.1", but {given} was given.':
        '练习编号必须是 "00.1" 这样的文本，但传入的是 {given}。',
    'There is no exercise "{exercise_id}". Lesson {lesson} has: {valid}.':
        '没有练习 "{exercise_id}"。第 {lesson} 课有：{valid}。',
    'There is no exercise "{exercise_id}". Lessons with exercises: {lessons}; ids look like "{first}.1".':
        '没有练习 "{exercise_id}"。有练习的课：{lessons}；编号的样子是 "{first}.1"。',
    'Exercise "{exercise_id}" is now "{new_id}" (the lessons were renumbered): write check("{new_id}", answer). {message}':
        '练习 "{exercise_id}" 现在是 "{new_id}"（课程已重新编号）：请写 check("{new_id}", answer)。{message}',
    'The exercises could not be loaded ({error}: {exc}).':
        '无法加载练习（{error}: {exc}）。',
    'Tell your instructor: this is a bug in custlearn, not in your answer.':
        '请告诉老师：这是 custlearn 的错误，不是你答案的问题。',
    ' (If this is your answer to the churn lesson\'s exercise {old}.{number}: that lesson is lesson {new} now, write check("{new}.{number}", answer).)':
        '（如果这是你对流失课练习 {old}.{number} 的回答：那一课现在是第 {new} 课，请写 check("{new}.{number}", answer)。）',
    # custlearn/plots/_base.py
    'colours_for needs a list of group labels, not one text {labels}. Write colours_for([{labels}]).':
        'colours_for 需要一个分组标签的列表，而不是单独一段文本 {labels}。请写 colours_for([{labels}])。',
    # custlearn/plots/churn.py
    'shaded: 95% interval':
        '阴影：95% 置信区间',
    'censored: not churned by the end':
        '删失：到观察结束时仍未流失',
    'Time since the start ({time_unit})':
        '自开始以来的时间（{time_unit}）',
    'Still a customer':
        '仍是客户',
    'Survival curve: share of customers not yet churned':
        '生存曲线：尚未流失的客户占比',
    'Lift of the decile (right axis)':
        '该十分位的提升度（右轴）',
    'Lift 1 = the average churn rate':
        '提升度 1 = 平均客户流失率',
    'Lift (x the average churn rate)':
        '提升度（平均客户流失率的倍数）',
    'Churn score':
        '流失风险评分',
    'Random contact':
        '随机联系',
    'Customers contacted, highest risk first':
        '已联系的客户（按流失风险评分从高到低）',
    'Share of all churners reached':
        '已覆盖的流失客户占全部流失客户的比例',
    'Gains chart: top-decile lift {lift:.1f}':
        '累积增益图：最高十分位的提升度为 {lift:.1f}',
    # custlearn/plots/customer_data.py
    'Missing values (% of rows)':
        '缺失值（占行数的 %）',
    'Column':
        '列',
    'Missing values per column':
        '各列的缺失值',
    'planted (truth)':
        '植入的问题（真实情况）',
    'found by the lesson':
        '本课找到的问题',
    '  {found:,} of {planted:,}':
        '  {planted:,} 行中找到 {found:,} 行',
    'Rows with the problem':
        '有该问题的行数',
    'Planted problem':
        '植入的问题',
    'Problems found by the cleaning vs planted in the data':
        '清洗找到的问题与数据中植入的问题对比',
    'candidate pairs':
        '候选记录对',
    'same person (truth)':
        '同一个人（真实情况）',
    'different people (truth)':
        '不同的人（真实情况）',
    'threshold {threshold:.2f}':
        '阈值 {threshold:.2f}',
    'Name similarity (0 = nothing shared, 1 = same name)':
        '姓名相似度（0 = 毫无共同之处，1 = 姓名相同）',
    'Candidate pairs':
        '候选记录对',
    'Name similarity of candidate duplicate pairs':
        '候选重复记录对的姓名相似度',
    # custlearn/plots/lifecycle.py
    'The column "stage" is not in the stages table. The table has these columns: {columns}. Pass the result of lifecycle.assign_stages(...), or its "stage" column.':
        '列 "stage" 不在阶段表中。这张表的列是：{columns}。请传入 lifecycle.assign_stages(...) 的结果，或它的 "stage" 列。',
    'Customers':
        '客户数',
    'Stage':
        '阶段',
    'Customers at each lifecycle stage':
        '客户生命周期各阶段的客户数',
    'End of year':
        '年末',
    'End of quarter':
        '季末',
    'Q{quarter} {date:%Y}':
        '{date:%Y}年第{quarter}季度',
    'End of month':
        '月末',
    '{date:%b %Y}':
        '{date:%Y}年{date:%m}月',
    'Date':
        '日期',
    '{date:%d %b %Y}':
        '{date:%Y}年{date:%m}月{date:%d}日',
    'counts must be indexed by dates (one row per date, as lifecycle.stage_counts gives), but its index holds {labels}. Set the dates as the index: counts.set_axis(pd.to_datetime(...)).':
        'counts 必须以日期为索引（每个日期一行，就像 lifecycle.stage_counts 给出的那样），但它的索引是 {labels}。请把日期设为索引：counts.set_axis(pd.to_datetime(...))。',
    'Share of customers':
        '客户占比',
    'The customer lifecycle through time':
        '客户生命周期随时间的变化',
    "% of the row's customers":
        '占该行客户的 %',
    'Stage at the end':
        '期末阶段',
    'Stage at the start':
        '期初阶段',
    'Where customers moved (row %)':
        '客户的阶段转移（行 %）',
    # custlearn/plots/loyalty.py
    'The cohort matrix must hold shares from 0 to 1, but larger values were found. Pass loyalty.cohort_retention(..., values="share"), not values="count".':
        '同期群矩阵必须是 0 到 1 之间的比例，但发现了更大的值。请传入 loyalty.cohort_retention(..., values="share")，而不是 values="count"。',
    'Months':
        '月',
    'Weeks':
        '周',
    'Quarters':
        '季度',
    'Years':
        '年',
    'Days':
        '天',
    'Periods':
        '期',
    'Share of cohort still buying':
        '同期群中仍在购买的比例',
    '{unit} since first purchase':
        '首次购买后的{unit}数',
    'Cohort (period of first purchase)':
        '同期群（首次购买的时期）',
    'Cohort retention: share of each cohort buying again':
        '同期群留存：每个同期群中再次购买的比例',
    "Answer to 'How likely are you to recommend us?' (0-10)":
        '对“您有多大可能向他人推荐我们？”的回答（0-10）',
    'Share of answers':
        '回答占比',
    'NPS = {score:.0f} ({promoters:.0%} promoters - {detractors:.0%} detractors)':
        '净推荐值 NPS = {score:.0f}（推荐者 {promoters:.0%} - 贬损者 {detractors:.0%}）',
    'Bought again within the window':
        '在窗口期内再次购买',
    'Would recommend (9-10)':
        '愿意推荐（9-10 分）',
    'Overall satisfaction (1 = very dissatisfied, 5 = very satisfied)':
        '总体满意度（1 = 非常不满意，5 = 非常满意）',
    'Share of responses (95% interval)':
        '回答占比（95% 置信区间）',
    'Loyalty by satisfaction level':
        '不同满意度水平下的顾客忠诚',
    'loyalty_matrix_chart needs the result of loyalty.loyalty_matrix(...) (columns high_attitude and high_patronage) or of loyalty.loyalty_matrix_counts(...); the table given has columns {columns}.':
        'loyalty_matrix_chart 需要 loyalty.loyalty_matrix(...) 的结果（包含 high_attitude 和 high_patronage 列）或 loyalty.loyalty_matrix_counts(...) 的结果；传入的表的列是 {columns}。',
    'Loyalty':
        '忠诚',
    'Latent loyalty':
        '潜在忠诚',
    'Spurious loyalty':
        '虚假忠诚',
    'No loyalty':
        '无忠诚',
    'High':
        '高',
    'Low':
        '低',
    'Repeat patronage (orders)':
        '重复惠顾（订单）',
    'Relative attitude (survey)':
        '相对态度（问卷）',
    'Dick & Basu loyalty matrix (customers)':
        'Dick & Basu 忠诚矩阵（客户数）',
    # custlearn/plots/satisfaction.py
    'Overall satisfaction':
        '总体满意度',
    'top-{top_box} box ({threshold}-{scale})':
        '最高 {top_box} 档（{threshold}-{scale}）',
    'top box ({scale})':
        '最高档（{scale}）',
    'other answers':
        '其他回答',
    '{question} (1 = lowest, {scale} = highest)':
        '{question}（1 = 最低，{scale} = 最高）',
    'Share of respondents (%)':
        '受访者占比（%）',
    '{question}: top-{top_box}-box {top:.1f}%, mean {mean:.2f}':
        '{question}：最高 {top_box} 档占比 {top:.1f}%，均值 {mean:.2f}',
    'Expectation':
        '期望',
    'Perception < expectation':
        '感知 < 期望',
    'Perception ≥ expectation':
        '感知 ≥ 期望',
    'gap {gap:+.2f}':
        '差距 {gap:+.2f}',
    'Mean score (1-{scale} scale)':
        '平均得分（1-{scale} 分制）',
    'SERVQUAL dimension':
        '服务质量量表（SERVQUAL）维度',
    'SERVQUAL gaps: perception - expectation':
        'SERVQUAL 差距：感知 - 期望',
    'Performance (mean score)':
        '绩效（平均得分）',
    'Importance (standardised weight)':
        '重要性（标准化权重）',
    'grid has unknown quadrant labels: {labels}. Pass the result of satisfaction.importance_performance(...) unchanged.':
        'grid 中有未知的象限标签：{labels}。请原样传入 satisfaction.importance_performance(...) 的结果。',
    'Concentrate here':
        '重点改进区',
    'Keep up the good work':
        '继续保持区',
    'Low priority':
        '低优先区',
    'Possible overkill':
        '可能过度投入区',
    'Importance-performance grid: where to act':
        '重要性-绩效分析：在哪里采取行动',
    'truth has no value for {missing}. Pass the planted values of the same touch points, e.g. datasets.journey_truth(name)["touch_points"].':
        'truth 中没有 {missing} 的值。请传入同一批接触点的植入值，例如 datasets.journey_truth(name)["touch_points"]。',
    'estimate, 95% interval':
        '估计值，95% 置信区间',
    'planted':
        '植入值',
    'Weight: overall satisfaction points per rating point (with interval)':
        '权重：评分每高 1 分，总体满意度提高的分数（含置信区间）',
    'Touch point':
        '接触点',
    'Touch-point importance by segment':
        '各细分群体的接触点重要性',
    'Touch-point importance':
        '接触点重要性',
    'penalty: a low rating instead of a middle one':
        '惩罚：打低分而不是中间分',
    'reward: a high rating instead of a middle one':
        '奖励：打高分而不是中间分',
    'Change in overall satisfaction (points): penalty to the left, reward to the right':
        '总体满意度的变化（分）：左边为惩罚，右边为奖励',
    'Penalty and reward of each touch point':
        '各接触点的惩罚与奖励',
    'expected little (1-2)':
        '期望较低（1-2）',
    'expected 3':
        '期望为 3',
    'expected much (4-5)':
        '期望较高（4-5）',
    'No band of performance has {min_answers} answers in an expectation group. Use more responses, or pass a smaller min_answers=.':
        '没有哪个绩效档在某个期望组中有 {min_answers} 个回答。请使用更多回答，或传入更小的 min_answers=。',
    'Perceived performance: mean touch-point rating (1-5, half-point bands)':
        '感知绩效：接触点平均评分（1-5，每半分一档）',
    'Mean {target}':
        '平均 {target}',
    'Do higher expectations give lower satisfaction at the same performance?':
        '在相同绩效下，更高的期望是否带来更低的满意度？',
    'Before the first order, the customer':
        '首次下单前，顾客',
    # custlearn/plots/service.py
    'Share of all services':
        '占全部服务的比例',
    'Share within the group':
        '组内占比',
    'Service mix by {names}':
        '服务组合（按 {names}）',
    'The table has no share to draw: it needs "closed_in_time" (from service.closed_loop) or "in_time_share" (from service.time_limit_attainment).':
        '这张表没有可画的占比：它需要 "closed_in_time"（来自 service.closed_loop）或 "in_time_share"（来自 service.time_limit_attainment）。',
    'Closed within the limit (95% interval)':
        '在服务时限内关闭（95% 置信区间）',
    'Target {target:.0%}':
        '目标 {target:.0%}',
    'Tickets resolved within their time limit':
        '在服务时限内解决的工单',
    'Closed in time, worst first':
        '按时关闭率，从差到好',
    'The table has no churn rates to draw: every churn_rate is missing. Pass the result of service.churn_by_complaint_outcome(...) on data with customers in the window.':
        '这张表没有可画的客户流失率：每个 churn_rate 都是缺失值。请传入 service.churn_by_complaint_outcome(...) 在窗口内有客户的数据上的结果。',
    "Outcome of the customer's first complaint":
        '客户首次投诉的结果',
    'Churn by complaint outcome (95% interval)':
        '按投诉结果划分的客户流失率（95% 置信区间）',
    'Churned in the window':
        '在窗口期内流失',
    'Key accounts: churn after they were chosen':
        '大客户：被选定之后的客户流失',
    'naive line ({slope:+.3f} per point)':
        '简单拟合线（每分 {slope:+.3f}）',
    'adjusted, one line per location ({adjusted:+.3f} per point)':
        '调整后，每个地点一条线（每分 {adjusted:+.3f}）',
    'Staff satisfaction (office mean, 1-5)':
        '员工满意度（网点均值，1-5）',
    'Accounts closed':
        '销户率',
    'The service-profit chain, office by office':
        '服务利润链：逐个网点',
    "dot size: the office's customers":
        '点的大小：该网点的客户数',
    'chain must be the result of service.service_profit_chain(...), but a {kind} was given.':
        'chain 必须是 service.service_profit_chain(...) 的结果，但传入的是一个 {kind}。',
    'no effect':
        '无效应',
    'planted {planted:+.3f}':
        '植入值 {planted:+.3f}',
    'naive':
        '简单对比',
    'adjusted for {what}':
        '已调整 {what}',
    'the share of accounts closed':
        '销户的账户占比',
    'staff satisfaction':
        '员工满意度',
    'Change in {outcome} per point of {driver}':
        '{driver}每提高 1 分，{outcome}的变化',
    'The staff effect, naive and adjusted':
        '员工效应：简单对比与调整后',
    # custlearn/plots/value.py
    'revenue':
        '收入',
    'cumulative share of {label}':
        '{label}的累计占比',
    'equal value per customer':
        '每位客户价值相等',
    'top {top:.0%} of customers':
        '前 {top:.0%} 的客户',
    'top {top:.0%}: {top_share:.0%} of {label}':
        '前 {top:.0%}：占{label}的 {top_share:.0%}',
    'Pareto curve: how concentrated is {label}?':
        '帕累托曲线：{label}有多集中？',
    'Share of customers, largest first':
        '客户占比（从大到小）',
    'Cumulative share of {label}':
        '{label}的累计占比',
    'cumulative profit':
        '累计利润',
    'total profit (100%)':
        '总利润（100%）',
    'peak {peak:.0%} at {share:.0%} of customers':
        '峰值 {peak:.0%}，出现在 {share:.0%} 的客户处',
    'top {top:.0%}: {top_share:.0%}':
        '前 {top:.0%}：{top_share:.0%}',
    'bottom {bottom:.0%}: {bottom_share:+.0%}':
        '后 {bottom:.0%}：{bottom_share:+.0%}',
    'Whale curve: cumulative profit, most profitable customers first':
        '鲸鱼曲线：累计利润，最赚钱的客户在前',
    'Share of customers, most profitable first':
        '客户占比（最赚钱的在前）',
    'Cumulative share of total profit':
        '占总利润的累计比例',
    'The column "{column}" adds up to 0; pass value_col=None to show customers only.':
        '列 "{column}" 的总和为 0；传入 value_col=None，只显示客户数。',
    'RFM segments':
        'RFM 细分',
    'Share of the total (each colour adds up to 100%)':
        '占总量的比例（每种颜色合计 100%）',
    'Share of all customers':
        '占全部客户的比例',
    'p_alive must hold probabilities from 0 to 1, but {n} value(s) are outside: {values}. Pass model.p_alive(summary).':
        'p_alive 必须是 0 到 1 之间的概率，但有 {n} 个值超出范围：{values}。请传入 model.p_alive(summary)。',
    'Who is still alive? (BG/NBD)':
        '谁还“存活”？（BG/NBD）',
    'P(alive): probability the customer is still active':
        '存活概率 P(alive)：客户仍然活跃的概率',
    'Number of customers':
        '客户数',
    'USD':
        '美元',
    'mean {mean:,.0f}':
        '均值 {mean:,.0f}',
    'median {median:,.0f}':
        '中位数 {median:,.0f}',
    'Customer lifetime value: a few customers are worth most':
        '客户终身价值：少数客户贡献了大部分价值',
    'Customer lifetime value ({currency})':
        '客户终身价值（{currency}）',
    '{lower} to {upper}':
        '{lower} 至 {upper}',
    'scorecard_chart needs the result of value.indicator_scorecard(...) (a Scorecard), but a {kind} was given. Pass the scorecard itself: card = value.indicator_scorecard(segments, orders, ...).':
        'scorecard_chart 需要 value.indicator_scorecard(...) 的结果（一个 Scorecard），但传入的是一个 {kind}。请直接传入指标卡：card = value.indicator_scorecard(segments, orders, ...)。',
    'clearly better than all customers':
        '明显好于全部客户',
    'clearly worse':
        '明显较差',
    'not clearly different':
        '无明显差异',
    'Evaluation indicator system: segments side by side':
        '评估指标体系：各细分群体并排比较',
    'kind="{kind}" draws {panels} panel(s), but {axes} Axes were given. Pass ax=None (a new figure) or {panels} Axes.':
        'kind="{kind}" 要画 {panels} 个面板，但传入了 {axes} 个 Axes。请传入 ax=None（新建一张图）或 {panels} 个 Axes。',
    'actual':
        '实际值',
    'predicted (BG/NBD)':
        '预测值（BG/NBD）',
    'end of calibration':
        '校准期结束',
    'holdout':
        '验证期',
    'Repeat purchases, cumulative':
        '重复购买次数（累计）',
    'Repeat purchases per week':
        '每周重复购买次数',
    'Tracking: repeat purchases, actual vs predicted':
        '跟踪图：重复购买的实际值与预测值',
    'Week ending':
        '周末日期',
    'actual (mean)':
        '实际值（均值）',
    'interval of the actual mean':
        '实际均值的置信区间',
    'Holdout check: purchases by past repeat purchases':
        '验证期检验：按过去重复购买次数分组的购买次数',
    'Repeat purchases in the calibration period':
        '校准期内的重复购买次数',
    'Mean purchases in the holdout':
        '验证期内的平均购买次数',
    'k_choice_chart needs the scores of at least two values of k, but {n} was given. Call value.cluster_customers(features) without k (it tries k_range), or with k_range=range(2, 9).':
        'k_choice_chart 需要至少两个 k 值的得分，但只传入了 {n} 个。请调用 value.cluster_customers(features) 且不指定 k（它会尝试 k_range），或传入 k_range=range(2, 9)。',
    'chosen: k = {best}':
        '选定：k = {best}',
    'Silhouette':
        '轮廓系数',
    'Number of clusters k':
        '聚类数 k',
    'Silhouette (higher = better separated)':
        '轮廓系数（越高 = 分得越开）',
    'Elbow':
        '肘部法则',
    'Inertia (within-cluster sum of squares)':
        '惯性（簇内平方和）',
    # custlearn/plots/warehouse.py
    'memory_gb must be a positive number of GB, but {given} was given. Pass e.g. 8.':
        'memory_gb 必须是一个以 GB 计的正数，但传入的是 {given}。例如传入 8。',
    'laptop memory: {memory_gb:g} GB':
        '笔记本电脑内存：{memory_gb:g} GB',
    '{orders} orders':
        '{orders} 笔订单',
    'How much room the orders take as the company grows':
        '公司成长时订单占用的空间',
    'Orders in the company (log scale)':
        '公司的订单数（对数刻度）',
    'Size (GB, log scale)':
        '大小（GB，对数刻度）',
    # custlearn/exercises/lesson00.py
    'How many customers does the shop have?':
        '这家网店有多少客户？',
    'That counts only customers who placed an order. Prospects signed up without buying are customers too: count the rows of shop.customers.':
        '这只数了下过订单的客户。注册了但还没购买的潜在客户也是客户：请数 shop.customers 的行数。',
    'That is the number of orders (rows of the orders table). Customers are the rows of the customers table.':
        '这是订单数（orders 表的行数）。客户是 customers 表的行。',
    'Every row of the customers table is one customer: count its rows (len of the table).':
        'customers 表的每一行就是一位客户：数它的行数（表的 len）。',
    'Every row of the customers table is a customer, whether or not they have bought yet.':
        'customers 表的每一行都是一位客户，无论他们是否已经购买过。',
    "What share of the shop's customers were acquired with a discount? (a fraction)":
        '这家网店的客户中，有多大比例是通过折扣获取的？（比例）',
    'That is the number of customers; the question asks for their share. Divide by the number of customers, or take the mean of the True/False column.':
        '这是客户人数；题目问的是他们的占比。请除以客户总数，或者取这个 True/False 列的均值。',
    'That is the share acquired WITHOUT a discount. Count the True values of acquired_with_discount, not the False ones.':
        '这是没有用折扣获取的客户占比。请数 acquired_with_discount 中 True 的值，而不是 False 的值。',
    "You kept only the customers who ordered. The question asks about all the shop's customers, prospects included.":
        '你只保留了下过订单的客户。题目问的是这家网店的全部客户，包括潜在客户。',
    'The column acquired_with_discount is True/False; the mean of a True/False column is the share of True.':
        'acquired_with_discount 列是 True/False；True/False 列的均值就是 True 的占比。',
    'Total order amount per product category, largest first.':
        '每个产品品类的订单总金额，从大到小排列。',
    'category':
        '品类',
    'You counted orders; the question asks for the total amount: add up the amount column (.sum()).':
        '你数的是订单数；题目问的是总金额：把 amount 列加总（.sum()）。',
    'That is the average order amount; the question asks for the total: .sum().':
        '这是平均订单金额；题目问的是总额：.sum()。',
    'You added up the margin column. The order amount is the column amount.':
        '你加总的是 margin 列。订单金额是 amount 列。',
    'Group the orders by category, add up the amount in each group, and sort from largest to smallest (sort_values with ascending=False).':
        '按 category 给订单分组，把每组的 amount 加总，再从大到小排序（sort_values 加 ascending=False）。',
    'On average, how many orders has a customer who ordered placed?':
        '平均而言，一位下过订单的客户下了多少个订单？',
    'You divided by every signed-up customer, including prospects who never ordered. The question asks per customer *who ordered*.':
        '你除以的是全部注册客户，包括从未下单的潜在客户。题目问的是每位*下过订单的*客户。',
    'You divided the other way round: that is customers per order. Put the number of orders on top.':
        '你除反了：这是每个订单对应的客户数。把订单数放在分子上。',
    'That is the median number of orders. The average is the number of orders divided by the number of customers who ordered.':
        '这是订单数的中位数。平均数是订单数除以下过订单的客户数。',
    'Number of orders divided by the number of different customers in the orders table (.nunique()).':
        '订单数除以 orders 表中不同客户的个数（.nunique()）。',
    'A line chart of the number of orders per month.':
        '一张每月订单数的折线图。',
    'Your line shows the revenue (the sum of amount) per month. The question asks for the number of orders: count the rows in each month (.size()).':
        '你的线画的是每月收入（amount 之和）。题目要的是订单数：数每个月的行数（.size()）。',
    'Your line shows the number of different customers per month. A customer can order twice in a month: count orders, not customers (.size()).':
        '你的线画的是每月不同客户的人数。一位客户一个月可能下两次单：请数订单，而不是客户（.size()）。',
    "Your line adds the months up (a running total, .cumsum()). Draw each month's own number of orders.":
        '你的线把各月累加起来了（累计值，.cumsum()）。请画出每个月自己的订单数。',
    "Count the orders in each month: take the month of order_date (.dt.to_period('M')), group the orders by it and count them (.size()); then draw the counts against the months with ax.plot.":
        "数每个月的订单：取 order_date 的月份（.dt.to_period('M')），按它给订单分组并计数（.size()）；然后用 ax.plot 把计数画在各月份上。",
    'Which table would you use to measure customer satisfaction?':
        '要衡量顾客满意度，你会用哪张表？',
    'orders shows what customers did, not how they felt about it.':
        'orders 表显示的是客户做了什么，而不是他们对此的感受。',
    'Yes: the surveys table holds the satisfaction answers (overall_satisfaction, likely_to_recommend).':
        '对：surveys 表保存了满意度问卷的回答（overall_satisfaction、likely_to_recommend）。',
    'tickets records service contacts: a biased sample of customers who had a problem.':
        'tickets 表记录的是服务联系：这是遇到过问题的客户，一个有偏差的样本。',
    'Why is it harder to say that a shop customer has left than that a bank customer has?':
        '为什么判断一位网店客户已经流失，比判断一位银行客户已经流失更难？',
    'contract':
        '合同',
    'closure':
        '销户',
    'purchase':
        '购买',
    # custlearn/exercises/lesson01.py
    'How many raw customer records have a phone that is present but written differently from its standard form (customer_data.standardize_phone)?':
        '原始客户记录中，有多少条记录的电话存在、但写法与标准形式（customer_data.standardize_phone）不同？',
    'records':
        '条记录',
    "You also counted the records without a phone: a missing value compared with anything counts as 'different'. Keep only phones that are present (.notna()).":
        '你把没有电话的记录也算进去了：缺失值与任何值比较都算“不同”。只保留有电话的记录（.notna()）。',
    'That is every record with a phone. Count only the phones whose standard form differs from the way they are written.':
        '这是所有有电话的记录。只数那些标准形式与原写法不同的电话。',
    'Standardise the phone column with customer_data.standardize_phone, compare the result with the raw column where a phone is present (.notna()), and count the differences (.sum() of True/False).':
        '用 customer_data.standardize_phone 把电话列标准化，在有电话（.notna()）的地方与原始列比较，再数出不同的个数（对 True/False 求 .sum()）。',
    'What share of the raw customer records have no e-mail? (a fraction)':
        '原始客户记录中，有多大比例没有电子邮箱？（比例）',
    'That is the number of records; the question asks for a share: divide by the number of records (or take the mean of .isna()).':
        '这是记录条数；题目问的是占比：除以记录总数（或取 .isna() 的均值）。',
    'You divided by the 5,000 customers of the clean table; the raw extract has more records (duplicates included). Divide by len(raw.customers).':
        '你除以的是干净表中的 5,000 位客户；原始导出的记录更多（包含重复记录）。请除以 len(raw.customers)。',
    'That is the share of records WITH an e-mail. Count the missing ones (.isna()), not the present ones.':
        '这是有电子邮箱的记录占比。请数缺失的（.isna()），而不是存在的。',
    'Take the email column of the raw customers, mark the missing values with .isna(), and average them: the mean of a True/False column is the share of True.':
        '取原始 customers 表的 email 列，用 .isna() 标出缺失值，再求平均：True/False 列的均值就是 True 的占比。',
    'How many raw customer records are there per city, after standardising the city names? Give a Series indexed by city.':
        '把城市名标准化之后，每个城市有多少条原始客户记录？请给出一个以城市为索引的 Series。',
    'city':
        '城市',
    "You counted the raw spellings: 'Greenport', 'GREENPORT' and 'Greenport ' are counted apart. Standardise first with customer_data.standardize_city.":
        "你数的是原始写法：'Greenport'、'GREENPORT' 和 'Greenport ' 被分开计数了。请先用 customer_data.standardize_city 标准化。",
    'Lower case alone is not enough: trailing spaces still split a city. Use customer_data.standardize_city, which also removes spaces and keeps the usual spelling.':
        '只转成小写还不够：末尾的空格仍会把一个城市拆开。请用 customer_data.standardize_city，它还会去掉空格并保留通常的写法。',
    "You counted the clean table (datasets.load('shop')). The question is about the raw extract: datasets.load('shop', raw=True), duplicates included.":
        "你数的是干净的表（datasets.load('shop')）。题目问的是原始导出：datasets.load('shop', raw=True)，包含重复记录。",
    'Those are shares of the records; the question asks for numbers of records (value_counts without normalize=True).':
        '这些是记录的占比；题目问的是记录条数（value_counts 不加 normalize=True）。',
    'Standardise the raw city names first (customer_data.standardize_city on the raw city column), then count the records per standard name (.value_counts()).':
        '先把原始城市名标准化（对原始 city 列用 customer_data.standardize_city），再按标准名称数记录条数（.value_counts()）。',
    'With the default settings, how many pairs of raw customer records does find_duplicates decide to merge?':
        '在默认设置下，find_duplicates 决定合并多少对原始客户记录？',
    'pairs':
        '对',
    "That is every pair listed, the 'review' pairs included. Count only decision == 'merge'.":
        "这是列出的所有记录对，包括待复核（'review'）的。只数 decision == 'merge' 的。",
    'Those are the pairs to review (similar names only); the question asks for the pairs to merge.':
        '这些是待复核的记录对（只是姓名相似）；题目问的是要合并的记录对。',
    "Run customer_data.find_duplicates on the raw customers with its default settings, then count the pairs whose decision column says 'merge'.":
        "用默认设置对原始客户运行 customer_data.find_duplicates，然后数 decision 列为 'merge' 的记录对。",
    'How many raw orders are booked on a customer record that the merge removes (and so must move to the surviving record)?':
        '有多少原始订单挂在一条会被合并删除的客户记录上（因此必须转到保留下来的记录）？',
    'orders':
        '笔订单',
    "That is the number of records merged away. The question asks for their orders: map raw.orders['customer_id'] with survivor_map and count the orders whose id changes.":
        "这是被合并掉的记录数。题目问的是它们的订单：用 survivor_map 映射 raw.orders['customer_id']，数出 id 改变的订单。",
    'You counted the orders of both records of each pair. The surviving record keeps its orders; only the orders of the record that is removed move.':
        '你把每对记录中两条记录的订单都算进去了。保留下来的记录保留自己的订单；只有被删除那条记录的订单需要转移。',
    "customer_data.survivor_map gives each raw record the id of the record it merges into (for the pairs decided 'merge'); map the orders' customer_id through it and count the orders whose id changes.":
        "customer_data.survivor_map 给每条原始记录指定它要合并进去的那条记录的 id（针对判定为 'merge' 的记录对）；用它映射订单的 customer_id，数出 id 改变的订单。",
    "From the single customer view of the clean data (single_customer_view(datasets.load('shop'))), what is the mean revenue per customer by acquisition channel? Count every customer, buyers or not. Give a Series indexed by channel.":
        "根据干净数据的单一客户视图（single_customer_view(datasets.load('shop'))），按获客渠道计算每位客户的平均收入是多少？每位客户都要算，无论是否购买过。请给出一个以渠道为索引的 Series。",
    'acquisition channel':
        '获客渠道',
    'You kept only customers who bought. The question asks per customer, so customers without orders count with revenue 0.':
        '你只保留了购买过的客户。题目问的是每位客户，所以没有订单的客户按收入 0 计算。',
    'That is the total revenue per channel; the question asks for the mean per customer.':
        '这是每个渠道的总收入；题目问的是每位客户的平均值。',
    'That is the median revenue per customer; the question asks for the mean.':
        '这是每位客户收入的中位数；题目问的是平均值。',
    'Build the single customer view of the clean data (customer_data.single_customer_view), group it by acquisition_channel and average the revenue column: customers without orders count with revenue 0.':
        '建立干净数据的单一客户视图（customer_data.single_customer_view），按 acquisition_channel 分组，求 revenue 列的平均值：没有订单的客户按收入 0 计算。',
    'A bar chart of the share of missing values per column of the raw customer table, with a title and labelled axes.':
        '一张柱状图：原始客户表每一列的缺失值占比，带标题和坐标轴标签。',
    'column':
        '列',
    "Your bars count the missing values. The question asks for their share: divide by the number of rows (the profile's missing_share column).":
        '你的柱子数的是缺失值的个数。题目问的是占比：除以行数（数据剖析结果中的 missing_share 列）。',
    'Your bars show the share of values that are present. Draw the share that is missing.':
        '你的柱子显示的是有值的占比。请画出缺失的占比。',
    "You profiled the clean table. The question is about the raw extract (datasets.load('shop', raw=True)), where most gaps are.":
        "你剖析的是干净的表。题目问的是原始导出（datasets.load('shop', raw=True)），大部分缺口都在那里。",
    "customer_data.profile(raw.customers) gives the share of missing values of every column (missing_share); draw those of the columns with missing values as bars, one bar per column (ax.barh or the lesson's plots.missing_values_chart).":
        'customer_data.profile(raw.customers) 给出每一列缺失值的占比（missing_share）；把有缺失值的那些列画成柱子，每列一根（ax.barh 或本课的 plots.missing_values_chart）。',
    'In the clean customer table, what share of customers (with no missing value in these columns) are the only one with their combination of city, age and signup_date? (a fraction)':
        '在干净的客户表中（这几列没有缺失值的客户），有多大比例的客户是唯一拥有其城市、年龄和 signup_date 组合的人？（比例）',
    'You left out the sign-up day: the question combines city, age and signup_date.':
        '你漏掉了注册日期：题目组合的是 city、age 和 signup_date。',
    'That is the number of unique customers; divide by the number of customers for the share.':
        '这是唯一客户的人数；除以客户总数才是占比。',
    'That is the share of customers who share their combination with someone. The question asks for the share who are the only one.':
        '这是与别人共享同一组合的客户占比。题目问的是唯一拥有该组合的客户占比。',
    'Keep the three columns and drop the rows with a missing value; count how many rows have each combination (.value_counts()); the combinations seen exactly once are unique customers: divide their number by the number of rows.':
        '保留这三列并删除有缺失值的行；数出每种组合有多少行（.value_counts()）；只出现一次的组合就是唯一的客户：用它们的个数除以行数。',
    'Customer e-mails were replaced by HMAC-SHA-256 tokens made with a secret key. Which is true? a: the table is now anonymous, no longer personal data; b: it is still personal data; c: a plain SHA-256 of the e-mails would protect as well; d: anyone can turn the tokens back into e-mails.':
        '客户的电子邮箱被替换成了用密钥生成的 HMAC-SHA-256 令牌。哪一项是对的？a：这张表现在是匿名的，不再是个人信息；b：它仍然是个人信息；c：对电子邮箱直接做 SHA-256 也能起到同样的保护作用；d：任何人都能把令牌还原成电子邮箱。',
    'Pseudonymised is not anonymised: whoever holds the key can re-identify, so GDPR and PIPL still treat the table as personal data.':
        '假名化不等于匿名化：持有密钥的人可以重新识别出个人，所以 GDPR 和《个人信息保护法》（PIPL）仍然把这张表视为个人信息。',
    'Yes: the key holder can re-identify people, and age, city and dates can single them out, so the table is still personal data.':
        '对：持有密钥的人可以重新识别出个人，而且年龄、城市和日期也可能把人单独识别出来，所以这张表仍然是个人信息。',
    'A plain SHA-256 can be reversed by hashing a list of known e-mails (a dictionary attack); the secret key is what prevents this.':
        '直接做 SHA-256 可以被逆推：把一批已知的电子邮箱做哈希后比对即可（字典攻击）；防止这一点的正是密钥。',
    'Without the key nobody can compute or reverse the tokens: HMAC is one-way.':
        '没有密钥，谁都无法计算或逆推这些令牌：HMAC 是单向的。',
    "A colleague says: 'The file is pseudonymised, so we can send it to the marketing agency as it is.' What do you answer, and what would you do before sending anything?":
        '一位同事说：“这个文件已经假名化了，所以我们可以原样发给营销代理公司。”你怎么回答？在发送任何东西之前你会做什么？',
    'key':
        '密钥',
    'personal data':
        '个人信息',
    'minimis':
        '最小化',
    # custlearn/exercises/lesson02.py
    "After how many days without a purchase is a shop customer 'at risk' by the default rule?":
        "按默认规则，一位网店客户多少天没有购买就算作有流失风险的客户（'at risk'）？",
    'days':
        '天',
    'That is the median gap (half of the gaps are shorter). The rule uses the gap that 90% of repeat purchases beat: the 0.9 quantile.':
        '这是间隔的中位数（一半的间隔比它短）。规则用的是 90% 的重复购买都短于它的那个间隔：0.9 分位数。',
    'That is the mean gap. The rule uses a quantile: the gap that 90% of repeat purchases beat.':
        '这是间隔的均值。规则用的是一个分位数：90% 的重复购买都短于它的那个间隔。',
    "That is the threshold for 'lost'. 'At risk' starts earlier: the gap that 90% of repeat purchases beat.":
        "这是判定“已流失”（'lost'）的阈值。'at risk' 开始得更早：90% 的重复购买都短于它的那个间隔。",
    "Take each customer's purchase days in order and the gaps between consecutive ones in days; the threshold is the gap that 90% of them are shorter than (the 0.9 quantile). lifecycle.default_thresholds computes it.":
        '按顺序取每位客户的购买日，以及相邻两个购买日之间相隔的天数；阈值就是 90% 的间隔都比它短的那个值（0.9 分位数）。lifecycle.default_thresholds 会算出它。',
    "What share of all the shop's customers are 'at risk' on the last day of the data? (a fraction)":
        "在数据的最后一天，这家网店的全部客户中有多大比例是有流失风险的客户（阶段为 'at risk'）？（比例）",
    'You divided by the customers who bought. The question asks for the share of all customers, prospects included.':
        '你除以的是购买过的客户。题目问的是占全部客户的比例，包括潜在客户。',
    'That is the number of customers; divide by the number of customers to get the share.':
        '这是客户人数；除以客户总数才得到占比。',
    "You counted the lost customers too. 'At risk' is one stage: silent longer than usual, but not yet lost.":
        "你把已流失客户也算进去了。'at risk' 是一个单独的阶段：沉默得比平时久，但还没有流失。",
    "Give every customer a stage on the last day of the data (lifecycle.assign_stages, with the surveys), then take the share of all customers whose stage is 'at risk'.":
        "在数据的最后一天给每位客户确定一个阶段（lifecycle.assign_stages，并传入问卷数据），然后取阶段为 'at risk' 的客户占全部客户的比例。",
    'Number of customers at each stage on 2025-06-30 (at risk after 90 days, lost after 180, surveys used).':
        '2025-06-30 这一天各阶段的客户数（90 天后为 at risk，180 天后为 lost，使用问卷数据）。',
    'stage':
        '阶段',
    "Those are the counts on the last day of the data. The question asks for 30 June 2025: pass as_of='2025-06-30'.":
        "这是数据最后一天的计数。题目问的是 2025 年 6 月 30 日：传入 as_of='2025-06-30'。",
    'Without the surveys no promoter can be found, so advocates are counted as repeat customers. Pass surveys=shop.surveys.':
        '没有问卷数据就找不到推荐者，品牌拥护者就被算成了重复购买客户。请传入 surveys=shop.surveys。',
    'You used the default thresholds. The question fixes them: at_risk_days=90, lost_days=180.':
        '你用的是默认阈值。题目给定了阈值：at_risk_days=90，lost_days=180。',
    'Give every customer a stage as of 30 June 2025 (lifecycle.assign_stages with at_risk_days=90, lost_days=180 and the surveys), then count the customers in each stage (value_counts).':
        '给每位客户确定截至 2025 年 6 月 30 日的阶段（lifecycle.assign_stages，参数 at_risk_days=90、lost_days=180，并传入问卷数据），再数出每个阶段的客户数（value_counts）。',
    "Of the customers who were 'repeat' at the end of 2024, what share were 'lost' at the end of 2025? (a fraction; default thresholds, surveys used)":
        "在 2024 年底处于 'repeat' 阶段的客户中，有多大比例在 2025 年底变成了 'lost'？（比例；默认阈值，使用问卷数据）",
    "You read the matrix down a column: that is the share of the lost who had been repeat customers. Read along the row 'repeat' instead.":
        "你是沿着矩阵的列读的：那是已流失客户中此前为重复购买客户的比例。请改为沿着 'repeat' 那一行读。",
    'That is the number of customers who moved from repeat to lost; divide by the number of repeat customers (normalize=True does it).':
        '这是从重复购买转为已流失的客户人数；除以重复购买客户的人数（normalize=True 会做这一步）。',
    'Without the surveys the advocates count as repeat customers. Pass surveys=shop.surveys.':
        '没有问卷数据，品牌拥护者就被算成重复购买客户。请传入 surveys=shop.surveys。',
    "Build the transition matrix from 31 Dec 2024 to the end of the data (lifecycle.transition_matrix, with the surveys) and read along the row of the 'repeat' customers, in the column 'lost'.":
        "建立从 2024 年 12 月 31 日到数据结束的转移矩阵（lifecycle.transition_matrix，并传入问卷数据），沿着 'repeat' 客户那一行，读 'lost' 那一列。",
    'A bar chart of the number of customers at each stage on the last day of the data.':
        '一张柱状图：数据最后一天每个阶段的客户数。',
    'Your bars show shares of the customers. The question asks for the number of customers at each stage.':
        '你的柱子显示的是客户占比。题目要的是每个阶段的客户数。',
    'Without the surveys no promoter can be found, so the advocates are drawn as repeat customers. Pass surveys=shop.surveys to assign_stages.':
        '没有问卷数据就找不到推荐者，品牌拥护者就被画成了重复购买客户。请给 assign_stages 传入 surveys=shop.surveys。',
    'Those are the stages of 30 June 2025 (exercise 02.3). This chart is about the last day of the data.':
        '这是 2025 年 6 月 30 日的阶段（练习 02.3）。这张图要的是数据最后一天。',
    'Give every customer a stage on the last day of the data (lifecycle.assign_stages with the surveys), count the customers per stage and draw one bar per stage (plots.lifecycle_funnel draws it, or .plot.bar on the counts).':
        '在数据的最后一天给每位客户确定阶段（lifecycle.assign_stages，并传入问卷数据），数出每个阶段的客户数，每个阶段画一根柱子（plots.lifecycle_funnel 可以画，或对计数用 .plot.bar）。',
    'For each outcome of the first complaint, the share of customers still buying at the end (first-time, repeat, advocate or won back).':
        '按首次投诉的每种结果，计算到最后仍在购买的客户占比（首次购买、重复购买、品牌拥护者或赢回客户）。',
    'complaint outcome':
        '投诉结果',
    'Those are numbers of customers; the question asks for shares: take the mean of the True/False column per outcome.':
        '这些是客户人数；题目问的是占比：按每种结果取 True/False 列的均值。',
    'Those are the shares NOT buying any more (at risk or lost). The question asks for the share still buying.':
        '这些是不再购买的占比（at risk 或 lost）。题目问的是仍在购买的占比。',
    "Take each customer's first complaint outcome (lifecycle.complaint_outcomes), join the stage on the last day, mark the stages first-time, repeat, advocate and won back as still buying, and average that True/False column per outcome.":
        '取每位客户首次投诉的结果（lifecycle.complaint_outcomes），连接上最后一天的阶段，把 first-time、repeat、advocate 和 won back 这几个阶段标记为仍在购买，再按结果求这个 True/False 列的均值。',
    'A customer bought twice, 200 days apart, the second time last week (at risk after 137 days, lost after 295). Which stage?':
        '一位客户购买过两次，相隔 200 天，第二次是在上周（137 天后为 at risk，295 天后为 lost）。他处于哪个阶段？',
    'Repeat customers buy again within the usual gap; this customer was silent for 200 days first.':
        '重复购买客户会在通常的间隔内再次购买；这位客户先沉默了 200 天。',
    'Yes: active again after a silence longer than the at-risk threshold — won back.':
        '对：在沉默时间超过 at risk 阈值之后又重新活跃——赢回客户。',
    'At risk looks at the silence *since the last purchase*, which is one week.':
        'at risk 看的是*自最近一次购买以来*的沉默时间，这里只有一周。',
    'First-time means exactly one purchase; this customer has two.':
        '首次购买客户指恰好购买过一次；这位客户购买过两次。',
    'What would you do for at-risk customers, and for lost ones? Why rank the at-risk list by spend?':
        '对有流失风险的客户你会做什么？对已流失客户呢？为什么要按消费额给有流失风险的客户名单排序？',
    'value':
        '价值',
    'contact':
        '联系',
    'cost':
        '成本',
    # custlearn/exercises/lesson03.py
    "The shop's CSAT as a top-2-box percentage: the share of overall_satisfaction answers of 4 or 5, in percent (0-100).":
        '这家网店以最高两档占比表示的顾客满意度得分（CSAT）：overall_satisfaction 中回答 4 或 5 的比例，用百分数表示（0-100）。',
    'That is the mean score on the 1-5 scale. The top-2-box CSAT is the percentage of answers of 4 or 5.':
        '这是 1-5 分制的平均分。最高两档占比的 CSAT 是回答 4 或 5 的百分比。',
    'That is the top-1-box share (only the 5s). Top-2-box counts the 4s and the 5s.':
        '这是最高一档（top-1-box）的占比（只有 5 分）。最高两档要同时数 4 分和 5 分。',
    'You counted 3, 4 and 5 (top-3-box). A 3 is neutral: count only 4 and 5.':
        '你数了 3、4 和 5（最高三档，top-3-box）。3 分是中立：只数 4 和 5。',
    'That is the number of satisfied respondents; divide by all respondents and multiply by 100.':
        '这是满意的受访者人数；除以全部受访者再乘以 100。',
    'Mark the answers of 4 or 5 (overall_satisfaction >= 4), take the mean of that True/False column (the share) and multiply by 100; satisfaction.csat does it.':
        '标出回答为 4 或 5 的（overall_satisfaction >= 4），取这个 True/False 列的均值（占比）再乘以 100；satisfaction.csat 会做这些。',
    'For each survey year, the share (a fraction) of overall_satisfaction answers of 4 or 5. A Series indexed by year.':
        '每个调查年份中，overall_satisfaction 回答为 4 或 5 的占比（比例）。一个以年份为索引的 Series。',
    'Those are percentages; the question asks for fractions between 0 and 1. Divide by 100.':
        '这些是百分数；题目要的是 0 到 1 之间的比例。请除以 100。',
    'Those are mean scores. Take the mean of the True/False column (score >= 4) instead: that is the share.':
        '这些是平均分。请改为取 True/False 列（score >= 4）的均值：那才是占比。',
    'Those are numbers of satisfied respondents; the question asks for shares: use .mean() of (score >= 4), not .sum().':
        '这些是满意的受访者人数；题目问的是占比：用 (score >= 4) 的 .mean()，而不是 .sum()。',
    'Mark the answers of 4 or 5 (overall_satisfaction >= 4), group that True/False column by the year of survey_date (.dt.year) and take the mean in each year: the share of satisfied answers.':
        '标出回答为 4 或 5 的（overall_satisfaction >= 4），按 survey_date 的年份（.dt.year）对这个 True/False 列分组，并在每年内取均值：即满意回答的占比。',
    'The upper end of the 95% Wilson interval for the top-2-box share of the 2025 survey answers (a fraction).':
        '2025 年问卷回答中最高两档占比的 95% Wilson 置信区间的上限（比例）。',
    'You used the answers of both years. Keep only the surveys of 2025 (survey_date.dt.year == 2025).':
        '你用了两年的回答。只保留 2025 年的问卷（survey_date.dt.year == 2025）。',
    'That is the 90% interval; use confidence=0.95.':
        '这是 90% 置信区间；请用 confidence=0.95。',
    'That is the lower end of the interval; the question asks for the upper end.':
        '这是置信区间的下限；题目问的是上限。',
    "That is the upper end of the normal (Wald) interval, p + 1.96 x standard error. The question asks for Wilson's interval, which stays honest near 0 and 1: satisfaction.proportion_ci.":
        '这是正态（Wald）区间的上限，即 p + 1.96 x 标准误。题目问的是 Wilson 区间，它在接近 0 和 1 时仍然可靠：satisfaction.proportion_ci。',
    'Keep the 2025 answers; count them (n) and how many are 4 or 5 (the successes); the Wilson interval of that share is satisfaction.proportion_ci(successes, n): take its upper end.':
        '保留 2025 年的回答；数出回答数（n）以及其中 4 或 5 分的个数（成功数）；这个占比的 Wilson 区间就是 satisfaction.proportion_ci(successes, n)：取它的上限。',
    "The shop wants each quarter's top-2-box share known to within ±5 percentage points at 95% confidence. Planning with a share of 50%, how many completed answers does a quarter need?":
        '这家网店希望在 95% 置信水平下，把每个季度的最高两档占比的误差范围控制在 ±5 个百分点以内。按占比 50% 来规划，一个季度需要多少份完整回答？',
    'respondents':
        '位受访者',
    'Round UP to a whole respondent: with fewer, the margin would be slightly wider than 5 points.':
        '向上取整到整数个受访者：少一个，误差范围就会比 5 个百分点略宽。',
    'That is the number for 90% confidence; the question asks for 95%.':
        '这是 90% 置信水平下的数量；题目要的是 95%。',
    'That is the number for ±3 points; the question asks for ±5 points (margin=0.05).':
        '这是 ±3 个百分点的数量；题目要的是 ±5 个百分点（margin=0.05）。',
    'The margin of a share is z x sqrt(p(1 - p) / n); solve it for n with z = 1.96 (95%), p = 0.5 and a margin of 0.05, and round up to a whole respondent (satisfaction.required_sample_size).':
        '占比的误差范围是 z x sqrt(p(1 - p) / n)；取 z = 1.96（95%）、p = 0.5、误差范围 0.05，解出 n，再向上取整到整数个受访者（satisfaction.required_sample_size）。',
    'The SERVQUAL gap (mean perception minus mean expectation) of each of the five dimensions. A Series indexed by dimension.':
        '五个维度各自的 SERVQUAL 差距（感知均值减去期望均值）。一个以维度为索引的 Series。',
    'dimension':
        '维度',
    "The signs are reversed: you computed expectation minus perception. SERVQUAL's gap is perception minus expectation, so a shortfall is negative.":
        '符号反了：你算的是期望减去感知。SERVQUAL 的差距是感知减去期望，所以不足时为负数。',
    'Those are the mean perceptions; subtract the mean expectations to get the gaps.':
        '这些是感知均值；减去期望均值才得到差距。',
    'Those are the mean expectations; the gap is the mean perception minus the mean expectation.':
        '这些是期望均值；差距是感知均值减去期望均值。',
    'For each dimension, average its perception items and its expectation items over the answers, then subtract: perception minus expectation (satisfaction.servqual_gaps lays it out).':
        '对每个维度，把它的感知题项和期望题项分别在所有回答上求平均，再相减：感知减去期望（satisfaction.servqual_gaps 会把它列出来）。',
    "Cronbach's alpha of the three reliability perception items (per_reliability_1 to _3).":
        "三个可靠性感知题项（per_reliability_1 至 _3）的克朗巴哈系数（Cronbach's alpha）。",
    'That is the alpha of the expectation items. Use the perception items, whose names start with per_reliability_.':
        '这是期望题项的系数。请用感知题项，它们的名称以 per_reliability_ 开头。',
    "You used all fifteen perception items. Select only the three reliability items: surveys.filter(regex='^per_reliability_').":
        "你用了全部十五个感知题项。只选三个可靠性题项：surveys.filter(regex='^per_reliability_')。",
    "Select the three items whose names start with per_reliability_ and compute Cronbach's alpha of those three columns together (satisfaction.cronbach_alpha).":
        '选出名称以 per_reliability_ 开头的三个题项，把这三列放在一起计算克朗巴哈系数（satisfaction.cronbach_alpha）。',
    "The standardised regression weight of each dimension's perception score on overall_satisfaction (driver analysis). A Series indexed by dimension.":
        '每个维度的感知得分对 overall_satisfaction 的标准化回归权重（驱动因素分析）。一个以维度为索引的 Series。',
    'driver':
        '驱动因素',
    'Those are the correlations. The question asks for the standardised weights, which separate the effect of each dimension from the others.':
        '这些是相关系数。题目问的是标准化权重，它能把每个维度的作用与其他维度分开。',
    "You used the gap scores as drivers. Use the perception scores: satisfaction.servqual_scores(surveys) (kind='perception', the default).":
        "你用差距得分作为驱动因素。请用感知得分：satisfaction.servqual_scores(surveys)（kind='perception'，默认值）。",
    'Score each dimension from its perception items (satisfaction.servqual_scores), then regress overall_satisfaction on the five scores with standardised variables (satisfaction.driver_analysis) and take the standardised weights.':
        '用每个维度的感知题项给它打分（satisfaction.servqual_scores），再用标准化变量把 overall_satisfaction 对这五个得分做回归（satisfaction.driver_analysis），取标准化权重。',
    "The importance-performance grid: each dimension's importance (standardised weight) against its performance (mean perception score), with a title and labelled axes.":
        '重要性-绩效分析图：每个维度的重要性（标准化权重）对其绩效（感知平均分），带标题和坐标轴标签。',
    'Your points have importance across (x) and performance up (y). The grid puts performance on the x axis and importance on the y axis, so that the quadrants read as Martilla and James named them.':
        '你的点把重要性放在横轴（x）、绩效放在纵轴（y）。这张图要把绩效放在 x 轴、重要性放在 y 轴，这样四个象限才与 Martilla 和 James 的命名一致。',
    "Your importance is the correlation with overall satisfaction. Use the standardised weights of the driver analysis, which separate each dimension's effect.":
        '你的重要性是与总体满意度的相关系数。请用驱动因素分析的标准化权重，它能把每个维度的作用分开。',
    "Your performance is the SERVQUAL gap. The grid uses the mean perception score (servqual_scores with kind='perception', the default).":
        "你的绩效是 SERVQUAL 差距。这张图用的是感知平均分（servqual_scores 加 kind='perception'，默认值）。",
    'Your performance is the mean expectation. Use the mean perception: how the service was experienced, not what was expected.':
        '你的绩效是期望均值。请用感知均值：服务实际给人的感受，而不是事先的期望。',
    'Put each dimension at x = its mean perception score and y = its standardised weight from the driver analysis (satisfaction.importance_performance builds the table; plots.importance_performance_chart draws it), with ax.scatter.':
        '把每个维度画在 x = 感知平均分、y = 驱动因素分析的标准化权重的位置上（satisfaction.importance_performance 生成这张表；plots.importance_performance_chart 画出它），用 ax.scatter。',
    'The shop can improve one dimension this year. Which should it choose?':
        '这家网店今年可以改进一个维度。它应该选哪一个？',
    'Yes: reliability matters most and performs below average (Concentrate here), and it has the largest SERVQUAL shortfall.':
        '对：可靠性最重要，而表现低于平均（重点改进区），它的 SERVQUAL 不足也最大。',
    'Tangibles already exceed expectations and move satisfaction least: more spending there is possible overkill.':
        '有形性已经超出期望，对满意度的影响也最小：在那里再投入可能是过度投入。',
    'Empathy performs a little below average but matters less than reliability or responsiveness: low priority.':
        '移情性的表现略低于平均，但不如可靠性或响应性重要：低优先。',
    'Assurance performs above average and matters less than the top two: keep it, do not prioritise it.':
        '保证性的表现高于平均，重要性不及前两名：保持即可，不必优先。',
    "Write a short note to the shop's manager: what the satisfaction survey says, how sure we are, and what to do first.":
        '给网店经理写一段简短的说明：满意度问卷说明了什么，我们有多大把握，首先应该做什么。',
    'reliability':
        '可靠性',
    'interval':
        '区间',
    'responsiveness':
        '响应性',
    'The weight of each touch point in overall satisfaction: the five touch-point ratings (the columns starting with rating_) in one regression of overall_satisfaction, in satisfaction points per rating point. A Series indexed by touch point.':
        '每个接触点在总体满意度中的权重：把五个接触点评分（以 rating_ 开头的列）放进同一个 overall_satisfaction 回归，单位为每个评分点对应的满意度分数。一个以接触点为索引的 Series。',
    'touch point':
        '接触点',
    'Those are the raw correlations with overall satisfaction. Customers who like one step of the journey like the others too (a halo), so every correlation looks strong. Put all five ratings in one regression: satisfaction.touch_point_importance.':
        '这些是与总体满意度的原始相关系数。喜欢旅程中某一步的顾客通常也喜欢其他步骤（光环效应），所以每个相关系数看起来都很强。请把五个评分放进同一个回归：satisfaction.touch_point_importance。',
    'You fitted each touch point on its own: its slope takes the credit of the other steps that move with it. Fit the five ratings together, so that each weight holds the others fixed.':
        '你对每个接触点单独拟合：它的斜率把随它一起变化的其他步骤的功劳也算上了。请把五个评分放在一起拟合，这样每个权重都是在其他评分不变时的作用。',
    'Those are standardised weights (in standard deviations). The question asks for the weights in rating points: the column weight of satisfaction.touch_point_importance.':
        '这些是标准化权重（以标准差为单位）。题目要的是以评分点为单位的权重：satisfaction.touch_point_importance 的 weight 列。',
    'Regress overall_satisfaction on the five rating_ columns together (review_rating_seen is not a touch point) and take one coefficient per touch point: satisfaction.touch_point_importance(surveys) does it; its column weight is the answer.':
        '把 overall_satisfaction 对五个 rating_ 列一起做回归（review_rating_seen 不是接触点），每个接触点取一个系数：satisfaction.touch_point_importance(surveys) 会做这件事；它的 weight 列就是答案。',
    "If every customer's delivery rating fell by half a point on average, by how many percentage points would the top-2-box share of overall satisfaction change, as the penalty-reward what-if predicts? (A fall is negative.)":
        '如果每位顾客的配送评分平均下降半分，按惩罚-奖励假设分析的预测，总体满意度的最高两档占比会变化多少个百分点？（下降为负数。）',
    "That is the straight-line model (model='linear'): it gives every step the same weight and misses the asymmetry. Use the penalty-reward model, the default of satisfaction.what_if.":
        "这是直线模型（model='linear'）：它给每一步相同的权重，忽略了不对称性。请用惩罚-奖励模型，即 satisfaction.what_if 的默认模型。",
    "That is the gain of a rise of half a point with a minus sign. A fall is not a rise in reverse: a low rating can cost more than a high one earns. Predict the fall itself: changes={'rating_delivery': -0.5}.":
        "这是上升半分带来的增益加上负号。下降不是反过来的上升：一个低分造成的损失可能比一个高分带来的收益更大。请直接预测下降：changes={'rating_delivery': -0.5}。",
    "That is the predicted top-2-box share after the fall; the question asks for the change: the row 'change' of satisfaction.what_if.":
        "这是下降后预测的最高两档占比；题目问的是变化量：satisfaction.what_if 中 'change' 那一行。",
    "That is the change of the mean score (statistic='mean'). The question asks for the top-2-box share, in percentage points.":
        "这是平均分的变化（statistic='mean'）。题目问的是最高两档占比，以百分点表示。",
    "Predict the top-2-box share with every delivery rating half a point lower: satisfaction.what_if(surveys, {'rating_delivery': -0.5}) fits the penalty-reward model; take the estimate in its row 'change' (negative for a loss).":
        "预测每个配送评分都低半分时的最高两档占比：satisfaction.what_if(surveys, {'rating_delivery': -0.5}) 拟合惩罚-奖励模型；取它 'change' 那一行的估计值（损失为负数）。",
    'At the same perceived performance (the mean of the five touch-point ratings), by how much does overall satisfaction change for one point more of prior expectation? Give the coefficient (satisfaction points per point of expectation).':
        '在感知绩效相同（五个接触点评分的平均值）的情况下，事先期望每高 1 分，总体满意度变化多少？请给出系数（每 1 分期望对应的满意度分数）。',
    'That is the slope of overall satisfaction on the prior expectation alone: it does not hold performance fixed. Regress on performance and expectation together (satisfaction.expectation_effect).':
        '这是总体满意度只对事先期望回归的斜率：它没有固定绩效。请对绩效和期望一起回归（satisfaction.expectation_effect）。',
    "That is the expectation's coefficient in the disconfirmation form (performance minus expectation, and expectation), where it means something else. Use the performance form, form='performance' (the default).":
        "这是期望在“不一致”形式（绩效减期望，以及期望）中的系数，在那里它的含义不同。请用绩效形式，form='performance'（默认值）。",
    'That is the weight of performance. The question asks for the coefficient of the prior expectation.':
        '这是绩效的权重。题目问的是事先期望的系数。',
    'That is the difference in mean satisfaction between the customers who expected much (4-5) and little (1-2): performance is not held fixed, and it is not per point of expectation. Use a regression on both.':
        '这是期望较高（4-5）与期望较低（1-2）的顾客之间平均满意度的差：没有固定绩效，也不是按每 1 分期望计算的。请用同时包含两者的回归。',
    "Compute each respondent's perceived performance as the mean of the five rating_ columns, then regress overall_satisfaction on performance and prior_expectation together and take the coefficient of the expectation (satisfaction.expectation_effect does it).":
        '把每位受访者五个 rating_ 列的平均值算作其感知绩效，然后把 overall_satisfaction 对绩效和 prior_expectation 一起回归，取期望的系数（satisfaction.expectation_effect 会做这件事）。',
    'The shop can fund one project on its customer journey this year. Which should come first?':
        '这家网店今年可以在顾客旅程上资助一个项目。哪一个应该排在第一？',
    'Yes: delivery weighs most, and a rise of its rating earns as much as any other (with service contact), while a fall of it costs the most. Invest there first.':
        '对：配送的权重最大，它的评分上升带来的收益不亚于其他任何一项（与服务联系相当），而它的评分下降造成的损失最大。先在这里投入。',
    'Returns is a basic factor: a low rating costs, but a high one earns almost nothing, so raising its rating gains hardly anything. Keep returns from failing; do not make it the first investment.':
        '退货是一个基本因素：低分会造成损失，但高分几乎带不来收益，所以提高它的评分几乎得不到什么。不让退货出问题即可；不要把它作为第一项投资。',
    'Service contact is a delighter that earns about as much as delivery when it rises, but delivery also costs the most when it falls and weighs most overall. A good second project.':
        '服务联系是一个兴奋因素，评分上升时带来的收益与配送相当，但配送下降时的损失也最大，总体权重也最大。适合作为第二个项目。',
    "Customers who want easy ordering weigh delivery at least as much as the website or app, and a rise of the website or app earns about half of delivery's. Not first.":
        '想要便捷下单的顾客对配送的重视至少与网站或 App 相当，而网站或 App 评分上升带来的收益只有配送的一半左右。不是第一选择。',
    # custlearn/exercises/lesson04.py
    'discount':
        '有折扣',
    'no discount':
        '无折扣',
    'What share of buyers made a second purchase within 180 days of their first one (customers who joined at least 180 days before the end of the data)? (a fraction)':
        '在购买过的客户中（加入时间距数据结束至少 180 天），有多大比例在首次购买后 180 天内进行了第二次购买？（比例）',
    'That is the repeat rate over the whole data, with no window: it flatters customers who joined early. Count only a second purchase within 180 days, among customers who joined at least 180 days before the end (within_days and as_of).':
        '这是整个数据期间的重复购买率，没有时间窗口：它偏向于较早加入的客户。只数首次购买后 180 天内的第二次购买，且只算加入时间距数据结束至少 180 天的客户（within_days 和 as_of）。',
    'You used a 90-day window. The question asks for a second purchase within 180 days of the first.':
        '你用的是 90 天的窗口。题目问的是首次购买后 180 天内的第二次购买。',
    'You used a 365-day window. The question asks for a second purchase within 180 days of the first.':
        '你用的是 365 天的窗口。题目问的是首次购买后 180 天内的第二次购买。',
    'That is the number of repeat buyers; divide by the number of eligible buyers to get the share.':
        '这是重复购买的客户人数；除以符合条件的购买客户人数才得到占比。',
    'Among the buyers whose first purchase was at least 180 days before the end of the data, count those with a second purchase within 180 days of the first and divide by them (loyalty.repeat_purchase_rate, with within_days and as_of).':
        '在首次购买距数据结束至少 180 天的购买客户中，数出首次购买后 180 天内有第二次购买的人数，再除以这些客户的人数（loyalty.repeat_purchase_rate，参数 within_days 和 as_of）。',
    'The monthly churn rate for each month of 2025: of the customers active in the previous month, the share who did not buy this month. A Series indexed by month.':
        '2025 年每个月的月度客户流失率：在上个月活跃的客户中，本月没有购买的比例。一个以月份为索引的 Series。',
    'Those are the retention rates; churn is 1 - retention (the share who did NOT buy again).':
        '这些是客户保持率；客户流失率是 1 - 保持率（没有再次购买的比例）。',
    'Those are numbers of customers; the question asks for the churn rate, a share.':
        '这些是客户人数；题目问的是客户流失率，一个比例。',
    'Those are the churn rates of every month of the data. Keep the twelve months of 2025.':
        '这些是数据中每个月的客户流失率。只保留 2025 年的十二个月。',
    "Those are quarterly churn rates. The question asks month by month: period 'M'.":
        "这些是季度客户流失率。题目要的是逐月计算：期间 'M'。",
    "For each month take the customers who bought in the previous month and the share of them who did not buy this month (loyalty.churn_rate with the period 'M' and as_of); keep the months of 2025.":
        "对每个月，取上个月购买过的客户，算出其中本月没有购买的比例（loyalty.churn_rate，期间 'M'，并传入 as_of）；保留 2025 年的各月。",
    "The Net Promoter Score of all the shop's survey answers, in points (-100 to 100).":
        '这家网店全部问卷回答的净推荐值（NPS），以分数表示（-100 到 100）。',
    'You counted passives (7-8) with the promoters. Promoters answer 9 or 10 only; passives count only in the denominator.':
        '你把被动者（7-8 分）和推荐者算在一起了。推荐者只包括回答 9 或 10 的；被动者只计入分母。',
    'You counted detractors as 0-5. Detractors answer 0 to 6 (Reichheld 2003): a 6 detracts.':
        '你把贬损者算成了 0-5 分。贬损者是回答 0 到 6 的（Reichheld 2003）：6 分也是贬损者。',
    'That is the share of promoters alone, in points. NPS subtracts the share of detractors (answers 0 to 6) from the share of promoters (9 and 10).':
        '这只是推荐者的占比（以分数表示）。NPS 要从推荐者（9 和 10）的占比中减去贬损者（0 到 6）的占比。',
    'That is the mean answer on the 0-10 scale. NPS counts promoters (9-10) and detractors (0-6): 100 x (share of promoters - share of detractors).':
        '这是 0-10 分制的平均回答。NPS 数的是推荐者（9-10）和贬损者（0-6）：100 x（推荐者占比 - 贬损者占比）。',
    'Classify every answer: promoters answer 9 or 10, detractors 0 to 6. The NPS is 100 x (share of promoters - share of detractors) over all answers (loyalty.nps).':
        '给每个回答分类：推荐者回答 9 或 10，贬损者回答 0 到 6。NPS 等于在全部回答上的 100 x（推荐者占比 - 贬损者占比）（loyalty.nps）。',
    'How many points either side of the NPS does the 95% interval reach, for the answers of the last quarter of 2025 only? (half the width of the interval)':
        '只用 2025 年最后一个季度的回答，NPS 的 95% 置信区间向两侧各延伸多少分？（区间宽度的一半）',
    'That is the standard error. The 95% interval reaches about 1.96 standard errors either side: (upper end - lower end) / 2.':
        '这是标准误。95% 置信区间向两侧各延伸约 1.96 个标准误：(上限 - 下限) / 2。',
    'That is the interval of all answers. Keep only the answers with survey_date in 2025 Q4: fewer answers, a wider interval.':
        '这是全部回答的置信区间。只保留 survey_date 在 2025 年第 4 季度的回答：回答更少，区间更宽。',
    'That is the whole width of the interval (upper end - lower end). The question asks how far it reaches either side: half of it.':
        '这是区间的整个宽度（上限 - 下限）。题目问的是它向每一侧延伸多远：宽度的一半。',
    'Keep the answers whose survey_date falls in the fourth quarter of 2025, compute the NPS interval of those answers (loyalty.nps_interval), and take half the distance between its ends.':
        '保留 survey_date 落在 2025 年第四季度的回答，计算这些回答的 NPS 置信区间（loyalty.nps_interval），取两个端点之间距离的一半。',
    'The Dick & Basu 2x2 table: number of surveyed customers per attitude (rows high/low) x repeat patronage (columns high/low) cell, with the default thresholds (attitude 5+, 2+ orders).':
        'Dick & Basu 2x2 表：按态度（行 high/low）x 重复惠顾（列 high/low）划分的每个单元格中被调查客户的人数，使用默认阈值（态度 5 分及以上，2 个及以上订单）。',
    'attitude level':
        '态度水平',
    'Those are shares of customers; the question asks for numbers of customers.':
        '这些是客户占比；题目问的是客户人数。',
    "You used a lower attitude threshold. The default is 5 on the 1-7 scale ('somewhat agree').":
        '你用了更低的态度阈值。默认值是 1-7 分制上的 5 分（“有点同意”）。',
    'Place every surveyed customer in a cell by attitude (high from 5 on the 1-7 scale) and repeat patronage (high from 2 orders) with loyalty.loyalty_matrix, then count the customers per cell (loyalty.loyalty_matrix_counts).':
        '用 loyalty.loyalty_matrix 按态度（1-7 分制中 5 分起为高）和重复惠顾（2 个订单起为高）把每位被调查客户放进一个单元格，再数出每个单元格的客户数（loyalty.loyalty_matrix_counts）。',
    'A line chart of the share of customers buying in each month after their first purchase, one line for discount-acquired customers and one for the others.':
        '一张折线图：首次购买后每个月仍在购买的客户占比，通过折扣获取的客户一条线，其他客户一条线。',
    'month after the first purchase':
        '首次购买后的月份',
    'Your chart has one line for all customers. Draw two: one for the customers acquired with a discount and one for the others.':
        '你的图只有一条全部客户的线。请画两条：一条是通过折扣获取的客户，一条是其他客户。',
    "You averaged the cohorts' shares, so a small late cohort weighs as much as a big early one. Pool the cohorts: at each month, add up the buyers of all cohorts old enough and divide by their customers (cohort_retention with values='count').":
        "你对各同期群的占比求了平均，这样一个较晚的小同期群和一个较早的大同期群权重相同。请把同期群合并：在每个月，把所有已足够久的同期群的购买客户加总，再除以它们的客户数（cohort_retention 加 values='count'）。",
    "Your lines count quarters after the first purchase. The question asks month by month: period 'M'.":
        "你的线数的是首次购买后的季度。题目要的是逐月计算：期间 'M'。",
    "For each group (acquired_with_discount True, then False), count the customers buying k months after their first purchase over all cohorts old enough (loyalty.cohort_retention with 'M' and values='count') and divide by those cohorts' customers, for k = 1 to 12; draw both lines on one Axes with a legend.":
        "对每一组（acquired_with_discount 为 True，然后为 False），在所有已足够久的同期群中数出首次购买后第 k 个月仍在购买的客户（loyalty.cohort_retention，参数 'M' 和 values='count'），再除以这些同期群的客户数，k = 1 到 12；把两条线画在同一个 Axes 上并加图例。",
    'Of the customers acquired with a discount whose first purchase was in 2024 Q1, what share bought in the same quarter one year later (4 quarters after the first)? (a fraction)':
        '在通过折扣获取、且首次购买在 2024 年第 1 季度的客户中，有多大比例在一年后的同一季度（首次购买后第 4 个季度）购买了？（比例）',
    "That is the share for customers acquired WITHOUT a discount. Select customers[customers['acquired_with_discount']].":
        "这是没有通过折扣获取的客户的占比。请选出 customers[customers['acquired_with_discount']]。",
    'That is the share for all customers of the cohort; keep only the discount-acquired ones.':
        '这是该同期群全部客户的占比；只保留通过折扣获取的客户。',
    'That is 3 quarters after the first purchase: column 0 is the quarter of the first purchase, so a year later is column 4.':
        '这是首次购买后第 3 个季度：第 0 列是首次购买的季度，所以一年后是第 4 列。',
    "Keep the customers acquired with a discount, build their quarterly cohort table (loyalty.cohort_retention with 'Q') and read the 2024Q1 cohort in column 4: four quarters after the first purchase.":
        "保留通过折扣获取的客户，建立他们的季度同期群表（loyalty.cohort_retention，参数 'Q'），读 2024Q1 同期群的第 4 列：首次购买后的第四个季度。",
    'The NPS went from -16 to -13 between two quarters, with about 250 answers each. What do you tell the board?':
        '两个季度之间 NPS 从 -16 变成了 -13，每个季度约 250 份回答。你会怎么向董事会汇报？',
    'A 3-point rise from 250 answers a quarter is well within sampling noise: with about 250 answers each, two surveys of the same customers differ by 3 points or more most of the time.':
        '每季度 250 份回答，上升 3 分完全在抽样噪声之内：每次约 250 份回答时，对同一批客户的两次调查在大多数情况下会相差 3 分或更多。',
    'Right: the change is smaller than the noise between two samples of this size; report the intervals and watch the trend over more quarters (or collect more answers).':
        '对：这个变化比两个同样大小的样本之间的噪声还小；请报告置信区间，并在更多季度上观察趋势（或收集更多回答）。',
    'The score rose, not fell; and a 3-point move either way is within the noise.':
        '分数是上升了，而不是下降了；而且无论朝哪个方向，3 分的变化都在噪声之内。',
    'NPS is meaningful with 250 answers; the interval is wide (about ±10 points), not useless.':
        '250 份回答的 NPS 是有意义的；置信区间很宽（约 ±10 分），但并非没有用处。',
    'A competitor launches a 20% discount. In which Dick & Basu cell are customers most likely to switch, although their purchase history makes them look loyal?':
        '一个竞争对手推出了 20% 的折扣。在 Dick & Basu 的哪个单元格中，客户虽然从购买记录看很忠诚，却最可能转投对手？',
    "True loyals buy often AND prefer us: attitude protects them against a competitor's offer.":
        '真正忠诚的客户购买频繁并且偏爱我们：态度能保护他们不受竞争对手优惠的影响。',
    'Latent loyals like us but buy little; their purchase history does not make them look loyal.':
        '潜在忠诚的客户喜欢我们但买得少；他们的购买记录看起来并不忠诚。',
    'Right: spurious loyals buy again from habit or price, without attachment; a better price elsewhere breaks the habit. Build attitude (service, personal contact) before it happens.':
        '对：虚假忠诚的客户出于习惯或价格再次购买，并没有情感依附；别处更好的价格就会打破这种习惯。请在此之前建立态度（服务、个人联系）。',
    'Customers with no loyalty may leave, but their history (few orders) does not make them look loyal.':
        '无忠诚的客户可能会离开，但他们的记录（订单很少）看起来并不忠诚。',
    "Marketing wants to repeat last year's welcome discount because 'discount customers come back just as often'. Using this lesson's results, what do you advise?":
        '市场部想重复去年的迎新折扣，理由是“折扣客户回头的次数一样多”。根据本课的结果，你会给出什么建议？',
    'cohort':
        '同期群',
    'retention':
        '保持',
    # custlearn/exercises/lesson05.py
    "What share of the shop's revenue do the top 20% of the customers who bought bring? (a fraction)":
        '在购买过的客户中，前 20% 的客户贡献了这家网店多大比例的收入？（比例）',
    'You included the customers who never bought (revenue 0), so your top 20% holds more people. Use the revenue per customer from the orders table: only buyers.':
        '你把从未购买的客户（收入为 0）也算进去了，所以你的前 20% 包含了更多的人。请用 orders 表中每位客户的收入：只算购买过的客户。',
    'You ranked customers by their number of orders. Revenue is the sum of amount per customer.':
        '你按订单数给客户排序了。收入是每位客户 amount 的总和。',
    'That is the share of the other 80% of buyers (the bottom 80%). The question asks for the share the top 20% bring.':
        '这是其余 80% 购买客户（后 80%）的占比。题目问的是前 20% 贡献的占比。',
    "Add up each buyer's order amounts, sort the buyers from largest to smallest revenue, and take the share of all revenue that the first 20% of them bring (value.pareto_table gives it as top_share).":
        '把每位购买客户的订单金额加总，按收入从大到小给购买客户排序，取前 20% 的客户贡献的收入占全部收入的比例（value.pareto_table 以 top_share 给出）。',
    'What share of total profit (after cost to serve and acquisition) do the least profitable 30% of all customers bring? (a fraction; negative if they lose money)':
        '全部客户中利润最低的 30% 贡献了总利润（扣除服务成本和获取成本后）的多大比例？（比例；如果他们亏钱，则为负数）',
    'You left out the acquisition cost. Profit per customer subtracts it too: value.customer_profit(shop) does.':
        '你漏掉了获取成本。每位客户的利润也要减去它：value.customer_profit(shop) 会这样做。',
    'You kept the margin of returned orders. A returned order loses its margin (and costs return_cost): sum the margin of orders with returned == False only.':
        '你保留了退货订单的毛利。退货的订单失去毛利（并产生 return_cost）：只加总 returned == False 的订单的 margin。',
    'You kept only the customers who bought. Customers who never bought cost their acquisition and belong at the bottom of the whale curve: use every customer.':
        '你只保留了购买过的客户。从未购买的客户产生了获取成本，应当位于鲸鱼曲线的末端：请用全部客户。',
    "Compute each customer's profit after the cost to serve and the acquisition cost (value.customer_profit), rank customers from most to least profitable and take the share of total profit that the last 30% bring (value.whale_curve gives it as bottom_share).":
        '计算每位客户扣除服务成本和获取成本后的利润（value.customer_profit），按利润从高到低给客户排序，取最后 30% 的客户贡献的利润占总利润的比例（value.whale_curve 以 bottom_share 给出）。',
    "The number of customers in each RFM segment on shop.as_of: quintile scores (bins=5) and the R package's rules in their own order (value.RFM_SEGMENT_RULES). A Series indexed by segment.":
        '在 shop.as_of 这一天，每个 RFM 细分群体中的客户数：按五分位打分（bins=5），并按 R 包规则自身的顺序（value.RFM_SEGMENT_RULES）。一个以细分群体为索引的 Series。',
    'segment':
        '细分群体',
    'You scored in quartiles (bins=4). The rules are written for scores 1-5: use bins=5.':
        '你按四分位打分（bins=4）。规则是为 1-5 分写的：请用 bins=5。',
    "You reordered the rules (as in the lesson). The question asks for the R package's own order: rfm_segments(scores) with the default rules.":
        '你调整了规则的顺序（像课上那样）。题目要的是 R 包自身的顺序：用默认规则的 rfm_segments(scores)。',
    'Compute recency, frequency and monetary value on shop.as_of (value.rfm), score each in quintiles (value.rfm_scores with bins=5), give each customer the first segment whose rule fits (value.rfm_segments) and count the customers per segment.':
        '在 shop.as_of 这一天计算最近一次购买时间、购买频率和购买金额（value.rfm），对每一项按五分位打分（value.rfm_scores 加 bins=5），给每位客户分配第一个符合其规则的细分群体（value.rfm_segments），再数出每个细分群体的客户数。',
    "A customer has RFM scores R=5, F=1, M=1. Which segment do the R package's rules, in their order, give?":
        '一位客户的 RFM 得分为 R=5、F=1、M=1。按 R 包的规则及其顺序，他属于哪个细分群体？',
    'Yes: Potential Loyalist (R 3-5, F 1-3, M 1-3) comes before New Customers in the list, and the first matching rule wins.':
        '对：Potential Loyalist（R 3-5、F 1-3、M 1-3）在列表中排在 New Customers 之前，而第一个符合的规则胜出。',
    'The scores fit New Customers (R 4-5, F 1, M 1), but an earlier rule also fits: the first matching rule wins.':
        '这些得分符合 New Customers（R 4-5、F 1、M 1），但更早的一条规则也符合：第一个符合的规则胜出。',
    'Promising needs R 3-4; this customer has R 5.':
        'Promising 要求 R 为 3-4；这位客户的 R 为 5。',
    "'Others' is only for customers no rule fits; several rules fit this one.":
        "'Others' 只用于没有任何规则符合的客户；这位客户符合好几条规则。",
    'What share of the customers who bought in 2024 bought again in 2025? (a fraction)':
        '在 2024 年购买过的客户中，有多大比例在 2025 年再次购买？（比例）',
    "You divided by the 2025 buyers. Retention starts from last year's customers: divide by the number of 2024 buyers.":
        '你除以的是 2025 年的购买客户。客户保持率从去年的客户出发：请除以 2024 年购买客户的人数。',
    'That is the share of all customers who bought in 2025. Retention looks only at the 2024 buyers: how many of them bought again in 2025?':
        '这是全部客户中在 2025 年购买过的比例。客户保持率只看 2024 年的购买客户：其中有多少人在 2025 年再次购买？',
    'Make the set of customers who bought in 2024 and the set who bought in 2025; retention is the number in both sets divided by the number of 2024 buyers.':
        '建立 2024 年购买过的客户集合和 2025 年购买过的客户集合；客户保持率是同时在两个集合中的人数除以 2024 年购买客户的人数。',
    'The Gupta-Lehmann CLV m·r/(1+i−r) in USD with r from 05.5, i = 10% a year and m = the mean 2025 profit after cost to serve (no acquisition cost) per customer who bought in 2025.':
        'Gupta-Lehmann 客户终身价值 m·r/(1+i−r)，单位美元，其中 r 取自 05.5，i = 每年 10%，m = 2025 年购买过的客户每人在 2025 年扣除服务成本后（不含获取成本）的平均利润。',
    'Your m is the gross margin of all 2025 orders. After cost to serve, returned orders lose their margin and return and ticket costs are subtracted: value.customer_profit on the 2025 orders and tickets, with acquisition_cost set to 0.':
        '你的 m 是 2025 年全部订单的毛利。扣除服务成本时，退货订单失去毛利，还要减去退货和工单成本：对 2025 年的订单和工单使用 value.customer_profit，并把 acquisition_cost 设为 0。',
    'Your m leaves out the service tickets. The cost to serve includes the handling cost of the 2025 tickets: pass them to value.customer_profit too.':
        '你的 m 漏掉了服务工单。服务成本包括 2025 年工单的处理成本：也把它们传给 value.customer_profit。',
    'You used i = 10 (percent). Rates are shares: i = 0.10.':
        '你用了 i = 10（百分数）。比率是比例：i = 0.10。',
    "You computed m / (1 + i − r). Gupta and Lehmann's formula has r in the numerator: m · r / (1 + i − r) (the first margin comes after one retention).":
        '你算的是 m / (1 + i − r)。Gupta 和 Lehmann 的公式分子上有 r：m · r / (1 + i − r)（第一笔毛利出现在一次保持之后）。',
    'm is the mean 2025 profit of a 2025 buyer after returns and service tickets (value.customer_profit on the 2025 orders and tickets, with acquisition_cost set to 0), r the retention of 05.5 and i = 0.10; the CLV is m x r / (1 + i - r) (value.clv_simple).':
        'm 是 2025 年购买客户在扣除退货和服务工单后的 2025 年平均利润（对 2025 年的订单和工单使用 value.customer_profit，acquisition_cost 设为 0），r 是 05.5 的客户保持率，i = 0.10；客户终身价值为 m x r / (1 + i - r)（value.clv_simple）。',
    "Fit BG/NBD on the weekly summary (value.clv_summary(..., time_unit='weeks')). What is the mean purchase rate r/alpha of an alive customer, in purchases per week?":
        "在按周汇总的数据上拟合 BG/NBD（value.clv_summary(..., time_unit='weeks')）。一位仍然活跃的客户的平均购买率 r/alpha 是多少（每周购买次数）？",
    'purchases per week':
        '次购买/周',
    "That is a rate per day: your summary was in days. Use time_unit='weeks', or multiply a daily rate by 7.":
        "这是每天的购买率：你的汇总是按天的。请用 time_unit='weeks'，或者把每天的购买率乘以 7。",
    'That is a rate per year; the question asks per week.':
        '这是每年的购买率；题目问的是每周。',
    'That is a / (a + b), the mean chance of dropping out. The purchase rate is r / alpha.':
        '这是 a / (a + b)，即平均流失概率。购买率是 r / alpha。',
    "Summarise the orders per customer in weeks (value.clv_summary with time_unit='weeks'), fit BG/NBD to it (value.BetaGeo().fit) and divide the fitted parameter r by alpha.":
        "按周汇总每位客户的订单（value.clv_summary 加 time_unit='weeks'），用它拟合 BG/NBD（value.BetaGeo().fit），再用拟合得到的参数 r 除以 alpha。",
    "Spearman rank correlation between the predicted 12-month value (value.clv, months=12, discount_rate=0) of the buyers and their true future_value (datasets.truth('shop')).":
        "购买客户预测的 12 个月价值（value.clv，months=12，discount_rate=0）与其真实的 future_value（datasets.truth('shop')）之间的 Spearman 秩相关系数。",
    "That is the Pearson correlation of the values. Ranking is the question: use .corr(..., method='spearman').":
        "这是数值的 Pearson 相关系数。题目问的是排名：用 .corr(..., method='spearman')。",
    "You correlated past spend, not the model's prediction, with the truth. Use the clv column of value.clv(...).":
        '你把过去的消费额（而不是模型的预测）与真实值做了相关。请用 value.clv(...) 的 clv 列。',
    "Predict each buyer's value over 12 months without discounting (value.clv with BG/NBD and Gamma-Gamma fitted to the weekly summary), line it up with the truth's future_value of the same customers and take the rank (Spearman) correlation.":
        '预测每位购买客户 12 个月不折现的价值（value.clv，BG/NBD 和 Gamma-Gamma 用按周汇总的数据拟合），与同一批客户真实的 future_value 对齐，计算秩（Spearman）相关系数。',
    'Per acquisition channel: mean acquisition_cost and mean 3-year CLV (value.clv, months=36, 10% a year), over all acquired customers (non-buyers count with CLV 0). Columns acquisition_cost, clv.':
        '按获客渠道：全部获取的客户（未购买的客户按客户终身价值 0 计）的平均 acquisition_cost 和平均 3 年客户终身价值（value.clv，months=36，每年 10%）。列为 acquisition_cost、clv。',
    "You discounted at 10% per month (the default rate_per='month'): 214% a year. Pass rate_per='year'.":
        "你按每月 10% 折现了（默认 rate_per='month'）：相当于每年 214%。请传入 rate_per='year'。",
    "You did not discount the future value. Money next year is worth less than today: discount_rate=0.10 with rate_per='year'.":
        "你没有对未来价值折现。明年的钱不如今天的钱值钱：discount_rate=0.10 加 rate_per='year'。",
    'You averaged over the buyers only. The channel also paid for the customers who never bought: count them with CLV 0 (reindex(..., fill_value=0)).':
        '你只对购买客户求了平均。渠道也为从未购买的客户付了费：把他们按客户终身价值 0 计入（reindex(..., fill_value=0)）。',
    "Predict each customer's 3-year value discounted at 10% a year (value.clv with months=36, discount_rate=0.10 and rate_per='year'); give customers who never bought a value of 0; then average the acquisition cost and the value per acquisition channel.":
        "预测每位客户按每年 10% 折现的 3 年价值（value.clv，months=36、discount_rate=0.10、rate_per='year'）；从未购买的客户价值记为 0；然后按获客渠道计算获取成本和价值的平均值。",
    "The whale curve of 05.2's profit (after the cost to serve and the acquisition cost), with a title and labelled axes.":
        '05.2 中利润（扣除服务成本和获取成本后）的鲸鱼曲线，带标题和坐标轴标签。',
    'share of customers':
        '客户占比',
    'Your curve adds up revenue. The whale curve adds up profit (value.customer_profit: after the cost to serve and the acquisition cost): it climbs above 100% and then falls back.':
        '你的曲线累加的是收入。鲸鱼曲线累加的是利润（value.customer_profit：扣除服务成本和获取成本后）：它会爬升到 100% 以上，然后回落。',
    'Your curve starts with the least profitable customers. Rank them the other way: most profitable first, so the curve climbs, peaks and falls back.':
        '你的曲线从利润最低的客户开始。请反过来排序：最赚钱的在前，这样曲线才会爬升、达到峰值、再回落。',
    "Your profit leaves out the acquisition cost. The question's profit subtracts it too: value.customer_profit(shop) does.":
        '你的利润漏掉了获取成本。题目中的利润也要减去它：value.customer_profit(shop) 会这样做。',
    'You kept only the customers who bought. Those who never bought cost their acquisition and belong at the right end of the curve: use every customer.':
        '你只保留了购买过的客户。从未购买的客户产生了获取成本，应当位于曲线的右端：请用全部客户。',
    "Compute each customer's profit (value.customer_profit), rank customers from most to least profitable and draw the running total of profit, as a share of total profit, against the share of customers (value.whale_curve gives the table; plots.whale_chart draws it).":
        '计算每位客户的利润（value.customer_profit），按利润从高到低给客户排序，把利润的累计值（占总利润的比例）画在客户占比上（value.whale_curve 给出这张表；plots.whale_chart 画出它）。',
    "Where would you spend next year's acquisition budget, and what would you do about the least profitable 30% of customers? Use your answers above.":
        '你会把明年的获客预算花在哪里？对利润最低的 30% 客户你会怎么做？请利用你上面的答案。',
    'acquisition cost':
        '获取成本',
    'lifetime value':
        '终身价值',
    'cost to serve':
        '服务成本',
    "Cluster the buyers' RFM table (value.rfm on shop.as_of) with k-means, k = 4, after log(1 + x) and standardisation (value.cluster_customers does both). What is the silhouette of the clustering?":
        '对购买客户的 RFM 表（在 shop.as_of 这一天的 value.rfm）做 K 均值聚类，k = 4，先做 log(1 + x) 再标准化（value.cluster_customers 会做这两步）。聚类的轮廓系数是多少？',
    'You clustered the raw numbers (log=False, scale=False). In raw units spend, in dollars, decides alone and a few big spenders get clusters of their own; a silhouette in raw units cannot be compared with one in scaled units. Keep the defaults log=True, scale=True.':
        '你对原始数值做了聚类（log=False，scale=False）。在原始单位下，以美元计的消费额单独决定了结果，少数大额消费者各自成了一个簇；原始单位下的轮廓系数也无法与标准化后的相比。请保留默认值 log=True、scale=True。',
    'You took logs but did not standardise (scale=False): the measures keep different spreads, so one counts more than the others in the distance. Standardise after the log (scale=True).':
        '你取了对数但没有标准化（scale=False）：各指标的离散程度不同，于是其中一个在距离中占的分量更大。请在取对数之后标准化（scale=True）。',
    'You standardised the raw, skewed numbers without taking logs (log=False): the few customers who spend many times the median stay far out and k-means spends clusters on them. Take log(1 + x) first (log=True).':
        '你对原始的偏态数值做了标准化，但没有取对数（log=False）：少数消费额是中位数许多倍的客户仍然离得很远，K 均值会把簇浪费在他们身上。请先取 log(1 + x)（log=True）。',
    "That is the silhouette of k = 2, the k the silhouette prefers. The question asks for k = 4: pass k=4 (the silhouette of k = 4 is in k_scores.loc[4, 'silhouette']).":
        "这是 k = 2 的轮廓系数，也就是轮廓系数偏好的 k。题目问的是 k = 4：传入 k=4（k = 4 的轮廓系数在 k_scores.loc[4, 'silhouette'] 中）。",
    "Make the RFM table of the buyers (value.rfm(shop.orders, shop.as_of)), cluster it with value.cluster_customers(table, k=4) and read the silhouette from the result's k_scores.":
        '建立购买客户的 RFM 表（value.rfm(shop.orders, shop.as_of)），用 value.cluster_customers(table, k=4) 聚类，从结果的 k_scores 中读出轮廓系数。',
    'The silhouette is highest at k = 2, the elbow bends at k = 4, and bootstrap samples give other clusters for k = 3 and 5 but the same for k = 2 and 4. Which k do you choose for the shop?':
        '轮廓系数在 k = 2 时最高，肘部在 k = 4 处弯折，自助法样本在 k = 3 和 5 时给出不同的簇，而在 k = 2 和 4 时给出相同的簇。你会为这家网店选哪个 k？',
    'The silhouette is one test among several. Two clusters only split the good customers from the rest, which the RFM segments already do: they fail the business test (can each cluster be named and treated differently?).':
        '轮廓系数只是几项检验之一。两个簇只是把好客户和其他客户分开，RFM 细分已经做到了这一点：它们通不过业务检验（每个簇能否被命名并区别对待？）。',
    'k = 4 is right, but not because of the elbow: the bend is read by eye and is often unclear, so the elbow alone is no reason. Choose k by stability and the business test, with the silhouette and the elbow as hints.':
        'k = 4 是对的，但理由不是肘部：弯折是靠肉眼读的，常常不清楚，所以单凭肘部不能作为理由。请根据稳定性和业务检验来选 k，轮廓系数和肘部只作参考。',
    'Yes: k = 4 is stable (the same clusters from other starts and on bootstrap samples), second on the silhouette, and its four clusters can each be named and given their own treatment.':
        '对：k = 4 是稳定的（从其他起点出发以及在自助法样本上得到相同的簇），轮廓系数排第二，而且它的四个簇都可以命名并给予各自的对待。',
    'The inertia always falls as k grows (it is 0 with one customer per cluster), so the lowest inertia is no criterion.':
        '惯性总是随着 k 的增大而下降（每个簇一位客户时为 0），所以最低的惯性不是标准。',
    "With the four clusters of 05.12: which cluster (give its number) has the second-highest mean true future value (future_value in datasets.truth('shop'))?":
        "用 05.12 的四个簇：哪个簇（给出它的编号）的真实未来价值均值（datasets.truth('shop') 中的 future_value）第二高？",
    'Cluster numbers are not ranks of future value: cluster_customers numbers the clusters by their mean past spend (monetary), highest first. Compute the mean future_value per cluster and sort it.':
        '簇的编号不是未来价值的排名：cluster_customers 按各簇过去消费额（monetary）的均值编号，最高的在前。请计算每个簇的 future_value 均值并排序。',
    'That is the cluster with the highest mean future value; the question asks for the second-highest.':
        '这是未来价值均值最高的簇；题目问的是第二高的。',
    "Line up each buyer's cluster (clusters.labels) with the truth's future_value of the same customer, average it per cluster, sort from highest to lowest and give the number of the second cluster.":
        '把每位购买客户所在的簇（clusters.labels）与同一位客户真实的 future_value 对齐，按簇求平均，从高到低排序，给出第二个簇的编号。',
    'Split the orders into a calibration period (up to 2024-12-31) and a holdout period (2025, up to shop.as_of). How many purchases did the customers who bought in 2024 make in the holdout, counted as the BG/NBD model counts them (purchase days)?':
        '把订单分成校准期（到 2024-12-31 为止）和验证期（2025 年，到 shop.as_of 为止）。2024 年购买过的客户在验证期内进行了多少次购买（按 BG/NBD 模型的计法，即购买日）？',
    'purchase days':
        '个购买日',
    'You counted order rows. BG/NBD counts purchase days: several orders of one customer on one day are one purchase. Count distinct (customer, day) pairs, or sum frequency_holdout of value.calibration_holdout.':
        '你数的是订单行数。BG/NBD 数的是购买日：同一位客户在同一天的多个订单算一次购买。请数不同的（客户，日期）对，或加总 value.calibration_holdout 的 frequency_holdout。',
    'You counted every order row of 2025, those of customers who first bought in 2025 included. The check is about the 2024 cohort only, and in purchase days: value.calibration_holdout keeps exactly those.':
        '你数了 2025 年的每一行订单，包括 2025 年才首次购买的客户。这个检验只针对 2024 年的同期群，并且按购买日计：value.calibration_holdout 正好只保留这些。',
    'You counted the purchase days of every customer in 2025, new customers included. The model was fitted on the customers who bought in 2024: keep only them.':
        '你数了 2025 年每位客户的购买日，包括新客户。模型是在 2024 年购买过的客户上拟合的：只保留他们。',
    "value.calibration_holdout(shop.orders, '2024-12-31', shop.as_of) gives one row per customer of the 2024 cohort with frequency_holdout, their purchase days in the holdout: add them up.":
        "value.calibration_holdout(shop.orders, '2024-12-31', shop.as_of) 为 2024 年同期群的每位客户给出一行，其中 frequency_holdout 是他们在验证期内的购买日数：把它们加总。",
    "The renumbering experiment: score the buyers' RFM table with ties='id' (ties broken by customer id), then give the same customers new ids (np.random.default_rng(7).permutation(n) + 1, in the table's row order) and score again. What share of the customers change segment under the R package's rules in their own order? (a fraction)":
        "重新编号实验：用 ties='id'（按客户 id 打破并列）给购买客户的 RFM 表打分，然后给同一批客户新的 id（np.random.default_rng(7).permutation(n) + 1，按表的行顺序），再打一次分。按 R 包规则自身的顺序，有多大比例的客户换了细分群体？（比例）",
    "With ties='same' (the default) equal values get equal scores, so nobody moves: that is the point of the fair rule. The question asks about the old rule, ties='id'.":
        "用 ties='same'（默认值）时，相等的值得到相等的分数，所以没有人变动：这正是公平规则的意义。题目问的是旧规则 ties='id'。",
    'That is the share whose RFM score changes. Several scores lead to the same segment: compare the segments (value.rfm_segments).':
        '这是 RFM 得分改变的比例。几种得分会对应同一个细分群体：请比较细分群体（value.rfm_segments）。',
    "You used the lesson's reordered rules (narrow rules first). The question asks for the R package's own order: value.rfm_segments(scores).":
        '你用的是课上调整过顺序的规则（窄规则在前）。题目要的是 R 包自身的顺序：value.rfm_segments(scores)。',
    "Score the table twice with value.rfm_scores(..., ties='id'): once as it is, once after table.set_axis(new_ids); put the second result back on the old ids row by row (.set_axis(table.index)), name the segments of both (value.rfm_segments) and take the share of rows whose segment differs.":
        "用 value.rfm_scores(..., ties='id') 给表打两次分：一次按原样，一次在 table.set_axis(new_ids) 之后；把第二次的结果逐行放回原来的 id 上（.set_axis(table.index)），给两次结果都分配细分群体（value.rfm_segments），取细分群体不同的行所占的比例。",
    "Clusters or RFM segments: which would you use to plan next quarter's campaigns, and how would you check that the groups are real and worth treating differently?":
        '聚类还是 RFM 细分：你会用哪一个来规划下个季度的营销活动？你会如何检验这些群体是真实存在的、值得区别对待？',
    'stability':
        '稳定性',
    'business test':
        '业务检验',
    'scorecard':
        '指标卡',
    # custlearn/exercises/lesson06.py
    "What share of the shop's service tickets are after-sale (stage 'after-sale')? (a fraction)":
        "这家网店的服务工单中，有多大比例是售后服务（stage 为 'after-sale'）？（比例）",
    "That is the number of after-sale tickets; the question asks for their share of all tickets (divide by the number of tickets, or take the mean of stage == 'after-sale').":
        "这是售后工单的数量；题目问的是它们占全部工单的比例（除以工单总数，或取 stage == 'after-sale' 的均值）。",
    'That is the share of tickets before or during the sale. The question asks for the after-sale share.':
        '这是售前或售中工单的占比。题目问的是售后的占比。',
    'You kept only the complaints. The question is about all service tickets, product questions included.':
        '你只保留了投诉。题目问的是全部服务工单，包括产品咨询。',
    "Classify every ticket by its stage (service.classify_services gives the timing, or read the stage column) and take the share of all tickets that are after-sale (service.service_mix(kinds, 'timing')).":
        "按阶段给每个工单分类（service.classify_services 给出时点，或直接读 stage 列），取售后工单占全部工单的比例（service.service_mix(kinds, 'timing')）。",
    "The share of each stage's tickets resolved within the time limit of the stage (the shop's own limits, in time_limit_hours). A Series indexed by stage.":
        '每个阶段的工单中，在该阶段的服务时限内解决的比例（网店自己的时限，在 time_limit_hours 中）。一个以阶段为索引的 Series。',
    "Those are the shares resolved at all. A ticket counts as in time only if it was resolved within its stage's time limit (hours_to_resolve <= time_limit_hours).":
        '这些是最终得到解决的比例。只有在所属阶段的服务时限内解决的工单才算按时（hours_to_resolve <= time_limit_hours）。',
    "You divided by the resolved tickets only. An unresolved ticket broke the promise too: divide by all the stage's tickets.":
        '你只除以了已解决的工单。未解决的工单也违背了承诺：请除以该阶段的全部工单。',
    'You judged every stage against 24 hours. Each stage has its own limit (pre-sale 24, in-sale 8, after-sale 72 hours): use time_limit_hours.':
        '你对每个阶段都用 24 小时来判断。每个阶段有自己的时限（售前 24 小时，售中 8 小时，售后 72 小时）：请用 time_limit_hours。',
    "For each ticket, check whether it was resolved and within the time limit of its stage; then take the share of such tickets per stage, over all of the stage's tickets (service.time_limit_attainment, column in_time_share).":
        '对每个工单，检查它是否已解决、且在所属阶段的时限内；然后按阶段计算这类工单占该阶段全部工单的比例（service.time_limit_attainment，列 in_time_share）。',
    "What share of the shop's complaints were resolved well: resolved within 48 hours and rated 4 or 5 by the customer? (a fraction of all complaints)":
        '这家网店的投诉中，有多大比例得到了妥善解决：在 48 小时内解决并且客户打了 4 或 5 分？（占全部投诉的比例）',
    "That is the share resolved within 48 hours. Resolved well also needs the customer's rating of 4 or 5.":
        '这是 48 小时内解决的比例。妥善解决还要求客户打 4 或 5 分。',
    'You divided by the rated complaints only. The recovery rate is a share of all complaints: an unrated complaint cannot count as recovered.':
        '你只除以了有评分的投诉。挽回率是占全部投诉的比例：没有评分的投诉不能算作已挽回。',
    'You divided by the resolved complaints only. Divide by all complaints: an unresolved one was not recovered.':
        '你只除以了已解决的投诉。请除以全部投诉：未解决的投诉没有被挽回。',
    'You included the product questions. The question is about complaints only (is_complaint True).':
        '你把产品咨询也算进去了。题目只问投诉（is_complaint 为 True）。',
    'Keep the complaints, mark those resolved within 48 hours and rated 4 or 5 by the customer, and take their share of all complaints (service.complaint_metrics, column recovery_rate).':
        '保留投诉，标出在 48 小时内解决且客户打 4 或 5 分的投诉，取它们占全部投诉的比例（service.complaint_metrics，列 recovery_rate）。',
    "A bar chart of the share of each owner team's tickets closed within the time limit of their stage, one bar per owner team, with a title and labelled axes.":
        '一张柱状图：每个责任团队的工单中，在所属阶段的服务时限内关闭的比例，每个责任团队一根柱子，带标题和坐标轴标签。',
    'owner team':
        '责任团队',
    'Your bars show the share resolved at all (handled). The question asks for the share closed within the time limit (closed_in_time).':
        '你的柱子显示的是最终得到处理的比例。题目问的是在服务时限内关闭的比例（closed_in_time）。',
    "Your bars count the tickets closed in time. Draw their share of the team's tickets, so that large and small teams can be compared.":
        '你的柱子数的是按时关闭的工单数。请画出它们占该团队工单的比例，这样大团队和小团队才能比较。',
    'Your bars show the share that got feedback (a call or a rating). The question asks for the share closed within the time limit.':
        '你的柱子显示的是得到反馈（回访或评分）的比例。题目问的是在服务时限内关闭的比例。',
    "Group the tickets by owner team, take the share of each team's tickets resolved within the time limit of their stage (service.closed_loop with by='owner_team', column closed_in_time) and draw one bar per team.":
        "按责任团队给工单分组，取每个团队在所属阶段时限内解决的工单占比（service.closed_loop 加 by='owner_team'，列 closed_in_time），每个团队画一根柱子。",
    'Harbor Bank names its key accounts on 31 Dec 2024: the top 10% by the margin brought so far, among the accounts open that day. What share of the key accounts with a relationship manager closed within the next 365 days? (a fraction)':
        'Harbor Bank 在 2024 年 12 月 31 日指定大客户：在当天仍开户的账户中，按至今贡献的毛利排在前 10% 的账户。有客户经理的大客户中，有多大比例在随后 365 天内销户？（比例）',
    'That is the share of all key accounts. Split them by whether they have a relationship manager (pass customers=bank.customers).':
        '这是全部大客户的比例。请按是否有客户经理把他们分开（传入 customers=bank.customers）。',
    'That is the share of the key accounts without a relationship manager (standard service). The question asks about those with one.':
        '这是没有客户经理（标准服务）的大客户的比例。题目问的是有客户经理的大客户。',
    'You used a 182-day window. The question looks at the 365 days after 31 Dec 2024.':
        '你用的是 182 天的窗口。题目看的是 2024 年 12 月 31 日之后的 365 天。',
    'You ranked all customers, also accounts already closed. Rank only the accounts open on 31 Dec 2024 (among=labels.index).':
        '你对全部客户排序了，包括已经销户的账户。只对 2024 年 12 月 31 日仍开户的账户排序（among=labels.index）。',
    'That is the share of the other accounts (not key accounts). The question asks about the key accounts with a relationship manager.':
        '这是其他账户（非大客户）的比例。题目问的是有客户经理的大客户。',
    'Label the accounts open on 31 Dec 2024 as closed or not within 365 days (churn.label_churn, contractual), rank them by the margin brought so far and keep the top 10% (service.key_accounts with among=...), split them by relationship manager and take the closed share of those with one (service.key_account_service).':
        '给 2024 年 12 月 31 日仍开户的账户标记 365 天内是否销户（churn.label_churn，契约型），按至今贡献的毛利排序并保留前 10%（service.key_accounts 加 among=...），按是否有客户经理分开，取有客户经理者中已销户的比例（service.key_account_service）。',
    "Over Harbor Bank's 36 offices: the change in the share of accounts closed per point of staff satisfaction, adjusted for the city centre (a fraction per point, negative if closures fall).":
        '在 Harbor Bank 的 36 个网点上：员工满意度每提高 1 分，销户账户占比的变化，已调整市中心因素（每分的比例变化，如果销户减少则为负数）。',
    'That is the naive slope (closures on staff satisfaction alone). Adjust for the city centre: city-centre offices differ in more than their staff.':
        '这是简单斜率（只对员工满意度回归销户）。请调整市中心因素：市中心的网点与其他网点的差别不只在员工。',
    'That is the correlation, a number without units. The question asks for the slope: the change in the closed share per point of satisfaction.':
        '这是相关系数，一个没有单位的数。题目问的是斜率：满意度每提高 1 分，销户占比的变化。',
    'That is the slope in percentage points. Give it as a fraction (-0.04 for 4 points fewer).':
        '这是以百分点表示的斜率。请用比例表示（少 4 个百分点写 -0.04）。',
    "That is the slope of the customers' rating of the staff. The question's outcome is the share of accounts closed (closure_rate).":
        '这是客户对员工评分的斜率。题目的结果变量是销户账户的占比（closure_rate）。',
    "Give every office its staff's mean satisfaction, its closed share and whether it is in the city centre (service.office_table with offices=...), then fit closures on satisfaction and the city centre together and read the slope of satisfaction (service.service_profit_chain, the adjusted row).":
        '给每个网点算出员工的平均满意度、销户占比以及是否位于市中心（service.office_table 加 offices=...），然后把销户对满意度和市中心一起拟合，读出满意度的斜率（service.service_profit_chain，adjusted 那一行）。',
    "The planted staff effect is datasets.parameters('bank')['service_profit_chain']['closure_per_point']. How many times the planted effect is the naive estimate?":
        "植入的员工效应是 datasets.parameters('bank')['service_profit_chain']['closure_per_point']。简单估计是植入效应的多少倍？",
    'That is the adjusted estimate over the planted effect. The question asks about the naive estimate.':
        '这是调整后的估计除以植入效应。题目问的是简单估计。',
    'You divided the naive estimate by the adjusted one. Divide it by the planted effect, the truth.':
        '你用简单估计除以了调整后的估计。请除以植入效应，即真实值。',
    "Take the naive slope of closures on staff satisfaction over the offices (service.service_profit_chain) and divide it by the planted effect; the chain's against(planted) gives it as times_planted.":
        '取各网点上销户对员工满意度的简单斜率（service.service_profit_chain），除以植入效应；该链的 against(planted) 以 times_planted 给出。',
    'Key accounts with a relationship manager closed 14% in 2025, key accounts on standard service 43%. What do you conclude?':
        '2025 年有客户经理的大客户销户了 14%，标准服务的大客户销户了 43%。你能得出什么结论？',
    "Not from these data: the bank chose who got a manager. If it chose the accounts it expected to stay, the gap shows that choice, not the managers' work.":
        '从这些数据中得不出：谁有客户经理是银行选的。如果银行选的是它预计会留下来的账户，这个差距反映的就是这种选择，而不是客户经理的工作。',
    'The gap is no accident: the two intervals (about 8-24% and 29-58%) do not overlap. The question is what causes it.':
        '这个差距不是偶然：两个置信区间（约 8-24% 和 29-58%）没有重叠。问题在于是什么造成了它。',
    'Right: the data show that key accounts with a manager stayed, not why. Managers were not given at random; giving them to a random half of the standard-service key accounts and comparing the halves a year later would tell.':
        '对：数据显示有客户经理的大客户留下来了，但没有说明原因。客户经理不是随机分配的；把客户经理随机分给一半标准服务的大客户，一年后比较两半，才能说明问题。',
    'Key accounts bring almost half of the margin; the riskiest are those without a manager, exactly the ones to test a manager on.':
        '大客户贡献了将近一半的毛利；风险最高的是没有客户经理的，恰恰是最应该测试客户经理作用的那些。',
    'Harbor Bank has 12 branches. What is the smallest correlation a test over the 12 branches finds 4 times in 5 (80% power, 5% two-sided)?':
        'Harbor Bank 有 12 家分行。在这 12 家分行上做检验，5 次中能发现 4 次（80% 统计功效，5% 双侧）的最小相关系数是多少？',
    'That is for the 36 offices. The question asks about the 12 branches.':
        '这是针对 36 个网点的。题目问的是 12 家分行。',
    'You used 90% power. Four times in five is 80% power.':
        '你用了 90% 的统计功效。五次中四次是 80% 的统计功效。',
    'You used a 10% level (or a one-sided 5% test). The question asks for a 5% two-sided test: confidence=0.95.':
        '你用了 10% 的显著性水平（或单侧 5% 的检验）。题目要的是 5% 的双侧检验：confidence=0.95。',
    "The smallest correlation found 4 times in 5 on n units is tanh((z for 5% two-sided + z for 80% power) / sqrt(n - 3)) by Fisher's z (service.detectable_correlation with units=12).":
        '在 n 个单位上 5 次中能发现 4 次的最小相关系数，按 Fisher z 变换为 tanh((5% 双侧的 z + 80% 统计功效的 z) / sqrt(n - 3))（service.detectable_correlation 加 units=12）。',
    "Write a short brief for the shop's service director and the bank's retail director: which loop to fix first and how, what to promise per stage, what to do about complaints and key accounts, and what the office comparison can and cannot say.":
        '给网店的服务总监和银行的零售业务总监写一份简短的管理简报：先修复哪个闭环、怎么修，每个阶段承诺什么，对投诉和大客户怎么做，以及网点比较能说明什么、不能说明什么。',
    'time limit':
        '服务时限',
    'owner':
        '责任人',
    'complaint':
        '投诉',
    'key account':
        '大客户',
    # custlearn/exercises/lesson07.py
    'welcome discount':
        '迎新折扣',
    "Of the shop's customers who had bought by 31 Dec 2024, what share made no purchase in the next 180 days? (a fraction)":
        '这家网店在 2024 年 12 月 31 日前购买过的客户中，有多大比例在随后 180 天内没有购买？（比例）',
    "You used the default window (the data's 'at risk' gap). The question fixes it: window_days=180.":
        "你用的是默认窗口（数据中 'at risk' 的间隔）。题目给定了窗口：window_days=180。",
    "That is the number of churners; the question asks for the share: take the mean of 'churned'.":
        "这是流失客户的人数；题目问的是占比：取 'churned' 的均值。",
    'That is the share who bought again (retention). Churn is the share who did NOT buy.':
        '这是再次购买的比例（客户保持率）。客户流失率是没有购买的比例。',
    'You used a 90-day window. The question gives the customers 180 days to buy again.':
        '你用的是 90 天的窗口。题目给客户 180 天的时间再次购买。',
    'You used a 365-day window. The question gives the customers 180 days to buy again.':
        '你用的是 365 天的窗口。题目给客户 180 天的时间再次购买。',
    'You used the cut-off 30 June 2025. The question looks at the customers who had bought by 31 Dec 2024 and the 180 days after that date.':
        '你用的截止日期是 2025 年 6 月 30 日。题目看的是 2024 年 12 月 31 日前购买过的客户，以及该日期之后的 180 天。',
    'You used the cut-off 30 June 2024. The question looks at the customers who had bought by 31 Dec 2024 and the 180 days after that date.':
        '你用的截止日期是 2024 年 6 月 30 日。题目看的是 2024 年 12 月 31 日前购买过的客户，以及该日期之后的 180 天。',
    'Take the customers who had bought by 31 Dec 2024, mark as churned those with no purchase in the 180 days after it (churn.label_churn with the cut-off and window_days=180), and take the share churned (the mean of the True/False column).':
        '取 2024 年 12 月 31 日前购买过的客户，把在此后 180 天内没有购买的标为已流失（churn.label_churn，传入截止日期和 window_days=180），取已流失的比例（True/False 列的均值）。',
    'Of the bank accounts open on 31 Dec 2024, what share closed within 182 days? (a fraction)':
        '在 2024 年 12 月 31 日仍开户的银行账户中，有多大比例在 182 天内销户？（比例）',
    'That is the share of all customers whose account ever closed by the end of the data. Contractual churn looks at the accounts open on the cut-off and a 182-day window.':
        '这是全部客户中账户在数据结束前曾经销户的比例。契约型流失看的是截止日期仍开户的账户和 182 天的窗口。',
    'You divided by all bank customers. Divide by the accounts open on the cut-off (the rows of label_churn).':
        '你除以的是全部银行客户。请除以截止日期仍开户的账户数（label_churn 的行）。',
    'That is the number of closed accounts; the question asks for the share.':
        '这是销户账户的数量；题目问的是占比。',
    "Take the bank accounts still open on 31 Dec 2024 and mark those closed within the next 182 days (churn.label_churn with kind='contractual', window_days=182 and as_of); the churn rate is the share marked.":
        "取 2024 年 12 月 31 日仍开户的银行账户，标出在随后 182 天内销户的（churn.label_churn 加 kind='contractual'、window_days=182 和 as_of）；客户流失率就是被标记的比例。",
    'Kaplan-Meier median time to churn (days) of shop customers won with a welcome discount (churn_durations at shop.as_of, default window).':
        '通过迎新折扣获得的网店客户，按卡普兰–迈耶估计的中位流失时间（天）是多少？（在 shop.as_of 使用 churn_durations，默认窗口）',
    'That is the plain median of the durations: it treats customers who have not churned yet (censored) as if they had churned. Use kaplan_meier and median_survival.':
        '这是持续时间的简单中位数：它把尚未流失（删失）的客户当成已经流失。请用 kaplan_meier 和 median_survival。',
    'That is the median of the churned customers only. Leaving out the customers still there makes churn look faster: use kaplan_meier with both groups.':
        '这只是已流失客户的中位数。把仍在的客户排除在外，会让流失看起来更快：请用包含两类客户的 kaplan_meier。',
    'That is the median of all buyers. Keep only those with acquired_with_discount True.':
        '这是全部购买客户的中位数。只保留 acquired_with_discount 为 True 的客户。',
    "Take each buyer's time to churn or to the end of the data (churn.churn_durations), keep the customers acquired with a discount, fit a Kaplan-Meier curve that counts the customers still there as censored (churn.kaplan_meier) and read the day it falls to 50% (churn.median_survival).":
        '取每位购买客户到流失或到数据结束的时间（churn.churn_durations），保留通过折扣获取的客户，拟合一条把仍在的客户计为删失的卡普兰–迈耶曲线（churn.kaplan_meier），读出它降到 50% 的那一天（churn.median_survival）。',
    "The churn rate in the 180 days after 31 Dec 2024, by outcome of the customer's first complaint (with 'no complaint'). A Series indexed by outcome.":
        "按客户首次投诉的结果（包括 'no complaint'），2024 年 12 月 31 日之后 180 天内的客户流失率。一个以结果为索引的 Series。",
    'Those are numbers of churners; the question asks for rates (the churn_rate column).':
        '这些是流失客户的人数；题目问的是比率（churn_rate 列）。',
    'You labelled churn with the default window. Use window_days=180 (the labels of 07.1).':
        '你用默认窗口标记了流失。请用 window_days=180（07.1 的标签）。',
    "Label churn as in 07.1 (cut-off 31 Dec 2024, 180 days), give each customer the outcome of the first complaint ('no complaint' for the others) and take the churn rate per outcome (service.churn_by_complaint_outcome).":
        "按 07.1 的方式标记流失（截止日期 2024 年 12 月 31 日，180 天），给每位客户分配首次投诉的结果（其他客户为 'no complaint'），再按结果计算客户流失率（service.churn_by_complaint_outcome）。",
    "Held-out AUC of churn.churn_risk_model(shop, '2024-12-31', '2025-06-30', window_days=180).":
        "churn.churn_risk_model(shop, '2024-12-31', '2025-06-30', window_days=180) 在留出数据上的 AUC。",
    'That is the AUC on the training period (model.train_auc). The honest number is on the later period the model never saw: model.auc.':
        '这是训练期上的 AUC（model.train_auc）。可信的数字是在模型从未见过的后一个时期上：model.auc。',
    "That is 1 - AUC: the score ranked the other way round (staying instead of churning). Score churn with the model's risk, high for likely churners.":
        '这是 1 - AUC：评分的排序反了（留下而不是流失）。请用模型的风险给流失打分，可能流失的客户分数高。',
    'Fit the risk model on the customers of the first cut-off and score those of the later cut-off it never saw (churn.churn_risk_model with both cut-offs and window_days=180); the held-out AUC is its auc.':
        '在第一个截止日期的客户上拟合风险模型，再给模型从未见过的后一个截止日期的客户打分（churn.churn_risk_model，传入两个截止日期和 window_days=180）；留出数据上的 AUC 就是它的 auc。',
    'Top-decile lift of that score on the held-out period: how many times the average churn rate do the 10% with the highest risk have?':
        '该评分在留出期上的最高十分位提升度：风险最高的 10% 客户的流失率是平均客户流失率的多少倍？',
    'That is the churn rate of the top decile. Lift divides it by the overall churn rate.':
        '这是最高十分位的客户流失率。提升度要把它除以总体客户流失率。',
    "That is the share of all churners found in the top decile (the gain). Lift is the decile's churn rate / the overall churn rate.":
        '这是在最高十分位中找到的流失客户占全部流失客户的比例（增益）。提升度是该十分位的客户流失率 / 总体客户流失率。',
    "Rank the held-out customers by risk, take the 10% with the highest risk and divide their churn rate by the churn rate of all held-out customers (the first row of the model's gains table, column lift).":
        '按风险给留出的客户排序，取风险最高的 10%，用他们的客户流失率除以全部留出客户的客户流失率（模型增益表的第一行，列 lift）。',
    'Kaplan-Meier survival curves of shop customers won with and without a welcome discount, with a title and labelled axes.':
        '通过迎新折扣获得和未通过迎新折扣获得的网店客户的卡普兰–迈耶生存曲线，带标题和坐标轴标签。',
    'Your chart has one curve for all buyers. Draw one per group: customers won with a welcome discount and the others (kaplan_meier with groups=...).':
        '你的图只有一条全部购买客户的曲线。请每组画一条：通过迎新折扣获得的客户和其他客户（kaplan_meier 加 groups=...）。',
    'Your curves treat every customer as churned at the end of their time, also those still buying (censored). Pass the churned column as the event, so customers still there leave the risk set without counting as churn.':
        '你的曲线把每位客户都当作在其时间终点流失，包括仍在购买的客户（删失）。请把 churned 列作为事件传入，这样仍在的客户会离开风险集，而不被计为流失。',
    "Take each buyer's time to churn (churn.churn_durations), split the buyers by acquired_with_discount, fit one Kaplan-Meier curve per group (churn.kaplan_meier with groups=...) and draw them as steps with a legend (plots.survival_chart does it).":
        '取每位购买客户的流失时间（churn.churn_durations），按 acquired_with_discount 把购买客户分开，每组拟合一条卡普兰–迈耶曲线（churn.kaplan_meier 加 groups=...），画成阶梯线并加图例（plots.survival_chart 可以画）。',
    'AUC of 1 - P(alive) (BG/NBD in weeks, on all shop orders up to shop.as_of) for the customers truly dropped out at the end of the data (truth: alive_at_end False).':
        '对数据结束时真正已流失的客户（真实情况：alive_at_end 为 False），1 - P(alive)（按周的 BG/NBD，基于截至 shop.as_of 的全部网店订单）的 AUC。',
    'Your AUC is below 0.5: you scored with P(alive) itself. A high P(alive) means *staying*; score churn with 1 - P(alive).':
        '你的 AUC 低于 0.5：你直接用 P(alive) 打分了。P(alive) 高表示*留下*；请用 1 - P(alive) 给流失打分。',
    "You used 'no purchase in the next 52 weeks' as the target. The question asks about the truly dropped out: ~truth['alive_at_end'].":
        "你用了“接下来 52 周内没有购买”作为目标。题目问的是真正已流失的客户：~truth['alive_at_end']。",
    "Fit BG/NBD to the weekly summary of all orders, compute each buyer's P(alive), and measure how well 1 - P(alive) ranks the customers who truly dropped out (not alive_at_end in the truth) above the others: the AUC (sklearn.metrics.roc_auc_score).":
        '用全部订单按周汇总的数据拟合 BG/NBD，计算每位购买客户的 P(alive)，再衡量 1 - P(alive) 把真正已流失的客户（真实情况中不是 alive_at_end）排在其他客户之前的能力：即 AUC（sklearn.metrics.roc_auc_score）。',
    "P(alive) ranks the truly dropped-out better (AUC about 0.9); the risk score ranks 'no purchase in the next 52 weeks' better. Why?":
        'P(alive) 对真正已流失客户的排序更好（AUC 约 0.9）；风险评分对“接下来 52 周内没有购买”的排序更好。为什么？',
    'The risk score is not broken: on its own target (not buying soon) it does better than P(alive).':
        '风险评分并没有坏：在它自己的目标（近期不购买）上，它比 P(alive) 做得更好。',
    'With thousands of customers a gap this size is not chance, and the AUC does depend on what you call churn: the two targets are different customers.':
        '客户有几千位时，这么大的差距不是偶然，而且 AUC 确实取决于你把什么叫作流失：两个目标对应的是不同的客户。',
    "Yes: BG/NBD reads each silence against the customer's own pace, so it spots who dropped out; 'not buying in a year' also includes slow buyers who are still alive, which the risk score, trained on 'no purchase in the window', picks up.":
        '对：BG/NBD 根据每位客户自己的购买节奏来解读每一段沉默，所以能发现谁已经流失；“一年内不购买”还包括仍然存活的慢速购买者，而基于“窗口期内没有购买”训练的风险评分正好能捕捉到他们。',
    'P(alive) is not fitted on the truth table: both scores see only the orders before the end.':
        'P(alive) 不是在真实情况表上拟合的：两个评分都只看到结束之前的订单。',
    'You have the win-back list ranked by expected value. Whom do you contact, with what, and how do you use P(alive) and the complaint history? What would make you distrust the list?':
        '你有一份按预期价值排序的客户赢回名单。你会联系谁、提供什么？你会如何利用 P(alive) 和投诉历史？什么情况会让你不信任这份名单？',
    'P(alive)':
        '存活概率',
    # custlearn/exercises/lesson08a.py
    'What share of spend is margin after returns and service costs (acquisition cost not counted)? (a fraction)':
        '扣除退货和服务成本后（不计获取成本），毛利占消费额的比例是多少？（比例）',
    'That is the gross margin of the orders: returns and service tickets still have to be paid from it. Use value.customer_profit and add back only the acquisition cost.':
        '这是订单的毛利：退货和服务工单的成本还要从中支付。请用 value.customer_profit，只把获取成本加回来。',
    'You also took off the acquisition cost. It was paid when the customer was won and is not saved or lost by a retention contact: add it back.':
        '你把获取成本也扣掉了。它在赢得客户时就已支付，不会因为一次挽留联系而省下或损失：把它加回来。',
    'Add up the profit of all customers after returns and service costs but before the acquisition cost (value.customer_profit, then add the acquisition_cost back) and divide by the total amount of the orders.':
        '把全部客户扣除退货和服务成本之后、扣除获取成本之前的利润加总（value.customer_profit，然后把 acquisition_cost 加回来），再除以订单总金额。',
    "How many of the shop's buyers does the BG/NBD model expect to have already left? (the sum of 1 - P(alive); weeks as the time unit)":
        'BG/NBD 模型预计这家网店的购买客户中有多少人已经流失？（1 - P(alive) 之和；以周为时间单位）',
    'customers':
        '位客户',
    'That is the share of buyers (the mean). The question asks for the expected number: the sum of 1 - P(alive).':
        '这是购买客户中的比例（均值）。题目问的是预期人数：1 - P(alive) 之和。',
    'You counted the buyers with P(alive) below 50%. The expected number adds up the probabilities: a customer with P(alive) 30% counts as 0.7.':
        '你数的是 P(alive) 低于 50% 的购买客户。预期人数是把概率加总：一位 P(alive) 为 30% 的客户算 0.7 人。',
    "Fit BG/NBD to the weekly summary of the orders (value.clv_summary with time_unit='weeks', then value.BetaGeo().fit), compute each buyer's P(alive), and add up 1 - P(alive) over the buyers: the expected number who have left.":
        "用按周汇总的订单拟合 BG/NBD（value.clv_summary 加 time_unit='weeks'，然后 value.BetaGeo().fit），计算每位购买客户的 P(alive)，再对购买客户加总 1 - P(alive)：即预期已流失的人数。",
    'With USD 5 per contact, a 20% save rate and a USD 20,000 budget, how many customers does the plan contact? (contact only while the expected margin saved is at least the contact cost)':
        '每次联系 5 美元、挽回率 20%、预算 20,000 美元，这个方案联系多少位客户？（只有当预期挽回的毛利至少等于联系成本时才联系）',
    'That spends the whole budget. The plan stops as soon as the next contact would save less than the USD 5 it costs.':
        '这是把全部预算花光。只要下一次联系挽回的金额低于它花费的 5 美元，方案就停止。',
    'You valued customers by their spend. A contact saves margin, not revenue: multiply the spend if kept by the margin rate of 08a.1.':
        '你按消费额给客户估值了。一次联系挽回的是毛利，而不是收入：把留住后的消费额乘以 08a.1 的毛利率。',
    'You left out the save rate: a contact brings back only 20% of the customers who have left.':
        '你漏掉了挽回率：一次联系只能挽回已流失客户中的 20%。',
    'value if kept = clv (12 months, no discounting) / P(alive) x margin rate; expected saved = 0.2 x (1 - P(alive)) x value if kept; count the customers with expected saved >= 5 (at most 4,000).':
        '留住后的12个月价值 = clv（12 个月，不折现）/ P(alive) x 毛利率；预期挽回价值 = 0.2 x (1 - P(alive)) x 留住后的12个月价值；数出预期挽回价值 >= 5 的客户（最多 4,000 位）。',
    "What is the plan's expected margin saved in the next 12 months? (USD, before the cost of the contacts)":
        '这个方案在未来 12 个月预期挽回的毛利是多少？（美元，未扣除联系成本）',
    'That is net of the cost of the contacts. The question asks for the margin saved before the cost.':
        '这是扣除联系成本后的净额。题目问的是扣除成本之前挽回的毛利。',
    'You left out the save rate: only 20% of the customers who have left come back after a contact.':
        '你漏掉了挽回率：已流失客户中只有 20% 会在联系后回来。',
    'Add up the expected margin saved of the customers the plan contacts (those of 08a.3), before subtracting what the contacts cost.':
        '把方案所联系客户（08a.3 中的客户）的预期挽回毛利加总，不减去联系的成本。',
    "How many of the plan's customers are at each lifecycle stage on the last day of the data? (default thresholds, surveys used; leave out stages with none)":
        '在数据的最后一天，方案中的客户在客户生命周期各阶段各有多少人？（默认阈值，使用问卷数据；省略人数为零的阶段）',
    'Those are all buyers per stage. Keep only the customers in the plan.':
        '这些是每个阶段的全部购买客户。只保留方案中的客户。',
    'Those are shares; the question asks for numbers of customers.':
        '这些是占比；题目问的是客户人数。',
    'Give every customer a stage on the last day (lifecycle.assign_stages with the surveys), keep the customers in the plan of 08a.3, count them per stage and leave out the stages with none.':
        '在最后一天给每位客户确定阶段（lifecycle.assign_stages，并传入问卷数据），保留 08a.3 方案中的客户，按阶段计数，并省略人数为零的阶段。',
    'A line chart of the expected margin saved (y) against the money spent on contacts (x), best customers first, with a title and labelled axes.':
        '一张折线图：预期挽回的毛利（y）对花在联系上的金额（x），最好的客户在前，带标题和坐标轴标签。',
    'USD spent':
        '已花费的美元',
    'Your x axis counts contacts. The question asks for the money spent: multiply the number of contacts by the USD 5 each costs.':
        '你的 x 轴数的是联系次数。题目问的是花费的金额：把联系次数乘以每次 5 美元。',
    'Your curve adds up spend if kept. A contact saves margin: multiply the value if kept by the margin rate of 08a.1.':
        '你的曲线累加的是留住后的消费额。一次联系挽回的是毛利：把留住后的价值乘以 08a.1 的毛利率。',
    'Your customers are not sorted. Contact the best first: sort by expected margin saved, largest first, before taking the running total.':
        '你的客户没有排序。先联系最好的客户：在求累计值之前，按预期挽回毛利从大到小排序。',
    'Sort the buyers by expected margin saved, largest first, take the running total of the expected margin saved (.cumsum()) and draw it against the money spent so far (USD 5 x the number of contacts), at least as far as the plan of 08a.3 goes.':
        '按预期挽回毛利从大到小给购买客户排序，求预期挽回毛利的累计值（.cumsum()），把它画在到目前为止花费的金额（5 美元 x 联系次数）上，至少画到 08a.3 方案的范围。',
    "Truth check: how much margin would the plan's contacts really have saved? (USD; 20% of the true value at stake of the plan's customers, with the formula of the case)":
        '真实情况检验：方案的联系实际上能挽回多少毛利？（美元；方案中客户真实风险价值的 20%，用本案例的公式）',
    'That is the whole true value at stake. A contact brings back only 20% of the departed customers: multiply by the save rate.':
        '这是全部的真实风险价值。一次联系只能挽回已流失客户中的 20%：乘以挽回率。',
    'That is spend, not margin: multiply by the margin rate of 08a.1.':
        '这是消费额，不是毛利：乘以 08a.1 的毛利率。',
    'You used future_value: what the customers spent anyway, most of them because they never left. The value a contact saves comes only from customers who had truly left.':
        '你用了 future_value：这是客户无论如何都会花的钱，其中大多数是因为他们从未离开。一次联系挽回的价值只来自真正已流失的客户。',
    "From the truth, the value at stake of a customer who had truly left (not alive_at_end) is the margin they would have spent over the next 52 weeks had they stayed: (1 - exp(-purchase_rate x dropout_prob x 52)) / dropout_prob x spend_mean x the margin rate; customers still alive have none. Add it up over the plan's customers and multiply by the 20% save rate.":
        '根据真实情况，一位真正已流失的客户（不是 alive_at_end）的风险价值，是他如果留下来在未来 52 周内会花费的毛利：(1 - exp(-purchase_rate x dropout_prob x 52)) / dropout_prob x spend_mean x 毛利率；仍然存活的客户为零。把方案中客户的这个值加总，再乘以 20% 的挽回率。',
    "The 'top spenders' plan picked customers who spent the most in the following year, yet it would have saved much less than the plan. Why?":
        '“最高消费者”方案选出的是第二年消费最多的客户，但它挽回的毛利远少于本方案。为什么？',
    'The truth table is what really happened: they did spend the most. But spending is not what a contact saves.':
        '真实情况表记录的是实际发生的事：他们确实花得最多。但消费额并不是一次联系所挽回的东西。',
    'Every customer gets the same margin rate in this comparison; the difference lies elsewhere.':
        '在这个比较中，每位客户的毛利率都相同；差别在别处。',
    'Yes: most top spenders were still active and bought anyway; a contact only saves customers who had left.':
        '对：大多数最高消费者仍然活跃，无论如何都会购买；一次联系只能挽回已经离开的客户。',
    'The comparison uses the same save rate for every plan; the difference lies elsewhere.':
        '这个比较对每个方案使用相同的挽回率；差别在别处。',
    "With the money for the plan's number of contacts, which list would really have saved the most margin? a: the highest 1 - P(alive); b: the highest value if kept; c: the highest (1 - P(alive)) x value if kept.":
        '用本方案联系人数所需的资金，哪一份名单实际上能挽回最多的毛利？a：1 - P(alive) 最高的；b：留住后的12个月价值最高的；c：(1 - P(alive)) x 留住后的12个月价值最高的。',
    'Risk alone finds customers who have left, but many of them were worth little: in truth this list saves less than c.':
        '单看风险能找到已经离开的客户，但其中很多价值不高：实际上这份名单挽回的比 c 少。',
    'Value alone picks valuable customers, most of whom were still active and needed no rescue: in truth this list saves the least.':
        '单看价值选出的是有价值的客户，其中大多数仍然活跃，不需要挽回：实际上这份名单挽回的最少。',
    'Yes: risk times value finds valuable customers who have probably left; in truth it saves the most.':
        '对：风险乘以价值能找到很可能已经离开的高价值客户；实际上它挽回的最多。',
    'Write the recommendation of your one-page brief: whom to contact, with what, what it returns (with its uncertainty and assumptions), and what to do with the rest of the budget.':
        '写出你一页管理简报中的建议：联系谁、提供什么、回报是多少（连同其不确定性和假设），以及剩下的预算怎么用。',
    'save rate':
        '挽回率',
    # custlearn/exercises/lesson08b.py
    '95% intervals':
        '95% 置信区间',
    'three estimates':
        '三个估计值',
    'true effect':
        '真实效应',
    "Members' mean visits per week divided by non-members' (each guest counted from the first visit to cafe.as_of). Give the ratio (e.g. 1.25 for 25% more).":
        '会员每周平均到店次数除以非会员的（每位顾客从首次到店算到 cafe.as_of）。请给出比值（例如多 25% 写 1.25）。',
    "That is the difference in visits per week. The effect is a multiplier: divide the members' mean by the non-members' mean.":
        '这是每周到店次数的差。效应是一个倍数：用会员的平均值除以非会员的平均值。',
    'You counted from sign-up over all customers, so guests who never came (prospects) pull the non-members down. Count each guest from the first visit: cases.visit_rates(...).':
        '你对全部顾客从注册开始计算，于是从未来过的顾客（潜在客户）拉低了非会员。请从每位顾客首次到店开始计算：cases.visit_rates(...)。',
    'That is the ratio of medians; the question asks for the ratio of means.':
        '这是中位数之比；题目问的是均值之比。',
    "You divided the non-members' mean by the members': the ratio is upside down. Put the members on top: members' mean / non-members' mean.":
        '你用非会员的均值除以了会员的：比值倒过来了。把会员放在分子上：会员均值 / 非会员均值。',
    'That is the percentage difference, (ratio - 1) x 100. Give the ratio itself: 1.25 for members coming 25% more often.':
        '这是百分比差异，即 (比值 - 1) x 100。请给出比值本身：会员到店次数多 25% 写 1.25。',
    'Give the ratio itself (e.g. 1.25 for 25% more), not a percentage.':
        '请给出比值本身（例如多 25% 写 1.25），而不是百分数。',
    "Count each guest's visits per week from the first visit to the end of the data (cases.visit_rates), average it over the members and over the non-members, and divide the members' average by the non-members'.":
        '从首次到店到数据结束，计算每位顾客每周的到店次数（cases.visit_rates），分别在会员和非会员中求平均，再用会员的平均值除以非会员的。',
    'Why is the naive gap not the effect of the membership?':
        '为什么简单对比得到的差距不是会员制的效应？',
    'The gap is large and its interval excludes 1, so it is not noise; noise is not the problem.':
        '这个差距很大，置信区间也不包含 1，所以它不是噪声；问题不在噪声。',
    'Points discounts lower the amount per visit, but the question is about visits per week.':
        '积分折扣降低了每次到店的金额，但题目问的是每周到店次数。',
    'Yes: guests choose to join, and frequent guests join far more often, so members came more often before they joined (self-selection).':
        '对：顾客是自己选择加入的，而常客加入的可能性高得多，所以会员在加入之前就来得更勤（自我选择）。',
    'Members and non-members are counted over the same weeks since their first visit; time is not the problem.':
        '会员和非会员都是从首次到店起按相同的周数计算的；问题不在时间。',
    'A member joined in week 20. Which non-members make a fair comparison group?':
        '一位会员在第 20 周加入。哪些非会员能构成公平的对照组？',
    'All non-members mixes regulars with guests who came once: the members were the regulars, so the gap would again show who joins.':
        '全部非会员把常客和只来过一次的顾客混在一起：会员本来就是常客，所以差距又会反映出谁更愿意加入。',
    'Yes: guests who first came in about the same weeks, visited about as often before week 20 and were still coming from week 20 on look like the member did before joining.':
        '对：在差不多同样的几周首次到店、在第 20 周之前到店频率差不多、并且从第 20 周起仍在到店的顾客，看起来就像这位会员加入之前的样子。',
    'Visits after week 20 are the outcome; matching on them would match away the very effect you want to measure.':
        '第 20 周之后的到店次数是结果变量；按它匹配会把你想测量的效应本身匹配掉。',
    'Matching on age and city ignores what matters most here: how often the guest came before.':
        '按年龄和城市匹配，忽略了这里最重要的因素：顾客以前来得有多勤。',
    'The difference-in-differences effect with cases.membership_did(post_weeks=13, tolerance=1, cohort_weeks=4): matched ratio after joining divided by matched ratio before. Give the ratio.':
        '用 cases.membership_did(post_weeks=13, tolerance=1, cohort_weeks=4) 得到的双重差分效应：加入后的匹配比值除以加入前的匹配比值。请给出比值。',
    "That is the matched ratio after joining only. Divide it by the ratio before joining (members' pre_visits over the comparison guests' control_pre_visits).":
        '这只是加入后的匹配比值。把它除以加入前的比值（会员的 pre_visits 比对照顾客的 control_pre_visits）。',
    "That is the members' own before/after change without a comparison group: it mixes the membership with what changed for everybody (guests drifting away).":
        '这是会员自身加入前后的变化，没有对照组：它把会员制和所有人都经历的变化（顾客逐渐流失）混在了一起。',
    'You subtracted the before ratio from the after ratio. Difference-in-differences on a ratio scale divides them: after / before.':
        '你用加入后的比值减去了加入前的比值。在比值尺度上的双重差分是相除：加入后 / 加入前。',
    "Match each member with comparison guests (cases.membership_did with post_weeks=13, tolerance=1, cohort_weeks=4); the matched ratio after joining is the members' visits over the comparison guests' visits in the same weeks; divide it by the same ratio before joining.":
        '为每位会员匹配对照顾客（cases.membership_did，参数 post_weeks=13、tolerance=1、cohort_weeks=4）；加入后的匹配比值是同几周内会员的到店次数比对照顾客的到店次数；再除以加入前的同一比值。',
    'The lower end of the 95% bootstrap interval of the difference-in-differences effect (cases.effect_estimates with n_boot=1000, seed=7).':
        '双重差分效应的 95% 自助法置信区间的下限（cases.effect_estimates，n_boot=1000，seed=7）。',
    'That is the upper end of the interval; the question asks for the lower one.':
        '这是置信区间的上限；题目问的是下限。',
    'That is the lower end of the 90% interval. The question asks for 95% (confidence=0.95, the default).':
        '这是 90% 置信区间的下限。题目要的是 95%（confidence=0.95，默认值）。',
    "That is the lower end for the matched ratio after joining; take the row 'difference-in-differences'.":
        "这是加入后匹配比值的下限；请取 'difference-in-differences' 那一行。",
    'Bootstrap the three estimates 1,000 times with the seed 7 (cases.effect_estimates with the rates of 08b.1 and the matched table of 08b.4) and read the lower end of the difference-in-differences row.':
        '用种子 7 对三个估计值做 1,000 次自助法（cases.effect_estimates，传入 08b.1 的比率和 08b.4 的匹配表），读出 difference-in-differences 那一行的下限。',
    'A chart of the naive, matched and difference-in-differences effects with their intervals, and the true effect as a line.':
        '一张图：简单对比、匹配和双重差分三个效应及其置信区间，并把真实效应画成一条线。',
    'Your intervals are 90% intervals. Draw the 95% intervals of cases.effect_estimates (confidence=0.95, the default).':
        '你的区间是 90% 置信区间。请画出 cases.effect_estimates 的 95% 置信区间（confidence=0.95，默认值）。',
    'Your matched and difference-in-differences estimates use a 26-week window. This chart uses the estimates of 08b.4 and 08b.5 (post_weeks=13).':
        '你的匹配估计和双重差分估计用的是 26 周的窗口。这张图用的是 08b.4 和 08b.5 的估计值（post_weeks=13）。',
    'Draw the three estimates of 08b.5 as points with their 95% intervals as error bars (ax.errorbar with xerr from the lower and upper ends) and the true effect as a line (ax.axvline), all as ratios or all as percentage changes.':
        '把 08b.5 的三个估计值画成点，95% 置信区间画成误差线（ax.errorbar，xerr 取自下限和上限），把真实效应画成一条线（ax.axvline），全部用比值或全部用百分比变化表示。',
    'Net return of the membership per member per year, in USD, at the difference-in-differences effect: (visits - visits/effect) x margin per member visit - visits/effect x points cost per member visit.':
        '按双重差分效应计算，会员制每位会员每年的净回报（美元）：(到店次数 - 到店次数/效应) x 每次会员到店的毛利 - 到店次数/效应 x 每次会员到店的积分成本。',
    'You left out the points: they cost money on every member visit, also the visits the member would have made anyway.':
        '你漏掉了积分：每次会员到店都要花积分的钱，包括会员本来就会来的那些次。',
    'You used the naive effect. Budget on the better (difference-in-differences) estimate.':
        '你用了简单对比的效应。请以更好的（双重差分）估计来做预算。',
    "Member visits per year = the members' visits after joining divided by their weeks of membership, times 52; the visits the membership added are those minus what they would have been without it (divided by the effect); multiply them by the mean margin of a member visit, and subtract the points cost (share of member visits with a USD 3 discount x 3) of the visits they would have made anyway.":
        '会员每年到店次数 = 会员加入后的到店次数除以入会周数，再乘以 52；会员制增加的到店次数 = 这个数减去没有会员制时的次数（除以效应）；把它乘以会员每次到店的平均毛利，再减去会员本来就会来的那些次的积分成本（享受 3 美元折扣的会员到店占比 x 3）。',
    "Of the decks' restaurant practices, which can these data test?":
        '在这些演示文稿介绍的餐厅做法中，哪些可以用这些数据检验？',
    'Yes: only the points membership left a trace (join dates and visits); calls, customised service and training are not recorded.':
        '对：只有积分会员制留下了痕迹（入会日期和到店记录）；回访电话、定制化服务和培训都没有记录。',
    'Follow-up calls are not recorded anywhere in the cafe data.':
        '咖啡馆的数据中任何地方都没有记录回访电话。',
    'Nothing in the data says which guests got customised service.':
        '数据中没有任何信息表明哪些顾客得到了定制化服务。',
    'The surveys measure perceived service, not whether staff were trained.':
        '问卷测量的是感知到的服务，而不是员工是否接受过培训。',
    'Re-run the estimate with an after-window and a tolerance of your choice. Which did you choose, why, and does the conclusion change?':
        '用你自己选择的加入后窗口和容差重新估计。你选了什么，为什么，结论有变化吗？',
    'tolerance':
        '容差',
    'window':
        '窗口',
    'members':
        '会员',
    'Write the recommendation of your brief for the owner: the result with its uncertainty, a caveat, what to do and the expected return.':
        '写出你给店主的管理简报中的建议：结果及其不确定性、一个注意事项、该做什么以及预期回报。',
    'self-selection':
        '自我选择',
    'experiment':
        '实验',
    # custlearn/exercises/lesson08c.py
    'low (1-3)':
        '低（1-3）',
    'middle (4)':
        '中（4）',
    'high (5-7)':
        '高（5-7）',
    'Of the bank accounts open on 31 Dec 2024, what share closed within 365 days? (a fraction)':
        '在 2024 年 12 月 31 日仍开户的银行账户中，有多大比例在 365 天内销户？（比例）',
    'You used a 182-day window (the default of contractual churn). The question asks for 365 days: window_days=365.':
        '你用的是 182 天的窗口（契约型流失的默认值）。题目要的是 365 天：window_days=365。',
    'That is the share of all customers whose account closed by the end of the data. Take the accounts open on 31 Dec 2024 and a 365-day window (label_churn).':
        '这是全部客户中账户在数据结束前销户的比例。请取 2024 年 12 月 31 日仍开户的账户和 365 天的窗口（label_churn）。',
    "That is the number of closed accounts; the question asks for the share (the mean of 'churned').":
        "这是销户账户的数量；题目问的是占比（'churned' 的均值）。",
    "Take the accounts still open on 31 Dec 2024 and mark those closed within the next 365 days (churn.label_churn with kind='contractual', window_days=365 and as_of); the closure rate is the share marked.":
        "取 2024 年 12 月 31 日仍开户的账户，标出在随后 365 天内销户的（churn.label_churn 加 kind='contractual'、window_days=365 和 as_of）；销户率就是被标记的比例。",
    'Log-rank chi-square comparing account survival (from opening) of survey answerers in three staff-attitude bands: low (1-3), middle (4), high (5-7).':
        '比较三个服务态度分段——低（1-3）、中（4）、高（5-7）——的问卷回答者账户存续情况（从开户算起）的对数秩检验卡方值。',
    'You banded product_knowledge. The question is about staff_attitude.':
        '你对 product_knowledge 做了分段。题目问的是 staff_attitude。',
    'You used two bands. Use three: pd.cut(..., [0, 3, 4, 7]).':
        '你用了两个分段。请用三个：pd.cut(..., [0, 3, 4, 7])。',
    "Take each account's time from opening to closure or to the end of the data (churn.churn_durations with kind='contractual'), keep the survey answerers, cut their staff_attitude into the bands 1-3, 4 and 5-7 (pd.cut with the edges 0, 3, 4, 7), and compare the bands' survival with churn.logrank_test: its chi_square.":
        "取每个账户从开户到销户或到数据结束的时间（churn.churn_durations 加 kind='contractual'），保留问卷回答者，把他们的 staff_attitude 切成 1-3、4 和 5-7 三段（pd.cut，边界为 0, 3, 4, 7），用 churn.logrank_test 比较各段的存续情况：取它的 chi_square。",
    "The closure rate in the 365 days after 31 Dec 2024, by outcome of the customer's first complaint (with 'no complaint'). A Series indexed by outcome.":
        "按客户首次投诉的结果（包括 'no complaint'），2024 年 12 月 31 日之后 365 天内的销户率。一个以结果为索引的 Series。",
    'Those are numbers of closed accounts; the question asks for rates (the churn_rate column).':
        '这些是销户账户的数量；题目问的是比率（churn_rate 列）。',
    'You labelled closures with a 182-day window. Use the labels of 08c.1 (365 days).':
        '你用 182 天的窗口标记了销户。请用 08c.1 的标签（365 天）。',
    "Label the closures as in 08c.1 (cut-off 31 Dec 2024, 365 days), give each customer the outcome of the first complaint ('no complaint' for the others) and take the closure rate per outcome (service.churn_by_complaint_outcome).":
        "按 08c.1 的方式标记销户（截止日期 2024 年 12 月 31 日，365 天），给每位客户分配首次投诉的结果（其他客户为 'no complaint'），再按结果计算销户率（service.churn_by_complaint_outcome）。",
    'Counted from account opening, 11% of customers whose first complaint was resolved well closed by the end, against 18% of customers who never complained. What do you conclude?':
        '从开户算起，首次投诉得到妥善解决的客户中有 11% 在结束前销户，而从未投诉的客户中是 18%。你能得出什么结论？',
    'Not so fast: complainers had to stay a customer long enough to complain, so their survival from opening is flattered whatever happened to the complaint.':
        '别急：投诉者必须当客户足够久才能投诉，所以无论投诉结果如何，他们从开户算起的存续情况都被美化了。',
    "Right: the comparison is biased (complainers must stay long enough to complain). Compare the outcomes with each other, or count closures per customer-year from the complaint on: then 'resolved well' is no better than 'no complaint'.":
        "对：这个比较有偏差（投诉者必须留得足够久才能投诉）。请在各种投诉结果之间比较，或者从投诉之日起按每客户年计算销户：这样 'resolved well'（妥善解决）并不比 'no complaint'（没有投诉）更好。",
    'Sample size is not the issue: the bias comes from who can be in the group at all (survivorship).':
        '问题不在样本量：偏差来自谁能进入这个组（幸存者偏差）。',
    'A good resolution does matter compared with a poor one; the problem is only the comparison with customers who never complained.':
        '与处理得差相比，妥善解决确实有作用；问题只在于与从未投诉的客户比较。',
    'Driver analysis of closing (closed = 1 if the account closed by the end) on staff_attitude, product_knowledge and the five SERVQUAL perception scores: the standardised weight of staff_attitude.':
        '以销户（账户在结束前销户则 closed = 1）为目标，对 staff_attitude、product_knowledge 和五个 SERVQUAL 感知得分做驱动因素分析：staff_attitude 的标准化权重。',
    'That is the correlation. The question asks for the standardised weight (all drivers together).':
        '这是相关系数。题目问的是标准化权重（所有驱动因素一起）。',
    "That is the weight in the driver analysis of overall satisfaction. Use 'closed' as the target.":
        "这是总体满意度的驱动因素分析中的权重。请用 'closed' 作为目标。",
    'You left out the SERVQUAL dimensions. Use all seven drivers: they share the credit.':
        '你漏掉了 SERVQUAL 维度。请用全部七个驱动因素：它们共同分担作用。',
    "Score the five SERVQUAL perception dimensions of each answerer (satisfaction.servqual_scores), add staff_attitude, product_knowledge and a 0/1 column for an account closed by the end, and run the driver analysis of that column on the seven drivers (satisfaction.driver_analysis): read staff_attitude's standardised weight.":
        '给每位回答者的五个 SERVQUAL 感知维度打分（satisfaction.servqual_scores），加上 staff_attitude、product_knowledge 以及一个表示账户在结束前销户的 0/1 列，用这七个驱动因素对该列做驱动因素分析（satisfaction.driver_analysis）：读出 staff_attitude 的标准化权重。',
    'With the closure-rate model (rate_model) on the survey answerers with staff_attitude, product_knowledge and discount, what is the closure rate ratio per survey point of staff attitude?':
        '在问卷回答者上用销户率模型（rate_model），加入 staff_attitude、product_knowledge 和 discount，服务态度每高 1 个问卷分数点，销户的率比是多少？',
    "That is the coefficient b, a change in the log rate. The rate ratio is exp(b): the 'rate_ratio' column.":
        "这是系数 b，即对数比率的变化。率比是 exp(b)：'rate_ratio' 列。",
    'That ratio is upside down: it is how much the closure rate changes per point LESS of staff attitude. Give the rate ratio per point more: below 1 when better attitude means fewer closures.':
        '这个比值倒过来了：它是服务态度每低 1 分时销户率的变化。请给出每高 1 分的率比：态度更好意味着销户更少时，它小于 1。',
    'That is the reduction in percent (27.5 for 27.5% fewer closures). Give the rate ratio itself, a multiplier such as 0.8.':
        '这是以百分数表示的降幅（销户减少 27.5% 写 27.5）。请给出率比本身，一个像 0.8 这样的倍数。',
    'That is 1 - rate ratio (the share of closures fewer). Give the ratio itself.':
        '这是 1 - 率比（销户减少的比例）。请给出比值本身。',
    'You fitted staff_attitude alone. Keep product_knowledge and discount in the model, so attitude does not take their credit.':
        '你只用 staff_attitude 做了拟合。把 product_knowledge 和 discount 留在模型中，这样态度才不会占了它们的功劳。',
    'You ignored how long each account was open. A closure rate needs the exposure: years open (rate_model does it with duration_days).':
        '你忽略了每个账户开户的时长。销户率需要暴露时间：开户的年数（rate_model 通过 duration_days 处理）。',
    "Fit the closure-rate model of the case to the survey answerers, with staff_attitude, product_knowledge and discount as the explanatory columns and the years each account was open as exposure (rate_model), and read staff_attitude's rate_ratio: how the closure rate is multiplied per survey point.":
        '在问卷回答者上拟合本案例的销户率模型，以 staff_attitude、product_knowledge 和 discount 为解释变量，以每个账户开户的年数为暴露时间（rate_model），读出 staff_attitude 的 rate_ratio：每高 1 个问卷分数点，销户率乘以多少。',
    'Kaplan-Meier curves of the survey answerers by product-knowledge band (low 1-3, middle 4, high 5-7), with a title and labelled axes.':
        '问卷回答者按产品知识分段（低 1-3、中 4、高 5-7）的卡普兰–迈耶曲线，带标题和坐标轴标签。',
    'Your curves split the answerers by staff_attitude. This chart is about product_knowledge.':
        '你的曲线按 staff_attitude 划分回答者。这张图要的是 product_knowledge。',
    'Your chart has two bands. Use three: low (1-3), middle (4), high (5-7): pd.cut with the edges 0, 3, 4, 7.':
        '你的图有两个分段。请用三个：低（1-3）、中（4）、高（5-7）：pd.cut，边界为 0, 3, 4, 7。',
    'Your chart has one curve for all answerers. Draw one per product-knowledge band (kaplan_meier with groups=band).':
        '你的图只有一条全部回答者的曲线。请为每个产品知识分段画一条（kaplan_meier 加 groups=band）。',
    "Cut the answerers' product_knowledge into the bands 1-3, 4 and 5-7 (pd.cut with the edges 0, 3, 4, 7), fit one Kaplan-Meier curve per band on the time from opening (churn.kaplan_meier with groups=band) and draw them as steps with a legend (plots.survival_chart does it).":
        '把回答者的 product_knowledge 切成 1-3、4 和 5-7 三段（pd.cut，边界为 0, 3, 4, 7），以开户以来的时间为准，每段拟合一条卡普兰–迈耶曲线（churn.kaplan_meier 加 groups=band），画成阶梯线并加图例（plots.survival_chart 可以画）。',
    'If training raised the average staff-attitude score by 0.5 point, how many closures a year would it avoid? Use the 2025 closures as the baseline and the rate ratio of 08c.6.':
        '如果培训使服务态度平均得分提高 0.5 分，每年能避免多少次销户？以 2025 年的销户为基准，用 08c.6 的率比。',
    'closures':
        '次销户',
    'That is for a whole point. For half a point the rate is multiplied by rate_ratio ** 0.5.':
        '这是提高整整 1 分的结果。提高半分时，销户率乘以 rate_ratio ** 0.5。',
    'You used all closures of both years. The baseline for a year is the closures of 2025.':
        '你用了两年的全部销户。一年的基准是 2025 年的销户。',
    'You used the product-knowledge rate ratio. The question is about staff attitude.':
        '你用了产品知识的率比。题目问的是服务态度。',
    'Half a point multiplies the closure rate by the rate ratio of 08c.6 to the power 0.5; the closures avoided are the 2025 closures times one minus that multiplier.':
        '提高半分使销户率乘以 08c.6 的率比的 0.5 次方；避免的销户数是 2025 年的销户数乘以（1 减去这个倍数）。',
    'Which practice should Harbor Bank change first?':
        'Harbor Bank 应该先改变哪一项做法？',
    "An unresolved complaint multiplies a customer's closure rate most, but few customers are in that state: fixing half of them avoids only a handful of closures a year.":
        '未解决的投诉使客户的销户率增加得最多，但处于这种状态的客户很少：解决其中一半，每年也只能避免少数几次销户。',
    'Yes: staff attitude reaches every customer, its effect is clearly away from zero, and half a point avoids the most closures per year; complaint handling (on quality) and knowledge follow.':
        '对：服务态度影响到每一位客户，它的效应明显不为零，提高半分每年避免的销户最多；其次是投诉处理（在质量上）和产品知识。',
    'Product knowledge points the same way, but its effect is about half as large in these data and its interval nearly reaches zero.':
        '产品知识的方向相同，但在这些数据中它的效应只有大约一半，置信区间也几乎碰到零。',
    'Observational data call for caution and a pilot, not for doing nothing: the effects are large and consistent, and a pilot with a comparison group will measure them.':
        '观察数据需要谨慎和试点，而不是什么都不做：这些效应大而一致，有对照组的试点可以测量它们。',
    'Write the recommendation of your brief for the retail director: which practice first and why, the expected effect with its uncertainty, two caveats, a next step and the expected return.':
        '写出你给零售业务总监的管理简报中的建议：先改哪项做法及其原因、预期效应及其不确定性、两个注意事项、下一步以及预期回报。',
    'staff attitude':
        '服务态度',
    'survey':
        '问卷',
    'pilot':
        '试点',
    # custlearn/exercises/lesson09.py
    "With one SQL query (DuckDB) over the shop's orders as Parquet: how many customers ordered at least once in 2025?":
        '用一条 SQL 查询（DuckDB）查询 Parquet 格式的网店订单：2025 年至少下过一次订单的客户有多少位？',
    'You counted the orders of 2025 (rows). A customer with five orders is one customer: COUNT(DISTINCT customer_id).':
        '你数的是 2025 年的订单（行数）。有五个订单的客户也只是一位客户：COUNT(DISTINCT customer_id)。',
    "You counted the customers of 2024. Keep the orders of 2025: WHERE order_month >= '2025-01' (or order_date >= DATE '2025-01-01').":
        "你数的是 2024 年的客户。请保留 2025 年的订单：WHERE order_month >= '2025-01'（或 order_date >= DATE '2025-01-01'）。",
    'You counted every customer who ever ordered. Keep only the orders of 2025 with a WHERE before you count.':
        '你数了所有下过订单的客户。在计数之前，用 WHERE 只保留 2025 年的订单。',
    'Keep the orders placed in 2025 (a WHERE on order_month or order_date) and count the distinct customer ids among them: SELECT COUNT(DISTINCT customer_id) FROM ... WHERE ...':
        '保留 2025 年下的订单（对 order_month 或 order_date 加 WHERE），数出其中不同客户 id 的个数：SELECT COUNT(DISTINCT customer_id) FROM ... WHERE ...',
    'Revenue (the sum of amount) per month of 2025, from the Parquet files partitioned by month: a Series (or one-column table) indexed by month.':
        '基于按月分区的 Parquet 文件，2025 年每个月的收入（amount 之和）：一个以月份为索引的 Series（或只有一列的表）。',
    'You counted the orders per month (COUNT(*)). Revenue adds up the amounts: SUM(amount).':
        '你数的是每月的订单数（COUNT(*)）。收入是把金额加总：SUM(amount)。',
    'You averaged the amounts (AVG): that is the mean order value. Revenue is their sum: SUM(amount).':
        '你对金额求了平均（AVG）：这是平均订单金额。收入是它们的总和：SUM(amount)。',
    "Those are the months of 2024. Keep the months of 2025: WHERE order_month >= '2025-01'.":
        "这些是 2024 年的月份。请保留 2025 年的月份：WHERE order_month >= '2025-01'。",
    'Read the Parquet files with DuckDB, keep the months of 2025, group by order_month and add up the amounts (SUM(amount)); turn the result into a pandas Series indexed by the month.':
        '用 DuckDB 读取 Parquet 文件，保留 2025 年的月份，按 order_month 分组并加总金额（SUM(amount)）；把结果转换成以月份为索引的 pandas Series。',
    'Compute the BTYD summary of the shop in SQL (sql.clv_summary over the Parquet folder, as of shop.as_of). What is the mean frequency (repeat purchase days) per buyer?':
        '用 SQL 计算网店的 BTYD 汇总（对 Parquet 文件夹使用 sql.clv_summary，截至 shop.as_of）。每位购买客户的平均 frequency（重复购买日数）是多少？',
    'You counted order rows minus one (COUNT(*) - 1). Two orders on one day are one purchase in the BTYD summary: use sql.clv_summary, which counts purchase days.':
        '你数的是订单行数减一（COUNT(*) - 1）。在 BTYD 汇总中，同一天的两个订单算一次购买：请用按购买日计数的 sql.clv_summary。',
    'That is the mean number of orders per customer. frequency counts repeat purchase days: the first purchase day does not count.':
        '这是每位客户的平均订单数。frequency 数的是重复购买日：第一个购买日不算。',
    'That is the mean number of purchase days, the first one included. frequency counts the repeat ones: one less per customer.':
        '这是平均购买日数，包括第一个。frequency 数的是重复的购买日：每位客户少一个。',
    "Call sql.clv_summary on the Parquet folder with as_of=shop.as_of: it counts each customer's purchase days after the first (several orders on one day are one purchase); take the mean of its frequency column.":
        '对 Parquet 文件夹调用 sql.clv_summary，传入 as_of=shop.as_of：它数出每位客户第一个购买日之后的购买日（同一天的多个订单算一次购买）；取它 frequency 列的均值。',
    "Fit BG/NBD (value.BetaGeo) on the weekly summary computed in SQL (time_unit='weeks'). How many purchases do all the shop's buyers make in the next 52 weeks, expected in total?":
        "在用 SQL 计算的按周汇总（time_unit='weeks'）上拟合 BG/NBD（value.BetaGeo）。预计这家网店的全部购买客户在未来 52 周内总共会购买多少次？",
    'purchases':
        '次购买',
    "Your summary is in days, so t=52 is 52 days. Use time_unit='weeks' (t=52 is then a year).":
        "你的汇总是按天的，所以 t=52 是 52 天。请用 time_unit='weeks'（这样 t=52 才是一年）。",
    "t=12 is 12 weeks, not a year. The horizon is in the summary's unit: 52 weeks.":
        't=12 是 12 周，不是一年。时间范围以汇总的单位计：52 周。',
    "You fitted the model on the summary in days. Close, but a model fitted in days is not the one asked for: use time_unit='weeks' and t=52.":
        "你在按天的汇总上拟合了模型。结果接近，但按天拟合的模型不是题目要的那一个：请用 time_unit='weeks' 和 t=52。",
    "You used expected_purchases_population: that is for a new customer with no history. Use expected_purchases(summary, 52), which reads each buyer's frequency, recency and T.":
        '你用了 expected_purchases_population：它是针对一位没有历史记录的新客户的。请用 expected_purchases(summary, 52)，它会读取每位购买客户的 frequency、recency 和 T。',
    "Compute the summary in weeks with sql.clv_summary(..., time_unit='weeks'), fit value.BetaGeo() on it, then add up bgnbd.expected_purchases(summary, 52) over all buyers.":
        "用 sql.clv_summary(..., time_unit='weeks') 计算按周的汇总，在它上面拟合 value.BetaGeo()，再对全部购买客户加总 bgnbd.expected_purchases(summary, 52)。",
    "In the company's Databricks notebook you run sql.rfm(orders_table, as_of, engine='spark', spark=spark) on 200 million orders. Where is RFM computed, and what comes back?":
        "在公司的 Databricks 笔记本中，你对 2 亿个订单运行 sql.rfm(orders_table, as_of, engine='spark', spark=spark)。RFM 是在哪里计算的？返回的是什么？",
    'No: pandas does not compute it. The SQL text runs in Spark SQL; pandas only receives the answer.':
        '不对：不是 pandas 在计算。SQL 文本在 Spark SQL 中运行；pandas 只接收答案。',
    "Yes: the executors run the SQL next to the data (the GROUP BY brings each customer's rows together), and only the answer, one row per customer, comes back as a pandas frame.":
        '对：执行器在数据旁边运行 SQL（GROUP BY 把每位客户的行聚到一起），只有答案——每位客户一行——以 pandas 数据框的形式返回。',
    "No: DuckDB runs only with engine='duckdb'. With engine='spark' the same text runs in Spark SQL.":
        "不对：只有 engine='duckdb' 时才运行 DuckDB。用 engine='spark' 时，同样的文本在 Spark SQL 中运行。",
    'No: only the answer travels to the notebook, one row per customer, never the orders.':
        '不对：传到笔记本的只有答案，每位客户一行，而绝不是订单。',
    'Your company has 40 million orders and your laptop 16 GB of memory. With the bytes per order measured in the lesson (sql.footprint), can you compute RFM in pandas?':
        '你的公司有 4,000 万个订单，你的笔记本电脑有 16 GB 内存。按本课测得的每个订单的字节数（sql.footprint），你能用 pandas 计算 RFM 吗？',
    "Yes: 40 million times the bytes per order of the whole table and RFM's working memory is well below 16 GB. Move when the need nears the memory, not before.":
        '能：4,000 万乘以整张表每个订单的字节数，再加上 RFM 的工作内存，远低于 16 GB。等需求接近内存时再迁移，不要提前。',
    'No: Spark is for orders that live in a cluster. Multiply the orders by the bytes per order first: here they fit in memory.':
        '不对：Spark 是为存放在集群中的订单准备的。先把订单数乘以每个订单的字节数：这里它们放得进内存。',
    'No: pandas has no limit on rows; memory is the limit, and 40 million orders fit in 16 GB.':
        '不对：pandas 对行数没有限制；限制在于内存，而 4,000 万个订单放得进 16 GB。',
    "No: a sample of orders changes every customer's recency, frequency and spend; here all orders fit.":
        '不对：对订单抽样会改变每位客户的最近一次购买时间、购买频率和消费额；这里全部订单都放得下。',
    "A colleague computed the shop's BTYD summary in the warehouse. How would you prove to your manager that it equals lesson 05's, and what would you do if 147 customers differed?":
        '一位同事在数据仓库中计算了网店的 BTYD 汇总。你会如何向经理证明它与第 05 课的结果相同？如果有 147 位客户不同，你会怎么做？',
    'reconcile':
        '对账',
    'sample of customers':
        '客户样本',
    'assert':
        '断言',
}
