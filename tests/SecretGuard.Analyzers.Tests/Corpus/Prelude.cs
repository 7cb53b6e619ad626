// Prelude for the SG0001–SG0003 accuracy corpus (see README.md in this folder).
// Compiled together with every wrapped snippet against the .NET 8 reference assemblies, nullable enabled.
// It holds the global usings the snippets rely on and minimal stubs of the library types they call that are not
// in the .NET 8 base library. Member and parameter names follow the real libraries, because SG0002 judges names.
// This file is corpus data: the test project must not compile it into itself (<Compile Remove="Corpus/**" />).

global using System;
global using System.Collections.Generic;
global using System.ComponentModel.DataAnnotations;
global using System.Diagnostics;
global using System.IO;
global using System.Linq;
global using System.Net;
global using System.Net.Http;
global using System.Net.Http.Headers;
global using System.Net.Mail;
global using System.Security.Claims;
global using System.Security.Cryptography;
global using System.Security.Cryptography.X509Certificates;
global using System.Text;
global using System.Text.Json;
global using System.Text.Json.Serialization;
global using System.Text.RegularExpressions;
global using System.Threading;
global using System.Threading.Tasks;
global using Microsoft.IdentityModel.Tokens;
global using System.IdentityModel.Tokens.Jwt;
global using Microsoft.Data.SqlClient;
global using Microsoft.Extensions.Configuration;
global using Microsoft.Extensions.Logging;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Options;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.AspNetCore.Authentication.JwtBearer;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.Azure.Functions.Worker;
global using Microsoft.Azure.Functions.Worker.Http;
global using Xunit;
global using Amazon;
global using Amazon.Runtime;
global using Amazon.S3;
global using Azure;
global using Azure.Identity;
global using Azure.Storage;
global using Azure.Storage.Blobs;
global using Azure.Messaging.ServiceBus;
global using Microsoft.Azure.Cosmos;
global using StackExchange.Redis;
global using RabbitMQ.Client;
global using Npgsql;
global using MongoDB.Driver;
global using Stripe;
global using Twilio;
global using SendGrid;
global using Telegram.Bot;
global using Discord;
global using Discord.WebSocket;
global using OpenAI.Chat;
global using Anthropic.SDK;
global using Google.Apis.Auth.OAuth2;
global using SecretGuard;

#nullable enable
#pragma warning disable CS1591

namespace SecretGuard
{
    /// <summary>SecretGuard's runtime helper: the value of an encrypted env-file entry.</summary>
    public static class Secrets
    {
        public static string Get(string name) => throw new NotImplementedException();
        public static bool TryGet(string name, out string? value) { value = null; return false; }
        public static string Redact(string? value) => "[redacted]";
    }
}

namespace Microsoft.IdentityModel.Tokens
{
    public abstract class SecurityKey
    {
        public string? KeyId { get; set; }
        public abstract int KeySize { get; }
    }

    public class SymmetricSecurityKey : SecurityKey
    {
        public SymmetricSecurityKey(byte[] key) => Key = key;
        public virtual byte[] Key { get; }
        public override int KeySize => Key.Length * 8;
    }

    public class RsaSecurityKey : SecurityKey
    {
        public RsaSecurityKey(RSA rsa) => Rsa = rsa;
        public RSA Rsa { get; }
        public override int KeySize => Rsa.KeySize;
    }

    public class SigningCredentials
    {
        public SigningCredentials(SecurityKey key, string algorithm) { Key = key; Algorithm = algorithm; }
        public SecurityKey Key { get; }
        public string Algorithm { get; }
    }

    public static class SecurityAlgorithms
    {
        public const string HmacSha256 = "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256";
        public const string HmacSha512 = "http://www.w3.org/2001/04/xmldsig-more#hmac-sha512";
        public const string RsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    }

