using System.Collections.Generic;
using System.Linq;
using SecretGuard.Analyzers.Infrastructure;

namespace SecretGuard.Analyzers.Tests;

/// <summary>
/// The reader of structured literals behind SG0002's field check: a text is read only when all of it is the structure,
/// and each field comes with the name it is given, by itself or by a sibling.
/// </summary>
public class StructuredFieldsTests
{
    [Theory]
    [InlineData("{\"user\":\"svc\",\"apiKey\":\"k1\"}", "Json", "apiKey=k1")]
    [InlineData("[{ \"name\": \"DB_PASSWORD\", \"value\": \"v1\" }]", "Json", "DB_PASSWORD=v1")]
    [InlineData("smtp:\n  host: smtp.fabrikam.io\n  password: 'it''s' # comment\n", "Yaml", "password=it's")]
    [InlineData("env:\n  - name: API_TOKEN\n    value: \"v2\"\n  - name: LOG_LEVEL\n    value: Debug\n", "Yaml", "API_TOKEN=v2")]
    [InlineData("export DB_HOST=db\nDB_PASSWORD=\"v3\" \n", "KeyValueLines", "DB_PASSWORD=v3")]
    [InlineData("[mailer]\n; comment\napi_token = v4 # note\n", "KeyValueLines", "api_token=v4")]
    [InlineData("<appSettings><add key=\"ApiKey\" value=\"v5\" /></appSettings>", "Xml", "ApiKey=v5")]
    [InlineData("<auth><clientSecret> v6 </clientSecret></auth>", "Xml", "clientSecret=v6")]
    [InlineData("<target host=\"h\" passphrase=\"v7\"/>", "Xml", "passphrase=v7")]
    [InlineData("https://api.fabrikam.io/v2?base=EUR&api_key=v%2B8", "Url", "api_key=v+8")]
    [InlineData("https://portal.fabrikam.io/signin#access_token=v9&state=s", "Url", "access_token=v9")]
    [InlineData("grant_type=client_credentials&client_secret=v10", "Query", "client_secret=v10")]
    [InlineData("Endpoint=sb://bus.fabrikam.io/;Api Key = \"v;11\" ;EntityPath=orders", "ConnectionString", "Api Key=v;11")]
    public void Reads_the_fields_of_each_structure(string text, string expected, string field)
    {
        var fields = new List<StructuredField>();
        Assert.True(StructuredFields.MayHold(text), text);
        Assert.Equal(expected, StructuredFields.Read(text, fields, out _)?.ToString());
        Assert.Contains(field, fields.Select(f => f.Name + "=" + f.Value));
    }

    [Theory]
    [InlineData("Example: {\"apiKey\":\"k\"}")]
    [InlineData("{{\"token\":\"{0}\"}}")]
    [InlineData("{\"token\": hello}")]
    [InlineData("{\"token\":\"k\"")]
    [InlineData("token: k\n")]
    [InlineData("a: 1\n\tpassword: k\n")]
    [InlineData("Heads up:\nthe token k expires.\n")]
    [InlineData("<input type=\"password\" value=\"k\" required>")]
    [InlineData("<a><b></a>")]
    [InlineData("Login rejected: user={User} password=k")]
    [InlineData("Set it, for example: Host=db;ApiKey=k")]
    [InlineData("file://C:\\dir@x\\y?token=k&a=1")]
    [InlineData("https://{host}/x?token=k")]
    [InlineData("token=k")]
    [InlineData("a=1&b=2 c")]
    public void Text_that_is_not_all_the_structure_is_not_read(string text)
    {
        var fields = new List<StructuredField>();
        Assert.Null(StructuredFields.Read(text, fields, out _));
    }

    [Fact]
    public void A_url_names_its_host_and_leaves_its_user_password_alone()
    {
        var fields = new List<StructuredField>();
        Assert.Equal("Url", StructuredFields.Read("amqps://orders:Zr7kQ2vLx9mW@bus.fabrikam.io:5671/orders?heartbeat=30", fields, out var host)?.ToString());
        Assert.Equal("bus.fabrikam.io", host);
        Assert.Equal(new[] { "heartbeat=30" }, fields.Select(f => f.Name + "=" + f.Value));
    }

    [Fact]
    public void Xml_with_a_doctype_is_not_read_and_nothing_is_expanded()
    {
        var fields = new List<StructuredField>();
        Assert.Null(StructuredFields.Read("<!DOCTYPE a [<!ENTITY e \"x\">]><a><password>&e;</password></a>", fields, out _));
    }
}
