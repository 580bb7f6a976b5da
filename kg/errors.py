"""One base error for everything the library raises on purpose; the CLI turns it into `Error: ...`."""


class KgError(Exception):
    """Base class: a problem the user can fix, with a message that says what and where."""


class InputError(KgError):
    """An input file or item cannot be read (empty, binary, malformed JSON, bad date, ...)."""


class StoreError(KgError):
    """The store cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """Another process holds the store open for writing."""


class QueryError(KgError):
    """A SPARQL query is malformed, refused (an update without --update), or lacks a parameter."""


class ValidationError(KgError):
    """The ontology or shapes cannot be loaded, or validation itself failed to run."""
