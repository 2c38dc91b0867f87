namespace ActorTrading.Runtime.Tests.TestKit;

public sealed record Numbered(int Sender, long Sequence);
