"""sdmkit: the workbench for a software development manager's written mechanisms."""

__version__ = "0.1.0"