    public class TokenValidationParameters
    {
        public SecurityKey? IssuerSigningKey { get; set; }
        public IEnumerable<SecurityKey>? IssuerSigningKeys { get; set; }
        public bool ValidateIssuer { get; set; } = true;
        public bool ValidateAudience { get; set; } = true;
        public bool ValidateLifetime { get; set; } = true;
        public bool ValidateIssuerSigningKey { get; set; }
        public string? ValidIssuer { get; set; }
        public string? ValidAudience { get; set; }
        public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);
        public string? NameClaimType { get; set; }
        public string? RoleClaimType { get; set; }
    }
}

namespace System.IdentityModel.Tokens.Jwt
{
    public class JwtSecurityToken
    {
        public JwtSecurityToken(string? issuer = null, string? audience = null, IEnumerable<Claim>? claims = null,
            DateTime? notBefore = null, DateTime? expires = null, SigningCredentials? signingCredentials = null) { }
        public JwtSecurityToken(string jwtEncodedString) { }
        public IEnumerable<Claim> Claims => Array.Empty<Claim>();
        public DateTime ValidTo => DateTime.MaxValue;
    }

    public class JwtSecurityTokenHandler
    {
        public string WriteToken(JwtSecurityToken token) => string.Empty;
        public JwtSecurityToken ReadJwtToken(string token) => new JwtSecurityToken(token);
        public ClaimsPrincipal ValidateToken(string token, TokenValidationParameters validationParameters, out JwtSecurityToken validatedToken)
        {
            validatedToken = new JwtSecurityToken(token);
            return new ClaimsPrincipal();
        }
    }
}

namespace Microsoft.Data.SqlClient
{
    public sealed class SqlConnectionStringBuilder
    {
        public SqlConnectionStringBuilder() { }
        public SqlConnectionStringBuilder(string connectionString) => ConnectionString = connectionString;
        public string ConnectionString { get; set; } = string.Empty;
        public string DataSource { get; set; } = string.Empty;
        public string InitialCatalog { get; set; } = string.Empty;
        public string UserID { get; set; } = string.Empty;
        public string Password { get; set; } = string.Empty;
        public bool IntegratedSecurity { get; set; }
        public bool TrustServerCertificate { get; set; }
        public bool MultipleActiveResultSets { get; set; }
        public int ConnectTimeout { get; set; } = 15;
        public string ApplicationName { get; set; } = string.Empty;
        public override string ToString() => ConnectionString;
    }

    public sealed class SqlConnection : IDisposable, IAsyncDisposable
    {
        public SqlConnection() { }
        public SqlConnection(string connectionString) => ConnectionString = connectionString;
        public string ConnectionString { get; set; } = string.Empty;
        public string? AccessToken { get; set; }
        public void Open() { }
        public Task OpenAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
        public SqlCommand CreateCommand() => new SqlCommand(string.Empty, this);
        public void Dispose() { }
        public ValueTask DisposeAsync() => default;
    }

    public sealed class SqlCommand : IDisposable
    {
        public SqlCommand(string cmdText, SqlConnection connection) { CommandText = cmdText; Connection = connection; }
        public string CommandText { get; set; }
        public SqlConnection Connection { get; }
        public SqlParameterCollection Parameters { get; } = new SqlParameterCollection();
        public Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);
        public Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken = default) => Task.FromResult<object?>(null);
        public void Dispose() { }
    }

    public sealed class SqlParameterCollection
    {
        public object AddWithValue(string parameterName, object value) => value;
    }
}

namespace Microsoft.Extensions.Configuration
{
    public interface IConfiguration
    {
        string? this[string key] { get; set; }
        IConfigurationSection GetSection(string key);
    }

    public interface IConfigurationSection : IConfiguration
    {
        string Key { get; }
        string Path { get; }
        string? Value { get; set; }
    }

    public interface IConfigurationRoot : IConfiguration { }

    public interface IConfigurationBuilder
    {
        IConfigurationRoot Build();
    }

    public class ConfigurationBuilder : IConfigurationBuilder
    {
        public IConfigurationRoot Build() => throw new NotImplementedException();
    }

