"""Load data and benchmarks: `manage.py generate_load` and `manage.py bench` (issue #10).

- `spreiding`: pure logic (no Django, no I/O): gemeente sizes, the spread of states and the
  history of one case as a list of transitions.
- `schrijver`: PostgreSQL COPY of model rows, with id blocks reserved up front.
- `generator`: one function per model family, run per gemeente.
- `meting` and `belasting`: the figures `make bench` prints.
"""
