"""Who signs the comments: asked once (name and role), then kept in the settings."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.settings import Role


class IdentityDialog(QDialog):
    """Asks the name and role that sign review comments; OK is enabled once a name is typed."""

    def __init__(self, name: str, role: Role, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign your comments"))
        intro = QLabel(self.tr("Your name and role are shown with every comment you write, in the app and in Word."))
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setAccessibleName(self.tr("Name"))
        self.role_combo = QComboBox(self)
        self.role_combo.addItem(self.tr("Facilitator"), "facilitator")
        self.role_combo.addItem(self.tr("Participant"), "participant")
        self.role_combo.setCurrentIndex(max(self.role_combo.findData(role), 0))
        self.role_combo.setAccessibleName(self.tr("Role"))
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Role"), self.role_combo)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self.setMinimumWidth(420)

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name_edit.text().strip()))

    def identity(self) -> tuple[str, Role]:
        """Return the (name, role) entered."""
        role: Role = "facilitator" if self.role_combo.currentData() == "facilitator" else "participant"
        return self.name_edit.text().strip(), role


def ask_identity(parent: QWidget | None, name: str, role: Role) -> tuple[str, Role] | None:
    """Show the dialog; return the (name, role) entered, or None when cancelled."""
    dialog = IdentityDialog(name, role, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.identity()
    finally:
        dialog.deleteLater()
