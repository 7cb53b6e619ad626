using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;

namespace SecretGuard.Analyzers.Infrastructure;

/// <summary>XML: attributes, elements that hold text only, and <c>&lt;add key="ApiKey" value="..."/&gt;</c> pairs.</summary>
internal static partial class StructuredFields
{
    // Well-formed XML or it is not XML: a fragment may have several elements at the top. No DTD, no resolver: nothing is
    // fetched or expanded.
    private static readonly XmlReaderSettings XmlSettings = new XmlReaderSettings
    {
        ConformanceLevel = ConformanceLevel.Fragment,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = MaxLength,
        CloseInput = true,
    };

    private static bool ReadXml(string text, List<StructuredField> fields)
    {
        var found = new List<StructuredField>();

        // Elements open above the reader: their names, their text so far, and whether a child element came in.
        var open = new Stack<(string Name, StringBuilder Text, bool HasChild)>();
        using (var reader = XmlReader.Create(new StringReader(text), XmlSettings))
        {
            try
            {
                while (reader.Read())
                {
                    switch (reader.NodeType)
                    {
                        case XmlNodeType.Element:
                            if (open.Count > 0)
                            {
                                var parent = open.Pop();
                                open.Push((parent.Name, parent.Text, true));
                            }

                            ReadAttributes(reader, found);
                            if (!reader.IsEmptyElement)
                            {
                                open.Push((reader.LocalName, new StringBuilder(), false));
                            }

                            break;
                        case XmlNodeType.Text:
                        case XmlNodeType.CDATA:
                            if (open.Count > 0)
                            {
                                open.Peek().Text.Append(reader.Value);
                            }

                            break;
                        case XmlNodeType.EndElement:
                            var element = open.Pop();
                            if (!element.HasChild)
                            {
                                found.Add(new StructuredField(element.Name, element.Text.ToString().Trim()));
                            }

                            break;
                    }
                }
            }
            catch (XmlException)
            {
                return false;
            }
        }

        fields.AddRange(found);
        return true;
    }

    private static void ReadAttributes(XmlReader reader, List<StructuredField> found)
    {
        string? pairName = null;
        string? pairValue = null;
        if (!reader.MoveToFirstAttribute())
        {
            return;
        }

        do
        {
            if (reader.Prefix == "xmlns" || reader.LocalName == "xmlns")
            {
                continue;
            }

            var name = reader.LocalName;
            var value = reader.Value;
            found.Add(new StructuredField(name, value));
            if (IsNameKey(name) && IsFieldName(value))
            {
                pairName = value;
            }
            else if (IsValueKey(name))
            {
                pairValue = value;
            }
        }
        while (reader.MoveToNextAttribute());

        reader.MoveToElement();
        if (pairName is not null && pairValue is not null)
        {
            found.Add(new StructuredField(pairName, pairValue));
        }
    }
}
