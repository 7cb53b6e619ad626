#!/usr/bin/env bash
# SecretGuard's main job, end to end, on samples/HelloSecrets: pack the package, build the sample with it
# (encryption in place, a policy error, CI verification), and run the app reading its decrypted secrets.
# Needs only the .NET SDK. Everything it writes goes under artifacts/demo/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")"
root="$PWD"
work="$root/artifacts/demo"
version="0.1.0-demo.$(date -u +%Y%m%d%H%M%S)"

# The demo shows a developer machine: no CI markers, so SecretGuard runs in Encrypt mode.
unset CI TF_BUILD GITHUB_ACTIONS GITLAB_CI BUILDKITE JENKINS_URL TEAMCITY_VERSION SECRETGUARD_KEY_DEV SECRETGUARD_KEY_PROD SECRETGUARD_KEY_FILE || true
export NUGET_PACKAGES="$work/packages" DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
build=(-nodeReuse:false -tl:off -v:m -nologo -clp:NoSummary "-p:SecretGuardVersion=$version")

step() { printf '\n=== %s\n\n' "$*"; }
show() { printf -- '--- %s\n' "$1"; sed 's/^/    /' "$1"; }
# Runs a build that must fail with the given SecretGuard error, and stops the demo if it fails otherwise.
expect_failure() {
  local code="$1"; shift
  local log; log="$(mktemp)"
  if "$@" 2>&1 | tee "$log"; then :; fi
  if ! grep -q "error $code" "$log"; then echo "(unexpected: no $code error; see above)"; rm -f "$log"; exit 1; fi
  rm -f "$log"
}

step "1. Pack SecretGuard $version"
rm -rf "$work/HelloSecrets" "$work/feed"
mkdir -p "$work/feed" "$work/packages"
dotnet pack src/SecretGuard.Package -c Release -nodeReuse:false -v:q -nologo "-p:PackageVersion=$version" -o "$work/feed" >/dev/null
ls "$work/feed"

step "2. Copy the sample; create a dev and a prod master key (32 random bytes each, kept out of git, mode 600)"
cp -R samples/HelloSecrets "$work/HelloSecrets"
cp samples/Directory.Build.props samples/Directory.Build.targets samples/Directory.Packages.props "$work/"
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="secretguard-demo" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
umask 077
{
  echo "# SecretGuard master keys for the demo: never commit this file"
  echo "dev = $(head -c 32 /dev/urandom | base64)"
  echo "prod = $(head -c 32 /dev/urandom | base64)"
} > "$work/secretguard.keys"
umask 022
echo "wrote $work/secretguard.keys (dev, prod)"
cd "$work/HelloSecrets"
show .env.dev

step "3. dotnet build (Debug -> dev): .env.dev is encrypted in place, and the SECRET_KEY rule (MinLength=32) fails"
expect_failure SG1008 dotnet build "${build[@]}"
show .env.dev

step "4. Replace SECRET_KEY with a 32-character key and build again"
awk -v key="$(head -c 24 /dev/urandom | base64 | tr '+/' '-_')" '/^SECRET_KEY=/ { print "SECRET_KEY=" key; next } { print }' .env.dev > .env.dev.tmp && mv .env.dev.tmp .env.dev
dotnet build "${build[@]}"
show .env.dev

step "5. Run the app: it reads the decrypted values (masked for the demo)"
dotnet bin/Debug/net8.0/HelloSecrets.dll

step "6. In CI (CI=true) nothing is written and a plaintext secret fails the build at file(line,col)"
cp .env.dev .env.dev.bak
echo "NEW_TOKEN_SECRET=pasted-in-plaintext" >> .env.dev
CI=true expect_failure SG1004 dotnet build "${build[@]}"
mv .env.dev.bak .env.dev

step "7. dotnet build -c Release (-> prod): .env.prod is encrypted with the prod key; the Release output carries it as .env"
dotnet build -c Release "${build[@]}"
show .env.prod
dotnet bin/Release/net8.0/HelloSecrets.dll

step "Done. The sample is in $work/HelloSecrets; its keys in $work/secretguard.keys."
