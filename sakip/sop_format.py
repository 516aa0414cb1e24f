"""The SOP's format (section V): the nine column headers exactly as the SOP writes them,
including the space after the slashes. Plain Python, so scripts can import it without Django."""

SOP_HEADERS = [
    "No",
    "Sasaran Strategis",
    "Indikator Kinerja",
    "Target",
    "Realisasi/ Progres Capaian",
    "Program/Kegiatan/ Sub Kegiatan",
    "Sumber Data",
    "Yang membidangi",
    "Ket",
]
