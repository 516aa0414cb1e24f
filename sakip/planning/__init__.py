"""The year's plan (Perencanaan Kinerja) as the domain sees it: its checks, its frozen
snapshot (what a Perjanjian Kinerja agrees to), the difference between two snapshots, how
quarters add up, who the parties are, and the cleaning of what people type into it."""
