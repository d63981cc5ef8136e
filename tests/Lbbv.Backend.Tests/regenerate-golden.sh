#!/bin/sh
# Rewrites Golden/stencils.txt from the current stencil library; review the diff before committing.
cd "$(dirname "$0")" && LBBV_REGENERATE_GOLDEN=1 dotnet test --filter "FullyQualifiedName~StencilGoldenTests" "$@"
