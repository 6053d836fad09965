"""A Moodle cohort: the feedback zip and worksheet, shared by the command line and the dashboard."""
