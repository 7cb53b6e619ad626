#!/usr/bin/env python3
"""Writes the SG0004-SG0006 corpus files in this folder from the templates below (see README.md).

Each snippet combines one way a value is produced (a source, or a use of System.Random, or a read of an
env entry) with one way it travels and one place it ends up, the way such code is written in ASP.NET apps,
workers and console tools. Deterministic: running it again gives the same files.
"""
import itertools, os

HERE = os.path.dirname(os.path.abspath(__file__))

def kebab(text):
    return "-".join(part for part in text.lower().replace("_", "-").split("-") if part)

def write(name, header, snippets, rule=None):
    seen = set()
    with open(os.path.join(HERE, name), "w", newline="\n") as f:
        f.write(header.rstrip() + "\n")
        for key, body in snippets:
            key = kebab(key)
            assert key not in seen, key
            seen.add(key)
            marker = f"//// snippet: {key}" + (f" [{rule}]" if rule else "")
            f.write("\n" + marker + "\n" + body.strip("\n") + "\n")
    return len(snippets)

# ---------------------------------------------------------------- SG0004
# (key, parameters, statements before, secret expression)
SECRET_SOURCES = [
    ("param-password", "string password", "", "password"),
    ("param-api-key", "string apiKey", "", "apiKey"),
    ("param-refresh-token", "string refreshToken", "", "refreshToken"),
    ("param-otp", "string otp", "", "otp"),
    ("param-session-key", "string sessionKey", "", "sessionKey"),
    ("param-client-secret", "string clientSecret", "", "clientSecret"),
    ("param-connection-string", "string connectionString", "", "connectionString"),
    ("secrets-get", "", "", "Secrets.Get(\"SMTP_PASSWORD_SECRET\")"),
    ("secrets-tryget", "", "Secrets.TryGet(\"STRIPE_API_KEY_SECRET\", out var stripe);", "stripe"),
    ("config-indexer-password", "IConfiguration config", "", "config[\"Database:Password\"]"),
    ("config-indexer-secret-suffix", "IConfiguration config", "", "config[\"SENDGRID_KEY_SECRET\"]"),
    ("config-getvalue", "IConfiguration config", "", "config.GetValue<string>(\"Stripe:SecretKey\")"),
    ("config-connection-string", "IConfiguration config", "", "config.GetConnectionString(\"Orders\")"),
    ("config-section-value", "IConfiguration config", "", "config.GetSection(\"Jwt:SigningKey\").Value"),
    ("env-token", "", "", "Environment.GetEnvironmentVariable(\"GITHUB_TOKEN\")"),
    ("env-secret-suffix", "", "", "Environment.GetEnvironmentVariable(\"PAYMENT_SECRET\")"),
    ("options-client-secret", "AuthOptions options", "", "options.ClientSecret"),
    ("user-password", "User user", "", "user.Password"),
    ("user-totp-secret", "User user", "", "user.TotpSecret"),
    ("securestring", "SecureString secure", "var bstr = Marshal.SecureStringToBSTR(secure);\n        var plain = Marshal.PtrToStringBSTR(bstr);", "plain"),
    ("local-access-token", "Func<string> fetch", "var accessToken = fetch();", "accessToken"),
    ("local-private-key", "Func<string> read", "var privateKeyPem = read();", "privateKeyPem"),
    ("param-mfa-code", "string mfaCode", "", "mfaCode"),
    ("param-reset-token", "string resetToken", "", "resetToken"),
]

# (key, statements using S, expression E) — S is replaced by the secret expression
FLOWS = [
    ("direct", "", "@S@"),
    ("local", "var value = @S@;", "value"),
    ("interpolated", "var line = $\"Connecting with {@S@}\";", "line"),
    ("concatenated", "var line = \"credential=\" + @S@;", "line"),
    ("format", "var line = string.Format(\"credential={0}\", @S@);", "line"),
    ("join", "var line = string.Join(\";\", \"user=app\", @S@);", "line"),
    ("compound", "var line = \"credential=\";\n        line += @S@;", "line"),
    ("builder", "var sb = new StringBuilder();\n        sb.Append(\"credential=\").Append(@S@);", "sb.ToString()"),
    ("trimmed", "", "@S@.Trim()"),
    ("assigned-later", "string current;\n        current = @S@;", "current"),
]

