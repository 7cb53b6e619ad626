using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;

namespace SecretGuard.EndToEnd;

/// <summary>
/// A real console project in a temp folder that references the packed SecretGuard from the folder feed, with its
/// own key file (mode 600, above the project, as a team would keep it) and env files.
/// </summary>
public sealed class SampleProject : IDisposable
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);
    private readonly PackageFeed _feed;

    public SampleProject(PackageFeed feed, string? targetFrameworks = null, string extraItems = "", string extraProperties = "")
    {
        _feed = feed;
        Root = Path.Combine(Path.GetTempPath(), "sg-e2e-" + Guid.NewGuid().ToString("N")[..10]);
        ProjectDirectory = Path.Combine(Root, "App");
        Directory.CreateDirectory(ProjectDirectory);
        DevKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        ProdKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="secretguard-under-test" value="{feed.FeedDirectory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        WriteKeyFile("dev = " + DevKey + "\n");

        var frameworks = targetFrameworks is null
            ? "<TargetFramework>net10.0</TargetFramework>"
            : "<TargetFrameworks>" + targetFrameworks + "</TargetFrameworks>";
        WriteProjectFile(frameworks, extraItems, extraProperties);
        File.WriteAllText(Path.Combine(ProjectDirectory, "Program.cs"), """
            using SecretGuard;

            // Prints each named secret, so the test can check what the app decrypts.
            foreach (var name in args)
            {
                Console.WriteLine(name + "=" + Secrets.Get(name));
            }
            """);
    }

    public string Root { get; }

    public string ProjectDirectory { get; }

    public string DevKey { get; }

    public string ProdKey { get; }

    public string KeyFilePath => Path.Combine(Root, "secretguard.keys");

    public string ProjectFile => Path.Combine(ProjectDirectory, "App.csproj");

    public string PackageVersion => _feed.Version;

    public string OutputDirectory => Path.Combine(ProjectDirectory, "bin", "Debug", "net10.0");

    public void WriteProjectFile(string frameworks, string extraItems = "", string extraProperties = "", bool referencePackage = true) =>
        File.WriteAllText(ProjectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                {frameworks}
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <RollForward>Major</RollForward>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                {(referencePackage ? $"<PackageReference Include=\"SecretGuard\" Version=\"{_feed.Version}\" />" : string.Empty)}
                {extraItems}
              </ItemGroup>
            </Project>
            """);

    public void WriteKeyFile(string text)
    {
        File.WriteAllText(KeyFilePath, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(KeyFilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public string EnvFile(string environment) => Path.Combine(ProjectDirectory, ".env." + environment);

    public void WriteEnv(string environment, string text) => File.WriteAllText(EnvFile(environment), text);

    public string ReadEnv(string environment) => File.ReadAllText(EnvFile(environment));

    /// <summary><c>dotnet build</c> on a developer machine (Encrypt mode) unless <paramref name="ci"/>.</summary>
    public ProcessResult Build(bool ci = false, IDictionary<string, string?>? environment = null, params string[] extraArguments) =>
        RunDotNet("build", ci, environment, extraArguments);

    /// <summary><c>dotnet restore</c> alone, so that later builds can run with <c>--no-restore</c> at a moment of the test's choosing.</summary>
    public ProcessResult Restore() => RunDotNet("restore", false, null, Array.Empty<string>());

    public ProcessResult Publish(string outputDirectory, bool ci = false, string configuration = "Debug", IDictionary<string, string?>? environment = null) =>
        RunDotNet("publish", ci, environment, new[] { "-o", outputDirectory, "-c", configuration });

    /// <summary>Runs the built app with the given secret names as arguments.</summary>
    public ProcessResult RunApp(IDictionary<string, string?>? environment, params string[] names)
    {
        var arguments = new List<string> { Path.Combine(OutputDirectory, "App.dll") };
        arguments.AddRange(names);
        return DotNet.Run(ProjectDirectory, BuildTimeout, environment, arguments.ToArray());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private ProcessResult RunDotNet(string command, bool ci, IDictionary<string, string?>? environment, string[] extraArguments)
    {
        var env = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = _feed.PackagesDirectory,
        };
        if (ci)
        {
            env["CI"] = "true";
        }

        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                env[name] = value;
            }
        }

        var arguments = new List<string> { command, ProjectFile, "-nodeReuse:false", "-v:n" };
        arguments.AddRange(extraArguments);
        return DotNet.Run(ProjectDirectory, BuildTimeout, env, arguments.ToArray());
    }
}
