namespace Lbbv.Cli.Bench;

/// <summary>A mistake on the `lbbv bench` command line (unknown engine, missing path): one line, status 2.</summary>
public sealed class BenchUsageException(string message) : Exception(message);