# (key, parameters, statement using E, extra members)
SINKS = [
    ("mel-information", "ILogger<Worker> logger", "logger.LogInformation(\"Using {Value}\", @E@);", ""),
    ("mel-warning-interpolated", "ILogger logger", "logger.LogWarning($\"Value: {@E@}\");", ""),
    ("mel-error-exception", "ILogger logger, Exception ex", "logger.LogError(ex, \"Call failed with {Value}\", @E@);", ""),
    ("mel-debug", "ILogger logger", "logger.LogDebug(@E@);", ""),
    ("mel-scope", "ILogger logger", "using (logger.BeginScope(\"Value {Value}\", @E@))\n        {\n        }", ""),
    ("mel-log", "ILogger logger", "logger.Log(LogLevel.Information, new EventId(7), @E@, null, (s, e) => s);", ""),
    ("mel-define", "ILogger logger", "LogValue(logger, @E@, null);",
     "private static readonly Action<ILogger, string, Exception> LogValue = LoggerMessage.Define<string>(LogLevel.Information, 3, \"Value {Value}\");"),
    ("mel-generated", "ILogger logger", "LogConnected(logger, @E@);",
     "[LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = \"Connected with {Value}\")]\n    private static partial void LogConnected(ILogger logger, string value);\n    private static partial void LogConnected(ILogger logger, string value) { }"),
    ("serilog-static", "", "Serilog.Log.Information(\"Value {Value}\", @E@);", ""),
    ("serilog-instance", "Serilog.ILogger log", "log.Warning(\"Value {Value}\", @E@);", ""),
    ("nlog", "NLog.ILogger nlog", "nlog.Info(\"Value {0}\", @E@);", ""),
    ("log4net", "log4net.ILog log", "log.Info(\"Value: \" + @E@);", ""),
    ("console", "", "Console.WriteLine(@E@);", ""),
    ("console-error", "", "Console.Error.WriteLine(\"Value: {0}\", @E@);", ""),
    ("debug", "", "Debug.WriteLine(@E@);", ""),
    ("trace", "", "Trace.TraceInformation(\"Value {0}\", @E@);", ""),
    ("exception", "", "throw new InvalidOperationException(\"Login failed for \" + @E@);", ""),
]

def method(params, body, members="", returns="void"):
    return (f"{members}\n" if members else "") + f"public {returns} Run({params})\n{{\n        {body}\n}}"

def join_params(*ps):
    return ", ".join(p for p in ps if p)

