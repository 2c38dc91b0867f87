namespace ActorTrading.Actors.Strategies;

/// <summary>The type of a strategy parameter; its lower-case name is the API StrategyParameter.type.</summary>
public enum ParameterKind
{
    Int,
    Decimal,
    Bool,
    String,
}
