"""Dashboards: the office's and the kabupaten's view of capaian, progress and SOP timing."""
