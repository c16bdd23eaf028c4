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
    '💡 Hint: {hint}':
        '💡 提示：{hint}',
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
        '{value}{unit}，正确（已四舍五入：精确值为 {expected:.6g}）。',
    '{value}{unit} is right.':
        '{value}{unit}，正确。',
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
        '说明这个结果对经理意味着什么，以及你会怎么做。',
    'A strong answer usually also mentions: {keywords}.':
        '好的回答通常还会提到：{keywords}。',
    'Thank you: written answers are not graded automatically. Compare yours with the model answer in exercises/solutions/ or discuss it in class.':
        '谢谢：书面回答不会自动评分。请把你的回答与 exercises/solutions/ 里的参考答案对照，或在课堂上讨论。',
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
        '柱',
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
        '已联系的客户（按流失风险从高到低）',
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
    'End of month':
        '月末',
    'Date':
        '日期',
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
    'Closed within the limit (95% interval)':
        '在服务时限内关闭（95% 置信区间）',
    'Target {target:.0%}':
        '目标 {target:.0%}',
    'Tickets resolved within their time limit':
        '在服务时限内解决的工单',
    'Closed in time, worst first':
        '按时关闭率，从差到好',
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
    'RFM segments':
        'RFM 细分',
    'Share of the total (each colour adds up to 100%)':
        '占总量的比例（每种颜色合计 100%）',
    'Share of all customers':
        '占全部客户的比例',
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
    'clearly better than all customers':
        '明显好于全部客户',
    'clearly worse':
        '明显较差',
    'not clearly different':
        '无明显差异',
    'Evaluation indicator system: segments side by side':
        '评估指标体系：各细分群体并排比较',
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
}