def sg0004():
    positives, negatives = [], []
    combos = list(itertools.product(range(len(SECRET_SOURCES)), range(len(FLOWS))))
    for i, (si, fi) in enumerate(combos[:170]):
        src, flow = SECRET_SOURCES[si], FLOWS[(fi + si) % len(FLOWS)]
        sink = SINKS[(i * 7 + si) % len(SINKS)]
        stmts = [src[2]] if src[2] else []
        expr = src[3]
        if flow[1]:
            stmts.append(flow[1].replace("@S@", expr))
        final = flow[2].replace("@S@", expr)
        stmts.append(sink[2].replace("@E@", final))
        params = join_params(src[1], sink[1])
        positives.append((f"log-{src[0]}-{flow[0]}-{sink[0]}", method(params, "\n        ".join(stmts), sink[3])))
    # Negatives: the same sinks and flows with what may be logged.
    SAFE = [
        ("redacted", "string password", "", "Secrets.Redact(password)"),
        ("redacted-config", "IConfiguration config", "", "Secrets.Redact(config[\"Database:Password\"])"),
        ("hash", "string apiKey", "", "Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)))"),
        ("length", "string password", "", "password.Length.ToString()"),
        ("null-check", "string apiKey", "", "(apiKey is null ? \"missing\" : \"present\")"),
        ("is-empty", "string token", "", "string.IsNullOrEmpty(token).ToString()"),
        ("user-name", "string userName", "", "userName"),
        ("password-hash", "User user", "", "user.PasswordHash"),
        ("user-email", "User user", "", "user.Email"),
        ("token-endpoint", "AuthOptions options", "", "options.TokenEndpoint"),
        ("client-id", "AuthOptions options", "", "options.ClientId"),
        ("header-name", "AuthOptions options", "", "options.ApiKeyHeaderName"),
        ("token-lifetime", "AuthOptions options", "", "options.TokenLifetimeMinutes.ToString()"),
        ("config-log-level", "IConfiguration config", "", "config[\"Logging:LogLevel:Default\"]"),
        ("config-host", "IConfiguration config", "", "config.GetValue<string>(\"Smtp:Host\")"),
        ("env-environment", "", "", "Environment.GetEnvironmentVariable(\"ASPNETCORE_ENVIRONMENT\")"),
        ("secret-name", "string secretName", "", "secretName"),
        ("token-type", "string tokenType", "", "tokenType"),
        ("order-id", "Guid orderId", "", "orderId.ToString()"),
        ("request-path", "string requestPath", "", "requestPath"),
        ("masked-card", "string maskedCardNumber", "", "maskedCardNumber"),
        ("key-vault-uri", "Uri keyVaultUri", "", "keyVaultUri.ToString()"),
        ("password-policy", "string passwordPolicyName", "", "passwordPolicyName"),
        ("session-id", "string sessionId", "", "sessionId"),
    ]
    combos = list(itertools.product(range(len(SAFE)), range(len(FLOWS))))
    for i, (si, fi) in enumerate(combos[:170]):
        src, flow = SAFE[si], FLOWS[(fi + si) % len(FLOWS)]
        sink = SINKS[(i * 5 + si) % len(SINKS)]
        stmts = [src[2]] if src[2] else []
        expr = src[3]
        if flow[1]:
            stmts.append(flow[1].replace("@S@", expr))
        final = flow[2].replace("@S@", expr)
        stmts.append(sink[2].replace("@E@", final))
        params = join_params(src[1], sink[1])
        negatives.append((f"log-{src[0]}-{flow[0]}-{sink[0]}", method(params, "\n        ".join(stmts), sink[3])))
    return positives, negatives

# ---------------------------------------------------------------- SG0005
RANDOMS = [
    ("new", "", "new Random()"),
    ("seeded", "", "new Random(Environment.TickCount)"),
    ("shared", "", "Random.Shared"),
    ("param", "Random random", "random"),
    ("field", "", "_random"),
    ("local", "", "rng"),
]
RANDOM_FIELD = "private readonly Random _random = new Random();"

