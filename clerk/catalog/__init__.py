"""一件事 catalog: bundles, matters, fields, materials, situations; merged into one form and one set."""

from clerk.catalog.loader import CatalogError, load_catalog_dir
from clerk.catalog.merge import MergedField, MergedForm, MergedMaterial, SituationError, merge
from clerk.catalog.schema import ApplicantKind, Bundle, Catalog, FieldType, Material, Matter, Situation

__all__ = [
    "ApplicantKind", "Bundle", "Catalog", "CatalogError", "FieldType", "Material", "Matter",
    "MergedField", "MergedForm", "MergedMaterial", "Situation", "SituationError", "load_catalog_dir", "merge",
]
