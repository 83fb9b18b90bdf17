"""Batch work over large inputs: extraction and ingest on local processes or a Dask cluster.

`inputs` turns files, directories, JSON Lines and WARC files into items;
`work` holds the pure functions run on workers (no Django there); `run`
maps them over chunks in order on one process, a local process pool
(`--workers N`) or a Dask cluster (`--dask tcp://…`, in `habeas.batch.dask`,
the only module importing dask); `habeas.web.store.batch` puts prepared results into the case
store in batches and skips what an earlier, interrupted run already stored.
"""
