#!/usr/bin/env bash
# Packs the command-line tool for a lent GPU machine (the device tool's `run`), which has PyTorch but no .NET and no
# NuGet: a self-contained linux-x64 publish built with TorchBackend=external, so it carries no libtorch of its own and
# loads the machine's (scripts/gpu-bench.sh points LD_LIBRARY_PATH at it). TorchSharp-cuda-linux, which would carry
# a CUDA libtorch, is not on this environment's NuGet mirror.
#   scripts/gpu-bundle.sh      writes .gpu/kukaportal-cli.tar.xz (about 45 MB; .gpu/ is ignored, so `run` must carry it)
# Then, on the device tool: run(command="bash scripts/gpu-bench.sh", carry=[".gpu"], timeout_s=540).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
require_dotnet

bundle=.gpu/kukaportal-cli.tar.xz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A copy of the working tree (tracked and untracked files that git does not ignore), so that this publish, whose
# restore differs from the usual build's, leaves the checkout's bin/ and obj/ alone.
git ls-files -z --cached --others --exclude-standard | xargs -0 tar -cf - | tar -xf - -C "$work"
echo "Publishing the CLI self-contained for linux-x64 without libtorch ..." >&2
# The Debian 12 patch of libLibTorchSharp.so (GUIDE §4) stays: harmless where libstdc++ is newer, and it lets the
# bundle be tried here first (GPU_BENCH_DEVICE=cpu, scripts/gpu-bench.sh).
dotnet publish "$work/src/KukaPortal.Cli" -c Release -r linux-x64 --self-contained \
  -p:TorchBackend=external -o "$work/publish" -nologo -v quiet >&2
if ls "$work/publish" | grep -q '^libtorch'; then
  echo "error: the publish carries a libtorch of its own; TorchBackend=external should leave it out." >&2
  exit 1
fi

mkdir -p .gpu
tar -C "$work/publish" -cf - . | xz -T0 -6 > "$bundle.tmp"
mv "$bundle.tmp" "$bundle"
echo "Wrote $bundle ($(du -h "$bundle" | cut -f1)); the device tool carries at most 64 MiB with the working tree." >&2
