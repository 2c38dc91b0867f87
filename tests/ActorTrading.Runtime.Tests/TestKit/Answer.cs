namespace ActorTrading.Runtime.Tests.TestKit;

public sealed record Answer(string Text);
