using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace SecretGuard.Analyzers.Tests.Generated;

/// <summary>
/// Generates a realistic C# code base for analyzer robustness tests and the analyzer cost benchmark
/// (<c>bench/SecretGuard.Benchmarks</c> links this file). Deterministic: the same files and seed give the same text.
/// <para>
/// The code looks like a line-of-business service: controllers, HttpClient gateways, repositories with SQL and an
/// EF-like context, DTOs and records, options classes, DI registration, constants, mappers and validators with
/// switch expressions, message handlers, crypto helpers and sample data — dense in string literals (log templates,
/// exception messages, URLs, SQL, attribute arguments, configuration keys, interpolated and raw strings). About one
/// file in twenty holds a genuinely hardcoded secret, marked at the end of its line with
/// <see cref="PlantedMarker"/> and the rule that must report it. The first file declares stand-ins for the framework
/// types the code uses (logging, MVC, options, configuration, DI, an EF-like context, IdentityModel), so everything
/// compiles against the .NET reference assemblies alone (net8.0 or later), without errors.
/// </para>
/// </summary>
internal static class CodebaseGenerator
{
    /// <summary>Ends the line of a planted secret: <c>// planted: SG0002</c>.</summary>
    public const string PlantedMarker = "// planted: ";

    /// <summary>How often a file gets a planted secret (one in this many).</summary>
    public const int PlantEvery = 20;

    private static readonly Regex Token = new Regex("%([A-Za-z][A-Za-z0-9]*)%", RegexOptions.CultureInvariant);

    private static readonly string[] Entities =
    {
        "Order", "Customer", "Invoice", "Product", "Shipment", "Payment", "Account", "Subscription", "Ticket", "Report", "Tenant",
        "Warehouse", "Coupon", "Review", "Notification", "Webhook", "Device", "Booking", "Course", "Vehicle", "Campaign", "Contract",
        "Supplier", "Refund", "Appointment", "Document", "Project", "Workspace",
    };

    private static readonly string[] Areas =
    {
        "Sales", "Billing", "Catalog", "Fulfillment", "Identity", "Support", "Analytics", "Scheduling", "Logistics", "Marketing",
        "Compliance", "Inventory",
    };

    private static readonly string[] Domains =
    {
        "contoso.com", "fabrikam.net", "northwind.io", "adventure-works.dev", "wingtiptoys.com", "tailspin.app", "litware.org",
        "proseware.cloud",
    };

    private static readonly string[] Statuses =
    {
        "pending", "active", "approved", "rejected", "shipped", "cancelled", "archived", "on-hold", "completed", "failed", "refunded",
        "draft",
    };

    private static readonly string[] Actions = { "approve", "cancel", "archive", "restore", "escalate", "refund", "publish", "lock", "resend", "verify" };

    private static readonly string[] Words =
    {
        "alpha", "amber", "atlas", "beacon", "birch", "cedar", "cobalt", "comet", "delta", "ember", "falcon", "fjord", "garnet", "harbor",
        "indigo", "juniper", "kestrel", "lagoon", "maple", "meadow", "nebula", "nova", "onyx", "orchid", "pioneer", "quartz", "raven",
        "sierra", "summit", "tundra", "umber", "velvet", "willow", "zephyr",
    };

    private static readonly string[] People =
    {
        "Ana Souza", "Bram de Vries", "Chen Wei", "Dana Whitfield", "Emeka Obi", "Freya Lindqvist", "Gustavo Ruiz", "Hana Sato",
        "Ibrahim Khan", "Jonas Becker", "Kira Ivanova", "Liam O'Connor", "Maya Patel", "Nora Haddad", "Omar Farouk", "Priya Nair",
    };

    private static readonly string[] Cities = { "Lisbon", "Rotterdam", "Osaka", "Toronto", "Nairobi", "Oslo", "Austin", "Seville", "Pune", "Leeds", "Perth", "Lyon" };

    private static readonly string[] Countries = { "US", "DE", "FR", "NL", "PT", "JP", "IN", "BR", "CA", "GB", "KE", "NO", "ES", "AU" };

    private static readonly string[] Currencies = { "USD", "EUR", "GBP", "JPY", "INR", "BRL", "CAD", "NOK", "AUD" };

    /// <summary>Generates <paramref name="files"/> C# files (path, text); about 150 lines each on average.</summary>
    public static IReadOnlyList<(string Path, string Text)> Generate(int files, int seed)
    {
        if (files <= 0)
        {
            return Array.Empty<(string, string)>();
        }

        var result = new List<(string Path, string Text)>(files) { ("src/Contoso.Platform/Infrastructure/FrameworkStubs.cs", StubsSource) };
        var master = new Random(seed);
        if (files > 1)
        {
            result.Add(("src/Contoso.Platform/Common/SharedKeys.cs", SharedSource(new FileContext(new Random(master.Next()), 1, hasShared: true))));
        }

        for (var i = result.Count; i < files; i++)
        {
            var context = new FileContext(new Random(master.Next()), i, hasShared: files > 1);
            result.Add(GenerateFile(context));
        }

        return result;
    }

    /// <summary>
    /// Configuration files for <paramref name="projects"/> projects (appsettings*.json, launchSettings.json, .env.dev),
    /// as a build adds them to AdditionalFiles. One project in five holds a plaintext secret (SG0007).
    /// </summary>
    public static IReadOnlyList<(string Path, string Text)> GenerateConfigFiles(int projects, int seed)
    {
        var result = new List<(string Path, string Text)>();
        var master = new Random(seed ^ 0x5EC2E7);
        for (var p = 0; p < projects; p++)
        {
            var c = new FileContext(new Random(master.Next()), p, hasShared: false);
            var dir = "src/Contoso." + c.Area + p.ToString(CultureInfo.InvariantCulture) + "/";
            var plant = p % 5 == 2;
            result.Add((dir + "appsettings.json", c.Fill(AppSettingsJson)));
            result.Add((dir + "appsettings.Development.json", c.Fill(plant ? AppSettingsDevelopmentPlantedJson : AppSettingsDevelopmentJson)));
            result.Add((dir + "Properties/launchSettings.json", c.Fill(LaunchSettingsJson)));
            result.Add((dir + ".env.dev", c.Fill(plant ? EnvDevPlanted : EnvDev)));
        }

        return result;
    }

