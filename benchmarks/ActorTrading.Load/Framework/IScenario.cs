namespace ActorTrading.Load;

/// <summary>
/// One load scenario of the CLI. Any public sealed class implementing it with a parameterless
/// constructor is discovered by <see cref="ScenarioRegistry"/>. Progress goes to
/// <c>progress</c>; the result becomes the JSON object on the last line of output.
/// </summary>
public interface IScenario
{
    /// <summary>The command-line name, e.g. <c>pingpong</c>.</summary>
    string Name { get; }

    /// <summary>The options with their defaults, e.g. <c>--pairs 4 --messages 1000000</c>.</summary>
    string Usage { get; }

    Task<ScenarioResult> RunAsync(ScenarioArgs args, TextWriter progress, CancellationToken ct);
}
