"""The reference data every command and the editor work with: the course's field model and its catalogues."""

from __future__ import annotations

from dataclasses import dataclass

from matrices.catalogs import CATALOG_DIR, Catalogs
from matrices.fieldmodel import FieldModel
from matrices.installation import InstallationError, bundled_path


@dataclass(frozen=True)
class ReferenceData:
    """The bundled field model and catalogues, checked against each other."""

    catalogs: Catalogs
    field_model: FieldModel


def load_reference_data() -> ReferenceData:
    """Load the field model and the catalogues the app ships; InstallationError names the first part lost."""
    field_model = FieldModel.load()
    catalogs = Catalogs.load()
    # Every catalogue the app uses is named by the field model: one missing would fail later, in the middle of
    # a check or an export, as a bare KeyError.
    for ref in sorted(field_model.catalog_refs()):
        if ref not in catalogs:
            file = bundled_path(CATALOG_DIR, ref.partition("#")[0])
            raise InstallationError(file, "damaged" if file.exists() else "missing")
    return ReferenceData(catalogs, field_model)
