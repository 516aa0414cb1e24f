"""Kecamatan Mungka as the SOP describes it, plus a second office to prove isolation.
Pure data; `demo.build` turns it into records."""

from __future__ import annotations

KABUPATEN = "Lima Puluh Kota"

MUNGKA = {
    "name": "Mungka",
    "letter_code": "CMK",
    "address": "Jalan Raya Mungka No. 1, Kecamatan Mungka",
    "postal_code": "26254",
    "phone": "(0752) 7750123",
    "email": "kecamatanmungka@limapuluhkotakab.go.id",
    "website": "mungka.limapuluhkotakab.go.id",
    "city": "Mungka",
    # The office's profile for Bab I of the LAKIP (Data induk › Kantor kecamatan).
    "legal_basis": (
        "Peraturan Bupati Lima Puluh Kota tentang Kedudukan, Susunan Organisasi, Tugas dan "
        "Fungsi serta Tata Kerja Kecamatan\n"
        "Rencana Strategis Kecamatan Mungka Tahun 2021–2026"
    ),
    "functions": (
        "perumusan kebijakan teknis di bidang pemerintahan, pemberdayaan masyarakat, "
        "ketenteraman dan ketertiban umum, serta pelayanan publik di kecamatan\n"
        "pelaksanaan koordinasi penyelenggaraan pemerintahan umum, pemberdayaan masyarakat, "
        "serta ketenteraman dan ketertiban umum\n"
        "pembinaan dan pengawasan penyelenggaraan pemerintahan nagari\n"
        "pelaksanaan pelayanan administrasi terpadu kecamatan (PATEN)\n"
        "pelaksanaan administrasi kesekretariatan kecamatan"
    ),
    "strategic_issues": (
        "Kecepatan dan kepastian waktu pelayanan administrasi kepada masyarakat\n"
        "Tertib administrasi pemerintahan nagari yang belum merata\n"
        "Partisipasi masyarakat dalam perencanaan pembangunan nagari dan kecamatan\n"
        "Kompetensi aparatur dan sarana prasarana pelayanan yang terbatas"
    ),
}

# (key, name, short name, kind, supplies data)
UNITS = [
    ("pimpinan", "Camat", "Camat", "pimpinan", False),
    ("sekretariat", "Sekretariat Kecamatan", "Sekretariat", "sekretariat", False),
    ("umum", "Subbagian Umum, Kepegawaian, Keuangan dan Aset", "Subbag Umum", "subbagian", True),
    ("pep", "Subbagian Perencanaan, Evaluasi dan Pelaporan", "Subbag PEP", "subbagian", False),
    ("pemerintahan", "Seksi Pemerintahan", "Seksi Pemerintahan", "seksi", True),
    ("pmd", "Seksi Pembangunan dan Pemberdayaan Masyarakat", "Seksi PMD", "seksi", True),
    ("kesos", "Seksi Kesejahteraan Sosial", "Seksi Kesos", "seksi", True),
    ("trantib", "Seksi Ketentraman dan Ketertiban Umum", "Seksi Trantibum", "seksi", True),
    ("pelayanan", "Seksi Pelayanan Publik", "Seksi Pelayanan", "seksi", True),
    ("jf", "Kelompok Jabatan Fungsional", "JF", "fungsional", False),
]

