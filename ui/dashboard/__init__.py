"""The facilitator's cohort view: a folder of proposals at a glance, batch export to Word and CSV."""
