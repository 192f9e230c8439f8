"""What makes a rebuild cheap, used by the pipeline: the per-article cache and its store,
freshness of the last build, the page memo and the parallel map.
"""