# username, full name, NIP, pangkat, golongan, jabatan, unit key, role, heads unit
PEOPLE = [
    (
        "camat",
        "ILDA SUBUL HURIATI, S.AP, M.S",
        "198003302000032001",
        "Pembina Tingkat I",
        "IV/b",
        "Camat Mungka",
        "pimpinan",
        "camat",
        True,
    ),
    (
        "sekcam",
        "Drs. AFRIZAL DT. RAJO MANGKUTO",
        "197205121998031004",
        "Pembina",
        "IV/a",
        "Sekretaris Camat",
        "sekretariat",
        "sekcam",
        True,
    ),
    (
        "kasi-pemerintahan",
        "YULIA FITRI, S.STP",
        "198507222006022002",
        "Penata Tingkat I",
        "III/d",
        "Kepala Seksi Pemerintahan",
        "pemerintahan",
        "kasi",
        True,
    ),
    (
        "kasi-pmd",
        "HENDRA SAPUTRA, S.E",
        "198209142009011003",
        "Penata Tingkat I",
        "III/d",
        "Kepala Seksi Pembangunan dan Pemberdayaan Masyarakat",
        "pmd",
        "kasi",
        True,
    ),
    (
        "kasi-kesos",
        "NOVIA RAHMI, S.Sos",
        "198711052010012005",
        "Penata",
        "III/c",
        "Kepala Seksi Kesejahteraan Sosial",
        "kesos",
        "kasi",
        True,
    ),
    (
        "kasi-trantib",
        "RIKO PRATAMA, S.H",
        "198603182011011002",
        "Penata",
        "III/c",
        "Kepala Seksi Ketentraman dan Ketertiban Umum",
        "trantib",
        "kasi",
        True,
    ),
    (
        "kasi-pelayanan",
        "DESI ARIANTI, S.Kom",
        "198901242014022001",
        "Penata",
        "III/c",
        "Kepala Seksi Pelayanan Publik",
        "pelayanan",
        "kasi",
        True,
    ),
    (
        "kasubag-umum",
        "ZULKIFLI, S.IP",
        "197810102005011007",
        "Penata Tingkat I",
        "III/d",
        "Kepala Subbagian Umum, Kepegawaian, Keuangan dan Aset",
        "umum",
        "kasi",
        True,
    ),
    (
        "kasubag-pep",
        "MUTIA SARI, S.E, M.M",
        "198412012009022004",
        "Penata Tingkat I",
        "III/d",
        "Kepala Subbagian Perencanaan, Evaluasi dan Pelaporan",
        "pep",
        "jf",
        True,
    ),
    (
        "jf",
        "RAHMAT HIDAYAT, A.Md",
        "199203152019031008",
        "Pengatur Tingkat I",
        "II/d",
        "Pranata Komputer Terampil",
        "jf",
        "jf",
        False,
    ),
    (
        "admin",
        "FEBRI YANTO",
        "199402282020121004",
        "Pengatur",
        "II/c",
        "Operator SAKIP",
        "umum",
        "admin",
        False,
    ),
]


# Pagu and realisation per program (Rp) for 2023, 2024, 2025 (2025 realisation to be filled).
# The programs, kegiatan and sub kegiatan themselves are the official ones every office gets
# from fixtures/nomenklatur.json.
ANGGARAN = {
    "7.01.01": [(2_145_300_000, 2_031_882_400), (2_236_750_000, 2_154_318_900), (2_310_400_000, 0)],
    "7.01.02": [(312_500_000, 288_415_000), (335_000_000, 321_775_500), (348_600_000, 0)],
    "7.01.03": [(198_000_000, 176_540_000), (215_500_000, 204_195_750), (224_000_000, 0)],
    "7.01.04": [(145_750_000, 131_802_300), (152_000_000, 146_210_000), (160_250_000, 0)],
    "7.01.05": [(96_400_000, 88_921_000), (104_300_000, 99_115_400), (110_000_000, 0)],
    "7.01.06": [(122_600_000, 109_884_500), (131_900_000, 124_770_300), (138_500_000, 0)],
}

