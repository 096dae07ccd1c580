"""Running packages: scheduling (here, --jobs, Dask), the fence each package runs in, the ledger, status,
progress and the validation helper. It knows no stage: the work done on a package is given to it."""
