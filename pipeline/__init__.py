"""bilag: Danish municipal meeting packages (PDF) to data people can trust."""

__version__ = "0.1.0"
