// Nothing to declare: the shim only defines a symbol the Linux Observation runtime needs.
