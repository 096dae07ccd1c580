"""The second look: figures of OCR'd tables that do not add up read again from the page image
(reconcile.py, reread.py), and totals the OCR could not read decided from the document's relations
(relations.py)."""

from __future__ import annotations

from pipeline.base.context import PackageContext
from pipeline.base.models import Extraction, PageText
from pipeline.second_look.reconcile import Reconciled, reconcile
from pipeline.second_look.relations import CrossCheck


def look_again(context: PackageContext, extraction: Extraction, pages: list[PageText]) -> Reconciled:
    """Second-look stage entry: the declared tables' groups that do not add up read again, or derived."""
    checks = CrossCheck.from_config(context.settings.tables.get("checks", []))
    return reconcile(extraction, pages, context.settings.second_look, checks)
