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
}
