"""The engine's test bench, kept out of the engine package: labelled-set evaluation against
baselines (BM25, PostgreSQL full-text search), a seeded synthetic catalogue, and the speed and
memory benches of the engine (`bank bench`) and of the web app (`bank bench-web`).

Nothing in the app imports this package; `bank evaluate` and `bank bench` (bank/engine_cli.py)
and `bank bench-web` (bank/cli.py) do.
"""
