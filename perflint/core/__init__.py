"""The diagnostic model every rule produces and every output format renders."""
