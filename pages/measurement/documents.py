"""The quarter's documents: invitation, attendance list, minutes and the quarterly
measurement report (filled in by the documents of the measurement)."""

urlpatterns: list = []
