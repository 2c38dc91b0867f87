namespace ActorTrading.Actors.Model;

/// <summary>The order a submission produced; <see cref="IsDuplicate"/> when the client order id was seen before.</summary>
public readonly record struct OrderSubmission(OrderState Order, bool IsDuplicate);
