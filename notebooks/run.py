"""Executes notebooks headless against a published warehouse and writes the executed copies as HTML.

Usage: python3 notebooks/run.py [--warehouse DIR] [--as-of DATE] [--html DIR] [NOTEBOOK ...]

Without --as-of the notebooks read the newest published night (the catalogue's `_latest` views);
without notebooks named, every notebook in this folder runs, in name order. The notebooks
themselves are not changed. Prints one line per notebook; exits 1 at the first cell that fails,
naming the notebook and the cell.
"""
import argparse
import os
import pathlib
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

HERE = pathlib.Path(__file__).resolve().parent


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", default=str(HERE.parent / "idic-work" / "warehouse"),
                        help="the published warehouse (default: the demo's, idic-work/warehouse)")
    parser.add_argument("--as-of", help="the night to read (default: the newest)")
    parser.add_argument("--html", default=str(HERE / "target"),
                        help="folder for the executed copies (default: notebooks/target)")
    parser.add_argument("notebooks", nargs="*", help="notebooks to run (default: all here)")
    args = parser.parse_args(argv)

    warehouse = pathlib.Path(args.warehouse).resolve()
    if not (warehouse / "idic.duckdb").is_file():
        print(f"run.py: no catalogue {warehouse / 'idic.duckdb'}: publish a night first"
              " (./idic demo) or name the warehouse with --warehouse", file=sys.stderr)
        return 2
    # The kernels inherit these: the notebooks' loading helper reads them.
    os.environ["IDIC_WAREHOUSE"] = str(warehouse)
    if args.as_of:
        os.environ["IDIC_AS_OF"] = args.as_of
    else:
        os.environ.pop("IDIC_AS_OF", None)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(HERE)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])

    html = pathlib.Path(args.html).resolve()
    html.mkdir(parents=True, exist_ok=True)
    paths = [pathlib.Path(p).resolve() for p in args.notebooks] or sorted(HERE.glob("*.ipynb"))
    for path in paths:
        if not execute(path, html):
            return 1
    return 0


def execute(path, html):
    """Runs one notebook cell by cell; True when every cell ran."""
    notebook = nbformat.read(path, as_version=4)
    # The kernel's own start-up notes (a TCP warning on every start) are not the notebook's output.
    client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                            extra_arguments=["--IPKernelApp.log_level=ERROR"],
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.monotonic()
    failed = None
    with client.setup_kernel():
        for index, cell in enumerate(notebook.cells):
            try:
                client.execute_cell(cell, index)
            except CellExecutionError as error:
                failed = (index, error)
                break
    target = html / (path.stem + ".html")
    body, _ = HTMLExporter().from_notebook_node(notebook)
    target.write_text(body, encoding="utf-8")
    if failed:
        index, error = failed
        source = notebook.cells[index].source.strip().splitlines()
        first_line = source[0] if source else ""
        print(f"run.py: {path.name} failed at cell {index + 1} ({first_line!r}):"
              f" {error.ename}: {error.evalue}\n{error}\nexecuted copy up to the failure: {target}",
              file=sys.stderr)
        return False
    plots = sum(1 for cell in notebook.cells for output in cell.get("outputs", [])
                if "image/png" in output.get("data", {}))
    print(f"executed {path.name}: {len(notebook.cells)} cells, {plots} plot{'' if plots == 1 else 's'} in"
          f" {time.monotonic() - start:.1f} s -> {target}", flush=True)
    return True


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