    /// <summary>The planted secrets of a generated file: 1-based line and the rule that must report it.</summary>
    public static IEnumerable<(int Line, string RuleId)> PlantedFindings(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var at = lines[i].IndexOf(PlantedMarker, StringComparison.Ordinal);
            if (at >= 0)
            {
                yield return (i + 1, lines[i].Substring(at + PlantedMarker.Length).Trim());
            }
        }
    }

    private static (string Path, string Text) GenerateFile(FileContext c)
    {
        var roll = c.Rng.Next(100);
        var kind =
            roll < 14 ? FileKind.Controller :
            roll < 27 ? FileKind.Gateway :
            roll < 38 ? FileKind.Repository :
            roll < 48 ? FileKind.Dtos :
            roll < 56 ? FileKind.Options :
            roll < 62 ? FileKind.Constants :
            roll < 72 ? FileKind.Mapper :
            roll < 78 ? FileKind.Crypto :
            roll < 87 ? FileKind.Handler :
            roll < 93 ? FileKind.DbContext :
            FileKind.SampleData;
        c.TargetLines = c.Rng.Next(110, 236);
        c.Plant = c.Rng.Next(PlantEvery) == 0;

        string folder;
        string typeName;
        switch (kind)
        {
            case FileKind.Controller:
                folder = "Controllers";
                typeName = c.Fill("%Es%Controller");
                Controller(c);
                break;
            case FileKind.Gateway:
                folder = "Clients";
                typeName = c.Fill("%E%ApiClient");
                Gateway(c);
                break;
            case FileKind.Repository:
                folder = "Data";
                typeName = c.Fill("%E%Repository");
                Repository(c);
                break;
            case FileKind.Dtos:
                folder = "Contracts";
                typeName = c.Fill("%E%Contracts");
                Dtos(c);
                break;
            case FileKind.Options:
                folder = "Configuration";
                typeName = c.Fill("%E%Module");
                Options(c);
                break;
            case FileKind.Constants:
                folder = "Common";
                typeName = c.Fill("%E%Constants");
                Constants(c);
                break;
            case FileKind.Mapper:
                folder = "Mapping";
                typeName = c.Fill("%E%Mapper");
                Mapper(c);
                break;
            case FileKind.Crypto:
                folder = "Security";
                typeName = c.Fill("%E%Signatures");
                Crypto(c);
                break;
            case FileKind.Handler:
                folder = "Messaging";
                typeName = c.Fill("%E%EventHandler");
                Handler(c);
                break;
            case FileKind.DbContext:
                folder = "Data";
                typeName = c.Fill("%E%DbContext");
                DbContextFile(c);
                break;
            default:
                folder = "Testing";
                typeName = c.Fill("%E%SampleData");
                SampleData(c);
                break;
        }

        var path = "src/Contoso." + c.Area + "/" + folder + "/" + typeName + "." + c.Index.ToString("D4", CultureInfo.InvariantCulture) + ".cs";
        return (path, c.Build());
    }

    private enum FileKind
    {
        Controller,
        Gateway,
        Repository,
        Dtos,
        Options,
        Constants,
        Mapper,
        Crypto,
        Handler,
        DbContext,
        SampleData,
    }

    // ---------------------------------------------------------------- file kinds

    private static void Controller(FileContext c)
    {
        c.Use("System", "System.Collections.Generic", "System.Globalization", "System.Linq", "System.Text", "System.Threading", "System.Threading.Tasks",
            "Microsoft.AspNetCore.Authorization", "Microsoft.AspNetCore.Mvc", "Microsoft.Extensions.Logging");
        c.Block("""
            [ApiController]
            [Route("api/v%ver%/%es%")]
            [Authorize(Policy = "%Area%.%E%.Read")]
            [Produces("application/json")]
            public sealed partial class %Es%Controller : ControllerBase
            {
                private readonly I%E%Service _service;
                private readonly ILogger<%Es%Controller> _logger;

                public %Es%Controller(I%E%Service service, ILogger<%Es%Controller> logger)
                {
                    _service = service;
                    _logger = logger;
                }
            """);
        c.Indent();
        var pool = new Func<FileContext, string>[] { ControllerGet, ControllerList, ControllerCreate, ControllerUpdateStatus, ControllerDelete, ControllerExport, ControllerSummary, ControllerSearch, ControllerAction };
        var tail = 22 + ServiceContractLines;
        FillMembers(c, pool, tail, ordered: true, allowInstancePlant: true, repeat: pool.Length - 1);
        c.Block("""

            [LoggerMessage(EventId = %num%, Level = LogLevel.Information, Message = "Created %e% {%E%Id} named {Name}")]
            static partial void Log%E%Created(ILogger logger, int %e%Id, string name);

            [LoggerMessage(EventId = %num%, Level = LogLevel.Warning, Message = "Request for %e% {%E%Id} was throttled after {Attempts} attempts")]
            static partial void Log%E%Throttled(ILogger logger, int %e%Id, int attempts);
            """);
        c.Outdent();
        c.Line("}");
        ServiceContract(c);
    }

    private static string ControllerGet(FileContext c) => c.Fill("""
        [HttpGet("{id:int}", Name = "Get%E%")]
        [ProducesResponseType(typeof(%E%Dto), 200)]
        [ProducesResponseType(404)]
        public async Task<IActionResult> Get(int id, CancellationToken cancellationToken)
        {
            _logger.LogInformation("Fetching %e% {%E%Id}", id);
            var item = await _service.FindAsync(id, cancellationToken);
            if (item is null)
            {
                _logger.LogWarning("%E% {%E%Id} was not found", id);
                return NotFound(new ProblemDetails
                {
                    Type = "https://errors.%domain%/%es%/not-found",
                    Title = "%E% not found",
                    Detail = $"No %e% with id {id} exists.",
                    Status = 404,
                });
            }

            return Ok(item);
        }
        """);

    private static string ControllerList(FileContext c) => c.Fill("""
        [HttpGet]
        public async Task<IActionResult> List([FromQuery(Name = "status")] string? status, [FromQuery] string sort = "created", int page = 1, int pageSize = 25, CancellationToken cancellationToken = default)
        {
            if (pageSize is < 1 or > 200)
            {
                return BadRequest(new ProblemDetails { Title = "Invalid page size", Detail = "pageSize must be between 1 and 200.", Status = 400 });
            }

            var items = await _service.ListAsync(cancellationToken);
            var filtered = items.Where(x => status == null || string.Equals(x.Status, status, StringComparison.OrdinalIgnoreCase));
            filtered = sort switch
            {
                "name" => filtered.OrderBy(x => x.Name, StringComparer.OrdinalIgnoreCase),
                "-created" => filtered.OrderByDescending(x => x.CreatedAt),
                "total" => filtered.OrderBy(x => x.Total),
                "-total" => filtered.OrderByDescending(x => x.Total),
                _ => filtered.OrderBy(x => x.CreatedAt),
            };
            var result = filtered.Skip((page - 1) * pageSize).Take(pageSize).ToList();
            _logger.LogDebug("Listed {Count} %es% (page {Page}, size {PageSize}, sort {Sort})", result.Count, page, pageSize, sort);
            return Ok(new { items = result, page, pageSize, total = items.Count });
        }
        """);

    private static string ControllerCreate(FileContext c) => c.Fill("""
        [HttpPost]
        [Authorize(Policy = "%Area%.%E%.Write")]
        [ProducesResponseType(typeof(%E%Dto), 201)]
        [ProducesResponseType(400)]
        public async Task<IActionResult> Create([FromBody] Create%E%Request request, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(request.Name))
            {
                return BadRequest(new ProblemDetails { Title = "Validation failed", Detail = "Name is required.", Status = 400 });
            }

            if (request.Total < 0)
            {
                return BadRequest(new ProblemDetails { Title = "Validation failed", Detail = $"Total must not be negative (got {request.Total})." });
            }

            var created = await _service.CreateAsync(request, cancellationToken);
            Log%E%Created(_logger, created.Id, created.Name);
            return CreatedAtAction(nameof(Get), new { id = created.Id, version = "%ver%.0" }, created);
        }
        """);

    private static string ControllerUpdateStatus(FileContext c) => c.Fill("""
        [HttpPut("{id:int}/status")]
        [Authorize(Policy = "%Area%.%E%.Write")]
        public async Task<IActionResult> UpdateStatus(int id, [FromBody] string status, CancellationToken cancellationToken)
        {
            var normalized = status?.Trim().ToLowerInvariant();
            var allowed = normalized is "pending" or "active" or "approved" or "archived";
            if (!allowed)
            {
                _logger.LogWarning("Rejected status change of %e% {%E%Id} to {Status}", id, status);
                return BadRequest(new ProblemDetails { Title = "Invalid status", Detail = $"'{status}' is not a valid %e% status." });
            }

            var updated = await _service.UpdateStatusAsync(id, normalized!, cancellationToken);
            return updated ? NoContent() : NotFound();
        }
        """);

    private static string ControllerDelete(FileContext c) => c.Fill("""
        [HttpDelete("{id:int}")]
        [Authorize(Roles = "Admin,%Area%Manager")]
        public async Task<IActionResult> Delete(int id, [FromHeader(Name = "If-Match")] string? etag, CancellationToken cancellationToken)
        {
            if (etag is null)
            {
                return StatusCode(428, new ProblemDetails { Title = "Precondition required", Detail = "Send the If-Match header with the current ETag." });
            }

            _logger.LogInformation("Deleting %e% {%E%Id} (etag {ETag})", id, etag);
            return await _service.DeleteAsync(id, cancellationToken) ? NoContent() : NotFound();
        }
        """);

    private static string ControllerExport(FileContext c) => c.Fill("""
        [HttpGet("export")]
        public async Task<IActionResult> Export([FromQuery] string format = "csv", CancellationToken cancellationToken = default)
        {
            var items = await _service.ListAsync(cancellationToken);
            var builder = new StringBuilder();
            builder.AppendLine("id,name,status,total,created_at");
            foreach (var item in items)
            {
                builder.AppendLine(string.Join(",", item.Id.ToString(CultureInfo.InvariantCulture), Escape(item.Name), item.Status, item.Total.ToString("F2", CultureInfo.InvariantCulture), item.CreatedAt.ToString("O", CultureInfo.InvariantCulture)));
            }

            _logger.LogInformation("Exported {Count} %es% as {Format}", items.Count, format);
            return format switch
            {
                "csv" => Ok(builder.ToString()),
                "json" => Ok(items),
                _ => BadRequest(new ProblemDetails { Title = "Unsupported format", Detail = $"Format '{format}' is not supported; use csv or json." }),
            };

            static string Escape(string value) => value.Contains(',') || value.Contains('"') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
        }
        """);

    private static string ControllerSummary(FileContext c) => c.Fill("""
        [HttpGet("summary")]
        [AllowAnonymous]
        public async Task<IActionResult> Summary(CancellationToken cancellationToken)
        {
            var items = await _service.ListAsync(cancellationToken);
            var byStatus = items
                .GroupBy(x => x.Status, StringComparer.OrdinalIgnoreCase)
                .Select(g => new { status = g.Key, count = g.Count(), total = g.Sum(x => x.Total) })
                .OrderByDescending(x => x.count)
                .ToList();
            var newest = items.OrderByDescending(x => x.CreatedAt).FirstOrDefault();
            return Ok(new
            {
                generatedAt = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                byStatus,
                newest = newest?.Name ?? "(none)",
                currency = "%currency%",
            });
        }
        """);

    private static string ControllerSearch(FileContext c) => c.Fill("""
        [HttpGet("search")]
        public async Task<IActionResult> Search([FromQuery(Name = "q")] string query, [FromQuery(Name = "from")] DateTimeOffset? from, CancellationToken cancellationToken)
        {
            if (query.Length < 3)
            {
                return BadRequest(new ProblemDetails { Title = "Query too short", Detail = "Search for at least 3 characters." });
            }

            var items = await _service.ListAsync(cancellationToken);
            var hits = items
                .Where(x => x.Name.Contains(query, StringComparison.OrdinalIgnoreCase) || (x.Reference ?? string.Empty).StartsWith(query, StringComparison.OrdinalIgnoreCase))
                .Where(x => from is null || x.CreatedAt >= from)
                .Take(50)
                .ToArray();
            _logger.LogDebug("Search for {Query} returned {Hits} hits", query, hits.Length);
            return Ok(hits);
        }
        """);

    private static string ControllerAction(FileContext c)
    {
        var action = c.Pick(Actions);
        var title = c.Unique(char.ToUpperInvariant(action[0]) + action.Substring(1));
        var status = c.Pick(Statuses);
        return c.Fill("""
            [HttpPost("{id:int}/%action%")]
            [Authorize(Policy = "%Area%.%E%.%Title%")]
            public async Task<IActionResult> %Title%(int id, [FromQuery] string? reason, CancellationToken cancellationToken)
            {
                var item = await _service.FindAsync(id, cancellationToken);
                if (item is null)
                {
                    return NotFound();
                }

                if (item.Status == "%target%")
                {
                    return Conflict(new ProblemDetails { Title = "Conflict", Detail = $"%E% {id} is already {item.Status}." });
                }

                _logger.LogInformation("%Title% %e% {%E%Id} because {Reason}", id, reason ?? "no reason given");
                await _service.UpdateStatusAsync(id, "%target%", cancellationToken);
                return Accepted(new { id, status = "%target%", reason });
            }
            """, ("action", action), ("Title", title), ("target", status));
    }

    private const int ServiceContractLines = 21;

    private static void ServiceContract(FileContext c)
    {
        c.Use("System.ComponentModel.DataAnnotations");
        c.Block("""

            public interface I%E%Service
            {
                Task<%E%Dto?> FindAsync(int id, CancellationToken cancellationToken);

                Task<IReadOnlyList<%E%Dto>> ListAsync(CancellationToken cancellationToken);

                Task<%E%Dto> CreateAsync(Create%E%Request request, CancellationToken cancellationToken);

                Task<bool> UpdateStatusAsync(int id, string status, CancellationToken cancellationToken);

                Task<bool> DeleteAsync(int id, CancellationToken cancellationToken);
            }

            public sealed record %E%Dto(int Id, string Name, string Status, decimal Total, DateTimeOffset CreatedAt, string? Reference = null);

            public sealed record Create%E%Request(
                [property: Required, StringLength(200, MinimumLength = 2, ErrorMessage = "Name must be between 2 and 200 characters.")] string Name,
                [property: Range(0, 1_000_000)] decimal Total,
                [property: RegularExpression(@"^[A-Z]{2,4}-\d{3,8}$", ErrorMessage = "Reference must look like ABC-12345.")] string? Reference,
                string? Notes);
            """);
    }

    private static void Gateway(FileContext c)
    {
        c.Use("System", "System.Collections.Generic", "System.Globalization", "System.Linq", "System.Net", "System.Net.Http", "System.Net.Http.Headers",
            "System.Net.Http.Json", "System.Text", "System.Text.Json", "System.Threading", "System.Threading.Tasks", "Microsoft.Extensions.Logging",
            "Microsoft.Extensions.Options");
        c.Block("""
            /// <summary>Talks to the %vendor% %es% API (https://developer.%vendorDomain%/docs/%es%).</summary>
            public sealed class %E%ApiClient
            {
                private const string ApiVersion = "2024-%month%-01";
                private static readonly Uri DefaultBaseAddress = new Uri("https://api.%vendorDomain%/v%ver%/");
                private static readonly JsonSerializerOptions SerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web);
                private readonly HttpClient _http;
                private readonly %E%ApiOptions _options;
                private readonly ILogger<%E%ApiClient> _logger;

                public %E%ApiClient(HttpClient http, IOptions<%E%ApiOptions> options, ILogger<%E%ApiClient> logger)
                {
                    _http = http;
                    _options = options.Value;
                    _logger = logger;
                    _http.BaseAddress ??= _options.BaseUrl ?? DefaultBaseAddress;
                    _http.DefaultRequestHeaders.UserAgent.ParseAdd("Contoso-%Area%/%ver%.%num%");
                }
            """);
        c.Indent();
        var pool = new Func<FileContext, string>[] { GatewayGet, GatewayCreate, GatewayList, GatewayRetry, GatewayHealth, GatewayUpload, GatewayWebhook };
        FillMembers(c, pool, 33, ordered: false, allowInstancePlant: true);
        c.Outdent();
        c.Line("}");
        c.Block("""

            public sealed class %E%ApiOptions
            {
                public const string SectionName = "%Vendor%";

                public Uri? BaseUrl { get; set; } = new Uri("https://api.%vendorDomain%/");

                public string AccessToken { get; set; } = string.Empty;

                public string ApiKeyHeader { get; set; } = "X-Api-Key";

                public string TokenEndpoint { get; set; } = "https://login.%vendorDomain%/oauth2/v2.0/token";

                public int TimeoutSeconds { get; set; } = 30;

                public int MaxRetries { get; set; } = 3;
            }

            public sealed record %E%Dto(int Id, string Name, string Status, decimal Total, DateTimeOffset CreatedAt, string? Reference = null);

            public sealed record %E%Page(IReadOnlyList<%E%Dto> Items, string? NextCursor);
            """);
    }

    private static string GatewayGet(FileContext c) => c.Fill("""
        public async Task<%E%Dto?> Get%E%Async(int id, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"%es%/{id}?expand=lines&api-version={ApiVersion}");
            request.Headers.Add("X-Correlation-Id", Guid.NewGuid().ToString("N"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.AccessToken);
            using var response = await _http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                _logger.LogInformation("%Vendor% has no %e% {%E%Id}", id);
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new HttpRequestException($"GET %es%/{id} failed with {(int)response.StatusCode} {response.ReasonPhrase}: {body}");
            }

            return await response.Content.ReadFromJsonAsync<%E%Dto>(SerializerOptions, cancellationToken);
        }
        """);

    private static string GatewayCreate(FileContext c) => c.Fill(""""
        public async Task<int> Create%E%Async(string name, decimal total, CancellationToken cancellationToken)
        {
            var payload = $$"""
                {
                  "name": "{{name}}",
                  "total": {{total.ToString(CultureInfo.InvariantCulture)}},
                  "status": "%status%",
                  "source": "contoso-%area%",
                  "tags": ["%word%", "%word%"]
                }
                """;
            using var content = new StringContent(payload, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync("https://api.%vendorDomain%/v%ver%/%es%", content, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var id = document.RootElement.GetProperty("id").GetInt32();
            _logger.LogInformation("Created %e% {%E%Id} at %Vendor% for {Name}", id, name);
            return id;
        }
        """");

    private static string GatewayList(FileContext c) => c.Fill("""
        public async Task<%E%Page> List%Es%Async(string? status, string? cursor, int limit, CancellationToken cancellationToken)
        {
            var query = new Dictionary<string, string?>
            {
                ["limit"] = limit.ToString(CultureInfo.InvariantCulture),
                ["status"] = status,
                ["cursor"] = cursor,
                ["include"] = "owner,lines",
                ["api-version"] = ApiVersion,
            };
            var queryString = string.Join("&", query.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
            var page = await _http.GetFromJsonAsync<%E%Page>($"%es%?{queryString}", SerializerOptions, cancellationToken);
            if (page is null)
            {
                throw new InvalidOperationException("%Vendor% returned an empty page for %es%.");
            }

            _logger.LogDebug("Fetched {Count} %es% from %Vendor% (cursor {Cursor})", page.Items.Count, cursor ?? "<start>");
            return page;
        }
        """);

    private static string GatewayRetry(FileContext c) => c.Fill("""
        private async Task<HttpResponseMessage> SendWithRetryAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                using var request = createRequest();
                request.Headers.TryAddWithoutValidation(_options.ApiKeyHeader, "contoso-%area%");
                try
                {
                    var response = await _http.SendAsync(request, cancellationToken);
                    if ((int)response.StatusCode != 429 || attempt >= _options.MaxRetries)
                    {
                        return response;
                    }

                    _logger.LogWarning("%Vendor% throttled {Method} {Uri} (attempt {Attempt})", request.Method, request.RequestUri, attempt);
                    response.Dispose();
                }
                catch (HttpRequestException ex) when (attempt < _options.MaxRetries)
                {
                    _logger.LogWarning(ex, "Attempt {Attempt} to reach %Vendor% failed", attempt);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt)), cancellationToken);
            }
        }
        """);

    private static string GatewayHealth(FileContext c) => c.Fill("""
        public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
        {
            try
            {
                using var response = await _http.GetAsync("https://status.%vendorDomain%/api/v2/status.json", cancellationToken);
                var json = await response.Content.ReadAsStringAsync(cancellationToken);
                using var document = JsonDocument.Parse(json);
                var indicator = document.RootElement.GetProperty("status").GetProperty("indicator").GetString();
                return indicator switch
                {
                    "none" => true,
                    "minor" => true,
                    "major" or "critical" => false,
                    _ => throw new FormatException($"Unknown status indicator '{indicator}' from %Vendor%."),
                };
            }
            catch (HttpRequestException ex)
            {
                _logger.LogError(ex, "%Vendor% status page is unreachable");
                return false;
            }
        }
        """);

    private static string GatewayUpload(FileContext c) => c.Fill("""
        public async Task<string> UploadAttachmentAsync(int id, string fileName, byte[] content, CancellationToken cancellationToken)
        {
            if (content.Length > 10 * 1024 * 1024)
            {
                throw new ArgumentException($"Attachment '{fileName}' is larger than 10 MB.", nameof(content));
            }

            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? "application/pdf" : "application/octet-stream");
            form.Add(file, "file", fileName);
            form.Add(new StringContent("%area%"), "category");
            using var response = await _http.PostAsync($"%es%/{id}/attachments", form, cancellationToken);
            response.EnsureSuccessStatusCode();
            var location = response.Headers.Location?.ToString() ?? throw new InvalidOperationException("%Vendor% did not return a Location header.");
            _logger.LogInformation("Uploaded {FileName} ({Bytes} bytes) to %e% {%E%Id}", fileName, content.Length, id);
            return location;
        }
        """);

    private static string GatewayWebhook(FileContext c) => c.Fill("""
        public async Task RegisterWebhookAsync(Uri callback, CancellationToken cancellationToken)
        {
            var body = JsonContent.Create(new
            {
                url = callback.ToString(),
                events = new[] { "%e%.created", "%e%.updated", "%e%.deleted" },
                description = $"Contoso %Area% ({Environment.MachineName})",
                active = true,
            });
            using var response = await _http.PostAsync("webhooks", body, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                _logger.LogInformation("Webhook for {Callback} is already registered", callback);
                return;
            }

            response.EnsureSuccessStatusCode();
        }
        """);

    private static void Repository(FileContext c)
    {
        c.Use("System", "System.Collections.Generic", "System.Linq", "System.Threading", "System.Threading.Tasks", "Contoso.Data", "Microsoft.Extensions.Logging");
        c.Block("""
            public sealed class %E%Repository
            {
                private const string Columns = "t.id, t.name, t.status, t.total, t.created_at, t.reference";
                private const string Table = "%area%.%es%";
                private readonly IDbSession _db;
                private readonly %E%Store _store;
                private readonly ILogger<%E%Repository> _logger;

                public %E%Repository(IDbSession db, %E%Store store, ILogger<%E%Repository> logger)
                {
                    _db = db;
                    _store = store;
                    _logger = logger;
                }
            """);
        c.Indent();
        var pool = new Func<FileContext, string>[] { RepoListByStatus, RepoFindByReference, RepoArchive, RepoTop, RepoInsert, RepoDaily, RepoSoftDelete, RepoSearch };
        FillMembers(c, pool, 42, ordered: false, allowInstancePlant: true);
        c.Outdent();
        c.Line("}");
        c.Block("""

            public sealed record %E%Row(int Id, string Name, string Status, decimal Total, DateTimeOffset CreatedAt, string? Reference);

            public sealed record %E%DailyTotal(DateTime Day, int Count, decimal Total);

            public sealed class %E%Entity
            {
                public int Id { get; set; }

                public string Name { get; set; } = string.Empty;

                public string Status { get; set; } = "pending";

                public decimal Total { get; set; }

                public DateTimeOffset CreatedAt { get; set; }

                public DateTimeOffset? DeletedAt { get; set; }

                public string? Reference { get; set; }

                public string TenantId { get; set; } = "default";
            }

            public sealed class %E%Store : DbContext
            {
                public %E%Store(DbContextOptions options)
                    : base(options)
                {
                }

                public DbSet<%E%Entity> %Es% => Set<%E%Entity>();
            }
            """);
    }

    private static string RepoListByStatus(FileContext c) => c.Fill("""
        public Task<IReadOnlyList<%E%Row>> ListByStatusAsync(string status, int limit, CancellationToken cancellationToken) =>
            _db.QueryAsync<%E%Row>($"SELECT {Columns} FROM {Table} t WHERE t.status = @status ORDER BY t.created_at DESC LIMIT @limit", new { status, limit }, cancellationToken);
        """);

    private static string RepoFindByReference(FileContext c) => c.Fill(""""
        public async Task<%E%Row?> FindByReferenceAsync(string reference, CancellationToken cancellationToken)
        {
            const string sql = """
                SELECT t.id, t.name, t.status, t.total, t.created_at, t.reference
                FROM %area%.%es% t
                WHERE t.reference = @reference
                  AND t.deleted_at IS NULL
                """;
            var row = await _db.QuerySingleOrDefaultAsync<%E%Row>(sql, new { reference }, cancellationToken);
            if (row is null)
            {
                _logger.LogDebug("No %e% with reference {Reference}", reference);
            }

            return row;
        }
        """");

    private static string RepoArchive(FileContext c) => c.Fill(""""
        public async Task<int> ArchiveAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
        {
            var sql = """
                UPDATE %area%.%es%
                SET status = @archived, updated_at = now()
                WHERE status IN ('completed', 'cancelled', 'refunded')
                  AND created_at < @olderThan
                """;
            var count = await _db.ExecuteAsync(sql, new { archived = "archived", olderThan }, cancellationToken);
            _logger.LogInformation("Archived {Count} %es% older than {OlderThan:yyyy-MM-dd}", count, olderThan);
            return count;
        }
        """");

    private static string RepoTop(FileContext c) => c.Fill("""
        public IReadOnlyList<%E%Row> TopByTotal(string tenantId, int count) =>
            _store.%Es%
                .Where(e => e.TenantId == tenantId && e.Status != "cancelled" && e.DeletedAt == null)
                .OrderByDescending(e => e.Total)
                .ThenBy(e => e.Name)
                .Take(count)
                .Select(e => new %E%Row(e.Id, e.Name, e.Status, e.Total, e.CreatedAt, e.Reference))
                .ToList();
        """);

    private static string RepoInsert(FileContext c) => c.Fill("""
        public async Task<int> InsertAsync(string name, decimal total, string? reference, CancellationToken cancellationToken)
        {
            if (total < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(total), total, "A %e% total cannot be negative.");
            }

            var rows = await _db.QueryAsync<int>(
                $"INSERT INTO {Table} (name, status, total, reference, created_at) VALUES (@name, 'pending', @total, @reference, now()) RETURNING id",
                new { name, total, reference },
                cancellationToken);
            _logger.LogInformation("Inserted %e% {%E%Id} ({Name})", rows[0], name);
            return rows[0];
        }
        """);

    private static string RepoDaily(FileContext c) => c.Fill(""""
        public Task<IReadOnlyList<%E%DailyTotal>> DailyTotalsAsync(DateTime from, DateTime to, CancellationToken cancellationToken)
        {
            if (to < from)
            {
                throw new ArgumentException($"The range {from:yyyy-MM-dd}..{to:yyyy-MM-dd} is empty.", nameof(to));
            }

            return _db.QueryAsync<%E%DailyTotal>(
                """
                SELECT date_trunc('day', t.created_at) AS day, count(*) AS count, sum(t.total) AS total
                FROM %area%.%es% t
                WHERE t.created_at >= @from AND t.created_at < @to
                GROUP BY 1
                ORDER BY 1
                """,
                new { from, to },
                cancellationToken);
        }
        """");

    private static string RepoSoftDelete(FileContext c) => c.Fill("""
        public async Task<bool> SoftDeleteAsync(int id, CancellationToken cancellationToken)
        {
            var entity = _store.%Es%.FirstOrDefault(e => e.Id == id);
            if (entity is null || entity.DeletedAt is not null)
            {
                return false;
            }

            entity.DeletedAt = DateTimeOffset.UtcNow;
            entity.Status = "archived";
            await _store.SaveChangesAsync(cancellationToken);
            _logger.LogInformation("Soft-deleted %e% {%E%Id}", id);
            return true;
        }
        """);

    private static string RepoSearch(FileContext c) => c.Fill("""
        public IReadOnlyList<%E%Row> Search(string term, IReadOnlyCollection<string> statuses)
        {
            var pattern = term.Trim();
            var query = from e in _store.%Es%
                        where e.DeletedAt == null
                        where statuses.Count == 0 || statuses.Contains(e.Status)
                        where e.Name.Contains(pattern, StringComparison.OrdinalIgnoreCase) || (e.Reference != null && e.Reference.StartsWith(pattern, StringComparison.Ordinal))
                        orderby e.CreatedAt descending
                        select new %E%Row(e.Id, e.Name, e.Status, e.Total, e.CreatedAt, e.Reference);
            return query.Take(100).ToList();
        }
        """);

    private static void Dtos(FileContext c)
    {
        c.Use("System", "System.Collections.Generic", "System.ComponentModel", "System.ComponentModel.DataAnnotations", "System.Linq", "System.Text.Json.Serialization");
        c.Block("""
            /// <summary>The %e% as the public API shows it.</summary>
            public sealed class %E%Resource
            {
                [JsonPropertyName("id")]
                public int Id { get; init; }

                [JsonPropertyName("display_name")]
                [Required(ErrorMessage = "A %e% needs a display name.")]
                [StringLength(120, MinimumLength = 2)]
                public string DisplayName { get; init; } = string.Empty;

                [JsonPropertyName("status")]
                [RegularExpression("^(pending|active|archived)$", ErrorMessage = "Status must be pending, active or archived.")]
                public string Status { get; init; } = "pending";

                [JsonPropertyName("contact_email")]
                [EmailAddress]
                public string? ContactEmail { get; init; }

                [JsonPropertyName("country")]
                [StringLength(2, MinimumLength = 2)]
                public string Country { get; init; } = "%country%";

                [JsonPropertyName("currency")]
                public string Currency { get; init; } = "%currency%";

                [JsonPropertyName("created_at")]
                public DateTimeOffset CreatedAt { get; init; }

                [JsonIgnore]
                public string? InternalNotes { get; init; }

                public override string ToString() => $"{DisplayName} ({Status}, {Country}) #{Id}";
            }
            """);
        var pool = new Func<FileContext, string>[] { DtoRecordSet, DtoEnum, DtoPaged, DtoFilter, DtoPatch, DtoError };
        FillTopLevel(c, pool, 0);
    }

    private static string DtoRecordSet(FileContext c) => c.Fill("""

        public sealed record %Name%Request(
            [property: JsonPropertyName("name")] string Name,
            [property: JsonPropertyName("quantity"), Range(1, 10_000)] int Quantity,
            [property: JsonPropertyName("unit_price")] decimal UnitPrice,
            [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags)
        {
            public decimal Total => Quantity * UnitPrice;

            public static %Name%Request Empty { get; } = new %Name%Request("unnamed", 1, 0m, Array.Empty<string>());
        }

        public sealed record %Name%Response(int Id, string Status, [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, string> Links)
        {
            public static %Name%Response Accepted(int id) => new %Name%Response(id, "accepted", new Dictionary<string, string>
            {
                ["self"] = $"/api/v%ver%/%es%/{id}",
                ["status"] = $"/api/v%ver%/%es%/{id}/status",
                ["help"] = "https://docs.%domain%/%es%/%word%",
            });
        }
        """, ("Name", c.Unique(c.Fill("%E%%Word%"))));

    private static string DtoEnum(FileContext c) => c.Fill("""

        public enum %Name%
        {
            [Description("Waiting for review")]
            Pending = 0,

            [Description("Live and visible to customers")]
            Active = 1,

            [Description("Hidden, kept for reporting")]
            Archived = 2,

            [Description("Removed at the customer's request")]
            Deleted = 3,
        }
        """, ("Name", c.Unique(c.Fill("%E%Lifecycle"))));

    private static string DtoPaged(FileContext c) => c.Fill("""

        public sealed class %Name%<T>
        {
            public %Name%(IReadOnlyList<T> items, int page, int pageSize, int totalCount)
            {
                Items = items;
                Page = page;
                PageSize = pageSize;
                TotalCount = totalCount;
            }

            [JsonPropertyName("items")]
            public IReadOnlyList<T> Items { get; }

            [JsonPropertyName("page")]
            public int Page { get; }

            [JsonPropertyName("page_size")]
            public int PageSize { get; }

            [JsonPropertyName("total_count")]
            public int TotalCount { get; }

            [JsonPropertyName("has_more")]
            public bool HasMore => Page * PageSize < TotalCount;
        }
        """, ("Name", c.Unique(c.Fill("Paged%E%List"))));

    private static string DtoFilter(FileContext c) => c.Fill("""

        public sealed record %Name%(
            string? Status = null,
            string? Country = null,
            DateTimeOffset? CreatedAfter = null,
            string SortBy = "created_at",
            bool Descending = true)
        {
            private static readonly string[] Sortable = { "created_at", "name", "total", "status" };

            public IEnumerable<string> Validate()
            {
                if (!Sortable.Contains(SortBy))
                {
                    yield return $"Cannot sort by '{SortBy}'; use one of {string.Join(", ", Sortable)}.";
                }

                if (Country is { Length: not 2 })
                {
                    yield return "Country must be a two-letter ISO code.";
                }
            }
        }
        """, ("Name", c.Unique(c.Fill("%E%Filter"))));

    private static string DtoPatch(FileContext c) => c.Fill("""

        public sealed class %Name%
        {
            [MaxLength(120)]
            public string? DisplayName { get; set; }

            [Url]
            public string? Website { get; set; }

            [Phone]
            public string? Phone { get; set; }

            [Range(typeof(decimal), "0", "1000000", ErrorMessage = "Credit limit must be between 0 and 1,000,000.")]
            public decimal? CreditLimit { get; set; }

            public Dictionary<string, string> Metadata { get; set; } = new Dictionary<string, string>
            {
                ["source"] = "api",
                ["channel"] = "%word%",
            };
        }
        """, ("Name", c.Unique(c.Fill("%E%Patch"))));

    private static string DtoError(FileContext c) => c.Fill("""

        public sealed record %Name%(string Code, string Message, string? Target = null)
        {
            public static readonly %Name% NotFound = new %Name%("%CODE%-404", "The %e% does not exist or was deleted.");
            public static readonly %Name% Conflict = new %Name%("%CODE%-409", "The %e% was changed by someone else; reload and try again.");
            public static readonly %Name% Locked = new %Name%("%CODE%-423", "The %e% is locked while a %word% job runs.");
            public static readonly %Name% Invalid = new %Name%("%CODE%-422", "One or more fields are invalid.", "body");
        }
        """, ("Name", c.Unique(c.Fill("%E%Error"))));

    private static void Options(FileContext c)
    {
        c.Use("System", "System.Collections.Generic", "System.Net.Http", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "SecretGuard");
        c.Block("""
            public sealed class %E%Options
            {
                public const string SectionName = "%E%";

                public string ConnectionStringName { get; set; } = "%E%Db";

                public Uri BaseUrl { get; set; } = new Uri("https://%es%.%domain%/");

                public string Password { get; set; } = string.Empty;

                public string ApiKeyHeader { get; set; } = "X-Api-Key";

                public string ClientId { get; set; } = "contoso-%area%-%word%";

                public string ClientSecretName { get; set; } = "%E%ClientSecret";

                public string TokenEndpoint { get; set; } = "https://login.%domain%/oauth2/v2.0/token";

                public string[] Scopes { get; set; } = new[] { "%es%.read", "%es%.write", "offline_access" };

                public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(%num%);

                public int MaxBatchSize { get; set; } = 500;

                public bool RequireHttps { get; set; } = true;
            }

            public static class %E%ServiceCollectionExtensions
            {
            """);
        c.Indent();
        var pool = new Func<FileContext, string>[] { OptionsAddModule, OptionsDefaults, OptionsValidate, OptionsConnection, OptionsFeatureFlags, OptionsNamedClients, OptionsDescribe };
        FillMembers(c, pool, 1, ordered: true, allowInstancePlant: false);
        c.Outdent();
        c.Line("}");
    }

    private static string OptionsAddModule(FileContext c) => c.Fill("""
        public static IServiceCollection Add%E%Module(this IServiceCollection services, IConfiguration configuration)
        {
            services.Configure<%E%Options>(configuration.GetSection(%E%Options.SectionName));
            services.AddHttpClient("%es%-api", client =>
            {
                client.BaseAddress = new Uri(configuration["%E%:BaseUrl"] ?? "https://%es%.%domain%/");
                client.DefaultRequestHeaders.Add("User-Agent", "Contoso.%Area%/%ver%.0");
                client.Timeout = TimeSpan.FromSeconds(30);
            });
            var connectionString = configuration.GetConnectionString("%E%Db")
                ?? throw new InvalidOperationException("Connection string '%E%Db' is missing; set ConnectionStrings__%E%Db.");
            var apiKey = configuration["%E%:ApiKey"] ?? Environment.GetEnvironmentVariable("%ES%_API_KEY") ?? Secrets.Get("%ES%_API_KEY_SECRET");
            services.Configure<%E%Options>(options =>
            {
                options.ClientId = configuration["%E%:ClientId"] ?? options.ClientId;
                options.Password = configuration["%E%:Password"] ?? string.Empty;
            });
            if (string.IsNullOrEmpty(apiKey))
            {
                throw new InvalidOperationException("No API key for %E%: set %E%:ApiKey or the %ES%_API_KEY_SECRET entry.");
            }

            return services;
        }
        """);

    private static string OptionsDefaults(FileContext c) => c.Fill("""
        public static IReadOnlyDictionary<string, string?> %Name% { get; } = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["%E%:BaseUrl"] = "https://%es%.%domain%/",
            ["%E%:Retries"] = "3",
            ["%E%:Timeout"] = "00:00:30",
            ["%E%:Password"] = "",
            ["%E%:ApiKey"] = "${%ES%_API_KEY}",
            ["%E%:Culture"] = "en-%country%",
            ["ConnectionStrings:%E%Db"] = "Host=localhost;Port=5432;Database=%es%;Username=app;Password=${DB_PASSWORD}",
            ["ConnectionStrings:%E%Cache"] = "localhost:6379,abortConnect=false,connectTimeout=5000",
            ["ConnectionStrings:%E%Reporting"] = "Server=localhost;Database=%es%_reporting;Trusted_Connection=True;TrustServerCertificate=True",
        };
        """, ("Name", c.Unique("Defaults")));

    private static string OptionsValidate(FileContext c) => c.Fill("""
        public static IReadOnlyList<string> %Name%(%E%Options options)
        {
            var problems = new List<string>();
            if (options.RequireHttps && options.BaseUrl.Scheme != Uri.UriSchemeHttps)
            {
                problems.Add($"%E%:BaseUrl must use https (got '{options.BaseUrl}').");
            }

            if (options.MaxBatchSize is < 1 or > 5_000)
            {
                problems.Add("%E%:MaxBatchSize must be between 1 and 5000.");
            }

            if (options.Scopes.Length == 0)
            {
                problems.Add("%E%:Scopes needs at least one scope, for example '%es%.read'.");
            }

            if (options.Password.Length is > 0 and < 12)
            {
                problems.Add("%E%:Password is too short; use at least 12 characters or leave it empty to use a managed identity.");
            }

            return problems;
        }
        """, ("Name", c.Unique("Validate")));

    private static string OptionsConnection(FileContext c) => c.Fill("""
        public static string %Name%(IConfiguration configuration, string environmentName)
        {
            var name = environmentName switch
            {
                "Development" => "%E%Local",
                "Staging" => "%E%Staging",
                "Production" => "%E%Db",
                _ => throw new ArgumentException($"Unknown environment '{environmentName}'.", nameof(environmentName)),
            };
            return configuration.GetConnectionString(name) ?? $"Server=localhost;Database={name.ToLowerInvariant()};Integrated Security=true;Application Name=contoso-%area%";
        }
        """, ("Name", c.Unique("ResolveConnectionString")));

    private static string OptionsFeatureFlags(FileContext c) => c.Fill("""
        public static bool %Name%(IConfiguration configuration, string feature) => feature switch
        {
            "%es%.bulk-import" => configuration["Features:%E%:BulkImport"] == "true",
            "%es%.new-pricing" => configuration["Features:%E%:NewPricing"] is "true" or "on",
            "%es%.export-v2" => !string.Equals(configuration["Features:%E%:ExportV2"], "false", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
        """, ("Name", c.Unique("IsEnabled")));

    private static string OptionsNamedClients(FileContext c) => c.Fill("""
        public static IServiceCollection Add%E%Clients(this IServiceCollection services, IConfiguration configuration)
        {
            foreach (var (name, url) in new[] { ("%es%-read", "https://read.%es%.%domain%/"), ("%es%-write", "https://write.%es%.%domain%/"), ("%es%-reports", "https://reports.%domain%/%es%/") })
            {
                services.AddHttpClient(name, client =>
                {
                    client.BaseAddress = new Uri(configuration[$"%E%:Clients:{name}:Url"] ?? url);
                    client.DefaultRequestHeaders.Add("X-Client-Name", name);
                });
            }

            return services;
        }
        """);

    private static string OptionsDescribe(FileContext c) => c.Fill("""
        public static string Describe%E%Configuration(IConfiguration configuration) =>
            string.Join(Environment.NewLine, new[]
            {
                $"%E% base URL: {configuration["%E%:BaseUrl"] ?? "(default)"}",
                $"%E% retries: {configuration["%E%:Retries"] ?? "3"}",
                $"%E% client id: {configuration["%E%:ClientId"] ?? "(none)"}",
                "%E% client secret: " + (string.IsNullOrEmpty(configuration["%E%:ClientSecret"]) ? "not set" : "set"),
            });
        """);

    private static void Constants(FileContext c)
    {
        c.Use("System", "System.Collections.Generic");
        c.Line(c.Fill("public static class %E%Constants"));
        c.Line("{");
        c.Indent();
        var pool = new Func<FileContext, string>[] { ConstHeaders, ConstClaims, ConstCache, ConstErrors, ConstEvents, ConstRoutes, ConstPatterns, ConstLookup, ConstMetrics, ConstContentTypes, ConstFeatures };
        FillMembers(c, pool, 1, ordered: false, allowInstancePlant: false);
        c.Outdent();
        c.Line("}");
    }

    private static string ConstHeaders(FileContext c) => c.Fill("""
        public static class %Name%
        {
            public const string CorrelationId = "X-Correlation-Id";
            public const string ApiKeyHeaderName = "X-Api-Key";
            public const string TenantId = "X-Tenant-Id";
            public const string IdempotencyKey = "Idempotency-Key";
            public const string RequestSignature = "X-%Vendor%-Signature";
            public const string TokenType = "Bearer";
            public const string ContentTypeJson = "application/json; charset=utf-8";
            public const string ContentTypeProblem = "application/problem+json";
        }
        """, ("Name", c.Unique("Headers")));

    private static string ConstClaims(FileContext c) => c.Fill("""
        public static class %Name%
        {
            public const string Role = "https://schemas.%domain%/claims/role";
            public const string Tenant = "https://schemas.%domain%/claims/tenant";
            public const string %E%Scope = "%es%:manage";
            public const string PasswordResetPurpose = "password-reset";
            public const string AuthTokenCookie = ".Contoso.%Area%.Auth";
            public const string AdminPolicy = "%Area%Admin";
            public static readonly IReadOnlyList<string> Roles = new[] { "viewer", "editor", "%area%-admin", "auditor" };
        }
        """, ("Name", c.Unique("Claims")));

    private static string ConstCache(FileContext c) => c.Fill("""
        public static class %Name%
        {
            public const string Prefix = "%area%:%es%:";

            public static string ById(int id) => $"{Prefix}id:{id}";

            public static string ByReference(string reference) => $"{Prefix}ref:{reference.ToUpperInvariant()}";

            public static string ListPage(string? status, int page) => $"{Prefix}list:{status ?? "all"}:{page}";

            public static readonly TimeSpan DefaultTtl = TimeSpan.FromMinutes(%num%);
        }
        """, ("Name", c.Unique("CacheKeys")));

    private static string ConstErrors(FileContext c) => c.Fill("""
        public static class %Name%
        {
            public const string NotFound = "%CODE%-1001";
            public const string AlreadyExists = "%CODE%-1002";
            public const string InvalidState = "%CODE%-1003";
            public const string QuotaExceeded = "%CODE%-1004";

            public static readonly IReadOnlyDictionary<string, string> Messages = new Dictionary<string, string>
            {
                [NotFound] = "The %e% was not found.",
                [AlreadyExists] = "A %e% with this reference already exists.",
                [InvalidState] = "The %e% cannot change from its current status.",
                [QuotaExceeded] = "You have reached the %e% quota of your plan; contact sales@%domain%.",
            };
        }
        """, ("Name", c.Unique("ErrorCodes")));

    private static string ConstEvents(FileContext c) => c.Fill("""
        public static class %Name%
        {
            public const string Created = "%e%.created";
            public const string Updated = "%e%.updated";
            public const string Deleted = "%e%.deleted";
            public const string StatusChanged = "%e%.status_changed";
            public const string Topic = "contoso.%area%.%es%.v%ver%";
            public const string DeadLetterQueue = "contoso-%area%-%es%-dlq";
        }
        """, ("Name", c.Unique("Events")));

    private static string ConstRoutes(FileContext c) => c.Fill("""
        public static class %Name%
        {
            public const string Base = "api/v%ver%/%es%";
            public const string ById = Base + "/{id:int}";
            public const string Status = ById + "/status";
            public const string Attachments = ById + "/attachments/{attachmentId:guid}";
            public const string Docs = "https://docs.%domain%/api/%es%#section-%word%";
        }
        """, ("Name", c.Unique("Routes")));

    private static string ConstPatterns(FileContext c) => c.Fill("""
        public static class %Name%
        {
            public const string Reference = @"^[A-Z]{2,4}-\d{3,8}$";
            public const string Email = @"^[^@\s]+@[^@\s]+\.[a-z]{2,}$";
            public const string Phone = @"^\+?[0-9 ()\-]{7,20}$";
            public const string Slug = "^[a-z0-9]+(?:-[a-z0-9]+)*$";
            public const string DateFormat = "yyyy-MM-dd";
            public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffK";
        }
        """, ("Name", c.Unique("Patterns")));

    private static string ConstLookup(FileContext c) => c.Fill("""
        public static class %Name%
        {
            public static readonly IReadOnlyDictionary<string, string> CountryNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["US"] = "United States",
                ["DE"] = "Germany",
                ["PT"] = "Portugal",
                ["JP"] = "Japan",
                ["%country%"] = "%city% region",
            };

            public static readonly string[] SupportedCurrencies = { "USD", "EUR", "GBP", "%currency%" };

            public static readonly HashSet<string> BlockedDomains = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "mailinator.com", "example.invalid", "%word%.test" };
        }
        """, ("Name", c.Unique("Lookups")));

    private static string ConstMetrics(FileContext c) => c.Fill("""
        public static class %Name%
        {
            public const string Meter = "Contoso.%Area%.%Es%";
            public const string RequestDuration = "contoso.%area%.%es%.request.duration";
            public const string Created = "contoso.%area%.%es%.created";
            public const string Failed = "contoso.%area%.%es%.failed";
            public const string QueueDepth = "contoso.%area%.%es%.queue.depth";
            public const string UnitMilliseconds = "ms";
            public static readonly KeyValuePair<string, object?>[] DefaultTags = { new("service", "%area%"), new("region", "%word%") };
        }
        """, ("Name", c.Unique("Metrics")));

    private static string ConstContentTypes(FileContext c) => c.Fill("""
        public static class %Name%
        {
            public static readonly IReadOnlyDictionary<string, string> ByExtension = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                [".json"] = "application/json",
                [".csv"] = "text/csv",
                [".pdf"] = "application/pdf",
                [".png"] = "image/png",
                [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                [".zip"] = "application/zip",
            };

            public static string For(string fileName) => ByExtension.TryGetValue(System.IO.Path.GetExtension(fileName), out var type) ? type : "application/octet-stream";
        }
        """, ("Name", c.Unique("ContentTypes")));

    private static string ConstFeatures(FileContext c) => c.Fill("""
        public static class %Name%
        {
            public const string BulkImport = "%Area%.%Es%.BulkImport";
            public const string NewPricing = "%Area%.%Es%.NewPricing";
            public const string ExportV2 = "%Area%.%Es%.ExportV2";
            public const string ReadOnlyMode = "%Area%.ReadOnly";
            public static readonly IReadOnlyList<string> All = new[] { BulkImport, NewPricing, ExportV2, ReadOnlyMode };
        }
        """, ("Name", c.Unique("FeatureFlags")));

    private static void Mapper(FileContext c)
    {
        c.Use("System", "System.Collections.Generic", "System.Globalization", "System.Linq", "System.Text", "System.Text.RegularExpressions");
        c.Block("""
            public sealed record %E%Model(int Id, string Name, string Status, decimal Total, DateTimeOffset CreatedAt, string? Reference, string Country);

            public static class %E%Mapper
            {
            """);
        c.Indent();
        var pool = new Func<FileContext, string>[] { MapDisplayStatus, MapPriority, MapDescribe, MapValidate, MapParse, MapCsv, MapSlug, MapRegion, MapMoney, MapTransitions };
        FillMembers(c, pool, 1, ordered: false, allowInstancePlant: false);
        c.Outdent();
        c.Line("}");
    }

    private static string MapDisplayStatus(FileContext c) => c.Fill("""
        public static string %Name%(string status) => status switch
        {
            "pending" => "Pending approval",
            "approved" => "Approved",
            "rejected" => "Rejected by a reviewer",
            "shipped" => "On its way",
            "cancelled" => "Cancelled",
            "on-hold" => "On hold — waiting for %word%",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, $"Unknown %e% status '{status}'."),
        };
        """, ("Name", c.Unique("ToDisplayStatus")));

    private static string MapPriority(FileContext c) => c.Fill("""
        public static int %Name%(string level) => level.ToLowerInvariant() switch
        {
            "critical" or "p0" => 0,
            "high" or "p1" => 1,
            "normal" or "medium" or "p2" => 2,
            "low" or "p3" => 3,
            var other when other.StartsWith("p", StringComparison.Ordinal) && int.TryParse(other.AsSpan(1), out var n) => n,
            _ => 2,
        };
        """, ("Name", c.Unique("ToPriority")));

    private static string MapDescribe(FileContext c) => c.Fill("""
        public static string %Name%(%E%Model model, CultureInfo culture)
        {
            var total = model.Total.ToString("C2", culture);
            var created = model.CreatedAt.ToString("D", culture);
            var reference = model.Reference is null ? "without reference" : $"ref. {model.Reference}";
            return $"{model.Name} ({model.Status}) — {total}, created {created}, {reference}";
        }
        """, ("Name", c.Unique("Describe")));

    private static string MapValidate(FileContext c) => c.Fill("""
        public static IReadOnlyList<string> %Name%(%E%Model model)
        {
            var errors = new List<string>();
            if (string.IsNullOrWhiteSpace(model.Name))
            {
                errors.Add("Name is required.");
            }
            else if (model.Name.Length > 200)
            {
                errors.Add($"Name must be at most 200 characters (got {model.Name.Length}).");
            }

            if (model.Reference is not null && !Regex.IsMatch(model.Reference, @"^[A-Z]{2,4}-\d{3,8}$"))
            {
                errors.Add($"Reference '{model.Reference}' has an invalid format; expected something like %CODE%-12345.");
            }

            if (model.Total < 0)
            {
                errors.Add("Total cannot be negative.");
            }

            if (model.CreatedAt > DateTimeOffset.UtcNow.AddMinutes(5))
            {
                errors.Add("CreatedAt is in the future.");
            }

            return errors;
        }
        """, ("Name", c.Unique("Validate")));

    private static string MapParse(FileContext c) => c.Fill("""
        public static %E%Model %Name%(IReadOnlyDictionary<string, string> fields)
        {
            string Get(string key) => fields.TryGetValue(key, out var value) ? value : throw new FormatException($"Missing field '{key}' in %e% record.");

            return new %E%Model(
                int.Parse(Get("id"), NumberStyles.Integer, CultureInfo.InvariantCulture),
                Get("name").Trim(),
                fields.TryGetValue("status", out var status) ? status : "pending",
                decimal.Parse(Get("total"), NumberStyles.Number, CultureInfo.InvariantCulture),
                DateTimeOffset.ParseExact(Get("created_at"), "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
                fields.GetValueOrDefault("reference"),
                fields.GetValueOrDefault("country") ?? "%country%");
        }
        """, ("Name", c.Unique("FromFields")));

    private static string MapCsv(FileContext c) => c.Fill("""
        public static string %Name%(IEnumerable<%E%Model> models)
        {
            var builder = new StringBuilder("id;name;status;total;created_at;country\n");
            foreach (var m in models.OrderBy(m => m.Id))
            {
                builder.Append(m.Id).Append(';')
                    .Append(m.Name.Replace(";", ",", StringComparison.Ordinal)).Append(';')
                    .Append(m.Status).Append(';')
                    .Append(m.Total.ToString("0.00", CultureInfo.InvariantCulture)).Append(';')
                    .Append(m.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(';')
                    .Append(m.Country).Append('\n');
            }

            return builder.ToString();
        }
        """, ("Name", c.Unique("ToCsv")));

    private static string MapSlug(FileContext c) => c.Fill("""
        public static string %Name%(string name)
        {
            var lower = name.Trim().ToLowerInvariant();
            var slug = Regex.Replace(lower, "[^a-z0-9]+", "-").Trim('-');
            return slug.Length switch
            {
                0 => "%e%-" + Guid.NewGuid().ToString("N").Substring(0, 8),
                > 64 => slug.Substring(0, 64).TrimEnd('-'),
                _ => slug,
            };
        }
        """, ("Name", c.Unique("ToSlug")));

    private static string MapRegion(FileContext c) => c.Fill("""
        public static string %Name%(string country) => country.ToUpperInvariant() switch
        {
            "US" or "CA" or "MX" => "north-america",
            "DE" or "FR" or "NL" or "PT" or "ES" or "NO" or "GB" => "europe",
            "JP" or "IN" or "AU" => "asia-pacific",
            "BR" => "south-america",
            "KE" => "africa",
            _ => "%word%",
        };
        """, ("Name", c.Unique("ToRegion")));

    private static string MapMoney(FileContext c) => c.Fill("""
        public static string %Name%(decimal amount, string currency) => currency switch
        {
            "USD" => amount.ToString("$#,##0.00", CultureInfo.InvariantCulture),
            "EUR" => amount.ToString("#,##0.00", CultureInfo.GetCultureInfo("de-DE")) + " €",
            "GBP" => "£" + amount.ToString("#,##0.00", CultureInfo.InvariantCulture),
            "JPY" => "¥" + Math.Round(amount).ToString("#,##0", CultureInfo.InvariantCulture),
            _ => $"{amount.ToString("0.00", CultureInfo.InvariantCulture)} {currency}",
        };
        """, ("Name", c.Unique("FormatMoney")));

    private static string MapTransitions(FileContext c) => c.Fill("""
        private static readonly IReadOnlyDictionary<string, string[]> %Name% = new Dictionary<string, string[]>
        {
            ["draft"] = new[] { "pending", "cancelled" },
            ["pending"] = new[] { "approved", "rejected", "on-hold" },
            ["approved"] = new[] { "shipped", "cancelled" },
            ["on-hold"] = new[] { "pending", "cancelled" },
            ["shipped"] = new[] { "completed", "refunded" },
        };

        public static bool CanMove(string from, string to) => %Name%.TryGetValue(from, out var next) && Array.IndexOf(next, to) >= 0;
        """, ("Name", c.Unique("Transitions")));

    private static void Crypto(FileContext c)
    {
        c.Use("System", "System.Security.Cryptography", "System.Text", "Microsoft.IdentityModel.Tokens", "SecretGuard");
        c.Block("""
            /// <summary>Signs and verifies %e% webhooks and protects %e% exports.</summary>
            public sealed class %E%Signatures
            {
                private const string SignaturePrefix = "sha256=";
                private readonly byte[] _signingKey;

                public %E%Signatures(byte[] signingKey)
                {
                    if (signingKey.Length < 32)
                    {
                        throw new ArgumentException("The signing key must be at least 256 bits.", nameof(signingKey));
                    }

                    _signingKey = signingKey;
                }

                public static %E%Signatures FromSecrets() => new %E%Signatures(Convert.FromBase64String(Secrets.Get("%ES%_SIGNING_KEY_SECRET")));
            """);
        c.Indent();
        var pool = new Func<FileContext, string>[] { CryptoSign, CryptoVerify, CryptoNewKey, CryptoHashPassword, CryptoEncrypt, CryptoFingerprint, CryptoJwt, CryptoAes, CryptoDerive, CryptoTotp, CryptoEtag, CryptoApiToken };
        FillMembers(c, pool, 1, ordered: false, allowInstancePlant: true);
        c.Outdent();
        c.Line("}");
    }

    private static string CryptoSign(FileContext c) => c.Fill("""
        public string Sign(string payload, DateTimeOffset timestamp)
        {
            var signed = timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + payload;
            var mac = HMACSHA256.HashData(_signingKey, Encoding.UTF8.GetBytes(signed));
            return $"t={timestamp.ToUnixTimeSeconds()},{SignaturePrefix}{Convert.ToHexString(mac).ToLowerInvariant()}";
        }
        """);

    private static string CryptoVerify(FileContext c) => c.Fill("""
        public bool Verify(string payload, string signatureHeader)
        {
            if (!signatureHeader.StartsWith(SignaturePrefix, StringComparison.Ordinal))
            {
                return false;
            }

            var expected = HMACSHA256.HashData(_signingKey, Encoding.UTF8.GetBytes(payload));
            var provided = Convert.FromHexString(signatureHeader.Substring(SignaturePrefix.Length));
            return CryptographicOperations.FixedTimeEquals(expected, provided);
        }
        """);

    private static string CryptoNewKey(FileContext c) => c.Fill("""
        public static string %Name%(int bytes = 32)
        {
            var key = RandomNumberGenerator.GetBytes(bytes);
            return Convert.ToBase64String(key);
        }
        """, ("Name", c.Unique("NewKey")));

    private static string CryptoHashPassword(FileContext c) => c.Fill("""
        public static string %Name%(string password, byte[]? salt = null)
        {
            salt ??= RandomNumberGenerator.GetBytes(16);
            var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, 210_000, HashAlgorithmName.SHA512, 64);
            return $"pbkdf2-sha512$210000${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
        }
        """, ("Name", c.Unique("HashPassword")));

    private static string CryptoEncrypt(FileContext c) => c.Fill("""
        public static byte[] %Name%(byte[] key, byte[] plaintext, byte[] associatedData)
        {
            var nonce = new byte[AesGcm.NonceByteSizes.MaxSize];
            RandomNumberGenerator.Fill(nonce);
            var tag = new byte[16];
            var ciphertext = new byte[plaintext.Length];
            using var aes = new AesGcm(key, 16);
            aes.Encrypt(nonce, plaintext, ciphertext, tag, associatedData);
            var result = new byte[nonce.Length + tag.Length + ciphertext.Length];
            nonce.CopyTo(result, 0);
            tag.CopyTo(result, nonce.Length);
            ciphertext.CopyTo(result, nonce.Length + tag.Length);
            return result;
        }
        """, ("Name", c.Unique("Encrypt")));

    private static string CryptoFingerprint(FileContext c) => c.Fill("""
        public static string %Name%(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("%e%:" + value)));
        """, ("Name", c.Unique("Fingerprint")));

    private static string CryptoJwt(FileContext c) => c.Fill("""
        public SigningCredentials %Name%()
        {
            var securityKey = new SymmetricSecurityKey(_signingKey) { KeyId = "%es%-%ver%" };
            return new SigningCredentials(securityKey, SecurityAlgorithms.HmacSha256);
        }
        """, ("Name", c.Unique("CreateSigningCredentials")));

    private static string CryptoAes(FileContext c) => c.Fill("""
        public static byte[] %Name%(byte[] key, byte[] data)
        {
            using var aes = Aes.Create();
            aes.Key = key;
            aes.GenerateIV();
            using var encryptor = aes.CreateEncryptor();
            var encrypted = encryptor.TransformFinalBlock(data, 0, data.Length);
            var result = new byte[aes.IV.Length + encrypted.Length];
            aes.IV.CopyTo(result, 0);
            encrypted.CopyTo(result, aes.IV.Length);
            return result;
        }
        """, ("Name", c.Unique("EncryptCbc")));

    private static string CryptoDerive(FileContext c) => c.Fill("""
        public static byte[] %Name%(byte[] masterKey, string purpose)
        {
            var salt = SHA256.HashData(Encoding.UTF8.GetBytes("contoso-%area%"));
            var prk = HKDF.Extract(HashAlgorithmName.SHA256, masterKey, salt);
            return HKDF.Expand(HashAlgorithmName.SHA256, prk, 32, Encoding.UTF8.GetBytes(purpose));
        }
        """, ("Name", c.Unique("DeriveKey")));

    private static string CryptoTotp(FileContext c) => c.Fill("""
        public static bool %Name%(byte[] secret, string code, DateTimeOffset now)
        {
            // RFC 6238: 30-second steps, one step of clock drift either way.
            for (var drift = -1; drift <= 1; drift++)
            {
                var counterBytes = BitConverter.GetBytes((now.ToUnixTimeSeconds() / 30) + drift);
                if (BitConverter.IsLittleEndian)
                {
                    Array.Reverse(counterBytes);
                }

                using var hmac = new HMACSHA1(secret);
                var hash = hmac.ComputeHash(counterBytes);
                var offset = hash[^1] & 0x0F;
                var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
                var expected = (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
                if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(code)))
                {
                    return true;
                }
            }

            return false;
        }
        """, ("Name", c.Unique("VerifyTotp")));

    private static string CryptoEtag(FileContext c) => c.Fill("""
        public static string %Name%(ReadOnlySpan<byte> content) => "\"" + Convert.ToBase64String(SHA256.HashData(content)).Substring(0, 22) + "\"";
        """, ("Name", c.Unique("ComputeETag")));

    private static string CryptoApiToken(FileContext c) => c.Fill("""
        public static string %Name%(int length = 32)
        {
            const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
            return "%e%_" + RandomNumberGenerator.GetString(alphabet, length);
        }
        """, ("Name", c.Unique("NewApiToken")));

    private static void Handler(FileContext c)
    {
        c.Use("System", "System.Collections.Generic", "System.Linq", "System.Text.Json", "System.Threading", "System.Threading.Tasks", "Microsoft.Extensions.Logging");
        c.Block("""
            public sealed class %E%EventHandler
            {
                private static readonly TimeSpan[] Backoff = { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30) };
                private readonly ILogger<%E%EventHandler> _logger;
                private readonly Dictionary<string, int> _processed = new Dictionary<string, int>(StringComparer.Ordinal);

                public %E%EventHandler(ILogger<%E%EventHandler> logger)
                {
                    _logger = logger;
                }

                public async Task HandleAsync(string eventType, string payload, CancellationToken cancellationToken)
                {
                    using var scope = _logger.BeginScope("Handling {EventType} for {Component}", eventType, "%area%-%es%");
                    switch (eventType)
                    {
                        case "%e%.created":
                            await OnCreatedAsync(payload, cancellationToken);
                            break;
                        case "%e%.updated":
                        case "%e%.status_changed":
                            await OnUpdatedAsync(payload, cancellationToken);
                            break;
                        case "%e%.deleted":
                            _logger.LogInformation("Ignoring deletion event; %es% are soft-deleted by the nightly job");
                            break;
                        default:
                            _logger.LogWarning("Unknown event type {EventType}; payload of {Length} characters dropped", eventType, payload.Length);
                            break;
                    }

                    _processed[eventType] = _processed.TryGetValue(eventType, out var n) ? n + 1 : 1;
                }
            """);
        c.Indent();
        var pool = new Func<FileContext, string>[] { HandlerCreated, HandlerUpdated, HandlerRetry, HandlerStats, HandlerEnvelope, HandlerBatch, HandlerDedupe, HandlerRetryAfter };
        FillMembers(c, pool, 1, ordered: true, allowInstancePlant: true);
        c.Outdent();
        c.Line("}");
    }

    private static string HandlerCreated(FileContext c) => c.Fill("""
        private Task OnCreatedAsync(string payload, CancellationToken cancellationToken)
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            var id = root.GetProperty("id").GetInt32();
            var name = root.TryGetProperty("name", out var nameElement) ? nameElement.GetString() : null;
            var status = root.TryGetProperty("status", out var statusElement) ? statusElement.GetString() ?? "pending" : "pending";
            _logger.LogInformation("%E% {%E%Id} created as {Status} with name {Name}", id, status, name ?? "(unnamed)");
            cancellationToken.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }
        """);

    private static string HandlerUpdated(FileContext c) => c.Fill("""
        private async Task OnUpdatedAsync(string payload, CancellationToken cancellationToken)
        {
            using var document = JsonDocument.Parse(payload);
            var changes = document.RootElement.GetProperty("changes").EnumerateObject().Select(p => p.Name).ToList();
            if (changes.Contains("status"))
            {
                var next = document.RootElement.GetProperty("changes").GetProperty("status").GetString();
                var severity = next switch
                {
                    "failed" or "rejected" => LogLevel.Warning,
                    "cancelled" => LogLevel.Information,
                    _ => LogLevel.Debug,
                };
                _logger.Log(severity, 0, null, "%E% status changed to {Status}", next);
            }

            await Task.Yield();
            _logger.LogDebug("Applied {Count} changes: {Changes}", changes.Count, string.Join(", ", changes));
        }
        """);

    private static string HandlerRetry(FileContext c) => c.Fill("""
        public async Task<bool> %Name%(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
        {
            for (var attempt = 0; attempt <= Backoff.Length; attempt++)
            {
                try
                {
                    await work(cancellationToken);
                    return true;
                }
                catch (TimeoutException ex) when (attempt < Backoff.Length)
                {
                    _logger.LogWarning(ex, "Attempt {Attempt} of %e% work timed out; retrying in {Delay}", attempt + 1, Backoff[attempt]);
                    await Task.Delay(Backoff[attempt], cancellationToken);
                }
                catch (InvalidOperationException ex)
                {
                    _logger.LogError(ex, "Giving up on %e% work: {Reason}", ex.Message);
                    return false;
                }
            }

            return false;
        }
        """, ("Name", c.Unique("RunWithRetryAsync")));

    private static string HandlerStats(FileContext c) => c.Fill("""
        public string %Name%() =>
            _processed.Count == 0
                ? "No %e% events processed yet."
                : string.Join("; ", _processed.OrderByDescending(p => p.Value).Select(p => $"{p.Key}: {p.Value}"));
        """, ("Name", c.Unique("DescribeProgress")));

    private static string HandlerEnvelope(FileContext c) => c.Fill("""
        public static string %Name%(string eventType, int id, string status) =>
            JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["specversion"] = "1.0",
                ["type"] = $"com.%domain%.{eventType}",
                ["source"] = "/contoso/%area%/%es%",
                ["id"] = Guid.NewGuid().ToString(),
                ["time"] = DateTimeOffset.UtcNow.ToString("O"),
                ["data"] = new { id, status, region = "%word%" },
            });
        """, ("Name", c.Unique("CreateEnvelope")));

    private static string HandlerBatch(FileContext c) => c.Fill("""
        public async Task<int> %Name%(IReadOnlyList<string> payloads, CancellationToken cancellationToken)
        {
            var failures = 0;
            foreach (var (payload, index) in payloads.Select((p, i) => (p, i)))
            {
                try
                {
                    await HandleAsync("%e%.updated", payload, cancellationToken);
                }
                catch (JsonException ex)
                {
                    failures++;
                    _logger.LogError(ex, "Payload {Index} of the batch is not valid JSON; moved to {Queue}", index, "contoso-%area%-%es%-dlq");
                }
                catch (KeyNotFoundException ex)
                {
                    failures++;
                    _logger.LogWarning(ex, "Payload {Index} is missing a required property", index);
                }
            }

            _logger.LogInformation("Processed a batch of {Count} %e% events with {Failures} failures", payloads.Count, failures);
            return failures;
        }
        """, ("Name", c.Unique("ProcessBatchAsync")));

    private static string HandlerDedupe(FileContext c) => c.Fill("""
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);

        public bool %Name%(string messageId, string payload)
        {
            var key = messageId.Length > 0 ? messageId : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(payload)));
            if (!_seen.Add(key))
            {
                _logger.LogDebug("Skipping duplicate %e% message {MessageId}", key);
                return true;
            }

            return false;
        }
        """, ("Name", c.Unique("IsDuplicate")));

    private static string HandlerRetryAfter(FileContext c) => c.Fill("""
        public static TimeSpan %Name%(string? retryAfter, int attempt) => retryAfter switch
        {
            null or "" => TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, attempt))),
            var s when int.TryParse(s, out var seconds) => TimeSpan.FromSeconds(seconds),
            var s when DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) => at - DateTimeOffset.UtcNow,
            _ => throw new FormatException($"Retry-After value '{retryAfter}' is neither seconds nor an HTTP date."),
        };
        """, ("Name", c.Unique("ParseRetryAfter")));

    private static void DbContextFile(FileContext c)
    {
        c.Use("System", "System.Collections.Generic", "Contoso.Data");
        c.Block("""
            public sealed class %E%Record
            {
                public int Id { get; set; }

                public string Name { get; set; } = string.Empty;

                public string Status { get; set; } = "pending";

                public string Reference { get; set; } = string.Empty;

                public decimal Total { get; set; }

                public string Currency { get; set; } = "%currency%";

                public DateTimeOffset CreatedAt { get; set; }

                public string? Notes { get; set; }
            }

            public sealed class %E%DbContext : DbContext
            {
                public %E%DbContext(DbContextOptions options)
                    : base(options)
                {
                }

                public DbSet<%E%Record> %Es% => Set<%E%Record>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.HasDefaultSchema("%area%");
                    var entity = modelBuilder.Entity<%E%Record>();
                    entity.ToTable("%es%");
                    entity.HasKey(e => e.Id);
                    entity.Property(e => e.Name).HasColumnName("name").HasMaxLength(200).IsRequired();
                    entity.Property(e => e.Status).HasColumnName("status").HasMaxLength(32).HasDefaultValue("pending");
                    entity.Property(e => e.Reference).HasColumnName("reference").HasMaxLength(16).HasComment("Human-readable reference, e.g. %CODE%-00042");
                    entity.Property(e => e.Total).HasColumnName("total").HasColumnType("numeric(18,2)");
                    entity.Property(e => e.Currency).HasColumnName("currency").HasMaxLength(3).HasDefaultValue("%currency%");
                    entity.Property(e => e.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()");
                    entity.HasIndex(e => e.Reference).IsUnique().HasDatabaseName("ix_%es%_reference");
                    entity.HasIndex(e => e.Status).HasDatabaseName("ix_%es%_status").HasFilter("status <> 'archived'");
                    entity.HasQueryFilter(e => e.Status != "deleted");
            """);
        c.Indent();
        c.Indent();
        c.Line("entity.HasData(");
        c.Indent();
        var rows = Math.Max(2, (c.TargetLines - c.Lines - 8) / 11);
        for (var i = 1; i <= rows; i++)
        {
            c.Block(c.Fill("""
                new %E%Record
                {
                    Id = %i%,
                    Name = "%Word% %e% %i%",
                    Status = "%status%",
                    Reference = "%CODE%-%num%",
                    Total = %num%.%num2%m,
                    Currency = "%currency%",
                    CreatedAt = new DateTimeOffset(2024, %month%, %day%, 9, 30, 0, TimeSpan.Zero),
                    Notes = "Seeded for the %city% demo",
                }%sep%
                """, ("i", i.ToString(CultureInfo.InvariantCulture)), ("sep", i == rows ? ");" : ",")));
        }

        c.Outdent();
        c.Outdent();
        c.Line("}");
        c.MaybePlant(allowInstance: true);
        c.Outdent();
        c.Line("}");
    }

    private static void SampleData(FileContext c)
    {
        c.Use("System", "System.Collections.Generic");
        c.Block("""
            public sealed record %E%Sample(int Id, string Name, string Email, string Phone, string City, string Country, string Notes);

            /// <summary>Sample %es% for local development and demos.</summary>
            public static class %E%SampleData
            {
                public const string DefaultPassword = "changeme";

                public static readonly IReadOnlyList<%E%Sample> All = new List<%E%Sample>
                {
            """);
        c.Indent();
        c.Indent();
        var rows = Math.Max(3, (c.TargetLines - c.Lines - 30) / 2);
        for (var i = 1; i <= rows; i++)
        {
            var person = c.Pick(People);
            var email = person.ToLowerInvariant().Replace(' ', '.').Replace("'", string.Empty, StringComparison.Ordinal) + "@example.com";
            c.Line(c.Fill("new %E%Sample(%i%, \"%person%\", \"%email%\", \"+1 555 01%num2%\", \"%city%\", \"%country%\", \"%note%\"),",
                ("i", i.ToString(CultureInfo.InvariantCulture)), ("person", person), ("email", email), ("note", c.Pick(SampleNotes))));
        }

        c.Outdent();
        c.Line("};");
        c.Outdent();
        c.Block("""

                public static IEnumerable<string> Emails()
                {
                    foreach (var sample in All)
                    {
                        yield return sample.Email;
                    }
                }

                public static %E%Sample Find(string name)
                {
                    foreach (var sample in All)
                    {
                        if (string.Equals(sample.Name, name, StringComparison.OrdinalIgnoreCase))
                        {
                            return sample;
                        }
                    }

                    throw new KeyNotFoundException($"No sample %e% named '{name}'. Known: {All.Count} samples.");
                }
            """);
        c.Indent();
        c.MaybePlant(allowInstance: false);
        c.Outdent();
        c.Line("}");
    }

    private static readonly string[] SampleNotes =
    {
        "Prefers email contact.", "VIP since 2019", "Call before delivery", "Net 30 terms", "Tax exempt (certificate on file)",
        "Do not contact on weekends", "Migrated from the legacy CRM", "Key account", "Needs invoice in PDF", "",
    };

    private static string SharedSource(FileContext c) => c.Fill("""
        using System;
        using System.Collections.Generic;
        using System.Text;

        namespace Contoso.Common;

        /// <summary>Keys and names shared across modules.</summary>
        public static class SharedKeys
        {
            /// <summary>Rotated in 2021; kept to verify webhook deliveries queued before the rotation.</summary>
            public static readonly byte[] LegacyWebhookKey = Encoding.UTF8.GetBytes("legacy-webhook-key-%rand16%");

            public const string ServiceName = "contoso-platform";

            public const string DefaultCulture = "en-US";

            public const string TenantHeader = "X-Tenant-Id";

            public static readonly IReadOnlyList<string> SupportedCultures = new[] { "en-US", "de-DE", "pt-PT", "ja-JP", "fr-FR" };
        }

        public static class Clock
        {
            public static Func<DateTimeOffset> UtcNow { get; set; } = () => DateTimeOffset.UtcNow;

            public static string Stamp() => UtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        }
        """);

    // ---------------------------------------------------------------- members and planted secrets

    /// <summary>
    /// Adds members from the pool until the file reaches its target length (less what still follows); each at most
    /// once, except the <paramref name="repeat"/> one.
    /// </summary>
    private static void FillMembers(FileContext c, Func<FileContext, string>[] pool, int linesAfter, bool ordered, bool allowInstancePlant, int repeat = -1)
    {
        var plantAt = c.Plant ? c.Rng.Next(0, 3) : -1;
        var added = 0;
        var used = new HashSet<int>();
        while (added < 2 || c.Lines + linesAfter < c.TargetLines)
        {
            int pick;
            if (ordered && used.Count < pool.Length)
            {
                pick = used.Count;
            }
            else
            {
                var candidates = Enumerable.Range(0, pool.Length).Where(i => !used.Contains(i)).ToList();
                if (candidates.Count > 0)
                {
                    pick = candidates[c.Rng.Next(candidates.Count)];
                }
                else if (repeat >= 0)
                {
                    pick = repeat; // a generator that names its member uniquely, e.g. one more controller action
                }
                else
                {
                    break;
                }
            }

            used.Add(pick);
            if (added == plantAt)
            {
                c.MaybePlant(allowInstancePlant);
            }

            c.Line();
            c.Block(pool[pick](c));
            added++;
        }

        if (plantAt >= added)
        {
            c.MaybePlant(allowInstancePlant);
        }
    }

    /// <summary>Adds top-level types from the pool until the file reaches its target length.</summary>
    private static void FillTopLevel(FileContext c, Func<FileContext, string>[] pool, int linesAfter)
    {
        var used = new HashSet<int>();
        while (c.Lines + linesAfter < c.TargetLines && used.Count < pool.Length)
        {
            var candidates = Enumerable.Range(0, pool.Length).Where(i => !used.Contains(i)).ToList();
            var pick = candidates[c.Rng.Next(candidates.Count)];
            used.Add(pick);
            c.Block(pool[pick](c));
        }

        if (c.Plant)
        {
            c.Line();
            c.Line(c.Fill("public static class %E%Defaults"));
            c.Line("{");
            c.Indent();
            c.MaybePlant(allowInstance: false);
            c.Outdent();
            c.Line("}");
        }
    }

    private static readonly (string Rule, bool Instance, string[] Usings, string Template)[] PlantedSecrets =
    {
        ("SG0001", false, Array.Empty<string>(), """
            private const string StripeSecretKey = "sk_live_%rand24%"; // planted: SG0001
            """),
        ("SG0001", false, Array.Empty<string>(), """
            private const string GitHubToken = "ghp_%ghtoken%"; // planted: SG0001
            """),
        ("SG0001", false, Array.Empty<string>(), """
            private const string ReportingConnection = "Server=tcp:%e%-sql.database.windows.net,1433;Database=%es%;User ID=reporting;Password=%pwd%;Encrypt=True;"; // planted: SG0001
            """),
        ("SG0001", false, Array.Empty<string>(), """
            private const string AwsAccessKeyId = "AKIA%upper16%"; // planted: SG0001
            """),
        ("SG0001", false, Array.Empty<string>(), """
            internal const string IntegrationTestToken = "%jwt%"; // planted: SG0001
            """),
        ("SG0002", false, Array.Empty<string>(), """
            internal static readonly string ServiceAccountPassword = "%pwd%"; // planted: SG0002
            """),
        ("SG0002", false, new[] { "System.Net.Http.Headers" }, """
            private static AuthenticationHeaderValue ServiceAuthorization() =>
                new AuthenticationHeaderValue("Bearer", "%hex40%"); // planted: SG0002
            """),
        ("SG0002", true, Array.Empty<string>(), """
            public string ApiKey { get; set; } = "%hex32%"; // planted: SG0002
            """),
        ("SG0002", false, new[] { "System.Collections.Generic" }, """
            private static readonly Dictionary<string, string> LocalOverrides = new Dictionary<string, string>
            {
                ["%E%:Smtp:Host"] = "smtp.%domain%",
                ["%E%:Smtp:Password"] = "%pwd%", // planted: SG0002
            };
            """),
        ("SG0003", false, new[] { "System.Security.Cryptography", "System.Text" }, """
            private static byte[] SignLegacyPayload(byte[] payload)
            {
                using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("%e%-legacy-signing-%rand16%")); // planted: SG0003
                return hmac.ComputeHash(payload);
            }
            """),
        ("SG0003", false, new[] { "System", "Microsoft.IdentityModel.Tokens" }, """
            private static readonly SymmetricSecurityKey TokenSigningKey = new SymmetricSecurityKey(Convert.FromBase64String("%b64key%")); // planted: SG0003
            """),
        ("SG0003", false, new[] { "System.Security.Cryptography", "Contoso.Common" }, """
            private static bool VerifyLegacyDelivery(byte[] payload, byte[] signature)
            {
                using var hmac = new HMACSHA256(SharedKeys.LegacyWebhookKey); // planted: SG0003
                return CryptographicOperations.FixedTimeEquals(hmac.ComputeHash(payload), signature);
            }
            """),
    };

    // ---------------------------------------------------------------- configuration files

    private const string AppSettingsJson = """
        {
          "Logging": {
            "LogLevel": {
              "Default": "Information",
              "Microsoft.AspNetCore": "Warning"
            }
          },
          "AllowedHosts": "*",
          "ConnectionStrings": {
            "%E%Db": "Host=localhost;Port=5432;Database=%es%;Username=app;Password=${DB_PASSWORD}",
            "%E%Cache": "localhost:6379,abortConnect=false"
          },
          "%E%": {
            "BaseUrl": "https://%es%.%domain%/",
            "ApiKeyHeader": "X-Api-Key",
            "ClientId": "contoso-%area%",
            "ClientSecret": "",
            "Password": "changeme",
            "TokenEndpoint": "https://login.%domain%/oauth2/v2.0/token",
            "Scopes": [ "%es%.read", "%es%.write" ],
            "Retries": 3,
            "Timeout": "00:00:30"
          },
          "Jwt": {
            "Issuer": "https://login.%domain%",
            "Audience": "%es%-api",
            "SigningKey": "DEV_ENC:v1:3f4fd31a:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"
          },
          "Features": { "BulkImport": true, "NewPricing": false }
        }
        """;

    private const string AppSettingsDevelopmentJson = """
        {
          // Local overrides; secrets come from the encrypted env file.
          "Logging": { "LogLevel": { "Default": "Debug" } },
          "ConnectionStrings": {
            "%E%Db": "Server=localhost;Database=%es%;Trusted_Connection=True;TrustServerCertificate=True"
          },
          "%E%": { "BaseUrl": "http://localhost:5%num%/", "Password": "" },
        }
        """;

    private const string AppSettingsDevelopmentPlantedJson = """
        {
          "Logging": { "LogLevel": { "Default": "Debug" } },
          "ConnectionStrings": {
            "%E%Db": "Server=localhost;Database=%es%;User Id=sa;Password=%pwd%;TrustServerCertificate=True"
          },
          "%E%": { "BaseUrl": "http://localhost:5%num%/", "ApiKey": "%hex32%" }
        }
        """;

    private const string LaunchSettingsJson = """
        {
          "profiles": {
            "%E%.Api": {
              "commandName": "Project",
              "launchBrowser": true,
              "applicationUrl": "https://localhost:7%num%;http://localhost:5%num%",
              "environmentVariables": {
                "ASPNETCORE_ENVIRONMENT": "Development",
                "DOTNET_%ES%_FEATURE": "on"
              }
            }
          }
        }
        """;

    private const string EnvDev = """
        # %E% service, development settings. *_SECRET entries are encrypted by the build.
        LOG_LEVEL=Debug
        %ES%_BASE_URL=https://%es%.%domain%/
        %ES%_RETRIES=3
        DB_HOST=localhost
        DB_NAME=%es%
        %ES%_API_KEY_SECRET=DEV_ENC:v1:3f4fd31a:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8
        FEATURE_BULK_IMPORT=true
        """;

    private const string EnvDevPlanted = """
        # %E% service, development settings.
        LOG_LEVEL=Debug
        %ES%_BASE_URL=https://%es%.%domain%/
        GITHUB_TOKEN=ghp_%ghtoken%
        DB_NAME=%es%
        """;

    // ---------------------------------------------------------------- framework stand-ins

    private const string StubsSource = """
        // Stand-ins for the framework types the generated code uses, so it compiles against the .NET reference assemblies alone.
        #nullable enable
        using System;
        using System.Collections;
        using System.Collections.Generic;
        using System.Linq.Expressions;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Microsoft.Extensions.Logging
        {
            public enum LogLevel { Trace = 0, Debug = 1, Information = 2, Warning = 3, Error = 4, Critical = 5, None = 6 }

            public readonly struct EventId
            {
                public EventId(int id, string? name = null) { Id = id; Name = name; }
                public int Id { get; }
                public string? Name { get; }
                public static implicit operator EventId(int id) => new EventId(id);
            }

            public interface ILogger
            {
                void Log(LogLevel logLevel, EventId eventId, Exception? exception, string? message, params object?[] args);
                bool IsEnabled(LogLevel logLevel);
                IDisposable? BeginScope(string messageFormat, params object?[] args);
            }

            public interface ILogger<out TCategoryName> : ILogger
            {
            }

            public static class LoggerExtensions
            {
                public static void LogTrace(this ILogger logger, string? message, params object?[] args) => logger.Log(LogLevel.Trace, 0, null, message, args);
                public static void LogDebug(this ILogger logger, string? message, params object?[] args) => logger.Log(LogLevel.Debug, 0, null, message, args);
                public static void LogInformation(this ILogger logger, string? message, params object?[] args) => logger.Log(LogLevel.Information, 0, null, message, args);
                public static void LogWarning(this ILogger logger, string? message, params object?[] args) => logger.Log(LogLevel.Warning, 0, null, message, args);
                public static void LogWarning(this ILogger logger, Exception? exception, string? message, params object?[] args) => logger.Log(LogLevel.Warning, 0, exception, message, args);
                public static void LogError(this ILogger logger, string? message, params object?[] args) => logger.Log(LogLevel.Error, 0, null, message, args);
                public static void LogError(this ILogger logger, Exception? exception, string? message, params object?[] args) => logger.Log(LogLevel.Error, 0, exception, message, args);
                public static void LogCritical(this ILogger logger, Exception? exception, string? message, params object?[] args) => logger.Log(LogLevel.Critical, 0, exception, message, args);
            }

            [AttributeUsage(AttributeTargets.Method)]
            public sealed class LoggerMessageAttribute : Attribute
            {
                public int EventId { get; set; }
                public LogLevel Level { get; set; }
                public string Message { get; set; } = "";
            }
        }

        namespace Microsoft.AspNetCore.Mvc
        {
            public interface IActionResult
            {
            }

            public class ObjectResult : IActionResult
            {
                public ObjectResult(object? value) { Value = value; }
                public object? Value { get; }
                public int? StatusCode { get; set; }
            }

            public sealed class StatusCodeResult : IActionResult
            {
                public StatusCodeResult(int statusCode) { StatusCode = statusCode; }
                public int StatusCode { get; }
            }

            public class ProblemDetails
            {
                public string? Type { get; set; }
                public string? Title { get; set; }
                public int? Status { get; set; }
                public string? Detail { get; set; }
                public string? Instance { get; set; }
                public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();
            }

            public abstract class ControllerBase
            {
                public IActionResult Ok() => new StatusCodeResult(200);
                public IActionResult Ok(object? value) => new ObjectResult(value) { StatusCode = 200 };
                public IActionResult NotFound() => new StatusCodeResult(404);
                public IActionResult NotFound(object? value) => new ObjectResult(value) { StatusCode = 404 };
                public IActionResult BadRequest(object? error) => new ObjectResult(error) { StatusCode = 400 };
                public IActionResult Conflict(object? error) => new ObjectResult(error) { StatusCode = 409 };
                public IActionResult Accepted(object? value) => new ObjectResult(value) { StatusCode = 202 };
                public IActionResult NoContent() => new StatusCodeResult(204);
                public IActionResult StatusCode(int statusCode) => new StatusCodeResult(statusCode);
                public IActionResult StatusCode(int statusCode, object? value) => new ObjectResult(value) { StatusCode = statusCode };
                public IActionResult CreatedAtAction(string? actionName, object? routeValues, object? value) => new ObjectResult(value) { StatusCode = 201 };
            }

            [AttributeUsage(AttributeTargets.Class)]
            public sealed class ApiControllerAttribute : Attribute
            {
            }

            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
            public sealed class RouteAttribute : Attribute
            {
                public RouteAttribute(string template) { Template = template; }
                public string Template { get; }
                public string? Name { get; set; }
            }

            [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
            public abstract class HttpMethodAttribute : Attribute
            {
                protected HttpMethodAttribute(string? template) { Template = template; }
                public string? Template { get; }
                public string? Name { get; set; }
                public int Order { get; set; }
            }

            public sealed class HttpGetAttribute : HttpMethodAttribute { public HttpGetAttribute() : base(null) { } public HttpGetAttribute(string template) : base(template) { } }
            public sealed class HttpPostAttribute : HttpMethodAttribute { public HttpPostAttribute() : base(null) { } public HttpPostAttribute(string template) : base(template) { } }
            public sealed class HttpPutAttribute : HttpMethodAttribute { public HttpPutAttribute() : base(null) { } public HttpPutAttribute(string template) : base(template) { } }
            public sealed class HttpDeleteAttribute : HttpMethodAttribute { public HttpDeleteAttribute() : base(null) { } public HttpDeleteAttribute(string template) : base(template) { } }

            [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
            public sealed class FromBodyAttribute : Attribute
            {
            }

            [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
            public sealed class FromQueryAttribute : Attribute
            {
                public string? Name { get; set; }
            }

            [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
            public sealed class FromHeaderAttribute : Attribute
            {
                public string? Name { get; set; }
            }

            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
            public sealed class ProducesResponseTypeAttribute : Attribute
            {
                public ProducesResponseTypeAttribute(int statusCode) { StatusCode = statusCode; }
                public ProducesResponseTypeAttribute(Type type, int statusCode) { Type = type; StatusCode = statusCode; }
                public Type? Type { get; }
                public int StatusCode { get; }
            }

            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
            public sealed class ProducesAttribute : Attribute
            {
                public ProducesAttribute(string contentType, params string[] additionalContentTypes) { ContentTypes = new List<string>(additionalContentTypes) { contentType }; }
                public IList<string> ContentTypes { get; }
            }
        }

        namespace Microsoft.AspNetCore.Authorization
        {
            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
            public sealed class AuthorizeAttribute : Attribute
            {
                public AuthorizeAttribute() { }
                public AuthorizeAttribute(string policy) { Policy = policy; }
                public string? Policy { get; set; }
                public string? Roles { get; set; }
            }

            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
            public sealed class AllowAnonymousAttribute : Attribute
            {
            }
        }

        namespace Microsoft.Extensions.Options
        {
            public interface IOptions<out TOptions>
                where TOptions : class
            {
                TOptions Value { get; }
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

            public static class ConfigurationExtensions
            {
                public static string? GetConnectionString(this IConfiguration configuration, string name) => configuration.GetSection("ConnectionStrings")[name];
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            using Microsoft.Extensions.Configuration;

            public interface IServiceCollection
            {
            }

            public static class ServiceCollectionExtensions
            {
                public static IServiceCollection Configure<TOptions>(this IServiceCollection services, IConfiguration configuration) where TOptions : class => services;
                public static IServiceCollection Configure<TOptions>(this IServiceCollection services, Action<TOptions> configure) where TOptions : class => services;
                public static IServiceCollection AddHttpClient(this IServiceCollection services, string name, Action<HttpClient> configure) => services;
            }
        }

        namespace Microsoft.IdentityModel.Tokens
        {
            public abstract class SecurityKey
            {
                public string? KeyId { get; set; }
            }

            public class SymmetricSecurityKey : SecurityKey
            {
                public SymmetricSecurityKey(byte[] key) { Key = key; }
                public virtual byte[] Key { get; }
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
            }
        }

        namespace SecretGuard
        {
            public static class Secrets
            {
                public static string Get(string name) => Environment.GetEnvironmentVariable(name) ?? string.Empty;
            }
        }

        namespace Contoso.Data
        {
            public interface IDbSession
            {
                Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default);
                Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default);
                Task<int> ExecuteAsync(string sql, object? parameters = null, CancellationToken cancellationToken = default);
            }

            public sealed class DbContextOptions
            {
                public string? ConnectionString { get; init; }
            }

            public abstract class DbContext : IDisposable
            {
                private readonly Dictionary<Type, object> _sets = new Dictionary<Type, object>();

                protected DbContext(DbContextOptions options) { Options = options; }

                public DbContextOptions Options { get; }

                public DbSet<T> Set<T>() where T : class
                {
                    if (!_sets.TryGetValue(typeof(T), out var set))
                    {
                        set = new DbSet<T>();
                        _sets[typeof(T)] = set;
                    }

                    return (DbSet<T>)set;
                }

                public virtual Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);

                protected virtual void OnModelCreating(ModelBuilder modelBuilder) { }

                public void Dispose() { }
            }

            public sealed class DbSet<T> : IEnumerable<T>
                where T : class
            {
                private readonly List<T> _items = new List<T>();
                public void Add(T entity) => _items.Add(entity);
                public void Remove(T entity) => _items.Remove(entity);
                public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();
                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            }

            public sealed class ModelBuilder
            {
                public ModelBuilder HasDefaultSchema(string schema) => this;
                public EntityTypeBuilder<T> Entity<T>() where T : class => new EntityTypeBuilder<T>();
            }

            public sealed class EntityTypeBuilder<T>
                where T : class
            {
                public EntityTypeBuilder<T> ToTable(string name) => this;
                public EntityTypeBuilder<T> HasKey(Expression<Func<T, object?>> key) => this;
                public PropertyBuilder Property(Expression<Func<T, object?>> property) => new PropertyBuilder();
                public IndexBuilder HasIndex(Expression<Func<T, object?>> index) => new IndexBuilder();
                public EntityTypeBuilder<T> HasData(params T[] data) => this;
                public EntityTypeBuilder<T> HasQueryFilter(Expression<Func<T, bool>> filter) => this;
            }

            public sealed class PropertyBuilder
            {
                public PropertyBuilder HasColumnName(string name) => this;
                public PropertyBuilder HasMaxLength(int maxLength) => this;
                public PropertyBuilder IsRequired(bool required = true) => this;
                public PropertyBuilder HasDefaultValue(object? value) => this;
                public PropertyBuilder HasDefaultValueSql(string sql) => this;
                public PropertyBuilder HasColumnType(string type) => this;
                public PropertyBuilder HasComment(string comment) => this;
            }

            public sealed class IndexBuilder
            {
                public IndexBuilder IsUnique(bool unique = true) => this;
                public IndexBuilder HasDatabaseName(string name) => this;
                public IndexBuilder HasFilter(string? sql) => this;
            }
        }
        """;

    // ---------------------------------------------------------------- per-file state

    private sealed class FileContext
    {
        private readonly StringBuilder _body = new StringBuilder();
        private readonly SortedSet<string> _usings = new SortedSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _names = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _vars;
        private readonly bool _hasShared;
        private int _indent;
        private bool _planted;

        public FileContext(Random rng, int index, bool hasShared)
        {
            Rng = rng;
            Index = index;
            _hasShared = hasShared;
            Entity = Pick(Entities);
            Area = Pick(Areas);
            var vendor = Pick(Words);
            var lower = Entity.ToLowerInvariant();
            _vars = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["E"] = Entity,
                ["e"] = lower,
                ["Es"] = Entity + "s",
                ["es"] = lower + "s",
                ["ES"] = Entity.ToUpperInvariant(),
                ["Area"] = Area,
                ["area"] = Area.ToLowerInvariant(),
                ["domain"] = Pick(Domains),
                ["Vendor"] = char.ToUpperInvariant(vendor[0]) + vendor.Substring(1),
                ["vendorDomain"] = vendor + "." + Pick(new[] { "com", "io", "net", "dev" }),
                ["ver"] = Rng.Next(1, 4).ToString(CultureInfo.InvariantCulture),
                ["CODE"] = Entity.Substring(0, 3).ToUpperInvariant(),
            };
        }

        public Random Rng { get; }

        public int Index { get; }

        public string Entity { get; }

        public string Area { get; }

        public int TargetLines { get; set; }

        public bool Plant { get; set; }

        public int Lines { get; private set; }

        public T Pick<T>(IReadOnlyList<T> items) => items[Rng.Next(items.Count)];

        public void Use(params string[] namespaces)
        {
            foreach (var ns in namespaces)
            {
                _usings.Add(ns);
            }
        }

        public string Unique(string name)
        {
            var candidate = name;
            for (var n = 2; !_names.Add(candidate); n++)
            {
                candidate = name + n.ToString(CultureInfo.InvariantCulture);
            }

            return candidate;
        }

        public void Indent() => _indent++;

        public void Outdent() => _indent--;

        public void Line(string text = "")
        {
            if (text.Length > 0)
            {
                _body.Append(' ', _indent * 4).Append(text);
            }

            _body.Append('\n');
            Lines++;
        }

        /// <summary>Writes a block of lines at the current indentation; <c>%tokens%</c> are filled.</summary>
        public void Block(string text)
        {
            foreach (var line in Fill(text).Split('\n'))
            {
                Line(line.TrimEnd('\r'));
            }
        }

        public string Fill(string template, params (string Key, string Value)[] values) =>
            Token.Replace(template, m =>
            {
                var key = m.Groups[1].Value;
                foreach (var (k, v) in values)
                {
                    if (k == key)
                    {
                        return v;
                    }
                }

                return _vars.TryGetValue(key, out var value) ? value : RandomToken(key) ?? m.Value;
            });

        /// <summary>Writes one planted secret (once per file) if this file gets one.</summary>
        public void MaybePlant(bool allowInstance)
        {
            if (!Plant || _planted)
            {
                return;
            }

            var candidates = PlantedSecrets.Where(p => (allowInstance || !p.Instance) && (_hasShared || !p.Usings.Contains("Contoso.Common"))).ToList();
            var planted = candidates[Rng.Next(candidates.Count)];
            Use(planted.Usings);
            Line();
            Block(planted.Template);
            _planted = true;
        }

                public string Build()
        {
            var text = new StringBuilder();
            text.Append("// Contoso platform source (generated by CodebaseGenerator for analyzer tests and benchmarks).\n");
            foreach (var ns in _usings)
            {
                text.Append("using ").Append(ns).Append(";\n");
            }

            text.Append('\n');
            text.Append("namespace Contoso.").Append(Area).Append(".F").Append(Index.ToString("D4", CultureInfo.InvariantCulture)).Append(";\n\n");
            text.Append(_body);
            return text.ToString();
        }

        private string? RandomToken(string key)
        {
            switch (key)
            {
                case "status":
                    return Pick(Statuses);
                case "word":
                    return Pick(Words);
                case "Word":
                    var w = Pick(Words);
                    return char.ToUpperInvariant(w[0]) + w.Substring(1);
                case "num":
                    return Rng.Next(10, 999).ToString(CultureInfo.InvariantCulture);
                case "num2":
                    return Rng.Next(10, 99).ToString(CultureInfo.InvariantCulture);
                case "month":
                    return Rng.Next(1, 13).ToString("D2", CultureInfo.InvariantCulture);
                case "day":
                    return Rng.Next(1, 29).ToString(CultureInfo.InvariantCulture);
                case "city":
                    return Pick(Cities);
                case "country":
                    return Pick(Countries);
                case "currency":
                    return Pick(Currencies);
                case "rand16":
                    return RandomString(16, "abcdefghijkmnpqrstuvwxyz23456789");
                case "rand24":
                    return RandomString(24, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789");
                case "rand36":
                    return RandomString(36, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789");
                case "ghtoken":
                    // GitHub's token body: 30 random base62 characters and their CRC32 in base62, which SG0001 checks.
                    var random = RandomString(30, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789");
                    return random + Base62Crc32(random);
                case "upper16":
                    return RandomString(16, "ABCDEFGHJKLMNPQRSTUVWXYZ234567");
                case "hex32":
                    return RandomString(32, "0123456789abcdef");
                case "hex40":
                    return RandomString(40, "0123456789abcdef");
                case "pwd":
                    return RandomString(4, "BCDFGHJKLMNPQRSTVWXZ") + RandomString(4, "bcdfghjkmnpqrstvwxz") + RandomString(2, "!#*-_+=@^") + RandomString(4, "23456789");
                case "b64key":
                    var bytes = new byte[32];
                    Rng.NextBytes(bytes);
                    return Convert.ToBase64String(bytes);
                case "jwt":
                    var payload = "{\"sub\":\"" + Rng.Next(1000, 99999).ToString(CultureInfo.InvariantCulture) + "\",\"name\":\"" + Pick(People) + "\",\"iat\":" +
                                  Rng.Next(1_600_000_000, 1_700_000_000).ToString(CultureInfo.InvariantCulture) + "}";
                    var signature = new byte[32];
                    Rng.NextBytes(signature);
                    return Base64Url(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")) + "." + Base64Url(Encoding.UTF8.GetBytes(payload)) + "." + Base64Url(signature);
                default:
                    return null;
            }
        }

        private string RandomString(int length, string alphabet)
        {
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = alphabet[Rng.Next(alphabet.Length)];
            }

            return new string(chars);
        }

        // CRC-32 (zlib's) of an ASCII text in six base62 digits (0-9, A-Z, a-z), as GitHub and npm end their tokens.
    private static string Base62Crc32(string ascii)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var c in ascii)
        {
            crc ^= (byte)c;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        crc ^= 0xFFFFFFFFu;
        const string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var chars = new char[6];
        for (var i = 5; i >= 0; i--)
        {
            chars[i] = digits[(int)(crc % 62)];
            crc /= 62;
        }

        return new string(chars);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
