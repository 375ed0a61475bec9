"""The built-in document kinds, one module or package each. Which kinds exist, and in
what order, is listed once in sdmkit/registry.py (BUILTIN)."""
