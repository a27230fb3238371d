"""Reads the published tables for the notebooks, through the warehouse's DuckDB catalogue.

IDIC_WAREHOUSE names the warehouse (default: the demo's, idic-work/warehouse next to this folder);
IDIC_AS_OF a night (default: the newest, the catalogue's `<table>_latest` views).
"""
import os
import pathlib

import duckdb

WAREHOUSE = pathlib.Path(
    os.environ.get("IDIC_WAREHOUSE", pathlib.Path(__file__).resolve().parent.parent
                   / "idic-work" / "warehouse")).resolve()
AS_OF = os.environ.get("IDIC_AS_OF") or None

# In the test suite every table a notebook asks for must be there; a user's warehouse may lack
# the optional ones (the validation tables need validation.holdout).
STRICT = os.environ.get("IDIC_NOTEBOOKS_STRICT") == "1"

TIERS = ["vip", "key", "regular", "small"]

_connection = None


def connect():
    """The catalogue, read-only, its views pointed at the warehouse whatever the working folder."""
    global _connection
    if _connection is None:
        catalogue = WAREHOUSE / "idic.duckdb"
        if not catalogue.is_file():
            raise FileNotFoundError(
                f"no catalogue {catalogue}: publish a night first (./idic demo),"
                " or set IDIC_WAREHOUSE to the warehouse folder")
        _connection = duckdb.connect(str(catalogue), read_only=True)
        quoted = str(WAREHOUSE).replace("'", "''")
        _connection.execute(f"SET VARIABLE idic_warehouse = '{quoted}'")
    return _connection


def sql(query, parameters=None):
    """Runs a query on the catalogue and returns a pandas DataFrame."""
    return connect().execute(query, parameters or []).df()


def night():
    """The as-of date the notebooks read: IDIC_AS_OF, else the newest published night."""
    if AS_OF:
        return AS_OF
    return str(sql("SELECT max(latest_as_of_date) AS d FROM idic_catalogue")["d"].iloc[0].date())


def has(table):
    """True when the table has a published night to read; in the test suite, it must."""
    rows = sql("SELECT nights FROM idic_catalogue WHERE table_name = ?", [table])
    present = len(rows) == 1 and rows["nights"].iloc[0] > 0
    if AS_OF and present:
        present = len(sql(f"SELECT 1 FROM {table} WHERE as_of_date = ? LIMIT 1", [AS_OF])) == 1
    if STRICT and not present:
        raise LookupError(f"{table} has no published night{' ' + AS_OF if AS_OF else ''} in {WAREHOUSE}")
    return present


def table(name, where=None):
    """One night of a published table (IDIC_AS_OF, else the newest) as a pandas DataFrame."""
    if not has(name):
        raise LookupError(f"{name} has no published night{' ' + AS_OF if AS_OF else ''} in {WAREHOUSE}: run a night"
                          " with this version of IDIC (an older one may not publish it)")
    condition = f" AND ({where})" if where else ""
    if AS_OF:
        return sql(f"SELECT * FROM {name} WHERE as_of_date = ?{condition}", [AS_OF])
    return sql(f"SELECT * FROM {name}_latest WHERE true{condition}")
