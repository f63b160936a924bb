"""The headless core: matters, import, segmentation, search, tagging, exports. Never imports Qt."""
