using ActorTrading.Actors.Model;
using ActorTrading.Actors.Risk;

namespace ActorTrading.Actors.Hosting;

/// <summary>The pre-trade check the risk actor runs: the <see cref="RiskEngine"/> in production.</summary>
public interface IRiskEvaluator
{
    RiskDecision Evaluate(OrderRequest request, RiskSnapshot snapshot);

    /// <summary>A modification of an open order (see <see cref="RiskEngine.EvaluateModify"/>).</summary>
    RiskDecision EvaluateModify(OrderRequest current, decimal currentRemaining, OrderRequest modified, RiskSnapshot snapshot);

    void Release(ClientOrderId clientOrderId);

    void ClearReservations();
}

/// <summary>The production evaluator: <see cref="RiskEngine"/> with its reservations.</summary>
public sealed class RiskEngineEvaluator(RiskEngine engine) : IRiskEvaluator
{
    public RiskDecision Evaluate(OrderRequest request, RiskSnapshot snapshot) => engine.Evaluate(request, snapshot);

    public RiskDecision EvaluateModify(OrderRequest current, decimal currentRemaining, OrderRequest modified, RiskSnapshot snapshot) =>
        engine.EvaluateModify(current, currentRemaining, modified, snapshot);

    public void Release(ClientOrderId clientOrderId) => engine.Release(clientOrderId);

    public void ClearReservations() => engine.ClearReservations();
}
