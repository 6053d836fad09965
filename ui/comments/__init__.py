"""Review comments in the editor: the comments store, the side panel, the context menu and the markers."""
