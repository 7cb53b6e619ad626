#!/usr/bin/env bash
# Whole-build timings: what SecretGuard adds to `dotnet build` of a small console app:
#   - a no-op incremental build (nothing changed), with SecretGuard enabled vs. SecretGuardEnabled=false;
#   - a build whose only change is 100 new plaintext *_SECRET values: the whole build, and the time of the
#     SecretGuardCheckEnvFiles target that checks and encrypts them (MSBuild performance summary);
#   - an env-only change (one value in .env.dev edited to a new plaintext secret), with the package vs. the same app
#     without it, and in how many of those builds CoreCompile was skipped (all of them: env files are no compiler inputs
#     in a command-line build, docs/architecture.md#env-files-are-compiler-inputs-only-in-the-ide).
# Each figure is the median of RUNS runs (default 7). Usage: bench/build-timings.sh [runs]
# BENCH_FEED=<folder with a SecretGuard .nupkg> benches that package instead of packing this checkout (to compare commits).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
# shellcheck source=local-feed.sh
source bench/local-feed.sh
runs="${1:-7}"
work="$root/artifacts/bench/build"
version="0.1.0-bench.$(date -u +%Y%m%d%H%M%S)"
unset CI TF_BUILD GITHUB_ACTIONS GITLAB_CI BUILDKITE JENKINS_URL TEAMCITY_VERSION SECRETGUARD_KEY_DEV SECRETGUARD_KEY_FILE || true
export NUGET_PACKAGES="$work/packages" DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 MSBUILDTERMINALLOGGER=off

rm -rf "$work/app" "$work/plain" "$work/feed"
mkdir -p "$work/feed" "$work/app" "$work/plain" "$work/packages"
if [ -n "${BENCH_FEED:-}" ]; then
  package="$(ls "$BENCH_FEED"/SecretGuard.*.nupkg | grep -v snupkg | head -n 1)"
  cp "$package" "$work/feed/"
  version="$(basename "$package" .nupkg)"; version="${version#SecretGuard.}"
else
  dotnet pack src/SecretGuard.Package -c Release -nodeReuse:false -v:q -nologo "-p:PackageVersion=$version" -o "$work/feed" >/dev/null
fi
write_local_feed "$work"
umask 077; echo "dev = $(head -c 32 /dev/urandom | base64)" > "$work/secretguard.keys"; umask 022
cat > "$work/app/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="SecretGuard" Version="$version" />
  </ItemGroup>
</Project>
XML
echo 'Console.WriteLine(SecretGuard.Secrets.Redact(SecretGuard.Secrets.Get("VALUE1_SECRET")));' > "$work/app/Program.cs"
write_secrets() { : > "$2"; for i in $(seq 1 100); do echo "VALUE${i}_SECRET=plaintext-value-$i-$RANDOM$RANDOM" >> "$2"; done; }
write_secrets 100 "$work/app/.env.dev"
# The same app without SecretGuard, for the env-only change: nothing of the build reads its .env.dev.
sed '/PackageReference/d' "$work/app/App.csproj" > "$work/plain/App.csproj"
echo 'Console.WriteLine("hello");' > "$work/plain/Program.cs"
write_secrets 100 "$work/plain/.env.dev"
(cd "$work/plain" && dotnet build -nodeReuse:false -v:q -nologo >/dev/null)
cd "$work/app"
dotnet build -nodeReuse:false -v:q -nologo >/dev/null   # restore and first build

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
build() { dotnet build --no-restore -nodeReuse:false -v:q -nologo "$@"; }

# The check target's own time, from MSBuild's performance summary (milliseconds).
target_ms() { dotnet build --no-restore -nodeReuse:false -v:q -nologo -clp:PerformanceSummary "$@" | awk '/SecretGuardCheckEnvFiles/ && /ms/ { for (i = 1; i <= NF; i++) if ($(i+1) == "ms") { print int($i); exit } }'; }

# One value of .env.dev edited (a new plaintext secret, encrypted in place where SecretGuard runs), then a build.
# Prints the build's milliseconds, and 1 if its normal-verbosity log says CoreCompile was skipped (else 0).
edit_build() {
  local dir="$1" log s e
  log="$work/edit.log"
  sed -i "s/^VALUE1_SECRET=.*/VALUE1_SECRET=edited-value-$RANDOM$RANDOM/" "$dir/.env.dev"
  s=$(date +%s%N); (cd "$dir" && dotnet build --no-restore -nodeReuse:false -v:n -nologo > "$log"); e=$(date +%s%N)
  echo "$(( (e - s) / 1000000 )) $(grep -c 'Skipping target "CoreCompile" because all output files are up-to-date' "$log")"
}

noop_on=(); noop_off=(); enc=(); enc_target=(); edit_on=(); edit_plain=(); skipped_on=0; skipped_plain=0
for _ in $(seq 1 "$runs"); do
  build -p:SecretGuardEnabled=false >/dev/null; noop_off+=("$(ms build -p:SecretGuardEnabled=false)")
  build >/dev/null; noop_on+=("$(ms build)")
  # 100 new plaintext secrets: SecretGuard encrypts them (the compiler does not run: env files are no compiler inputs).
  write_secrets 100 .env.dev; enc+=("$(ms build)")
  grep -c '^VALUE[0-9]*_SECRET=DEV_ENC:v1:' .env.dev | grep -qx 100 || { echo "expected 100 encrypted values"; exit 1; }
  write_secrets 100 .env.dev; enc_target+=("$(target_ms)")
  build >/dev/null
  read -r t k < <(edit_build "$work/app"); edit_on+=("$t"); skipped_on=$((skipped_on + k))
  grep -q '^VALUE1_SECRET=DEV_ENC:v1:' .env.dev || { echo "expected the edited value to be encrypted"; exit 1; }
  read -r t k < <(edit_build "$work/plain"); edit_plain+=("$t"); skipped_plain=$((skipped_plain + k))
done

m() { printf '%s\n' "$@" | median; }
printf '| build (median of %s runs) | SecretGuard off | SecretGuard on | added |\n|---|---|---|---|\n' "$runs"
printf '| no-op incremental build | %s ms | %s ms | %s ms |\n' "$(m "${noop_off[@]}")" "$(m "${noop_on[@]}")" "$(( $(m "${noop_on[@]}") - $(m "${noop_off[@]}") ))"
printf '| build after 100 new plaintext secrets in .env.dev | | %s ms (whole build) | %s ms (SecretGuardCheckEnvFiles: check and encrypt 100 values) |\n' "$(m "${enc[@]}")" "$(m "${enc_target[@]}")"
printf '| env-only change: one value of .env.dev edited | %s ms (app without the package; CoreCompile skipped in %s of %s runs) | %s ms (value encrypted in place; CoreCompile skipped in %s of %s runs) | %s ms |\n' \
  "$(m "${edit_plain[@]}")" "$skipped_plain" "$runs" "$(m "${edit_on[@]}")" "$skipped_on" "$runs" "$(( $(m "${edit_on[@]}") - $(m "${edit_plain[@]}") ))"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
