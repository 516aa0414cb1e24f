"""The SOP's 13 steps with their Mutu Baku (kelengkapan, minutes, output). Every office gets
them when it is created; the actor roles are the product's default (DESIGN.md), data that the
office's admin may change afterwards."""

from __future__ import annotations

SOP_STEPS = [
    (1, "Memerintahkan penyusunan LAKIP", ["camat"], "Nota dinas", 5),
    (
        2,
        "Mengumpulkan Kasi dan Kasubag serta Menyampaikan format pengumpulan data dan "
        "informasi kinerja",
        ["sekcam"],
        "Dokumen",
        60,
    ),
    (
        3,
        "Mengisi Formulir Pengumpulan Perencanaan kinerja dan menyediakan pendukungnya",
        ["kasi"],
        "Dokumen",
        120,
    ),
    (
        4,
        "Menghimpun format data dan informasi kinerja dari Kasi dan Kasubbag",
        ["jf"],
        "Dokumen",
        120,
    ),
    (
        5,
        "Menganalisis dan mengevaluasi data dan informasi kinerja yg terkumpul, jika kurang "
        "benar/sesuai maka data dikembalikan untuk direvisi",
        ["sekcam"],
        "Dokumen",
        60,
    ),
    (6, "Membuat draft Lakip", ["jf"], "Dokumen", 120),
    (
        7,
        "Mengoreksi draft Lakip, jika dalam penyusunannya kurang benar maka draf Lakip "
        "dikembalikan untuk dilakukan revisi",
        ["sekcam"],
        "Dokumen",
        60,
    ),
    (8, "Rapat Finalisasi Lakip", ["camat", "sekcam", "kasi", "jf"], "Dokumen", 90),
    (
        9,
        "Menyampaikan dokumen Lakip kepada Kepala Kantor untuk persetujuan",
        ["sekcam"],
        "Dokumen",
        10,
    ),
    (10, "Penandatanganan dokumen Lakip oleh Kepala Kantor", ["camat"], "Dokumen", 20),
    (11, "Pembuatan surat pengantar pengiriman sekaligus penomoran", ["jf"], "Dokumen", 10),
    (12, "Penggandaan Dokumen Lakip", ["jf"], "Dokumen", 60),
    (13, "Pengiriman dokumen Lakip", ["jf"], "Dokumen", 90),
]


def ensure_office_steps(office) -> None:
    """Create the office's missing SOP steps (idempotent; existing steps are left as edited)."""
    from workflow.models import Step

    existing = set(Step.objects.filter(office=office).values_list("number", flat=True))
    Step.objects.bulk_create(
        [
            Step(
                office=office,
                number=number,
                name=name,
                actor_roles=roles,
                kelengkapan=kelengkapan,
                minutes=minutes,
                output="Dokumen",
            )
            for number, name, roles, kelengkapan, minutes in SOP_STEPS
            if number not in existing
        ]
    )


def office_created(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw:
        ensure_office_steps(instance)
