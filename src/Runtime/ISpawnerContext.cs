namespace ActorTrading.Runtime;

/// <summary>Creating actors (children of <c>Self</c>, or root actors from <c>system.Root</c>).</summary>
public interface ISpawnerContext
{
    /// <summary>Spawns with a generated id.</summary>
    PID Spawn(Props props);

    /// <summary>Spawns with the given name (a child's id is <c>parentId/name</c>); throws
    /// <c>ProcessNameExistsException</c> if it is taken.</summary>
    PID SpawnNamed(Props props, string name);

    /// <summary>Spawns with an id made of <paramref name="prefix"/> and a generated suffix.</summary>
    PID SpawnPrefix(Props props, string prefix);
}
