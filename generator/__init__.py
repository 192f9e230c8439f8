"""The Arabic briefing-site generator: ``pipeline.build`` runs the stages in order
(read → clean → extract → corpus → briefing → render → search → write); see ARCHITECTURE.md."""