# Sasaran strategis with indicators:
# (name, satuan, polarity, kind, unit key, sub kegiatan code, sumber data,
#  targets {year: value or (lo, hi) or text}, realisations {year: value or text}, renstra end)
SASARAN = [
    (
        "Meningkatnya kualitas penyelenggaraan pemerintahan kecamatan",
        [
            (
                "Persentase nagari dengan administrasi pemerintahan tertib",
                "%",
                "higher",
                "percent",
                "pemerintahan",
                "7.01.06.2.01.0002",
                "Laporan pembinaan administrasi nagari",
                {2023: 80, 2024: 85, 2025: 90},
                {2023: 80, 2024: 85},
                100,
            ),
            (
                "Persentase rekomendasi dan koordinasi pemerintahan yang ditindaklanjuti",
                "%",
                "higher",
                "percent",
                "pemerintahan",
                "7.01.02.2.01.0001",
                "Notulen rapat koordinasi",
                {2023: 85, 2024: 88, 2025: 90},
                {2023: 82.5, 2024: 90},
                95,
            ),
            (
                "Jumlah produk hukum nagari yang difasilitasi",
                "dokumen",
                "higher",
                "number",
                "pemerintahan",
                "7.01.06.2.01.0001",
                "Register produk hukum nagari",
                {2023: 12, 2024: 14, 2025: 15},
                {2023: 11, 2024: 14},
                18,
            ),
        ],
    ),
    (
        "Meningkatnya kualitas pelayanan publik kecamatan",
        [
            (
                "Indeks Kepuasan Masyarakat (IKM) terhadap pelayanan kecamatan",
                "nilai",
                "higher",
                "number",
                "pelayanan",
                "7.01.02.2.02.0003",
                "Laporan survei kepuasan masyarakat",
                {2023: 80, 2024: 82, 2025: 84},
                {2023: 81.34, 2024: 83.12},
                88,
            ),
            (
                "Persentase layanan PATEN yang selesai tepat waktu",
                "%",
                "higher",
                "percent",
                "pelayanan",
                "7.01.02.2.04.0002",
                "Buku register layanan PATEN",
                {2023: 90, 2024: 92, 2025: 95},
                {2023: 88.6, 2024: 93.4},
                98,
            ),
            (
                "Rata-rata waktu penyelesaian layanan administrasi",
                "hari",
                "lower",
                "number",
                "pelayanan",
                "7.01.02.2.04.0002",
                "Buku register layanan PATEN",
                {2023: 3, 2024: 2.5, 2025: 2},
                {2023: 3.2, 2024: 2.4},
                1,
            ),
        ],
    ),
    (
        "Meningkatnya partisipasi masyarakat dalam pembangunan dan kesejahteraan sosial",
        [
            (
                "Persentase usulan Musrenbang kecamatan yang terakomodir dalam RKPD",
                "%",
                "higher",
                "percent",
                "pmd",
                "7.01.03.2.01.0001",
                "Berita acara Musrenbang dan dokumen RKPD",
                {2023: 35, 2024: 40, 2025: 45},
                {2023: 31.5, 2024: 42.1},
                50,
            ),
            (
                "Jumlah lembaga kemasyarakatan nagari yang aktif",
                "lembaga",
                "higher",
                "number",
                "pmd",
                "7.01.03.2.03.0002",
                "Laporan pembinaan LKN",
                {2023: 20, 2024: 22, 2025: 24},
                {2023: 19, 2024: 23},
                28,
            ),
            (
                "Persentase bantuan sosial yang tersalur tepat sasaran",
                "%",
                "higher",
                "percent",
                "kesos",
                "7.01.03.2.01.0003",
                "Laporan penyaluran bansos",
                {2023: 90, 2024: 92, 2025: 95},
                {2023: 87.2, 2024: 91.5},
                98,
            ),
            (
                "Ketersediaan data PMKS yang mutakhir",
                "",
                "higher",
                "text",
                "kesos",
                "7.01.03.2.01.0003",
                "Basis data PMKS kecamatan",
                {
                    2023: "Tersedia dan dimutakhirkan per semester",
                    2024: "Tersedia dan dimutakhirkan per semester",
                    2025: "Tersedia dan dimutakhirkan per triwulan",
                },
                {
                    2023: "Tersedia, dimutakhirkan per semester",
                    2024: "Tersedia, dimutakhirkan per semester",
                },
                "Tersedia dan dimutakhirkan per triwulan",
            ),
        ],
    ),
    (
        "Terwujudnya ketentraman dan ketertiban umum di wilayah kecamatan",
        [
            (
                "Jumlah kasus gangguan ketentraman dan ketertiban umum",
                "kasus",
                "lower",
                "number",
                "trantib",
                "7.01.04.2.01.0001",
                "Laporan Satpol PP dan Polsek",
                {2023: 25, 2024: 20, 2025: 18},
                {2023: 28, 2024: 19},
                12,
            ),
            (
                "Persentase pelanggaran Perda/Perkada yang ditindaklanjuti",
                "%",
                "higher",
                "percent",
                "trantib",
                "7.01.04.2.02.0001",
                "Laporan penegakan Perda",
                {2023: 75, 2024: 80, 2025: 85},
                {2023: 70.4, 2024: 81},
                90,
            ),
        ],
    ),
    (
        "Meningkatnya akuntabilitas kinerja dan tata kelola perangkat kecamatan",
        [
            (
                "Persentase realisasi anggaran kecamatan",
                "%",
                "higher",
                "percent",
                "umum",
                "7.01.01.2.02.0008",
                "Laporan realisasi anggaran (SIPD)",
                {2023: 95, 2024: 95, 2025: 96},
                {2023: 93.4, 2024: 95.8},
                98,
            ),
            (
                "Nilai hasil evaluasi SAKIP kecamatan",
                "nilai",
                "higher",
                "range",
                "umum",
                "7.01.01.2.01.0006",
                "LHE SAKIP Inspektorat",
                {2023: (60, 70), 2024: (62, 72), 2025: (65, 75)},
                {2023: 61.2, 2024: 66.5},
                75,
            ),
            (
                "Persentase ASN yang memenuhi standar kompetensi jabatan",
                "%",
                "higher",
                "percent",
                "umum",
                "7.01.01.2.05.0009",
                "Data kepegawaian (SIMPEG)",
                {2023: 60, 2024: 65, 2025: 70},
                {2023: 58, 2024: 66.7},
                80,
            ),
            (
                "Persentase barang milik daerah yang tercatat dan terekonsiliasi",
                "%",
                "higher",
                "percent",
                "umum",
                "7.01.01.2.03.0005",
                "Laporan BMD (SIMDA BMD)",
                {2023: 90, 2024: 95, 2025: 100},
                {2023: 92, 2024: 96.3},
                100,
            ),
        ],
    ),
]

