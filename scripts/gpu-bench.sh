#!/usr/bin/env bash
# Runs ON a lent GPU machine (the device tool), one call a part, with that part's bundle from scripts/gpu-bundle.sh:
#   run(command="bash scripts/gpu-bench.sh cli", carry=[".gpu/cli", ".gpu/native"], timeout_s=540)       suites 1, 6, 7
#   run(command="bash scripts/gpu-bench.sh portal", carry=[".gpu/portal", ".gpu/native"], timeout_s=540) suites 2, 9
# Issue 8 asks what such a machine allows before its numbers: each part records the machine, whether the bundled .NET
# runs there, and which of LibTorchSharp's symbols (built for libtorch 2.10) the machine's PyTorch libtorch lacks;
# then its suites on CUDA. The device tool brings back at most 8 files, so $OUT holds machine.txt, logs.txt (every
# suite's progress and errors), one .json per suite and, if it had to be rebuilt, libLibTorchSharp.so.
# If LibTorchSharp as shipped does not run there and TorchSharp's native sources were carried (.gpu/native/), the cli
# part rebuilds it against the machine's libtorch (untried: no GPU machine was lent when this was written) and returns
# it in $OUT; copied into .gpu/native/, the portal part then uses it too.
# Trying it here first, on the CPU, against the NuGet libtorch in a folder of its own:
#   GPU_BENCH_DEVICE=cpu GPU_BENCH_QUICK=1 OUT=/tmp/gpu-out \
#   GPU_BENCH_TORCH_LIB=~/.nuget/packages/libtorch-cpu-linux-x64/2.10.0/runtimes/linux-x64/native scripts/gpu-bench.sh cli|portal
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh # free_port
part=${1:-}
case "$part" in cli|portal) ;; *) echo "usage: scripts/gpu-bench.sh cli|portal" >&2; exit 2 ;; esac
out=${OUT:-/tmp/gpu-bench-out}
device=${GPU_BENCH_DEVICE:-cuda}
mkdir -p "$out"
machine=$out/machine.txt logs=$out/logs.txt
[ -d ".gpu/$part" ] || { echo "error: .gpu/$part is missing: run scripts/gpu-bundle.sh here and carry .gpu/$part" >&2; exit 1; }
scratch=$(mktemp -d)
: > "$logs"

note() { echo "$*" >> "$machine"; }
# fail MESSAGE: the reason in machine.txt, and everything so far on the call's output (the device tool returns its tail).
fail() { note "$1"; cat "$machine"; tail -n 40 "$logs"; exit 1; }

{
  echo "== $part, $(date -u +%FT%TZ)"; uname -a; head -2 /etc/os-release; ldd --version | head -1
  nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.max.sm --format=csv 2>&1
  echo "cores: $(nproc)"; free -g | head -2
  python3 -c 'import torch; print("python torch", torch.__version__, "cuda", torch.version.cuda, "gpu", torch.cuda.is_available() and torch.cuda.get_device_name(0))' 2>&1
} > "$machine"

# The machine's libtorch: the one inside its PyTorch, unless named.
torch_lib=${GPU_BENCH_TORCH_LIB:-$(python3 -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))' 2>/dev/null)}
note "libtorch folder: ${torch_lib:-none found}"
[ -n "$torch_lib" ] && [ -d "$torch_lib" ] || fail "error: no libtorch folder (python3 -c 'import torch' failed)"

tar -xJf "$(ls .gpu/$part/kukaportal-*.tar.xz)" -C "$scratch"
export LD_LIBRARY_PATH="$torch_lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# A LibTorchSharp rebuilt on such a machine by an earlier call (see above) replaces the bundled one.
if [ -f .gpu/native/libLibTorchSharp.so ]; then
  cp .gpu/native/libLibTorchSharp.so "$scratch/"; note "LibTorchSharp: the one rebuilt by an earlier call"
fi

