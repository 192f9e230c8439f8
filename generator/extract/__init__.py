"""Stage 3, extract: ``CleanDoc`` → ``Article``: headline and metadata (``article``), outlets and
agencies (``sources``), people, organizations and places (``entities``, ``places``), figures,
quotes and topics.
"""
