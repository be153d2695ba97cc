class BackupError(Exception):
    """A backup cannot be made, read or restored; the message says why, in Swedish, for the
    person running the command."""