# The second office, only to prove that offices never see each other's data.
HARAU = {
    "name": "Harau",
    "letter_code": "CHR",
    "address": "Jalan Lintas Sumbar–Riau Km 12, Sarilamak, Kecamatan Harau",
    "postal_code": "26271",
    "phone": "(0752) 7750456",
    "email": "kecamatanharau@limapuluhkotakab.go.id",
    "website": "",
    "city": "Sarilamak",
}
HARAU_PEOPLE = [
    (
        "harau-camat",
        "SYAFRUDDIN, S.Sos, M.Si",
        "197506151996031002",
        "Pembina Tingkat I",
        "IV/b",
        "Camat Harau",
        "pimpinan",
        "camat",
        True,
    ),
    (
        "harau-sekcam",
        "ERNAWATI, S.E",
        "197803202003122003",
        "Pembina",
        "IV/a",
        "Sekretaris Camat",
        "sekretariat",
        "sekcam",
        True,
    ),
    (
        "harau-kasi",
        "ARDI KURNIAWAN, S.STP",
        "198805052010101001",
        "Penata",
        "III/c",
        "Kepala Seksi Pemerintahan",
        "pemerintahan",
        "kasi",
        True,
    ),
    (
        "harau-jf",
        "SITI AISYAH, A.Md",
        "199506302020122011",
        "Pengatur",
        "II/c",
        "Pranata Komputer Terampil",
        "jf",
        "jf",
        False,
    ),
    (
        "harau-admin",
        "DONI SAPUTRA",
        "199601012022031005",
        "Pengatur",
        "II/c",
        "Operator SAKIP",
        "umum",
        "admin",
        False,
    ),
]

KABUPATEN_READER = (
    "kabupaten",
    "Ir. MARLINA, M.T",
    "197404041999032006",
    "Kepala Bagian Organisasi Setda Kabupaten Lima Puluh Kota",
)

DEMO_PASSWORD = "mungka2025"

# ---- The plan (Perencanaan Kinerja) -------------------------------------------------------

# The Bupati: Pihak Kedua of every office's Perjanjian Kinerja (a fictional name; a Bupati is
# elected and has no NIP).
BUPATI = "H. ZULHENDRI DT. RAJO INTAN, S.H., M.M."

# (name, first year, last year) of each office's Renstra.
RENSTRA = ("Rencana Strategis Kecamatan {office} Tahun 2021–2026", 2021, 2026)

# Per indicator (by name): IKU flag, how its quarters add up, the reason it was chosen, its
# formula, and whether it is measured once a year (only TW IV has a target).
PLAN_DETAILS = {
    "Persentase nagari dengan administrasi pemerintahan tertib": (
        True,
        "terakhir",
        "Mengukur hasil pembinaan penyelenggaraan pemerintahan nagari, tugas pokok kecamatan.",
        "Jumlah nagari dengan administrasi tertib ÷ jumlah nagari × 100%",
        False,
    ),
    "Persentase rekomendasi dan koordinasi pemerintahan yang ditindaklanjuti": (
        False,
        "terakhir",
        "",
        "Rekomendasi yang ditindaklanjuti ÷ rekomendasi hasil rapat koordinasi × 100%",
        False,
    ),
    "Jumlah produk hukum nagari yang difasilitasi": (
        False,
        "kumulatif",
        "",
        "Jumlah peraturan nagari dan peraturan wali nagari yang difasilitasi dalam setahun",
        False,
    ),
    "Indeks Kepuasan Masyarakat (IKM) terhadap pelayanan kecamatan": (
        True,
        "terakhir",
        "Ukuran langsung kualitas pelayanan menurut masyarakat (PermenPAN-RB 14/2017).",
        "Nilai IKM hasil survei kepuasan masyarakat (skala 25–100)",
        True,
    ),
    "Persentase layanan PATEN yang selesai tepat waktu": (
        True,
        "terakhir",
        "Menunjukkan kepastian waktu layanan administrasi terpadu kecamatan.",
        "Layanan selesai sesuai standar waktu ÷ seluruh layanan PATEN × 100%",
        False,
    ),
    "Rata-rata waktu penyelesaian layanan administrasi": (
        False,
        "rata_rata",
        "",
        "Jumlah hari penyelesaian seluruh layanan ÷ jumlah layanan",
        False,
    ),
    "Persentase usulan Musrenbang kecamatan yang terakomodir dalam RKPD": (
        True,
        "terakhir",
        "Mengukur efektivitas kecamatan menyalurkan aspirasi pembangunan masyarakat.",
        "Usulan yang masuk RKPD ÷ usulan prioritas Musrenbang kecamatan × 100%",
        True,
    ),
    "Jumlah lembaga kemasyarakatan nagari yang aktif": (
        False,
        "terakhir",
        "",
        "Jumlah LKN yang melaporkan kegiatan pada triwulan berjalan",
        False,
    ),
    "Persentase bantuan sosial yang tersalur tepat sasaran": (
        False,
        "terakhir",
        "",
        "Penerima bansos sesuai DTKS ÷ seluruh penerima bansos × 100%",
        False,
    ),
    "Ketersediaan data PMKS yang mutakhir": (
        False,
        "terakhir",
        "",
        "Basis data PMKS tersedia dan tanggal pemutakhiran terakhir",
        False,
    ),
    "Jumlah kasus gangguan ketentraman dan ketertiban umum": (
        True,
        "kumulatif",
        "Mengukur hasil koordinasi ketentraman dan ketertiban umum di wilayah kecamatan.",
        "Jumlah kasus gangguan trantibum yang tercatat Satpol PP dan Polsek",
        False,
    ),
    "Persentase pelanggaran Perda/Perkada yang ditindaklanjuti": (
        False,
        "terakhir",
        "",
        "Pelanggaran yang ditindaklanjuti ÷ pelanggaran yang ditemukan × 100%",
        False,
    ),
    "Persentase realisasi anggaran kecamatan": (
        False,
        "terakhir",
        "",
        "Realisasi belanja ÷ pagu anggaran × 100%",
        False,
    ),
    "Nilai hasil evaluasi SAKIP kecamatan": (
        True,
        "terakhir",
        "Nilai akuntabilitas kinerja kecamatan menurut evaluasi Inspektorat (PermenPAN-RB 88/2021).",
        "Nilai LHE SAKIP dari Inspektorat Kabupaten",
        True,
    ),
    "Persentase ASN yang memenuhi standar kompetensi jabatan": (
        False,
        "terakhir",
        "",
        "ASN yang memenuhi standar kompetensi ÷ seluruh ASN kecamatan × 100%",
        True,
    ),
    "Persentase barang milik daerah yang tercatat dan terekonsiliasi": (
        False,
        "terakhir",
        "",
        "BMD tercatat dan terekonsiliasi ÷ seluruh BMD kecamatan × 100%",
        False,
    ),
}

