"""The LAKIP's first draft, written by the product from the report's own data with
deterministic templates in plain Indonesian (no external service). `writer.draft_texts` is
what the procedure calls at step 6 (through `workflow.hooks.draft_texts`)."""