SENSITIVE_USES = [
    ("reset-token", "var resetToken = R.Next().ToString(\"x8\");\n        Save(resetToken);"),
    ("otp", "var otp = R.Next(100000, 1000000).ToString(\"D6\");\n        Save(otp);"),
    ("pin", "var pin = R.Next(0, 10000).ToString(\"D4\");\n        Save(pin);"),
    ("salt", "var salt = new byte[16];\n        R.NextBytes(salt);\n        SaveBytes(salt);"),
    ("nonce", "var nonce = new byte[12];\n        R.NextBytes(nonce);\n        SaveBytes(nonce);"),
    ("aes-key", "using var aes = Aes.Create();\n        var material = new byte[32];\n        R.NextBytes(material);\n        aes.Key = material;"),
    ("aes-iv", "using var aes = Aes.Create();\n        var bytes = new byte[16];\n        R.NextBytes(bytes);\n        aes.IV = bytes;"),
    ("pbkdf2-salt", "var bytes = new byte[16];\n        R.NextBytes(bytes);\n        SaveBytes(Rfc2898DeriveBytes.Pbkdf2(\"input\", bytes, 100000, HashAlgorithmName.SHA256, 32));"),
    ("charset-loop", "const string chars = \"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789\";\n        var sb = new StringBuilder();\n        for (var i = 0; i < 24; i++)\n        {\n            sb.Append(chars[R.Next(chars.Length)]);\n        }\n        Save(sb.ToString());"),
    ("charset-one-liner", "const string chars = \"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\";\n        var code = new string(Enumerable.Repeat(chars, 12).Select(s => s[R.Next(s.Length)]).ToArray());\n        Save(code);"),
    ("charset-array", "var alphabet = \"abcdefghijklmnopqrstuvwxyz0123456789\".ToCharArray();\n        var buffer = new char[20];\n        for (var i = 0; i < buffer.Length; i++) buffer[i] = alphabet[R.Next(alphabet.Length)];\n        Save(new string(buffer));"),
    ("api-key-property", "ApiKey = Convert.ToBase64String(BitConverter.GetBytes(R.NextInt64()));"),
    ("session-key-field", "_sessionKey = R.NextInt64().ToString(\"x16\");"),
    ("verification-code", "var verificationCode = ((int)(R.NextDouble() * 1000000)).ToString(\"D6\");\n        Save(verificationCode);"),
    ("temp-password", "var temporaryPassword = new string(R.GetItems(\"abcdefghkmnpqrstuvwxyz23456789\".ToCharArray(), 14));\n        Save(temporaryPassword);"),
    ("secret-param", "Issue(R.Next().ToString(\"x\"));"),
    ("csrf-token", "var csrfToken = string.Concat(Enumerable.Range(0, 8).Select(_ => R.Next(16).ToString(\"x\")));\n        Save(csrfToken);"),
    ("invite-token-digits", "var digits = new List<int>();\n        for (var i = 0; i < 8; i++) digits.Add(R.Next(10));\n        var inviteToken = string.Join(\"\", digits);\n        Save(inviteToken);"),
    ("mfa-code-single", "var mfaCode = R.NextSingle().ToString(\"F6\");\n        Save(mfaCode);"),
    ("recovery-code", "var n = R.Next(100000000);\n        var recoveryCode = n.ToString(\"D8\");\n        Save(recoveryCode);"),
]
SENSITIVE_RETURNS = [
    ("generate-token", "string GenerateToken", "return R.Next().ToString(\"x8\") + R.Next().ToString(\"x8\");"),
    ("new-salt", "byte[] NewSalt", "var bytes = new byte[16];\n        R.NextBytes(bytes);\n        return bytes;"),
    ("create-password", "string CreatePassword", "var chars = \"abcdefghijklmnopqrstuvwxyz0123456789!@#$\";\n        return new string(Enumerable.Range(0, 16).Select(_ => chars[R.Next(chars.Length)]).ToArray());"),
    ("new-otp", "int NewOtp", "return R.Next(100000, 999999);"),
    ("generate-api-key", "string GenerateApiKey", "return Guid.NewGuid().ToString(\"N\") + R.Next().ToString(\"x\");"),
]