    public static class ConfigurationExtensions
    {
        public static string? GetConnectionString(this IConfiguration configuration, string name) => configuration.GetSection("ConnectionStrings")[name];
        public static T? GetValue<T>(this IConfiguration configuration, string key) => default;
        public static T GetValue<T>(this IConfiguration configuration, string key, T defaultValue) => defaultValue;
        public static T? Get<T>(this IConfiguration configuration) => default;
        public static string GetRequiredValue(this IConfiguration configuration, string key) => configuration[key] ?? throw new InvalidOperationException(key);
        public static IConfigurationBuilder AddInMemoryCollection(this IConfigurationBuilder builder, IEnumerable<KeyValuePair<string, string?>>? initialData) => builder;
        public static IConfigurationBuilder AddJsonFile(this IConfigurationBuilder builder, string path, bool optional = false, bool reloadOnChange = false) => builder;
        public static IConfigurationBuilder AddEnvironmentVariables(this IConfigurationBuilder builder, string? prefix = null) => builder;
        public static IConfigurationBuilder AddUserSecrets<T>(this IConfigurationBuilder builder) where T : class => builder;
    }
}

namespace Microsoft.Extensions.Logging
{
    public enum LogLevel { Trace, Debug, Information, Warning, Error, Critical, None }

    public interface ILogger
    {
        void Log(LogLevel logLevel, Exception? exception, string? message, params object?[] args);
    }

    public interface ILogger<out TCategoryName> : ILogger { }

    public static class LoggerExtensions
    {
        public static void LogDebug(this ILogger logger, string? message, params object?[] args) => logger.Log(LogLevel.Debug, null, message, args);
        public static void LogInformation(this ILogger logger, string? message, params object?[] args) => logger.Log(LogLevel.Information, null, message, args);
        public static void LogWarning(this ILogger logger, string? message, params object?[] args) => logger.Log(LogLevel.Warning, null, message, args);
        public static void LogError(this ILogger logger, string? message, params object?[] args) => logger.Log(LogLevel.Error, null, message, args);
        public static void LogError(this ILogger logger, Exception? exception, string? message, params object?[] args) => logger.Log(LogLevel.Error, exception, message, args);
    }
}

namespace Microsoft.Extensions.Options
{
    public interface IOptions<out TOptions> where TOptions : class
    {
        TOptions Value { get; }
    }

    public interface IOptionsMonitor<out TOptions>
    {
        TOptions CurrentValue { get; }
    }
}

namespace Microsoft.Extensions.DependencyInjection
{
    public interface IServiceCollection : IList<ServiceDescriptor> { }

    public class ServiceDescriptor { }

    public interface IHttpClientBuilder
    {
        string Name { get; }
        IServiceCollection Services { get; }
    }

    public class AuthenticationBuilder
    {
        public IServiceCollection Services { get; } = null!;
    }

    public static class ServiceCollectionExtensions
    {
        public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, TService implementationInstance) where TService : class => services;
        public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, Func<IServiceProvider, TService> implementationFactory) where TService : class => services;
        public static IServiceCollection AddScoped<TService, TImplementation>(this IServiceCollection services) where TService : class where TImplementation : class, TService => services;
        public static IServiceCollection Configure<TOptions>(this IServiceCollection services, Action<TOptions> configureOptions) where TOptions : class => services;
        public static IServiceCollection Configure<TOptions>(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration config) where TOptions : class => services;
        public static IServiceCollection PostConfigure<TOptions>(this IServiceCollection services, Action<TOptions> configureOptions) where TOptions : class => services;
        public static IHttpClientBuilder AddHttpClient(this IServiceCollection services, string name, Action<HttpClient> configureClient) => null!;
        public static IHttpClientBuilder AddHttpClient<TClient>(this IServiceCollection services, Action<HttpClient> configureClient) where TClient : class => null!;
        public static IServiceCollection AddDbContext<TContext>(this IServiceCollection services, Action<Microsoft.EntityFrameworkCore.DbContextOptionsBuilder> optionsAction) where TContext : Microsoft.EntityFrameworkCore.DbContext => services;
        public static IServiceCollection AddStackExchangeRedisCache(this IServiceCollection services, Action<RedisCacheOptions> setupAction) => services;
        public static AuthenticationBuilder AddAuthentication(this IServiceCollection services, string defaultScheme) => new AuthenticationBuilder();
        public static AuthenticationBuilder AddJwtBearer(this AuthenticationBuilder builder, Action<Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions> configureOptions) => builder;
        public static IServiceCollection AddHealthChecks(this IServiceCollection services) => services;
        public static T GetRequiredService<T>(this IServiceProvider provider) where T : notnull => (T)provider.GetService(typeof(T))!;
    }

    public class RedisCacheOptions
    {
        public string? Configuration { get; set; }
        public string? InstanceName { get; set; }
    }
}

