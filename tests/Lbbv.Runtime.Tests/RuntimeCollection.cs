namespace Lbbv.Runtime.Tests;

/// <summary>The runtime's state is process-global (one VM at a time): tests that touch it run serially.</summary>
[CollectionDefinition("runtime", DisableParallelization = true)]
public sealed class RuntimeCollection { }
