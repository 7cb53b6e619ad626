// Stubs of the ASP.NET Core types the SG0004 error-response snippets use (SG0004.*.ErrorResponses.txt and others):
// minimal APIs' Results, MVC's ControllerBase and ProblemDetails, HttpContext with its request headers and response.
// Type and member names as in ASP.NET Core; bodies are placeholders. Corpus data, not compiled into the test project.
#nullable disable

global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Mvc;

namespace Microsoft.Extensions.Primitives
{
    public readonly struct StringValues
    {
        private readonly string _value;
        public StringValues(string value) { _value = value; }
        public int Count => _value is null ? 0 : 1;
        public static implicit operator string(StringValues values) => values._value;
        public static implicit operator StringValues(string value) => new StringValues(value);
        public override string ToString() => _value ?? string.Empty;
    }
}

namespace Microsoft.AspNetCore.Http
{
    using Microsoft.Extensions.Primitives;

    public interface IResult { }

    public interface IHeaderDictionary : IDictionary<string, StringValues>
    {
        new StringValues this[string key] { get; set; }
    }

    public abstract class HttpRequest
    {
        public abstract IHeaderDictionary Headers { get; }
        public abstract string Path { get; }
        public abstract string Method { get; }
    }

    public abstract class HttpResponse
    {
        public abstract int StatusCode { get; set; }
        public abstract string ContentType { get; set; }
        public abstract bool HasStarted { get; }
    }

    public abstract class HttpContext
    {
        public abstract HttpRequest Request { get; }
        public abstract HttpResponse Response { get; }
        public abstract string TraceIdentifier { get; set; }
        public abstract CancellationToken RequestAborted { get; }
    }

    public delegate Task RequestDelegate(HttpContext context);

    public interface IHttpContextAccessor
    {
        HttpContext HttpContext { get; set; }
    }

    public static class HttpResponseWritingExtensions
    {
        public static Task WriteAsync(this HttpResponse response, string text, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    public static class HttpResponseJsonExtensions
    {
        public static Task WriteAsJsonAsync<TValue>(this HttpResponse response, TValue value, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    public static class StatusCodes
    {
        public const int Status200OK = 200;
        public const int Status201Created = 201;
        public const int Status400BadRequest = 400;
        public const int Status401Unauthorized = 401;
        public const int Status403Forbidden = 403;
        public const int Status404NotFound = 404;
        public const int Status500InternalServerError = 500;
        public const int Status502BadGateway = 502;
    }

    public static class Results
    {
        public static IResult Ok(object value = null) => null;
        public static IResult Created(string uri, object value) => null;
        public static IResult BadRequest(object error = null) => null;
        public static IResult NotFound(object value = null) => null;
        public static IResult Conflict(object error = null) => null;
        public static IResult UnprocessableEntity(object error = null) => null;
        public static IResult Unauthorized() => null;
        public static IResult Json(object data, object options = null, string contentType = null, int? statusCode = null) => null;
        public static IResult Text(string content, string contentType = null, Encoding contentEncoding = null, int? statusCode = null) => null;
        public static IResult Problem(string detail = null, string instance = null, int? statusCode = null, string title = null, string type = null, IDictionary<string, object> extensions = null) => null;
        public static IResult Problem(ProblemDetails problemDetails) => null;
        public static IResult ValidationProblem(IDictionary<string, string[]> errors, string detail = null, string instance = null, int? statusCode = null, string title = null) => null;
    }
}

namespace Microsoft.AspNetCore.Mvc
{
    public interface IActionResult { }

    public class ObjectResult : IActionResult
    {
        public ObjectResult(object value) { Value = value; }
        public object Value { get; set; }
        public int? StatusCode { get; set; }
    }

    public class StatusCodeResult : IActionResult
    {
        public StatusCodeResult(int statusCode) { }
    }

    public class ProblemDetails
    {
        public string Type { get; set; }
        public string Title { get; set; }
        public int? Status { get; set; }
        public string Detail { get; set; }
        public string Instance { get; set; }
        public IDictionary<string, object> Extensions { get; } = new Dictionary<string, object>(StringComparer.Ordinal);
    }

    [AttributeUsage(AttributeTargets.Class)]
    public sealed class ApiControllerAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
    public sealed class RouteAttribute : Attribute
    {
        public RouteAttribute(string template) { }
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class HttpPostAttribute : Attribute
    {
        public HttpPostAttribute() { }
        public HttpPostAttribute(string template) { }
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class HttpGetAttribute : Attribute
    {
        public HttpGetAttribute() { }
        public HttpGetAttribute(string template) { }
    }

    public abstract class ControllerBase
    {
        public Microsoft.AspNetCore.Http.HttpContext HttpContext => null;
        public virtual IActionResult Ok(object value) => null;
        public virtual IActionResult Created(string uri, object value) => null;
        public virtual IActionResult BadRequest(object error) => null;
        public virtual IActionResult NotFound(object value) => null;
        public virtual IActionResult Conflict(object error) => null;
        public virtual IActionResult Unauthorized(object value) => null;
        public virtual IActionResult UnprocessableEntity(object error) => null;
        public virtual IActionResult StatusCode(int statusCode) => null;
        public virtual ObjectResult StatusCode(int statusCode, object value) => null;
        public virtual ObjectResult Problem(string detail = null, string instance = null, int? statusCode = null, string title = null, string type = null) => null;
    }
}
