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
}
