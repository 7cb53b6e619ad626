# Sourced by the bench/ build scripts: the folder a benched app builds in gets the samples' MSBuild files and a
# nuget.config whose first source is a local feed (WORK/feed) holding the package under test.
# Usage: write_local_feed WORK   (run from the repository root)
write_local_feed() {
  local work="$1"
  cp samples/Directory.Build.props samples/Directory.Build.targets samples/Directory.Packages.props "$work/"
  cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="secretguard-bench" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
}
