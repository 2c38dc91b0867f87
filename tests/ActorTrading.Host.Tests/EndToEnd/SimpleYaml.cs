namespace ActorTrading.Host.Tests.EndToEnd;

/// <summary>
/// Reads the block-style YAML subset docker-compose.yml uses (nested maps, "- " lists, scalars, flow lists kept as text;
/// comments and blank lines ignored). Enough to check the file's structure where no YAML library or docker compose exists.
/// </summary>
public static class SimpleYaml
{
    public static Dictionary<string, object> Parse(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).ToList();
        var index = 0;
        return (Dictionary<string, object>)Block(lines, ref index, 0);
    }

    private static object Block(List<string> lines, ref int index, int indent)
    {
        if (lines[index].TrimStart().StartsWith("- ", StringComparison.Ordinal))
        {
            var list = new List<object>();
            while (index < lines.Count && Indent(lines[index]) == indent && lines[index].TrimStart().StartsWith("- ", StringComparison.Ordinal))
                list.Add(Unquote(lines[index++].TrimStart()[2..].Trim()));
            return list;
        }
        var map = new Dictionary<string, object>(StringComparer.Ordinal);
        while (index < lines.Count && Indent(lines[index]) == indent)
        {
            var line = lines[index].Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0) throw new FormatException($"line {index + 1}: expected 'key:' in '{line}'");
            var key = line[..colon];
            var value = line[(colon + 1)..].Trim();
            index++;
            if (value.Length > 0) map.Add(key, Unquote(value));
            else if (index < lines.Count && Indent(lines[index]) > indent) map.Add(key, Block(lines, ref index, Indent(lines[index])));
            else map.Add(key, "");
        }
        if (index < lines.Count && Indent(lines[index]) > indent) throw new FormatException($"line {index + 1}: unexpected indentation");
        return map;
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    private static string Unquote(string s) => s.Length >= 2 && (s[0] == '"' && s[^1] == '"' || s[0] == '\'' && s[^1] == '\'') ? s[1..^1] : s;
}
