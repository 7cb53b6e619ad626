#!/usr/bin/env bash
# Build timings for version 2 (public-key) values, issue 16 (docs/performance.md#version-2-values-in-the-build-issue-16):
#   - the SecretGuardCheckEnvFiles target's own time (MSBuild performance summary, as build-timings.sh measures it) for a
#     build whose .env.prod holds 1,000 new plaintext *_SECRET values and whose secretguard.recipients lists one prod
#     public key: the build encrypts all 1,000 in place to that key (version 2), with no private key anywhere;
#   - the same for 1,000 new plaintext values in .env.dev with the dev master key (version 1), for comparison;
#   - a no-op incremental build with SecretGuard on vs. SecretGuardEnabled=false, alternating off/on, with the recipients
#     file present (the fingerprint task now also hashes it).
# Each figure is the median of RUNS runs (default 15), with min and max. Usage: bench/public-key-build-timings.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
# shellcheck source=local-feed.sh
source bench/local-feed.sh
runs="${1:-15}"
count=1000
work="$root/artifacts/bench/public-key"
version="0.1.0-pkbench.$(date -u +%Y%m%d%H%M%S)"
unset CI TF_BUILD GITHUB_ACTIONS GITLAB_CI BUILDKITE JENKINS_URL TEAMCITY_VERSION SECRETGUARD_KEY_DEV SECRETGUARD_KEY_PROD SECRETGUARD_KEY_FILE SECRETGUARD_RECIPIENTS_FILE || true
export NUGET_PACKAGES="$work/packages" DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 MSBUILDTERMINALLOGGER=off

echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$work/app" "$work/feed" "$work/pair"
mkdir -p "$work/feed" "$work/app" "$work/packages" "$work/pair"
dotnet pack src/SecretGuard.Package -c Release -nodeReuse:false -v:q -nologo "-p:PackageVersion=$version" -o "$work/feed" >/dev/null
write_local_feed "$work"

# The dev master key (version 1) in the key file; prod has only a public key, made with openssl and never kept.
umask 077; echo "dev = $(head -c 32 /dev/urandom | base64)" > "$work/secretguard.keys"; umask 022
openssl ecparam -name prime256v1 -genkey -noout -out "$work/pair/prod.pem" 2>/dev/null
point="$(openssl ec -in "$work/pair/prod.pem" -pubout -outform DER 2>/dev/null | tail -c 65 | base64 -w0 | tr '+/' '-_' | tr -d '=')"
rm -rf "$work/pair"
printf '# public keys\nprod = sgpub2_%s\n' "$point" > "$work/secretguard.recipients"

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
write_secrets() { : > "$1"; for i in $(seq 1 "$count"); do echo "VALUE${i}_SECRET=plaintext-value-$i-$RANDOM$RANDOM" >> "$1"; done; }
cd "$work/app"
write_secrets .env.dev; write_secrets .env.prod
dotnet build -nodeReuse:false -v:q -nologo >/dev/null                                  # restore, first build, dev encrypted
dotnet build --no-restore -nodeReuse:false -v:q -nologo -p:SecretGuardEnvironment=prod >/dev/null   # prod encrypted (v2)
grep -c '^VALUE[0-9]*_SECRET=PROD_ENC:v2:' .env.prod | grep -qx "$count" || { echo "expected $count version 2 values"; exit 1; }

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
stats() { sort -n | awk '{ a[NR] = $1 } END { printf "%d ms (min %d, max %d)", a[int((NR + 1) / 2)], a[1], a[NR] }'; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
build() { dotnet build --no-restore -nodeReuse:false -v:q -nologo "$@"; }
target_ms() { dotnet build --no-restore -nodeReuse:false -v:q -nologo -clp:PerformanceSummary "$@" | awk '/SecretGuardCheckEnvFiles/ && /ms/ { for (i = 1; i <= NF; i++) if ($(i+1) == "ms") { print int($i); exit } }'; }

v2=(); v1=(); noop_on=(); noop_off=(); diffs=()
for _ in $(seq 1 "$runs"); do
  write_secrets .env.prod; v2+=("$(target_ms -p:SecretGuardEnvironment=prod)")
  grep -c '^VALUE[0-9]*_SECRET=PROD_ENC:v2:' .env.prod | grep -qx "$count" || { echo "expected $count version 2 values"; exit 1; }
  write_secrets .env.dev; v1+=("$(target_ms -p:SecretGuardEnvironment=dev)")
  grep -c '^VALUE[0-9]*_SECRET=DEV_ENC:v1:' .env.dev | grep -qx "$count" || { echo "expected $count version 1 values"; exit 1; }
done

build -p:SecretGuardEnabled=false >/dev/null; build >/dev/null
for _ in $(seq 1 "$runs"); do
  build -p:SecretGuardEnabled=false >/dev/null; off="$(ms build -p:SecretGuardEnabled=false)"
  build >/dev/null; on="$(ms build)"
  noop_off+=("$off"); noop_on+=("$on"); diffs+=("$(( on - off ))")
done

s() { printf '%s\n' "$@" | stats; }
printf '| measure (%s runs) | figure |\n|---|---|\n' "$runs"
printf '| SecretGuardCheckEnvFiles, %s new plaintext values in .env.prod, version 2 (one public key, no private key) | %s |\n' "$count" "$(s "${v2[@]}")"
printf '| SecretGuardCheckEnvFiles, %s new plaintext values in .env.dev, version 1 (master key) | %s |\n' "$count" "$(s "${v1[@]}")"
printf '| no-op incremental build, SecretGuardEnabled=false | %s |\n' "$(s "${noop_off[@]}")"
printf '| no-op incremental build, SecretGuard on (recipients file present) | %s |\n' "$(s "${noop_on[@]}")"
printf '| added by SecretGuard: difference of the medians / median of the paired differences | %s ms / %s |\n' \
  "$(( $(printf '%s\n' "${noop_on[@]}" | median) - $(printf '%s\n' "${noop_off[@]}" | median) ))" "$(s "${diffs[@]}")"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
