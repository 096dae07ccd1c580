"""The ground floor: models, errors, configs and settings, the machine's checks, the gazetteer, numbers,
file helpers. It imports nothing above it; every other folder may import it."""