# The sub kegiatan behind the indicators, with their pagu (Rp) for 2023, 2024 and 2025.
SUB_KEGIATAN_PAGU = {
    "7.01.01.2.01.0006": (16_200_000, 17_400_000, 18_500_000),
    "7.01.01.2.02.0008": (11_000_000, 12_000_000, 12_800_000),
    "7.01.01.2.03.0005": (8_500_000, 9_200_000, 9_750_000),
    "7.01.01.2.05.0009": (30_000_000, 32_500_000, 35_000_000),
    "7.01.02.2.01.0001": (58_000_000, 61_500_000, 65_000_000),
    "7.01.02.2.02.0003": (79_500_000, 84_000_000, 88_400_000),
    "7.01.02.2.04.0002": (48_700_000, 51_300_000, 54_200_000),
    "7.01.03.2.01.0001": (42_000_000, 45_250_000, 47_500_000),
    "7.01.03.2.01.0003": (52_400_000, 55_600_000, 58_300_000),
    "7.01.03.2.03.0002": (33_000_000, 35_000_000, 36_750_000),
    "7.01.04.2.01.0001": (40_100_000, 42_300_000, 44_600_000),
    "7.01.04.2.02.0001": (35_300_000, 37_400_000, 39_250_000),
    "7.01.06.2.01.0001": (34_200_000, 36_100_000, 38_000_000),
    "7.01.06.2.01.0002": (38_200_000, 40_400_000, 42_500_000),
}

# The 2026 plan: copied from 2025 and agreed in January 2026 with these targets raised
# (the PATEN target is raised only in the PK Perubahan under way in November 2026, whose
# draft still has what the plan page's checks point out).
PLAN_2026_TARGETS = {
    "Persentase nagari dengan administrasi pemerintahan tertib": 95,
    "Indeks Kepuasan Masyarakat (IKM) terhadap pelayanan kecamatan": 86,
    "Persentase layanan PATEN yang selesai tepat waktu": 97,
    "Jumlah kasus gangguan ketentraman dan ketertiban umum": 16,
}
# TW IV still at last year's figure although the year's target moved.
PLAN_2026_STALE_TW4 = "Persentase layanan PATEN yang selesai tepat waktu"
# A lower-is-better average whose quarters were typed rising.
PLAN_2026_RISING = ("Rata-rata waktu penyelesaian layanan administrasi", [1.6, 1.7, 1.8, 1.9])
# The PK Perubahan 2026 being prepared: its reason and the day the Kasubag PEP opened it.
PLAN_2026_AMENDMENT = (
    "Penyesuaian target setelah penetapan APBD Perubahan 2026: target layanan PATEN dinaikkan "
    "dan indikator layanan administrasi elektronik nagari ditambahkan.",
    "2026-11-30",
)
# A new indicator of 2026 still missing its formula, sumber data and Renstra end target.
PLAN_2026_NEW = {
    "sasaran": "Meningkatnya kualitas penyelenggaraan pemerintahan kecamatan",
    "name": "Persentase nagari yang menerapkan layanan administrasi berbasis elektronik",
    "satuan": "%",
    "target_kind": "percent",
    "unit": "pemerintahan",
    "code": "7.01.06.2.01.0002",
    "value": 40,
}

