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
}
