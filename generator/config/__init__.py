"""``site.yaml`` → a validated, frozen ``Config`` (``site``), from the declared options
(``options``), their checks (``checks``, ``sections``), safe YAML (``yamlfile``) and the interface
text (``ui_text``). Usable from every stage; no other package reads raw YAML.
"""