# ---- The quarters (Pengukuran Kinerja Triwulan) -------------------------------------------

# Mungka's realisation of each quarter, by indicator: the quarter's own figure for a
# cumulative count (the quarters add up), the figure at the quarter's end for a last value,
# the quarter's mean for an average. None: measured once a year, nothing to report before
# TW IV (the row says "kegiatan belum berjalan" with `ANNUAL_ONLY`).
QUARTER_VALUES = {
    2025: {
        "Persentase nagari dengan administrasi pemerintahan tertib": (80, 85, 87.5, 90),
        "Persentase rekomendasi dan koordinasi pemerintahan yang ditindaklanjuti": (
            78.5,
            83.3,
            86.7,
            88.9,
        ),
        "Jumlah produk hukum nagari yang difasilitasi": (3, 4, 5, 4),
        "Indeks Kepuasan Masyarakat (IKM) terhadap pelayanan kecamatan": (None, None, None, 84.6),
        "Persentase layanan PATEN yang selesai tepat waktu": (90.2, 92.5, 93.8, 95.4),
        "Rata-rata waktu penyelesaian layanan administrasi": (2.4, 2.1, 1.9, 1.8),
        "Persentase usulan Musrenbang kecamatan yang terakomodir dalam RKPD": (
            None,
            None,
            None,
            43.2,
        ),
        "Jumlah lembaga kemasyarakatan nagari yang aktif": (21, 23, 23, 25),
        "Persentase bantuan sosial yang tersalur tepat sasaran": (91, 92.4, 94.1, 95.6),
        "Ketersediaan data PMKS yang mutakhir": (
            "Tersedia, dimutakhirkan Maret 2025",
            "Tersedia, dimutakhirkan Juni 2025",
            "Tersedia, dimutakhirkan September 2025",
            "Tersedia dan dimutakhirkan per triwulan",
        ),
        "Jumlah kasus gangguan ketentraman dan ketertiban umum": (6, 4, 5, 4),
        "Persentase pelanggaran Perda/Perkada yang ditindaklanjuti": (76, 80.5, 84, 86.2),
        "Persentase realisasi anggaran kecamatan": (88.9, 91.7, 93.5, 95.3),
        "Nilai hasil evaluasi SAKIP kecamatan": (None, None, None, 68.4),
        "Persentase ASN yang memenuhi standar kompetensi jabatan": (None, None, None, 71.4),
        "Persentase barang milik daerah yang tercatat dan terekonsiliasi": (95.2, 97, 98.5, 100),
    },
    2026: {
        "Persentase nagari dengan administrasi pemerintahan tertib": (90, 92.5, 92.5),
        "Persentase rekomendasi dan koordinasi pemerintahan yang ditindaklanjuti": (
            85.7,
            87.5,
            88.9,
        ),
        "Jumlah produk hukum nagari yang difasilitasi": (4, 3, 5),
        "Indeks Kepuasan Masyarakat (IKM) terhadap pelayanan kecamatan": (None, None, None),
        "Persentase layanan PATEN yang selesai tepat waktu": (91.2, 93, 94.6),
        "Rata-rata waktu penyelesaian layanan administrasi": (2.1, 1.9, 1.8),
        "Persentase usulan Musrenbang kecamatan yang terakomodir dalam RKPD": (None, None, None),
        "Jumlah lembaga kemasyarakatan nagari yang aktif": (23, 24, 24),
        "Persentase bantuan sosial yang tersalur tepat sasaran": (92, 93.5, 94.2),
        "Ketersediaan data PMKS yang mutakhir": (
            "Tersedia, dimutakhirkan Maret 2026",
            "Tersedia, dimutakhirkan Juni 2026",
            "Tersedia, dimutakhirkan September 2026",
        ),
        "Jumlah kasus gangguan ketentraman dan ketertiban umum": (5, 3, 4),
        "Persentase pelanggaran Perda/Perkada yang ditindaklanjuti": (80, 82.4, 84.1),
        "Persentase realisasi anggaran kecamatan": (89.5, 92, 93.2),
        "Nilai hasil evaluasi SAKIP kecamatan": (None, None, None),
        "Persentase ASN yang memenuhi standar kompetensi jabatan": (None, None, None),
        "Persentase barang milik daerah yang tercatat dan terekonsiliasi": (96.1, 97.8, 99),
    },
}
ANNUAL_ONLY = "Indikator ini diukur sekali setahun; realisasinya dilaporkan pada TW IV."