BENIGN_USES = [
    ("dice", "var roll = R.Next(1, 7);\n        Show(roll.ToString());"),
    ("jitter-sleep", "Thread.Sleep(R.Next(100, 500));"),
    ("backoff", "var delay = TimeSpan.FromMilliseconds(Math.Pow(2, 3) * 100 + R.Next(0, 250));\n        Show(delay.ToString());"),
    ("sampling", "if (R.NextDouble() < 0.05)\n        {\n            Show(\"sampled\");\n        }"),
    ("shuffle-cards", "var cards = Enumerable.Range(1, 52).ToArray();\n        R.Shuffle(cards);\n        Show(cards[0].ToString());"),
    ("pick-quote", "var quotes = new[] { \"Ship it\", \"Keep it simple\", \"Measure twice\" };\n        Show(quotes[R.Next(quotes.Length)]);"),
    ("pick-server", "var servers = new List<string> { \"a.internal\", \"b.internal\" };\n        var server = servers[R.Next(servers.Count)];\n        Show(server);"),
    ("ab-bucket", "var bucket = R.Next(100) < 50 ? \"A\" : \"B\";\n        Show(bucket);"),
    ("test-age", "var age = R.Next(18, 90);\n        Show(age.ToString());"),
    ("particles", "var x = R.NextSingle() * 800;\n        var y = R.NextSingle() * 600;\n        Show($\"{x},{y}\");"),
    ("noise", "var noise = new byte[64];\n        R.NextBytes(noise);\n        Show(noise.Length.ToString());"),
    ("port", "var port = R.Next(5000, 6000);\n        Show(port.ToString());"),
    ("color", "var color = string.Format(\"#{0:X6}\", R.Next(0x1000000));\n        Show(color);"),
    ("salt-rounds", "var saltRounds = R.Next(10, 13);\n        Show(saltRounds.ToString());"),
    ("token-count", "var tokenCount = R.Next(1, 5);\n        Show(tokenCount.ToString());"),
    ("password-length", "var passwordLength = R.Next(12, 20);\n        Show(passwordLength.ToString());"),
    ("latency", "var latencyMs = R.NextDouble() * 40;\n        Show(latencyMs.ToString(\"F1\"));"),
    ("spawn", "var enemies = new List<int>();\n        for (var i = 0; i < 5; i++) enemies.Add(R.Next(0, 20));\n        Show(string.Join(\",\", enemies));"),
    ("playlist", "var songs = new[] { \"intro\", \"verse\", \"outro\" };\n        R.Shuffle(songs);\n        Show(string.Join(\",\", songs));"),
    ("retry-id", "var attempt = R.Next();\n        var message = $\"attempt {attempt}\";\n        Show(message);"),
    ("items-sample", "var picked = R.GetItems(new[] { 1, 2, 3, 4, 5 }, 3);\n        Show(picked.Length.ToString());"),
    ("coin", "var heads = R.Next(2) == 0;\n        Show(heads ? \"heads\" : \"tails\");"),
    ("chaos", "if (R.Next(1000) == 0) throw new TimeoutException(\"chaos\");"),
    ("rgb", "var red = (byte)R.Next(256);\n        var green = (byte)R.Next(256);\n        Show($\"{red} {green}\");"),
    ("cache-ttl", "var ttl = TimeSpan.FromSeconds(300 + R.Next(60));\n        Show(ttl.ToString());"),
    ("maze", "var grid = new int[10, 10];\n        grid[R.Next(10), R.Next(10)] = 1;\n        Show(grid.Length.ToString());"),
    ("timestamp-offset", "var offset = R.NextInt64(0, 1000);\n        Show(DateTime.UtcNow.AddMilliseconds(offset).ToString(\"O\"));"),
    ("weighted", "var weights = new[] { 0.2, 0.5, 0.3 };\n        var p = R.NextDouble();\n        Show(weights.First(w => w > p).ToString());"),
]

def random_snippet(r, body, returns=None):
    params = r[1]
    members = [RANDOM_FIELD] if r[0] == "field" else []
    prefix = "var rng = new Random();\n        " if r[0] == "local" else ""
    text = prefix + body.replace("R.", r[2] + ".")
    helpers = "private static void Save(string value) { }\n    private static void SaveBytes(byte[] value) { }\n    private static void Issue(string secret) { }\n    private static void Show(string text) { }\n    public string ApiKey { get; set; }\n    private string _sessionKey = \"\";"
    members.append(helpers)
    if returns:
        return "\n    ".join(members) + f"\npublic {returns}({params})\n{{\n        {text}\n}}"
    return "\n    ".join(members) + f"\npublic void Run({params})\n{{\n        {text}\n}}"

