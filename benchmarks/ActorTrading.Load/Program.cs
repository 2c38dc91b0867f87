using ActorTrading.Load;

// dotnet run -c Release --project benchmarks/ActorTrading.Load -- <scenario> [--option value ...]
// Progress goes to standard output as it runs; the LAST line is one JSON object of results.
var scenarios = ScenarioRegistry.Discover(typeof(Program).Assembly);
if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine("usage: ActorTrading.Load <scenario> [--option value ...]\nscenarios:");
    foreach (var s in scenarios.Values) Console.WriteLine($"  {s.Name,-20} {s.Usage}");
    return args.Length == 0 ? 2 : 0;
}
if (!scenarios.TryGetValue(args[0], out var scenario))
{
    Console.Error.WriteLine($"unknown scenario '{args[0]}'; known: {string.Join(", ", scenarios.Keys)}");
    return 2;
}
if (!ScenarioArgs.TryParse(args[1..], out var options, out var error))
{
    Console.Error.WriteLine($"{scenario.Name}: {error}\nusage: {scenario.Name} {scenario.Usage}");
    return 2;
}
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
try
{
    var result = await scenario.RunAsync(options, Console.Out, cts.Token);
    var unread = options.Unread.ToList();
    if (unread.Count > 0)
    {
        Console.Error.WriteLine($"{scenario.Name}: unknown option(s) {string.Join(", ", unread.Select(u => "--" + u))}\nusage: {scenario.Name} {scenario.Usage}");
        return 2;
    }
    Console.Out.Flush();
    Console.WriteLine(result.ToJson(scenario.Name, options.Values));
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"{scenario.Name}: {e.Message}\nusage: {scenario.Name} {scenario.Usage}");
    return 2;
}
