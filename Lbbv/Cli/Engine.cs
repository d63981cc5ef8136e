namespace Lbbv.Cli;

/// <summary>The execution engines `--jit` selects.</summary>
public enum Engine { Off, Lbbv, Trace }

public static class EngineNames
{
    public static readonly string[] All = ["off", "lbbv", "trace"];

    public static Engine Parse(string name) => name switch
    {
        "off" => Engine.Off,
        "lbbv" => Engine.Lbbv,
        "trace" => Engine.Trace,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown engine"),
    };
}
