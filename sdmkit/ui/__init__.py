"""Streamlit widgets and screens' building blocks. The only package besides pages/
that imports streamlit."""
