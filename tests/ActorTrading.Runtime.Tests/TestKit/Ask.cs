namespace ActorTrading.Runtime.Tests.TestKit;

public sealed record Ask(string Text);
