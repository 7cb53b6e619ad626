// Stubs for SG0006's locally built configuration and bulk-read snippets: ConfigurationBuilder and the Add* extensions
// of Microsoft.Extensions.Configuration.* (environment variables, JSON, INI, key-per-file, in-memory, command line),
// AsEnumerable, and SecretGuard's AddSecretGuard with its options. Corpus data, not compiled into the test project.
#nullable disable

// The bulk-read snippets enumerate Environment.GetEnvironmentVariables() as DictionaryEntry.
global using System.Collections;

namespace Microsoft.Extensions.Configuration
{
    public interface IConfigurationRoot : IConfiguration { }

    public interface IConfigurationBuilder
    {
        IDictionary<string, object> Properties { get; }
        IConfigurationRoot Build();
    }

    public class ConfigurationBuilder : IConfigurationBuilder
    {
        public IDictionary<string, object> Properties { get; } = new Dictionary<string, object>();
        public IConfigurationRoot Build() => null;
    }

    public static class EnvironmentVariablesExtensions
    {
        public static IConfigurationBuilder AddEnvironmentVariables(this IConfigurationBuilder builder) => builder;
        public static IConfigurationBuilder AddEnvironmentVariables(this IConfigurationBuilder builder, string prefix) => builder;
    }

    public static class JsonConfigurationExtensions
    {
        public static IConfigurationBuilder AddJsonFile(this IConfigurationBuilder builder, string path, bool optional = false, bool reloadOnChange = false) => builder;
    }

    public static class IniConfigurationExtensions
    {
        public static IConfigurationBuilder AddIniFile(this IConfigurationBuilder builder, string path, bool optional = false, bool reloadOnChange = false) => builder;
    }

    public static class KeyPerFileConfigurationBuilderExtensions
    {
        public static IConfigurationBuilder AddKeyPerFile(this IConfigurationBuilder builder, string directoryPath, bool optional = false) => builder;
    }

    public static class MemoryConfigurationBuilderExtensions
    {
        public static IConfigurationBuilder AddInMemoryCollection(this IConfigurationBuilder builder, IEnumerable<KeyValuePair<string, string>> initialData) => builder;
    }

    public static class CommandLineConfigurationExtensions
    {
        public static IConfigurationBuilder AddCommandLine(this IConfigurationBuilder builder, string[] args) => builder;
    }

    public static class FileConfigurationExtensions
    {
        public static IConfigurationBuilder SetBasePath(this IConfigurationBuilder builder, string basePath) => builder;
    }

    // In the real library AsEnumerable is a member of ConfigurationExtensions, which Prelude.cs already stubs.
    public static class ConfigurationEnumerationExtensions
    {
        public static IEnumerable<KeyValuePair<string, string>> AsEnumerable(this IConfiguration configuration) => Array.Empty<KeyValuePair<string, string>>();
    }

    public static class SecretGuardConfigurationExtensions
    {
        public static IConfigurationBuilder AddSecretGuard(this IConfigurationBuilder builder, Action<SecretGuard.SecretGuardOptions> configure = null) => builder;
    }
}

namespace SecretGuard
{
    public sealed class SecretGuardOptions
    {
        public string Environment { get; set; }
        public string EnvFilePath { get; set; }
        public bool Optional { get; set; }
        public bool DecryptEarlierProviders { get; set; }
    }
}