def sg0005():
    positives, negatives = [], []
    for (u, r) in itertools.product(SENSITIVE_USES, RANDOMS):
        positives.append((f"random-{u[0]}-{r[0]}", random_snippet(r, u[1])))
    for (u, r) in itertools.product(SENSITIVE_RETURNS, RANDOMS):
        positives.append((f"random-{u[0]}-{r[0]}", random_snippet(r, u[2], returns=u[1])))
    for (u, r) in itertools.product(BENIGN_USES, RANDOMS):
        negatives.append((f"random-{u[0]}-{r[0]}", random_snippet(r, u[1])))
    return positives, negatives

# ---------------------------------------------------------------- SG0006
SECRET_NAMES = ["STRIPE_API_KEY_SECRET", "DB_PASSWORD_SECRET", "JWT_SIGNING_KEY_SECRET", "SMTP_SECRET", "GITHUB_TOKEN_SECRET",
                "ConnectionStrings__Orders_SECRET", "SENDGRID_KEY_SECRET", "AZURE_STORAGE_SECRET", "OPENAI_API_KEY_SECRET",
                "WEBHOOK_SECRET", "REDIS_PASSWORD_SECRET", "Auth__ClientSecret_SECRET", "TWILIO_AUTH_TOKEN_SECRET",
                "payment_gateway_secret", "ENCRYPTION_KEY_SECRET", "SLACK_BOT_TOKEN_SECRET"]
PLAIN_NAMES = ["ASPNETCORE_ENVIRONMENT", "STRIPE_API_KEY", "DB_HOST", "LOG_LEVEL", "SMTP_PORT", "FEATURE_FLAGS",
               "ConnectionStrings__Orders", "REDIS_URL", "SECRET_NAME", "SECRETS_PATH", "JWT_ISSUER", "OTEL_ENDPOINT",
               "DOTNET_RUNNING_IN_CONTAINER", "HOME", "API_SECRET_HEADER", "KEYVAULT_URI"]

ENV_FORMS = [
    ("local", "var value = Environment.GetEnvironmentVariable(\"N\");\n        return value;"),
    ("fallback", "return Environment.GetEnvironmentVariable(\"N\") ?? \"\";"),
    ("throw-if-missing", "var value = Environment.GetEnvironmentVariable(\"N\")\n            ?? throw new InvalidOperationException(\"N is not set\");\n        return value;"),
    ("argument", "return Connect(Environment.GetEnvironmentVariable(\"N\"));"),
    ("constant-name", "const string Name = \"N\";\n        return Environment.GetEnvironmentVariable(Name);"),
    ("all-variables", "var all = Environment.GetEnvironmentVariables();\n        return (string)all[\"N\"];"),
    ("all-variables-inline", "return Environment.GetEnvironmentVariables()[\"N\"] as string;"),
    ("target-process", "return Environment.GetEnvironmentVariable(\"N\", EnvironmentVariableTarget.Process);"),
]
FILE_FORMS = [
    ("startswith", "foreach (var line in File.ReadAllLines(\".env\"))\n        {\n            if (line.StartsWith(\"N=\"))\n            {\n                return line.Substring(line.IndexOf('=') + 1);\n            }\n        }\n\n        return null;"),
    ("split-compare", "foreach (var line in File.ReadLines(path))\n        {\n            var parts = line.Split('=', 2);\n            if (parts.Length == 2 && parts[0].Trim() == \"N\")\n            {\n                return parts[1];\n            }\n        }\n\n        return null;"),
    ("dictionary", "var values = File.ReadAllLines(path)\n            .Where(l => l.Contains('='))\n            .Select(l => l.Split('=', 2))\n            .ToDictionary(p => p[0], p => p[1]);\n        return values[\"N\"];"),
    ("trygetvalue", "var values = new Dictionary<string, string>();\n        foreach (var line in File.ReadAllLines(path))\n        {\n            var i = line.IndexOf('=');\n            if (i > 0) values[line[..i]] = line[(i + 1)..];\n        }\n\n        return values.TryGetValue(\"N\", out var value) ? value : null;"),
    ("streamreader", "using var reader = new StreamReader(path);\n        string line;\n        while ((line = reader.ReadLine()) != null)\n        {\n            if (line.StartsWith(\"N=\", StringComparison.Ordinal)) return line[(\"N\".Length + 1)..];\n        }\n\n        return null;"),
    ("switch", "foreach (var line in File.ReadAllLines(path))\n        {\n            switch (line.Split('=')[0])\n            {\n                case \"N\":\n                    return line.Split('=', 2)[1];\n            }\n        }\n\n        return null;"),
    ("read-all-text", "var text = File.ReadAllText(path);\n        foreach (var line in text.Split('\\n'))\n        {\n            if (line.StartsWith(\"N=\")) return line.Split('=', 2)[1].Trim();\n        }\n\n        return null;"),
    ("get-value-or-default", "var values = File.ReadAllLines(path).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);\n        return values.GetValueOrDefault(\"N\");"),
]
SAFE_SECRET_FORMS = [
    ("secrets-get", "return Secrets.Get(\"N\");"),
    ("secrets-tryget", "return Secrets.TryGet(\"N\", out var value) ? value : null;"),
    ("configuration", "return config[\"N\"];"),
    ("message", "throw new InvalidOperationException(\"Set N in the env file and run the build.\");"),
    ("set-variable", "Environment.SetEnvironmentVariable(\"N\", \"placeholder\");\n        return null;"),
    ("dictionary-without-file", "var values = new Dictionary<string, string> { [\"OTHER\"] = \"x\" };\n        return values.GetValueOrDefault(\"N\");"),
]

