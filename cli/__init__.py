"""The ``plandiff`` command line (installed as the package ``plandiff_cli``)."""
