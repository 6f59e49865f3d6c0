"""The organisation: units, working groups, members, roles, invitations, audit."""