# rebuild_libtorchsharp: TorchSharp 0.107's native sources compiled against this machine's libtorch headers, in
# parallel, into the bundle's folder. The flags are those of TorchSharp's own Linux build, less -Werror.
rebuild_libtorchsharp() {
  [ -f .gpu/native/torchsharp-native.tar.xz ] || { echo "no native sources carried (.gpu/native/torchsharp-native.tar.xz)"; return 1; }
  local src=$scratch/native torch_root abi flags
  mkdir -p "$src" && tar -xJf .gpu/native/torchsharp-native.tar.xz -C "$src"
  torch_root=$(dirname "$torch_lib")
  abi=$(python3 -c 'import torch; print(int(torch._C._GLIBCXX_USE_CXX11_ABI))')
  flags="-O2 -fPIC -std=c++17 -fvisibility=hidden -D_GLIBCXX_USE_CXX11_ABI=$abi -D__LINUX__ -D_NO_ASYNCRTIMP -D_NO_PPLXIMP"
  flags="$flags -I$src/Native -I$src/Native/LibTorchSharp -I$torch_root/include -I$torch_root/include/torch/csrc/api/include"
  ls "$src"/Native/LibTorchSharp/*.cpp | xargs -P "$(nproc)" -I{} sh -c "c++ $flags -c {} -o {}.o || exit 255" \
    && cc -O2 -fPIC -c "$src/Native/LibTorchSharp/crc32c.c" -o "$src/Native/LibTorchSharp/crc32c.o" \
    && c++ -shared -o "$scratch/libLibTorchSharp.so" "$src"/Native/LibTorchSharp/*.o -L"$torch_lib" -ltorch -ltorch_cpu -lc10 \
         -Wl,-Bsymbolic -Wl,-Bsymbolic-functions -Wl,-rpath,"$torch_lib"
}

# Which symbols LibTorchSharp needs and this libtorch lacks; .NET loads it lazily, so only those that the suites call matter.
undefined=$(ldd -r "$scratch/libLibTorchSharp.so" 2>&1 | grep 'undefined symbol')
note "LibTorchSharp symbols this libtorch lacks: $(printf '%s' "$undefined" | grep -c .)"
printf '%s\n' "$undefined" | head -n 50 | sed 's/^/  /' >> "$machine"

status=0
# run NAME COMMAND...: each suite in its own time box, so that one that hangs leaves time for the rest and for the
# files to come back (the probe and three suites fit a 540-s call); its JSON into NAME.json, its progress and errors
# into logs.txt.
run() {
  local name=$1; shift
  echo "== $name: $* ($(date -u +%T) UTC)" | tee -a "$logs"
  if timeout "${GPU_BENCH_SUITE_SECONDS:-140}" "$@" --json > "$out/$name.json" 2>> "$logs"; then
    echo "   done ($(date -u +%T) UTC)"
  else
    echo "   failed (exit $?): see logs.txt"; tail -n 20 "$logs"; status=1
  fi
}

if [ "$part" = cli ]; then
  "$scratch/kukaportal" --version >> "$machine" 2>&1 || note "the bundled .NET did not start (exit $?)"
  small_forward=(--models conv-ae --windows 30 --batches 64 --seconds 0 --repeat 1 --peak-size 256)
  # One small forward pass says whether LibTorchSharp runs on this libtorch, before minutes go to the suites.
  probe() {
    echo "== probe ($(date -u +%T) UTC)" >> "$logs"
    timeout 120 "$scratch/kukaportal" bench forward --device "$device" "${small_forward[@]}" --json > "$scratch/probe.json" 2>> "$logs"
  }
  if probe; then
    note "probe: a forward pass on $device ran"
  elif tail -n 5 "$logs" | grep -q "sees no usable GPU"; then
    # Torch loaded and runs, but libtorch_cuda did not load or found no device: a rebuilt LibTorchSharp would not help.
    fail "probe: torch runs but sees no GPU (logs.txt)"
  else
    note "probe: the forward pass failed (logs.txt); rebuilding LibTorchSharp against this libtorch"
    echo "== rebuild LibTorchSharp ($(date -u +%T) UTC)" >> "$logs"
    if rebuild_libtorchsharp >> "$logs" 2>&1 && probe; then
      cp "$scratch/libLibTorchSharp.so" "$out/"
      note "probe: the rebuilt LibTorchSharp ran (libLibTorchSharp.so returned: copy it into .gpu/native/ for the portal part)"
    else
      fail "probe: no working LibTorchSharp (logs.txt)"
    fi
  fi
  cat "$machine"
  if [ -n "${GPU_BENCH_QUICK:-}" ]; then
    forward=("${small_forward[@]}")
    training=(--models conv-ae --rows 2000 --warmup 1 --iterations 2 --check-iterations 0)
    images=(--models conv-ae-2d --size 32 --channels 1 --batches 2 --repeat 1)
  else
    # Suites 1, 6, 7 at their defaults; the peak from an 8192² matmul, which a GPU needs to reach its rate.
    forward=(--peak-size 8192); training=(); images=()
  fi
  run forward "$scratch/kukaportal" bench forward --device "$device" "${forward[@]}"
  run training "$scratch/kukaportal" bench training --device "$device" "${training[@]}"
  run images "$scratch/kukaportal" bench images --device "$device" "${images[@]}"
else
  # This machine's PostgreSQL from the bundle, relocated, on its own libraries, run as nobody (it refuses root).
  pg=$scratch/postgres; data=$scratch/pgdata
  mkdir -p "$pg" "$data"
  tar -xJf .gpu/portal/postgres.tar.xz -C "$pg"
  chown 65534:65534 "$data"; chmod 700 "$data"
  pg_bin=$(ls -d "$pg"/lib/postgresql/*/bin)
  port=$(free_port 55432)
  as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups env LD_LIBRARY_PATH="$pg/libs" "$@"; }
  echo "== postgres ($(date -u +%T) UTC)" >> "$logs"
  if as_nobody "$pg_bin/initdb" -D "$data" -U kukaportal --auth=trust -E UTF8 --locale=C.UTF-8 >> "$logs" 2>&1 \
    && as_nobody "$pg_bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start \
         -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$data" >> "$logs" 2>&1; then
    note "postgres: started from the bundle"
  else
    cat "$data/server.log" >> "$logs" 2>/dev/null
    fail "postgres: did not start (logs.txt)"
  fi
  cat "$machine"
  export KUKAPORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=kukaportal"
  # WebApplicationFactory looks for the portal's project folder, which is not there: its content root is the bundle.
  export ASPNETCORE_TEST_CONTENTROOT_KUKAPORTAL_WEB="$scratch"
  # Torch:Device is Auto: the portal scores on the GPU when torch sees one; GPU_BENCH_DEVICE=cpu forces the CPU.
  [ "$device" = cpu ] && export Torch__Device=Cpu
  if [ -n "${GPU_BENCH_QUICK:-}" ]; then
    pipeline=(--rows 2000 --train-rows 2000 --train-iterations 5 --repeat 1); kuka=(--rows 5000 --train-rows 2000 --train-iterations 5)
  else
    pipeline=(--repeat 3); kuka=()
  fi
  run pipeline "$scratch/KukaPortal.Benchmarks" pipeline "${pipeline[@]}"
  run kuka "$scratch/KukaPortal.Benchmarks" kuka "${kuka[@]}"
  as_nobody "$pg_bin/pg_ctl" -D "$data" -m fast -w stop > /dev/null 2>&1
fi
rm -rf "$scratch"
exit $status
