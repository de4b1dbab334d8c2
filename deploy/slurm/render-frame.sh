#!/bin/bash
# Renders one frame on a Slurm cluster as CHUNKS array tasks, then merges them:
#   deploy/slurm/render-frame.sh scene.lxs CHUNKS SPP OUTDIR
# OUTDIR must be on storage every node sees. Set LUXCONSOLE to run another luxconsole than
# /opt/luxnet/luxconsole.jar (e.g. "java -jar $HOME/luxconsole.jar").
set -euo pipefail
if [ $# -ne 4 ]; then
    echo "usage: $0 SCENE CHUNKS SPP OUTDIR" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
export SCENE=$(realpath "$1") CHUNKS=$2 SPP=$3 OUT=$(realpath "$4")
chunks=$(sbatch --parsable --array=0-$((CHUNKS - 1)) --export=ALL "$here/chunk.sbatch")
sbatch --parsable --dependency=afterok:"${chunks%%;*}" --export=ALL "$here/merge.sbatch"
