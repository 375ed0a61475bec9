"""Start Streamlit on sdmkit's entry script.

Streamlit still runs the first request of a process in its old pages/-directory
mode when a `pages/` folder sits beside the entry script, until some session has
called st.navigation. A deep link such as /charter?id=3 opened first would then run
the page without the shell. sdmkit registers every page with st.navigation, so the
old mode is switched off before the server starts."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    try:
        # Only the launcher needs Streamlit's own command line.
        from streamlit.runtime.pages_manager import PagesManager

        PagesManager.uses_pages_directory = False
    except ImportError:  # a Streamlit without the old mode needs nothing
        pass
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", *argv]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
