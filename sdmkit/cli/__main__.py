"""python -m sdmkit.cli"""

from sdmkit.cli import main

main()