# Each quarter's calendar: the day the Sekcam opened it (the units fill and send within three
# working days, the Sekcam accepts on the fourth) and the day of its measurement meeting.
QUARTER_DAYS = {
    (2025, 1): ("2025-04-08", "2025-04-16"),
    (2025, 2): ("2025-07-02", "2025-07-15"),
    (2025, 3): ("2025-10-02", "2025-10-14"),
    (2025, 4): ("2026-01-05", "2026-01-14"),
    (2026, 1): ("2026-04-06", "2026-04-15"),
    (2026, 2): ("2026-07-02", "2026-07-14"),
    (2026, 3): ("2026-10-05", "2026-10-14"),
}
MEETING_PLACE = "Aula Kantor Camat Mungka"
# Who missed each meeting (usernames); everyone else invited attended.
MEETING_ABSENT = {
    (2025, 1): ["kasi-pmd"],
    (2025, 2): ["kasi-trantib", "jf"],
    (2025, 3): [],
    (2025, 4): ["kasi-kesos"],
    (2026, 1): ["kasubag-umum"],
    (2026, 2): [],
    (2026, 3): ["kasi-pelayanan"],
}

# The Camat's directions at each measurement meeting.
MEETING_DIRECTIONS = {
    (2025, 1): (
        "1. Seluruh seksi dan subbagian mengunggah bukti dukung pengukuran paling lambat "
        "tanggal 10 setelah triwulan berakhir.\n"
        "2. Seksi Pemerintahan mempercepat fasilitasi produk hukum nagari yang masih tertunda.\n"
        "3. Jumlah kasus gangguan ketentraman TW I melebihi batas triwulan; Seksi Trantibum "
        "memperkuat patroli bersama Polsek dan Satpol PP.\n"
        "4. Seksi Pelayanan menurunkan rata-rata waktu penyelesaian layanan dengan memeriksa "
        "kelengkapan berkas di loket."
    ),
    (2025, 2): (
        "1. Tindak lanjut rekomendasi rapat koordinasi pemerintahan masih di bawah target; "
        "Seksi Pemerintahan memantau setiap rekomendasi sampai selesai.\n"
        "2. Rata-rata waktu layanan dihitung langsung dari buku register PATEN, bukan perkiraan.\n"
        "3. Subbagian Umum mempercepat penyerapan anggaran kegiatan fisik pada triwulan III."
    ),
    (2025, 3): (
        "1. Capaian TW III umumnya sesuai target triwulan; pertahankan sampai akhir tahun.\n"
        "2. Kasus gangguan ketentraman sudah 15 kasus dari batas 18 kasus setahun; Seksi "
        "Trantibum mengintensifkan deteksi dini menjelang akhir tahun.\n"
        "3. Seksi Kesos memastikan penerima bansos TW IV sesuai DTKS terbaru."
    ),
    (2025, 4): (
        "1. Hasil pengukuran TW IV menjadi bahan penyusunan LAKIP 2025.\n"
        "2. Batas jumlah kasus gangguan ketentraman 2025 terlampaui (19 dari 18 kasus); Seksi "
        "Trantibum menyusun rencana aksi bersama Polsek dan wali nagari.\n"
        "3. Usulan Musrenbang yang terakomodir dalam RKPD masih di bawah target; Seksi PMD "
        "memperkuat kualitas usulan prioritas."
    ),
    (2026, 1): (
        "1. Kasus gangguan ketentraman TW I melebihi batas triwulan; patroli terpadu "
        "dilanjutkan.\n"
        "2. Seluruh unit mempertahankan ketepatan waktu pengisian data pengukuran."
    ),
    (2026, 2): (
        "1. Capaian TW II sesuai atau melampaui target triwulan.\n"
        "2. Seksi Pemerintahan menyiapkan penerapan layanan administrasi elektronik di nagari."
    ),
    (2026, 3): (
        "1. Capaian TW III umumnya sesuai target triwulan.\n"
        "2. Subbagian PEP menyiapkan PK Perubahan 2026 setelah APBD Perubahan ditetapkan.\n"
        "3. Seksi Pelayanan mempertahankan ketepatan waktu layanan PATEN."
    ),
}

