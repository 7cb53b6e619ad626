using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecretGuard.Analyzers.Sensitivity;

/// <summary>
/// Text a regular expression cut out of a string: <c>match.Value</c>, <c>match.Groups[1].Value</c>, optionally passed
/// through a text-to-text delegate (<c>filter(match.Value)</c>) or string method (<c>.Trim()</c>). Such a piece is only as
/// secret as the text it was cut from and the pattern that cut it. A template engine's or lexer's <c>token</c> cut from
/// its source text is a piece of syntax; a bearer token cut from an <c>Authorization</c> header, or text cut by a
/// pattern that names a credential (<c>access_token=(\w+)</c>), is still a secret.
/// The answer is "lexical" only when every match source is found and clean; anything not followed counts as secret.
/// </summary>
internal static class RegexMatchedText
{
    private const string RegexNamespace = "System.Text.RegularExpressions";

    /// <summary>
    /// Whether every value written to the local is regex-matched text whose input is not secret (by
    /// <paramref name="isSecretInput"/>) and whose pattern is not a constant naming a credential (by <paramref name="namesCredential"/>).
    /// </summary>
    public static bool HoldsOnlyPlainMatchedText(ILocalReferenceOperation local, Func<IOperation, bool> isSecretInput, Func<string, bool> namesCredential) =>
        HoldsOnlyPlainMatchedText(local.Local, ValueFlow.Root(local), isSecretInput, namesCredential, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default));

    // null, a constant, or another local holding matched text may also be written (string callingToken = null; ... callingToken = token).
    private static bool HoldsOnlyPlainMatchedText(ILocalSymbol local, IOperation root, Func<IOperation, bool> isSecretInput, Func<string, bool> namesCredential, HashSet<ILocalSymbol> holders)
    {
        if (!holders.Add(local))
        {
            return true;
        }

        var matched = false;
        foreach (var written in ValueFlow.ValuesWrittenTo(local, root))
        {
            if (written.ConstantValue.HasValue)
            {
                continue;
            }

            if (ValueFlow.Unwrap(written) is ILocalReferenceOperation other)
            {
                if (holders.Count > ValueFlow.MaxDepth || !HoldsOnlyPlainMatchedText(other.Local, root, isSecretInput, namesCredential, holders))
                {
                    return false;
                }

                matched = true;
                continue;
            }

            if (CaptureOf(written) is not { } capture ||
                !IsPlainMatch(capture, root, isSecretInput, namesCredential, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default), depth: 0))
            {
                return false;
            }

            matched = true;
        }

        return matched;
    }

    // The Match/Group whose .Value the written value is: match.Value, m.Groups[1].Value, filter(match.Value), match.Value.Trim().
    private static IOperation? CaptureOf(IOperation written)
    {
        var value = ValueFlow.Unwrap(written);
        for (var hops = 0; hops < 4; hops++)
        {
            switch (value)
            {
                case IPropertyReferenceOperation { Property.Name: "Value", Instance: { } instance } property when IsRegexType(property.Property.ContainingType):
                    return instance;
                case IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke, Arguments.Length: 1 } invoke
                    when invoke.Type?.SpecialType == SpecialType.System_String:
                    // A text-to-text delegate (Func<string, string>) applied to the piece: a filter, not a lookup.
                    value = ValueFlow.Unwrap(invoke.Arguments[0].Value);
                    continue;
                case IInvocationOperation { Instance: { } receiver } call
                    when call.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String && call.Type?.SpecialType == SpecialType.System_String &&
                         AddsNoText(call):
                    // .Trim('{', '}'), .Substring(1, n), .ToLowerInvariant(): the piece, cut or cased; not .Replace("x", other).
                    value = ValueFlow.Unwrap(receiver);
                    continue;
                default:
                    return null;
            }
        }

        return null;
    }

    // A string method whose text arguments are constants adds no text from elsewhere to the piece.
    private static bool AddsNoText(IInvocationOperation call)
    {
        foreach (var argument in call.Arguments)
        {
            var value = ValueFlow.Unwrap(argument.Value);
            if (value.ConstantValue.HasValue)
            {
                continue;
            }

            if (value.Type is { SpecialType: SpecialType.System_String or SpecialType.System_Object })
            {
                return false;
            }
        }

        return true;
    }

    // Follows a Match/Group back to the call that produced it and judges that call's input and pattern.
    private static bool IsPlainMatch(IOperation capture, IOperation root, Func<IOperation, bool> isSecretInput, Func<string, bool> namesCredential, HashSet<ILocalSymbol> seen, int depth)
    {
        if (depth > ValueFlow.MaxDepth)
        {
            return false;
        }

        switch (ValueFlow.Unwrap(capture))
        {
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: IPropertyReferenceOperation { Property.Name: "Groups", Instance: { } match } }:
                // m.Groups[1], m.Groups["token"]
                return IsPlainMatch(match, root, isSecretInput, namesCredential, seen, depth + 1);
            case IInvocationOperation call when IsRegexType(call.TargetMethod.ContainingType) && call.TargetMethod.Name is "Match" or "Matches" or "NextMatch":
                return IsPlainMatchCall(call, root, isSecretInput, namesCredential, seen, depth);
            case ILocalReferenceOperation local:
                if (!seen.Add(local.Local))
                {
                    // m = m.NextMatch(): the loop adds no source the first visit did not judge.
                    return true;
                }

                var writes = ValueFlow.ValuesWrittenTo(local.Local, root);
                if (writes.Count == 0)
                {
                    // foreach (Match match in pattern.Matches(source))
                    return ForEachCollection(local.Local, root) is { } collection && IsPlainMatch(collection, root, isSecretInput, namesCredential, seen, depth + 1);
                }

                foreach (var written in writes)
                {
                    if (!IsPlainMatch(written, root, isSecretInput, namesCredential, seen, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    private static bool IsPlainMatchCall(IInvocationOperation call, IOperation root, Func<IOperation, bool> isSecretInput, Func<string, bool> namesCredential, HashSet<ILocalSymbol> seen, int depth)
    {
        if (call.TargetMethod.Name == "NextMatch")
        {
            return call.Instance is { } previous && IsPlainMatch(previous, root, isSecretInput, namesCredential, seen, depth + 1);
        }

        IOperation? input = null;
        IOperation? pattern = null;
        foreach (var argument in call.Arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "input":
                    input = argument.Value;
                    break;
                case "pattern":
                    pattern = argument.Value;
                    break;
            }
        }

        if (input is null || isSecretInput(input))
        {
            return false;
        }

        // Regex.Match(input, pattern) names its pattern; regex.Match(input) has it in the Regex it was made with.
        pattern ??= call.Instance is { } regex ? PatternOf(regex, root) : null;
        return pattern is null || pattern.ConstantValue is not { HasValue: true, Value: string text } || !namesCredential(text);
    }

    // new Regex("..."), or a local given one; a field or property made elsewhere has a pattern this method cannot see.
    private static IOperation? PatternOf(IOperation regex, IOperation root)
    {
        switch (ValueFlow.Unwrap(regex))
        {
            case IObjectCreationOperation creation when creation.Arguments.Length > 0:
                return creation.Arguments[0].Value;
            case ILocalReferenceOperation local:
                foreach (var written in ValueFlow.ValuesWrittenTo(local.Local, root))
                {
                    if (ValueFlow.Unwrap(written) is IObjectCreationOperation { Arguments.Length: > 0 } creation)
                    {
                        return creation.Arguments[0].Value;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static IOperation? ForEachCollection(ILocalSymbol local, IOperation root)
    {
        foreach (var operation in root.Descendants())
        {
            if (operation is IForEachLoopOperation loop)
            {
                foreach (var declared in loop.Locals)
                {
                    if (SymbolEqualityComparer.Default.Equals(declared, local))
                    {
                        return loop.Collection;
                    }
                }
            }
        }

        return null;
    }

    private static bool IsRegexType(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.ContainingNamespace?.ToDisplayString() == RegexNamespace)
            {
                return true;
            }
        }

        return false;
    }
}
