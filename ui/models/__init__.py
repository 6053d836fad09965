"""Qt item models over the proposal: one QAbstractTableModel (or tree model) per matrix list."""
