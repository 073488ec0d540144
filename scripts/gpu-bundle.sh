#!/usr/bin/env bash
# Packs what a lent GPU machine (the device tool's `run`) needs to run issue 8's GPU suites. That machine has PyTorch
# but no .NET, no NuGet, no PostgreSQL and no network, and a call carries at most 64 MiB, so there are two bundles,
# one call each, both self-contained linux-x64 publishes built with TorchBackend=external: no libtorch of their own,
# they load the machine's PyTorch libtorch (scripts/gpu-bench.sh points LD_LIBRARY_PATH at it).
#   .gpu/cli/     the command-line tool: suites 1, 6, 7 (forward, training, images)               about 42 MB
#   .gpu/portal/  the portal-hosting bench executable and this machine's PostgreSQL server with the
#                 libraries it links: suites 2 and 9 (pipeline, kuka)                             about 57 MB
# Then, on the device tool, one call each (.gpu/ is ignored, so `run` must carry it):
#   run(command="bash scripts/gpu-bench.sh cli", carry=[".gpu/cli", ".gpu/native"], timeout_s=540)
#   run(command="bash scripts/gpu-bench.sh portal", carry=[".gpu/portal", ".gpu/native"], timeout_s=540)
# .gpu/native/ holds TorchSharp's native sources when TORCHSHARP_SRC names a checkout (below), and, between the two
# calls, the libLibTorchSharp.so that the cli call rebuilt, if it had to (it comes back in $OUT).
# TorchSharp-cuda-linux, which would carry a CUDA libtorch, is not on this environment's NuGet mirror.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
require_dotnet
require_postgres

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A copy of the working tree (tracked and untracked files that git does not ignore), so that these publishes, whose
# restore differs from the usual build's, leave the checkout's bin/ and obj/ alone.
git ls-files -z --cached --others --exclude-standard | xargs -0 tar -cf - | tar -xf - -C "$work/"

# publish PROJECT FOLDER [msbuild options]: self-contained, no libtorch. The Debian 12 patch of libLibTorchSharp.so
# (GUIDE §4) stays: harmless where libstdc++ is newer, and it lets a bundle be tried here first (scripts/gpu-bench.sh).
publish() {
  local project=$1 folder=$2; shift 2
  echo "Publishing $project self-contained for linux-x64 without libtorch ..." >&2
  dotnet publish "$work/$project" -c Release -r linux-x64 --self-contained -p:TorchBackend=external \
    -o "$work/$folder" -nologo -v quiet "$@" >&2
  if ls "$work/$folder" | grep -q '^libtorch'; then
    echo "error: $project's publish carries a libtorch of its own; TorchBackend=external should leave it out." >&2
    exit 1
  fi
}

# pack FOLDER ARCHIVE [xz level]: written whole or not at all.
pack() {
  mkdir -p "$(dirname "$2")"
  tar -C "$1" -cf - . | xz -T0 "${3:--6}" > "$2.tmp"
  mv "$2.tmp" "$2"
  echo "Wrote $2 ($(du -h "$2" | cut -f1))" >&2
}

publish src/KukaPortal.Cli cli
pack "$work/cli" .gpu/cli/kukaportal-cli.tar.xz

# The portal's own publish first: its static assets manifest and wwwroot/, which the bench executable's publish leaves
# out and the portal needs to start. The bench executable references the Web executable, whose apphost and
# runtimeconfig would otherwise be published twice.
publish src/KukaPortal.Web portal
publish tests/KukaPortal.Benchmarks portal -p:ErrorOnDuplicatePublishOutputFiles=false
# Left out to fit the carry: reference assemblies for Razor compilation at run time (the portal compiles none), the
# debugger's libraries, symbols, and SkiaSharp's native library (images; the pipeline and kuka suites decode none).
( cd "$work/portal" && rm -rf refs createdump libmscordaccore.so libmscordbi.so libSkiaSharp.so ./*.pdb )
pack "$work/portal" .gpu/portal/kukaportal-bench.tar.xz -9e # 2 MB less than -6, a minute more: the carry is tight

# PostgreSQL as Debian builds it, relocatable: its binaries find share/ and lib/ by their own path. Beside them every
# library they link except glibc's and libstdc++ (PyTorch needs that one), for a GPU image that may lack ICU or LDAP.
pg_version=$(basename "$(dirname "$PG_BIN")")
pg=$work/postgres
mkdir -p "$pg/lib/postgresql/$pg_version/bin" "$pg/lib/postgresql/$pg_version/lib" "$pg/share/postgresql/$pg_version" "$pg/libs"
cp "$PG_BIN"/{postgres,initdb,pg_ctl} "$pg/lib/postgresql/$pg_version/bin/"
cp "$PG_BIN/../lib"/{plpgsql.so,dict_snowball.so} "$pg/lib/postgresql/$pg_version/lib/"
cp -r "/usr/share/postgresql/$pg_version"/. "$pg/share/postgresql/$pg_version/"
rm -rf "$pg/share/postgresql/$pg_version/man"
find "$pg/share/postgresql/$pg_version/extension" -type f ! -name 'plpgsql*' -delete
for binary in "$pg/lib/postgresql/$pg_version"/{bin,lib}/*; do ldd "$binary" | awk '/=> \//{print $3}'; done | sort -u \
  | grep -v -E '/(libc|libm|libdl|librt|libpthread|libstdc\+\+|libgcc_s)\.so' | xargs -I{} cp -L {} "$pg/libs/"
pack "$pg" .gpu/portal/postgres.tar.xz -9e

# With TORCHSHARP_SRC (a checkout of TorchSharp at its 0.107.0 release: commit c20b6a1c, "Update release notes (#1565)";
# a later commit's native code need not match the managed 0.107.0 assembly), its native sources go along (.gpu/native/),
# so that the GPU machine can rebuild LibTorchSharp against its own libtorch if the one built for 2.10 does not run
# there. They are MIT-licensed, carried to the device only, never committed. One way to get them: the search tool's
# fetch of github:dotnet/TorchSharp, then `git -C <its git dir> archive c20b6a1c src/Native | tar -x -C /tmp/ts` and
# TORCHSHARP_SRC=/tmp/ts.
rm -f .gpu/native/libLibTorchSharp.so # rebuilt for one machine's libtorch by an earlier session's cli call
if [ -n "${TORCHSHARP_SRC:-}" ]; then
  [ -f "$TORCHSHARP_SRC/src/Native/LibTorchSharp/THSTorch.cpp" ] || { echo "error: $TORCHSHARP_SRC is no TorchSharp checkout" >&2; exit 1; }
  mkdir -p .gpu/native
  tar -C "$TORCHSHARP_SRC/src" -cJf .gpu/native/torchsharp-native.tar.xz Native
  echo "Wrote .gpu/native/torchsharp-native.tar.xz ($(du -h .gpu/native/torchsharp-native.tar.xz | cut -f1))" >&2
fi

# What a call carries: the working tree (tracked and untracked files git does not ignore) and the part's folder.
tree=$(git ls-files -z --cached --others --exclude-standard | xargs -0 du -cb | tail -1 | cut -f1)
for part in cli portal; do
  total=$(( tree + $({ find .gpu/$part .gpu/native -type f -printf '%s\n' 2>/dev/null || true; } | awk '{ s += $1 } END { print s + 0 }') ))
  echo "The $part call carries $(( total / 1048576 )) MiB of at most 64 (working tree $(( tree / 1048576 )) MiB)." >&2
  [ "$total" -le $(( 64 * 1048576 )) ] || { echo "error: over the device tool's 64 MiB a call: shrink .gpu/$part" >&2; exit 1; }
done
