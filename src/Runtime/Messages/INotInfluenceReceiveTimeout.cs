namespace ActorTrading.Runtime.Messages;

/// <summary>Messages of a type implementing this marker do not reset the receive timeout.</summary>
public interface INotInfluenceReceiveTimeout;
