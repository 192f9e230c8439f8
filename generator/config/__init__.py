"""``site.yaml`` → a validated, frozen ``Config`` (``site``): the schema, safe YAML (``yamlfile``)
and the interface text (``ui_text``). Usable from every stage; no other package reads raw YAML.
"""