namespace Microsoft.EntityFrameworkCore
{
    public class DbContextOptionsBuilder
    {
        public bool IsConfigured { get; set; }
        public DbContextOptionsBuilder EnableSensitiveDataLogging(bool sensitiveDataLoggingEnabled = true) => this;
    }

    public class DbContextOptions { }

    public abstract class DbContext : IDisposable
    {
        protected DbContext() { }
        protected DbContext(DbContextOptions options) { }
        protected virtual void OnConfiguring(DbContextOptionsBuilder optionsBuilder) { }
        public void Dispose() { }
    }

    public static class ProviderExtensions
    {
        public static DbContextOptionsBuilder UseSqlServer(this DbContextOptionsBuilder optionsBuilder, string? connectionString) => optionsBuilder;
        public static DbContextOptionsBuilder UseNpgsql(this DbContextOptionsBuilder optionsBuilder, string? connectionString) => optionsBuilder;
        public static DbContextOptionsBuilder UseSqlite(this DbContextOptionsBuilder optionsBuilder, string? connectionString) => optionsBuilder;
        public static DbContextOptionsBuilder UseMySql(this DbContextOptionsBuilder optionsBuilder, string? connectionString, Version serverVersion) => optionsBuilder;
        public static DbContextOptionsBuilder UseInMemoryDatabase(this DbContextOptionsBuilder optionsBuilder, string databaseName) => optionsBuilder;
    }
}

namespace Microsoft.AspNetCore.Http
{
    public class HeaderDictionary : Dictionary<string, string>
    {
        public HeaderDictionary() : base(StringComparer.OrdinalIgnoreCase) { }
        public string? Authorization { get => TryGetValue("Authorization", out var v) ? v : null; set => this["Authorization"] = value ?? string.Empty; }
    }

    public abstract class HttpRequest
    {
        public abstract HeaderDictionary Headers { get; }
        public abstract IDictionary<string, string> Query { get; }
        public abstract Stream Body { get; set; }
        public abstract string Path { get; }
    }

    public abstract class HttpResponse
    {
        public abstract int StatusCode { get; set; }
        public abstract HeaderDictionary Headers { get; }
        public abstract Task WriteAsync(string text, CancellationToken cancellationToken = default);
    }

    public abstract class HttpContext
    {
        public abstract HttpRequest Request { get; }
        public abstract HttpResponse Response { get; }
        public abstract ClaimsPrincipal User { get; set; }
        public abstract IServiceProvider RequestServices { get; }
    }

    public delegate Task RequestDelegate(HttpContext context);

    public static class StatusCodes
    {
        public const int Status200OK = 200;
        public const int Status401Unauthorized = 401;
        public const int Status403Forbidden = 403;
    }
}

namespace Microsoft.AspNetCore.Authorization
{
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
    public class AuthorizeAttribute : Attribute
    {
        public AuthorizeAttribute() { }
        public AuthorizeAttribute(string policy) => Policy = policy;
        public string? Policy { get; set; }
        public string? Roles { get; set; }
        public string? AuthenticationSchemes { get; set; }
    }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
    public class AllowAnonymousAttribute : Attribute { }
}

