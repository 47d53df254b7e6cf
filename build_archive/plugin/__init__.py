"""The MkDocs plugin (``plugins: [archive]``): runs the pipeline and hands MkDocs its pages in memory."""
