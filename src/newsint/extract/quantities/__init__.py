"""Quantities (being split into one file per concern; see ``units``)."""

from newsint.extract.quantities.dating import link_quantity_times
from newsint.extract.quantities.units import APPROX_TOLERANCE, extract_quantities

__all__ = ["APPROX_TOLERANCE", "extract_quantities", "link_quantity_times"]