namespace Microsoft.AspNetCore.Authentication.JwtBearer
{
    public static class JwtBearerDefaults
    {
        public const string AuthenticationScheme = "Bearer";
    }

    public class JwtBearerOptions
    {
        public string? Authority { get; set; }
        public string? Audience { get; set; }
        public bool RequireHttpsMetadata { get; set; } = true;
        public bool SaveToken { get; set; }
        public TokenValidationParameters TokenValidationParameters { get; set; } = new TokenValidationParameters();
    }
}

namespace Microsoft.AspNetCore.Mvc
{
    public interface IActionResult { }

    public class ObjectResult : IActionResult
    {
        public ObjectResult(object? value) => Value = value;
        public object? Value { get; }
        public int? StatusCode { get; set; }
    }

    public abstract class ControllerBase
    {
        public HttpContext HttpContext { get; set; } = null!;
        public HttpRequest Request => HttpContext.Request;
        public ClaimsPrincipal User => HttpContext.User;
        public virtual IActionResult Ok() => new ObjectResult(null);
        public virtual IActionResult Ok(object? value) => new ObjectResult(value);
        public virtual IActionResult Unauthorized() => new ObjectResult(null) { StatusCode = 401 };
        public virtual IActionResult BadRequest(object? error) => new ObjectResult(error) { StatusCode = 400 };
        public virtual IActionResult NotFound() => new ObjectResult(null) { StatusCode = 404 };
        public virtual IActionResult StatusCode(int statusCode) => new ObjectResult(null) { StatusCode = statusCode };
    }

    [AttributeUsage(AttributeTargets.Class)]
    public class ApiControllerAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
    public class RouteAttribute : Attribute
    {
        public RouteAttribute(string template) => Template = template;
        public string Template { get; }
        public string? Name { get; set; }
    }

    [AttributeUsage(AttributeTargets.Method)]
    public class HttpGetAttribute : Attribute
    {
        public HttpGetAttribute() { }
        public HttpGetAttribute(string template) { }
        public string? Name { get; set; }
    }

