# The budget is kept per program, kegiatan or sub kegiatan: the program's column becomes the
# nomenklatur's (renamed, so every existing line keeps its figures).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("sakip", "0006_input_limits_and_validation"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="anggaran", name="anggaran_unique"),
        migrations.RenameField(model_name="anggaran", old_name="program", new_name="nomenklatur"),
    ]
