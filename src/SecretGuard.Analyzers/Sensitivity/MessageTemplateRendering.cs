using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecretGuard.Analyzers.Sensitivity;

/// <summary>
/// How a logging call renders each of its values (<see cref="Rendering"/>), read from its message template: a hole
/// <c>{@X}</c> destructures the value (Serilog, NLog, and Microsoft.Extensions.Logging with either as provider), <c>{X}</c>
/// and <c>{$X}</c> turn it into text. Holes and values pair up in order. Serilog's
/// <c>ForContext(name, value, destructureObjects: true)</c> destructures its value, and so does a <c>[LoggerMessage]</c>
/// method's <c>[LogProperties]</c> parameter (Microsoft.Extensions.Telemetry). Anything else renders as text.
/// </summary>
internal readonly struct MessageTemplateRendering
{
    private readonly ImmutableArray<IArgumentOperation> _arguments;
    private readonly int _templateIndex;
    private readonly List<Rendering>? _holes;
    private readonly IArgumentOperation? _destructured;

    private MessageTemplateRendering(ImmutableArray<IArgumentOperation> arguments, int templateIndex, List<Rendering>? holes, IArgumentOperation? destructured)
    {
        _arguments = arguments;
        _templateIndex = templateIndex;
        _holes = holes;
        _destructured = destructured;
    }

    /// <summary>Reads the template among <paramref name="arguments"/>, if a constant one is there.</summary>
    public static MessageTemplateRendering For(ImmutableArray<IArgumentOperation> arguments)
    {
        IArgumentOperation? destructured = null;
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == "destructureObjects" && argument.Value.ConstantValue is { HasValue: true, Value: true })
            {
                foreach (var value in arguments)
                {
                    if (value.Parameter?.Name == "value")
                    {
                        destructured = value;
                    }
                }
            }
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            var name = argument.Parameter?.Name;
            if (name is "message" or "messageTemplate" or "format" or "formatString" or "template" &&
                argument.Value.ConstantValue is { HasValue: true, Value: string template } && template.IndexOf('{') >= 0)
            {
                return new MessageTemplateRendering(arguments, i, Holes(template), destructured);
            }
        }

        return new MessageTemplateRendering(arguments, -1, null, destructured);
    }

    /// <summary>How the value <paramref name="argument"/> holds (the <paramref name="element"/>-th of a params array, else 0) is rendered.</summary>
    public Rendering Of(IArgumentOperation argument, int element)
    {
        if ((_destructured is not null && argument == _destructured) || HasLogProperties(argument.Parameter))
        {
            return Rendering.Destructure;
        }

        if (_holes is null)
        {
            return Rendering.Text;
        }

        // The values after the template, in order: single arguments (Serilog's propertyValue0, ...) and a params array's elements.
        var position = 0;
        for (var i = _templateIndex + 1; i < _arguments.Length; i++)
        {
            var current = _arguments[i];
            if (current == argument)
            {
                position += element;
                break;
            }

            position += NewerOperations.ValuesOf(current).Length;
        }

        return position < _holes.Count ? _holes[position] : Rendering.Text;
    }

    // [LoggerMessage] void Log(ILogger logger, [LogProperties] Options options): the generated code logs every public property.
    private static bool HasLogProperties(IParameterSymbol? parameter)
    {
        if (parameter is null)
        {
            return false;
        }

        foreach (var attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "LogPropertiesAttribute")
            {
                return true;
            }
        }

        return false;
    }

    // The holes of a template, in order: "{@Options}" destructures, "{Name}", "{$Name}", "{0}" are text.
    private static List<Rendering> Holes(string template)
    {
        var holes = new List<Rendering>();
        foreach (var hole in HoleTexts(template))
        {
            holes.Add(hole.Length > 0 && hole[0] == '@' ? Rendering.Destructure : Rendering.Text);
        }

        return holes;
    }

    /// <summary>
    /// The text inside each hole of a message template, in order (<c>"@User"</c>, <c>"AccessToken"</c>, <c>"0,-10:x"</c>);
    /// <c>{{</c> is a literal brace, and an unclosed hole ends the template. The one reading of template syntax: how a
    /// value renders (here) and which name it is logged under (SecretInLog's MessageTemplateHoles) both start from it.
    /// </summary>
    internal static List<string> HoleTexts(string template)
    {
        var holes = new List<string>();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                continue;
            }

            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                i++;
                continue;
            }

            var end = template.IndexOf('}', i + 1);
            if (end < 0)
            {
                break;
            }

            holes.Add(template.Substring(i + 1, end - i - 1));
            i = end;
        }

        return holes;
    }
}