def env_snippet(body, name):
    helpers = "private static string Connect(string value) => value;"
    return f"{helpers}\npublic string Read(string path, IConfiguration config)\n{{\n        {body.replace('N', name) if False else body.replace(chr(34) + 'N', chr(34) + name).replace('N=', name + '=').replace('N is', name + ' is').replace('Set N', 'Set ' + name)}\n}}"

def sg0006():
    positives, negatives = [], []
    for i, form in enumerate(ENV_FORMS):
        for j in range(11):
            name = SECRET_NAMES[(i * 3 + j) % len(SECRET_NAMES)]
            positives.append((f"env-{form[0]}-{kebab(name)}", env_snippet(form[1], name)))
    for i, form in enumerate(FILE_FORMS):
        for j in range(10):
            name = SECRET_NAMES[(i * 5 + j) % len(SECRET_NAMES)]
            positives.append((f"file-{form[0]}-{kebab(name)}", env_snippet(form[1], name)))
    for i, form in enumerate(ENV_FORMS + FILE_FORMS):
        for j in range(7):
            name = PLAIN_NAMES[(i * 3 + j) % len(PLAIN_NAMES)]
            negatives.append((f"plain-{form[0]}-{kebab(name)}", env_snippet(form[1], name)))
    for i, form in enumerate(SAFE_SECRET_FORMS):
        for j in range(8):
            name = SECRET_NAMES[(i * 2 + j) % len(SECRET_NAMES)]
            negatives.append((f"safe-{form[0]}-{kebab(name)}", env_snippet(form[1], name)))
    return positives, negatives

HEADER = "// {rule} {kind}: generated by generate.py in this folder (see README.md). Each snippet is a class's members.\n"
counts = {}
for rule, fn in (("SG0004", sg0004), ("SG0005", sg0005), ("SG0006", sg0006)):
    pos, neg = fn()
    counts[rule] = (write(f"{rule}.Positives.txt", HEADER.format(rule=rule, kind="positives"), pos, rule),
                    write(f"{rule}.Negatives.txt", HEADER.format(rule=rule, kind="negatives"), neg))
print(counts)
