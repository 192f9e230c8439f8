"""The commands besides the build: ``check`` and ``export``, and how a failure is told (``failure``).
"""
