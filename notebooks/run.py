"""Executes every notebook here headless, in place, against a published warehouse.

Usage: python3 notebooks/run.py [WAREHOUSE] [AS_OF]   (defaults: the demo's warehouse and date)
"""
import os
import pathlib
import sys

import nbformat
from nbclient import NotebookClient

here = pathlib.Path(__file__).resolve().parent
if len(sys.argv) > 1:
    os.environ["IDIC_WAREHOUSE"] = str(pathlib.Path(sys.argv[1]).resolve())
if len(sys.argv) > 2:
    os.environ["IDIC_AS_OF"] = sys.argv[2]
for path in sorted(here.glob("*.ipynb")):
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=300, resources={"metadata": {"path": str(here)}}).execute()
    nbformat.write(notebook, path)
    print(f"executed {path.name}")
