#!/usr/bin/env bash
# Build one libFuzzer target (Swift -sanitize=fuzzer,address) and run it for SECONDS.
#   Fuzz/run.sh FuzzJSON 60        JSON parse + RFC 8785 canonicalise round trip
#   Fuzz/run.sh FuzzVerify 60      verify on arbitrary bytes
#   Fuzz/run.sh FuzzPEM 60         the PEM key readers
# Seeds are the test vectors and examples; new inputs go to Fuzz/.work/TARGET, crashes to
# Fuzz/.work/crashes/. Exit 0 when the run is clean, non-zero when libFuzzer found a crash
# (reproduce with: Fuzz/.build/release/TARGET Fuzz/.work/crashes/crash-…), 3 when this toolchain
# cannot build fuzzers.
set -euo pipefail
cd "$(dirname "$0")"
fuzz=$PWD
root=$(cd .. && pwd)

target=${1:?usage: Fuzz/run.sh FuzzJSON|FuzzVerify|FuzzPEM|FuzzWallet SECONDS}
seconds=${2:-60}
case "$target" in
    FuzzJSON) seeds=("$root/Tests/CredentialCoreTests/Vectors/input" "$root/spec/examples") ;;
    FuzzVerify) seeds=("$root/spec/examples" "$root/Tests/VerifierTests/Vectors" "$root/Tests/VerifierTests/Vectors/negative") ;;
    FuzzPEM) seeds=("$root/keys-example" "$fuzz/Corpus/FuzzPEM") ;;
    FuzzWallet) seeds=("$root/spec/examples/stack" "$fuzz/Corpus/FuzzWallet") ;;
    *) echo "unknown target $target (FuzzJSON, FuzzVerify, FuzzPEM, FuzzWallet)" >&2; exit 2 ;;
esac

# Does this toolchain link libFuzzer? (Swift on Linux does; Xcode's Swift on macOS does not.)
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
cat > "$probe/probe.swift" <<'SWIFT'
@_cdecl("LLVMFuzzerTestOneInput") public func probe(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt { 0 }
SWIFT
if ! swiftc -sanitize=fuzzer,address -parse-as-library "$probe/probe.swift" -o "$probe/probe" >/dev/null 2>&1; then
    echo "skipped: this Swift toolchain cannot build libFuzzer targets (-sanitize=fuzzer)" >&2
    exit 3
fi

# SwiftPM names a path dependency after its folder: give the main package the name "mcred".
mkdir -p .root .work/"$target" .work/crashes
ln -sfn "$root" .root/mcred

swift build -c release --product "$target" --disable-build-manifest-caching \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld >&2
binary=$(swift build -c release --show-bin-path)/$target

"$binary" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=3072 -max_len=262144 \
    -artifact_prefix="$fuzz/.work/crashes/" -print_final_stats=1 \
    ".work/$target" "${seeds[@]}"
