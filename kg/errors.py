"""The one exception family of policykg; messages name the file, line or parameter at fault."""


class PolicyKGError(Exception):
    """Base class: a problem the user can fix, with a message that says how."""


class CurationError(PolicyKGError):
    """A curated YAML file is malformed or refers to something that does not exist."""


class BuildError(PolicyKGError):
    """The build could not finish; the previous build is left intact."""


class QueryError(PolicyKGError):
    """A query name, parameter or SPARQL text is wrong."""
