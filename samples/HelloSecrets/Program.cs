using Microsoft.Extensions.Configuration;
using SecretGuard;

// Values come decrypted; the app never sees ciphertext and never needs to know the format.
var stripeKey = Secrets.Get("STRIPE_API_KEY_SECRET");
var signingKey = Secrets.Get("SECRET_KEY");

var configuration = new ConfigurationBuilder()
    .AddSecretGuard()
    .Build();
var connectionString = configuration.GetConnectionString("Db")!;

Console.WriteLine($"Environment:          {Secrets.Environment}");
Console.WriteLine($"STRIPE_API_KEY_SECRET {Mask(stripeKey)}");
Console.WriteLine($"SECRET_KEY            {Mask(signingKey)}");
Console.WriteLine($"ConnectionStrings:Db  {Mask(connectionString)}");
Console.WriteLine($"Logged as:            {Secrets.Redact(stripeKey)}");

// For the demo only: enough to recognise a value, not enough to use it.
static string Mask(string value) =>
    value.Length <= 8 ? new string('*', value.Length) : value[..4] + new string('*', value.Length - 8) + value[^4..] + $" ({value.Length} chars)";
