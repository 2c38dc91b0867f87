using System.Text.RegularExpressions;

namespace ActorTrading.Protos.Tests;

/// <summary>
/// The proto block of <c>shared/API.md</c>, parsed into messages, enums and services. API.md's
/// block uses a plain subset of proto3 (no nesting, no options), which these patterns cover.
/// </summary>
public sealed partial class ApiContract
{
    public sealed record Field(string Name, int Number, string Type, bool Repeated, string? MapKey, string? MapValue);
    public sealed record Rpc(string Service, string Name, string Input, bool ClientStreaming, string Output, bool ServerStreaming);

    public Dictionary<string, List<Field>> Messages { get; } = new();
    public Dictionary<string, Dictionary<string, int>> Enums { get; } = new();
    public List<Rpc> Rpcs { get; } = new();

    public static ApiContract Load()
    {
        var path = FindApiMd();
        var text = File.ReadAllText(path);
        var start = text.IndexOf("```proto", StringComparison.Ordinal);
        var end = text.IndexOf("```", start + 8, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{path} has no ```proto block");
        return Parse(text[(start + 8)..end]);
    }

    public static ApiContract Parse(string proto)
    {
        var contract = new ApiContract();
        var code = Comment().Replace(proto, "");
        foreach (Match block in Block().Matches(code))
        {
            var (kind, name, body) = (block.Groups[1].Value, block.Groups[2].Value, block.Groups[3].Value);
            switch (kind)
            {
                case "message":
                    contract.Messages[name] = body.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(ParseField).ToList();
                    break;
                case "enum":
                    contract.Enums[name] = EnumValue().Matches(body).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value));
                    break;
                case "service":
                    foreach (Match m in RpcLine().Matches(body))
                        contract.Rpcs.Add(new Rpc(name, m.Groups[1].Value, m.Groups[3].Value, m.Groups[2].Success,
                            m.Groups[5].Value, m.Groups[4].Success));
                    break;
            }
        }
        return contract;
    }

    private static Field ParseField(string entry)
    {
        var m = FieldLine().Match(Regex.Replace(entry, @"\s+", " "));
        Assert.True(m.Success, $"API.md field not understood: '{entry}'");
        var isMap = m.Groups[3].Success;
        return new Field(m.Groups[6].Value, int.Parse(m.Groups[7].Value), isMap ? "map" : m.Groups[2].Value,
            m.Groups[1].Success, isMap ? m.Groups[4].Value : null, isMap ? m.Groups[5].Value : null);
    }

    private static string FindApiMd()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "ActorTrading.sln"))) continue;
            var api = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "API.md"));
            Assert.True(File.Exists(api), $"the API contract is expected at {api} (shared/ beside the checkout)");
            return api;
        }
        throw new InvalidOperationException("ActorTrading.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"//[^\n]*")] private static partial Regex Comment();
    [GeneratedRegex(@"\b(message|enum|service)\s+(\w+)\s*\{([^}]*)\}")] private static partial Regex Block();
    [GeneratedRegex(@"(\w+)\s*=\s*(\d+)")] private static partial Regex EnumValue();
    [GeneratedRegex(@"rpc\s+(\w+)\s*\(\s*(stream\s+)?([\w.]+)\s*\)\s*returns\s*\(\s*(stream\s+)?([\w.]+)\s*\)")] private static partial Regex RpcLine();
    [GeneratedRegex(@"^(repeated )?((map<\s*(\w+)\s*,\s*([\w.]+)\s*>)|[\w.]+) (\w+) ?= ?(\d+)$")] private static partial Regex FieldLine();
}