    [AttributeUsage(AttributeTargets.Method)]
    public class HttpPostAttribute : Attribute
    {
        public HttpPostAttribute() { }
        public HttpPostAttribute(string template) { }
        public string? Name { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
    public class FromHeaderAttribute : Attribute
    {
        public string? Name { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
    public class FromBodyAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
    public class FromQueryAttribute : Attribute
    {
        public string? Name { get; set; }
    }
}

namespace Microsoft.Azure.Functions.Worker
{
    public enum AuthorizationLevel { Anonymous, User, Function, System, Admin }

    [AttributeUsage(AttributeTargets.Method)]
    public class FunctionAttribute : Attribute
    {
        public FunctionAttribute(string name) => Name = name;
        public string Name { get; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public class HttpTriggerAttribute : Attribute
    {
        public HttpTriggerAttribute(AuthorizationLevel authLevel, params string[] methods) { AuthLevel = authLevel; Methods = methods; }
        public AuthorizationLevel AuthLevel { get; }
        public string[] Methods { get; }
        public string? Route { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public class TimerTriggerAttribute : Attribute
    {
        public TimerTriggerAttribute(string schedule) => Schedule = schedule;
        public string Schedule { get; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public class ServiceBusTriggerAttribute : Attribute
    {
        public ServiceBusTriggerAttribute(string queueName) => QueueName = queueName;
        public string QueueName { get; }
        public string? Connection { get; set; }
    }

    public class TimerInfo { }

    public abstract class FunctionContext
    {
        public abstract string FunctionId { get; }
    }
}

namespace Microsoft.Azure.Functions.Worker.Http
{
    public abstract class HttpRequestData
    {
        public abstract HttpHeadersCollection Headers { get; }
        public abstract Uri Url { get; }
        public abstract Stream Body { get; }
        public abstract HttpResponseData CreateResponse();
        public HttpResponseData CreateResponse(HttpStatusCode statusCode) { var r = CreateResponse(); r.StatusCode = statusCode; return r; }
    }

    public abstract class HttpResponseData
    {
        public abstract HttpStatusCode StatusCode { get; set; }
        public abstract HttpHeadersCollection Headers { get; set; }
        public Task WriteStringAsync(string value) => Task.CompletedTask;
    }

    public class HttpHeadersCollection : Dictionary<string, IEnumerable<string>>
    {
        public bool TryGetValues(string name, out IEnumerable<string>? values) => TryGetValue(name, out values);
        public void Add(string name, string value) => this[name] = new[] { value };
    }
}

namespace Xunit
{
    [AttributeUsage(AttributeTargets.Method)]
    public class FactAttribute : Attribute
    {
        public string? Skip { get; set; }
        public string? DisplayName { get; set; }
    }

    [AttributeUsage(AttributeTargets.Method)]
    public class TheoryAttribute : FactAttribute { }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class InlineDataAttribute : Attribute
    {
        public InlineDataAttribute(params object?[] data) => Data = data;
        public object?[] Data { get; }
    }

    public static class Assert
    {
        public static void Equal<T>(T expected, T actual) { }
        public static void NotEqual<T>(T expected, T actual) { }
        public static void True(bool condition, string? userMessage = null) { }
        public static void False(bool condition, string? userMessage = null) { }
        public static void NotNull(object? @object) { }
        public static void Null(object? @object) { }
        public static void Contains(string expectedSubstring, string? actualString) { }
        public static void DoesNotContain(string expectedSubstring, string? actualString) { }
        public static T Throws<T>(Action testCode) where T : Exception => throw new NotImplementedException();
        public static Task<T> ThrowsAsync<T>(Func<Task> testCode) where T : Exception => throw new NotImplementedException();
    }
}

namespace Amazon
{
    public sealed class RegionEndpoint
    {
        private RegionEndpoint(string systemName) => SystemName = systemName;
        public string SystemName { get; }
        public static readonly RegionEndpoint USEast1 = new RegionEndpoint("us-east-1");
        public static readonly RegionEndpoint EUWest1 = new RegionEndpoint("eu-west-1");
        public static readonly RegionEndpoint EUCentral1 = new RegionEndpoint("eu-central-1");
        public static RegionEndpoint GetBySystemName(string systemName) => new RegionEndpoint(systemName);
    }
}

namespace Amazon.Runtime
{
    public abstract class AWSCredentials { }

    public class BasicAWSCredentials : AWSCredentials
    {
        public BasicAWSCredentials(string accessKey, string secretKey) { }
    }

    public class SessionAWSCredentials : AWSCredentials
    {
        public SessionAWSCredentials(string awsAccessKeyId, string awsSecretAccessKey, string token) { }
    }
}

namespace Amazon.S3
{
    public class AmazonS3Config
    {
        public string? ServiceURL { get; set; }
        public bool ForcePathStyle { get; set; }
        public RegionEndpoint? RegionEndpoint { get; set; }
    }

    public class AmazonS3Client : IDisposable
    {
        public AmazonS3Client() { }
        public AmazonS3Client(RegionEndpoint region) { }
        public AmazonS3Client(AWSCredentials credentials, RegionEndpoint region) { }
        public AmazonS3Client(AWSCredentials credentials, AmazonS3Config clientConfig) { }
        public AmazonS3Client(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region) { }
        public AmazonS3Client(string awsAccessKeyId, string awsSecretAccessKey, AmazonS3Config clientConfig) { }
        public void Dispose() { }
    }
}

namespace Azure
{
    public class AzureSasCredential
    {
        public AzureSasCredential(string signature) => Signature = signature;
        public string Signature { get; }
    }

    public class AzureKeyCredential
    {
        public AzureKeyCredential(string key) => Key = key;
        public string Key { get; }
    }
}

namespace Azure.Identity
{
    public class ClientSecretCredential
    {
        public ClientSecretCredential(string tenantId, string clientId, string clientSecret) { }
    }

    public class DefaultAzureCredential
    {
        public DefaultAzureCredential() { }
    }

    public class ManagedIdentityCredential
    {
        public ManagedIdentityCredential(string? clientId = null) { }
    }
}

namespace Azure.Storage
{
    public class StorageSharedKeyCredential
    {
        public StorageSharedKeyCredential(string accountName, string accountKey) => AccountName = accountName;
        public string AccountName { get; }
    }
}

namespace Azure.Storage.Blobs
{
    public class BlobServiceClient
    {
        public BlobServiceClient(string connectionString) { }
        public BlobServiceClient(Uri serviceUri, StorageSharedKeyCredential credential) { }
        public BlobServiceClient(Uri serviceUri, Azure.AzureSasCredential credential) { }
        public BlobServiceClient(Uri serviceUri, Azure.Identity.DefaultAzureCredential credential) { }
        public BlobContainerClient GetBlobContainerClient(string blobContainerName) => new BlobContainerClient(new Uri("https://localhost/" + blobContainerName));
    }

    public class BlobContainerClient
    {
        public BlobContainerClient(string connectionString, string blobContainerName) { }
        public BlobContainerClient(Uri blobContainerUri) { }
        public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
        public Task UploadBlobAsync(string blobName, Stream content, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}

namespace Azure.Messaging.ServiceBus
{
    public class ServiceBusClient : IAsyncDisposable
    {
        public ServiceBusClient(string connectionString) { }
        public ServiceBusClient(string fullyQualifiedNamespace, Azure.Identity.DefaultAzureCredential credential) { }
        public ServiceBusSender CreateSender(string queueOrTopicName) => new ServiceBusSender();
        public ValueTask DisposeAsync() => default;
    }

    public class ServiceBusSender
    {
        public Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    public class ServiceBusMessage
    {
        public ServiceBusMessage(string body) { }
    }
}

namespace Microsoft.Azure.Cosmos
{
    public class CosmosClientOptions
    {
        public string? ApplicationName { get; set; }
    }

    public class CosmosClient : IDisposable
    {
        public CosmosClient(string connectionString, CosmosClientOptions? clientOptions = null) { }
        public CosmosClient(string accountEndpoint, string authKeyOrResourceToken, CosmosClientOptions? clientOptions = null) { }
        public void Dispose() { }
    }
}

namespace StackExchange.Redis
{
    public class EndPointCollection : List<string>
    {
        public void Add(string host, int port) => Add(host + ":" + port);
    }

    public class ConfigurationOptions
    {
        public EndPointCollection EndPoints { get; } = new EndPointCollection();
        public string? User { get; set; }
        public string? Password { get; set; }
        public bool Ssl { get; set; }
        public bool AbortOnConnectFail { get; set; } = true;
        public int ConnectTimeout { get; set; } = 5000;
        public string? ClientName { get; set; }
        public static ConfigurationOptions Parse(string configuration) => new ConfigurationOptions();
    }

    public interface IDatabase
    {
        Task<bool> StringSetAsync(string key, string value);
    }

    public class ConnectionMultiplexer : IDisposable
    {
        public static ConnectionMultiplexer Connect(string configuration) => new ConnectionMultiplexer();
        public static ConnectionMultiplexer Connect(ConfigurationOptions configuration) => new ConnectionMultiplexer();
        public static Task<ConnectionMultiplexer> ConnectAsync(string configuration) => Task.FromResult(new ConnectionMultiplexer());
        public static Task<ConnectionMultiplexer> ConnectAsync(ConfigurationOptions configuration) => Task.FromResult(new ConnectionMultiplexer());
        public IDatabase GetDatabase(int db = -1) => null!;
        public void Dispose() { }
    }
}

namespace RabbitMQ.Client
{
    public interface IConnection : IDisposable { }

    public class ConnectionFactory
    {
        public string HostName { get; set; } = "localhost";
        public int Port { get; set; } = 5672;
        public string UserName { get; set; } = "guest";
        public string Password { get; set; } = "guest";
        public string VirtualHost { get; set; } = "/";
        public Uri? Uri { get; set; }
        public bool DispatchConsumersAsync { get; set; }
        public string? ClientProvidedName { get; set; }
        public IConnection CreateConnection() => null!;
    }
}

namespace Npgsql
{
    public sealed class NpgsqlConnectionStringBuilder
    {
        public NpgsqlConnectionStringBuilder() { }
        public NpgsqlConnectionStringBuilder(string connectionString) => ConnectionString = connectionString;
        public string ConnectionString { get; set; } = string.Empty;
        public string? Host { get; set; }
        public int Port { get; set; } = 5432;
        public string? Database { get; set; }
        public string? Username { get; set; }
        public string? Password { get; set; }
        public string? Passfile { get; set; }
        public bool Pooling { get; set; } = true;
        public override string ToString() => ConnectionString;
    }

    public sealed class NpgsqlConnection : IDisposable
    {
        public NpgsqlConnection(string connectionString) { }
        public Task OpenAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
        public void Dispose() { }
    }
}

namespace MongoDB.Driver
{
    public class MongoClientSettings
    {
        public static MongoClientSettings FromConnectionString(string connectionString) => new MongoClientSettings();
        public string? ApplicationName { get; set; }
    }

    public interface IMongoDatabase { }

    public class MongoClient
    {
        public MongoClient(string connectionString) { }
        public MongoClient(MongoClientSettings settings) { }
        public IMongoDatabase GetDatabase(string name) => null!;
    }
}

namespace Stripe
{
    public static class StripeConfiguration
    {
        public static string? ApiKey { get; set; }
    }

    public class StripeClient
    {
        public StripeClient(string apiKey) { }
    }

    public class Event
    {
        public string Type { get; set; } = string.Empty;
    }

    public static class EventUtility
    {
        public static Event ConstructEvent(string json, string stripeSignatureHeader, string secret, long tolerance = 300, bool throwOnApiVersionMismatch = true) => new Event();
    }
}

namespace Twilio
{
    public static class TwilioClient
    {
        public static void Init(string username, string password) { }
        public static void Init(string username, string password, string accountSid) { }
    }
}

namespace SendGrid
{
    public class SendGridClient
    {
        public SendGridClient(string apiKey) { }
        public SendGridClient(HttpClient httpClient, string apiKey) { }
    }
}

namespace Telegram.Bot
{
    public class TelegramBotClient
    {
        public TelegramBotClient(string token, HttpClient? httpClient = null) { }
    }
}

namespace Discord
{
    public enum TokenType { Bearer, Bot, Webhook }
}

namespace Discord.WebSocket
{
    public class DiscordSocketClient
    {
        public Task LoginAsync(TokenType tokenType, string token, bool validateToken = true) => Task.CompletedTask;
        public Task StartAsync() => Task.CompletedTask;
    }
}

namespace OpenAI.Chat
{
    public class ChatClient
    {
        public ChatClient(string model, string apiKey) { }
    }
}

namespace Anthropic.SDK
{
    public class APIAuthentication
    {
        public APIAuthentication(string apiKey) => ApiKey = apiKey;
        public string ApiKey { get; }
    }

    public class AnthropicClient
    {
        public AnthropicClient(APIAuthentication? apiKeys = null, HttpClient? client = null) { }
    }
}

namespace Google.Apis.Auth.OAuth2
{
    public class GoogleCredential
    {
        public static GoogleCredential FromJson(string json) => new GoogleCredential();
        public static GoogleCredential FromFile(string path) => new GoogleCredential();
        public static Task<GoogleCredential> GetApplicationDefaultAsync() => Task.FromResult(new GoogleCredential());
        public GoogleCredential CreateScoped(params string[] scopes) => this;
    }
}
