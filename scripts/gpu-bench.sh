#!/usr/bin/env bash
# Runs ON a lent GPU machine (the device tool), in one call, with the bundle of scripts/gpu-bundle.sh carried:
#   run(command="bash scripts/gpu-bench.sh", carry=[".gpu"], timeout_s=540)
# Issue 8 asks what such a machine allows before its numbers: this records the machine, whether the bundled .NET
# runs there, and which of LibTorchSharp's symbols (built for libtorch 2.10) the machine's PyTorch libtorch lacks;
# then bench suites 1, 6 and 7 on CUDA. Everything lands in $OUT (machine.txt, undefined-symbols.txt, one
# .json and one .log per suite). Suite 2 (the scoring pipeline) needs PostgreSQL there; machine.txt says if it has one.
# Trying it here first, on the CPU: GPU_BENCH_DEVICE=cpu GPU_BENCH_QUICK=1 \
#   GPU_BENCH_TORCH_LIB=~/.nuget/packages/libtorch-cpu-linux-x64/2.10.0/runtimes/linux-x64/native OUT=/tmp/gpu-out scripts/gpu-bench.sh
set -uo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-/tmp/gpu-bench-out}
device=${GPU_BENCH_DEVICE:-cuda}
mkdir -p "$out"
bundle=.gpu/kukaportal-cli.tar.xz
[ -f "$bundle" ] || { echo "error: $bundle is missing: run scripts/gpu-bundle.sh here and carry .gpu" >&2; exit 1; }

{
  echo "== $(date -u +%FT%TZ)"; uname -a; head -2 /etc/os-release; ldd --version | head -1
  nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.max.sm --format=csv 2>&1
  echo "cores: $(nproc)"; free -g | head -2
  echo "postgres: $(command -v postgres initdb pg_ctl 2>/dev/null | tr '\n' ' ')$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null)"
  python3 -c 'import torch; print("python torch", torch.__version__, "cuda", torch.version.cuda, "gpu", torch.cuda.is_available() and torch.cuda.get_device_name(0))' 2>&1
} > "$out/machine.txt"

# The machine's libtorch: the one inside its PyTorch, unless named.
torch_lib=${GPU_BENCH_TORCH_LIB:-$(python3 -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))' 2>/dev/null)}
echo "libtorch folder: ${torch_lib:-none found}" >> "$out/machine.txt"
[ -n "$torch_lib" ] && [ -d "$torch_lib" ] || { echo "error: no libtorch folder (python3 -c 'import torch' failed)" >&2; cat "$out/machine.txt"; exit 1; }

cli_dir=$(mktemp -d)
tar -xJf "$bundle" -C "$cli_dir"
export LD_LIBRARY_PATH="$torch_lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
cli="$cli_dir/kukaportal"

# Which symbols LibTorchSharp needs and this libtorch lacks; .NET loads it lazily, so only those that the suites call matter.
ldd -r "$cli_dir/libLibTorchSharp.so" > "$out/undefined-symbols.txt" 2>&1
echo "LibTorchSharp symbols this libtorch lacks: $(grep -c 'undefined symbol' "$out/undefined-symbols.txt")" >> "$out/machine.txt"
"$cli" --version >> "$out/machine.txt" 2>&1 || echo "the bundled .NET did not start (exit $?)" >> "$out/machine.txt"
cat "$out/machine.txt"

if [ -n "${GPU_BENCH_QUICK:-}" ]; then
  forward=(--models conv-ae --windows 30 --batches 64 --seconds 0 --repeat 1 --peak-size 256)
  training=(--models conv-ae --rows 2000 --warmup 1 --iterations 2 --check-iterations 0)
  images=(--models conv-ae-2d --size 32 --channels 1 --batches 2 --repeat 1)
else
  # Suites 1, 6, 7 at their defaults; the peak from an 8192² matmul, which a GPU needs to reach its rate.
  forward=(--peak-size 8192)
  training=()
  images=()
fi

status=0
bench() {
  local suite=$1; shift
  echo "== bench $suite --device $device $* ($(date -u +%T) UTC)"
  # Each suite in its own time box, so that one that hangs leaves time for the rest and for the files to come back.
  if timeout 150 "$cli" bench "$suite" --device "$device" "$@" --json > "$out/$suite.json" 2> "$out/$suite.log"; then
    echo "   done ($(date -u +%T) UTC)"
  else
    echo "   failed (exit $?): the end of $suite.log:"; tail -20 "$out/$suite.log"; status=1
  fi
}
bench forward "${forward[@]}"
bench training "${training[@]}"
bench images "${images[@]}"
rm -rf "$cli_dir"
exit $status
