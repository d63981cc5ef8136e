origin = "local pyperf"