# The follow-ups each meeting decided: (indicator, action, due date, (done on, note) or None
# while still open). Exactly one is still open.
FOLLOW_UPS = {
    (2025, 1): [
        (
            "Jumlah produk hukum nagari yang difasilitasi",
            "Mendampingi tiga nagari menyelesaikan rancangan peraturan nagari tentang APB "
            "Nagari Perubahan.",
            "2025-06-30",
            ("2025-06-24", "Tiga rancangan peraturan nagari telah difasilitasi."),
        ),
        (
            "Jumlah kasus gangguan ketentraman dan ketertiban umum",
            "Menyusun jadwal patroli bersama Polsek dan Satpol PP di pasar nagari dan titik rawan.",
            "2025-05-15",
            ("2025-05-12", "Jadwal patroli bersama ditetapkan dan berjalan sejak Mei."),
        ),
        (
            "Rata-rata waktu penyelesaian layanan administrasi",
            "Menerapkan pemeriksaan kelengkapan berkas di loket PATEN sebelum berkas diterima.",
            "2025-05-30",
            ("2025-05-27", "Daftar periksa berkas dipakai di loket sejak 19 Mei 2025."),
        ),
    ],
    (2025, 2): [
        (
            "Persentase rekomendasi dan koordinasi pemerintahan yang ditindaklanjuti",
            "Membuat daftar pantau tindak lanjut rekomendasi rapat koordinasi dan "
            "melaporkannya setiap bulan.",
            "2025-08-29",
            ("2025-08-25", "Daftar pantau dilaporkan dalam rapat staf bulanan."),
        ),
        (
            "Persentase realisasi anggaran kecamatan",
            "Menyusun jadwal pelaksanaan kegiatan fisik agar realisasi anggaran TW III sesuai "
            "rencana.",
            "2025-08-15",
            ("2025-08-14", "Jadwal pelaksanaan kegiatan disepakati dengan PPTK."),
        ),
    ],
    (2025, 3): [
        (
            "Jumlah kasus gangguan ketentraman dan ketertiban umum",
            "Mengaktifkan kembali pos kamling di nagari dengan kasus terbanyak bersama wali "
            "nagari.",
            "2025-11-28",
            ("2025-11-26", "Pos kamling aktif kembali di dua nagari."),
        ),
        (
            "Persentase bantuan sosial yang tersalur tepat sasaran",
            "Mencocokkan daftar penerima bansos TW IV dengan DTKS terbaru.",
            "2025-11-14",
            ("2025-11-13", "Daftar penerima dicocokkan; dua nama diganti sesuai DTKS."),
        ),
    ],
    (2025, 4): [
        (
            "Jumlah kasus gangguan ketentraman dan ketertiban umum",
            "Menyusun rencana aksi penanganan gangguan ketentraman bersama Polsek dan wali "
            "nagari untuk tahun 2026.",
            "2026-02-27",
            None,
        ),
        (
            "Persentase usulan Musrenbang kecamatan yang terakomodir dalam RKPD",
            "Menyusun daftar usulan prioritas Musrenbang 2026 dengan kajian kebutuhan dan data "
            "pendukung.",
            "2026-02-13",
            ("2026-02-11", "Daftar usulan prioritas disampaikan ke Bappeda."),
        ),
    ],
    (2026, 1): [
        (
            "Jumlah kasus gangguan ketentraman dan ketertiban umum",
            "Melaksanakan patroli terpadu di pasar nagari setiap akhir pekan.",
            "2026-05-29",
            ("2026-05-28", "Patroli terpadu berjalan setiap Sabtu sejak April."),
        ),
    ],
    (2026, 2): [
        (
            "Persentase nagari dengan administrasi pemerintahan tertib",
            "Membina administrasi pemerintahan di nagari yang belum tertib.",
            "2026-08-28",
            ("2026-08-27", "Pembinaan dilaksanakan di Nagari Talang Maur."),
        ),
    ],
    (2026, 3): [
        (
            "Persentase realisasi anggaran kecamatan",
            "Mempercepat realisasi anggaran kegiatan triwulan IV sesuai APBD Perubahan.",
            "2026-11-27",
            ("2026-11-25", "Jadwal pencairan kegiatan TW IV disusun bersama PPTK."),
        ),
    ],
}

# The unit the Sekcam returned once: its first figure, the reason, the note on the row, and
# the corrected figure it sent again.
QUARTER_RETURN = {
    "quarter": (2025, 2),
    "indikator": "Rata-rata waktu penyelesaian layanan administrasi",
    "first": 2.3,
    "reason": "Rata-rata waktu penyelesaian layanan TW II belum sesuai buku register PATEN.",
    "note": "Hitung ulang dari buku register PATEN April–Juni dan lampirkan rekapitulasinya.",
    "fixed": "Dihitung ulang dari buku register PATEN April–Juni 2025.",
}
