// Stubs for SG0004's "objects logged whole" snippets: Newtonsoft.Json, Destructurama.Attributed and
// Microsoft.Extensions.Compliance attributes that keep a member out of logs, Microsoft.Extensions.Configuration's
// root and debug view, a Serilog logger with the generic overloads. Corpus data, not compiled into the test project.
#nullable disable

namespace Newtonsoft.Json
{
    public enum Formatting { None, Indented }

    public static class JsonConvert
    {
        public static string SerializeObject(object value) => string.Empty;
        public static string SerializeObject(object value, Formatting formatting) => string.Empty;
    }

    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class JsonIgnoreAttribute : Attribute { }
}

namespace Destructurama.Attributed
{
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class NotLoggedAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class LogMaskedAttribute : Attribute
    {
        public string Text { get; set; } = "***";
        public bool ShowFirst { get; set; }
    }
}

namespace Microsoft.Extensions.Compliance.Classification
{
    public readonly struct DataClassification
    {
        public DataClassification(string taxonomyName, string value) { TaxonomyName = taxonomyName; Value = value; }
        public string TaxonomyName { get; }
        public string Value { get; }
    }

    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
    public class DataClassificationAttribute : Attribute
    {
        protected DataClassificationAttribute(DataClassification classification) => Classification = classification;
        public DataClassification Classification { get; }
    }
}

namespace Microsoft.Extensions.Configuration
{
    // IConfigurationRoot and AsEnumerable are in Prelude.ConfigurationBuilder.cs.
    public sealed class ConfigurationDebugViewContext
    {
        public string Path { get; }
        public string Key { get; }
        public string Value { get; }
    }

    public static class ConfigurationRootExtensions
    {
        public static string GetDebugView(this IConfigurationRoot root) => string.Empty;
        public static string GetDebugView(this IConfigurationRoot root, Func<ConfigurationDebugViewContext, string> processValue) => string.Empty;
    }
}

namespace SecretGuard.SensitivityCorpus
{
    // The app's own classification attribute for the compliance redactors (the pattern the .NET docs show).
    public sealed class PrivateDataAttribute : Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute
    {
        public PrivateDataAttribute() : base(new Microsoft.Extensions.Compliance.Classification.DataClassification("MyTaxonomy", "PrivateData")) { }
    }

    public interface ITokenProvider
    {
        Task<string> GetAccessTokenAsync(CancellationToken cancellationToken = default);
        Task<DateTimeOffset> GetTokenExpiryAsync(CancellationToken cancellationToken = default);
        Task<string> GetTokenTypeAsync(CancellationToken cancellationToken = default);
    }

    public interface ISecretVault
    {
        Task<string> GetSecretAsync(string name, CancellationToken cancellationToken = default);
        Task<IReadOnlyDictionary<string, string>> LoadAllAsync(CancellationToken cancellationToken = default);
    }
}
