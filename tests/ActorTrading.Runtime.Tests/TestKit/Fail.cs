namespace ActorTrading.Runtime.Tests.TestKit;

public sealed record Fail(string Why);
