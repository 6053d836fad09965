"""Small reusable widgets: catalogue pickers, banners, the step list, the guidance panel."""
