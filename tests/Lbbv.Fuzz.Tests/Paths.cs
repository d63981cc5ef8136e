namespace Lbbv.Fuzz.Tests;

/// <summary>The repository's test programs, and scratch folders for generated ones.</summary>
public static class Paths
{
    public static string Programs => Lbbv.Tests.RepoPaths.Programs;

    public static string Scratch(string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"lbbv-fuzz-tests-{Environment.ProcessId}", name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Writes a seed's program to a scratch folder and returns its path.</summary>
    public static string SeedProgram(string folder, long seed)
    {
        string file = Path.Combine(Scratch(folder), $"seed_{seed}.py");
        File.WriteAllText(file, Generation.ProgramGenerator.Generate(seed).Render());
        return file;
    }
}
