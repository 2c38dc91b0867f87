using System.Reflection;

namespace ActorTrading.Load;

/// <summary>Finds every public sealed <see cref="IScenario"/> of this assembly.</summary>
public static class ScenarioRegistry
{
    public static IReadOnlyDictionary<string, IScenario> Discover(Assembly assembly)
    {
        var found = new SortedDictionary<string, IScenario>(StringComparer.Ordinal);
        foreach (var t in assembly.GetTypes())
        {
            if (!t.IsPublic || !t.IsSealed || t.IsAbstract || !typeof(IScenario).IsAssignableFrom(t)) continue;
            if (t.GetConstructor(Type.EmptyTypes) is null) continue;
            var s = (IScenario)Activator.CreateInstance(t)!;
            if (!found.TryAdd(s.Name, s))
                throw new InvalidOperationException($"two scenarios are named '{s.Name}': {found[s.Name].GetType()} and {t}");
        }
        return found;
    }
}
