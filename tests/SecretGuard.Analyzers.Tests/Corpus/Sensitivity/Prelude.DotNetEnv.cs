// Stubs of the DotNetEnv package (NuGet DotNetEnv) for the SG0006 DotNetEnv and bulk-read snippets, with the package's
// type and member names: Env.Load*/GetString/GetInt..., LoadOptions and its fluent extensions, ToDotEnvDictionary and
// the configuration source AddDotNetEnv. Corpus data, not compiled into the test project.
#nullable disable

global using DotNetEnv;
global using DotNetEnv.Configuration;
global using DotNetEnv.Extensions;

namespace DotNetEnv
{
    public class Env
    {
        public static IEnumerable<KeyValuePair<string, string>> Load(string path = null, LoadOptions options = null, IEnumerable<KeyValuePair<string, string>> additionalValues = null) => Array.Empty<KeyValuePair<string, string>>();
        public static IEnumerable<KeyValuePair<string, string>> Load(Stream file, LoadOptions options = null, IEnumerable<KeyValuePair<string, string>> additionalValues = null) => Array.Empty<KeyValuePair<string, string>>();
        public static IEnumerable<KeyValuePair<string, string>> LoadMulti(string[] paths, LoadOptions options = null, IEnumerable<KeyValuePair<string, string>> additionalValues = null) => Array.Empty<KeyValuePair<string, string>>();
        public static IEnumerable<KeyValuePair<string, string>> LoadContents(string contents, LoadOptions options = null, IEnumerable<KeyValuePair<string, string>> additionalValues = null) => Array.Empty<KeyValuePair<string, string>>();
        public static string GetString(string key, string fallback = default) => fallback;
        public static bool GetBool(string key, bool fallback = default) => fallback;
        public static int GetInt(string key, int fallback = default) => fallback;
        public static double GetDouble(string key, double fallback = default) => fallback;
        public static LoadOptions NoEnvVars() => new LoadOptions();
        public static LoadOptions NoClobber() => new LoadOptions();
        public static LoadOptions TraversePath() => new LoadOptions();
    }

    public class LoadOptions
    {
        public LoadOptions(bool? setEnvVars = null, bool? clobberExistingVars = null, bool? onlyExactPath = null) { }
        public bool SetEnvVars { get; set; } = true;
        public bool ClobberExistingVars { get; set; } = true;
        public bool OnlyExactPath { get; set; } = true;
    }

    public static class LoadOptionExtensions
    {
        public static LoadOptions NoEnvVars(this LoadOptions options) => options;
        public static LoadOptions NoClobber(this LoadOptions options) => options;
        public static LoadOptions TraversePath(this LoadOptions options) => options;
        public static IEnumerable<KeyValuePair<string, string>> Load(this LoadOptions options, string path = null) => Env.Load(path, options);
        public static IEnumerable<KeyValuePair<string, string>> LoadMulti(this LoadOptions options, string[] paths) => Env.LoadMulti(paths, options);
    }
}

namespace DotNetEnv.Extensions
{
    public enum CreateDictionaryOption { Throw, TakeFirst, TakeLast }

    public static class LinqExtensions
    {
        public static Dictionary<string, string> ToDotEnvDictionary(this IEnumerable<KeyValuePair<string, string>> pairs, CreateDictionaryOption option = CreateDictionaryOption.TakeLast) => new Dictionary<string, string>();
    }
}

namespace DotNetEnv.Configuration
{
    public static class ConfigurationBuilderExtensions
    {
        public static Microsoft.Extensions.Configuration.IConfigurationBuilder AddDotNetEnv(this Microsoft.Extensions.Configuration.IConfigurationBuilder builder, string path = null, LoadOptions options = null) => builder;
    }
}
